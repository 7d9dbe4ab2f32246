"""`tthc-check compute`: dossier records → a submission in the core format, with the data-quality report.

The submission is validated by the same model as any hand-written one before it is written; what was left out
is in its header and in the problems returned (warnings, with row numbers), never dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from engine.catalogue import Catalogue
from engine.errors import Location, Problem, Quantity
from engine.model.periods import Period
from engine.model.plain import read_submission_in
from engine.model.submission import dump_submission
from engine.model.submission_in import SubmissionIn
from engine.records import query
from engine.records.mapping import Mapping
from engine.records.quality import SAMPLED, Exclusion, describe, reason_text, rejected_rows
from engine.records.source import Opened
from engine.vocabulary import Severity

COUNTS = (
    "dossiers_carried_over",
    "dossiers_received_online",
    "dossiers_received_offline",
    "dossiers_resolved_early",
    "dossiers_resolved_on_time",
    "dossiers_resolved_late",
    "dossiers_pending_in_time",
    "dossiers_pending_overdue",
    "dossiers_returned",
)
RATES = {
    "online_payment_rate": ("fee_paid_online", "fee_received"),
    "digitization_rate": ("digitised", "received"),
    "electronic_result_rate": ("electronic_result", "resolved"),
}


@dataclass
class Computed:
    submission: SubmissionIn
    rows: int  # data rows read (the header, a title block and summary rows after the last dossier aside)
    excluded: dict[str, Exclusion]  # reason -> the rows left out for it
    after_cutoff: tuple[int, int | None]  # rows dated after the cut-off, the first row
    problems: list[Problem]
    rejected: list[dict[str, Any]] | None = None  # the rows left out, with their reason, when asked for
    footer: int = 0

    @property
    def excluded_rows(self) -> int:
        return sum(e.rows for e in self.excluded.values())

    def text(self) -> str:
        lines = [
            "# Tính từ hồ sơ bằng tthc-check compute / computed from dossier records by tthc-check compute",
            f"# {self.rows:,} dòng đọc / rows read; công thức: README, 'Computing from dossier records'",
        ]
        for reason, e in sorted(self.excluded.items()):
            why = reason_text(reason)
            rows = ", ".join(map(str, e.first)) + (", …" if e.rows > len(e.first) else "")
            lines.append(f"# loại {e.rows:,} dòng: {why.vi} / excluded {e.rows:,} rows: {why.en} (dòng / rows {rows})")
        if self.after_cutoff[0]:
            lines.append(
                f"# không tính {self.after_cutoff[0]:,} hồ sơ tiếp nhận sau ngày chốt / not counted: "
                f"{self.after_cutoff[0]:,} received after the cut-off (dòng / row {self.after_cutoff[1]})"
            )
        return "\n".join(lines) + "\n" + dump_submission(self.submission)


def _figures(row: dict[str, int]) -> tuple[dict[str, Any], dict[str, int]]:
    indicators = {m: {"numerator": row[n], "denominator": row[d]} for m, (n, d) in RATES.items() if row[d] > 0}
    return indicators, {c: row[c] for c in COUNTS}


def compute_submission(
    opened: Opened,
    mapping: Mapping,
    province: str,
    period: Period,
    as_of: date | None,
    display: str,
    cat: Catalogue,
    *,
    keep_rejected: bool = False,
) -> Computed:
    groups = _groups(opened, mapping, period, as_of)
    units = sorted((g for g in groups if g["reason"] is None), key=lambda g: g["unit"])
    excluded: dict[str, Exclusion] = {}
    for g in groups:
        if g["reason"] is not None:
            e = excluded.setdefault(g["reason"], Exclusion(g["reason"], 0, []))
            e.rows += g["rows"]
            e.first = sorted(e.first + list(g["flagged_rows"] or []))[:5]
    left_out = None
    if excluded:
        left_out = rejected_rows(opened, _flagged(groups, everyone=keep_rejected))
        describe(left_out, mapping, excluded)
    late = sum(u["after_cutoff"] for u in units)
    first_late = min((u["first_after_cutoff"] for u in units if u["first_after_cutoff"] is not None), default=None)
    total = {
        k: sum(u[k] for u in units)
        for k in COUNTS + ("fee_received", "fee_paid_online", "digitised", "received", "resolved", "electronic_result")
    }
    indicators, flow = _figures(total) if units else ({}, {})
    doc: dict[str, Any] = {
        "province": province,
        "period": period.label,
        "indicators": indicators,
        "counts": flow,
        "units": [
            {
                "name": u["unit"],
                "kind": mapping.kind_of(u["unit"]),
                "indicators": _figures(u)[0],
                "counts": _figures(u)[1],
            }
            for u in units
        ],
    }
    if as_of:
        doc["as_of"] = as_of
    rows = sum(g["rows"] for g in groups)
    problems = _problems(excluded, late, first_late, opened.footer, display)
    return Computed(
        read_submission_in(doc),
        rows,
        excluded,
        (late, first_late),
        problems,
        left_out if keep_rejected else None,
        opened.footer,
    )


def _flagged(groups: list[dict[str, Any]], everyone: bool) -> dict[int, str]:
    """Each row left out -> its reason: every one for the rejected rows' file, else the first SAMPLED of each reason,
    all that the data-quality report shows or reads (samples, and the date formats that would read them)."""
    out: dict[int, str] = {}
    for reason in sorted({g["reason"] for g in groups if g["reason"] is not None}):
        rows = sorted(row for g in groups if g["reason"] == reason for row in g["flagged_rows"] or [])
        out.update((row, reason) for row in (rows if everyone else rows[:SAMPLED]))
    return out


def _groups(opened: Opened, mapping: Mapping, period: Period, as_of: date | None) -> list[dict[str, Any]]:
    """The counts of each unit, and of each reason rows were left out for (with those rows' numbers)."""

    def expression() -> Any:
        from engine.records import definitions  # Ibis: only when the query is not cached (engine/records/query.py)

        norm = definitions.normalise(opened.table, mapping, backend="duckdb")
        return definitions.aggregate(norm, period.start, period.end, as_of, variables=True)

    variables = dict(zip(query.VARIABLES, query.bounds(period.start, period.end, as_of), strict=True))
    return query.run(opened, "groups", (mapping.model_dump_json(),), expression, variables)


def _problems(
    excluded: dict[str, Exclusion], late: int, first_late: int | None, footer: int, display: str
) -> list[Problem]:
    """What was left out, said: a warning per reason with its rows and samples, the formats that would read
    unreadable dates, the rows after the cut-off, the summary rows skipped."""
    out = []
    for reason, e in sorted(excluded.items()):
        more = ", …" if e.rows > len(e.first) else ""
        params = {"reason": reason_text(reason), "rows": Quantity(e.rows), "first": ", ".join(map(str, e.first)) + more}
        params["samples"] = " | ".join(e.samples)
        out.append(Problem("records.excluded", params, Location(display), Severity.WARNING))
        for column, formats in sorted(e.formats.items()):
            code = "records.date_formats" if formats else "records.date_no_format"
            out.append(
                Problem(
                    code,
                    {"column": column, "formats": ", ".join(f'"{f}"' for f in formats)},
                    Location(display),
                    Severity.WARNING,
                )
            )
    if late:
        out.append(
            Problem(
                "records.after_cutoff",
                {"rows": Quantity(late), "first": first_late},
                Location(display),
                Severity.WARNING,
            )
        )
    if footer:
        out.append(Problem("records.footer", {"rows": footer}, Location(display), Severity.INFO))
    return out
