"""The facts the rules see and the actions they may take, declared once.

Each fact kind is a named tuple (immutable, its fields checked when built, and a tenth of a dataclass's cost at
start-up): its fields and their types are the contract between the evaluation (which builds the facts) and the
rules (which test them). The rules language (rulebook.py) reads the declarations to
validate every rule; the evaluation builds facts only through these classes, so a misspelt field fails at once.

Field types: bool, int, text, a closed set (a StrEnum), a catalogue id (`Ref`), or a list of text (which a rule
cannot test). Facts of a kind no rule matches are never sent to the rules engine.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from enum import StrEnum
from functools import cache
from typing import Annotated, Any, NamedTuple

from engine.vocabulary import RoleKind, Source, Status, UnitKind


class Ref(NamedTuple):
    """A field holding an id of the catalogue: a target, a metric or a role."""

    section: str


TargetId = Annotated[str, Ref("target")]
MetricId = Annotated[str, Ref("metric")]
RoleId = Annotated[str, Ref("role")]


class ApplicableTarget(NamedTuple):
    """A target that applies to the submission's body and period."""

    target: TargetId
    metric: MetricId


class Measurement(NamedTuple):
    """The body's figure for a target, compared with its threshold."""

    target: TargetId
    metric: MetricId
    meets_threshold: bool
    deadline_passed: bool
    verifiable: bool
    source: Source


class UnitMeasurement(NamedTuple):
    """One unit's own figure for a target, compared with its threshold."""

    target: TargetId
    metric: MetricId
    unit: str
    unit_kind: UnitKind
    meets_threshold: bool
    verifiable: bool


class UnitsBelow(NamedTuple):
    """The units of one kind whose own figure is below a target's threshold, in one fact: one firing names them
    all (durable_rules costs about 45 µs a firing; per-unit facts stay available for finer rules)."""

    target: TargetId
    metric: MetricId
    unit_kind: UnitKind
    count: int  # type: ignore[assignment]  # the rules' name for it; a tuple's count() is never used on a fact
    units: tuple[str, ...]


class Assignment(NamedTuple):
    """A role the catalogue makes responsible for a target, as lead or support."""

    target: TargetId
    role: RoleId
    role_kind: RoleKind


class FindingFact(NamedTuple):
    """Added by set_status, for the rules that follow a status (who is responsible, units behind)."""

    target: TargetId
    metric: MetricId
    status: Status


class Waived(NamedTuple):
    """A waiver in force for a target; asserted before any measurement, so that "not waiver" sees it."""

    target: TargetId


class EndOfSubmission(NamedTuple):
    """Asserted last: rules with a negation wait for it, so that "no such fact" means none in the submission."""


Fact = (
    ApplicableTarget | Measurement | UnitMeasurement | UnitsBelow | Assignment | FindingFact | Waived | EndOfSubmission
)

# each fact class and the kind the rules name it by
KINDS: dict[type[Any], str] = {
    ApplicableTarget: "applicable_target",
    Measurement: "measurement",
    UnitMeasurement: "unit_measurement",
    UnitsBelow: "units_below",
    Assignment: "assignment",
    FindingFact: "finding",
    Waived: "waiver",
    EndOfSubmission: "end_of_submission",
}


def as_dict(fact: Fact) -> dict[str, Any]:
    """A fact as the rules engine takes it: its kind and its fields, a tuple as a list."""
    out: dict[str, Any] = {"kind": KINDS[type(fact)]}
    for name, value in zip(fact._fields, fact, strict=True):
        out[name] = list(value) if isinstance(value, tuple) else value
    return out


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
    for cls, kind in KINDS.items():
        hints = typing.get_type_hints(cls, include_extras=True)
        out[kind] = {name: _field_type(hints[name]) for name in cls._fields}
    return out


class ActionSpec(NamedTuple):
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
