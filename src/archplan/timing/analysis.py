"""When to act: support windows, the dates by which something must happen, and whether
the plan covers them.

Conventions (``docs/timing.md``):

* A support date is the **last supported day**; using a component *after* it is unsupported.
  Support ending 31 March 2027 ends in FY2026; ending 1 April 2027 it ends in FY2027.
* A cost item is **done** at the end of the period it is budgeted in: the last day of its
  fiscal year (``start: 2026`` → 31 March 2027) or of its month (``start: "2026-09"`` →
  30 September 2026). An upgrade is *in time* when it is done on or before the date.
* Extended support counts from the first day of the extended-support items to the last day
  of their span, capped at the vendor's end of extended support.
* An option uses a component until the last day of its ``until`` year or month (the whole
  plan when none is given); a date after that is not the option's concern.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from archplan.costs.engine import item_span, month_start
from archplan.fiscal import fiscal_year, fiscal_year_bounds
from archplan.messages import msg
from archplan.workspace.components import add_years
from archplan.workspace.model import Component, CostItem, Workspace

__all__ = [
    "TimingEvent",
    "act_by",
    "completion_date",
    "plan_bounds",
    "support_windows",
    "timing_events",
    "timing_warnings",
    "use_end",
]

EVENT_KINDS = ("security_end", "maintenance_end", "life_end", "contract_end", "commitment_end")


def plan_bounds(ws: Workspace) -> tuple[date, date]:
    """First and last day of the plan (its first and last fiscal years).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> plan_bounds(load_workspace("data/examples/food-lab"))
    (datetime.date(2026, 4, 1), datetime.date(2031, 3, 31))
    """
    s = ws.settings
    return (
        fiscal_year_bounds(s.first_fy, s.fy_start_month)[0],
        fiscal_year_bounds(s.first_fy + s.horizon - 1, s.fy_start_month)[1],
    )


def _last_day_of_month(year: int, month: int) -> date:
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def _period_end(when: int | str, start_month: int) -> date:
    if isinstance(when, int):
        return fiscal_year_bounds(when, start_month)[1]
    y, m = when.split("-")
    return _last_day_of_month(int(y), int(m))


def completion_date(item: CostItem, start_month: int = 4) -> date:
    """The day an item counts as done: the end of the year or month it starts in.

    Examples
    --------
    >>> from archplan.workspace.model import CostItem
    >>> up = CostItem("up", "x", "Upgrade", "software", "one-off", 2026)
    >>> completion_date(up), completion_date(CostItem("m", "x", "M", "software", "one-off",
    ...     "2026-09"))
    (datetime.date(2027, 3, 31), datetime.date(2026, 9, 30))
    """
    return _period_end(item.start, start_month)


def use_end(ws: Workspace, until: int | str | None) -> date:
    """The last day an option uses a component (the plan's last day when ``until`` is None)."""
    if until is None:
        return plan_bounds(ws)[1]
    return _period_end(until, ws.settings.fy_start_month)


def component_uses(ws: Workspace, c: Component) -> tuple[tuple[str, int | str | None], ...]:
    """Which options use a component, and until when: as ``components.yaml`` says, and —
    when the file gives only a list (or nothing: ``[current]``) for a component of the
    current system, every other option with a ``go_live`` uses it until the month before
    it goes live (docs/timing.md: the new options run on the current system until then).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> import dataclasses
    >>> ws = load_workspace("data/examples/food-lab")  # current: onprem
    >>> db = dataclasses.replace(ws.components[0], uses=(("onprem", None),))  # [onprem]
    >>> component_uses(ws, db)  # doctest: +NORMALIZE_WHITESPACE
    (('onprem', None), ('saas', '2027-03'), ('gov-cloud', '2027-12'),
     ('overseas-saas', '2026-10'))
    """
    uses = list(c.uses)
    listed = {o for o, _ in uses}
    if ws.current_option is None or ws.current_option not in listed:
        return c.uses
    if any(until is not None for _, until in uses):
        return c.uses  # the file says until when each option uses it: as written
    from archplan.workspace.consistency import go_live_month

    sm = ws.settings.fy_start_month
    first = ws.settings.first_fy * 12 + sm - 1
    for o in ws.options:
        if o.id in listed or o.go_live is None:
            continue
        last = go_live_month(o.go_live, sm) - 1
        if last >= first:  # it goes live after the plan starts: it runs on the old system
            uses.append((o.id, f"{last // 12:04d}-{last % 12 + 1:02d}"))
    return tuple(uses)


def _life_end(c: Component) -> date | None:
    if c.purchased is None or c.useful_life is None:
        return None
    return add_years(c.purchased, c.useful_life) - timedelta(days=1)


def _deadlines(c: Component) -> list[tuple[str, date | None]]:
    """(kind, date) of a component's ends; ``None`` for an end that passed undated."""
    out: list[tuple[str, date | None]] = []
    if c.kind == "hardware":
        if c.maintenance_end is not None:
            out.append(("maintenance_end", c.maintenance_end))
        if (life := _life_end(c)) is not None:
            out.append(("life_end", life))
    elif c.kind == "saas" and c.contract_end is not None:
        out.append(("contract_end", c.contract_end))
    if c.security_end is True:
        out.append(("security_end", None))
    elif isinstance(c.security_end, date):
        out.append(("security_end", c.security_end))
    return out


def support_windows(ws: Workspace) -> pd.DataFrame:
    """Every component's support window and where its dates come from.

    Returns
    -------
    DataFrame
        Index ``component``; columns ``name``, ``kind``, ``product``, ``release``,
        ``released``, ``active_end``, ``security_end``, ``extended_end``,
        ``maintenance_end``, ``life_end``, ``contract_start``, ``contract_end``,
        ``options`` and ``source`` (``endoflife.date``, ``declared`` or both, naming the
        dates the user declared). ``True`` means ended without a published date.
    """
    rows = []
    for c in ws.components:
        src = []
        if c.product:
            src.append("endoflife.date")
        if c.declared:
            src.append("declared: " + ", ".join(c.declared))
        rows.append(
            {
                "component": c.id,
                "name": c.name,
                "kind": c.kind,
                "product": c.product,
                "release": c.release,
                "released": c.release_date,
                "active_end": c.active_end,
                "security_end": c.security_end,
                "extended_end": c.extended_end,
                "maintenance_end": c.maintenance_end,
                "life_end": _life_end(c),
                "contract_start": c.contract_start,
                "contract_end": c.contract_end,
                "options": ", ".join(c.options),
                "source": "; ".join(src) or "declared",
            }
        )
    cols = [
        "component",
        "name",
        "kind",
        "product",
        "release",
        "released",
        "active_end",
        "security_end",
        "extended_end",
        "maintenance_end",
        "life_end",
        "contract_start",
        "contract_end",
        "options",
        "source",
    ]
    return pd.DataFrame(rows, columns=cols).set_index("component")


@dataclass(frozen=True)
class TimingEvent:
    """One end that matters to one option: what ends, when, and what the plan does."""

    option: str
    component: str
    name: str
    kind: str
    date: _dt.date | None  # None: ended before the plan without a published date
    use_end: _dt.date
    covered: bool
    covered_by: str  # item ids, "extended support (...)", "not used after", ""
    deadline: _dt.date | None  # the date the work must be done by (after extended support)
    gap_days: int  # days used without support when not covered


def _span_dates(items: list[CostItem], ws: Workspace) -> tuple[date, date] | None:
    if not items:
        return None
    spans = [item_span(i, ws.settings) for i in items]
    first = month_start(min(a for a, _ in spans))
    last_m = max(b for _, b in spans)
    return first, month_start(last_m + 1) - timedelta(days=1)


def _items_by_id(ws: Workspace) -> dict[str, CostItem]:
    return {i.id: i for i in ws.cost_items}


def _component_events(ws: Workspace, c: Component) -> list[TimingEvent]:
    items = _items_by_id(ws)
    sm = ws.settings.fy_start_month
    out: list[TimingEvent] = []
    for option, until in component_uses(ws, c):
        end_use = use_end(ws, until)
        for kind, when in _deadlines(c):
            if when is not None and when >= end_use:
                continue  # the option stops using it before (or on the day) support ends
            deadline = when
            by: list[str] = []
            ext = [items[i] for i in c.extended_support if i in items and items[i].option == option]
            if kind in ("security_end", "maintenance_end") and ext and c.extended_end is not True:
                # (extended_end True: the data says extended support has ended, undated.)
                span = _span_dates(ext, ws)
                assert span is not None
                # Bought from the day after the end, or — for an end before the plan —
                # from the plan's first day (it was paid before the plan, out of its view).
                start_ok = when is None or span[0] <= max(
                    when + timedelta(days=1), plan_bounds(ws)[0]
                )
                if start_ok:
                    cap = c.extended_end if isinstance(c.extended_end, date) else None
                    deadline = min(span[1], cap) if cap else span[1]
                    by.append(
                        msg(
                            "tim_by_extended",
                            ws.settings.language,
                            items=", ".join(i.id for i in ext),
                            until=deadline.isoformat(),
                        )
                    )
            covered = deadline is not None and deadline >= end_use
            if not covered:
                done = [
                    items[i]
                    for i in c.addressed_by
                    if i in items
                    and items[i].option == option
                    and deadline is not None
                    and completion_date(items[i], sm) <= deadline
                ]
                if done:
                    covered = True
                    by.append(", ".join(i.id for i in done))
            if covered:
                gap = 0
            else:
                start_gap = (deadline + timedelta(days=1)) if deadline else plan_bounds(ws)[0]
                late = [
                    completion_date(items[i], sm)
                    for i in c.addressed_by
                    if i in items and items[i].option == option
                ]
                stop = min([end_use, *late])
                gap = max(0, (stop - start_gap).days + 1)
            out.append(
                TimingEvent(
                    option=option,
                    component=c.id,
                    name=c.name,
                    kind=kind,
                    date=when,
                    use_end=end_use,
                    covered=covered,
                    covered_by=msg("tim_sep", ws.settings.language).join(by),
                    deadline=deadline,
                    gap_days=gap,
                )
            )
    return out


def _contract_events(ws: Workspace) -> list[TimingEvent]:
    """Contracts of costs.yaml that end inside the plan (their items stop before its end)."""
    out: list[TimingEvent] = []
    plan_end = plan_bounds(ws)[1]
    for contract in ws.contracts:
        by_option: dict[str, list[CostItem]] = {}
        for it in ws.cost_items:
            if it.contract == contract.id:
                by_option.setdefault(it.option, []).append(it)
        for option, its in by_option.items():
            span = _span_dates(its, ws)
            assert span is not None
            end = span[1]
            if end >= plan_end:
                continue
            # Covered when another item of the option continues the same category.
            cats = {i.category for i in its}
            nxt = [
                i
                for i in ws.cost_items
                if i.option == option
                and i.contract != contract.id
                and i.category in cats
                and (s := _span_dates([i], ws)) is not None
                and s[0] <= end + timedelta(days=1) <= s[1]
            ]
            out.append(
                TimingEvent(
                    option=option,
                    component=contract.id,
                    name=contract.name,
                    kind="commitment_end" if contract.ceiling is not None else "contract_end",
                    date=end,
                    use_end=plan_end,
                    covered=bool(nxt),
                    covered_by=", ".join(i.id for i in nxt),
                    deadline=end,
                    gap_days=0 if nxt else (plan_end - end).days,
                )
            )
    return out


def timing_events(ws: Workspace) -> pd.DataFrame:
    """Every support, maintenance, life, contract and commitment end that an option runs
    into before it stops using the component, and whether the plan covers it.

    Returns
    -------
    DataFrame
        One row per (option, component, kind), sorted by option then date; columns
        ``option``, ``component``, ``name``, ``kind``, ``date``, ``fy``, ``in_plan``,
        ``use_end``, ``covered``, ``covered_by``, ``deadline``, ``gap_days``.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ev = timing_events(load_workspace("data/examples/food-lab"))
    >>> ev.loc[ev.option == "onprem", ["component", "kind", "covered"]].values.tolist()[0]
    ['db', 'security_end', True]
    """
    events: list[TimingEvent] = []
    for c in ws.components:
        events.extend(_component_events(ws, c))
    events.extend(_contract_events(ws))
    first, last = plan_bounds(ws)
    sm = ws.settings.fy_start_month
    rows = [
        {
            "option": e.option,
            "component": e.component,
            "name": e.name,
            "kind": e.kind,
            "date": e.date,
            "fy": fiscal_year(e.date, sm) if e.date else None,
            "in_plan": e.date is not None and first <= e.date <= last,
            "use_end": e.use_end,
            "covered": e.covered,
            "covered_by": e.covered_by,
            "deadline": e.deadline,
            "gap_days": e.gap_days,
        }
        for e in events
    ]
    cols = [
        "option",
        "component",
        "name",
        "kind",
        "date",
        "fy",
        "in_plan",
        "use_end",
        "covered",
        "covered_by",
        "deadline",
        "gap_days",
    ]
    df = pd.DataFrame(rows, columns=cols)
    df["fy"] = df["fy"].astype("Int64")
    df["gap_days"] = df["gap_days"].astype("int64")
    order = {o.id: k for k, o in enumerate(ws.options)}
    if not df.empty:
        df = df.assign(
            _o=df.option.map(order), _d=df.date.map(lambda d: d or date.min)
        ).sort_values(["_o", "_d", "component"], kind="stable")
        df = df.drop(columns=["_o", "_d"]).reset_index(drop=True)
    return df


def act_by(ws: Workspace, as_of: date | None = None) -> pd.DataFrame:
    """For each option, the date by which something must happen and whether the plan
    covers it: the earliest end in :func:`timing_events` (an uncovered one first).

    Returns
    -------
    DataFrame
        Index ``option``; columns ``name``, ``date`` (None when nothing ends), ``fy``,
        ``what`` (the component and the kind of end), ``covered``, ``covered_by``,
        ``days_left`` (from ``as_of``, today by default), ``open`` (uncovered ends).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> from datetime import date
    >>> t = act_by(load_workspace("data/examples/food-lab"), as_of=date(2026, 4, 1))
    >>> r = t.loc["onprem"]
    >>> r["date"], bool(r["covered"]), int(r["days_left"])
    (datetime.date(2026, 7, 14), True, 104)
    """
    today = as_of or date.today()
    lang = ws.settings.language
    ev = timing_events(ws)
    plan_first = plan_bounds(ws)[0]
    rows = []
    for o in ws.options:
        mine = ev[ev.option == o.id] if not ev.empty else ev
        if mine.empty:
            rows.append(
                {
                    "option": o.id,
                    "name": o.name,
                    "date": None,
                    "fy": None,
                    "what": "",
                    "covered": True,
                    "covered_by": "",
                    "days_left": None,
                    "open": 0,
                }
            )
            continue
        # An end that extended support carries past but not far enough is to be acted on
        # by the end of that extended support (RHEL 7: 2024-06-30, ELS to 2029-05-31).
        extended = (
            ~mine.covered
            & mine.deadline.notna()
            & mine.date.notna()
            & (mine.deadline.astype(object) != mine.date.astype(object))
        )
        mine = mine.assign(
            date=mine.deadline.where(extended, mine.date),
            kind=mine.kind.where(~extended, "extended_end"),
        )
        # A covered end before the plan is history (extended support bought from the
        # plan's first day); the ends to act on are the open ones and those in the plan.
        past = mine.covered & mine.date.map(lambda d: d is not None and d < plan_first)
        if not past.all():
            mine = mine[~past]
        # The earliest end; among equal dates an uncovered one is named first.
        mine = mine.assign(_d=mine.date.map(lambda d: d or date.min)).sort_values(
            ["_d", "covered"], kind="stable"
        )
        first = mine.iloc[0]
        d = first["date"]
        kind_key = (
            "dfx_kind_extended_end"
            if first["kind"] == "extended_end"
            else "tim_kind_" + first["kind"]
        )
        rows.append(
            {
                "option": o.id,
                "name": o.name,
                "date": d,
                "fy": first["fy"],
                "what": msg(
                    "tim_calendar_row",
                    lang,
                    name=first["name"],
                    kind=msg(kind_key, lang),
                ),
                "covered": bool(first["covered"]),
                "covered_by": first["covered_by"],
                "days_left": (d - today).days if d else None,
                "open": int((~mine.covered).sum()),
            }
        )
    out = pd.DataFrame(rows).set_index("option")
    out["fy"] = out["fy"].astype("Int64")
    out["days_left"] = out["days_left"].astype("Int64")
    return out


def _extension_starts_late(
    ws: Workspace, component: str, option: str, end: date | None
) -> tuple[str, str] | None:
    """(items, first month) of extended support listed for ``component`` and ``option``
    that starts after the day following ``end`` (and after the plan's first day): it is
    not counted as cover, and the warning says why."""
    c = next((c for c in ws.components if c.id == component), None)
    if c is None or end is None:
        return None
    items = _items_by_id(ws)
    ext = [items[i] for i in c.extended_support if i in items and items[i].option == option]
    span = _span_dates(ext, ws)
    if span is None or span[0] <= max(end + timedelta(days=1), plan_bounds(ws)[0]):
        return None
    return ", ".join(i.id for i in ext), f"{span[0].year:04d}-{span[0].month:02d}"


def timing_warnings(ws: Workspace) -> list[str]:
    """Sentences for ``archplan check``: every end an option runs past with nothing planned.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> w = timing_warnings(load_workspace("data/examples/food-lab"))
    >>> len(w), w[0][:39]
    (6, 'components.yaml：saasはデータベース（SQL Server ')
    """
    from archplan.timing.gaps import open_gaps

    lang = ws.settings.language
    components = {c.id for c in ws.components}
    out = []
    # A fix planned too late is said as such, not as "nothing planned" (timing.gaps).
    for _, e in open_gaps(ws).iterrows():
        kind = msg("tim_kind_" + e["kind"], lang)
        when = e["date"].isoformat() if e["date"] else msg("tim_undated", lang)
        # A SaaS component's contract is in components.yaml; other contracts in costs.yaml.
        fname = "components.yaml" if e["component"] in components else "costs.yaml"
        late = (
            {"items": e["fix"], "done": e["fix_done"].isoformat(), "late": int(e["late_days"])}
            if e["fix"]
            else {}
        )
        extended = (
            not late
            and e["deadline"] is not None
            and e["date"] is not None
            and e["deadline"] != e["date"]
        )
        if extended:  # extended support bought, but it stops before the option does
            late = {"deadline": e["deadline"].isoformat()}
        text = msg(
            "tim_warn_ext" if extended else "dfx_warn_late" if late else "tim_warn",
            lang,
            **late,
            option=e["option"],
            name=e["name"],
            kind=kind,
            date=when,
            until=e["use_end"].isoformat(),
            days=e["gap_days"],
        )
        starts = _extension_starts_late(ws, str(e["component"]), str(e["option"]), e["date"])
        if starts is not None:  # listed, but bought from after the end: it covers nothing
            text += msg("tim_warn_ext_starts_late", lang, items=starts[0], start=starts[1])
        # "components.yaml: …" in English, "components.yaml：…" in Japanese (prob_at).
        out.append(msg("prob_at", lang, where=fname, message=text))
    return out
