"""`compute`: dossier records (CSV, Parquet, spreadsheets) to a submission, the same way for every province (DuckDB).

Never an empty success: when more rows are left out than `max_excluded` percent (or none could be read), nothing is
written over the output and the run exits 2 with the reasons; the rows left out go back to the unit with
`rejected` (CSV or Excel), their reason in words and their row number as the spreadsheet shows it."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from engine.errors import DataFileError, Location, Problem, Quantity, TthcError, UsageError
from engine.io.files import Writer, check_not_input, text, write_outputs
from engine.jobs.outcome import EXIT_OK, Outcome, refused
from engine.text.messages import issue_line

OUTPUT_EXTENSIONS = (".yaml", ".yml")
REJECTED_EXTENSIONS = (".csv", ".xlsx")


MEMORY = re.compile(r"\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)", re.IGNORECASE)  # DuckDB's sizes


@dataclass
class ComputeRequest:
    records: str
    mapping: str
    province: str
    period: str
    as_of: str | None = None
    output: str | None = None
    lang: str = "vi"
    memory: str = "1GB"
    targets: str | None = None
    progress: Callable[[str], None] | None = None  # progress lines, for a terminal
    max_excluded: str = "5"  # percent of the rows that may be left out before the run refuses to write
    rejected: str | None = None  # where to write the rows left out (.csv or .xlsx)


def run_compute(req: ComputeRequest) -> Outcome:
    from engine.catalogue.load import load_catalogue
    from engine.records.build import compute_submission
    from engine.records.mapping import load_mapping
    from engine.records.source import connect, open_records

    try:
        cat = load_catalogue(req.targets)
        chosen, cut, limit = _options(req, cat)
        the_map = load_mapping(req.mapping)
        with tempfile.TemporaryDirectory(prefix="tthc-check-") as work:  # DuckDB's spill files, removed after
            con = connect(req.memory, work)
            if req.progress:
                con.raw_sql("SET enable_progress_bar = true")
            opened = open_records(con, req.records, the_map, req.records, req.progress)
            computed = compute_submission(
                opened, the_map, req.province, chosen, cut, req.records, cat, keep_rejected=bool(req.rejected)
            )
            writers: list[tuple[str, Writer]] = []
            if req.rejected:
                writers.append((req.rejected, _rejected(computed.rejected, [c for c, _ in opened.schema()], req.lang)))
        refusal = _refusal(computed.rows, computed.excluded_rows, limit, req.records)
        if refusal:
            write_outputs(writers)  # the rows left out still go back to the unit
            raise DataFileError([refusal, *computed.problems])
        result = computed.text()
        if req.output:
            writers.append((req.output, text(result)))
        write_outputs(writers)
    except TthcError as exc:
        return refused(exc, req.lang)
    return Outcome(
        EXIT_OK,
        stdout="" if req.output else result,
        stderr=[issue_line(p, req.lang, with_code=False) for p in computed.problems],
    )


def _options(req: ComputeRequest, cat: Any) -> tuple[Any, date | None, Decimal]:
    """The period, the cut-off and the limit, checked; the outputs' names checked against the inputs."""
    from engine.catalogue.bodies import BodyLookupError
    from engine.model.periods import PeriodError, parse_period

    problems = []
    chosen = cut = None
    try:
        chosen = parse_period(req.period)
        cat.geography.resolve(req.province, chosen.end)
    except (PeriodError, BodyLookupError) as exc:
        where = "--period" if isinstance(exc, PeriodError) else "--province"
        problems.append(Problem(exc.code, exc.params, Location(where)))
    if req.as_of:
        try:
            cut = date.fromisoformat(req.as_of)
        except ValueError:
            problems.append(
                Problem("field.wrong_type", {"value": req.as_of, "expected": ("date",)}, Location("--as-of"))
            )
    try:
        limit = Decimal(req.max_excluded.replace(",", ".").rstrip("% "))
        if not limit.is_finite() or not 0 <= limit <= 100:
            raise InvalidOperation
    except InvalidOperation:
        problems.append(Problem("usage.max_excluded", {"value": req.max_excluded}, Location("--max-excluded")))
        limit = Decimal(0)
    if not MEMORY.fullmatch(req.memory.strip()):  # checked here, so that nothing but a size reaches DuckDB's SQL
        problems.append(Problem("usage.memory", {"value": req.memory}, Location("--memory")))
    for path, allowed, option in (
        (req.output, OUTPUT_EXTENSIONS, "-o"),
        (req.rejected, REJECTED_EXTENSIONS, "--rejected"),
    ):
        if path and os.path.splitext(path)[1].lower() not in allowed:
            problems.append(
                Problem("usage.output_extension_fixed", {"path": path, "known": ", ".join(allowed)}, Location(option))
            )
        elif path:
            check_not_input(path, [req.records, req.mapping])
    if req.output and req.rejected and os.path.abspath(req.output) == os.path.abspath(req.rejected):
        problems.append(Problem("usage.output_twice", {"path": req.output}, Location("--rejected")))
    if problems or chosen is None:
        raise UsageError(problems)
    return chosen, cut, limit


def _refusal(rows: int, excluded: int, limit: Decimal, display: str) -> Problem | None:
    """Too many rows left out, or none to count: an error, never an empty success."""
    if rows == 0:
        return Problem("records.no_rows", {}, Location(display))
    share = Decimal(excluded * 100) / Decimal(rows)
    if share <= limit:
        return None
    shown = share.quantize(Decimal("0.1"))
    params = {"excluded": Quantity(excluded), "rows": Quantity(rows), "share": shown, "limit": limit}
    return Problem("records.too_many_excluded", params, Location(display))


def _rejected(rejected: Any, columns: list[str], lang: str) -> Writer:
    """The rows left out, first their row number and reason in words, then every column as the file has it."""
    from engine.io.tables import Sheet, write_csv, write_xlsx
    from engine.records.quality import reason_text
    from engine.text.labels import label

    source = [c for c in columns if c != "_row"]
    header = [label("rejected_row", lang), label("rejected_reason", lang), *source]
    rows = [[r["_row"], reason_text(r["reason"]).get(lang), *(r.get(c) for c in source)] for r in (rejected or [])]

    def write(path: str) -> None:
        if path.lower().endswith(".xlsx"):
            write_xlsx(path, [Sheet(label("rejected_sheet", lang), header, rows, [8, 40])])
        else:
            write_csv(path, header, rows, decimal_comma=lang == "vi")

    return write
