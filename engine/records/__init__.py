"""Computing a submission from dossier records: one formula for every province (issue 5).

mapping.py reads the system's column names and codes; source.py opens the records (CSV, Parquet, Excel) as an
Ibis table; definitions.py holds the formulas as Ibis expressions, so that they run on DuckDB here and on a
distributed backend (PySpark) unchanged; quality.py finds what cannot be counted; compute.py ties them together.
"""
