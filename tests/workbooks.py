"""Workbooks for the tests, made here from the template rather than kept as binary files: the template filled the
way Excel stores what people type.

A cell is named "Sheet!C7", or "Sheet!row key!column header" (the row whose id or name column holds the key, the
column whose header is given: "Chỉ số!online_payment_rate!Giá trị"). A value is stored as Excel stores it:

- a number or a string as it is (a string is what a Text-formatted cell holds);
- {"percent": 0.959}: "95,9%" typed, a number shown with a percent format;
- {"date": "2024-09-01", "format": "mm/yyyy"}: "9/2024" typed, which Excel turns into a date cell;
- {"text": "1972"}: digits typed in a Text cell;
- {"formula": "=500+500"}: a formula saved by a program, with no computed value (Excel saves one);
- "rename:Đơn vị": "Don vi" (as a key): the sheet renamed.

An export (`export`) is any workbook: rows of such values, as a one-stop system writes them, title block included.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import openpyxl

from engine.catalogue.load import load_catalogue
from engine.io.template import write_template


def _value(spec: Any) -> tuple[Any, str | None]:
    if isinstance(spec, dict):
        if "percent" in spec:
            return float(spec["percent"]), spec.get("format", "0.0%")
        if "date" in spec:
            return date.fromisoformat(str(spec["date"])), spec.get("format", "dd/mm/yyyy")
        if "text" in spec:
            return str(spec["text"]), "@"
        if "formula" in spec:
            return spec["formula"], None
        raise ValueError(f"unknown cell spec {spec}")
    return spec, None


def _cell(book: Any, ref: str) -> Any:
    sheet_name, _, rest = ref.partition("!")
    sheet = book[sheet_name]
    if "!" not in rest:
        return sheet[rest]
    key, _, header = rest.partition("!")
    headers = {c.value: c.column for c in sheet[1]}
    row = next(r for r in range(2, sheet.max_row + 1) if key in (sheet.cell(r, 1).value, sheet.cell(r, 2).value))
    return sheet.cell(row, headers[header])


def fill(path: Any, cells: dict[str, Any]) -> None:
    book = openpyxl.load_workbook(path)
    for ref, spec in cells.items():
        if ref.startswith("rename:"):
            book[ref[len("rename:") :]].title = spec
            continue
        cell = _cell(book, ref)
        value, number_format = _value(spec)
        cell.value = value
        if isinstance(value, str) and not (isinstance(spec, dict) and "formula" in spec):
            cell.data_type = "s"
        if number_format:
            cell.number_format = number_format
    book.save(path)


def make(path: Any, cells: dict[str, Any], targets: str | None = None) -> None:
    """The template, filled."""
    write_template(str(path), load_catalogue(targets))
    fill(path, cells)


def export(path: Any, rows: list[list[Any]], sheet: str = "Sheet1") -> None:
    """A one-stop system's export: the rows as given (a title block, a header, records, a summary row)."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for r, row in enumerate(rows, start=1):
        for c, spec in enumerate(row, start=1):
            if spec is None:
                continue
            value, number_format = _value(spec)
            cell = ws.cell(r, c, value)
            if number_format:
                cell.number_format = number_format
    book.save(path)
