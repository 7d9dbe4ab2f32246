"""Evaluate a submission against the targets that apply to its period.

Arithmetic is exact and done here, before the rules engine: for every applicable target we compare the exact
value with the threshold, compute the gap and the shortfall, and hand the rules typed facts (met or not,
deadline passed or not). The rules (rules/*.yaml) decide the status, who is responsible and which units are
behind; this module turns their firings into Findings and checks that every target got exactly one status.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from fractions import Fraction

from engine.catalogue import Catalogue
from engine.catalogue.models import Target
from engine.check.compare import gap_points, meets, shortfall
from engine.check.figures import Figure, Figures, compute
from engine.check.result import Agency, FileResult, Finding, UnitBehind
from engine.check.waivers import decide
from engine.errors import Location, Problem, RuleError
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
from engine.vocabulary import STATUS_ORDER, RoleKind, Scope, Status, UnitKind


def applicable_targets(cat: Catalogue, scope: str, period_end: date) -> list[Target]:
    return [
        t
        for t in sorted(cat.targets.values(), key=lambda t: t.id)
        if scope in t.scope and t.applies.start <= period_end <= t.applies.end
    ]


@dataclass
class _Measured:
    target: Target
    figure: Figure | None
    meets: bool | None
    units: list[tuple[str, str, Figure, bool]]


def evaluate(sub: Submission, cat: Catalogue, rules: RulesEngine, waivers: list | None = None) -> FileResult:
    province = sub.province.province
    result = FileResult(sub.file, province.code, cat.geography.display_name(province), sub.period.label, sub.as_of)
    figures, unit_figures, problems = compute(sub, cat)
    result.indicators = dict(sorted(figures.by_metric.items()))
    result.issues = sorted(problems, key=Problem.sort_key)
    units = [(u.name, u.kind, f) for u, f in zip(sub.raw.units, unit_figures, strict=True)]
    measured: dict[str, _Measured] = {}
    facts: list[Fact] = []
    applicable = applicable_targets(cat, Scope.PROVINCE, sub.period.end)
    decision = decide(waivers or [], sub.province, sub.period, sub.as_of or sub.period.end, [t.id for t in applicable])
    result.issues = sorted([*result.issues, *decision.problems], key=Problem.sort_key)
    result.waivers_used = decision.used
    for target in applicable:
        measured[target.id] = _measure(
            target, figures.by_metric.get(target.metric), units, sub.as_of or sub.period.end, facts
        )
    # waivers first: the status rules' "not waiver" conditions are evaluated as soon as a measurement arrives
    facts[:0] = [Waived(tid) for tid in sorted(decision.applied)]
    facts.append(EndOfSubmission())
    firings = rules.run(facts)
    result.findings = [
        f if f.status != Status.WAIVED else replace(f, waiver=decision.applied.get(f.target.id))
        for f in _assemble(measured, firings, cat, sub, rules)
    ]
    return result


def _measure(
    target: Target, fig: Figure | None, units: list[tuple[str, UnitKind, Figures]], reference: date, facts: list[Fact]
) -> _Measured:
    """Compare the province's and each unit's figure with the target exactly; add the facts the rules see."""
    thr, op = Fraction(target.threshold.value), target.threshold.op
    m = _Measured(target, fig, meets(fig.value, op, thr) if fig else None, [])
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


def _assemble(
    measured: dict[str, _Measured], firings: list[Firing], cat: Catalogue, sub: Submission, rules: RulesEngine
) -> list[Finding]:
    status: dict[str, list[tuple[str, str]]] = {t: [] for t in measured}
    roles: dict[str, dict[str, set[str]]] = {t: {RoleKind.LEAD: set(), RoleKind.SUPPORT: set()} for t in measured}
    behind: dict[str, set[str]] = {t: set() for t in measured}
    decided_by: dict[str, set[str]] = {t: set() for t in measured}
    for firing in firings:
        target = next(iter(firing.slots.values()))["target"]  # every slot of an action is about one target
        if target not in measured:
            continue
        decided_by[target].add(firing.rule)
        if firing.action == "set_status":
            status[target].append((firing.params["status"], firing.rule))
        elif firing.action == "assign_responsible":
            assignment = firing.slots["assignment"]
            roles[target][assignment["role_kind"]].add(assignment["role"])
        elif firing.action == "name_unit_behind":
            behind[target].add(firing.slots["unit"]["unit"])
        elif firing.action == "name_units_behind":
            behind[target].update(firing.slots["units"]["units"])
    problems = []
    for tid, decided in sorted(status.items()):
        distinct = sorted({s for s, _ in decided})
        if len(distinct) != 1:
            rule_ids = ", ".join(sorted(r for _, r in decided)) or "-"
            problems.append(
                Problem(
                    "rules.status_count",
                    {"target": tid, "count": len(distinct), "rules": rule_ids},
                    Location(rules.book.source),
                )
            )
    if problems:
        raise RuleError(problems)
    day = sub.period.end
    findings = []
    for tid, m in measured.items():
        target = m.target
        thr = Fraction(target.threshold.value)
        unit = cat.metrics[target.metric].unit
        st = Status(status[tid][0][0])
        fig = m.figure
        gap = gap_points(fig.value, target.threshold.op, thr) if fig and st not in (Status.MET, Status.WAIVED) else None
        short = (
            shortfall(fig, target.threshold.op, thr, unit) if fig and st not in (Status.MET, Status.WAIVED) else None
        )
        units = sorted(
            (
                UnitBehind(name, kind, f.value, shortfall(f, target.threshold.op, thr, unit))
                for name, kind, f, ok in m.units
                if name in behind[tid]
            ),
            key=lambda u: (-(u.shortfall if u.shortfall is not None else -1), u.value, u.name),
        )
        findings.append(
            Finding(
                target=target,
                instrument=cat.instruments[target.instrument],
                unit=unit,
                status=st,
                figure=fig,
                gap=gap,
                shortfall=short,
                lead=_agency(cat, sorted(roles[tid][RoleKind.LEAD]), day)[0] if roles[tid][RoleKind.LEAD] else None,
                support=tuple(
                    _agency(cat, [r for r in target.responsible.support if r in roles[tid][RoleKind.SUPPORT]], day)
                ),
                units_behind=tuple(units),
                rules=tuple(sorted(decided_by[tid])),
            )
        )
    findings.sort(key=lambda f: (STATUS_ORDER[f.status], f.target.metric, f.target.id))
    return findings


def _agency(cat: Catalogue, role_ids: list[str], day: date) -> list[Agency]:
    out = []
    for rid in role_ids:
        name = cat.roles[rid].agency_at(day).name
        out.append(Agency(rid, name.vi, name.en))
    return out
