"""A deterministic generator of realistic dossier records, for tests and benchmarks.

    python -m engine.records.generate 100000 records.parquet [--seed 7] [--year 2024]

Column names and codes are a provincial one-stop system's own (Vietnamese), so that a mapping file is needed;
examples/records/mapping.yaml maps them. Made-up data: no real dossier.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

UNITS = [
    "Trung tâm Phục vụ hành chính công tỉnh",
    "Sở Tư pháp",
    "Sở Xây dựng",
    "Sở Tài chính",
    "Sở Nông nghiệp và Môi trường",
    "Xã Minh Tân",
    "Xã Thuận Hòa",
    "Phường Hà Giang 1",
    "Phường Hà Giang 2",
    "Xã Yên Sơn",
]
CHANNELS = ["TRUC_TUYEN", "TRUC_TIEP", "BUU_CHINH"]
MINUTE = np.timedelta64(1, "m")


def records(n: int, seed: int = 7, year: int = 2024) -> Records:
    return Records(*_records(n, seed, year))


class Records:
    """The generated records: as text (how a CSV export writes them) and with typed dates (a Parquet export)."""

    def __init__(self, text: pa.Table, times: dict):
        self.text, self.times = text, times

    def typed(self) -> pa.Table:
        table = self.text
        for name, column in self.times.items():
            table = table.set_column(table.schema.get_field_index(name), name, column)
        return table


def _iso(times: Any) -> Any:
    """ISO text to the minute, as CSV exports write dates."""
    return np.datetime_as_string(times, unit="m")


def _yes_no(flags: Any) -> Any:
    return np.where(flags, "1", "0").astype(object)


def _records(n: int, seed: int = 7, year: int = 2024) -> tuple[pa.Table, dict[str, pa.Array]]:
    rng = np.random.default_rng(seed)
    start = np.datetime64(f"{year - 1}-11-01T00:00")
    span = int((np.datetime64(f"{year + 1}-01-01T00:00") - start) / MINUTE)
    received = start + rng.integers(0, span, n) * MINUTE
    unit = rng.integers(0, len(UNITS), n)
    commune = unit >= 5
    online_p = np.where(commune, 0.35, 0.62)
    channel = np.where(rng.random(n) < online_p, 0, np.where(rng.random(n) < 0.9, 1, 2))
    days = rng.choice(np.array([3, 5, 7, 10, 15, 20]), n)
    due = received + days * 1440 * MINUTE
    taken = (days * rng.uniform(0.2, 1.3, n) * 1440).astype(np.int64)
    resolved = received + taken * MINUTE
    now = np.datetime64(f"{year}-12-31T23:59")
    pending = resolved > now
    returned = rng.random(n) < 0.015
    has_fee = rng.random(n) < 0.35
    paid_online = has_fee & (rng.random(n) < np.where(commune, 0.30, 0.55))
    digitised = rng.random(n) < np.where(commune, 0.70, 0.92)
    e_result = ~pending & (rng.random(n) < 0.8)
    ids = np.char.add("HS", np.char.zfill(np.arange(1, n + 1).astype(str), 9))
    if n >= 20:  # a few faults, as real exports have them: duplicate ids, a result before receipt, unknown codes
        k = max(n // 5000, 2)
        ids[rng.choice(n, k, replace=False)] = ids[rng.choice(n, k, replace=False)]
        bad = rng.choice(n, k, replace=False)
        resolved[bad] = received[bad] - 1440 * MINUTE
        pending[bad] = False
    chan = np.array(CHANNELS, dtype=object)[channel]
    if n >= 20:
        chan[rng.choice(n, max(n // 10000, 1), replace=False)] = "KHAC"
    res_text = np.where(pending, "", _iso(resolved)).astype(object)
    res_time = pa.array(resolved.astype("datetime64[us]"), mask=pending)
    text = pa.table(
        {
            "MaHoSo": ids.astype(object),
            "MaTTHC": np.char.add("1.00", (rng.integers(1000, 1400, n)).astype(str)).astype(object),
            "DonViXuLy": np.array(UNITS, dtype=object)[unit],
            "NgayTiepNhan": _iso(received).astype(object),
            "KenhNop": chan,
            "HanXuLy": _iso(due).astype(object),
            "NgayCoKetQua": res_text,
            "TraLai": _yes_no(returned),
            "CoPhi": _yes_no(has_fee),
            "ThanhToanTrucTuyen": _yes_no(paid_online),
            "SoHoa": _yes_no(digitised),
            "KetQuaDienTu": _yes_no(e_result),
        }
    )
    # a Parquet export keeps its types: the same records with the dates as timestamps
    return text, {
        "NgayTiepNhan": pa.array(received.astype("datetime64[us]")),
        "HanXuLy": pa.array(due.astype("datetime64[us]")),
        "NgayCoKetQua": res_time,
    }


def write(recs: Records, path: str) -> None:
    if path.endswith(".parquet"):
        pq.write_table(recs.typed(), path, compression="zstd")
    elif path.endswith(".csv"):
        pacsv.write_csv(recs.text, path)
    else:
        raise ValueError("write .parquet or .csv")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("rows", type=int)
    parser.add_argument("path")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--year", type=int, default=2024)
    args = parser.parse_args()
    os.makedirs(os.path.dirname(os.path.abspath(args.path)), exist_ok=True)
    write(records(args.rows, args.seed, args.year), args.path)


if __name__ == "__main__":
    main()
