"""Vietnamese text: NFC normalisation, diacritic-free folding for matching, and "did you mean"."""

from __future__ import annotations

import difflib
import re
import unicodedata

_DASHES = re.compile(r"[\u2010-\u2015\u2212\-_]+")
_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower case, no diacritics, đ as d, dashes and dots as spaces: the key names are matched on."""
    text = unicodedata.normalize("NFD", text.casefold()).replace("đ", "d").replace("\u0111", "d")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _DASHES.sub(" ", text).replace(".", " ")
    return _SPACES.sub(" ", text).strip()


def suggest(word: str, candidates: list[str] | set[str], *, folded: bool = False) -> str | None:
    """The closest candidate, or None: used for "did you mean …?"."""
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
