"""Benchmark of `tthc-check compute` on a spreadsheet export: 200,000 dossiers in an .xlsx with real date cells
and a title block, read by the compute job (python-calamine), against the reader it replaced (openpyxl in
read-only streaming mode, the sheet copied to a Parquet file of text), each in a process of its own.

    python -m bench.workbook            # prints a Markdown table; results in bench/workbook.json
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROWS = 200_000
DATES = ("NgayTiepNhan", "HanXuLy", "NgayCoKetQua")


def make(path: str, rows: int) -> None:
    """The export: a title, a blank row, the header on row 3, the dates as date cells."""
    import openpyxl

    from engine.records.generate import records

    table = records(rows, seed=13).text
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ NĂM 2024"])
    sheet.append([])
    sheet.append(table.column_names)
    columns = [table.column(i).to_pylist() for i in range(table.num_columns)]
    for values in zip(*columns, strict=True):
        sheet.append(
            [
                datetime.fromisoformat(v) if name in DATES and v else (v or None)
                for name, v in zip(table.column_names, values, strict=True)
            ]
        )
    book.save(path)


def _ours(path: str) -> None:
    from engine.jobs.compute import ComputeRequest, run_compute

    mapping = os.path.join(tempfile.gettempdir(), "tthc-bench-map.yaml")
    with open(os.path.join(ROOT, "examples", "records", "mapping.yaml"), encoding="utf-8") as fh:
        text = fh.read().replace('date_format: "%Y-%m-%dT%H:%M"', 'date_format: "%d/%m/%Y %H:%M"')
    with open(mapping, "w", encoding="utf-8") as fh:
        fh.write(text)
    outcome = run_compute(ComputeRequest(path, mapping, "Hà Giang", "2024", "2024-12-31"))
    assert outcome.exit_code == 0, outcome.stderr


def _openpyxl(path: str) -> None:
    """The reader compute had before: openpyxl streaming the sheet into a Parquet file of text (header on row 1
    only; here the rows are read and converted, which is the cost measured)."""
    import openpyxl
    import pyarrow as pa
    import pyarrow.parquet as pq

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = book.worksheets[0].iter_rows(values_only=True)
    for _ in range(2):
        next(rows)
    header = [str(h) for h in next(rows)]
    out = os.path.join(tempfile.mkdtemp(prefix="tthc-bench-"), "records.parquet")
    schema = pa.schema([(h, pa.string()) for h in header])
    with pq.ParquetWriter(out, schema) as writer:
        batch: list[tuple] = []
        for row in rows:
            batch.append(
                tuple("" if v is None else (v.isoformat() if hasattr(v, "isoformat") else str(v)) for v in row)
            )
            if len(batch) == 50_000:
                writer.write_table(pa.Table.from_pylist([dict(zip(header, r, strict=False)) for r in batch], schema))
                batch = []
        if batch:
            writer.write_table(pa.Table.from_pylist([dict(zip(header, r, strict=False)) for r in batch], schema))


def _measure(kind: str, path: str) -> dict:
    code = (
        "import bench.workbook as b, resource, time; t = time.perf_counter(); "
        f"b._{kind}({path!r}); "
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    seconds, peak = out.stdout.strip().splitlines()[-1].split()
    return {"seconds": float(seconds), "peak_rss_mb": int(peak) / 1024}


def main() -> None:
    path = os.path.join(tempfile.gettempdir(), f"tthc-bench-{ROWS}.xlsx")
    if not os.path.exists(path):
        t = time.perf_counter()
        make(path, ROWS)
        print(f"made {path} in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    results = {kind: _measure(kind, path) for kind in ("ours", "openpyxl")}
    with open(os.path.join(ROOT, "bench", "workbook.json"), "w", encoding="utf-8") as fh:
        json.dump(results, fh, indent=2, sort_keys=True)
        fh.write("\n")
    print(f"| reader ({ROWS:,} rows, .xlsx) | seconds | peak memory |\n|---|--:|--:|")
    print(
        f"| compute, end to end (python-calamine) | {results['ours']['seconds']:.1f} | {results['ours']['peak_rss_mb']:.0f} MB |"
    )
    print(
        f"| the former reader alone (openpyxl streaming) | {results['openpyxl']['seconds']:.1f} | {results['openpyxl']['peak_rss_mb']:.0f} MB |"
    )


if __name__ == "__main__":
    main()
