"""Cost tables by fiscal year: per option, by category, cumulative, compared, budgeted."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import cast

import pandas as pd

from archplan.costs.discount import npv, xnpv
from archplan.costs.engine import Basis, cost_model
from archplan.errors import InputError
from archplan.fiscal import fy_label
from archplan.money import TOTAL, format_amount, to_display_unit, with_totals
from archplan.workspace.model import Workspace

__all__ = [
    "break_even",
    "budget_view",
    "category_summary",
    "cost_summary",
    "cost_table",
    "cumulative_costs",
    "dated_npv",
    "format_budget",
    "item_schedule",
    "monthly_flows",
    "yearly_totals",
]

Overrides = dict[str, Decimal] | None


def check_arguments(
    ws: Workspace, *, option: str | None = None, basis: str = "inclusive", kind: str = "cost"
) -> None:
    """Refuse an unknown option, tax basis or kind with an :class:`InputError`.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> from archplan import ArchplanError
    >>> try:
    ...     check_arguments(load_workspace("data/examples/food-lab"), option="cloud")
    ... except ArchplanError as exc:
    ...     print(exc)
    unknown option 'cloud'; known: saas, gov-cloud, onprem, overseas-saas
    """
    if option is not None and option not in {o.id for o in ws.options}:
        raise InputError(
            f"unknown option {option!r}; known: " + ", ".join(o.id for o in ws.options)
        )
    if basis not in ("inclusive", "exclusive"):
        raise InputError(f"basis must be 'inclusive' or 'exclusive', not {basis!r}")
    if kind not in ("cost", "benefit"):
        raise InputError(f"kind must be 'cost' or 'benefit', not {kind!r}")


def item_schedule(
    ws: Workspace,
    basis: Basis = "inclusive",
    assumptions: Overrides = None,
    scenario: str | None = None,
    kind: str = "cost",
) -> pd.DataFrame:
    """Every cost item's amount per fiscal year of the plan, in integer yen.

    Returns
    -------
    DataFrame
        Index ``(option, item)``, columns the fiscal years (int, named ``fiscal_year``);
        ``attrs["basis"]`` says whether tax is included, ``attrs["tax"]`` gives each
        item's tax treatment (taxable, non_taxable or exempt).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ws = load_workspace("data/examples/food-lab")
    >>> sched = item_schedule(ws)
    >>> int(sched.loc[("saas", "saas-subscription"), 2027])  # 45 × 12,000 × 12 × 1.1
    7128000
    """
    check_arguments(ws, basis=basis, kind=kind)
    return cost_model(ws, assumptions, scenario).schedule(basis, kind)


def monthly_flows(
    ws: Workspace,
    basis: Basis = "inclusive",
    assumptions: Overrides = None,
    scenario: str | None = None,
    kind: str = "cost",
) -> pd.DataFrame:
    """Every option's exact payments by month (first day of the month), in yen.

    The dated cash flows behind the fiscal-year tables, for :func:`dated_npv` and for
    XNPV/XIRR in a spreadsheet. Amounts are not rounded; a fiscal year's months add up to
    the year in :func:`yearly_totals` to within a yen per tax rate.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> flows = monthly_flows(load_workspace("data/examples/food-lab"))
    >>> str(flows.index[0]), flows.columns.tolist()
    ('2026-04-01', ['saas', 'gov-cloud', 'onprem', 'overseas-saas'])
    """
    check_arguments(ws, basis=basis, kind=kind)
    return cost_model(ws, assumptions, scenario).monthly_flows(basis, kind)


def dated_npv(
    ws: Workspace,
    rate: float | None = None,
    basis: Basis = "inclusive",
    assumptions: Overrides = None,
    scenario: str | None = None,
) -> pd.Series:
    """Each option's NPV of its monthly payments, discounted by actual days (XNPV).

    The spreadsheet XNPV convention: each month's payment is dated the first of the
    month and discounted by (1 + rate) ** (days / 365) from the first day of the plan,
    so a payment on that day is undiscounted. Where :func:`cost_summary`'s NPV treats a
    fiscal year as one lump, this one sees that a contract starting in October costs
    less in present value than one starting in April.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ws = load_workspace("data/examples/food-lab")
    >>> (dated_npv(ws) < cost_summary(ws)["total"]).all()
    np.True_
    """
    rate = ws.settings.discount_rate if rate is None else rate
    flows = monthly_flows(ws, basis, assumptions, scenario)
    s = ws.settings
    start = date(s.first_fy, s.fy_start_month, 1)
    end = date(s.first_fy + s.horizon, s.fy_start_month, 1)
    # The plan's months only, as in the fiscal-year tables.
    flows = flows[[start <= d < end for d in flows.index]]
    dates = [start, *flows.index]
    out = {str(o): xnpv(rate, [0.0, *flows[o].tolist()], dates) for o in flows.columns}
    return pd.Series(out, name="dated_npv").rename_axis("option")


def cost_table(
    ws: Workspace,
    option: str,
    basis: Basis = "inclusive",
    assumptions: Overrides = None,
    scenario: str | None = None,
) -> pd.DataFrame:
    """One option's cost items by fiscal year, with a total row and column (yen).

    ``attrs["tax"]`` gives each item's tax treatment (taxable, non_taxable, exempt); see
    :func:`archplan.costs.item_basis` for the treatment with the rest of the basis.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> t = cost_table(load_workspace("data/examples/food-lab"), "saas")
    >>> int(t.loc["total", "total"]), int(t.drop(index="total")["total"].sum())
    (49742000, 49742000)
    """
    check_arguments(ws, option=option, basis=basis)  # before any work
    sched = item_schedule(ws, basis, assumptions, scenario)
    if option in sched.index.get_level_values("option"):
        body = cast(pd.DataFrame, sched.xs(option, level="option"))
    else:
        body = pd.DataFrame(columns=sched.columns, dtype="int64").rename_axis("item")
    table = with_totals(body)
    table.index.name = "item"
    treatments = {i.id: i.tax_treatment(ws.settings) for i in ws.cost_items}
    tax = {str(i): treatments[str(i)] for i in body.index}
    table.attrs.update(basis=basis, currency=ws.settings.currency, option=option, tax=tax)
    return table


def category_summary(
    ws: Workspace,
    option: str,
    basis: Basis = "inclusive",
    assumptions: Overrides = None,
    scenario: str | None = None,
) -> pd.DataFrame:
    """One option's costs by category and fiscal year, with totals (yen)."""
    table = cost_table(ws, option, basis, assumptions, scenario).drop(index=TOTAL, columns=TOTAL)
    cats = {i.id: i.category for i in ws.cost_items}
    body = table.groupby(table.index.map(cats)).sum()
    body.index.name = "category"
    out = with_totals(body)
    out.attrs.update(basis=basis, option=option)
    return out


