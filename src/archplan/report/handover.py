"""The handover pack: the document a successor reads first.

What is decided and what is still open, every decision with its status and links, the
assumptions register with sources and their age (stale ones flagged), the cost plan and
its commitments by fiscal year, the risks, the review calendar (what to revisit when, and
which triggers fire now), and where the files live.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from archplan.decisions import evaluate_record
from archplan.fiscal import fy_label
from archplan.messages import msg
from archplan.money import format_amount, format_number
from archplan.report.analysis import analysis_of
from archplan.report.figures import knocked_out, money_text, option_name_cell, shown_totals
from archplan.report.i18n import (
    colon,
    label,
    paren,
    sharing_key_label,
    status_label,
    trigger_html,
)
from archplan.report.sections import Fragment, _unit_note, esc, html_table, labeller
from archplan.workspace.loader import (
    ASSUMPTIONS_FILE,
    COSTS_FILE,
    CRITERIA_FILE,
    DECISIONS_DIR,
    OPTIONS_FILE,
    SCORES_FILE,
    SETTINGS_FILE,
)
from archplan.workspace.model import CostItem, DecisionRecord, Value, Workspace

__all__ = [
    "STALE_DAYS",
    "assumption_anchor",
    "assumptions_section",
    "basis_section",
    "decided_and_open",
    "files_section",
    "handover_title",
    "review_calendar",
    "risks_section",
]

#: An assumption whose as-of date is older than this is flagged as stale.
STALE_DAYS = 365
CLOSED = ("superseded", "rejected", "deprecated")


def _status(s: str, lang: str) -> str:
    return status_label(s, lang)


def handover_title(ws: Workspace, today: date | None = None) -> Fragment:
    """Title, date, author, contents."""
    lang = ws.settings.language
    today = today or date.today()

    L = labeller(lang)

    # The sections this workspace has, from the report registry (the built document's
    # list is then checked against its actual headings: report.contents).
    from archplan.report.registry import contents

    toc = "".join(
        f'<li><a href="#{esc(anchor)}">{esc(text)}</a></li>'
        for anchor, text in contents(ws, "handover")
    )
    meta = [f"<dt>{L('generated')}</dt><dd>{esc(today.isoformat())}</dd>"]
    if ws.settings.author:
        meta.append(f"<dt>{L('author')}</dt><dd>{esc(ws.settings.author)}</dd>")
    return Fragment(
        '<section class="ap-title-page">'
        f'<p class="ap-kicker">{L("handover")}</p><h1 id="top">{esc(ws.settings.title)}</h1>'
        f'<dl class="ap-meta">{"".join(meta)}</dl>'
        f"<p>{L('handover_intro')}</p>"
        f'<nav class="ap-toc" aria-label="{L("contents")}"><h2>{L("contents")}</h2>'
        f"<ol>{toc}</ol></nav></section>"
    )


def overdue_decision(r: DecisionRecord, today: date, lang: str) -> str:
    """The flag for a record still proposed after its decision date ("" if not)."""
    if r.status == "proposed" and r.date is not None and r.date < today:
        return msg("rep_overdue_decision", lang, date=r.date.isoformat())
    return ""


def decided_and_open(ws: Workspace, today: date | None = None) -> Fragment:
    """Decided (accepted), open (proposed or unknown) and closed records; the current
    recommendation. An open record whose decision date has passed is flagged overdue."""
    from archplan.report.summary import recommendation_status

    lang = ws.settings.language
    today = today or date.today()

    L = labeller(lang)

    out = [
        f'<h2 id="decided">{L("decided_open")}</h2>',
        f"<p><strong>{L('recommendation_status')}{colon(lang)}</strong>"
        f" {esc(recommendation_status(ws))}</p>",
    ]
    groups = [
        ("decided", [r for r in ws.decisions if r.status == "accepted"]),
        ("still_open", [r for r in ws.decisions if r.status not in ("accepted", *CLOSED)]),
        ("closed", [r for r in ws.decisions if r.status in CLOSED]),
    ]
    from archplan.report.timing import open_gaps_html

    gaps = open_gaps_html(ws, 4)  # support ends the plan does not cover: open questions
    for key, records in groups:
        out.append(f"<h3>{L(key)}</h3>")
        if key == "still_open":
            out.append(gaps)
        if not records:
            out.append("" if key == "still_open" and gaps else f"<p>{L('none')}</p>")
            continue
        rows = []
        for r in records:
            chosen = (
                ws.option(r.chosen).name
                if r.chosen and r.chosen in {o.id for o in ws.options}
                else (r.chosen or "")
            )
            links = ", ".join(f"{label('rel_' + rel, lang)} {n:04d}" for rel, n in r.links)
            late = overdue_decision(r, today, lang)
            rows.append(
                [
                    f'<a href="#adr-{r.number:04d}">{esc(f"{r.number:04d}")}</a>',
                    esc(r.title),
                    esc(_status(r.status, lang))
                    + (f' <span class="ap-stale">⚠ {esc(late)}</span>' if late else ""),
                    esc(r.date.isoformat() if r.date else ""),
                    esc(chosen),
                    esc(links),
                ]
            )
        out.append(
            html_table(
                [L("number"), L("title"), L("status"), L("date"), L("chosen"), L("links")],
                rows,
                css=f"ap-{key}",
            )
        )
    return Fragment("".join(out))


def assumptions_section(ws: Workspace, today: date | None = None) -> Fragment:
    """The assumptions register: value, unit, source, as-of date and age; stale flagged."""
    lang = ws.settings.language
    today = today or date.today()

    L = labeller(lang)

    rows = []
    stale = 0
    for a in ws.assumptions.values():
        age = (today - a.as_of).days if a.as_of else None
        is_stale = age is None or age > STALE_DAYS
        stale += is_stale
        value = format_number(a.value, lang)
        age_text = (
            label("no_date", lang) if age is None else label("age_days", lang).format(days=age)
        )
        flag = f'<span class="ap-stale">⚠ {L("stale")}</span>' if is_stale else ""
        rows.append(
            [
                f'<span id="{assumption_anchor(a.name)}">{esc(a.name)}</span>',
                value,
                esc(a.unit),
                esc(a.source),
                # Dates and ages stay on one line; the stale flag may wrap below.
                f'<span class="ap-nowrap">{esc(a.as_of.isoformat() if a.as_of else "—")}</span>',
                f'<span class="ap-nowrap">{esc(age_text)}</span>' + flag,
                esc(a.uncertainty.describe(lang)) if a.uncertainty else "",
            ]
        )
    note = label("stale_note", lang).format(days=STALE_DAYS, n=stale)
    return Fragment(
        f'<h2 id="assumptions">{L("assumptions_register")}</h2>'
        f'<p class="ap-note">{esc(note)}</p>'
        + html_table(
            [
                L("assumption"),
                L("value"),
                L("unit"),
                L("source"),
                L("as_of"),
                L("age"),
                L("distribution"),
            ],
            rows,
            numeric=[1],
            css="ap-assumptions",
        )
    )


def risks_section(ws: Workspace) -> Fragment:
    """Risk events and uncertain inputs, with the cost range they give."""
    from archplan.report.risk import (
        certain_note,
        has_uncertainty,
        input_label,
        plan_confidence_cell,
    )

    lang = ws.settings.language

    L = labeller(lang)

    out = [f'<h2 id="risks">{L("risks_heading")}</h2>']
    if not has_uncertainty(ws):
        out.append(f"<p>{L('no_uncertainty')}</p>")
        return Fragment("".join(out))
    if ws.risks:
        rows = [
            [
                esc(r.name),
                esc(fy_label(r.fy, lang)),
                f"{r.probability:.0%}",
                esc("; ".join(f"{ws.option(o).name}: {d.describe(lang)}" for o, d in r.impacts)),
            ]
            for r in ws.risks
        ]
        out.append(
            html_table(
                [L("risk_event"), L("fiscal_year"), L("probability"), L("impact")],
                rows,
                css="ap-risk-events",
            )
        )
    from archplan.uncertainty import summary_table

    sim = analysis_of(ws).simulation
    table = summary_table(sim)
    totals = shown_totals(ws)
    reasons = knocked_out(ws)
    rows = [
        [
            option_name_cell(ws, str(o), reasons),
            money_text(ws, r["P10"]),
            money_text(ws, r["P50"]),
            money_text(ws, r["P90"]),
            format_amount(totals[str(o)], lang),
            plan_confidence_cell(sim, str(o), float(r["plan_percentile"]), lang),
        ]
        for o, r in table.iterrows()
    ]
    out.append(
        html_table(
            [L("option"), "P10", "P50", "P90", L("plan"), L("plan_confidence")],
            rows,
            numeric_from=1,
            caption=esc(_unit_note(ws)),
            css="ap-risk-summary",
        )
    )
    out.append(certain_note(sim, lang))
    inputs = [esc(input_label(ws, n, lang)) for n in sim.model.input_names]
    out.append(f'<p class="ap-note">{L("inputs")}</p><ul class="ap-note ap-inputs">')
    out.extend(f"<li>{i}</li>" for i in inputs)
    out.append("</ul>")
    return Fragment("".join(out))


def review_calendar(ws: Workspace, today: date | None = None) -> Fragment:
    """Every open record's review date (overdue first), and the triggers that fire now."""
    lang = ws.settings.language
    today = today or date.today()

    L = labeller(lang)

    ctx = analysis_of(ws).triggers(today)
    rows = []
    for r in sorted(
        (r for r in ws.decisions if r.status not in CLOSED),
        key=lambda r: (r.review_by or date.max, r.number),
    ):
        evals, _ = evaluate_record(r, ctx, today)
        fired = [e for e in evals if e.fired]
        when = r.review_by.isoformat() if r.review_by else "—"
        state = ""
        if r.review_by and r.review_by < today:
            state = "⚠ " + label("overdue", lang)
        elif r.review_by:
            state = label("in_days", lang).format(days=(r.review_by - today).days)
        triggers = "; ".join(
            f"⚠ {trigger_html(e.text, lang)}{esc(paren(e.because, lang))}" for e in fired
        ) or esc(label("no_trigger_fires", lang) if evals else "—")
        rows.append(
            [
                f'<a href="#adr-{r.number:04d}">{esc(f"{r.number:04d}")}</a>',
                esc(r.title),
                esc(when),
                esc(state),
                triggers,
            ]
        )
    from archplan.report.timing import sort_calendar, support_calendar_rows

    # Support, maintenance, life and contract ends join the calendar, in date order.
    rows = sort_calendar(rows + support_calendar_rows(ws, today))
    if not rows:
        return Fragment(f'<h2 id="calendar">{L("review_calendar")}</h2><p>{L("none")}</p>')
    return Fragment(
        f'<h2 id="calendar">{L("review_calendar")}</h2>'
        + html_table(
            [L("number"), L("title"), L("review_by"), L("when"), L("triggers")],
            rows,
            css="ap-calendar",
        )
    )


