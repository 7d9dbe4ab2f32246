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
    from engine.io.files import check_not_input, write_atomic

    if output:
        check_not_input(output, inputs)
        write_atomic(output, text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _fail_setup(exc, fmt: Format, lang: Lang) -> None:
    """The catalogue or the rules are invalid: list every problem, exit 2."""
    from engine.check.result import FileResult, RunResult

    run = RunResult([FileResult(p.location.file or "-", issues=[p]) for p in exc.problems])
    if fmt == Format.json:
        from engine.output.json_result import report_json

        sys.stdout.write(report_json(run, None, lang.value))  # type: ignore[arg-type]
    else:
        from engine.output.view import issue_lines

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
    from engine.check.checker import build_checker
    from engine.errors import TthcError
    from engine.io.files import check_not_input, plan
    from engine.output import get_reporter

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


def _split_waivers(files: list[str], waivers: Optional[str]) -> tuple[list[str], Optional[str]]:
    """The waivers file: --waivers, or waivers.yaml beside the submissions; never itself checked as one."""
    if waivers is None and files:
        beside = os.path.join(os.path.dirname(files[0]) or ".", "waivers.yaml")
        waivers = beside if os.path.isfile(beside) else None
    if waivers is None:
        return files, None
    same = [f for f in files if os.path.exists(f) and os.path.samefile(f, waivers)]
    return [f for f in files if f not in same], waivers


@app.command("targets")
def list_targets(
    lang: Lang = typer.Option(Lang.vi, "--lang", help="vi | en"),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table | json | markdown"),
    targets: Optional[str] = typer.Option(None, "--targets", help="catalogue folder"),
) -> None:
    """List the targets in the catalogue with their instruments and confidence."""
    from engine.catalogue import load_catalogue
    from engine.catalogue.listing import catalogue_json, catalogue_markdown, catalogue_table
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
    from engine.rules.rulebook import load_rulebook

    try:
        book = load_rulebook(rules or data_dir("rules"), load_catalogue(targets or data_dir("targets")))
    except TthcError as exc:
        _fail_setup(exc, Format.table, lang)
    for rule in sorted(book.rules.values(), key=lambda r: (r.location.file or "", r.location.line or 0)):
        sys.stdout.write(f"{rule.location.file}:{rule.location.line}: {rule.id} ({rule.action})\n"
                         f"  {rule.description.get(lang.value)}\n")


@app.command("schema")
def schema() -> None:
    """Print the JSON Schema of the submission format (for editors)."""
    from engine.model.schema import submission_schema_text

    sys.stdout.write(submission_schema_text())


from engine.cli import jobs_tmp as cli_jobs  # noqa: E402 - the reports, compute and template commands, registered here

app.command("compute")(cli_jobs.compute)
app.command("template")(cli_jobs.template)


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
