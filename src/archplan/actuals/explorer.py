"""An ipywidgets view of plan vs actual: move the as-of month and the grouping, see the
year's table and the burn chart change (notebook 06). Computation stays in
:mod:`archplan.actuals.analysis`; this only displays it."""

from __future__ import annotations

from typing import Any

import ipywidgets as w
import pandas as pd

from archplan.actuals.analysis import fy_months, year_summary
from archplan.messages import msg
from archplan.money import format_amount
from archplan.report.i18n import category_label
from archplan.report.sections import esc, html_table
from archplan.workspace.model import Workspace

__all__ = ["ActualsExplorer"]

_COLUMNS = (
    ("budget", "act_budget"),
    ("actual_to_date", "act_atd"),
    ("variance", "act_variance"),
    ("burn_pct", "act_burn"),
    ("forecast_plan", "act_fc_plan"),
    ("forecast_run_rate", "act_fc_rr"),
    ("first_overrun", "act_first"),
)

#: The groupings offered, with the label of each (and of the table's first column).
_GROUPINGS = (("item", "act_item"), ("category", "lbl_category"), ("option", "lbl_option"))


class ActualsExplorer:
    """A month selector (as of) and a grouping selector (item, category, option) over
    :func:`~archplan.actuals.year_summary` and the burn chart.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ex = ActualsExplorer(load_workspace("data/examples/vaccine-booking"))
    >>> int(ex.summary.loc["total", "actual_to_date"])
    16470384
    >>> ex.as_of.value = "2026-08"
    >>> int(ex.summary.loc["total", "actual_to_date"])
    10560082
    """

    def __init__(self, ws: Workspace) -> None:
        from archplan.report.actuals import burn_chart

        if ws.actuals is None:
            raise ValueError("the workspace has no actuals")
        self._chart_fn = burn_chart
        self.ws = ws
        last = ws.actuals.as_of_month()
        fy = year_summary(ws).attrs["fiscal_year"]
        months = [m for m in fy_months(fy, ws.settings.fy_start_month) if m <= last]
        lang = ws.settings.language
        self.as_of = w.Dropdown(
            options=months,
            value=last,
            description=msg("jt_as_of_month", lang),
            style={"description_width": "initial"},
        )
        self.by = w.ToggleButtons(
            options=[(msg(key, lang), by) for by, key in _GROUPINGS],
            value="item",
            style={"button_width": "auto"},  # three buttons on one line beside the month
        )
        self.table = w.HTML()
        self.chart = w.Image(format="png")
        self.summary = pd.DataFrame()
        self.as_of.observe(self._changed, names="value")
        self.by.observe(self._changed, names="value")
        self.widget = w.VBox([w.HBox([self.as_of, self.by]), self.table, self.chart])
        self.update()

    def _changed(self, _change: Any) -> None:
        self.update()

    def update(self) -> None:
        """Recompute the table and the chart for the selected month and grouping."""
        lang = self.ws.settings.language
        self.summary = year_summary(self.ws, by=self.by.value, as_of=self.as_of.value)
        rows = []
        for key, r in self.summary.iterrows():
            if key == "total":
                name = msg("act_total", lang)
            elif self.by.value == "category":
                name = category_label(str(key), lang)  # 利用料, not subscription
            else:
                name = r["name"]
            cells = [esc(name)]
            for col, _ in _COLUMNS:
                v = r[col]
                if col == "first_overrun":
                    cells.append(esc(v or "—"))
                elif col == "burn_pct":
                    cells.append("—" if v != v else f"{float(v):.1f} %")
                else:
                    cells.append(esc(format_amount(int(v), lang)))
            rows.append(cells)
        first = dict(_GROUPINGS)[self.by.value]
        header = [esc(msg(first, lang))] + [esc(msg(k, lang)) for _, k in _COLUMNS]
        # One line per cell, scrolling sideways in a narrow output (as widgets._scroll).
        self.table.value = (
            '<div style="overflow-x:auto;white-space:nowrap">'
            + html_table(header, rows, numeric_from=1, total_last=True)
            + "</div>"
        )
        self.chart.value = self._chart_fn(self.ws, as_of=self.as_of.value).png()

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)  # type: ignore[no-untyped-call]
