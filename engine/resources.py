"""Where the shipped data lives: engine/_data/{rules,targets,reports}, beside this module, found by its path
(importlib.resources gives the same path for a package on disk, at 8 ms of start-up for pathlib and zipfile). In
the wheel these are the folders themselves (pyproject.toml force-includes the top-level rules/, targets/ and
reports/ there); in a checkout they are symbolic links to those top-level folders, so that one path serves both.
Users point --targets and --rules at folders of their own.
"""

from __future__ import annotations

import os
from functools import cache
from typing import Any

SHIPPED = ("rules", "targets", "reports")


def data_dir(name: str) -> str:
    """The shipped folder as a real path (symbolic links resolved, so that messages name rules/status.yaml in a
    checkout, as the user sees it)."""
    if name not in SHIPPED:
        raise ValueError(f"no shipped folder {name!r}")
    folder = os.path.realpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "_data", name))
    if not os.path.isdir(folder):
        raise FileNotFoundError(f"the shipped folder {name!r} is missing from this installation ({folder})")
    return folder


def _escape_markdown(value: object) -> object:
    if isinstance(value, str):
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
    return value


def _compiled_templates() -> Any:
    """Jinja's own cache of compiled templates (keyed by each template's source) in our cache folder: compiling the
    site's and reports' templates cost 0.15 s of every run. None when caching is off or the folder cannot be made."""
    import jinja2

    from engine import cache

    if not cache.enabled():
        return None
    where = os.path.join(cache.folder(), "templates")
    try:
        os.makedirs(where, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(where)


@cache
def jinja_env(kind: str = "markdown") -> Any:
    """Templates from reports/: undefined variables are errors; HTML autoescapes (a unit named <script> is
    text); Markdown escapes the characters that would change a table or become markup."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(data_dir("reports")),
        bytecode_cache=_compiled_templates(),
        undefined=jinja2.StrictUndefined,
        autoescape=kind == "html",
        finalize=None if kind == "html" else _escape_markdown,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
