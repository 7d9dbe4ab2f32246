"""The monthly compliance report of one province: every decision and every number is made here; the templates
(reports/monthly.*.j2) only lay out the strings."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from markupsafe import Markup

from engine.catalogue import Catalogue
from engine.catalogue.bodies import Body
from engine.check.figures import Figure
from engine.check.result import FileResult, Finding
from engine.history.store import History, Point
from engine.model.periods import Period, parse_period, shift
from engine.model.submission import Submission
from engine.report import charts
from engine.report.basis import Basis, appendix
from engine.report.projection import Projection, project_flow, project_stock
from engine.report.render import css_string
from engine.text import cite, describe, fmt
from engine.text.labels import label, labels
from engine.text.messages import issue_line, location_text
from engine.vocabulary import MEASURED_BEHIND, SCALE, STATUS_ORDER, Scope, Source, Status

TOP_GAPS = 3


@dataclass
class TargetView:
    id: str
    metric: str
    status: str
    status_text: str
    value: str
    threshold: str
    gap: str
    shortfall: str
    deadline: str
    basis: str
    unverified: bool
    stated: bool
    not_judged: str
    prev: str
    last_year: str
    projection: str
    lead: str
    support: str
    units_behind: list[dict[str, str]]
    bar: Markup
    trend: Markup | None


@dataclass
class TargetSection:
    """The Government's targets, or apart from them the body's own (local) targets."""

    title: str
    targets: list[TargetView]
    table_note: str  # under the table of targets: what † and * mean, when they are used
    local: bool = False


@dataclass
class MonthlyView:
    lang: str
    title: str
    subject: str  # the trích yếu of the Word document (Nghị định 30: what the report is about)
    footer_css: Markup  # the printed pages' footer: the title, the body and the period, as a CSS string
    page_css: Markup  # "Trang " before "3/13"
    issuer: str  # the body that issues it, for the letterhead: "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG"
    province: str
    period: str
    as_of: str
    summary: str
    gaps: list[str]
    targets: list[TargetView]
    issues: list[str]
    appendix: list[Basis]
    sections: list[TargetSection]
    others: list[str]  # figures no target covers, counts no rate shown stands on: shown, never judged
    units: describe.UnitTable
    figures_note: str  # what * means under the two above, when it is used
    words: dict[str, str] = field(default_factory=dict)


def _months_so_far(period: Period) -> list[Period] | None:
    """January to the period's last month, for a month or a year-to-date range; None for other periods."""
    if period.kind == "month" or (
        period.kind == "range" and period.start.month == 1 and period.start.year == period.end.year
    ):
        return [parse_period(f"{period.end.year}-{m:02d}") for m in range(1, period.end.month + 1)]
    return None


def monthly_series(history: History, body: Body, months: list[Period], metric: str, cat: Catalogue) -> list[Point]:
    """This year's months, from monthly submissions; a month missing is taken from year-to-date submissions
    (2024-01/2024-03 less 2024-01/2024-02) when both have counts, since provinces often report cumulatively."""
    points = [history.point(body, m, metric, cat) for m in months]
    year = months[0].start.year

    def to_date(k: int) -> Figure | None:  # the year-to-date figure through month k (0 = January)
        label = f"{year}-01/{months[k].label}"
        if k == 0 and points[0].figure is not None:
            return points[0].figure
        return history.point(body, parse_period(label), metric, cat).figure

    out = []
    for k, (m, p) in enumerate(zip(months, points, strict=True)):
        fig = p.figure
        if fig is None:
            stock = cat.metrics[metric].over_time == "latest"  # a stock's value to date is its value that month
            fig = to_date(k) if k == 0 or stock else _difference(to_date(k), to_date(k - 1), cat, metric)
        out.append(p if fig is p.figure else Point(m.label, fig, None if fig else p.reason, p.detail))
    return out


def _difference(now: Figure | None, before: Figure | None, cat: Catalogue, metric: str) -> Figure | None:
    """A month's flow as the difference of two year-to-date figures with counts; None when it cannot be known."""
    if (
        now is None
        or before is None
        or not (now.verifiable and before.verifiable)
        or cat.metrics[metric].over_time != "sum"
    ):
        return None
    num, den = (now.numerator or 0) - (before.numerator or 0), (now.denominator or 0) - (before.denominator or 0)
    if num < 0 or den <= 0 or num > den:
        return None
    return Figure(metric, Fraction(num * SCALE[cat.metrics[metric].unit], den), num, den, Source.COUNTS)


def _point_text(now: Finding, point: Point | None, lang: str) -> str:
    if point is None:
        return "—"
    if point.figure is None:
        reason = point.reason or "no_figure"
        return label(reason, lang, detail=point.detail) if reason.startswith("merged") else label(reason, lang)
    if now.figure is None:
        return fmt.value(point.figure.value, now.unit, lang)
    text = fmt.signed_points(now.figure.value - point.figure.value, lang)
    return f"{text} ({point.period}: {fmt.value(point.figure.value, now.unit, lang)})"


