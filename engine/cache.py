"""A cache of what is slow to rebuild and depends only on file contents: the validated catalogue and rules, and what
each history file gave. Entries live in the user's cache folder ($TTHC_CACHE_DIR, else $XDG_CACHE_HOME/tthc-check,
else ~/.cache/tthc-check; TTHC_CACHE=off turns it off), are keyed by the content hash of every file they were built
from and by the code that built them, are written atomically, and are ignored (and rebuilt) when unreadable, stale
or from another version. A cache that cannot be written is no error: the run is the same, only slower.

Keys are computed from contents, never from a pickle of objects (sets pickle in hash order, which changes with
every process): the value is pickled, the key is not.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

_FORMAT = b"tthc-check cache 1\n"


def enabled() -> bool:
    return os.environ.get("TTHC_CACHE", "").lower() not in ("off", "0", "no", "false")


def folder() -> str:
    if explicit := os.environ.get("TTHC_CACHE_DIR"):
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "tthc-check")


@cache
def code_digest() -> str:
    """The package's version and the size and modification time of each of its modules: a cache built by other
    code is never read (a checkout changes without a new version number). Stat only: reading every module to hash
    it would cost more than some of the work cached."""
    import engine

    root = os.path.dirname(os.path.abspath(engine.__file__))
    h = hashlib.sha256(engine.__version__.encode())
    for dirpath, dirnames, names in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__" and not d.startswith("_data"))
        folder = dirpath[len(root) :].lstrip(os.sep)  # relative to the package (relpath: a tenth of the time here)
        for name in sorted(n for n in names if n.endswith(".py")):
            st = os.stat(os.path.join(dirpath, name))
            h.update(f"{os.path.join(folder, name)}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def content_digest(paths: Iterable[str]) -> str:
    """The hash of the names and contents of files (a file that cannot be read hashes as its error)."""
    h = hashlib.sha256()
    for path in paths:
        h.update(os.path.basename(path).encode("utf-8", "surrogateescape") + b"\0")
        try:
            with open(path, "rb") as f:
                h.update(hashlib.sha256(f.read()).digest())
        except OSError as exc:
            h.update(f"unreadable:{exc.errno}".encode())
    return h.hexdigest()


def digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def load(name: str, key: str) -> Any | None:
    """The value stored under a name for this key, or None (missing, stale, unreadable, or caching off)."""
    if not enabled():
        return None
    try:
        with open(os.path.join(folder(), name), "rb") as f:
            if f.readline() != _FORMAT or f.readline().decode().strip() != key:
                return None
            return pickle.load(f)
    except Exception:
        return None


def store(name: str, key: str, value: Any) -> None:
    """Written to a temporary file beside, then renamed over: a reader never sees half an entry."""
    if not enabled():
        return
    import tempfile  # here: most runs only read the cache (issue 16: a plain check's start)

    where = folder()
    try:
        os.makedirs(where, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=where)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(_FORMAT + key.encode() + b"\n")
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, os.path.join(where, name))
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, pickle.PicklingError, RecursionError):  # a cache that cannot be written: the run goes on
        return


def per_file(
    name: str, key: str, paths: list[str], read: Callable[[str], Any], shas: dict[str, str] | None = None
) -> dict[str, Any]:
    """read(path) for each file, from the cache where the file's content (its SHA-256) is what was read before;
    the cache then holds exactly these files (one removed leaves it with it). name: one cache entry per folder and
    purpose; key: what else the readings depend on (the catalogue's contents, the code, the language); shas: the
    files' hashes when the caller has them already."""
    cached: dict[str, tuple[str, Any]] = load(name, key) or {}
    fresh: dict[str, tuple[str, Any]] = {}
    for path in paths:
        sha = shas[path] if shas and path in shas else _sha(path)
        entry = cached.get(path)
        if entry is None or sha is None or entry[0] != sha:
            entry = (sha or "", read(path))
        fresh[path] = entry
    if fresh.keys() != cached.keys() or any(fresh[p][0] != cached[p][0] for p in fresh):
        store(name, key, fresh)
    return {path: entry[1] for path, entry in fresh.items()}


def file_shas(paths: list[str]) -> dict[str, str]:
    """Each readable file's SHA-256 (a file that cannot be read is left out: its reader says why)."""
    return {path: sha for path in paths if (sha := _sha(path)) is not None}


def _sha(path: str) -> str | None:
    try:
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()
    except OSError:
        return None  # read by the caller, where the error is reported as for any file
