"""Charts for reports and notebooks (matplotlib, drawn without pyplot's global state).

Each function returns a :class:`Chart`: Jupyter shows it as a PNG, and
:meth:`Chart.html` embeds it in a report section as an ``<img>`` with alt text. Japanese
labels use the IPAexGothic font bundled by matplotlib-fontja, so they never render as
empty boxes, even on a machine without Japanese fonts.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Collection
from decimal import Decimal

import numpy as np
import pandas as pd
from cycler import cycler
from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Annotation
from matplotlib.transforms import Bbox

from archplan.costs import cumulative_costs
from archplan.fiscal import fy_label
from archplan.money import UNIT_DIVISOR
from archplan.report.i18n import label, paren
from archplan.workspace.model import Workspace

__all__ = [
    "Chart",
    "acceptability_chart",
    "contribution_chart",
    "cumulative_chart",
    "stability_chart",
    "value_chart",
]


#: Resolution of every chart, both when it is laid out and when it is saved as PNG: text
#: measured by ``tight_layout`` is then measured at the resolution it is drawn at, and
#: matplotlib reuses those measurements instead of taking them again.
DPI = 110


class Chart:
    """A matplotlib figure that Jupyter (and so the report) shows as an inline PNG.

    ``savefig`` is called with no metadata, so the same figure gives the same bytes.
    """

    def __init__(self, figure: Figure, title: str = "") -> None:
        self.figure = figure
        self.title = title

    def png(self) -> bytes:
        """The figure as PNG bytes."""
        from matplotlib.layout_engine import PlaceHolderLayoutEngine

        # ``tight_layout`` leaves a placeholder layout engine behind, for which savefig
        # draws the whole figure once more (rendering off) before drawing it: a quarter
        # of the time, for the same pixels. The layout is done; drop the placeholder.
        if isinstance(self.figure.get_layout_engine(), PlaceHolderLayoutEngine):
            self.figure.set_layout_engine(None)
        buf = io.BytesIO()
        self.figure.savefig(
            buf,
            format="png",
            dpi=DPI,
            metadata={"Software": None},
            # zlib level 3 instead of 6: the same pixels, a slightly smaller file for
            # these flat-colour charts, and less time spent compressing.
            pil_kwargs={"compress_level": 3},
        )
        return buf.getvalue()

    def _repr_png_(self) -> tuple[bytes, dict[str, str]]:
        # The metadata carries the alt text into the exported report.
        return self.png(), {"alt": self.title}

    def html(self, caption: str = "") -> str:
        """The chart as an inline ``<figure>`` for an HTML report."""
        data = base64.b64encode(self.png()).decode("ascii")
        alt = html.escape(self.title, quote=True)
        cap = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
        return (
            f'<figure class="ap-chart"><img src="data:image/png;base64,{data}" '
            f'alt="{alt}">{cap}</figure>'
        )

    def __repr__(self) -> str:
        return f"<Chart {self.title!r}>"


def _unit_note(ws: Workspace) -> str:
    lang = ws.settings.language
    unit = label("unit_" + ws.settings.display_unit, lang)
    tax = label("tax_inclusive", lang)
    return f"（{unit}・{tax}）" if lang == "ja" else f"({unit}, {tax})"


def _font_family(language: str) -> list[str]:
    """Font families for charts; Japanese uses the bundled IPAexGothic (never boxes)."""
    if language != "ja":
        return ["DejaVu Sans"]
    import matplotlib_fontja
    from matplotlib import font_manager

    path = matplotlib_fontja.get_font_ttf_path()
    font_manager.fontManager.addfont(path)
    return [font_manager.FontProperties(fname=path).get_name(), "DejaVu Sans"]


#: More series than this and a legend inside the axes hides the data: it goes below.
_LEGEND_INSIDE_MAX = 6


def _text_width(text: str) -> int:
    """Width of a label in half-width characters (CJK and full-width count two)."""
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text)


def _legend_columns(labels: list[str], fig_width: float = 7.5, fontsize: float = 8) -> int:
    """How many legend columns fit across a figure without clipping the longest label."""
    # A half-width character is about 0.55 em; the handle and padding about 4 em.
    em = fontsize / 72
    widest = max((_text_width(t) for t in labels), default=1) * 0.55 * em + 4 * em
    return int(max(1, min(3, (fig_width * 0.95) // widest)))


def _legend_height(labels: list[str], fig_width: float = 7.5, fontsize: float = 8) -> float:
    """Extra figure height (inches) for a legend of ``labels`` below the axes."""
    if len(labels) <= _LEGEND_INSIDE_MAX:
        return 0.0
    rows = -(-len(labels) // _legend_columns(labels, fig_width, fontsize))
    return 0.2 + rows * fontsize * 1.4 / 72


def _legend(ax: Axes, labels: list[str], fig_width: float = 7.5, **inside: object) -> None:
    """A legend inside the axes for a few series, below them (in columns) for many."""
    if len(labels) <= _LEGEND_INSIDE_MAX:
        ax.legend(**inside)  # type: ignore[arg-type]
        return
    ax.legend(
        fontsize=8,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.14),
        ncol=_legend_columns(labels, fig_width),
        frameon=False,
    )


def _color(k: int, n: int) -> str:
    """The k-th of n series' colours: matplotlib's ten for up to ten series, then the
    twenty of ``tab20`` (its ten darker shades first), so no two series share a colour."""
    if n <= 10:
        return f"C{k % 10}"
    from matplotlib import colormaps
    from matplotlib.colors import to_hex

    return to_hex(colormaps["tab20"]((2 * k) % 20 + (k // 10) % 2))


#: The colour of series that do not compete (knocked-out options).
_MUTED = "#9a9a9a"


def _linestyle(k: int, n: int) -> str:
    """Solid lines for the first ten series, dashed for the next ten (print in grey)."""
    return "-" if n <= 10 or (k // 10) % 2 == 0 else "--"


def _style_lines(ax: Axes, n: int) -> None:
    """Give n line series distinct colours and styles (past ten; the default cycle
    distinguishes up to ten and is left alone)."""
    if n > 10:
        ax.set_prop_cycle(
            cycler(color=[_color(k, n) for k in range(n)])
            + cycler(linestyle=[_linestyle(k, n) for k in range(n)])
        )


def cumulative_chart(
    ws: Workspace, assumptions: dict[str, Decimal] | None = None, scenario: str | None = None
) -> Chart:
    """Line chart of cumulative cost by fiscal year, one line per option."""
    lang = ws.settings.language
    cum = cumulative_costs(ws, assumptions=assumptions, scenario=scenario)
    divisor = UNIT_DIVISOR[ws.settings.display_unit]
    from archplan.report.figures import knocked_out, option_label

    reasons = knocked_out(ws)
    title = label("cumulative", lang)
    # Text objects take their font when created, so the context only needs to span
    # the drawing calls; the user's global rcParams are left alone.
    with rc_context({"font.family": _font_family(lang), "svg.hashsalt": "archplan"}):
        longest = [str(ws.option_names.get(o, o)) for o in cum.columns]  # legend entries
        fig = Figure(figsize=(7.5, 4.0 + _legend_height(longest)), dpi=DPI)
        ax = fig.subplots()
        _style_lines(ax, len(cum.columns))
        x = [fy_label(int(fy), lang) for fy in cum.index]
        for option in cum.columns:
            # Knocked-out options stay on the chart, marked with the reason.
            ax.plot(x, cum[option] / divisor, marker="o", label=option_label(ws, option, reasons))
        ax.set_title(title + (_unit_note(ws) if lang == "ja" else " " + _unit_note(ws)))
        ax.set_xlabel(label("fiscal_year", lang))
        ax.set_ylabel(label("unit_" + ws.settings.display_unit, lang))
        ax.yaxis.set_major_formatter(lambda v, _pos: f"{v:,.0f}")
        ax.grid(True, alpha=0.3)
        _legend(ax, [str(t.get_label()) for t in ax.get_lines()])
        fig.tight_layout()
    return Chart(fig, title)


def contribution_chart(
    contributions: pd.DataFrame,
    option_names: pd.Series,
    criterion_names: pd.Series,
    language: str = "en",
    title: str | None = None,
) -> Chart:
    """Stacked horizontal bars: what each criterion adds to each option's score."""
    title = title or label("contributions", language)
    with rc_context({"font.family": _font_family(language)}):
        fig = Figure(figsize=(7.5, 0.6 * len(contributions) + 1.8), dpi=DPI)
        ax = fig.subplots()
        names = [str(option_names.get(o, o)) for o in contributions.index][::-1]
        left_pos = np.zeros(len(contributions))
        left_neg = np.zeros(len(contributions))
        colors = [_color(k, contributions.shape[1]) for k in range(contributions.shape[1])]
        for k, crit in enumerate(contributions.columns):
            v = contributions[crit].to_numpy(dtype=float)[::-1]
            left = np.where(v >= 0, left_pos, left_neg)
            ax.barh(
                names, v, left=left, color=colors[k], label=str(criterion_names.get(crit, crit))
            )
            left_pos = left_pos + np.where(v >= 0, v, 0)
            left_neg = left_neg + np.where(v < 0, v, 0)
        ax.axvline(0, color="black", linewidth=0.8)
        ax.set_title(title)
        crit_labels = [str(criterion_names.get(c, c)) for c in contributions.columns]
        ax.legend(
            fontsize=7,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.12),
            ncol=_legend_columns(crit_labels, fontsize=7),
            frameon=False,
        )
        fig.tight_layout()
    return Chart(fig, title)


