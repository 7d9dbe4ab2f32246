"""The one formatter: how numbers, values, gaps, thresholds and dates are shown, in Vietnamese (58,41 %, 1.972,
12/12/2024) or English (58.41 %, 1,972), for the check's outputs, the reports, Word documents and `targets`.

The display rounding rule is stated here, once: values round half up to two decimals, from the exact fraction;
a gap rounds up (away from zero), so that a target missed by any amount never shows a gap of 0,00. Everything else
is exact: statuses are decided on Fractions before anything is rounded.

Digits are grouped and the decimal mark chosen by Babel (CLDR's symbols for vi_VN and en_GB). Babel is imported on
first use, so that a command that prints no number does not pay for it.
"""

from __future__ import annotations

import importlib.util
import os
from datetime import date
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import cache
from typing import Any

from engine import cache as content_cache
from engine.errors import Location, Quantity, Ratio
from engine.model.periods import Period

OP_SYMBOLS = {">=": "≥", ">": ">", "<=": "≤", "<": "<"}
_Q = Decimal("0.01")
_LOCALE = {"vi": "vi_VN", "en": "en_GB"}


def round2(value: Fraction) -> Decimal:
    """Half up to two decimals, from the exact fraction (never through a float)."""
    scaled = value * 100
    floor = scaled.numerator // scaled.denominator
    units = floor + (1 if scaled - floor >= Fraction(1, 2) else 0)
    return (Decimal(units) / 100).quantize(_Q, rounding=ROUND_HALF_UP)


