"""The same dossier definitions on PySpark in local mode (opt-in: `pytest -m spark`, with pyspark and Java
installed: `pip install 'ibis-framework[pyspark]'`). What a central office would run on a cluster."""

from __future__ import annotations

import os
from datetime import date

import pytest

from engine.records.definitions import aggregate, normalise
from engine.records.mapping import load_mapping
from engine.records.source import connect, open_records

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# py4j leaves sockets to the JVM open and PySpark still passes pandas' deprecated copy keyword: theirs, not ours
pytestmark = [
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
    pytest.mark.filterwarnings("ignore::pandas.errors.Pandas4Warning"),
]
MAPPING = os.path.join(ROOT, "examples", "records", "mapping.yaml")
SAMPLE = os.path.join(ROOT, "examples", "records", "ha-giang-2024.csv")


@pytest.mark.spark
def test_the_same_definitions_give_the_same_counts_on_pyspark():
    pytest.importorskip("pyspark")
    import ibis
    from pyspark.sql import SparkSession

    mapping = load_mapping(MAPPING)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("tthc-check")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    try:
        spark = ibis.pyspark.connect(session)
        spark_table = spark.read_csv(SAMPLE, header=True, inferSchema=False)  # every column as text, as on DuckDB
        on_spark = aggregate(normalise(spark_table, mapping), date(2024, 1, 1), date(2024, 12, 31), None)
        on_duckdb = aggregate(
            normalise(open_records(connect(), SAMPLE, mapping, SAMPLE), mapping),
            date(2024, 1, 1),
            date(2024, 12, 31),
            None,
        )

        def rows(expr):  # groups in any order; a group's flagged row numbers as a set
            out = [{**r, "flagged_rows": sorted(r["flagged_rows"] or [])} for r in expr.to_pyarrow().to_pylist()]
            return sorted(out, key=lambda r: (r["unit"], r["reason"] or ""))

        spark_rows, duck_rows = rows(on_spark), rows(on_duckdb)
        assert len(spark_rows) == len(duck_rows) > 10
        assert spark_rows == duck_rows
    finally:
        session.stop()
