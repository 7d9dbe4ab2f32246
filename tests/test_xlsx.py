"""Excel submissions: the template's workbook, filled in, is read exactly as a YAML submission; errors name the
sheet and the cell; numbers typed as text are read or explained."""

from __future__ import annotations

import json
import os

import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _template(cli, tmp_path, **kw):
    path = tmp_path / "bao-cao.xlsx"
    args = ["template", "--xlsx", "-o", str(path)] + sum(([f"--{k}", v] for k, v in kw.items()), [])
    assert cli(args).code == 0
    return path


def _fill(path, metrics=(), counts=(), units=(), info=None):
    book = openpyxl.load_workbook(path)
    sheet = book["Chỉ số"]
    rows = {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1)}
    for mid, num, den, value in metrics:
        r = rows[mid]
        sheet.cell(r, 3, num), sheet.cell(r, 4, den), sheet.cell(r, 5, value)
    crow = {book["Số đếm"].cell(r, 1).value: r for r in range(2, book["Số đếm"].max_row + 1)}
    for cid, value in counts:
        book["Số đếm"].cell(crow[cid], 3, value)
    for row in units:
        book["Đơn vị"].append(list(row))
    for label, value in (info or {}).items():
        for r in range(2, 6):
            if book["Thông tin"].cell(r, 1).value == label:
                book["Thông tin"].cell(r, 2, value)
    book.save(path)


def test_template_has_the_sheets_lists_and_checks(cli, tmp_path):
    book = openpyxl.load_workbook(_template(cli, tmp_path, province="Hà Giang", period="2024"))
    assert book.sheetnames[:5] == ["Thông tin", "Chỉ số", "Số đếm", "Đơn vị", "Đơn vị - số đếm"]
    assert book["Thông tin"]["B2"].value == "Hà Giang" and book["Chỉ số"]["A1"].value == "Mã chỉ số"
    assert "online_payment_rate" in [c.value for c in book["Chỉ số"]["A"]]
    kinds = [dv.type for dv in book["Chỉ số"].data_validations.dataValidation]
    assert sorted(kinds) == ["decimal", "whole"]
    assert any(dv.type == "list" for dv in book["Đơn vị"].data_validations.dataValidation)
    assert cli(["template", "--xlsx", "-o", str(tmp_path / "bao-cao.xlsx")]).code == 2  # never over a file


def test_a_filled_workbook_gives_the_same_verdicts_as_yaml(cli, tmp_path):
    path = _template(cli, tmp_path, province="Hà Giang", period="2024")
    _fill(
        path,
        metrics=[
            ("online_payment_rate", 1156, 1979, 58.41),
            ("portal_service_rate", 1872, 1952, None),
            ("digitization_rate", None, None, 86.91),
        ],
        units=[("Sở Tư pháp", "department", "online_payment_rate", 40, 210, None)],
        info={"Ngày chốt số liệu": "2024-12-12"},
    )
    from_xlsx = json.loads(cli(["-f", "json", str(path)]).stdout)["results"][0]
    from_yaml = json.loads(cli(["-f", "json", "examples/ha-giang-2024.yaml"], cwd=ROOT).stdout)["results"][0]
    assert [(f["target"], f["status"], f["value"]) for f in from_xlsx["findings"]] == [
        (f["target"], f["status"], f["value"]) for f in from_yaml["findings"]
    ]


def test_errors_name_the_sheet_and_cell(cli, tmp_path):
    path = _template(cli, tmp_path, province="Hà Giang", period="2024")
    _fill(
        path,
        metrics=[("online_payment_rate", 2100, 1979, None), ("digitization_rate", None, None, "58,41")],
        counts=[("feedback_received", "1.972")],
    )
    result = cli([str(path)], cwd=str(tmp_path))
    assert result.code == 2
    out = result.stdout
    assert "Sheet 'Số đếm', ô C" in out and "hãy viết 1972" in out
    rows = {c.value: c.row for c in openpyxl.load_workbook(path)["Chỉ số"]["A"]}
    # a bad figure is left out and the rest still checked: both errors are told at once
    assert f"Sheet 'Chỉ số', ô C{rows['online_payment_rate']}: lỗi: tử số 2.100 lớn hơn mẫu số 1.979" in out
    fixed = tmp_path / "b.xlsx"
    _fill(path, counts=[("feedback_received", 1972)])
    os.replace(path, fixed)
    again = cli([str(fixed), "--lang", "en"], cwd=str(tmp_path))
    assert f"Sheet 'Chỉ số', cell C{rows['online_payment_rate']}: error: numerator 2,100 is above" in again.stdout
    assert f"Sheet 'Chỉ số', cell E{rows['digitization_rate']}: warning: read \"58,41\" as 58.41" in again.stdout
