"""What every command line run needs and nothing of the option parser: streams that cannot fail on Vietnamese,
Ctrl-C as exit 130 however a library wraps it, an internal error as exit 3 with a log. Kept apart from main.py so
that the plain check (plain.py) can use it without importing typer."""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from engine import __version__


def _log_internal_error() -> str:
    import tempfile  # here: needed only when something went wrong, not at every start (issue 16)
    import traceback

    path = os.path.join(tempfile.gettempdir(), f"tthc-check-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.log")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(f"tthc-check {__version__}, Python {sys.version.split()[0]}, argv {sys.argv!r}\n")
        traceback.print_exc(file=fh)
    return path


@contextmanager
def modules_loading(module: str) -> Iterator[None]:
    """While a run's modules load, no garbage collection: they make classes, functions and tables, not garbage.
    What they made is then frozen, so that no later collection, nor the one at exit, walks it again (issue 16:
    about a tenth of a plain check's start). Once only: a program that calls main() again (a test) is left as
    it is."""
    if module in sys.modules or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def streams_that_cannot_fail() -> None:
    """Output to a stream that cannot encode Vietnamese (PYTHONIOENCODING=latin-1, an old console) shows escapes
    for the letters it lacks rather than stopping the run."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if callable(reconfigure) and (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8":
            reconfigure(errors="backslashreplace")


def interrupted(exc: BaseException) -> bool:
    """Ctrl-C seen through a library: DuckDB raises its own InterruptException, others wrap KeyboardInterrupt."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, KeyboardInterrupt) or type(seen).__name__ == "InterruptException":
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def internal_error(exc: Exception) -> int:
    path = _log_internal_error()
    sys.stderr.write(
        f"tthc-check: lỗi nội bộ / internal error: {type(exc).__name__}: {exc}\n  chi tiết / details: {path}\n"
    )
    return 3
