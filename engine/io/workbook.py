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
    ("province", "Tỉnh, thành phố", "Tên hoặc mã tỉnh, ví dụ Hà Giang hoặc 02 (để trống nếu đơn vị báo cáo là bộ)"),
    ("ministry", "Bộ, cơ quan ngang bộ", "Tên bộ nếu đơn vị báo cáo là bộ, ví dụ Bộ Tư pháp (để trống nếu là tỉnh)"),
    (
        "period",
        "Kỳ báo cáo",
        "Ví dụ năm 2024, Quý III/2024, tháng 9/2024, 9 tháng năm 2024, từ 15/12/2023 đến 14/3/2024",
    ),
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
    except Exception as exc:  # any workbook openpyxl cannot open is the user's file, not our bug
        raise DataFileError([Problem("records.xlsx", {"reason": str(exc)}, Location(display))]) from None
    missing = [name for name in (INFO, METRICS) if name not in book.sheetnames]
    if missing:
        raise DataFileError(
            [
                Problem("xlsx.missing_sheet", {"sheet": s, "have": ", ".join(book.sheetnames)}, Location(display))
                for s in missing
            ]
        )
    reader = _Reader()
    reader.info(book[INFO])
    reader.metrics(book[METRICS])
    if COUNTS in book.sheetnames:
        reader.counts(book[COUNTS])
    if UNITS in book.sheetnames:
        reader.unit_metrics(book[UNITS])
    if UNIT_COUNTS in book.sheetnames:
        reader.unit_counts(book[UNIT_COUNTS])
    return Document(display, reader.result(), cells=reader.cells)


class _Reader:
    """The submission built sheet by sheet, each value with the cell it came from ("Chỉ số!C7")."""

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}
        self.cells: dict[tuple[Any, ...], str] = {(): f"{INFO}!A1"}
        self.units: dict[str, tuple[int, dict[str, Any]]] = {}  # name -> (index, unit)

    def result(self) -> dict[str, Any]:
        if self.units:
            ordered = sorted(self.units.values(), key=lambda pair: pair[0])
            self.data["units"] = [{k: v for k, v in u.items() if v is not None} for _, u in ordered]
        return self.data

    def info(self, sheet: Any) -> None:
        labels = {label: field for field, label, _ in INFO_ROWS}
        for row in sheet.iter_rows(min_row=2):
            key = labels.get(str(row[0].value or "").strip())
            if key and len(row) > 1 and not _blank(row[1].value):
                self.data[key] = _value(row[1].value)
                self.cells[(key,)] = f"{INFO}!{row[1].coordinate}"

    def metrics(self, sheet: Any) -> None:
        indicators: dict[str, Any] = {}
        for row in sheet.iter_rows(min_row=2):
            metric, num, den, val = (row[i] if i < len(row) else None for i in (0, 2, 3, 4))
            if metric is None or _blank(metric.value):
                continue
            parts = (("numerator", num), ("denominator", den), ("value", val))
            fig = {k: _value(c.value) for k, c in parts if c is not None and not _blank(c.value)}
            if fig:
                mid = str(metric.value).strip()
                indicators[mid] = fig
                self.cells[("indicators", mid)] = f"{METRICS}!{metric.coordinate}"
                for k, c in parts:
                    if c is not None:
                        self.cells[("indicators", mid, k)] = f"{METRICS}!{c.coordinate}"
        if indicators:
            self.data["indicators"] = indicators

    def counts(self, sheet: Any) -> None:
        counts = {}
        for row in sheet.iter_rows(min_row=2):
            if len(row) > 2 and not _blank(row[0].value) and not _blank(row[2].value):
                cid = str(row[0].value).strip()
                counts[cid] = _value(row[2].value)
                self.cells[("counts", cid)] = f"{COUNTS}!{row[2].coordinate}"
        if counts:
            self.data["counts"] = counts

    def _unit(self, name_cell: Any, kind_cell: Any) -> tuple[int, dict[str, Any]]:
        name = str(name_cell.value).strip()
        if name not in self.units:
            i = len(self.units)
            self.units[name] = (i, {"name": name, "kind": _value(kind_cell.value) if kind_cell is not None else None})
            where = f"{name_cell.parent.title}!{name_cell.coordinate}"
            self.cells[("units", i)] = self.cells[("units", i, "name")] = where
            if kind_cell is not None:
                self.cells[("units", i, "kind")] = f"{kind_cell.parent.title}!{kind_cell.coordinate}"
        return self.units[name]

    def unit_metrics(self, sheet: Any) -> None:
        for row in sheet.iter_rows(min_row=2):
            if len(row) < 3 or _blank(row[0].value) or _blank(row[2].value):
                continue
            i, u = self._unit(row[0], row[1])
            mid = str(row[2].value).strip()
            columns = (("numerator", 3), ("denominator", 4), ("value", 5))
            fig = {k: _value(row[j].value) for k, j in columns if j < len(row) and not _blank(row[j].value)}
            u.setdefault("indicators", {})[mid] = fig
            for k, j in columns:
                if j < len(row):
                    self.cells[("units", i, "indicators", mid, k)] = f"{UNITS}!{row[j].coordinate}"
            self.cells[("units", i, "indicators", mid)] = f"{UNITS}!{row[2].coordinate}"

    def unit_counts(self, sheet: Any) -> None:
        for row in sheet.iter_rows(min_row=2):
            if len(row) < 3 or _blank(row[0].value) or _blank(row[1].value):
                continue
            i, u = self._unit(row[0], None)
            cid = str(row[1].value).strip()
            u.setdefault("counts", {})[cid] = _value(row[2].value)
            self.cells[("units", i, "counts", cid)] = f"{UNIT_COUNTS}!{row[2].coordinate}"
