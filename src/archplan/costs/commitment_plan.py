"""Multi-year commitments (債務負担行為): per contract, its period, payments and ceiling."""

from __future__ import annotations

import pandas as pd

from archplan.costs.engine import Basis, cost_model
from archplan.costs.tables import check_arguments
from archplan.messages import msg
from archplan.workspace.model import Workspace

__all__ = ["commitments"]


def commitments(
    ws: Workspace, basis: Basis = "inclusive", scenario: str | None = None
) -> pd.DataFrame:
    """Each contract's per-fiscal-year payments, total commitment and ceiling check.

    A contract groups cost items (``contract:`` on each item). Its period runs from the
    first to the last fiscal year with a payment, even beyond the plan's horizon, because
    the commitment covers the whole contract.

    Returns
    -------
    DataFrame
        Index ``contract``; columns ``name``, ``options``, ``first_fy``, ``last_fy``,
        ``total``, ``ceiling``, ``headroom`` and ``exceeded``, then one column per fiscal
        year of payments (integer yen). ``attrs["warnings"]`` lists every ceiling exceeded.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> commitments(load_workspace("data/examples/food-lab")).empty
    True
    """
    check_arguments(ws, basis=basis)
    model = cost_model(ws, scenario=scenario)
    rows = []
    all_years: set[int] = set()
    per_contract: dict[str, dict[int, int]] = {}
    for c in ws.contracts:
        payments: dict[int, int] = {}
        for item in ws.cost_items:
            if item.contract != c.id:
                continue
            for fy, v in model.item_year(item.id, basis).items():
                payments[fy] = payments.get(fy, 0) + v
        per_contract[c.id] = payments
        all_years |= {fy for fy, v in payments.items() if v}
    years = sorted(all_years)
    warnings = []
    for c in ws.contracts:
        payments = per_contract[c.id]
        paid = sorted(fy for fy, v in payments.items() if v)
        total = sum(payments.values())
        options = sorted({i.option for i in ws.cost_items if i.contract == c.id})
        ceiling = int(c.ceiling) if c.ceiling is not None else None
        exceeded = ceiling is not None and total > ceiling
        if exceeded:
            assert ceiling is not None
            warnings.append(
                msg(
                    "ceiling",
                    ws.settings.language,
                    id=c.id,
                    name=c.name,
                    total=f"{total:,}",
                    ceiling=f"{ceiling:,}",
                    over=f"{total - ceiling:,}",
                )
            )
        row: dict[object, object] = {
            "contract": c.id,
            "name": c.name,
            "options": ", ".join(options),
            "first_fy": paid[0] if paid else None,
            "last_fy": paid[-1] if paid else None,
            "total": total,
            "ceiling": ceiling,
            "headroom": ceiling - total if ceiling is not None else None,
            "exceeded": exceeded,
        }
        row.update({fy: payments.get(fy, 0) for fy in years})
        rows.append(row)
    columns = [
        "contract",
        "name",
        "options",
        "first_fy",
        "last_fy",
        "total",
        "ceiling",
        "headroom",
        "exceeded",
        *years,
    ]
    out = pd.DataFrame(rows, columns=columns).set_index("contract")
    out.attrs.update(basis=basis, warnings=warnings, years=years)
    return out
