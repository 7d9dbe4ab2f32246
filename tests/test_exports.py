"""Dossier exports as one-stop systems produce them: workbooks with a title block, merged title cells, real date
cells and summary rows; legacy and open formats; too many rows left out (never an empty success); the rows left
out sent back with their reasons and row numbers; no temporary file left behind."""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
from datetime import datetime

import openpyxl
import pytest
import yaml

from engine.records.generate import records, write

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAPPING = os.path.join(ROOT, "examples", "records", "mapping.yaml")
DATES = ("NgayTiepNhan", "HanXuLy", "NgayCoKetQua")


def _mapping(tmp_path, **changes) -> str:
    with open(MAPPING, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    data.update(changes)
    path = tmp_path / "map.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return str(path)


def _compute(cli, records_path, mapping, out, *extra):
    args = ["compute", str(records_path), "--mapping", mapping, "--province", "Hà Giang", "--period", "2024"]
    return cli([*args, "-o", str(out), *extra])


def _export(recs, path, title=True, footer=True) -> None:
    """The records as a one-stop system exports them: a title block with merged cells, the header on row 4, date
    cells with a day-first format, a total at the end."""
    table = recs.text.to_pylist()
    book = openpyxl.Workbook()
    sheet = book.active
    if title:
        sheet["A1"] = "BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ"
        sheet.merge_cells("A1:L1")
        sheet["A2"] = "Kỳ báo cáo: năm 2024"
        sheet.append([])
    sheet.append(list(table[0]))
    for row in table:
        values = [datetime.fromisoformat(v) if k in DATES and v else (v if v != "" else None) for k, v in row.items()]
        sheet.append(values)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, datetime):
                cell.number_format = "dd/mm/yyyy hh:mm"
    if footer:
        sheet.append([])
        sheet.append([None, None, "Tổng cộng", len(table)])
        sheet.append([None, None, "Người lập biểu"])
    book.save(path)


def test_a_workbook_export_gives_what_the_csv_gives(cli, tmp_path):
    recs = records(600, seed=5)
    write(recs, str(tmp_path / "r.csv"))
    _export(recs, tmp_path / "r.xlsx")
    # the mapping says dates are day first as text: the workbook's date cells need no format
    text_map = _mapping(tmp_path)
    assert _compute(cli, tmp_path / "r.csv", text_map, tmp_path / "a.yaml").code == 0
    day_first = _mapping(tmp_path, date_format="%d/%m/%Y %H:%M")
    result = _compute(cli, tmp_path / "r.xlsx", day_first, tmp_path / "b.yaml")
    assert result.code == 0, result.stderr
    a, b = (yaml.safe_load((tmp_path / n).read_text(encoding="utf-8")) for n in ("a.yaml", "b.yaml"))
    assert a == b and a["counts"]["dossiers_received_online"] > 0
    assert "bỏ qua 2 dòng sau hồ sơ cuối cùng" in result.stderr  # the total and the signature
    # row numbers as the spreadsheet shows them: header on row 4, so the CSV's line k (header on line 1) is row k + 3
    csv_run = _compute(cli, tmp_path / "r.csv", text_map, tmp_path / "c.yaml")
    assert _duplicate_rows(result.stderr) == [r + 3 for r in _duplicate_rows(csv_run.stderr)] != []


def _duplicate_rows(stderr: str) -> list[int]:
    line = next(x for x in stderr.splitlines() if "mã hồ sơ trùng" in x)
    return [int(n) for n in re.search(r"\(dòng ([\d, ]+)", line).group(1).split(", ")]


def test_header_row_given_in_the_mapping(cli, tmp_path):
    recs = records(200, seed=3)
    _export(recs, tmp_path / "r.xlsx")
    assert _compute(cli, tmp_path / "r.xlsx", _mapping(tmp_path, header_row=4), tmp_path / "a.yaml").code == 0
    wrong = _compute(cli, tmp_path / "r.xlsx", _mapping(tmp_path, header_row=2), tmp_path / "b.yaml")
    assert wrong.code == 2 and 'thiếu cột "MaHoSo"' in wrong.stderr and ":2:" in wrong.stderr
    assert not (tmp_path / "b.yaml").exists()


@pytest.mark.parametrize("ext", ["ods", "xls"])
def test_open_and_legacy_formats(cli, tmp_path, ext):
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        pytest.skip("LibreOffice is not installed (make test installs it): it converts the test's workbook")
    recs = records(150, seed=9)
    _export(recs, tmp_path / "r.xlsx", footer=False)
    subprocess.run(
        [exe, "--headless", "--convert-to", ext, "--outdir", str(tmp_path), str(tmp_path / "r.xlsx")],
        check=True,
        capture_output=True,
        timeout=180,
    )
    mapping = _mapping(tmp_path, date_format="%d/%m/%Y %H:%M")
    assert _compute(cli, tmp_path / "r.xlsx", mapping, tmp_path / "a.yaml").code == 0
    result = _compute(cli, tmp_path / f"r.{ext}", mapping, tmp_path / "b.yaml")
    assert result.code == 0, result.stderr
    a, b = (yaml.safe_load((tmp_path / n).read_text(encoding="utf-8")) for n in ("a.yaml", "b.yaml"))
    assert a == b


