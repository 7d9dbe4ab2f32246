"""Small inline SVG charts (no script, no network): value against threshold, a monthly trend with the target
line, and a comparison of provinces. Text in them is escaped; coordinates are computed here, not in templates."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from html import escape

from markupsafe import Markup

from engine.vocabulary import Status

_COLORS: dict[str, str] = {
    Status.MET: "#2e7d32",
    Status.AT_RISK: "#ef8f00",
    Status.MISSED: "#c62828",
    Status.NO_DATA: "#9e9e9e",
    Status.WAIVED: "#5c6bc0",
}


def _f(x: Fraction | float) -> str:
    return f"{float(x):.1f}"


def bar(value: Fraction | None, threshold: Fraction, status: str, scale: int = 100, width: int = 220) -> Markup:
    """A horizontal bar of the value with a mark at the threshold."""
    h = 14
    scale_f = Fraction(width, scale)
    parts = [
        f'<svg class="bar" width="{width}" height="{h}" viewBox="0 0 {width} {h}" role="img">',
        f'<rect x="0" y="3" width="{width}" height="8" fill="#eeeeee"/>',
    ]
    if value is not None:
        w = min(max(value, Fraction(0)), Fraction(scale)) * scale_f
        parts.append(f'<rect x="0" y="3" width="{_f(w)}" height="8" fill="{_COLORS[status]}"/>')
    t = min(threshold, Fraction(scale)) * scale_f
    parts.append(f'<line x1="{_f(t)}" y1="0" x2="{_f(t)}" y2="{h}" stroke="#212121" stroke-width="2"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


def trend(
    points: list[tuple[str, Fraction | None]],
    threshold: Fraction,
    labels: tuple[str, str],
    scale: int = 100,
    width: int = 360,
    height: int = 140,
) -> Markup:
    """Monthly values as a line, the threshold as a dashed line, months on the x axis."""
    left, bottom, top = 34, 22, 8
    inner_w, inner_h = width - left - 8, height - bottom - top
    n = max(len(points), 2)
    xs = [left + Fraction(inner_w * i, n - 1) for i in range(len(points))]

    def y(v: Fraction) -> Fraction:
        return top + inner_h - min(max(v, Fraction(0)), Fraction(scale)) * Fraction(inner_h, scale)

    out = [
        f'<svg class="trend" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(labels[0])}">'
    ]
    for tick in (0, scale // 2, scale):
        out.append(
            f'<line x1="{left}" y1="{_f(y(Fraction(tick)))}" x2="{width - 8}" y2="{_f(y(Fraction(tick)))}" '
            f'stroke="#e0e0e0"/><text x="{left - 4}" y="{_f(y(Fraction(tick)) + 4)}" font-size="9" '
            f'text-anchor="end">{tick}</text>'
        )
    ty = _f(y(threshold))
    out.append(f'<line x1="{left}" y1="{ty}" x2="{width - 8}" y2="{ty}" stroke="#c62828" stroke-dasharray="4 3"/>')
    out.append(
        f'<text x="{width - 8}" y="{_f(y(threshold) - 3)}" font-size="9" text-anchor="end" fill="#c62828">'
        f"{escape(labels[1])}</text>"
    )
    segment: list[str] = []
    for x, (_, v) in zip(xs, points, strict=True):
        if v is None:
            if len(segment) > 1:
                out.append(f'<polyline fill="none" stroke="#1565c0" stroke-width="2" points="{" ".join(segment)}"/>')
            segment = []
            continue
        segment.append(f"{_f(x)},{_f(y(v))}")
        out.append(f'<circle cx="{_f(x)}" cy="{_f(y(v))}" r="2.5" fill="#1565c0"/>')
    if len(segment) > 1:
        out.append(f'<polyline fill="none" stroke="#1565c0" stroke-width="2" points="{" ".join(segment)}"/>')
    for x, (label, _) in zip(xs, points, strict=True):
        out.append(f'<text x="{_f(x)}" y="{height - 6}" font-size="9" text-anchor="middle">{escape(label)}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def compare(
    rows: Sequence[tuple[str, Fraction | None, str, str]], threshold: Fraction, scale: int = 100, width: int = 420
) -> Markup:
    """One bar per province (name, value, status, the value as text), the threshold as a line across."""
    label_w, row_h = 120, 18
    height = row_h * len(rows) + 6
    bar_w = width - label_w - 50
    unit = Fraction(bar_w, scale)
    out = [f'<svg class="compare" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img">']
    for i, (name, value, status, label) in enumerate(rows):
        yy = 3 + i * row_h
        out.append(f'<text x="{label_w - 6}" y="{yy + 12}" font-size="10" text-anchor="end">{escape(name)}</text>')
        out.append(f'<rect x="{label_w}" y="{yy + 3}" width="{bar_w}" height="10" fill="#eeeeee"/>')
        if value is not None:
            w = min(max(value, Fraction(0)), Fraction(scale)) * unit
            out.append(f'<rect x="{label_w}" y="{yy + 3}" width="{_f(w)}" height="10" fill="{_COLORS[status]}"/>')
            out.append(f'<text x="{_f(label_w + w + 4)}" y="{yy + 12}" font-size="9">{escape(label)}</text>')
    tx = _f(label_w + min(threshold, Fraction(scale)) * unit)
    out.append(f'<line x1="{tx}" y1="0" x2="{tx}" y2="{height}" stroke="#212121" stroke-width="1.5"/>')
    out.append("</svg>")
    return Markup("".join(out))
