"""Excel submissions: the workbook `tthc-check template --xlsx` writes, read exactly as a YAML submission.

Sheets (engine/io/layout.py): "Thông tin" (body, period, cut-off date), "Chỉ số" (a row per metric: numerator,
denominator or value), "Số đếm" (a row per count), "Đơn vị" (a row per unit and metric) and "Đơn vị - số đếm" (a
row per unit and count). Columns are found by their header. Every value keeps its sheet and cell, so that an
error reads "Sheet 'Chỉ số', ô E7"; each cell is read by its type and number format (engine/io/cells.py).
"""

from __future__ import annotations

import warnings
from typing import Any

from engine.catalogue import Catalogue
from engine.errors import DataFileError, Location, Problem
from engine.io import cells
from engine.io.layout import COLUMNS, COUNTS, INFO, INFO_ROWS, KIND_CHOICES, METRICS, UNIT_COUNTS, UNITS, Column
from engine.io.workbook_open import formulas_without_values, open_book, our_sheets, rows
from engine.io.yamlio import Document, check_size
from engine.model.textnorm import fold
from engine.text.labels import label
from engine.vocabulary import MetricUnit, UnitKind


def read_workbook(path: str, display: str, cat: Catalogue) -> Document:
    check_size(path, display, "file.too_large_workbook")
    book = open_book(path, display)
    try:
        with warnings.catch_warnings():
            # openpyxl warns of a date cell whose number is no date and reads it as an error value: said at its cell
            warnings.simplefilter("ignore", UserWarning)
            reader = _read_sheets(book, path, display, cat)
    finally:
        book.close()
    if reader.fatal:
        raise DataFileError(
            [Problem(code, params, Location(display, cell=cell)) for code, params, cell in reader.fatal]
        )
    doc = Document(display, reader.result(), cells=reader.cells)
    doc.problems = [doc.problem(code, path, **params) for path, code, params in reader.problems]
    return doc


def _read_sheets(book: Any, path: str, display: str, cat: Catalogue) -> _Reader:
    sheets = our_sheets(book, display)
    missing = [name for name in (INFO, METRICS) if name not in sheets]
    if missing:
        have = ", ".join(book.sheetnames)
        raise DataFileError(
            [Problem("xlsx.missing_sheet", {"sheet": s, "have": have}, Location(display)) for s in missing]
        )
    reader = _Reader(cat, display, formulas_without_values(path, display, [s.title for s in sheets.values()]))
    reader.info(sheets[INFO])
    for name, read in (
        (METRICS, reader.metrics),
        (COUNTS, reader.counts),
        (UNITS, reader.unit_metrics),
        (UNIT_COUNTS, reader.unit_counts),
    ):
        if name in sheets:
            read(sheets[name], name)
    return reader


