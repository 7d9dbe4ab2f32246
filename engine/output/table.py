"""The terminal table: one block per file, a row per applicable target, then who is responsible and the issues."""

from __future__ import annotations

from engine.catalogue import Catalogue
from engine.check.result import FileResult, RunResult
from engine.output.view import Row, confidence_note, header, issue_lines, row_groups, summary
from engine.text import describe
from engine.text.labels import label

_COLUMNS = ("target", "value", "threshold", "status", "gap", "shortfall", "lead")


def _table(rows: list[Row], lang: str) -> list[str]:
    cells = [[label(c, lang) for c in _COLUMNS]]
    for r in rows:
        cells.append(
            [r.target + ("†" if r.unverified else ""), r.value, r.threshold, r.status, r.gap, r.shortfall, r.lead]
        )
    widths = [max(len(line[i]) for line in cells) for i in range(len(_COLUMNS))]
    right = {1, 2, 4, 5}
    out = []
    for n, line in enumerate(cells):
        parts = [c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(line)]
        out.append("  ".join(parts).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return out


def file_block(result: FileResult, cat: Catalogue, lang: str) -> list[str]:
    lines = [result.file]
    if result.body is not None:
        lines[0] = f"{result.file}: {header(result, lang)}"
        groups = row_groups(result, cat, lang)
        if groups:
            for group in groups:
                lines += [f"{group.title}:"] if group.title else []
                lines += _table(group.rows, lang)
            for r in [r for group in groups for r in group.rows]:
                extra = []
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
                    lines.append(f"  {r.target}: " + "; ".join(extra))
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
            lines += [f"  {line}" for line in describe.unit_table(result.units, cat, lang).lines()]
        if note := describe.stated_note(result, cat, lang):
            lines.append(note)
    lines += issue_lines(result, lang)
    return lines


def report_table(run: RunResult, cat: Catalogue, lang: str) -> str:
    blocks = ["\n".join(file_block(r, cat, lang)) for r in run.files]
    return "\n\n".join(blocks) + "\n"
