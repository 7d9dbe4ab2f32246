# Two commands set everything up on a fresh machine (Python 3.11 or 3.12, gcc, make):
#   make demo   checks a shipped example submission
#   make test   runs the whole test suite
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test bench clean

$(BIN)/tthc-check: pyproject.toml requirements.lock
	@$(PY) -c 'import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] < (3, 13) else "tthc-check needs Python 3.11 or 3.12 (durable_rules 2.0.28 does not import on 3.13); run: make PY=python3.11")'
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@

demo: $(BIN)/tthc-check
	$(BIN)/tthc-check examples/ha-giang-2024.yaml

test: $(BIN)/tthc-check
	$(BIN)/python -m pytest

bench: $(BIN)/tthc-check
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build dist
