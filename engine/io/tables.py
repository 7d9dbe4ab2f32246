"""Tables written for Excel: CSV (UTF-8 with a byte-order mark, so that Excel reads Vietnamese right) and
workbooks (a sheet per table: header in bold, frozen, filtered, columns sized, numbers formatted).

Text that comes from a user (a unit's name, a dossier id, a justification) is never taken for a formula: a cell
that would start with =, +, -, @, a tab or a carriage return is written with a leading apostrophe in CSV and as a
text cell in a workbook (formula injection, OWASP). The same inputs give the same bytes: the workbook's dates are
fixed."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FIXED = "2000-01-01T00:00:00Z"


def safe(value: Any) -> Any:
    """A CSV cell: text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv_cell(value: Any, decimal_comma: bool) -> Any:
    if value is None:
        return ""
    if isinstance(value, (Decimal, float)) and not isinstance(value, bool):
        text = format(value, "f") if isinstance(value, Decimal) else repr(value)
        return text.replace(".", ",") if decimal_comma else text
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}" if decimal_comma else value.isoformat()
    return safe(value)


def csv_text(header: Sequence[str], rows: Sequence[Sequence[Any]], *, decimal_comma: bool = False) -> str:
    """CSV with a byte-order mark (Excel then reads UTF-8). With decimal_comma, as Excel with Vietnamese settings
    reads it: ";" between fields, "," before decimals, dates day first."""
    buffer = io.StringIO()
    out = csv.writer(buffer, delimiter=";" if decimal_comma else ",", lineterminator="\r\n")
    out.writerow([safe(h) for h in header])
    for row in rows:
        out.writerow([_csv_cell(v, decimal_comma) for v in row])
    return "\ufeff" + buffer.getvalue()


def write_csv(path: str, header: Sequence[str], rows: Sequence[Sequence[Any]], *, decimal_comma: bool = False) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(csv_text(header, rows, decimal_comma=decimal_comma))


@dataclass
class Sheet:
    title: str
    header: list[str]
    rows: list[list[Any]]
    widths: list[int] = field(default_factory=list)
    formats: dict[int, str] = field(default_factory=dict)  # column index -> number format ("0.00%", "#,##0")
    cell_formats: dict[tuple[int, int], str] = field(default_factory=dict)  # (row index, column) -> a cell's own


def write_xlsx(target: Any, sheets: Sequence[Sheet]) -> None:
    """The workbook into a path or a binary file object, with fixed dates when a path."""
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    book.remove(book.active)
    for spec in sheets:
        sheet = book.create_sheet(spec.title[:31])
        sheet.append(spec.header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for n, values in enumerate(spec.rows):
            sheet.append(list(values))
            for i, v in enumerate(values):
                cell = sheet.cell(sheet.max_row, i + 1)
                if isinstance(v, str):
                    cell.data_type = "s"  # text stays text: a name starting with "=" is not a formula
                elif v is not None:
                    chosen = spec.cell_formats.get((n, i)) or spec.formats.get(i)
                    if chosen:
                        cell.number_format = chosen
        _layout(sheet, spec)
    if isinstance(target, str):
        buffer = io.BytesIO()
        book.save(buffer)
        with open(target, "wb") as fh:
            fh.write(fixed_zip(buffer.getvalue()))
    else:
        book.save(target)


WRAP_AT = 40  # characters: a longer text wraps inside its column rather than running over the next ones


def _layout(sheet: Any, spec: Sheet) -> None:
    """Frozen header, filters, and columns as wide as what they hold (up to WRAP_AT, longer text wrapped), printed
    on A4 landscape with the header on every page: one page wide when it fits at a readable size, else two."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    sheet.freeze_panes = "A2"
    last = get_column_letter(max(len(spec.header), 1))
    sheet.auto_filter.ref = f"A1:{last}{max(sheet.max_row, 1)}"
    total = 0
    lines = [1] * (sheet.max_row + 1)  # each row's height in lines: LibreOffice does not grow a row that wraps
    for i, title in enumerate(spec.header):
        held = max((len(str(row[i])) for row in spec.rows if i < len(row) and row[i] is not None), default=0)
        width = spec.widths[i] if i < len(spec.widths) else max(8, min(max(held, len(title)) + 2, WRAP_AT))
        sheet.column_dimensions[get_column_letter(i + 1)].width = width
        total += width
        if held > width:
            for (cell,) in sheet.iter_rows(min_row=1, min_col=i + 1, max_col=i + 1):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                lines[cell.row] = max(lines[cell.row], -(-len(str(cell.value or "")) // max(width - 1, 1)))
    for row, n in enumerate(lines):
        if n > 1:  # a tall row: every cell of it at the top, beside the wrapped text
            sheet.row_dimensions[row].height = 15 * n
            for cell in sheet[row]:
                cell.alignment = Alignment(wrap_text=cell.alignment.wrap_text, vertical="top")
    sheet.page_setup.paperSize, sheet.page_setup.orientation = sheet.PAPERSIZE_A4, "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = (1 if total <= 180 else 2), 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


def fixed_zip(data: bytes) -> bytes:
    """An Office file (a zip) rewritten with fixed dates, in the zip and in its properties: the same content gives
    the same bytes."""
    result = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "docProps/core.xml":
                text = content.decode("utf-8")
                text = re.sub(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rf"\g<1>{_FIXED}\g<2>", text)
                content = text.encode("utf-8")
            info = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, content)
    return result.getvalue()
