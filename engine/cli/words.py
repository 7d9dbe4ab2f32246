"""The command line's own words (--help), in Vietnamese unless English is asked for (--lang en anywhere on the
command line, or an English environment: LANG=en_…). Typer reads help texts when the commands are registered, so
the language is decided once, here, from the command line and the environment."""

from __future__ import annotations

import os
import sys


def _english() -> bool:
    argv = sys.argv[1:]
    if "--lang" in argv:
        i = argv.index("--lang")
        return i + 1 < len(argv) and argv[i + 1] == "en"
    if "--lang=en" in argv:
        return True
    env = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
    return env.startswith("en")


ENGLISH = _english()


def h(vi: str, en: str) -> str:
    """A help text in the command line's language."""
    return en if ENGLISH else vi
