"""The command line's options, declared once (typer `Annotated` aliases) and shared by every command."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Optional

import typer

from engine.cli.words import h


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


LangOption = Annotated[Lang, typer.Option("--lang", help=h("ngôn ngữ: vi | en", "vi | en"))]
FailOnOption = Annotated[
    FailOn,
    typer.Option(
        "--fail-on",
        help=h("thoát với mã 1 khi: missed (không đạt) | at_risk (có nguy cơ)", "exit 1 on: missed | at_risk"),
    ),
]
TargetsOption = Annotated[
    Optional[str],
    typer.Option(
        "--targets",
        metavar=h("THƯ_MỤC", "FOLDER"),
        help=h(
            "thư mục danh mục chỉ tiêu (mặc định: targets/ kèm theo)",
            "catalogue folder (default: the shipped targets/)",
        ),
    ),
]
RulesOption = Annotated[
    Optional[str],
    typer.Option(
        "--rules",
        metavar=h("THƯ_MỤC", "FOLDER"),
        help=h("thư mục quy tắc (mặc định: rules/ kèm theo)", "rules folder (default: the shipped rules/)"),
    ),
]
OutputsOption = Annotated[
    Optional[list[str]],
    typer.Option(
        "--output",
        "-o",
        metavar=h("TỆP", "FILE"),
        help=h(
            "ghi ra tệp này (định dạng theo đuôi); lặp lại -o để ghi nhiều định dạng",
            "write to this file, atomically; repeat for several formats, each by its extension",
        ),
    ),
]
WaiversOption = Annotated[
    Optional[str],
    typer.Option(
        "--waivers",
        metavar=h("TỆP", "FILE"),
        help=h(
            "tệp miễn trừ (mặc định: waivers.yaml cạnh các tệp số liệu)",
            "waivers file (default: waivers.yaml beside the submissions)",
        ),
    ),
]
LocalTargetsOption = Annotated[
    Optional[str],
    typer.Option(
        "--local-targets",
        metavar=h("TỆP", "FILE"),
        help=h(
            "chỉ tiêu riêng của tỉnh hoặc bộ (mặc định: targets.local.yaml cạnh các tệp số liệu)",
            "a province's or ministry's own targets (default: targets.local.yaml beside the submissions)",
        ),
    ),
]
HistoryOption = Annotated[
    Optional[str],
    typer.Option(
        "--history",
        metavar=h("THƯ_MỤC", "FOLDER"),
        help=h("thư mục các bản nộp kỳ trước", "folder of earlier submissions"),
    ),
]
LetterheadOption = Annotated[
    Optional[str],
    typer.Option(
        "--letterhead",
        metavar=h("TỆP", "FILE"),
        help=h(
            "docx: cơ quan ban hành, số, người ký (YAML; xem examples/settings/letterhead.yaml)",
            "docx: issuing body, number, signer (YAML)",
        ),
    ),
]
ReportFormatOption = Annotated[
    Optional[ReportFormat],
    typer.Option(
        "--format",
        "-f",
        help=h(
            "html | markdown | pdf | docx | json (mặc định: theo đuôi của -o)",
            "html | markdown | pdf | docx | json (default: from -o, else html)",
        ),
    ),
]
