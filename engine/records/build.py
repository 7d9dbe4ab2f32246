"""`tthc-check compute`: dossier records → a submission in the core format, with the data-quality report.

The submission is validated by the same model as any hand-written one before it is written; what was left out
is in its header and in the problems returned (warnings, with row numbers), never dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from engine.catalogue import Catalogue
from engine.errors import Location, Problem
from engine.model.periods import Period
from engine.model.submission import SubmissionIn, dump_submission
from engine.records import definitions
from engine.records.mapping import Mapping
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
    rows: int
    excluded: dict[str, tuple[int, list[int]]]  # reason -> (rows, first row numbers)
    after_cutoff: tuple[int, int | None]  # rows dated after the cut-off, the first row
    problems: list[Problem]

    def text(self) -> str:
        lines = [
            "# Tính từ hồ sơ bằng tthc-check compute / computed from dossier records by tthc-check compute",
            f"# {self.rows:,} dòng đọc / rows read; công thức: README, 'Computing from dossier records'",
        ]
        for reason, (n, first) in sorted(self.excluded.items()):
            lines.append(
                f"# loại / excluded: {n:,} {reason} (rows {', '.join(map(str, first))}{', …' if n > len(first) else ''})"
            )
        if self.after_cutoff[0]:
            lines.append(
                f"# không tính / not counted: {self.after_cutoff[0]:,} received after the cut-off "
                f"(first row {self.after_cutoff[1]})"
            )
        return "\n".join(lines) + "\n" + dump_submission(self.submission)


def _figures(row: dict[str, int]) -> tuple[dict[str, Any], dict[str, int]]:
    indicators = {m: {"numerator": row[n], "denominator": row[d]} for m, (n, d) in RATES.items() if row[d] > 0}
    return indicators, {c: row[c] for c in COUNTS}


def compute_submission(
    table: Any, mapping: Mapping, province: str, period: Period, as_of: date | None, display: str, cat: Catalogue
) -> Computed:
    norm = definitions.normalise(table, mapping)
    groups = definitions.aggregate(norm, period.start, period.end, as_of).to_pyarrow().to_pylist()
    units = sorted((g for g in groups if g["reason"] is None), key=lambda g: g["unit"])
    excluded: dict[str, tuple[int, list[int]]] = {}
    for g in groups:
        if g["reason"] is not None:
            n, rows = excluded.get(g["reason"], (0, []))
            excluded[g["reason"]] = (n + g["rows"], sorted(rows + list(g["flagged_rows"] or []))[:5])
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
    problems = [
        Problem(
            "records.excluded",
            {"reason": reason, "rows": n, "first": ", ".join(map(str, first))},
            Location(display),
            Severity.WARNING,
        )
        for reason, (n, first) in sorted(excluded.items())
    ]
    if late:
        problems.append(
            Problem("records.after_cutoff", {"rows": late, "first": first_late}, Location(display), Severity.WARNING)
        )
    rows = sum(g["rows"] for g in groups)
    return Computed(SubmissionIn.model_validate(doc), rows, excluded, (late, first_late), problems)
