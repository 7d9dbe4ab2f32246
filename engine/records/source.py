"""Opening dossier records in DuckDB, as one-stop systems export them (an Ibis table when the definitions need one).

- CSV is read by DuckDB itself (in parallel, spilled to disk past the memory limit); Parquet where it lies.
- Workbooks (.xlsx, .xlsm, .xls, .ods, .xlsb) are read with python-calamine (Rust; typed cells): a date cell is a
  date whatever the mapping's `date_format` says, which is for dates written as text.
- Exports as they come: a title block above the header (the header row is found, or given as `header_row:`), merged
  title cells, and summary rows after the last dossier (skipped, and said).
- Every value is text (a date cell as ISO 8601) so that our own parsing, with its data-quality report, decides what
  it means; `_row` is the row number as the user's spreadsheet shows it (the header counts), for every format.
"""

from __future__ import annotations

import atexit
import csv
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

import duckdb

from engine.errors import DataFileError, Location, Problem
from engine.io.inputs import open_input
from engine.io.yamlio import legacy_encoding
from engine.model.textnorm import nfc, suggest
from engine.records.mapping import Mapping

WORKBOOKS = (".xlsx", ".xlsm", ".xls", ".ods", ".xlsb")
SCAN = 50  # rows searched for the header when the mapping does not give it
Progress = Callable[[str], None]


@dataclass
class Opened:
    con: Any  # the DuckDB connection holding the records
    name: str  # the table or view of the records in it
    header_row: int | None  # the header's row in the file (1-based); None for Parquet
    footer: int = 0  # rows after the last dossier (totals, signatures): skipped, and said
    parquet: str = ""  # a Parquet file read where it lies: its read_parquet(...) call, numbering rows from 0
    _table: Any = None

    def schema(self) -> list[tuple[str, str]]:
        """Each column's name and type, in order."""
        return _described(self.con, self.name)

    @property
    def table(self) -> Any:
        """The records as an Ibis table for the definitions (engine/records/query.py: only when the query they
        compile to is not cached; Ibis takes 0.3 s to import). Unbound, with DuckDB's own columns and types: the
        definitions are compiled to DuckDB's SQL without connecting Ibis to it, which would import its DuckDB
        backend, pyarrow and numpy (a third of a first run at a million rows); a test holds the SQL to that of
        the bound table."""
        if self._table is None:
            import ibis
            from ibis.backends.sql.datatypes import DuckDBType  # DuckDB's type names read as Ibis reads them

            schema = ibis.schema({name: DuckDBType.from_string(kind) for name, kind in self.schema()})
            self._table = ibis.table(schema, name=self.name)
        return self._table


def connect(memory_limit: str = "1GB", temp_dir: str | None = None) -> Any:
    """A DuckDB connection set as Ibis sets its own (UTC; no Python variables read as tables), so that the
    definitions' queries mean the same whether Ibis runs them or their cached SQL runs alone."""
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    con.execute("SET python_enable_replacements = false")
    con.execute(f"SET memory_limit = '{memory_limit}'")
    con.execute("SET preserve_insertion_order = true")  # row numbers in reports are the file's own order
    if temp_dir:
        con.execute(f"SET temp_directory = '{_quote(temp_dir)}'")
    return con


def _described(con: Any, name: str) -> list[tuple[str, str]]:
    return [(row[0], row[1]) for row in con.execute(f'DESCRIBE "{name}"').fetchall()]


def _columns(con: Any, name: str) -> list[str]:
    return [column for column, _ in _described(con, name)]


def open_records(con: Any, path: str, mapping: Mapping, display: str, progress: Progress | None = None) -> Opened:
    open_input(path, display)
    lower = path.lower()
    path = _literal(path)
    if lower.endswith(WORKBOOKS):
        return _workbook(con, path, mapping, display, progress)
    if lower.endswith(".parquet"):
        # read where it lies, in parallel, through a view (each use scans the file; nothing is materialised)
        scan = f"read_parquet('{_quote(path)}', file_row_number = true)"
        try:
            con.execute(
                f"CREATE OR REPLACE TEMP VIEW tthc_records_view AS SELECT file_row_number + 1 AS _row, "
                f"* EXCLUDE (file_row_number) FROM {scan}"
            )
            have = _columns(con, "tthc_records_view")
        except duckdb.Error:
            raise DataFileError([Problem("records.bad_parquet", {}, Location(display))]) from None
        _check_columns(mapping, [c for c in have if c != "_row"], display, None)
        return Opened(con, "tthc_records_view", None, parquet=scan)
    if lower.endswith(".csv"):
        return _csv(con, path, mapping, display)
    raise DataFileError([Problem("records.format", {"ext": os.path.splitext(path)[1]}, Location(display))])


