"""The reports' SVG charts as PNG images, for Word (which shows no inline SVG reliably): the same chart, drawn by
resvg (a small, self-contained renderer, through resvg-py) with the machine's fonts, Times New Roman first as in
the document's text. Where the machine has no font at all, text would vanish from the image: the chart is then
left out, and the caller says so, rather than shipping a chart without its labels.
"""

from __future__ import annotations

from functools import cache

_ZOOM = 3  # sharp when printed: a 420-pixel-wide chart becomes 1,260 pixels, about 150 mm at 200 dpi
_FONT = "Times New Roman"


def _render(svg: str, zoom: float = _ZOOM) -> bytes:
    import resvg_py

    if "xmlns=" not in svg[:200]:  # inline in HTML an SVG needs no namespace; a file of its own does
        svg = svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    return bytes(resvg_py.svg_to_bytes(svg_string=svg, background="#ffffff", zoom=zoom, font_family=_FONT))


@cache
def fonts_available() -> bool:
    """Whether text is drawn at all: a word against the same canvas without it."""
    probe = '<svg width="40" height="16"><text x="2" y="12" font-size="10">Đạt</text></svg>'
    return _render(probe, 1) != _render('<svg width="40" height="16"></svg>', 1)


def png(svg: str) -> bytes | None:
    """The chart as a PNG, or None when this machine has no font to write its labels with."""
    return _render(svg) if fonts_available() else None
