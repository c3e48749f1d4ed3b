"""What it costs to wait: starting an option (or a change) one or two fiscal years later,
and the economic replacement interval of a recurring refresh.

Starting ``d`` years later (``docs/timing.md``):

* the option's whole plan moves ``d`` years later — its one-off items, and the start
  **and end** of its recurring items — so it buys the same years of service, ``d`` years
  later; each scenario is costed over the plan extended by its delay (FY first … last +
  ``d``), so that the end of the plan never cuts off part of what the delayed option buys
  (cutting it off made waiting look cheaper by a year of the option's running costs);
* meanwhile the current system (``components.yaml``: ``current``) keeps running: its
  recurring items — running costs and extended support — are paid until the option goes
  live (``go_live``, ``d`` years later), or for the first ``d`` years;
* for the current option itself, or for a *change* (``items=``), only the named one-off
  items move; the recurring items stay where the plan has them.

Totals are tax-inclusive; ``extra`` is what the delay adds: ``d`` more years of the
current system, and the option's price escalation over ``d`` years.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from archplan.costs.discount import equivalent_annual_cost, npv
from archplan.costs.tables import item_schedule, yearly_totals
from archplan.errors import InputError
from archplan.timing.analysis import component_uses, timing_events
from archplan.workspace.components import add_years
from archplan.workspace.consistency import go_live_month
from archplan.workspace.model import Component, CostItem, Workspace

__all__ = ["cost_of_waiting", "replacement_interval", "replacement_intervals", "shift_item"]


def shift_item(item: CostItem, years: int, *, keep_end: bool = True) -> CostItem:
    """The item ``years`` fiscal years later (its start; its end too unless ``keep_end``).

    Examples
    --------
    >>> from archplan.workspace.model import CostItem
    >>> it = CostItem("x", "o", "X", "build", "one-off", "2026-10")
    >>> shift_item(it, 2).start
    '2028-10'
    """

    def move(w: int | str) -> int | str:
        if isinstance(w, int):
            return w + years
        y, m = w.split("-")
        return f"{int(y) + years:04d}-{m}"

    end = item.end
    if end is not None and not keep_end:
        end = move(end)
    return dataclasses.replace(item, start=move(item.start), end=end)


def _later(w: int | str, years: int) -> int | str:
    if isinstance(w, int):
        return w + years
    return f"{int(w[:4]) + years:04d}{w[4:]}"


def _month_of(w: int | str, sm: int, *, first: bool) -> int:
    """Absolute month (year × 12 + month − 1) of a fiscal year's first or last month, or of
    a ``YYYY-MM`` month."""
    if isinstance(w, int):
        return w * 12 + sm - 1 + (0 if first else 11)
    y, m = w.split("-")
    return int(y) * 12 + int(m) - 1


def _starts_after(item: CostItem, end: int | str | None, sm: int) -> bool:
    if end is None:
        return False

    def month(w: int | str, first: bool) -> int:
        if isinstance(w, int):
            return w * 12 + sm - 1 + (0 if first else 11)
        y, m = w.split("-")
        return int(y) * 12 + int(m) - 1

    return month(item.start, True) > month(end, False)


def cost_of_waiting(
    ws: Workspace,
    option: str,
    delays: Sequence[int] = (0, 1, 2),
    items: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Totals, NPV and EAC of starting ``option`` now, a year later, two years later.

    Parameters
    ----------
    ws : Workspace
    option : str
        The option that would start later.
    delays : sequence of int
        Years of delay (0 = as planned); each must be shorter than the plan.
    items : iterable of str, optional
        Move only these items of ``option`` (a change, such as an upgrade); the rest of
        the option stays as planned and nothing of the current system is added.

    Returns
    -------
    DataFrame
        Index ``delay``; columns ``start_fy``, ``total`` (int yen, tax-inclusive, over
        the plan extended by the delay), ``current_system`` (the part paid to keep the
        current system running), ``option_cost`` (the rest: the option's own plan, moved),
        ``years`` (the fiscal years the row covers: the plan's and the delay's for a
        delayed option, the plan's for a change), ``npv`` (the first fiscal year of the
        plan at time 0 for every row), ``eac`` (the NPV spread over ``years``),
        ``open_ends`` (support or contract ends the shifted plan leaves uncovered, see
        :func:`~archplan.timing.analysis.timing_events`), ``extra`` (total minus the
        no-delay total), ``extra_npv``, ``benefit`` (the option's benefit items, which
        move with it), ``lost_benefit`` (the no-delay benefit minus this row's: not zero
        only when escalation or growth changes the benefits by moving them) and
        ``net_extra`` (``extra`` + ``lost_benefit``). The yearly amounts are in
        ``attrs["yearly"]`` (fiscal years × delays, 0 outside a row's years).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> t = cost_of_waiting(load_workspace("data/examples/food-lab"), "saas")
    >>> t["start_fy"].tolist(), t["years"].tolist(), bool(t.loc[1, "extra"] > 0)
    ([2026, 2027, 2028], [5, 6, 7], True)
    >>> t["option_cost"].nunique()  # the same plan (no escalation), later
    1
    """
    ws.option(option)
    s = ws.settings
    sm = s.fy_start_month
    current = ws.current_option
    chosen = set(items) if items is not None else None
    if chosen is not None:
        unknown = chosen - {i.id for i in ws.cost_items if i.option == option}
        if unknown:
            raise InputError(f"no item {sorted(unknown)[0]!r} in option {option!r}")
    mine = [i for i in ws.cost_items if i.option == option]
    last_fy = s.first_fy + s.horizon - 1
    rows = []
    yearly: dict[int, pd.Series] = {}
    for d in delays:
        if not 0 <= d < s.horizon:
            raise InputError(f"a delay of {d} years does not fit a {s.horizon}-year plan")
        # Every scenario runs over the plan extended by its delay (FY first … last + d), so
        # that nothing the plan buys is cut off by the end of the plan: the option starting
        # d years later gets the same years of service, d years later (docs/timing.md).
        wide = dataclasses.replace(s, horizon=s.horizon + d)
        delayed = chosen is None and option != current
        moved: list[CostItem] = []
        for it in mine:
            if delayed:
                moved.append(shift_item(it, d, keep_end=False))  # the whole plan moves
            elif chosen is not None:
                moved.append(_pinned(shift_item(it, d) if it.id in chosen else it, last_fy))
            else:  # the current option itself: only its one-off items move
                moved.append(_pinned(shift_item(it, d) if it.nature == "one-off" else it, last_fy))
        keep: list[CostItem] = []
        live = ws.option(option).go_live
        if chosen is None and current is not None and current != option and live is not None:
            # The current system runs until the option goes live (options.yaml: go_live),
            # d years later when the option starts d years later: its running costs up to
            # the month before, in the years they fall in (so the NPV discounts them there).
            until = go_live_month(live, sm) + 12 * d - 1
            for it in ws.cost_items:
                if it.option != current or it.nature == "one-off" or it.kind != "cost":
                    continue
                end = it.end
                end_m = None if end is None else _month_of(end, sm, first=False)
                if end_m is None or end_m > until:
                    it = dataclasses.replace(it, end=f"{until // 12:04d}-{until % 12 + 1:02d}")
                if not _starts_after(it, it.end, sm):
                    keep.append(it)
        elif d and chosen is None and current is not None and current != option:
            # Without a declared go-live: the current system runs the first d fiscal years.
            last = s.first_fy + d - 1
            for it in ws.cost_items:
                if it.option != current or it.nature == "one-off" or it.kind != "cost":
                    continue
                end = it.end
                clipped = dataclasses.replace(
                    it, end=last if end is None or (isinstance(end, int) and end > last) else end
                )
                if (
                    isinstance(clipped.end, str)
                    and int(clipped.end[:4]) * 12 + int(clipped.end[5:]) - 1 > last * 12 + sm + 10
                ):
                    clipped = dataclasses.replace(clipped, end=last)
                if not _starts_after(clipped, clipped.end, sm):
                    keep.append(clipped)
        comps = _shifted_components(ws, option, d if delayed else 0, last_fy)
        trial = dataclasses.replace(
            ws, settings=wide, cost_items=tuple(moved + keep), components=comps
        )
        events = timing_events(trial)
        open_ends = int((~events.covered & (events.option == option)).sum()) if len(events) else 0
        by_year = yearly_totals(trial)
        ben = item_schedule(trial, kind="benefit")
        benefit = (
            int(ben.xs(option, level="option").to_numpy().sum())
            if option in ben.index.get_level_values("option")
            else 0
        )
        series = by_year[option] + (by_year[current] if keep and current else 0)
        yearly[d] = series.astype("int64")
        cur = int(by_year[current].sum()) if keep and current else 0
        value = npv(s.discount_rate, series.tolist(), s.discount_timing)
        # A delayed option covers the plan's years and the delay's; a change does not
        # add years of service (its recurring items stay where they are).
        years = s.horizon + d if delayed else s.horizon
        rows.append(
            {
                "delay": d,
                "start_fy": s.first_fy + d,
                "total": int(series.sum()),
                "current_system": cur,
                "option_cost": int(series.sum()) - cur,
                "years": years,
                "npv": value,
                # Per year of the years this scenario covers (the plan and its delay).
                "eac": equivalent_annual_cost(s.discount_rate, years, value, s.discount_timing),
                "open_ends": open_ends,
                "benefit": benefit,
            }
        )
    out = pd.DataFrame(rows).set_index("delay")
    # Differences against no delay (or the shortest delay asked for).
    ref = 0 if 0 in out.index else int(out.index.min())
    base = int(out["total"].to_dict()[ref])
    base_npv = float(out["npv"].to_dict()[ref])
    base_benefit = int(out["benefit"].to_dict()[ref])
    out["extra"] = (out["total"] - base).astype("int64")
    out["extra_npv"] = out["npv"] - base_npv
    out["lost_benefit"] = (-(out["benefit"] - base_benefit)).astype("int64")
    out["net_extra"] = out["extra"] + out["lost_benefit"]
    out.attrs.update(
        option=option,
        current=current,
        yearly=pd.DataFrame(yearly)
        .fillna(0)
        .astype("int64")
        .rename_axis(index="fy", columns="delay"),
    )
    return out


