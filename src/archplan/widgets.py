"""ipywidgets views over the pure functions: thin, and testable without a browser.

Each view keeps its state in widgets, recomputes through :mod:`archplan.compare` (or
:mod:`archplan.costs`) in one ``update`` method, and puts the result in plain widgets
(``HTML`` for tables, ``Image`` for charts). Tests set a slider's ``.value`` and read
the result back; no kernel or browser is needed.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import ipywidgets as w
import pandas as pd

from archplan.compare import METHODS, Ranking, build_problem, get_method, rank
from archplan.errors import ArchplanError
from archplan.fiscal import fy_label
from archplan.messages import localized, msg
from archplan.report.charts import contribution_chart
from archplan.report.figures import knocked_out, option_label, option_name_cell
from archplan.report.sections import esc, html_table
from archplan.workspace.model import Workspace

__all__ = ["CostExplorer", "RiskExplorer", "WeightExplorer"]

#: Controls wrap into as many columns as fit, each at least 22em wide (or the whole width
#: when the output area is narrower): every slider keeps a usable track and its readout.
_GRID = "repeat(auto-fill, minmax(min(100%, 22em), 1fr))"


def _labelled(text: str, control: w.Widget, title: str = "") -> w.VBox:
    """A control under its full label (wrapped, never cut off)."""
    head = w.HTML(
        f'<div style="line-height:1.3;white-space:normal;overflow-wrap:anywhere" '
        f'title="{esc(title or text)}">{esc(text)}</div>',
        layout=w.Layout(width="100%", margin="0"),
    )
    control.layout.width = "100%"
    return w.VBox([head, control], layout=w.Layout(width="100%", min_width="0"))


def _slider(**kwargs: Any) -> w.FloatSlider:
    """A slider without a side label (the label sits above it): track plus readout."""
    return w.FloatSlider(
        description="",
        readout=True,
        continuous_update=False,
        style={"description_width": "0px"},
        layout=w.Layout(width="100%", min_width="12em"),
        **kwargs,
    )


def _layout(controls: list[w.Widget], outputs: list[w.Widget]) -> w.VBox:
    """Controls in a wrapping grid above the results (never squeezed beside them)."""
    grid = w.GridBox(
        controls,
        layout=w.Layout(
            grid_template_columns=_GRID, grid_gap="6px 24px", width="100%", margin="0 0 8px 0"
        ),
    )
    results = w.VBox(outputs, layout=w.Layout(width="100%", overflow="auto"))
    return w.VBox([grid, results], layout=w.Layout(width="100%"))


def _scroll(table: str) -> str:
    """A table that keeps its cells on one line and scrolls sideways when the output area
    is narrower than it (rather than wrapping names one character per line)."""
    return f'<div style="overflow-x:auto;white-space:nowrap">{table}</div>'


def _scroll_table(*args: Any, **kwargs: Any) -> str:
    return _scroll(html_table(*args, **kwargs))


def _image() -> w.Image:
    return w.Image(format="png", layout=w.Layout(max_width="100%", height="auto"))


class WeightExplorer:
    """Sliders for the criterion weights and a method selector, with a live ranking.

    Parameters
    ----------
    ws : Workspace

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ex = WeightExplorer(load_workspace("data/examples/food-lab"))
    >>> ex.result.winner
    'saas'
    >>> ex.sliders["usability"].value = 100  # what a user does with the mouse
    >>> ex.result.winner
    'gov-cloud'
    """

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.problem = build_problem(ws)
        self.language = ws.settings.language
        self.sliders: dict[str, w.FloatSlider] = {}
        names = {str(k): str(v) for k, v in self.problem.criterion_names.items()}
        lang = self.language
        for cid, weight in self.problem.weights.items():
            self.sliders[str(cid)] = _slider(
                value=round(float(weight) * 100, 1),
                min=0,
                max=100,
                step=0.5,
                readout_format=".1f",
                tooltip=names[str(cid)],
            )
        self.method = w.Dropdown(
            options=[(msg("method_" + key, lang), key) for key in METHODS],
            value=ws.settings.comparison.method,
        )
        self.table = w.HTML()
        self.explanation = w.HTML()
        self.chart = _image()
        self.message = w.HTML()
        self.result: Ranking | None = None
        for s in self.sliders.values():
            s.observe(self._changed, names="value")
        self.method.observe(self._changed, names="value")
        self.widget = _layout(
            [
                _labelled(msg("w_method", lang), self.method),
                *[
                    _labelled(f"{names[cid]}（{msg('w_points', lang)}）", s, names[cid])
                    for cid, s in self.sliders.items()
                ],
            ],
            [self.message, self.table, self.explanation, self.chart],
        )
        self.update()

    def weights(self) -> pd.Series:
        """The slider positions as weights (not yet rescaled)."""
        return pd.Series({cid: s.value for cid, s in self.sliders.items()}, dtype=float)

    def _changed(self, change: dict[str, Any]) -> None:
        self.update()

    def update(self) -> None:
        """Recompute the ranking from the widgets' values and refresh the views."""
        try:
            problem = self.problem.with_weights(self.weights())
            self.result = rank(problem, get_method(self.method.value))
        except ArchplanError as exc:
            # All weights at zero, or a method that cannot run on these scores: say so
            # and keep the last good ranking on screen.
            self.message.value = f'<p style="color:#a00">{esc(localized(exc, self.language))}</p>'
            return
        self.message.value = ""
        r = self.result
        rows = [
            [esc(int(row["rank"])), esc(row["name"]), f"{row['score']:.3f}"]
            for _, row in r.table.iterrows()
        ]
        lang = self.language
        self.table.value = _scroll_table(
            [
                esc(msg("lbl_rank", lang)),
                esc(msg("lbl_option", lang)),
                esc(r.method.label_for(lang)),
            ],
            rows,
            numeric_from=2,
        )
        self.explanation.value = f"<p>{esc(r.explain(language=self.language))}</p>"
        self.chart.value = contribution_chart(
            r.contributions, problem.option_names, problem.criterion_names, self.language
        ).png()

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)  # type: ignore[no-untyped-call]


