"""Every file under tests/cases/check/ is one CLI case: a submission, the arguments, and the exact output and exit
code expected. Adding a regression test means adding a file. Regenerate the expected parts after a deliberate
change with `TTHC_REGEN=1 pytest tests/test_cases.py`, then read the diff.
"""

from __future__ import annotations

import os

import pytest
import yaml

from tests.conftest import ROOT, run_cli

CASES = os.path.join(ROOT, "tests", "cases", "check")


def _cases() -> list[str]:
    return sorted(n for n in os.listdir(CASES) if n.endswith(".yaml"))


def _literal(dumper, text):
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


@pytest.mark.parametrize("name", _cases())
def test_case(name, tmp_path):
    path = os.path.join(CASES, name)
    with open(path, encoding="utf-8") as fh:
        case = yaml.safe_load(fh)
    files = case.get("files", {})
    for fname, content in files.items():
        target = tmp_path / fname
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, dict) and "hex" in content:
            target.write_bytes(bytes.fromhex(content["hex"]))
        else:
            target.write_bytes(content.encode("utf-8"))
    result = run_cli(case["args"], cwd=str(tmp_path))
    if os.environ.get("TTHC_REGEN"):
        case.update(exit=result.code, stdout=result.stdout, stderr=result.stderr)
        dumper = yaml.SafeDumper
        dumper.add_representer(str, _literal)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(f"# {case.get('about', name)}\n")
            yaml.dump(case, fh, Dumper=dumper, allow_unicode=True, sort_keys=False, width=200)
        return
    assert (result.code, result.stdout, result.stderr) == (case["exit"], case["stdout"], case["stderr"])
