"""Reporting periods: a year, a quarter, a month, a range of whole months, or any range of days, written the
canonical way (2024, 2024-Q3, 2024-09, 2024-01/2024-09, 2022-12-15/2023-03-14) or as Vietnamese reports write
them ("năm 2024", "Quý II/2021", "quý 2 năm 2021", "6 tháng đầu năm 2024", "9 tháng năm 2022", "tháng 9/2024",
"tháng 9 năm 2024", "từ 15/12/2022 đến 14/3/2023"). Every form reads to the same Period, whose label is canonical.

Written by hand rather than with a date parser: the Vietnamese names are a closed set of phrases, and each must be
read to exactly one period or refused with the reason (a month 13, a fifth quarter, an end before the start).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from engine.model.textnorm import fold

_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})-[Qq](\d)$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_RANGE = re.compile(r"^(\d{4})-(\d{1,2})/(\d{4})-(\d{1,2})$")
_DAYS = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})/(\d{4})-(\d{1,2})-(\d{1,2})$")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}
_DAY = r"(?:ngay )?(\d{1,2})/(\d{1,2})/(\d{4})"
# Vietnamese phrases, matched on folded text (lower case, no diacritics, dashes and dots as spaces)
_VI: list[tuple[str, re.Pattern[str]]] = [
    ("year", re.compile(r"^nam (\d{4})$")),
    ("quarter", re.compile(r"^quy (i{1,3}|iv|v|vi|\d{1,2})(?: nam | ?/ ?| )(\d{4})$")),
    ("month", re.compile(r"^(?:thang )?(\d{1,2})(?: nam | ?/ ?)(\d{4})$")),
    ("first", re.compile(r"^(\d{1,2}) thang (?:dau )?(?:nam )?(\d{4})$")),
    ("last", re.compile(r"^(\d{1,2}) thang cuoi (?:nam )?(\d{4})$")),
    ("months", re.compile(r"^(?:tu )?thang (\d{1,2})(?: ?/ ?(\d{4}))? (?:den|toi) thang (\d{1,2}) ?/ ?(\d{4})$")),
    ("days", re.compile(rf"^(?:tu )?(?:ngay )?(\d{{1,2}})/(\d{{1,2}})(?:/(\d{{4}}))? (?:(?:den|toi) )?{_DAY}$")),
]


@dataclass(frozen=True)
class Period:
    """A reporting period: its canonical label, its kind and its first and last days."""

    label: str  # the canonical form: 2024 | 2024-Q3 | 2024-09 | 2024-01/2024-09 | 2022-12-15/2023-03-14
    kind: str  # year | quarter | month | range (of whole months) | days
    start: date
    end: date

    def __str__(self) -> str:
        return self.label

    @property
    def months(self) -> int:
        """How many months the period spans (for whole months)."""
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1


class PeriodError(ValueError):
    """The text is not a period; the message code says why."""

    def __init__(self, code: str, **params: Any):
        self.code = code
        self.params = params
        super().__init__(code)


def month_end(year: int, month: int) -> date:
    """The month's last day (the first of the next month, less a day: calendar costs an import for this)."""
    return date(year, 12, 31) if month == 12 else date(year, month + 1, 1) - timedelta(days=1)


def _check(year: int, month: int, text: str) -> None:
    if not 1 <= month <= 12:
        raise PeriodError("period.bad_month", value=text, month=month)
    if not 1990 <= year <= 2100:
        raise PeriodError("period.bad_year", value=text, year=year)


def _day(year: int, month: int, day: int, text: str) -> date:
    _check(year, month, text)
    try:
        return date(year, month, day)
    except ValueError:
        raise PeriodError("period.bad_day", value=text, day=f"{day}/{month}/{year}") from None


def year(y: int, text: str | None = None) -> Period:
    _check(y, 1, text or str(y))
    return Period(str(y), "year", date(y, 1, 1), date(y, 12, 31))


def quarter(y: int, q: int, text: str | None = None) -> Period:
    if not 1 <= q <= 4:
        raise PeriodError("period.bad_quarter", value=text or f"{y}-Q{q}", quarter=q)
    _check(y, 1, text or str(y))
    return Period(f"{y}-Q{q}", "quarter", date(y, 3 * q - 2, 1), month_end(y, 3 * q))


