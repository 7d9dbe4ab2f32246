"""The one gate every input file passes: it must be a regular file (a FIFO is read forever, /dev/zero until memory
runs out, a folder not at all), and each one passed is remembered by its identity, so that no output of the run
replaces a file the run read (a history file, the waivers, the catalogue, the letterhead, records or mapping),
however its path is spelled."""

from __future__ import annotations

import os
import stat

from engine.errors import DataFileError, Location, Problem

_read: set[tuple[int, int]] = set()  # (device, inode) of every input of this run


def forget_inputs() -> None:
    """A new run (the command line calls this once per invocation; tests run many in one process)."""
    _read.clear()


def open_input(path: str, display: str) -> os.stat_result:
    """The file's status if it is a regular file that exists; DataFileError naming it otherwise."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise DataFileError([Problem("file.not_found", {}, Location(display))]) from None
    except OSError as exc:
        raise DataFileError(
            [Problem("file.unreadable", {"reason": exc.strerror or str(exc)}, Location(display))]
        ) from exc
    if stat.S_ISDIR(st.st_mode):
        raise DataFileError([Problem("file.is_directory", {}, Location(display))])
    if not stat.S_ISREG(st.st_mode):
        raise DataFileError([Problem("file.not_regular", {}, Location(display))])
    _read.add((st.st_dev, st.st_ino))
    return st


def was_read(path: str) -> bool:
    try:
        st = os.stat(path)
    except OSError:
        return False
    return (st.st_dev, st.st_ino) in _read
