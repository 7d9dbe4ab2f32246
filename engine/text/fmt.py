"""Vietnamese (and English) number, percent and date formats, from Babel: 58,41 %, 1.972 hồ sơ, 12/12/2024.

Rounding is the project's one rule (engine/display.py): values half up to two decimals, gaps up.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from babel.dates import format_date
from babel.numbers import format_decimal

from engine.text.display import OP_SYMBOLS, round2, round_gap

_LOCALE = {"vi": "vi_VN", "en": "en_GB"}


def number(value: Fraction | Decimal | int, lang: str, places: int = 2) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return format_decimal(value, format="#,##0", locale=_LOCALE[lang])
    exact = round2(Fraction(value)) if places == 2 else Decimal(value)
    pattern = "#,##0.00" if places == 2 else "#,##0.##"
    return format_decimal(exact, format=pattern, locale=_LOCALE[lang])


def value(value: Fraction | Decimal, unit: str, lang: str) -> str:
    text = number(value, lang)
    return f"{text} %" if unit == "percent" else text


def gap(value: Fraction, lang: str) -> str:
    return format_decimal(round_gap(value), format="#,##0.00", locale=_LOCALE[lang])


def threshold(op: str, value: Decimal, unit: str, lang: str) -> str:
    text = format_decimal(value.normalize(), format="#,##0.##", locale=_LOCALE[lang])
    return f"{OP_SYMBOLS[op]} {text}" + (" %" if unit == "percent" else "")


def signed_points(delta: Fraction, lang: str) -> str:
    sign = "+" if delta > 0 else ("−" if delta < 0 else "±")
    word = "điểm" if lang == "vi" else "pts"
    return f"{sign}{number(abs(delta), lang)} {word}"


def day(d: date, lang: str) -> str:
    return format_date(d, "dd/MM/yyyy", locale=_LOCALE[lang])


def long_day(d: date, lang: str) -> str:
    if lang == "vi":
        return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"
    return format_date(d, "d MMMM yyyy", locale=_LOCALE[lang])
