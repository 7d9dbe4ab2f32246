"""The definitions' queries, run on the embedded DuckDB as SQL compiled once and cached.

The formulas stay Ibis expressions (definitions.py: they are what runs on PySpark), but importing Ibis and
building and compiling the expressions cost 0.5–0.8 s of every `compute` (issue 16: a third of a million-row
run). The SQL they compile to depends only on the code, the records' columns and types and the mapping (the
period's bounds are DuckDB variables the query reads), so it is cached under those; a cached query runs on DuckDB
alone, for any period, and Ibis is not imported at all.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from engine import cache
from engine.records.source import Opened

# the period's bounds as DuckDB variables, so that the compiled query is the same for every period and is compiled
# once (run() sets them before each run; definitions.aggregate reads them)
VARIABLES = ("tthc_start", "tthc_end", "tthc_cutoff")


def bounds(start: date, end: date, as_of: date | None) -> tuple[datetime, datetime, date]:
    """A period's first moment, the moment after its last counted day, and that day (the cut-off)."""
    cutoff = min(end, as_of) if as_of else end
    return (
        datetime(start.year, start.month, start.day),
        datetime.combine(cutoff + timedelta(days=1), datetime.min.time()),
        cutoff,
    )


def rows(relation: Any) -> list[dict[str, Any]]:
    """A query's rows as mappings, read by DuckDB's own client: through Arrow they cost importing pyarrow and
    numpy, a quarter of a million-row compute, for results of a few hundred rows."""
    names = list(relation.columns)
    return [dict(zip(names, row, strict=True)) for row in relation.fetchall()]


def run(
    opened: Opened,
    kind: str,
    parts: tuple[str, ...],
    expression: Callable[[], Any],
    variables: dict[str, datetime | date] | None = None,
) -> list[dict[str, Any]]:
    """The rows of a query. kind names the query (one cache entry each); parts is what the
    expression is built from besides the code and the records' schema; expression() builds it (on a miss);
    variables are set in DuckDB before it runs (a period's bounds: the query reads them, so that one compiled
    query serves every period). Written into SQL text: a bound parameter makes DuckDB's client import pandas."""
    key = cache.digest(kind, cache.code_digest(), opened.name, repr(opened.schema()), *parts)
    sql = cache.load(f"sql-{kind}", key)
    if not isinstance(sql, str):
        import ibis

        sql = str(ibis.to_sql(expression(), dialect="duckdb"))
        cache.store(f"sql-{kind}", key, sql)
    for name, value in (variables or {}).items():
        literal = (
            f"TIMESTAMP '{value:%Y-%m-%d %H:%M:%S}'" if isinstance(value, datetime) else f"DATE '{value:%Y-%m-%d}'"
        )
        opened.con.execute(f"SET VARIABLE {name} = {literal}")
    return rows(opened.con.sql(sql))