def _pinned(item: CostItem, last_fy: int) -> CostItem:
    """An item that runs to the end of the plan, ending there for good (the plan is
    extended by the delay; items that do not move stop where the plan stops)."""
    if item.end is None and (item.nature != "one-off" or item.every):
        return dataclasses.replace(item, end=last_fy)
    return item


def _shifted_components(ws: Workspace, option: str, d: int, last_fy: int) -> tuple[Component, ...]:
    """The components as a delay of ``d`` years leaves them: the delayed option uses the
    current system's components ``d`` years longer, and its own SaaS contract starts and
    ends ``d`` years later; the other options use theirs to the end of the plan as
    planned (not into the extension)."""
    out = []
    for c in ws.components:
        uses = tuple(
            (o, (last_fy + d if u is None else _later(u, d)) if o == option else (u or last_fy))
            for o, u in component_uses(ws, c)
        )
        c2 = dataclasses.replace(c, uses=uses)
        if d and c.kind == "saas" and c.options == (option,):
            c2 = dataclasses.replace(
                c2,
                contract_start=add_years(c.contract_start, d) if c.contract_start else None,
                contract_end=add_years(c.contract_end, d) if c.contract_end else None,
            )
        out.append(c2)
    return tuple(out)


def replacement_interval(
    capital: float,
    running_by_age: Sequence[float],
    rate: float,
    salvage_by_age: Sequence[float] | None = None,
) -> pd.DataFrame:
    """The economic replacement interval: the cycle length with the lowest equivalent
    annual cost (EAC) when an asset bought for ``capital`` costs ``running_by_age[k]``
    in its year ``k + 1`` and can be sold for ``salvage_by_age[k]`` after ``k + 1`` years.

    Purchase at time 0, running costs at the end of each year of age, salvage at the end
    of the cycle; EAC = PV × r / (1 − (1 + r)^−n), paid at each year's end.

    Returns
    -------
    DataFrame
        Index ``years`` (1 … len(running_by_age)); columns ``pv`` and ``eac``; the best
        interval in ``attrs["best"]``.

    Examples
    --------
    >>> t = replacement_interval(1000, [100, 200, 300, 400], 0.0)
    >>> t["eac"].round(2).tolist(), t.attrs["best"]
    ([1100.0, 650.0, 533.33, 500.0], 4)
    """
    if capital < 0 or rate <= -1:
        raise InputError("capital must be non-negative and the rate above -100 %")
    n = len(running_by_age)
    if n == 0:
        raise InputError("give the running cost of at least one year of age")
    salvage = list(salvage_by_age) if salvage_by_age is not None else [0.0] * n
    if len(salvage) != n:
        raise InputError("salvage_by_age must have one value per year of age")
    disc = (1 + rate) ** -np.arange(1, n + 1)
    pv_running = np.cumsum(np.asarray(running_by_age, dtype=float) * disc)
    pv = capital + pv_running - np.asarray(salvage, dtype=float) * disc
    eac = [equivalent_annual_cost(rate, k + 1, float(v), "end") for k, v in enumerate(pv)]
    out = pd.DataFrame({"pv": pv, "eac": eac}, index=pd.RangeIndex(1, n + 1, name="years"))
    out.attrs["best"] = int(np.argmin(out["eac"].to_numpy())) + 1
    return out


def replacement_intervals(ws: Workspace) -> dict[str, pd.DataFrame]:
    """The economic replacement interval of every component that declares its
    ``replacement`` costs in ``components.yaml``, at the workspace's discount rate.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> t = replacement_intervals(load_workspace("data/examples/food-lab"))["server"]
    >>> t.attrs["best"]
    7
    """
    out: dict[str, pd.DataFrame] = {}
    for c in ws.components:
        if c.capital is None or not c.running_by_age:
            continue
        table = replacement_interval(
            float(c.capital),
            [float(v) for v in c.running_by_age],
            ws.settings.discount_rate,
            [float(v) for v in c.salvage_by_age] if c.salvage_by_age else None,
        )
        table.attrs["component"] = c.id
        out[c.id] = table
    return out
