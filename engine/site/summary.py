"""What the site shows of one submission, as plain data: its body and period, each finding's status, value, gap and
shortfall (exact, for sorting; and as shown, by the one formatter), who answers for it, the units behind, and the
problems the check found. Small and picklable: the site's per-file cache holds these, so an unchanged file is
neither read nor checked again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from engine.catalogue import Catalogue
from engine.catalogue.bodies import Body
from engine.check.result import FileResult, Finding
from engine.output import view
from engine.text import fmt
from engine.text.labels import label
from engine.text.messages import issue_line
from engine.vocabulary import Severity


@dataclass(frozen=True)
class SiteFinding:
    target: str
    metric: str  # the metric's name
    status: str
    status_text: str
    value: Fraction | None
    value_text: str
    threshold_text: str
    gap: Fraction | None
    gap_text: str
    shortfall: int | None
    shortfall_text: str
    lead: str
    units_behind: str
    unverified: bool


@dataclass(frozen=True)
class Summary:
    file: str  # the path as the history folder's walk gives it
    key: tuple[str, str, str] | None  # scope, era, code; None when the file could not be read
    body: Body | None
    body_name: str
    period: str  # "2024-11"
    period_text: str  # "11/2024", "tháng 11 năm 2024" as the reports write it
    period_start: date | None
    period_end: date | None
    modified: date  # the file's modification date: when a deadline is set, what "late" is judged by
    findings: tuple[SiteFinding, ...]
    issues: tuple[str, ...]  # each problem on one line, with its place
    errors: int  # how many of them are errors (the figures concerned were not used)

    @property
    def id(self) -> str:
        """ "province:34:08": the body, across the files that name it."""
        return ":".join(self.key) if self.key else ""


def summarise(result: FileResult, cat: Catalogue, lang: str, modified: date) -> Summary:
    body = result.body
    period = result.period
    findings = tuple(_finding(f, cat, lang) for f in result.findings)
    issues = tuple(issue_line(p, lang, with_code=False) for p in result.issues)
    errors = sum(1 for p in result.issues if p.severity == Severity.ERROR)
    return Summary(
        file=result.file,
        key=(body.scope, body.era, body.code) if body else None,
        body=body,
        body_name=result.body_name,
        period=period.label if period else "",
        period_text=fmt.period(period, lang) if period else "",
        period_start=period.start if period else None,
        period_end=period.end if period else None,
        modified=modified,
        findings=findings,
        issues=issues,
        errors=errors,
    )


def _finding(f: Finding, cat: Catalogue, lang: str) -> SiteFinding:
    row = view.row(f, cat, lang)
    return SiteFinding(
        target=f.target.id,
        metric=row.metric,
        status=str(f.status),
        status_text=label(f.status, lang),
        value=f.figure.value if f.figure else None,
        value_text=row.value,
        threshold_text=row.threshold,
        gap=f.gap,
        gap_text=row.gap,
        shortfall=f.shortfall,
        shortfall_text=row.shortfall,
        lead=row.lead,
        units_behind=row.units_behind,
        unverified=row.unverified,
    )
