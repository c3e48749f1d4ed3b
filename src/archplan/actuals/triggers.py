"""Revisit triggers over actual spending (used by :mod:`archplan.decisions.triggers`).

``actual of ITEM exceeds plan by more than N %``
    actual to date in the as-of month's fiscal year vs the plan to date (ITEM: an item
    id, a category or an option id);
``forecast of ITEM at year end exceeds budget``
    plan forecast (actual to date + the rest of the year's plan) vs the year's budget;
``run-rate forecast of ITEM at year end exceeds budget``
    the run-rate forecast instead;
``actual of ITEM > 1000000`` (also ``>=``, ``<``, ``<=``)
    actual to date in the year, in yen.
"""

from __future__ import annotations

import re

from archplan.errors import InputError
from archplan.messages import Localized, msg
from archplan.workspace.model import Workspace

__all__ = ["ACTUAL_PATTERNS", "evaluate_actual"]

_NUM = r"(-?[\d_,]+(?:\.\d+)?)"
ACTUAL_PATTERNS = {
    "actual_over": re.compile(
        rf"^actual\s+of\s+([\w.-]+)\s+exceeds\s+plan\s+by\s+more\s+than\s+{_NUM}\s*%$", re.I
    ),
    "forecast_over": re.compile(
        r"^(run-rate\s+)?forecast\s+of\s+([\w.-]+)\s+at\s+year\s+end\s+exceeds\s+budget$", re.I
    ),
    "actual_compare": re.compile(rf"^actual\s+of\s+([\w.-]+)\s*(>=|<=|>|<)\s*{_NUM}$", re.I),
}


def _row(ws: Workspace, key: str) -> tuple[int, int, int, int, int]:
    """(budget, plan to date, actual to date, plan forecast, run-rate forecast) of key."""
    from archplan.actuals.analysis import year_summary

    if ws.actuals is None:
        # The folder by its name (a workspace opened as "." is still named).
        folder = ws.root.resolve().name or str(ws.root.resolve())
        raise InputError(Localized("prob_adr_trigger_no_actuals", folder=folder))
    option = ws.actuals.option
    for by in ("item", "category", "option"):
        if by == "option" and key in {o.id for o in ws.options}:
            option = key
        table = year_summary(ws, by=by, option=option)
        if key in table.index and key != "total":
            cols = ("budget", "plan_to_date", "actual_to_date", "forecast_plan")
            b, p, a, f = (int(str(table.at[key, c])) for c in cols)
            return b, p, a, f, int(str(table.at[key, "forecast_run_rate"]))
    raise InputError(f"trigger: {key!r} is no item, category or option of the option in execution")


def evaluate_actual(kind: str, parts: tuple[str, ...], ws: Workspace) -> tuple[bool, str]:
    """Whether an actuals trigger fires, and a sentence saying why (workspace language).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ws = load_workspace("data/examples/vaccine-booking")
    >>> evaluate_actual("actual_over", ("saas-fee", "10"), ws)[0]
    True
    """
    lang = ws.settings.language
    if kind == "actual_over":
        key, pct = parts
        _, ptd, atd, _, _ = _row(ws, key)
        change = 100.0 * (atd - ptd) / ptd if ptd else (0.0 if atd == 0 else float("inf"))
        fired = change > float(pct.replace(",", "").replace("_", ""))
        return fired, msg(
            "act_t_over",
            lang,
            name=key,
            actual=f"{atd:,}",
            plan=f"{ptd:,}",
            change=f"{change:+.1f}" + ("%" if lang == "ja" else " %"),  # 10% in Japanese
        )
    if kind == "forecast_over":
        run_rate, key = parts
        budget, _, _, fplan, frr = _row(ws, key)
        value = frr if run_rate else fplan
        what = msg("act_run_rate" if run_rate else "act_plan_forecast", lang)
        return value > budget, msg(
            "act_t_forecast", lang, name=key, what=what, value=f"{value:,}", budget=f"{budget:,}"
        )
    key, op, num = parts
    _, _, atd, _, _ = _row(ws, key)
    limit = float(num.replace(",", "").replace("_", ""))
    fired = {">": atd > limit, ">=": atd >= limit, "<": atd < limit, "<=": atd <= limit}[op]
    return fired, msg("act_t_actual", lang, name=key, actual=f"{atd:,}")
