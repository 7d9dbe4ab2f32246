"""The longer jobs of the command line: reports (monthly, briefing), computing a submission from dossier
records, and the Excel template. Like cli.py, they only parse options, build the parts, run them and write."""

from __future__ import annotations

import os
import sys
from typing import Optional

import typer

from engine.cli.main import Format, Lang, ReportFormat, _emit, _fail_setup, _split_waivers, report_app


def _write_docx(name: str, view, output: Optional[str], letterhead: Optional[str]) -> None:
    import tempfile as _tempfile

    from engine.errors import Location, Problem, UsageError
    from engine.io.files import readable
    from engine.report.docx import briefing_docx, load_letterhead, monthly_docx

    if not output:
        raise UsageError([Problem("report.docx_needs_output", {}, Location("-o"))])
    head = load_letterhead(letterhead)
    fd, tmp = _tempfile.mkstemp(prefix=".tthc-check-", suffix=".docx", dir=os.path.dirname(os.path.abspath(output)))
    os.close(fd)
    try:
        (monthly_docx if name == "monthly" else briefing_docx)(view, head, tmp)
        readable(tmp)
        os.replace(tmp, output)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _write_report(html_or_md: str, fmt: str, output: Optional[str], inputs: list[str]) -> None:
    from engine.errors import Location, Problem, UsageError
    from engine.report.render import html_to_pdf

    if fmt == "pdf":
        if not output:
            raise UsageError([Problem("report.pdf_needs_output", {}, Location("-o"))])
        html_to_pdf(html_or_md, output)
    else:
        _emit(html_or_md, output, inputs)


@report_app.command("monthly")
def report_monthly(
    submission: str = typer.Argument(..., metavar="SUBMISSION", help="the month's submission (YAML)"),
    history: Optional[str] = typer.Option(None, "--history", help="folder of earlier submissions"),
    fmt: Optional[ReportFormat] = typer.Option(None, "--format", "-f", help="html | markdown | pdf (default: from -o)"),
    lang: Lang = typer.Option(Lang.vi, "--lang", help="vi | en"),
    output: Optional[list[str]] = typer.Option(None, "--output", "-o", help="write to this file; repeat for several"),
    waivers: Optional[str] = typer.Option(None, "--waivers", help="waivers file (default: waivers.yaml beside it)"),
    letterhead: Optional[str] = typer.Option(None, "--letterhead", help="docx: issuing body, number, signer (YAML)"),
    targets: Optional[str] = typer.Option(None, "--targets", help="catalogue folder"),
    rules: Optional[str] = typer.Option(None, "--rules", help="rules folder"),
) -> None:
    """The monthly compliance report of one province: summary, every target, trend, projection, who is responsible."""
    _report("monthly", [submission], history, fmt, lang, output, targets, rules, waivers, letterhead)


@report_app.command("briefing")
def report_briefing(
    submissions: list[str] = typer.Argument(..., metavar="SUBMISSION...", help="one submission per province (YAML)"),
    history: Optional[str] = typer.Option(None, "--history", help="folder of earlier submissions"),
    fmt: Optional[ReportFormat] = typer.Option(None, "--format", "-f", help="html | markdown | pdf (default: from -o)"),
    lang: Lang = typer.Option(Lang.vi, "--lang", help="vi | en"),
    output: Optional[list[str]] = typer.Option(None, "--output", "-o", help="write to this file; repeat for several"),
    waivers: Optional[str] = typer.Option(None, "--waivers", help="waivers file (default: waivers.yaml beside them)"),
    letterhead: Optional[str] = typer.Option(None, "--letterhead", help="docx: issuing body, number, signer (YAML)"),
    targets: Optional[str] = typer.Option(None, "--targets", help="catalogue folder"),
    rules: Optional[str] = typer.Option(None, "--rules", help="rules folder"),
) -> None:
    """The briefing pack before a meeting: provinces side by side, ranked, then a page per province."""
    _report("briefing", submissions, history, fmt, lang, output, targets, rules, waivers, letterhead)


def _report(name: str, paths: list[str], history: Optional[str], fmt: Optional[ReportFormat], lang: Lang,
            output: Optional[list[str]], targets: Optional[str], rules: Optional[str],
            waivers: Optional[str] = None, letterhead: Optional[str] = None) -> None:
    from engine.check.checker import build_checker
    from engine.errors import TthcError
    from engine.history.store import History
    from engine.io.files import check_not_input, plan
    from engine.report.briefing import build_briefing
    from engine.report.monthly import build_monthly
    from engine.report.render import render_text

    try:
        outputs = plan(output or [], fmt.value if fmt else None,
                       {".html": "html", ".htm": "html", ".md": "markdown", ".pdf": "pdf", ".docx": "docx",
                        ".json": "json"}, "html")
        for _, path in outputs:
            if path:
                check_not_input(path, paths)
        paths, waivers = _split_waivers(paths, waivers)
        checker = build_checker(targets, rules).with_waivers(waivers)
        cat = checker.catalogue
        items = [(sub, checker.evaluate(sub)) for sub in (checker.load(path) for path in paths)]
        past = History.load(history, cat)
        view = (build_monthly(*items[0], past, cat, lang.value) if name == "monthly"
                else build_briefing(items, past, cat, lang.value))
        texts: dict[str, str] = {}
        for kind, path in outputs:  # one evaluation, one view, every format asked for
            if kind == "docx":
                _write_docx(name, view, path, letterhead)
                continue
            if kind == "json":  # the evaluation behind the report, in the check's JSON contract
                from engine.output.json_result import report_json
                from engine.check.result import RunResult

                _emit(report_json(RunResult([r for _, r in items]), cat, lang.value), path, paths)
                continue
            source = "markdown" if kind == "markdown" else "html"
            if source not in texts:
                texts[source] = render_text(view, name, source)
            _write_report(texts[source], kind, path, paths)
    except TthcError as exc:
        _fail_setup(exc, Format.table, lang)
    raise typer.Exit(2 if any(r.has_errors for _, r in items) else 0)


