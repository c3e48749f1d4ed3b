"""Straight-line depreciation of capitalised items, by month, in whole yen.

An item with an ``asset`` class is capitalised when a purchase (each payment of a one-off
item, including each refresh) reaches the capitalisation threshold. Its cost is written
off evenly over the class's useful life in months, starting in the month of purchase;
each fiscal year gets round(cost × months so far / life months) minus what earlier years
got, so the schedule sums to the cost exactly. (No 1-yen memorandum value is kept.)
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from archplan.costs.engine import Basis, cost_model, fy_of_month
from archplan.costs.tables import check_arguments
from archplan.workspace.model import Workspace

__all__ = ["depreciation"]


def depreciation(
    ws: Workspace, basis: Basis = "inclusive", option: str | None = None
) -> pd.DataFrame:
    """Depreciation per capitalised purchase and fiscal year of the plan (integer yen).

    Returns
    -------
    DataFrame
        Index ``(option, item, purchased)`` (purchase month as ``YYYY-MM``); columns
        ``asset``, ``life``, ``cost``, then the plan's fiscal years, then
        ``after_plan`` (what remains to depreciate after the horizon).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> d = depreciation(load_workspace("data/examples/food-lab"))
    >>> d.loc[("onprem", "op-hardware", "2026-04"), "life"]
    np.int64(5)
    """
    check_arguments(ws, option=option, basis=basis)
    s = ws.settings
    model = cost_model(ws)
    sm = s.fy_start_month
    years = s.fiscal_years
    rows = []
    for item in ws.cost_items:
        if item.asset is None or item.nature != "one-off" or item.kind != "cost":
            continue
        if option is not None and item.option != option:
            continue
        life = s.useful_lives[item.asset]
        n = life * 12
        for m, amount in sorted(model.monthly[item.id].items()):
            # The purchase's own tax treatment follows the table's basis.
            single = type(model)(ws, model.values, {item.id: {m: amount}})
            cost = sum(single.item_year(item.id, basis).values())
            if cost < s.capitalisation_threshold:
                continue
            per_fy: dict[int, int] = {}
            done = 0
            for k in range(1, n + 1):
                cum = int((Decimal(cost) * k / n).quantize(Decimal(1), rounding=ROUND_HALF_UP))
                fy = fy_of_month(m + k - 1, sm)
                per_fy[fy] = per_fy.get(fy, 0) + cum - done
                done = cum
            row: dict[object, object] = {
                "option": item.option,
                "item": item.id,
                "purchased": f"{m // 12:04d}-{m % 12 + 1:02d}",
                "asset": item.asset,
                "life": life,
                "cost": cost,
            }
            row.update({fy: per_fy.get(fy, 0) for fy in years})
            row["after_plan"] = sum(v for fy, v in per_fy.items() if fy > years[-1])
            rows.append(row)
    columns = ["option", "item", "purchased", "asset", "life", "cost", *years, "after_plan"]
    out = pd.DataFrame(rows, columns=columns).set_index(["option", "item", "purchased"])
    for c in ["life", "cost", *years, "after_plan"]:
        out[c] = out[c].astype("int64")
    out.attrs.update(basis=basis, threshold=int(s.capitalisation_threshold))
    return out
