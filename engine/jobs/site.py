"""The national view: a folder of static pages built from the history folder (overview, calendar, a page per body,
a page per target, each body's latest monthly report alongside). Incremental: each history file is read and
checked once (the per-file cache), a monthly report is made again only when its body's files changed, and a page
is written only when its bytes differ from what the folder holds."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from datetime import date

from engine.cache import code_digest, digest, file_shas, per_file
from engine.check.checker import build_checker
from engine.errors import Location, Problem, TthcError, UsageError
from engine.io.files import binary, text, write_outputs
from engine.jobs.outcome import Outcome, refused
from engine.site.build import Built
from engine.site.summary import Summary, summarise
from engine.text.messages import issue_line
from engine.vocabulary import Severity

MANIFEST = ".tthc-site.json"  # what the site wrote: a folder without it and not empty is not ours to write into


@dataclass
class SiteRequest:
    history: str
    output: str
    lang: str = "vi"
    calendar: str | None = None
    targets: str | None = None
    rules: str | None = None


def run_site(req: SiteRequest) -> Outcome:
    from engine.history.store import History, history_files
    from engine.site.build import build_site

    try:
        manifest = _manifest(req)
        checker = build_checker(req.targets, req.rules)
        cat = checker.catalogue
        paths = history_files(req.history) if os.path.isdir(req.history) else []
        shas = file_shas(paths)  # once: the history, the summaries and the reports' keys all need them
        history = History.load(req.history, cat, shas)
        key = digest(cat.digest, code_digest(), req.lang)

        def read(path: str) -> Summary:
            return summarise(checker.check_file(path), cat, req.lang, date.min)

        summaries = [
            replace(s, modified=date.fromtimestamp(os.stat(p).st_mtime))
            for p, s in per_file("site-" + digest(req.history)[:24], key, paths, read, shas).items()
        ]
        built = build_site(req, summaries, history, checker, manifest.get("reports", {}), shas)
        written = _write(req.output, built, manifest)
    except TthcError as exc:
        return refused(exc, req.lang)
    said = [issue_line(p, req.lang) for p in history.problems]
    done = Problem("site.written", {"written": written, "pages": len(built.files)}, Location(req.output))
    said.append(issue_line(replace(done, severity=Severity.INFO), req.lang))
    return Outcome(0, stderr=said)


def _manifest(req: SiteRequest) -> dict:
    """The folder's manifest; a folder that holds other things, or the history folder itself, is refused."""
    out = req.output
    if os.path.exists(out) and not os.path.isdir(out):
        raise UsageError([Problem("site.not_folder", {}, Location(out))])
    if os.path.isdir(req.history) and os.path.exists(out) and os.path.samefile(out, req.history):
        raise UsageError([Problem("site.in_history", {}, Location(out))])
    if not os.path.isdir(out) or not os.listdir(out):
        return {}
    try:
        with open(os.path.join(out, MANIFEST), encoding="utf-8") as fh:
            manifest = json.load(fh)
    except (OSError, ValueError):
        raise UsageError([Problem("site.not_ours", {}, Location(out))]) from None
    return manifest if isinstance(manifest, dict) else {}


def _write(folder: str, built: Built, manifest: dict) -> int:
    """Only the files whose bytes changed, each atomically; files the site wrote before and no longer makes are
    removed (nothing else in the folder is touched). Returns how many were written."""
    files = built.files
    changed = []
    for rel, content in sorted(files.items()):
        path = os.path.join(folder, rel)
        try:
            with open(path, "rb") as fh:
                if fh.read() == content:
                    continue
        except OSError:
            pass
        os.makedirs(os.path.dirname(path), exist_ok=True)
        changed.append((path, binary(content)))
    count = len(changed)
    new = {"files": sorted(files), "reports": built.reports}
    if new != manifest:
        changed.append((os.path.join(folder, MANIFEST), text(json.dumps(new, indent=1, sort_keys=True) + "\n")))
    os.makedirs(folder, exist_ok=True)
    if changed:
        write_outputs(changed)
    for rel in set(manifest.get("files", [])) - set(files):
        path = os.path.join(folder, rel)
        if os.path.isfile(path) and not os.path.islink(path):
            os.remove(path)
    return count
