"""Counts as reports give them: totals with some of their parts, parts without their total, a flow with one term
missing. From what is given, every count that can be known exactly is known, and every relation is checked:

- a total is the sum of its parts where all parts are given; a total given with all its parts must equal them;
- a total given with all but one of a complete list of parts implies that part (never negative);
- the dossier flow balances (carried over + received = resolved + pending + returned), each term a total where
  it is given and the sum of its parts where they are; one missing term is implied, never negative; with two or
  more missing, the flow cannot be checked, and that is said once.

Every implied value is said (information), with how it was found. A count that takes part in a relation that
fails is marked broken: the figures derived from it are not judged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from engine.catalogue import Catalogue
from engine.catalogue.models import Balance, Text, Total
from engine.errors import Location, Problem, Quantity
from engine.io.yamlio import Document
from engine.vocabulary import Severity

REPORTED, SUM, IMPLIED, FLOW = "reported", "sum", "implied", "flow"


class Count(NamedTuple):
    """A count and where it came from (a named tuple: made for every count of every unit, and cheaper to define
    and to build than a dataclass)."""

    value: int
    source: str  # reported | sum (of its parts) | implied (a part, from its total) | flow (a term, from the balance)


@dataclass
class Counts:
    """The counts known for the province or a unit, and those that take part in a relation that fails."""

    known: dict[str, Count] = field(default_factory=dict)
    broken: dict[str, Problem] = field(default_factory=dict)  # a count that fails a relation -> the error saying so

    def value(self, cid: str) -> int | None:
        c = self.known.get(cid)
        return c.value if c else None

    def given(self) -> dict[str, int]:
        return {k: c.value for k, c in self.known.items() if c.source == REPORTED}


def resolve(
    doc: Document, base: tuple[Any, ...], given: dict[str, int], cat: Catalogue, problems: list[Problem]
) -> Counts:
    counts = Counts({k: Count(v, REPORTED) for k, v in given.items()})
    work = _Work(doc, base, cat, counts, problems)
    # to a fixed point: totals summed from their parts first (what is given at the finest level), then a missing
    # part implied from its total, then the flow; each step may make more counts known
    while (
        any([work.total(t, imply=False) for t in cat.totals.values()])
        or any([work.total(t, imply=True) for t in cat.totals.values()])
        or any([work.balance(b) for b in cat.balances.values()])
    ):
        pass
    for b in cat.balances.values():
        work.unchecked(b)
    return counts


@dataclass
class _Work:
    """One submission's (or unit's) counts being completed from totals and balances."""

    doc: Document
    base: tuple[Any, ...]
    cat: Catalogue
    counts: Counts
    problems: list[Problem]
    done: set[str] = field(default_factory=set)  # relations already checked or used

    def _name(self, cid: str) -> Text:
        return self.cat.counts[cid].name

    def _names(self, ids: list[str]) -> Text:
        names = [self._name(c) for c in ids]
        return Text(vi=" + ".join(n.vi for n in names), en=" + ".join(n.en for n in names))

    def _line(self, cid: str) -> Location:
        return self.doc.locate(self.base + ("counts", cid))

    def _say(self, code: str, at: str, severity: Severity, **params: Any) -> Problem:
        problem = self.doc.problem(code, self.base + ("counts", at), severity=severity, **params)
        self.problems.append(problem)
        return problem

    def _break(self, ids: list[str], problem: Problem) -> None:
        for cid in ids:
            self.counts.broken.setdefault(cid, problem)

    def total(self, t: Total, *, imply: bool) -> bool:
        """Check or use one total (implying a missing part only when allowed); True when a count became known."""
        if t.id in self.done:
            return False
        known = self.counts.known
        have = [p for p in t.parts if p in known]
        parts = sum(known[p].value for p in have)
        if t.id not in known:
            if len(have) < len(t.parts):
                return False
            known[t.id] = Count(parts, SUM)
            self.done.add(t.id)
            return True
        total = known[t.id].value
        if parts > total or len(have) == len(t.parts):  # parts above their total cannot be, whatever the list
            self.done.add(t.id)
            self._disagree(t, have, total, parts)
            return False
        if not (imply and t.complete and len(have) == len(t.parts) - 1):
            return False
        (missing,) = (p for p in t.parts if p not in known)
        known[missing] = Count(total - parts, IMPLIED)
        self.done.add(t.id)
        self._say(
            "count.implied",
            t.id,
            Severity.INFO,
            name=self._name(missing),
            value=Quantity(total - parts),
            total_name=self._name(t.id),
            parts_names=self._names(have),
        )
        return True

    def _disagree(self, t: Total, have: list[str], total: int, parts: int) -> None:
        """A total and its parts that do not agree: parts above the total, or all given and not adding up (an error
        for a complete list of parts; a warning for a list that may leave kinds out)."""
        if parts == total:
            return
        error = parts > total or t.complete
        code = "count.parts_exceed" if parts > total else "count.total_differs" if t.complete else "count.parts_short"
        problem = self._say(
            code,
            t.id,
            Severity.ERROR if error else Severity.WARNING,
            total_name=self._name(t.id),
            total=Quantity(total),
            parts_names=self._names(have),
            parts=Quantity(parts),
            excess=Quantity(max(parts - total, 0)),
            gap=Quantity(max(total - parts, 0)),
            parts_line=self._line(have[0]),
        )
        if error:
            self._break([t.id, *have], problem)

    def balance(self, b: Balance) -> bool:
        """Check a balance, or imply its one missing term; True when a count became known."""
        if b.id in self.done:
            return False
        known = self.counts.known
        missing = [c for c in b.left + b.right if c not in known]
        left = sum(known[c].value for c in b.left if c in known)
        right = sum(known[c].value for c in b.right if c in known)
        if not missing:
            self.done.add(b.id)
            if left != right:
                problem = self._say(
                    "balance.broken",
                    b.left[0],
                    Severity.ERROR,
                    balance=b.name,
                    left_names=self._names(b.left),
                    left=Quantity(left),
                    right_names=self._names(b.right),
                    right=Quantity(right),
                    difference=Quantity(abs(left - right)),
                )
                self._break(b.left + b.right, problem)
            return False
        if len(missing) != 1:
            return False
        (term,) = missing
        value = right - left if term in b.left else left - right
        self.done.add(b.id)
        if value < 0:
            # the side of the missing term already exceeds the other: the missing term would have to be negative
            over = [c for c in (b.right if term in b.right else b.left) if c in known]
            under = [c for c in (b.left if term in b.right else b.right) if c in known]
            problem = self._say(
                "balance.negative",
                b.left[0],
                Severity.ERROR,
                balance=b.name,
                name=self._name(term),
                over_names=self._names(over),
                over=Quantity(sum(known[c].value for c in over)),
                under_names=self._names(under),
                under=Quantity(sum(known[c].value for c in under)),
                excess=Quantity(-value),
            )
            self._break([c for c in b.left + b.right if c in known], problem)
            return False
        known[term] = Count(value, FLOW)
        self._say(
            "balance.implied", b.left[0], Severity.INFO, balance=b.name, name=self._name(term), value=Quantity(value)
        )
        return True

    def unchecked(self, b: Balance) -> None:
        """Two or more terms missing: said once, when any count of the flow was given at all."""
        terms = b.left + b.right
        if b.id in self.done or not any(self._touches(c) for c in terms):
            return
        missing = [c for c in terms if c not in self.counts.known]
        self._say("balance.unchecked", b.left[0], Severity.INFO, balance=b.name, missing=self._names(missing))

    def _touches(self, cid: str) -> bool:
        """Whether the count, or any count it is a total of, was given."""
        if cid in self.counts.known:
            return True
        total = self.cat.totals.get(cid)
        return total is not None and any(self._touches(p) for p in total.parts)
