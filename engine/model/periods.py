"""Reporting periods: a year, a quarter, a month or a cumulative range of months."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})-[Qq]([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_RANGE = re.compile(r"^(\d{4})-(\d{2})/(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class Period:
    label: str
    kind: str  # year | quarter | month | range
    start: date
    end: date

    def __str__(self) -> str:
        return self.label


class PeriodError(ValueError):
    """The text is not a period; the message code says why."""

    def __init__(self, code: str, **params: Any):
        self.code = code
        self.params = params
        super().__init__(code)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _check_month(year: int, month: int, text: str) -> None:
    if not 1 <= month <= 12:
        raise PeriodError("period.bad_month", value=text, month=month)
    if not 1990 <= year <= 2100:
        raise PeriodError("period.bad_year", value=text, year=year)


def parse_period(value: object) -> Period:
    text = str(value).strip()
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise PeriodError("period.format", value=text)
    if m := _YEAR.match(text):
        year = int(m[1])
        _check_month(year, 1, text)
        return Period(text, "year", date(year, 1, 1), date(year, 12, 31))
    if m := _QUARTER.match(text):
        year, q = int(m[1]), int(m[2])
        _check_month(year, 1, text)
        return Period(f"{year}-Q{q}", "quarter", date(year, 3 * q - 2, 1), _month_end(year, 3 * q))
    if m := _MONTH.match(text):
        year, month = int(m[1]), int(m[2])
        _check_month(year, month, text)
        return Period(text, "month", date(year, month, 1), _month_end(year, month))
    if m := _RANGE.match(text):
        y1, m1, y2, m2 = (int(x) for x in m.groups())
        _check_month(y1, m1, text)
        _check_month(y2, m2, text)
        start, end = date(y1, m1, 1), _month_end(y2, m2)
        if end < start:
            raise PeriodError("period.reversed", value=text)
        return Period(text, "range", start, end)
    raise PeriodError("period.format", value=text)


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def shift(period: Period, months: int) -> Period | None:
    """The same kind of period, earlier or later by whole months: the previous month, the same period last year.
    A cumulative range from January keeps starting in January (2024-01/2024-09 → 2024-01/2024-08); None when
    there is no such period (the month before a range that ends in January)."""
    if period.kind == "year":
        return parse_period(str(period.start.year + months // 12)) if months % 12 == 0 else None
    if period.kind == "quarter":
        if months % 3:
            return None
        y, m = _add_months(period.start.year, period.start.month, months)
        return parse_period(f"{y}-Q{(m - 1) // 3 + 1}")
    if period.kind == "month":
        y, m = _add_months(period.start.year, period.start.month, months)
        return parse_period(f"{y}-{m:02d}")
    ey, em = _add_months(period.end.year, period.end.month, months)
    if period.start.month == 1 and months % 12:  # year to date: keep January as the start
        if ey != period.end.year or em < 1:
            return None
        return parse_period(f"{ey}-01/{ey}-{em:02d}")
    sy, sm = _add_months(period.start.year, period.start.month, months)
    return parse_period(f"{sy}-{sm:02d}/{ey}-{em:02d}")
