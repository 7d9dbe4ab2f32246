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


def write_atomic(path: str, text: str) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".tthc-check-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UsageError([Problem("usage.output_failed", {"reason": exc.strerror or str(exc)}, Location(path))]) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
