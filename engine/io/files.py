"""The one writer of output files. Every output of a run (a check's JSON, a report's HTML, PDF or Word file, the
Excel template, a computed submission) is first written to a temporary file beside its destination, checked, and
only when every output of the run is ready are they moved into place: an error or an interruption never leaves a
half-written file, nor some outputs new and others old, and no output ever replaces an input of the run.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence

from engine.errors import Location, Problem, UsageError

Writer = Callable[[str], None]  # writes the output's content into the (temporary) path it is given


def check_not_input(output: str, inputs: Sequence[str]) -> None:
    """Refuse an output that is one of the inputs (by file identity, so another spelling of the path is caught)."""
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


def text(content: str) -> Writer:
    """A writer of UTF-8 text with Unix line ends."""

    def write(path: str) -> None:
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(content)

    return write


def binary(content: bytes) -> Writer:
    """A writer of bytes (a workbook)."""

    def write(path: str) -> None:
        with open(path, "wb") as fh:
            fh.write(content)

    return write


def _failed(path: str, exc: OSError) -> UsageError:
    return UsageError([Problem("usage.output_failed", {"reason": exc.strerror or str(exc)}, Location(path))])


def write_outputs(outputs: Sequence[tuple[str, Writer]]) -> None:
    """Write every (path, writer) pair, all or nothing: each into a temporary file beside its destination, each
    checked to be non-empty, then all moved into place."""
    staged: list[tuple[str, str]] = []
    try:
        for path, write in outputs:
            folder = os.path.dirname(os.path.abspath(path))
            suffix = os.path.splitext(path)[1] or ".tmp"
            try:
                fd, tmp = tempfile.mkstemp(prefix=".tthc-check-", suffix=suffix, dir=folder)
            except OSError as exc:
                raise _failed(path, exc) from exc
            os.close(fd)
            staged.append((tmp, path))
            try:
                write(tmp)
                if os.path.getsize(tmp) == 0:
                    raise OSError(0, "nothing was written")
                readable(tmp)
            except OSError as exc:
                raise _failed(path, exc) from exc
        for tmp, path in staged:
            os.replace(tmp, path)
    finally:
        for tmp, _ in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)


def write_atomic(path: str, content: str) -> None:
    write_outputs([(path, text(content))])
