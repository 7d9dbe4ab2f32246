"""The rules language: rules/*.yaml in a readable form of our own, validated when loaded and compiled to an
engine-neutral form (patterns, tests, joins, negations) that durable_adapter.py alone turns into durable_rules'
syntax. Every fact kind, field and action a rule may name is declared in facts.py, so that an unknown alias, fact,
field, metric, target or action is an error with file and line, never a silently-true condition.

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
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from engine import cache
from engine.catalogue import Catalogue
from engine.catalogue.models import Text
from engine.errors import DataFileError, Location, Problem, RuleError
from engine.io.yamlio import Document, display_path, load_yaml
from engine.model.textnorm import nfc, suggest
from engine.rules.facts import ACTIONS, FieldType, declared

if TYPE_CHECKING:
    from engine.rules.rulebook_in import RuleIn

MAX_RULES = 400
OPERATORS = {"in", "not_in", "ne", "gt", "gte", "lt", "lte", "same_as"}
ORDERED = {"gt", "gte", "lt", "lte"}


@dataclass(frozen=True)
class FieldTest:
    """A field compared with a value: op is eq, ne, gt, gte, lt, lte, in or not_in (value a tuple for the last two)."""

    field: str
    op: str
    value: Any


@dataclass(frozen=True)
class Join:
    """A field equal to a field of a fact matched earlier in the same rule (alias.other)."""

    field: str
    alias: str
    other: str


@dataclass(frozen=True)
class Pattern:
    """One condition of a rule: a fact of a kind whose fields pass every test; negated, that no such fact exists."""

    fact: str
    tests: tuple[FieldTest | Join, ...]
    alias: str | None = None
    negated: bool = False


@dataclass(frozen=True)
class Rule:
    """One rule compiled to the engine-neutral form: patterns to match and an action to take."""

    id: str
    description: Text
    patterns: tuple[Pattern, ...]
    action: str
    params: dict[str, Any]
    slots: dict[str, str]  # the action's slot -> the alias filling it
    location: Location


@dataclass
class Rulebook:
    """Every rule of rules/, by id."""

    rules: dict[str, Rule] = field(default_factory=dict)
    source: str = "rules"  # the folder, as shown to the user

    def fact_kinds(self) -> set[str]:
        """The fact kinds some rule matches: facts of other kinds need not be sent to the engine."""
        return {p.fact for rule in self.rules.values() for p in rule.patterns}

    def fingerprint(self) -> str:
        """A name for the compiled rules that changes whenever what they say changes."""
        blob = repr(
            [
                (r.id, r.patterns, r.action, sorted(r.params.items()), sorted(r.slots.items()))
                for r in sorted(self.rules.values(), key=lambda r: r.id)
            ]
        )
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


def load_rulebook(folder: str, cat: Catalogue) -> Rulebook:
    """The rules of a folder, validated against the catalogue; from the cache when neither they, the catalogue nor
    the code changed (the shown folder is part of the key: rules carry their locations)."""
    try:
        names = sorted(n for n in os.listdir(folder) if n.endswith((".yaml", ".yml")))
    except OSError as exc:
        raise RuleError(
            [Problem("rules.no_folder", {"reason": exc.strerror or str(exc)}, Location(display_path(folder)))]
        ) from exc
    paths = [os.path.join(folder, n) for n in names]
    key = cache.digest(cache.content_digest(paths), cat.digest, display_path(folder), cache.code_digest())
    name = f"rules-{cache.digest(os.path.abspath(folder))[:16]}"
    cached = cache.load(name, key)
    if isinstance(cached, Rulebook) and cat.digest:
        return cached
    book = _read(folder, paths, cat)
    if cat.digest:  # a catalogue built in memory has no digest to key on
        cache.store(name, key, book)
    return book


def _read(folder: str, paths: list[str], cat: Catalogue) -> Rulebook:
    problems: list[Problem] = []
    book = Rulebook(source=display_path(folder))
    for path in paths:
        try:
            doc = load_yaml(path)
        except DataFileError as exc:
            problems.extend(exc.problems)
            continue
        from pydantic import ValidationError  # only when the rules are read afresh (engine/model/hooks.py)

        from engine.model.validation import problems_from, validate
        from engine.rules.rulebook_in import RulesFileIn

        try:
            parsed = validate(RulesFileIn, doc.data)
        except ValidationError as exc:
            problems.extend(problems_from(exc, doc, (), RulesFileIn))
            continue
        for i, rule in enumerate(parsed.rules):
            compiled = _Compiler(doc, ("rules", i), cat, problems).rule(rule)
            if compiled is None:
                continue
            if rule.id in book.rules:
                first = book.rules[rule.id].location
                problems.append(
                    doc.problem(
                        "rules.duplicate_id", ("rules", i, "id"), id=rule.id, first=f"{first.file}:{first.line}"
                    )
                )
                continue
            book.rules[rule.id] = compiled
    if not book.rules and not problems:
        problems.append(Problem("rules.empty", {}, Location(display_path(folder))))
    if len(book.rules) > MAX_RULES:  # durable_rules fails with opaque C errors past a few hundred rules (#312, #377)
        problems.append(
            Problem("rules.too_many", {"count": len(book.rules), "limit": MAX_RULES}, Location(display_path(folder)))
        )
    if problems:
        raise RuleError(problems)
    return book


_BAD = object()
Path_ = tuple[Any, ...]


class _Compiler:
    """One rule from its YAML form to patterns, checked against the declared facts and the catalogue."""

    def __init__(self, doc: Document, base: Path_, cat: Catalogue, problems: list[Problem]):
        self.doc, self.base, self.cat, self.problems = doc, base, cat, problems
        self.facts = declared()
        self.ok = True
        self.aliases: dict[str, str] = {}  # alias -> fact kind

    def err(self, code: str, path: Path_, **params: Any) -> None:
        self.ok = False
        self.problems.append(self.doc.problem(code, self.base + path, **params))

    def rule(self, rule: RuleIn) -> Rule | None:
        patterns = []
        for i, item in enumerate(rule.when):
            if len(item) != 1:
                self.err("rules.condition_shape", ("when", i))
                continue
            ((alias, cond),) = item.items()
            path = ("when", i, alias)
            if not isinstance(cond, dict):
                self.err("rules.condition_shape", path)
                continue
            if alias != "not" and alias in self.aliases:
                self.err("rules.duplicate_alias", path, alias=alias)
                continue
            pattern = self.pattern(cond, path, None if alias == "not" else alias)
            if pattern is not None:
                patterns.append(pattern)
                if pattern.alias:
                    self.aliases[pattern.alias] = pattern.fact
        action, params, slots = self.then(rule.then)
        if not self.ok:
            return None
        return Rule(rule.id, rule.description, tuple(patterns), action, params, slots, self.doc.locate(self.base))

    def pattern(self, cond: dict[str, Any], path: Path_, alias: str | None) -> Pattern | None:
        fact = cond.get("fact")
        if not isinstance(fact, str) or fact not in self.facts:
            self.err(
                "rules.unknown_fact", path + ("fact",), value=fact, suggestion=suggest(str(fact), list(self.facts))
            )
            return None
        known = self.facts[fact]
        tests: list[FieldTest | Join] = []
        for name, want in cond.items():
            if name == "fact":
                continue
            fpath = path + (name,)
            if name not in known:
                self.err(
                    "rules.unknown_field",
                    fpath,
                    field=name,
                    fact=fact,
                    suggestion=suggest(str(name), list(known)),
                    allowed=", ".join(known),
                )
                continue
            compiled = self.test(fact, name, want, fpath)
            if compiled is not None:
                tests.append(compiled)
        return Pattern(fact, tuple(tests), alias, negated=alias is None)

    def test(self, fact: str, name: str, want: Any, path: Path_) -> FieldTest | Join | None:
        kind = self.facts[fact][name]
        if kind == "text_list":
            self.err("rules.list_field", path, field=name, fact=fact)
            return None
        if not isinstance(want, dict):
            value = self.value(kind, want, path)
            return None if value is _BAD else FieldTest(name, "eq", value)
        if len(want) != 1 or next(iter(want)) not in OPERATORS:
            op = next(iter(want), "")
            self.err(
                "rules.unknown_operator",
                path,
                value=op,
                suggestion=suggest(str(op), list(OPERATORS)),
                allowed=", ".join(sorted(OPERATORS)),
            )
            return None
        ((op, arg),) = want.items()
        if op == "same_as":
            return self.join(kind, name, arg, path + (op,))
        if op in ("in", "not_in"):
            if not isinstance(arg, list) or not arg:
                self.err("rules.needs_list", path + (op,), op=op)
                return None
            values = [self.value(kind, v, path + (op, j)) for j, v in enumerate(arg)]
            return None if _BAD in values else FieldTest(name, op, tuple(values))
        if op in ORDERED and kind != "int":
            self.err("rules.order_needs_number", path + (op,), field=name)
            return None
        value = self.value(kind, arg, path + (op,))
        return None if value is _BAD else FieldTest(name, op, value)

    def join(self, kind: FieldType, name: str, arg: Any, path: Path_) -> Join | None:
        alias, _, other = str(arg).partition(".")
        if alias not in self.aliases:
            self.err(
                "rules.unknown_alias",
                path,
                alias=alias,
                suggestion=suggest(alias, list(self.aliases)),
                known=", ".join(self.aliases) or "-",
            )
            return None
        other_fact = self.aliases[alias]
        if other not in self.facts[other_fact]:
            self.err(
                "rules.unknown_field",
                path,
                field=other,
                fact=other_fact,
                suggestion=suggest(other, list(self.facts[other_fact])),
                allowed=", ".join(self.facts[other_fact]),
            )
            return None
        if self.facts[other_fact][other] != kind:
            self.err("rules.join_types", path, field=name, other=f"{alias}.{other}")
            return None
        return Join(name, alias, other)

    def value(self, kind: FieldType, value: Any, path: Path_) -> Any:
        known: dict[str, dict[str, Any]] = {
            "target": self.cat.targets,
            "metric": self.cat.metrics,
            "role": self.cat.roles,
        }
        if isinstance(kind, tuple) and kind and kind[0] == "ref":
            section = kind[1]
            if value not in known[section]:
                self.err(
                    f"rules.unknown_{section}", path, value=value, suggestion=suggest(str(value), list(known[section]))
                )
                return _BAD
            return value
        if isinstance(kind, tuple):
            if value not in kind:
                self.err(
                    "rules.bad_value",
                    path,
                    value=value,
                    allowed=", ".join(kind),
                    suggestion=suggest(str(value), list(kind)),
                )
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
        if not isinstance(value, str):
            self.err("rules.bad_value", path, value=value, allowed="text", suggestion=None)
            return _BAD
        return nfc(value)

    def then(self, then: dict[str, Any]) -> tuple[str, dict[str, Any], dict[str, str]]:
        name = then.get("action")
        spec = ACTIONS.get(name) if isinstance(name, str) else None
        if spec is None:
            self.err(
                "rules.unknown_action",
                ("then", "action"),
                value=name,
                suggestion=suggest(str(name), list(ACTIONS)),
                allowed=", ".join(ACTIONS),
            )
            return "", {}, {}
        params = {}
        for key, value in then.items():
            if key == "action":
                continue
            if key not in spec.params:
                self.err(
                    "rules.unknown_param",
                    ("then", key),
                    param=key,
                    action=name,
                    suggestion=suggest(str(key), list(spec.params)),
                )
                continue
            checked = self.value(spec.params[key], value, ("then", key))
            if checked is not _BAD:
                params[key] = checked
        for key in spec.params:
            if key not in then:
                self.err("rules.missing_param", ("then",), param=key, action=name)
        slots = {}
        for slot, kinds in spec.slots.items():
            found = [a for a, f in self.aliases.items() if f in kinds]
            if len(found) != 1:
                self.err(
                    "rules.action_needs", ("then", "action"), action=name, facts=" | ".join(kinds), found=len(found)
                )
                continue
            slots[slot] = found[0]
        return str(name), params, slots
