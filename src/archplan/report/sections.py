"""The report's sections, as HTML fragments and figures built from a workspace.

Every text that comes from workspace files is escaped here (``html.escape``) or rendered
by :func:`archplan.decisions.render_markdown`, which escapes raw HTML: nothing a
workspace contains can run as script in a report.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal

from archplan.fiscal import fy_label
from archplan.money import TOTAL, UNIT_DIVISOR, format_amount, round_yen
from archplan.report.analysis import analysis_of
from archplan.report.i18n import category_label, label, notice_text
from archplan.workspace.model import Workspace

__all__ = [
    "Fragment",
    "cost_summary_section",
    "cost_tables_section",
    "decisions_section",
    "esc",
    "html_table",
    "labeller",
    "options_section",
    "title_section",
]


class Fragment(str):
    """A piece of report HTML that Jupyter displays as HTML."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        return str(self)

    def __repr__(self) -> str:
        return f"<Fragment {len(self)} characters of HTML>"


def labeller(language: str) -> Callable[[str], str]:
    """A function giving escaped labels in ``language`` (``L("total")`` → ``合計``)."""

    def lookup(key: str) -> str:
        return esc(label(key, language))

    return lookup


def esc(text: object) -> str:
    """Escape text from a workspace for HTML (quotes included)."""
    return html.escape(str(text), quote=True)


def html_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    numeric_from: int = 99,
    total_last: bool = False,
    caption: str = "",
    css: str = "",
    numeric: Sequence[int] | None = None,
) -> str:
    """An HTML table; cells must already be escaped.

    Columns from ``numeric_from`` on (or exactly those in ``numeric``) are numbers:
    right-aligned, on one line. The table sits in a box that scrolls sideways on a
    narrow screen rather than being cut off.
    """

    def is_num(j: int) -> bool:
        return j in numeric if numeric is not None else j >= numeric_from

    # Tables of more than ten columns get a more compact print layout (ap-wide).
    wide = " ap-wide" if len(header) > 10 else ""
    parts = [f'<div class="ap-scroll" tabindex="0"><table class="ap-table {css}{wide}">']
    if caption:
        parts.append(f"<caption>{caption}</caption>")
    parts.append("<thead><tr>")
    for j, h in enumerate(header):
        cls = ' class="num"' if is_num(j) else ""
        parts.append(f'<th scope="col"{cls}>{h}</th>')
    parts.append("</tr></thead><tbody>")
    for i, row in enumerate(rows):
        is_total = total_last and i == len(rows) - 1
        parts.append('<tr class="total">' if is_total else "<tr>")
        for j, cell in enumerate(row):
            cls = ' class="num"' if is_num(j) else ""
            tag = "th" if j == 0 else "td"
            scope = ' scope="row"' if j == 0 else ""
            parts.append(f"<{tag}{scope}{cls}>{cell}</{tag}>")
        parts.append("</tr>")
    parts.append("</tbody></table></div>")
    return "".join(parts)


def _unit_note(ws: Workspace, basis: str = "inclusive") -> str:
    lang = ws.settings.language
    unit = label("unit_" + ws.settings.display_unit, lang)
    tax = label("tax_" + basis, lang)
    return f"（{unit}・{tax}）" if lang == "ja" else f"({unit}, {tax})"


def _money(ws: Workspace, yen: float) -> str:
    divisor = UNIT_DIVISOR[ws.settings.display_unit]
    return format_amount(round_yen(Decimal(str(yen)) / divisor), ws.settings.language)


def title_section(ws: Workspace, generated: date | None = None) -> Fragment:
    """Title page (title, date, author, status of the recommendation), table of contents
    and executive summary."""
    from archplan.report.summary import executive_summary, recommendation_status, toc

    s = ws.settings
    lang = s.language
    when = (generated or date.today()).isoformat()
    rows = [
        '<section class="ap-title-page">',
        f'<p class="ap-kicker">{esc(label("report", lang))}</p>',
        f'<h1 id="top">{esc(s.title)}</h1>',
        '<dl class="ap-meta">',
        f"<dt>{esc(label('generated', lang))}</dt><dd>{esc(when)}</dd>",
    ]
    if s.author:
        rows.append(f"<dt>{esc(label('author', lang))}</dt><dd>{esc(s.author)}</dd>")
    rows.append(
        f"<dt>{esc(label('recommendation_status', lang))}</dt>"
        f"<dd>{esc(recommendation_status(ws))}</dd>"
    )
    rows.append("</dl>")
    rows.append(toc(ws))
    rows.append("</section>")
    rows.append(executive_summary(ws, generated))
    if ws.notices:
        rows.append(f'<h2 id="notices">{esc(label("notices", lang))}</h2><ul>')
        rows.extend(f"<li>{esc(notice_text(n, lang))}</li>" for n in ws.notices)
        rows.append("</ul>")
    return Fragment("".join(rows))


