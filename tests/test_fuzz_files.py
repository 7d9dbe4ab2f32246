"""Fuzzing the other inputs: Excel submissions filled with whatever a cell can hold, and dossier exports (CSV)
broken line by line. The promise is the one of every input: exit 0 or 1 with a result, or exit 2 with a place;
never exit 3 or a traceback. A modest count runs in the normal suite; `pytest -m fuzz` runs the long one
(TTHC_FUZZ_EXAMPLES, 10,000 by default, divided by 20 here: each example writes a workbook)."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError
from workbooks import make

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RECORDS = os.path.join(ROOT, "examples", "records", "ha-giang-2024.csv")
MAPPING = os.path.join(ROOT, "examples", "records", "mapping.yaml")
MODEST = 12
LONG = int(os.environ.get("TTHC_FUZZ_EXAMPLES", "10000")) // 20

CELLS = [
    "Thông tin!B2",
    "Thông tin!B4",
    "Thông tin!B5",
    "Chỉ số!online_payment_rate!Tử số",
    "Chỉ số!online_payment_rate!Mẫu số",
    "Chỉ số!on_time_rate!Giá trị",
    "Chỉ số!index_766_score!Giá trị",
    "Số đếm!A3",
    "Số đếm!C3",
    "Đơn vị!A2",
    "Đơn vị!B2",
    "Đơn vị!C2",
    "Đơn vị!D2",
    "Đơn vị!E2",
]

values = st.one_of(
    st.none(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["Hà Giang", "Quý III/2024", "9/2024", "1.234", "95,9", "=1/0", "#N/A", " ", "2024"]),
    st.builds(lambda x: {"percent": x}, st.floats(-10, 10, allow_nan=False)),
    st.builds(lambda d: {"date": d.isoformat()}, st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))),
    st.builds(lambda d, f: {"date": d.isoformat(), "format": f}, st.dates(), st.sampled_from(["mm/yyyy", "@"])),
    st.builds(lambda t: {"text": t}, st.text(max_size=12)),
    st.builds(lambda t: {"formula": "=" + t}, st.sampled_from(["1+1", "A1", "SUM(C2:C3)"])),
)
fills = st.dictionaries(st.sampled_from(CELLS), values, min_size=1, max_size=8)


def _settings(n: int):
    return settings(max_examples=n, deadline=None, database=None, suppress_health_check=list(HealthCheck))


def _answered(run) -> None:
    assert run.code in (0, 1, 2), run.stderr
    assert "Traceback" not in run.stdout + run.stderr and "internal error" not in run.stderr
    if run.code == 2:
        assert ": lỗi: " in run.stdout + run.stderr  # a located error says why


def _workbook(cli, tmp_path_factory, cells) -> None:
    folder = tmp_path_factory.mktemp("wb")
    try:
        make(folder / "s.xlsx", cells)
    except (
        ValueError,
        TypeError,
        IllegalCharacterError,
    ):  # a value openpyxl itself refuses to write: no workbook, nothing to read
        return
    _answered(cli(["s.xlsx"], cwd=str(folder)))


def _records(cli, tmp_path_factory, broken) -> None:
    with open(RECORDS, encoding="utf-8") as fh:
        lines = fh.readlines()[:60]
    for at, text in broken:
        lines.insert(min(at, len(lines)), text + "\n")
    folder = tmp_path_factory.mktemp("rec")
    (folder / "r.csv").write_text("".join(lines), encoding="utf-8")
    args = [
        "compute",
        "r.csv",
        "--mapping",
        MAPPING,
        "--province",
        "Hà Giang",
        "--period",
        "2024",
        "--max-excluded",
        "100",
    ]
    run = cli(args, cwd=str(folder))
    assert run.code in (0, 2), run.stderr
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr


breaks = st.lists(
    st.tuples(st.integers(0, 70), st.text(alphabet=st.sampled_from("ab,;\"'\t 0123456789/-:TSở"), max_size=40)),
    max_size=4,
)


@given(cells=fills)
@_settings(MODEST)
def test_excel_submissions_are_answered(cli, tmp_path_factory, cells):
    _workbook(cli, tmp_path_factory, cells)


@given(broken=breaks)
@_settings(MODEST)
def test_broken_exports_are_answered(cli, tmp_path_factory, broken):
    _records(cli, tmp_path_factory, broken)


@pytest.mark.fuzz
@given(cells=fills)
@_settings(LONG)
def test_long_excel(cli, tmp_path_factory, cells):
    _workbook(cli, tmp_path_factory, cells)


@pytest.mark.fuzz
@given(broken=breaks)
@_settings(LONG)
def test_long_exports(cli, tmp_path_factory, broken):
    _records(cli, tmp_path_factory, broken)
