"""The pipeline, readable from the module names: load (submission) → validate → compute → evaluate (rules) →
result. The checker returns a RunResult and never prints; the CLI chooses a reporter and the exit code.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from engine import cache
from engine.catalogue import Catalogue, load_catalogue
from engine.check.evaluate import evaluate
from engine.check.result import FileResult, RunResult
from engine.errors import DataFileError, Problem
from engine.io.yamlio import Document, display_path, parse_yaml, rapid_reading
from engine.model.submission import Submission, load_submission, validate_submission
from engine.model.textnorm import nfc
from engine.resources import data_dir
from engine.rules.durable_adapter import RulesEngine
from engine.rules.rulebook import load_rulebook


@dataclass(repr=False)
class Checker:
    """The catalogue, the rules and any waivers of a run: checks submissions and returns results."""

    catalogue: Catalogue
    engine: RulesEngine
    waivers: list = field(default_factory=list)  # engine.check.waivers.Waiver, from waivers.yaml
    local_beside: str | None = None  # a local targets file beside the submissions: it may bind only them
    waivers_key: str = ""  # the waivers file's content and name: what a cached check depends on beside the catalogue

    def __repr__(self) -> str:
        return f"Checker({len(self.catalogue.targets)} targets, {len(self.engine.book.rules)} rules)"

    def check_file(self, path: str, display: str | None = None) -> FileResult:
        return self._checked(path, display)[1]

    def _checked(self, path: str, display: str | None = None) -> tuple[Submission | None, FileResult]:
        display = display or path
        try:
            sub = load_submission(path, self.catalogue, display)
        except DataFileError as exc:
            return None, FileResult(display, issues=list(exc.problems))
        return sub, evaluate(sub, self.catalogue, self.engine, self.waivers)

    def evaluate(self, sub: Submission) -> FileResult:
        return evaluate(sub, self.catalogue, self.engine, self.waivers)

    def _only_its_own(self, result: FileResult) -> None:
        """A local targets file beside a submission binds that submission's body only: any other is an error."""
        from engine.catalogue.local import bound_names  # a local file: its module only then (issue 16)

        body = result.body
        if body is None:
            return
        for t in sorted(self.catalogue.targets.values(), key=lambda t: t.id):
            if t.binds_other(body):
                names = bound_names(self.catalogue, t)
                where = self.catalogue.origin[("targets", t.id)]
                result.issues.append(
                    Problem("local.binds_other", {"target": t.id, "bodies": names, "body": body.display}, where)
                )
        result.issues.sort(key=Problem.sort_key)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Many checks in one process (run() of several files does this itself; a tool that calls check_text or
        check_data in a loop should too): the cyclic garbage collector runs less often and skips what existed
        before (the catalogue, the rules, the modules). The results kept for every file, none of them cyclic
        garbage, made each collection rescan more: a third of a national batch (issue 16). Restored after."""
        threshold, frozen = gc.get_threshold(), gc.get_freeze_count()
        gc.freeze()
        gc.set_threshold(50_000, 20, 1_000)
        try:
            with rapid_reading():  # the faster YAML reader (io/yaml_rapid.py) for every text of the batch
                yield
        finally:
            gc.set_threshold(*threshold)
            if not frozen:  # what the command line froze at start (cli/guard.py) stays frozen
                gc.unfreeze()

    def check_text(self, text: str, display: str) -> FileResult:
        """The same check on a submission held in memory (for tools that embed tthc-check)."""
        try:
            sub = validate_submission(parse_yaml(text, display, strict=False), self.catalogue)
        except DataFileError as exc:
            return FileResult(display, issues=list(exc.problems))
        return evaluate(sub, self.catalogue, self.engine, self.waivers)

    def check_data(self, data: object, display: str) -> FileResult:
        """The same check on a submission already in memory as plain data (a tool that builds submissions,
        such as a computation from dossier records, need not write YAML first). Problems carry key paths but
        no line numbers. The data is not modified."""
        try:
            sub = validate_submission(Document(display, _normalise(data)), self.catalogue)
        except DataFileError as exc:
            return FileResult(display, issues=list(exc.problems))
        return evaluate(sub, self.catalogue, self.engine, self.waivers)

    def run(
        self, paths: list[str], *, keep_submissions: bool = False, displays: dict[str, str] | None = None
    ) -> RunResult:
        """Every file checked; a waiver that matched none of them flagged. With keep_submissions, the run also
        keeps each validated submission (None for a file that could not be read), for the reports. displays names
        a file otherwise than by its path (standard input, kept in a temporary file, is "-")."""
        with self.batch() if len(paths) > 1 else nullcontext():
            if keep_submissions and len(paths) > 1 and cache.enabled():
                checked = self._remembered(paths, displays or {})
            else:
                checked = [self._checked(p, (displays or {}).get(p)) for p in paths]
        if self.local_beside:
            for _, result in checked:
                self._only_its_own(result)
        run = RunResult([r for _, r in checked], [s for s, _ in checked] if keep_submissions else [])
        if self.waivers:  # a waiver that matched no submission of the run is flagged, on the last file
            from engine.check.waivers import unmatched  # pydantic: only a run with waivers (engine/model/hooks.py)

            used = set().union(*(r.waivers_used for r in run.files))
            if problems := unmatched(self.waivers, used):
                run.files[-1].issues = sorted([*run.files[-1].issues, *problems], key=Problem.sort_key)
        return run

    def _remembered(self, paths: list[str], displays: dict[str, str]) -> list[tuple[Submission | None, FileResult]]:
        """A report's checks, each from the cache where neither the file nor anything its check depends on (the
        catalogue with any local targets, the rules, the waivers, the code, the folder names are shown from) has
        changed: a briefing remade on an unchanged history reads nothing again (issue 16). Only for reports, which
        keep every submission (a plain check of a batch would fill the cache with every submission it reads), and of
        more than one file (the site remakes one province's report at a time: a cache of one would be rewritten for
        each)."""
        named = [p for p in paths if p not in displays]  # standard input, kept in a temporary file, is read afresh
        key = cache.digest(
            self.catalogue.digest, self.engine.book.fingerprint(), self.waivers_key, cache.code_digest(), os.getcwd()
        )
        name = "checks-" + cache.digest(*sorted({os.path.dirname(os.path.abspath(p)) for p in named}))[:24]
        got = cache.per_file(name, key, named, self._checked)
        return [got[p] if p in got else self._checked(p, displays.get(p)) for p in paths]

    def with_waivers(self, path: str | None) -> Checker:
        """The same checker with the waivers of a file (validated; DataFileError otherwise)."""
        if not path:
            return self
        from engine.check.waivers import load_waivers  # pydantic: only a run with waivers

        waivers = load_waivers(path, self.catalogue)
        key = cache.digest(cache.content_digest([path]), display_path(path))
        return Checker(self.catalogue, self.engine, waivers, self.local_beside, key)

    def with_local_targets(self, path: str | None, *, beside: bool = False) -> Checker:
        """The same checker with a province's or ministry's own targets added (CatalogueError otherwise). A file
        found beside the submissions may bind only the bodies they are from."""
        if not path:
            return self
        from engine.catalogue.local import with_local_targets  # only a run with local targets (issue 16)

        local = with_local_targets(self.catalogue, path)
        return Checker(local, self.engine, self.waivers, path if beside else None, self.waivers_key)


@lru_cache(maxsize=8)
def _build(targets: str, rules: str) -> Checker:
    catalogue = load_catalogue(targets)
    return Checker(catalogue, RulesEngine(load_rulebook(rules, catalogue)))


def build_checker(targets: str | None = None, rules: str | None = None) -> Checker:
    """One checker per pair of folders in a process: the rules engine registers its ruleset once."""
    return _build(os.path.abspath(targets or data_dir("targets")), os.path.abspath(rules or data_dir("rules")))


def _normalise(data: object) -> object:
    """What the YAML reader guarantees, for data built in memory: NFC text and exact (Decimal) fractions."""
    if isinstance(data, dict):
        return {_normalise(k): _normalise(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_normalise(v) for v in data]
    if isinstance(data, str):
        return nfc(data)
    if isinstance(data, float):
        return Decimal(repr(data))  # the shortest text that reads back as this float, as a person wrote it
    return data
