"""`tthc-check template --xlsx`: a submission workbook to fill in, with Vietnamese headers and instructions and
data validation in the cells (whole numbers ≥ 0, percentages 0–100, the metric, count and unit-kind lists)."""

from __future__ import annotations

from typing import Any

from engine.catalogue import Catalogue
from engine.io.workbook import COUNTS, INFO, INFO_ROWS, METRICS, UNIT_COUNTS, UNIT_KINDS, UNITS

_HEAD = {"bold": True}


def _validation(kind: str, **extra: Any) -> Any:
    """An Excel cell check: whole numbers 0 or more, percentages 0 to 100, or a list."""
    from openpyxl.worksheet.datavalidation import DataValidation

    if kind == "whole":
        return DataValidation(
            type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True, showErrorMessage=True, **extra
        )
    if kind == "percent":
        return DataValidation(
            type="decimal",
            operator="between",
            formula1="0",
            formula2="100",
            allow_blank=True,
            showErrorMessage=True,
            **extra,
        )
    return DataValidation(type="list", allow_blank=True, showErrorMessage=True, **extra)


def _check(sheet: Any, cells: str, kind: str, **extra: Any) -> None:
    dv = _validation(kind, **extra)
    sheet.add_data_validation(dv)
    dv.add(cells)


def _header(sheet: Any, titles: list[str], widths: list[int]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    sheet.append(titles)
    for cell, width in zip(sheet[1], widths, strict=True):
        cell.font, cell.fill = Font(**_HEAD), PatternFill("solid", fgColor="DDDDDD")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[cell.column_letter].width = width
    sheet.freeze_panes = "A2"


_WHOLE_ERROR = "Số nguyên không âm / a whole number, 0 or more"
_PERCENT_ERROR = "Từ 0 đến 100 / between 0 and 100"


def write_template(path: str, cat: Catalogue, province: str | None = None, period: str | None = None) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    _info(book.active, province, period)
    _metrics(book.create_sheet(METRICS), cat)
    _counts(book.create_sheet(COUNTS), cat)
    lists = _lists(book.create_sheet("Danh mục"), cat)
    _units(book.create_sheet(UNITS), lists)
    _unit_counts(book.create_sheet(UNIT_COUNTS), lists)
    book.move_sheet(book["Danh mục"], offset=len(book.sheetnames) - 1 - book.sheetnames.index("Danh mục"))  # last
    book.save(path)


def _info(info: Any, province: str | None, period: str | None) -> None:
    info.title = INFO
    _header(info, ["Mục", "Giá trị", "Hướng dẫn"], [24, 28, 60])
    values = {"province": province or "", "ministry": "", "period": period or "", "as_of": ""}
    for field, label, note in INFO_ROWS:
        info.append([label, values[field], note])
    info.append([])
    info.append(
        [
            "",
            "",
            "Điền tử số và mẫu số (đếm được, kiểm chứng được) hoặc chỉ giá trị phần trăm (0–100) ở sheet "
            "'Chỉ số'. Số viết liền, không dấu chấm phân cách hàng nghìn: 1972, không phải 1.972.",
        ]
    )
    info.append(["", "", "Kiểm tra: tthc-check TEN-TEP.xlsx"])


def _metrics(sheet: Any, cat: Catalogue) -> None:
    _header(sheet, ["Mã chỉ số", "Tên chỉ số", "Tử số", "Mẫu số", "Giá trị (% hoặc điểm)"], [30, 60, 14, 14, 18])
    for mid, metric in cat.metrics.items():
        sheet.append([mid, metric.name.vi, None, None, None])
    last = len(cat.metrics) + 201
    _check(sheet, f"C2:D{last}", "whole", error=_WHOLE_ERROR)
    _check(sheet, f"E2:E{last}", "percent", error=_PERCENT_ERROR)


def _counts(sheet: Any, cat: Catalogue) -> None:
    _header(sheet, ["Mã số đếm", "Tên", "Số lượng"], [32, 50, 14])
    for cid, count in cat.counts.items():
        sheet.append([cid, count.name.vi, None])
    _check(sheet, f"C2:C{len(cat.counts) + 200}", "whole", error=_WHOLE_ERROR)


def _lists(lists: Any, cat: Catalogue) -> dict[str, str]:
    """The lists the cell checks offer live in a hidden sheet (a literal list is limited to 255 characters)."""
    lists.sheet_state = "hidden"
    for column, values in enumerate((list(cat.metrics), list(cat.counts), UNIT_KINDS), start=1):
        for i, value in enumerate(values, start=1):
            lists.cell(i, column, value)
    return {
        "metric": f"'Danh mục'!$A$1:$A${len(cat.metrics)}",
        "count": f"'Danh mục'!$B$1:$B${len(cat.counts)}",
        "kind": f"'Danh mục'!$C$1:$C${len(UNIT_KINDS)}",
    }


def _units(sheet: Any, lists: dict[str, str]) -> None:
    titles = [
        "Tên đơn vị",
        "Loại (department, commune, centre; district trước 1/7/2025)",
        "Mã chỉ số",
        "Tử số",
        "Mẫu số",
        "Giá trị (%)",
    ]
    _header(sheet, titles, [36, 26, 30, 14, 14, 14])
    _check(sheet, "B2:B2000", "list", formula1=lists["kind"])
    _check(sheet, "C2:C2000", "list", formula1=lists["metric"])
    _check(sheet, "D2:E2000", "whole")
    _check(sheet, "F2:F2000", "percent")


def _unit_counts(sheet: Any, lists: dict[str, str]) -> None:
    _header(sheet, ["Tên đơn vị", "Mã số đếm", "Số lượng"], [36, 32, 14])
    _check(sheet, "B2:B5000", "list", formula1=lists["count"])
    _check(sheet, "C2:C5000", "whole")
