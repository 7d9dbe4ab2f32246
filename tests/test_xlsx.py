"""Excel submissions: the template's workbook, filled in as Excel stores what people type, is read exactly as a
YAML submission; errors name the sheet and the cell; the template prints on A4 with a prompt on every checked cell."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import openpyxl
import pytest
from workbooks import fill

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _template(cli, tmp_path, **kw):
    path = tmp_path / "bao-cao.xlsx"
    args = ["template", "--xlsx", "-o", str(path)] + sum(([f"--{k}", v] for k, v in kw.items()), [])
    assert cli(args).code == 0
    return path


def test_template_has_the_sheets_lists_checks_and_prompts(cli, tmp_path):
    book = openpyxl.load_workbook(_template(cli, tmp_path, province="Hà Giang", period="2024"))
    assert book.sheetnames == ["Thông tin", "Chỉ số", "Số đếm", "Đơn vị", "Đơn vị - số đếm", "Danh mục"]
    assert book["Thông tin"]["B2"].value == "Hà Giang" and book["Danh mục"].sheet_state == "hidden"
    metrics = book["Chỉ số"]
    assert [c.value for c in metrics[1]][:2] == ["Tên chỉ số", "Mã chỉ số"]  # Vietnamese first
    assert ("Tỷ lệ thanh toán trực tuyến", "online_payment_rate") == (metrics["A2"].value, metrics["B2"].value)
    assert sorted(dv.type for dv in metrics.data_validations.dataValidation) == ["decimal", "whole"]
    for sheet in book.worksheets[:5]:
        checks = sheet.data_validations.dataValidation
        assert checks and all(dv.prompt and dv.error and dv.showInputMessage for dv in checks), sheet.title
        assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4) and int(sheet.page_setup.fitToWidth) == 1
        assert sheet.print_title_rows == "$1:$1"
        assert {c.font.name for c in sheet[1]} == {"Times New Roman"}
    kinds = book["Danh mục"]["C"]
    assert [c.value for c in kinds][:2] == ["Sở, ban, ngành", "Cấp xã (xã, phường, đặc khu)"]
    assert book["Thông tin"]["B4"].number_format == "@" and book["Thông tin"]["B5"].number_format == "dd/mm/yyyy"
    assert cli(["template", "--xlsx", "-o", str(tmp_path / "bao-cao.xlsx")]).code == 2  # never over a file


def test_a_filled_workbook_gives_the_same_verdicts_as_yaml(cli, tmp_path):
    path = _template(cli, tmp_path, province="Hà Giang", period="2024")
    fill(
        path,
        {
            "Chỉ số!online_payment_rate!Tử số": 1156,
            "Chỉ số!online_payment_rate!Mẫu số": 1979,
            "Chỉ số!online_payment_rate!Giá trị": 58.41,
            "Chỉ số!portal_service_rate!Tử số": 1872,
            "Chỉ số!portal_service_rate!Mẫu số": 1952,
            "Chỉ số!digitization_rate!Giá trị": 86.91,
            "Đơn vị!A2": "Sở Tư pháp",
            "Đơn vị!B2": "Sở, ban, ngành",
            "Đơn vị!C2": "Tỷ lệ thanh toán trực tuyến",
            "Đơn vị!D2": 40,
            "Đơn vị!E2": 210,
            "Thông tin!B5": {"text": "12/12/2024"},  # as the instructions show it: read as that day, no warning
        },
    )
    out = json.loads(cli(["-f", "json", str(path)]).stdout)["results"][0]
    from_yaml = json.loads(cli(["-f", "json", "examples/ha-giang-2024.yaml"], cwd=ROOT).stdout)["results"][0]
    assert [(f["target"], f["status"], f["value"]) for f in out["findings"]] == [
        (f["target"], f["status"], f["value"]) for f in from_yaml["findings"]
    ]
    assert out["as_of"] == "2024-12-12" and from_yaml["issues"] == []
    assert [i["code"] for i in out["issues"]] == ["units.figures_do_not_add_up"]  # one unit, not the whole province
    assert out["units"][0]["kind"] == "department"  # the dropdown's Vietnamese text


def test_errors_name_the_sheet_and_cell(cli, tmp_path):
    path = _template(cli, tmp_path, province="Hà Giang", period="2024")
    fill(
        path,
        {
            "Chỉ số!online_payment_rate!Tử số": 2100,
            "Chỉ số!online_payment_rate!Mẫu số": 1979,
            "Chỉ số!digitization_rate!Giá trị": "58,41",
            "Số đếm!feedback_received!Số lượng": "1.972",
            "Số đếm!feedback_handled!Số lượng": {"date": "2024-01-02"},  # "1/2" typed: Excel made it a date
            "Chỉ số!index_766_score!Giá trị": {"percent": 0.7896},  # a score in a percent cell
        },
    )
    rows = {c.value: c.row for c in openpyxl.load_workbook(path)["Chỉ số"]["B"]}
    counts = {c.value: c.row for c in openpyxl.load_workbook(path)["Số đếm"]["B"]}
    result = cli([str(path)], cwd=str(tmp_path))
    assert result.code == 2
    out = result.stdout
    assert f"Sheet 'Số đếm', ô C{counts['feedback_received']}: lỗi" in out and "hãy viết 1972" in out
    assert f"Sheet 'Số đếm', ô C{counts['feedback_handled']}: lỗi: ô là ngày tháng (02/01/2024)" in out
    assert f"Sheet 'Chỉ số', ô E{rows['index_766_score']}: lỗi: ô định dạng phần trăm (78,96 %)" in out
    # a bad figure is left out and the rest still checked: every error is told at once
    assert f"Sheet 'Chỉ số', ô C{rows['online_payment_rate']}: lỗi: tử số 2.100 lớn hơn mẫu số 1.979" in out
    assert "datetime" not in out and "Decimal(" not in out
    en = cli([str(path), "--lang", "en"], cwd=str(tmp_path)).stdout
    assert f"Sheet 'Chỉ số', cell E{rows['digitization_rate']}: warning: read \"58,41\" as 58.41;" in en


def test_a_period_excel_made_a_day_is_refused_with_its_cell(cli, tmp_path):
    path = _template(cli, tmp_path, province="Hà Giang")
    fill(path, {"Thông tin!B4": {"date": "2024-09-01", "format": "dd/mm/yyyy"}})
    result = cli([str(path)], cwd=str(tmp_path))
    assert result.code == 2
    assert "Sheet 'Thông tin', ô B4: lỗi: kỳ báo cáo là ngày 01/09/2024" in result.stdout


def test_old_templates_are_still_read(cli, tmp_path):
    """The first template put ids first and named columns differently; columns are found by their header."""
    book = openpyxl.Workbook()
    info = book.active
    info.title = "Thông tin"
    info.append(["Mục", "Giá trị", "Hướng dẫn"])
    info.append(["Tỉnh, thành phố", "Hà Giang"])
    info.append(["Kỳ báo cáo", "2024"])
    sheet = book.create_sheet("Chỉ số")
    sheet.append(["Mã chỉ số", "Tên chỉ số", "Tử số", "Mẫu số", "Giá trị (% hoặc điểm)"])
    sheet.append(["online_payment_rate", "Tỷ lệ thanh toán trực tuyến", 1156, 1979, None])
    path = tmp_path / "cu.xlsx"
    book.save(path)
    out = json.loads(cli(["-f", "json", str(path)]).stdout)["results"][0]
    assert out["indicators"]["online_payment_rate"]["numerator"] == 1156


def test_the_template_prints_on_a4(cli, tmp_path):
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None or shutil.which("pdfinfo") is None:
        pytest.skip("LibreOffice or poppler-utils is not installed (make test installs them)")
    path = _template(cli, tmp_path)
    subprocess.run(
        [exe, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    info = subprocess.run(["pdfinfo", str(tmp_path / "bao-cao.pdf")], capture_output=True, text=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size"))
    assert "(A4)" in size
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages")).split()[-1])
    assert pages <= 6  # one sheet fits a page or two; the hidden lists are not printed
