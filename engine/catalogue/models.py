"""The catalogue's data models: one per kind of entry in targets/*.yaml. Unknown keys are errors. Plain frozen
dataclasses, validated by pydantic when a catalogue is read afresh (engine/model/hooks.py says why)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Literal

from engine.catalogue.bodies import Body
from engine.model.hooks import STRICT, Limits
from engine.vocabulary import MetricUnit, Scope

Op = Literal[">=", ">", "<=", "<"]


class Strict:
    """The base of every catalogue model: pydantic's strict configuration (unknown keys refused). A plain class,
    not a dataclass: it has no field, and each dataclass costs a plain check's start about a millisecond."""

    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT


@dataclass(frozen=True, kw_only=True)
class Text(Strict):
    """Words in both languages: Vietnamese, and English."""

    vi: str
    en: str

    def get(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


@dataclass(frozen=True, kw_only=True)
class Formula(Strict):
    """A rate as the sum of some counts over the sum of others."""

    numerator: Annotated[list[str], Limits(min_length=1)]
    denominator: Annotated[list[str], Limits(min_length=1)]


@dataclass(frozen=True, kw_only=True)
class Metric(Strict):
    """Something measured and reported: a rate, a count or an index score."""

    id: str
    name: Text
    unit: MetricUnit
    better: Literal["higher", "lower"]
    over_time: Literal["sum", "latest"]
    items: Text | None = None
    definition: str
    formula: Formula | None = None
    # an index an authority publishes with a rank (the 766 index, PAR INDEX, SIPAS): the body copies it, does not
    # compute it, so it is shown as published and never marked "as reported, not verifiable"
    published: bool = False
    # another measure of the same thing that targets use (dossiers paid online, where the target counts payment
    # transactions): a figure of this metric is never judged against that one's targets, and the user is told so
    differs_from: str | None = None


@dataclass(frozen=True, kw_only=True)
class CountDef(Strict):
    """A count a submission may report (dossiers received, resolved on time, …)."""

    id: str
    name: Text


@dataclass(frozen=True, kw_only=True)
class Total(Strict):
    """A count that is the sum of its parts. A complete list of parts must add up (an error otherwise), and implies
    a missing part; an incomplete one ("including": seed 003) is only warned about when the parts exceed it or,
    all given, differ from it."""

    id: str
    parts: Annotated[list[str], Limits(min_length=2)]
    complete: bool


@dataclass(frozen=True, kw_only=True)
class Balance(Strict):
    """Counts that must balance: left = right (the dossier flow). Each term is a count, or a total of parts."""

    id: str
    name: Text
    left: Annotated[list[str], Limits(min_length=1)]
    right: Annotated[list[str], Limits(min_length=1)]


@dataclass(frozen=True, kw_only=True)
class Instrument(Strict):
    """A legal instrument that sets targets: its number, date, issuer, title and how sure we are of them."""

    id: str
    number: str | None
    date: date | None
    date_precision: Literal["day", "month"] = "day"
    issuer: Text
    signer: str | None = None  # as read in the text's header; None where it was not read
    title: Text
    identity: Literal["H", "M", "L"] | None = None  # how sure the number, date, signer and title are
    source: str  # where the identity was read


@dataclass(frozen=True, kw_only=True)
class Threshold(Strict):
    """The value a target's figure is compared with, and how."""

    op: Op
    value: Decimal  # finite: pydantic refuses an infinite or NaN Decimal (finite_number)


@dataclass(frozen=True, kw_only=True)
class Window(Strict):
    """The days a target applies to, both included."""

    start: date  # written "from" (hooks.alias)
    end: date  # written "to"


@dataclass(frozen=True, kw_only=True)
class Responsible(Strict):
    """The role that leads on a target and those that support it."""

    lead: str
    support: list[str] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class TargetFields(Strict):
    """What every target has, national or local."""

    id: str
    metric: str
    threshold: Threshold
    applies: Window
    deadline: date
    instrument: str
    confidence: Literal["H", "M", "L"]
    verified: bool
    responsible: Responsible
    note: Text | None = None
    wording: Text | None = None  # the target as its source words it (required of the Government's targets)
    wording_read_in: Literal["vi", "en"] = "vi"  # the language it was read in; the other is a translation
    source: str | None = None  # where the wording was read (required of the Government's targets)


@dataclass(frozen=True, kw_only=True)
class Target(TargetFields):
    """A target the Government sets, for every province and/or ministry in its scope; or (local) one a province or
    ministry sets itself, binding only the bodies in `binds`."""

    scope: Annotated[list[Scope], Limits(min_length=1)]
    local: bool = False
    binds: tuple[tuple[str, str, str], ...] = ()  # local targets: (scope, era, code) of each body bound

    def binds_other(self, body: Body) -> bool:
        """A local target that binds someone other than this body."""
        return self.local and (body.scope.value, body.era, body.code) not in self.binds


@dataclass(frozen=True, kw_only=True)
class NationalTarget(Target):
    """A target of the catalogue: its wording and where it was read are required, so that every output can say
    what the Government's text says, not only our reading of it."""

    wording: Text
    source: str


@dataclass(frozen=True, kw_only=True)
class AgencyName(Strict):
    """An agency's name over the days it was in force."""

    name: Text
    start: date | None = None  # written "from"
    until: date | None = None

    def in_force(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.until is None or day <= self.until)


@dataclass(frozen=True, kw_only=True)
class Role(Strict):
    """Who holds a responsibility: in a province (`agencies`, whose names may say {unit}: "tỉnh" or "thành phố",
    "provincial" or "city"), inside a ministry (`in_ministry`, {body} being the ministry's name), or the reporting
    body itself (`is_body`). Inside a ministry, a province's role with no holder recorded there is named by the
    ministry itself; a role of the ministries' own (scope ministry, e.g. Văn phòng Chính phủ) by its agencies."""

    id: str
    scope: Scope
    basis: str
    confidence: Literal["H", "M", "L"]
    agencies: Annotated[list[AgencyName], Limits(min_length=1)]
    in_ministry: list[AgencyName] = field(default_factory=list)
    is_body: bool = False

    def agency_at(self, day: date, agencies: list[AgencyName] | None = None) -> AgencyName:
        """The agency holding the role on that day (the catalogue lists them in date order without gaps)."""
        listed = agencies if agencies is not None else self.agencies
        in_force = [a for a in listed if a.in_force(day)]
        return in_force[0] if in_force else listed[0]

    def name_for(self, body: Body, day: date) -> Text:
        """The role's holder named for this body on that day."""
        own = Text(vi=body.display, en=body.name_en or body.display)
        if self.is_body:
            return own
        if body.scope == Scope.MINISTRY and self.scope == Scope.PROVINCE:
            if not (self.in_ministry and body.kind == "ministry"):
                return own
            name = self.agency_at(day, self.in_ministry).name
            return Text(vi=name.vi.replace("{body}", body.display), en=name.en.replace("{body}", body.name_en))
        name = self.agency_at(day).name
        vi, en = body.unit_word
        return Text(
            vi=name.vi.replace("{unit}", vi), en=name.en.replace("{unit}", en).replace("{Unit}", en.capitalize())
        )


@dataclass(frozen=True, kw_only=True)
class Era(Strict):
    """A structure of the country's provinces (63 until 30/6/2025, 34 after)."""

    id: Literal["63", "34"]
    start: date | None = None  # written "from"
    until: date | None = None


@dataclass(frozen=True, kw_only=True)
class Province(Strict):
    """A province or centrally-run city of an era, with the names a submission may use."""

    code: Annotated[str, Limits(pattern=r"^\d{2}$")]
    name: str
    kind: Literal["province", "city"]
    aliases: list[str] = field(default_factory=list)
    formed_from: list[str] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class MinistryEra(Strict):
    """A structure of the Government: which ministries exist, by the instrument that set it."""

    id: Literal["22", "17"]
    start: date | None = None  # written "from"
    until: date | None = None
    instrument: str


@dataclass(frozen=True, kw_only=True)
class Ministry(Strict):
    """A ministry or Government agency, with its names and what it became or absorbed."""

    code: Annotated[str, Limits(pattern=r"^[a-z]{2,12}$")]
    name: str
    en: str
    kind: Literal["ministry", "agency"]
    aliases: list[str] = field(default_factory=list)
    start: date | None = None  # written "from"
    until: date | None = None
    merged_into: str | None = None
    formed_from: list[str] = field(default_factory=list)
    absorbed: list[str] = field(default_factory=list)

    def exists_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.until is None or day <= self.until)


@dataclass(frozen=True, kw_only=True)
class Calendar(Strict):
    """When figures are due: each period of a cadence by a day of the month after it ends. due_day is None where no
    verified instrument sets one: the tool then judges no submission late (an office sets its own, --calendar)."""

    id: str
    cadence: Literal["month", "quarter", "year"]
    due_day: Annotated[int, Limits(ge=1, le=31)] | None = None
    instrument: str | None = None  # the instrument that sets it, in `instruments`
    source: str  # where the day was read, or why there is none
    note: Text | None = None


SECTIONS: dict[str, type[Strict]] = {
    "metrics": Metric,
    "counts": CountDef,
    "totals": Total,
    "balances": Balance,
    "instruments": Instrument,
    "targets": NationalTarget,
    "roles": Role,
    "eras": Era,
    "provinces_63": Province,
    "provinces_34": Province,
    "ministry_eras": MinistryEra,
    "ministries": Ministry,
    "calendars": Calendar,
}
