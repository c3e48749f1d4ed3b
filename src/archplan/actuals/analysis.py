"""Plan beside actual: variance, burn, forecasts, contracts, earned value, 予算額・執行額.

Pure functions of a loaded workspace (no I/O). Every amount is integer yen,
tax-inclusive; the plan's months come from the cost engine (:func:`monthly_plan`), the
actuals from ``ws.actuals.entries`` (mapped entries of the option in execution, months up
to and including the *as-of* month).

Forecasts (both are given, and named, because neither is always right):

- **plan forecast** = actual to date + the plan's remaining months (the rest of the year
  goes as planned);
- **run-rate forecast** = actual to date + the mean monthly actual of the last three
  months up to the as-of month (of any fiscal year) in which the item was active
  (planned or paid; fewer when fewer were)
  × the remaining months in which the plan has an amount for that item (a one-off item
  that is paid for gets nothing more); computed per item and summed for categories, the
  option and totals.

Earned value (where ``milestones:`` exist): PV = Σ value of milestones due by the as-of
month; EV = Σ value of milestones done by then (plus ``percent`` × value of those under
way); AC = actual to date of the milestones' items; BAC = Σ value; CPI = EV / AC;
SPI = EV / PV; EAC (CPI) = BAC / CPI; EAC (additive) = AC + (BAC − EV); VAC = BAC − EAC (CPI).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from archplan.actuals.model import Actuals
from archplan.costs.engine import TWELVE, cost_model, fy_of_month, month_number
from archplan.errors import InputError
from archplan.workspace.model import Workspace

__all__ = [
    "budget_execution",
    "contract_status",
    "earned_value",
    "monthly_actual",
    "monthly_plan",
    "plan_end_forecast",
    "plan_vs_actual",
    "reconciliation",
    "year_summary",
]

ONE = Decimal(1)
TOTAL = "total"
RUN_RATE_MONTHS = 3


def _m(label: str) -> int:
    return month_number(int(label[:4]), int(label[5:7]))


def _label(m: int) -> str:
    return f"{m // 12:04d}-{m % 12 + 1:02d}"


def fy_months(fy: int, start_month: int = 4) -> list[str]:
    """The twelve months of a fiscal year as ``YYYY-MM``.

    Examples
    --------
    >>> fy_months(2026)[0], fy_months(2026)[-1]
    ('2026-04', '2027-03')
    """
    first = month_number(fy, start_month)
    return [_label(first + k) for k in range(12)]


def _actuals(ws: Workspace) -> Actuals:
    if ws.actuals is None:
        raise InputError(
            f"workspace {ws.root} has no actuals (add actuals/actuals.yaml; see docs/actuals.md)"
        )
    return ws.actuals


def _option(ws: Workspace, option: str | None) -> str:
    act = _actuals(ws)
    opt = option or act.option
    if opt is None:
        raise InputError(
            "no option in execution: accept a decision record that names its chosen option, "
            "or set option: in actuals/actuals.yaml"
        )
    if opt not in {o.id for o in ws.options}:
        raise InputError(f"unknown option {opt!r}")
    return opt


def _as_of(ws: Workspace, as_of: str | date | None) -> str:
    return _actuals(ws).as_of_month(as_of)


def monthly_plan(ws: Workspace, option: str | None = None) -> pd.DataFrame:
    """The plan by item and month (integer yen, tax-inclusive) over the plan's years.

    Months are rounded half-up cumulatively within each fiscal year, so an item's months
    add up exactly to its fiscal-year amount in :func:`archplan.cost_table`.

    Returns
    -------
    DataFrame
        Index ``item``, columns the months (``YYYY-MM``); ``attrs["category"]`` maps
        items to categories.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ws = load_workspace("data/examples/vaccine-booking")
    >>> plan = monthly_plan(ws, "saas")
    >>> int(plan.loc["saas-support", "2026-09"])   # 850,000 a month + 10 % tax
    935000
    """
    opt = option or (ws.actuals.option if ws.actuals else None)
    model = cost_model(ws)
    s = ws.settings
    first = month_number(s.first_fy, s.fy_start_month)
    months = [_label(first + k) for k in range(12 * s.horizon)]
    rows: dict[str, list[int]] = {}
    for item in ws.cost_items:
        if item.kind != "cost" or (opt is not None and item.option != opt):
            continue
        by_fy: dict[int, list[tuple[int, Decimal]]] = defaultdict(list)
        for m, twelfths in sorted(model.monthly[item.id].items()):
            amount = twelfths / TWELVE
            rate = model._rate_at(m)
            if s.amounts_entered == "exclusive":
                amount *= ONE + rate
            by_fy[fy_of_month(m, s.fy_start_month)].append((m, amount))
        years = model.item_year(item.id, "inclusive")
        values: dict[int, int] = {}
        for fy, flows in by_fy.items():
            running, done = Decimal(0), 0
            for m, amount in flows:
                running += amount
                cum = int(running.quantize(ONE, rounding=ROUND_HALF_UP))
                values[m] = cum - done
                done = cum
            # The engine rounds tax per year: put any yen of difference on the last month.
            last = max((m for m, _ in flows if values[m] != 0), default=flows[-1][0])
            values[last] += years.get(fy, 0) - done
        rows[item.id] = [values.get(first + k, 0) for k in range(12 * s.horizon)]
    frame = pd.DataFrame(
        list(rows.values()),
        index=pd.Index(list(rows), name="item"),
        columns=pd.Index(months, name="month"),
        dtype="int64",
    )
    frame.attrs["category"] = {i.id: i.category for i in ws.cost_items}
    return frame


def monthly_actual(
    ws: Workspace, option: str | None = None, as_of: str | date | None = None
) -> pd.DataFrame:
    """Mapped actuals by item and month up to the as-of month (integer yen, tax-inclusive).

    Amounts a ledger booked to a category rather than an item have the row
    ``category:<name>``.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ws = load_workspace("data/examples/vaccine-booking")
    >>> int(monthly_actual(ws).loc["saas-setup"].sum())
    10351600
    """
    act = _actuals(ws)
    opt = _option(ws, option)
    cut = _as_of(ws, as_of)
    e = act.entries
    cats = {i.category for i in ws.cost_items if i.option == opt}
    mine = e[
        (e["status"] == "mapped")
        & (e["month"] <= cut)
        & ((e["option"] == opt) | ((e["item"] == "") & e["category"].isin(cats)))
    ]
    key = mine["item"].where(mine["item"] != "", "category:" + mine["category"])
    frame = pd.DataFrame({"item": key, "month": mine["month"], "yen": mine["yen"]})
    table = frame.pivot_table(
        index="item", columns="month", values="yen", aggfunc="sum", fill_value=0
    )
    return table.astype("int64")


def _long(
    ws: Workspace, fy: int | None, by: str, option: str | None, as_of: str | date | None
) -> tuple[pd.DataFrame, pd.DataFrame, list[str], str, dict[str, str]]:
    """Plan and actual as (key × month) frames for one fiscal year."""
    if by not in ("item", "category", "option"):
        raise InputError(f"by={by!r}: use 'item', 'category' or 'option'")
    opt = _option(ws, option)
    cut = _as_of(ws, as_of)
    sm = ws.settings.fy_start_month
    year = fy if fy is not None else fy_of_month(_m(cut), sm)
    months = fy_months(year, sm)
    plan = monthly_plan(ws, opt).reindex(columns=months, fill_value=0)
    actual = monthly_actual(ws, opt, cut).reindex(columns=months, fill_value=0)
    cats = {i.id: i.category for i in ws.cost_items}
    names = {i.id: i.name for i in ws.cost_items}
    for k in actual.index:
        if k.startswith("category:"):
            cats[k] = k.split(":", 1)[1]
            names[k] = k
    if by == "category":
        plan = plan.groupby(plan.index.map(cats)).sum()
        actual = actual.groupby(actual.index.map(lambda k: cats.get(k, k))).sum()
        names = {c: c for c in set(plan.index) | set(actual.index)}
    elif by == "option":
        plan = pd.DataFrame([plan.sum()], index=[opt])
        actual = pd.DataFrame([actual.sum()], index=[opt])
        names = {opt: ws.option(opt).name}
    keys = list(dict.fromkeys([*plan.index, *actual.index]))
    plan = plan.reindex(index=keys, fill_value=0).astype("int64")
    actual = actual.reindex(index=keys, fill_value=0).astype("int64")
    plan.index.name = actual.index.name = by
    elapsed = [m for m in months if m <= cut]
    return plan, actual, elapsed, str(year), names


def plan_vs_actual(
    ws: Workspace,
    by: str = "item",
    fiscal_year: int | None = None,
    option: str | None = None,
    as_of: str | date | None = None,
) -> pd.DataFrame:
    """Plan and actual by month for one fiscal year (the as-of month's by default).

    Returns
    -------
    DataFrame
        Index ``(by, month)``; columns ``plan``, ``actual`` (``<NA>`` for months after
        the as-of month), ``variance`` (actual − plan), ``variance_pct``, ``cum_plan``,
        ``cum_actual``, ``burn_pct`` (cumulative actual ÷ the year's budget) and
        ``over`` (cumulative actual above cumulative plan).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ws = load_workspace("data/examples/vaccine-booking")
    >>> t = plan_vs_actual(ws, by="option")
    >>> t.loc[("saas", "2026-10"), ["plan", "actual"]].tolist()  # 66,000 + 1,584,000 + 935,000
    [2585000, 3114888]
    """
    plan, actual, elapsed, _, _ = _long(ws, fiscal_year, by, option, as_of)
    rows: list[tuple[object, ...]] = []
    for key in plan.index:
        budget = int(plan.loc[key].sum())
        cp = ca = 0
        for m in plan.columns:
            p = int(plan.loc[key, m])
            cp += p
            if m in elapsed:
                a = int(actual.loc[key, m])
                ca += a
                rows.append(
                    (key, m, p, a, a - p, _pct(a - p, p), cp, ca, _pct(ca, budget), ca > cp)
                )
            else:
                rows.append((key, m, p, pd.NA, pd.NA, None, cp, pd.NA, None, pd.NA))
    frame = pd.DataFrame(
        rows,
        columns=[
            plan.index.name,
            "month",
            "plan",
            "actual",
            "variance",
            "variance_pct",
            "cum_plan",
            "cum_actual",
            "burn_pct",
            "over",
        ],
    ).set_index([plan.index.name, "month"])
    for c in ("plan", "actual", "variance", "cum_plan", "cum_actual"):
        frame[c] = frame[c].astype("Int64")
    frame["variance_pct"] = frame["variance_pct"].astype("float64")
    frame["burn_pct"] = frame["burn_pct"].astype("float64")
    frame["over"] = frame["over"].astype("boolean")
    return frame


def _pct(num: int, den: int) -> float | None:
    return None if den == 0 else round(100.0 * num / den, 1)


def _grouper(ws: Workspace, by: str, option: str | None) -> Callable[[str], str]:
    """Item key → its category or option (``category:x`` rows → ``x``)."""
    cats = {i.id: i.category for i in ws.cost_items}
    opt = _option(ws, option)

    def group(key: str) -> str:
        if by == "option":
            return opt
        return cats.get(key, key.split(":", 1)[-1])

    return group


def _run_rate(actual: pd.Series, elapsed: list[str], plan: pd.Series) -> Decimal | None:
    """The mean actual of the last active months; None when no month has been active yet
    (an item that has not started has no pace: its forecast is its plan)."""
    active = [m for m in elapsed if plan[m] != 0 or actual[m] != 0]
    last = active[-RUN_RATE_MONTHS:]
    if not last:
        return None
    return Decimal(int(actual[last].sum())) / len(last)


def _run_on(atd: int, rate: Decimal | None, months_left: int, rest: int) -> int:
    """Actual to date + the pace × the months left; the remaining plan without a pace."""
    if rate is None:
        return atd + rest
    return atd + int((rate * months_left).quantize(ONE, ROUND_HALF_UP))


def year_summary(
    ws: Workspace,
    by: str = "item",
    fiscal_year: int | None = None,
    option: str | None = None,
    as_of: str | date | None = None,
) -> pd.DataFrame:
    """The year so far and where it will land, per row and in total.

    Returns
    -------
    DataFrame
        Index ``by`` plus a ``total`` row; columns ``name``, ``budget`` (the year's plan),
        ``plan_to_date``, ``actual_to_date``, ``variance``, ``variance_pct``, ``burn_pct``
        (actual ÷ budget), ``remaining`` (budget − actual), ``forecast_plan``,
        ``forecast_run_rate``, ``forecast_over`` (plan forecast − budget) and
        ``first_overrun`` (the first month in which the cumulative actual exceeded the
        cumulative plan, ``""`` if never). ``attrs``: fiscal year, as-of month, option.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ws = load_workspace("data/examples/vaccine-booking")
    >>> s = year_summary(ws)
    >>> s.loc["saas-fee", "first_overrun"]
    '2026-09'
    """
    plan, actual, elapsed, year, names = _long(ws, fiscal_year, by, option, as_of)
    # Run rates look back over the last active months up to the as-of month, whatever
    # their fiscal year (so April, or a future year, still has a rate).
    rates: dict[str, Decimal | None] = {}
    if by == "item":
        opt_, cut = _option(ws, option), _as_of(ws, as_of)
        full_plan = monthly_plan(ws, opt_)
        full_act = monthly_actual(ws, opt_, cut).reindex(columns=full_plan.columns, fill_value=0)
        past = [m for m in full_plan.columns if m <= cut]
        for key in plan.index:
            p_row = (
                full_plan.loc[key]
                if key in full_plan.index
                else pd.Series(0, index=full_plan.columns)
            )
            a_row = (
                full_act.loc[key]
                if key in full_act.index
                else pd.Series(0, index=full_plan.columns)
            )
            rates[key] = _run_rate(a_row, past, p_row)
    months = list(plan.columns)
    remaining = [m for m in months if m not in elapsed]
    grouped_rr = None
    if by != "item":  # run rates are per item, so a paid one-off does not run on
        items = year_summary(ws, "item", fiscal_year, option, as_of)
        rr_items = items["forecast_run_rate"].drop(TOTAL)
        grouped_rr = rr_items.groupby(rr_items.index.map(_grouper(ws, by, option))).sum()
    rows = []
    for key in plan.index:
        budget = int(plan.loc[key].sum())
        ptd = int(plan.loc[key, elapsed].sum())
        atd = int(actual.loc[key, elapsed].sum())
        rest = int(plan.loc[key, remaining].sum())
        planned_left = sum(1 for m in remaining if plan.loc[key, m] != 0)
        rr = _run_on(atd, rates.get(key, Decimal(0)), planned_left, rest)
        if grouped_rr is not None:
            rr = int(grouped_rr.get(key, rr))
        first = ""
        cp = ca = 0
        for m in elapsed:
            cp += int(plan.loc[key, m])
            ca += int(actual.loc[key, m])
            if ca > cp:
                first = m
                break
        rows.append(
            [
                key,
                names.get(key, key),
                budget,
                ptd,
                atd,
                atd - ptd,
                _pct(atd - ptd, ptd),
                _pct(atd, budget),
                budget - atd,
                atd + rest,
                rr,
                atd + rest - budget,
                first,
            ]
        )
    cols = [
        "key",
        "name",
        "budget",
        "plan_to_date",
        "actual_to_date",
        "variance",
        "variance_pct",
        "burn_pct",
        "remaining",
        "forecast_plan",
        "forecast_run_rate",
        "forecast_over",
        "first_overrun",
    ]
    frame = pd.DataFrame(rows, columns=cols).set_index("key")
    money = [
        "budget",
        "plan_to_date",
        "actual_to_date",
        "variance",
        "remaining",
        "forecast_plan",
        "forecast_run_rate",
        "forecast_over",
    ]
    total = frame[money].sum()
    firsts = [f for f in frame["first_overrun"] if f]
    tot = {
        **{c: int(total[c]) for c in money},
        "name": TOTAL,
        "variance_pct": _pct(int(total["variance"]), int(total["plan_to_date"])),
        "burn_pct": _pct(int(total["actual_to_date"]), int(total["budget"])),
        "first_overrun": "",
    }
    cum_p = plan.sum()
    cum_a = actual.sum()
    cp = ca = 0
    for m in elapsed:
        cp += int(cum_p[m])
        ca += int(cum_a[m])
        if ca > cp:
            tot["first_overrun"] = m
            break
    frame.loc[TOTAL] = pd.Series(tot)
    frame.index.name = by
    for c in money:
        frame[c] = frame[c].astype("int64")
    frame["variance_pct"] = frame["variance_pct"].astype("float64")
    frame["burn_pct"] = frame["burn_pct"].astype("float64")
    frame.attrs.update(
        fiscal_year=int(year),
        as_of=_as_of(ws, as_of),
        option=_option(ws, option),
        elapsed=len(elapsed),
        overruns=len(firsts),
    )
    return frame


def plan_end_forecast(
    ws: Workspace, by: str = "item", option: str | None = None, as_of: str | date | None = None
) -> pd.DataFrame:
    """Where each row lands at the end of the plan (all its fiscal years).

    Columns ``plan_total``, ``actual_to_date``, ``forecast_plan`` (actual + the plan's
    remaining months), ``forecast_run_rate`` (actual + the last three months' mean actual
    × the remaining months with a planned amount) and ``forecast_over`` (plan forecast −
    plan total); a ``total`` row.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> f = plan_end_forecast(load_workspace("data/examples/vaccine-booking"))
    >>> int(f.loc["saas-setup", "forecast_over"])   # the setup ran 451,600 yen over
    451600
    """
    if by not in ("item", "category", "option"):
        raise InputError(f"by={by!r}: use 'item', 'category' or 'option'")
    opt = _option(ws, option)
    cut = _as_of(ws, as_of)
    plan = monthly_plan(ws, opt)
    actual = monthly_actual(ws, opt, cut).reindex(columns=plan.columns, fill_value=0)
    keys = list(dict.fromkeys([*plan.index, *actual.index]))
    plan = plan.reindex(index=keys, fill_value=0)
    actual = actual.reindex(index=keys, fill_value=0)
    cats = {i.id: i.category for i in ws.cost_items}
    if by == "category":

        def f(k: str) -> str:
            return cats.get(k, k.split(":", 1)[-1])

        plan, actual = (
            plan.groupby(plan.index.map(f)).sum(),
            actual.groupby(actual.index.map(f)).sum(),
        )
    elif by == "option":
        plan, actual = (
            pd.DataFrame([plan.sum()], index=[opt]),
            pd.DataFrame([actual.sum()], index=[opt]),
        )
    elapsed = [m for m in plan.columns if m <= cut]
    remaining = [m for m in plan.columns if m > cut]
    grouped_rr = None
    if by != "item":  # run rates are per item, so a paid one-off does not run on
        rr_items = plan_end_forecast(ws, "item", option, as_of)["forecast_run_rate"].drop(TOTAL)
        grouped_rr = rr_items.groupby(rr_items.index.map(_grouper(ws, by, option))).sum()
    rows = []
    for key in plan.index:
        atd = int(actual.loc[key, elapsed].sum())
        rest = int(plan.loc[key, remaining].sum())
        left = sum(1 for m in remaining if plan.loc[key, m] != 0)
        rr = _run_on(atd, _run_rate(actual.loc[key], elapsed, plan.loc[key]), left, rest)
        if grouped_rr is not None:
            rr = int(grouped_rr.get(key, rr))
        total = int(plan.loc[key].sum())
        rows.append([key, total, atd, atd + rest, rr, atd + rest - total])
    frame = pd.DataFrame(
        rows,
        columns=[
            by,
            "plan_total",
            "actual_to_date",
            "forecast_plan",
            "forecast_run_rate",
            "forecast_over",
        ],
    ).set_index(by)
    frame.loc[TOTAL] = frame.sum()
    frame.attrs.update(as_of=cut, option=opt)
    return frame.astype("int64")


def contract_status(
    ws: Workspace, option: str | None = None, as_of: str | date | None = None
) -> pd.DataFrame:
    """Each contract (multi-year commitment, 債務負担行為) of the option in execution:
    its ceiling, what has been spent, what remains, and the plan forecast against it.

    Columns ``name``, ``ceiling`` (``<NA>`` when none is declared), ``plan_total``,
    ``actual_to_date``, ``remaining`` (ceiling − actual), ``forecast`` (actual + remaining
    plan), ``headroom`` (ceiling − forecast), ``over`` (forecast above the ceiling), and
    ``forecast_run_rate`` / ``over_run_rate``: the same with the items' run-rate forecasts at
    the end of the plan.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> c = contract_status(load_workspace("data/examples/vaccine-booking"))
    >>> c.index.tolist()
    ['saas-5y']
    """
    opt = _option(ws, option)
    cut = _as_of(ws, as_of)
    plan = monthly_plan(ws, opt)
    actual = monthly_actual(ws, opt, cut)
    run_rate = plan_end_forecast(ws, "item", opt, cut)["forecast_run_rate"]
    rows = []
    for c in ws.contracts:
        items = [i.id for i in ws.cost_items if i.contract == c.id and i.option == opt]
        if not items:
            continue
        p = plan.reindex(index=items, fill_value=0)
        a = actual.reindex(index=items, fill_value=0)
        atd = int(a.to_numpy().sum())
        rest = int(p[[m for m in p.columns if m > cut]].to_numpy().sum())
        ceiling = None if c.ceiling is None else int(c.ceiling)
        fc = atd + rest
        rr = int(run_rate.reindex(items, fill_value=0).sum())
        rows.append(
            [
                c.id,
                c.name,
                ceiling,
                int(p.to_numpy().sum()),
                atd,
                None if ceiling is None else ceiling - atd,
                fc,
                None if ceiling is None else ceiling - fc,
                None if ceiling is None else fc > ceiling,
                rr,
                None if ceiling is None else rr > ceiling,
            ]
        )
    frame = pd.DataFrame(
        rows,
        columns=[
            "contract",
            "name",
            "ceiling",
            "plan_total",
            "actual_to_date",
            "remaining",
            "forecast",
            "headroom",
            "over",
            "forecast_run_rate",
            "over_run_rate",
        ],
    ).set_index("contract")
    for col in (
        "ceiling",
        "plan_total",
        "actual_to_date",
        "remaining",
        "forecast",
        "headroom",
        "forecast_run_rate",
    ):
        frame[col] = frame[col].astype("Int64")
    frame["over"] = frame["over"].astype("boolean")
    frame["over_run_rate"] = frame["over_run_rate"].astype("boolean")
    return frame


def earned_value(
    ws: Workspace, option: str | None = None, as_of: str | date | None = None
) -> tuple[pd.DataFrame, pd.Series]:
    """Earned-value indices from the milestone plan (``milestones:`` in actuals.yaml).

    Returns
    -------
    (DataFrame, Series)
        Milestones (``name``, ``due``, ``value``, ``done``, ``planned`` and ``earned``
        by the as-of month) and the indices ``BAC``, ``PV``, ``EV``, ``AC``, ``CPI``,
        ``SPI``, ``EAC_cpi`` (BAC ÷ CPI), ``EAC_additive`` (AC + BAC − EV), ``VAC``
        (BAC − EAC_cpi); the formulas are in this module's docstring.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> table, ix = earned_value(load_workspace("data/examples/vaccine-booking"))
    >>> int(ix["BAC"]), int(ix["EV"]), int(ix["AC"]), round(ix["CPI"], 4)
    (9900000, 9900000, 10351600, 0.9564)
    """
    act = _actuals(ws)
    opt = _option(ws, option)
    cut = _as_of(ws, as_of)
    ms = act.settings.milestones
    if not ms:
        raise InputError("no milestones: in actuals/actuals.yaml, so no earned value")
    y, mo = int(cut[:4]), int(cut[5:7])
    end = date(y + mo // 12, mo % 12 + 1, 1)  # first day after the as-of month
    rows = []
    items: set[str] = set()
    for m in ms:
        planned = m.value if m.due < end else 0
        if m.done is not None and m.done < end:
            earned = Decimal(m.value)
        elif m.percent is not None:
            earned = Decimal(m.value) * m.percent / 100
        else:
            earned = Decimal(0)
        rows.append(
            [
                m.id,
                m.name,
                m.due,
                m.value,
                m.done,
                planned,
                int(earned.quantize(ONE, ROUND_HALF_UP)),
            ]
        )
        items.update(m.items)
    table = pd.DataFrame(
        rows, columns=["milestone", "name", "due", "value", "done", "planned", "earned"]
    ).set_index("milestone")
    actual = monthly_actual(ws, opt, cut)
    ac = int(actual.reindex(index=sorted(items), fill_value=0).to_numpy().sum())
    bac, pv, ev = int(table["value"].sum()), int(table["planned"].sum()), int(table["earned"].sum())
    cpi = ev / ac if ac else float("nan")
    spi = ev / pv if pv else float("nan")
    eac_cpi = bac / cpi if cpi and cpi == cpi else float("nan")
    # Amounts in whole yen (half-up), ratios as they are: an object Series, so a notebook
    # shows 10351600 and 0.956 rather than 1.035160e+07 for both.
    eac_yen = _whole_yen(eac_cpi)
    ix = pd.Series(
        {
            "BAC": bac,
            "PV": pv,
            "EV": ev,
            "AC": ac,
            "CPI": cpi,
            "SPI": spi,
            "EAC_cpi": eac_yen,
            "EAC_additive": ac + bac - ev,
            "VAC": bac - eac_yen if eac_yen is not None else None,
        },
        name="earned value",
        dtype="object",
    )
    return table, ix


def _whole_yen(value: float) -> int | None:
    """A computed amount in whole yen, half-up; None when it is undefined (no cost yet)."""
    if value != value:  # NaN: CPI undefined without actual cost
        return None
    return int(Decimal(repr(value)).quantize(ONE, ROUND_HALF_UP))


def budget_execution(
    ws: Workspace, option: str | None = None, as_of: str | date | None = None
) -> pd.DataFrame:
    """予算額・執行額 by fiscal year: the fields a 行政事業レビューシート asks for.

    ``budget`` is the plan's fiscal-year amount for the option in execution (tax-inclusive,
    the 当初予算 as planned), ``executed`` the mapped actuals of that year up to the as-of
    month, ``rate_pct`` = executed ÷ budget × 100 (one decimal), ``state`` ``closed``
    (the year ended by the as-of month), ``to date`` or ``future`` (no execution yet).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> t = budget_execution(load_workspace("data/examples/vaccine-booking"))
    >>> t.loc[2026, "state"], int(t.loc[2027, "executed"])
    ('to date', 0)
    """
    opt = _option(ws, option)
    cut = _as_of(ws, as_of)
    s = ws.settings
    plan = monthly_plan(ws, opt)
    actual = monthly_actual(ws, opt, cut)
    rows = []
    for fy in s.fiscal_years:
        months = fy_months(fy, s.fy_start_month)
        budget = int(plan.reindex(columns=months, fill_value=0).to_numpy().sum())
        executed = int(actual.reindex(columns=months, fill_value=0).to_numpy().sum())
        state = "closed" if months[-1] <= cut else ("to date" if months[0] <= cut else "future")
        rows.append([fy, budget, executed, _pct(executed, budget), state])
    frame = pd.DataFrame(
        rows, columns=["fiscal_year", "budget", "executed", "rate_pct", "state"]
    ).set_index("fiscal_year")
    frame.attrs.update(as_of=cut, option=opt)
    return frame


def reconciliation(ws: Workspace) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every imported yen accounted for: per file, and the unmapped entries.

    Returns
    -------
    (DataFrame, DataFrame)
        Per file (``kind``, ``rows_read``, ``rows_mapped``, ``rows_unmapped``, ``mapped``,
        ``unmapped``, ``imported``, with a ``total`` row; imported = mapped + unmapped to
        the yen) and the unmapped entries (file, row, rows, month, yen, service or
        document, reason).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> files, unmapped = reconciliation(load_workspace("data/examples/vaccine-booking"))
    >>> bool((files["imported"] == files["mapped"] + files["unmapped"]).all())
    True
    """
    act = _actuals(ws)
    files = act.files.copy()
    money = ["rows_read", "rows_mapped", "rows_unmapped", "mapped", "unmapped", "imported"]
    if len(files):
        files.loc[TOTAL] = {"kind": "", **{c: int(files[c].sum()) for c in money}}
    e = act.entries
    unmapped = e[e["status"] == "unmapped"][
        ["file", "row", "rows", "month", "yen", "document", "reason"]
    ].reset_index(drop=True)
    return files, unmapped
