"""The report's cost-risk section: shown when the workspace declares uncertainties."""

from __future__ import annotations

from typing import cast

import pandas as pd

from archplan.errors import ArchplanError
from archplan.fiscal import fy_label
from archplan.messages import msg
from archplan.money import TOTAL, UNIT_DIVISOR, apportion, format_amount, to_unit
from archplan.report.analysis import analysis_of
from archplan.report.charts import s_curve_chart, tornado_chart
from archplan.report.figures import knocked_out, option_label, option_name_cell, shown_totals
from archplan.report.i18n import label, paren
from archplan.report.sections import Fragment, _unit_note, esc, html_table, labeller
from archplan.uncertainty import (
    Simulation,
    contingency,
    prob_cheaper,
    prob_cheapest,
    rank_first,
    summary_table,
    tornado,
    variance_contribution,
)
from archplan.uncertainty.results import is_certain
from archplan.workspace.model import Workspace

__all__ = [
    "CHEAPER_MAX",
    "has_uncertainty",
    "input_label",
    "plan_confidence_cell",
    "rank_first_note",
    "risk_section",
    "shown_contingency",
]

#: The most options the report's "probability of being cheaper" matrix shows.
CHEAPER_MAX = 6


def _percent(p: float) -> str:
    """A probability as a whole percentage; "—" where it is not defined (NaN)."""
    return "—" if p != p else f"{p:.0%}"


def has_uncertainty(ws: Workspace) -> bool:
    """Whether any assumption, item or risk event is uncertain."""
    return (
        any(a.uncertainty is not None for a in ws.assumptions.values())
        or any(i.uncertainty is not None for i in ws.cost_items)
        or bool(ws.risks)
    )


def input_label(ws: Workspace, name: str, language: str) -> str:
    """A readable name for a simulation input.

    An item's estimate is named by the item, and also by its option when another
    item has the same name (many options often share item names such as "migration").

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ws = load_workspace("data/examples/inquiry-desk-screening")
    >>> input_label(ws, "item:madoguchi-navi-setup", "ja")
    '初期設定・台帳データの取込 — 窓口ナビ クラウド（見積の不確実性）'
    >>> input_label(ws, "item:current-maintenance", "ja")
    '台帳マクロの保守委託（見積の不確実性）'
    """
    if name.startswith("item:"):
        item = next(i for i in ws.cost_items if i.id == name[5:])
        shared = sum(i.name == item.name for i in ws.cost_items) > 1
        shown = f"{item.name} — {ws.option(item.option).name}" if shared else item.name
        return shown + paren(label("estimate", language), language)
    if name.startswith("risk:"):
        parts = name.split(":")
        risk = next(r for r in ws.risks if r.id == parts[1])
        return risk.name + (f" — {ws.option(parts[2]).name}" if len(parts) > 2 else "")
    return name


def shown_contingency(ws: Workspace, option: str, cont: pd.DataFrame) -> dict[str, list[int]]:
    """The contingency table's rows in the display unit, as every document shows them.

    ``cont`` is :func:`archplan.uncertainty.contingency` of ``option`` (fiscal years,
    then ``total``). The plan row is the option's budget row (:func:`shown_totals`'
    convention: the total rounded half-up, its years apportioned to it); the allocated
    contingency is apportioned so that it adds up to its total; the budget request is
    the sum of the two rows shown. The simulation's own plan (floats) may differ from
    the budget by a few yen, which could move a rounded figure: it is not used here.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> from archplan.uncertainty import contingency, simulate
    >>> ws = load_workspace("data/examples/vaccine-booking")
    >>> rows = shown_contingency(ws, "saas", contingency(simulate(ws, 2000), "saas", 0.8))
    >>> rows["plan"][-1]  # the option's total in 千円, as in the budget table
    152273
    >>> all(p + a == b for p, a, b in zip(rows["plan"], rows["allocated"], rows["budget"]))
    True
    """
    unit_id = ws.settings.display_unit
    years = [c for c in cont.index if c != "total"]
    view = analysis_of(ws).budget_view()
    plan_row = {str(c): int(v) for c, v in cast(pd.Series, view.loc[option]).items()}
    shown = {
        "plan": [plan_row[str(y)] for y in years] + [plan_row[TOTAL]],
        "own_quantile": [to_unit(float(v), unit_id) for v in cont["own_quantile"]],
    }
    alloc = apportion([int(v) for v in cont["allocated"].drop("total")], UNIT_DIVISOR[unit_id])
    shown["allocated"] = [*alloc, sum(alloc)]
    shown["budget"] = [p + a for p, a in zip(shown["plan"], shown["allocated"], strict=True)]
    return shown


