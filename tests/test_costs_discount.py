"""Discounting against numpy-financial and published spreadsheet examples."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy_financial as npf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from archplan import ArchplanError
from archplan.costs import equivalent_annual_cost, irr, npv, payback_year, roi, xirr, xnpv

FLOWS = [-10000, 3000, 4200, 6800]
DATES = [
    date(2008, 1, 1),
    date(2008, 3, 1),
    date(2008, 10, 30),
    date(2009, 2, 15),
    date(2009, 4, 1),
]
DATED = [-10000, 2750, 4250, 3250, 2750]


def test_npv_both_conventions_published() -> None:
    # NPV(10 %, −10000, 3000, 4200, 6800): 1,307.29 with the first flow at time 0
    # (numpy-financial), 1,188.44 in a spreadsheet's NPV(), which discounts it too.
    assert npv(0.10, FLOWS) == pytest.approx(1307.29, abs=0.005)
    assert npv(0.10, FLOWS, "end") == pytest.approx(1188.44, abs=0.005)


def test_xnpv_and_xirr_published() -> None:
    # The spreadsheet documentation's XNPV example (9 %): 2,086.65; XIRR: 37.34 %.
    assert xnpv(0.09, DATED, DATES) == pytest.approx(2086.65, abs=0.005)
    assert xirr(DATED, DATES) == pytest.approx(0.373362535, abs=1e-6)


def test_irr_against_numpy_financial_and_refusal() -> None:
    assert irr([-100, 39, 59, 55, 20]) == pytest.approx(npf.irr([-100, 39, 59, 55, 20]))
    with pytest.raises(ArchplanError, match="change sign"):
        irr([100, 200, 300])  # a cost-only option: no IRR, said plainly


@given(
    st.lists(st.floats(-1e7, 1e7, allow_nan=False), min_size=1, max_size=12), st.floats(0.0, 0.2)
)
def test_npv_matches_numpy_financial(values: list[float], rate: float) -> None:
    assert npv(rate, values) == pytest.approx(float(npf.npv(rate, values)), rel=1e-9, abs=1e-6)
    assert npv(rate, values, "end") == pytest.approx(
        float(npf.npv(rate, values)) / (1 + rate), rel=1e-9, abs=1e-6
    )


@pytest.mark.parametrize("timing", ["start", "end"])
def test_equivalent_annual_cost_has_the_same_present_value(timing: str) -> None:
    pv = 1_000_000.0
    eac = equivalent_annual_cost(0.04, 5, pv, timing)
    level = [eac] * 5
    assert npv(0.04, level, timing) == pytest.approx(pv)
    # numpy-financial's own annuity: PV of five payments of `eac`.
    when = "begin" if timing == "start" else "end"
    assert -npf.pv(0.04, 5, eac, when=when) == pytest.approx(pv)


def test_payback_and_roi() -> None:
    assert payback_year([2026, 2027, 2028, 2029], [-300, 100, 100, 150]) == 2029
    assert payback_year([2026, 2027], [-300, 100]) is None
    assert roi(130.0, 100.0) == pytest.approx(0.3)


def test_dated_npv_of_a_payment_one_year_after_the_plan_starts(tmp_path: Path) -> None:
    from archplan import load_workspace
    from archplan.costs import dated_npv
    from conftest import make_workspace

    d = make_workspace(
        tmp_path,
        """
        - {id: a, option: saas, name: A, category: build, nature: one-off,
           amount: 1000000, start: 2027-04}
        """,
    )
    ws = load_workspace(d)
    # 2026-04-01 → 2027-04-01 is 365 days: exactly one year of discounting.
    got = dated_npv(ws, rate=0.03, basis="exclusive")
    assert got["saas"] == pytest.approx(1_000_000 / 1.03, abs=1e-6)
    assert got["gov-cloud"] == 0


def test_dated_npv_discounts_each_month_by_its_days(tmp_path: Path) -> None:
    from archplan import load_workspace
    from archplan.costs import dated_npv, monthly_flows, yearly_totals
    from conftest import make_workspace

    d = make_workspace(
        tmp_path,
        """
        - {id: run, option: saas, name: Run, category: operation, nature: recurring,
           amount: 1200000, start: 2026-10, end: 2027-09}
        """,
    )
    ws = load_workspace(d)
    flows = monthly_flows(ws, basis="exclusive")["saas"]
    assert flows[flows > 0].tolist() == [100_000.0] * 12
    # The same sum written out: first of each month from October 2026, days / 365.
    first = date(2026, 4, 1)
    months = [date(2026 + (m > 12), (m - 1) % 12 + 1, 1) for m in range(10, 22)]
    expected = sum(100_000 / 1.05 ** ((m - first).days / 365) for m in months)
    assert dated_npv(ws, rate=0.05, basis="exclusive")["saas"] == pytest.approx(expected)
    # Months add up to the fiscal-year table (tax-inclusive at 10 %: 1.1 × 600,000).
    incl = monthly_flows(ws)["saas"]
    by_fy = incl.groupby([m.year if m.month >= 4 else m.year - 1 for m in incl.index]).sum()
    assert by_fy[2026] == pytest.approx(660_000) == yearly_totals(ws).loc[2026, "saas"]


def test_arguments_follow_numpy_financial_and_the_old_order_is_refused() -> None:
    """npv(rate, values) as numpy_financial.npv(rate, values); EAC as pmt(rate, nper, pv);
    the values-first order of earlier versions is refused, never silently misread."""
    assert npv(0.10, FLOWS) == pytest.approx(float(npf.npv(0.10, FLOWS)))
    assert equivalent_annual_cost(0.04, 5, 1_000_000.0, "end") == pytest.approx(
        float(-npf.pmt(0.04, 5, 1_000_000.0))
    )
    with pytest.raises(ArchplanError, match="numpy-financial's order, the rate first"):
        npv(FLOWS, 0.10)  # type: ignore[arg-type]
    with pytest.raises(ArchplanError, match="numpy-financial's order"):
        equivalent_annual_cost(1_000_000.0, 0.04, 5)  # type: ignore[arg-type]
    with pytest.raises(ArchplanError, match="numpy-financial's order"):
        xnpv(DATED, 0.09, DATES)  # type: ignore[arg-type]
    with pytest.raises(ArchplanError, match="timing must be"):
        npv(0.1, FLOWS, "middle")
