"""ipywidgets views over the pure functions: thin, and testable without a browser.

Each view keeps its state in widgets, recomputes through :mod:`archplan.compare` (or
:mod:`archplan.costs`) in one ``update`` method, and puts the result in plain widgets
(``HTML`` for tables, ``Image`` for charts). Tests set a slider's ``.value`` and read
the result back; no kernel or browser is needed.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w
import pandas as pd

from archplan.compare import METHODS, Ranking, build_problem, get_method, rank
from archplan.errors import ArchplanError
from archplan.report.charts import contribution_chart
from archplan.report.sections import esc, html_table
from archplan.workspace.model import Workspace

__all__ = ["WeightExplorer"]


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
        for cid, weight in self.problem.weights.items():
            name = names[str(cid)]
            self.sliders[str(cid)] = w.FloatSlider(
                value=round(float(weight) * 100, 1),
                min=0,
                max=100,
                step=0.5,
                description=name if len(name) <= 18 else name[:17] + "…",
                continuous_update=False,
                readout_format=".1f",
                style={"description_width": "12em"},
                layout=w.Layout(width="32em"),
                tooltip=name,
            )
        self.method = w.Dropdown(
            options=[(cls.label, key) for key, cls in METHODS.items()],
            value=ws.settings.comparison.method,
            description="Method",
        )
        self.table = w.HTML()
        self.explanation = w.HTML()
        self.chart = w.Image(format="png")
        self.message = w.HTML()
        self.result: Ranking | None = None
        for s in self.sliders.values():
            s.observe(self._changed, names="value")
        self.method.observe(self._changed, names="value")
        self.widget = w.HBox(
            [
                w.VBox([self.method, *self.sliders.values()]),
                w.VBox([self.message, self.table, self.explanation, self.chart]),
            ]
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
            self.message.value = f'<p style="color:#a00">{esc(exc)}</p>'
            return
        self.message.value = ""
        r = self.result
        rows = [
            [esc(int(row["rank"])), esc(row["name"]), f"{row['score']:.3f}"]
            for _, row in r.table.iterrows()
        ]
        self.table.value = html_table(["#", "Option", r.method.label], rows, numeric_from=2)
        self.explanation.value = f"<p>{esc(r.explain(language=self.language))}</p>"
        self.chart.value = contribution_chart(
            r.contributions, problem.option_names, problem.criterion_names, self.language
        ).png()

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)  # type: ignore[no-untyped-call]
