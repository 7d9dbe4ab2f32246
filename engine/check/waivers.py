"""Waivers: a competent authority exempts a province (or all) from a target for a period, by a document.

waivers.yaml (beside the submissions, or --waivers FILE) is validated like every other file. A waived target
shows as waived with its document, never hidden; a waiver past its expiry no longer applies and is flagged; one
expiring within 30 days is warned about; one that matches nothing in the run is flagged. Dates are judged at
each submission's reference date (as_of, or the period's last day), so that outputs do not depend on the day
the tool is run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property
from typing import Any, ClassVar

from engine.catalogue import Catalogue
from engine.catalogue.bodies import Body, BodyLookupError
from engine.errors import DataFileError, Location, Problem
from engine.io.yamlio import Document, load_yaml
from engine.model.hooks import STRICT
from engine.model.periods import Period, PeriodError, parse_period
from engine.model.textnorm import suggest
from engine.vocabulary import Scope, Severity

EXPIRY_WARNING = timedelta(days=30)


@dataclass(frozen=True, kw_only=True)
class _Strict:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT


@dataclass(frozen=True, kw_only=True)
class DocumentIn(_Strict):
    number: str
    date: date


@dataclass(frozen=True, kw_only=True)
class WaiverIn(_Strict):
    target: str
    province: str | int | None = None  # a province (or "all" provinces); with neither, every body
    ministry: str | None = None  # a ministry (or "all" ministries)
    period: str | int
    authority: str
    document: DocumentIn
    justification: str
    expires: date


@dataclass(frozen=True, kw_only=True)
class _FileIn(_Strict):
    waivers: list[WaiverIn]


def waivers_model() -> type:
    """The model a waivers file is validated by (its JSON Schema is shipped for editors)."""
    return _FileIn


@dataclass(frozen=True)
class Waiver:
    spec: WaiverIn
    period: Period
    scope: Scope | None  # the bodies it is for: provinces, ministries, or (None) every body
    code: str | None  # the body's code, in the era of the waiver's period; None for all of the scope
    era: str | None
    location: Location


class WaiverList(list[Waiver]):
    """The waivers of a file, indexed by target: a run of 5,000 submissions against 10,000 waivers looks up the
    few of each target instead of scanning them all for each submission."""

    @cached_property
    def by_target(self) -> dict[str, list[Waiver]]:
        index: dict[str, list[Waiver]] = {}
        for w in self:
            index.setdefault(w.spec.target, []).append(w)
        return index


def load_waivers(path: str, cat: Catalogue) -> WaiverList:
    from pydantic import ValidationError  # only a run with waivers imports pydantic (engine/model/hooks.py)

    from engine.model.validation import problems_from, validate

    try:
        doc = load_yaml(path)
    except DataFileError as exc:  # an empty file is an empty waivers file here, not an empty submission
        if [p.code for p in exc.problems] == ["file.empty"]:
            raise DataFileError([Problem("waiver.empty_file", {}, exc.problems[0].location)]) from None
        raise
    if doc.data is None or (isinstance(doc.data, dict) and doc.data.get("waivers", ...) is None):
        raise DataFileError([doc.problem("waiver.empty_file", ())])
    try:
        parsed = validate(_FileIn, doc.data)
    except ValidationError as exc:
        raise DataFileError(problems_from(exc, doc, (), _FileIn)) from None
    out, problems = WaiverList(), []
    for i, w in enumerate(parsed.waivers):
        where = doc.locate(("waivers", i))
        if said := _cannot_be_right(w, doc, i):
            problems.extend(said)
            continue
        if w.target not in cat.targets:
            problems.append(
                doc.problem(
                    "waiver.unknown_target",
                    ("waivers", i, "target"),
                    value=w.target,
                    suggestion=suggest(w.target, list(cat.targets)),
                )
            )
            continue
        try:
            period = parse_period(w.period)
        except PeriodError as exc:
            problems.append(doc.problem(exc.code, ("waivers", i, "period"), **exc.params))
            continue
        try:
            out.append(_whom(w, period, cat, where))
        except BodyLookupError as exc:
            key = "ministry" if w.ministry is not None else "province"
            problems.append(doc.problem(exc.code, ("waivers", i, key), **exc.params))
    if problems:
        raise DataFileError(problems)
    return out


_ALL = ("all", "tất cả", "tat ca")


def _whom(w: WaiverIn, period: Period, cat: Catalogue, where: Location) -> Waiver:
    """The bodies a waiver is for: one province or ministry (as it was at the end of the waiver's period), all of
    one kind, or every body."""
    if w.province is not None and w.ministry is not None:
        raise BodyLookupError("submission.both_bodies")
    if w.province is None and w.ministry is None:
        return Waiver(w, period, None, None, None, where)
    scope = Scope.MINISTRY if w.ministry is not None else Scope.PROVINCE
    name = w.ministry if w.ministry is not None else w.province
    if str(name).strip().lower() in _ALL:
        return Waiver(w, period, scope, None, None, where)
    body = (
        cat.ministries.resolve(name, period.end) if scope == Scope.MINISTRY else cat.geography.resolve(name, period.end)
    )
    return Waiver(w, period, scope, body.code, body.era, where)


@dataclass
class Decision:
    applied: dict[str, Waiver]  # target -> the waiver in force
    problems: list[Problem]
    used: set[int]  # ids of waivers that matched


def _cannot_be_right(w: WaiverIn, doc: Document, i: int) -> list[Problem]:
    """A waiver with nothing said where the law needs words, or expiring before it was signed, waives nothing."""
    out = [
        doc.problem("waiver.empty_field", ("waivers", i, *key), field=".".join(key))
        for key, value in (
            (("authority",), w.authority),
            (("document", "number"), w.document.number),
            (("justification",), w.justification),
        )
        if not value.strip()
    ]
    if w.expires < w.document.date:
        out.append(
            doc.problem(
                "waiver.expires_before_document", ("waivers", i, "expires"), expires=w.expires, signed=w.document.date
            )
        )
    return out


def decide(waivers: list[Waiver], body: Body, period: Period, reference: date, targets: list[str]) -> Decision:
    applied: dict[str, Waiver] = {}
    problems: list[Problem] = []
    used: set[int] = set()
    index = waivers.by_target if isinstance(waivers, WaiverList) else WaiverList(waivers).by_target
    for w in (w for t in targets for w in index.get(t, ())):
        if not (w.period.start <= period.end <= w.period.end):
            continue
        if w.scope is not None and w.scope != body.scope:
            continue
        if w.code is not None and (w.code, w.era) != (body.code, body.era):
            continue
        used.add(id(w))
        if w.spec.document.date > reference:  # the figures at the reference date could not have been waived yet
            problems.append(
                Problem(
                    "waiver.document_after_reference",
                    {
                        "target": w.spec.target,
                        "number": w.spec.document.number,
                        "signed": w.spec.document.date,
                        "reference": reference,
                    },
                    w.location,
                )
            )
            continue
        if w.spec.expires < reference:
            problems.append(
                Problem(
                    "waiver.expired",
                    {"target": w.spec.target, "number": w.spec.document.number, "expires": w.spec.expires},
                    w.location,
                    Severity.WARNING,
                )
            )
            continue
        if w.spec.expires - reference <= EXPIRY_WARNING:
            problems.append(
                Problem(
                    "waiver.expiring",
                    {"target": w.spec.target, "number": w.spec.document.number, "expires": w.spec.expires},
                    w.location,
                    Severity.WARNING,
                )
            )
        applied.setdefault(w.spec.target, w)
    return Decision(applied, problems, used)


def unmatched(waivers: list[Waiver], used: set[int]) -> list[Problem]:
    return [
        Problem(
            "waiver.unmatched",
            {"target": w.spec.target, "number": w.spec.document.number},
            w.location,
            Severity.WARNING,
        )
        for w in waivers
        if id(w) not in used
    ]
