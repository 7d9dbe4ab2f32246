"""The only module that touches durable_rules: it alone knows its rule syntax ($and, $or, $neq, n$not, joins) and
turns the engine-neutral patterns of rulebook.py into it. It guards against what the research on durable_rules
measured (README, "Architecture"):

- global state and background threads: one thread-free host per rulebook, never the library's global host;
- the 1,024 live-session limit: one session id per evaluation, deleted in `finally`, evaluations serialised by a
  lock (the C engine is not thread-safe);
- swallowed errors: actions run inside our own wrapper, which records any exception and re-raises it after the call;
- silent duplicates: every fact carries a unique id; a "message observed" for a fact we know is new is the
  engine's 32-bit hash colliding, so the fact is re-sent with a salted id;
- numbers and text: facts hold only whole numbers within 2**53, booleans and NFC text (no floats at all: the C
  parser misreads 1e-05 and int/float joins do not match), checked before anything is sent;
- eager negation: the caller asserts an end_of_submission fact last, and `not` rules are written to wait for it;
- `register_rulesets` popping `run` out of the caller's dict: definitions are built afresh for each registration;
- a crash we found ourselves: `delete_state` segfaults (or aborts in free()) on a session in which no action
  ever ran, e.g. one whose only facts wait in a join. Every session therefore ends with a `__close` fact that an
  internal no-op rule consumes, so an action has always run before the state is deleted
  (tests/test_durable_adapter.py::test_session_without_firing_is_deleted_safely).
"""

from __future__ import annotations

import itertools
import threading
import unicodedata
from collections.abc import Callable
from typing import Any, NamedTuple

from durable import engine as _durable

from engine.rules.facts import ACTIONS, KINDS, Fact, as_dict
from engine.rules.rulebook import FieldTest, Join, Pattern, Rule, Rulebook

_MAX_INT = 2**53
_CLOSE_RULE, _CLOSE_KIND = "__tthc_close", "__close"  # rule ids in rules/ cannot start with "_"
_lock = threading.Lock()
_sids = itertools.count(1)


class RuleEngineFailure(RuntimeError):
    """The rules engine failed or an action raised: an internal error (exit 3), with the cause kept."""


class Firing(NamedTuple):
    """One rule that fired: its id, action, parameters and the fact bound to each of the action's named slots."""

    rule: str
    action: str
    params: dict[str, Any]
    slots: dict[str, dict[str, Any]]


class _SyncHost(_durable.Host):
    def _run(self) -> None:  # no perpetual timer threads: we never use timers or async actions
        pass

    def get_action(self, name: str) -> Any:  # every action is a callable; a name here is a bug
        raise RuleEngineFailure(f"unresolved action {name!r}")


