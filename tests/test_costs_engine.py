"""The cost engine against hand calculations: proration, drivers, tiers, percent-of,
refresh cycles, currencies, dated tax, and money conservation (hypothesis)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archplan import WorkspaceError, load_workspace
from archplan.costs import cost_model, cost_table, item_schedule, tiered_amount
from archplan.workspace.model import Tiers, Value
from conftest import EXAMPLES, make_workspace

FLAT = {"  rate: 0.10\n": "  rate: 0.10\n"}


def _row(ws_dir: Path, item: str, basis: str = "exclusive") -> dict[int, int]:
    ws = load_workspace(ws_dir)
    sched = item_schedule(ws, basis)  # type: ignore[arg-type]
    row = sched.xs(item, level="item").iloc[0]
    return {int(k): int(v) for k, v in row.items()}


def test_yearly_item_starting_mid_year_is_prorated(tmp_path: Path) -> None:
    d = make_workspace(
        tmp_path,
        """
        - {id: x, option: saas, name: X, category: operation, nature: recurring,
           amount: 1200000, start: 2026-10, end: 2028-09}
    """,
    )
    # April fiscal years: Oct 2026–Mar 2027 is 6 months of FY2026, Apr–Sep 2028 is 6 of FY2028.
    assert _row(d, "x") == {2026: 600000, 2027: 1200000, 2028: 600000, 2029: 0, 2030: 0}


def test_monthly_item_and_tax(tmp_path: Path) -> None:
    d = make_workspace(
        tmp_path,
        """
        - {id: m, option: saas, name: M, category: cloud, nature: recurring, period: month,
           amount: 10000, start: 2026-04, end: 2027-06}
    """,
    )
    assert _row(d, "m") == {2026: 120000, 2027: 30000, 2028: 0, 2029: 0, 2030: 0}
    assert _row(d, "m", "inclusive")[2026] == 132000


def test_growth_and_escalation(tmp_path: Path) -> None:
    d = make_workspace(
        tmp_path,
        """
        - {id: g, option: saas, name: G, category: subscription, nature: recurring,
           quantity: 100, growth: 0.10, unit_price: 1000, escalation: 0.02,
           start: 2027, end: 2029}
    """,
    )
    # Quantity grows from the item's first year (2027); price escalates from the plan's
    # first year (2026): FY2027 = 100 × 1000 × 1.02; FY2028 = 110 × 1000 × 1.02²; …
    row = _row(d, "g")
    assert row[2027] == 102000
    assert row[2028] == int(
        (Decimal(110) * 1000 * Decimal("1.02") ** 2).quantize(Decimal(1), ROUND_HALF_UP)
    )
    assert row[2029] == int(
        (Decimal(121) * 1000 * Decimal("1.02") ** 3).quantize(Decimal(1), ROUND_HALF_UP)
    )


def test_growth_from_the_plan_counts_the_same_users_in_every_option(tmp_path: Path) -> None:
    """Two options bill the same organisation's users (450, +3 % a year from the plan's
    first year, FY2026): the one starting later must bill 450 × 1.03² in FY2028, not 450
    again (a new user's case: growth from the item's own start undercounted by a year)."""
    d = make_workspace(
        tmp_path,
        """
        - {id: now, option: saas, name: Now, category: subscription, nature: recurring,
           period: month, quantity: 450, growth: 0.03, unit_price: 1000,
           start: 2026-04, end: 2030-03}
        - {id: later, option: gov-cloud, name: Later, category: licence, nature: recurring,
           period: month, quantity: 450, growth: 0.03, growth_from: plan, unit_price: 1000,
           start: 2028-04, end: 2030-03}
        - {id: own, option: onprem, name: Own, category: licence, nature: recurring,
           period: month, quantity: 450, growth: 0.03, unit_price: 1000,
           start: 2028-04, end: 2030-03}
    """,
    )
    now, later, own = _row(d, "now"), _row(d, "later"), _row(d, "own")
    # By hand: 12 months × 1,000 yen × 450 × 1.03^(FY − 2026).
    assert later[2028] == now[2028] == 12 * 1000 * Decimal("477.405") == 5_728_860
    assert later[2029] == now[2029] == round(12 * 1000 * 450 * Decimal("1.03") ** 3)
    # The default still compounds from the item's own first year.
    assert own[2028] == 12 * 1000 * 450 and own[2029] == 12 * 1000 * Decimal("463.5")
    ws = load_workspace(d)
    from archplan.costs.basis import change_text

    item = next(i for i in ws.cost_items if i.id == "later")
    assert "令和8年度（計画の初年度）" in change_text(ws, item)
    # `now` and `own` count 'users' differently in FY2028: check says so (and names them).
    from archplan.costs.advice import plan_warnings

    assert plan_warnings(ws) == []  # literal quantities: nothing shared by name


def test_check_warns_when_options_grow_a_shared_count_from_different_years(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from archplan.cli import main

    items = """
        - {id: now, option: saas, name: Now, category: subscription, nature: recurring,
           quantity: users, growth: 0.03, unit_price: 1000, start: 2026-04, end: 2030-03}
        - {id: own, option: onprem, name: Own, category: licence, nature: recurring,
           quantity: users, growth: 0.03, unit_price: 1000, start: 2028-04, end: 2030-03}
    """
    d = make_workspace(tmp_path, items)
    assert main(["check", str(d)]) == 0
    out = capsys.readouterr().out
    assert "now（令和8年度から）、own（令和10年度から）" in out and "growth_from: plan" in out
    # With growth_from: plan on the later one (the earlier one starts in the plan's
    # first year, so both count alike) the warning names only what still differs.
    fixed = items.replace(
        "growth: 0.03, unit_price: 1000, start: 2028",
        "growth: 0.03, growth_from: plan, unit_price: 1000, start: 2028",
    )
    d2 = make_workspace(tmp_path / "b", fixed)
    assert main(["check", str(d2)]) == 0
    assert "growth_from" not in capsys.readouterr().out


def test_explicit_quantity_series(tmp_path: Path) -> None:
    d = make_workspace(
        tmp_path,
        """
        - {id: s, option: saas, name: S, category: subscription, nature: recurring,
           quantity: [10, 20, 30], unit_price: 100, start: 2026, end: 2028}
    """,
    )
    assert _row(d, "s") == {2026: 1000, 2027: 2000, 2028: 3000, 2029: 0, 2030: 0}
    short = make_workspace(
        tmp_path / "b",
        """
        - {id: s, option: saas, name: S, category: subscription, nature: recurring,
           quantity: [10, 20], unit_price: 100, start: 2026, end: 2028}
    """,
    )
    with pytest.raises(WorkspaceError) as info:
        load_workspace(short)
    # The example is Japanese: the error speaks it; its English rendering is the same problem.
    assert "3年度に対して系列の値が2個" in str(info.value)
    assert "the series has 2 values for 3 fiscal years" in info.value.render("en")


def test_tiers_graduated_and_all_units() -> None:
    bands = ((Decimal(0), Value()), (Decimal(1000), Value()), (Decimal(5000), Value()))
    prices = [Decimal(10), Decimal(8), Decimal(5)]
    # 6,000 units graduated: 1,000×10 + 4,000×8 + 1,000×5 = 47,000; all-units: 6,000×5.
    assert tiered_amount(Tiers("graduated", bands), Decimal(6000), prices) == 47000
    assert tiered_amount(Tiers("all-units", bands), Decimal(6000), prices) == 30000
    assert tiered_amount(Tiers("all-units", bands), Decimal(999), prices) == 9990
    assert tiered_amount(Tiers("graduated", bands), Decimal(0), prices) == 0


def test_tiers_in_a_workspace(tmp_path: Path) -> None:
    d = make_workspace(
        tmp_path,
        """
        - id: api
          option: saas
          name: API calls
          category: cloud
          nature: usage
          period: month
          quantity: 6000
          tiers: {method: graduated, bands: [{from: 0, price: 10}, {from: 1000, price: 8},
                                             {from: 5000, price: 5}]}
          start: 2026
          end: 2026
    """,
    )
    assert _row(d, "api")[2026] == 47000 * 12


def test_percent_of_total_and_same_year(tmp_path: Path) -> None:
    d = make_workspace(
        tmp_path,
        """
        - {id: build, option: saas, name: Build, category: build, nature: one-off,
           amount: 10000000, start: 2026}
        - {id: maint, option: saas, name: Maintenance, category: maintenance,
           nature: recurring, percent_of: {items: [build], rate: 0.15}, start: 2027, end: 2030}
        - {id: lic, option: saas, name: Licence, category: licence, nature: recurring,
           amount: 2000000, start: 2026, end: 2030, escalation: 0.05}
        - {id: support, option: saas, name: Support, category: maintenance,
           nature: recurring, percent_of: {items: [lic], rate: 0.20, basis: same_year},
           start: 2026, end: 2030}
    """,
    )
    assert _row(d, "maint") == {2026: 0, 2027: 1500000, 2028: 1500000, 2029: 1500000, 2030: 1500000}
    lic, sup = _row(d, "lic"), _row(d, "support")
    for fy in range(2026, 2031):
        assert sup[fy] == round(lic[fy] * 0.2)


def test_percent_of_cycle_is_named(tmp_path: Path) -> None:
    d = make_workspace(
        tmp_path,
        """
        - {id: a, option: saas, name: A, category: other, nature: recurring,
           percent_of: {items: [b], rate: 0.1}, start: 2026, end: 2027}
        - {id: b, option: saas, name: B, category: other, nature: recurring,
           percent_of: {items: [a], rate: 0.1}, start: 2026, end: 2027}
    """,
    )
    with pytest.raises(WorkspaceError) as info:
        load_workspace(d)
    p = info.value.problems[0]
    assert p.file == "costs.yaml" and p.field == "items[1].percent_of.items"
    assert p.line == 5 and "cycle: a → b → a" in p.message


def test_refresh_cycle(tmp_path: Path) -> None:
    d = make_workspace(
        tmp_path,
        """
        - {id: pcs, option: saas, name: PCs, category: hardware, nature: one-off,
           amount: 3000000, every: 4, start: 2026}
    """,
        replace={"horizon: 5": "horizon: 10"},
    )
    row = _row(d, "pcs")
    assert [fy for fy, v in row.items() if v] == [2026, 2030, 2034]
    assert row[2030] == 3000000


def test_usd_item_is_converted_per_scenario(tmp_path: Path) -> None:
    d = make_workspace(
        tmp_path,
        """
        - {id: cloud, option: saas, name: Cloud, category: cloud, nature: recurring,
           period: month, amount: 1000, currency: USD, start: 2026, end: 2026}
        """,
        settings="exchange_rates: {USD: usd_jpy}\n",
        assumptions="""\
  usd_jpy: {value: 150, unit: JPY/USD, source: illustrative, as_of: 2026-04-01}
