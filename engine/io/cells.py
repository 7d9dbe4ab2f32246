"""An Excel cell read by what it is, never guessed: its type and its number format say what was typed.

- A number in a cell formatted as a percentage ("95,9%") is stored by Excel as 0.959: it is read as 95.9 where a
  percentage is expected, and refused where a count or a score is (the cell says something else than the column).
- A date cell is a date: the cut-off date as it is; a reporting period typed as "9/2024", which Excel turns into
  1/9/2024 shown as a month, is that month; a date showing a day where a number or a period is expected is refused.
- A number typed as text (a cell formatted as Text, or pasted) is read by the same rules as in YAML: plain digits
  are the number, "58,41" is read with a warning, "1.972" is explained; spaces around it are not an error.
- Text typed as a date, day first ("12/12/2024", as the template shows), is that day, without a warning.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from engine.model.textnorm import nfc, shown

_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')  # literal text, escaped characters, colours and conditions
_DIGITS = re.compile(r"^[+-]?\d+$")
_DECIMAL = re.compile(r"^[+-]?\d+\.\d+$")
_DAY_FIRST = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def _codes(number_format: str | None) -> str:
    """The format's codes alone: without its quoted text, escapes and bracketed parts."""
    return _QUOTED.sub("", number_format or "")


def is_percent(number_format: str | None) -> bool:
    return "%" in _codes(number_format)


def shows_day(number_format: str | None) -> bool:
    """Whether a date format shows the day of the month ("dd/mm/yyyy" does, "mm/yyyy" and "mmm-yy" do not)."""
    codes = _codes(number_format).lower()
    return "d" in codes or codes in ("", "general")


class CellProblem(Exception):
    """What a cell holds cannot be what its column asks for: a message code and its parameters."""

    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.code, self.params = code, params


def _day(value: datetime | date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _number(value: Any) -> Any:
    """An int stays an int; a float is the number as Excel shows it (its shortest repr), never a binary float."""
    if isinstance(value, float):
        exact = Decimal(repr(value))
        return int(exact) if exact == exact.to_integral_value() and abs(exact) < 2**53 else exact
    return value


def _text(value: str) -> Any:
    """Text as YAML would read the same characters unquoted: plain digits a whole number, digits with a decimal
    point a decimal; anything else stays text, for the same rules (and messages) as YAML."""
    text = nfc(value).strip()
    if _DIGITS.match(text):
        return int(text)
    if _DECIMAL.match(text):
        return Decimal(text)
    return text


def number(value: Any, number_format: str | None, *, percent: bool) -> Any:
    """A cell of a numeric column. `percent`: the column holds a percentage (a %-formatted cell is read ×100)."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (datetime, date)):
        raise CellProblem("xlsx.date_in_number", day=shown(_day(value)))
    if isinstance(value, (int, float)):
        if is_percent(number_format):
            scaled = _number(float(Decimal(repr(float(value))).scaleb(2)))  # 0.959 shown as 95,9% is 95.9
            if not percent:
                raise CellProblem("xlsx.percent_here", value=scaled)
            return scaled
        return _number(value)
    if isinstance(value, str):
        return _text(value)
    return value


def text(value: Any) -> Any:
    """A cell of a text column (a name, an id, a code): text trimmed; a number as the number."""
    if isinstance(value, str):
        return nfc(value).strip()
    return _number(value)


def day(value: Any) -> Any:
    """The cut-off date: a date cell, or text day first ("12/12/2024"); anything else for the model to explain."""
    if isinstance(value, (datetime, date)):
        return _day(value)
    if isinstance(value, str) and (m := _DAY_FIRST.match(value.strip())):
        d, mo, y = (int(x) for x in m.groups())
        try:
            return date(y, mo, d)
        except ValueError:
            raise CellProblem("date.impossible", value=value.strip()) from None
    return text(value)


def period(value: Any, number_format: str | None) -> Any:
    """The reporting period: text as typed; a date cell shown as a month (Excel's reading of "9/2024") is that
    month; a date cell that shows a day is not a period, and is refused rather than guessed."""
    if isinstance(value, (datetime, date)):
        if shows_day(number_format):
            raise CellProblem("xlsx.period_is_day", day=shown(_day(value)))
        return f"{value.year}-{value.month:02d}"
    return text(value)
