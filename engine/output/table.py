"""The terminal table: one block per file, a row per applicable target, then who is responsible and the issues."""

from __future__ import annotations

import textwrap

from engine.catalogue import Catalogue
from engine.check.result import FileResult, RunResult
from engine.output.view import Row, confidence_note, header, issue_lines, row_groups, summary
from engine.text import describe
from engine.text.labels import label

_COLUMNS = ("target", "value", "threshold", "status", "gap", "shortfall", "lead")


def _table(rows: list[Row], lang: str, width: int | None = None) -> tuple[list[str], bool]:
    """The table's lines, and whether the lead's column was left out: on a terminal too narrow for it at a readable
    width (16), the lead goes under the table instead; otherwise its names wrap to the width (ids never do)."""
    cells = [[label(c, lang) for c in _COLUMNS]]
    for r in rows:
        cells.append(
            [r.target + ("†" if r.unverified else ""), r.value, r.threshold, r.status, r.gap, r.shortfall, r.lead]
        )
    widths = [max(len(line[i]) for line in cells) for i in range(len(_COLUMNS))]
    before = sum(widths[:-1]) + 2 * (len(widths) - 1)  # where the last column (who leads) starts
    narrow = width is not None and width - before < 16
    if narrow:
        cells, widths = [line[:-1] for line in cells], widths[:-1]
    elif width and before + widths[-1] > width:
        widths[-1] = width - before
    right = {1, 2, 4, 5}
    out = []
    for n, line in enumerate(cells):
        parts = [c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(line)]
        lead = [] if narrow else (textwrap.wrap(line[-1], widths[-1]) or [""])
        if lead:
            parts[-1] = lead[0]
        out.append("  ".join(parts).rstrip())
        out += [" " * before + more for more in lead[1:]]
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return out, narrow


def file_block(result: FileResult, cat: Catalogue, lang: str, width: int | None = None) -> list[str]:
    lines = [result.file]
    if result.body is not None:
        lines[0] = f"{result.file}: {header(result, lang)}"
        groups = row_groups(result, cat, lang)
        if groups:
            narrow = False
            for group in groups:
                lines += [f"{group.title}:"] if group.title else []
                table, left_out = _table(group.rows, lang, width)
                lines += table
                narrow = narrow or left_out
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
