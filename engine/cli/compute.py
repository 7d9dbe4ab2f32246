"""`tthc-check compute RECORDS --mapping MAP.yaml --province P --period PERIOD`"""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from engine.cli.emit import finish
from engine.cli.options import Lang, LangOption, TargetsOption
from engine.cli.words import h


def compute(  # long: one option per parameter, declarations only (the job does the work)
    records: Annotated[
        str,
        typer.Argument(
            metavar="RECORDS",
            help=h(
                "tệp hồ sơ: .csv, .parquet, .xlsx, .xls hoặc .ods",
                "dossier records: .csv, .parquet, .xlsx, .xls or .ods",
            ),
        ),
    ],
    mapping: Annotated[
        str,
        typer.Option(
            "--mapping",
            metavar=h("TỆP", "FILE"),
            help=h("MAP.yaml: tên cột và mã của hệ thống một cửa", "MAP.yaml: the system's column names and codes"),
        ),
    ],
    province: Annotated[
        str,
        typer.Option(
            "--province",
            metavar=h("TỈNH", "PROVINCE"),
            help=h("tỉnh (viết thế nào cũng được, hoặc mã)", "the province (any spelling, or its code)"),
        ),
    ],
    period: Annotated[
        str,
        typer.Option(
            "--period",
            metavar=h("KỲ", "PERIOD"),
            help=h(
                "2024 | 2024-Q3 | 2024-09 | 2024-01/2024-09 | Quý III/2024 | tháng 9/2024",
                "2024 | 2024-Q3 | 2024-09 | 2024-01/2024-09",
            ),
        ),
    ],
    as_of: Annotated[
        Optional[str],
        typer.Option(
            "--as-of", metavar=h("NGÀY", "DATE"), help=h("ngày chốt số liệu, YYYY-MM-DD", "cut-off date, YYYY-MM-DD")
        ),
    ] = None,
    output: Annotated[
        Optional[str],
        typer.Option(
            "--output",
            "-o",
            metavar=h("TỆP", "FILE"),
            help=h("tệp số liệu sẽ ghi (YAML)", "the submission to write (YAML)"),
        ),
    ] = None,
    lang: LangOption = Lang.vi,
    memory: Annotated[
        str,
        typer.Option(
            "--memory",
            metavar=h("DUNG_LƯỢNG", "SIZE"),
            help=h(
                "giới hạn bộ nhớ của DuckDB (ví dụ 1GB); dữ liệu lớn hơn được ghi tạm ra đĩa",
                "DuckDB's memory limit; larger data spills to disk",
            ),
        ),
    ] = "1GB",
    targets: TargetsOption = None,
    max_excluded: Annotated[
        str,
        typer.Option(
            "--max-excluded",
            metavar="%",
            help=h(
                "tỷ lệ % số dòng được phép loại; quá ngưỡng thì không ghi gì",
                "percent of rows that may be left out before nothing is written",
            ),
        ),
    ] = "5",
    rejected: Annotated[
        Optional[str],
        typer.Option(
            "--rejected",
            metavar=h("TỆP", "FILE"),
            help=h(
                "ghi các dòng bị loại kèm lý do (.csv hoặc .xlsx) để gửi lại đơn vị",
                "write the rows left out, with why (.csv or .xlsx)",
            ),
        ),
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
