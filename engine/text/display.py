"""How exact values are shown. The one rounding rule: values round half up to two decimals; a gap rounds
up (away from zero) so that a target missed by any amount never shows a gap of 0.00.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from fractions import Fraction

_Q = Decimal("0.01")
OP_SYMBOLS = {">=": "≥", ">": ">", "<=": "≤", "<": "<"}


def _decimal(value: Fraction) -> Decimal:
    return Decimal(value.numerator) / Decimal(value.denominator)


def round2(value: Fraction) -> Decimal:
    """Half up, from the exact fraction (not from a float)."""
    scaled = value * 100
    floor = scaled.numerator // scaled.denominator
    rest = scaled - floor
    units = floor + (1 if rest >= Fraction(1, 2) else 0)
    return (Decimal(units) / 100).quantize(_Q, rounding=ROUND_HALF_UP)


def round_gap(value: Fraction) -> Decimal:
    scaled = value * 100
    units = -((-scaled.numerator) // scaled.denominator)  # ceiling
    return (Decimal(units) / 100).quantize(_Q, rounding=ROUND_CEILING)


def number_text(value: Decimal | int, lang: str) -> str:
    """1234.5 as "1.234,50" in Vietnamese, "1,234.50" in English."""
    if isinstance(value, int):
        text = f"{value:,}"
    elif value == value.to_integral_value() and value.as_tuple().exponent >= 0:
        text = f"{int(value):,}"
    else:
        text = f"{value:,f}"
    return text.translate(str.maketrans(",.", ".,")) if lang == "vi" else text


def percent_text(value: Decimal, unit: str, lang: str) -> str:
    text = number_text(value, lang)
    return f"{text} %" if unit == "percent" else text
