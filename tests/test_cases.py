"""Every file under tests/cases/check/ is one CLI case: a submission, the arguments, and the exact output and exit
code expected. Adding a regression test means adding a file. Regenerate the expected parts after a deliberate
change with `TTHC_REGEN=1 pytest tests/test_cases.py`, then read the diff.
"""

from __future__ import annotations

import json
import os
import shutil

import pytest
import yaml

from engine.cli.main import subcommands

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CASES = os.path.join(ROOT, "tests", "cases")
KINDS = (
    "check",
    "bad",
)  # check: any CLI behaviour; bad: malformed input, which must exit 2 in every language and format


def _cases() -> list[str]:
    return sorted(f"{kind}/{n}" for kind in KINDS for n in os.listdir(os.path.join(CASES, kind)) if n.endswith(".yaml"))


def _prepare(case: dict, tmp_path) -> None:
    for folder in case.get("copy", []):  # a copy of a shipped folder (targets, rules), to break on purpose
        shutil.copytree(os.path.join(ROOT, folder), tmp_path / folder)
    for fname, replacements in case.get("patch", {}).items():
        path = tmp_path / fname
        text = path.read_text(encoding="utf-8")
        for old, new in replacements:
            assert old in text, f"patch of {fname}: {old!r} not found"
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    for fname, content in case.get("files", {}).items():
        target = tmp_path / fname
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, dict) and "workbook" in content:  # the template, filled as Excel stores typing
            from workbooks import make

            make(target, content["workbook"])
        elif isinstance(content, dict) and "rows" in content:  # an export as a one-stop system writes it
            from workbooks import export

            export(target, content["rows"])
        elif isinstance(content, dict) and "hex" in content:
            target.write_bytes(bytes.fromhex(content["hex"]))
        elif isinstance(content, dict) and "repeat" in content:  # a large file, made rather than committed
            with open(target, "w", encoding="utf-8") as fh:
                fh.write(content.get("head", ""))
                for _ in range(content["times"]):
                    fh.write(content["repeat"])
        else:
            target.write_bytes(content.encode("utf-8"))


def _literal(dumper, text):
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


@pytest.mark.parametrize("name", _cases())
def test_case(cli, name, tmp_path):
    path = os.path.join(CASES, name)
    with open(path, encoding="utf-8") as fh:
        case = yaml.safe_load(fh)
    _prepare(case, tmp_path)
    result = cli(case["args"], cwd=str(tmp_path))
    if os.environ.get("TTHC_REGEN"):
        case.update(exit=result.code, stdout=result.stdout, stderr=result.stderr)
        dumper = yaml.SafeDumper
        dumper.add_representer(str, _literal)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(f"# {case.get('about', name)}\n")
            yaml.dump(case, fh, Dumper=dumper, allow_unicode=True, sort_keys=False, width=200)
        return
    assert (result.code, result.stdout, result.stderr) == (case["exit"], case["stdout"], case["stderr"])
    if name.startswith("bad/"):
        _bad_everywhere(cli, case, result, tmp_path)


SUBCOMMANDS = tuple(subcommands())  # the command line's own list: a new command is covered without a change here


def _bad_everywhere(cli, case: dict, vi, tmp_path) -> None:
    """Bad input: exit 2, no traceback, the same problems in English and as JSON."""
    assert vi.code == 2 and "Traceback" not in vi.stdout + vi.stderr
    args = [a for a in case["args"] if a not in ("--lang", "vi", "en")]
    sub = args[:1] if args[0] in SUBCOMMANDS else []  # options go after a subcommand
    args = args[len(sub) :]
    en = cli([*sub, "--lang", "en", *args], cwd=str(tmp_path))
    assert en.code == 2 and "Traceback" not in en.stdout + en.stderr
    if sub and sub != ["check"]:  # only check answers in JSON
        return
    as_json = cli(["--format", "json", *args], cwd=str(tmp_path))
    assert as_json.code == 2 and as_json.stderr == ""
    issues = [i for r in json.loads(as_json.stdout)["results"] for i in r["issues"] if i["severity"] == "error"]
    assert issues and all(i["file"] for i in issues)
    lines = [line for line in (vi.stdout + vi.stderr).splitlines() if ": lỗi: " in line or ": error: " in line]
    assert len(lines) == len(issues) or vi.stdout.startswith("{")  # the case itself asked for JSON


def test_every_case_readme_names_exists():
    """README's "How a target is judged" names a case for each rule: each must be a file here."""
    import re

    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as fh:
        text = fh.read()
    section = text[text.index("## How a target is judged") : text.index("## The JSON result")]
    named = set(re.findall(r"`([a-z0-9-]+)`", " ".join(re.findall(r"\[([^\]]+)\]", section))))
    assert named and sorted(n for n in named if not os.path.exists(os.path.join(CASES, "check", f"{n}.yaml"))) == []
