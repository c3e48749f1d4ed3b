"""Open support gaps: the ends an option runs past without cover, and whether a fix is
planned at all or planned too late.

:func:`~archplan.timing.analysis.timing_events` says whether each end is covered; this
module says, for the ends that are not, what the plan does about them — nothing, or an
``addressed_by`` item that is done only after the (extended) deadline — in words that the
check, the report's summary and the handover pack's open questions share.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from archplan.messages import msg
from archplan.timing.analysis import completion_date, plan_bounds, timing_events
from archplan.workspace.model import Workspace

__all__ = [
    "calendar_gap_notes",
    "calendar_start",
    "gap_sentence",
    "open_gap_cell",
    "open_gap_sentences",
    "open_gaps",
    "too_late_text",
]

_COLUMNS = [
    "option",
    "component",
    "name",
    "kind",
    "date",
    "deadline",
    "use_end",
    "gap_days",
    "fix",
    "fix_done",
    "late_days",
]


def open_gaps(ws: Workspace) -> pd.DataFrame:
    """Every end an option runs past with no cover in time, and the fix the plan has.

    Returns
    -------
    DataFrame
        One row per uncovered end of :func:`~archplan.timing.analysis.timing_events`, in
        its order; columns ``option``, ``component``, ``name``, ``kind``, ``date``,
        ``deadline`` (the end, or the end of extended support), ``use_end``,
        ``gap_days``, ``fix`` (the ids of the option's ``addressed_by`` items, "" when
        none is planned), ``fix_done`` (the day the first of them is done, or None) and
        ``late_days`` (days from the deadline to ``fix_done``, or None).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> g = open_gaps(load_workspace("data/examples/food-lab"))
    >>> g[["option", "component", "fix", "gap_days"]].values.tolist()[0]
    ['saas', 'db', '', 260]
    """
    ev = timing_events(ws)
    if ev.empty:
        return pd.DataFrame(columns=_COLUMNS)
    items = {i.id: i for i in ws.cost_items}
    comps = {c.id: c for c in ws.components}
    sm = ws.settings.fy_start_month
    rows = []
    for _, e in ev[~ev.covered].iterrows():
        c = comps.get(str(e["component"]))
        fixes = (
            sorted(
                (completion_date(items[i], sm), i)
                for i in c.addressed_by
                if i in items and items[i].option == e["option"]
            )
            if c is not None
            else []
        )
        deadline = e["deadline"] if e["deadline"] is not None else e["date"]
        done = fixes[0][0] if fixes else None
        late = (done - deadline).days if done is not None and deadline is not None else None
        rows.append(
            {
                "option": e["option"],
                "component": e["component"],
                "name": e["name"],
                "kind": e["kind"],
                "date": e["date"],
                "deadline": deadline,
                "use_end": e["use_end"],
                "gap_days": int(e["gap_days"]),
                "fix": ", ".join(i for _, i in fixes),
                "fix_done": done,
                "late_days": late,
            }
        )
    return pd.DataFrame(rows, columns=_COLUMNS)


def gap_sentence(ws: Workspace, gap: pd.Series, language: str | None = None) -> str:
    """One open gap (a row of :func:`open_gaps`) as a sentence: the option (by name),
    what ends and when, the days it runs unsupported, and whether a fix is planned at
    all or planned too late.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ws = load_workspace("data/examples/food-lab")
    >>> s = gap_sentence(ws, open_gaps(ws).iloc[1])
    >>> s[:40]
    '検査情報管理SaaSの利用：サーバOS（Windows Server 2016）'
    >>> "（2027-01-12）の後も78日間" in s, s.endswith("対応は計画されていない")
    (True, True)
    """
    lang = language or ws.settings.language
    names = {o.id: o.name for o in ws.options}
    when = gap["date"].isoformat() if gap["date"] is not None else msg("tim_undated", lang)
    values = {
        "option": names.get(str(gap["option"]), str(gap["option"])),
        "name": gap["name"],
        "kind": msg("tim_kind_" + str(gap["kind"]), lang),
        "date": when,
        "days": f"{int(gap['gap_days']):,}",
    }
    if gap["fix"]:
        return msg(
            "dfx_gap_late",
            lang,
            items=gap["fix"],
            done=gap["fix_done"].isoformat(),
            late=f"{int(gap['late_days']):,}",
            **values,
        )
    deadline, end = gap["deadline"], gap["date"]
    if deadline is not None and end is not None and deadline != end:
        # Extended support is bought, but it stops before the option does.
        return msg("tim_gap_ext", lang, deadline=deadline.isoformat(), **values)
    return msg("dfx_gap_none", lang, **values)


def open_gap_sentences(ws: Workspace, language: str | None = None) -> list[str]:
    """Every open gap of :func:`open_gaps` as a sentence ("" list when all is covered).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> len(open_gap_sentences(load_workspace("data/examples/food-lab")))
    6
    """
    return [gap_sentence(ws, g, language) for _, g in open_gaps(ws).iterrows()]


def calendar_start(ws: Workspace, today: date) -> date:
    """The first day from which support ends belong in a review calendar: the plan's
    first day, or today when that is earlier (an end between today and the plan's start
    is still ahead of the reader, and the plan's options run past it).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ws = load_workspace("data/examples/food-lab")
    >>> calendar_start(ws, date(2025, 11, 29)), calendar_start(ws, date(2026, 8, 1))
    (datetime.date(2025, 11, 29), datetime.date(2026, 4, 1))
    """
    return min(plan_bounds(ws)[0], today)


def open_gap_cell(ws: Workspace, option: str, language: str | None = None) -> str:
    """The "covered by the plan" cell for an option whose first open gap is uncovered:
    "no (N days unsupported)", or "too late: ITEMS done on DAY, N days after" when a fix
    is planned but done after the deadline ("" when the option has no open gap).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> open_gap_cell(load_workspace("data/examples/food-lab"), "saas", "en")
    '⚠ no (260 days unsupported)'
    """
    lang = language or ws.settings.language
    g = open_gaps(ws)
    mine = g[g.option == option]
    if mine.empty:
        return ""
    first = mine.iloc[0]
    days = f"{int(first['gap_days']):,}"
    if first["fix"]:
        return msg(
            "dfx_late_cell",
            lang,
            items=first["fix"],
            done=first["fix_done"].isoformat(),
            late=f"{int(first['late_days']):,}",
            days=days,
        )
    return msg("tim_no", lang, days=days)


def calendar_gap_notes(ws: Workspace, language: str | None = None) -> dict[tuple[str, str], str]:
    """For each (component, kind of end) that some option runs past without cover in
    time, a note naming those options, for the review calendar's last column.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> calendar_gap_notes(load_workspace("data/examples/food-lab"), "en")[("os", "security_end")]
    '⚠ not covered in time by: 検査情報管理SaaSの利用, ガバメントクラウド上での独自構築'
    """
    lang = language or ws.settings.language
    names = {o.id: o.name for o in ws.options}
    by: dict[tuple[str, str], list[str]] = {}
    for _, g in open_gaps(ws).iterrows():
        key = (str(g["component"]), str(g["kind"]))
        name = names.get(str(g["option"]), str(g["option"]))
        deadline, end = g["deadline"], g["date"]
        if deadline is not None and end is not None and deadline != end:
            # Covered past this end by extended support: the gap opens when that stops.
            name = msg("dfx_calendar_ext_until", lang, option=name, deadline=deadline.isoformat())
        by.setdefault(key, []).append(name)
    sep = msg("tim_sep", lang) if lang == "ja" else ", "
    return {k: msg("dfx_calendar_gap", lang, options=sep.join(v)) for k, v in by.items()}


def too_late_text(
    ws: Workspace, option: str, component: str, kind: str, language: str | None = None
) -> str:
    """ "planned too late: ITEMS done DAY, N days after" for an end whose fix is planned
    but done after the deadline; "" when nothing is planned or the end is covered.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> too_late_text(load_workspace("data/examples/food-lab"), "saas", "db", "security_end")
    ''
    """
    lang = language or ws.settings.language
    g = open_gaps(ws)
    hit = g[(g.option == option) & (g.component == component) & (g.kind == kind)]
    if hit.empty or not hit.iloc[0]["fix"]:
        return ""
    r = hit.iloc[0]
    return msg(
        "dfx_too_late",
        lang,
        items=r["fix"],
        done=r["fix_done"].isoformat(),
        late=f"{int(r['late_days']):,}",
    )
