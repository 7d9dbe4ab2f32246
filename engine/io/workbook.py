"""Excel submissions: the workbook `tthc-check template --xlsx` writes, read exactly as a YAML submission.

Sheets: "Thông tin" (province, period, cut-off date), "Chỉ số" (one row per metric: numerator, denominator or
value), "Số đếm" (one row per count), "Đơn vị" (one row per unit and metric) and "Đơn vị - số đếm" (one row per
unit and count). Every value keeps its sheet and cell, so that an error reads "Sheet 'Chỉ số', ô C7". Numbers
typed as text are read by the same rules as in YAML ("58,41" read with a warning, "1.972" explained).
"""

from __future__ import annotations

from typing import Any

from engine.catalogue import Catalogue
from engine.errors import DataFileError, Location, Problem
from engine.io.yamlio import Document, check_size
from engine.vocabulary import UnitKind

INFO, METRICS, COUNTS, UNITS, UNIT_COUNTS = "Thông tin", "Chỉ số", "Số đếm", "Đơn vị", "Đơn vị - số đếm"
INFO_ROWS = [
    ("province", "Tỉnh, thành phố", "Tên hoặc mã tỉnh, ví dụ Hà Giang hoặc 02"),
    ("period", "Kỳ báo cáo", "2024 | 2024-Q3 | 2024-09 | 2024-01/2024-09"),
    ("as_of", "Ngày chốt số liệu", "Không bắt buộc; ngày, ví dụ 12/12/2024"),
]
UNIT_KINDS = [k.value for k in UnitKind]


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _value(value: Any) -> Any:
    if isinstance(value, float):
        from decimal import Decimal

        return Decimal(repr(value))  # the number as Excel shows it, never a binary float
    if hasattr(value, "date") and callable(value.date):
        return value.date()
    return value.strip() if isinstance(value, str) else value


def read_workbook(path: str, display: str, cat: Catalogue) -> Document:
    import openpyxl

    check_size(path, display, "file.too_large_workbook")
    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:
        raise DataFileError([Problem("records.xlsx", {"reason": str(exc)}, Location(display))]) from None
    missing = [name for name in (INFO, METRICS) if name not in book.sheetnames]
    if missing:
        raise DataFileError(
            [
                Problem("xlsx.missing_sheet", {"sheet": s, "have": ", ".join(book.sheetnames)}, Location(display))
                for s in missing
            ]
        )
    data: dict[str, Any] = {}
    cells: dict[tuple, str] = {(): f"{INFO}!A1"}
    info = book[INFO]
    for row in info.iter_rows(min_row=2):
        key = {label: field for field, label, _ in INFO_ROWS}.get(str(row[0].value or "").strip())
        if key and len(row) > 1 and not _blank(row[1].value):
            data[key] = _value(row[1].value)
            cells[(key,)] = f"{INFO}!{row[1].coordinate}"
    indicators: dict[str, Any] = {}
    for row in book[METRICS].iter_rows(min_row=2):
        metric, num, den, val = (row[i] if i < len(row) else None for i in (0, 2, 3, 4))
        if metric is None or _blank(metric.value):
            continue
        fig = {
            k: _value(c.value)
            for k, c in (("numerator", num), ("denominator", den), ("value", val))
            if c is not None and not _blank(c.value)
        }
        if fig:
            mid = str(metric.value).strip()
            indicators[mid] = fig
            cells[("indicators", mid)] = f"{METRICS}!{metric.coordinate}"
            for k, c in (("numerator", num), ("denominator", den), ("value", val)):
                if c is not None:
                    cells[("indicators", mid, k)] = f"{METRICS}!{c.coordinate}"
    if indicators:
        data["indicators"] = indicators
    if COUNTS in book.sheetnames:
        counts = {}
        for row in book[COUNTS].iter_rows(min_row=2):
            if len(row) > 2 and not _blank(row[0].value) and not _blank(row[2].value):
                cid = str(row[0].value).strip()
                counts[cid] = _value(row[2].value)
                cells[("counts", cid)] = f"{COUNTS}!{row[2].coordinate}"
        if counts:
            data["counts"] = counts
    units: dict[str, dict[str, Any]] = {}
    order: list[str] = []

    def unit(name_cell, kind_cell) -> dict[str, Any]:
        name = str(name_cell.value).strip()
        if name not in units:
            units[name] = {"name": name, "kind": _value(kind_cell.value) if kind_cell is not None else None}
            order.append(name)
            i = len(order) - 1
            cells[("units", i)] = cells[("units", i, "name")] = f"{name_cell.parent.title}!{name_cell.coordinate}"
            if kind_cell is not None:
                cells[("units", i, "kind")] = f"{kind_cell.parent.title}!{kind_cell.coordinate}"
        return units[name]

    if UNITS in book.sheetnames:
        for row in book[UNITS].iter_rows(min_row=2):
            if len(row) < 3 or _blank(row[0].value) or _blank(row[2].value):
                continue
            u = unit(row[0], row[1])
            i, mid = order.index(u["name"]), str(row[2].value).strip()
            fig = {
                k: _value(row[j].value)
                for k, j in (("numerator", 3), ("denominator", 4), ("value", 5))
                if j < len(row) and not _blank(row[j].value)
            }
            u.setdefault("indicators", {})[mid] = fig
            for k, j in (("numerator", 3), ("denominator", 4), ("value", 5)):
                if j < len(row):
                    cells[("units", i, "indicators", mid, k)] = f"{UNITS}!{row[j].coordinate}"
            cells[("units", i, "indicators", mid)] = f"{UNITS}!{row[2].coordinate}"
    if UNIT_COUNTS in book.sheetnames:
        for row in book[UNIT_COUNTS].iter_rows(min_row=2):
            if len(row) < 3 or _blank(row[0].value) or _blank(row[1].value):
                continue
            u = unit(row[0], None)
            i, cid = order.index(u["name"]), str(row[1].value).strip()
            u.setdefault("counts", {})[cid] = _value(row[2].value)
            cells[("units", i, "counts", cid)] = f"{UNIT_COUNTS}!{row[2].coordinate}"
    if order:
        data["units"] = [{k: v for k, v in units[n].items() if v is not None} for n in order]
    return Document(display, data, cells=cells)
