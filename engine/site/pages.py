"""The site's pages as views (every decision made here; templates lay strings out): the overview of the latest
period with its ranking, the submission calendar, a page per body and a page per target. Built from the per-file
summaries and the history's figures; nothing here reads a file."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Any

from markupsafe import Markup

from engine.catalogue import Catalogue
from engine.catalogue.bodies import Body
from engine.history.store import History
from engine.model.periods import Period, parse_period
from engine.model.textnorm import fold
from engine.report import charts
from engine.report.monthly import month_label
from engine.site.summary import SiteFinding, Summary
from engine.text import fmt
from engine.text.labels import label
from engine.vocabulary import Status


@dataclass
class Cell:
    status: str  # a status, or "none" where the target does not apply / nothing was submitted
    text: str
    title: str  # gap and shortfall, shown on hover
    order: int  # the exact value's place in its column (sorting in the page never compares rounded text)


@dataclass
class Row:
    rank: str  # "—" for a body that has not submitted the period
    rank_order: int  # what the rank column sorts by (an unranked body last)
    name: str
    slug: str
    folded: str  # the name without diacritics: the filter matches "ha giang" and "Hà Giang" alike
    note: str  # beside the name: "(chưa nộp kỳ này)" for a body that has not submitted the period
    counts: dict[str, int]
    cells: list[Cell]
    statuses: str  # the statuses present, space-separated: what the status filter reads


@dataclass
class Column:
    target: str
    slug: str  # its page's file name
    metric: str
    threshold: str


@dataclass
class Overview:
    period: str
    columns: list[Column]
    rows: list[Row]


@dataclass
class SeriesPoint:
    period: str
    text: str  # the value, or why there is none (no submission, a merged province's break)


@dataclass
class BodyTarget:
    target: str
    slug: str  # its page's file name; empty when it has none (it applies to no body in the latest period)
    metric: str
    status: str
    status_text: str
    value: str
    threshold: str
    gap: str
    shortfall: str
    lead: str
    units_behind: str
    chart: Markup | None
    series: list[SeriesPoint]


@dataclass
class Submitted:
    period: str
    file: str
    counts: dict[str, int]
    issues: list[str]


@dataclass
class BodyPage:
    slug: str
    name: str
    latest: str
    targets: list[BodyTarget]
    submissions: list[Submitted]
    reports: dict[str, str] = field(default_factory=dict)  # format -> the file of the latest monthly report


@dataclass
class Ranked:
    rank: int
    name: str
    slug: str
    value: str
    status: str
    status_text: str
    gap: str
    shortfall: str
    order: int


@dataclass
class TargetPage:
    target: str
    metric: str
    threshold: str
    basis: str
    confidence: str
    unverified: bool
    deadline: str
    period: str
    rows: list[Ranked]


def slug(name: str) -> str:
    """A file name from a body's name: "Tỉnh Hà Giang" → "tinh-ha-giang" (ASCII, no character a file system or a
    URL treats specially)."""
    return "-".join("".join(ch if ch.isascii() and ch.isalnum() else " " for ch in fold(name)).split()) or "body"


def latest_period(summaries: list[Summary]) -> str:
    """The latest period submitted: the one ending last (of two ending together, the shorter, a month before a
    year to date)."""
    dated = [s for s in summaries if s.period_end and s.period_start]
    best = max(dated, key=lambda s: (s.period_end, s.period_start), default=None)
    return best.period if best else ""


def _orders(values: list[Fraction | None]) -> list[int]:
    """Each value's place among the column's values, exactly (no value sorts first)."""
    ranked = sorted({v for v in values if v is not None})
    place = {v: i + 1 for i, v in enumerate(ranked)}
    return [place[v] if v is not None else 0 for v in values]


def _counts(findings: tuple[SiteFinding, ...]) -> dict[str, int]:
    counts = {str(s): 0 for s in Status}
    for f in findings:
        counts[f.status] += 1
    return counts


def _rank_key(s: Summary) -> tuple:
    """As the briefing ranks: more met, then fewer missed and at risk, then the smaller total gap."""
    c = _counts(s.findings)
    gaps = sum((f.gap or Fraction(0) for f in s.findings), Fraction(0))
    return (-c[Status.MET], c[Status.MISSED], c[Status.AT_RISK], gaps)


def overview(
    current: dict[str, Summary | None], names: dict[str, str], slugs: dict[str, str], period: str, lang: str
) -> Overview:
    """Every current body × every target that applies in the latest period; a body that has not submitted it is
    listed, unranked, with nothing in its cells."""
    submitted = [s for s in current.values() if s is not None]
    targets = sorted({(f.metric, f.target): f for s in submitted for f in s.findings}.items())
    columns = [Column(t, slug(t), f.metric, f.threshold_text) for (_, t), f in targets]
    keys = sorted({_rank_key(s) for s in submitted})
    by_body = {b: {f.target: f for f in s.findings} if s else {} for b, s in current.items()}
    orders = {
        c.target: dict(zip(current, _orders([_value(by_body[b], c.target) for b in current]), strict=True))
        for c in columns
    }
    rows = []
    for body, s in current.items():
        cells = []
        for c in columns:
            f = by_body[body].get(c.target)
            title = " · ".join(x for x in (f.gap_text, f.shortfall_text) if x) if f else ""
            cells.append(Cell(f.status if f else "none", f.value_text if f else "", title, orders[c.target][body]))
        counts = _counts(s.findings) if s else {str(st): 0 for st in Status}
        rank = keys.index(_rank_key(s)) + 1 if s else len(keys) + 1
        statuses = " ".join(sorted({f.status for f in s.findings})) if s else "not_submitted"
        note = "" if s else f"({label('not_submitted', lang)})"
        rows.append(
            Row(
                str(rank) if s else "—",
                rank,
                names[body],
                slugs[body],
                fold(names[body]),
                note,
                counts,
                cells,
                statuses,
            )
        )
    rows.sort(key=lambda r: (r.rank_order, r.folded))
    return Overview(fmt.period(parse_period(period), lang) if period else "", columns, rows)


def _value(findings: dict[str, SiteFinding], target: str) -> Fraction | None:
    f = findings.get(target)
    return f.value if f else None


def target_pages(
    current: dict[str, Summary | None], names: dict[str, str], slugs: dict[str, str], cat: Catalogue, lang: str
) -> list[TargetPage]:
    """Per target: the bodies ranked by value (highest first), with gap, shortfall, its legal basis and confidence."""
    from engine.text import cite

    by_target: dict[str, list[tuple[str, SiteFinding, str]]] = defaultdict(list)
    for body, s in current.items():
        for f in s.findings if s else ():
            by_target[f.target].append((body, f, s.period_text if s else ""))
    pages = []
    for tid, entries in sorted(by_target.items()):
        t = cat.targets[tid]
        orders = _orders([f.value for _, f, _ in entries])
        ranked = sorted(zip(entries, orders, strict=True), key=lambda e: (-e[1], fold(names[e[0][0]])))
        rows = [
            Ranked(
                i + 1,
                names[b],
                slugs[b],
                f.value_text,
                f.status,
                f.status_text,
                f.gap_text,
                f.shortfall_text,
                order,
            )
            for i, ((b, f, _), order) in enumerate(ranked)
        ]
        first = entries[0][1]
        pages.append(
            TargetPage(
                tid,
                first.metric,
                first.threshold_text,
                cite.instrument(cat.instruments[t.instrument], lang),
                t.confidence,
                not t.verified,
                fmt.day(t.deadline, lang),
                entries[0][2],
                rows,
            )
        )
    return pages


def months_between(first: date, last: date) -> list[Period]:
    out, y, m = [], first.year, first.month
    while (y, m) <= (last.year, last.month):
        out.append(parse_period(f"{y}-{m:02d}"))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def body_targets(
    s: Summary, body: Body, history: History, months: list[Period], cat: Catalogue, lang: str, paged: set[str]
) -> list[BodyTarget]:
    """The body's targets in its latest submission, each with its monthly series across the history (a merged
    province's months before the merger summed from its predecessors, or the reason they cannot be)."""
    out = []
    for f in s.findings:
        t = cat.targets[f.target]
        metric = cat.metrics[t.metric]
        points = [history.point(body, m, t.metric, cat) for m in months]
        series = [
            SeriesPoint(
                fmt.period(m, lang),
                fmt.value(p.figure.value, metric.unit, lang) if p.figure else _reason(p.reason, p.detail, lang),
            )
            for m, p in zip(months, points, strict=True)
        ]
        chart = None
        if any(p.figure for p in points):
            chart = charts.trend(
                [(month_label(p.period), p.figure.value if p.figure else None) for p in points],
                Fraction(t.threshold.value),
                (
                    f.metric,
                    f"{label('target_line', lang)} {f.threshold_text}",
                    label("chart_values", lang),
                    label("chart_gap", lang),
                ),
                unit=" %" if metric.unit == "percent" else "",
                width=max(420, 40 + 92 + 26 * len(points)),
            )
        out.append(
            BodyTarget(
                f.target,
                slug(f.target) if f.target in paged else "",
                f.metric,
                f.status,
                f.status_text,
                f.value_text,
                f.threshold_text,
                f.gap_text,
                f.shortfall_text,
                f.lead,
                f.units_behind,
                chart,
                series,
            )
        )
    return out


def _reason(reason: str | None, detail: str, lang: str) -> str:
    reason = reason or "no_figure"
    return label(reason, lang, detail=detail) if reason.startswith("merged") else label(reason, lang)


def submitted(summaries: list[Summary], folder_rel: Any) -> list[Submitted]:
    """The body's submissions, latest first, each with its counts by status and its problems."""
    ordered = sorted(summaries, key=lambda s: (s.period_end or date.min, s.period_start or date.min), reverse=True)
    return [Submitted(s.period_text, folder_rel(s.file), _counts(s.findings), list(s.issues)) for s in ordered]
