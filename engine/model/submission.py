"""A province's submission: its data model and loading, with every error located in the file.

The format is a contract shared with other tools (see README and schema/submission.schema.json):
province, period, as_of, indicators (metric id -> figure), counts (count id -> whole number), units.
"""

from __future__ import annotations

import copy
import os
from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from engine.catalogue import Catalogue
from engine.catalogue.bodies import Body, BodyLookupError
from engine.errors import DataFileError, Location, Problem
from engine.io.yamlio import Document, format_path, load_yaml
from engine.model import numbers
from engine.model.periods import Period, PeriodError, parse_period
from engine.model.plain import read_plain
from engine.model.submission_in import FigureIn, SubmissionIn
from engine.model.textnorm import fold, nfc, suggest
from engine.vocabulary import Scope, Severity, UnitKind


@dataclass
class Submission:
    """A submission that passed structural validation, with its body (province or ministry) resolved as it was at
    the end of the period."""

    doc: Document
    raw: SubmissionIn
    body: Body
    period: Period
    as_of: date | None
    problems: list[Problem] = field(default_factory=list)  # said, the rest still checked: figures left out, warnings
    left_out: dict[tuple[Any, ...], Problem] = field(default_factory=dict)  # a figure or count left out -> why

    @property
    def file(self) -> str:
        return self.doc.file


def load_submission(path: str, catalogue: Catalogue, display: str | None = None) -> Submission:
    lower = path.lower()
    if lower.endswith((".xls", ".xlsb", ".ods")):
        from engine.io.yamlio import display_path

        ext = os.path.splitext(lower)[1]
        raise DataFileError([Problem("xlsx.other_format", {"ext": ext}, Location(display or display_path(path)))])
    if lower.endswith((".xlsx", ".xlsm")):  # a workbook from `tthc-check template --xlsx`, read exactly as YAML
        from engine.io.workbook import read_workbook
        from engine.io.yamlio import display_path

        return validate_submission(read_workbook(path, display or display_path(path), catalogue), catalogue)
    doc = load_yaml(path, display, strict=False)
    return validate_submission(doc, catalogue)


def validate_submission(doc: Document, catalogue: Catalogue) -> Submission:
    """Structure first (pydantic), then meaning (period, body, ids, units), every problem listed at once."""
    data = doc.data
    if not isinstance(data, dict):
        raise DataFileError([doc.problem("submission.not_mapping", (), found=type(data).__name__)])
    problems: list[Problem] = list(doc.problems)
    reported = {p.location.path for p in doc.problems}
    raw = read_plain(data)
    if raw is None:  # not well formed: pydantic says what is wrong (imported only then)
        from pydantic import ValidationError

        from engine.model.validation import problems_from, validate

        try:
            raw = validate(SubmissionIn, data)
        except ValidationError as exc:  # a value already reported by the reader is not reported again
            problems.extend(p for p in problems_from(exc, doc, (), SubmissionIn) if p.location.path not in reported)
    period = _period(doc, data.get("period"), problems)
    body = _body(doc, data, catalogue, period, problems)
    if period and raw and raw.as_of and raw.as_of < period.start:
        problems.append(doc.problem("submission.as_of_before_period", ("as_of",), as_of=raw.as_of, start=period.start))
    _ids(doc, ("indicators",), data.get("indicators"), catalogue.metrics, "metric", problems)
    _ids(doc, ("counts",), data.get("counts"), catalogue.counts, "count", problems)
    _units(doc, data.get("units"), catalogue, body, problems)
    left_out: dict[tuple[Any, ...], Problem] = {}
    raw = _without_bad_figures(doc, data, raw, problems, period is not None and body is not None, left_out)
    assert raw is not None and period is not None and body is not None
    warnings = []
    if isinstance(raw.as_of, numbers.ReadDate):
        warnings.append(
            doc.problem(
                "date.read_as",
                ("as_of",),
                severity=Severity.WARNING,
                text=raw.as_of.text,
                day=raw.as_of,
                iso=raw.as_of.isoformat(),
            )
        )
    return Submission(doc, raw, body, period, raw.as_of, problems + warnings, left_out)


def _without_bad_figures(
    doc: Document,
    data: dict[str, Any],
    raw: SubmissionIn | None,
    problems: list[Problem],
    located: bool,
    left_out: dict[tuple[Any, ...], Problem],
) -> SubmissionIn:
    """A figure or count with an error is left out, and the rest of the file is still checked; any other error
    (the file's structure, its period, its body, a unit) stops it (DataFileError)."""
    if not problems and located and raw is not None:
        return raw  # nothing to leave out (most files): no need to list every figure's key path
    entries = _figure_entries(data)
    bad: dict[tuple[Any, ...], None] = {}
    for p in problems:
        where = p.location.path or ""
        entry = next((k for s, k in entries.items() if where == s or where.startswith((s + ".", s + "["))), None)
        if entry is not None:
            bad[entry] = None
            if p.severity == Severity.ERROR:
                left_out.setdefault(entry, p)
        elif p.severity == Severity.ERROR:
            raise DataFileError(problems)
    if not located:
        raise DataFileError(problems)
    if raw is not None and not bad:
        return raw
    pruned = copy.deepcopy(data)
    for entry in bad:
        *parent, key = entry
        container: Any = pruned
        for part in parent:
            container = container[part]
        container.pop(key, None)
    plain = read_plain(pruned)
    if plain is not None:
        return plain
    from pydantic import ValidationError

    from engine.model.validation import validate

    try:
        return validate(SubmissionIn, pruned)
    except ValidationError:
        raise DataFileError(problems) from None


