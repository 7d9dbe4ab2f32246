"""`tthc-check targets`"""

from __future__ import annotations

from typing import Annotated

import typer

from engine.cli.emit import finish
from engine.cli.options import CheckFormat, Lang, LangOption, TargetsOption
from engine.cli.words import h


def targets(
    lang: LangOption = Lang.vi,
    fmt: Annotated[
        CheckFormat, typer.Option("--format", "-f", help=h("table | json | markdown", "table | json | markdown"))
    ] = CheckFormat.table,
    targets: TargetsOption = None,
) -> None:
    """List the targets in the catalogue with their instruments and confidence."""
    from engine.jobs.catalogue import list_targets

    finish(list_targets(fmt.value, lang.value, targets))
