"""The formulas, written once as Ibis expressions: the same definitions run on DuckDB (here) and on any other
Ibis backend, such as PySpark on a cluster. Written down in README ("Computing from dossier records").

For a period [S, C], C the cut-off (the period's last day, or as_of if earlier), a dossier is
- received in the period if S ≤ received_at ≤ C; online if its channel is online, otherwise in person or by post;
- carried over if received before S and not resolved or returned before S;
- closed if resolved_at ≤ C (resolved_at holds the date a result, or a return, was given);
  returned if closed and flagged returned; resolved otherwise: early if its date is before the due date, on time
  on the due date, late after it;
- pending if carried over or received and not closed by C: in time if due on or after C, overdue before it.
So carried over + received = resolved + pending + returned, by construction.
- Online payment: of the dossiers received with a fee, those paid online. Digitisation: of the dossiers
  received, those digitised. Electronic results: of the dossiers resolved, those with an electronic result.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import ibis

from engine.records.mapping import Mapping
from engine.records.query import VARIABLES, bounds

FLAGS = ("returned", "has_fee", "paid_online", "digitised", "electronic_result")
ISO_TIME, ISO_DAY = "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"


@ibis.udf.scalar.builtin(name="trim")
def _trim(text: str) -> str:  # the backends' own TRIM (spaces): twice as fast on DuckDB as ibis' strip()
    raise NotImplementedError  # a builtin: the backend's own function runs, never this body


@ibis.udf.scalar.builtin(name="try_strptime")
def _try_strptime(text: str, fmt: str) -> datetime:  # DuckDB: NULL, not an error, for an unreadable date
    raise NotImplementedError  # a builtin: the backend's own function runs, never this body


@ibis.udf.scalar.builtin(name="getvariable")
def _moment(name: str) -> datetime:  # DuckDB: a variable set by SET VARIABLE (the period's bounds)
    raise NotImplementedError  # a builtin: the backend's own function runs, never this body


@ibis.udf.scalar.builtin(name="getvariable")
def _day(name: str) -> date:  # DuckDB: a variable set by SET VARIABLE (the cut-off day)
    raise NotImplementedError  # a builtin: the backend's own function runs, never this body


def _text(t: Any, column: str) -> Any:
    return _trim(t[column].cast("string"))


def _portable(fmt: str) -> tuple[str, list[str]]:
    """A strptime format whose literal letters (the T of ISO 8601) are spaces: PySpark's pattern translation
    does not quote them (DuckDB does not mind either way)."""
    out, letters, i = [], [], 0
    while i < len(fmt):
        if fmt[i] == "%" and i + 1 < len(fmt):
            out.append(fmt[i : i + 2])
            i += 2
            continue
        if fmt[i].isalpha():
            letters.append(fmt[i])
            out.append(" ")
        else:
            out.append(fmt[i])
        i += 1
    return "".join(out), sorted(set(letters))


FIRST_YEAR, LAST_YEAR = 1990, 2100  # the years a period may have (engine/model/periods.py)


def _when(t: Any, column: str, fmt: str, letters: list[str], duckdb: bool) -> tuple[Any, Any]:
    """A date column: used as it is when the file has it typed (Parquet), parsed from text otherwise; an
    unreadable date becomes null (and the row is reported), never an error that stops the run."""
    col = t[column]
    if col.type().is_timestamp():
        return _plausible(col), ibis.literal("")
    if col.type().is_date():
        return _plausible(col.cast("timestamp")), ibis.literal("")
    raw = _text(t, column)
    text = raw
    for letter in letters:
        text = text.replace(letter, " ")
    text = text.nullif("")
    iso = raw.replace("T", " ").nullif("")  # a workbook's date cell, in ISO 8601: one reading, whatever the format

    def parse(value: Any, pattern: str) -> Any:
        return _try_strptime(value, pattern) if duckdb else value.as_timestamp(pattern)

    return _plausible(ibis.coalesce(parse(text, fmt), parse(iso, ISO_TIME), parse(iso, ISO_DAY))), raw


def _plausible(value: Any) -> Any:
    """A two-digit year read as year 24, or a typo of 3024, is a bad date (reported), not a dossier carried over
    for centuries. Compared with the first and the after-last moment rather than by extracting the year: the same
    rows, and two comparisons of whole numbers instead of a calendar computation for every date (issue 16: 0.3 s
    of 10 million rows)."""
    first, after = ibis.literal(datetime(FIRST_YEAR, 1, 1)), ibis.literal(datetime(LAST_YEAR + 1, 1, 1))
    return ibis.ifelse((value >= first) & (value < after), value, ibis.null("timestamp"))


def _code(t: Any, column: str, choices: list[tuple[list[str], object]], kind: str) -> Any:
    """A code read as it is, and only where it is not one of the codes, again with the spaces trimmed: the
    trim is paid for the few odd values, not for ten million good ones."""
    raw = t[column].cast("string")
    trimmed = _trim(raw)
    choices = [(values, result) for values, result in choices if values]  # ibis writes IN () as IN ('\0')
    cases = [(raw.isin(values), result) for values, result in choices]
    cases += [(trimmed.isin(values), result) for values, result in choices]
    return ibis.cases(*cases, else_=ibis.null(kind))


def normalise(t: Any, m: Mapping, *, backend: str | None = None) -> Any:
    """Typed columns, the row number in file order, and the first data-quality reason of each row (or null).
    backend: the name of the backend the expression is for, when the table is not bound to one (compiled to SQL
    for it without connecting: engine/records/query.py)."""
    c = m.columns
    if "_row" not in t.columns:  # the DuckDB reader numbers the rows; other backends number them here
        t = t.mutate(_row=ibis.row_number() + 1)
    duckdb = (backend or t.get_backend().name) == "duckdb"
    fmt, letters = _portable(m.date_format)
    received, received_raw = _when(t, c.received_at, fmt, letters, duckdb)
    due, _ = _when(t, c.due_at, fmt, letters, duckdb)
    resolved, resolved_raw = _when(t, c.resolved_at, fmt, letters, duckdb)
    channel = _code(
        t,
        c.channel,
        [(m.channel.online, "online"), (m.channel.in_person, "in_person"), (m.channel.post, "post")],
        "string",
    )

    def flag(column: str) -> Any:
        return _code(t, column, [(m.true_values, True), (m.false_values, False)], "boolean")

    norm = t.select(
        row=t._row,
        id=t[c.dossier_id].cast("string"),
        unit=t[c.unit].cast("string"),
        received=received,
        due=due,
        resolved=resolved,
        channel=channel,
        received_raw=received_raw,
        resolved_raw=resolved_raw,
        **{name: flag(getattr(c, name)) for name in FLAGS},
    )
    # the first row of each repeated id: a grouped minimum (parallel), kept only for ids seen more than once, so
    # that the join back is against a small table, not a window sorted over every row
    # (from the source itself, so that the heavy projection above is not shared, and so not materialised)
    raw_id = t[c.dossier_id].cast("string")
    firsts = t.group_by(id=raw_id).aggregate(first_row=t._row.min(), times=t.count())
    firsts = firsts.filter(firsts.times > 1).drop("times")
    norm = norm.left_join(firsts, "id").drop("id_right")
    bad_flag = ibis.or_(*[norm[name].isnull() for name in FLAGS])
    reason = ibis.cases(
        ((norm.id.isnull()) | (norm.id == ""), "missing_id"),
        (norm.first_row.notnull() & (norm.row != norm.first_row), "duplicate_id"),
        ((norm.unit.isnull()) | (norm.unit == ""), "missing_unit"),
        (norm.received.isnull(), "bad_received"),
        ((norm.due.isnull()) | (norm.resolved.isnull() & (norm.resolved_raw.fill_null("") != "")), "bad_date"),
        (norm.resolved < norm.received, "resolved_before_received"),
        (norm.channel.isnull(), "unknown_channel"),
        (bad_flag, "unknown_flag"),
        else_=ibis.null("string"),
    )
    return norm.mutate(reason=reason).drop("first_row", "received_raw", "resolved_raw")


def aggregate(norm: Any, start: date, end: date, as_of: date | None, *, variables: bool = False) -> Any:
    """One pass: a row per unit (reason null) with every count the submission needs, and a row per unit and
    data-quality reason with how many rows were left out and which (their row numbers). With variables (DuckDB),
    the period's bounds are read from VARIABLES rather than written into the query."""
    s, e, cutoff = bounds(start, end, as_of)
    if variables:
        # named: Ibis cannot name a builtin's call on a literal by itself
        s, e = (_moment(ibis.literal(v)).name(v) for v in VARIABLES[:2])
        cutoff = _day(ibis.literal(VARIABLES[2])).name(VARIABLES[2])
    ok = norm.reason.isnull()
    # each condition once, as a column, then only sums: no expression is evaluated twice per row
    t = norm.mutate(
        _ok=ok,
        _rdate=norm.resolved.date(),
        _ddate=norm.due.date(),
        _received=ok & (norm.received >= s) & (norm.received < e),
        _carried=ok & (norm.received < s) & (norm.resolved.isnull() | (norm.resolved >= s)),
        _closed=norm.resolved.notnull() & (norm.resolved < e),
    )
    t = t.mutate(_scope=t._received | t._carried)
    t = t.mutate(
        _resolved=t._scope & t._closed & ~t.returned,
        _returned=t._scope & t._closed & t.returned,
        _pending=t._scope & ~t._closed,
    )
    received, carried, resolved, returned, pending = t._received, t._carried, t._resolved, t._returned, t._pending
    rdate, ddate = t._rdate, t._ddate
    ok = t._ok

    def n(cond: Any) -> Any:
        return cond.sum().cast("int64")

    return t.group_by(["unit", "reason"]).aggregate(
        dossiers_carried_over=n(carried),
        dossiers_received_online=n(received & (t.channel == "online")),
        dossiers_received_offline=n(received & (t.channel != "online")),
        dossiers_resolved_early=n(resolved & (rdate < ddate)),
        dossiers_resolved_on_time=n(resolved & (rdate == ddate)),
        dossiers_resolved_late=n(resolved & (rdate > ddate)),
        dossiers_pending_in_time=n(pending & (ddate >= cutoff)),
        dossiers_pending_overdue=n(pending & (ddate < cutoff)),
        dossiers_returned=n(returned),
        fee_received=n(received & t.has_fee),
        fee_paid_online=n(received & t.has_fee & t.paid_online),
        digitised=n(received & t.digitised),
        received=n(received),
        resolved=n(resolved),
        electronic_result=n(resolved & t.electronic_result),
        after_cutoff=n(ok & (t.received >= e)),
        first_after_cutoff=t.row.min(where=ok & (t.received >= e)),
        rows=t.count(),
        flagged_rows=t.row.collect(where=t.reason.notnull()),
    )
