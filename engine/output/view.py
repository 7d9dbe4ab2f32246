"""A result turned into display strings, shared by the table and Markdown reporters. Only formatting happens
here and in templates: every decision (status, gap, who is responsible) was made by the engine.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.catalogue import Catalogue
from engine.check.result import FileResult, Finding
from engine.text import cite, describe, fmt
from engine.text.labels import label
from engine.text.messages import issue_line, location_text
from engine.vocabulary import Scope, Status


@dataclass
class Row:
    """One finding as a row of the check's table, every cell text."""

    target: str
    metric: str
    value: str
    threshold: str
    status: str
    gap: str
    shortfall: str
    lead: str
    support: str
    units_behind: str
    waiver: str
    deadline: str
    instrument: str
    unverified: bool
    local: bool
    not_judged: str


def threshold_text(f: Finding, lang: str) -> str:
    """The threshold as the instrument states it: "≥ 45 %", never rounded."""
    return fmt.threshold(f.target.threshold.op, f.threshold, f.unit, lang)


def row(f: Finding, cat: Catalogue, lang: str) -> Row:
    metric = cat.metrics[f.target.metric]
    thr = threshold_text(f, lang)
    units = ", ".join(
        f"{u.name} ({fmt.value(u.value, f.unit, lang)}"
        + (f"; {label('items_short', lang, n=fmt.number(u.shortfall, lang))}" if u.shortfall else "")
        + ")"
        for u in f.units_behind
    )
    return Row(
        target=f.target.id,
        metric=metric.name.get(lang),
        value=describe.value(f.figure, metric, lang),
        threshold=thr,
        status=label(f.status, lang),
        gap=fmt.gap(f.gap, lang) if f.gap is not None else "",
        shortfall=fmt.number(f.shortfall, lang) if f.shortfall is not None else "",
        lead=f.lead.name(lang) if f.lead else "",
        support=", ".join(a.name(lang) for a in f.support),
        units_behind=units,
        waiver=waiver_text(f, lang) if f.waiver else "",
        deadline=f"{f.target.deadline:%d/%m/%Y}",
        instrument=cite.instrument(f.instrument, lang),
        unverified=not f.target.verified,
        local=f.target.local,
        not_judged=label("not_judged", lang, where=location_text(f.not_judged, lang)) if f.not_judged else "",
    )


@dataclass
class RowGroup:
    """Rows shown together: the Government's targets, or the body's own."""

    title: str  # empty for the Government's targets; the body's own are shown apart, under a title
    rows: list[Row]


def row_groups(result: FileResult, cat: Catalogue, lang: str) -> list[RowGroup]:
    """The Government's targets, then the body's own (local) targets apart, each with its instrument."""
    national = [row(f, cat, lang) for f in result.findings if not f.target.local]
    local = [row(f, cat, lang) for f in result.findings if f.target.local]
    groups = [RowGroup("", national)] if national else []
    if local:
        groups.append(RowGroup(label("local_targets", lang, body=result.body_name), local))
    return groups


def header(result: FileResult, lang: str) -> str:
    assert result.body is not None and result.period is not None
    who = result.body.display + (f" ({result.body.code})" if result.body.scope == Scope.PROVINCE else "")
    parts = [who, fmt.period(result.period, lang)]
    if result.as_of:
        parts.append(f"{label('as_of_inline', lang)} {result.as_of:%d/%m/%Y}")
    return " · ".join(parts)


def summary(result: FileResult, lang: str) -> str:
    counts = {str(s): n for s, n in result.status_counts().items()}
    text = label("summary_counts", lang, **counts)
    return text + label("summary_counts_waived", lang, waived=counts[Status.WAIVED]) if counts[Status.WAIVED] else text


def waiver_text(f: Finding, lang: str) -> str:
    w = f.waiver.spec
    return label(
        "waiver_line",
        lang,
        number=w.document.number,
        date=f"{w.document.date:%d/%m/%Y}",
        authority=w.authority,
        expires=f"{w.expires:%d/%m/%Y}",
        why=w.justification,
    )


def issue_lines(result: FileResult, lang: str) -> list[str]:
    return [issue_line(p, lang) for p in result.issues]


def confidence_note(result: FileResult, lang: str) -> str | None:
    levels = sorted({f.target.confidence for f in result.findings if not f.target.verified})
    return label("unverified_note", lang, conf="/".join(levels)) if levels else None
