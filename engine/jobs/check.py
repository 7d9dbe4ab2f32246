"""The check: submission files against the targets that apply to their period, in one or several formats."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from engine.check.checker import build_checker
from engine.errors import TthcError
from engine.io.files import Writer, binary, check_not_input, text, write_outputs
from engine.jobs.outcome import Outcome, plan_outputs, refused, side_files, standard_input
from engine.output import BINARY, EXTENSIONS, get_reporter
from engine.vocabulary import FailOn


@dataclass
class CheckRequest:
    """What the check command was asked: the files, the format and outputs, and the files beside them."""

    files: list[str]
    format: str | None = None  # table | json | markdown; None: from -o's extension, else table
    lang: str = "vi"
    outputs: list[str] = field(default_factory=list)
    fail_on: str = FailOn.MISSED
    waivers: str | None = None
    local_targets: str | None = None  # default: targets.local.yaml beside the submissions
    targets: str | None = None
    rules: str | None = None
    width: int | None = None  # a terminal's width: the table's long names wrap to fit it


def run_check(req: CheckRequest) -> Outcome:
    try:
        for path in req.outputs:  # first: never over an input, whatever else is wrong with the name
            check_not_input(path, req.files)
        outputs = plan_outputs(req.outputs, req.format, EXTENSIONS, "table", BINARY)
        with standard_input(req.files) as (files, displays):
            inputs = side_files(files, req.waivers, req.local_targets)
            checker = build_checker(req.targets, req.rules).with_local_targets(
                inputs.local_targets, beside=inputs.local_beside
            )
            # rules that leave a target without a status fail here: exit 2 too
            run = checker.with_waivers(inputs.waivers).run(inputs.files, displays=displays)
        rendered = [(path, _render(kind, path, run, checker.catalogue, req)) for kind, path in outputs]
        write_outputs([(path, _writer(content)) for path, content in rendered if path])
    except TthcError as exc:
        return refused(exc, req.lang, as_json=(req.format or "table") == "json")
    stdout = "".join(content for path, content in rendered if path is None and isinstance(content, str))
    return Outcome(run.exit_code(req.fail_on), stdout=stdout)


def _render(kind: str, path: str | None, run: Any, cat: Any, req: CheckRequest) -> str | bytes:
    if kind == "table" and path is None and req.width:
        from engine.output.table import report_table

        return report_table(run, cat, req.lang, req.width)
    return get_reporter(kind)(run, cat, req.lang)


def _writer(content: str | bytes) -> Writer:
    return text(content) if isinstance(content, str) else binary(content)