class CostExplorer:
    """Sliders for chosen assumptions (e.g. user growth, exchange rate) and a scenario
    selector, with the budget by fiscal year and the cumulative-cost chart.

    Parameters
    ----------
    ws : Workspace
    knobs : list of str
        Assumption names to put on sliders; each ranges from half to twice its value
        (zero to twice for a value of zero is not useful, so zero gets 0 … 1).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ex = CostExplorer(load_workspace("data/examples/food-lab"), ["users"])
    >>> before = ex.totals["saas"]
    >>> ex.sliders["users"].value = 90
    >>> int(ex.totals["saas"] - before)  # thousand yen: 45 users × 12,000 × 12 × 4 × 1.1
    28512
    """

    def __init__(self, ws: Workspace, knobs: list[str]) -> None:
        from archplan.report.charts import cumulative_chart

        self._chart_fn = cumulative_chart
        self.ws = ws
        lang = ws.settings.language
        self.sliders: dict[str, w.FloatSlider] = {}
        for name in knobs:
            a = ws.assumptions[name]
            v = float(a.value)
            lo, hi = (v / 2, v * 2) if v > 0 else (0.0, 1.0)
            step = 10 ** (len(str(int(abs(hi)))) - 3) if hi >= 100 else 0.005
            self.sliders[name] = _slider(value=v, min=lo, max=hi, step=step)
        self.scenario = w.Dropdown(
            options=[(msg("scenario_base", lang), "base"), *[(n, n) for n in ws.scenarios]],
            value="base",
        )
        self.table = w.HTML()
        self.chart = _image()
        self.message = w.HTML()
        self.totals = pd.Series(dtype="int64")
        self._holding = False
        for s in self.sliders.values():
            s.observe(self._changed, names="value")
        self.scenario.observe(self._scenario_changed, names="value")
        self.widget = _layout(
            [
                _labelled(msg("w_scenario", lang), self.scenario),
                *[_labelled(self._knob_label(k), s) for k, s in self.sliders.items()],
            ],
            [self.message, self.table, self.chart],
        )
        self.update()

    def _knob_label(self, name: str) -> str:
        a = self.ws.assumptions[name]
        text = a.description or name
        extra = ", ".join(x for x in ((name if a.description else ""), a.unit) if x)
        return (
            f"{text}（{extra}）"
            if extra and self.ws.settings.language == "ja"
            else (f"{text} ({extra})" if extra else text)
        )

    def _scenario_changed(self, change: dict[str, Any]) -> None:
        # A scenario sets its assumptions: move the sliders there (one update, not one per
        # slider); the user then adjusts from that starting point.
        name = change["new"]
        values = self.ws.scenarios.get(name, {}) if name != "base" else {}
        self._holding = True
        try:
            for key, slider in self.sliders.items():
                v = float(values.get(key, self.ws.assumptions[key].value))
                slider.max = max(slider.max, v)
                slider.min = min(slider.min, v)
                slider.value = v
        finally:
            self._holding = False
        self.update()

    def overrides(self) -> dict[str, Decimal]:
        """The slider values as assumption overrides."""
        return {k: Decimal(str(s.value)) for k, s in self.sliders.items()}

    def _changed(self, change: dict[str, Any]) -> None:
        if not self._holding:
            self.update()

    def update(self) -> None:
        """Recompute the budget and chart from the sliders and the scenario."""
        from archplan.costs import budget_view, format_budget

        scenario = None if self.scenario.value == "base" else self.scenario.value
        # The scenario applies first; the sliders (set from it) override on top.
        try:
            view = budget_view(self.ws, assumptions=self.overrides(), scenario=scenario)
        except ArchplanError as exc:
            self.message.value = (
                f'<p style="color:#a00">{esc(localized(exc, self.ws.settings.language))}</p>'
            )
            return
        self.message.value = ""
        self.totals = view["total"]  # one row per option; alternatives are not added up
        text = format_budget(view, self.ws.settings.language)
        # A knocked-out option still has a row, marked with the reason (as in the report).
        reasons = knocked_out(self.ws)
        rows = [
            [option_name_cell(self.ws, str(k), reasons), *map(esc, r.tolist())]
            for k, r in text.iterrows()
        ]
        self.table.value = _scroll_table(["", *map(esc, text.columns)], rows, numeric_from=1)
        self.chart.value = self._chart_fn(self.ws, self.overrides(), scenario).png()

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)  # type: ignore[no-untyped-call]


