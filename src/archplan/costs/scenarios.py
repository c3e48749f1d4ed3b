"""Scenarios side by side, and net benefit where benefit lines exist."""

from __future__ import annotations

from typing import cast

import pandas as pd

from archplan.costs.discount import npv, payback_year, roi
from archplan.costs.engine import Basis
from archplan.costs.tables import check_arguments, item_schedule, yearly_totals
from archplan.errors import InputError
from archplan.workspace.model import Workspace

__all__ = ["net_benefit", "scenario_table"]


def scenario_table(
    ws: Workspace, basis: Basis = "inclusive", measure: str = "total"
) -> pd.DataFrame:
    """Options × scenarios (``base`` first): total cost over the horizon, or its NPV.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> scenario_table(load_workspace("data/examples/food-lab")).columns.tolist()
    ['base']
    """
    check_arguments(ws, basis=basis)
    if measure not in ("total", "npv"):
        raise InputError(f"measure must be 'total' or 'npv', not {measure!r}")
    cols: dict[str, pd.Series] = {}
    rate, timing = ws.settings.discount_rate, ws.settings.discount_timing
    for name in ["base", *ws.scenarios]:
        yearly = yearly_totals(ws, basis, scenario=None if name == "base" else name)
        if measure == "total":
            cols[name] = yearly.sum(axis=0).astype("int64")
        elif measure == "npv":
            cols[name] = pd.Series(
                {o: npv(rate, yearly[o].tolist(), timing) for o in yearly.columns}
            )
        else:
            raise InputError(f"measure must be 'total' or 'npv', not {measure!r}")
    out = pd.DataFrame(cols)
    out.index.name = "option"
    out.columns.name = "scenario"
    out.attrs.update(basis=basis, measure=measure)
    return out


def net_benefit(
    ws: Workspace, option: str, basis: Basis = "inclusive", scenario: str | None = None
) -> pd.DataFrame:
    """Benefits, costs and net benefit by fiscal year for one option, with payback
    year, ROI and NPV of the net flows in ``attrs``.
    """
    check_arguments(ws, option=option, basis=basis)
    years = ws.settings.fiscal_years
    costs = yearly_totals(ws, basis, scenario=scenario)[option]
    ben = item_schedule(ws, basis, scenario=scenario, kind="benefit")
    if option in ben.index.get_level_values("option"):
        benefits = cast(pd.DataFrame, ben.xs(option, level="option")).sum(axis=0)
    else:
        benefits = pd.Series(0, index=years)
    out = pd.DataFrame(
        {
            "benefit": benefits.reindex(years, fill_value=0).astype("int64"),
            "cost": costs.reindex(years, fill_value=0).astype("int64"),
        }
    )
    out.index.name = "fiscal_year"
    out["net"] = out["benefit"] - out["cost"]
    out["cumulative_net"] = out["net"].cumsum()
    total_cost = float(out["cost"].sum())
    out.attrs.update(
        payback_year=payback_year(years, out["net"].tolist()),
        roi=roi(float(out["benefit"].sum()), total_cost) if total_cost > 0 else None,
        npv=npv(ws.settings.discount_rate, out["net"].tolist(), ws.settings.discount_timing),
        basis=basis,
    )
    return out
