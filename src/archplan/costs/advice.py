"""Warnings about a cost plan that loads and computes, but may not say what was meant.

These are not problems (the plan is valid); ``archplan check`` prints them beside the
timing warnings so that the architect decides.
"""

from __future__ import annotations

from archplan.costs.basis import item_first_fy
from archplan.fiscal import fy_label
from archplan.messages import msg
from archplan.workspace.model import CostItem, Workspace

__all__ = ["plan_warnings"]


def _ref(item: CostItem) -> tuple[str, str] | None:
    """(quantity assumption, growth) of an item whose quantity is an assumption that
    grows from the item's own first year; None otherwise."""
    if item.quantity is None or item.quantity.assumption is None or item.growth is None:
        return None
    if item.growth_from != "item" or item.quantity_series is not None:
        return None
    g = item.growth
    return item.quantity.assumption, g.assumption or str(g.literal)


def plan_warnings(ws: Workspace) -> list[str]:
    """Warnings in the workspace's language.

    One today: options that bill the same assumed quantity (such as the organisation's
    users) with growth from each item's own first year, but start in different fiscal
    years, count a different quantity in the same year; ``growth_from: plan`` makes them
    count alike.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> plan_warnings(load_workspace("data/examples/food-lab"))
    []
    """
    lang = ws.settings.language
    groups: dict[tuple[str, str], list[CostItem]] = {}
    for item in ws.cost_items:
        ref = _ref(item)
        if ref is not None:
            groups.setdefault(ref, []).append(item)
    out = []
    sm = ws.settings.fy_start_month
    for (quantity, _), items in groups.items():
        starts = {i.option: item_first_fy(i, sm) for i in items}
        if len(starts) > 1 and len(set(starts.values())) > 1:
            listed = ("、" if lang == "ja" else ", ").join(
                msg("ap_growth_item", lang, item=i.id, fy=fy_label(item_first_fy(i, sm), lang))
                for i in items
            )
            out.append(msg("ap_growth_shared", lang, quantity=quantity, items=listed))
    return out