def files_section(ws: Workspace) -> Fragment:
    """Where everything lives: the workspace folder, its files, its git commit."""
    from archplan.report.gitinfo import git_commit

    lang = ws.settings.language

    L = labeller(lang)

    root = Path(ws.root).resolve()
    files = [
        (SETTINGS_FILE, "f_settings"),
        (OPTIONS_FILE, "f_options"),
        (CRITERIA_FILE, "f_criteria"),
        (SCORES_FILE, "f_scores"),
        (ASSUMPTIONS_FILE, "f_assumptions"),
        (COSTS_FILE, "f_costs"),
        (DECISIONS_DIR + "/", "f_decisions"),
    ]
    files[6:6] = handover_extra_files()  # components.yaml, actuals/ when present
    extra = sorted(p.name for p in root.glob("*.csv") if p.name != SCORES_FILE)
    files += [(name, "f_ahp") for name in extra]
    rows = [
        [f"<code>{esc(name)}</code>", L(key) if key.startswith("f_") else esc(msg(key, lang))]
        for name, key in files
        if (root / name.rstrip("/")).exists()
    ]
    commit = git_commit(root)
    return Fragment(
        f'<h2 id="files">{L("files")}</h2>'
        f"<p>{L('workspace_folder')}{colon(lang)} <code>{esc(root)}</code>"
        + (f" · git <code>{esc(commit)}</code>" if commit else "")
        + "</p>"
        + html_table([L("file"), L("contents_of_file")], rows, css="ap-files")
        + '<p class="ap-note">'
        + esc(label("files_note", lang)).format(**rebuild_commands(root, lang))
        + "</p>"
    )


