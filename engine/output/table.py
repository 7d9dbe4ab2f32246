"""The terminal table: one block per file, a row per applicable target, then who is responsible and the issues."""

from __future__ import annotations

import textwrap

from engine.catalogue import Catalogue
from engine.check.result import FileResult, RunResult
from engine.output.view import Row, confidence_note, header, issue_lines, row_groups, summary
from engine.text import describe
from engine.text.labels import label

_COLUMNS = ("target", "value", "threshold", "status", "gap", "shortfall", "lead")


def _narrow(rows: list[Row], lang: str, width: int | None) -> bool:
    """Too narrow a terminal for the lead's column at a readable width: the lead goes under the table instead."""
    if not width:
        return False
    cells = [[label(c, lang) for c in _COLUMNS[:-1]]]
    cells += [[r.target + "†", r.value, r.threshold, r.status, r.gap, r.shortfall] for r in rows]
    before = sum(max(len(line[i]) for line in cells) for i in range(len(cells[0]))) + 2 * len(cells[0])
    return width - before < 16


def _table(rows: list[Row], lang: str, width: int | None = None) -> list[str]:
    columns = _COLUMNS[:-1] if _narrow(rows, lang, width) else _COLUMNS
    cells = [[label(c, lang) for c in columns]]
    for r in rows:
        line = [r.target + ("†" if r.unverified else ""), r.value, r.threshold, r.status, r.gap, r.shortfall, r.lead]
        cells.append(line[: len(columns)])
    widths = [max(len(line[i]) for line in cells) for i in range(len(columns))]
    before = sum(widths[:-1]) + 2 * (len(widths) - 1)  # where the last column (who leads) starts
    if width and before + widths[-1] > width and width - before >= 16:
        widths[-1] = width - before  # the names wrap within the terminal; the ids never do
    right = {1, 2, 4, 5}
    out = []
    wraps = columns[-1] == "lead"
    for n, line in enumerate(cells):
        lead = (textwrap.wrap(line[-1], widths[-1]) or [""]) if wraps else [line[-1]]
        parts = [c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(line)]
        parts[-1] = lead[0] if wraps else parts[-1]
        out.append("  ".join(parts).rstrip())
        out += [" " * before + more for more in lead[1:]]
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return out


def file_block(result: FileResult, cat: Catalogue, lang: str, width: int | None = None) -> list[str]:
    lines = [result.file]
    if result.body is not None:
        lines[0] = f"{result.file}: {header(result, lang)}"
        groups = row_groups(result, cat, lang)
        if groups:
            narrow = False
            for group in groups:
                lines += [f"{group.title}:"] if group.title else []
                lines += _table(group.rows, lang, width)
                narrow = narrow or _narrow(group.rows, lang, width)
            for r in [r for group in groups for r in group.rows]:
                extra = [f"{label('lead', lang)}: {r.lead}"] if narrow and r.lead else []
                if r.support:
                    extra.append(f"{label('support', lang)}: {r.support}")
                if r.units_behind:
                    extra.append(f"{label('units_behind', lang)}: {r.units_behind}")
                if r.waiver:
                    extra.append(r.waiver)
                if r.not_judged:
                    extra.append(r.not_judged)
                if r.local:
                    extra.append(f"{label('instrument', lang)}: {r.instrument}")
                if extra:
                    text = f"  {r.target}: " + "; ".join(extra)
                    lines += textwrap.wrap(text, width, subsequent_indent="    ") if width else [text]
            lines.append(summary(result, lang))
            if note := confidence_note(result, lang):
                lines.append(note)
        else:
            lines.append(label("no_targets", lang))
        if others := describe.other_figures(result, cat, lang):
            lines.append(label("other_figures", lang) + ":")
            lines += [f"  {line}" for line in others]
        if result.units:
            lines.append(label("units", lang) + ":")
            for line in describe.unit_table(result.units, cat, lang).lines():
                lines += textwrap.wrap(f"  {line}", width, subsequent_indent="    ") if width else [f"  {line}"]
        if note := describe.stated_note(result, cat, lang):
            lines.append(note)
    lines += issue_lines(result, lang)
    return lines


def report_table(run: RunResult, cat: Catalogue, lang: str, width: int | None = None) -> str:
    """The table; with a width (a terminal's), long names wrap to fit it, ids and figures never."""
    blocks = ["\n".join(file_block(r, cat, lang, width)) for r in run.files]
    return "\n\n".join(blocks) + "\n"
