"""The drift of the assumptions live decisions rest on, from the register's git history:
a chart for the report and the handover pack, and "then (git) → now" cells per record."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

import pandas as pd
from matplotlib import rc_context
from matplotlib.figure import Figure

from archplan.decisions.history import RegisterHistory, assumption_history, then_and_now
from archplan.messages import msg
from archplan.report.charts import DPI, Chart, _font_family
from archplan.report.sections import esc
from archplan.workspace.model import DecisionRecord, Workspace

__all__ = ["drift_chart", "drift_fragment", "then_cells"]

CLOSED = ("superseded", "rejected", "deprecated")
MAX_PANELS = 6


def _tick(v: float, _pos: int | None = None) -> str:
    return f"{v:,.0f}" if abs(v) >= 1000 or v == int(v) else f"{v:,.4g}"


def _live_citations(ws: Workspace) -> dict[str, list[DecisionRecord]]:
    """Assumption → the live records that cite it (in the order they appear)."""
    out: dict[str, list[DecisionRecord]] = {}
    for r in sorted(ws.decisions, key=lambda r: r.number):
        if r.status in CLOSED:
            continue
        for name, _ in r.assumptions:
            out.setdefault(name, []).append(r)
    return out


def drift_chart(ws: Workspace, history: RegisterHistory, today: date | None = None) -> Chart | None:
    """Step chart of each assumption a live decision cites, one panel per assumption
    (at most six): the value in every commit, the record's date (dashed line) and the
    value it recorded (dot). None when there is nothing to draw."""
    lang = ws.settings.language
    cited = _live_citations(ws)
    panels = []
    for name, records in cited.items():
        t = assumption_history(ws, name, history).dropna(subset=["value"])
        if not t.empty:
            panels.append((name, t, records))
    if not panels:
        return None
    panels = panels[:MAX_PANELS]
    title = msg("adr_drift", lang)
    end = today or max(v.when.date() for v in history.versions)
    with rc_context({"font.family": _font_family(lang), "svg.hashsalt": "archplan"}):
        fig = Figure(figsize=(7.5, 2.2 * len(panels) + 0.6), dpi=DPI)
        axes = fig.subplots(len(panels), 1, squeeze=False)[:, 0]
        for ax, (name, t, records) in zip(axes, panels, strict=True):
            xs = [datetime.combine(d, time()) for d in t["date"]]
            ys = [float(v) for v in t["value"]]
            last = max(end, *(r.date for r in records if r.date))
            xs.append(datetime.combine(last, time()))
            ys.append(ys[-1])
            ax.step(xs, ys, where="post", color="#1f5f99")
            ax.plot(xs[:-1], ys[:-1], "o", color="#1f5f99", markersize=3)
            for r in records:
                if r.date is None:
                    continue
                x = datetime.combine(r.date, time())
                ax.axvline(x, linestyle="--", color="#888888", linewidth=0.8)
                recorded = dict(r.assumptions)[name]
                ax.plot([x], [float(recorded)], "o", color="#c0392b", markersize=6)
                ax.annotate(
                    f"{r.number:04d}",
                    (x, float(recorded)),
                    textcoords="offset points",
                    xytext=(4, 4),
                    fontsize=8,
                )
            ax.set_title(name, fontsize=9, loc="left")
            ax.yaxis.set_major_formatter(_tick)
            ax.grid(True, alpha=0.3)
            ax.tick_params(labelsize=8)
        fig.suptitle(title, fontsize=10)
        fig.tight_layout()
    return Chart(fig, title)


def drift_fragment(ws: Workspace, history: RegisterHistory, today: date | None = None) -> str:
    """The drift subsection: a heading, the chart (or why there is none) and notes."""
    lang = ws.settings.language
    out = [f'<h3 id="assumption-drift">{esc(msg("adr_drift", lang))}</h3>']
    if not history.available:
        out.append(f'<p class="ap-note">{esc(history.reason)}</p>')
        return "".join(out)
    chart = drift_chart(ws, history, today)
    if chart is not None:
        out.append(chart.html(msg("adr_drift_note", lang)))
    for n in history.notes:
        out.append(f'<p class="ap-note">{esc(str(n))}</p>')
    return "".join(out)


def then_cells(
    ws: Workspace, record: DecisionRecord, history: RegisterHistory
) -> dict[str, tuple[str, str]]:
    """Assumption → (register value then, "commit (date)") for a record's table; "—" where
    git has no value at the record's date, and ⚠ before a value the record contradicts."""
    lang = ws.settings.language
    if not history.available or not record.assumptions:
        return {}
    table = then_and_now(ws, record, history)
    out: dict[str, tuple[str, str]] = {}
    for name, row in table.iterrows():
        if pd.isna(row["then"]) or pd.isna(row["commit"]):
            when = record.date.isoformat() if record.date else "—"
            out[str(name)] = ("—", msg("adr_no_then", lang, date=when))
        else:
            then = Decimal(str(row["then"]))
            text = f"{then:,}" if then == then.to_integral_value() else f"{then:,.6g}"
            if row["agrees"] is False:  # the record's "then" is not what the register said
                text = f"⚠ {text}"
            out[str(name)] = (text, f"{row['commit']} ({row['commit_date'].isoformat()})")
    return out
