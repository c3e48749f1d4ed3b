"""Sharing a platform's cost among the bureaus or municipalities that use it."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from archplan.costs.engine import Basis
from archplan.costs.tables import check_arguments, yearly_totals
from archplan.errors import InputError
from archplan.workspace.model import Workspace

__all__ = ["allocate", "share_costs"]


def allocate(total: int, weights: list[Decimal]) -> list[int]:
    """Split an integer amount in proportion to weights, exactly (largest remainder).

    Each share is the floor of its exact share; the yen left over go one each to the
    largest fractional remainders (ties to the earlier party), so the shares add up to
    ``total`` to the yen.

    Examples
    --------
    >>> allocate(100, [Decimal(1), Decimal(1), Decimal(1)])
    [34, 33, 33]
    >>> allocate(-100, [Decimal(1), Decimal(1), Decimal(1)])
    [-34, -33, -33]
    """
    wsum = sum(weights, Decimal(0))
    if wsum <= 0:
        raise InputError("allocation weights must add up to more than zero")
    sign = -1 if total < 0 else 1
    amount = abs(total)
    exact = [Decimal(amount) * w / wsum for w in weights]
    floors = [int(e) for e in exact]
    left = amount - sum(floors)
    order = sorted(range(len(weights)), key=lambda k: (-(exact[k] - floors[k]), k))
    for k in order[:left]:
        floors[k] += 1
    return [sign * f for f in floors]


def share_costs(
    ws: Workspace, option: str, basis: Basis = "inclusive", scenario: str | None = None
) -> pd.DataFrame:
    """Each party's share of one option's cost per fiscal year (integer yen).

    The key is the workspace's ``sharing.key``: ``population``, ``transactions`` or
    ``ratio`` (in proportion to each party's value) or ``equal``. Every year's shares add
    up exactly to that year's cost.

    Returns
    -------
    DataFrame
        Index ``party`` (plus a ``total`` row); columns the fiscal years and ``total``.
    """
    if not ws.parties or ws.settings.sharing_key is None:
        raise InputError("the workspace has no 'sharing' section with a key and parties")
    check_arguments(ws, option=option, basis=basis)
    yearly = yearly_totals(ws, basis, scenario=scenario)[option]
    key = ws.settings.sharing_key
    weights = [Decimal(1) if key == "equal" else p.value for p in ws.parties]
    data = {int(str(fy)): allocate(int(v), weights) for fy, v in yearly.items()}
    out = pd.DataFrame(data, index=pd.Index([p.id for p in ws.parties], name="party"))
    out.columns.name = "fiscal_year"
    out["total"] = out.sum(axis=1)
    out.loc["total"] = out.sum(axis=0)
    out.insert(0, "name", [p.name for p in ws.parties] + ["total"])
    out.attrs.update(basis=basis, key=key, option=option)
    return out
