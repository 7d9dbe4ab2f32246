"""The periods tthc-check reads, as one regular expression for the JSON Schema, so that an editor refuses what
the reader refuses (2024-13, Quý V/2024, tháng 13/2024) and accepts what it reads, diacritics or not.

Written by hand beside engine/model/periods.py rather than derived from it: the reader's patterns are looser on
purpose (it reads "Quý V" to say what is wrong with it); tests/test_schemas.py checks that the two agree on a
list of periods written right and wrong. One thing a pattern cannot know is the length of a month (30/2/2024):
the reader refuses it with its place.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from engine.model.textnorm import fold

_SEP = r"[\s,]+"  # the reader folds commas to spaces and collapses runs of space
_SLASH = r"[\s,]*/[\s,]*"
_YEAR = r"(199\d|20\d\d|2100)"
_MONTH = r"(0?[1-9]|1[0-2])"
_DAY = r"(0?[1-9]|[12]\d|3[01])"


@cache
def _letters() -> dict[str, str]:
    """Each Latin letter with every Vietnamese letter that folds to it, upper and lower case."""
    groups: dict[str, set[str]] = {}
    for code in list(range(0x41, 0x7B)) + list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(code)
        if not ch.isalpha() or unicodedata.normalize("NFC", ch) != ch:
            continue
        folded = fold(ch)
        if len(folded) == 1 and "a" <= folded <= "z":
            groups.setdefault(folded, set()).add(ch)
    return {k: "[" + "".join(sorted(v)) + "]" for k, v in groups.items()}


def _word(folded: str) -> str:
    """A word as the reader matches it: any case, with or without diacritics."""
    letters = _letters()
    return "".join(letters[ch] for ch in folded)


def _any(*words: str) -> str:
    return "(" + "|".join(_word(w) for w in words) + ")"


def _opt(part: str) -> str:
    return f"({part}{_SEP})?"


def _phrases() -> list[str]:
    nam, thang = _word("nam"), _word("thang")
    roman = r"(" + _word("iii") + "|" + _word("ii") + "|" + _word("iv") + "|" + _word("i") + ")"
    quarter = rf"(0?[1-4]|{roman})"
    to = _any("den", "toi")
    date = rf"{_opt(_word('ngay'))}{_DAY}/{_MONTH}/{_YEAR}"
    return [
        rf"{nam}{_SEP}{_YEAR}",
        rf"{_word('quy')}{_SEP}{quarter}({_SEP}{nam}{_SEP}|{_SLASH}|{_SEP}){_YEAR}",
        rf"{_opt(thang)}{_MONTH}({_SEP}{nam}{_SEP}|{_SLASH}){_YEAR}",
        rf"{_MONTH}{_SEP}{thang}{_SEP}{_opt(_word('dau'))}{_opt(nam)}{_YEAR}",
        rf"{_MONTH}{_SEP}{thang}{_SEP}{_word('cuoi')}{_SEP}{_opt(nam)}{_YEAR}",
        rf"{_opt(_word('tu'))}{thang}{_SEP}{_MONTH}({_SLASH}{_YEAR})?{_SEP}{to}{_SEP}{thang}{_SEP}{_MONTH}"
        rf"{_SLASH}{_YEAR}",
        rf"{_opt(_word('tu'))}{_opt(_word('ngay'))}{_DAY}/{_MONTH}(/{_YEAR})?{_SEP}{_opt(to)}{date}",
    ]


def period_pattern() -> str:
    canonical = [
        _YEAR,
        rf"{_YEAR}-[Qq][1-4]",
        rf"{_YEAR}-{_MONTH}",
        rf"{_YEAR}-{_MONTH}/{_YEAR}-{_MONTH}",
        rf"{_YEAR}-{_MONTH}-{_DAY}/{_YEAR}-{_MONTH}-{_DAY}",
    ]
    return r"^\s*(" + "|".join(f"({p})" for p in canonical + _phrases()) + r")\s*$"
