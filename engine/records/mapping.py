"""MAP.yaml: how a provincial system names its columns and codes, mapped to ours. Validated like every other
file: unknown keys are errors with file, line and "did you mean"."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from engine.errors import DataFileError, Problem
from engine.io.yamlio import Document, load_yaml
from engine.model.validation import problems_from
from engine.vocabulary import UnitKind


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Columns(_Strict):
    dossier_id: str
    procedure_code: str
    unit: str
    received_at: str
    channel: str
    due_at: str
    resolved_at: str
    returned: str
    has_fee: str
    paid_online: str
    digitised: str
    electronic_result: str


class Channels(_Strict):
    online: list[str] = Field(min_length=1)
    in_person: list[str] = Field(min_length=1)
    post: list[str] = []


class UnitKindRule(_Strict):
    prefix: str
    kind: UnitKind


# strptime's specifiers as DuckDB reads them (docs: "Date Format Functions"); anything else after % is a mistake
_SPECIFIER = re.compile(r"%(-?[aAwdbBmyYHIpMSfgnzZjUWcxX]|%)")


class Mapping(_Strict):
    columns: Columns
    date_format: str = "%Y-%m-%dT%H:%M"  # dates written as text; a workbook's date cells need none
    header_row: int | None = Field(default=None, ge=1)  # the header's row, when a title block is above it
    channel: Channels
    true_values: list[str] = Field(min_length=1)
    false_values: list[str] = Field(min_length=1)
    unit_kinds: list[UnitKindRule] = []
    default_unit_kind: UnitKind = UnitKind.DEPARTMENT

    def kind_of(self, unit: str) -> str:
        for rule in self.unit_kinds:
            if unit.startswith(rule.prefix):
                return rule.kind
        return self.default_unit_kind


def load_mapping(path: str) -> Mapping:
    doc = load_yaml(path)
    try:
        mapping = Mapping.model_validate(doc.data)
    except ValidationError as exc:
        raise DataFileError(problems_from(exc, doc, (), Mapping)) from None
    problems = _date_format(mapping, doc) + _codes_twice(mapping, doc)
    if problems:
        raise DataFileError(problems)
    return mapping


def _date_format(mapping: Mapping, doc: Document) -> list[Problem]:
    rest = _SPECIFIER.sub("", mapping.date_format)
    if "%" not in rest:
        return []
    bad = rest[rest.index("%") : rest.index("%") + 2]
    return [doc.problem("mapping.date_format", ("date_format",), value=mapping.date_format, specifier=bad)]


def _codes_twice(mapping: Mapping, doc: Document) -> list[Problem]:
    """A code that means two things (yes and no, online and in person) would be read as whichever comes first."""
    lists = {
        ("true_values",): mapping.true_values,
        ("false_values",): mapping.false_values,
        ("channel", "online"): mapping.channel.online,
        ("channel", "in_person"): mapping.channel.in_person,
        ("channel", "post"): mapping.channel.post,
    }
    seen: dict[tuple[bool, str], tuple[str, ...]] = {}  # (a channel code?, code): where it was first
    problems = []
    for key, codes in lists.items():
        for i, code in enumerate(codes):
            first = seen.setdefault((key[0] == "channel", code), key)
            if first != key:
                where = ".".join(first)
                problems.append(doc.problem("mapping.code_twice", (*key, i), value=code, first=where))
    return problems
