"""The catalogue and the rules as data: `targets` lists the targets with their basis, `rules` validates and lists
the rules, `schema` prints the JSON Schema of a file a user writes."""

from __future__ import annotations

from engine.errors import TthcError
from engine.jobs.outcome import EXIT_OK, Outcome, refused


def list_targets(fmt: str = "table", lang: str = "vi", targets: str | None = None) -> Outcome:
    from engine.catalogue.listing import catalogue_json, catalogue_markdown, catalogue_table
    from engine.catalogue.load import load_catalogue

    try:
        cat = load_catalogue(targets)
    except TthcError as exc:
        return refused(exc, lang, as_json=fmt == "json")
    render = {"json": catalogue_json, "markdown": catalogue_markdown}.get(fmt, catalogue_table)
    return Outcome(EXIT_OK, stdout=render(cat, lang))


def list_rules(lang: str = "vi", targets: str | None = None, rules: str | None = None) -> Outcome:
    from engine.catalogue.load import load_catalogue
    from engine.resources import data_dir
    from engine.rules.rulebook import load_rulebook

    try:
        book = load_rulebook(rules or data_dir("rules"), load_catalogue(targets))
    except TthcError as exc:
        return refused(exc, lang)
    lines = [
        f"{rule.location.file}:{rule.location.line}: {rule.id} ({rule.action})\n  {rule.description.get(lang)}\n"
        for rule in sorted(book.rules.values(), key=lambda r: (r.location.file or "", r.location.line or 0))
    ]
    return Outcome(EXIT_OK, stdout="".join(lines))


def schema(kind: str = "submission", lang: str = "vi") -> Outcome:
    from engine.errors import Location, Problem, UsageError
    from engine.model.file_schemas import KINDS, file_schema_text
    from engine.model.textnorm import suggest

    if kind not in KINDS:
        problem = Problem(
            "usage.schema_kind",
            {"value": kind, "known": ", ".join(KINDS), "suggestion": suggest(kind, list(KINDS))},
            Location("KIND"),
        )
        return refused(UsageError([problem]), lang)
    return Outcome(EXIT_OK, stdout=file_schema_text(kind))
