"""The definitions' queries, run on the embedded DuckDB as SQL compiled once and cached.

The formulas stay Ibis expressions (definitions.py: they are what runs on PySpark), but importing Ibis and
building and compiling the expressions cost 0.5–0.8 s of every `compute` (issue 16: a third of a million-row
run). The SQL they compile to depends only on the code, the records' columns and types, the mapping and the
period, so it is cached under those; a cached query runs on DuckDB alone and Ibis is not imported at all.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from engine import cache
from engine.records.source import Opened


def arrow(opened: Opened, kind: str, parts: tuple[str, ...], expression: Callable[[], Any]) -> Any:
    """The rows of a query as an Arrow table. kind names the query (one cache entry each); parts is what the
    expression is built from besides the code and the records' schema; expression() builds it (on a miss)."""
    key = cache.digest(kind, cache.code_digest(), opened.name, repr(opened.schema()), *parts)
    sql = cache.load(f"sql-{kind}", key)
    if not isinstance(sql, str):
        import ibis

        sql = str(ibis.to_sql(expression(), dialect="duckdb"))
        cache.store(f"sql-{kind}", key, sql)
    return opened.con.sql(sql).to_arrow_table()