def yearly_totals(
    ws: Workspace,
    basis: Basis = "inclusive",
    assumptions: Overrides = None,
    scenario: str | None = None,
) -> pd.DataFrame:
    """Total cost per fiscal year (rows) and option (columns), in yen."""
    sched = item_schedule(ws, basis, assumptions, scenario)
    totals = sched.groupby(level="option").sum().T
    totals = totals.reindex(columns=[o.id for o in ws.options], fill_value=0)
    totals.columns.name = "option"
    totals.attrs["basis"] = basis
    return totals.astype("int64")


def cumulative_costs(
    ws: Workspace,
    basis: Basis = "inclusive",
    assumptions: Overrides = None,
    scenario: str | None = None,
) -> pd.DataFrame:
    """Cumulative cost by fiscal year (rows) and option (columns), in yen."""
    cum = yearly_totals(ws, basis, assumptions, scenario).cumsum()
    cum.attrs["basis"] = basis
    return cum


def cost_summary(
    ws: Workspace,
    basis: Basis = "inclusive",
    assumptions: Overrides = None,
    scenario: str | None = None,
) -> pd.DataFrame:
    """Per option: total over the horizon, NPV and equivalent annual cost.

    NPV follows the workspace's timing convention (``discounting.timing``: ``start`` puts
    the first fiscal year at time 0, as numpy-financial does; ``end`` discounts every
    year, as a spreadsheet's NPV() does).

    NPV and EAC are rounded half-up to whole yen, like every other amount of money here
    (the discounting itself is exact to float precision; :func:`npv` and
    :func:`equivalent_annual_cost` give the unrounded figures). The table then prints as
    money, never as ``4.661535e+07``, and a figure shown in 千円 is derived from the same
    yen as the CSV export's.

    Returns
    -------
    DataFrame
        Index ``option``; columns ``name``, ``total``, ``npv``, ``eac`` (int yen).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> s = cost_summary(load_workspace("data/examples/food-lab"))
    >>> s.loc["saas", ["total", "npv", "eac"]].tolist()
    [49742000, 46615355, 10068339]
    """
    from archplan.costs.discount import equivalent_annual_cost
    from archplan.money import to_unit

    yearly = yearly_totals(ws, basis, assumptions, scenario)
    rate = ws.settings.discount_rate
    timing = ws.settings.discount_timing
    npvs = {o: npv(rate, yearly[o].tolist(), timing) for o in yearly.columns}
    eacs = {o: equivalent_annual_cost(rate, len(yearly), v, timing) for o, v in npvs.items()}
    out = pd.DataFrame(
        {
            "name": ws.option_names,
            TOTAL: yearly.sum(axis=0).astype("int64"),
            "npv": pd.Series({o: to_unit(v, "yen") for o, v in npvs.items()}, dtype="int64"),
            "eac": pd.Series({o: to_unit(v, "yen") for o, v in eacs.items()}, dtype="int64"),
        }
    )
    out.index.name = "option"
    out.attrs.update(basis=basis, discount_rate=rate, timing=timing)
    return out