def assumption_anchor(name: str) -> str:
    """The id of an assumption's row in the register (links point here).

    Examples
    --------
    >>> assumption_anchor("saas_price_per_user_month"), assumption_anchor("a b/c")
    ('a-saas_price_per_user_month', 'a-a-b-c')
    """
    return "a-" + re.sub(r"[^A-Za-z0-9_.-]", "-", name)


def _value(ws: Workspace, v: Value | None) -> str:
    if v is None:
        return ""
    if v.assumption is not None:
        return f'<a href="#{assumption_anchor(v.assumption)}">{esc(v.assumption)}</a>'
    return esc(format_number(v.literal, ws.settings.language)) if v.literal is not None else ""


def _item_inputs(ws: Workspace, item: CostItem) -> str:
    lang = ws.settings.language
    parts: list[str] = []
    for key, v in (
        ("amount", item.amount),
        ("quantity", item.quantity),
        ("unit_price", item.unit_price),
        ("growth", item.growth),
        ("escalation", item.escalation),
    ):
        if v is not None:
            parts.append(f"{esc(msg('rep_v_' + key, lang))} = {_value(ws, v)}")
    if item.quantity_series:
        series = ", ".join(format_number(q, lang) for q in item.quantity_series)
        parts.append(f"{esc(msg('rep_v_series', lang))} = {esc(series)}")
    if item.tiers is not None:
        bands = ", ".join(
            f"{esc(format_number(lo, lang))}{'〜' if lang == 'ja' else '+'}{colon(lang)} "
            f"{_value(ws, price)}"
            for lo, price in item.tiers.bands
        )
        method = msg("rep_v_tiers_" + item.tiers.method, lang)
        parts.append(f"{esc(msg('rep_v_tiers', lang) + paren(method, lang))}{colon(lang)} {bands}")
    if item.percent_of is not None:
        what = msg("rep_v_percent_of", lang, items=", ".join(item.percent_of.items))
        parts.append(f"{esc(what)} = {_value(ws, item.percent_of.rate)}")
    if item.period == "month":
        parts.append(esc(msg("rep_v_monthly", lang)))
    if item.every:
        parts.append(esc(msg("rep_v_every", lang, n=item.every)))
    if item.currency:
        parts.append(f"{esc(msg('rep_v_currency', lang))} {esc(item.currency)}")
    return esc(msg("tim_sep", lang)).join(parts)  # "、" in Japanese


