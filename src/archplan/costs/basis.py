"""What each cost item rests on, and how consumption tax treats it.

Pure functions over a workspace: :func:`item_basis` gives every item's basis as numbers
(amount or unit price in its own currency, quantity, period, exchange rate, tax
treatment); :func:`describe_basis` turns that into the short text a budget table shows
beside the item (``USD 2,500/月 × 150 円/USD``); :func:`tax_breakdown` splits each
option's yearly cost into taxable, non-taxable (不課税) and exempt (非課税) lines, the
tax, and the tax-inclusive total.
"""

from __future__ import annotations

from decimal import Decimal
from typing import cast

import pandas as pd

from archplan.costs.drivers import driver_for
from archplan.costs.engine import cost_model
from archplan.errors import InputError
from archplan.messages import msg
from archplan.workspace.model import TAX_TREATMENTS, CostItem, Value, Workspace

__all__ = ["change_text", "describe_basis", "format_number", "item_basis", "tax_breakdown"]

Overrides = dict[str, Decimal] | None

#: The rows of :func:`tax_breakdown` for each option, in order.
TAX_LINES = ("taxable", "non_taxable", "exempt", "tax", "total")


def format_number(value: Decimal | float | int) -> str:
    """A number with thousands separators and no trailing zeros.

    Examples
    --------
    >>> format_number(Decimal("2500.00")), format_number(Decimal("0.15")), format_number(150)
    ('2,500', '0.15', '150')
    """
    d = Decimal(str(value))
    if d == d.to_integral_value():
        return f"{int(d):,}"
    text = f"{d:,f}".rstrip("0").rstrip(".")
    return text


def _resolve(v: Value | None, values: dict[str, Decimal]) -> Decimal | None:
    if v is None:
        return None
    if v.assumption is not None:
        return values[v.assumption]
    return v.literal


def _pricing(item: CostItem) -> str:
    return driver_for(item).key


def item_basis(
    ws: Workspace, assumptions: Overrides = None, scenario: str | None = None
) -> pd.DataFrame:
    """Every item's basis: what is priced, in which currency, at what rate, how taxed.

    Values are the plan's (assumptions resolved, a scenario's overrides applied), as
    quoted: before escalation and growth, in the item's own currency.

    Returns
    -------
    DataFrame
        Index ``(option, item)``; columns ``tax`` (taxable, non_taxable, exempt),
        ``pricing`` (the driver's key: amount, unit_price, tiers, percent_of or an
        extension's), ``currency``, ``price`` (the amount or unit price; the first band's
        price for tiers; the rate for percent_of; None for an extension driver),
        ``quantity`` (first year; None when not priced by quantity),
        ``period`` (year, month or one-off), ``exchange_rate`` (workspace currency per
        unit of the item's currency; None for the workspace currency) and ``of`` (the
        items a percentage is taken of).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> b = item_basis(load_workspace("data/examples/shared-platform"))
    >>> row = b.loc[("joint-saas", "saas-subscription")]
    >>> row["currency"], row["tax"], row["period"]
    ('USD', 'taxable', 'month')
    """
    values = cost_model(ws, assumptions, scenario).values
    s = ws.settings
    rows: list[dict[str, object]] = []
    for item in ws.cost_items:
        pricing = _pricing(item)
        if pricing == "amount":
            price = _resolve(item.amount, values)
        elif pricing == "unit_price":
            price = _resolve(item.unit_price, values)
        elif pricing == "tiers":
            assert item.tiers is not None
            price = _resolve(item.tiers.bands[0][1], values)
        elif pricing == "percent_of":
            assert item.percent_of is not None
            price = _resolve(item.percent_of.rate, values)
        else:  # an extension driver: its own inputs, no single price
            price = None
        quantity: Decimal | None = None
        if item.quantity_series is not None:
            quantity = item.quantity_series[0]
        elif item.quantity is not None:
            quantity = _resolve(item.quantity, values)
        currency = item.currency or s.currency
        rate = (
            values[s.exchange_rates[currency]]
            if currency != s.currency and currency in s.exchange_rates
            else None
        )
        rows.append(
            {
                "option": item.option,
                "item": item.id,
                "tax": item.tax_treatment(s),
                "pricing": pricing,
                "currency": currency,
                "price": price,
                "quantity": quantity,
                "period": "one-off" if item.nature == "one-off" else item.period,
                "exchange_rate": rate,
                "of": tuple(item.percent_of.items) if item.percent_of else (),
            }
        )
    columns = [
        "option",
        "item",
        "tax",
        "pricing",
        "currency",
        "price",
        "quantity",
        "period",
        "exchange_rate",
        "of",
    ]
    out = pd.DataFrame(rows, columns=columns).set_index(["option", "item"])
    out.attrs["currency"] = s.currency
    return out