def _literal(path: str) -> str:
    """The path DuckDB is given: one with glob characters (glob[1].csv, hg*.csv) would be read as a pattern (and
    several files merged), so such a file is reached through a link of a plain name in a private folder."""
    if not any(ch in path for ch in "*?[]{}"):
        return path
    folder = tempfile.mkdtemp(prefix="tthc-check-")
    atexit.register(shutil.rmtree, folder, True)
    link = os.path.join(folder, "records" + os.path.splitext(path)[1].lower())
    os.symlink(os.path.abspath(path), link)
    return link


def _quote(path: str) -> str:
    return path.replace("'", "''")


def _wanted(mapping: Mapping) -> list[str]:
    return list(mapping.columns.model_dump().values())


def _check_columns(mapping: Mapping, have: list[str], display: str, row: int | None) -> None:
    missing = [(field, col) for field, col in mapping.columns.model_dump().items() if col not in have]
    if missing:
        where = Location(display, line=row)
        raise DataFileError(
            [
                Problem(
                    "records.missing_column",
                    {"field": f, "column": c, "suggestion": suggest(c, have), "have": ", ".join(have[:20])},
                    where,
                )
                for f, c in missing
            ]
        )


def find_header(rows: list[list[str]], mapping: Mapping, display: str) -> int:
    """The index of the header among the first rows: the one naming every mapped column (or `header_row:`); when
    none does, the missing columns are named against the row that names the most."""
    wanted = set(_wanted(mapping))
    if mapping.header_row is not None:
        index = mapping.header_row - 1
        if index >= len(rows):
            raise DataFileError([Problem("records.no_header", {"row": mapping.header_row}, Location(display))])
        _check_columns(mapping, rows[index], display, index + 1)
        return index
    for i, row in enumerate(rows):
        if wanted <= set(row):
            return i
    best = max(range(len(rows)), key=lambda i: len(wanted & set(rows[i])), default=0)
    _check_columns(mapping, rows[best] if rows else [], display, best + 1)
    return best  # not reached: the check above names what is missing


