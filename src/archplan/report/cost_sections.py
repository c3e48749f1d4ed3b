"""Report sections on the cost plan beyond the per-option tables: budget by fiscal year,
categories, break-even, scenarios, commitments, depreciation, shared use, net benefit.

A section whose data the workspace does not have (no contracts, no scenarios …) says
nothing rather than printing an empty table.
"""

from __future__ import annotations

from typing import cast

import pandas as pd

from archplan.costs import (
    break_even,
    category_summary,
    net_benefit,
    scenario_table,
    share_costs,
    yearly_totals,
)
from archplan.fiscal import fy_label
from archplan.messages import msg
from archplan.money import TOTAL, format_amount, format_number, to_display_unit, to_unit
from archplan.report.analysis import analysis_of
from archplan.report.figures import knocked_out, option_name_cell
from archplan.report.i18n import asset_label, category_label, label, sharing_key_label
from archplan.report.sections import Fragment, esc, html_table, labeller
from archplan.workspace.model import Workspace

__all__ = ["budget_section", "item_annotations", "plan_details_section"]


def item_annotations(ws: Workspace) -> dict[str, tuple[str, str]]:
    """Each item's tax treatment (課税/不課税/非課税) and basis text, for the item tables.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ws = load_workspace("data/examples/shared-platform")
    >>> tax, basis = item_annotations(ws)["saas-subscription"]
    >>> tax, *basis.split("; ")  # doctest: +NORMALIZE_WHITESPACE
    ('taxable', '2,400 × USD 4.2/month × 139 yen/USD',
     "quantity as of FY2026 (the item's first year), +12% each year after")
    """
    from archplan.costs import describe_basis
    from archplan.messages import msg

    lang = ws.settings.language
    texts = describe_basis(ws, lang)
    return {
        item.id: (
            msg("cst_tax_" + item.tax_treatment(ws.settings), lang),
            str(texts.loc[(item.option, item.id)]),
        )
        for item in ws.cost_items
    }


def _unit(ws: Workspace) -> str:
    lang = ws.settings.language
    unit = label("unit_" + ws.settings.display_unit, lang)
    tax = label("tax_inclusive", lang)
    return f"（{unit}・{tax}）" if lang == "ja" else f"({unit}, {tax})"


def _fy_headers(ws: Workspace, columns: list[object]) -> list[str]:
    lang = ws.settings.language
    return [
        esc(label("total", lang)) if c == TOTAL else esc(fy_label(int(str(c)), lang))
        for c in columns
    ]


def _rows(
    ws: Workspace,
    table: pd.DataFrame,
    names: dict[str, str],
    cells: dict[str, str] | None = None,
) -> list[list[str]]:
    """Table rows; ``cells`` holds ready-made (escaped) first cells by key."""
    lang = ws.settings.language
    rows = []
    for key, values in table.iterrows():
        first = label("total", lang) if key == TOTAL else names.get(str(key), str(key))
        head = (cells or {}).get(str(key), esc(first))
        rows.append([head, *[format_amount(int(v), lang) for v in values]])
    return rows


def _tax_lines(ws: Workspace, view: pd.DataFrame) -> list[str]:
    """When a plan mixes tax treatments: each option's total split into taxable,
    non-taxable and exempt amounts and the tax, adding up to its budget total."""
    from archplan.costs import tax_breakdown
    from archplan.messages import msg

    if all(i.tax_treatment(ws.settings) == "taxable" for i in ws.cost_items):
        return []
    lang = ws.settings.language
    lines = ["taxable", "non_taxable", "exempt", "tax"]
    over_plan = tax_breakdown(ws).sum(axis=1)  # (option, line) → yen over the plan
    table = pd.DataFrame(
        {line: [int(over_plan[(o.id, line)]) for o in ws.options] for line in lines},
        index=pd.Index([o.id for o in ws.options], name="option"),
    )
    # Each option's lines add up to its total in the budget table above.
    shown = to_display_unit(table, ws.settings.display_unit, keep="rows", targets=view[TOTAL]).drop(
        index=TOTAL
    )
    names = {o.id: o.name for o in ws.options}
    header = [
        esc(label("option", lang)),
        *[esc(msg("cst_line_" + line, lang)) for line in lines],
        esc(label("total", lang)),
    ]
    return [
        f"<h3>{esc(msg('cst_tax_heading', lang))}</h3>",
        html_table(
            header,
            _rows(ws, shown, names, _option_cells(ws)),
            numeric_from=1,
            caption=esc(_unit(ws)),
            css="ap-tax-lines",
        ),
        f'<p class="ap-note">{esc(msg("cst_tax_note", lang))}</p>',
    ]


def _option_cells(ws: Workspace) -> dict[str, str]:
    reasons = knocked_out(ws)
    return {o.id: option_name_cell(ws, o.id, reasons) for o in ws.options}