def risk_section(ws: Workspace) -> Fragment:
    """Percentiles, the plan's confidence, contingency per year, P(cheaper), tornado,
    P(ranks first), and the reproducibility record."""
    if not has_uncertainty(ws):
        return Fragment("")
    lang = ws.settings.language

    L = labeller(lang)

    cfg = ws.settings.simulation
    a = analysis_of(ws)
    sim = a.simulation
    divisor = UNIT_DIVISOR[ws.settings.display_unit]
    unit = label("unit_" + ws.settings.display_unit, lang)
    names = {o.id: o.name for o in ws.options}

    def money(v: float) -> str:
        return format_amount(to_unit(v, ws.settings.display_unit), lang)

    out = [f'<h2 id="risk">{L("risk")}</h2>']
    rec = sim.record
    out.append(f'<p class="ap-note">{esc(label("risk_note", lang).format(**rec))}</p>')
    table = summary_table(sim)
    totals = shown_totals(ws)
    conf = cfg.confidence
    reasons = knocked_out(ws)
    # Knocked-out options do not compete for "cheapest" (docs/risk.md).
    out_of_play = [o for o in sim.options if o in reasons]
    cheapest = {str(k): float(v) for k, v in prob_cheapest(sim, exclude=out_of_play).items()}
    rows = [
        [
            option_name_cell(ws, str(o), reasons),
            money(r["mean"]),
            money(r["P10"]),
            money(r["P50"]),
            money(r["P70"]),
            money(r["P80"]),
            money(r["P90"]),
            format_amount(totals[str(o)], lang),
            plan_confidence_cell(sim, str(o), float(r["plan_percentile"]), lang),
            _percent(cheapest[str(o)]),
        ]
        for o, r in table.iterrows()
    ]
    out.append(
        html_table(
            [
                L("option"),
                L("mean"),
                "P10",
                "P50",
                "P70",
                "P80",
                "P90",
                L("plan"),
                L("plan_confidence"),
                L("p_cheapest"),
            ],
            rows,
            numeric_from=1,
            caption=esc(_unit_note(ws)),
            css="ap-risk",
        )
    )
    in_play = len(sim.options) - len(out_of_play)
    if out_of_play:
        note = msg("pol_knocked_out_do_not_compete", lang, n=in_play)
        out.append(f'<p class="ap-note">{esc(note)}</p>')
    out.append(certain_note(sim, lang))  # options with no uncertain input
    out.append(
        s_curve_chart(
            {o: sim.totals[:, k] for k, o in enumerate(sim.options)},
            {o: float(sim.deterministic[k].sum()) for k, o in enumerate(sim.options)},
            {o: option_label(ws, o, reasons) for o in names},
            divisor,
            unit,
            conf,
            lang,
            muted=out_of_play,
        ).html()
    )
    ranking = a.ranking
    focus = str(ranking.index[0]) if len(ranking) else sim.options[0]
    cont = contingency(sim, focus, conf)
    heading = label("contingency", lang).format(level=round(conf * 100), option=names[focus])
    out.append(f"<h3>{esc(heading)}</h3>")
    years = [c for c in cont.index if c != "total"]
    header = [L("item"), *[esc(fy_label(int(str(y)), lang)) for y in years], L("total")]
    shown = shown_contingency(ws, focus, cont)
    body = [
        [L(f"cont_{col}"), *[format_amount(v, lang) for v in shown[col]]]
        for col in ("plan", "own_quantile", "allocated", "budget")
    ]
    out.append(
        html_table(header, body, numeric_from=1, caption=esc(_unit_note(ws)), css="ap-contingency")
    )
    out.append(f'<p class="ap-note">{L("contingency_note")}</p>')
    # Only options still in play, and at most CHEAPER_MAX of them (the highest-ranked),
    # so that the matrix stays readable on screen and fits an A4 page.
    ranked = [str(o) for o in ranking.index if str(o) in sim.options and str(o) not in reasons]
    others = [o for o in sim.options if o not in reasons and o not in ranked]
    matrix = (ranked + others)[:CHEAPER_MAX]
    pc = prob_cheaper(sim, exclude=[o for o in sim.options if o not in matrix])
    pc = pc.loc[matrix, matrix]
    out.append(f"<h3>{L('prob_cheaper')}</h3>")
    rows = [
        [esc(names[str(a)]), *["—" if a == b else f"{pc.loc[a, b]:.0%}" for b in pc.columns]]
        for a in pc.index
    ]
    out.append(
        html_table(
            [L("option"), *[esc(names[str(b)]) for b in pc.columns]],
            rows,
            numeric_from=1,
            css="ap-cheaper",
        )
    )
    if in_play > len(matrix):
        note = msg("pol_cheaper_top", lang, shown=len(matrix), n=in_play)
        out.append(f'<p class="ap-note">{esc(note)}</p>')
    elif out_of_play:
        out.append(f'<p class="ap-note">{esc(msg("pol_cheaper_in_play", lang))}</p>')
    tor = tornado(sim, focus)
    vc = variance_contribution(sim, focus)
    labels = {str(n): input_label(ws, str(n), lang) for n in tor.index}
    shares = {str(k): float(v) for k, v in vc["share"].items()}
    out.append(f"<h3>{esc(label('tornado_for', lang).format(option=names[focus]))}</h3>")
    rows = [
        [
            esc(labels[str(n)]),
            money(r["low"]),
            money(r["high"]),
            money(r["swing"]),
            f"{shares[str(n)]:.0%}",
        ]
        for n, r in tor.iterrows()
        if r["swing"] > 0
    ]
    if rows:  # an option with no uncertain input has no drivers: no empty table
        out.append(
            html_table(
                [L("input"), L("at_p10"), L("at_p90"), L("swing"), L("variance_share")],
                rows,
                numeric_from=1,
                caption=esc(_unit_note(ws)),
                css="ap-tornado",
            )
        )
        out.append(tornado_chart(tor[tor["swing"] > 0], labels, divisor, unit, lang).html())
    else:
        out.pop()  # the heading too
    try:
        # Only when some criterion follows the cost plan; otherwise the note says why not.
        linked = any(c.source != "scores" for c in ws.criteria)
        rf = (
            rank_first(sim, samples=min(2000, sim.by_year.shape[0]), problem=a.problem)
            if linked
            else None
        )
    except ArchplanError:
        rf = None
    if rf is None and not linked:
        out.append(f"<h3>{L('rank_first')}</h3>")
        out.append(f'<p class="ap-note">{esc(msg("dfx_rank_first_unlinked", lang))}</p>')
    if rf is not None:
        out.append(f"<h3>{L('rank_first')}</h3>")
        out.append(
            html_table(
                [L("option"), L("p_first")],
                [
                    [
                        option_name_cell(ws, str(o), reasons),
                        "—" if str(o) in reasons else f"{p:.0%}",
                    ]
                    for o, p in rf.items()
                ],
                numeric_from=1,
                css="ap-rank-first",
            )
        )
        out.append(f'<p class="ap-note">{esc(rank_first_note(sim, rf, lang))}</p>')
    inputs = []
    for name, dist in sim.model.distributions.items():
        inputs.append([esc(input_label(ws, name, lang)), esc(dist.describe(lang))])
    for risk in ws.risks:
        inputs.append(
            [esc(risk.name), esc(f"p = {risk.probability:.0%}, {fy_label(risk.fy, lang)}")]
        )
    out.append(
        f'<details class="ap-note"><summary>{L("inputs")}</summary>'
        + html_table([L("input"), L("distribution")], inputs)
        + "</details>"
    )
    return Fragment("".join(out))


