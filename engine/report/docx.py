"""Reports as Word documents in the presentation of Nghị định 30/2020/NĐ-CP (Phụ lục I): national emblem lines,
issuing body, number and symbol, place and date, document type and summary, Times New Roman, A4 with the
prescribed margins (top and bottom 20 mm, left 30 mm, right 15 mm), tables for the figures, recipients and the
signature block. Officials open it in Word, edit and sign it. Blanks left for them are dotted, never invented.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from engine.report.letterhead import Letterhead


def _setup() -> Any:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(13)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rFonts")
    if fonts is not None:  # East Asian and complex-script text in Times New Roman too
        for attr in ("w:eastAsia", "w:cs"):
            fonts.set(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + attr.split(":")[1], "Times New Roman"
            )
    style.paragraph_format.space_after = Pt(3)
    return doc


def _para(
    doc: Any,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: int | None = None,
    align: str = "justify",
    cell: Any = None,
    tight: bool = False,
) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    target = cell if cell is not None else doc
    p = target.add_paragraph() if cell is None or cell.paragraphs[0].text else cell.paragraphs[0]
    run = p.add_run(text)
    if bold:  # only what differs from the style: each property set is XML python-docx inserts, slowly
        run.bold = True
    if italic:
        run.italic = True
    if size:
        run.font.size = Pt(size)
    if tight:  # a table's cells: no space after a paragraph
        p.paragraph_format.space_after = Pt(0)
    p.alignment = {
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }[align]
    return p


def _widths(table: Any, *mm: int) -> None:
    from docx.shared import Mm

    table.autofit = False
    for column, width in zip(table.columns, mm, strict=True):  # the grid, which LibreOffice reads
        column.width = Mm(width)
    for row in table.rows:  # and each cell, which Word reads
        for cell, width in zip(row.cells, mm, strict=True):
            cell.width = Mm(width)


def _letterhead(doc: Any, head: Letterhead, kind: str, summary: str) -> None:
    table = doc.add_table(rows=2, cols=2)
    _widths(table, 62, 103)  # the 165 mm between the margins
    left, right = table.rows[0].cells
    _para(doc, head.parent.upper(), size=12, align="center", cell=left)
    _para(doc, head.issuer.upper(), bold=True, size=12, align="center", cell=left)
    _rule(doc, left, 20)
    _para(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12, align="center", cell=right)
    _para(doc, "Độc lập - Tự do - Hạnh phúc", bold=True, size=13, align="center", cell=right)
    _rule(doc, right, 27)
    left2, right2 = table.rows[1].cells
    _para(doc, head.number, size=13, align="center", cell=left2)
    _para(doc, f"{head.place}, {head.date}", italic=True, size=13, align="center", cell=right2)
    _para(doc, kind, bold=True, size=14, align="center")
    _para(doc, summary, bold=True, size=14, align="center")


def _rule(doc: Any, cell: Any, indent_mm: int) -> None:
    """The short rule Nghị định 30 draws under the issuing body's name and under the motto: the top border of a
    tiny empty paragraph below it, kept short by indenting that paragraph from both sides."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    paragraph = _para(doc, "", size=2, align="center", cell=cell)
    paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = Mm(indent_mm)
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    paragraph._p.get_or_add_pPr().append(borders)


