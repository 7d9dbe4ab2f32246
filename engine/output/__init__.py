"""How a check's result is output: a registry of reporters chosen by --format (or by the extension of -o). Each
takes a finished RunResult and returns text; none decides anything. Reporters are imported when chosen, so that a
table does not pay for the JSON or Markdown machinery."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from engine.catalogue import Catalogue
from engine.check.result import RunResult

Reporter = Callable[[RunResult, Catalogue, str], str | bytes]  # text, or a binary file (a workbook)
REPORTERS: dict[str, tuple[str, str]] = {
    "table": ("engine.output.table", "report_table"),
    "json": ("engine.output.json_result", "report_json"),
    "markdown": ("engine.output.markdown", "report_markdown"),
    "csv": ("engine.output.tabular", "report_csv"),
    "xlsx": ("engine.output.tabular", "report_xlsx"),
}
BINARY = frozenset({"xlsx"})  # written to a file only
FORMATS = tuple(REPORTERS)
EXTENSIONS = {".json": "json", ".md": "markdown", ".txt": "table", ".csv": "csv", ".xlsx": "xlsx"}


def get_reporter(name: str) -> Reporter:
    module, function = REPORTERS[name]
    reporter: Reporter = getattr(importlib.import_module(module), function)
    return reporter
