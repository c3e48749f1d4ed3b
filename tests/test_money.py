"""Money: half-up rounding and cross-footed display tables."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from archplan.money import TOTAL, format_amount, round_yen, to_display_unit, with_totals


def test_half_up_not_bankers() -> None:
    # Python's round(2.5) == 2; a budget office expects 3.
    assert round(2.5) == 2
    assert round_yen(Decimal("2.5")) == 3
    assert round_yen(Decimal("0.5")) == 1


def test_thousand_yen_display_cross_foots_where_naive_rounding_does_not() -> None:
    # Three cells of 1,400 yen: each shows as 1 千円, so the total row must say 3 千円,
    # though the exact total (4,200 yen) would round to 4 千円.
    t = pd.DataFrame({2026: [1400, 1400, 1400]}, index=["a", "b", "c"])
    shown = to_display_unit(t, "thousand")
    assert shown[2026].tolist() == [1, 1, 1, 3]
    assert shown.loc[TOTAL, TOTAL] == 3


def test_japanese_negative_mark() -> None:
    assert format_amount(-1500, "ja") == "▲1,500"
    assert format_amount(1500, "ja") == "1,500"


@given(
    st.lists(
        st.lists(st.integers(-(10**10), 10**10), min_size=3, max_size=3), min_size=1, max_size=8
    ),
    st.sampled_from(["yen", "thousand"]),
)
def test_display_tables_always_cross_foot(cells: list[list[int]], unit: str) -> None:
    frame = pd.DataFrame(cells, columns=[2026, 2027, 2028])
    shown = to_display_unit(with_totals(frame), unit)
    body = shown.drop(index=TOTAL, columns=TOTAL)
    assert (body.sum(axis=1) == shown[TOTAL].drop(TOTAL)).all()
    assert (body.sum(axis=0) == shown.loc[TOTAL].drop(TOTAL)).all()
    assert shown.loc[TOTAL, TOTAL] == body.to_numpy().sum()
    if unit == "yen":
        assert (body.to_numpy() == frame.to_numpy()).all()