def month(y: int, m: int, text: str | None = None) -> Period:
    _check(y, m, text or f"{y}-{m:02d}")
    return Period(f"{y}-{m:02d}", "month", date(y, m, 1), month_end(y, m))


def months(y1: int, m1: int, y2: int, m2: int, text: str) -> Period:
    _check(y1, m1, text)
    _check(y2, m2, text)
    start, end = date(y1, m1, 1), month_end(y2, m2)
    if end < start:
        raise PeriodError("period.reversed", value=text)
    return Period(f"{y1}-{m1:02d}/{y2}-{m2:02d}", "range", start, end)


def days(start: date, end: date, text: str) -> Period:
    """A range of days; one made of whole months is the range of those months."""
    if end < start:
        raise PeriodError("period.reversed", value=text)
    if start.day == 1 and end == month_end(end.year, end.month):
        return months(start.year, start.month, end.year, end.month, text)
    return Period(f"{start.isoformat()}/{end.isoformat()}", "days", start, end)


def parse_period(value: object) -> Period:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise PeriodError("period.format", value=str(value))
    text = str(value).strip()
    if m := _YEAR.match(text):
        return year(int(m[1]), text)
    if m := _QUARTER.match(text):
        return quarter(int(m[1]), int(m[2]), text)
    if m := _MONTH.match(text):
        return month(int(m[1]), int(m[2]), text)
    if m := _RANGE.match(text):
        y1, m1, y2, m2 = (int(x) for x in m.groups())
        return months(y1, m1, y2, m2, text)
    if m := _DAYS.match(text):
        y1, m1, d1, y2, m2, d2 = (int(x) for x in m.groups())
        return days(_day(y1, m1, d1, text), _day(y2, m2, d2, text), text)
    return _vietnamese(text)


def _vietnamese(text: str) -> Period:
    folded = re.sub(r"\s+", " ", fold(text).replace(",", " ")).strip()
    for kind, pattern in _VI:
        m = pattern.match(folded)
        if not m:
            continue
        g = m.groups()
        if kind == "year":
            return year(int(g[0]), text)
        if kind == "quarter":
            q = int(g[0]) if g[0].isdigit() else _ROMAN[g[0]]
            return quarter(int(g[1]), q, text)
        if kind == "month":
            return month(int(g[1]), int(g[0]), text)
        if kind in ("first", "last"):
            n, y = int(g[0]), int(g[1])
            if not 1 <= n <= 12:
                raise PeriodError("period.bad_months", value=text, months=n)
            return months(y, 1, y, n, text) if kind == "first" else months(y, 13 - n, y, 12, text)
        if kind == "months":
            m1, y1, m2, y2 = int(g[0]), int(g[1] or g[3]), int(g[2]), int(g[3])
            return months(y1, m1, y2, m2, text)
        d1, m1, y1, d2, m2, y2 = (int(x) if x else 0 for x in g)
        end = _day(y2, m2, d2, text)
        if not y1:  # "từ 1/7 đến 23/9/2025": the year of the end; "từ 15/12 đến 14/3/2023": the year before it
            y1 = y2 if (m1, d1) <= (m2, d2) else y2 - 1
        return days(_day(y1, m1, d1, text), end, text)
    raise PeriodError("period.format", value=text)


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    index = y * 12 + (m - 1) + n
    return index // 12, index % 12 + 1


def shift(period: Period, by: int) -> Period | None:
    """The same kind of period, earlier or later by whole months: the previous month, the same period last year.
    A cumulative range from January keeps starting in January (2024-01/2024-09 → 2024-01/2024-08); None when
    there is no such period (the month before a range that ends in January, or any shift of a range of days)."""
    if period.kind == "year":
        return year(period.start.year + by // 12) if by % 12 == 0 else None
    if period.kind == "quarter":
        if by % 3:
            return None
        y, m = _add_months(period.start.year, period.start.month, by)
        return quarter(y, (m - 1) // 3 + 1)
    if period.kind == "month":
        y, m = _add_months(period.start.year, period.start.month, by)
        return month(y, m)
    if period.kind != "range":
        return None
    ey, em = _add_months(period.end.year, period.end.month, by)
    if period.start.month == 1 and by % 12:  # year to date: keep January as the start
        if ey != period.end.year or em < 1:
            return None
        return months(ey, 1, ey, em, "")
    sy, sm = _add_months(period.start.year, period.start.month, by)
    return months(sy, sm, ey, em, "")
