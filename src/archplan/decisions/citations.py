"""Which assumptions an option's costs rest on: every value its items take from the
register — amounts, quantities, unit prices, tier prices, growth and escalation, the rates
of percent-of items (and the items they are a percentage of), and the exchange rate of
every foreign-currency item."""

from __future__ import annotations

from decimal import Decimal

from archplan.workspace.model import CostItem, Value, Workspace

__all__ = ["assumptions_used", "literal_rates"]


def _values(item: CostItem) -> list[Value]:
    out = [item.amount, item.quantity, item.unit_price, item.growth, item.escalation]
    if item.tiers is not None:
        out += [price for _, price in item.tiers.bands]
    if item.percent_of is not None:
        out.append(item.percent_of.rate)
    return [v for v in out if v is not None]


def _items(ws: Workspace, option: str | None) -> list[CostItem]:
    """The option's items plus every item its percent-of items are a percentage of."""
    chosen = [i for i in ws.cost_items if option is None or i.option == option]
    by_id = {i.id: i for i in ws.cost_items}
    seen = {i.id for i in chosen}
    queue = list(chosen)
    while queue:
        item = queue.pop()
        for ref in item.percent_of.items if item.percent_of else ():
            if ref in by_id and ref not in seen:
                seen.add(ref)
                queue.append(by_id[ref])
                chosen.append(by_id[ref])
    return chosen


def assumptions_used(ws: Workspace, option: str | None = None) -> list[str]:
    """Names of the assumptions ``option``'s costs use (all options' when None), sorted.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ws = load_workspace("data/examples/shared-platform")
    >>> "usd_jpy" in assumptions_used(ws, "joint-saas")
    True
    """
    names: set[str] = set()
    for item in _items(ws, option):
        names.update(v.assumption for v in _values(item) if v.assumption is not None)
        if item.currency and item.currency != ws.settings.currency:
            rate = ws.settings.exchange_rates.get(item.currency)
            if rate:
                names.add(rate)
    return sorted(n for n in names if n in ws.assumptions)


def literal_rates(ws: Workspace, option: str | None = None) -> list[tuple[str, Decimal]]:
    """(item id, rate) of the option's percent-of items whose rate is written as a number
    in ``costs.yaml`` rather than taken from the register."""
    out = []
    for item in _items(ws, option):
        if item.percent_of is not None and item.percent_of.rate.literal is not None:
            out.append((item.id, item.percent_of.rate.literal))
    return sorted(out)
