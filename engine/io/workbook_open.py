"""Opening a submission workbook so that what it holds is read, and what it does not is said.

- The file is what its name says: a legacy .xls or a password-protected workbook (both OLE2 containers) and a
  file that is no workbook at all (renamed) are explained with what to do, not a library's message.
- Read-only (streaming) mode with a limit of rows holding something: one stray cell at row 1,048,576 costs the
  padding of empty rows, not a million cells in memory, and a zip bomb stops at the limit.
- Sheets are found by name with or without diacritics ("Don vi" is "Đơn vị"); a sheet that holds something and is
  none of ours is an error with the closest name, since its figures would otherwise be ignored.
- A formula whose result Excel never saved (a file written by a program, not saved from Excel) has no value to
  read: those cells are found in a second, formulas-only pass and named.
"""

from __future__ import annotations

from typing import Any

from engine.errors import DataFileError, Location, Problem
from engine.io.layout import COLUMNS, INFO, LISTS
from engine.model.textnorm import fold, suggest

MAX_ROWS = 500_000  # rows holding something, per sheet: 10,000 units × 50 figures
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"


def open_book(path: str, display: str, *, data_only: bool = True) -> Any:
    import openpyxl

    with open(path, "rb") as fh:
        magic = fh.read(8)
    if magic.startswith(_OLE2):
        raise DataFileError([Problem("xlsx.legacy_or_password", {}, Location(display))])
    if not magic.startswith(_ZIP):
        raise DataFileError([Problem("xlsx.not_workbook", {}, Location(display))])
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=data_only)
    except Exception as exc:  # a damaged workbook is the user's file, not our bug
        raise DataFileError([Problem("xlsx.damaged", {"reason": str(exc)}, Location(display))]) from None


def our_sheets(book: Any, display: str) -> dict[str, Any]:
    """Our sheet name -> the sheet, matched with or without diacritics; another sheet holding something is an
    error naming the closest of ours."""
    ours = {fold(name): name for name in [*COLUMNS, INFO]}
    found: dict[str, Any] = {}
    problems = []
    for sheet in book.worksheets:
        name = ours.get(fold(sheet.title))
        if name is not None:
            found[name] = sheet
        elif fold(sheet.title) != fold(LISTS) and _holds_something(sheet):
            problems.append(
                Problem(
                    "xlsx.unknown_sheet",
                    {"sheet": sheet.title, "known": ", ".join([INFO, *COLUMNS]), "suggestion": _closest(sheet.title)},
                    Location(display, cell=f"{sheet.title}!A1"),
                )
            )
    if problems:
        raise DataFileError(problems)
    return found


def _closest(title: str) -> str | None:
    return suggest(title, [INFO, *COLUMNS], folded=True)


def _holds_something(sheet: Any) -> bool:
    return any(
        any(c.value not in (None, "") for c in row) for _, row in zip(range(200), sheet.iter_rows(), strict=False)
    )


def rows(sheet: Any, display: str, min_row: int = 1, formulas: dict[str, str] | None = None) -> Any:
    """(row number, cells) of the rows holding something (a value, or a formula Excel never computed), up to
    MAX_ROWS; the empty rows read-only mode pads between them are skipped."""
    held = 0
    for n, row in enumerate(sheet.iter_rows(min_row=min_row), start=min_row):
        if not any(c.value is not None for c in row) and not (formulas and _has_formula(sheet, row, formulas)):
            continue
        held += 1
        if held > MAX_ROWS:
            problem = Problem("xlsx.too_many_rows", {"sheet": sheet.title, "limit": MAX_ROWS}, Location(display))
            raise DataFileError([problem])
        yield n, row


def _has_formula(sheet: Any, row: Any, formulas: dict[str, str]) -> bool:
    return any(f"{sheet.title}!{c.coordinate}" in formulas for c in row if hasattr(c, "coordinate"))


def formulas_without_values(path: str, display: str, sheets: list[str]) -> dict[str, str]:
    """ "Sheet!A1" -> formula, for every formula cell of our sheets (the caller keeps those it read as empty)."""
    book = open_book(path, display, data_only=False)
    try:
        out: dict[str, str] = {}
        for title in sheets:
            for _, row in rows(book[title], display):
                for cell in row:
                    if isinstance(cell.value, str) and cell.value.startswith("="):
                        out[f"{title}!{cell.coordinate}"] = cell.value
        return out
    finally:
        book.close()
