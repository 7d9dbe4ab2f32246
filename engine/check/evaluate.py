"""Evaluate a submission against the targets that apply to its period.

Arithmetic is exact and done here, before the rules engine: for every applicable target we compare the exact
value with the threshold, compute the gap and the shortfall, and hand the rules typed facts (met or not,
deadline passed or not). The rules (rules/*.yaml) decide the status, who is responsible and which units are
behind; this module turns their firings into Findings and checks that every target got exactly one status.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from fractions import Fraction

from engine.catalogue import Catalogue
from engine.catalogue.bodies import Body
from engine.catalogue.models import Instrument, Target
from engine.check.compare import gap_points, meets, shortfall
from engine.check.figures import Figure, Figures, compute
from engine.check.result import Agency, FileResult, Finding, UnitBehind, UnitResult
from engine.errors import Location, Problem, RuleError
from engine.model.periods import month_end
from engine.model.submission import Submission
from engine.rules.durable_adapter import Firing, RulesEngine
from engine.rules.facts import (
    ApplicableTarget,
    Assignment,
    EndOfSubmission,
    Fact,
    Measurement,
    UnitMeasurement,
    UnitsBelow,
    Waived,
)
from engine.vocabulary import STATUS_ORDER, RoleKind, Severity, Status, UnitKind


def applicable_targets(cat: Catalogue, body: Body, period_end: date, reference: date) -> list[Target]:
    """The targets whose scope includes the body (a local one: that binds it), whose window holds the period's
    last day, and whose instrument existed on the reference day (as_of, else the period's last day)."""
    return [
        t
        for t in sorted(cat.targets.values(), key=lambda t: t.id)
        if body.scope in t.scope
        and t.applies.start <= period_end <= t.applies.end
        and not t.binds_other(body)
        and in_force(cat.instruments[t.instrument], reference)
    ]


def in_force(ins: Instrument, reference: date) -> bool:
    """An instrument exists on the reference day if it was issued on or before it. One known only to the month
    counts from the month's end (never applied on a day it may not yet have existed); one whose date is not known
    is bounded by its target's window alone."""
    if ins.date is None:
        return True
    issued = ins.date
    if ins.date_precision == "month":
        issued = month_end(issued.year, issued.month)
    return reference >= issued


@dataclass
class _Measured:
    """A target's figure compared with its threshold, before the rules decide."""

    target: Target
    figure: Figure | None
    not_judged: Problem | None
    meets: bool | None
    units: list[tuple[str, str, Figure, bool]]


def evaluate(sub: Submission, cat: Catalogue, rules: RulesEngine, waivers: list | None = None) -> FileResult:
    result = FileResult(sub.file, sub.body, sub.period, sub.as_of)
    figures, unit_figures, problems = compute(sub, cat)
    result.indicators = dict(sorted(figures.by_metric.items()))
    result.counts = dict(sorted(figures.known.known.items()))
    result.issues = sorted([*problems, *sub.problems], key=Problem.sort_key)
    units = [(u.name, u.kind, f) for u, f in zip(sub.raw.units, unit_figures, strict=True)]
    result.units = [
        UnitResult(name, kind, dict(sorted(f.by_metric.items())), dict(sorted(f.known.known.items())))
        for name, kind, f in units
    ]
    measured: dict[str, _Measured] = {}
    facts: list[Fact] = []
    applicable = applicable_targets(cat, sub.body, sub.period.end, sub.as_of or sub.period.end)
    applied: dict = {}  # target -> the waiver in force
    if waivers:  # the waivers' module and models: only a run with waivers (a plain check's start, issue 16)
        from engine.check.waivers import decide

        decision = decide(waivers, sub.body, sub.period, sub.as_of or sub.period.end, [t.id for t in applicable])
        result.issues = sorted([*result.issues, *decision.problems], key=Problem.sort_key)
        applied, result.waivers_used = decision.applied, decision.used
    result.issues = sorted([*result.issues, *_other_measures(sub, cat, figures, applicable)], key=Problem.sort_key)
    for target in applicable:
        fig = figures.by_metric.get(target.metric)
        unusable = figures.unusable.get(target.metric)
        measured[target.id] = _measure(target, fig, unusable, units, sub.as_of or sub.period.end, facts)
    # waivers first: the status rules' "not waiver" conditions are evaluated as soon as a measurement arrives
    facts[:0] = [Waived(tid) for tid in sorted(applied)]
    facts.append(EndOfSubmission())
    firings = rules.run(facts)
    result.findings = [
        f if f.status != Status.WAIVED else replace(f, waiver=applied.get(f.target.id))
        for f in _assemble(measured, firings, cat, sub, rules)
    ]
    return result


def _other_measures(sub: Submission, cat: Catalogue, figures: Figures, applicable: list[Target]) -> list[Problem]:
    """A figure of another measure than a target's (dossiers paid online, where the target counts payment
    transactions) is not judged against it: said once, where the figure is, when that target has no figure."""
    out = []
    for mid in sorted(figures.by_metric):
        other = cat.metrics[mid].differs_from
        for t in (t for t in applicable if other and t.metric == other and other not in figures.by_metric):
            out.append(
                sub.doc.problem(
                    "figure.other_measure",
                    ("indicators", mid),
                    severity=Severity.INFO,
                    metric=cat.metrics[mid].name,
                    target=t.id,
                    target_metric=cat.metrics[t.metric].name,
                )
            )
    return out


def _measure(
    target: Target,
    fig: Figure | None,
    unusable: Problem | None,
    units: list[tuple[str, UnitKind, Figures]],
    reference: date,
    facts: list[Fact],
) -> _Measured:
    """Compare the province's and each unit's figure with the target exactly; add the facts the rules see."""
    thr, op = Fraction(target.threshold.value), target.threshold.op
    m = _Measured(target, fig, unusable, meets(fig.value, op, thr) if fig else None, [])
    facts.append(ApplicableTarget(target.id, target.metric))
    facts.append(Assignment(target.id, target.responsible.lead, RoleKind.LEAD))
    facts.extend(Assignment(target.id, r, RoleKind.SUPPORT) for r in target.responsible.support)
    if fig is not None:
        facts.append(
            Measurement(
                target.id, target.metric, bool(m.meets), reference >= target.deadline, fig.verifiable, fig.source
            )
        )
    below: dict[UnitKind, list[str]] = {}
    for name, kind, ufigs in units:
        ufig = ufigs.by_metric.get(target.metric)
        if ufig is None:
            continue
        ok = meets(ufig.value, op, thr)
        m.units.append((name, kind, ufig, ok))
        if not ok:
            below.setdefault(kind, []).append(name)
        facts.append(UnitMeasurement(target.id, target.metric, name, kind, ok, ufig.verifiable))
    facts.extend(
        UnitsBelow(target.id, target.metric, kind, len(names), tuple(names)) for kind, names in sorted(below.items())
    )
    return m


@dataclass
class _Decided:
    """What the rules' firings said about one target."""

    statuses: list[tuple[str, str]] = field(default_factory=list)  # (status, rule)
    roles: dict[str, set[str]] = field(default_factory=lambda: {RoleKind.LEAD: set(), RoleKind.SUPPORT: set()})
    behind: set[str] = field(default_factory=set)
    rules: set[str] = field(default_factory=set)


def _decisions(measured: dict[str, _Measured], firings: list[Firing], rules: RulesEngine) -> dict[str, _Decided]:
    """The firings gathered by target; exactly one status for each, or the rules are at fault (exit 2)."""
    decided = {t: _Decided() for t in measured}
    for firing in firings:
        target = next(iter(firing.slots.values()))["target"]  # every slot of an action is about one target
        if target not in decided:
            continue
        d = decided[target]
        d.rules.add(firing.rule)
        if firing.action == "set_status":
            d.statuses.append((firing.params["status"], firing.rule))
        elif firing.action == "assign_responsible":
            d.roles[firing.slots["assignment"]["role_kind"]].add(firing.slots["assignment"]["role"])
        elif firing.action == "name_unit_behind":
            d.behind.add(firing.slots["unit"]["unit"])
        elif firing.action == "name_units_behind":
            d.behind.update(firing.slots["units"]["units"])
    problems = []
    for tid, d in sorted(decided.items()):
        distinct = sorted({s for s, _ in d.statuses})
        if len(distinct) != 1:
            rule_ids = ", ".join(sorted(r for _, r in d.statuses)) or "-"
            problems.append(
                Problem(
                    "rules.status_count",
                    {"target": tid, "count": len(distinct), "rules": rule_ids},
                    Location(rules.book.source),
                )
            )
    if problems:
        raise RuleError(problems)
    return decided


def _assemble(
    measured: dict[str, _Measured], firings: list[Firing], cat: Catalogue, sub: Submission, rules: RulesEngine
) -> list[Finding]:
    decided = _decisions(measured, firings, rules)
    findings = [_finding(m, decided[tid], cat, sub.body, sub.period.end) for tid, m in measured.items()]
    findings.sort(key=lambda f: (STATUS_ORDER[f.status], f.target.metric, f.target.id))
    return findings


def _finding(m: _Measured, d: _Decided, cat: Catalogue, body: Body, day: date) -> Finding:
    target, fig = m.target, m.figure
    thr, op = Fraction(target.threshold.value), target.threshold.op
    unit = cat.metrics[target.metric].unit
    status = Status(d.statuses[0][0])
    short_of = fig is not None and status not in (Status.MET, Status.WAIVED)
    units = sorted(
        (
            UnitBehind(name, kind, f.value, shortfall(f, op, thr, unit))
            for name, kind, f, _ in m.units
            if name in d.behind
        ),
        key=lambda u: (-(u.shortfall if u.shortfall is not None else -1), u.value, u.name),
    )
    lead = d.roles[RoleKind.LEAD]
    lead_agency = _agency(cat, sorted(lead), body, day)[0] if lead else None
    support = _agency(cat, [r for r in target.responsible.support if r in d.roles[RoleKind.SUPPORT]], body, day)
    return Finding(
        target=target,
        instrument=cat.instruments[target.instrument],
        unit=unit,
        status=status,
        figure=fig,
        gap=gap_points(fig.value, op, thr) if fig is not None and short_of else None,
        shortfall=shortfall(fig, op, thr, unit) if fig is not None and short_of else None,
        lead=lead_agency,
        support=_distinct(support, lead_agency),
        units_behind=tuple(units),
        rules=tuple(sorted(d.rules)),
        not_judged=m.not_judged if fig is None else None,
    )


def _distinct(support: list[Agency], lead: Agency | None) -> tuple[Agency, ...]:
    """Supporting agencies named once, and not again when they are the lead (inside a ministry, several roles can
    be held by the ministry itself)."""
    out: list[Agency] = []
    for a in support:
        if a.name_vi != (lead.name_vi if lead else None) and all(a.name_vi != b.name_vi for b in out):
            out.append(a)
    return tuple(out)


def _agency(cat: Catalogue, role_ids: list[str], body: Body, day: date) -> list[Agency]:
    out = []
    for rid in role_ids:
        name = cat.roles[rid].name_for(body, day)
        out.append(Agency(rid, name.vi, name.en))
    return out
