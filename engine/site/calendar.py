"""The submission calendar: which body submitted which period, which are missing, which came late. A period is
due by the day its calendar sets (targets/calendar.yaml, or the office's own file with --calendar); where no day
is set, nothing is called late. Late is judged by the file's modification date, and the page says so."""

from __future__ import annotations

import calendar as months
from dataclasses import dataclass
from datetime import date

from engine.catalogue import Catalogue
from engine.catalogue.load import Collected
from engine.catalogue.models import Calendar
from engine.errors import CatalogueError
from engine.site.summary import Summary
from engine.text import fmt
from engine.text.labels import label
from engine.vocabulary import Scope


def load_calendars(cat: Catalogue, path: str | None) -> dict[str, Calendar]:
    """By cadence: the shipped calendars, then the office's own (the same `calendars:` section) over them."""
    out: dict[str, Calendar] = {c.cadence: c for c in cat.calendars.values()}
    if path:
        collected = Collected(sections={"calendars": Calendar}, entries={"calendars": {}})
        collected.read(path)
        if collected.problems:
            raise CatalogueError(collected.problems)
        out.update({c.cadence: c for c in collected.entries["calendars"].values()})
    return out


def due(period_end: date, kind: str, calendars: dict[str, Calendar]) -> date | None:
    """The day a period is due: its calendar's day of the month after it ends (the month's last day if shorter)."""
    cal = calendars.get(kind)
    if cal is None or cal.due_day is None:
        return None
    y, m = (period_end.year + 1, 1) if period_end.month == 12 else (period_end.year, period_end.month + 1)
    return date(y, m, min(cal.due_day, months.monthrange(y, m)[1]))


@dataclass
class CalendarCell:
    state: str  # submitted | late | missing | not_due (the body did not exist in that period)
    text: str
    title: str


@dataclass
class CalendarRow:
    name: str
    slug: str
    cells: list[CalendarCell]


@dataclass
class CalendarView:
    periods: list[str]
    rows: list[CalendarRow]
    notes: list[str]  # where the days come from, or that none is set


def calendar_view(
    summaries: list[Summary], names: dict[str, str], slugs: dict[str, str], cat: Catalogue,
    calendars: dict[str, Calendar], lang: str,
) -> CalendarView:  # fmt: skip
    periods = sorted({(s.period_end, s.period_start, s.period, s.period_text) for s in summaries if s.period_end})
    by = {(s.id, s.period): s for s in summaries if s.key}
    kinds = {s.period: _kind(s) for s in summaries}
    rows = []
    for body, name in sorted(names.items(), key=lambda kv: kv[1]):
        scope, era, _ = body.split(":")
        cells = []
        for end, _, period, _ in periods:
            s = by.get((body, period))
            if s is None:
                exists = _era_at(cat, scope, end) == era
                state = "missing" if exists else "not_due"
                words = label("calendar_missing", lang) if exists else label("calendar_not_due", lang)
                cells.append(CalendarCell(state, "✗" if exists else "", words))
                continue
            when = due(end, kinds[period], calendars)
            late = when is not None and s.modified > when
            title = label("calendar_file_date", lang, date=fmt.day(s.modified, lang))
            if when is not None:
                title += " · " + label("calendar_due", lang, date=fmt.day(when, lang))
            cells.append(CalendarCell("late" if late else "submitted", "!" if late else "✓", title))
        rows.append(CalendarRow(name, slugs[body], cells))
    kinds_words = {
        "month": label("calendar_month", lang),
        "quarter": label("calendar_quarter", lang),
        "year": label("calendar_year", lang),
    }
    notes = [
        f"{kinds_words[cadence]}: "
        + (label("calendar_day", lang, day=c.due_day) if c.due_day else label("calendar_no_day", lang))
        + f" ({c.note.get(lang) if c.note else c.source})"
        for cadence, c in sorted(calendars.items())
    ]
    return CalendarView([p[3] for p in periods], rows, notes)


def _kind(s: Summary) -> str:
    from engine.model.periods import parse_period

    return parse_period(s.period).kind if s.period else ""


def _era_at(cat: Catalogue, scope: str, end: date) -> str:
    return cat.ministries.era_at(end) if scope == Scope.MINISTRY else cat.geography.era_at(end)
