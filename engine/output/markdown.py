"""Markdown for pasting into documents and chats, rendered from reports/check.md.j2."""

from __future__ import annotations

from engine.catalogue import Catalogue
from engine.check.result import RunResult
from engine.output.view import confidence_note, header, issue_lines, row, row_groups, summary
from engine.resources import jinja_env
from engine.text import describe
from engine.text.labels import labels


def report_markdown(run: RunResult, cat: Catalogue, lang: str) -> str:
    files = [
        {
            "file": r.file,
            "header": header(r, lang) if r.body else None,
            "rows": [row(f, cat, lang) for f in r.findings],
            "groups": row_groups(r, cat, lang) if r.body else [],
            "summary": summary(r, lang) if r.findings else None,
            "confidence_note": confidence_note(r, lang),
            "issues": issue_lines(r, lang),
            "others": describe.other_figures(r, cat, lang) if r.body else [],
            "units": describe.unit_table(r.units, cat, lang),
            "stated_note": describe.stated_note(r, cat, lang),
        }
        for r in run.files
    ]
    return jinja_env().get_template("check.md.j2").render(files=files, L=labels(lang))
