"""Reporters: a registry of small functions chosen by --format. Each takes a finished RunResult and returns text."""

from __future__ import annotations

from typing import Callable

from engine.catalogue import Catalogue
from engine.check.result import RunResult

Reporter = Callable[[RunResult, Catalogue, str], str]


def _registry() -> dict[str, Reporter]:
    from engine.output.json_result import report_json
    from engine.output.markdown import report_markdown
    from engine.output.table import report_table

    return {"table": report_table, "json": report_json, "markdown": report_markdown}



def get_reporter(name: str) -> Reporter:
    return _registry()[name]