scenarios:
  weak-yen: {usd_jpy: 160}
  strong-yen: {usd_jpy: 115}
""",
    )
    ws = load_workspace(d)
    assert item_schedule(ws, "exclusive").loc[("saas", "cloud"), 2026] == 1000 * 12 * 150
    strong = item_schedule(ws, "exclusive", scenario="strong-yen")
    assert strong.loc[("saas", "cloud"), 2026] == 1000 * 12 * 115


def test_unknown_currency_without_rate(tmp_path: Path) -> None:
    d = make_workspace(
        tmp_path,
        """
        - {id: c, option: saas, name: C, category: cloud, nature: one-off, amount: 5,
           currency: EUR, start: 2026}
    """,
    )
    with pytest.raises(WorkspaceError) as info:
        load_workspace(d)
    (p,) = info.value.problems
    assert (p.file, p.field, p.line) == ("costs.yaml", "items[0].currency", 3)
    assert "no exchange rate for EUR" in p.message


def test_dated_tax_rate_applies_by_payment_month(tmp_path: Path) -> None:
    # FY2019: April–September at 8 %, October–March at 10 % (Japanese consumption tax).
    d = make_workspace(
        tmp_path,
        """
        - {id: m, option: saas, name: M, category: cloud, nature: recurring, period: month,
           amount: 100000, start: 2019, end: 2019}
    """,
        replace={"  rate: 0.10\n": "", "first: 2026": "first: 2019"},
    )
    ws = load_workspace(d)
    incl = item_schedule(ws, "inclusive").loc[("saas", "m"), 2019]
    assert incl == 600000 * 108 // 100 + 600000 * 110 // 100


def test_inclusive_entry_converted_to_exclusive(tmp_path: Path) -> None:
    d = make_workspace(
        tmp_path,
        """
        - {id: x, option: saas, name: X, category: other, nature: one-off, amount: 1099,
           start: 2026}
    """,
        replace={"amounts_entered: exclusive": "amounts_entered: inclusive"},
    )
    # Tax inside 1,099 yen: 1099 × 0.1 / 1.1 = 99.9…, rounded down to 99.
    assert _row(d, "x")[2026] == 1000
    assert _row(d, "x", "inclusive")[2026] == 1099


@settings(max_examples=40, deadline=None)
@given(
    amount=st.integers(1, 10**8),
    start=st.integers(0, 47),
    length=st.integers(0, 40),
    monthly=st.booleans(),
    start_month=st.integers(1, 12),
)
def test_money_is_conserved_across_years_and_fiscal_calendars(
    tmp_path_factory: pytest.TempPathFactory,
    amount: int,
    start: int,
    length: int,
    monthly: bool,
    start_month: int,
) -> None:
    tmp = tmp_path_factory.mktemp("prop")
    a = 2026 * 12 + 3 + start  # from April 2026 …
    b = a + length
    fmt = lambda m: f"{m // 12:04d}-{m % 12 + 1:02d}"  # noqa: E731
    items = f"""
        - {{id: x, option: saas, name: X, category: other, nature: recurring,
           period: {"month" if monthly else "year"}, amount: {amount},
           start: {fmt(a)}, end: {fmt(b)}}}
    """
    months = length + 1
    exact = Decimal(amount) * months / (1 if monthly else 12)
    expected = int(exact.quantize(Decimal(1), ROUND_HALF_UP))
    totals = []
    for k, sm in enumerate((4, start_month)):
        # A horizon wide enough to hold the item whatever month the year starts in.
        d = make_workspace(
            tmp / f"cal{k}",
            items,
            replace={
                "start_month: 4": f"start_month: {sm}",
                "first: 2026": "first: 2025",
                "horizon: 5": "horizon: 10",
            },
        )
        row = _row(d, "x")
        assert sum(row.values()) == expected  # years add up to the item's total
        totals.append(sum(row.values()))
    assert totals[0] == totals[1]  # moving the fiscal-year start only moves money


def test_full_year_of_a_yearly_item_straddling_two_fiscal_years(tmp_path: Path) -> None:
    # 12 months from October: two half years that must add up to the annual amount, even
    # when each half has a fraction of a yen (cumulative rounding, not per-year rounding).
    d = make_workspace(
        tmp_path,
        """
        - {id: x, option: saas, name: X, category: other, nature: recurring, amount: 1001,
           start: 2026-10, end: 2027-09}
    """,
    )
    row = _row(d, "x")
    assert row[2026] + row[2027] == 1001 and {row[2026], row[2027]} == {500, 501}


def test_cost_table_totals_are_exact(example_dir: Path) -> None:
    ws = load_workspace(example_dir)
    for option in ws.options:
        t = cost_table(ws, option.id)
        body = t.drop(index="total", columns="total")
        assert (body.sum(axis=1) == t["total"].drop("total")).all()
        assert (body.sum(axis=0) == t.loc["total"].drop("total")).all()
    model = cost_model(ws)
    assert cost_model(ws) is model  # cached per workspace


def test_negative_quantity_and_end_before_start_are_located(tmp_path: Path) -> None:
    d = make_workspace(
        tmp_path,
        """
        - {id: q, option: saas, name: Q, category: other, nature: recurring,
           quantity: -5, unit_price: 100, start: 2027, end: 2026}
    """,
    )
    with pytest.raises(WorkspaceError) as info:
        load_workspace(d)
    text = [str(p) for p in info.value.problems]
    assert any(t.startswith("costs.yaml:3: items[0].quantity: negative quantity -5") for t in text)
    assert any("items[0].end: end 2026 is before start 2027" in t for t in text)


def test_cost_models_are_freed_with_their_workspace() -> None:
    # Regression: a module-level cache keyed by id() kept every workspace alive for the life
    # of the process (each CostModel refers to its workspace), so a portfolio roll-up or a
    # notebook that reloads workspaces grew without bound.
    import gc
    import weakref

    ws = load_workspace(EXAMPLES / "food-lab")
    first = cost_model(ws)
    assert cost_model(ws) is first  # still cached while the workspace lives
    ref = weakref.ref(ws)
    del ws, first
    gc.collect()
    assert ref() is None
