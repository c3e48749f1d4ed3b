"""Fiscal years, checked against the calendar facts in shared/domain.md."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archplan.fiscal import fiscal_year, fiscal_year_bounds, fy_label


def test_japanese_fiscal_year_boundaries() -> None:
    # FY2026 = 2026-04-01 … 2027-03-31 = 令和8年度
    assert fiscal_year(date(2026, 4, 1)) == 2026
    assert fiscal_year(date(2027, 3, 31)) == 2026
    assert fiscal_year(date(2026, 3, 31)) == 2025
    assert fiscal_year_bounds(2026) == (date(2026, 4, 1), date(2027, 3, 31))
    assert fy_label(2026, "ja") == "令和8年度"


@pytest.mark.parametrize(
    ("fy", "label"),
    [
        (2019, "令和元年度"),
        (2020, "令和2年度"),
        (2018, "平成30年度"),
        (1989, "平成元年度"),
        (1988, "1988年度"),
    ],
)
def test_era_labels(fy: int, label: str) -> None:
    assert fy_label(fy, "ja") == label


def test_calendar_year_start() -> None:
    assert fiscal_year(date(2026, 1, 1), start_month=1) == 2026
    assert fiscal_year_bounds(2026, 1) == (date(2026, 1, 1), date(2026, 12, 31))


@given(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2150, 12, 31)),
    st.integers(min_value=1, max_value=12),
)
def test_every_day_lies_within_its_fiscal_year(day: date, start: int) -> None:
    first, last = fiscal_year_bounds(fiscal_year(day, start), start)
    assert first <= day <= last
    # Consecutive fiscal years tile the calendar with no gap or overlap.
    assert fiscal_year(last + timedelta(days=1), start) == fiscal_year(day, start) + 1


def test_fiscal_year_type() -> None:
    from archplan import FiscalYear

    fy = FiscalYear(2026)
    assert (fy.first_day, fy.last_day) == (date(2026, 4, 1), date(2027, 3, 31))
    assert FiscalYear.of(date(2027, 3, 31)) == fy and FiscalYear.of(date(2027, 4, 1)) == fy + 1
    assert str(fy) == "FY2026" and fy.label("ja") == "令和8年度"
    assert date(2026, 3, 31) not in fy
    cal = FiscalYear(2026, start_month=1)
    assert cal.last_day == date(2026, 12, 31) and repr(cal) == "FiscalYear(2026, start_month=1)"
    # pandas' Y-MAR periods are named by the year they end in: FY2026 is Period('2027').
    import pandas as pd

    assert pd.Period(date(2026, 4, 1), freq="Y-MAR").year == 2027 != fy.year
