"""Writing results: to standard output, or to a file atomically (a temporary file beside it, then a rename), so
an error or an interruption never leaves a half-written file, and never over an input."""

from __future__ import annotations

import os
import tempfile

from engine.errors import Location, Problem, UsageError


def check_not_input(output: str, inputs: list[str]) -> None:
    for path in inputs:
        try:
            if os.path.exists(output) and os.path.samefile(output, path):
                raise UsageError([Problem("usage.output_is_input", {"path": output}, Location(output))])
        except OSError:
            continue


def readable(path: str) -> None:
    """A temporary file is private (0600); the finished file gets the permissions of any new file (umask)."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)


def write_atomic(path: str, text: str) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".tthc-check-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UsageError([Problem("usage.output_failed", {"reason": exc.strerror or str(exc)}, Location(path))]) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        readable(tmp)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def plan(outputs: list[str], chosen: str | None, by_extension: dict[str, str], default: str) -> list[tuple[str, str | None]]:
    """(format, path) for every output of one run; None is standard output. One -o takes --format, or else its
    extension; several -o each take their extension (-o bao-cao.html -o ket-qua.json), all from one evaluation."""
    if not outputs:
        return [(chosen or default, None)]
    if len(outputs) == 1 and chosen:
        return [(chosen, outputs[0])]
    out, problems = [], []
    for path in outputs:
        fmt = by_extension.get(os.path.splitext(path)[1].lower())
        if fmt is None:
            if len(outputs) == 1:
                fmt = default
            else:
                problems.append(Problem("usage.output_extension", {"path": path, "known": ", ".join(sorted(by_extension))},
                                        Location(path)))
                continue
        out.append((fmt, path))
    if problems:
        raise UsageError(problems)
    return out
