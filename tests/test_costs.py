"""Cost tables and NPV, checked against numpy-financial, published figures and hand sums."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import numpy_financial as npf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from archplan import cost_summary, cost_table, load_workspace, npv
from archplan.costs import item_schedule, yearly_totals
from archplan.money import TOTAL
from archplan.workspace.model import CostItem, Value


def test_npv_published_example_both_conventions() -> None:
    # NPV(10 %, -10000, 3000, 4200, 6800): 1307.29 with the first flow at time 0
    # (numpy-financial), 1188.44 in a spreadsheet's NPV(), which discounts it too.
    flows = [-10000, 3000, 4200, 6800]
    assert npv(flows, 0.10) == pytest.approx(1307.29, abs=0.005)
    assert npv(flows, 0.10) / 1.10 == pytest.approx(1188.44, abs=0.005)


def test_saas_subscription_by_hand(example_dir) -> None:  # type: ignore[no-untyped-def]
    ws = load_workspace(example_dir)
    table = cost_table(ws, "saas")
    # 45 users × 12,000 yen × 12 months = 6,480,000 yen; with 10 % tax 7,128,000.
    assert table.loc["saas-subscription", 2026] == 7_128_000
    assert cost_table(ws, "saas", basis="exclusive").loc["saas-subscription", 2030] == 6_480_000
    assert table.attrs["basis"] == "inclusive"


def test_gov_cloud_total_by_hand(example_dir) -> None:  # type: ignore[no-untyped-def]
    ws = load_workspace(example_dir)
    exclusive = 78_000_000 + 6_500_000 + 420_000 * 12 * 5 + 11_700_000 * 4 + 3_000_000 * 4
    table = cost_table(ws, "gov-cloud")
    assert table.loc[TOTAL, TOTAL] == exclusive * 11 // 10
    assert (
        table.drop(index=TOTAL)[TOTAL] == table.drop(index=TOTAL, columns=TOTAL).sum(axis=1)
    ).all()
    assert (
        table.loc[TOTAL].drop(TOTAL) == table.drop(index=TOTAL, columns=TOTAL).sum(axis=0)
    ).all()


def test_npv_matches_numpy_financial(example_dir) -> None:  # type: ignore[no-untyped-def]
    ws = load_workspace(example_dir)
    summary = cost_summary(ws)
    yearly = [24_398_000, 8_448_000, 8_448_000, 8_448_000, 8_448_000]  # by hand
    assert summary.loc["saas", "npv"] == pytest.approx(npf.npv(0.04, yearly), rel=1e-12)
    assert summary.loc["saas", TOTAL] == sum(yearly)


def test_assumption_override_for_what_if(example_dir) -> None:  # type: ignore[no-untyped-def]
    ws = load_workspace(example_dir)
    base = yearly_totals(ws)
    more = yearly_totals(ws, assumptions={"users": Decimal(90)})
    # Doubling users doubles the subscription only: +7,128,000 a year for SaaS.
    assert ((more["saas"] - base["saas"]) == 7_128_000).all()
    assert (more["onprem"] == base["onprem"]).all()


def _ws_with(example_dir, **changes):  # type: ignore[no-untyped-def]
    ws = load_workspace(example_dir)
    settings = dataclasses.replace(ws.settings, **changes)
    return dataclasses.replace(ws, settings=settings)


def test_tax_inclusive_input_to_exclusive(example_dir) -> None:  # type: ignore[no-untyped-def]
    ws = _ws_with(example_dir, amounts_entered="inclusive")
    item = CostItem(
        id="x",
        option="saas",
        name="x",
        category="c",
        nature="one-off",
        start=2026,
        end=2026,
        amount=Value(literal=Decimal(1099)),
    )
    ws = dataclasses.replace(ws, cost_items=(item,))
    # Tax inside 1,099 yen inclusive: 1099 × 0.1 / 1.1 = 99.9…, rounded down to 99.
    assert item_schedule(ws, "exclusive").loc[("saas", "x"), 2026] == 1000
    assert item_schedule(ws, "inclusive").loc[("saas", "x"), 2026] == 1099


EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "food-lab"


@given(
    amount=st.integers(0, 10**9),
    start=st.integers(2020, 2034),
    length=st.integers(0, 10),
    monthly=st.booleans(),
)
def test_recurring_items_conserve_money(
    amount: int, start: int, length: int, monthly: bool
) -> None:
    ws = load_workspace(EXAMPLE)
    item = CostItem(
        id="x",
        option="saas",
        name="x",
        category="c",
        nature="recurring",
        start=start,
        end=start + length,
        period="month" if monthly else "year",
        amount=Value(literal=Decimal(amount)),
    )
    ws = dataclasses.replace(ws, cost_items=(item,))
    row = item_schedule(ws, "exclusive").loc[("saas", "x")]
    years_in_plan = len(set(range(start, start + length + 1)) & set(ws.settings.fiscal_years))
    assert row.sum() == amount * (12 if monthly else 1) * years_in_plan
