"""Cost drivers: how one period of an item is priced, declared once with two evaluations.

A driver turns an item's inputs into its amount **per period** in a fiscal year, in the
item's own currency, before currency conversion and tax (which :mod:`archplan.costs.tax`
applies the same way for every driver). Each driver has

* ``exact(item, fy, ctx)`` — one fiscal year, in :class:`~decimal.Decimal`, for the cost
  engine (:mod:`archplan.costs.engine`), which lays the periods out month by month;
* ``vector(item, ctx)`` — every year at once for rows of sampled inputs, a float array
  of shape (rows, years), for the simulation (:mod:`archplan.uncertainty.simulation`).

The two sit side by side in one class, so they cannot drift apart unnoticed; a parity
test (``tests/test_costs_parity.py``) checks every driver on generated workspaces.

Built-in drivers: ``amount``, ``unit_price`` (quantity × unit price), ``tiers`` (quantity
priced by bands) and ``percent_of`` (a rate of other items). Quantity (a number with
``growth``, or a series per fiscal year) and price escalation are shared helpers. A new
driver is a subclass of :class:`Driver` registered with :func:`register_driver`; see
``docs/extending.md``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

import numpy as np
import numpy.typing as npt

from archplan import registry as _registry
from archplan.errors import InputError
from archplan.workspace.model import CostItem, Settings, Tiers, Value

__all__ = [
    "DRIVERS",
    "Driver",
    "ExactContext",
    "VectorContext",
    "driver_for",
    "extension_keys",
    "register_driver",
    "registered",
    "tiered_amount",
    "unregister_driver",
]

FloatArray = npt.NDArray[np.float64]
Num = FloatArray | float
TWELVE = Decimal(12)


@dataclass
class ExactContext:
    """What a driver sees in the exact engine, for one item.

    ``paid`` holds the items already computed (every ``percent_of`` reference comes
    first): absolute month → **twelfths of a yen** (see :class:`CostModel`).
    """

    settings: Settings
    values: Mapping[str, Decimal]
    first_fy: int  # the item's first fiscal year
    last_fy: int  # the item's last fiscal year
    paid: Mapping[str, Mapping[int, Decimal]]

    def value(self, v: Value) -> Decimal:
        """A literal, or the assumption's value."""
        if v.assumption is not None:
            return self.values[v.assumption]
        assert v.literal is not None
        return v.literal

    def escalation(self, item: CostItem, fy: int) -> Decimal:
        """(1 + escalation) ** (fy − the plan's first fiscal year)."""
        esc = self.value(item.escalation) if item.escalation is not None else Decimal(0)
        return (1 + esc) ** (fy - self.settings.first_fy)

    def quantity(self, item: CostItem, fy: int) -> Decimal:
        """The item's quantity in a fiscal year: its series, or the number with growth."""
        if item.quantity_series is not None:
            k = fy - self.first_fy
            if not 0 <= k < len(item.quantity_series):
                raise _series_too_short(item, fy)
            return item.quantity_series[k]
        assert item.quantity is not None
        growth = self.value(item.growth) if item.growth is not None else Decimal(0)
        base = self.settings.first_fy if item.growth_from == "plan" else self.first_fy
        return self.value(item.quantity) * (1 + growth) ** (fy - base)

    def fiscal_year(self, m: int) -> int:
        return (m - (self.settings.fy_start_month - 1)) // 12


@dataclass
class VectorContext:
    """What a driver sees in the simulation, for one item and a block of rows.

    ``values`` maps input names to one value per row (arrays) or a constant;
    ``years`` are the compiled model's fiscal years; ``money`` holds every referenced
    item already computed: yen paid per year, shape (rows, years).
    """

    settings: Settings
    values: Mapping[str, Num]
    years: FloatArray
    first_fy: int
    last_fy: int
    money: Mapping[str, FloatArray]

    def value(self, v: Value | None, default: float = 0.0) -> Num:
        """A literal, or the assumption's values as a column (rows, 1)."""
        if v is None:
            return default
        if v.assumption is not None:
            x = self.values[v.assumption]
            return x[:, None] if isinstance(x, np.ndarray) else x
        assert v.literal is not None
        return float(v.literal)

    def escalation(self, item: CostItem) -> Num:
        return (1 + self.value(item.escalation)) ** (self.years - self.settings.first_fy)

    def quantity(self, item: CostItem) -> Num:
        if item.quantity_series is not None:
            series = np.asarray([float(x) for x in item.quantity_series])
            if len(series) < self.last_fy - self.first_fy + 1:
                raise _series_too_short(item, self.first_fy + len(series))
            k = (self.years - self.first_fy).astype(int)
            inside = (k >= 0) & (k < len(series))
            # Outside the item's years nothing is paid; 0 keeps those cells defined.
            return np.where(inside, series[np.clip(k, 0, len(series) - 1)], 0.0)
        assert item.quantity is not None
        base = self.settings.first_fy if item.growth_from == "plan" else self.first_fy
        return self.value(item.quantity) * (1 + self.value(item.growth)) ** (self.years - base)


