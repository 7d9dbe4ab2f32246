"""Load every YAML file of a catalogue folder, validate each entry, then check the references between them."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from engine import cache
from engine.catalogue.geography import Geography
from engine.catalogue.ministries import Ministries, ministry_key
from engine.catalogue.models import (
    SECTIONS,
    Balance,
    Calendar,
    CountDef,
    Instrument,
    Metric,
    Role,
    Strict,
    Target,
    Total,
)
from engine.errors import CatalogueError, DataFileError, Location, Problem
from engine.io.yamlio import Document, display_path, load_yaml
from engine.model.textnorm import suggest


@dataclass(repr=False)
class Catalogue:
    """Everything targets/ holds, validated and cross-checked: what a check is judged against."""

    metrics: dict[str, Metric]
    counts: dict[str, CountDef]
    totals: dict[str, Total]
    balances: dict[str, Balance]
    instruments: dict[str, Instrument]
    targets: dict[str, Target]
    roles: dict[str, Role]
    geography: Geography
    ministries: Ministries
    calendars: dict[str, Calendar] = field(default_factory=dict)  # when figures are due (the site's calendar)
    origin: dict[tuple[str, str], Location] = field(default_factory=dict)  # (section, id) -> where it is defined
    digest: str = ""  # the content hash of the files it was read from: what a cache of anything built on it is keyed by

    def __repr__(self) -> str:
        return f"Catalogue({len(self.metrics)} metrics, {len(self.targets)} targets)"


def _yaml_files(folder: str) -> list[str]:
    try:
        names = sorted(n for n in os.listdir(folder) if n.endswith((".yaml", ".yml")))
    except OSError as exc:
        raise CatalogueError(
            [Problem("catalogue.no_folder", {"reason": exc.strerror or str(exc)}, Location(display_path(folder)))]
        ) from exc
    return [os.path.join(folder, n) for n in names]


def load_catalogue(folder: str | None = None) -> Catalogue:
    """The catalogue of a folder (--targets), or the shipped one: every file read by section, every entry
    validated, then the references between entries checked. Every problem is listed at once."""
    if folder is None:
        from engine.resources import data_dir

        folder = data_dir("targets")
    paths = _yaml_files(folder)
    digest = cache.content_digest(paths)
    key = cache.digest(digest, display_path(folder), cache.code_digest())  # entries carry where they are written
    name = f"catalogue-{cache.digest(os.path.abspath(folder))[:16]}"  # one entry per folder (--targets)
    cached = cache.load(name, key)
    if isinstance(cached, Catalogue):
        return cached
    catalogue = _read(paths, digest)
    cache.store(name, key, catalogue)
    return catalogue


def _read(paths: list[str], digest: str) -> Catalogue:
    collected = Collected()
    for path in paths:
        collected.read(path)
    if collected.problems:
        raise CatalogueError(collected.problems)
    entries = collected.entries
    catalogue = Catalogue(
        metrics=entries["metrics"],
        counts=entries["counts"],
        totals=entries["totals"],
        balances=entries["balances"],
        instruments=entries["instruments"],
        targets=entries["targets"],
        roles=entries["roles"],
        geography=Geography(
            list(entries["eras"].values()),
            list(entries["provinces_63"].values()),
            list(entries["provinces_34"].values()),
        ),
        ministries=Ministries(list(entries["ministry_eras"].values()), list(entries["ministries"].values())),
        calendars=entries["calendars"],
        origin=collected.origin,
        digest=digest,
    )
    problems = _cross_references(catalogue, collected.at)
    if problems:
        raise CatalogueError(problems)
    return catalogue


@dataclass
class Collected:
    """Entries read so far, by section and id, with where each was defined and the problems met."""

    sections: dict[str, type[Strict]] = field(default_factory=lambda: dict(SECTIONS))
    entries: dict[str, dict[str, Any]] = field(default_factory=lambda: {name: {} for name in SECTIONS})
    origin: dict[tuple[str, str], Location] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    places: dict[tuple[str, str], tuple[Document, tuple[Any, ...]]] = field(default_factory=dict)

    def at(self, section: str, key: str, *path: Any) -> Location:
        """Where a field of an entry is written: a reference is reported on its own line, not the entry's."""
        doc, base = self.places[(section, key)]
        return doc.locate(base + path)

    def read(self, path: str) -> None:
        try:
            doc = load_yaml(path)
        except DataFileError as exc:
            self.problems.extend(exc.problems)
            return
        if not isinstance(doc.data, dict):
            self.problems.append(doc.problem("catalogue.not_mapping", ()))
            return
        for section, items in doc.data.items():
            model = self.sections.get(section)
            if model is None:
                self.problems.append(
                    doc.problem(
                        "catalogue.unknown_section",
                        (section,),
                        key=True,
                        section=section,
                        suggestion=suggest(str(section), list(self.sections)),
                    )
                )
            elif not isinstance(items, list):
                self.problems.append(doc.problem("catalogue.not_list", (section,), section=section))
            else:
                for i, item in enumerate(items):
                    self._entry(doc, section, i, item, model)

    def _entry(self, doc: Document, section: str, i: int, item: Any, model: type[Strict]) -> None:
        from pydantic import ValidationError  # only when a catalogue is read afresh (engine/model/hooks.py)

        from engine.model.validation import problems_from, validate

        try:
            entry = validate(model, item)
        except ValidationError as exc:
            self.problems.extend(problems_from(exc, doc, (section, i), model))
            return
        key = str(getattr(entry, "code" if section.startswith("provinces") or section == "ministries" else "id"))
        here = doc.locate((section, i))
        if key in self.entries[section]:
            first = self.origin[(section, key)]
            self.problems.append(
                Problem(
                    "catalogue.duplicate_id",
                    {"id": key, "section": section, "first": f"{first.file}:{first.line}"},
                    here,
                )
            )
            return
        self.entries[section][key] = entry
        self.origin[(section, key)] = here
        self.places[(section, key)] = (doc, (section, i))


