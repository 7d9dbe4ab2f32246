"""The command line: parse options, build the parts, run them, map the result to an exit code. Nothing else.

Exit codes: 0 nothing missed; 1 a target missed (or at risk with --fail-on at_risk); 2 bad input or usage;
3 internal error (with the path of a log holding the traceback); 130 interrupted.
"""

from __future__ import annotations

import enum
import os
import sys
import tempfile
import time
import traceback
from typing import Optional

# We use no pydantic plugin: skip pydantic's scan of every installed package's entry points at start-up
# (about 16 ms of a cold run). Set before typer, which imports pydantic.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import typer  # noqa: E402

from engine import __version__  # noqa: E402

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None, pretty_exceptions_enable=False,
                  help="Kiểm tra số liệu cải cách TTHC của tỉnh so với chỉ tiêu pháp lý / Check a province's TTHC "
                       "reform figures against the legal targets.")
SUBCOMMANDS = ("check", "targets", "rules", "schema", "report", "compute", "template")
report_app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                         help="Báo cáo / reports: monthly (một tỉnh, một tháng), briefing (nhiều tỉnh, trước cuộc họp).")
app.add_typer(report_app, name="report")


class Format(str, enum.Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


class Lang(str, enum.Enum):
    vi = "vi"
    en = "en"


class ReportFormat(str, enum.Enum):
    html = "html"
    markdown = "markdown"
    pdf = "pdf"
    docx = "docx"


class FailOn(str, enum.Enum):
    missed = "missed"
    at_risk = "at_risk"


def _emit(text: str, output: Optional[str], inputs: list[str]) -> None:
    from engine.output import check_not_input, write_atomic

    if output:
        check_not_input(output, inputs)
        write_atomic(output, text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _fail_setup(exc, fmt: Format, lang: Lang) -> None:
    """The catalogue or the rules are invalid: list every problem, exit 2."""
    from engine.result import FileResult, RunResult

    run = RunResult([FileResult(p.location.file or "-", issues=[p]) for p in exc.problems])
    if fmt == Format.json:
        from engine.reporters.json_report import report_json

        sys.stdout.write(report_json(run, None, lang.value))  # type: ignore[arg-type]
    else:
        from engine.reporters.view import issue_lines

        for r in run.files:
            for line in issue_lines(r, lang.value):
                sys.stderr.write(line + "\n")
    raise typer.Exit(2)


@app.command()
def check(
    files: list[str] = typer.Argument(..., metavar="FILE...", help="submission files (YAML)"),
    fmt: Optional[Format] = typer.Option(None, "--format", "-f", help="table | json | markdown (default: table)"),
    lang: Lang = typer.Option(Lang.vi, "--lang", help="vi | en"),
    output: Optional[list[str]] = typer.Option(None, "--output", "-o",
                                               help="write to this file, atomically; repeat for several formats"),
    fail_on: FailOn = typer.Option(FailOn.missed, "--fail-on", help="exit 1 on: missed | at_risk"),
    waivers: Optional[str] = typer.Option(None, "--waivers", help="waivers file (default: waivers.yaml beside the files)"),
    targets: Optional[str] = typer.Option(None, "--targets", help="catalogue folder (default: the shipped targets/)"),
    rules: Optional[str] = typer.Option(None, "--rules", help="rules folder (default: the shipped rules/)"),
) -> None:
    """Check submission files against the targets that apply to their period."""
    from engine.checker import build_checker
    from engine.errors import TthcError, UsageError
    from engine.output import check_not_input, plan
    from engine.reporters import get_reporter

    shown = fmt or Format.table
    try:
        outputs = plan(output or [], fmt.value if fmt else None, {".json": "json", ".md": "markdown", ".txt": "table"},
                       "table")
        for _, path in outputs:
            if path:
                check_not_input(path, files)
        files, waivers = _split_waivers(files, waivers)
        checker = build_checker(targets, rules).with_waivers(waivers)
        run = checker.run(files)  # rules that leave a target without a status fail here: exit 2 too
        for kind, path in outputs:  # every output from the one evaluation
            _emit(get_reporter(kind)(run, checker.catalogue, lang.value), path, files)
    except TthcError as exc:
        _fail_setup(exc, shown, lang)
    raise typer.Exit(run.exit_code(fail_on.value))


def _write_docx(name: str, view, output: Optional[str], letterhead: Optional[str]) -> None:
    import tempfile as _tempfile

    from engine.errors import Location, Problem, UsageError
    from engine.output import readable
    from engine.reports.docx_report import briefing_docx, load_letterhead, monthly_docx

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


def _split_waivers(files: list[str], waivers: Optional[str]) -> tuple[list[str], Optional[str]]:
    """The waivers file: --waivers, or waivers.yaml beside the submissions; never itself checked as one."""
    if waivers is None and files:
        beside = os.path.join(os.path.dirname(files[0]) or ".", "waivers.yaml")
        waivers = beside if os.path.isfile(beside) else None
    if waivers is None:
        return files, None
    same = [f for f in files if os.path.exists(f) and os.path.samefile(f, waivers)]
    return [f for f in files if f not in same], waivers


def _write_report(html_or_md: str, fmt: str, output: Optional[str], inputs: list[str]) -> None:
    from engine.errors import Location, Problem, UsageError
    from engine.reports.render import html_to_pdf

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
    from engine.checker import build_checker
    from engine.errors import TthcError
    from engine.history import History
    from engine.output import check_not_input, plan
    from engine.reports.briefing import build_briefing
    from engine.reports.monthly import build_monthly
    from engine.reports.render import render_text

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
                from engine.reporters.json_report import report_json
                from engine.result import RunResult

                _emit(report_json(RunResult([r for _, r in items]), cat, lang.value), path, paths)
                continue
            source = "markdown" if kind == "markdown" else "html"
            if source not in texts:
                texts[source] = render_text(view, name, source)
            _write_report(texts[source], kind, path, paths)
    except TthcError as exc:
        _fail_setup(exc, Format.table, lang)
    raise typer.Exit(2 if any(r.has_errors for _, r in items) else 0)


@app.command("compute")
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
    from engine.messages import location_text, render, severity_word
    from engine.periods import PeriodError, parse_period
    from engine.records.compute import compute_submission
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
        sys.stderr.write(f"{location_text(p, lang.value)}: {severity_word(p.severity, lang.value)}: {render(p, lang.value)}\n")
    try:
        _write_report(computed.text(), "markdown", output, [records, mapping])
    except TthcError as exc:
        _fail_setup(exc, Format.table, lang)


@app.command("targets")
def list_targets(
    lang: Lang = typer.Option(Lang.vi, "--lang", help="vi | en"),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table | json | markdown"),
    targets: Optional[str] = typer.Option(None, "--targets", help="catalogue folder"),
) -> None:
    """List the targets in the catalogue with their instruments and confidence."""
    from engine.catalogue import load_catalogue
    from engine.catalogue_report import catalogue_json, catalogue_markdown, catalogue_table
    from engine.errors import TthcError
    from engine.resources import data_dir

    try:
        cat = load_catalogue(targets or data_dir("targets"))
    except TthcError as exc:
        _fail_setup(exc, fmt, lang)
    render = {Format.json: catalogue_json, Format.markdown: catalogue_markdown, Format.table: catalogue_table}[fmt]
    sys.stdout.write(render(cat, lang.value))


@app.command("rules")
def list_rules(
    lang: Lang = typer.Option(Lang.vi, "--lang", help="vi | en"),
    targets: Optional[str] = typer.Option(None, "--targets", help="catalogue folder"),
    rules: Optional[str] = typer.Option(None, "--rules", help="rules folder"),
) -> None:
    """Validate the rules and list them with what each one decides."""
    from engine.catalogue import load_catalogue
    from engine.errors import TthcError
    from engine.resources import data_dir
    from engine.rulebook import load_rulebook

    try:
        book = load_rulebook(rules or data_dir("rules"), load_catalogue(targets or data_dir("targets")))
    except TthcError as exc:
        _fail_setup(exc, Format.table, lang)
    for rule in sorted(book.rules.values(), key=lambda r: (r.location.file or "", r.location.line or 0)):
        sys.stdout.write(f"{rule.location.file}:{rule.location.line}: {rule.id} ({rule.action})\n"
                         f"  {rule.description.get(lang.value)}\n")


@app.command("template")
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
    from engine.output import readable
    from engine.xlsx_template import write_template

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


@app.command("schema")
def schema() -> None:
    """Print the JSON Schema of the submission format (for editors)."""
    from engine.schema import submission_schema_text

    sys.stdout.write(submission_schema_text())


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"tthc-check {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="show the version")) -> None:
    """tthc-check FILE... checks files; subcommands: targets, schema."""


def _log_internal_error() -> str:
    path = os.path.join(tempfile.gettempdir(), f"tthc-check-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.log")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(f"tthc-check {__version__}, Python {sys.version.split()[0]}, argv {sys.argv!r}\n")
        traceback.print_exc(file=fh)
    return path


def main(argv: Optional[list[str]] = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] not in SUBCOMMANDS and args[0] not in ("--help", "-h", "--version"):
        args.insert(0, "check")  # a first argument that is not a subcommand is a file to check
    try:
        code = app(args=args, prog_name="tthc-check", standalone_mode=False)
    except typer.Exit as exc:
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("\ntthc-check: interrupted / đã dừng\n")
        return 130
    except typer.Abort:
        return 130
    except Exception as exc:  # noqa: BLE001 - the one place that maps internal errors to exit 3
        if callable(getattr(exc, "show", None)) and isinstance(getattr(exc, "exit_code", None), int):
            exc.show()  # a usage error from the option parser (Click's, vendored or not): exit 2
            return exc.exit_code
        path = _log_internal_error()
        sys.stderr.write(f"tthc-check: lỗi nội bộ / internal error: {type(exc).__name__}: {exc}\n"
                         f"  chi tiết / details: {path}\n")
        return 3
    return code if isinstance(code, int) else 0