def _series_too_short(item: CostItem, fy: int) -> InputError:
    assert item.quantity_series is not None
    return InputError(
        f"cost item {item.id!r}: the quantity series has "
        f"{len(item.quantity_series)} values but the item runs into FY{fy}"
    )


class Driver:
    """A way to price one period of an item; subclass it and register the subclass.

    Class attributes: ``name`` (shown in docs and errors), ``key`` (the ``costs.yaml``
    key that selects the driver), ``needs_quantity`` (whether the item must give
    ``quantity``), ``per_year_total`` (the amount is a whole fiscal year's, spread over
    the months the item is active that year, instead of one period's).
    """

    name: ClassVar[str] = ""
    key: ClassVar[str] = ""
    expected: ClassVar[str] = ""  # what the key's value should be, for error messages
    needs_quantity: ClassVar[bool] = False
    builtin: ClassVar[bool] = False

    def applies(self, item: CostItem) -> bool:
        """Whether this driver prices ``item`` (extension drivers: the key is given)."""
        return self.key in dict(item.driver_args)

    def per_year_total(self, item: CostItem) -> bool:
        return False

    def read(self, raw: Any) -> Any:
        """Parse the value written under ``key`` (extension drivers); raise ValueError
        with a sentence quoting the input when it is wrong."""
        return raw

    def exact(self, item: CostItem, fy: int, ctx: ExactContext) -> Decimal:
        raise NotImplementedError

    def vector(self, item: CostItem, ctx: VectorContext) -> Num:
        raise NotImplementedError


def tiered_amount(tiers: Tiers, quantity: Decimal, prices: list[Decimal]) -> Decimal:
    """The price of ``quantity`` units under graduated or all-units tiers.

    Examples
    --------
    >>> from archplan.workspace.model import Tiers, Value
    >>> t = Tiers("graduated", ((Decimal(0), Value()), (Decimal(100), Value())))
    >>> tiered_amount(t, Decimal(150), [Decimal(10), Decimal(8)])  # 100×10 + 50×8
    Decimal('1400')
    >>> tiered_amount(Tiers("all-units", t.bands), Decimal(150), [Decimal(10), Decimal(8)])
    Decimal('1200')
    """
    froms = [b[0] for b in tiers.bands]
    if tiers.method == "all-units":
        k = max(bisect_right(froms, quantity) - 1, 0)
        return quantity * prices[k]
    total = Decimal(0)
    for k, lo in enumerate(froms):
        hi = froms[k + 1] if k + 1 < len(froms) else None
        if quantity <= lo:
            break
        units = (min(quantity, hi) if hi is not None else quantity) - lo
        total += units * prices[k]
    return total


def tiered_vector(method: str, froms: list[float], q: Num, prices: list[Num]) -> Num:
    """:func:`tiered_amount` for arrays of quantities and prices."""
    qa = np.asarray(q, dtype=float)
    # An uncertain price (or escalation) makes the prices trials × years while a certain
    # quantity is years only, or the other way round: bring both to the same shape.
    qa = np.broadcast_to(qa, np.broadcast_shapes(qa.shape, *(np.shape(p) for p in prices)))
    if method == "all-units":
        band = np.clip(np.searchsorted(froms, qa, side="right") - 1, 0, len(froms) - 1)
        price = np.choose(band, [np.broadcast_to(np.asarray(p, float), qa.shape) for p in prices])
        return qa * price  # type: ignore[no-any-return]
    total = np.zeros_like(qa)
    for k, lo in enumerate(froms):
        hi = froms[k + 1] if k + 1 < len(froms) else np.inf
        total = total + np.clip(np.minimum(qa, hi) - lo, 0, None) * prices[k]
    return total


class Amount(Driver):
    """``amount``: a fixed amount per period, escalated."""

    name, key, builtin = "amount", "amount", True

    def applies(self, item: CostItem) -> bool:
        return item.amount is not None

    def exact(self, item: CostItem, fy: int, ctx: ExactContext) -> Decimal:
        assert item.amount is not None
        return ctx.value(item.amount) * ctx.escalation(item, fy)

    def vector(self, item: CostItem, ctx: VectorContext) -> Num:
        return ctx.value(item.amount) * ctx.escalation(item)


class UnitPrice(Driver):
    """``quantity`` × ``unit_price``, the price escalated."""

    name, key, needs_quantity, builtin = "unit price", "unit_price", True, True

    def applies(self, item: CostItem) -> bool:
        return item.unit_price is not None and item.tiers is None and item.amount is None

    def exact(self, item: CostItem, fy: int, ctx: ExactContext) -> Decimal:
        assert item.unit_price is not None
        return ctx.quantity(item, fy) * ctx.value(item.unit_price) * ctx.escalation(item, fy)

    def vector(self, item: CostItem, ctx: VectorContext) -> Num:
        return ctx.quantity(item) * ctx.value(item.unit_price) * ctx.escalation(item)


