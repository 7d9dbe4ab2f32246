"""`tthc-check template --xlsx`: the submission workbook to fill in (layout: engine/io/layout.py).

Vietnamese first (names before ids, unit kinds and metrics chosen by their Vietnamese names), one font, every
entry cell with a prompt when selected and a check with an error message, columns formatted so that what is typed
is what is stored (counts as whole numbers, values as decimals, the period and names as text, the cut-off as a
date), and every sheet set to print on A4: headers repeated, fitted to the page's width."""

from __future__ import annotations

import io
from typing import Any

from engine.catalogue import Catalogue
from engine.io.layout import (
    COLUMNS,
    COUNTS,
    DAY,
    INFO,
    INFO_ROWS,
    KIND_CHOICES,
    LISTS,
    METRICS,
    TEXT,
    UNIT_COUNTS,
    UNITS,
    Column,
)
from engine.io.tables import fixed_zip

FONT = "Times New Roman"
ROWS = 500  # entry rows offered on the units' sheets (checked and formatted)
FRAMED = 20  # of which framed, so that the printed form has lines to fill

_WHOLE = ("Số nguyên", "Nhập số nguyên không âm, ví dụ 1972.")
_PERCENT = ("Giá trị", "Nhập số từ 0 đến 100 (tỷ lệ phần trăm, hoặc số điểm của chỉ số 766).")
_LIST = ("Chọn trong danh sách", "Chọn một mục trong danh sách thả xuống.")
_DAY = ("Ngày", "Nhập ngày/tháng/năm, ví dụ 12/12/2024.")


def write_template(path: str, cat: Catalogue, province: str | None = None, period: str | None = None) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    _info(book.active, province, period)
    lists = _lists(book, cat)
    _metrics(book.create_sheet(METRICS), cat)
    _counts(book.create_sheet(COUNTS), cat)
    _units(book.create_sheet(UNITS), lists)
    _unit_counts(book.create_sheet(UNIT_COUNTS), lists)
    book.move_sheet(LISTS, offset=len(book.sheetnames) - 1 - book.sheetnames.index(LISTS))  # last, hidden
    buffer = io.BytesIO()
    book.save(buffer)
    with open(path, "wb") as fh:  # fixed dates: the same catalogue gives the same bytes
        fh.write(fixed_zip(buffer.getvalue()))


def _font(**extra: Any) -> Any:
    from openpyxl.styles import Font

    return Font(name=FONT, size=11, **extra)


