"""Turning pydantic's validation errors into Problems with file, line and key path."""

from __future__ import annotations

import dataclasses
import functools
import re
import typing
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from engine.errors import Problem
from engine.io.yamlio import Document, Path_
from engine.model.hooks import alias
from engine.model.textnorm import shown, suggest

_ADAPTERS: dict[Any, TypeAdapter[Any]] = {}


def validate(model: Any, data: Any) -> Any:
    """data as an instance of model, one of our dataclasses (engine/model/hooks.py) or a pydantic model; raises
    ValidationError. Each dataclass's validator is built once, the first time it is needed."""
    if isinstance(model, type) and issubclass(model, BaseModel):
        return model.model_validate(data)
    adapter = _ADAPTERS.get(model)
    if adapter is None:
        adapter = _ADAPTERS[model] = TypeAdapter(model)
    return adapter.validate_python(data)


@functools.cache
def declared(model: Any) -> dict[str, Any]:
    """A model's fields, by the key each is written as, with its type (resolved once per model: resolving a
    dataclass's annotations evaluates them, 2 ms each time)."""
    if isinstance(model, type) and issubclass(model, BaseModel):
        return {f.alias or name: f.annotation for name, f in model.model_fields.items()}
    if isinstance(model, type) and dataclasses.is_dataclass(model):
        hints = typing.get_type_hints(model, include_extras=True)
        return {alias(f.name): hints[f.name] for f in dataclasses.fields(model)}
    return {}


def _fields(model: Any, loc: tuple) -> list[str]:
    """The field names allowed at loc inside model, for "did you mean"."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        annotation = declared(current).get(part)
        if annotation is not None:  # otherwise a key of a mapping (a metric id, say): stay on the model below it
            current = _model_of(annotation)
    return list(declared(current))


def _model_of(annotation: Any) -> Any:
    if declared(annotation):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_of(arg)
        if found is not None:
            return found
    return None


_TYPES = {
    "int_type": "int",
    "int_parsing": "int",
    "int_from_float": "int",
    "string_type": "text",
    "bool_type": "bool",
    "dict_type": "mapping",
    "model_type": "mapping",
    "dataclass_type": "mapping",
    "list_type": "list",
    "date_type": "date",
    "date_parsing": "date",
    "date_from_datetime_parsing": "date",
    "decimal_type": "number",
    "float_type": "number",
}


def problems_from(exc: ValidationError, doc: Document, base: Path_, model: Any) -> list[Problem]:
    out: list[Problem] = []
    wrong_type: dict[tuple, tuple[Any, list[str]]] = {}  # a union gives one error per member: merge them
    for err in exc.errors():
        if err["type"] in _TYPES:
            path = tuple(base) + _data_path(_at(doc.data, base), err["loc"])
            value, expected = wrong_type.setdefault(path, (err.get("input"), []))
            if _TYPES[err["type"]] not in expected:
                expected.append(_TYPES[err["type"]])
            continue
        loc = _data_path(_at(doc.data, base), err["loc"])
        path = tuple(base) + loc
        kind = err["type"]
        ctx = dict(err.get("ctx") or {})
        if kind == "missing":
            out.append(doc.problem("field.missing", path[:-1], field=str(path[-1])))
        elif kind == "finite_number":
            out.append(doc.problem("number.not_finite", path, value=_show(err.get("input"))))
        elif kind in ("extra_forbidden", "unexpected_keyword_argument"):
            allowed = _fields(model, loc[:-1])
            hint = suggest(str(loc[-1]), allowed) if allowed else None
            out.append(
                doc.problem(
                    "field.unknown", path, key=True, field=str(loc[-1]), suggestion=hint, allowed=", ".join(allowed)
                )
            )
        elif kind in ("literal_error", "enum"):
            choices = [c.strip().strip("'\"") for c in re.split(r", | or ", str(ctx.get("expected", "")))]
            out.append(
                doc.problem(
                    "field.choice",
                    path,
                    value=_show(err.get("input")),
                    expected=", ".join(choices),
                    suggestion=suggest(str(err.get("input")), choices),
                )
            )
        elif kind in _BOUNDS:  # a number outside its range: said in the user's words, not pydantic's English
            op, bound = _BOUNDS[kind]
            out.append(doc.problem("field.range", path, value=_show(err.get("input")), op=op, limit=str(ctx[bound])))
        elif kind.startswith("tthc."):
            out.append(doc.problem(kind[5:], path, **{k: v for k, v in ctx.items()}))
        else:
            out.append(doc.problem("field.invalid", path, value=_show(err.get("input")), reason=err["msg"]))
    for path, (value, expected) in wrong_type.items():
        out.append(
            doc.problem(
                "field.wrong_type",
                path,
                value=_show(value),
                expected=tuple(expected),
                yaml_bool=isinstance(value, bool),
            )
        )
    return _dedupe(out)


_BOUNDS = {
    "greater_than": (">", "gt"),
    "greater_than_equal": ("≥", "ge"),
    "less_than": ("<", "lt"),
    "less_than_equal": ("≤", "le"),
}


def _at(data: Any, base: Path_) -> Any:
    for part in base:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _data_path(data: Any, loc: tuple) -> tuple:
    """The part of pydantic's loc that indexes the data: union and validator tags ("str", "int",
    "function-before[…]") are dropped; a missing field's name is kept last."""
    out: list[Any] = []
    for part in loc:
        if isinstance(data, dict) and part in data:
            data = data[part]
            out.append(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
            out.append(part)
        elif isinstance(data, dict) and isinstance(part, str) and not _is_tag(part):
            out.append(part)  # a field that is missing from the data
            data = None
    return tuple(out)


def _is_tag(part: str) -> bool:
    return (
        part in {"str", "int", "float", "bool", "decimal", "date", "none", "list", "dict"}
        or "[" in part
        and part.endswith("]")
    )


def _show(value: Any) -> str:
    text = shown(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _dedupe(problems: Iterable[Problem]) -> list[Problem]:
    seen, out = set(), []
    for p in problems:
        key = (p.code, p.location, tuple(sorted((k, str(v)) for k, v in p.params.items())))
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out