def stability_chart(intervals: pd.DataFrame, language: str = "en") -> Chart:
    """Tornado-style bars: each criterion's weight stability interval around its weight."""
    title = label("stability", language)
    rows = intervals.sort_values("weight")
    with rc_context({"font.family": _font_family(language)}):
        fig = Figure(figsize=(7.5, 0.45 * len(rows) + 1.6), dpi=DPI)
        ax = fig.subplots()
        y = [str(n) for n in rows["name"]]
        lo = rows["lower"].fillna(0).to_numpy(dtype=float)
        hi = rows["upper"].fillna(1).to_numpy(dtype=float)
        ax.barh(y, hi - lo, left=lo, color="#9ec5e8", edgecolor="#2b5797")
        ax.scatter(rows["weight"], y, color="#c0392b", zorder=3, label=label("weight", language))
        ax.set_xlim(0, 1)
        ax.set_xlabel(label("weight_axis", language))
        ax.set_title(title)
        ax.legend(loc="lower right", fontsize=8)
        fig.tight_layout()
    return Chart(fig, title)


def acceptability_chart(
    acceptability: pd.DataFrame, option_names: pd.Series, language: str = "en"
) -> Chart:
    """Heat map of rank acceptability: P(option takes rank r)."""
    title = label("acceptability", language)
    with rc_context({"font.family": _font_family(language)}):
        ncols = acceptability.shape[1]
        fig = Figure(
            figsize=(max(6.5, 3.0 + 0.5 * ncols), 0.55 * len(acceptability) + 1.6), dpi=DPI
        )
        ax = fig.subplots()
        data = acceptability.to_numpy(dtype=float)
        ax.imshow(data, cmap="Blues", vmin=0, vmax=1, aspect="auto")
        ax.set_xticks(range(data.shape[1]), [str(r) for r in acceptability.columns])
        ax.set_yticks(
            range(data.shape[0]), [str(option_names.get(o, o)) for o in acceptability.index]
        )
        for i in range(data.shape[0]):
            for j in range(data.shape[1]):
                ax.text(
                    j,
                    i,
                    f"{data[i, j]:.0%}",
                    ha="center",
                    va="center",
                    color="white" if data[i, j] > 0.6 else "black",
                    fontsize=9 if ncols <= 10 else 8,
                )
        ax.set_xlabel(label("rank", language))
        ax.set_title(title)
        fig.tight_layout()
    return Chart(fig, title)


