"""`tthc-check report monthly SUBMISSION` and `tthc-check report briefing SUBMISSION...`"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from engine.cli.emit import finish
from engine.cli.options import (
    FailOn,
    FailOnOption,
    HistoryOption,
    Lang,
    LangOption,
    LetterheadOption,
    LocalTargetsOption,
    OutputsOption,
    ReportFormatOption,
    RulesOption,
    TargetsOption,
    WaiversOption,
)
from engine.cli.words import h


def monthly(
    submission: Annotated[
        str,
        typer.Argument(
            metavar="SUBMISSION",
            help=h("bản nộp của tháng (YAML hoặc Excel)", "the month's submission (YAML or Excel)"),
        ),
    ],
    history: HistoryOption = None,
    fmt: ReportFormatOption = None,
    lang: LangOption = Lang.vi,
    output: OutputsOption = None,
    waivers: WaiversOption = None,
    letterhead: LetterheadOption = None,
    local_targets: LocalTargetsOption = None,
    targets: TargetsOption = None,
    rules: RulesOption = None,
    fail_on: FailOnOption = FailOn.missed,
) -> None:
    """The monthly compliance report of one province: summary, every target, trend, projection, who is responsible."""
    from engine.jobs.report import ReportRequest, run_report

    request = ReportRequest(
        kind="monthly",
        submissions=[submission],
        history=history,
        format=fmt.value if fmt else None,
        lang=lang.value,
        outputs=output or [],
        waivers=waivers,
        letterhead=letterhead,
        local_targets=local_targets,
        targets=targets,
        rules=rules,
        fail_on=fail_on.value,
        to_terminal=sys.stdout.isatty(),
    )
    finish(run_report(request))


def briefing(
    submissions: Annotated[
        list[str],
        typer.Argument(metavar="SUBMISSION...", help=h("mỗi tỉnh một bản nộp", "one submission per province")),
    ],
    history: HistoryOption = None,
    fmt: ReportFormatOption = None,
    lang: LangOption = Lang.vi,
    output: OutputsOption = None,
    waivers: WaiversOption = None,
    letterhead: LetterheadOption = None,
    local_targets: LocalTargetsOption = None,
    targets: TargetsOption = None,
    rules: RulesOption = None,
    fail_on: FailOnOption = FailOn.missed,
    mixed_periods: Annotated[
        bool,
        typer.Option(
            "--mixed-periods",
            help=h(
                "đặt cạnh nhau các bản nộp khác kỳ; mọi trang đều ghi rõ điều này",
                "set submissions of different periods (or one body's several periods) side by side; every page says so",
            ),
        ),
    ] = False,
) -> None:
    """The briefing pack before a meeting: provinces side by side, ranked, then a page per province."""
    from engine.jobs.report import ReportRequest, run_report

    request = ReportRequest(
        kind="briefing",
        submissions=submissions,
        mixed_periods=mixed_periods,
        history=history,
        format=fmt.value if fmt else None,
        lang=lang.value,
        outputs=output or [],
        waivers=waivers,
        letterhead=letterhead,
        local_targets=local_targets,
        targets=targets,
        rules=rules,
        fail_on=fail_on.value,
        to_terminal=sys.stdout.isatty(),
    )
    finish(run_report(request))
