"""The report's sections, as HTML fragments and figures built from a workspace.

Every text that comes from workspace files is escaped here (``html.escape``) or rendered
by :func:`archplan.decisions.render_markdown`, which escapes raw HTML: nothing a
workspace contains can run as script in a report.
"""

from __future__ import annotations

import html
import io
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from matplotlib import rc_context
from matplotlib.figure import Figure

from archplan.compare import rank_options
from archplan.costs import cost_summary, cost_table, cumulative_costs
from archplan.decisions import render_markdown
from archplan.fiscal import fy_label
from archplan.money import TOTAL, UNIT_DIVISOR, format_amount, round_yen, to_display_unit
from archplan.report.i18n import STATUS_JA, label
from archplan.workspace.model import Workspace

__all__ = [
    "Chart",
    "Fragment",
    "cost_summary_section",
    "cost_tables_section",
    "cumulative_chart",
    "decisions_section",
    "options_section",
    "ranking_section",
    "title_section",
]


class Chart:
    """A matplotlib figure that Jupyter (and so the report) shows as an inline PNG.

    ``savefig`` is called with no metadata, so the same figure gives the same bytes.
    """

    def __init__(self, figure: Figure, title: str = "") -> None:
        self.figure = figure
        self.title = title

    def png(self) -> bytes:
        """The figure as PNG bytes."""
        buf = io.BytesIO()
        self.figure.savefig(buf, format="png", dpi=110, metadata={"Software": None})
        return buf.getvalue()

    def _repr_png_(self) -> tuple[bytes, dict[str, str]]:
        # The metadata carries the alt text into the exported report.
        return self.png(), {"alt": self.title}

    def __repr__(self) -> str:
        return f"<Chart {self.title!r}>"


class Fragment(str):
    """A piece of report HTML that Jupyter displays as HTML."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        return str(self)

    def __repr__(self) -> str:
        return f"<Fragment {len(self)} characters of HTML>"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    numeric_from: int = 99,
    total_last: bool = False,
    caption: str = "",
    css: str = "",
) -> str:
    """An HTML table; cells must already be escaped."""
    parts = [f'<table class="ap-table {css}">']
    if caption:
        parts.append(f"<caption>{caption}</caption>")
    parts.append("<thead><tr>")
    for j, h in enumerate(header):
        cls = ' class="num"' if j >= numeric_from else ""
        parts.append(f'<th scope="col"{cls}>{h}</th>')
    parts.append("</tr></thead><tbody>")
    for i, row in enumerate(rows):
        is_total = total_last and i == len(rows) - 1
        parts.append('<tr class="total">' if is_total else "<tr>")
        for j, cell in enumerate(row):
            cls = ' class="num"' if j >= numeric_from else ""
            tag = "th" if j == 0 else "td"
            scope = ' scope="row"' if j == 0 else ""
            parts.append(f"<{tag}{scope}{cls}>{cell}</{tag}>")
        parts.append("</tr>")
    parts.append("</tbody></table>")
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
    """Title, author, generation date and the top-ranked option."""
    s = ws.settings
    lang = s.language
    when = (generated or date.today()).isoformat()
    top = rank_options(ws).iloc[0]
    rows = [
        f'<p class="ap-kicker">{_e(label("report", lang))}</p>',
        f'<h1 id="top">{_e(s.title)}</h1>',
        '<dl class="ap-meta">',
        f"<dt>{_e(label('generated', lang))}</dt><dd>{_e(when)}</dd>",
    ]
    if s.author:
        rows.append(f"<dt>{_e(label('author', lang))}</dt><dd>{_e(s.author)}</dd>")
    rows.append(f"<dt>{_e(label('recommended', lang))}</dt><dd>{_e(top['name'])}</dd>")
    rows.append("</dl>")
    if ws.notices:
        rows.append(f"<h2>{_e(label('notices', lang))}</h2><ul>")
        rows.extend(f"<li>{_e(n)}</li>" for n in ws.notices)
        rows.append("</ul>")
    return Fragment("".join(rows))


def options_section(ws: Workspace) -> Fragment:
    """The options with their descriptions, and the criteria with their weights."""
    lang = ws.settings.language
    rows = [[_e(o.id), _e(o.name), _e(o.description)] for o in ws.options]
    out = [
        f'<h2 id="options">{_e(label("options", lang))}</h2>',
        _table(["ID", _e(label("option", lang)), _e(label("description", lang))], rows),
    ]
    total = sum(c.weight for c in ws.criteria)
    crit_rows = [
        [_e(c.name), _e(label(c.direction, lang)), f"{c.weight / total:.1%}"] for c in ws.criteria
    ]
    out += [
        f'<h2 id="criteria">{_e(label("criteria", lang))}</h2>',
        _table(
            [_e(label("criterion", lang)), _e(label("direction", lang)), _e(label("weight", lang))],
            crit_rows,
            numeric_from=2,
        ),
    ]
    return Fragment("".join(out))


def ranking_section(ws: Workspace) -> Fragment:
    """The weighted-sum ranking with each option's score."""
    lang = ws.settings.language
    ranking = rank_options(ws)
    rows = [[_e(r["rank"]), _e(r["name"]), f"{r['score']:.3f}"] for _, r in ranking.iterrows()]
    return Fragment(
        f'<h2 id="ranking">{_e(label("ranking", lang))}</h2>'
        + _table(
            [_e(label("rank", lang)), _e(label("option", lang)), _e(label("score", lang))],
            rows,
            numeric_from=2,
        )
        + f'<p class="ap-note">{_e(label("ranking_note", lang))}</p>'
    )