class _Reader:
    """The submission built sheet by sheet, each value with the cell it came from ("Chỉ số!E7")."""

    def __init__(self, cat: Catalogue, display: str, formulas: dict[str, str]) -> None:
        self.cat, self.display, self.formulas = cat, display, formulas
        self.first: dict[tuple[Any, ...], str] = {}  # a metric, count or unit figure -> the cell that gave it first
        self.data: dict[str, Any] = {}
        self.cells: dict[tuple[Any, ...], str] = {(): f"{INFO}!A1"}
        self.units: dict[str, tuple[int, dict[str, Any]]] = {}  # name -> (index, unit)
        self.problems: list[tuple[tuple[Any, ...], str, dict[str, Any]]] = []  # a cell's value left out, and why
        self.fatal: list[tuple[str, dict[str, Any], str]] = []  # the sheet itself cannot be read
        metric_names = {fold(m.name.vi): mid for mid, m in cat.metrics.items()}
        metric_names.update({fold(m.name.en): mid for mid, m in cat.metrics.items()})
        self.metric_ids = {**metric_names, **{fold(mid): mid for mid in cat.metrics}}
        count_names = {fold(c.name.vi): cid for cid, c in cat.counts.items()}
        self.count_ids = {**count_names, **{fold(cid): cid for cid in cat.counts}}
        self.kinds = {fold(text): kind for kind, text in KIND_CHOICES.items()}
        for kind in UnitKind:
            for lang in ("vi", "en"):
                self.kinds[fold(label(f"unit_kind_{kind.value}", lang))] = kind.value
            self.kinds[fold(kind.value)] = kind.value

    def result(self) -> dict[str, Any]:
        if self.units:
            ordered = sorted(self.units.values(), key=lambda pair: pair[0])
            self.data["units"] = [{k: v for k, v in u.items() if v is not None} for _, u in ordered]
        return self.data

    def _read(self, path: tuple[Any, ...], cell: Any, how: str, unit: str | None = None) -> Any:
        """One cell's value, remembered with its place; a value it cannot be is said why (and so left out)."""
        self.cells[path] = f"{cell.parent.title}!{cell.coordinate}"
        try:
            if how == "number":
                return cells.number(cell.value, cell.number_format, percent=unit == MetricUnit.PERCENT)
            if how == "day":
                return cells.day(cell.value)
            if how == "period":
                return cells.period(cell.value, cell.number_format)
            return cells.text(cell.value)
        except cells.CellProblem as exc:
            # the value is kept as the cell holds it: the check refuses it at the same place, and says only this
            self.problems.append((path, exc.code, exc.params))
            return cell.value

    def _columns(self, sheet: Any, name: str) -> dict[str, int] | None:
        """The column of each field, by the headers of the sheet's first row; a required one missing is fatal."""
        header = [c.value for c in next(sheet.iter_rows(min_row=1, max_row=1), ())]
        found: dict[str, int] = {}
        for column in COLUMNS[name]:
            at = next((i for i, h in enumerate(header) if column.matches(h)), None)
            if at is not None:
                found[column.field] = at
            elif column.required:
                self.fatal.append(("xlsx.missing_column", _missing(column, sheet), f"{sheet.title}!A1"))
                return None
        return found

    def _rows(self, sheet: Any, name: str) -> Any:
        """The picked cells of each row that holds something; a formula Excel never computed is fatal, named."""
        columns = self._columns(sheet, name)
        if columns is None:
            return
        for _, row in rows(sheet, self.display, min_row=2, formulas=self.formulas):
            picked = {f: row[i] for f, i in columns.items() if i < len(row) and hasattr(row[i], "coordinate")}
            for cell in picked.values():
                formula = self.formulas.get(_where(cell)) if cell.value is None else None
                if formula:
                    self.fatal.append(("xlsx.formula_no_value", {"formula": formula}, _where(cell)))
            if any(not _blank(c.value) for c in picked.values()):
                yield picked

    def _once(self, key: tuple[Any, ...], cell: Any) -> bool:
        """The first row for a metric, count or unit figure; a second is fatal, naming both (the later one would
        silently win otherwise)."""
        first = self.first.setdefault(key, _where(cell))
        if first != _where(cell):
            self.fatal.append(("xlsx.duplicate_row", {"first": first}, _where(cell)))
            return False
        return True

    def _unnamed(self, picked: dict[str, Any], name_fields: tuple[str, ...], sheet: str) -> bool:
        """A row with figures and no name (the name cell merged with the one above, or deleted): fatal."""
        if any(f in picked and not _blank(picked[f].value) for f in name_fields):
            return False
        cell = next((c for c in picked.values() if not _blank(c.value)), None)
        if cell is not None:  # only formulas without values, reported already, when None
            titles = " / ".join(c.title for c in COLUMNS[sheet] if c.field in name_fields)
            self.fatal.append(("xlsx.row_without_name", {"fields": titles}, _where(cell)))
        return True

    def info(self, sheet: Any) -> None:
        fields = {fold(title): field for field, title, _ in INFO_ROWS}
        how = {"period": "period", "as_of": "day"}
        for _, row in rows(sheet, self.display, min_row=2):
            key = fields.get(fold(str(row[0].value or "")))
            if key and len(row) > 1 and not _blank(row[1].value):
                value = self._read((key,), row[1], how.get(key, "text"))
                if value is not None:
                    self.data[key] = value

    def _figure(self, base: tuple[Any, ...], picked: dict[str, Any], mid: str) -> dict[str, Any]:
        unit = self.cat.metrics[mid].unit if mid in self.cat.metrics else MetricUnit.PERCENT
        fig: dict[str, Any] = {}
        for k in ("numerator", "denominator", "value"):
            cell = picked.get(k)
            if cell is not None and not _blank(cell.value):
                value = self._read((*base, k), cell, "number", unit if k == "value" else MetricUnit.COUNT)
                fig[k] = value
        return fig

    def metrics(self, sheet: Any, name: str) -> None:
        indicators: dict[str, Any] = {}
        for picked in self._rows(sheet, name):
            if self._unnamed(picked, ("metric", "metric_name"), name):
                continue
            mid = self._metric(picked.get("metric"), picked.get("metric_name"))
            if mid is None or not self._once(("indicators", mid), picked.get("metric") or picked["metric_name"]):
                continue
            fig = self._figure(("indicators", mid), picked, mid)
            if fig:
                indicators[mid] = fig
                self.cells[("indicators", mid)] = _where(picked.get("metric") or picked["metric_name"])
        if indicators:
            self.data["indicators"] = indicators

    def _metric(self, id_cell: Any, name_cell: Any) -> str | None:
        """The metric of a row: its id, or its name as the catalogue writes it; text that is neither is passed on
        as it is, for the check to say what it may be."""
        for cell in (id_cell, name_cell):
            if cell is not None and not _blank(cell.value):
                text = str(cells.text(cell.value))
                return self.metric_ids.get(fold(text), text)
        return None

    def counts(self, sheet: Any, name: str) -> None:
        counts = {}
        for picked in self._rows(sheet, name):
            if self._unnamed(picked, ("count", "count_name"), name):
                continue
            cid_cell = next(picked[f] for f in ("count", "count_name") if f in picked and not _blank(picked[f].value))
            number = picked.get("number")
            if cid_cell is None or _blank(cid_cell.value) or number is None or _blank(number.value):
                continue
            text = str(cells.text(cid_cell.value))
            cid = self.count_ids.get(fold(text), text)
            if not self._once(("counts", cid), cid_cell):
                continue
            counts[cid] = self._read(("counts", cid), number, "number", MetricUnit.COUNT)
        if counts:
            self.data["counts"] = counts

    def _unit(self, name_cell: Any, kind_cell: Any) -> tuple[int, dict[str, Any]]:
        name = str(cells.text(name_cell.value))
        if name not in self.units:
            i = len(self.units)
            kind = None
            if kind_cell is not None and not _blank(kind_cell.value):
                text = str(cells.text(kind_cell.value))
                kind = self.kinds.get(fold(text), text)
                self.cells[("units", i, "kind")] = _where(kind_cell)
            self.units[name] = (i, {"name": name, "kind": kind})
            self.cells[("units", i)] = self.cells[("units", i, "name")] = _where(name_cell)
        return self.units[name]

    def unit_metrics(self, sheet: Any, name: str) -> None:
        for picked in self._rows(sheet, name):
            if self._unnamed(picked, ("unit",), name) or "metric" not in picked or _blank(picked["metric"].value):
                continue
            i, u = self._unit(picked["unit"], picked.get("kind"))
            mid = self._metric(picked["metric"], None)
            assert mid is not None
            if not self._once(("units", i, "indicators", mid), picked["metric"]):
                continue
            u.setdefault("indicators", {})[mid] = self._figure(("units", i, "indicators", mid), picked, mid)
            self.cells[("units", i, "indicators", mid)] = _where(picked["metric"])

    def unit_counts(self, sheet: Any, name: str) -> None:
        for picked in self._rows(sheet, name):
            if self._unnamed(picked, ("unit",), name) or any(
                f not in picked or _blank(picked[f].value) for f in ("count",)
            ):
                continue
            i, u = self._unit(picked["unit"], None)
            text = str(cells.text(picked["count"].value))
            cid = self.count_ids.get(fold(text), text)
            if not self._once(("units", i, "counts", cid), picked["count"]):
                continue
            if "number" in picked and not _blank(picked["number"].value):
                path = ("units", i, "counts", cid)
                u.setdefault("counts", {})[cid] = self._read(path, picked["number"], "number", MetricUnit.COUNT)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _where(cell: Any) -> str:
    return f"{cell.parent.title}!{cell.coordinate}"


def _missing(column: Column, sheet: Any) -> dict[str, Any]:
    return {"sheet": sheet.title, "column": column.title}
