"""Vietnamese text: NFC normalisation, diacritic-free folding for matching, and "did you mean"."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Any

_DASHES = re.compile(r"[\u2010-\u2015\u2212\-_]+")
_SPACES = re.compile(r"\s+")


# C0 controls but tab and line ends, DEL, C1 controls, and the bidirectional overrides and isolates: text that
# could move a terminal's cursor, colour it, hide or reverse what follows it, or break a Word file (a NUL)
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def nfc(text: str) -> str:
    """Text as every input is read: NFC, with control characters made harmless (U+FFFD, visible as such) so that
    no output, terminal, Markdown, HTML, Word or Excel, carries them."""
    if text.isascii() and text.isprintable():  # already NFC, no control: most keys and codes (a tenth of reading)
        return text
    return _CONTROLS.sub("\ufffd", unicodedata.normalize("NFC", text))


def one_line(text: str) -> str:
    """A name on one line: a line break inside a unit's name would start a heading in Markdown."""
    return " ".join(text.split())


def fold(text: str) -> str:
    """Lower case, no diacritics, đ as d, dashes and dots as spaces: the key names are matched on."""
    text = unicodedata.normalize("NFD", text.casefold()).replace("đ", "d").replace("\u0111", "d")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _DASHES.sub(" ", text).replace(".", " ")
    return _SPACES.sub(" ", text).strip()


def suggest(word: str, candidates: list[str] | set[str], *, folded: bool = False) -> str | None:
    """The closest candidate, or None: used for "did you mean …?"."""
    import difflib  # here: only a message needs it, not a plain check's start

    pool = sorted(candidates)
    if folded:
        keys = {fold(c): c for c in pool}
        hit = difflib.get_close_matches(fold(word), list(keys), n=1, cutoff=0.6)
        return keys[hit[0]] if hit else None
    hit = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    if hit:
        return hit[0]
    # a shortened name ("meets" for "meets_threshold"): the one candidate that starts with it
    starts = [c for c in pool if len(word) >= 3 and c.startswith(word)]
    return starts[0] if len(starts) == 1 else None


def shown(value: Any) -> str:
    """A value as a message shows it to a person, never Python's repr: a date as 01/09/2024, a boolean as YAML
    writes it, a list or a mapping by what it is."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, datetime):
        return f"{value:%d/%m/%Y %H:%M}" if (value.hour, value.minute) != (0, 0) else f"{value:%d/%m/%Y}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, list):
        return "[" + ", ".join(shown(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{shown(k)}: {shown(v)}" for k, v in value.items()) + "}"
    if isinstance(value, bytes):
        return "<bytes>"
    return str(value)