def describe_basis(
    ws: Workspace,
    language: str | None = None,
    assumptions: Overrides = None,
    scenario: str | None = None,
) -> pd.Series:
    """Each item's basis as a short text in the workspace's (or the given) language.

    A foreign-currency item shows its amount in its currency and the rate:
    ``USD 2,500/月 × 150 円/USD``; a quantity-priced one the quantity and unit price:
    ``45 × 12,000円/月``; a percentage its rate and base items.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ws = load_workspace("data/examples/food-lab")
    >>> describe_basis(ws, "en").loc[("saas", "saas-subscription")]
    '45 × 12,000 yen/month'
    >>> describe_basis(ws, "ja").loc[("saas", "saas-subscription")]
    '45 × 12,000円/月'
    """
    lang = language or ws.settings.language
    basis = item_basis(ws, assumptions, scenario)
    home = ws.settings.currency
    by_id = {i.id: i for i in ws.cost_items}
    out: dict[tuple[str, str], str] = {}
    for key, row in basis.iterrows():
        option, item = cast(tuple[str, str], key)
        currency = str(row["currency"])
        period = str(row["period"])
        if row["pricing"] == "percent_of":
            pct = format_number(Decimal(str(row["price"])) * 100)
            out[(option, item)] = msg(
                "cst_basis_percent",
                lang,
                rate=pct,
                items=("、" if lang == "ja" else ", ").join(by_id[r].name for r in row["of"]),
            )
            continue
        if row["price"] is None:  # an extension driver: say which
            name = driver_for(by_id[item]).name
            qty = row["quantity"]
            out[(option, item)] = name if qty is None else f"{format_number(qty)} × {name}"
            continue
        price = format_number(cast(Decimal, row["price"]))
        if currency == home:
            money = msg(f"cst_basis_{period}", lang, amount=msg("cst_yen", lang, amount=price))
        else:
            money = msg(f"cst_basis_{period}", lang, amount=f"{currency} {price}")
        if row["pricing"] == "tiers":
            money = msg("cst_basis_tiers", lang, price=money)
        text = money
        if row["quantity"] is not None:
            text = f"{format_number(cast(Decimal, row['quantity']))} × {text}"
        if row["exchange_rate"] is not None:
            rate = format_number(cast(Decimal, row["exchange_rate"]))
            text += " × " + msg("cst_rate", lang, rate=rate, currency=currency)
        out[(option, item)] = text + change_text(ws, by_id[item], lang, assumptions, scenario)
    series = pd.Series(out, name="basis", dtype=object)
    series.index = pd.MultiIndex.from_tuples(list(out), names=["option", "item"])
    return series


def item_first_fy(item: CostItem, start_month: int) -> int:
    """The fiscal year an item starts in (its ``start`` year or month).

    Examples
    --------
    >>> from archplan.workspace.model import CostItem
    >>> item_first_fy(CostItem("x", "o", "X", "build", "one-off", "2027-02"), 4)
    2026
    """
    from datetime import date

    from archplan.fiscal import fiscal_year

    if isinstance(item.start, int):
        return item.start
    y, m = item.start.split("-")
    return fiscal_year(date(int(y), int(m), 1), start_month)