def _projection(f: Finding, months: list[Point] | None, cat: Catalogue, lang: str) -> tuple[Projection | None, str]:
    metric = cat.metrics[f.target.metric]
    thr = Fraction(f.target.threshold.value)
    if months is None:
        return None, label("no_projection", lang, why=label("why_kind", lang))
    missing = [p.period for p in months if p.figure is None]
    if len(missing) == len(months):
        return None, label("no_projection", lang, why=label("no_figure", lang))
    if missing:
        breaks = [(p.reason, p.detail) for p in months if p.reason and p.reason.startswith("merged")]
        why = (
            label(breaks[0][0], lang, detail=breaks[0][1])
            if breaks
            else label("why_months", lang, months=", ".join(missing))
        )
        return None, label("no_projection", lang, why=why)
    figures = [p.figure for p in months if p.figure is not None]
    scale = SCALE[metric.unit]
    if metric.over_time == "sum":
        proj = project_flow(figures, thr, scale, f.target.threshold.op)
        if proj is None:
            return None, label("no_projection", lang, why=label("why_counts", lang))
    else:
        proj = project_stock([fig.value for fig in figures], thr, scale, f.target.threshold.op)
    assert proj is not None and proj.year_end is not None
    head = _pace(f.status, bool(proj.on_track), fmt.value(proj.year_end, metric.unit, lang), lang)
    rest = 12 - proj.months
    if rest == 0 or f.target.threshold.op not in (">=", ">"):
        return proj, head
    items = metric.items.get(lang) if metric.items else ""
    if proj.required_rate is not None:
        if not proj.required_items:
            tail = label("secured", lang)
        elif proj.required_rate > scale:
            tail = label("pace_unreachable", lang, rate=fmt.value(proj.required_rate, metric.unit, lang))
        else:
            tail = label(
                "pace_items",
                lang,
                n=fmt.number(proj.required_items, lang),
                items=items,
                rate=fmt.value(proj.required_rate, metric.unit, lang),
                rest=rest,
            )
    elif not proj.required_points:
        tail = label("secured_stock", lang)
    else:
        tail = label("pace_points", lang, n=fmt.number(proj.required_points, lang), rest=rest)
    return proj, f"{head}; {tail}"


def _pace(status: str, on_track: bool, value: str, lang: str) -> str:
    """The projection's words, saying apart the period judged and the year projected when they disagree (a target
    met this month that the year will miss is never shown as both "met" and "off track" without why)."""
    if status == Status.MET and not on_track:
        return label("met_but_off_track", lang, value=value)
    if status in MEASURED_BEHIND and on_track:
        return label("behind_but_on_track", lang, value=value)
    return label("on_track", lang, value=value) if on_track else label("off_track", lang, value=value)


def _gap_sentence(f: Finding, cat: Catalogue, lang: str) -> str:
    metric = cat.metrics[f.target.metric]
    params = dict(
        status_cap=label(f.status, lang).capitalize(),
        metric=metric.name.get(lang),
        threshold=fmt.threshold(f.target.threshold.op, f.threshold, f.unit, lang),
        deadline=fmt.day(f.target.deadline, lang),
    )
    if f.figure is None:
        return label("no_data_line", lang, **params)
    if f.shortfall is not None and metric.items:
        return label("gap_items", lang, n=fmt.number(f.shortfall, lang), items=metric.items.get(lang), **params)
    return label("gap_points_only", lang, gap=fmt.gap(f.gap or Fraction(0), lang), **params)


def top_gaps(findings: list[Finding]) -> list[Finding]:
    """The gaps that matter most: missed before at risk, then the widest gap in points; targets without data
    come after every measured gap."""
    behind = [f for f in findings if f.status in MEASURED_BEHIND]
    behind.sort(key=lambda f: (STATUS_ORDER[f.status], -(f.gap or 0), f.target.id))
    no_data = sorted((f for f in findings if f.status == Status.NO_DATA), key=lambda f: f.target.id)
    return (behind + no_data)[:TOP_GAPS]


def build_monthly(sub: Submission, result: FileResult, history: History, cat: Catalogue, lang: str) -> MonthlyView:
    body = sub.body
    history.add(
        (body.scope, body.era, body.code), sub.period, result.indicators, sub.file, replace=True
    )  # the file given is the truth
    views = [_target_view(f, sub, history, cat, lang) for f in result.findings]
    counts = result.status_counts()
    waived = counts[Status.WAIVED]
    return MonthlyView(
        lang=lang,
        title=label("monthly_title", lang),
        subject=label(
            "monthly_subject", lang, period=fmt.period_in_words(sub.period, lang), body=_lower_first(result.body_name)
        ),
        issuer=issuer_of(sub.body),
        footer_css=css_string(f"{label('monthly_title', lang)} · {result.body_name} · {fmt.period(sub.period, lang)}"),
        page_css=css_string(label("page_of", lang)),
        province=result.body_name,
        period=fmt.period(sub.period, lang),
        as_of=fmt.day(sub.as_of, lang) if sub.as_of else "",
        summary=label("summary_line", lang, **{str(s): n for s, n in counts.items()})
        + (" " + label("summary_waived", lang, n=waived) if waived else ""),
        gaps=[_gap_sentence(f, cat, lang) for f in top_gaps(result.findings)],
        targets=views,
        issues=[issue_line(p, lang, with_code=False) for p in [*result.issues, *history.problems]],
        appendix=appendix(result.findings, cat, lang),
        sections=_sections(result, views, lang),
        others=describe.other_figures(result, cat, lang),
        units=describe.unit_table(result.units, cat, lang),
        figures_note=describe.figures_note(result, cat, lang),
        words=labels(lang),
    )


