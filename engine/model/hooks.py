"""How our data models are declared without importing pydantic: plain frozen dataclasses whose fields carry
markers that pydantic reads only when it is asked to validate (engine/model/validation.py builds the validators).

Why: importing pydantic and building its model classes was a third of a cold check (issue 16). A well-formed
submission is read without it (engine/model/plain.py), and the catalogue and rules come from the cache as these
same dataclasses; pydantic is imported, and says exactly what is wrong, only for a file that is not well formed or
a catalogue read afresh. One declaration serves both paths: nothing is written twice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# pydantic's settings for every model (a dict: pydantic's ConfigDict is a TypedDict, read when validating)
_ALIASES = {"start": "from", "end": "to"}  # the YAML keys that are Python keywords

STRICT: dict[str, Any] = {
    "extra": "forbid",
    "alias_generator": lambda name: _ALIASES.get(name, name),
    "populate_by_name": True,
}


def alias(name: str) -> str:
    """The key a field is written as in the files."""
    return _ALIASES.get(name, name)


class Plain:
    """pydantic's PlainValidator: the function alone reads the value (and raises PydanticCustomError)."""

    def __init__(self, func: Callable[[Any], Any]) -> None:
        self.func = func

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(self.func)


class Before:
    """pydantic's BeforeValidator: the function prepares the value for the type's own validation."""

    def __init__(self, func: Callable[[Any], Any]) -> None:
        self.func = func

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_before_validator_function(self.func, handler(source))


class After:
    """pydantic's AfterValidator: the function refines a value of the right type."""

    def __init__(self, func: Callable[[Any], Any]) -> None:
        self.func = func

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(self.func, handler(source))


class Exact:
    """pydantic's strict mode for one type: YAML's yes/no/true must not pass as a code, nor 1 as text."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        return {**handler(source), "strict": True}


class Limits:
    """Constraints on a value, as pydantic's core schema names them: min_length=1 for a list, ge=1, le=31 for a
    number, pattern=... for a text (pydantic's Field(...); annotated_types would do, but costs 35 ms to import)."""

    def __init__(self, **constraints: Any) -> None:
        self.constraints = constraints

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        return {**handler(source), **self.constraints}
