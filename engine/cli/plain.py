"""The command line's entry point: the plainest check (`tthc-check FILE... [options]`) is read here without the
option parser; every other command line goes to typer (main.py).

Why a second reader: importing typer and its Click is a quarter of a cold check (issue 16), and most runs are
plain checks. It reads only what it cannot get wrong: files that exist (or `-`), and the check's options each
given once with a value among its choices (`-o` may repeat). Anything else (a subcommand, help, an unknown,
repeated or `--opt=value` option, a missing or odd value, a file that does not exist, which may be a mistyped
command) goes to typer, which says what is wrong. A differential test (tests/test_plain.py) runs generated command
lines both ways and requires the same exit code and the same output. TTHC_PLAIN=off turns it off.
"""

from __future__ import annotations

import os
import sys
from typing import Any

_CHOICES = {
    "--format": ("table", "json", "markdown", "csv", "xlsx"),
    "-f": ("table", "json", "markdown", "csv", "xlsx"),
    "--lang": ("vi", "en"),
    "--fail-on": ("missed", "at_risk"),
}
_PATHS = {"--waivers", "--local-targets", "--targets", "--rules"}
_OUTPUTS = {"-o", "--output"}
_FIELD = {"-f": "format", "--format": "format", "--lang": "lang", "--fail-on": "fail_on"}


def parse(args: list[str]) -> dict[str, Any] | None:
    """The check's fields from a plain command line, or None: typer reads it."""
    if args and args[0] == "check":
        args = args[1:]
    fields: dict[str, Any] = {"files": [], "outputs": []}
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "-" or not arg.startswith("-"):
            if arg != "-" and not os.path.exists(arg):
                return None  # typer's path says so, or suggests the command it looks like
            fields["files"].append(arg)
            i += 1
            continue
        value = args[i + 1] if i + 1 < len(args) else None
        if value is None or (value.startswith("-") and value != "-") or not value:
            return None
        if arg in _OUTPUTS:
            fields["outputs"].append(value)
        elif arg in _CHOICES and value in _CHOICES[arg] and _FIELD[arg] not in fields:
            fields[_FIELD[arg]] = value
        elif arg in _PATHS and arg not in fields:
            fields[arg] = value
        else:
            return None
        i += 2
    if not fields["files"] or (args and args[0] in _subcommand_words()):
        return None
    return fields


def _subcommand_words() -> set[str]:
    return {"check", "targets", "rules", "schema", "compute", "template", "report", "site"}


def _request(fields: dict[str, Any]) -> Any:
    from engine.jobs.check import CheckRequest

    return CheckRequest(
        files=fields["files"],
        format=fields.get("format"),
        lang=fields.get("lang", "vi"),
        outputs=fields["outputs"],
        fail_on=fields.get("fail_on", "missed"),
        waivers=fields.get("--waivers"),
        local_targets=fields.get("--local-targets"),
        targets=fields.get("--targets"),
        rules=fields.get("--rules"),
        width=_terminal_width(),
    )


def _terminal_width() -> int | None:
    if not sys.stdout.isatty():
        return None
    import shutil  # here: only on a terminal (shutil and what it imports are a twentieth of a plain check's start)

    return shutil.get_terminal_size().columns


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    fields = parse(args) if os.environ.get("TTHC_PLAIN", "").lower() != "off" else None
    if fields is None:
        from engine.cli.main import main as full

        return full(args)
    return _check(fields)


def _check(fields: dict[str, Any]) -> int:
    """The check as main.py runs it: the same streams, the same exit codes for Ctrl-C and internal errors."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")  # as main.py: no plugin scan at start-up
    from engine.cli.guard import internal_error, interrupted, modules_loading, streams_that_cannot_fail
    from engine.io.inputs import forget_inputs

    streams_that_cannot_fail()
    forget_inputs()
    try:
        with modules_loading("engine.jobs.check"):
            from engine.jobs.check import run_check

        outcome = run_check(_request(fields))
    except KeyboardInterrupt:
        sys.stderr.write("\ntthc-check: interrupted / đã dừng\n")
        return 130
    except Exception as exc:  # the one place, on this path, that maps internal errors to exit 3
        if interrupted(exc):
            sys.stderr.write("\ntthc-check: interrupted / đã dừng\n")
            return 130
        return internal_error(exc)
    if outcome.stdout:
        sys.stdout.write(outcome.stdout)
        sys.stdout.flush()
    for line in outcome.stderr:
        sys.stderr.write(line + "\n")
    return outcome.exit_code
