"""`tthc-check report monthly SUBMISSION` and `tthc-check report briefing SUBMISSION...`"""

from __future__ import annotations

from typing import Annotated

import typer

from engine.cli.emit import finish
from engine.cli.options import (
    HistoryOption,
    Lang,
    LangOption,
    LetterheadOption,
    OutputsOption,
    ReportFormatOption,
    RulesOption,
    TargetsOption,
    WaiversOption,
)


def monthly(
    submission: Annotated[str, typer.Argument(metavar="SUBMISSION", help="the month's submission (YAML or Excel)")],
    history: HistoryOption = None,
    fmt: ReportFormatOption = None,
    lang: LangOption = Lang.vi,
    output: OutputsOption = None,
    waivers: WaiversOption = None,
    letterhead: LetterheadOption = None,
    targets: TargetsOption = None,
    rules: RulesOption = None,
) -> None:
    """The monthly compliance report of one province: summary, every target, trend, projection, who is responsible."""
    from engine.jobs.report import ReportRequest, run_report

    finish(
        run_report(
            ReportRequest(
                "monthly",
                [submission],
                history,
                fmt.value if fmt else None,
                lang.value,
                output or [],
                waivers,
                letterhead,
                targets,
                rules,
            )
        )
    )


def briefing(
    submissions: Annotated[list[str], typer.Argument(metavar="SUBMISSION...", help="one submission per province")],
    history: HistoryOption = None,
    fmt: ReportFormatOption = None,
    lang: LangOption = Lang.vi,
    output: OutputsOption = None,
    waivers: WaiversOption = None,
    letterhead: LetterheadOption = None,
    targets: TargetsOption = None,
    rules: RulesOption = None,
) -> None:
    """The briefing pack before a meeting: provinces side by side, ranked, then a page per province."""
    from engine.jobs.report import ReportRequest, run_report

    finish(
        run_report(
            ReportRequest(
                "briefing",
                submissions,
                history,
                fmt.value if fmt else None,
                lang.value,
                output or [],
                waivers,
                letterhead,
                targets,
                rules,
            )
        )
    )
