"""The rules language: rules/*.yaml in a readable form of our own, validated when loaded and compiled to
durable_rules definitions. Every fact kind, field and action a rule may name is declared here, so that an unknown
alias, fact, field, metric, target or action is an error with file and line, never a silently-true condition.

    rules:
      - id: status-missed
        description: {vi: ..., en: ...}
        when:
          - m: {fact: measurement, meets_threshold: false, deadline_passed: true}
        then: {action: set_status, status: missed}

A condition on a field is a value (equality) or one operator: in, not_in, ne, gt, gte, lt, lte, or
same_as: alias.field (a join). `- not: {fact: ..., ...}` matches when no such fact exists (checked once the whole
submission has been asserted: put `- done: {fact: end_of_submission}` first).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from typing import Any, Callable

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from engine.catalogue import Catalogue
from engine.catalogue.models import Text
from engine.errors import DataFileError, Location, Problem, RuleError
from engine.model.textnorm import nfc, suggest
from engine.model.validation import problems_from
from engine.io.yamlio import Document, display_path, load_yaml
from engine.vocabulary import RoleKind, Source, Status, UnitKind

STATUSES = tuple(s.value for s in Status)
UNIT_KINDS = tuple(k.value for k in UnitKind)

# Field types: a tuple is a closed set of values; "target", "metric", "role" are catalogue ids.
FACTS: dict[str, dict[str, Any]] = {
    "applicable_target": {"target": "target", "metric": "metric"},
    "measurement": {"target": "target", "metric": "metric", "meets_threshold": "bool", "deadline_passed": "bool",
                    "verifiable": "bool", "source": tuple(s.value for s in Source)},
    "unit_measurement": {"target": "target", "metric": "metric", "unit": "text", "unit_kind": UNIT_KINDS,
                         "meets_threshold": "bool", "verifiable": "bool"},
    # the units of one kind whose own figure is below a target's threshold, in one fact: one firing names them
    # all (durable_rules costs about 45 µs a firing; per-unit facts stay available for finer rules)
    "units_below": {"target": "target", "metric": "metric", "unit_kind": UNIT_KINDS, "count": "int",
                    "units": "text_list"},
    "assignment": {"target": "target", "role": "role", "role_kind": tuple(k.value for k in RoleKind)},
    "finding": {"target": "target", "metric": "metric", "status": STATUSES},
    "waiver": {"target": "target"},
    "end_of_submission": {},
}


@dataclass(frozen=True)
class ActionSpec:
    params: dict[str, Any]                 # parameter -> type, as FACTS fields
    needs: tuple[tuple[str, ...], ...]     # for each slot, the fact kinds that can fill it
    derive: Callable[[dict, dict], dict | None] | None = None  # the fact the action adds, for chaining


def _derive_finding(params: dict, facts: dict) -> dict:
    source = facts["subject"]
    return {"kind": "finding", "target": source["target"], "metric": source["metric"], "status": params["status"]}


ACTIONS: dict[str, ActionSpec] = {
    "set_status": ActionSpec({"status": STATUSES}, (("measurement", "applicable_target"),), _derive_finding),
    "assign_responsible": ActionSpec({}, (("finding",), ("assignment",))),
    "name_unit_behind": ActionSpec({}, (("finding",), ("unit_measurement",))),
    "name_units_behind": ActionSpec({}, (("finding",), ("units_below",))),
}
MAX_RULES = 400
OPERATORS = {"in", "not_in", "ne", "gt", "gte", "lt", "lte", "same_as"}
_DURABLE_OPS = {"ne": "$neq", "gt": "$gt", "gte": "$gte", "lt": "$lt", "lte": "$lte"}


class _RuleIn(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    description: Text
    when: list[dict[str, Any]] = Field(min_length=1)
    then: dict[str, Any]


class _FileIn(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    rules: list[_RuleIn]


@dataclass(frozen=True)
class Rule:
    id: str
    description: Text
    action: str
    params: dict[str, Any]
    slots: tuple[str, ...]          # the alias filling each slot of the action's needs
    definition: dict[str, Any]      # the durable_rules form
    location: Location


@dataclass
class Rulebook:
    rules: dict[str, Rule] = field(default_factory=dict)
    source: str = "rules"  # the folder, as shown to the user

    def fact_kinds(self) -> set[str]:
        """The fact kinds some rule matches: facts of other kinds need not be sent to the engine."""
        kinds: set[str] = set()

        def walk(node: Any) -> None:
            if isinstance(node, dict):
                if isinstance(node.get("kind"), str):
                    kinds.add(node["kind"])
                for value in node.values():
                    walk(value)
            elif isinstance(node, list):
                for value in node:
                    walk(value)

        for rule in self.rules.values():
            walk(rule.definition)
        return kinds

    def fingerprint(self) -> str:
        blob = json.dumps({r: self.rules[r].definition for r in sorted(self.rules)}, sort_keys=True, default=str)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


def load_rulebook(folder: str, cat: Catalogue) -> Rulebook:
    problems: list[Problem] = []
    book = Rulebook(source=display_path(folder))
    try:
        names = sorted(n for n in os.listdir(folder) if n.endswith((".yaml", ".yml")))
    except OSError as exc:
        raise RuleError([Problem("rules.no_folder", {"reason": exc.strerror or str(exc)},
                                 Location(display_path(folder)))]) from exc
    for name in names:
        try:
            doc = load_yaml(os.path.join(folder, name))
        except DataFileError as exc:
            problems.extend(exc.problems)
            continue
        try:
            parsed = _FileIn.model_validate(doc.data)
        except ValidationError as exc:
            problems.extend(problems_from(exc, doc, (), _FileIn))
            continue
        for i, rule in enumerate(parsed.rules):
            compiled = _Compiler(doc, ("rules", i), cat, problems).rule(rule)
            if compiled is None:
                continue
            if rule.id in book.rules:
                first = book.rules[rule.id].location
                problems.append(doc.problem("rules.duplicate_id", ("rules", i, "id"), id=rule.id,
                                            first=f"{first.file}:{first.line}"))
                continue
            book.rules[rule.id] = compiled
    if not book.rules and not problems:
        problems.append(Problem("rules.empty", {}, Location(display_path(folder))))
    if len(book.rules) > MAX_RULES:  # durable_rules fails with opaque C errors past a few hundred rules (#312, #377)
        problems.append(Problem("rules.too_many", {"count": len(book.rules), "limit": MAX_RULES},
                                Location(display_path(folder))))
    if problems:
        raise RuleError(problems)
    return book


class _Compiler:
    def __init__(self, doc: Document, base: tuple, cat: Catalogue, problems: list[Problem]):
        self.doc, self.base, self.cat, self.problems = doc, base, cat, problems
        self.ok = True
        self.aliases: dict[str, str] = {}  # alias -> fact kind

    def err(self, code: str, path: tuple, **params: Any) -> None:
        self.ok = False
        self.problems.append(self.doc.problem(code, self.base + path, **params))

    def rule(self, rule: _RuleIn) -> Rule | None:
        conditions = []
        for i, item in enumerate(rule.when):
            if len(item) != 1:
                self.err("rules.condition_shape", ("when", i))
                continue
            (alias, cond), = item.items()
            path = ("when", i, alias)
            if not isinstance(cond, dict):
                self.err("rules.condition_shape", path)
                continue
            if alias == "not":
                body = self.pattern(cond, path)
                if body is not None:
                    conditions.append({f"n{i}$not": body})
                continue
            if alias in self.aliases:
                self.err("rules.duplicate_alias", path, alias=alias)
                continue
            body = self.pattern(cond, path)
            if body is not None:
                self.aliases[alias] = cond["fact"]
                conditions.append({alias: body})
        action, params, slots = self.then(rule.then)
        if not self.ok:
            return None
        definition = {"all": conditions}
        return Rule(rule.id, rule.description, action, params, slots, definition,
                    self.doc.locate(self.base))

    def pattern(self, cond: dict, path: tuple) -> dict | None:
        fact = cond.get("fact")
        if fact not in FACTS:
            self.err("rules.unknown_fact", path + ("fact",), value=fact, suggestion=suggest(str(fact), list(FACTS)))
            return None
        items: list[dict] = [{"kind": fact}]
        for name, want in cond.items():
            if name == "fact":
                continue
            fpath = path + (name,)
            if name not in FACTS[fact]:
                self.err("rules.unknown_field", fpath, field=name, fact=fact,
                         suggestion=suggest(str(name), list(FACTS[fact])), allowed=", ".join(FACTS[fact]))
                continue
            compiled = self.test(fact, name, want, fpath)
            if compiled is not None:
                items.append(compiled)
        return {"$and": items}

    def test(self, fact: str, name: str, want: Any, path: tuple) -> dict | None:
        kind = FACTS[fact][name]
        if kind == "text_list":
            self.err("rules.list_field", path, field=name, fact=fact)
            return None
        if not isinstance(want, dict):
            value = self.value(kind, want, path)
            return None if value is _BAD else {name: value}
        if len(want) != 1 or next(iter(want)) not in OPERATORS:
            op = next(iter(want), "")
            self.err("rules.unknown_operator", path, value=op, suggestion=suggest(str(op), list(OPERATORS)),
                     allowed=", ".join(sorted(OPERATORS)))
            return None
        (op, arg), = want.items()
        if op == "same_as":
            return self.join(kind, name, arg, path + (op,))
        if op in ("in", "not_in"):
            if not isinstance(arg, list) or not arg:
                self.err("rules.needs_list", path + (op,), op=op)
                return None
            values = [self.value(kind, v, path + (op, j)) for j, v in enumerate(arg)]
            if _BAD in values:
                return None
            if op == "in":
                return {"$or": [{name: v} for v in values]} if len(values) > 1 else {name: values[0]}
            return {"$and": [{"$neq": {name: v}} for v in values]}
        if op in ("gt", "gte", "lt", "lte") and kind != "int":
            self.err("rules.order_needs_number", path + (op,), field=name)
            return None
        value = self.value(kind, arg, path + (op,))
        return None if value is _BAD else {_DURABLE_OPS[op]: {name: value}}

    def join(self, kind: Any, name: str, arg: Any, path: tuple) -> dict | None:
        alias, _, other = str(arg).partition(".")
        if alias not in self.aliases:
            self.err("rules.unknown_alias", path, alias=alias, suggestion=suggest(alias, list(self.aliases)),
                     known=", ".join(self.aliases) or "-")
            return None
        other_fact = self.aliases[alias]
        if other not in FACTS[other_fact]:
            self.err("rules.unknown_field", path, field=other, fact=other_fact,
                     suggestion=suggest(other, list(FACTS[other_fact])), allowed=", ".join(FACTS[other_fact]))
            return None
        if FACTS[other_fact][other] != kind:
            self.err("rules.join_types", path, field=name, other=f"{alias}.{other}")
            return None
        return {name: {alias: other}}

    def value(self, kind: Any, value: Any, path: tuple) -> Any:
        known = {"target": self.cat.targets, "metric": self.cat.metrics, "role": self.cat.roles}
        if isinstance(kind, tuple):
            if value not in kind:
                self.err("rules.bad_value", path, value=value, allowed=", ".join(kind),
                         suggestion=suggest(str(value), list(kind)))
                return _BAD
            return value
        if kind == "bool":
            if not isinstance(value, bool):
                self.err("rules.bad_value", path, value=value, allowed="true, false", suggestion=None)
                return _BAD
            return value
        if kind == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                self.err("rules.bad_value", path, value=value, allowed="a whole number", suggestion=None)
                return _BAD
            return value
        if kind in known:
            if value not in known[kind]:
                self.err(f"rules.unknown_{kind}", path, value=value, suggestion=suggest(str(value), list(known[kind])))
                return _BAD
            return value
        if not isinstance(value, str):
            self.err("rules.bad_value", path, value=value, allowed="text", suggestion=None)
            return _BAD
        return nfc(value)

    def then(self, then: dict) -> tuple[str, dict, tuple[str, ...]]:
        name = then.get("action")
        spec = ACTIONS.get(name)  # type: ignore[arg-type]
        if spec is None:
            self.err("rules.unknown_action", ("then", "action"), value=name, suggestion=suggest(str(name), list(ACTIONS)),
                     allowed=", ".join(ACTIONS))
            return "", {}, ()
        params = {}
        for key, value in then.items():
            if key == "action":
                continue
            if key not in spec.params:
                self.err("rules.unknown_param", ("then", key), param=key, action=name,
                         suggestion=suggest(str(key), list(spec.params)))
                continue
            checked = self.value(spec.params[key], value, ("then", key))
            if checked is not _BAD:
                params[key] = checked
        for key in spec.params:
            if key not in then:
                self.err("rules.missing_param", ("then",), param=key, action=name)
        slots = []
        for kinds in spec.needs:
            found = [a for a, f in self.aliases.items() if f in kinds]
            if len(found) != 1:
                self.err("rules.action_needs", ("then", "action"), action=name, facts=" | ".join(kinds),
                         found=len(found))
                continue
            slots.append(found[0])
        return name, params, tuple(slots)  # type: ignore[return-value]


_BAD = object()