def _key_text(key: str, lang: str) -> str:
    return sharing_key_label(key, lang)


def basis_section(ws: Workspace) -> Fragment:
    """The settings, the parties' keys and every cost item's inputs, so that each figure
    an item uses can be traced to the register (linked) or to a setting shown here."""
    s = ws.settings
    lang = s.language

    def M(message: str, **values: object) -> str:
        return esc(msg(message, lang, **values))

    years = s.fiscal_years
    taxes = tax_rates_text(ws)  # "10%" for a flat rate; the rates in force in the plan
    rows = [
        [M("rep_fy_start"), M("rep_fy_start_value", month=s.fy_start_month)],
        [M("rep_plan_period"), esc(f"{fy_label(years[0], lang)}–{fy_label(years[-1], lang)}")],
        [M("rep_currency"), esc(s.currency)],
        [M("rep_display_unit"), esc(label("unit_" + s.display_unit, lang))],
        [M("rep_amounts_entered"), esc(label("tax_" + s.amounts_entered, lang))],
        [M("rep_tax_rate"), esc(taxes)],
        [
            M("rep_discount"),
            esc(f"{s.discount_rate:.1%}（{msg('rep_timing_' + s.discount_timing, lang)}）")
            if lang == "ja"
            else esc(f"{s.discount_rate:.1%} ({msg('rep_timing_' + s.discount_timing, lang)})"),
        ],
        [M("rep_capitalisation"), esc(format_number(s.capitalisation_threshold, lang))],
    ]
    for currency, name in sorted(s.exchange_rates.items()):
        link = f'<a href="#{assumption_anchor(name)}">{esc(name)}</a>' + rate_value_text(ws, name)
        rows.append([M("rep_exchange", currency=currency), link])
    if s.sharing_key:
        rows.append([M("rep_sharing_key"), esc(_key_text(s.sharing_key, lang))])
    out = [
        f'<h2 id="basis">{M("rep_basis")}</h2>',
        f'<p class="ap-note">{M("rep_basis_note")}</p>',
        f"<h3>{M('dfx_settings', file=SETTINGS_FILE)}</h3>",
        html_table([M("rep_setting"), M("rep_value")], rows, css="ap-settings"),
    ]
    if ws.parties and s.sharing_key:
        key = s.sharing_key
        weights = [1 if key == "equal" else p.value for p in ws.parties]
        whole = sum(weights)
        prow = [
            [
                esc(p.name),
                esc(format_number(p.value, lang)) if key != "equal" else "—",
                f"{float(w / whole):.2%}" if whole else "—",
            ]
            for p, w in zip(ws.parties, weights, strict=True)
        ]
        out.append(f"<h3>{M('rep_parties')}</h3>")
        out.append(
            html_table(
                [
                    M("rep_party"),
                    M("rep_party_value", basis=_key_text(key, lang)),
                    M("rep_party_share"),
                ],
                prow,
                numeric=[1, 2],
                css="ap-parties",
            )
        )
    reasons = knocked_out(ws)
    irows = []
    for item in ws.cost_items:
        period = f"{item.start}–{item.end}" if item.end is not None else f"{item.start}"
        irows.append(
            [
                esc(item.name),
                option_name_cell(ws, item.option, reasons),  # marked where knocked out
                M("rep_kind_" + ("benefit" if item.kind == "benefit" else "cost")),
                # 課税・不課税・非課税 (by category unless the item says): what the tax
                # rate in the settings applies to.
                M("cst_tax_" + item.tax_treatment(s)),
                esc(period),
                _item_inputs(ws, item),
            ]
        )
    out.append(f"<h3>{M('rep_items')}</h3>")
    out.append(
        html_table(
            [
                M("rep_item"),
                M("rep_option"),
                M("rep_kind"),
                M("cst_tax_header"),
                M("rep_period"),
                M("rep_inputs"),
            ],
            irows,
            css="ap-items",
        )
    )
    return Fragment("".join(out))


