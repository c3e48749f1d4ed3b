"""What it costs to wait: starting an option (or a change) one or two fiscal years later,
and the economic replacement interval of a recurring refresh.

Starting ``d`` years later (``docs/timing.md``):

* the option's one-off items move ``d`` years later (so does the start of its recurring
  items; they still end where the plan says), within the same plan horizon;
* meanwhile the current system (``components.yaml``: ``current``) keeps running: its
  recurring items — running costs and extended support — are paid for the ``d`` years;
* for the current option itself, or for a *change* (``items=``), only the named one-off
  items move.

The totals are over the same fiscal years, tax-inclusive, so the rows compare directly.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from archplan.costs.discount import equivalent_annual_cost, npv
from archplan.costs.tables import item_schedule, yearly_totals
from archplan.errors import InputError
from archplan.timing.analysis import timing_events
from archplan.workspace.consistency import go_live_month
from archplan.workspace.model import CostItem, Workspace

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
        Index ``delay``; columns ``start_fy``, ``total`` (int yen, tax-inclusive),
        ``current_system`` (the part paid to keep the current system running), ``npv``,
        ``eac``, ``open_ends`` (support or contract ends the shifted plan leaves uncovered,
        see :func:`~archplan.timing.analysis.timing_events`), ``extra`` (total minus the
        no-delay total), ``extra_npv``, ``benefit`` (the option's benefit items over the
        plan, which move with it), ``lost_benefit`` (benefits no longer inside the plan)
        and ``net_extra`` (``extra`` + ``lost_benefit``: what waiting really costs when
        the option also saves money). The yearly
        amounts are in ``attrs["yearly"]`` (fiscal years × delays).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> t = cost_of_waiting(load_workspace("data/examples/food-lab"), "saas")
    >>> t["start_fy"].tolist(), bool(t.loc[1, "extra"] > 0)
    ([2026, 2027, 2028], True)
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
    rows = []
    yearly: dict[int, pd.Series] = {}
    for d in delays:
        if not 0 <= d < s.horizon:
            raise InputError(f"a delay of {d} years does not fit a {s.horizon}-year plan")
        moved: list[CostItem] = []
        for it in mine:
            if chosen is not None:
                moved.append(shift_item(it, d) if it.id in chosen else it)
            elif option == current:
                moved.append(shift_item(it, d) if it.nature == "one-off" else it)
            else:
                new = shift_item(it, d)
                if not _starts_after(new, new.end, sm):
                    moved.append(new)
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
        comps = ws.components
        if d and chosen is None and option != current:
            # The option replaces the current system d years later: it uses the current
            # system's components d years longer.
            comps = tuple(
                dataclasses.replace(
                    c,
                    uses=tuple(
                        (o, _later(u, d) if o == option and u is not None else u) for o, u in c.uses
                    ),
                )
                for c in ws.components
            )
        trial = dataclasses.replace(ws, cost_items=tuple(moved + keep), components=comps)
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
        rows.append(
            {
                "delay": d,
                "start_fy": s.first_fy + d,
                "total": int(series.sum()),
                "current_system": cur,
                "npv": value,
                "eac": equivalent_annual_cost(s.discount_rate, s.horizon, value, s.discount_timing),
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
        yearly=pd.DataFrame(yearly).rename_axis(index="fy", columns="delay"),
    )
    return out


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
