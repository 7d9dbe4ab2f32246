"""Small inline SVG charts (no script, no network): value against threshold, a monthly trend with the target
line, and a comparison of provinces. Text in them is escaped; coordinates are computed here, not in templates."""

from __future__ import annotations

from collections.abc import Callable, Sequence
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


def _range(values: list[Fraction], threshold: Fraction, scale: int) -> tuple[int, int]:
    """The y axis: from a round number below the lowest value (or the threshold) to one above the highest, so that
    78–83 % are told apart, never outside 0–scale and never narrower than a fifth of it."""
    low = min([*values, threshold])
    high = max([*values, threshold])
    step = max(scale // 20, 1)
    lo = max(0, (int(low) - step) // step * step)
    hi = min(scale, -(-(int(high) + step) // step) * step)
    if hi - lo < scale // 5:
        lo = max(0, hi - scale // 5)
        hi = min(scale, lo + scale // 5)
    return lo, hi


def trend(
    points: list[tuple[str, Fraction | None]],
    threshold: Fraction,
    labels: tuple[str, str, str, str],
    unit: str = " %",
    scale: int = 100,
    width: int = 420,
) -> Markup:
    """Monthly values as a line against the threshold (dashed, labelled with its value outside the plot, so that it
    never covers a point), months with their year, the axis with its unit and a scale that shows the differences,
    a month without a figure marked with a cross, and a legend. labels: the chart's name, the threshold's text
    ("ngưỡng ≥ 80 %"), the line's legend, the cross's legend."""
    left, right, top, plot_h = 40, 92, 8, 104
    height = top + plot_h + 18 + 16
    inner_w = width - left - right
    n = max(len(points), 2)
    xs = [left + Fraction(inner_w * i, n - 1) for i in range(len(points))]
    lo, hi = _range([v for _, v in points if v is not None], threshold, scale)

    def y(v: Fraction) -> Fraction:
        clamped = min(max(v, Fraction(lo)), Fraction(hi))
        return top + plot_h - (clamped - lo) * Fraction(plot_h, hi - lo)

    out = [
        f'<svg class="trend" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(labels[0])}">'
    ]
    for tick in (lo, (lo + hi) // 2, hi):
        ty = _f(y(Fraction(tick)))
        out.append(
            f'<line x1="{left}" y1="{ty}" x2="{width - right}" y2="{ty}" stroke="#e0e0e0"/>'
            f'<text x="{left - 4}" y="{_f(y(Fraction(tick)) + 3)}" font-size="9" text-anchor="end">'
            f"{tick}{escape(unit)}</text>"
        )
    ty = _f(y(threshold))
    out.append(f'<line x1="{left}" y1="{ty}" x2="{width - right}" y2="{ty}" stroke="#c62828" stroke-dasharray="4 3"/>')
    out.append(
        f'<text x="{width - right + 4}" y="{_f(y(threshold) + 3)}" font-size="9" fill="#c62828">'
        f"{escape(labels[1])}</text>"
    )
    # a month without a figure is marked on the floor of the plot, or at its top when the threshold runs close to
    # the floor (the cross would sit on its line)
    mark = top + plot_h - 2 if y(threshold) < top + plot_h - 14 else top + 10
    out += _series(points, xs, y, mark)
    for x, (label, _) in zip(xs, points, strict=True):
        out.append(
            f'<text x="{_f(x)}" y="{top + plot_h + 13}" font-size="9" text-anchor="middle">{escape(label)}</text>'
        )
    out += _legend(top + plot_h + 28, left, labels, any(v is None for _, v in points))
    out.append("</svg>")
    return Markup("".join(out))


def _series(
    points: list[tuple[str, Fraction | None]], xs: list[Fraction], y: Callable[[Fraction], Fraction], mark: int
) -> list[str]:
    """The line, broken where a month has no figure (a grey cross on the axis says so)."""
    out: list[str] = []
    segment: list[str] = []
    for x, (_, v) in zip(xs, points, strict=True):
        if v is None:
            if len(segment) > 1:
                out.append(f'<polyline fill="none" stroke="#1565c0" stroke-width="2" points="{" ".join(segment)}"/>')
            segment = []
            out.append(f'<text x="{_f(x)}" y="{mark}" font-size="10" text-anchor="middle" fill="#757575">×</text>')
            continue
        py = y(v)
        segment.append(f"{_f(x)},{_f(py)}")
        out.append(f'<circle cx="{_f(x)}" cy="{_f(py)}" r="2.5" fill="#1565c0"/>')
    if len(segment) > 1:
        out.append(f'<polyline fill="none" stroke="#1565c0" stroke-width="2" points="{" ".join(segment)}"/>')
    return out


def _legend(at: int, left: int, labels: tuple[str, str, str, str], gaps: bool) -> list[str]:
    out = [
        f'<line x1="{left}" y1="{at - 3}" x2="{left + 16}" y2="{at - 3}" stroke="#1565c0" stroke-width="2"/>',
        f'<text x="{left + 20}" y="{at}" font-size="9">{escape(labels[2])}</text>',
        f'<line x1="{left + 150}" y1="{at - 3}" x2="{left + 166}" y2="{at - 3}" stroke="#c62828" '
        f'stroke-dasharray="4 3"/><text x="{left + 170}" y="{at}" font-size="9">{escape(labels[1])}</text>',
    ]
    if gaps:
        out.append(f'<text x="{left + 270}" y="{at}" font-size="9" fill="#757575">× {escape(labels[3])}</text>')
    return out


def compare(
    rows: Sequence[tuple[str, Fraction | None, str, str]],
    threshold: Fraction,
    scale: int = 100,
    width: int = 460,
    legend: Sequence[tuple[str, str]] = (),
    threshold_text: str = "",
) -> Markup:
    """One bar per province (name, value, status, the value as text), the threshold as a line across labelled with
    its value above the bars; a value's label that would sit on the line moves past it; the colours in a legend
    (legend: (status, its words))."""
    label_w, row_h, head = 120, 18, 14
    bar_w = width - label_w - 60
    unit = Fraction(bar_w, scale)
    tx = label_w + min(threshold, Fraction(scale)) * unit
    height = head + row_h * len(rows) + (18 if legend else 4)
    out = [f'<svg class="compare" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img">']
    if threshold_text:
        out.append(f'<text x="{_f(tx)}" y="10" font-size="9" text-anchor="middle">{escape(threshold_text)}</text>')
    for i, (name, value, status, label) in enumerate(rows):
        yy = head + i * row_h
        out.append(f'<text x="{label_w - 6}" y="{yy + 12}" font-size="10" text-anchor="end">{escape(name)}</text>')
        out.append(f'<rect x="{label_w}" y="{yy + 3}" width="{bar_w}" height="10" fill="#eeeeee"/>')
        if value is not None:
            w = min(max(value, Fraction(0)), Fraction(scale)) * unit
            out.append(f'<rect x="{label_w}" y="{yy + 3}" width="{_f(w)}" height="10" fill="{_COLORS[status]}"/>')
            at = label_w + w + 4
            if at - 2 < tx < at + 6 * len(label):  # the label would cross the threshold line: set it after it
                at = tx + 4
            out.append(f'<text x="{_f(at)}" y="{yy + 12}" font-size="9">{escape(label)}</text>')
    out.append(
        f'<line x1="{_f(tx)}" y1="{head - 2}" x2="{_f(tx)}" y2="{head + row_h * len(rows)}" stroke="#212121" '
        'stroke-width="1.5"/>'
    )
    x, base = label_w, head + row_h * len(rows) + 12
    for status, words in legend:
        out.append(f'<rect x="{x}" y="{base - 8}" width="10" height="8" fill="{_COLORS[status]}"/>')
        out.append(f'<text x="{x + 13}" y="{base}" font-size="9">{escape(words)}</text>')
        x += 18 + 6 * len(words)
    out.append("</svg>")
    return Markup("".join(out))
