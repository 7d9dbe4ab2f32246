"""The command line: register one command per module, run the one asked for, map what happened to an exit code.

Exit codes: 0 nothing missed; 1 a target missed (or at risk with --fail-on at_risk); 2 bad input or usage;
3 internal error (with the path of a log holding the traceback); 130 interrupted.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Annotated, Any, Optional

# We use no pydantic plugin: skip pydantic's scan of every installed package's entry points at start-up
# (about 16 ms of a cold run). Set before typer, which imports pydantic.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import typer

from engine import __version__
from engine.cli.check import check
from engine.cli.compute import compute
from engine.cli.guard import internal_error, interrupted, streams_that_cannot_fail
from engine.cli.report import briefing, monthly
from engine.cli.rules import rules
from engine.cli.schema import schema
from engine.cli.site import site
from engine.cli.targets import targets
from engine.cli.template import template
from engine.cli.usage import help_text, show_usage_error
from engine.cli.words import h

app = typer.Typer(
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help=h(
        "Kiểm tra số liệu cải cách TTHC của tỉnh, bộ so với chỉ tiêu pháp lý. tthc-check TỆP... kiểm tra các tệp;"
        " các lệnh dưới đây làm phần còn lại. Tiếng Anh: --lang en.",
        "Check a province's or ministry's TTHC reform figures against the legal targets. tthc-check FILE..."
        " checks files; the commands below do the rest.",
    ),
)
report_app = typer.Typer(
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    rich_markup_mode=None,
    help=h(
        "Báo cáo: monthly (một tỉnh, một tháng), briefing (nhiều tỉnh, trước cuộc họp).",
        "Reports: monthly (one province, one month), briefing (several provinces, before a meeting).",
    ),
)
COMMANDS: dict[str, tuple[Callable[..., None], str, str]] = {  # name: (function, Vietnamese help, English help)
    "check": (
        check,
        "Kiểm tra các tệp số liệu so với chỉ tiêu áp dụng cho kỳ báo cáo. Ví dụ: tthc-check bao-cao.yaml;"
        " tthc-check -o ket-qua.xlsx thu-muc/",
        "Check submission files against the targets that apply to their period. Example: tthc-check s.yaml",
    ),
    "targets": (
        targets,
        "Liệt kê các chỉ tiêu, văn bản căn cứ và độ tin cậy.",
        "List the targets with their instruments and confidence.",
    ),
    "rules": (rules, "Kiểm tra và liệt kê các quy tắc đánh giá.", "Validate the rules and list what each decides."),
    "schema": (
        schema,
        "In lược đồ JSON của một loại tệp (cho trình soạn thảo). Ví dụ: tthc-check schema mapping",
        "Print the JSON Schema of a file you write, for editors. Example: tthc-check schema mapping",
    ),
    "compute": (
        compute,
        "Tính số liệu từ tệp hồ sơ của hệ thống một cửa. Ví dụ: tthc-check compute ho-so.xlsx --mapping map.yaml"
        " --province 'Hà Giang' --period 2024 -o s.yaml",
        "Compute a submission from dossier records, the same way for every province.",
    ),
    "site": (
        site,
        "Tạo trang web tĩnh từ thư mục lịch sử: tổng quan, lịch nộp, mỗi tỉnh và mỗi chỉ tiêu một trang. Ví dụ:"
        " tthc-check site lich-su/ -o trang/",
        "Build a static site from the history folder: overview, calendar, a page per body and per target.",
    ),
    "template": (
        template,
        "Ghi sổ làm việc Excel mẫu để điền số liệu. Ví dụ: tthc-check template --xlsx -o bao-cao.xlsx",
        "Write a submission workbook to fill in.",
    ),
}
for _name, (_command, _vi, _en) in COMMANDS.items():
    _register: Any = app.command(_name, help=h(_vi, _en))
    _register(_command)
report_app.command(
    "monthly",
    help=h(
        "Báo cáo tháng của một tỉnh: tóm tắt, từng chỉ tiêu, xu hướng, dự báo, trách nhiệm. Ví dụ: tthc-check"
        " report monthly s.yaml --history lich-su/ -o bao-cao.docx",
        "The monthly compliance report of one province: summary, every target, trend, projection, who is responsible.",
    ),
)(monthly)
report_app.command(
    "briefing",
    help=h(
        "Tài liệu chuẩn bị cuộc họp: các tỉnh cạnh nhau, xếp hạng, mỗi tỉnh một trang. Ví dụ: tthc-check report"
        " briefing *.yaml -o hop.pdf",
        "The briefing pack before a meeting: provinces side by side, ranked, then a page per province.",
    ),
)(briefing)
app.add_typer(report_app, name="report")


def subcommands() -> set[str]:
    """The names a first argument may be; any other first argument is a file to check."""
    names = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    return names | {g.name for g in app.registered_groups if g.name}


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"tthc-check {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help=h("in phiên bản", "show the version"))
    ] = False,
) -> None:
    """tthc-check FILE... checks files; the subcommands below do the rest."""


def main(argv: Optional[list[str]] = None) -> int:
    from engine.io.inputs import forget_inputs

    streams_that_cannot_fail()
    forget_inputs()
    args = _command_first(list(sys.argv[1:] if argv is None else argv))
    if args and args[0] not in subcommands() and args[0] not in ("--help", "-h", "--version"):
        if (typo := _mistyped(args)) is not None:
            return typo
        args.insert(0, "check")  # a first argument that is not a subcommand is a file to check
    try:
        code = _run(args)
    except typer.Exit as exc:
        return exc.exit_code
    except (KeyboardInterrupt, typer.Abort):
        sys.stderr.write("\ntthc-check: interrupted / đã dừng\n")
        return 130
    except typer.TyperException as exc:  # a usage error from the option parser (typer's vendored Click): exit 2
        if not callable(getattr(exc, "show", None)):  # Click's UsageError, which typer does not export by name
            return internal_error(exc)
        show_usage_error(exc)
        return int(getattr(exc, "exit_code", 2))
    except Exception as exc:  # the one place that maps internal errors to exit 3
        if interrupted(exc):
            sys.stderr.write("\ntthc-check: interrupted / đã dừng\n")
            return 130
        return internal_error(exc)
    return code if isinstance(code, int) else 0


def _run(args: list[str]) -> Any:
    """The command; a help page (asked for, or a command given nothing) is caught and said in the user's words."""
    if not ({"-h", "--help"} & set(args)) and len(args) > 1:
        return app(args=args, prog_name="tthc-check", standalone_mode=False)
    import contextlib
    import io

    page = io.StringIO()
    try:
        with contextlib.redirect_stdout(page):
            return app(args=args, prog_name="tthc-check", standalone_mode=False)
    finally:
        sys.stdout.write(help_text(page.getvalue()))


