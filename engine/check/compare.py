"""Exact comparisons of a value with a threshold: whether it meets it, by how many points it misses, and how many
more items would close the gap. Fractions throughout: a value of exactly 45 % meets "≥ 45 %"."""

from __future__ import annotations

import math
import operator
from fractions import Fraction

from engine.check.figures import Figure
from engine.vocabulary import SCALE

_COMPARE = {">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt}


def meets(value: Fraction, op: str, threshold: Fraction) -> bool:
    return _COMPARE[op](value, threshold)


def gap_points(value: Fraction, op: str, threshold: Fraction) -> Fraction | None:
    """How far the value is from the threshold, in the metric's unit; None when it meets it."""
    return None if meets(value, op, threshold) else abs(threshold - value)


def shortfall(fig: Figure, op: str, threshold: Fraction, unit: str) -> int | None:
    """The fewest additional items in the numerator that would meet a ">=" or ">" threshold, denominator fixed.

    None where it cannot be counted: a figure without counts, or a "<" target (fewer items is not "additional").
    """
    if fig.numerator is None or fig.denominator is None or op not in (">=", ">"):
        return None
    if meets(fig.value, op, threshold):
        return 0
    need = threshold * fig.denominator / SCALE[unit]  # the numerator at which the value equals the threshold
    target = math.ceil(need) if op == ">=" else math.floor(need) + 1
    return max(target - fig.numerator, 0)
