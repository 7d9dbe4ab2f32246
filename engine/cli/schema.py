"""`tthc-check schema [KIND]`"""

from __future__ import annotations

from typing import Annotated

import typer

from engine.cli.emit import finish
from engine.cli.options import Lang, LangOption
from engine.cli.words import h


def schema(
    kind: Annotated[
        str,
        typer.Argument(
            help=h(
                "submission | mapping | waivers | letterhead | local-targets (bản có sẵn trong schema/)",
                "submission | mapping | waivers | letterhead | local-targets (the committed copies are in schema/)",
            )
        ),
    ] = "submission",
    lang: LangOption = Lang.vi,
) -> None:
    """Print the JSON Schema of a file you write, for editors (VS Code completes and checks with it)."""
    from engine.jobs.catalogue import schema as file_schema

    finish(file_schema(kind, lang.value))