_VALUE_OPTIONS = {"--lang", "--format", "-f", "--output", "-o", "--fail-on", "--waivers", "--targets", "--rules"}
_VALUE_OPTIONS |= {"--local-targets", "--history", "--letterhead"}


def _first_word(args: list[str]) -> str:
    """The first argument that is neither an option nor an option's value."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in _VALUE_OPTIONS:
            skip = True
        elif not arg.startswith("-"):
            return arg
    return ""


def _command_first(args: list[str]) -> list[str]:
    """ "--lang en report monthly s.yaml": the options given before a command go after it (they are the
    command's options; the root has none but --help and --version)."""
    word = _first_word(args)
    if word not in subcommands() or not args or args[0] == word or args[0] in ("--help", "-h", "--version"):
        return args
    at = args.index(word)
    path = 2 if word in {g.name for g in app.registered_groups} else 1  # "report monthly": the options after both
    return [*args[at : at + path], *args[:at], *args[at + path :]]


def _option(args: list[str], name: str) -> str | None:
    return args[args.index(name) + 1] if name in args[:-1] else None


def _mistyped(args: list[str]) -> int | None:
    """The first word: if it is no file and looks like a subcommand ("repot", "chek"), a typo, said with the
    closest command (as JSON under --format json), not read as a file name."""
    import difflib

    word = _first_word(args)
    if not word or os.path.exists(word) or os.sep in word or "." in word:
        return None
    close = difflib.get_close_matches(word, sorted(subcommands()), n=1, cutoff=0.6)
    if not close:
        return None
    from engine.jobs.outcome import unknown_command

    fmt = _option(args, "--format") or _option(args, "-f")
    outcome = unknown_command(word, close[0], _option(args, "--lang") or "vi", as_json=fmt == "json")
    sys.stdout.write(outcome.stdout)
    sys.stderr.write("".join(line + "\n" for line in outcome.stderr))
    return outcome.exit_code
