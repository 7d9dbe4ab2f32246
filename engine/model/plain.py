"""A well-formed submission read without pydantic (issue 16: importing pydantic was a third of a cold check).

Why a second reader: the happy path must not import pydantic, and pydantic must still say what is wrong with
every other input. This one accepts only what is exactly right: every key known, every value of the exact type
the model declares (no subclass, no conversion), and it calls the same functions that pydantic calls for each
field (engine/model/numbers.py, one_line, figure_fields). Anything else, it declines (None) and pydantic reads the
data. tests/test_plain_reader.py holds the two to the same result on generated submissions.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from engine.model import numbers
from engine.model.submission_in import FigureIn, SubmissionIn, UnitIn, figure_fields
from engine.model.textnorm import one_line
from engine.vocabulary import UnitKind

_SUBMISSION = frozenset({"province", "ministry", "period", "as_of", "indicators", "counts", "units"})
_UNIT = frozenset({"name", "kind", "indicators", "counts"})
_FIGURE = frozenset({"numerator", "denominator", "value", "rank", "rank_of"})
_KINDS = {k.value: k for k in UnitKind}
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


class _Decline(Exception):
    """Not exactly right: pydantic reads it."""


def read_plain(data: Any) -> SubmissionIn | None:
    """The submission's structure, or None where pydantic must read it."""
    if type(data) is not dict or not data.keys() <= _SUBMISSION or "period" not in data:
        return None
    try:
        return SubmissionIn(
            province=_code(data.get("province"), int_too=True),
            ministry=_code(data.get("ministry"), int_too=False),
            period=_code(data["period"], int_too=True, required=True),
            as_of=_as_of(data.get("as_of")),
            indicators=_figures(data.get("indicators", {})),
            counts=_counts(data.get("counts", {})),
            units=_units(data.get("units", [])),
        )
    except Exception:  # _Decline, or a field's own function refusing the value (pydantic then says why)
        return None


def _code(value: Any, *, int_too: bool, required: bool = False) -> Any:
    if value is None and not required:
        return None
    if type(value) is str or (int_too and type(value) is int):
        return value
    raise _Decline


def _as_of(value: Any) -> date | None:
    if value is None or type(value) is date:
        return value
    if type(value) is str:
        if _ISO_DAY.match(value):
            return date.fromisoformat(value)  # as pydantic reads it; an impossible day raises, and pydantic says so
        read = numbers.day_first(value)
        if isinstance(read, numbers.ReadDate):
            return read
    raise _Decline


def _mapping(value: Any) -> dict[str, Any]:
    if type(value) is not dict or any(type(k) is not str for k in value):
        raise _Decline
    return value


def _counts(value: Any) -> dict[str, int]:
    return {k: numbers.count(v) for k, v in _mapping(value).items()}


def _figures(value: Any) -> dict[str, FigureIn]:
    out = {}
    for key, given in _mapping(value).items():
        fields = _mapping(figure_fields(given))
        if not fields.keys() <= _FIGURE:
            raise _Decline
        out[key] = FigureIn(
            numerator=_count(fields.get("numerator")),
            denominator=_count(fields.get("denominator")),
            value=None if fields.get("value") is None else numbers.number(fields["value"]),
            rank=_count(fields.get("rank")),
            rank_of=_count(fields.get("rank_of")),
        )
    return out


def _count(value: Any) -> int | None:
    return None if value is None else numbers.count(value)


def _units(value: Any) -> list[UnitIn]:
    if type(value) is not list:
        raise _Decline
    out = []
    for unit in value:
        if type(unit) is not dict or not unit.keys() <= _UNIT or type(unit.get("name")) is not str:
            raise _Decline
        kind = unit.get("kind")
        if type(kind) is not str or kind not in _KINDS:
            raise _Decline
        out.append(
            UnitIn(
                name=one_line(unit["name"]),
                kind=_KINDS[kind],
                indicators=_figures(unit.get("indicators", {})),
                counts=_counts(unit.get("counts", {})),
            )
        )
    return out


def read_submission_in(data: Any) -> SubmissionIn:
    """The submission's structure: read plainly when it is well formed, else by pydantic, which says what is wrong
    (ValidationError)."""
    plain = read_plain(data)
    if plain is not None:
        return plain
    from engine.model.validation import validate

    return validate(SubmissionIn, data)
