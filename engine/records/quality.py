"""The data-quality report of `compute`: the rows left out, by reason, in words (never a raw code), with the row
numbers the user's spreadsheet shows and a few of the values that caused it; for dates that cannot be read, the
formats that would read them; and the rows themselves, to send back to the unit (--rejected)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from engine.catalogue.models import Text
from engine.records.mapping import Mapping
from engine.records.query import rows
from engine.records.source import Opened
from engine.text.labels import label

REASONS = (
    "missing_id",
    "duplicate_id",
    "missing_unit",
    "bad_received",
    "bad_date",
    "resolved_before_received",
    "unknown_channel",
    "unknown_flag",
)
_COLUMNS = {  # the mapped fields whose values show why a row was left out
    "missing_id": ("dossier_id",),
    "duplicate_id": ("dossier_id",),
    "missing_unit": ("unit",),
    "bad_received": ("received_at",),
    "bad_date": ("due_at", "resolved_at"),
    "resolved_before_received": ("received_at", "resolved_at"),
    "unknown_channel": ("channel",),
    "unknown_flag": ("returned", "has_fee", "paid_online", "digitised", "electronic_result"),
}
_DATE_FIELDS = {"bad_received": ("received_at",), "bad_date": ("due_at", "resolved_at")}
# formats one-stop systems write dates in; offered when the mapping's format does not read a column's dates
CANDIDATE_FORMATS = (
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y",
    "%d-%m-%Y %H:%M",
    "%d-%m-%Y",
    "%d.%m.%Y",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y",
    "%Y/%m/%d",
)
SAMPLES = 3
SAMPLED = 50  # rows of each reason read to guess the date formats that would read them (and to show SAMPLES)


def reason_text(reason: str) -> Text:
    """A reason in both languages, for messages and the rejected rows' file."""
    return Text(vi=label(f"reason_{reason}", "vi"), en=label(f"reason_{reason}", "en"))


@dataclass
class Exclusion:
    reason: str
    rows: int
    first: list[int]  # row numbers as the spreadsheet shows them
    samples: list[str] = field(default_factory=list)  # "dòng 12: NgayTiepNhan = 12/13/2024"
    formats: dict[str, list[str]] = field(default_factory=dict)  # date column -> formats that read its samples


def rejected_rows(opened: Opened, flagged: dict[int, str]) -> list[dict[str, Any]]:
    """The rows left out, with their reason, as the file has them (in file order). The rows and
    their reasons are those the counts' query listed, read from the records by number, not found again (which
    re-ran the whole normalisation: 40 % of a million-row compute). The numbers are written into the SQL: a bound
    parameter, a registered table or an Arrow array built here makes the DuckDB client or pyarrow import pandas
    (0.3 s). From Parquet, the filter is on the file's own row numbers, inside the scan, which then skips what it
    can (0.6 of the time through the view)."""
    by_reason: dict[str, list[int]] = {}
    for n in sorted(flagged):
        by_reason.setdefault(flagged[n], []).append(int(n))
    reason = " ".join(
        f"WHEN _row IN ({_listed(numbers)}) THEN '{why.replace(chr(39), chr(39) * 2)}'"
        for why, numbers in by_reason.items()
    )
    every = sorted(flagged)
    if opened.parquet:
        records = (
            f"(SELECT file_row_number + 1 AS _row, * EXCLUDE (file_row_number) FROM {opened.parquet} "
            f"WHERE file_row_number IN ({_listed(int(n) - 1 for n in every)}))"
        )
    else:
        records = f'(SELECT * FROM "{opened.name}" WHERE _row IN ({_listed(int(n) for n in every)}))'
    sql = f"SELECT *, CASE {reason} END AS reason FROM {records} ORDER BY _row"
    return rows(opened.con.sql(sql))


def _listed(numbers: Iterable[int]) -> str:
    return ", ".join(str(n) for n in numbers)


def describe(rejected: list[dict[str, Any]], mapping: Mapping, exclusions: dict[str, Exclusion]) -> None:
    """Samples of the values behind each reason, and for unreadable dates the formats that read them."""
    columns = mapping.columns.model_dump()
    for reason, exc in exclusions.items():
        mine = [r for r in rejected if r["reason"] == reason]
        for r in mine[:SAMPLES]:
            shown = "; ".join(f"{columns[f]} = {r.get(columns[f]) or '∅'}" for f in _COLUMNS[reason])
            exc.samples.append(f"{r['_row']}: {shown}")
        for f in _DATE_FIELDS.get(reason, ()):
            values = [str(r.get(columns[f]) or "").strip() for r in mine[:SAMPLED]]
            values = [v for v in values if v]
            if values and not _reads(mapping.date_format, values):
                exc.formats[columns[f]] = [fmt for fmt in CANDIDATE_FORMATS if _reads(fmt, values)]


def _reads(fmt: str, values: list[str]) -> bool:
    try:
        for v in values:
            datetime.strptime(v, fmt)
    except ValueError:
        return False
    return True
