"""The report's timing section and the roadmap chart (one per workspace, by fiscal year).

The roadmap shows, on one A4-landscape-sized chart: build and migration periods and
go-live of each option, contracts and commitment periods, the support windows of the
components (active, security, extended), the decisions' review dates and the triggers
that fire on the day of the report.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
from matplotlib import rc_context
from matplotlib.dates import date2num
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from archplan.costs.engine import item_span, month_start
from archplan.fiscal import fiscal_year, fiscal_year_bounds, fy_label
from archplan.messages import msg
from archplan.money import UNIT_DIVISOR
from archplan.report.charts import DPI, Chart, _font_family
from archplan.report.i18n import label, paren
from archplan.report.sections import Fragment, _money, _unit_note, esc, html_table
from archplan.timing.analysis import _life_end, act_by, completion_date, plan_bounds
from archplan.workspace.consistency import go_live_month
from archplan.workspace.model import Workspace

__all__ = [
    "open_gaps_html",
    "roadmap_chart",
    "roadmap_section",
    "support_calendar_rows",
    "timing_section",
    "uses_eol_data",
    "waiting_chart",
    "waiting_note",
]

_ACTIVE, _SECURITY, _EXTENDED = "#4e9a6b", "#e0b040", "#e07b39"
_BUILD, _CONTRACT, _RUN = "#3b6ea8", "#8c8c8c", "#9ecae1"


def uses_eol_data(ws: Workspace) -> bool:
    """Whether any component takes its dates from the packaged end-of-life data."""
    return any(c.product for c in ws.components)


def _d(day: date) -> float:
    return float(date2num(day))  # type: ignore[no-untyped-call]


def _fired(ws: Workspace, as_of: date) -> list[tuple[int, str]]:
    from archplan.decisions import evaluate_record
    from archplan.report.analysis import analysis_of

    ctx = analysis_of(ws).triggers(as_of)
    out: list[tuple[int, str]] = []
    for r in ws.decisions:
        if r.status in ("superseded", "rejected", "deprecated"):
            continue
        evals, _ = evaluate_record(r, ctx, as_of)
        out.extend((r.number, e.text) for e in evals if e.fired)
    return out


def _wrapped_label(text: str, name: str, width: int = 24) -> str:
    r"""A roadmap row label: the option's name on its own line, and what follows it (a
    knocked-out option's mark and reason) on lines of at most ``width`` characters, so
    that a long reason does not squeeze the chart. Numbers and Latin words are never
    split; Japanese may break between any two characters.

    Examples
    --------
    >>> _wrapped_label("A (knocked out: data kept abroad is not allowed)", "A", 20)
    'A\n(knocked out: data\nkept abroad is not\nallowed)'
    >>> _wrapped_label("B（除外：総費用：24,684,000が上限を上回る）", "B", 12)
    'B\n（除外：総費用：\n24,684,000が上\n限を上回る）'
    >>> _wrapped_label("A", "A")
    'A'
    """
    import re

    rest = text[len(name) :].strip() if text.startswith(name) else ""
    if not rest:
        return text
    lines: list[str] = []
    line = ""
    for token in re.findall(r"[0-9A-Za-z.,:;()'/-]+|\s+|.", rest):
        if line and len(line) + len(token.rstrip()) > width:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
    lines.append(line.rstrip())
    return "\n".join([name, *lines])


def roadmap_chart(ws: Workspace, as_of: date | None = None) -> Chart:
    """The roadmap by fiscal year: one row per option, contract and component.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> from datetime import date
    >>> c = roadmap_chart(load_workspace("data/examples/food-lab"), as_of=date(2026, 4, 1))
    >>> c.png()[:4], c.title
    (b'\\x89PNG', '年度別ロードマップ')
    """
    today = as_of or date.today()
    lang = ws.settings.language
    sm = ws.settings.fy_start_month
    first, last = plan_bounds(ws)
    lo = fiscal_year_bounds(ws.settings.first_fy - 1, sm)[0]
    hi = fiscal_year_bounds(ws.settings.first_fy + ws.settings.horizon, sm)[1]
    from archplan.report.figures import knocked_out, option_label

    reasons = knocked_out(ws)  # knocked-out options keep their mark on the roadmap too
    rows: list[tuple[str, list[tuple[date, date, str, str]], list[tuple[date, str]]]] = []
    for o in ws.options:
        bars: list[tuple[date, date, str, str]] = []
        marks: list[tuple[date, str]] = []
        mine = [i for i in ws.cost_items if i.option == o.id and i.kind == "cost"]
        build = [i for i in mine if i.phase in ("build", "migrate")]
        run = [i for i in mine if i.nature != "one-off"]
        if run:
            spans = [item_span(i, ws.settings) for i in run]
            a = month_start(min(s for s, _ in spans))
            b = month_start(max(e for _, e in spans) + 1) - timedelta(days=1)
            bars.append((a, b, _RUN, ""))
        if build:
            a = min(month_start(item_span(i, ws.settings)[0]) for i in build)
            b = max(completion_date(i, sm) for i in build)
            bars.append((a, b, _BUILD, ""))
        # Go-live: the option's declared go_live (options.yaml) where there is one, else
        # the day after its build and migration are complete.
        if o.go_live is not None:
            marks.append((month_start(go_live_month(o.go_live, sm)), "D"))
        elif build:
            marks.append((max(completion_date(i, sm) for i in build) + timedelta(days=1), "D"))
        rows.append(
            (_wrapped_label(option_label(ws, o.id, reasons), ws.option(o.id).name), bars, marks)
        )
    for contract in ws.contracts:
        its = [i for i in ws.cost_items if i.contract == contract.id]
        if not its:
            continue
        spans = [item_span(i, ws.settings) for i in its]
        a = month_start(min(s for s, _ in spans))
        b = month_start(max(e for _, e in spans) + 1) - timedelta(days=1)
        rows.append((contract.name, [(a, b, _CONTRACT, "")], []))
    ended: dict[int, str] = {}  # row → "ended on …" for a component ended before the chart
    for c in ws.components:
        bars = []
        start = c.release_date or c.purchased or c.contract_start or lo
        if c.kind == "software":
            segs = [
                (c.active_end, _ACTIVE),
                (c.security_end, _SECURITY),
                (c.extended_end, _EXTENDED),
            ]
            cur = start
            for end, color in segs:
                if isinstance(end, date) and end > cur:
                    # Paid extended support that no item buys: hatched, not solid.
                    bought = color != _EXTENDED or bool(c.extended_support)
                    bars.append((cur, end, color, "" if bought else "unbought"))
                    cur = end + timedelta(days=1)
        elif c.kind == "hardware":
            ends = [d for d in (c.maintenance_end, _life_end(c)) if d is not None]
            if ends:
                bars.append((start, min(ends), _SECURITY, ""))
                if max(ends) > min(ends):
                    bars.append((min(ends) + timedelta(days=1), max(ends), _EXTENDED, ""))
        elif c.contract_end is not None:
            bars.append((start, c.contract_end, _CONTRACT, ""))
        # Ended before the chart begins (PostgreSQL 12 in a plan from 2027), or ended
        # with no date published: say so in the row rather than leave it blank.
        if all(b < lo for _, b, _, _ in bars):
            dated = [b for _, b, _, _ in bars]
            if dated or c.security_end is True:
                ended[len(rows)] = (
                    msg("tim_ended_before", lang, date=max(dated).isoformat())
                    if dated
                    else msg("tim_ended_undated", lang)
                )
        rows.append((c.name, bars, []))
    fired = _fired(ws, today)
    with rc_context({"font.family": _font_family(lang)}):
        fig = Figure(figsize=(10.5, 0.42 * len(rows) + 2.2), dpi=DPI)
        ax = fig.subplots()
        n = len(rows)
        for k, (_, bars, marks) in enumerate(rows):
            y = n - 1 - k
            for a, b, color, _txt in bars:
                a2, b2 = max(a, lo), min(b, hi)
                if b2 < a2:
                    continue
                ax.barh(
                    y,
                    _d(b2) - _d(a2) + 1,
                    left=_d(a2),
                    height=0.55,
                    color="white" if _txt == "unbought" else color,
                    edgecolor=color if _txt == "unbought" else "white",
                    hatch="///" if _txt == "unbought" else None,
                )
            for day, marker in marks:
                if lo <= day <= hi:
                    ax.plot(_d(day), y, marker=marker, color="black", markersize=7)
            if k in ended:
                ax.text(_d(lo) + 8, y, ended[k], fontsize=7, color="#c0392b", va="center")
        ax.set_yticks(range(n))
        ax.set_yticklabels([r[0] for r in rows][::-1], fontsize=8)
        fys = list(range(ws.settings.first_fy - 1, ws.settings.first_fy + ws.settings.horizon + 1))
        ax.set_xticks([_d(fiscal_year_bounds(fy, sm)[0]) for fy in fys])
        ax.set_xticklabels([fy_label(fy, lang) for fy in fys], fontsize=8)
        ax.set_xlim(_d(lo), _d(hi) + 1)
        ax.axvspan(_d(first), _d(last) + 1, color="#f2f2f2", zorder=-2)
        ax.grid(True, axis="x", alpha=0.4)
        for r in ws.decisions:
            if r.review_by and lo <= r.review_by <= hi and r.status not in ("superseded",):
                ax.axvline(_d(r.review_by), color="#7b3fa0", linestyle="--", linewidth=1)
                ax.text(
                    _d(r.review_by),
                    n - 0.45,
                    f"ADR-{r.number:04d}",
                    fontsize=7,
                    color="#7b3fa0",
                    rotation=90,
                    va="top",
                    ha="right",
                )
        if lo <= today <= hi:
            ax.axvline(_d(today), color="black", linewidth=1)
            ax.text(
                _d(today),
                -0.9,
                f"{msg('tim_today', lang)} {today.isoformat()}",
                fontsize=7,
                ha="center",
            )
            if fired:
                ax.plot(_d(today), n - 0.45, marker="v", color="#c0392b", markersize=9)
        ax.set_ylim(-1.2, n)
        title = msg("tim_roadmap", lang)
        ax.set_title(title)
        legend = [
            Patch(color=_BUILD, label=msg("tim_build", lang)),
            Patch(color=_RUN, label=msg("tim_run", lang)),
            Line2D([], [], marker="D", color="black", linestyle="", label=msg("tim_golive", lang)),
            Patch(color=_CONTRACT, label=msg("tim_contract", lang)),
            Patch(color=_ACTIVE, label=msg("tim_active", lang)),
            Patch(color=_SECURITY, label=msg("tim_security", lang)),
            Patch(color=_EXTENDED, label=msg("dfx_extended_paid", lang)),
            Patch(color="#7b3fa0", label=msg("tim_review", lang)),
        ]
        if fired:
            legend.append(Patch(color="#c0392b", label=msg("tim_fired", lang)))
        ax.legend(
            handles=legend,
            fontsize=7,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.08),
            ncol=4,
            frameon=False,
        )
        fig.tight_layout()
    return Chart(fig, title)


def waiting_chart(ws: Workspace, table: pd.DataFrame) -> Chart:
    """Bars of the total by start year ("the cost of deciding a year later"), the part
    paid to keep the current system running shaded, for a :func:`cost_of_waiting` table.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> from archplan.timing import cost_of_waiting
    >>> ws = load_workspace("data/examples/food-lab")
    >>> waiting_chart(ws, cost_of_waiting(ws, "saas")).title
    '決定を1年遅らせた場合の費用：検査情報管理SaaSの利用'
    """
    lang = ws.settings.language
    divisor = float(UNIT_DIVISOR[ws.settings.display_unit])
    option = str(table.attrs.get("option", ""))
    name = ws.option(option).name if option else ""
    title = msg("tim_waiting_title", lang, option=name)
    with rc_context({"font.family": _font_family(lang)}):
        fig = Figure(figsize=(7.5, 3.6), dpi=DPI)
        ax = fig.subplots()
        x = [fy_label(int(v), lang) for v in table["start_fy"]]
        total = table["total"].to_numpy(dtype=float) / divisor
        current = table["current_system"].to_numpy(dtype=float) / divisor
        ax.bar(x, total - current, color=_BUILD, label=name)
        ax.bar(
            x, current, bottom=total - current, color=_CONTRACT, label=msg("tim_current_part", lang)
        )
        top = total.copy()
        extra = table["extra"].to_numpy(dtype=float) / divisor
        if table["lost_benefit"].any():
            lost = table["lost_benefit"].to_numpy(dtype=float) / divisor
            ax.bar(
                x,
                np.where(lost > 0, lost, np.nan),
                bottom=total,
                color="none",
                edgecolor="#c0392b",
                hatch="//",
                label=msg("tim_lost_benefit", lang),
            )
            top = total + np.maximum(lost, 0)
            extra = table["net_extra"].to_numpy(dtype=float) / divisor
        for k in range(1, len(x)):  # what waiting adds, over the bar
            ax.annotate(f"{extra[k]:+,.0f}", (k, top[k]), ha="center", va="bottom", fontsize=8)
        ax.set_ylim(0, float(top.max()) * 1.12 if len(top) else 1)
        ax.set_title(title, fontsize=10)
        ax.set_xlabel(msg("tim_start", lang))
        ax.set_ylabel(label("unit_" + ws.settings.display_unit, lang))
        ax.yaxis.set_major_formatter(lambda v, _pos: f"{v:,.0f}")
        ax.grid(True, axis="y", alpha=0.3)
        ax.legend(fontsize=8, loc="lower right")
        fig.tight_layout()
    return Chart(fig, title)


def roadmap_section(ws: Workspace, as_of: date | None = None) -> Fragment:
    """The roadmap under its own heading, printed on an A4 landscape page (handover)."""
    lang = ws.settings.language
    return Fragment(
        f'<div class="ap-roadmap"><h2 id="roadmap">{esc(msg("tim_roadmap", lang))}</h2>'
        + roadmap_chart(ws, as_of).html()
        + "</div>"
    )


def _cell(text: str) -> str:
    """An escaped table cell whose dates do not break at their hyphens."""
    return esc(text) if text == "—" else f'<span class="ap-nowrap">{esc(text)}</span>'


def _fmt(v: object, lang: str) -> str:
    if v is True:
        return msg("tim_passed", lang)
    if isinstance(v, date):
        return v.isoformat()
    return "—"


def _chosen(ws: Workspace) -> str | None:
    """The option of the newest accepted record, else the first-ranked option."""
    accepted = [r for r in ws.decisions if r.status == "accepted" and r.chosen]
    if accepted:
        chosen = max(accepted, key=lambda r: r.number).chosen
        if chosen in {o.id for o in ws.options}:
            return chosen
    from archplan.report.analysis import analysis_of

    return analysis_of(ws).top


def timing_section(ws: Workspace, as_of: date | None = None) -> Fragment:
    """When to act (per option), the support windows, the cost of deciding a year later
    for the recommended option, and the roadmap chart."""
    from archplan.report.figures import knocked_out, option_name_cell
    from archplan.timing.eol import load_eol
    from archplan.timing.gaps import open_gap_cell
    from archplan.timing.waiting import cost_of_waiting

    today = as_of or date.today()
    lang = ws.settings.language
    sm = ws.settings.fy_start_month
    parts = [f'<h2 id="timing">{esc(msg("tim_title", lang))}</h2>']
    if ws.components or ws.contracts:
        parts.append(f'<p class="ap-note">{esc(msg("tim_intro", lang))}</p>')
        t = act_by(ws, today)
        # A knocked-out option still appears here, so it carries its mark and reason.
        reasons = knocked_out(ws)
        rows = []
        for oid, r in t.iterrows():
            name_cell = option_name_cell(ws, str(oid), reasons)
            if not r["what"]:  # nothing ends (an end that passed undated has a "what")
                rows.append([name_cell, "—", "—", esc(msg("tim_nothing", lang)), "—"])
                continue
            cov = (
                msg("tim_yes", lang, by=r["covered_by"])
                if r["covered"]
                else open_gap_cell(ws, str(oid))  # "no", or a fix planned too late
            )
            rows.append(
                [
                    name_cell,
                    esc(_fmt(r["date"] or True, lang)),
                    esc(fy_label(fiscal_year(r["date"], sm), lang)) if r["date"] else "—",
                    esc(r["what"]),
                    esc(cov) + (esc(msg("tim_open_n", lang, n=r["open"])) if r["open"] else ""),
                ]
            )
        parts.append(
            html_table(
                [
                    esc(msg(k, lang))
                    for k in ("tim_option", "tim_act_by", "tim_fy", "tim_what", "tim_covered")
                ],
                rows,
                css="ap-timing",
            )
        )
    if ws.components:
        rows = []
        for c in ws.components:
            other = [d for d in (c.maintenance_end, _life_end(c), c.contract_end) if d]
            src = "endoflife.date" if c.product else msg("tim_declared", lang)
            if c.product and c.declared:
                src += " + " + msg("tim_declared", lang) + paren(", ".join(c.declared), lang)
            rows.append(
                [
                    esc(c.name),
                    esc(f"{c.product} {c.release}" if c.product else "—"),
                    _cell(_fmt(c.active_end, lang)),
                    _cell(_fmt(c.security_end, lang)),
                    _cell(_fmt(c.extended_end, lang)),
                    _cell(", ".join(d.isoformat() for d in other) or "—"),
                    esc(", ".join(c.options)),
                    esc(src),
                ]
            )
        keys = [
            "tim_component",
            "tim_release",
            "tim_active",
            "tim_security",
            "dfx_extended_paid_col",  # usually paid: not a cover unless an item buys it
            "tim_other_end",
            "tim_used_by",
            "tim_source",
        ]
        # Columns with nothing in them are left out, so the table fits an A4 page.
        keep = [j for j in range(len(keys)) if j == 0 or any(r[j] != "—" for r in rows)]
        parts.append(f"<h3>{esc(msg('tim_windows', lang))}</h3>")
        parts.append(
            html_table(
                [esc(msg(keys[j], lang)) for j in keep],
                [[r[j] for j in keep] for r in rows],
                css="ap-windows",
            )
        )
    chosen = _chosen(ws) if ws.current_option else None
    if chosen is not None and ws.settings.horizon > 2:
        w = cost_of_waiting(ws, chosen)
        name = ws.option(chosen).name
        cur = ws.option(ws.current_option).name if ws.current_option else "—"
        parts.append(f"<h3>{esc(msg('tim_waiting_title', lang, option=name))}</h3>")
        parts.append(f'<p class="ap-note">{esc(msg("dfx_waiting_intro", lang, current=cur))}</p>')
        benefits = bool(w["lost_benefit"].any())  # benefits move with the option
        keys = ["tim_start", "tim_total", "dfx_option_part", "tim_current_part", "tim_npv"]
        keys += ["tim_eac", "tim_extra"]
        if benefits:
            keys += ["tim_lost_benefit", "tim_net_extra"]
        rows = []
        for _, r in w.iterrows():
            row = [
                esc(fy_label(int(r["start_fy"]), lang)),
                _money(ws, r["total"]),
                _money(ws, r["option_cost"]),
                _money(ws, r["current_system"]),
                _money(ws, r["npv"]),
                _money(ws, r["eac"]),
                _money(ws, r["extra"]),
            ]
            if benefits:
                row += [_money(ws, r["lost_benefit"]), _money(ws, r["net_extra"])]
            rows.append(row)
        parts.append(
            html_table(
                [esc(msg(k, lang)) for k in keys],
                rows,
                numeric_from=1,
                caption=esc(_unit_note(ws)),
            )
        )
        parts.append(f'<p class="ap-note">{esc(waiting_note(ws, w))}</p>')
        parts.append(waiting_chart(ws, w).html())
    from archplan.timing.waiting import replacement_intervals

    for cid, table in replacement_intervals(ws).items():
        comp = next(c for c in ws.components if c.id == cid)
        best = int(table.attrs["best"])
        rate = f"{ws.settings.discount_rate:.1%}"
        parts.append(f"<h3>{esc(msg('tim_interval_title', lang, name=comp.name))}</h3>")
        parts.append(
            f'<p class="ap-note">{esc(msg("tim_interval_intro", lang, rate=rate, best=best))}</p>'
        )
        rows = [
            [
                esc(f"{n}" + (msg("tim_best", lang) if n == best else "")),
                _money(ws, r["pv"]),
                _money(ws, r["eac"]),
            ]
            for n, r in table.iterrows()
        ]
        parts.append(
            html_table(
                [esc(msg(k, lang)) for k in ("tim_interval", "tim_pv", "tim_eac")],
                rows,
                numeric_from=1,
                caption=esc(_unit_note(ws, ws.settings.amounts_entered)),
            )
        )
    parts.append(
        f'<div class="ap-roadmap"><h3>{esc(msg("tim_roadmap", lang))}</h3>'
        + roadmap_chart(ws, today).html()
        + "</div>"
    )
    if uses_eol_data(ws):
        parts.append(
            f'<p class="ap-note">'
            f"{esc(msg('tim_attribution', lang, source=source_text(load_eol().source, lang)))}</p>"
        )
    return Fragment("".join(parts))


def source_text(source: str, language: str) -> str:
    """The end-of-life data's source (as stored in the bundle) in ``language``.

    Examples
    --------
    >>> source_text("endoflife.date commit a70eca3 (2026-08-22)", "ja")
    'endoflife.dateのコミットa70eca3（2026-08-22）'
    >>> source_text("my own copy", "ja")
    'my own copy'
    """
    import re

    m = re.fullmatch(r"endoflife\.date commit ([0-9a-f]+)(.*)", source)
    if not m:
        return source
    rest = m.group(2)
    if language == "ja":  # the date in full-width brackets
        rest = re.sub(r"^\s*\((.*)\)$", r"（\1）", rest)
    return msg("tim_source_commit", language, commit=m.group(1), rest=rest)


def _gap(ws: Workspace, option: str, row: object) -> int:
    from archplan.timing.analysis import timing_events

    ev = timing_events(ws)
    mine = ev[(ev.option == option) & ~ev.covered]
    return int(mine["gap_days"].iloc[0]) if len(mine) else 0


def support_calendar_rows(ws: Workspace, today: date | None = None) -> list[list[str]]:
    """Rows for the handover's review calendar: every dated support, maintenance, life and
    contract end of the components from the plan's start on (cells escaped), in the
    calendar's columns (number, title, date, when, triggers).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> rows = support_calendar_rows(load_workspace("data/examples/food-lab"), date(2026, 8, 1))
    >>> rows[0][1], rows[0][3]
    ('データベース（SQL Server 2016 SP3）：通常サポート終了', '終了済み')
    """
    from archplan.timing.gaps import calendar_gap_notes, calendar_start

    today = today or date.today()
    lang = ws.settings.language
    # From today when the plan starts later (an end before the plan is still ahead), and
    # any end an option runs past without cover, with the options it leaves uncovered.
    start = calendar_start(ws, today)
    notes = calendar_gap_notes(ws)
    out: list[tuple[date, list[str]]] = []
    for c in ws.components:
        for kind, d in (
            ("active_end", c.active_end),
            ("security_end", c.security_end),
            ("extended_end", c.extended_end),
            ("maintenance_end", c.maintenance_end),
            ("life_end", _life_end(c)),
            ("contract_end", c.contract_end),
        ):
            note = notes.get((c.id, kind), "")
            if d is True and note:  # ended undated (eol: true) and still in use
                k = "tim_kind_" + kind
                what = msg("tim_calendar_row", lang, name=c.name, kind=msg(k, lang))
                row = ["—", esc(what), esc(msg("tim_passed", lang)), esc(msg("tim_ended", lang))]
                out.append((date.min, [*row, esc(note)]))
                continue
            if not isinstance(d, date) or (d < start and not note):
                continue
            when = (
                msg("tim_ended", lang)
                if d < today
                else label("in_days", lang).format(days=(d - today).days)
            )
            # Extended support is usually paid: said so, not shown as if covered.
            k = "dfx_kind_extended_end" if kind == "extended_end" else "tim_kind_" + kind
            what = msg("tim_calendar_row", lang, name=c.name, kind=msg(k, lang))
            out.append((d, ["—", esc(what), _cell(d.isoformat()), esc(when), esc(note or "—")]))
    return [row for _, row in sorted(out, key=lambda x: x[0])]


def sort_calendar(rows: list[list[str]]) -> list[list[str]]:
    """Calendar rows in date order (the third cell, an ISO date or "—" last); stable."""
    import re

    def key(r: list[str]) -> tuple[bool, str]:
        text = re.sub(r"<[^>]+>", "", r[2])
        return (not text[:1].isdigit(), text)

    return sorted(rows, key=key)


def open_gaps_html(ws: Workspace, level: int = 3) -> str:
    """The support ends the plan does not cover in time (no fix, or a fix planned too
    late), under a heading of ``level``, as warnings; "" when there are none.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> html = open_gaps_html(load_workspace("data/examples/food-lab"))
    >>> html.count('<li class="ap-warning">'), html.startswith("<h3>計画が間に合っていない")
    (6, True)
    """
    from archplan.timing.gaps import open_gap_sentences

    gaps = open_gap_sentences(ws)
    if not gaps:
        return ""
    lang = ws.settings.language
    return (
        f"<h{level}>{esc(msg('dfx_open_gaps', lang))}</h{level}>"
        '<ul class="ap-gaps">'
        + "".join(f'<li class="ap-warning">⚠ {esc(g)}</li>' for g in gaps)
        + "</ul>"
    )


def waiting_note(ws: Workspace, table: pd.DataFrame) -> str:
    """What the rows of the cost of waiting are: the first row is the option's plan (the
    total every other table shows) plus the current system until it goes live, and a
    later row the same plan moved, over the plan extended by the delay.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> from archplan.timing import cost_of_waiting
    >>> ws = load_workspace("data/examples/food-lab")
    >>> note = waiting_note(ws, cost_of_waiting(ws, "saas"))
    >>> note.startswith("直ちに開始した行の総額は、検査情報管理SaaSの利用の計画額49,742に")
    True
    """
    lang = ws.settings.language
    option = str(table.attrs.get("option", ""))
    first = table.iloc[0]
    current = ws.current_option
    values = {
        "option": ws.option(option).name if option else "",
        "plan": _money(ws, first["option_cost"]),
        "current": ws.option(current).name if current else "—",
        "part": _money(ws, first["current_system"]),
        "years": int(ws.settings.horizon),
        "fy": fy_label(ws.settings.first_fy, lang),
    }
    key = "dfx_waiting_note" if first["current_system"] else "dfx_waiting_note_plain"
    return msg(key, lang, **values)
