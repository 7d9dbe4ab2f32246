"""The catalogue's data models: one per kind of entry in targets/*.yaml. Unknown keys are errors."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from engine.vocabulary import MetricUnit, Scope, Severity

Op = Literal[">=", ">", "<=", "<"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Text(Strict):
    vi: str
    en: str

    def get(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


class Formula(Strict):
    numerator: list[str] = Field(min_length=1)
    denominator: list[str] = Field(min_length=1)


class Metric(Strict):
    id: str
    name: Text
    unit: MetricUnit
    better: Literal["higher", "lower"]
    over_time: Literal["sum", "latest"]
    items: Text | None = None
    definition: str
    formula: Formula | None = None


class CountDef(Strict):
    id: str
    name: Text


class Identity(Strict):
    id: str
    severity: Literal[Severity.ERROR, Severity.WARNING]
    name: Text
    left: list[str] = Field(min_length=1)
    right: list[str] = Field(min_length=1)


class Instrument(Strict):
    id: str
    number: str | None
    date: date | None
    date_precision: Literal["day", "month"] = "day"
    issuer: Text
    title: Text
    source: str


class Threshold(Strict):
    op: Op
    value: Decimal

    @field_validator("value")
    @classmethod
    def _finite(cls, v: Decimal) -> Decimal:
        if not v.is_finite():
            raise ValueError("the threshold must be a finite number")
        return v


class Window(Strict):
    start: date = Field(alias="from")
    end: date = Field(alias="to")


class Responsible(Strict):
    lead: str
    support: list[str] = []


class Target(Strict):
    id: str
    metric: str
    threshold: Threshold
    applies: Window
    deadline: date
    scope: list[Scope] = Field(min_length=1)
    instrument: str
    confidence: Literal["H", "M", "L"]
    verified: bool
    responsible: Responsible
    note: Text | None = None


class AgencyName(Strict):
    name: Text
    start: date | None = Field(default=None, alias="from")
    until: date | None = None

    def in_force(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.until is None or day <= self.until)


class Role(Strict):
    id: str
    scope: Scope
    basis: str
    confidence: Literal["H", "M", "L"]
    agencies: list[AgencyName] = Field(min_length=1)

    def agency_at(self, day: date) -> AgencyName:
        """The agency holding the role on that day (the catalogue lists them in date order without gaps)."""
        in_force = [a for a in self.agencies if a.in_force(day)]
        return in_force[0] if in_force else self.agencies[0]


class Era(Strict):
    id: Literal["63", "34"]
    start: date | None = Field(default=None, alias="from")
    until: date | None = None


class Province(Strict):
    code: str = Field(pattern=r"^\d{2}$")
    name: str
    kind: Literal["province", "city"]
    aliases: list[str] = []
    formed_from: list[str] = []


class MinistryEra(Strict):
    """A structure of the Government: which ministries exist, by the instrument that set it."""

    id: Literal["22", "17"]
    start: date | None = Field(default=None, alias="from")
    until: date | None = None
    instrument: str


class Ministry(Strict):
    code: str = Field(pattern=r"^[a-z]{2,12}$")
    name: str
    en: str
    kind: Literal["ministry", "agency"]
    aliases: list[str] = []
    start: date | None = Field(default=None, alias="from")
    until: date | None = None
    merged_into: str | None = None
    formed_from: list[str] = []
    absorbed: list[str] = []

    def exists_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.until is None or day <= self.until)


SECTIONS: dict[str, type[Strict]] = {
    "metrics": Metric,
    "counts": CountDef,
    "identities": Identity,
    "instruments": Instrument,
    "targets": Target,
    "roles": Role,
    "eras": Era,
    "provinces_63": Province,
    "provinces_34": Province,
    "ministry_eras": MinistryEra,
    "ministries": Ministry,
}