def change_text(
    ws: Workspace,
    item: CostItem,
    language: str | None = None,
    assumptions: Overrides = None,
    scenario: str | None = None,
) -> str:
    """What the basis text adds for an item's escalation and growth, so that every
    year's figure can be redone from it: the yearly rate and the year it compounds from —
    the plan's first fiscal year for escalation (prices are quoted for it), the item's
    own first fiscal year for growth unless ``growth_from: plan`` (docs/costs.md). ""
    when the item has neither.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ws = load_workspace("data/examples/shared-platform")
    >>> item = next(i for i in ws.cost_items if i.id == "saas-subscription")
    >>> change_text(ws, item, "en")
    "; quantity as of FY2026 (the item's first year), +12% each year after"
    """
    from archplan.fiscal import fy_label

    lang = language or ws.settings.language
    values = cost_model(ws, assumptions, scenario).values
    parts = []
    esc = _resolve(item.escalation, values)
    if esc:
        fy = fy_label(ws.settings.first_fy, lang)
        parts.append(msg("dfx_basis_escalation", lang, rate=format_number(esc * 100), fy=fy))
    growth = _resolve(item.growth, values)
    if growth and item.quantity_series is None:
        rate = format_number(growth * 100)
        if item.growth_from == "plan":
            fy = fy_label(ws.settings.first_fy, lang)
            parts.append(msg("ap_basis_growth_plan", lang, rate=rate, fy=fy))
        else:
            fy = fy_label(item_first_fy(item, ws.settings.fy_start_month), lang)
            parts.append(msg("dfx_basis_growth", lang, rate=rate, fy=fy))
    return "".join(parts)


def tax_breakdown(
    ws: Workspace, assumptions: Overrides = None, scenario: str | None = None
) -> pd.DataFrame:
    """Each option's yearly cost split by tax treatment, with the tax and the total.

    For every option, the rows are ``taxable``, ``non_taxable`` (不課税) and ``exempt``
    (非課税) — tax-exclusive amounts — then ``tax`` (on the taxable lines only, rounded
    down per item, rate and year as on an invoice) and ``total`` (tax-inclusive, the
    figure of the budget request). ``taxable + non_taxable + exempt + tax == total``
    in every column, to the yen.

    Returns
    -------
    DataFrame
        Index ``(option, line)``; columns the plan's fiscal years (integer yen).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> t = tax_breakdown(load_workspace("data/examples/food-lab"))
    >>> [int(t.loc[("saas", line), 2026]) for line in ("taxable", "tax", "total")]
    [14500000, 1450000, 15950000]
    """
    model = cost_model(ws, assumptions, scenario)
    years = ws.settings.fiscal_years
    rows: dict[tuple[str, str], list[int]] = {}
    for option in ws.options:
        lines = {line: [0] * len(years) for line in TAX_LINES}
        for item in ws.cost_items:
            if item.option != option.id or item.kind != "cost":
                continue
            treatment = item.tax_treatment(ws.settings)
            if treatment not in TAX_TREATMENTS:  # pragma: no cover - the loader checks
                raise InputError(f"cost item {item.id!r}: unknown tax treatment {treatment!r}")
            excl = model.item_year(item.id, "exclusive")
            incl = model.item_year(item.id, "inclusive")
            for k, fy in enumerate(years):
                lines[treatment][k] += excl.get(fy, 0)
                lines["tax"][k] += incl.get(fy, 0) - excl.get(fy, 0)
                lines["total"][k] += incl.get(fy, 0)
        for line in TAX_LINES:
            rows[(option.id, line)] = lines[line]
    index = pd.MultiIndex.from_tuples(list(rows), names=["option", "line"])
    out = pd.DataFrame(
        list(rows.values()), index=index, columns=pd.Index(years, name="fiscal_year")
    ).astype("int64")
    out.attrs["currency"] = ws.settings.currency
    return out