class RiskExplorer:
    """A confidence-level slider, a correlation switch and an option selector over the
    cost-risk simulation: the percentile table, the contingency per year and the S-curve.

    The simulation is re-run only when the correlation switch changes (the confidence
    level and the option only re-read the same trials).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ex = RiskExplorer(load_workspace("data/examples/vaccine-booking"), trials=2000)
    >>> ex.confidence.value = 0.9
    >>> int(ex.contingency.loc["total", "budget"]) >= int(ex.contingency.loc["total", "plan"])
    True
    """

    def __init__(self, ws: Workspace, trials: int | None = None) -> None:
        from archplan.uncertainty import simulate

        self._simulate = simulate
        self.ws = ws
        self.trials = trials
        lang = ws.settings.language
        reasons = knocked_out(ws)
        self.option = w.Dropdown(
            options=[(option_label(ws, o.id, reasons), o.id) for o in ws.options]
        )
        self.confidence = _slider(
            value=ws.settings.simulation.confidence,
            min=0.5,
            max=0.95,
            step=0.05,
            readout_format=".0%",
        )
        self.correlated = w.Checkbox(
            value=True,
            description=msg("w_correlations", lang),
            disabled=not ws.correlations,
            indent=False,
            layout=w.Layout(width="100%"),
        )
        self.summary = w.HTML()
        self.table = w.HTML()
        self.chart = _image()
        self.sim = simulate(ws, trials)
        self.contingency = pd.DataFrame()
        self.option.observe(self._changed, names="value")
        self.confidence.observe(self._changed, names="value")
        self.correlated.observe(self._resimulate, names="value")
        self.widget = _layout(
            [
                _labelled(msg("w_option", lang), self.option),
                _labelled(msg("w_confidence", lang), self.confidence),
                w.VBox([w.HTML("&nbsp;"), self.correlated]),
            ],
            [self.summary, self.table, self.chart],
        )
        self.update()

    def _resimulate(self, change: dict[str, Any]) -> None:
        self.sim = self._simulate(self.ws, self.trials, correlated=bool(self.correlated.value))
        self.update()

    def _changed(self, change: dict[str, Any]) -> None:
        self.update()

    def update(self) -> None:
        """Refresh the tables and the chart from the current simulation and controls."""
        from archplan.money import UNIT_DIVISOR, format_amount, to_unit
        from archplan.report.charts import s_curve_chart
        from archplan.report.figures import shown_totals
        from archplan.report.risk import plan_confidence_cell, shown_contingency
        from archplan.uncertainty import contingency, summary_table

        lang = self.ws.settings.language
        unit_id = self.ws.settings.display_unit
        divisor = UNIT_DIVISOR[unit_id]
        conf = float(self.confidence.value)
        option = str(self.option.value)
        sim = self.sim
        summary = summary_table(sim)
        reasons = knocked_out(self.ws)
        names = {o.id: option_label(self.ws, o.id, reasons) for o in self.ws.options}
        # The plan is the option's total as every document prints it (the budget's, not
        # the simulation's float sum, which may differ by a few yen).
        totals = shown_totals(self.ws)
        rows = [
            [
                option_name_cell(self.ws, str(o), reasons),
                *[
                    format_amount(to_unit(float(r[c]), unit_id), lang)
                    for c in ("P10", "P50", "P80", "P90")
                ],
                format_amount(totals[str(o)], lang),
                # "—" for an option with no uncertain input (as the report shows it)
                plan_confidence_cell(sim, str(o), float(r["plan_percentile"]), lang),
            ]
            for o, r in summary.iterrows()
        ]
        self.summary.value = f"<p>{esc(sim.record['dependence'])}</p>" + _scroll_table(
            [
                "",
                "P10",
                "P50",
                "P80",
                "P90",
                esc(msg("lbl_plan", lang)),
                esc(msg("w_plan_at", lang)),
            ],
            rows,
            numeric_from=1,
        )
        self.contingency = contingency(sim, option, conf)
        c = self.contingency
        header = [
            "",
            *[
                esc(msg("lbl_total", lang) if str(i) == "total" else fy_label(int(i), lang))
                for i in c.index
            ],
        ]
        # The rows the report shows: the plan row is the option's budget row, the
        # contingency apportioned to its total, the budget request their sum.
        shown = shown_contingency(self.ws, option, c)
        body = [
            [esc(msg(key, lang)), *[format_amount(v, lang) for v in shown[col]]]
            for col, key in (
                ("plan", "lbl_cont_plan"),
                ("allocated", "lbl_cont_allocated"),
                ("budget", "lbl_cont_budget"),
            )
        ]
        self.table.value = _scroll(html_table(header, body, numeric_from=1))
        unit = msg("lbl_unit_thousand" if divisor == 1000 else "lbl_unit_yen", lang)
        self.chart.value = s_curve_chart(
            {o: sim.totals[:, k] for k, o in enumerate(sim.options)},
            {o: float(sim.deterministic[k].sum()) for k, o in enumerate(sim.options)},
            names,
            divisor,
            unit,
            conf,
            lang,
            muted=[o for o in sim.options if o in reasons],
        ).png()

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)  # type: ignore[no-untyped-call]
