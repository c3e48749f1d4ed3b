"""One cost model: the simulation evaluated at the plan's values reproduces the exact
engine's yen, item by item and fiscal year by fiscal year.

The bound. The engine rounds each item's running total half-up to the yen (so a year's
tax-exclusive yen is within 1 yen of the exact amount) and rounds the tax of each
(year, tax rate) group down (within 1 yen per group); the simulation keeps floats.
So for every item and year::

    |simulation − engine| ≤ (1 + r_max) + G + 1e-9 × |engine|

where ``r_max`` is the highest tax rate in force that year and ``G`` the number of tax
rates in force during that year for the item (1 normally, 2 in a year when the rate
changes, 0 for an untaxed item) — at most 2.1 yen in an ordinary year. The last term
covers float arithmetic on large amounts.

Hypothesis generates workspaces that use every driver (amount, quantity × unit price
with growth or a series, graduated and all-units tiers, percent-of total and same-year),
every timing (one-off with and without a refresh cycle, recurring and usage, by year or
month, starting mid-year), escalation, a foreign currency, every tax treatment, both
entry bases, flat and dated tax tables and fiscal years starting in any month.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archplan import load_workspace
from archplan.costs import cost_model
from archplan.costs.drivers import DRIVERS, driver_for
from archplan.costs.engine import fy_of_month, item_span, layout
from archplan.costs.tax import item_rate
from archplan.uncertainty.simulation import compile_model, deterministic_inputs
from archplan.workspace.model import (
    JAPAN_CONSUMPTION_TAX,
    Assumption,
    CostItem,
    Option,
    PercentOf,
    Settings,
    Tiers,
    Value,
    Workspace,
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p for p in (ROOT / "data" / "examples").iterdir() if p.is_dir())


def check_parity(ws: Workspace) -> int:
    """Assert the bound for every cost item and plan year on both bases; return the
    number of (item, year) cells compared."""
    s = ws.settings
    sm = s.fy_start_month
    compared = 0
    for basis in ("inclusive", "exclusive"):
        model = compile_model(ws, basis)  # type: ignore[arg-type]
        sim = model.evaluate_items(deterministic_inputs(model))
        exact = cost_model(ws)
        for item in ws.cost_items:
            if item.kind != "cost":
                continue
            years = exact.item_year(item.id, basis)  # type: ignore[arg-type]
            a, b = item_span(item, s)
            for j, fy in enumerate(s.fiscal_years):
                months = [m for m in exact.monthly[item.id] if fy_of_month(m, sm) == fy]
                rates = {item_rate(item, s, m) for m in months} - {Decimal(0)}
                r_max = float(max(rates, default=Decimal(0)))
                engine = years.get(fy, 0)
                got = float(sim[item.id][0, j])
                bound = 1 + r_max + len(rates) + 1e-9 * abs(engine)
                assert abs(got - engine) <= bound, (item.id, fy, basis, got, engine, bound)
                compared += 1
            assert a <= b
    return compared


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_every_example_simulation_reproduces_the_engine(example: Path) -> None:
    ws = load_workspace(example)
    assert check_parity(ws) > 0


# --- generated workspaces ----------------------------------------------------------

ASSUMPTIONS = {
    "q": Decimal(120),
    "price": Decimal("1234.5"),
    "g": Decimal("0.07"),
    "esc": Decimal("0.021"),
    "rate": Decimal("0.15"),
    "usd_jpy": Decimal("143.7"),
}


def values(kind: str) -> st.SearchStrategy[Value]:
    """A literal or an assumption of the right kind."""
    literal = {
        "q": st.decimals(0, 5000, places=0),
        "price": st.decimals(0, 2_000_000, places=2),
        "g": st.decimals("-0.2", "0.5", places=3),
        "rate": st.decimals(0, 1, places=3),
    }[kind]
    name = {"q": "q", "price": "price", "g": "g", "rate": "rate"}[kind]
    return st.one_of(
        literal.map(lambda d: Value(literal=d)),  # type: ignore[arg-type]
        st.just(Value(assumption=name if kind != "g" else "g")),
    )


@st.composite
def workspaces(draw: st.DrawFn) -> Workspace:
    sm = draw(st.sampled_from([1, 4, 7, 10]))
    first = draw(st.integers(2017, 2027))
    horizon = draw(st.integers(1, 6))
    table = draw(
        st.sampled_from(
            [
                JAPAN_CONSUMPTION_TAX,
                ((date(1900, 1, 1), Decimal("0.10")),),
                ((date(1900, 1, 1), Decimal("0.05")), (date(2025, 10, 1), Decimal("0.08"))),
            ]
        )
    )
    s = Settings(
        title="parity",
        fy_start_month=sm,
        first_fy=first,
        horizon=horizon,
        amounts_entered=draw(st.sampled_from(["exclusive", "inclusive"])),
        tax_table=table,
        exchange_rates={"USD": "usd_jpy"},
    )
    items: list[CostItem] = []
    n = draw(st.integers(1, 7))
    for i in range(n):
        drivers = ["amount", "unit_price", "tiers"] + (["percent_of"] if items else [])
        driver = draw(st.sampled_from(drivers))
        nature = draw(st.sampled_from(["one-off", "recurring", "usage"]))
        y0 = draw(st.integers(first - 1, first + horizon))
        start: int | str = y0 if draw(st.booleans()) else f"{y0:04d}-{draw(st.integers(1, 12)):02d}"
        every = draw(st.none() | st.integers(1, 3)) if nature == "one-off" else None
        end: int | str | None = None
        if nature != "one-off" or (every and draw(st.booleans())):
            end = draw(st.integers(y0 + 1, first + horizon + 1))
        kwargs: dict[str, object] = {}
        if driver == "amount":
            kwargs["amount"] = draw(values("price"))
        elif driver == "percent_of":
            refs = draw(st.lists(st.sampled_from([it.id for it in items]), min_size=1, max_size=2))
            basis = draw(st.sampled_from(["total", "same_year"]))
            kwargs["percent_of"] = PercentOf(
                tuple(dict.fromkeys(refs)), draw(values("rate")), basis
            )  # type: ignore[arg-type]
        else:
            proto = CostItem(
                "p", "o1", "p", "cloud", nature, start, end, every=every, amount=Value(Decimal(1))
            )  # type: ignore[arg-type]
            paid = layout(proto, s)  # the series covers the years the item pays in
            years = fy_of_month(max(paid), sm) - fy_of_month(min(paid), sm) + 1
            if draw(st.booleans()):
                kwargs["quantity"] = draw(values("q"))
                kwargs["growth"] = draw(st.none() | values("g"))
                kwargs["growth_from"] = draw(st.sampled_from(["item", "plan"]))
            else:
                kwargs["quantity_series"] = tuple(
                    draw(st.lists(st.decimals(0, 900, places=1), min_size=years, max_size=years))
                )
            if driver == "unit_price":
                kwargs["unit_price"] = draw(values("price"))
            else:
                cuts = sorted(set(draw(st.lists(st.integers(1, 400), max_size=3))))
                bands = tuple((Decimal(lo), draw(values("price"))) for lo in [0, *cuts])
                kwargs["tiers"] = Tiers(draw(st.sampled_from(["graduated", "all-units"])), bands)
        if driver != "percent_of":
            kwargs["escalation"] = draw(st.none() | values("g"))
        items.append(
            CostItem(
                id=f"i{i}",
                option=draw(st.sampled_from(["o1", "o2"])),
                name=f"item {i}",
                category=draw(st.sampled_from(["cloud", "staff", "insurance", "build"])),
                nature=nature,  # type: ignore[arg-type]
                start=start,
                end=end,
                period="year" if nature == "one-off" else draw(st.sampled_from(["year", "month"])),  # type: ignore[arg-type]
                every=every,
                currency=draw(st.sampled_from([None, None, "USD"])),
                tax=draw(st.sampled_from([None, "taxable", "non_taxable", "exempt"])),  # type: ignore[arg-type]
                **kwargs,  # type: ignore[arg-type]
            )
        )
    return Workspace(
        root=Path("."),
        settings=s,
        options=(Option("o1", "One"), Option("o2", "Two")),
        criteria=(),
        scores=pd.DataFrame(),
        assumptions={k: Assumption(k, v) for k, v in ASSUMPTIONS.items()},
        cost_items=tuple(items),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workspaces())
def test_generated_workspaces_simulation_reproduces_the_engine(ws: Workspace) -> None:
    assert check_parity(ws) >= len(ws.cost_items)


def test_generated_workspaces_use_every_driver() -> None:
    """The generator reaches every registered built-in driver (so the parity test
    covers each of them)."""
    seen: set[str] = set()

    @settings(max_examples=80, deadline=None, database=None)
    @given(workspaces())
    def collect(ws: Workspace) -> None:
        seen.update(driver_for(it).name for it in ws.cost_items)

    collect()
    assert seen == {d.name for d in DRIVERS if d.builtin}


def test_a_too_short_series_fails_alike_in_both() -> None:
    """The two evaluations agree on a quantity series shorter than the item's years:
    both refuse with the same sentence (they used to differ: one raised, one clipped)."""
    from archplan.errors import InputError

    s = Settings(title="t", first_fy=2026, horizon=3)
    item = CostItem(
        "x",
        "o1",
        "x",
        "cloud",
        "recurring",
        2026,
        2028,
        quantity_series=(Decimal(1), Decimal(2)),
        unit_price=Value(literal=Decimal(10)),
    )
    ws = Workspace(Path("."), s, (Option("o1", "O"),), (), pd.DataFrame(), {}, (item,))
    with pytest.raises(InputError, match="the quantity series has 2 values") as exact:
        cost_model(ws)
    model = compile_model(ws)
    with pytest.raises(InputError, match="the quantity series has 2 values") as vector:
        model.evaluate({})
    assert str(exact.value) == str(vector.value)
    assert np.isfinite(model.items[0].coef).all()


def test_a_one_off_purchase_with_a_one_value_series() -> None:
    """A one-off item with ``quantity: [48]`` pays once: both evaluations price it (the
    series needs a value only for the years the item pays in)."""
    s = Settings(title="t", first_fy=2026, horizon=3)
    item = CostItem(
        "x",
        "o1",
        "x",
        "hardware",
        "one-off",
        "2026-10",
        quantity_series=(Decimal(48),),
        unit_price=Value(literal=Decimal(450000)),
    )
    ws = Workspace(Path("."), s, (Option("o1", "O"),), (), pd.DataFrame(), {}, (item,))
    # 48 × 450,000 = 21,600,000 yen, + 10 % = 23,760,000 in FY2026.
    assert cost_model(ws).item_year("x", "inclusive") == {2026: 23760000}
    assert check_parity(ws) == 2 * 3
