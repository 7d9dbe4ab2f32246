"""`tthc-check [check] FILE...`"""

from __future__ import annotations

import shutil
import sys
from typing import Annotated, Optional

import typer

from engine.cli.emit import finish
from engine.cli.options import (
    CheckFormat,
    FailOn,
    FailOnOption,
    Lang,
    LangOption,
    LocalTargetsOption,
    OutputsOption,
    RulesOption,
    TargetsOption,
    WaiversOption,
)
from engine.cli.words import h


def check(
    files: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE...",
            help=h(
                "các tệp số liệu (YAML hoặc Excel), một thư mục, hoặc - (đầu vào chuẩn)",
                "submission files (YAML or Excel)",
            ),
        ),
    ],
    fmt: Annotated[
        Optional[CheckFormat],
        typer.Option(
            "--format",
            "-f",
            help=h(
                "table | json | markdown | csv | xlsx (mặc định: theo đuôi của -o, nếu không thì bảng)",
                "table | json | markdown | csv | xlsx (default: from -o, else table)",
            ),
        ),
    ] = None,
    lang: LangOption = Lang.vi,
    output: OutputsOption = None,
    fail_on: FailOnOption = FailOn.missed,
    waivers: WaiversOption = None,
    local_targets: LocalTargetsOption = None,
    targets: TargetsOption = None,
    rules: RulesOption = None,
) -> None:
    """Check submission files against the targets that apply to their period."""
    from engine.jobs.check import CheckRequest, run_check

    request = CheckRequest(
        files=files,
        format=fmt.value if fmt else None,
        lang=lang.value,
        outputs=output or [],
        fail_on=fail_on.value,
        waivers=waivers,
        local_targets=local_targets,
        targets=targets,
        rules=rules,
        width=shutil.get_terminal_size().columns if sys.stdout.isatty() else None,
    )
    finish(run_check(request))
