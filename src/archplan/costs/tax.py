"""Consumption tax and currency, once, for the exact engine and the simulation alike.

* :func:`rate_at` — the rate in force on the first day of a month (dated table);
* :func:`item_rate` — the same for an item: 0 for a non-taxable (不課税) or exempt (非課税)
  item;
* :func:`basis_factor` — what one unit entered on one basis is worth on another
  (``1 + r``, ``1 / (1 + r)`` or 1), for Decimals (exact) and floats (simulation);
* :func:`split_rounded` — a rounded amount as entered, split into its tax-exclusive and
  tax-inclusive yen with the tax rounded down (切り捨て), as on an invoice;
* :func:`exchange_rate_name` — the assumption holding an item's exchange rate.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from decimal import ROUND_FLOOR, Decimal
from typing import Literal, TypeVar

from archplan.workspace.model import CostItem, Settings

__all__ = [
    "basis_factor",
    "exchange_rate_name",
    "item_rate",
    "month_start",
    "rate_at",
    "rates_in_plan",
    "split_rounded",
]

Basis = Literal["exclusive", "inclusive"]
N = TypeVar("N", Decimal, float)
ONE = Decimal(1)


def month_start(m: int) -> date:
    """The first day of absolute month ``m`` (year × 12 + month − 1)."""
    return date(m // 12, m % 12 + 1, 1)


def rate_at(table: tuple[tuple[date, Decimal], ...], m: int) -> Decimal:
    """The tax rate in force on the first day of absolute month ``m``.

    Examples
    --------
    >>> from archplan.workspace.model import JAPAN_CONSUMPTION_TAX as T
    >>> rate_at(T, 2019 * 12 + 8), rate_at(T, 2019 * 12 + 9)  # September, October 2019
    (Decimal('0.08'), Decimal('0.10'))
    """
    k = bisect_right([t[0] for t in table], month_start(m)) - 1
    return table[k][1] if k >= 0 else Decimal(0)


def item_rate(item: CostItem, settings: Settings, m: int) -> Decimal:
    """The tax rate on ``item`` in month ``m``: the table's if it is taxable, else 0."""
    if item.tax_treatment(settings) != "taxable":
        return Decimal(0)
    return rate_at(settings.tax_table, m)


def basis_factor(rate: N, entered: Basis, basis: Basis) -> N:
    """The factor taking an amount entered on one tax basis to another.

    Examples
    --------
    >>> basis_factor(Decimal("0.1"), "exclusive", "inclusive")
    Decimal('1.1')
    >>> round(basis_factor(0.1, "inclusive", "exclusive"), 6)
    0.909091
    >>> basis_factor(0.1, "inclusive", "inclusive")
    1.0
    """
    one = ONE if isinstance(rate, Decimal) else 1.0
    if entered == basis:
        return one * 1  # type: ignore[return-value]
    if entered == "exclusive":
        return one + rate  # type: ignore[return-value]
    return one / (one + rate)  # type: ignore[return-value]


def split_rounded(rounded: int, rate: Decimal, entered: Basis) -> tuple[int, int]:
    """A rounded yen amount as entered → (tax-exclusive, tax-inclusive) yen.

    Tax is rounded down: on a tax-exclusive amount it is ``amount × rate``; inside a
    tax-inclusive one it is ``amount × rate / (1 + rate)``.

    Examples
    --------
    >>> split_rounded(2000005, Decimal("0.10"), "exclusive")
    (2000005, 2200005)
    >>> split_rounded(1000, Decimal("0.10"), "inclusive")  # 90.9… of tax inside
    (910, 1000)
    """
    if entered == "exclusive":
        return rounded, rounded + int((rounded * rate).quantize(ONE, rounding=ROUND_FLOOR))
    tax = int((rounded * rate / (ONE + rate)).quantize(ONE, rounding=ROUND_FLOOR))
    return rounded - tax, rounded


def exchange_rate_name(item: CostItem, settings: Settings) -> str | None:
    """The assumption holding ``item``'s exchange rate, None in the workspace currency."""
    if item.currency is None or item.currency == settings.currency:
        return None
    return settings.exchange_rates[item.currency]


def rates_in_plan(settings: Settings) -> list[tuple[date, Decimal]]:
    """The consumption-tax rates in force during the plan: the one in force on its first
    day, then each change before its last day, as (in force since, rate).

    A flat rate (``tax: {rate: 0.10}``) is one entry; Japan's dated table over a plan
    from FY2026 is one entry too (10 % since 2019-10-01): the older rates do not apply.

    Examples
    --------
    >>> from dataclasses import replace
    >>> from archplan.workspace.model import Settings
    >>> s = Settings(title="x", first_fy=2026)
    >>> [(d.isoformat(), str(r)) for d, r in rates_in_plan(s)]
    [('2019-10-01', '0.10')]
    >>> [(d.isoformat(), str(r)) for d, r in rates_in_plan(replace(s, first_fy=2018))]
    [('2014-04-01', '0.08'), ('2019-10-01', '0.10')]
    """
    from archplan.fiscal import fiscal_year_bounds

    first = fiscal_year_bounds(settings.first_fy, settings.fy_start_month)[0]
    last = fiscal_year_bounds(settings.first_fy + settings.horizon - 1, settings.fy_start_month)[1]
    table = sorted(settings.tax_table)
    out = [(d, r) for d, r in table if d <= first][-1:]
    out += [(d, r) for d, r in table if first < d <= last]
    return out
