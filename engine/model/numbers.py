"""Numbers as people type them: whole counts, values in a metric's unit, and what YAML 1.1 and Vietnamese
writing do to them. Nothing is guessed: a form with one reading is read (and said so), any other is explained.

- "1.972" in a count: YAML reads a float; in Vietnamese the dot separates thousands: explained, "write 1972".
- 010: YAML 1.1 reads octal 8; 0x1F, 1_000: other bases and separators: explained, "write 10".
- "58,41" or "58,41 %" as a value: the comma is the Vietnamese decimal mark and a percentage cannot reach 1,000,
  so there is one reading, 58.41: accepted, with a warning that says how it was read.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from engine.model.textnorm import shown

if TYPE_CHECKING:
    from pydantic_core import PydanticCustomError

MAX_VALUE = 10**12
_VN_DECIMAL = re.compile(r"^\s*(\d{1,3})(?:[,.](\d+))?\s*%?\s*$")
_LEADING_ZERO = re.compile(r"^[+-]?0\d+$")
_OTHER_FORM = re.compile(r"^[+-]?(0[xob][0-9a-f_]+|\d[\d_]*_\d+|\d+(:\d+)+)$", re.IGNORECASE)


class NumberText(str):
    """A plain YAML scalar that looks like a number but which YAML 1.1 would misread (010, 0x1F, 1_000, 1:30)."""


class ReadFromText(Decimal):
    """A value given as text ("58,41 %") and read as a number: the check warns how it was read."""

    text: str

    def __new__(cls, value: str, text: str) -> ReadFromText:
        obj = super().__new__(cls, value)
        obj.text = text
        return obj


def _error(code: str, **ctx: Any) -> PydanticCustomError:
    from pydantic_core import PydanticCustomError  # only for a value that is wrong (engine/model/hooks.py)

    return PydanticCustomError(f"tthc.{code}", code, ctx)


def _plain_int(text: str) -> str:
    """The digits a person meant, for the hint: 010 → 10, 1_000 → 1000, 0x1F → 31."""
    cleaned = text.replace("_", "")
    try:
        return str(int(cleaned, 0)) if cleaned.lower().startswith(("0x", "0o", "0b")) else str(int(cleaned, 10))
    except ValueError:
        return ""


def _text_problem(kind: str, text: str) -> PydanticCustomError:
    stripped = text.strip()
    if _LEADING_ZERO.match(stripped):
        return _error("number.leading_zero", value=stripped, hint=_plain_int(stripped))
    if _OTHER_FORM.match(stripped):
        return _error("number.other_form", value=stripped, hint=_plain_int(stripped))
    if kind == "count":
        cleaned = stripped.replace(".", "").replace(",", "").replace(" ", "")
        return _error("count.text", value=text, hint=cleaned if cleaned.isdigit() else "")
    return _error("value.text", value=text, hint="")


def count(value: Any) -> int:
    """A whole number of items, never negative."""
    if type(value) is int and 0 <= value <= MAX_VALUE:  # as nearly every count is written (not bool: its own type)
        return value
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict, bytes)):
        raise _error("count.not_number", value=shown(value), yaml_bool=isinstance(value, bool))
    if isinstance(value, str):
        raise _text_problem("count", value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise _error("number.not_finite", value=str(value))
        if value != value.to_integral_value():
            raise _error("count.fractional", value=str(value), hint=_thousands(value))
        value = int(value)
    if not isinstance(value, int):
        raise _error("count.not_number", value=shown(value))
    if value < 0:
        raise _error("count.negative", value=str(value))
    if value > MAX_VALUE:
        raise _error("number.too_large", value=str(value))
    return value


def number(value: Any) -> Decimal:
    """A value in the metric's unit; a Vietnamese decimal written as text is read (ReadFromText)."""
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict, bytes)):
        raise _error("value.not_number", value=shown(value), yaml_bool=isinstance(value, bool))
    if isinstance(value, str):
        if isinstance(value, NumberText):
            raise _text_problem("value", value)
        match = _VN_DECIMAL.match(value)
        if not match:
            raise _text_problem("value", value)
        return ReadFromText(f"{match[1]}.{match[2] or 0}", value.strip())
    try:
        value = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise _error("value.not_number", value=shown(value)) from None
    if not value.is_finite():
        raise _error("number.not_finite", value=str(value))
    if abs(value) > MAX_VALUE:
        raise _error("number.too_large", value=str(value))
    return value


def _thousands(value: Decimal) -> str:
    whole, _, frac = format(value, "f").partition(".")
    return whole + frac if len(frac) == 3 else ""


_DAY_FIRST = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")


class ReadDate(date):
    """A date written day first, as Vietnamese documents write it ("23/9/2025"), read as such: the check says how it
    was read and how to write it (ISO) so that nothing is left to guess."""

    text: str

    def __new__(cls, year: int, month: int, day: int, text: str) -> ReadDate:
        obj = super().__new__(cls, year, month, day)
        obj.text = text
        return obj


def day_first(value: Any) -> Any:
    """ "23/9/2025" → 2025-09-23 (a ReadDate); anything else is left for the date field's own validation."""
    if not isinstance(value, str) or not (m := _DAY_FIRST.match(value)):
        return value
    d, mo, y = (int(x) for x in m.groups())
    try:
        return ReadDate(y, mo, d, value.strip())
    except ValueError:
        raise _error("date.impossible", value=value.strip()) from None
