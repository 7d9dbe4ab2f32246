"""What each history file gives (its body, period and body figures, or the problems that keep it out), read once:
the answer is cached per file, keyed by the file's path and content hash, the catalogue's contents and the code
(engine.cache). A history that has not changed is not parsed again; a file that changed, appeared or went is.
"""

from __future__ import annotations

from contextlib import nullcontext
from typing import Union

from engine.cache import code_digest, digest, per_file
from engine.catalogue import Catalogue
from engine.check.figures import Figure, compute
from engine.errors import DataFileError, Problem
from engine.io.yamlio import rapid_reading
from engine.model.periods import Period
from engine.model.submission import load_submission

BodyKey = tuple[str, str, str]  # scope, era, code
Given = tuple[BodyKey, Period, dict[str, Figure]]
Read = Union[Given, list[Problem]]


def read_files(folder: str, paths: list[str], cat: Catalogue, shas: dict[str, str] | None = None) -> dict[str, Read]:
    """Each file's reading, in the order given: from the cache where the file's content is what was read before."""
    key = digest(cat.digest, code_digest())
    with rapid_reading() if len(paths) > 1 else nullcontext():  # files not in the cache read as a batch
        return per_file("history-" + digest(folder)[:24], key, paths, lambda p: _read(p, cat), shas)


def _read(path: str, cat: Catalogue) -> Read:
    try:
        sub = load_submission(path, cat)
    except DataFileError as exc:
        return list(exc.problems)
    figures, _, _ = compute(sub, cat, units=False)  # a series is the body's figure
    body = sub.body
    return (body.scope, body.era, body.code), sub.period, figures.by_metric
