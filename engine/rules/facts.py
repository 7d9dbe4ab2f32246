"""The facts the rules see and the actions they may take, declared once.

Each fact kind is a frozen dataclass: its fields and their types are the contract between the evaluation (which
builds the facts) and the rules (which test them). The rules language (rulebook.py) reads the declarations to
validate every rule; the evaluation builds facts only through these classes, so a misspelt field fails at once.

Field types: bool, int, text, a closed set (a StrEnum), a catalogue id (`Ref`), or a list of text (which a rule
cannot test). Facts of a kind no rule matches are never sent to the rules engine.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from dataclasses import dataclass, fields
from enum import StrEnum
from functools import cache
from typing import Annotated, Any, ClassVar

from engine.vocabulary import RoleKind, Source, Status, UnitKind


@dataclass(frozen=True)
class Ref:
    """A field holding an id of the catalogue: a target, a metric or a role."""

    section: str


TargetId = Annotated[str, Ref("target")]
MetricId = Annotated[str, Ref("metric")]
RoleId = Annotated[str, Ref("role")]


@dataclass(frozen=True, slots=True)
class Fact:
    kind: ClassVar[str]

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name] = list(value) if isinstance(value, tuple) else value
        return out


@dataclass(frozen=True, slots=True)
class ApplicableTarget(Fact):
    kind: ClassVar[str] = "applicable_target"
    target: TargetId
    metric: MetricId


@dataclass(frozen=True, slots=True)
class Measurement(Fact):
    kind: ClassVar[str] = "measurement"
    target: TargetId
    metric: MetricId
    meets_threshold: bool
    deadline_passed: bool
    verifiable: bool
    source: Source


@dataclass(frozen=True, slots=True)
class UnitMeasurement(Fact):
    kind: ClassVar[str] = "unit_measurement"
    target: TargetId
    metric: MetricId
    unit: str
    unit_kind: UnitKind
    meets_threshold: bool
    verifiable: bool


@dataclass(frozen=True, slots=True)
class UnitsBelow(Fact):
    """The units of one kind whose own figure is below a target's threshold, in one fact: one firing names them
    all (durable_rules costs about 45 µs a firing; per-unit facts stay available for finer rules)."""

    kind: ClassVar[str] = "units_below"
    target: TargetId
    metric: MetricId
    unit_kind: UnitKind
    count: int
    units: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Assignment(Fact):
    kind: ClassVar[str] = "assignment"
    target: TargetId
    role: RoleId
    role_kind: RoleKind


@dataclass(frozen=True, slots=True)
class FindingFact(Fact):
    """Added by set_status, for the rules that follow a status (who is responsible, units behind)."""

    kind: ClassVar[str] = "finding"
    target: TargetId
    metric: MetricId
    status: Status


@dataclass(frozen=True, slots=True)
class Waived(Fact):
    """A waiver in force for a target; asserted before any measurement, so that "not waiver" sees it."""

    kind: ClassVar[str] = "waiver"
    target: TargetId


@dataclass(frozen=True, slots=True)
class EndOfSubmission(Fact):
    """Asserted last: rules with a negation wait for it, so that "no such fact" means none in the submission."""

    kind: ClassVar[str] = "end_of_submission"


FACT_CLASSES: tuple[type[Fact], ...] = (
    ApplicableTarget,
    Measurement,
    UnitMeasurement,
    UnitsBelow,
    Assignment,
    FindingFact,
    Waived,
    EndOfSubmission,
)

# A field's type for the rules: "bool", "int", "text", "text_list", ("ref", section) or the tuple of allowed values.
FieldType = Any


def _field_type(hint: Any) -> FieldType:
    if typing.get_origin(hint) is Annotated:
        base, *extra = typing.get_args(hint)
        ref = next((e for e in extra if isinstance(e, Ref)), None)
        return ("ref", ref.section) if ref else _field_type(base)
    if hint is bool:
        return "bool"
    if hint is int:
        return "int"
    if hint is str:
        return "text"
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        return tuple(m.value for m in hint)
    if typing.get_origin(hint) is tuple:
        return "text_list"
    raise TypeError(f"a fact field cannot have the type {hint!r}")


@cache
def declared() -> dict[str, dict[str, FieldType]]:
    """Every fact kind with its fields and their types, read from the dataclasses above."""
    out: dict[str, dict[str, FieldType]] = {}
    for cls in FACT_CLASSES:
        hints = typing.get_type_hints(cls, include_extras=True)
        out[cls.kind] = {f.name: _field_type(hints[f.name]) for f in fields(cls)}
    return out


@dataclass(frozen=True)
class ActionSpec:
    """An action a rule may take: its parameters (typed like fact fields), the named slots the rule's aliases must
    fill (each with the fact kinds that can fill it), and the fact it adds, if any, for the rules that follow."""

    params: dict[str, FieldType]
    slots: dict[str, tuple[str, ...]]
    derive: Callable[[dict[str, Any], dict[str, dict[str, Any]]], Fact | None] | None = None


def _finding_of(params: dict[str, Any], slots: dict[str, dict[str, Any]]) -> Fact:
    subject = slots["subject"]
    return FindingFact(subject["target"], subject["metric"], Status(params["status"]))


ACTIONS: dict[str, ActionSpec] = {
    "set_status": ActionSpec(
        {"status": tuple(s.value for s in Status)}, {"subject": ("measurement", "applicable_target")}, _finding_of
    ),
    "assign_responsible": ActionSpec({}, {"finding": ("finding",), "assignment": ("assignment",)}),
    "name_unit_behind": ActionSpec({}, {"finding": ("finding",), "unit": ("unit_measurement",)}),
    "name_units_behind": ActionSpec({}, {"finding": ("finding",), "units": ("units_below",)}),
}