def handover_extra_files() -> list[tuple[str, str]]:
    """The optional files and folders of a workspace, with the message that says what
    each holds (the files list shows those that exist)."""
    return [("components.yaml", "dfx_f_components"), ("actuals/", "dfx_f_actuals")]


def rebuild_commands(root: Path, language: str) -> dict[str, str]:
    """The commands that rebuild the handover pack and check the workspace, as code
    cells, with the real folder name (relative: run from the folder that holds it) and a
    file name of the reader's language rather than English placeholders.

    Examples
    --------
    >>> rebuild_commands(Path("/x/library"), "ja")["rebuild"]
    '<code>archplan handover library -o library-引継ぎ資料.html</code>'
    >>> rebuild_commands(Path("/x/my case"), "en")["check"]
    '<code>archplan check &#x27;my case&#x27;</code>'
    """

    def word(text: str) -> str:  # quoted for a POSIX shell only when it must be
        return (
            text
            if re.fullmatch(r"[\w@%+=:,./-]+", text)
            else "'" + text.replace("'", "'\\''") + "'"
        )

    folder = word(root.name)
    out = word(f"{root.name}-{msg('dfx_handover_file', language)}.html")
    return {
        "rebuild": f"<code>{esc(f'archplan handover {folder} -o {out}')}</code>",
        "check": f"<code>{esc(f'archplan check {folder}')}</code>",
        "adr_check": f"<code>{esc(f'archplan adr check -w {folder}')}</code>",
    }


def tax_rates_text(ws: Workspace) -> str:
    """The consumption-tax rates of the plan as the settings table shows them: the rate
    alone when one rate is in force throughout ("10%"), else each with the day it
    applies from (:func:`archplan.costs.tax.rates_in_plan`).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> tax_rates_text(load_workspace("data/examples/food-lab"))
    '10%'
    """
    from archplan.costs.tax import rates_in_plan

    lang = ws.settings.language
    rates = rates_in_plan(ws.settings)
    if len(rates) == 1:
        return f"{float(rates[0][1]):.0%}"
    return msg("tim_sep", lang).join(
        msg("rep_tax_from", lang, rate=f"{float(r):.0%}", date=d.isoformat()) for d, r in rates
    )


def rate_value_text(ws: Workspace, name: str) -> str:
    """ " = 150 円/USD": an assumption's value and unit after its (linked) name, escaped;
    "" when there is no such assumption."""
    a = ws.assumptions.get(name)
    if a is None:
        return ""
    unit = f" {a.unit}" if a.unit else ""
    return esc(f" = {format_number(a.value, ws.settings.language)}{unit}")
