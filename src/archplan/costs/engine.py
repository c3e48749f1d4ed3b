"""The cost engine: every item's money, month by month, then by fiscal year with tax.

Conventions (see ``docs/costs.md``):

* **Months.** Each item is laid out on calendar months. A yearly amount is spread evenly
  over the months it is active (so an item starting in October pays 6/12 of its yearly
  amount in a fiscal year starting in April); a monthly amount is paid each active month;
  a one-off amount is paid in its start month, and again every ``every`` years for a
  refresh cycle.
* **Drivers.** One period's amount comes from the item's driver
  (:mod:`archplan.costs.drivers`, shared with the simulation): quantity grows from the
  item's first fiscal year (``(1 + growth)^t``) or follows an explicit per-year series;
  prices (and fixed amounts) escalate from the plan's first fiscal year
  (``(1 + escalation)^t``), the year the prices are quoted for. Tiers price a period's
  quantity (graduated or all-units). ``percent_of`` takes a rate of other items (their
  whole-life total, or their amount in the same fiscal year).
* **Currency.** A foreign-currency amount is converted at its exchange-rate assumption
  (which a scenario may override), before tax.
* **Money.** Months carry exact Decimals. Per item and fiscal year, the months are grouped
  by the consumption-tax rate in force on their first day (0 for a non-taxable or exempt
  item, :mod:`archplan.costs.tax`); each group is rounded half-up to the yen, and its tax
  is rounded down (切り捨て). Tables are integer yen.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from typing import Literal

import pandas as pd

from archplan.costs.drivers import Driver, ExactContext, driver_for, tiered_amount
from archplan.costs.tax import basis_factor, exchange_rate_name, month_start, rate_at, split_rounded
from archplan.errors import InputError
from archplan.fiscal import item_months
from archplan.workspace.model import CostItem, Settings, Workspace

__all__ = [
    "Basis",
    "CostModel",
    "cost_model",
    "fy_of_month",
    "layout",
    "month_start",
    "tiered_amount",
]

Basis = Literal["exclusive", "inclusive"]
ONE = Decimal(1)
TWELVE = Decimal(12)


def month_number(year: int, month: int) -> int:
    """Absolute month number: year × 12 + month − 1."""
    return year * 12 + month - 1


def fy_of_month(m: int, start_month: int) -> int:
    """The fiscal year an absolute month falls in.

    Examples
    --------
    >>> fy_of_month(month_number(2027, 3), 4), fy_of_month(month_number(2027, 4), 4)
    (2026, 2027)
    """
    return (m - (start_month - 1)) // 12


def item_span(item: CostItem, settings: Settings) -> tuple[int, int]:
    """First and last absolute month of an item (an open-ended one runs to the plan's end)."""
    sm = settings.fy_start_month  # item_months: one implementation, shared with the loader
    a, last = item_months(item.start, item.end, sm)
    plan_end = month_number(settings.first_fy, sm) + 12 * settings.horizon - 1
    b = last if last is not None else max(plan_end, a)
    return a, b


def _order(items: tuple[CostItem, ...]) -> list[CostItem]:
    """Items with every percent_of dependency before the items that use it."""
    by_id = {it.id: it for it in items}
    done: set[str] = set()
    out: list[CostItem] = []

    def visit(it: CostItem, stack: tuple[str, ...]) -> None:
        if it.id in done:
            return
        if it.id in stack:
            raise InputError(
                "percentage-of references form a cycle: "
                + " → ".join([*stack[stack.index(it.id) :], it.id])
            )
        for ref in it.percent_of.items if it.percent_of else ():
            if ref in by_id:
                visit(by_id[ref], (*stack, it.id))
        done.add(it.id)
        out.append(it)

    for it in items:
        visit(it, ())
    return out


@dataclass
class CostModel:
    """Every item's money by month, and the fiscal-year tables derived from it.

    ``monthly`` holds **twelfths of a yen**: a yearly amount paid over twelve months is
    then an exact whole number of twelfths each month, so no division (and no rounding)
    happens before the single rounding of each fiscal year. Build it with
    :func:`cost_model`; it is cached per workspace and set of overrides.
    """

    ws: Workspace
    values: dict[str, Decimal]
    monthly: dict[str, dict[int, Decimal]]

    @property
    def settings(self) -> Settings:
        return self.ws.settings

    def _rate_at(self, m: int) -> Decimal:
        return rate_at(self.settings.tax_table, m)

    def taxable(self, item_id: str) -> bool:
        """Whether consumption tax applies to an item (課税); 不課税 and 非課税 items
        carry no tax on either basis."""
        return self._treatments[item_id] == "taxable"

    @cached_property
    def _treatments(self) -> dict[str, str]:
        return {i.id: i.tax_treatment(self.settings) for i in self.ws.cost_items}

    def item_year(self, item_id: str, basis: Basis) -> dict[int, int]:
        """One item's integer yen per fiscal year on the given tax basis (all years).

        Rounding is cumulative: the running total of the exact amounts is rounded half-up
        and each (fiscal year, tax rate) group gets the difference, so the years of an
        item add up to its rounded whole-life total exactly, however it is prorated.
        """
        sm = self.settings.fy_start_month
        taxable = self.taxable(item_id)
        groups: dict[tuple[int, Decimal], Decimal] = defaultdict(Decimal)
        first_month: dict[tuple[int, Decimal], int] = {}
        for m, amount in sorted(self.monthly[item_id].items()):
            key = (fy_of_month(m, sm), self._rate_at(m) if taxable else Decimal(0))
            groups[key] += amount
            first_month.setdefault(key, m)
        out: dict[int, int] = defaultdict(int)
        entered = self.settings.amounts_entered
        running = Decimal(0)
        done = 0
        for key in sorted(groups, key=lambda k: first_month[k]):
            fy, rate = key
            running += groups[key]
            cumulative = int((running / TWELVE).quantize(ONE, rounding=ROUND_HALF_UP))
            rounded = cumulative - done
            done = cumulative
            excl, incl = split_rounded(rounded, rate, entered)
            out[fy] += incl if basis == "inclusive" else excl
        return dict(out)

    def monthly_flows(self, basis: Basis = "inclusive", kind: str = "cost") -> pd.DataFrame:
        """Exact (unrounded) amounts of ``kind`` per month and option, in yen.

        Index: the first day of each month in which anything is paid; columns: options.
        Tax is the rate in force that month applied to the exact amount — no rounding,
        because these flows feed discounting (:func:`dated_npv`), not a budget table.
        """
        entered = self.settings.amounts_entered
        flows: dict[tuple[int, str], Decimal] = defaultdict(Decimal)
        for item in self.ws.cost_items:
            if item.kind != kind:
                continue
            taxable = item.tax_treatment(self.settings) == "taxable"
            for m, twelfths in self.monthly[item.id].items():
                rate = self._rate_at(m) if taxable else Decimal(0)
                flows[(m, item.option)] += twelfths / TWELVE * basis_factor(rate, entered, basis)
        months = sorted({m for m, _ in flows})
        options = [o.id for o in self.ws.options]
        frame = pd.DataFrame(
            [[float(flows.get((m, o), Decimal(0))) for o in options] for m in months],
            index=pd.Index([month_start(m) for m in months], name="month"),
            columns=pd.Index(options, name="option"),
            dtype="float64",
        )
        frame.attrs.update(basis=basis, kind=kind)
        return frame

    def schedule(
        self, basis: Basis = "inclusive", kind: str = "cost", years: list[int] | None = None
    ) -> pd.DataFrame:
        """Items of ``kind`` × fiscal years (the plan's unless ``years``), integer yen."""
        years = years if years is not None else self.settings.fiscal_years
        rows: dict[tuple[str, str], list[int]] = {}
        for item in self.ws.cost_items:
            if item.kind != kind:
                continue
            by_year = self.item_year(item.id, basis)
            rows[(item.option, item.id)] = [by_year.get(fy, 0) for fy in years]
        index = pd.MultiIndex.from_tuples(list(rows), names=["option", "item"])
        frame = pd.DataFrame(
            list(rows.values()),
            index=index,
            columns=pd.Index(years, name="fiscal_year"),
            dtype="int64",
        )
        # Each item's consumption-tax treatment (taxable, non_taxable, exempt) travels
        # with the table, so a reader of the numbers can see which lines carry tax.
        tax = {item_id: self._treatments[item_id] for _, item_id in rows}
        frame.attrs.update(basis=basis, currency=self.settings.currency, kind=kind, tax=tax)
        return frame


# The models of a workspace live in a private attribute of that workspace, so they are freed
# with it: a module-level cache keyed by id() kept every workspace (and its models) alive
# for the life of the process, because each CostModel refers to its workspace.
_CACHE_ATTR = "_archplan_cost_models"


def _models(ws: Workspace) -> dict[tuple[object, ...], CostModel]:
    cache: dict[tuple[object, ...], CostModel] | None = ws.__dict__.get(_CACHE_ATTR)
    if cache is None:
        cache = {}
        object.__setattr__(ws, _CACHE_ATTR, cache)  # Workspace is frozen; this is a cache
    return cache


def cost_model(
    ws: Workspace, assumptions: dict[str, Decimal] | None = None, scenario: str | None = None
) -> CostModel:
    """Compute (or fetch from the cache) the monthly cost model of a workspace.

    Parameters
    ----------
    ws : Workspace
    assumptions : dict, optional
        Assumption values to use instead of the register's (what-if).
    scenario : str, optional
        A scenario from ``assumptions.yaml`` whose overrides apply first.
    """
    if scenario is not None and scenario not in ws.scenarios:
        raise InputError(
            f"unknown scenario {scenario!r}; known: " + (", ".join(ws.scenarios) or "none")
        )
    key = (scenario, tuple(sorted((k, str(v)) for k, v in (assumptions or {}).items())))
    models = _models(ws)
    if key in models:
        return models[key]
    values = {name: a.value for name, a in ws.assumptions.items()}
    if scenario is not None:
        values.update(ws.scenarios[scenario])
    for k, v in (assumptions or {}).items():
        if k not in values:
            raise InputError(f"unknown assumption {k!r}")
        values[k] = Decimal(str(v))
    model = CostModel(ws, values, _monthly(ws, values))
    models[key] = model
    return model


def layout(item: CostItem, settings: Settings, driver: Driver | None = None) -> dict[int, int]:
    """When an item pays: absolute month → **twelfths of a period** paid that month.

    A one-off purchase pays one whole period (12) in its start month and again every
    ``every`` years; a yearly amount 1/12 of a period (1) each active month; a monthly
    amount a whole period (12) each active month; an amount that is a whole fiscal year's
    (``percent_of`` with ``same_year``) is spread like a yearly one. Shared by the exact
    engine and the simulation, so both pay the same months.

    Examples
    --------
    >>> from archplan.workspace.model import Settings
    >>> s = Settings(title="t", first_fy=2026, horizon=2)
    >>> it = CostItem("x", "o", "x", "cloud", "one-off", 2026, every=1)
    >>> sorted(layout(it, s).items())  # April 2026 and April 2027, one period each
    [(24315, 12), (24327, 12)]
    """
    a, b = item_span(item, settings)
    out: dict[int, int] = defaultdict(int)
    if item.nature == "one-off":
        step = 12 * item.every if item.every else None
        last = b if (item.end is not None or step) else a
        m = a
        while m <= last:
            out[m] += 12
            if step is None:
                break
            m += step
        return dict(out)
    yearly = item.period == "year" or (driver or driver_for(item)).per_year_total(item)
    return dict.fromkeys(range(a, b + 1), 1 if yearly else 12)


def _monthly(ws: Workspace, values: dict[str, Decimal]) -> dict[str, dict[int, Decimal]]:
    """Every item's twelfths of a yen by absolute month, as entered (before tax).

    The driver (:mod:`archplan.costs.drivers`) prices one period of each fiscal year;
    :func:`layout` says which months pay how much of a period; the currency is converted
    here. The months hold twelfths of a yen so that no division happens before rounding.
    """
    s = ws.settings
    sm = s.fy_start_month
    out: dict[str, dict[int, Decimal]] = {}
    for item in _order(ws.cost_items):
        driver = driver_for(item)
        months = layout(item, s, driver)
        first, last = (min(months), max(months)) if months else item_span(item, s)
        ctx = ExactContext(s, values, fy_of_month(first, sm), fy_of_month(last, sm), out)
        fx_name = exchange_rate_name(item, s)
        fx = values[fx_name] if fx_name is not None else ONE
        per_fy: dict[int, Decimal] = {}
        paid: dict[int, Decimal] = {}
        for m, twelfths in months.items():
            fy = fy_of_month(m, sm)
            if fy not in per_fy:
                per_fy[fy] = driver.exact(item, fy, ctx) * fx
            paid[m] = per_fy[fy] * twelfths
        out[item.id] = paid
    return out
