"""What a job gives back to whoever called it, and the shared steps of the jobs that write outputs."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field

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


def plan_outputs(
    outputs: Sequence[str], chosen: str | None, by_extension: dict[str, str], default: str
) -> list[tuple[str, str | None]]:
    """(format, path) for every output of one run; None is standard output. One -o takes --format, or else its
    extension; several -o each take their extension (-o bao-cao.html -o ket-qua.json), all from one evaluation."""
    if not outputs:
        return [(chosen or default, None)]
    if len(outputs) == 1 and chosen:
        return [(chosen, outputs[0])]
    out: list[tuple[str, str | None]] = []
    problems: list[Problem] = []
    for path in outputs:
        fmt = by_extension.get(os.path.splitext(path)[1].lower())
        if fmt is None:
            if len(outputs) == 1:
                fmt = default
            else:
                problems.append(
                    Problem(
                        "usage.output_extension",
                        {"path": path, "known": ", ".join(sorted(by_extension))},
                        Location(path),
                    )
                )
                continue
        out.append((fmt, path))
    if problems:
        raise UsageError(problems)
    return out


def split_waivers(files: Sequence[str], waivers: str | None) -> tuple[list[str], str | None]:
    """The waivers file: --waivers, or waivers.yaml beside the submissions; never itself checked as one."""
    if waivers is None and files:
        beside = os.path.join(os.path.dirname(files[0]) or ".", "waivers.yaml")
        waivers = beside if os.path.isfile(beside) else None
    if waivers is None:
        return list(files), None
    same = [f for f in files if os.path.exists(f) and os.path.samefile(f, waivers)]
    return [f for f in files if f not in same], waivers
