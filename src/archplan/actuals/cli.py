"""What ``archplan actuals`` prints: the report's plan-vs-actual tables, as text.

Amounts are in yen, tax-inclusive, exactly as the report's plan-vs-actual section shows
them (no display rounding, so every total is the sum of its rows); headers, fiscal years,
categories and reasons in the workspace language (:mod:`archplan.textview`).
"""

from __future__ import annotations

import pandas as pd

from archplan.actuals.analysis import (
    budget_execution,
    contract_status,
    plan_end_forecast,
    reconciliation,
    year_summary,
)
from archplan.fiscal import fy_label
from archplan.messages import msg
from archplan.money import format_amount
from archplan.report.i18n import category_label, notice_text
from archplan.textview import Column, Style, text_table
from archplan.workspace.model import Workspace

__all__ = [
    "CONTRACT_COLUMNS",
    "EXECUTION_COLUMNS",
    "PLAN_END_COLUMNS",
    "RECONCILIATION_COLUMNS",
    "YEAR_COLUMNS",
    "print_actuals",
]

#: The year so far, by item (category, option), with the year-end forecasts.
YEAR_COLUMNS = [
    Column("name", "act_item"),
    Column("budget", "act_budget", "yen"),
    Column("plan_to_date", "act_ptd", "yen"),
    Column("actual_to_date", "act_atd", "yen"),
    Column("variance", "act_variance", "yen"),
    Column("variance_pct", "act_variance_pct", "pct"),
    Column("burn_pct", "act_burn", "pct"),
    Column("forecast_plan", "act_fc_plan_short", "yen"),
    Column("forecast_run_rate", "act_fc_rr_short", "yen"),
    Column("first_overrun", "act_first"),
]
#: At the end of the plan.
PLAN_END_COLUMNS = [
    Column("name", "act_item"),
    Column("plan_total", "act_plan_total", "yen"),
    Column("actual_to_date", "act_atd", "yen"),
    Column("forecast_plan", "act_fc_plan_short", "yen"),
    Column("forecast_run_rate", "act_fc_rr_short", "yen"),
]
#: Contracts and multi-year commitments against their ceilings.
CONTRACT_COLUMNS = [
    Column("name", "act_item"),
    Column("ceiling", "act_ceiling", "yen"),
    Column("plan_total", "act_plan_total", "yen"),
    Column("actual_to_date", "act_atd", "yen"),
    Column("remaining", "act_remaining", "yen"),
    Column("forecast", "act_forecast", "yen"),
    Column("headroom", "act_headroom", "yen"),
    Column("forecast_run_rate", "act_fc_rr_short", "yen"),
]
#: 予算額・執行額 by fiscal year.
EXECUTION_COLUMNS = [
    Column("fy", "act_fy", "fy"),
    Column("budget", "act_budget", "yen"),
    Column("executed", "act_executed", "yen"),
    Column("rate_pct", "act_rate", "pct"),
    Column("state", "act_state"),
]
#: Every imported yen, by file.
RECONCILIATION_COLUMNS = [
    Column("name", "act_file"),
    Column("rows_read", "act_rows", "count"),
    Column("mapped", "act_mapped", "yen"),
    Column("unmapped", "act_unmapped", "yen"),
    Column("imported", "act_imported", "yen"),
]


def _names(ws: Workspace, frame: pd.DataFrame, by: str) -> list[str]:
    """The rows' names as the report writes them: items, categories or options, then the
    total."""
    lang = ws.settings.language
    items = {i.id: i.name for i in ws.cost_items}
    out = []
    for key in map(str, frame.index):
        if key == "total":
            out.append(msg("act_total", lang))
        elif by == "category":
            out.append(category_label(key, lang))
        elif by == "option":
            out.append(ws.option(key).name)
        else:
            out.append(items.get(key, key))
    return out


def print_actuals(
    ws: Workspace,
    *,
    by: str = "item",
    fiscal_year: int | None = None,
    as_of: str | None = None,
    csv: bool = False,
) -> int:
    """Print the year so far, the plan's end, contracts against their ceilings, budget
    and execution by fiscal year (予算額・執行額) and every imported yen, as the report's
    plan-vs-actual section (``csv``: the year's summary as CSV, raw columns, integer yen,
    nothing else).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ws = load_workspace("data/examples/vaccine-booking")
    >>> print_actuals(ws, by="option", as_of="2026-09", csv=True)  # doctest: +ELLIPSIS
    option,name,budget,...
    saas,予約SaaS（予約件数課金）,28193000,...
    0
    """
    s = year_summary(ws, by=by, fiscal_year=fiscal_year, as_of=as_of)
    if csv:
        print(s.to_csv(), end="")
        return 0
    lang = ws.settings.language
    style = Style.of(ws)
    for n in ws.notices:
        print(msg("cli_note", lang, text=notice_text(n, lang)))
    src = ws.actuals.option_source if ws.actuals is not None else "settings"
    print(
        msg(
            "act_cli_head",
            lang,
            option=ws.option(s.attrs["option"]).name,
            source=msg("act_src_settings", lang)
            if src == "settings"
            else msg("act_src_decision", lang, number=src.split()[-1]),
            fy=fy_label(int(s.attrs["fiscal_year"]), lang),
            as_of=s.attrs["as_of"],
        )
    )
    print(text_table(s.assign(name=_names(ws, s, by)), YEAR_COLUMNS, style))
    f = plan_end_forecast(ws, by=by, as_of=as_of)
    print("\n" + msg("act_cli_plan_end", lang))
    print(text_table(f.assign(name=_names(ws, f, by)), PLAN_END_COLUMNS, style))
    c = contract_status(ws, as_of=as_of)
    if len(c):
        print("\n" + msg("act_contracts", lang))
        print(text_table(c, CONTRACT_COLUMNS, style))
    e = budget_execution(ws, as_of=as_of)
    print("\n" + msg("act_exec", lang))
    states = [msg("act_state_" + str(v), lang) for v in e["state"]]
    print(
        text_table(
            e.assign(fy=[int(str(k)) for k in e.index], state=states), EXECUTION_COLUMNS, style
        )
    )
    files, unmapped = reconciliation(ws)
    print("\n" + msg("act_cli_every_yen", lang))
    names = [msg("act_total", lang) if k == "total" else str(k) for k in files.index]
    print(text_table(files.assign(name=names), RECONCILIATION_COLUMNS, style))
    if len(unmapped):
        print(msg("act_cli_unmapped", lang, n=len(unmapped)))
        for _, r in unmapped.iterrows():
            print(
                "  "
                + msg(
                    "act_cli_unmapped_row",
                    lang,
                    file=r["file"],
                    row=r["row"] + 1,
                    month=r["month"],
                    document=r["document"],
                    yen=format_amount(int(r["yen"]), lang),
                    reason=msg("act_reason_" + str(r["reason"]), lang),
                    rows=r["rows"],
                )
            )
    return 0
