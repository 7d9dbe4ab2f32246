"""Computing a submission from dossier records: the formulas against an independent implementation (known
answers), every input format, the data-quality report, and the mapping's errors."""

from __future__ import annotations

import csv
import os
from collections import defaultdict
from datetime import date, datetime, timedelta

import pytest
import yaml

from engine.model.periods import parse_period
from engine.records.generate import records, write
from engine.records.mapping import load_mapping
from engine.text.labels import label

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

MAPPING = os.path.join(ROOT, "examples", "records", "mapping.yaml")
SAMPLE = os.path.join(ROOT, "examples", "records", "ha-giang-2024.csv")


def known_answers(path: str, start: date, end: date) -> tuple[dict, dict]:
    """The README's definitions, written again in plain Python over the CSV: per unit counts, and exclusions."""
    fmt = "%Y-%m-%dT%H:%M"
    s, e = datetime(start.year, start.month, start.day), datetime.combine(end + timedelta(days=1), datetime.min.time())
    seen, units, excluded = set(), defaultdict(lambda: defaultdict(int)), defaultdict(int)
    with open(path, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            received = datetime.strptime(r["NgayTiepNhan"], fmt)
            due = datetime.strptime(r["HanXuLy"], fmt)
            resolved = datetime.strptime(r["NgayCoKetQua"], fmt) if r["NgayCoKetQua"] else None
            if r["MaHoSo"] in seen:
                excluded["duplicate_id"] += 1
                continue
            seen.add(r["MaHoSo"])
            if resolved and resolved < received:
                excluded["resolved_before_received"] += 1
                continue
            if r["KenhNop"] not in ("TRUC_TUYEN", "TRUC_TIEP", "BUU_CHINH"):
                excluded["unknown_channel"] += 1
                continue
            u = units[r["DonViXuLy"]]
            got = s <= received < e
            carried = received < s and (resolved is None or resolved >= s)
            if not (got or carried):
                continue
            if got:
                u["online" if r["KenhNop"] == "TRUC_TUYEN" else "offline"] += 1
                u["received"] += 1
                u["fee"] += r["CoPhi"] == "1"
                u["paid"] += r["CoPhi"] == "1" and r["ThanhToanTrucTuyen"] == "1"
                u["digitised"] += r["SoHoa"] == "1"
            else:
                u["carried"] += 1
            if resolved is not None and resolved < e:
                if r["TraLai"] == "1":
                    u["returned"] += 1
                else:
                    u["resolved"] += 1
                    u[
                        "early"
                        if resolved.date() < due.date()
                        else "on_time"
                        if resolved.date() == due.date()
                        else "late"
                    ] += 1
                    u["e_result"] += r["KetQuaDienTu"] == "1"
            else:
                u["in_time" if due.date() >= end else "overdue"] += 1
    return units, excluded


def _computed(cli, tmp_path, records_path: str, period: str = "2024", extra: list[str] | None = None):
    out = tmp_path / "s.yaml"
    result = cli(
        [
            "compute",
            records_path,
            "--mapping",
            MAPPING,
            "--province",
            "Hà Giang",
            "--period",
            period,
            "-o",
            str(out),
            *(extra or []),
        ]
    )
    assert result.code == 0, result.stderr
    with open(out, encoding="utf-8") as fh:
        return yaml.safe_load(fh), result.stderr


@pytest.mark.parametrize("period", ["2024", "2024-09", "2024-Q2"])
def test_counts_equal_the_known_answers(cli, tmp_path, period):
    p = parse_period(period)
    units, excluded = known_answers(SAMPLE, p.start, p.end)
    doc, stderr = _computed(cli, tmp_path, SAMPLE, period)
    names = {
        "carried": "dossiers_carried_over",
        "online": "dossiers_received_online",
        "offline": "dossiers_received_offline",
        "early": "dossiers_resolved_early",
        "on_time": "dossiers_resolved_on_time",
        "late": "dossiers_resolved_late",
        "in_time": "dossiers_pending_in_time",
        "overdue": "dossiers_pending_overdue",
        "returned": "dossiers_returned",
    }
    by_unit = {u["name"]: u for u in doc["units"]}
    assert set(by_unit) == set(units)
    for name, u in units.items():
        assert by_unit[name]["counts"] == {names[k]: u[k] for k in names}, name
        pay = by_unit[name]["indicators"].get("online_payment_rate")
        assert (pay["numerator"], pay["denominator"]) == (u["paid"], u["fee"]) if u["fee"] else pay is None
    totals = {names[k]: sum(u[k] for u in units.values()) for k in names}
    assert doc["counts"] == totals
    assert doc["indicators"]["digitization_rate"] == {
        "numerator": sum(u["digitised"] for u in units.values()),
        "denominator": sum(u["received"] for u in units.values()),
    }
    assert doc["indicators"]["electronic_result_rate"] == {
        "numerator": sum(u["e_result"] for u in units.values()),
        "denominator": sum(u["resolved"] for u in units.values()),
    }
    for reason, n in excluded.items():  # said in words, never as a code
        assert f"loại {n} dòng: {label(f'reason_{reason}', 'vi')}" in stderr and reason not in stderr


def test_the_output_is_a_valid_submission_that_checks(cli, tmp_path):
    _, _ = _computed(cli, tmp_path, SAMPLE)
    result = cli([str(tmp_path / "s.yaml"), "-f", "json"])
    assert result.code in (0, 1)
    assert '"severity": "error"' not in result.stdout and '"identity.broken"' not in result.stdout


def test_parquet_and_excel_give_the_same_submission(cli, tmp_path):
    recs = records(500, seed=11)
    for name in ("r.csv", "r.parquet"):  # the Parquet file has typed timestamps, the CSV text
        write(recs, str(tmp_path / name))
    table = recs.text
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(table.column_names)
    for row in table.to_pylist():
        sheet.append(list(row.values()))
    book.save(tmp_path / "r.xlsx")
    docs = [_computed(cli, tmp_path, str(tmp_path / n))[0] for n in ("r.csv", "r.parquet", "r.xlsx")]
    assert docs[0] == docs[1] == docs[2]


def test_cut_off_date(cli, tmp_path):
    doc, stderr = _computed(cli, tmp_path, SAMPLE, "2024", ["--as-of", "2024-06-30"])
    units, _ = known_answers(SAMPLE, date(2024, 1, 1), date(2024, 6, 30))
    assert doc["as_of"] == date(2024, 6, 30)
    assert doc["counts"]["dossiers_received_online"] == sum(u["online"] for u in units.values())
    assert "tiếp nhận sau ngày chốt" in stderr


def test_missing_column_names_the_column(cli, tmp_path):
    import pyarrow.csv as pacsv

    pacsv.write_csv(records(50).text.drop(["SoHoa"]), str(tmp_path / "r.csv"))
    result = cli(
        [
            "compute",
            str(tmp_path / "r.csv"),
            "--mapping",
            MAPPING,
            "--province",
            "Hà Giang",
            "--period",
            "2024",
            "-o",
            str(tmp_path / "s.yaml"),
        ]
    )
    assert result.code == 2 and 'thiếu cột "SoHoa" (cho digitised)' in result.stderr
    assert not (tmp_path / "s.yaml").exists()


def test_mapping_errors_have_file_and_line(tmp_path):
    bad = tmp_path / "map.yaml"
    with open(MAPPING, encoding="utf-8") as fh:
        bad.write_text(fh.read().replace("true_values:", "true_value:"), encoding="utf-8")
    with pytest.raises(Exception) as err:
        load_mapping(str(bad))
    problems = [(p.code, p.location.line, p.params.get("suggestion")) for p in err.value.problems]
    assert ("field.unknown", 22, "true_values") in problems


def test_bad_province_or_period(cli, tmp_path):
    result = cli(["compute", SAMPLE, "--mapping", MAPPING, "--province", "Yên Bái", "--period", "2025-09"])
    assert result.code == 2 and "Lào Cai" in result.stderr


def test_a_repeated_compute_runs_the_cached_query_without_ibis(tmp_path):
    """The definitions' SQL is compiled on the first run and serves every later period (its bounds are DuckDB
    variables): a run for another period imports neither Ibis nor pyarrow and numpy (rows are read by DuckDB's
    own client), and says and writes what a run without any cache
    does (the submission, the rejected rows, the data-quality report)."""
    import subprocess
    import sys

    probe = (
        "import sys, io, contextlib\n"
        "from engine.cli.main import main\n"
        "err = io.StringIO()\n"
        "with contextlib.redirect_stderr(err):\n"
        f"    code = main(['compute', {SAMPLE!r}, '--mapping', {MAPPING!r}, '--province', 'Hà Giang', '--period',\n"
        "                 sys.argv[1], '-o', 'out.yaml', '--rejected', 'rejected.csv'])\n"
        "print(code, any(m in sys.modules for m in ('ibis', 'pyarrow', 'numpy')), repr(err.getvalue()))\n"
    )

    def run(period: str, where: str, cache: str) -> tuple[str, str, str, bytes, bytes]:
        os.makedirs(tmp_path / where)
        env = {**os.environ, "TTHC_CACHE_DIR": str(tmp_path / "cache"), "TTHC_CACHE": cache, "PYTHONPATH": ROOT}
        proc = subprocess.run(
            [sys.executable, "-c", probe, period], cwd=tmp_path / where, env=env, capture_output=True, text=True
        )
        code, ibis_loaded, said = proc.stdout.strip().split(" ", 2)
        out, rejected = tmp_path / where / "out.yaml", tmp_path / where / "rejected.csv"
        return code, ibis_loaded, said, out.read_bytes(), rejected.read_bytes()

    first = run("2024", "a", "on")
    later = run("2024-Q3", "b", "on")
    plain = run("2024-Q3", "c", "off")
    assert first[:2] == ("0", "True") and later[:2] == ("0", "False")  # compiled once, then from the cache
    assert later[2:] == plain[2:] and plain[0] == "0"


def test_rows_left_out_read_from_parquet_by_number_are_those_of_the_view(tmp_path):
    """From Parquet the rows left out are read with the filter inside the scan, on the file's own numbers: the same
    rows, values and reasons as reading them through the records' view."""
    from dataclasses import replace

    from engine.records.quality import rejected_rows
    from engine.records.source import connect, open_records

    path = str(tmp_path / "r.parquet")
    write(records(3000, seed=5), path)
    opened = open_records(connect(), path, load_mapping(MAPPING), "r.parquet")
    assert opened.parquet
    flagged = {n: "duplicate_id" if n % 2 else "bad_date" for n in (1, 2, 999, 1000, 1001, 2999, 3000)}
    direct = rejected_rows(opened, flagged)
    assert direct == rejected_rows(replace(opened, parquet=""), flagged)
    assert [(r["_row"], r["reason"]) for r in direct] == sorted(flagged.items())


@pytest.mark.parametrize("kind", ["csv", "parquet", "xlsx"])
@pytest.mark.parametrize("date_format", [None, "%d/%m/%Y %H:%M"])
def test_the_definitions_compile_unbound_to_the_sql_of_the_bound_table(tmp_path, kind, date_format):
    """The definitions are compiled on an unbound table with the records' own columns and types (no DuckDB
    backend, pyarrow or numpy imported): the SQL is the very one Ibis compiles on the table of its DuckDB backend,
    for every format the records come in, text or typed dates, with and without a cut-off."""
    import ibis

    from engine.records import definitions
    from engine.records.source import connect, open_records

    path = str(tmp_path / f"r.{kind}")
    recs = records(300, seed=3)
    if kind == "xlsx":
        import openpyxl

        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet()
        sheet.append(recs.text.column_names)
        for row in recs.text.to_pylist():
            sheet.append(list(row.values()))
        book.save(path)
    else:
        write(recs, path)
    mapping = load_mapping(MAPPING)
    if date_format:
        mapping = mapping.model_copy(update={"date_format": date_format})
    opened = open_records(connect(), path, mapping, f"r.{kind}")
    bound = ibis.duckdb.from_connection(opened.con).table(opened.name)
    period = parse_period("2024-Q3")
    for as_of in (None, date(2024, 8, 15)):
        sql = [
            str(ibis.to_sql(definitions.aggregate(norm, period.start, period.end, as_of, variables=True), "duckdb"))
            for norm in (definitions.normalise(opened.table, mapping, backend="duckdb"),
                         definitions.normalise(bound, mapping))
        ]  # fmt: skip
        assert _excluded_sorted(sql[0]) == _excluded_sorted(sql[1])


def _excluded_sorted(sql: str) -> str:
    """The columns of each EXCLUDE (…) in one order: Ibis lists them from a set, in an order that changes with
    each process's string hashing (the same query either way)."""
    import re

    return re.sub(r"EXCLUDE \(([^)]*)\)", lambda m: f"EXCLUDE ({', '.join(sorted(m.group(1).split(', ')))})", sql)


@pytest.mark.parametrize("kind", ["csv", "parquet"])
def test_a_date_outside_the_years_a_period_may_have_is_a_bad_date(tmp_path, kind):
    """Regression (issue 16: the years compared by their first and after-last moment, not extracted): the last moment
    of 1989 and the first of 2101 are bad dates; the first of 1990 and the last of 2100 are not, typed or as text."""
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    from engine.model.periods import parse_period
    from engine.records.build import compute_submission
    from engine.records.source import connect, open_records

    with open(SAMPLE, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))[:4]
    edges = ["1989-12-31T23:59", "1990-01-01T00:00", "2100-12-31T23:59", "2101-01-01T00:00"]
    for i, (row, when) in enumerate(zip(rows, edges, strict=True)):
        row.update(MaHoSo=f"HS-{i}", NgayTiepNhan=when, HanXuLy=when, NgayCoKetQua="")
    table = pa.Table.from_pylist(rows)
    path = str(tmp_path / f"r.{kind}")
    if kind == "csv":
        pacsv.write_csv(table, path)
    else:
        fmt = "%Y-%m-%dT%H:%M"
        for column in ("NgayTiepNhan", "HanXuLy"):
            typed = pa.array([datetime.strptime(v, fmt) for v in table[column].to_pylist()], pa.timestamp("us"))
            table = table.set_column(table.schema.get_field_index(column), column, typed)
        pq.write_table(table, path)
    from engine.catalogue import load_catalogue

    opened = open_records(connect(), path, load_mapping(MAPPING), os.path.basename(path))
    got = compute_submission(
        opened, load_mapping(MAPPING), "Hà Giang", parse_period("2024"), None, path, load_catalogue()
    )
    first = [2, 5] if kind == "csv" else [1, 4]  # the first and the last record: a CSV's lines count its header
    assert {r: (e.rows, e.first) for r, e in got.excluded.items()} == {"bad_received": (2, first)}
