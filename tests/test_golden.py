"""Golden files: every example in every output format and both languages, byte for byte. Regenerate after a
deliberate change with `TTHC_REGEN=1 pytest tests/test_golden.py` and read the diff."""

from __future__ import annotations

import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

GOLDEN = os.path.join(ROOT, "tests", "golden")
EXAMPLES = sorted(n for n in os.listdir(os.path.join(ROOT, "examples")) if n.endswith(".yaml")) + [
    "local/vinh-phuc-2024-09.yaml"
]
FORMATS = {"table": "txt", "json": "json", "markdown": "md"}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("example", EXAMPLES)
def test_golden(cli, example, fmt, lang):
    result = cli(["--format", fmt, "--lang", lang, f"examples/{example}"], cwd=ROOT)
    name = f"{example[:-5].replace('/', '-')}.{lang}.{FORMATS[fmt]}"
    path = os.path.join(GOLDEN, name)
    text = f"exit {result.code}\n{result.stdout}"
    if os.environ.get("TTHC_REGEN") or not os.path.exists(path):
        assert os.environ.get("TTHC_REGEN"), f"missing golden file {name}: run with TTHC_REGEN=1"
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    with open(path, encoding="utf-8") as fh:
        assert text == fh.read()
    assert result.stderr == ""


@pytest.mark.parametrize("width", [100, 120, 160])
def test_on_a_terminal_the_table_fits_its_width(checker, width):
    """Names wrap to the terminal's width (ids and figures never): no line is wider than the terminal once the
    figures' columns fit in it; without a terminal the table is as the golden files show."""
    from engine.output.table import report_table

    run = checker.run([os.path.join(ROOT, "examples", "tuyen-quang-2025-09-units.yaml")])
    text = report_table(run, checker.catalogue, "vi", width)
    assert max(len(line) for line in text.splitlines()) <= width
    assert "cd127-boundary-free†" in text and "Văn phòng UBND tỉnh" in text


def test_on_a_narrow_terminal_who_leads_moves_under_the_table(checker):
    from engine.output.table import report_table

    run = checker.run([os.path.join(ROOT, "examples", "tuyen-quang-2025-09-units.yaml")])
    text = report_table(run, checker.catalogue, "vi", 80)
    header = next(line for line in text.splitlines() if line.startswith("Chỉ tiêu"))
    assert "Chủ trì" not in header and "cd127-boundary-free: Chủ trì: Văn phòng UBND tỉnh" in text