def _page_numbers(doc: Any) -> None:
    """Page numbers centred at the top from the second page on (Nghị định 30, Phụ lục I)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    section = doc.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = 1  # centre
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _across(table: Any, columns: int) -> Any:
    """A new row of one cell spanning the table (what python-docx's merge makes, a gridSpan, written directly:
    merge recomputes the whole grid and took half the time of a 100-unit table)."""
    from docx.table import _Cell

    tr = table.add_row()._tr
    first, *rest = tr.tc_lst
    first.grid_span = columns
    for tc in rest:
        tr.remove(tc)
    return _Cell(first, table)


def _table(doc: Any, header: list[str], rows: list[list[str]], notes: list[str] | None = None) -> Any:
    """A grid table; with notes, each row is followed by its note across the whole width (a unit's counts)."""

    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        _para(doc, text, bold=True, size=11, align="center", cell=cell, tight=True)
    for n, row in enumerate(rows):
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            _para(doc, text, size=11, align="left", cell=cell, tight=True)
        if notes and notes[n]:
            _para(doc, notes[n], italic=True, size=10, align="left", cell=_across(table, len(header)), tight=True)
    return table


def _signature(doc: Any, head: Letterhead) -> None:
    table = doc.add_table(rows=1, cols=2)
    _widths(table, 80, 85)
    left, right = table.rows[0].cells
    _para(doc, "Nơi nhận:", bold=True, italic=True, size=12, align="left", cell=left)
    for line in head.recipients:
        _para(doc, f"- {line}", size=11, align="left", cell=left)
    if head.signer_on_behalf:
        _para(doc, head.signer_on_behalf.upper(), bold=True, size=13, align="center", cell=right)
    _para(doc, head.signer_title.upper(), bold=True, size=13, align="center", cell=right)
    for _ in range(3):
        _para(doc, "", cell=right, align="center")
    _para(doc, head.signer, bold=True, size=13, align="center", cell=right)


def _targets(doc: Any, v: Any, number_from: int) -> None:
    w = v.words
    for section in v.sections:  # the Government's targets, then the body's own apart under their title
        if section.local:
            _para(doc, section.title, bold=True, italic=True)
        table = _table(
            doc,
            [w["target"], w["value"], w["threshold"], w["status"], w["gap"], w["shortfall"]],
            [
                [t.metric + (" †" if t.unverified else ""), t.value, t.threshold, t.status_text, t.gap, t.shortfall]
                for t in section.targets
            ],
        )
        _widths(table, 60, 20, 20, 25, 18, 22)  # the names wide: a target's name on two lines, not five
        if section.table_note:
            _para(doc, section.table_note, italic=True, size=11)
    for i, t in enumerate(v.targets, start=number_from):
        _para(doc, f"{i}. {t.metric}: {t.status_text}", bold=True)
        lines = [
            f"{w['value']}: {t.value} ({w['threshold']} {t.threshold})",
            f"{w['prev']}: {t.prev}",
            f"{w['last_year']}: {t.last_year}",
            f"{w['projection']}: {t.projection}",
        ]
        if t.lead:
            lines.append(f"{w['lead']}: {t.lead}" + (f"; {w['support'].lower()}: {t.support}" if t.support else ""))
        if t.units_behind:
            lines.append(
                f"{w['units_behind']}: "
                + ", ".join(
                    f"{u['name']} ({u['value']}"
                    + (f"; {w['shortfall'].lower()} {u['shortfall']}" if u["shortfall"] else "")
                    + ")"
                    for u in t.units_behind
                )
            )
        lines.append(
            f"{w['basis']}: {t.basis}"
            + (f" · {w['unverified']}" if t.unverified else "")
            + f" · {w['deadline']} {t.deadline}"
        )
        for line in lines:
            _para(doc, f"- {line}")
        if t.trend is not None:
            _chart(doc, str(t.trend), 420, v.lang)


def _chart(doc: Any, svg: str, width_px: int, lang: str) -> None:
    """The report's chart as an image, centred, at the size it has in the HTML (0.35 mm a pixel, as printed)."""
    from io import BytesIO

    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    from engine.report.raster import png

    image = png(svg)
    if image is None:  # no font on this machine: no chart rather than one without its labels (see raster)
        from engine.text.labels import label

        _para(doc, label("chart_no_font", lang), italic=True, size=11)
        return
    doc.add_picture(BytesIO(image), width=Mm(min(160, round(width_px * 0.35))))
    doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER


def _figures(doc: Any, v: Any, heading: str) -> None:
    """The figures no target covers and the units' figures, under a heading ("III. ..." or a bold line)."""
    w = v.words
    if v.others:
        _para(doc, heading.format(w["other_figures"]), bold=True)
        for line in v.others:
            _para(doc, f"- {line}")
    if v.units.rows:
        _para(doc, heading.format(w["units"]), bold=True)
        table = _table(
            doc,
            [w["unit"], w["unit_kind"], *v.units.columns],
            [[u.name, u.kind, *u.cells] for u in v.units.rows],
            [u.counts_text for u in v.units.rows],
        )
        metrics = len(v.units.columns)
        _widths(table, 45, 30, *[90 // metrics] * metrics) if metrics else _widths(table, 90, 75)
    if v.figures_note:
        _para(doc, v.figures_note, italic=True, size=11)


def monthly_docx(v: Any, head: Letterhead, path: str) -> None:
    doc = _setup()
    w = v.words
    _page_numbers(doc)
    _letterhead(doc, head, "BÁO CÁO" if v.lang == "vi" else "REPORT", v.subject)
    _para(doc, f"I. {w['summary'].upper()}", bold=True)
    _para(doc, v.summary)
    for line in v.gaps:
        _para(doc, f"- {line}")
    _para(doc, f"II. {w['targets'].upper()}", bold=True)
    _targets(doc, v, 1)
    n = 3
    if v.others or v.units.rows:
        _para(doc, f"III. {w['reported_figures'].upper()}", bold=True)
        _figures(doc, v, "{}")
        n += 1
    _para(doc, f"{_roman(n)}. {w['issues'].upper()}", bold=True)
    for line in v.issues or [w["no_issues"]]:
        _para(doc, f"- {line}")
    _signature(doc, head)  # the signature and "Nơi nhận" close the report; the appendix follows on its own page
    _appendix(doc, v.appendix, w)
    _save(doc, path)


def _appendix(doc: Any, appendix: list[Any], w: dict[str, str]) -> None:
    """The legal basis of every target shown, after the signature on a page of its own ("Phụ lục"): a table, each
    instrument across its targets."""
    from docx.enum.text import WD_BREAK

    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _para(doc, w["appendix_heading"].upper(), bold=True, align="center")
    _para(doc, w["appendix"], italic=True, align="center")
    for basis in appendix:
        _para(doc, basis.instrument, bold=True, size=11, align="left")
        table = _table(
            doc,
            [w["target"], w["wording"], w["source"], w["confidence"]],
            [[t.target, t.wording, t.source, t.confidence] for t in basis.targets],
            [f"{w['note']}: {t.note}" if t.note else "" for t in basis.targets],
        )
        _widths(table, 40, 65, 35, 25)


def briefing_docx(b: Any, head: Letterhead, path: str) -> None:
    doc = _setup()
    w = b.words
    _page_numbers(doc)
    _letterhead(doc, head, "BÁO CÁO" if b.lang == "vi" else "REPORT", b.subject)
    if b.mixed:  # on every page: in the headers (the first page's too), and under the title
        for header in (doc.sections[0].header, doc.sections[0].first_page_header):
            header.add_paragraph(b.mixed)
        _para(doc, b.mixed, bold=True, italic=True, align="center")
    _para(doc, f"I. {w['overview'].upper()}", bold=True)
    _table(
        doc,
        [w["rank"], w["province_col"], w["met"], w["at_risk"], w["missed"], w["no_data"]],
        [[str(r.rank), r.name, str(r.met), str(r.at_risk), str(r.missed), str(r.no_data)] for r in b.rows],
    )
    if b.comparisons:
        _para(doc, w["comparison"], bold=True, italic=True)
        for c in b.comparisons:
            _para(doc, f"{c['metric']} ({c['threshold']})", bold=True, size=12, align="left")
            _chart(doc, str(c["chart"]), 460, b.lang)
    for i, p in enumerate(b.pages, start=2):
        _para(doc, f"{_roman(i)}. {p.name.upper()}", bold=True)
        _para(doc, p.report.summary)
        _para(doc, w["highlights"], bold=True, italic=True)
        for line in p.highlights or [w["no_highlights"]]:
            _para(doc, f"- {line}")
        _para(doc, w["points_to_raise"], bold=True, italic=True)
        for n, line in enumerate(p.points or [w["no_points"]], start=1):
            _para(doc, f"{n}. {line}")
        _targets(doc, p.report, 1)
        _figures(doc, p.report, "{}")
    _signature(doc, head)
    _appendix(doc, b.appendix, w)
    _save(doc, path)


def docx_writer(kind: str, view: Any, head: Letterhead) -> Callable[[str], None]:
    """A writer of the Word document of a monthly report or a briefing pack."""

    filled = head.for_report(kind, getattr(view, "issuer", ""))

    def write(path: str) -> None:
        (monthly_docx if kind == "monthly" else briefing_docx)(view, filled, path)

    return write


def _save(doc: Any, path: str) -> None:
    """Saved with fixed dates in the zip and the core properties: the same inputs give the same bytes."""
    import io
    from datetime import datetime

    from engine.io.tables import fixed_zip

    doc.core_properties.created = doc.core_properties.modified = datetime(2000, 1, 1)
    doc.core_properties.last_printed = datetime(2000, 1, 1)
    buffer = io.BytesIO()
    doc.save(buffer)
    with open(path, "wb") as fh:
        fh.write(fixed_zip(buffer.getvalue()))


def _roman(n: int) -> str:
    out, values = "", [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    for value, letters in values:
        while n >= value:
            out, n = out + letters, n - value
    return out
