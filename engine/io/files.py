"""The one writer of output files. Every output of a run (a check's JSON, a report's HTML, PDF or Word file, the
Excel template, a computed submission) is first written to a temporary file beside its destination, checked, and
only when every output of the run is ready are they moved into place: an error or an interruption never leaves a
half-written file, nor some outputs new and others old, and no output ever replaces an input of the run.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import replace

from engine.errors import Location, Problem, UsageError
from engine.io.inputs import was_read

Writer = Callable[[str], None]  # writes the output's content into the (temporary) path it is given


def check_output(path: str) -> list[Problem]:
    """What is wrong with writing over this path: a link (replacing it would cut the link, and writing through
    it would change a file the user did not name), a folder, a device or pipe (/dev/full was replaced by a file
    once), a write-protected file (root ignores the protection: we do not), or a file the run read."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return []
    except OSError as exc:
        return [_failed(path, exc).problems[0]]
    code = None
    if stat.S_ISLNK(st.st_mode):
        code = "usage.output_symlink"
    elif stat.S_ISDIR(st.st_mode):
        code = "usage.output_is_directory"
    elif not stat.S_ISREG(st.st_mode):
        code = "usage.output_not_file"
    elif not st.st_mode & 0o222:
        code = "usage.output_protected"
    elif was_read(path):
        code = "usage.output_is_input"
    return [Problem(code, {"path": path, "target": os.path.realpath(path)}, Location(path))] if code else []


def _verify(path: str) -> None:
    """A file a program wrote is whole before it replaces the previous one: Chromium says nothing when a full disk
    cuts a PDF short, and a zip (Word, Excel) cut short opens as "corrupt"."""
    if os.path.getsize(path) == 0:
        raise OSError(0, "nothing was written")
    ext = os.path.splitext(path)[1].lower()
    if ext == ".pdf":
        with open(path, "rb") as fh:
            head = fh.read(5)
            fh.seek(max(0, os.path.getsize(path) - 2048))
            tail = fh.read()
        if head != b"%PDF-" or b"%%EOF" not in tail:
            raise OSError(0, "the PDF written is incomplete")
    elif ext in (".docx", ".xlsx"):
        import zipfile  # here: a plain check writes no file and starts without it (issue 16)

        try:
            with zipfile.ZipFile(path) as z:
                bad = z.testzip()
        except (zipfile.BadZipFile, OSError) as exc:
            raise OSError(0, "the file written is incomplete") from exc
        if bad is not None:
            raise OSError(0, "the file written is incomplete")


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
    """Write every (path, writer) pair, all or nothing: each path checked first (check_output), each written into
    a temporary file beside its destination and verified (_verify), then all moved into place."""
    problems = [p for path, _ in outputs for p in check_output(path)]
    if problems:
        raise UsageError(problems)
    if not outputs:
        return
    import tempfile  # here: a plain check writes no file and starts without it (issue 16)

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
                _verify(tmp)
                readable(tmp)
            except OSError as exc:
                raise _failed(path, exc) from exc
            except UsageError as exc:  # said of the file the user named, not of the temporary one
                raise UsageError([replace(p, location=Location(path)) for p in exc.problems]) from None
        for tmp, path in staged:
            os.replace(tmp, path)
    finally:
        for tmp, _ in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)


def write_atomic(path: str, content: str) -> None:
    write_outputs([(path, text(content))])