def round_gap(value: Fraction) -> Decimal:
    """Up to two decimals (ceiling): a gap never shows smaller than it is."""
    scaled = value * 100
    units = -((-scaled.numerator) // scaled.denominator)
    return (Decimal(units) / 100).quantize(_Q, rounding=ROUND_CEILING)


@cache
def _symbols(lang: str) -> tuple[str, str, str]:
    """CLDR's decimal mark, group separator and minus sign for the language, from Babel; kept in the cache, keyed
    by Babel's files, because loading a locale (and babel.dates with it) is a tenth of a plain check's start."""
    locale = _LOCALE.get(lang, "en_GB")
    key = content_cache.digest(locale, content_cache.code_digest(), *_babel_stamp(locale))
    known = content_cache.load(f"symbols-{locale}", key)
    if isinstance(known, tuple) and len(known) == 3 and all(isinstance(s, str) for s in known):
        return known
    from babel.numbers import get_decimal_symbol, get_group_symbol, get_minus_sign_symbol

    symbols = (get_decimal_symbol(locale), get_group_symbol(locale), get_minus_sign_symbol(locale))
    content_cache.store(f"symbols-{locale}", key, symbols)
    return symbols


def _babel_stamp(locale: str) -> list[str]:
    """Size and modification time of Babel's code and of the locale's data, found without importing Babel: another
    Babel (another CLDR) is installed as new files, so another key."""
    spec = importlib.util.find_spec("babel")
    if spec is None or spec.origin is None:
        return ["no babel"]
    root = os.path.dirname(spec.origin)
    stamp = []
    for name in ("__init__.py", "numbers.py", "locale-data/root.dat", f"locale-data/{locale}.dat"):
        try:
            st = os.stat(os.path.join(root, name))
            stamp.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            stamp.append(f"{name}:missing")
    return stamp


def _format(value: Decimal | int, places: int, lang: str) -> str:
    """Babel's symbols, Python's exact grouping: Babel's format_decimal parses its pattern and looks the symbols up
    on every call (issue 16: 80 % of a 34-province briefing went there, 100,000 numbers). The places are those of
    the value itself, so nothing is rounded here; a property test holds this equal to format_decimal."""
    decimal_mark, group, minus = _symbols(lang)
    text = format(value, f",.{places}f")
    text = text.translate({ord(","): group, ord("."): decimal_mark})
    return minus + text[1:] if text.startswith("-") else text


def number(value: int | Decimal | Fraction, lang: str) -> str:
    """A whole number grouped ("1.972"); a Decimal exactly as written ("58,4" stays one decimal); a Fraction
    rounded by the display rule to two decimals."""
    if isinstance(value, Fraction):
        value = round2(value)
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    if isinstance(value, int):
        return _format(value, 0, lang)
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return _format(value, places, lang)


def unit_suffix(text: str, unit: str, lang: str) -> str:
    """ "58,41 %", "78,96 điểm" ("78.96 points"); a count bare."""
    if unit == "percent":
        return f"{text} %"
    if unit == "points":
        return f"{text} {'điểm' if lang == 'vi' else 'points'}"
    return text


def value(exact: Fraction | Decimal, unit: str, lang: str) -> str:
    """A figure in its metric's unit, rounded by the display rule: "58,41 %", "85,57 điểm"."""
    return unit_suffix(number(round2(Fraction(exact)), lang), unit, lang)


def gap(exact: Fraction, lang: str) -> str:
    """Points below the threshold, rounded up."""
    return number(round_gap(exact), lang)


def threshold(op: str, exact: Decimal, unit: str, lang: str) -> str:
    """A threshold as its instrument states it, never rounded: "≥ 45 %", "≥ 97,5 %"."""
    normal = exact.normalize()
    return unit_suffix(f"{OP_SYMBOLS[op]} {number(normal, lang)}", unit, lang)


def signed_points(delta: Fraction, lang: str) -> str:
    sign = "+" if delta > 0 else ("−" if delta < 0 else "±")
    return f"{sign}{number(abs(delta), lang)} {'điểm' if lang == 'vi' else 'pts'}"


def day(d: date, lang: str) -> str:
    """dd/mm/yyyy, the form Vietnamese documents use (and en_GB's)."""
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def dated(d: date, precision: str, lang: str) -> str:
    """A date known to the day or only to the month ("07/2025")."""
    return f"{d.month:02d}/{d.year}" if precision == "month" else day(d, lang)


def param(value: Any, lang: str) -> Any:
    """A message parameter as shown: quantities and exact decimals localised, a period as reports write it, words
    in the language asked for;
    anything else (a line, a year, a code) unchanged."""
    if isinstance(value, Decimal) and value.is_finite():
        return number(value, lang)
    if isinstance(value, Quantity):
        return number(int(value), lang)
    if isinstance(value, Period):
        return period(value, lang)
    if isinstance(value, Ratio):
        return f"{number(value.numerator, lang)}/{number(value.denominator, lang)}"
    if isinstance(value, Location):
        return place(value, lang)
    if callable(getattr(value, "get", None)) and hasattr(value, "vi"):  # catalogue Text: {vi, en}
        return value.get(lang)
    return value


def place(loc: Location, lang: str) -> str:
    """Where another value is, inside a message: "dòng 17" in YAML, "ô Số đếm!C7" in a workbook, the key path
    when neither is known (data handed over in memory); never "line None"."""
    vi = lang == "vi"
    if loc.cell:
        return f"{'ô' if vi else 'cell'} {loc.cell}"
    if loc.line:
        return f"{'dòng' if vi else 'line'} {loc.line}"
    return loc.path or ("chỗ khác trong tệp" if vi else "elsewhere in the file")


_ROMAN = ("I", "II", "III", "IV")


@cache
def _month_names(lang: str) -> tuple[str, ...]:
    from babel.dates import get_month_names

    names = get_month_names("wide", locale=_LOCALE.get(lang, "en_GB"))
    return tuple(names[m] for m in range(1, 13))


def period_in_words(p: Period, lang: str) -> str:
    """A period inside a sentence of an administrative document: "tháng 9 năm 2025", "quý III năm 2025" (Nghị
    định 30 writes the year in words, not after a slash); English as period()."""
    if lang != "vi":
        return period(p, lang)
    s = p.start
    if p.kind == "month":
        return f"tháng {s.month} năm {s.year}"
    if p.kind == "quarter":
        return f"quý {_ROMAN[(s.month - 1) // 3]} năm {s.year}"
    text = period(p, lang)
    return text.replace(f"/{p.end.year}", f" năm {p.end.year}") if p.kind == "range" and text.count("/") == 1 else text


def period(p: Period, lang: str) -> str:
    """A period as Vietnamese reports write it ("Quý II/2021", "9 tháng năm 2022", "tháng 9/2025", "từ 15/12/2022
    đến 14/3/2023"), or in English ("Q2 2021", "January–September 2022"); never the canonical code."""
    s, e = p.start, p.end
    if lang == "vi":
        if p.kind == "year":
            return f"năm {s.year}"
        if p.kind == "quarter":
            return f"Quý {_ROMAN[(s.month - 1) // 3]}/{s.year}"
        if p.kind == "month":
            return f"tháng {s.month}/{s.year}"
        if p.kind == "range" and s.year == e.year and s.month == 1:
            return "6 tháng đầu năm " + str(s.year) if p.months == 6 else f"{p.months} tháng năm {s.year}"
        if p.kind == "range" and s.year == e.year and e.month == 12:
            return f"{p.months} tháng cuối năm {s.year}"
        if p.kind == "range" and s.year == e.year:
            return f"từ tháng {s.month} đến tháng {e.month}/{s.year}"
        if p.kind == "range":
            return f"từ tháng {s.month}/{s.year} đến tháng {e.month}/{e.year}"
        return f"từ {s.day}/{s.month}/{s.year} đến {e.day}/{e.month}/{e.year}"
    names = _month_names(lang)
    if p.kind == "year":
        return str(s.year)
    if p.kind == "quarter":
        return f"Q{(s.month - 1) // 3 + 1} {s.year}"
    if p.kind == "month":
        return f"{names[s.month - 1]} {s.year}"
    if p.kind == "range" and s.year == e.year:
        return f"{names[s.month - 1]}–{names[e.month - 1]} {s.year}"
    if p.kind == "range":
        return f"{names[s.month - 1]} {s.year}–{names[e.month - 1]} {e.year}"
    return f"{s.day}/{s.month}/{s.year} to {e.day}/{e.month}/{e.year}"