def _page(sheet: Any, *, landscape: bool) -> None:
    """A4, fitted to the page's width, the header row repeated on every page, the sheet's name in the footer."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.oddFooter.center.text = f"{sheet.title} · &P/&N"


def _check(sheet: Any, cells: str, kind: str, message: tuple[str, str], **extra: Any) -> None:
    """A cell check with its prompt (shown when the cell is selected) and its error message."""
    from openpyxl.worksheet.datavalidation import DataValidation

    bounds: dict[str, Any] = {
        "whole": {"type": "whole", "operator": "greaterThanOrEqual", "formula1": "0"},
        "percent": {"type": "decimal", "operator": "between", "formula1": "0", "formula2": "100"},
        "day": {"type": "date", "operator": "between", "formula1": "36526", "formula2": "73050"},  # 2000 to 2099
        "list": {"type": "list"},
    }[kind]
    title, text = message
    dv = DataValidation(
        **bounds,
        **extra,
        allow_blank=True,
        showInputMessage=True,
        showErrorMessage=True,
        promptTitle=title,
        prompt=text,
        errorTitle="Giá trị không hợp lệ",
        error=text,
    )
    sheet.add_data_validation(dv)
    dv.add(cells)


def _header(sheet: Any, columns: list[Column]) -> None:
    from openpyxl.styles import Alignment, PatternFill

    sheet.append([c.title for c in columns])
    for cell, column in zip(sheet[1], columns, strict=True):
        cell.font, cell.fill = _font(bold=True), PatternFill("solid", fgColor="DDDDDD")
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        dim = sheet.column_dimensions[cell.column_letter]
        dim.width, dim.number_format, dim.font = column.width, column.number_format, _font()
    sheet.freeze_panes = "A2"


def _rows(sheet: Any, columns: list[Column], rows: list[list[Any]]) -> None:
    """Rows of names and ids, written as text, with every entry cell formatted as its column, framed, and each row
    as tall as its longest wrapped text (LibreOffice does not grow a row for text wrapped in a file)."""
    from openpyxl.styles import Alignment, Border, Side

    thin = Side(style="thin", color="999999")
    for values in rows:
        sheet.append(values)
    for row in sheet.iter_rows(min_row=1, max_row=sheet.max_row):
        lines = 1
        for cell, column in zip(row, columns, strict=False):
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            if cell.row == 1:
                lines = max(lines, -(-len(column.title) // max(column.width - 2, 1)))
                continue
            cell.font, cell.number_format = _font(), column.number_format
            wrap = column.number_format in ("General", TEXT)
            cell.alignment = Alignment(wrap_text=wrap, vertical="top")
            if isinstance(cell.value, str):
                cell.data_type = "s"  # a name is text, even one that starts with "="
                lines = max(lines, -(-len(cell.value) // max(int(column.width * 1.25), 1))) if wrap else lines
        sheet.row_dimensions[row[0].row].height = 15 * lines


def _info(info: Any, province: str | None, period: str | None) -> None:
    from openpyxl.styles import Alignment

    info.title = INFO
    columns = [Column("item", "Mục", 24), Column("value", "Giá trị", 26, TEXT), Column("note", "Hướng dẫn", 62)]
    _header(info, columns)
    values = {"province": province or "", "ministry": "", "period": period or "", "as_of": None}
    _rows(info, columns, [[title, values[field], note] for field, title, note in INFO_ROWS])
    as_of = info.cell(len(INFO_ROWS) + 1, 2)
    as_of.number_format = DAY
    _check(info, as_of.coordinate, "day", _DAY)
    notes = [
        "Sheet 'Chỉ số': với mỗi chỉ số, điền tử số và mẫu số (đếm được, kiểm chứng được), hoặc chỉ giá trị.",
        "Giá trị là tỷ lệ phần trăm từ 0 đến 100: nhập 95,9 hoặc 95,9% đều được; chỉ số 766 ghi số điểm.",
        "Số đếm là số nguyên: nhập 1972 (Excel có thể hiển thị 1.972).",
        "Sheet 'Đơn vị': mỗi dòng một đơn vị và một chỉ số; sheet 'Đơn vị - số đếm': mỗi dòng một đơn vị và một số đếm.",
        "Kiểm tra tệp: tthc-check TEN-TEP.xlsx",
    ]
    for n, text in enumerate(notes, start=len(INFO_ROWS) + 3):
        info.merge_cells(start_row=n, start_column=1, end_row=n, end_column=3)
        cell = info.cell(n, 1, text)
        cell.font, cell.alignment = _font(), Alignment(wrap_text=True, vertical="top")
        info.row_dimensions[n].height = 15 * -(-len(text) // sum(c.width for c in columns))
    _page(info, landscape=False)


def _lists(book: Any, cat: Catalogue) -> dict[str, str]:
    """The lists the dropdowns offer live in a hidden sheet (a literal list is limited to 255 characters)."""
    sheet = book.create_sheet(LISTS)
    sheet.sheet_state = "hidden"
    columns = (
        [m.name.vi for m in cat.metrics.values()],
        [c.name.vi for c in cat.counts.values()],
        list(KIND_CHOICES.values()),
    )
    for col, values in enumerate(columns, start=1):
        for i, value in enumerate(values, start=1):
            sheet.cell(i, col, value).data_type = "s"
    return {
        "metric": f"'{LISTS}'!$A$1:$A${len(columns[0])}",
        "count": f"'{LISTS}'!$B$1:$B${len(columns[1])}",
        "kind": f"'{LISTS}'!$C$1:$C${len(columns[2])}",
    }


def _unit_word(unit: str) -> str:
    return {"percent": "%", "points": "điểm"}.get(unit, "")


def _metrics(sheet: Any, cat: Catalogue) -> None:
    columns = COLUMNS[METRICS]
    _header(sheet, columns)
    rows = [[m.name.vi, mid, None, None, None, _unit_word(m.unit)] for mid, m in cat.metrics.items()]
    _rows(sheet, columns, rows)
    last = len(rows) + 1
    _check(sheet, f"C2:D{last}", "whole", _WHOLE)
    _check(sheet, f"E2:E{last}", "percent", _PERCENT)
    _page(sheet, landscape=True)


def _counts(sheet: Any, cat: Catalogue) -> None:
    columns = COLUMNS[COUNTS]
    _header(sheet, columns)
    _rows(sheet, columns, [[c.name.vi, cid, None] for cid, c in cat.counts.items()])
    _check(sheet, f"C2:C{len(cat.counts) + 1}", "whole", _WHOLE)
    _page(sheet, landscape=True)


def _units(sheet: Any, lists: dict[str, str]) -> None:
    columns = COLUMNS[UNITS]
    _header(sheet, columns)
    _rows(sheet, columns, [[None] * len(columns) for _ in range(FRAMED)])
    _check(sheet, f"B2:B{ROWS + 1}", "list", _LIST, formula1=lists["kind"])
    _check(sheet, f"C2:C{ROWS + 1}", "list", _LIST, formula1=lists["metric"])
    _check(sheet, f"D2:E{ROWS + 1}", "whole", _WHOLE)
    _check(sheet, f"F2:F{ROWS + 1}", "percent", _PERCENT)
    _page(sheet, landscape=True)


def _unit_counts(sheet: Any, lists: dict[str, str]) -> None:
    columns = COLUMNS[UNIT_COUNTS]
    _header(sheet, columns)
    _rows(sheet, columns, [[None] * len(columns) for _ in range(FRAMED)])
    _check(sheet, f"B2:B{ROWS + 1}", "list", _LIST, formula1=lists["count"])
    _check(sheet, f"C2:C{ROWS + 1}", "whole", _WHOLE)
    _page(sheet, landscape=True)
