"""The command line's options, declared once (typer `Annotated` aliases) and shared by every command."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Optional

import typer


class Lang(StrEnum):
    vi = "vi"
    en = "en"


class CheckFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"
    xlsx = "xlsx"


class ReportFormat(StrEnum):
    html = "html"
    markdown = "markdown"
    pdf = "pdf"
    docx = "docx"
    json = "json"


class FailOn(StrEnum):
    missed = "missed"
    at_risk = "at_risk"


LangOption = Annotated[Lang, typer.Option("--lang", help="vi | en")]
FailOnOption = Annotated[FailOn, typer.Option("--fail-on", help="exit 1 on: missed | at_risk")]
TargetsOption = Annotated[
    Optional[str], typer.Option("--targets", help="catalogue folder (default: the shipped targets/)")
]
RulesOption = Annotated[Optional[str], typer.Option("--rules", help="rules folder (default: the shipped rules/)")]
OutputsOption = Annotated[
    Optional[list[str]],
    typer.Option(
        "--output", "-o", help="write to this file, atomically; repeat for several formats, each by its extension"
    ),
]
WaiversOption = Annotated[
    Optional[str], typer.Option("--waivers", help="waivers file (default: waivers.yaml beside the submissions)")
]
LocalTargetsOption = Annotated[
    Optional[str],
    typer.Option(
        "--local-targets",
        help="a province's or ministry's own targets (default: targets.local.yaml beside the submissions)",
    ),
]
HistoryOption = Annotated[Optional[str], typer.Option("--history", help="folder of earlier submissions")]
LetterheadOption = Annotated[
    Optional[str], typer.Option("--letterhead", help="docx: issuing body, number, signer (YAML)")
]
ReportFormatOption = Annotated[
    Optional[ReportFormat],
    typer.Option("--format", "-f", help="html | markdown | pdf | docx | json (default: from -o, else html)"),
]