def cost_summary_section(ws: Workspace) -> Fragment:
    """Per option: total over the horizon and NPV, in the display unit."""
    lang = ws.settings.language
    summary = cost_summary(ws)
    years = ws.settings.fiscal_years
    span = f"{fy_label(years[0], lang)}–{fy_label(years[-1], lang)}"
    rows = [
        [_e(r["name"]), _money(ws, r[TOTAL]), _money(ws, r["npv"])] for _, r in summary.iterrows()
    ]
    rate = f"{ws.settings.discount_rate:.1%}"
    return Fragment(
        f'<h2 id="costs">{_e(label("cost_summary", lang))}</h2>'
        + _table(
            [
                _e(label("option", lang)),
                _e(label("total", lang)) + f" {_e(span)}",
                _e(label("npv", lang)),
            ],
            rows,
            numeric_from=1,
            caption=_e(_unit_note(ws)),
        )
        + f'<p class="ap-note">{_e(label("npv_note", lang).format(rate=rate))}</p>'
    )


def cost_tables_section(ws: Workspace) -> Fragment:
    """Each option's items by fiscal year, cross-footed in the display unit."""
    lang = ws.settings.language
    names = {i.id: (i.name, i.category) for i in ws.cost_items}
    out = [f'<h2 id="cost-tables">{_e(label("costs", lang))}</h2>']
    for option in ws.options:
        shown = to_display_unit(cost_table(ws, option.id), ws.settings.display_unit)
        header = [_e(label("item", lang)), _e(label("category", lang))]
        header += [_e(fy_label(int(c), lang)) for c in shown.columns if c != TOTAL]
        header.append(_e(label("total", lang)))
        rows = []
        for item, values in shown.iterrows():
            if item == TOTAL:
                first = [_e(label("total", lang)), ""]
            else:
                name, category = names[str(item)]
                first = [_e(name), _e(category)]
            rows.append(first + [format_amount(v, lang) for v in values])
        out.append(f"<h3>{_e(option.name)}</h3>")
        out.append(
            _table(
                header,
                rows,
                numeric_from=2,
                total_last=True,
                caption=_e(_unit_note(ws)),
                css="ap-costs",
            )
        )
    out.append(f'<p class="ap-note">{_e(label("rounding_note", lang))}</p>')
    return Fragment("".join(out))


def _font_family(language: str) -> list[str]:
    """Font families for charts; Japanese uses the bundled IPAexGothic (never boxes)."""
    if language != "ja":
        return ["DejaVu Sans"]
    import matplotlib_fontja
    from matplotlib import font_manager

    path = matplotlib_fontja.get_font_ttf_path()
    font_manager.fontManager.addfont(path)
    return [font_manager.FontProperties(fname=path).get_name(), "DejaVu Sans"]


def cumulative_chart(ws: Workspace) -> Chart:
    """Line chart of cumulative cost by fiscal year, one line per option."""
    lang = ws.settings.language
    cum = cumulative_costs(ws)
    divisor = UNIT_DIVISOR[ws.settings.display_unit]
    names = ws.option_names
    title = label("cumulative", lang)
    # Text objects take their font when created, so the context only needs to span
    # the drawing calls; the user's global rcParams are left alone.
    with rc_context({"font.family": _font_family(lang), "svg.hashsalt": "archplan"}):
        fig = Figure(figsize=(7.5, 4.0), dpi=100)
        ax = fig.subplots()
        x = [fy_label(int(fy), lang) for fy in cum.index]
        for option in cum.columns:
            ax.plot(x, cum[option] / divisor, marker="o", label=names[option])
        ax.set_title(title + (_unit_note(ws) if lang == "ja" else " " + _unit_note(ws)))
        ax.set_xlabel(label("fiscal_year", lang))
        ax.set_ylabel(label("unit_" + ws.settings.display_unit, lang))
        ax.yaxis.set_major_formatter(lambda v, _pos: f"{v:,.0f}")
        ax.grid(True, alpha=0.3)
        ax.legend()
        fig.tight_layout()
    return Chart(fig, title)


def decisions_section(ws: Workspace) -> Fragment:
    """The decision log table and each record rendered (raw HTML escaped)."""
    lang = ws.settings.language
    out = [f'<h2 id="decisions">{_e(label("decisions", lang))}</h2>']
    if not ws.decisions:
        out.append(f"<p>{_e(label('no_decisions', lang))}</p>")
        return Fragment("".join(out))

    def status(s: str) -> str:
        return STATUS_JA.get(s, s) if lang == "ja" else s

    rows = [
        [
            _e(f"{r.number:04d}"),
            _e(r.title),
            _e(status(r.status)),
            _e(r.date.isoformat() if r.date else ""),
        ]
        for r in ws.decisions
    ]
    out.append(
        _table(
            [
                _e(label("number", lang)),
                _e(label("title", lang)),
                _e(label("status", lang)),
                _e(label("date", lang)),
            ],
            rows,
        )
    )
    for r in ws.decisions:
        out.append(
            f'<article class="ap-record" id="adr-{r.number:04d}">'
            f'<p class="ap-record-meta">{_e(f"{r.number:04d}")} · '
            f"{_e(status(r.status))}</p>"
            f"{render_markdown(r.body, shift_headings=2)}</article>"
        )
    return Fragment("".join(out))
