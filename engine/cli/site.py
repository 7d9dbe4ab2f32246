"""`tthc-check site HISTORY_DIR -o SITE_DIR`"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from engine.cli.emit import finish
from engine.cli.options import Lang, LangOption, RulesOption, TargetsOption
from engine.cli.words import h


def site(
    history: Annotated[
        str,
        typer.Argument(
            metavar=h("THƯ_MỤC_LỊCH_SỬ", "HISTORY_DIR"),
            help=h("thư mục các bản nộp (mọi tỉnh, mọi kỳ)", "the folder of submissions (every body, every period)"),
        ),
    ],
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            metavar=h("THƯ_MỤC", "FOLDER"),
            help=h(
                "thư mục trang web (tạo mới, hoặc trang đã tạo trước đó: chỉ ghi phần thay đổi)",
                "the site's folder (new, or one made before: only what changed is written)",
            ),
        ),
    ],
    calendar: Annotated[
        Optional[str],
        typer.Option(
            "--calendar",
            metavar=h("TỆP", "FILE"),
            help=h(
                "hạn nộp do văn phòng đặt (YAML, mục calendars: như targets/calendar.yaml)",
                "the office's own due days (YAML, a calendars: section as in targets/calendar.yaml)",
            ),
        ),
    ] = None,
    lang: LangOption = Lang.vi,
    targets: TargetsOption = None,
    rules: RulesOption = None,
) -> None:
    """A static site from the history folder: overview, calendar, a page per body and per target."""
    from engine.jobs.site import SiteRequest, run_site

    finish(run_site(SiteRequest(history, output, lang.value, calendar, targets, rules)))