def _figure_entries(data: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
    """Every figure and count of the province and of each unit, by its key path as problems name it."""
    out: dict[str, tuple[Any, ...]] = {}
    places: list[tuple[Any, ...]] = [()]
    units = data.get("units")
    places += [("units", i) for i, u in enumerate(units if isinstance(units, list) else []) if isinstance(u, dict)]
    for base in places:
        holder: Any = data
        for part in base:
            holder = holder[part]
        for section in ("indicators", "counts"):
            entries = holder.get(section)
            for key in entries if isinstance(entries, dict) else ():
                out[format_path((*base, section, key))] = (*base, section, key)
    return out


def _body(
    doc: Document, data: dict[str, Any], cat: Catalogue, period: Period | None, problems: list[Problem]
) -> Body | None:
    """The province or the ministry the submission is from: exactly one, named as it was at the period's end."""
    if "province" in data and "ministry" in data:
        problems.append(doc.problem("submission.both_bodies", ("ministry",), key=True))
        return None
    if "province" not in data and "ministry" not in data:
        problems.append(doc.problem("submission.no_body", ()))
        return None
    key = "province" if "province" in data else "ministry"
    value = data[key]
    if value is None:
        problems.append(doc.problem("field.wrong_type", (key,), value="None", expected=("text", "int")))
        return None
    if period is None or isinstance(value, bool) or not isinstance(value, (str, int)):
        return None  # of the wrong type (pydantic has said so), or no period to resolve it in
    try:
        if key == "province":
            return cat.geography.resolve(value, period.end)
        return cat.ministries.resolve(value, period.end)
    except BodyLookupError as exc:
        problems.append(doc.problem(exc.code, (key,), **exc.params))
        return None


def _units(doc: Document, units: Any, cat: Catalogue, body: Body | None, problems: list[Problem]) -> None:
    """Each unit's ids known, its name given once, its kind one the body has at the period's end."""
    seen: dict[str, int] = {}
    for i, unit in enumerate(units if isinstance(units, list) else []):
        if not isinstance(unit, dict):
            continue
        _ids(doc, ("units", i, "indicators"), unit.get("indicators"), cat.metrics, "metric", problems)
        _ids(doc, ("units", i, "counts"), unit.get("counts"), cat.counts, "count", problems)
        name = unit.get("name")
        key = fold(name) if isinstance(name, str) else None
        if key == "":
            problems.append(doc.problem("unit.empty_name", ("units", i, "name")))
        elif key is not None and key in seen:
            first = doc.locate(("units", seen[key], "name"))
            problems.append(doc.problem("unit.duplicate", ("units", i, "name"), name=name, first_line=first))
        elif key is not None:
            seen[key] = i
        kind = unit.get("kind")
        if body and body.scope == Scope.MINISTRY and kind in (UnitKind.COMMUNE, UnitKind.DISTRICT):
            problems.append(doc.problem("unit.kind_in_ministry", ("units", i, "kind"), name=name, kind=kind))
        elif kind == UnitKind.DISTRICT and body and body.era == "34":
            problems.append(doc.problem("unit.district_abolished", ("units", i, "kind"), name=name))


def _period(doc: Document, value: Any, problems: list[Problem]) -> Period | None:
    if value is None or isinstance(value, bool) or not isinstance(value, (str, int)):
        return None  # missing or of the wrong type: pydantic has said so
    try:
        return parse_period(value)
    except PeriodError as exc:
        problems.append(doc.problem(exc.code, ("period",), **exc.params))
        return None


def _ids(doc: Document, path: tuple, given: Any, known: dict, what: str, problems: list[Problem]) -> None:
    if not isinstance(given, dict):
        return
    for key in given:
        if nfc(str(key)) not in known:
            problems.append(
                doc.problem(
                    f"submission.unknown_{what}",
                    path + (key,),
                    key=True,
                    value=key,
                    suggestion=suggest(str(key), list(known)),
                )
            )


def dump_submission(raw: SubmissionIn) -> str:
    """A submission written back out as YAML in the contract's format: read again, it gives the same result.
    Numbers keep their exact text (Decimal, never a binary float); keys keep the order of the format."""
    import yaml

    class _Dumper(yaml.SafeDumper):
        pass

    def decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.Node:
        if value == value.to_integral_value():
            return dumper.represent_int(int(value))
        return dumper.represent_scalar("tag:yaml.org,2002:float", format(value, "f"))

    _Dumper.add_multi_representer(Decimal, decimal)
    _Dumper.add_multi_representer(StrEnum, lambda dumper, value: dumper.represent_str(value.value))

    def figure(f: FigureIn) -> Any:
        out = {k: v for k, v in asdict(f).items() if v is not None}
        return out["value"] if list(out) == ["value"] else out

    doc: dict[str, Any] = {"ministry": raw.ministry} if raw.ministry is not None else {"province": raw.province}
    doc["period"] = raw.period
    if raw.as_of is not None:
        doc["as_of"] = raw.as_of
    if raw.indicators:
        doc["indicators"] = {m: figure(f) for m, f in raw.indicators.items()}
    if raw.counts:
        doc["counts"] = dict(raw.counts)
    if raw.units:
        doc["units"] = [
            {
                "name": u.name,
                "kind": u.kind,
                **({"indicators": {m: figure(f) for m, f in u.indicators.items()}} if u.indicators else {}),
                **({"counts": dict(u.counts)} if u.counts else {}),
            }
            for u in raw.units
        ]
    return yaml.dump(doc, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120)