def break_even(
    ws: Workspace,
    basis: Basis = "inclusive",
    assumptions: Overrides = None,
    scenario: str | None = None,
) -> pd.DataFrame:
    """For each pair (row, column): the first fiscal year from which the row option's
    cumulative cost stays at or below the column option's, when it starts above it.

    ``None`` where the row option never catches up within the plan (or is never more
    expensive: then the cell holds the first fiscal year).
    """
    cum = cumulative_costs(ws, basis, assumptions, scenario)
    options = list(cum.columns)
    years = list(cum.index)
    out = pd.DataFrame(
        None,
        index=pd.Index(options, name="option"),
        columns=pd.Index(options, name="versus"),
        dtype=object,
    )
    for a in options:
        for b in options:
            if a == b:
                continue
            diff = (cum[a] - cum[b]).to_numpy()
            result = None
            for k in range(len(years)):
                if (diff[k:] <= 0).all():
                    result = int(years[k])
                    break
            out.loc[a, b] = result
    return out


def budget_view(
    ws: Workspace,
    by: str = "option",
    option: str | None = None,
    basis: Basis = "inclusive",
    unit: str | None = None,
    assumptions: Overrides = None,
    scenario: str | None = None,
) -> pd.DataFrame:
    """Per fiscal year amounts in the display unit, rows cross-footing to the totals.

    Parameters
    ----------
    by : {"option", "category", "item"}
        Rows: options (all), or one option's categories or items (``option`` required).
    unit : {"yen", "thousand"}, optional
        Defaults to the workspace's display unit.

    Returns
    -------
    DataFrame
        Integers in the unit. This is archplan's one display convention ("one figure per
        quantity"): an option's total is its exact total in yen rounded half-up to the
        unit (as :func:`archplan.money.to_unit` rounds any single figure), and its fiscal
        years are that total apportioned by largest remainder
        (:func:`archplan.money.apportion`), so the years add up to the total. By option
        there is **no** total row: options are alternatives, and their sum means
        nothing. By category or item, each year is apportioned so that it adds up to the
        option's year in the by-option view, and the ``total`` row repeats that row.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ws = load_workspace("data/examples/food-lab")
    >>> view = budget_view(ws)
    >>> "total" in view.index  # no sum of alternatives
    False
    >>> items = budget_view(ws, by="item", option="saas")
    >>> items.loc["total"].tolist() == view.loc["saas"].tolist()
    True
    """
    unit = unit or ws.settings.display_unit
    check_arguments(ws, option=option, basis=basis)
    if by == "option":
        body = yearly_totals(ws, basis, assumptions, scenario).T
        # Each option's row: its half-up total, apportioned over its fiscal years.
        shown = to_display_unit(body, unit, keep="rows").drop(index=TOTAL)
    elif by in ("category", "item"):
        if option is None:
            raise InputError("by='category' or 'item' needs an option")
        fn = category_summary if by == "category" else cost_table
        body = fn(ws, option, basis, assumptions, scenario)
        view = budget_view(ws, "option", None, basis, unit, assumptions, scenario)
        row = cast(pd.Series, view.loc[option])
        # An option's categories or items are a breakdown of its budget row: each year
        # adds up to that row's cell rather than to the sum of separately rounded lines.
        shown = to_display_unit(body, unit, keep="columns", targets=row.drop(TOTAL))
    else:
        raise InputError(f"by must be option, category or item, not {by!r}")
    shown.attrs.update(basis=basis, unit=unit, by=by, option=option)
    return shown


def format_budget(table: pd.DataFrame, language: str = "en") -> pd.DataFrame:
    """A budget table as text: thousands separators, ▲ for negatives in Japanese, fiscal
    years labelled ``FY2026`` or ``令和8年度``."""
    out = table.map(lambda v: format_amount(int(v), language))
    out.columns = [
        fy_label(int(c), language) if c != TOTAL else ("合計" if language == "ja" else "Total")
        for c in table.columns
    ]
    return out