def options_section(ws: Workspace) -> Fragment:
    """The options with their descriptions."""
    lang = ws.settings.language
    from archplan.report.figures import knocked_out, option_name_cell

    reasons = knocked_out(ws)  # a knocked-out option is marked with the reason here too
    rows = [
        [esc(o.id), option_name_cell(ws, o.id, reasons), esc(o.description)] for o in ws.options
    ]
    out = [
        f'<h2 id="options">{esc(label("options", lang))}</h2>',
        html_table(["ID", esc(label("option", lang)), esc(label("description", lang))], rows),
    ]
    return Fragment("".join(out))


def cost_summary_section(ws: Workspace) -> Fragment:
    """Per option: total over the horizon and NPV, in the display unit."""
    lang = ws.settings.language
    from archplan.report.figures import knocked_out, option_name_cell, shown_totals

    summary = analysis_of(ws).cost_summary
    totals = shown_totals(ws)
    reasons = knocked_out(ws)
    years = ws.settings.fiscal_years
    span = f"{fy_label(years[0], lang)}–{fy_label(years[-1], lang)}"
    rows = [
        [
            option_name_cell(ws, str(o), reasons),
            format_amount(totals[str(o)], lang),
            _money(ws, r["npv"]),
            _money(ws, r["eac"]),
        ]
        for o, r in summary.iterrows()
    ]
    rate = f"{ws.settings.discount_rate:.1%}"
    note_key = "npv_note" if ws.settings.discount_timing == "start" else "npv_note_end"
    return Fragment(
        f'<h2 id="costs">{esc(label("cost_summary", lang))}</h2>'
        + html_table(
            [
                esc(label("option", lang)),
                esc(label("total", lang)) + f" {esc(span)}",
                esc(label("npv", lang)),
                esc(label("eac", lang)),
            ],
            rows,
            numeric_from=1,
            caption=esc(_unit_note(ws)),
            css="ap-cost-summary",
        )
        + f'<p class="ap-note">{esc(label(note_key, lang).format(rate=rate))}</p>'
    )


def cost_tables_section(ws: Workspace) -> Fragment:
    """Each option's items by fiscal year, cross-footed in the display unit."""
    from archplan.messages import msg
    from archplan.report.figures import knocked_out, option_label

    lang = ws.settings.language
    names = {i.id: (i.name, i.category) for i in ws.cost_items}
    from archplan.report.cost_sections import item_annotations

    notes = item_annotations(ws)  # tax treatment and basis of each item
    reasons = knocked_out(ws)
    out = [f'<h2 id="cost-tables">{esc(label("costs", lang))}</h2>']
    for option in ws.options:
        # Each year adds up to the option's cell in the budget table (one convention).
        shown = analysis_of(ws).budget_view(by="item", option=option.id)
        header = [esc(label("item", lang)), esc(label("category", lang))]
        header += [esc(msg("cst_tax_header", lang)), esc(msg("cst_basis_header", lang))]
        header += [esc(fy_label(int(c), lang)) for c in shown.columns if c != TOTAL]
        header.append(esc(label("total", lang)))
        rows = []
        for item, values in shown.iterrows():
            if item == TOTAL:
                first = [esc(label("total", lang)), "", "", ""]
            else:
                name, category = names[str(item)]
                first = [
                    esc(name),
                    esc(category_label(category, lang)),
                    *map(esc, notes[str(item)]),
                ]
            rows.append(first + [format_amount(v, lang) for v in values])
        out.append(f"<h3>{esc(option_label(ws, option.id, reasons))}</h3>")
        out.append(
            html_table(
                header,
                rows,
                numeric_from=4,
                total_last=True,
                caption=esc(_unit_note(ws)),
                css="ap-costs",
            )
        )
    out.append(f'<p class="ap-note">{esc(msg("rep_rounding_note", lang))}</p>')
    if any(i.tax_treatment(ws.settings) != "taxable" for i in ws.cost_items):
        out.append(f'<p class="ap-note">{esc(msg("cst_tax_note", lang))}</p>')
    return Fragment("".join(out))


def decisions_section(ws: Workspace, today: date | None = None) -> Fragment:
    """The decision log: a timeline with supersede links, then each record with the live
    figures it rests on, its recorded assumptions against their values now, its triggers,
    and a banner where a trigger fires or the review date has passed."""
    from archplan.report.decision_log import decision_log_section

    return decision_log_section(ws, today)