def check_fact(fact: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in fact.items():
        if isinstance(value, bool) or value is None:
            out[key] = value
        elif isinstance(value, int):
            if not -_MAX_INT < value < _MAX_INT:
                raise RuleEngineFailure(f"fact field {key}={value} is outside the engine's exact integer range")
            out[key] = value
        elif isinstance(value, str):
            out[key] = unicodedata.normalize("NFC", value)
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            out[key] = [unicodedata.normalize("NFC", v) for v in value]
        else:
            raise RuleEngineFailure(
                f"fact field {key} has type {type(value).__name__}; only int, bool, text and lists of text go to the engine"
            )
    return out


class RulesEngine:
    """A compiled rulebook, ready to evaluate one set of facts at a time."""

    def __init__(self, book: Rulebook):
        self.book = book
        self.ruleset = f"tthc_{book.fingerprint()}"
        self.fact_kinds = book.fact_kinds()
        self._firings: list[Firing] | None = None
        self._errors: list[BaseException] = []
        definitions = {
            rule.id: {**definition(rule), "run": self._action(rule)}
            for rule in sorted(book.rules.values(), key=lambda r: r.id)
        }
        definitions[_CLOSE_RULE] = {"all": [{"m": {"kind": _CLOSE_KIND}}], "run": _noop}
        self._host = _SyncHost()
        self._host.register_rulesets({self.ruleset: definitions})

    def _action(self, rule: Rule) -> Callable[[Any], None]:
        spec = ACTIONS[rule.action]

        def run(c: Any) -> None:
            try:
                slots = {slot: _plain(getattr(c, alias)) for slot, alias in rule.slots.items()}
                assert self._firings is not None
                self._firings.append(Firing(rule.id, rule.action, dict(rule.params), slots))
                if spec.derive is not None:
                    derived = spec.derive(rule.params, slots)
                    if derived is not None:
                        self._send(lambda f: c.assert_fact(f), as_dict(derived), chained=True)
            except BaseException as exc:
                self._errors.append(exc)

        return run

    def run(self, facts: list[Fact] | list[dict[str, Any]]) -> list[Firing]:
        """Assert the facts in order in a fresh session; return every rule firing. Thread-safe. Facts of a kind no
        rule matches are not sent."""
        # the kinds no rule matches are left out first: per-unit facts are most of a submission's, and only what
        # is sent needs converting and checking (a tenth of the evaluation)
        wanted = self.fact_kinds
        sent = [f for f in facts if (f.get("kind") if isinstance(f, dict) else KINDS[type(f)]) in wanted]
        checked = [check_fact(f if isinstance(f, dict) else as_dict(f)) for f in sent]
        with _lock:
            sid = f"s{next(_sids)}"
            self._firings, self._errors = [], []
            try:
                for fact in [*checked, {"kind": _CLOSE_KIND}]:
                    self._send(lambda f: self._host.assert_fact(self.ruleset, f), {**fact, "sid": sid})
                if self._errors:
                    raise RuleEngineFailure(f"a rule action failed: {self._errors[0]!r}") from self._errors[0]
                return list(self._firings)
            finally:
                self._firings = None
                self._host.delete_state(self.ruleset, sid)

    _ids = itertools.count(1)

    def _send(self, assert_fn: Callable[[dict[str, Any]], Any], fact: dict[str, Any], chained: bool = False) -> None:
        fact = check_fact(fact) if chained else fact
        base = f"f{next(self._ids)}"
        for salt in range(4):
            try:
                assert_fn({**fact, "id": base if salt == 0 else f"{base}~{salt}"})
                return
            except _durable.MessageNotHandledException:
                return  # no rule wants this fact: nothing to do
            except _durable.MessageObservedException:
                continue  # our ids are unique: this is the engine's 32-bit hash colliding; re-send salted
        raise RuleEngineFailure(f"the engine kept refusing a new fact as already seen: {fact!r}")


def _noop(c: Any) -> None:
    pass


_DURABLE_OPS = {"ne": "$neq", "gt": "$gt", "gte": "$gte", "lt": "$lt", "lte": "$lte"}


def definition(rule: Rule) -> dict[str, Any]:
    """The durable_rules form of a rule: every pattern in order; a negation under a key of its own (n<i>$not)."""
    conditions = []
    for i, pattern in enumerate(rule.patterns):
        body = _pattern(pattern)
        conditions.append({f"n{i}$not": body} if pattern.negated else {pattern.alias: body})
    return {"all": conditions}


def _pattern(pattern: Pattern) -> dict[str, Any]:
    return {"$and": [{"kind": pattern.fact}, *(_test(t) for t in pattern.tests)]}


def _test(test: FieldTest | Join) -> dict[str, Any]:
    if isinstance(test, Join):
        return {test.field: {test.alias: test.other}}
    if test.op == "eq":
        return {test.field: test.value}
    if test.op == "in":
        values = list(test.value)
        return {"$or": [{test.field: v} for v in values]} if len(values) > 1 else {test.field: values[0]}
    if test.op == "not_in":
        return {"$and": [{"$neq": {test.field: v}} for v in test.value]}
    return {_DURABLE_OPS[test.op]: {test.field: test.value}}


def _plain(content: Any) -> dict[str, Any]:
    return {k: v for k, v in content.items() if k not in ("sid", "id", "$s")}