def value_chart(value: pd.DataFrame, divisor: int, unit: str, language: str = "en") -> Chart:
    """Scatter of benefit against cost; Pareto-efficient options filled, others hollow."""
    title = label("value_for_money", language)
    with rc_context({"font.family": _font_family(language)}):
        fig = Figure(figsize=(7.0, 4.2), dpi=DPI)
        ax = fig.subplots()
        notes = []
        for _opt, row in value.iterrows():
            eff = bool(row["efficient"])
            ax.scatter(
                row["cost"] / divisor,
                row["benefit"],
                s=80,
                facecolors="#2b5797" if eff else "white",
                edgecolors="#2b5797",
            )
            note = ax.annotate(
                str(row["name"]),
                (row["cost"] / divisor, row["benefit"]),
                textcoords="offset points",
                xytext=(6, 6),
                fontsize=8,
            )
            notes.append(note)
        ax.set_xlabel(label("total", language) + paren(unit, language))
        ax.set_ylabel(label("benefit_score", language))
        ax.xaxis.set_major_formatter(lambda v, _pos: f"{v:,.0f}")
        ax.margins(x=0.3, y=0.15)  # room for the option names beside the points
        ax.set_title(title)
        ax.grid(True, alpha=0.3)
        fig.tight_layout()
        _separate_labels(fig, ax, notes)
    return Chart(fig, title)


