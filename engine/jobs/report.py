"""The reports: the monthly compliance report of one province and the briefing pack of several, in HTML,
Markdown, PDF, Word and JSON, all from one evaluation that goes through the same Checker as `check`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from engine.catalogue import Catalogue
from engine.check.checker import build_checker
from engine.check.result import RunResult
from engine.errors import DataFileError, Location, Problem, TthcError, UsageError
from engine.io.files import Writer, check_not_input, text, write_outputs
from engine.jobs.outcome import Outcome, plan_outputs, refused, side_files
from engine.text.messages import issue_line
from engine.vocabulary import FailOn, Severity

KINDS = ("monthly", "briefing")
FORMATS = ("html", "markdown", "pdf", "docx", "json")
EXTENSIONS = {".html": "html", ".htm": "html", ".md": "markdown", ".pdf": "pdf", ".docx": "docx", ".json": "json"}
_NEEDS_FILE = {"pdf": "report.pdf_needs_output", "docx": "report.docx_needs_output"}


@dataclass
class ReportRequest:
    kind: str  # monthly | briefing
    submissions: list[str]
    history: str | None = None
    format: str | None = None
    lang: str = "vi"
    outputs: list[str] = field(default_factory=list)
    waivers: str | None = None
    letterhead: str | None = None
    local_targets: str | None = None  # default: targets.local.yaml beside the submissions
    targets: str | None = None
    rules: str | None = None
    mixed_periods: bool = False  # a briefing of submissions of different periods, marked as such on every page
    fail_on: str = FailOn.MISSED  # exit 1 as check does: a target missed (or at risk)
    to_terminal: bool = False  # standard output is a terminal: a report is written to a file, not dumped there


def run_report(req: ReportRequest) -> Outcome:
    from engine.history.store import History
    from engine.report.briefing import build_briefing, check_inputs
    from engine.report.monthly import build_monthly

    try:
        for name in req.outputs:  # first: never over an input, whatever else is wrong with the name
            check_not_input(name, req.submissions)
        outputs = plan_outputs(req.outputs, req.format, EXTENSIONS, "html")
        for kind, target in outputs:
            if target is None and kind in _NEEDS_FILE:
                raise UsageError([Problem(_NEEDS_FILE[kind], {}, Location("-o"))])
            if target is None and req.to_terminal and kind not in ("markdown", "json"):  # text a person reads
                raise UsageError([Problem("report.needs_output", {"format": kind}, Location("-o"))])
        inputs = side_files(req.submissions, req.waivers, req.local_targets)
        checker = build_checker(req.targets, req.rules).with_local_targets(
            inputs.local_targets, beside=inputs.local_beside
        )
        run = checker.with_waivers(inputs.waivers).run(inputs.files, keep_submissions=True)
        unreadable = [p for s, r in zip(run.submissions, run.files, strict=True) if s is None for p in r.issues]
        if unreadable:  # a report needs every submission read; the problems say why one cannot be
            raise DataFileError(unreadable)
        items = [(s, r) for s, r in zip(run.submissions, run.files, strict=True) if s is not None]
        if req.kind == "briefing" and (clashes := check_inputs(items, req.mixed_periods)):
            raise UsageError(clashes)
        cat = checker.catalogue
        history = History.load(req.history, cat)
        view = (
            build_monthly(*items[0], history, cat, req.lang)
            if req.kind == "monthly"
            else build_briefing(items, history, cat, req.lang)
        )
        rendered: dict[str, str] = {}
        writers: list[tuple[str, Writer]] = []
        stdout = ""
        for kind, path in outputs:
            content = _content(kind, view, req, run, cat, rendered)
            if path is None:
                stdout += content if isinstance(content, str) else ""
            else:
                writers.append((path, text(content) if isinstance(content, str) else content))
        write_outputs(writers)
    except TthcError as exc:
        return refused(exc, req.lang)
    # errors and warnings said as check says them, not only inside the report (notes stay in it)
    said = [issue_line(p, req.lang) for r in run.files for p in r.issues if p.severity != Severity.INFO]
    said += [issue_line(Problem("output.written", {}, Location(path), Severity.INFO), req.lang) for path, _ in writers]
    return Outcome(run.exit_code(req.fail_on), stdout=stdout, stderr=said)


def _content(
    kind: str, view: Any, req: ReportRequest, run: RunResult, cat: Catalogue, rendered: dict[str, str]
) -> str | Writer:
    """The text of one output, or a writer for the formats written by another program (PDF, Word)."""
    from engine.report.render import render_text

    if kind == "json":  # the evaluation behind the report, in the check's JSON contract
        from engine.output.json_result import report_json

        return report_json(run, cat, req.lang)
    if kind == "docx":
        from engine.report.docx import docx_writer
        from engine.report.letterhead import load_letterhead

        return docx_writer(req.kind, view, load_letterhead(req.letterhead))
    source = "markdown" if kind == "markdown" else "html"
    if source not in rendered:
        rendered[source] = render_text(view, req.kind, source)
    if kind == "pdf":
        from engine.report.render import pdf_writer

        return pdf_writer(rendered["html"])
    return rendered[source]
