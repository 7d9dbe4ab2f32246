"""What a job gives back to whoever called it, and the shared steps of the jobs that write outputs."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from engine.catalogue import LOCAL_FILE
from engine.check.result import FileResult, RunResult
from engine.errors import Location, Problem, TthcError, UsageError
from engine.text.messages import issue_line

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


@dataclass
class Outcome:
    """The end of a job: text for standard output, lines for standard error, and the exit code."""

    exit_code: int = EXIT_OK
    stdout: str = ""
    stderr: list[str] = field(default_factory=list)


def refused(exc: TthcError, lang: str, *, as_json: bool = False) -> Outcome:
    """Bad input, catalogue, rules or usage: every problem listed (as JSON when JSON was asked for), exit 2."""
    run = RunResult([FileResult(p.location.file or "-", issues=[p]) for p in exc.problems])
    if as_json:
        from engine.output.json_result import report_json

        return Outcome(EXIT_BAD_INPUT, stdout=report_json(run, None, lang))
    return Outcome(EXIT_BAD_INPUT, stderr=[issue_line(p, lang) for r in run.files for p in r.issues])


def unknown_command(word: str, suggestion: str, lang: str, *, as_json: bool = False) -> Outcome:
    """A mistyped command: exit 2 with the closest one."""
    problem = Problem("usage.unknown_command", {"value": word, "suggestion": suggestion}, Location(word))
    return refused(UsageError([problem]), lang, as_json=as_json)


def plan_outputs(
    outputs: Sequence[str],
    chosen: str | None,
    by_extension: dict[str, str],
    default: str,
    binary: frozenset[str] = frozenset(),
) -> list[tuple[str, str | None]]:
    """(format, path) for every output of one run; None is standard output. Each -o takes its extension's format
    (-o bao-cao.html -o ket-qua.json, all from one evaluation); a single -o takes --format where its extension names
    none. An
    extension no format claims without --format is an error naming the formats (never the default under that
    name), as is an extension that names another format than --format, and a binary format without a file."""
    if not outputs:
        fmt = chosen or default
        if fmt in binary:
            raise UsageError([Problem("usage.needs_output", {"format": fmt}, Location("-o"))])
        return [(fmt, None)]
    out: list[tuple[str, str | None]] = []
    problems: list[Problem] = []
    known = ", ".join(sorted(by_extension))
    for path in outputs:
        named = by_extension.get(os.path.splitext(path)[1].lower())
        if chosen and named not in (None, chosen):
            problems.append(
                Problem(
                    "usage.output_format_mismatch", {"path": path, "named": named, "chosen": chosen}, Location(path)
                )
            )
        elif named or (chosen and len(outputs) == 1):
            out.append((named or chosen or default, path))
        else:
            problems.append(Problem("usage.output_extension", {"path": path, "known": known}, Location(path)))
    if problems:
        raise UsageError(problems)
    return out


@dataclass
class Inputs:
    """The submissions of a run and the files that go with them: waivers and local targets, given or found beside
    the first submission (waivers.yaml, targets.local.yaml); neither is ever checked as a submission itself."""

    files: list[str]
    waivers: str | None = None
    local_targets: str | None = None
    local_beside: bool = False


SUBMISSION_FILES = (".yaml", ".yml", ".xlsx", ".xlsm")


def expand_folders(files: Sequence[str]) -> list[str]:
    """A folder named as an input stands for the submissions in it (not below it), by name; the waivers and
    local targets in it go with them as files beside the submissions."""
    out: list[str] = []
    for path in files:
        if path != "-" and os.path.isdir(path):
            names = sorted(n for n in os.listdir(path) if n.lower().endswith(SUBMISSION_FILES))
            out += [os.path.join(path, n) for n in names if n not in ("waivers.yaml", LOCAL_FILE)]
            if not names:
                raise UsageError([Problem("usage.empty_folder", {"path": path}, Location(path))])
        else:
            out.append(path)
    return out


@contextmanager
def standard_input(files: Sequence[str]) -> Iterator[tuple[list[str], dict[str, str]]]:
    """`-` is a submission read from standard input, kept in a file of a temporary folder for the run (read once,
    within the size limit of any submission) and shown as "-". Without `-`, no folder is made (a plain check's
    start: tempfile and shutil, issue 16)."""
    if "-" not in files:
        yield list(files), {}
        return
    import sys
    import tempfile

    from engine.io.yamlio import MAX_BYTES

    with tempfile.TemporaryDirectory(prefix="tthc-check-") as work:
        path = os.path.join(work, "stdin.yaml")
        data = sys.stdin.buffer.read(MAX_BYTES + 1) if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
        with open(path, "wb") as fh:
            fh.write(data)
        yield [path if f == "-" else f for f in files], {path: "-"}


def side_files(files: Sequence[str], waivers: str | None, local_targets: str | None) -> Inputs:
    files = expand_folders(files)
    folder = os.path.dirname(files[0]) or "." if files else "."
    beside_local = local_targets is None and os.path.isfile(os.path.join(folder, LOCAL_FILE))
    if waivers is None and os.path.isfile(os.path.join(folder, "waivers.yaml")) and files:
        waivers = os.path.join(folder, "waivers.yaml")
    if beside_local and files:
        local_targets = os.path.join(folder, LOCAL_FILE)
    side = [p for p in (waivers, local_targets) if p and os.path.exists(p)]  # a missing one is reported by its reader
    kept = [f for f in files if not any(os.path.exists(f) and os.path.samefile(f, s) for s in side)]
    return Inputs(kept, waivers, local_targets, beside_local and bool(files))