def budget_section(ws: Workspace) -> Fragment:
    """The budget view: every option's cost per fiscal year in the display unit,
    cross-footed, then each option's categories, and the break-even years."""
    lang = ws.settings.language

    L = labeller(lang)

    names = {o.id: o.name for o in ws.options}
    cells = _option_cells(ws)
    # One row per option and no total row: options are alternatives, not parts of a sum.
    view = analysis_of(ws).budget_view()
    out = [
        f'<h2 id="budget">{L("budget")}</h2>',
        html_table(
            [L("option"), *_fy_headers(ws, list(view.columns))],
            _rows(ws, view, names, cells),
            numeric_from=1,
            caption=esc(_unit(ws)),
            css="ap-budget",
        ),
        f'<p class="ap-note">{esc(msg("rep_rounding_note", lang))}</p>',
    ]
    # Categories: options × categories over the horizon.
    cats: dict[str, pd.Series] = {}
    for o in ws.options:
        summary = category_summary(ws, o.id).drop(index=TOTAL)
        cats[o.id] = summary[TOTAL]
    table = pd.DataFrame(cats).T.fillna(0).astype("int64")
    # Each option's categories add up to its total in the budget table above.
    shown = to_display_unit(table, ws.settings.display_unit, keep="rows", targets=view[TOTAL]).drop(
        index=TOTAL
    )
    out.append(f"<h3>{L('by_category')}</h3>")
    out.append(
        html_table(
            [
                L("option"),
                *[
                    esc(category_label(str(c), lang)) if c != TOTAL else L("total")
                    for c in shown.columns
                ],
            ],
            _rows(ws, shown, names, cells),
            numeric_from=1,
            caption=esc(_unit(ws)),
            css="ap-categories",
        )
    )
    out.extend(_tax_lines(ws, view))
    be = break_even(ws)
    first_year = yearly_totals(ws).iloc[0]
    first = {str(k): int(v) for k, v in first_year.items()}
    rows = []
    for a in be.index:
        for b in be.columns:
            if a == b:
                continue
            year = be.loc[a, b]
            # Only pairs where the first starts dearer and catches up are break-evens.
            if first[str(a)] > first[str(b)] and year is not None:
                rows.append(
                    [
                        cells[str(a)],  # marked where knocked out
                        cells[str(b)],
                        esc(fy_label(int(year), lang)),
                    ]
                )
    if rows:
        out.append(f"<h3>{L('break_even')}</h3>")
        out.append(f'<p class="ap-note">{L("break_even_note")}</p>')
        out.append(
            html_table([L("option"), L("versus"), L("from_year")], rows, css="ap-break-even")
        )
    return Fragment("".join(out))


#: The parts of :func:`plan_details_section`, in order (each is a section of its own in
#: the report registry, :mod:`archplan.report.registry`).
PLAN_DETAILS = ("scenarios", "commitments", "depreciation", "sharing", "net_benefit")


