"""`tthc-check compute RECORDS --mapping MAP.yaml --province P --period PERIOD`"""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from engine.cli.emit import finish
from engine.cli.options import Lang, LangOption, TargetsOption


def compute(
    records: Annotated[
        str, typer.Argument(metavar="RECORDS", help="dossier records: .csv, .parquet, .xlsx, .xls or .ods")
    ],
    mapping: Annotated[str, typer.Option("--mapping", help="MAP.yaml: the system's column names and codes")],
    province: Annotated[str, typer.Option("--province", help="the province (any spelling, or its code)")],
    period: Annotated[str, typer.Option("--period", help="2024 | 2024-Q3 | 2024-09 | 2024-01/2024-09")],
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="cut-off date, YYYY-MM-DD")] = None,
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="the submission to write (YAML)")] = None,
    lang: LangOption = Lang.vi,
    memory: Annotated[str, typer.Option("--memory", help="DuckDB's memory limit; larger data spills to disk")] = "1GB",
    targets: TargetsOption = None,
    max_excluded: Annotated[
        str, typer.Option("--max-excluded", help="percent of rows that may be left out before nothing is written")
    ] = "5",
    rejected: Annotated[
        Optional[str], typer.Option("--rejected", help="write the rows left out, with why (.csv or .xlsx)")
    ] = None,
) -> None:
    """Compute a submission from dossier records, the same way for every province (DuckDB)."""
    from engine.jobs.compute import ComputeRequest, run_compute

    finish(
        run_compute(
            ComputeRequest(
                records,
                mapping,
                province,
                period,
                as_of,
                output,
                lang.value,
                memory,
                targets,
                progress=_progress if sys.stderr.isatty() else None,
                max_excluded=max_excluded,
                rejected=rejected,
            )
        )
    )


def _progress(line: str) -> None:
    """A progress line, rewritten in place (a terminal only)."""
    sys.stderr.write("\r" + line + "\x1b[K")
    sys.stderr.flush()
