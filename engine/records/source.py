"""Opening dossier records as an Ibis table on DuckDB: CSV and Parquet read by DuckDB itself (streaming, in
parallel, out of core), Excel streamed row by row into a Parquet file first. Every column is read as text, so
that our own parsing, with its data-quality report, decides what a value means."""

from __future__ import annotations

import os
import tempfile
from typing import Any

import ibis

from engine.errors import DataFileError, Location, Problem
from engine.model.textnorm import suggest
from engine.records.mapping import Mapping


def connect(memory_limit: str = "1GB", temp_dir: str | None = None) -> Any:
    con = ibis.duckdb.connect()
    con.raw_sql(f"SET memory_limit = '{memory_limit}'")
    con.raw_sql("SET preserve_insertion_order = true")  # row numbers in reports are the file's own order
    if temp_dir:
        con.raw_sql(f"SET temp_directory = '{temp_dir}'")
    return con


def open_records(con: Any, path: str, mapping: Mapping, display: str) -> Any:
    if not os.path.exists(path):
        raise DataFileError([Problem("file.not_found", {}, Location(display))])
    lower = path.lower()
    if lower.endswith(".xlsx"):
        path, lower = _xlsx_to_parquet(path, display), ".parquet"
    if lower.endswith(".parquet"):
        # read where it lies, in parallel, through a view (each use scans the file; nothing is materialised);
        # the file's own row numbers, without a window over every row
        con.raw_sql(
            f"CREATE OR REPLACE TEMP VIEW tthc_records_view AS SELECT file_row_number + 1 AS _row, "
            f"* EXCLUDE (file_row_number) FROM read_parquet('{_quote(path)}', file_row_number = true)"
        )
        table = con.table("tthc_records_view")
    elif lower.endswith(".csv"):
        # loaded once into a temporary table (in parallel; spilled to disk past the memory limit), whose rowid
        # is the file's row order
        con.raw_sql(
            f"CREATE OR REPLACE TEMP TABLE tthc_records AS SELECT * FROM "
            f"read_csv('{_quote(path)}', all_varchar = true, header = true)"
        )
        con.raw_sql("CREATE OR REPLACE TEMP VIEW tthc_records_view AS SELECT rowid + 1 AS _row, * FROM tthc_records")
        table = con.table("tthc_records_view")
    else:
        raise DataFileError([Problem("records.format", {"ext": os.path.splitext(path)[1]}, Location(display))])
    have = [c for c in table.columns if c != "_row"]
    missing = [(field, col) for field, col in mapping.columns.model_dump().items() if col not in have]
    if missing:
        raise DataFileError(
            [
                Problem(
                    "records.missing_column",
                    {"field": f, "column": c, "suggestion": suggest(c, have), "have": ", ".join(have[:20])},
                    Location(display),
                )
                for f, c in missing
            ]
        )
    return table


def _quote(path: str) -> str:
    return path.replace("'", "''")


def _xlsx_to_parquet(path: str, display: str) -> str:
    """Stream an Excel sheet (read-only mode: memory bounded) into a temporary Parquet file of text columns."""
    import openpyxl
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise DataFileError([Problem("records.xlsx", {"reason": str(exc)}, Location(display))]) from None
    sheet = book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [str(h) for h in next(rows, [])]
    out = os.path.join(tempfile.mkdtemp(prefix="tthc-check-"), "records.parquet")
    schema = pa.schema([(h, pa.string()) for h in header])
    with pq.ParquetWriter(out, schema) as writer:
        batch: list[tuple] = []
        for row in rows:
            batch.append(
                tuple(
                    "" if v is None else (v.strftime("%Y-%m-%dT%H:%M") if hasattr(v, "strftime") else str(v))
                    for v in row
                )
            )
            if len(batch) == 50_000:
                writer.write_table(pa.Table.from_pylist([dict(zip(header, r, strict=False)) for r in batch], schema))
                batch = []
        if batch:
            writer.write_table(pa.Table.from_pylist([dict(zip(header, r, strict=False)) for r in batch], schema))
    book.close()
    return out
