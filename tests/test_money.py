"""Money: half-up rounding and cross-footed display tables."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from archplan.money import (
    TOTAL,
    apportion,
    format_amount,
    round_yen,
    to_display_unit,
    with_totals,
)


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


def test_apportion_matches_the_published_largest_remainder_example() -> None:
    # Wikipedia, "Largest remainders method", Hare quota: 100,000 votes for 10 seats,
    # Yellows 47,000, Whites 16,000, Reds 15,800, Greens 12,000, Blues 6,100, Pinks 3,100
    # gives 5, 2, 1, 1, 1, 0. Scaled by 1/10, one seat is one thousand yen.
    votes = [4_700, 1_600, 1_580, 1_200, 610, 310]
    assert apportion(votes, 1000) == [5, 2, 1, 1, 1, 0]
    # Rounding each alone gives 5 + 2 + 2 + 1 + 1 + 0 = 11 seats: one too many.
    assert sum(round_yen(Decimal(v) / 1000) for v in votes) == 11


@given(
    st.lists(st.lists(st.integers(-(10**9), 10**9), min_size=3, max_size=3), min_size=1, max_size=8)
)
def test_breakdowns_add_up_to_the_rounded_figure_they_break_down(cells: list[list[int]]) -> None:
    frame = pd.DataFrame(cells, columns=[2026, 2027, 2028])
    shown = to_display_unit(frame, "thousand", keep="columns")
    body = shown.drop(index=TOTAL, columns=TOTAL)
    for year in frame.columns:
        exact_total = Decimal(int(frame[year].sum())) / 1000
        # The column total is what the budget table shows for that year …
        assert shown.loc[TOTAL, year] == round_yen(exact_total)
        # … and no cell moves a whole unit away from its exact value.
        for shown_cell, yen in zip(body[year], frame[year], strict=True):
            assert abs(Decimal(int(shown_cell)) - Decimal(int(yen)) / 1000) < 1
    assert (body.sum(axis=1) == shown[TOTAL].drop(TOTAL)).all()


@given(
    st.lists(st.integers(0, 10**8), min_size=1, max_size=6),
    st.integers(-20, 20),
)
def test_apportion_reaches_any_target(amounts: list[int], shift: int) -> None:
    target = round_yen(Decimal(sum(amounts)) / 1000) + shift
    got = apportion(amounts, 1000, target)
    assert sum(got) == target
    spread = [g - a // 1000 for g, a in zip(got, amounts, strict=True)]
    assert max(spread) - min(spread) <= 1  # the correction is spread evenly


def test_rows_can_be_held_to_given_totals() -> None:
    t = pd.DataFrame({"build": [1_400, 2_600], "run": [1_400, 2_600]}, index=["a", "b"])
    targets = pd.Series({"a": 3, "b": 5})
    shown = to_display_unit(t, "thousand", keep="rows", targets=targets)
    assert shown[TOTAL].drop(TOTAL).tolist() == [3, 5]
    assert shown.loc["a"].drop(TOTAL).tolist() == [2, 1]
    with pytest.raises(ValueError, match="keep must be"):
        to_display_unit(t, "thousand", keep="diagonal")