def _target_view(f: Finding, sub: Submission, history: History, cat: Catalogue, lang: str) -> TargetView:
    """One target's block: its figures, trend, projection and who answers for it."""
    metric = cat.metrics[f.target.metric]
    months = _months_so_far(sub.period)
    prev_p, year_p = shift(sub.period, -1), shift(sub.period, -12)
    series = monthly_series(history, sub.body, months, f.target.metric, cat) if months else None
    prev = history.point(sub.body, prev_p, f.target.metric, cat) if prev_p else None
    last = history.point(sub.body, year_p, f.target.metric, cat) if year_p else None
    _, projection = _projection(f, series, cat, lang)
    thr = Fraction(f.target.threshold.value)
    stated = bool(f.figure and describe.marked(f.figure, metric))
    return TargetView(
        id=f.target.id,
        metric=metric.name.get(lang),
        status=f.status,
        status_text=label(f.status, lang),
        value=describe.value(f.figure, metric, lang),
        threshold=fmt.threshold(f.target.threshold.op, f.threshold, f.unit, lang),
        gap=fmt.gap(f.gap, lang) if f.gap is not None else "",
        shortfall=fmt.number(f.shortfall, lang) if f.shortfall is not None else "",
        deadline=fmt.day(f.target.deadline, lang),
        basis=cite.instrument(f.instrument, lang),
        unverified=not f.target.verified,
        stated=stated,
        not_judged=label("not_judged", lang, where=location_text(f.not_judged, lang)) if f.not_judged else "",
        prev=_point_text(f, prev, lang),
        last_year=_point_text(f, last, lang),
        projection=projection,
        lead=f.lead.name(lang) if f.lead else "",
        support=", ".join(a.name(lang) for a in f.support),
        units_behind=[
            {
                "name": u.name,
                "value": fmt.value(u.value, f.unit, lang),
                "shortfall": fmt.number(u.shortfall, lang) if u.shortfall is not None else "",
            }
            for u in f.units_behind
        ],
        bar=charts.bar(f.figure.value if f.figure else None, thr, f.status),
        trend=charts.trend(
            [(month_label(p.period), p.figure.value if p.figure else None) for p in series],
            thr,
            (
                metric.name.get(lang),
                f"{label('target_line', lang)} {fmt.threshold(f.target.threshold.op, f.target.threshold.value, metric.unit, lang)}",
                label("chart_values", lang),
                label("chart_gap", lang),
            ),
            unit=" %" if metric.unit == "percent" else "",  # the axis of a percentage says so
        )
        if series and any(p.figure for p in series)
        else None,
    )


def _sections(result: FileResult, views: list[TargetView], lang: str) -> list[TargetSection]:
    national = [v for v, f in zip(views, result.findings, strict=True) if not f.target.local]
    local = [v for v, f in zip(views, result.findings, strict=True) if f.target.local]
    out = [TargetSection(label("targets", lang), national, _table_note(national, lang))]
    if local:
        title = label("local_targets", lang, body=result.body_name)
        out.append(TargetSection(title, local, _table_note(local, lang), local=True))
    return out


def _table_note(views: list[TargetView], lang: str) -> str:
    notes = [label("unverified_mark", lang)] if any(v.unverified for v in views) else []
    if any(v.stated for v in views):
        notes.append(label("stated_note", lang))
    return " · ".join(notes)


def _lower_first(name: str) -> str:
    """ "Tỉnh Tuyên Quang" inside a sentence is "tỉnh Tuyên Quang"; a ministry keeps its capital ("Bộ Tài chính")."""
    return name[0].lower() + name[1:] if name.startswith(("Tỉnh", "Thành phố")) else name


def issuer_of(body: Body) -> str:
    """The parent body of the letterhead (Nghị định 30/2020/NĐ-CP): a province's People's Committee, or the
    ministry itself."""
    if body.scope == Scope.PROVINCE:
        return f"ỦY BAN NHÂN DÂN {body.display.upper()}" if body.display.startswith(("Tỉnh", "Thành phố")) else ""
    return body.display.upper()


def month_label(period: str) -> str:
    """ "2025-09" on a chart's axis: "9/25", the month with its year."""
    year, _, month = period.partition("-")
    return f"{int(month)}/{year[2:]}" if month.isdigit() else period