def test_never_an_empty_success(cli, tmp_path):
    """Dates written day first while the mapping says ISO: every row is left out. Exit 2, nothing written, the
    reasons with samples and the formats that would read the dates; the rows go back to the unit."""
    recs = records(300, seed=4)
    table = recs.text.to_pylist()
    with open(tmp_path / "r.csv", "w", encoding="utf-8", newline="") as fh:
        out = csv.DictWriter(fh, fieldnames=list(table[0]))
        out.writeheader()
        for row in table:
            out.writerow(
                {
                    k: (datetime.fromisoformat(v).strftime("%d/%m/%Y %H:%M") if k in DATES and v else v)
                    for k, v in row.items()
                }
            )
    (tmp_path / "old.yaml").write_text("kept: true\n", encoding="utf-8")
    result = _compute(cli, tmp_path / "r.csv", MAPPING, tmp_path / "old.yaml", "--rejected", str(tmp_path / "bad.xlsx"))
    assert result.code == 2
    assert (tmp_path / "old.yaml").read_text(encoding="utf-8") == "kept: true\n"  # nothing written over it
    assert "quá ngưỡng 5 %" in result.stderr and "ngày tiếp nhận không đọc được" in result.stderr
    assert '"%d/%m/%Y %H:%M"' in result.stderr  # the format that reads them
    assert "bad_received" not in result.stderr  # never a raw code
    sheet = openpyxl.load_workbook(tmp_path / "bad.xlsx").active
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["Dòng", "Lý do", "MaHoSo"]
    assert sheet.max_row == 301 and sheet["A2"].value == 2  # every row, numbered as the CSV opens in Excel
    assert sheet["B2"].value == "ngày tiếp nhận không đọc được"
    # with a higher limit it is written, and says what was left out
    again = _compute(cli, tmp_path / "r.csv", MAPPING, tmp_path / "new.yaml", "--max-excluded", "100")
    assert again.code == 0 and "ngày tiếp nhận không đọc được" in again.stderr
    assert (
        cli(
            [
                "compute",
                "x.csv",
                "--mapping",
                MAPPING,
                "--province",
                "Hà Giang",
                "--period",
                "2024",
                "--max-excluded",
                "abc",
            ]
        ).code
        == 2
    )


def test_rejected_csv_is_safe_for_excel(cli, tmp_path):
    recs = records(100, seed=2)
    rows = recs.text.to_pylist()
    rows[5]["DonViXuLy"] = ""  # a row without a unit
    rows[6]["MaHoSo"] = '=HYPERLINK("http://x")'  # text that a spreadsheet would run
    rows[6]["KenhNop"] = "KHAC"
    with open(tmp_path / "r.csv", "w", encoding="utf-8", newline="") as fh:
        out = csv.DictWriter(fh, fieldnames=list(rows[0]))
        out.writeheader()
        out.writerows(rows)
    result = _compute(
        cli,
        tmp_path / "r.csv",
        MAPPING,
        tmp_path / "s.yaml",
        "--rejected",
        str(tmp_path / "bad.csv"),
        "--lang",
        "en",
        "--max-excluded",
        "10",
    )
    assert result.code == 0, result.stderr
    data = (tmp_path / "bad.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM: Excel reads the Vietnamese right
    lines = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert lines[0][:2] == ["Row", "Reason"]
    assert ["7", "no unit"] == lines[1][:2] and lines[2][:3] == [
        "8",
        "channel not in the mapping",
        '\'=HYPERLINK("http://x")',
    ]


def test_no_temporary_file_is_left(cli, tmp_path, monkeypatch):
    import tempfile

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    recs = records(100, seed=1)
    _export(recs, tmp_path / "r.xlsx")
    result = _compute(cli, tmp_path / "r.xlsx", _mapping(tmp_path, date_format="%d/%m/%Y %H:%M"), tmp_path / "s.yaml")
    assert result.code == 0, result.stderr
    assert list(scratch.iterdir()) == []


def test_output_extension_must_be_yaml(cli, tmp_path):
    result = _compute(cli, os.path.join(ROOT, "examples", "records", "ha-giang-2024.csv"), MAPPING, tmp_path / "s.xlsx")
    assert result.code == 2 and ".yaml" in result.stderr and not (tmp_path / "s.xlsx").exists()
