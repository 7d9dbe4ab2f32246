"""The briefing pack before a meeting with several provinces (seed 000: a ministry meets four provinces):
an overview comparing them on every indicator, a ranking, each one's gaps, then a page per province with
highlights, gaps, who is responsible, units behind and points to raise. Every decision is made here."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from markupsafe import Markup

from engine.catalogue import Catalogue
from engine.catalogue.models import Target
from engine.check.result import FileResult
from engine.errors import Location, Problem
from engine.history.store import History
from engine.model.submission import Submission
from engine.report import charts
from engine.report.basis import Basis, appendix
from engine.report.monthly import MonthlyView, build_monthly, top_gaps
from engine.report.render import css_string
from engine.text import fmt
from engine.text.labels import label, labels
from engine.vocabulary import Status


@dataclass
class Cell:
    text: str
    status: str


@dataclass
class ProvinceRow:
    rank: int
    name: str
    met: int
    at_risk: int
    missed: int
    no_data: int
    cells: list[Cell]


@dataclass
class ProvincePage:
    name: str
    highlights: list[str]
    points: list[str]
    report: MonthlyView


@dataclass
class BriefingView:
    lang: str
    title: str
    subject: str  # the trích yếu of the Word document
    footer_css: Markup  # the printed pages' footer: the title and the period, as a CSS string
    page_css: Markup  # "Trang " before "3/13"
    period: str
    columns: list[str]
    rows: list[ProvinceRow]
    comparisons: list[dict[str, Any]]
    pages: list[ProvincePage]
    mixed: str  # when submissions of different periods are set side by side: said on every page
    mixed_css: Markup  # the same as a CSS string, for the printed pages' top margin
    appendix: list[Basis]  # the legal basis of every target shown
    issues: list[str] = field(default_factory=list)
    words: dict[str, str] = field(default_factory=dict)


def rank_key(result: FileResult) -> tuple:
    """More targets met first; then fewer missed, fewer at risk; then the smaller total gap; then the name."""
    count = result.status_counts()
    gaps = sum((f.gap or Fraction(0) for f in result.findings), Fraction(0))
    return (-count[Status.MET], count[Status.MISSED], count[Status.AT_RISK], gaps, result.body_name)


def ranking(results: list[FileResult]) -> list[int]:
    """The rank of each result (1 is best); equal keys (but for the name) share a rank."""
    keys = [rank_key(r)[:-1] for r in results]
    order = sorted(keys)
    return [order.index(k) + 1 for k in keys]


def _points(result: FileResult, cat: Catalogue, lang: str) -> list[str]:
    out = []
    for f in top_gaps(result.findings):
        metric = cat.metrics[f.target.metric]
        name = metric.name.get(lang)
        who = f.lead.name(lang) if f.lead else result.body_name
        if f.figure is None:
            out.append(
                label(
                    "raise_no_data",
                    lang,
                    who=result.body_name,
                    metric=name,
                    deadline=fmt.day(f.target.deadline, lang),
                )
            )
            continue
        units = ", ".join(u.name for u in f.units_behind[:2])
        params = dict(
            who=who,
            metric=name,
            value=fmt.value(f.figure.value, f.unit, lang),
            threshold=fmt.threshold(f.target.threshold.op, f.threshold, f.unit, lang),
            deadline=fmt.day(f.target.deadline, lang),
        )
        if f.shortfall is not None and metric.items:
            text = label(
                "raise_shortfall", lang, n=fmt.number(f.shortfall, lang), items=metric.items.get(lang), **params
            )
        else:
            text = label("raise_gap", lang, **params) + " " + label("raise_counts", lang)
        if units:
            text += " " + label("raise_units", lang, units=units)
        out.append(text)
    return out


def _highlights(result: FileResult, cat: Catalogue, lang: str) -> list[str]:
    met = [(f, f.figure) for f in result.findings if f.status == Status.MET and f.figure is not None]
    met.sort(key=lambda pair: (-(pair[1].value - Fraction(pair[0].threshold)), pair[0].target.id))
    return [
        label(
            "highlight_met",
            lang,
            metric=cat.metrics[f.target.metric].name.get(lang),
            value=fmt.value(fig.value, f.unit, lang),
            threshold=fmt.threshold(f.target.threshold.op, f.threshold, f.unit, lang),
        )
        for f, fig in met
    ]


def check_inputs(items: list[tuple[Submission, FileResult]], mixed_periods: bool) -> list[Problem]:
    """A briefing ranks bodies over one period: another period, or a body given twice, is refused (each file
    named against the first that it clashes with), unless the caller asks to set different periods side by side.
    The same body for the same period twice is always refused: nothing says which submission counts."""
    problems = []
    first = items[0][0]
    seen: dict[tuple[str, str], Submission] = {}
    for sub, _ in items:
        key = (sub.body.scope, sub.body.code or sub.body.name)
        earlier = seen.setdefault(key, sub)
        where = Location(sub.file)
        params = {"body": sub.body.display, "period": sub.period}
        if earlier is not sub and earlier.period == sub.period:
            problems.append(Problem("briefing.same_submission_twice", {**params, "first": earlier.file}, where))
        elif mixed_periods:
            continue
        elif earlier is not sub:
            clash = {"first": earlier.file, "first_period": earlier.period}
            problems.append(Problem("briefing.body_twice", {**params, **clash}, where))
        elif sub.period != first.period:
            clash = {"first": first.file, "first_period": first.period}
            problems.append(Problem("briefing.mixed_periods", {**params, **clash}, where))
    return problems


def build_briefing(
    items: list[tuple[Submission, FileResult]], history: History, cat: Catalogue, lang: str
) -> BriefingView:
    results = [r for _, r in items]
    ranks = ranking(results)
    order = sorted(range(len(items)), key=lambda i: (ranks[i], rank_key(results[i])))
    targets = sorted(
        {f.target.id: f.target for r in results for f in r.findings}.values(), key=lambda t: (t.metric, t.id)
    )
    periods = sorted({r.period for r in results if r.period}, key=lambda p: (p.start, p.end))
    mixed = len(periods) > 1  # only when asked for (--mixed-periods): said on every page, each body with its period
    names = [_name(r, mixed, lang) for r in results]
    ranked = [(names[i], results[i]) for i in order]
    pages = []
    for i in order:
        sub, r = items[i]
        report = build_monthly(sub, r, history, cat, lang)
        pages.append(ProvincePage(names[i], _highlights(r, cat, lang), _points(r, cat, lang), report))
    return BriefingView(
        lang=lang,
        title=label("briefing_title", lang),
        subject=label("briefing_subject", lang, period=", ".join(fmt.period_in_words(p, lang) for p in periods)),
        period=", ".join(fmt.period(p, lang) for p in periods),
        mixed=label("briefing_mixed", lang) if mixed else "",
        mixed_css=css_string(label("briefing_mixed", lang)) if mixed else Markup(""),
        footer_css=css_string(label("briefing_title", lang) + " · " + ", ".join(fmt.period(p, lang) for p in periods)),
        page_css=css_string(label("page_of", lang)),
        appendix=appendix([f for r in results for f in r.findings], cat, lang),
        columns=[cat.metrics[t.metric].name.get(lang) for t in targets],
        rows=[_row(ranks[i], names[i], results[i], targets, lang) for i in order],
        comparisons=[c for t in targets if (c := _comparison(t, ranked, cat, lang)) is not None],
        pages=pages,
        words=labels(lang),
    )


def _name(r: FileResult, mixed: bool, lang: str) -> str:
    """A body as the briefing names it; with its period when the periods differ."""
    name = r.body_name or r.file
    return f"{name} · {fmt.period(r.period, lang)}" if mixed and r.period else name


def _row(rank: int, name: str, r: FileResult, targets: list[Target], lang: str) -> ProvinceRow:
    """One province in the overview: its rank, its counts by status, and its value on each target."""
    by = {f.target.id: f for f in r.findings}
    cells = []
    for t in targets:
        f = by.get(t.id)
        if f is None:
            cells.append(Cell("", "none"))
        else:
            cells.append(Cell(fmt.value(f.figure.value, f.unit, lang) if f.figure else "—", f.status))
    count = r.status_counts()
    return ProvinceRow(
        rank,
        name,
        count[Status.MET],
        count[Status.AT_RISK],
        count[Status.MISSED],
        count[Status.NO_DATA],
        cells,
    )


def _comparison(t: Target, ranked: list[tuple[str, FileResult]], cat: Catalogue, lang: str) -> dict[str, Any] | None:
    """The provinces side by side on one target, as a chart; None when nobody reported it (the overview says —)."""
    bars = []
    for name, r in ranked:
        f = {f.target.id: f for f in r.findings}.get(t.id)
        if f is not None:
            value = f.figure.value if f.figure else None
            text = fmt.value(f.figure.value, f.unit, lang) if f.figure else ""
            bars.append((name, value, f.status, text))
    if not any(value is not None for _, value, _, _ in bars):
        return None
    metric = cat.metrics[t.metric]
    return {
        "metric": metric.name.get(lang),
        "target": t.id,
        "threshold": fmt.threshold(t.threshold.op, t.threshold.value, metric.unit, lang),
        "chart": charts.compare(
            bars,
            Fraction(t.threshold.value),
            legend=[(s, label(s, lang)) for s in (Status.MET, Status.AT_RISK, Status.MISSED)],
            threshold_text=label("target_line", lang)
            + " "
            + fmt.threshold(t.threshold.op, t.threshold.value, metric.unit, lang),
        ),
    }