def check_ref(
    problems: list[Problem], origin: Location, code: str, value: str, known: dict | set, **params: Any
) -> None:
    if value not in known:
        problems.append(Problem(code, {"value": value, "suggestion": suggest(value, list(known)), **params}, origin))


def _cross_references(cat: Catalogue, at: Callable[..., Location]) -> list[Problem]:
    problems: list[Problem] = []
    for mid, metric in cat.metrics.items():
        if metric.differs_from is not None:
            where = at("metrics", mid, "differs_from")
            check_ref(problems, where, "catalogue.unknown_differs_from", metric.differs_from, cat.metrics, metric=mid)
        if metric.formula:
            for count in metric.formula.numerator + metric.formula.denominator:
                check_ref(problems, cat.origin[("metrics", mid)], "catalogue.unknown_count", count, cat.counts)
    for cid, calendar in cat.calendars.items():
        if calendar.instrument is not None:
            where = at("calendars", cid, "instrument")
            check_ref(problems, where, "catalogue.unknown_instrument", calendar.instrument, cat.instruments, target=cid)
    for tid, total in cat.totals.items():
        for count in [tid, *total.parts]:
            check_ref(problems, cat.origin[("totals", tid)], "catalogue.unknown_count", count, cat.counts)
    for bid, balance in cat.balances.items():
        for count in balance.left + balance.right:
            check_ref(problems, cat.origin[("balances", bid)], "catalogue.unknown_count", count, cat.counts)
    for tid, target in cat.targets.items():
        metric_at, instrument_at = at("targets", tid, "metric"), at("targets", tid, "instrument")
        check_ref(problems, metric_at, "catalogue.unknown_metric", target.metric, cat.metrics, target=tid)
        check_ref(
            problems, instrument_at, "catalogue.unknown_instrument", target.instrument, cat.instruments, target=tid
        )
        roles = [("lead",), *(("support", i) for i in range(len(target.responsible.support)))]
        for role, path in zip([target.responsible.lead, *target.responsible.support], roles, strict=True):
            check_ref(
                problems,
                at("targets", tid, "responsible", *path),
                "catalogue.unknown_role",
                role,
                cat.roles,
                target=tid,
            )
        if target.applies.end < target.applies.start:
            problems.append(Problem("catalogue.window_reversed", {"target": tid}, at("targets", tid, "applies")))
        measured = cat.metrics.get(target.metric)
        if measured is not None and (target.threshold.op in (">=", ">")) != (measured.better == "higher"):
            problems.append(
                Problem(
                    "catalogue.op_against_metric",
                    {"target": tid, "op": target.threshold.op, "metric": measured.id, "better": measured.better},
                    at("targets", tid, "threshold", "op"),
                )
            )
    _ministry_references(cat, problems)
    for code, province in cat.geography.current.items():
        for old in province.formed_from:
            check_ref(
                problems,
                cat.origin[("provinces_34", code)],
                "catalogue.unknown_province_code",
                old,
                cat.geography.former,
            )
    return problems


def _ministry_references(cat: Catalogue, problems: list[Problem]) -> None:
    ministries = cat.ministries.by_code
    for era_id, era in cat.ministries.eras.items():
        check_ref(
            problems,
            cat.origin[("ministry_eras", era_id)],
            "catalogue.unknown_instrument",
            era.instrument,
            cat.instruments,
            target=f"ministry_eras {era_id}",
        )
    seen: dict[str, str] = {}
    for code, m in ministries.items():
        where = cat.origin[("ministries", code)]
        for other in [*m.formed_from, *m.absorbed, *([m.merged_into] if m.merged_into else [])]:
            check_ref(problems, where, "catalogue.unknown_ministry", other, ministries)
        for name in [m.name, m.en, *m.aliases]:
            key = ministry_key(name)
            if seen.get(key, code) != code:
                problems.append(Problem("catalogue.ambiguous_name", {"value": name, "other": seen[key]}, where))
            seen.setdefault(key, code)
