"""The site's files from the summaries: every page rendered, each current body's latest monthly report made (or
kept, when its files have not changed), the style and script copied. Returns bytes by relative path; the job
writes them."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from typing import Any

from engine.cache import code_digest, digest
from engine.history.store import History
from engine.resources import data_dir, jinja_env
from engine.site import pages
from engine.site.calendar import calendar_view, load_calendars
from engine.site.summary import Summary
from engine.text.labels import label, labels
from engine.vocabulary import Scope

_STATIC = ("style.css", "script.js")


@dataclass
class Built:
    files: dict[str, bytes] = field(default_factory=dict)
    reports: dict[str, str] = field(default_factory=dict)  # body slug -> the key its latest report was made for


def build_site(req: Any, summaries: list[Summary], history: History, checker: Any, old: dict, shas: dict) -> Built:
    cat = checker.catalogue
    lang = req.lang
    read = [s for s in summaries if s.key]
    names = {s.id: s.body_name for s in sorted(read, key=lambda s: (s.period_end, s.period_start))}
    slugs = _slugs(names)
    period = pages.latest_period(read)
    latest = next((s for s in read if s.period == period), None)
    era = _era(cat, latest) if latest else ""
    current = {b: None for b in sorted(names, key=lambda b: names[b]) if b.split(":")[1] == era or not era}
    for b in names:  # a body of an earlier era (a province before the merger) is named as such
        if b not in current:
            names[b] = label("site_former", lang, name=names[b])
    current_s: dict[str, Summary | None] = dict(current)
    for s in read:
        if s.id in current_s and s.period == period:
            current_s[s.id] = s
    built = Built()
    site = {"lang": lang, "period": period}
    ov = pages.overview(current_s, names, slugs, period, lang)
    _page(built, "index.html", "index", site, overview=ov, up="")
    cal = calendar_view(summaries, names, slugs, cat, load_calendars(cat, req.calendar), lang)
    _page(built, "lich-nop.html", "calendar", site, calendar=cal, up="")
    targets = pages.target_pages(current_s, names, slugs, cat, lang)
    for t in targets:
        _page(built, f"chi-tieu/{pages.slug(t.target)}.html", "target", site, page=t, up="../")
    paged = {t.target for t in targets}
    _bodies(built, _Ctx(req, read, names, slugs, history, checker, old, shas, site, paged))
    for name in _STATIC:
        with open(os.path.join(data_dir("reports"), "site", name), "rb") as fh:
            built.files[name] = fh.read()
    return built


def _slugs(names: dict[str, str]) -> dict[str, str]:
    """A file name per body, unique (two bodies of one name in different eras: the era is added)."""
    out: dict[str, str] = {}
    for body, name in sorted(names.items()):
        base = pages.slug(name)
        out[body] = base if base not in out.values() else f"{base}-{body.split(':')[1]}"
    return out


def _era(cat: Any, s: Summary) -> str:
    assert s.key and s.period_end
    return cat.ministries.era_at(s.period_end) if s.key[0] == Scope.MINISTRY else cat.geography.era_at(s.period_end)


def _page(built: Built, rel: str, template: str, site: dict, **view: Any) -> None:
    html = (
        jinja_env("html").get_template(f"site/{template}.html.j2").render(site=site, words=labels(site["lang"]), **view)
    )
    built.files[rel] = html.encode("utf-8")


@dataclass
class _Ctx:
    req: Any
    read: list[Summary]
    names: dict[str, str]
    slugs: dict[str, str]
    history: History
    checker: Any
    old: dict  # body slug -> the key of its report in the folder
    shas: dict[str, str]
    site: dict
    paged: set[str]  # the targets that have a page


def _bodies(built: Built, c: _Ctx) -> None:
    """A page per body: its targets with their series, its submissions and their problems, and links to its
    latest monthly report (HTML, Word, JSON)."""
    cat, lang, req, read, history = c.checker.catalogue, c.req.lang, c.req, c.read, c.history
    by_body: dict[str, list[Summary]] = {}
    for s in read:
        by_body.setdefault(s.id, []).append(s)
    starts = [s.period_start for s in read if s.period_start]
    ends = [s.period_end for s in read if s.period_end]
    months = pages.months_between(min(starts), max(ends)) if starts else []
    for body, own in by_body.items():
        last = max(own, key=lambda s: (s.period_end, s.period_start))
        assert last.body is not None
        page = pages.BodyPage(
            c.slugs[body],
            c.names[body],
            last.period_text,
            pages.body_targets(last, last.body, history, months, cat, lang, c.paged),
            pages.submitted(own, lambda p: os.path.relpath(p, req.history)),
        )
        page.reports = _report(built, c, last, body)
        _page(built, f"tinh/{c.slugs[body]}.html", "body", c.site, page=page, up="../")


def _report(built: Built, c: _Ctx, last: Summary, body: str) -> dict[str, str]:
    """The body's latest monthly report in HTML, Word and JSON; made again only when a file of the body (or of
    the bodies it was formed from) changed, else the files the folder holds are kept."""
    assert last.key is not None and last.body is not None
    req, slug = c.req, c.slugs[body]
    scope, era, _ = last.key
    mine = sorted(  # its own files and those of the bodies it was formed from (in the era before its own)
        c.shas.get(s.file, "")
        for s in c.read
        if s.id == body or (s.key and s.key[0] == scope and s.key[1] != era and s.key[2] in last.body.formed_from)
    )
    key = digest(*mine, code_digest(), c.checker.catalogue.digest, req.lang)
    stem = f"bao-cao/{slug}-{last.period}"
    rels = {"html": f"{stem}.html", "docx": f"{stem}.docx", "json": f"{stem}.json"}
    built.reports[slug] = key
    if c.old.get(slug) == key and all(os.path.isfile(os.path.join(req.output, r)) for r in rels.values()):
        for r in rels.values():
            with open(os.path.join(req.output, r), "rb") as fh:
                built.files[r] = fh.read()
        return rels
    for fmt, content in _made(last.file, c.checker, c.history, req.lang).items():
        built.files[rels[fmt]] = content
    return rels


def _made(path: str, checker: Any, history: History, lang: str) -> dict[str, bytes]:
    from engine.output.json_result import report_json
    from engine.report.docx import docx_writer
    from engine.report.letterhead import load_letterhead
    from engine.report.monthly import build_monthly
    from engine.report.render import render_text

    run = checker.run([path], keep_submissions=True)
    sub, result = run.submissions[0], run.files[0]
    view = build_monthly(sub, result, history, checker.catalogue, lang)
    with tempfile.TemporaryDirectory(prefix="tthc-site-") as work:
        docx = os.path.join(work, "r.docx")
        docx_writer("monthly", view, load_letterhead(None))(docx)
        with open(docx, "rb") as fh:
            word = fh.read()
    return {
        "html": render_text(view, "monthly", "html").encode("utf-8"),
        "docx": word,
        "json": report_json(run, checker.catalogue, lang).encode("utf-8"),
    }
