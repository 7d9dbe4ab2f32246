"""The submission as written: its structure, declared once for both readers (engine/model/plain.py for a
well-formed file, pydantic for every other; engine/model/hooks.py says why)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, ClassVar

from engine.model import numbers
from engine.model.hooks import STRICT, After, Before, Exact, Plain
from engine.model.textnorm import one_line
from engine.vocabulary import UnitKind

Count = Annotated[int, Plain(numbers.count)]
Number = Annotated[Decimal, Plain(numbers.number)]


@dataclass(frozen=True, kw_only=True)
class FigureIn:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT
    numerator: Count | None = None
    denominator: Count | None = None
    value: Number | None = None
    rank: Count | None = None
    rank_of: Count | None = None


def figure_fields(value: Any) -> Any:
    """A bare number is the figure's value."""
    return value if isinstance(value, dict) else {"value": value}


Figure = Annotated[FigureIn, Before(figure_fields)]


@dataclass(frozen=True, kw_only=True)
class UnitIn:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT
    name: Annotated[str, After(one_line)]
    kind: UnitKind
    indicators: dict[str, Figure] = field(default_factory=dict)
    counts: dict[str, Count] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class SubmissionIn:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT
    # exact: YAML's yes/no/true must not pass as a code; a submission names a province or a ministry, exactly one
    province: Annotated[str, Exact()] | Annotated[int, Exact()] | None = None
    ministry: Annotated[str, Exact()] | None = None
    period: Annotated[str, Exact()] | Annotated[int, Exact()]
    as_of: Annotated[date, Before(numbers.day_first)] | None = None
    indicators: dict[str, Figure] = field(default_factory=dict)
    counts: dict[str, Count] = field(default_factory=dict)
    units: list[UnitIn] = field(default_factory=list)