def plan_confidence_cell(sim: Simulation, option: str, percentile: float, language: str) -> str:
    """The plan's confidence level as shown: "P29", or "—" for an option whose total
    does not vary (:func:`~archplan.uncertainty.results.is_certain`), whose percentile
    would only say on which side of the plan the rounding fell; :func:`certain_note`
    says what "—" means there."""
    if is_certain(sim, option):
        return "—"
    return f"P{round(percentile * 100)}"


def certain_note(sim: Simulation, language: str) -> str:
    """A note under the percentiles table when some option has no uncertainty ("")."""
    if not any(is_certain(sim, o) for o in sim.options):
        return ""
    return f'<p class="ap-note">{esc(msg("dfx_certain_note", language))}</p>'


def rank_first_note(sim: Simulation, rf: pd.Series, language: str) -> str:
    """What the P(first) table rests on, as it is: how many of the run's trials were
    used, and whether any criterion follows the costs at all (a cost criterion scored
    by hand, such as ◎○△×, does not: the ranking then does not move with the costs)."""
    ws = sim.model.ws
    linked = [c for c in ws.criteria if c.source != "scores"]
    trials = int(sim.record.get("trials") or sim.by_year.shape[0])
    used = int(rf.attrs["samples"])
    if not linked:
        return msg("dfx_rank_first_unlinked", language)
    names = msg("tim_sep", language).join(c.name for c in linked)
    if used < trials:
        return msg("dfx_rank_first_some", language, criteria=names, used=used, n=trials)
    return msg("dfx_rank_first_all", language, criteria=names, n=trials)
