"""Exact comparisons with a threshold (engine/check/compare.py): the shortfall, the gap, and the display rounding rule."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine.check.compare import gap_points, meets, shortfall
from engine.check.figures import Figure, disagrees
from engine.text.fmt import number, round2, round_gap


def fig(num, den):
    return Figure("online_payment_rate", Fraction(num * 100, den), num, den, "reported")


@pytest.mark.parametrize(
    "num,den,expected",
    [
        (900, 2000, 0),  # exactly 45 %
        (899, 2000, 1),  # 44.95 %
        (1, 3, 1),  # 33.3 % of 3 → 2 of 3 = 66.7 %
        (0, 1979, 891),  # 45 % of 1,979 = 890.55 → 891
        (890, 1979, 1),
        (891, 1979, 0),
    ],
)
def test_shortfall_at_45(num, den, expected):
    assert shortfall(fig(num, den), ">=", Fraction(45), "percent") == expected


def test_shortfall_strictly_above():
    assert shortfall(fig(900, 2000), ">", Fraction(45), "percent") == 1
    assert shortfall(fig(50, 100), "<=", Fraction(45), "percent") is None


def test_float_would_be_wrong_but_fractions_are_exact():
    # 0.1 + 0.2 style: 7/25 = 28 % exactly; a float ratio of 7/25*100 is 28.000000000000004
    assert 7 / 25 * 100 != 28
    assert meets(fig(7, 25).value, ">=", Fraction(28))
    assert not meets(fig(7, 25).value, ">", Fraction(28))


def test_gap_points():
    assert gap_points(Fraction(40), ">=", Fraction(45)) == 5
    assert gap_points(Fraction(45), ">=", Fraction(45)) is None


def test_display_rounding_rule():
    assert round2(Fraction(115600, 1979)) == Decimal("58.41")
    assert round2(Fraction(5, 1000)) == Decimal("0.01")  # half up
    assert round2(Fraction(4999, 1000000)) == Decimal("0.00")
    assert round_gap(Fraction(1, 100000)) == Decimal("0.01")  # a gap never shows as 0.00
    assert number(Decimal("1234.5"), "vi") == "1.234,5"
    assert number(1972, "vi") == "1.972" and number(1972, "en") == "1,972"


@given(num=st.integers(0, 10**6), extra=st.integers(0, 10**6), places=st.integers(0, 3))
def test_a_rate_rounded_at_any_precision_never_disagrees_with_its_counts(num, extra, places):
    den = num + extra
    if den == 0:
        return
    computed = Fraction(100 * num, den)
    rounded = Decimal(round2(computed)) if places == 2 else Decimal(computed.numerator) / Decimal(computed.denominator)
    written = rounded.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    assert not disagrees(written, computed)
    if places <= 1:  # one step off at the precision written is a disagreement
        assert disagrees(written + Decimal(1).scaleb(-places), computed)
