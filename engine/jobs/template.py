"""`template --xlsx`: a submission workbook to fill in, with headers, instructions and cell checks."""

from __future__ import annotations

import os
from dataclasses import dataclass

from engine.catalogue import Catalogue
from engine.errors import Location, Problem, TthcError, UsageError
from engine.io.files import write_outputs
from engine.jobs.outcome import EXIT_OK, Outcome, refused
from engine.text.messages import issue_line
from engine.vocabulary import Severity


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
        _check_options(cat, req)
        write_outputs([(req.output, lambda path: write_template(path, cat, req.province, req.period))])
    except TthcError as exc:
        return refused(exc, req.lang)
    written = Problem("output.written", {}, Location(req.output), Severity.INFO)
    return Outcome(EXIT_OK, stderr=[issue_line(written, req.lang)])


def _check_options(cat: Catalogue, req: TemplateRequest) -> None:
    """--period and --province are what a submission may say (a province as it was at the period's end): the
    template must not carry into Excel what the reader would refuse, nor a formula."""
    from datetime import date

    from engine.catalogue.bodies import BodyLookupError
    from engine.model.periods import PeriodError, parse_period
    from engine.model.textnorm import nfc

    problems: list[Problem] = []
    day = date.today()
    if req.period is not None:
        try:
            day = parse_period(nfc(req.period)).end
        except PeriodError as exc:
            problems.append(Problem(exc.code, exc.params, Location("--period")))
    if req.province is not None and not problems:  # a province is judged on the period's last day
        try:
            cat.geography.resolve(nfc(req.province), day)
        except BodyLookupError as exc:
            if req.period is not None or exc.code != "province.merged":  # without a period, any era's province
                problems.append(Problem(exc.code, exc.params, Location("--province")))
    if problems:
        raise UsageError(problems)
