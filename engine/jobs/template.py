"""`template --xlsx`: a submission workbook to fill in, with headers, instructions and cell checks."""

from __future__ import annotations

import os
from dataclasses import dataclass

from engine.errors import Location, Problem, TthcError, UsageError
from engine.io.files import write_outputs
from engine.jobs.outcome import EXIT_OK, Outcome, refused


@dataclass
class TemplateRequest:
    output: str
    xlsx: bool = True
    province: str | None = None
    period: str | None = None
    lang: str = "vi"
    targets: str | None = None


def run_template(req: TemplateRequest) -> Outcome:
    from engine.catalogue.load import load_catalogue
    from engine.io.template import write_template

    try:
        if not req.xlsx or not req.output.lower().endswith(".xlsx"):
            raise UsageError([Problem("usage.template_xlsx", {}, Location(req.output))])
        if os.path.exists(req.output):
            raise UsageError([Problem("usage.output_exists", {"path": req.output}, Location(req.output))])
        cat = load_catalogue(req.targets)
        write_outputs([(req.output, lambda path: write_template(path, cat, req.province, req.period))])
    except TthcError as exc:
        return refused(exc, req.lang)
    return Outcome(EXIT_OK)
