"""`compute`: dossier records (CSV, Parquet, Excel) to a submission, the same way for every province (DuckDB)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from engine.errors import Location, Problem, TthcError, UsageError
from engine.io.files import check_not_input, text, write_outputs
from engine.jobs.outcome import EXIT_OK, Outcome, refused
from engine.text.messages import issue_line


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
    progress: bool = False  # DuckDB's progress bar, for a terminal


def run_compute(req: ComputeRequest) -> Outcome:
    from engine.catalogue.bodies import BodyLookupError
    from engine.catalogue.load import load_catalogue
    from engine.model.periods import PeriodError, parse_period
    from engine.records.build import compute_submission
    from engine.records.mapping import load_mapping
    from engine.records.source import connect, open_records

    try:
        cat = load_catalogue(req.targets)
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
        if problems or chosen is None:
            raise UsageError(problems)
        if req.output:
            check_not_input(req.output, [req.records, req.mapping])
        the_map = load_mapping(req.mapping)
        con = connect(req.memory)
        if req.progress:
            con.raw_sql("SET enable_progress_bar = true")
        table = open_records(con, req.records, the_map, req.records)
        computed = compute_submission(table, the_map, req.province, chosen, cut, req.records, cat)
        result = computed.text()
        if req.output:
            write_outputs([(req.output, text(result))])
    except TthcError as exc:
        return refused(exc, req.lang)
    return Outcome(
        EXIT_OK,
        stdout="" if req.output else result,
        stderr=[issue_line(p, req.lang, with_code=False) for p in computed.problems],
    )
