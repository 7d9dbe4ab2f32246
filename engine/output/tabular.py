"""The result as tables an analyst can pivot: `-o ket-qua.xlsx` (a sheet each for the findings, the figures, the
units' figures, the counts and the issues: headers in the language asked for, numbers and percentages formatted,
header frozen, filters on) and `-o ket-qua.csv` (the findings).

Values are the JSON's (rounded by the display rule), so every output shows the same number. A percentage is stored
as Excel stores one (0.5841, shown 58,41 %). CSV for Vietnamese is written as Excel with Vietnamese settings reads
it: ";" between fields, "," before decimals; for English "," and ".". Text never becomes a formula
(engine/io/tables.py)."""

from __future__ import annotations

import io
from decimal import Decimal
from fractions import Fraction
from typing import Any

from engine.catalogue import Catalogue
from engine.check.figures import Figure
from engine.check.result import FileResult, RunResult
from engine.io.tables import Sheet, csv_text, fixed_zip, write_xlsx
from engine.text import cite
from engine.text.fmt import round2, round_gap
from engine.text.labels import label
from engine.text.messages import render
from engine.vocabulary import MetricUnit

PERCENT, POINTS, WHOLE = "0.00%", "0.00", "#,##0"

_FINDING = (
    "file",
    "body",
    "period",
    "target",
    "metric_id",
    "metric",
    "value",
    "threshold",
    "status",
    "gap",
    "shortfall",
    "deadline",
    "lead",
    "support",
    "instrument",
    "confidence",
    "verified",
    "local",
    "not_judged",
)
_FIGURE = (
    "file",
    "body",
    "period",
    "unit",
    "unit_kind",
    "metric_id",
    "metric",
    "value",
    "numerator",
    "denominator",
    "figure_source",
    "rank",
)
_COUNT = ("file", "body", "period", "unit", "count_id", "count", "value", "count_source")
_ISSUE = ("file", "severity", "code", "message", "line", "cell", "path")


def _head(keys: tuple[str, ...], lang: str) -> list[str]:
    return [label(f"col_{k}", lang) for k in keys]


def _scaled(value: Fraction | Decimal | None, unit: str, workbook: bool) -> Decimal | None:
    """A value rounded as every output rounds it; in a workbook a percentage as Excel stores one (a fraction of
    one, shown with a percent format), in CSV as the JSON has it (58.41)."""
    if value is None:
        return None
    shown = round2(Fraction(value))
    return shown / 100 if workbook and unit == MetricUnit.PERCENT else shown


def _threshold(value: Decimal, unit: str, workbook: bool) -> Decimal:
    """A threshold as the instrument states it (45, 97.5), never rounded; in a workbook a percentage of one."""
    exact = value.normalize()
    return exact.scaleb(-2) if workbook and unit == MetricUnit.PERCENT else exact


def _where(r: FileResult, lang: str) -> list[Any]:
    return [r.file, r.body_name, cite_period(r, lang)]


def cite_period(r: FileResult, lang: str) -> str:
    from engine.text import fmt

    return fmt.period(r.period, lang) if r.period else ""


def findings(run: RunResult, cat: Catalogue, lang: str, workbook: bool = False) -> list[list[Any]]:
    yes, no = label("yes", lang), label("no", lang)
    rows = []
    for r in run.files:
        for f in r.findings:
            unit = cat.metrics[f.target.metric].unit
            rows.append(
                [
                    *_where(r, lang),
                    f.target.id,
                    f.target.metric,
                    cat.metrics[f.target.metric].name.get(lang),
                    _scaled(f.figure.value, unit, workbook) if f.figure else None,
                    _threshold(f.target.threshold.value, unit, workbook),
                    label(f.status, lang),
                    round_gap(f.gap) if f.gap is not None else None,
                    f.shortfall,
                    f.target.deadline,
                    f.lead.name(lang) if f.lead else "",
                    ", ".join(a.name(lang) for a in f.support),
                    cite.instrument(f.instrument, lang),
                    f.target.confidence,
                    yes if f.target.verified else no,
                    yes if f.target.local else no,
                    render(f.not_judged, lang) if f.not_judged else "",
                ]
            )
    return rows


