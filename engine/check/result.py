"""The result of a check: plain data the reporters format. Values are exact (Fractions); display rounds."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from engine.catalogue.bodies import Body
from engine.catalogue.models import Instrument, Target
from engine.check.counts import Count
from engine.check.figures import Figure
from engine.errors import Problem
from engine.model.periods import Period
from engine.model.submission import Submission
from engine.vocabulary import FAILING, FailOn, Severity, Status, UnitKind


@dataclass(frozen=True)
class Agency:
    """An agency responsible for a target, named in both languages."""

    role: str
    name_vi: str
    name_en: str

    def name(self, lang: str) -> str:
        return self.name_vi if lang == "vi" else self.name_en


@dataclass(frozen=True)
class UnitBehind:
    """A unit whose own figure is below a target's threshold."""

    name: str
    kind: str
    value: Fraction
    shortfall: int | None


@dataclass(frozen=True)
class UnitResult:
    """A unit of the submission's breakdown with every figure it reported: shown whether or not a target applies."""

    name: str
    kind: UnitKind
    indicators: dict[str, Figure]
    counts: dict[str, Count]


@dataclass(frozen=True)
class Finding:
    """One target judged: its status, figure, gap and shortfall, who leads and which units are behind."""

    target: Target
    instrument: Instrument
    unit: str  # the metric's unit: percent | points | count
    status: Status
    figure: Figure | None
    gap: Fraction | None  # points below the threshold (None when met or without data)
    shortfall: int | None  # fewest additional items that would meet the threshold, denominator fixed
    lead: Agency | None = None
    support: tuple[Agency, ...] = ()
    units_behind: tuple[UnitBehind, ...] = ()
    rules: tuple[str, ...] = ()  # the rules that decided this finding
    waiver: Any = None  # the waiver in force (engine.check.waivers.Waiver), when the status is waived
    not_judged: Problem | None = None  # no data because the figure reported has an error: the error

    @property
    def threshold(self) -> Decimal:
        return self.target.threshold.value


@dataclass
class FileResult:
    """What the check of one submission found: its body, period, figures, findings and problems."""

    file: str
    body: Body | None = None  # the province or ministry; None when the file could not be read
    period: Period | None = None
    as_of: date | None = None
    indicators: dict[str, Figure] = field(default_factory=dict)
    counts: dict[str, Count] = field(default_factory=dict)  # as given, summed or implied
    findings: list[Finding] = field(default_factory=list)
    units: list[UnitResult] = field(default_factory=list)  # in the order the submission gives them
    issues: list[Problem] = field(default_factory=list)
    waivers_used: set[int] = field(default_factory=set)

    @property
    def body_name(self) -> str:
        """ "Tỉnh Hà Giang", "Bộ Tư pháp"; empty when the file could not be read."""
        return self.body.display if self.body else ""

    @property
    def has_errors(self) -> bool:
        return any(p.severity == Severity.ERROR for p in self.issues)

    def statuses(self) -> dict[str, str]:
        return {f.target.id: f.status for f in self.findings}

    def status_counts(self) -> dict[Status, int]:
        """How many findings have each status (every status present, zero or not)."""
        counts = dict.fromkeys(Status, 0)
        for f in self.findings:
            counts[f.status] += 1
        return counts


@dataclass
class RunResult:
    """The results of every file of a run, in order, and the exit code they give."""

    files: list[FileResult]
    submissions: list[Submission | None] = field(default_factory=list)  # when kept: a report needs them

    def exit_code(self, fail_on: str = FailOn.MISSED) -> int:
        if any(f.has_errors for f in self.files):
            return 2
        failing = FAILING[fail_on]
        return 1 if any(x.status in failing for f in self.files for x in f.findings) else 0
