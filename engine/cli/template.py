"""`tthc-check template --xlsx -o FILE.xlsx`"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from engine.cli.emit import finish
from engine.cli.options import Lang, LangOption, TargetsOption
from engine.cli.words import h


def template(
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            metavar=h("TỆP", "FILE"),
            help=h("sổ làm việc sẽ ghi (.xlsx)", "the workbook to write (.xlsx)"),
        ),
    ],
    xlsx: Annotated[
        bool,
        typer.Option(
            "--xlsx", help=h("một sổ làm việc Excel (hiện chỉ có loại này)", "an Excel workbook (the only kind so far)")
        ),
    ] = False,
    province: Annotated[
        Optional[str],
        typer.Option("--province", metavar=h("TỈNH", "PROVINCE"), help=h("điền sẵn tỉnh", "fill in the province")),
    ] = None,
    period: Annotated[
        Optional[str],
        typer.Option("--period", metavar=h("KỲ", "PERIOD"), help=h("điền sẵn kỳ báo cáo", "fill in the period")),
    ] = None,
    lang: LangOption = Lang.vi,
    targets: TargetsOption = None,
) -> None:
    """Write a submission workbook to fill in: indicators, counts, units; headers, instructions, cell checks."""
    from engine.jobs.template import TemplateRequest, run_template

    finish(run_template(TemplateRequest(output, xlsx, province, period, lang.value, targets)))