def _figure_row(r: FileResult, unit: str, kind: str, fig: Figure, cat: Catalogue, lang: str) -> list[Any]:
    metric = cat.metrics[fig.metric]
    rank = f"{fig.rank}/{fig.rank_of}" if fig.rank is not None else ""
    source = label(f"source_{fig.source}", lang)
    return [
        *_where(r, lang),
        unit,
        kind,
        fig.metric,
        metric.name.get(lang),
        _scaled(fig.value, metric.unit, True),
        fig.numerator,
        fig.denominator,
        source,
        rank,
    ]


def figures(run: RunResult, cat: Catalogue, lang: str, *, units: bool) -> list[list[Any]]:
    from engine.text.describe import unit_kind

    rows = []
    for r in run.files:
        if not units:
            rows += [_figure_row(r, "", "", fig, cat, lang) for fig in r.indicators.values()]
            continue
        for u in r.units:
            rows += [_figure_row(r, u.name, unit_kind(u.kind, lang), fig, cat, lang) for fig in u.indicators.values()]
    return rows


def counts(run: RunResult, cat: Catalogue, lang: str) -> list[list[Any]]:
    rows = []
    for r in run.files:
        holders = [("", r.counts), *((u.name, u.counts) for u in r.units)]
        for unit, known in holders:
            for cid, c in known.items():
                rows.append(
                    [
                        *_where(r, lang),
                        unit,
                        cid,
                        cat.counts[cid].name.get(lang),
                        c.value,
                        label(f"count_source_{c.source}", lang),
                    ]
                )
    return rows


def issues(run: RunResult, lang: str) -> list[list[Any]]:
    from engine.text.messages import severity_word

    return [
        [
            p.location.file or r.file,
            severity_word(p.severity, lang),
            p.code,
            render(p, lang),
            p.location.line,
            p.location.cell or "",
            p.location.path or "",
        ]
        for r in run.files
        for p in r.issues
    ]


def report_csv(run: RunResult, cat: Catalogue, lang: str) -> str:
    return csv_text(_head(_FINDING, lang), findings(run, cat, lang), decimal_comma=lang == "vi")


def report_xlsx(run: RunResult, cat: Catalogue, lang: str) -> bytes:
    """The workbook, as bytes (written by the one atomic writer)."""
    value_formats = {6: "0.00", 7: "0.00"}  # a finding's value and threshold: per row below
    sheets = [
        Sheet(
            label("sheet_findings", lang),
            _head(_FINDING, lang),
            findings(run, cat, lang, workbook=True),
            [24, 22, 16, 26, 24, 40, 10, 10, 16, 10, 10, 12, 36, 36, 26, 8, 8, 8, 40],
            {**value_formats, 9: POINTS, 10: WHOLE, 11: "dd/mm/yyyy"},
        ),
        Sheet(
            label("sheet_figures", lang),
            _head(_FIGURE, lang),
            figures(run, cat, lang, units=False),
            [24, 22, 16, 8, 8, 26, 40, 10, 12, 12, 14, 10],
            {7: "0.00", 8: WHOLE, 9: WHOLE},
        ),
        Sheet(
            label("sheet_units", lang),
            _head(_FIGURE, lang),
            figures(run, cat, lang, units=True),
            [24, 22, 16, 30, 18, 26, 40, 10, 12, 12, 14, 10],
            {7: "0.00", 8: WHOLE, 9: WHOLE},
        ),
        Sheet(
            label("sheet_counts", lang),
            _head(_COUNT, lang),
            counts(run, cat, lang),
            [24, 22, 16, 30, 32, 44, 12, 16],
            {6: WHOLE},
        ),
        Sheet(label("sheet_issues", lang), _head(_ISSUE, lang), issues(run, lang), [24, 10, 28, 90, 8, 14, 30]),
    ]
    _percent_cells(sheets, run, cat)
    buffer = io.BytesIO()
    write_xlsx(buffer, sheets)
    return fixed_zip(buffer.getvalue())


def _percent_cells(sheets: list[Sheet], run: RunResult, cat: Catalogue) -> None:
    """Which value cells are percentages (shown 58,41 %) and which points: by each row's metric."""
    for sheet, metric_col, value_cols in ((sheets[0], 4, (6, 7)), (sheets[1], 5, (7,)), (sheets[2], 5, (7,))):
        for i, row in enumerate(sheet.rows):
            if cat.metrics[row[metric_col]].unit == MetricUnit.PERCENT:
                for c in value_cols:
                    sheet.cell_formats[(i, c)] = PERCENT