def plan_details_section(ws: Workspace, parts: tuple[str, ...] = PLAN_DETAILS) -> Fragment:
    """Scenarios, multi-year commitments, depreciation, shared use and net benefit —
    each only when the workspace has it (``parts``: only these of them)."""
    a = analysis_of(ws)
    lang = ws.settings.language

    L = labeller(lang)

    names = {o.id: o.name for o in ws.options}
    unit = ws.settings.display_unit
    plan_years = ws.settings.fiscal_years
    out: list[str] = []
    if "scenarios" in parts and ws.scenarios:
        table = scenario_table(ws)
        # Each scenario's totals as its own budget table would show them (sums of rounded
        # cells), so the base column matches the budget table above to the unit.
        shown = pd.DataFrame(
            {
                name: a.budget_view(scenario=None if name == "base" else name)[TOTAL].map(
                    lambda v: format_amount(int(v), lang)
                )
                for name in table.columns
            }
        ).reindex(table.index)
        out.append(f'<h2 id="scenarios">{L("scenarios")}</h2>')
        cells = _option_cells(ws)
        rows = [[cells[str(o)], *r.tolist()] for o, r in shown.iterrows()]
        out.append(
            html_table(
                [
                    L("option"),
                    *[esc(msg("scenario_base", lang) if c == "base" else c) for c in table.columns],
                ],
                rows,
                numeric_from=1,
                caption=esc(_unit(ws)),
                css="ap-scenarios",
            )
        )
        overrides = "".join(
            f"<li>{esc(n)}: "
            + esc(", ".join(f"{k} = {format_number(v)}" for k, v in o.items()))
            + "</li>"
            for n, o in ws.scenarios.items()
        )
        out.append(f'<ul class="ap-note">{overrides}</ul>')
    com = a.commitments
    if "commitments" in parts and not com.empty:
        out.append(f'<h2 id="commitments">{L("commitments")}</h2>')
        for w in com.attrs["warnings"]:
            out.append(f'<p class="ap-warning" role="alert">⚠ {esc(w)}</p>')
        years = com.attrs["years"]
        rows = []
        for _cid, r in com.iterrows():
            period = (
                f"{fy_label(int(r['first_fy']), lang)}–{fy_label(int(r['last_fy']), lang)}"
                if r["first_fy"] is not None
                else ""
            )
            ceiling = (
                "" if pd.isna(r["ceiling"]) else format_amount(to_unit(r["ceiling"], unit), lang)
            )
            paid = [to_unit(int(r[y]), unit) for y in years]
            rows.append(
                [
                    esc(r["name"]),
                    esc(period),
                    *[format_amount(v, lang) for v in paid],
                    format_amount(sum(paid), lang),
                    ceiling,
                    # Words, not a bare mark (issue 11: marks with no legend).
                    esc(msg("jt_within_no" if r["exceeded"] else "jt_within_yes", lang)),
                ]
            )
        out.append(
            html_table(
                [
                    L("contract"),
                    L("period"),
                    *_fy_headers(ws, years),
                    L("commitment"),
                    L("ceiling"),
                    L("within"),
                ],
                rows,
                numeric=list(range(2, 4 + len(years))),  # the last column is words
                caption=esc(_unit(ws)),
                css="ap-commitments",
            )
        )
    dep = a.depreciation
    if "depreciation" in parts and not dep.empty:
        out.append(f'<h2 id="depreciation">{L("depreciation")}</h2>')
        years = ws.settings.fiscal_years
        items = {i.id: i.name for i in ws.cost_items}
        rows = []
        for key, rec in zip(dep.index.tolist(), dep.to_dict("records"), strict=True):
            opt_id, item_id, bought = (str(k) for k in key)
            rows.append(
                [
                    esc(names[opt_id]),
                    esc(items[item_id]),
                    esc(bought),
                    esc(f"{asset_label(str(rec['asset']), lang)} / {rec['life']}"),
                    *[format_amount(to_unit(int(rec[y]), unit), lang) for y in years],
                    format_amount(to_unit(int(rec["after_plan"]), unit), lang),
                ]
            )
        out.append(
            html_table(
                [
                    L("option"),
                    L("item"),
                    L("purchased"),
                    L("life"),
                    *_fy_headers(ws, list(years)),
                    L("after_plan"),
                ],
                rows,
                numeric_from=4,
                caption=esc(_unit(ws)),
                css="ap-depreciation",
            )
        )
        threshold = format_amount(dep.attrs["threshold"], lang)
        note = label("depreciation_note", lang).format(threshold=threshold)
        out.append(f'<p class="ap-note">{esc(note)}</p>')
    if "sharing" in parts and ws.parties and ws.settings.sharing_key:
        summary = a.cost_summary
        option = str(summary["total"].idxmin())
        ranking = a.ranking
        if ws.settings.sharing_option is not None:  # the option the parties share, as set
            option = ws.settings.sharing_option
        elif len(ranking):
            option = str(ranking.index[0])
        shares = share_costs(ws, option)
        out.append(f'<h2 id="sharing">{L("sharing")}</h2>')
        key = sharing_key_label(ws.settings.sharing_key, lang)
        note = label("sharing_note", lang).format(option=names[option], key=key)
        out.append(f'<p class="ap-note">{esc(note)}</p>')
        body = shares.drop(columns="name")
        # Each year's shares add up to that year's cost as the budget table shows it.
        row = cast(pd.Series, a.budget_view().loc[option]).drop(TOTAL)
        shown = to_display_unit(body.drop(index=TOTAL), unit, keep="columns", targets=row)
        party = {p.id: p.name for p in ws.parties}
        out.append(
            html_table(
                [L("party"), *_fy_headers(ws, list(shown.columns))],
                _rows(ws, shown, party),
                numeric_from=1,
                total_last=True,
                caption=esc(_unit(ws)),
                css="ap-sharing",
            )
        )
    for opt in ws.options if "net_benefit" in parts else ():
        if not any(i.kind == "benefit" and i.option == opt.id for i in ws.cost_items):
            continue
        nb = net_benefit(ws, opt.id)
        out.append(f'<h2 id="net-benefit-{esc(opt.id)}">{L("net_benefit")} — {esc(opt.name)}</h2>')
        # Costs as the budget table shows them, benefits rounded the same way, and the
        # net derived from the two shown rows so that the table subtracts to the unit.
        cost_shown = a.budget_view().loc[opt.id, plan_years].astype("int64")
        benefit_shown = nb["benefit"].map(lambda v: to_unit(int(v), unit)).astype("int64")
        shown = pd.DataFrame(
            {"benefit": benefit_shown, "cost": cost_shown, "net": benefit_shown - cost_shown}
        ).T
        out.append(
            html_table(
                [L("item"), *_fy_headers(ws, list(shown.columns))],
                _rows(
                    ws,
                    shown,
                    {
                        "benefit": label("benefit_row", lang),
                        "cost": label("cost_row", lang),
                        "net": label("net_row", lang),
                    },
                ),
                numeric_from=1,
                caption=esc(_unit(ws)),
            )
        )
        payback = nb.attrs["payback_year"]
        out.append(
            f'<p class="ap-note">{L("payback")}: '
            f"{esc(fy_label(payback, lang)) if payback else '—'}; ROI: "
            f"{nb.attrs['roi']:.1%}</p>"
            if nb.attrs["roi"] is not None
            else ""
        )
    return Fragment("".join(out))
