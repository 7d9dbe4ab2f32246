"""`tthc-check [check] FILE...`"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from engine.cli.emit import finish
from engine.cli.options import (
    CheckFormat,
    FailOn,
    Lang,
    LangOption,
    OutputsOption,
    RulesOption,
    TargetsOption,
    WaiversOption,
)


def check(
    files: Annotated[list[str], typer.Argument(metavar="FILE...", help="submission files (YAML or Excel)")],
    fmt: Annotated[
        Optional[CheckFormat], typer.Option("--format", "-f", help="table | json | markdown (default: table)")
    ] = None,
    lang: LangOption = Lang.vi,
    output: OutputsOption = None,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="exit 1 on: missed | at_risk")] = FailOn.missed,
    waivers: WaiversOption = None,
    targets: TargetsOption = None,
    rules: RulesOption = None,
) -> None:
    """Check submission files against the targets that apply to their period."""
    from engine.jobs.check import CheckRequest, run_check

    finish(
        run_check(
            CheckRequest(
                files, fmt.value if fmt else None, lang.value, output or [], fail_on.value, waivers, targets, rules
            )
        )
    )
