"""The report's and the handover pack's plan-vs-actual section (予実) and its burn chart.

Empty when the workspace has no ``actuals/`` folder. Amounts are shown in yen,
tax-inclusive, exactly as the analysis computes them (no display rounding, so every
total is the sum of its rows).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from matplotlib import rc_context
from matplotlib.figure import Figure

from archplan.actuals.analysis import (
    budget_execution,
    contract_status,
    earned_value,
    plan_end_forecast,
    plan_vs_actual,
    reconciliation,
    year_summary,
)
from archplan.fiscal import fy_label
from archplan.messages import MESSAGES, msg
from archplan.money import UNIT_DIVISOR, format_amount
from archplan.report.charts import DPI, Chart, _font_family
from archplan.report.i18n import label
from archplan.report.sections import Fragment, esc, html_table
from archplan.workspace.model import Workspace

__all__ = ["actuals_section", "burn_chart"]

MAX_UNMAPPED = 10


def _yen(v: object, lang: str) -> str:
    if v is None or v is pd.NA or (isinstance(v, float) and v != v):
        return "—"
    return esc(format_amount(int(v), lang))  # type: ignore[call-overload]


def _pct(v: object) -> str:
    if v is None or v is pd.NA or (isinstance(v, float) and v != v):
        return "—"
    return f"{float(v):,.1f}%"  # type: ignore[arg-type]  # as every document writes it


def burn_chart(ws: Workspace, as_of: str | date | None = None) -> Chart:
    """Cumulative plan and actual of the option in execution over the fiscal year, the
    year's budget, and both year-end forecasts.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> burn_chart(load_workspace("data/examples/vaccine-booking"))
    <Chart '年度予算の消化状況'>
    """
    lang = ws.settings.language
    t = plan_vs_actual(ws, by="option", as_of=as_of)
    s = year_summary(ws, by="option", as_of=as_of)
    opt = s.attrs["option"]
    divisor = UNIT_DIVISOR[ws.settings.display_unit]
    sub = t.loc[opt]
    months = list(sub.index)
    x = list(range(len(months)))
    title = msg("act_burn_chart", lang)
    with rc_context({"font.family": _font_family(lang), "svg.hashsalt": "archplan"}):
        fig = Figure(figsize=(7.5, 4.0), dpi=DPI)
        ax = fig.subplots()
        ax.plot(
            x,
            sub["cum_plan"].astype(float) / divisor,
            "--",
            color="#555555",
            label=msg("act_cum_plan", lang),
        )
        elapsed = [i for i, m in enumerate(months) if sub.loc[m, "cum_actual"] is not pd.NA]
        act = [float(sub.loc[months[i], "cum_actual"]) / divisor for i in elapsed]
        ax.plot(elapsed, act, "-o", color="#c0392b", label=msg("act_cum_actual", lang))
        budget = float(s.loc[opt, "budget"]) / divisor
        ax.axhline(budget, color="#1f77b4", linewidth=1, label=msg("act_budget_line", lang))
        if elapsed and elapsed[-1] < len(months) - 1:
            last = elapsed[-1]
            for col, style, key in (
                ("forecast_plan", ":", "act_fc_plan_short"),
                ("forecast_run_rate", "-.", "act_fc_rr_short"),
            ):
                ax.plot(
                    [last, len(months) - 1],
                    [act[-1], float(s.loc[opt, col]) / divisor],
                    style,
                    label=msg(key, lang),
                )
        ax.set_xticks(x, [m[2:] for m in months], rotation=45)
        unit = label("unit_" + ws.settings.display_unit, lang)
        ax.set_title(
            f"{title}（{unit}・{label('tax_inclusive', lang)}）"
            if lang == "ja"
            else f"{title} ({unit}, {label('tax_inclusive', lang)})"
        )
        ax.yaxis.set_major_formatter(lambda v, _pos: f"{v:,.0f}")
        ax.grid(True, alpha=0.3)
        ax.legend(fontsize=8)
        fig.tight_layout()
    return Chart(fig, title)


def actuals_section(
    ws: Workspace, as_of: str | date | None = None, compact: bool = False
) -> Fragment:
    """The plan-vs-actual section: the year by item with forecasts, the burn chart, the
    months, the plan's end, contracts, earned value, 予算額・執行額 and the reconciliation
    of every imported yen (``compact`` for the handover pack: no months, no list of
    unmapped entries).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> html = actuals_section(load_workspace("data/examples/vaccine-booking"))
    >>> html.startswith('<section class="ap-actuals"><h2 id="actuals">予実（計画と実績）</h2>')
    True
    """
    if ws.actuals is None or ws.actuals.option is None:
        return Fragment("")
    lang = ws.settings.language
    act = ws.actuals

    def L(key: str, **v: object) -> str:
        return esc(msg(key, lang, **v))

    s = year_summary(ws, as_of=as_of)
    opt = s.attrs["option"]
    source = (
        msg("act_src_settings", lang)
        if act.option_source == "settings"
        else msg("act_src_decision", lang, number=act.option_source.split()[-1])
    )
    parts = [
        f'<section class="ap-actuals"><h2 id="actuals">{L("act_title")}</h2>',
        "<p>"
        + L(
            "act_intro",
            option=ws.option(opt).name,
            source=source,
            fy=fy_label(s.attrs["fiscal_year"], lang),
            as_of=s.attrs["as_of"],
            elapsed=s.attrs["elapsed"],
        )
        + "</p>",
        f"<h3>{L('act_year')}</h3>",
    ]
    rows = []
    for key, r in s.iterrows():
        name = L("act_total") if key == "total" else esc(r["name"])
        rows.append(
            [
                name,
                _yen(r["budget"], lang),
                _yen(r["plan_to_date"], lang),
                _yen(r["actual_to_date"], lang),
                _yen(r["variance"], lang),
                _pct(r["variance_pct"]),
                _pct(r["burn_pct"]),
                _yen(r["forecast_plan"], lang),
                _yen(r["forecast_run_rate"], lang),
                esc(r["first_overrun"] or "—"),
            ]
        )
    parts.append(
        html_table(
            [
                L(k)
                for k in (
                    "act_item",
                    "act_budget",
                    "act_ptd",
                    "act_atd",
                    "act_variance",
                    "act_variance_pct",
                    "act_burn",
                    "act_fc_plan_short",
                    "act_fc_rr_short",
                    "act_first",
                )
            ],
            rows,
            numeric=list(range(1, 9)),  # the last column, the first month over plan, is a date
            total_last=True,
            caption=L("act_yen"),
        )
    )
    parts.append(f'<p class="ap-note">{L("act_forecast_note")}</p>')
    parts.append(burn_chart(ws, as_of).html())
    if not compact:
        t = plan_vs_actual(ws, by="option", as_of=as_of).loc[opt]
        mrows = [
            [
                esc(m),
                _yen(r["plan"], lang),
                _yen(r["actual"], lang),
                _yen(r["variance"], lang),
                _yen(r["cum_plan"], lang),
                _yen(r["cum_actual"], lang),
                _pct(r["burn_pct"]),
            ]
            for m, r in t.iterrows()
        ]
        parts.append(f"<h3>{L('act_monthly')}</h3>")
        parts.append(
            html_table(
                [
                    L(k)
                    for k in (
                        "act_month",
                        "act_plan",
                        "act_actual",
                        "act_variance",
                        "act_cum_plan",
                        "act_cum_actual",
                        "act_burn",
                    )
                ],
                mrows,
                numeric_from=1,
                caption=L("act_yen"),
            )
        )
    f = plan_end_forecast(ws, as_of=as_of)
    names = {i.id: i.name for i in ws.cost_items}
    parts.append(f"<h3>{L('act_plan_end')}</h3>")
    parts.append(
        html_table(
            [
                L(k)
                for k in (
                    "act_item",
                    "act_plan_total",
                    "act_atd",
                    "act_fc_plan_short",
                    "act_fc_rr_short",
                )
            ],
            [
                [
                    L("act_total") if k == "total" else esc(names.get(str(k), k)),
                    *(
                        _yen(r[c], lang)
                        for c in (
                            "plan_total",
                            "actual_to_date",
                            "forecast_plan",
                            "forecast_run_rate",
                        )
                    ),
                ]
                for k, r in f.iterrows()
            ],
            numeric_from=1,
            total_last=True,
            caption=L("act_yen"),
        )
    )
    c = contract_status(ws, as_of=as_of)
    if len(c):
        parts.append(f"<h3>{L('act_contracts')}</h3>")
        parts.append(
            html_table(
                [
                    L(k)
                    for k in (
                        "act_item",
                        "act_ceiling",
                        "act_plan_total",
                        "act_atd",
                        "act_remaining",
                        "act_forecast",
                        "act_headroom",
                        "act_fc_rr_short",
                    )
                ],
                [
                    [
                        esc(r["name"]),
                        *(
                            _yen(r[k], lang)
                            for k in (
                                "ceiling",
                                "plan_total",
                                "actual_to_date",
                                "remaining",
                                "forecast",
                                "headroom",
                                "forecast_run_rate",
                            )
                        ),
                    ]
                    for _, r in c.iterrows()
                ],
                numeric_from=1,
                caption=L("act_yen"),
            )
        )
    if act.settings.milestones:
        _table, ix = earned_value(ws, as_of=as_of)
        parts.append(f"<h3>{L('act_ev')}</h3>")
        irows = [
            [
                L("act_ix_" + str(k)) if "act_ix_" + str(k) in MESSAGES else esc(k),
                "—"
                if v is None or v != v  # undefined without actual cost
                else f"{v:.3f}"
                if k in ("CPI", "SPI")
                else _yen(int(v), lang),
            ]
            for k, v in ix.items()
        ]
        parts.append(html_table([L("act_index"), L("act_value")], irows, numeric_from=1))
        parts.append(f'<p class="ap-note">{L("act_ev_note")}</p>')
    e = budget_execution(ws, as_of=as_of)
    parts.append(f"<h3>{L('act_exec')}</h3>")
    parts.append(
        html_table(
            [L(k) for k in ("act_fy", "act_budget", "act_executed", "act_rate", "act_state")],
            [
                [
                    esc(fy_label(int(str(fy)), lang)),
                    _yen(r["budget"], lang),
                    _yen(r["executed"], lang),
                    _pct(r["rate_pct"]),
                    L("act_state_" + r["state"]),
                ]
                for fy, r in e.iterrows()
            ],
            numeric=[1, 2, 3],  # the state (執行中, 確定, 未執行) is a word, not a number
            caption=L("act_yen"),
        )
    )
    files, unmapped = reconciliation(ws)
    parts.append(f"<h3>{L('act_recon')}</h3>")
    parts.append(
        html_table(
            [L(k) for k in ("act_file", "act_rows", "act_mapped", "act_unmapped", "act_imported")],
            [
                [
                    L("act_total") if k == "total" else esc(k),
                    esc(f"{int(r['rows_read']):,}"),
                    _yen(r["mapped"], lang),
                    _yen(r["unmapped"], lang),
                    _yen(r["imported"], lang),
                ]
                for k, r in files.iterrows()
            ],
            numeric_from=1,
            total_last=True,
            caption=L("act_yen"),
        )
    )
    if len(unmapped) and not compact:
        top = unmapped.sort_values("yen", ascending=False).head(MAX_UNMAPPED)
        parts.append("<p>" + L("act_unmapped_list", shown=len(top), count=len(unmapped)) + "</p>")
        parts.append(
            html_table(
                [
                    L(k)
                    for k in (
                        "act_file",
                        "act_row",
                        "act_month",
                        "act_what",
                        "act_unmapped",
                        "act_reason",
                    )
                ],
                [
                    [
                        esc(r["file"]),
                        esc(int(r["row"]) + 1),
                        esc(r["month"]),
                        esc(r["document"]),
                        _yen(r["yen"], lang),
                        L("act_reason_" + str(r["reason"])),
                    ]
                    for _, r in top.iterrows()
                ],
                numeric_from=99,
            )
        )
    parts.append("</section>")
    return Fragment("".join(parts))