def _cell(value: Any) -> str:
    """A cell as text: a date or time cell in ISO 8601, a whole number without ".0", text as it is (NFC)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"  # as Excel shows it; the mapping's true_values decide
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return nfc(str(value)).strip() if isinstance(value, str) else str(value)


def _workbook(con: Any, path: str, mapping: Mapping, display: str, progress: Progress | None) -> Opened:
    """The first sheet, as text columns, with each row's number as the spreadsheet shows it; converted to Arrow in
    batches, so that only one batch of Python strings is alive at a time."""
    from python_calamine import CalamineWorkbook

    try:
        sheet = CalamineWorkbook.from_path(path).get_sheet_by_index(0)
        rows = sheet.iter_rows()
        head = [[_cell(v) for v in row] for _, row in zip(range(SCAN), rows, strict=False)]
    except Exception as exc:  # a file calamine cannot open is the user's file, not our bug
        raise DataFileError([Problem("records.xlsx", {"reason": str(exc)}, Location(display))]) from None
    h = find_header(head, mapping, display)
    where = {name: i for i, name in enumerate(head[h]) if name}
    batch = _Batch(list(where), _markers(mapping))
    for n, row in enumerate(head[h + 1 :], start=h + 2):
        batch.add(n, [_cell(v) for v in row], where)
    for n, values in enumerate(rows, start=len(head) + 1):
        batch.add(n, [_cell(v) for v in values], where)
        if progress and n % 20_000 == 0:
            progress(f"{display}: {n:,} rows read")
    table = batch.table()
    kept = batch.last_id  # summary rows after the last dossier are left out
    con.register("tthc_arrow", table.slice(0, kept))
    con.execute("CREATE OR REPLACE TEMP TABLE tthc_records AS SELECT * FROM tthc_arrow")
    con.unregister("tthc_arrow")
    return Opened(con, "tthc_records", h + 1, table.num_rows - kept)


class _Batch:
    """Rows gathered as text columns and turned into Arrow record batches every 50,000 rows."""

    SIZE = 50_000

    def __init__(self, names: list[str], markers: tuple[str, str, str]) -> None:
        self.names, self.markers = names, markers
        self.batches: list[Any] = []
        self.rows = 0
        self.last_id = 0  # rows up to and including the last dossier
        self._reset()

    def _reset(self) -> None:
        self.numbers: list[int] = []
        self.columns: dict[str, list[str]] = {name: [] for name in self.names}

    def add(self, n: int, cells: list[str], where: dict[str, int]) -> None:
        if not any(cells):
            return
        self.numbers.append(n)
        for name, i in where.items():
            self.columns[name].append(cells[i] if i < len(cells) else "")
        self.rows += 1
        ident, unit, received = (self.columns[name][-1] for name in self.markers)
        if ident and (unit or received):
            self.last_id = self.rows
        if len(self.numbers) == self.SIZE:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self.numbers:
            self.batches.append(pa.record_batch({"_row": self.numbers, **self.columns}))
        self._reset()

    def table(self) -> Any:
        import pyarrow as pa

        self._flush()
        schema = pa.schema([("_row", pa.int64()), *((name, pa.string()) for name in self.names)])
        return pa.Table.from_batches([b.cast(schema) for b in self.batches], schema=schema)


def _markers(mapping: Mapping) -> tuple[str, str, str]:
    """The columns that make a row a dossier: an id with a unit or a date of receipt. Rows after the last dossier
    are a summary ("Tổng cộng" with its sums, often in the id column) or signatures: skipped, and said."""
    c = mapping.columns
    return c.dossier_id, c.unit, c.received_at


def _csv(con: Any, path: str, mapping: Mapping, display: str) -> Opened:
    """Loaded once into a temporary table (in parallel; spilled to disk past the memory limit), from its header,
    found among the first rows, on; each row numbered as a spreadsheet shows the file."""
    sample = _sample(path, display)
    try:
        delimiter = csv.Sniffer().sniff("".join(sample), delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = ","
    head = [[nfc(c).strip() for c in row] for row in csv.reader(sample, delimiter=delimiter)]
    h = find_header(head, mapping, display)
    # the dialect is ours (DuckDB's sniffer gives up on one bad row and says nothing of where): every column text
    names = [f"'{_quote(name)}': 'VARCHAR'" for name in head[h]]
    try:
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE tthc_records AS SELECT * FROM read_csv('{_quote(path)}', "
            f"auto_detect = false, header = true, skip = {h}, delim = '{_quote(delimiter)}', quote = '\"', "
            f"escape = '\"', encoding = 'utf-8', columns = {{{', '.join(names)}}})"
        )
    except duckdb.Error as exc:
        raise DataFileError([_csv_problem(str(exc), h, display)]) from None
    have = _columns(con, "tthc_records")
    _check_columns(mapping, have, display, h + 1)
    ident, unit, received = (
        'trim(coalesce("' + name.replace('"', '""') + "\", '')) <> ''" for name in _markers(mapping)
    )
    total, last = con.execute(
        f"SELECT count(*), max(CASE WHEN {ident} AND ({unit} OR {received}) THEN rowid END) FROM tthc_records"
    ).fetchone()
    last = -1 if last is None else last
    con.execute(
        f"CREATE OR REPLACE TEMP VIEW tthc_records_view AS SELECT rowid + {h + 2} AS _row, * FROM tthc_records "
        f"WHERE rowid <= {last}"
    )
    return Opened(con, "tthc_records_view", h + 1, total - (last + 1))


def _sample(path: str, display: str) -> list[str]:
    """The first lines, as text; a file in another encoding than UTF-8 is said as such, with what to do."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(1 << 20)
    except OSError as exc:
        raise DataFileError([Problem("records.csv", {"reason": exc.strerror or str(exc)}, Location(display))]) from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataFileError([Problem("records.csv_encoding", {"encoding": "UTF-16"}, Location(display))])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.start < len(raw) - 4:  # not merely a letter cut by the end of the sample
            encoding = legacy_encoding(raw) or "?"
            raise DataFileError([Problem("records.csv_encoding", {"encoding": encoding}, Location(display))]) from None
        text = raw[: exc.start].decode("utf-8-sig")
    return text.splitlines(keepends=True)[:SCAN]


def _csv_problem(message: str, header: int, display: str) -> Problem:
    """DuckDB's reading error as the user's problem: the row as the spreadsheet shows it, the reason in short."""
    if "unicode" in message.lower():
        return Problem("records.csv_encoding", {"encoding": "?"}, Location(display))
    first = message.splitlines()[0].split("Error: ", 1)[-1].strip()
    line = re.search(r"[Ll]ine:? (\d+)", message)
    columns = re.search(r"Expected Number of Columns: (\d+) Found: (\d+)", message)
    if line and columns:
        row, expected, found = int(line.group(1)), int(columns.group(1)), int(columns.group(2))
        return Problem("records.csv_columns", {"row": row, "expected": expected, "found": found}, Location(display))
    if line and "unterminated quote" in message:
        return Problem("records.csv_quote", {"row": int(line.group(1))}, Location(display))
    if line:
        return Problem("records.csv_row", {"row": int(line.group(1)), "reason": first}, Location(display))
    return Problem("records.csv", {"reason": first}, Location(display))