def compute(
    records: str = typer.Argument(..., metavar="RECORDS", help="dossier records: .csv, .parquet or .xlsx"),
    mapping: str = typer.Option(..., "--mapping", help="MAP.yaml: the system's column names and codes"),
    province: str = typer.Option(..., "--province", help="the province (any spelling, or its code)"),
    period: str = typer.Option(..., "--period", help="2024 | 2024-Q3 | 2024-09 | 2024-01/2024-09"),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="cut-off date, YYYY-MM-DD"),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="the submission to write (YAML)"),
    lang: Lang = typer.Option(Lang.vi, "--lang", help="vi | en"),
    memory: str = typer.Option("1GB", "--memory", help="DuckDB's memory limit; larger data spills to disk"),
    targets: Optional[str] = typer.Option(None, "--targets", help="catalogue folder"),
) -> None:
    """Compute a submission from dossier records, the same way for every province (DuckDB)."""
    from datetime import date as _date

    from engine.catalogue import load_catalogue
    from engine.catalogue.geography import ProvinceLookupError
    from engine.errors import Location, Problem, TthcError, UsageError
    from engine.text.messages import issue_line
    from engine.model.periods import PeriodError, parse_period
    from engine.records.build import compute_submission
    from engine.records.mapping import load_mapping
    from engine.records.source import connect, open_records
    from engine.resources import data_dir

    try:
        cat = load_catalogue(targets or data_dir("targets"))
        problems = []
        try:
            chosen = parse_period(period)
            cat.geography.resolve(province, chosen.end)
        except (PeriodError, ProvinceLookupError) as exc:
            problems.append(Problem(exc.code, exc.params, Location("--period" if isinstance(exc, PeriodError) else "--province")))
        cut = None
        if as_of:
            try:
                cut = _date.fromisoformat(as_of)
            except ValueError:
                problems.append(Problem("field.wrong_type", {"value": as_of, "expected": ("date",)}, Location("--as-of")))
        if problems:
            raise UsageError(problems)
        the_map = load_mapping(mapping)
        con = connect(memory)
        if sys.stderr.isatty():  # DuckDB's own progress bar, on long runs only
            con.raw_sql("SET enable_progress_bar = true")
        table = open_records(con, records, the_map, records)
        computed = compute_submission(table, the_map, province, chosen, cut, records, cat)
    except TthcError as exc:
        _fail_setup(exc, Format.table, lang)
    for p in computed.problems:
        sys.stderr.write(issue_line(p, lang.value, with_code=False) + "\n")
    try:
        _write_report(computed.text(), "markdown", output, [records, mapping])
    except TthcError as exc:
        _fail_setup(exc, Format.table, lang)


def template(
    xlsx: bool = typer.Option(False, "--xlsx", help="an Excel workbook (the only kind so far)"),
    output: str = typer.Option(..., "--output", "-o", help="the workbook to write (.xlsx)"),
    province: Optional[str] = typer.Option(None, "--province", help="fill in the province"),
    period: Optional[str] = typer.Option(None, "--period", help="fill in the period"),
    lang: Lang = typer.Option(Lang.vi, "--lang", help="vi | en"),
    targets: Optional[str] = typer.Option(None, "--targets", help="catalogue folder"),
) -> None:
    """Write a submission workbook to fill in: indicators, counts, units; headers, instructions, cell checks."""
    import tempfile as _tempfile

    from engine.catalogue import load_catalogue
    from engine.errors import Location, Problem, TthcError, UsageError
    from engine.resources import data_dir
    from engine.io.files import readable
    from engine.io.template import write_template

    try:
        if not xlsx or not output.lower().endswith(".xlsx"):
            raise UsageError([Problem("usage.template_xlsx", {}, Location(output))])
        if os.path.exists(output):
            raise UsageError([Problem("usage.output_exists", {"path": output}, Location(output))])
        cat = load_catalogue(targets or data_dir("targets"))
        folder = os.path.dirname(os.path.abspath(output))
        fd, tmp = _tempfile.mkstemp(prefix=".tthc-check-", suffix=".xlsx", dir=folder)
        os.close(fd)
        try:
            write_template(tmp, cat, province, period)
            readable(tmp)
            os.replace(tmp, output)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except TthcError as exc:
        _fail_setup(exc, Format.table, lang)
