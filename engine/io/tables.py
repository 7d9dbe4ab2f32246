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
from typing import Any

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FIXED = "2000-01-01T00:00:00Z"


def safe(value: Any) -> Any:
    """A CSV cell: text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(path: str, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow([safe(h) for h in header])
        for row in rows:
            out.writerow(["" if v is None else safe(v) for v in row])


@dataclass
class Sheet:
    title: str
    header: list[str]
    rows: list[list[Any]]
    widths: list[int] = field(default_factory=list)
    formats: dict[int, str] = field(default_factory=dict)  # column index -> number format ("0.00%", "#,##0")


def write_xlsx(path: str, sheets: Sequence[Sheet]) -> None:
    import openpyxl
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = openpyxl.Workbook()
    book.remove(book.active)
    for spec in sheets:
        sheet = book.create_sheet(spec.title[:31])
        sheet.append(spec.header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for values in spec.rows:
            sheet.append(list(values))
            for i, v in enumerate(values):
                cell = sheet.cell(sheet.max_row, i + 1)
                if isinstance(v, str):
                    cell.data_type = "s"  # text stays text: a name starting with "=" is not a formula
                if i in spec.formats and not isinstance(v, str):
                    cell.number_format = spec.formats[i]
        sheet.freeze_panes = "A2"
        last = get_column_letter(max(len(spec.header), 1))
        sheet.auto_filter.ref = f"A1:{last}{max(sheet.max_row, 1)}"
        for i, title in enumerate(spec.header):
            width = spec.widths[i] if i < len(spec.widths) else max(12, min(len(title) + 4, 50))
            sheet.column_dimensions[get_column_letter(i + 1)].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    fixed_zip(buffer.getvalue(), path)


def fixed_zip(data: bytes, path: str) -> None:
    """An Office file (a zip) rewritten with fixed dates, in the zip and in its properties: the same content gives
    the same bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "docProps/core.xml":
                text = content.decode("utf-8")
                text = re.sub(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rf"\g<1>{_FIXED}\g<2>", text)
                content = text.encode("utf-8")
            info = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, content)
