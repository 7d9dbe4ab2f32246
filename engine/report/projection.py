"""Where a figure is heading: the change since the previous period and the same period last year, and a
year-end projection from the months so far, with the monthly pace that would still reach the target.

All exact (Fractions). Flows (payments, dossiers) are projected month by month: the trend of the monthly rate,
weighted by the average monthly volume; stocks (procedures on the portal, scores) by the trend of their value.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from engine.check.compare import meets
from engine.check.figures import Figure


@dataclass(frozen=True)
class Projection:
    months: int  # months of the year with figures
    year_end: Fraction | None  # the projected year-end value, in the metric's unit
    on_track: bool | None
    required_rate: Fraction | None  # flows: the rate the remaining months need (may exceed 100: out of reach)
    required_items: int | None  # flows: additional items a month at the average volume
    required_points: Fraction | None  # stocks: points a month still to gain


def trend(values: list[Fraction]) -> tuple[Fraction, Fraction]:
    """Least-squares line through (1, v1), (2, v2)…: (intercept, slope), exactly."""
    n = len(values)
    if n == 1:
        return values[0], Fraction(0)
    xs = list(range(1, n + 1))
    mx, my = Fraction(sum(xs), n), sum(values, Fraction(0)) / n
    sxx = sum(((x - mx) ** 2 for x in xs), Fraction(0))
    slope = sum(((x - mx) * (y - my) for x, y in zip(xs, values, strict=True)), Fraction(0)) / sxx
    return my - slope * mx, slope


def _clamp(value: Fraction, scale: int) -> Fraction:
    return min(max(value, Fraction(0)), Fraction(scale))


def project_flow(monthly: list[Figure], threshold: Fraction, scale: int = 100, op: str = ">=") -> Projection | None:
    """monthly: this year's months in order, each with counts (numerator, denominator). Whether the year is on
    track is judged by the target's own operator; the pace still needed is given for targets to reach (≥, >),
    not for ceilings (≤, <), where "needed" would mean "allowed"."""
    if not monthly or any(f.denominator is None for f in monthly):
        return None
    m = len(monthly)
    num = sum(f.numerator or 0 for f in monthly)
    den = sum(f.denominator or 0 for f in monthly)
    if den == 0:
        return None
    avg = Fraction(den, m)
    a, b = trend([f.value for f in monthly if f.denominator])
    rest = 12 - m
    projected = num + sum(_clamp(a + b * k, scale) / scale * avg for k in range(m + 1, 13))
    year_den = den + rest * avg
    year_end = projected / year_den * scale
    on_track = meets(year_end, op, threshold)
    if rest == 0 or op not in (">=", ">"):
        return Projection(m, year_end, on_track, None, None, None)
    needed = threshold / scale * year_den - num  # items still to add over the rest of the year
    if op == ">":  # strictly above: one item more than the exact share
        needed = Fraction(math.floor(needed) + 1)
    required_rate = needed / (rest * avg) * scale
    required_items = max(math.ceil(needed / rest), 0)
    return Projection(m, year_end, on_track, required_rate, required_items, None)


def project_stock(values: list[Fraction], threshold: Fraction, scale: int = 100, op: str = ">=") -> Projection | None:
    """values: this year's months in order (the value each month). On track by the target's own operator; the
    points a month still to gain only for targets to reach (≥, >)."""
    if not values:
        return None
    m = len(values)
    a, b = trend(values)
    year_end = _clamp(a + b * 12, scale) if m < 12 else values[-1]
    required = (threshold - values[-1]) / (12 - m) if m < 12 and op in (">=", ">") else None
    return Projection(
        m,
        year_end,
        meets(year_end, op, threshold),
        None,
        None,
        max(required, Fraction(0)) if required is not None else None,
    )
