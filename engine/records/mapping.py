"""MAP.yaml: how a provincial system names its columns and codes, mapped to ours. Validated like every other
file: unknown keys are errors with file, line and "did you mean"."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from engine.errors import DataFileError
from engine.io.yamlio import load_yaml
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
        return Mapping.model_validate(doc.data)
    except ValidationError as exc:
        raise DataFileError(problems_from(exc, doc, (), Mapping)) from None
