"""Figures described in words, the same in every output (the check's table and Markdown, the reports, Word):
a rate with its counts ("19,05 % (40/210)"), a rate as reported ("86,91 %*"), a published index with its rank
("78,96 điểm, hạng 6/34"), the figures no target covers, and the units' figures.

Nothing reported is left out: a figure without a target is listed, a count that no rate shown stands on is listed,
and every unit is shown with every figure it gave.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from engine.catalogue import Catalogue
from engine.catalogue.models import Metric
from engine.check.counts import REPORTED, Count
from engine.check.figures import Figure
from engine.check.result import FileResult, UnitResult
from engine.text import fmt
from engine.text.labels import label
from engine.vocabulary import Source


def marked(fig: Figure, metric: Metric) -> bool:
    """A rate given only as a percentage: shown with *, "as reported, not verifiable"; a published index is not."""
    return fig.source == Source.STATED and not metric.published


def value(fig: Figure | None, metric: Metric, lang: str) -> str:
    """The value alone: "58,41 %", "86,91 %*", "78,96 điểm", or — without a figure."""
    if fig is None:
        return "—"
    return fmt.value(fig.value, metric.unit, lang) + ("*" if marked(fig, metric) else "")


def figure(fig: Figure, metric: Metric, lang: str) -> str:
    """The value with what stands behind it: its counts, or its rank."""
    text = value(fig, metric, lang)
    if fig.numerator is not None and fig.denominator is not None:
        text += f" ({fmt.number(fig.numerator, lang)}/{fmt.number(fig.denominator, lang)})"
    if fig.rank is not None and fig.rank_of is not None:
        text += f", {label('rank_of', lang, rank=fig.rank, of=fig.rank_of)}"
    return text


def unit_kind(kind: str, lang: str) -> str:
    return label(f"unit_kind_{kind}", lang)


def _shown_counts(indicators: dict[str, Figure], cat: Catalogue) -> set[str]:
    """The counts a rate shown stands on (its numerator and denominator are shown with it)."""
    out: set[str] = set()
    for mid, fig in indicators.items():
        formula = cat.metrics[mid].formula
        if fig.source == Source.COUNTS and formula is not None:
            out.update(formula.numerator + formula.denominator)
    return out


def other_counts(indicators: dict[str, Figure], counts: dict[str, Count], cat: Catalogue, lang: str) -> list[str]:
    """Counts reported that no rate shown stands on: "Hồ sơ còn tồn: 1.234"."""
    shown = _shown_counts(indicators, cat)
    return [
        f"{cat.counts[cid].name.get(lang)}: {fmt.number(c.value, lang)}"
        for cid, c in counts.items()
        if c.source == REPORTED and cid not in shown
    ]


def other_figures(result: FileResult, cat: Catalogue, lang: str) -> list[str]:
    """Figures reported for metrics no applicable target covers, then counts no rate shown stands on: shown,
    never judged."""
    lines = [
        f"{cat.metrics[f.metric].name.get(lang)}: {figure(f, cat.metrics[f.metric], lang)}" for f in _unjudged(result)
    ]
    return lines + other_counts(result.indicators, result.counts, cat, lang)


@dataclass(frozen=True)
class UnitRow:
    """One unit's figures as a table row shows them."""

    name: str
    kind: str
    cells: list[str]  # one per column: the unit's figure of that metric, or —
    counts: list[str]  # its counts no rate shown stands on
    counts_text: str  # the same in one line, "Số đếm khác: …", or empty

    def line(self, columns: list[str]) -> str:
        """ "Sở Tư pháp (sở, ngành): Tỷ lệ …: 98,50 % (197/200); Hồ sơ còn tồn: 3"."""
        parts = [f"{c}: {v}" for c, v in zip(columns, self.cells, strict=True) if v != "—"] + self.counts
        return f"{self.name} ({self.kind}): " + ("; ".join(parts) or "—")


@dataclass(frozen=True)
class UnitTable:
    """The units' figures: a column per metric any unit reported, a row per unit in the submission's order."""

    columns: list[str]
    rows: list[UnitRow]

    def lines(self) -> list[str]:
        return [r.line(self.columns) for r in self.rows]

    @property
    def has_counts(self) -> bool:
        return any(r.counts for r in self.rows)


def unit_table(units: list[UnitResult], cat: Catalogue, lang: str) -> UnitTable:
    metrics = sorted({m for u in units for m in u.indicators}, key=list(cat.metrics).index)
    rows = []
    for u in units:
        counts = other_counts(u.indicators, u.counts, cat, lang)
        cells = [figure(u.indicators[m], cat.metrics[m], lang) if m in u.indicators else "—" for m in metrics]
        text = f"{label('other_counts', lang)}: {'; '.join(counts)}" if counts else ""
        rows.append(UnitRow(u.name, unit_kind(u.kind, lang), cells, counts, text))
    return UnitTable([cat.metrics[m].name.get(lang) for m in metrics], rows)


def _unjudged(result: FileResult) -> list[Figure]:
    judged = {f.target.metric for f in result.findings}
    return [f for m, f in result.indicators.items() if m not in judged]


def _note(figures: Iterable[Figure], cat: Catalogue, lang: str) -> str:
    return label("stated_note", lang) if any(marked(f, cat.metrics[f.metric]) for f in figures) else ""


def stated_note(result: FileResult, cat: Catalogue, lang: str) -> str:
    """The note explaining *, when any figure shown (the body's or a unit's) is a rate as reported; else empty."""
    return _note([*result.indicators.values(), *(f for u in result.units for f in u.indicators.values())], cat, lang)


def figures_note(result: FileResult, cat: Catalogue, lang: str) -> str:
    """The note explaining * under the figures no target covers and the units' figures (the targets' table has
    its own)."""
    return _note([*_unjudged(result), *(f for u in result.units for f in u.indicators.values())], cat, lang)