def _separate_labels(fig: Figure, ax: Axes, notes: list[Annotation]) -> None:
    """Move point labels apart so that no label covers another or another's point (many
    options crowd a scatter): each label, left to right, takes the nearest free place
    above or below where it was drawn."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(fig).get_renderer()  # type: ignore[no-untyped-call]
    points = []
    for note in notes:
        x, y = ax.transData.transform(note.xy)
        points.append(Bbox.from_bounds(x - 6, y - 6, 12, 12))
    placed: list[Bbox] = []
    order = sorted(range(len(notes)), key=lambda k: (notes[k].xy[0], -notes[k].xy[1]))
    for k in order:
        note = notes[k]
        dx, dy = note.xyann
        obstacles = placed + [b for m, b in enumerate(points) if m != k]
        step = note.get_window_extent(renderer).height * 72 / fig.dpi + 1
        for shift in [0.0] + [s * d for d in range(1, 20) for s in (-1.0, 1.0)]:
            note.xyann = (dx, dy + shift * step)
            box = note.get_window_extent(renderer)
            if not any(box.overlaps(b) for b in obstacles):
                break
        else:
            note.xyann = (dx, dy)
        placed.append(note.get_window_extent(renderer))


def s_curve_chart(
    totals: dict[str, np.ndarray],
    plans: dict[str, float],
    names: dict[str, str],
    divisor: int,
    unit: str,
    confidence: float,
    language: str = "en",
    muted: Collection[str] = (),
) -> Chart:
    """Cumulative probability of each option's total, with its plan and the confidence
    level marked.

    Options in ``muted`` (knocked out: they do not compete) are drawn as thin grey
    dotted lines without a plan marker and listed last, so that the options in play keep
    distinct colours however many options there are.
    """
    title = label("s_curve", language)
    order = [o for o in totals if o not in muted] + [o for o in totals if o in muted]
    with rc_context({"font.family": _font_family(language)}):
        curve_labels = [str(names.get(o, o)) for o in order]
        n = len(order) - len([o for o in order if o in muted])
        fig = Figure(figsize=(7.5, 4.2 + _legend_height(curve_labels)), dpi=DPI)
        ax = fig.subplots()
        for k, option in enumerate(order):
            x = np.sort(totals[option]) / divisor
            y = np.arange(1, len(x) + 1) / len(x)
            name = names.get(option, option)
            if option in muted:
                ax.plot(x, y, color=_MUTED, linestyle=":", linewidth=1, label=name)
                continue
            color = _color(k, n)
            ax.plot(x, y, color=color, linestyle=_linestyle(k, n), label=name)
            ax.axvline(plans[option] / divisor, color=color, linestyle=":", linewidth=1)
        # The axis spans the options in play: a knocked-out option far off (e.g. over a
        # cost ceiling) would squeeze them; its grey line runs off the edge instead.
        live = [o for o in order if o not in muted]
        if live and len(live) < len(order):
            xs = np.concatenate([np.asarray(totals[o], dtype=float) for o in live]) / divisor
            ps = [plans[o] / divisor for o in live]
            lo_x, hi_x = min(float(xs.min()), *ps), max(float(xs.max()), *ps)
            pad = 0.05 * (hi_x - lo_x or abs(hi_x) or 1.0)
            ax.set_xlim(max(ax.get_xlim()[0], lo_x - pad), min(ax.get_xlim()[1], hi_x + pad))
        ax.axhline(confidence, color="grey", linestyle="--", linewidth=0.8)
        ax.text(
            ax.get_xlim()[0],
            confidence,
            f" P{round(confidence * 100)}",
            va="bottom",
            fontsize=8,
            color="grey",
        )
        ax.set_xlabel(label("total", language) + paren(unit, language))
        ax.set_ylabel(label("probability", language))
        ax.xaxis.set_major_formatter(lambda v, _pos: f"{v:,.0f}")
        ax.set_ylim(0, 1)
        ax.grid(True, alpha=0.3)
        _legend(ax, curve_labels, fontsize=8, loc="lower right")
        ax.set_title(title)
        fig.tight_layout()
    return Chart(fig, title)


def tornado_chart(
    table: pd.DataFrame,
    names: dict[str, str],
    divisor: int,
    unit: str,
    language: str = "en",
    top: int = 10,
) -> Chart:
    """Horizontal bars from each input's P10 to its P90 effect on the total."""
    title = label("tornado", language)
    rows = table.head(top).iloc[::-1]
    base = float(table.attrs.get("base", 0.0)) / divisor
    with rc_context({"font.family": _font_family(language)}):
        fig = Figure(figsize=(7.5, 0.45 * len(rows) + 1.6), dpi=DPI)
        ax = fig.subplots()
        labels = [names.get(str(i), str(i)) for i in rows.index]
        lo = rows["low"].to_numpy(dtype=float) / divisor
        hi = rows["high"].to_numpy(dtype=float) / divisor
        ax.barh(labels, lo - base, left=base, color="#5b9bd5", label="P10")
        ax.barh(labels, hi - base, left=base, color="#ed7d31", label="P90")
        ax.axvline(base, color="black", linewidth=0.8)
        ax.set_xlabel(label("total", language) + paren(unit, language))
        ax.xaxis.set_major_formatter(lambda v, _pos: f"{v:,.0f}")
        ax.legend(fontsize=8, loc="lower right")
        ax.set_title(title)
        fig.tight_layout()
    return Chart(fig, title)
