"""Benchmark of `tthc-check compute`: rows per second on 1 and 10 million generated records, against a bare
DuckDB scan of the same file, a fair floor (the scan plus grouping every dossier id, which finding duplicates
needs), and what an analyst would otherwise write: pandas, and Polars (lazy), each as plainly. Each measurement
runs in a process of its own, for its own peak memory. Polars is installed by `make bench`, not by the tool.

    python -m bench.records            # prints a Markdown table; results in bench/records.json
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COLUMNS = [
    "MaHoSo",
    "DonViXuLy",
    "NgayTiepNhan",
    "KenhNop",
    "HanXuLy",
    "NgayCoKetQua",
    "TraLai",
    "CoPhi",
    "ThanhToanTrucTuyen",
    "SoHoa",
    "KetQuaDienTu",
]


ROUNDS = 3


def _ours(path: str) -> None:
    """The compute job itself, as the command runs it (the submission's text returned, not written)."""
    from engine.jobs.compute import ComputeRequest, run_compute

    mapping = os.path.join(ROOT, "examples", "records", "mapping.yaml")
    outcome = run_compute(ComputeRequest(path, mapping, "Hà Giang", "2024", "2024-12-31"))
    assert outcome.exit_code == 0, outcome.stderr


def _scan(path: str) -> None:
    import duckdb

    types = dict(
        duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()[i][:2] for i in range(len(COLUMNS) + 1)
    )
    # every value read: lengths of text, maxima of timestamps (a count would be answered from the metadata)
    cols = ", ".join(f'max("{c}")' if "TIMESTAMP" in types.get(c, "") else f'sum(length("{c}"))' for c in COLUMNS)
    duckdb.sql(f"SELECT {cols} FROM read_parquet('{path}')").fetchall()


def _floor(path: str) -> None:
    """The fair floor (issue 16): the bare scan, plus grouping every dossier id, which finding duplicates needs."""
    import duckdb

    _scan(path)
    duckdb.sql(f"SELECT count(*) FROM (SELECT \"MaHoSo\", count(*) FROM read_parquet('{path}') GROUP BY 1)").fetchall()


def _polars(path: str) -> None:
    """What an analyst would pick today, written as plainly as the pandas version: lazy, one plan, collected once."""
    import polars as pl

    c = pl.col
    df = pl.scan_parquet(path).select(COLUMNS).unique(subset="MaHoSo", keep="first", maintain_order=True)
    df = df.filter(~(c("NgayCoKetQua") < c("NgayTiepNhan")).fill_null(False))
    df = df.filter(c("KenhNop").is_in(["TRUC_TUYEN", "TRUC_TIEP", "BUU_CHINH"]))
    s, e = pl.datetime(2024, 1, 1), pl.datetime(2025, 1, 1)
    got = (c("NgayTiepNhan") >= s) & (c("NgayTiepNhan") < e)
    carried = (c("NgayTiepNhan") < s) & (c("NgayCoKetQua").is_null() | (c("NgayCoKetQua") >= s))
    closed = c("NgayCoKetQua").is_not_null() & (c("NgayCoKetQua") < e)
    ret = c("TraLai") == "1"
    res = (got | carried) & closed & ~ret
    done, due = c("NgayCoKetQua").dt.date(), c("HanXuLy").dt.date()
    flags = {
        "carried": carried,
        "online": got & (c("KenhNop") == "TRUC_TUYEN"),
        "offline": got & (c("KenhNop") != "TRUC_TUYEN"),
        "early": res & (done < due),
        "on_time": res & (done == due),
        "late": res & (done > due),
        "returned": (got | carried) & closed & ret,
        "pending": (got | carried) & ~closed,
        "fee": got & (c("CoPhi") == "1"),
        "paid": got & (c("CoPhi") == "1") & (c("ThanhToanTrucTuyen") == "1"),
        "digitised": got & (c("SoHoa") == "1"),
        "e_result": res & (c("KetQuaDienTu") == "1"),
    }
    df.group_by("DonViXuLy").agg([f.fill_null(False).sum().alias(k) for k, f in flags.items()]).collect()


def _pandas(path: str) -> None:
    """What a user would write: read everything, parse, filter and count per unit."""
    import pandas as pd

    df = pd.read_parquet(path, columns=COLUMNS)
    df = df[~df["MaHoSo"].duplicated()]
    for c in ("NgayTiepNhan", "HanXuLy", "NgayCoKetQua"):
        df[c] = pd.to_datetime(df[c].replace("", None), format="%Y-%m-%dT%H:%M")
    df = df[~(df["NgayCoKetQua"] < df["NgayTiepNhan"])]
    df = df[df["KenhNop"].isin(["TRUC_TUYEN", "TRUC_TIEP", "BUU_CHINH"])]
    s, e = pd.Timestamp("2024-01-01"), pd.Timestamp("2025-01-01")
    got = (df["NgayTiepNhan"] >= s) & (df["NgayTiepNhan"] < e)
    carried = (df["NgayTiepNhan"] < s) & (df["NgayCoKetQua"].isna() | (df["NgayCoKetQua"] >= s))
    closed = df["NgayCoKetQua"].notna() & (df["NgayCoKetQua"] < e)
    ret = df["TraLai"] == "1"
    res = (got | carried) & closed & ~ret
    out = pd.DataFrame(
        {
            "unit": df["DonViXuLy"],
            "carried": carried,
            "online": got & (df["KenhNop"] == "TRUC_TUYEN"),
            "offline": got & (df["KenhNop"] != "TRUC_TUYEN"),
            "early": res & (df["NgayCoKetQua"].dt.date < df["HanXuLy"].dt.date),
            "on_time": res & (df["NgayCoKetQua"].dt.date == df["HanXuLy"].dt.date),
            "late": res & (df["NgayCoKetQua"].dt.date > df["HanXuLy"].dt.date),
            "returned": (got | carried) & closed & ret,
            "pending": (got | carried) & ~closed,
            "fee": got & (df["CoPhi"] == "1"),
            "paid": got & (df["CoPhi"] == "1") & (df["ThanhToanTrucTuyen"] == "1"),
            "digitised": got & (df["SoHoa"] == "1"),
            "e_result": res & (df["KetQuaDienTu"] == "1"),
        }
    )
    out.groupby("unit").sum()


def _peak_mb() -> float:
    """This process's own peak resident memory (VmHWM; ru_maxrss survives exec and would count the parent)."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _measure(kind: str, path: str, cache: str) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", "bench.records", "--one", kind, path],
        cwd=ROOT,
        env={**os.environ, "TTHC_CACHE_DIR": cache},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(proc.stdout)


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--one":
        fn = {"ours": _ours, "ours_first": _ours, "scan": _scan, "floor": _floor, "pandas": _pandas, "polars": _polars}[
            sys.argv[2]
        ]
        start = time.perf_counter()
        fn(sys.argv[3])
        elapsed = time.perf_counter() - start
        print(json.dumps({"seconds": elapsed, "peak_rss_mb": _peak_mb()}))
        return
    from engine.records.generate import records, write

    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for rows in (1_000_000, 10_000_000):
            path = os.path.join(folder, f"r{rows}.parquet")
            write(records(rows, seed=1), path)
            # three rounds, the kinds interleaved (this machine's speed drifts), the median of each; in each round
            # compute twice on an empty cache: the first run compiles the definitions' SQL (Ibis), the second runs it
            kinds = ("scan", "floor", "ours_first", "ours", "polars", "pandas")
            rounds = [
                {kind: _measure(kind, path, os.path.join(folder, f"cache{rows}-{i}")) for kind in kinds}
                for i in range(ROUNDS)
            ]
            results[rows] = {
                kind: {k: statistics.median(r[kind][k] for r in rounds) for k in ("seconds", "peak_rss_mb")}
                for kind in kinds
            }
    with open(os.path.join(ROOT, "bench", "records.json"), "w", encoding="utf-8") as fh:
        json.dump(results, fh, indent=2, sort_keys=True)
        fh.write("\n")
    print("| rows | bare DuckDB scan | floor: scan + grouping every id | tthc-check compute, first run | "
          "tthc-check compute, query cached | Polars (lazy) | pandas | compute vs floor | Polars vs compute "
          "(first, cached) | pandas vs compute |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|")
    for rows, r in results.items():

        def cell(k: str, rows: int = rows, r: dict = r) -> str:
            return f"{rows / r[k]['seconds']:,.0f} rows/s ({r[k]['seconds']:.2f} s, {r[k]['peak_rss_mb']:.0f} MB)"

        def ratio(a: str, b: str, r: dict = r) -> str:
            return f"{r[a]['seconds'] / r[b]['seconds']:.2f}×"

        print(
            f"| {rows:,} | {cell('scan')} | {cell('floor')} | {cell('ours_first')} | {cell('ours')} | {cell('polars')} "
            f"| {cell('pandas')} | {ratio('ours', 'floor')} | {ratio('polars', 'ours_first')}, {ratio('polars', 'ours')} "
            f"| {ratio('pandas', 'ours')} |"
        )


if __name__ == "__main__":
    main()
