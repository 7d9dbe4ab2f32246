# Two commands set everything up on a fresh machine (Python 3.11 or 3.12, gcc, make):
#   make demo   checks a shipped example submission
#   make test   runs the whole test suite
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench clean browser report-demo

$(BIN)/tthc-check: pyproject.toml requirements.lock
	@$(PY) -c 'import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] < (3, 13) else "tthc-check needs Python 3.11 or 3.12 (durable_rules 2.0.28 does not import on 3.13); run: make PY=python3.11")'
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@

demo: $(BIN)/tthc-check
	$(BIN)/tthc-check examples/ha-giang-2024.yaml

# The report tests render HTML in a headless Chromium, Word and Excel files with LibreOffice, and read PDFs with poppler:
# Debian packages, installed here
# when missing and we may (root, as in CI); otherwise those tests say what to install and are skipped.
browser:
	@command -v chromium >/dev/null && command -v pdftotext >/dev/null && command -v soffice >/dev/null && \
	  { ! command -v dpkg >/dev/null || dpkg -s libreoffice-calc-nogui >/dev/null 2>&1; } || \
	  { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui >/dev/null; } || \
	  echo "note: chromium, poppler-utils and libreoffice are not installed; the tests that render will be skipped"

test: $(BIN)/tthc-check browser
	$(BIN)/python -m pytest

# ruff (lint and format) and mypy, as configured in pyproject.toml; .ci/run runs this before the tests
lint: $(BIN)/tthc-check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

report-demo: $(BIN)/tthc-check
	$(BIN)/tthc-check report monthly examples/history/2025/tuyen-quang-2025-09.yaml --history examples/history -o bao-cao-thang.html
	$(BIN)/tthc-check report briefing examples/history/2024/*-2024-11.yaml --history examples/history -o hop-2024-12.html

# the benchmarks compare compute with Polars, which the tool itself does not need
bench: $(BIN)/tthc-check
	$(BIN)/pip install --quiet --disable-pip-version-check polars
	$(BIN)/python -m bench.run
	$(BIN)/python -m bench.records

clean:
	rm -rf $(VENV) build dist
