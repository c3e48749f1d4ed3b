"""Multi-year costs per option: line items by fiscal year, totals and NPV.

Conventions (also in ``docs/costs.md``):

* Money is integer yen. An item's amount for a fiscal year is its per-period amount
  (``amount``, or ``quantity`` × ``unit_price``, assumptions resolved) times the number of
  periods in the year (1 for yearly and one-off items, 12 for monthly ones), rounded
  half-up to the yen.
* Consumption tax is computed per item and fiscal year on that rounded amount, and
  fractions of a yen are dropped (切り捨て), as on an invoice. Tables show the basis they
  are on in ``DataFrame.attrs["basis"]``.
* NPV uses :func:`numpy_financial.npv`: the first fiscal year of the plan is time 0
  (undiscounted) and year *t* is divided by (1 + rate)^t. A spreadsheet's ``NPV()``
  discounts the first value too; multiply by (1 + rate) to get it.
"""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal
from typing import Literal, cast

import numpy_financial as npf
import pandas as pd

from archplan.money import TOTAL, round_yen, with_totals
from archplan.workspace.model import CostItem, Settings, Value, Workspace

__all__ = [
    "cost_summary",
    "cost_table",
    "cumulative_costs",
    "item_schedule",
    "npv",
    "resolve",
    "yearly_totals",
]

Basis = Literal["exclusive", "inclusive"]


def resolve(value: Value, assumptions: dict[str, Decimal]) -> Decimal:
    """The number a cost-item value stands for.

    Examples
    --------
    >>> resolve(Value(assumption="users"), {"users": Decimal(120)})
    Decimal('120')
    >>> resolve(Value(literal=Decimal("3.5")), {})
    Decimal('3.5')
    """
    if value.assumption is not None:
        return assumptions[value.assumption]
    assert value.literal is not None
    return value.literal


def _per_period(item: CostItem, values: dict[str, Decimal]) -> Decimal:
    if item.amount is not None:
        return resolve(item.amount, values)
    assert item.quantity is not None and item.unit_price is not None
    return resolve(item.quantity, values) * resolve(item.unit_price, values)


def _convert_tax(amount: int, settings: Settings, basis: Basis) -> int:
    if basis == settings.amounts_entered:
        return amount
    rate = settings.tax_rate
    if basis == "inclusive":
        return amount + round_yen(Decimal(amount) * rate, mode=ROUND_FLOOR)
    # Entered tax-inclusive, shown tax-exclusive: the tax contained in an inclusive
    # amount is amount × rate / (1 + rate), rounded down as on a receipt.
    return amount - round_yen(Decimal(amount) * rate / (1 + rate), mode=ROUND_FLOOR)


def item_schedule(
    ws: Workspace, basis: Basis = "inclusive", assumptions: dict[str, Decimal] | None = None
) -> pd.DataFrame:
    """Every cost item's amount per fiscal year of the plan, in integer yen.

    Parameters
    ----------
    ws : Workspace
    basis : {"inclusive", "exclusive"}
        Show amounts with consumption tax (budgets) or without (vendor quotes).
    assumptions : dict, optional
        Values to use instead of the register's (for what-if analysis).

    Returns
    -------
    DataFrame
        Index ``(option, item)``, columns the fiscal years (int, named ``fiscal_year``).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ws = load_workspace("data/examples/food-lab")
    >>> sched = item_schedule(ws)
    >>> int(sched.loc[("saas", "saas-subscription"), 2026])  # 45 × 12,000 × 12 × 1.1
    7128000
    """
    values = {name: a.value for name, a in ws.assumptions.items()}
    if assumptions:
        values.update({k: Decimal(str(v)) for k, v in assumptions.items()})
    years = ws.settings.fiscal_years
    rows: dict[tuple[str, str], list[int]] = {}
    for item in ws.cost_items:
        per_period = _per_period(item, values)
        periods = 12 if item.nature == "recurring" and item.period == "month" else 1
        yearly = round_yen(per_period * periods)
        taxed = _convert_tax(yearly, ws.settings, basis)
        rows[(item.option, item.id)] = [
            taxed if item.start <= fy <= item.end else 0 for fy in years
        ]
    index = pd.MultiIndex.from_tuples(list(rows), names=["option", "item"])
    frame = pd.DataFrame(
        list(rows.values()), index=index, columns=pd.Index(years, name="fiscal_year"), dtype="int64"
    )
    frame.attrs["basis"] = basis
    frame.attrs["currency"] = ws.settings.currency
    return frame


def cost_table(
    ws: Workspace,
    option: str,
    basis: Basis = "inclusive",
    assumptions: dict[str, Decimal] | None = None,
) -> pd.DataFrame:
    """One option's cost items by fiscal year, with a total row and column (yen).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> t = cost_table(load_workspace("data/examples/food-lab"), "saas")
    >>> int(t.loc["total", "total"]), int(t.drop(index="total")["total"].sum())
    (58190000, 58190000)
    """
    ws.option(option)  # KeyError for an unknown option, before any work
    sched = item_schedule(ws, basis, assumptions)
    if option in sched.index.get_level_values("option"):
        body = cast(pd.DataFrame, sched.xs(option, level="option"))
    else:
        body = pd.DataFrame(columns=sched.columns, dtype="int64").rename_axis("item")
    table = with_totals(body)
    table.index.name = "item"
    table.attrs.update(basis=basis, currency=ws.settings.currency, option=option)
    return table


def yearly_totals(
    ws: Workspace, basis: Basis = "inclusive", assumptions: dict[str, Decimal] | None = None
) -> pd.DataFrame:
    """Total cost per fiscal year (rows) and option (columns), in yen."""
    sched = item_schedule(ws, basis, assumptions)
    totals = sched.groupby(level="option").sum().T
    totals = totals.reindex(columns=[o.id for o in ws.options], fill_value=0)
    totals.columns.name = "option"
    totals.attrs["basis"] = basis
    return totals.astype("int64")


def cumulative_costs(ws: Workspace, basis: Basis = "inclusive") -> pd.DataFrame:
    """Cumulative cost by fiscal year (rows) and option (columns), in yen."""
    cum = yearly_totals(ws, basis).cumsum()
    cum.attrs["basis"] = basis
    return cum


def npv(values: pd.Series | list[float], rate: float) -> float:
    """Net present value with the first value at time 0 (numpy-financial convention).

    Examples
    --------
    >>> round(npv([-10000, 3000, 4200, 6800], 0.10), 2)
    1307.29
    """
    return float(npf.npv(rate, list(values)))


def cost_summary(ws: Workspace, basis: Basis = "inclusive") -> pd.DataFrame:
    """Per option: total cost over the horizon and its NPV at the workspace's rate.

    Returns
    -------
    DataFrame
        Index ``option``; columns ``name``, ``total`` (int yen), ``npv`` (float yen).
    """
    yearly = yearly_totals(ws, basis)
    rate = ws.settings.discount_rate
    out = pd.DataFrame(
        {
            "name": ws.option_names,
            TOTAL: yearly.sum(axis=0).astype("int64"),
            "npv": pd.Series({o: npv(yearly[o], rate) for o in yearly.columns}),
        }
    )
    out.index.name = "option"
    out.attrs.update(basis=basis, discount_rate=rate)
    return out
