"""The project's vocabulary, in one place: statuses and their order, unit kinds, severities, figure sources, metric
units, scopes and role kinds. Every other module imports these; none spells the words out again.

They are `StrEnum`s: each member is its own text ("met"), so JSON, YAML, the rules engine and the templates see
plain strings, and the contract's words never change.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """What the rules decided about one target: the order below is the order findings are shown in."""

    MISSED = "missed"
    AT_RISK = "at_risk"
    NO_DATA = "no_data"
    MET = "met"
    WAIVED = "waived"


STATUS_ORDER: dict[str, int] = {s.value: i for i, s in enumerate(Status)}
MEASURED_BEHIND = (Status.MISSED, Status.AT_RISK)  # measured and below the threshold: a gap to close


class UnitKind(StrEnum):
    """The units of a submission's breakdown: who does the work. District only before 1/7/2025."""

    DEPARTMENT = "department"
    COMMUNE = "commune"
    DISTRICT = "district"
    CENTRE = "centre"


class Severity(StrEnum):
    ERROR = "error"  # the figure is not used; the run exits 2
    WARNING = "warning"  # said, and the figure is used
    INFO = "info"  # said once, for the reader; no effect on the exit code


class Source(StrEnum):
    """Where a figure comes from: named counts, a numerator and denominator given, or a bare value as stated."""

    COUNTS = "counts"
    REPORTED = "reported"
    STATED = "stated"


class MetricUnit(StrEnum):
    PERCENT = "percent"
    POINTS = "points"
    COUNT = "count"


SCALE: dict[str, int] = {MetricUnit.PERCENT: 100, MetricUnit.POINTS: 1, MetricUnit.COUNT: 1}


class Scope(StrEnum):
    """Whom a target or a role binds."""

    PROVINCE = "province"
    MINISTRY = "ministry"


class RoleKind(StrEnum):
    LEAD = "lead"
    SUPPORT = "support"


class FailOn(StrEnum):
    """Which statuses make the run exit 1."""

    MISSED = "missed"
    AT_RISK = "at_risk"


FAILING: dict[str, frozenset[str]] = {
    FailOn.MISSED: frozenset({Status.MISSED}),
    FailOn.AT_RISK: frozenset({Status.MISSED, Status.AT_RISK}),
}
