"""Where the shipped data lives: inside the installed wheel (engine/_data/…) or, in a checkout, at the top level
of the repository (rules/, targets/, reports/). Users can point --targets and --rules at folders of their own.
"""

from __future__ import annotations

import os
from functools import lru_cache

_HERE = os.path.dirname(os.path.abspath(__file__))


def data_dir(name: str) -> str:
    for candidate in (os.path.join(_HERE, "_data", name), os.path.join(os.path.dirname(_HERE), name)):
        if os.path.isdir(candidate):
            return candidate
    raise FileNotFoundError(f"the shipped folder {name!r} is missing from this installation")


def _escape_markdown(value: object) -> object:
    if isinstance(value, str):
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
    return value


@lru_cache(maxsize=None)
def jinja_env(kind: str = "markdown"):
    """Templates from reports/: undefined variables are errors; HTML autoescapes (a unit named <script> is
    text); Markdown escapes the characters that would change a table or become markup."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(data_dir("reports")),
        undefined=jinja2.StrictUndefined,
        autoescape=kind == "html",
        finalize=None if kind == "html" else _escape_markdown,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
