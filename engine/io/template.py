"""`tthc-check template --xlsx`: a submission workbook to fill in, with Vietnamese headers and instructions and
data validation in the cells (whole numbers ≥ 0, percentages 0–100, the metric, count and unit-kind lists)."""

from __future__ import annotations

from engine.catalogue import Catalogue
from engine.io.workbook import COUNTS, INFO, INFO_ROWS, METRICS, UNIT_COUNTS, UNIT_KINDS, UNITS

_HEAD = {"bold": True}


def write_template(path: str, cat: Catalogue, province: str | None = None, period: str | None = None) -> None:
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    book = openpyxl.Workbook()
    head_fill = PatternFill("solid", fgColor="DDDDDD")

    def header(sheet, titles: list[str], widths: list[int]) -> None:
        sheet.append(titles)
        for cell, width in zip(sheet[1], widths, strict=True):
            cell.font, cell.fill = Font(**_HEAD), head_fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            sheet.column_dimensions[cell.column_letter].width = width
        sheet.freeze_panes = "A2"

    whole = DataValidation(
        type="whole",
        operator="greaterThanOrEqual",
        formula1="0",
        allow_blank=True,
        error="Số nguyên không âm / a whole number, 0 or more",
        showErrorMessage=True,
    )
    percent = DataValidation(
        type="decimal",
        operator="between",
        formula1="0",
        formula2="100",
        allow_blank=True,
        error="Từ 0 đến 100 / between 0 and 100",
        showErrorMessage=True,
    )

    info = book.active
    info.title = INFO
    header(info, ["Mục", "Giá trị", "Hướng dẫn"], [24, 28, 60])
    values = {"province": province or "", "period": period or "", "as_of": ""}
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

    metrics = book.create_sheet(METRICS)
    header(metrics, ["Mã chỉ số", "Tên chỉ số", "Tử số", "Mẫu số", "Giá trị (% hoặc điểm)"], [30, 60, 14, 14, 18])
    for mid, metric in cat.metrics.items():
        metrics.append([mid, metric.name.vi, None, None, None])
    metrics.add_data_validation(whole)
    metrics.add_data_validation(percent)
    n = len(cat.metrics) + 1
    whole.add(f"C2:D{n + 200}")
    percent.add(f"E2:E{n + 200}")

    counts = book.create_sheet(COUNTS)
    header(counts, ["Mã số đếm", "Tên", "Số lượng"], [32, 50, 14])
    for cid, count in cat.counts.items():
        counts.append([cid, count.name.vi, None])
    whole2 = DataValidation(
        type="whole",
        operator="greaterThanOrEqual",
        formula1="0",
        allow_blank=True,
        error=whole.error,
        showErrorMessage=True,
    )
    counts.add_data_validation(whole2)
    whole2.add(f"C2:C{len(cat.counts) + 200}")

    # lists for validation live in a hidden sheet (a literal list is limited to 255 characters)
    lists = book.create_sheet("Danh mục")
    lists.sheet_state = "hidden"
    for i, mid in enumerate(cat.metrics, start=1):
        lists.cell(i, 1, mid)
    for i, cid in enumerate(cat.counts, start=1):
        lists.cell(i, 2, cid)
    for i, kind in enumerate(UNIT_KINDS, start=1):
        lists.cell(i, 3, kind)
    metric_list = f"'Danh mục'!$A$1:$A${len(cat.metrics)}"
    count_list = f"'Danh mục'!$B$1:$B${len(cat.counts)}"
    kind_list = f"'Danh mục'!$C$1:$C${len(UNIT_KINDS)}"

    units = book.create_sheet(UNITS)
    header(
        units,
        [
            "Tên đơn vị",
            "Loại (department, commune, centre; district trước 1/7/2025)",
            "Mã chỉ số",
            "Tử số",
            "Mẫu số",
            "Giá trị (%)",
        ],
        [36, 26, 30, 14, 14, 14],
    )
    for sheet, rng, source in ((units, "B2:B2000", kind_list), (units, "C2:C2000", metric_list)):
        dv = DataValidation(type="list", formula1=source, allow_blank=True, showErrorMessage=True)
        sheet.add_data_validation(dv)
        dv.add(rng)
    for rng, kind in (("D2:E2000", "whole"), ("F2:F2000", "percent")):
        dv = (
            DataValidation(
                type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True, showErrorMessage=True
            )
            if kind == "whole"
            else DataValidation(
                type="decimal",
                operator="between",
                formula1="0",
                formula2="100",
                allow_blank=True,
                showErrorMessage=True,
            )
        )
        units.add_data_validation(dv)
        dv.add(rng)

    unit_counts = book.create_sheet(UNIT_COUNTS)
    header(unit_counts, ["Tên đơn vị", "Mã số đếm", "Số lượng"], [36, 32, 14])
    dv = DataValidation(type="list", formula1=count_list, allow_blank=True, showErrorMessage=True)
    unit_counts.add_data_validation(dv)
    dv.add("B2:B5000")
    dv2 = DataValidation(
        type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True, showErrorMessage=True
    )
    unit_counts.add_data_validation(dv2)
    dv2.add("C2:C5000")
    book.move_sheet(lists, offset=len(book.sheetnames) - 1 - book.sheetnames.index(lists.title))  # last
    book.save(path)