class TieredPrice(Driver):
    """``quantity`` priced by ``tiers`` (graduated or all-units), the prices escalated."""

    name, key, needs_quantity, builtin = "tiers", "tiers", True, True

    def applies(self, item: CostItem) -> bool:
        return item.tiers is not None and item.amount is None

    def exact(self, item: CostItem, fy: int, ctx: ExactContext) -> Decimal:
        assert item.tiers is not None
        factor = ctx.escalation(item, fy)
        prices = [ctx.value(p) * factor for _, p in item.tiers.bands]
        return tiered_amount(item.tiers, ctx.quantity(item, fy), prices)

    def vector(self, item: CostItem, ctx: VectorContext) -> Num:
        assert item.tiers is not None
        escf = ctx.escalation(item)
        prices = [ctx.value(p) * escf for _, p in item.tiers.bands]
        froms = [float(b[0]) for b in item.tiers.bands]
        return tiered_vector(item.tiers.method, froms, ctx.quantity(item), prices)


class PercentOf(Driver):
    """``percent_of``: a rate of other items' whole-life total (per period), or of their
    amount in the same fiscal year (spread over this item's active months)."""

    name, key, builtin = "percent of", "percent_of", True

    def applies(self, item: CostItem) -> bool:
        return item.percent_of is not None and item.amount is None

    def per_year_total(self, item: CostItem) -> bool:
        return item.percent_of is not None and item.percent_of.basis == "same_year"

    def exact(self, item: CostItem, fy: int, ctx: ExactContext) -> Decimal:
        pct = item.percent_of
        assert pct is not None
        if pct.basis == "total":
            base = sum((sum(ctx.paid[r].values(), Decimal(0)) for r in pct.items), Decimal(0))
        else:
            base = sum(
                (v for r in pct.items for m, v in ctx.paid[r].items() if ctx.fiscal_year(m) == fy),
                Decimal(0),
            )
        return ctx.value(pct.rate) * base / TWELVE  # ``paid`` holds twelfths of a yen

    def vector(self, item: CostItem, ctx: VectorContext) -> Num:
        pct = item.percent_of
        assert pct is not None
        if pct.basis == "total":
            base = sum(ctx.money[r].sum(axis=1, keepdims=True) for r in pct.items)
            return ctx.value(pct.rate) * base * np.ones_like(ctx.years)  # type: ignore[no-any-return]
        return ctx.value(pct.rate) * sum(ctx.money[r] for r in pct.items)  # type: ignore[no-any-return]


#: The registered drivers, built-in ones first.
DRIVERS: list[Driver] = [Amount(), UnitPrice(), TieredPrice(), PercentOf()]


def register_driver(driver: Driver) -> Driver:
    """Add a driver; its ``key`` becomes a pricing key in ``costs.yaml``.

    Raises
    ------
    InputError
        If another driver already uses the key, or the key is one of an item's own.

    Examples
    --------
    >>> class Flat(Driver):
    ...     name, key = "flat fee", "flat_fee"
    ...     def exact(self, item, fy, ctx):
    ...         return Decimal(dict(item.driver_args)["flat_fee"])
    ...     def vector(self, item, ctx):
    ...         return float(dict(item.driver_args)["flat_fee"])
    >>> flat = register_driver(Flat())
    >>> sorted(extension_keys())
    ['flat_fee']
    >>> unregister_driver(flat)
    >>> extension_keys()
    {}
    """
    from archplan.workspace.schema.costs import ITEM_KEYS

    if not driver.key or driver.key in ITEM_KEYS or driver.key in extension_keys():
        raise InputError(f"a cost driver needs a key of its own; {driver.key!r} is taken")
    DRIVERS.append(driver)
    _registry.COST_DRIVERS.add(driver.key, driver)  # what costs.yaml accepts
    return driver


def unregister_driver(driver: Driver) -> None:
    """Remove a driver added with :func:`register_driver` (see its example)."""
    if driver.builtin or driver not in DRIVERS:
        raise InputError(f"{driver.name or driver.key!r} is not a registered extension driver")
    DRIVERS.remove(driver)
    _registry.COST_DRIVERS.remove(driver.key)


@contextmanager
def registered(driver: Driver) -> Iterator[Driver]:
    """Register ``driver`` for the duration of a ``with`` block (tests, notebooks).

    Examples
    --------
    >>> class Flat(Driver):
    ...     name, key = "flat fee", "flat_fee"
    >>> with registered(Flat()):
    ...     list(extension_keys())
    ['flat_fee']
    >>> list(extension_keys())
    []
    """
    register_driver(driver)
    try:
        yield driver
    finally:
        unregister_driver(driver)


def extension_keys() -> dict[str, Driver]:
    """The ``costs.yaml`` keys of the registered extension drivers.

    Examples
    --------
    >>> extension_keys()  # none until one is registered
    {}
    """
    return {d.key: d for d in DRIVERS if not d.builtin}


def driver_for(item: CostItem) -> Driver:
    """The driver that prices ``item``.

    Examples
    --------
    >>> item = CostItem("x", "o", "x", "cloud", "recurring", 2026, 2027,
    ...                 amount=Value(literal=Decimal(5)))
    >>> driver_for(item).name
    'amount'
    """
    for driver in DRIVERS:
        if driver.applies(item):
            return driver
    raise InputError(f"cost item {item.id!r}: no driver prices it (no amount, price or rate)")
