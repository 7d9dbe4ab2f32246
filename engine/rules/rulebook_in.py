"""The rules files as written (rules/*.yaml): validated by pydantic when the rules are read afresh, never when
they come from the cache (engine/rules/rulebook.py compiles them; engine/model/hooks.py says why pydantic waits)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, ClassVar

from engine.catalogue.models import Text
from engine.model.hooks import STRICT, Limits


@dataclass(frozen=True, kw_only=True)
class RuleIn:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT
    id: Annotated[str, Limits(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
    description: Text
    when: Annotated[list[dict[str, Any]], Limits(min_length=1)]
    then: dict[str, Any]


@dataclass(frozen=True, kw_only=True)
class RulesFileIn:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT
    rules: list[RuleIn]
