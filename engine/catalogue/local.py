"""A province's (or ministry's) own targets: a file in the catalogue's own form (sections `instruments:` and
`targets:`, `roles:` optional) that the province keeps beside its submissions as `targets.local.yaml`, or that is
given with `--local-targets FILE`. It is validated like every catalogue file (file, line, "did you mean"):

- each target names whom it binds, `scope: {provinces: [Vĩnh Phúc]}` or `scope: {ministries: [Bộ Tư pháp]}`,
  with names as a submission may spell them, resolved as the bodies were when the target starts to apply;
- it cites an instrument of its own file, issued by a body it binds (`issued_by:`);
- its id, and its instruments' and roles' ids, do not clash with the national catalogue's.

The national catalogue and the local file are merged into one catalogue for the run; local targets carry
`local: true` and the bodies they bind, so that they apply to those bodies only and are shown apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

from engine.cache import content_digest, digest
from engine.catalogue.bodies import Body, BodyLookupError
from engine.catalogue.load import Catalogue, Collected, check_ref
from engine.catalogue.models import Instrument, Role, Strict, Target, TargetFields
from engine.errors import CatalogueError, Location, Problem
from engine.model.textnorm import suggest
from engine.vocabulary import Scope


@dataclass(frozen=True, kw_only=True)
class LocalScope(Strict):
    """Whom a local target binds, named as a submission may spell them."""

    provinces: list[str | int] = field(default_factory=list)
    ministries: list[str] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class LocalTarget(TargetFields):
    """A target in a province's (or ministry's) own file: `scope: {provinces: [Vĩnh Phúc]}`."""

    scope: LocalScope


@dataclass(frozen=True, kw_only=True)
class LocalInstrument(Instrument):
    """An instrument of a local file, with the body that issued it (a province or ministry, as a submission would
    name it): a local target must cite an instrument of the body it binds."""

    issued_by: str | int


LOCAL_SECTIONS: dict[str, type[Strict]] = {"instruments": LocalInstrument, "targets": LocalTarget, "roles": Role}


def with_local_targets(cat: Catalogue, path: str) -> Catalogue:
    """The catalogue with a local file's targets, instruments and roles added (CatalogueError otherwise)."""
    collected = Collected(sections=dict(LOCAL_SECTIONS), entries={name: {} for name in LOCAL_SECTIONS})
    collected.read(path)
    if collected.problems:
        raise CatalogueError(collected.problems)
    problems: list[Problem] = []
    instruments: dict[str, LocalInstrument] = collected.entries["instruments"]
    roles: dict[str, Role] = collected.entries["roles"]
    targets: dict[str, Target] = {}
    origin = collected.origin
    for section, national in (("instruments", cat.instruments), ("roles", cat.roles)):
        for key in collected.entries[section]:
            if key in national:
                problems.append(Problem("local.clashes", {"id": key, "section": section}, origin[(section, key)]))
    for tid, local in collected.entries["targets"].items():
        target = _target(cat, tid, local, instruments, roles, origin[("targets", tid)], problems)
        if target is not None:
            targets[tid] = target
    if problems:
        raise CatalogueError(problems)
    return replace(
        cat,
        targets={**cat.targets, **targets},
        instruments={**cat.instruments, **instruments},
        roles={**cat.roles, **roles},
        origin={**cat.origin, **origin},
        digest=digest(cat.digest, content_digest([path])),
    )


def _target(
    cat: Catalogue,
    tid: str,
    local: LocalTarget,
    instruments: dict[str, LocalInstrument],
    roles: dict[str, Role],
    where: Location,
    problems: list[Problem],
) -> Target | None:
    before = len(problems)
    if tid in cat.targets:
        problems.append(Problem("local.clashes", {"id": tid, "section": "targets"}, where))
    check_ref(problems, where, "catalogue.unknown_metric", local.metric, cat.metrics, target=tid)
    for role in [local.responsible.lead, *local.responsible.support]:
        check_ref(problems, where, "catalogue.unknown_role", role, {**cat.roles, **roles}, target=tid)
    bodies = _bodies(cat, local, where, problems)
    instrument = instruments.get(local.instrument)
    if instrument is None:
        problems.append(
            Problem(
                "local.instrument_not_local",
                {"target": tid, "value": local.instrument, "suggestion": suggest(local.instrument, list(instruments))},
                where,
            )
        )
    elif bodies:
        issuer = _body(cat, instrument.issued_by, local, where, problems)
        if issuer is not None and (issuer.scope, issuer.code) not in {(b.scope, b.code) for b in bodies}:
            problems.append(
                Problem(
                    "local.issuer_not_bound",
                    {"target": tid, "instrument": instrument.id, "issuer": issuer.display},
                    where,
                )
            )
    if len(problems) > before or not bodies:
        return None
    same = {f.name: getattr(local, f.name) for f in fields(local) if f.name != "scope"}
    scope = sorted({b.scope for b in bodies})
    binds = tuple(sorted({(b.scope.value, b.era, b.code) for b in bodies}))
    return Target(**same, scope=scope, local=True, binds=binds)


def _bodies(cat: Catalogue, local: LocalTarget, where: Location, problems: list[Problem]) -> list[Body]:
    names: list[tuple[Scope, Any]] = [(Scope.PROVINCE, n) for n in local.scope.provinces]
    names += [(Scope.MINISTRY, n) for n in local.scope.ministries]
    if not names:
        problems.append(Problem("local.no_scope", {"target": local.id}, where))
    out = []
    for scope, name in names:
        body = _body(cat, name, local, where, problems, scope)
        if body is not None:
            out.append(body)
    return out


def _body(
    cat: Catalogue, name: Any, local: LocalTarget, where: Location, problems: list[Problem], scope: Scope | None = None
) -> Body | None:
    """A body as it was when the target starts to apply; a province first, then a ministry, unless told which."""
    day = local.applies.start
    try:
        if scope == Scope.MINISTRY or (scope is None and not cat.geography.knows(name)):
            return cat.ministries.resolve(name, day)
        return cat.geography.resolve(name, day)
    except BodyLookupError as exc:
        problems.append(Problem(exc.code, exc.params, where))
        return None


def bound_names(cat: Catalogue, target: Target) -> str:
    """The bodies a local target binds, by name."""
    names = []
    for scope, era, code in target.binds:
        if scope == Scope.MINISTRY:
            names.append(cat.ministries.by_code[code].name)
        else:
            names.append(cat.geography.body(cat.geography.units(era)[code], era).display)
    return ", ".join(names)
