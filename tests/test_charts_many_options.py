"""Charts stay readable with many options (the screening example has thirteen): every
series keeps its own colour and line style, legends of many entries go below the plot in
columns that fit, and the value-for-money labels do not cover each other."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from archplan import load_workspace
from archplan.report import charts

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"


@pytest.fixture(scope="module")
def many() -> object:
    return load_workspace(EXAMPLES / "inquiry-desk-screening")


def _legend_below_axes(chart: charts.Chart) -> bool:
    fig = chart.figure
    renderer = FigureCanvasAgg(fig).get_renderer()  # type: ignore[no-untyped-call]
    ax = fig.axes[0]
    legend = ax.get_legend()
    assert legend is not None
    box = legend.get_window_extent(renderer)
    # Inside the figure (not clipped) and wholly below the axes.
    fig_box = fig.bbox
    inside = box.x0 >= fig_box.x0 - 1 and box.x1 <= fig_box.x1 + 1 and box.y0 >= -1
    return inside and box.y1 <= ax.get_window_extent(renderer).y0


def test_cumulative_chart_with_thirteen_options(many) -> None:  # type: ignore[no-untyped-def]
    chart = charts.cumulative_chart(many)
    lines = chart.figure.axes[0].get_lines()
    assert len(lines) == 13
    styles = {(line.get_color(), line.get_linestyle()) for line in lines}
    assert len(styles) == 13
    assert len({line.get_color() for line in lines}) == 13
    assert _legend_below_axes(chart)


def test_cumulative_chart_with_few_options_keeps_its_legend_inside() -> None:
    chart = charts.cumulative_chart(load_workspace(EXAMPLES / "food-lab"))
    ax = chart.figure.axes[0]
    assert len({line.get_color() for line in ax.get_lines()}) == 4
    assert not _legend_below_axes(chart)


def test_long_legend_labels_are_not_clipped() -> None:
    names = [f"評価項目その{k}（JIS X 8341-3、現行比）" for k in range(10)]
    contributions = pd.DataFrame(
        [[0.05] * 10, [0.04] * 10], index=["a", "b"], columns=[f"c{k}" for k in range(10)]
    )
    chart = charts.contribution_chart(
        contributions,
        pd.Series({"a": "A", "b": "B"}),
        pd.Series(dict(zip(contributions.columns, names, strict=True))),
        "ja",
    )
    assert _legend_below_axes(chart)


def test_value_chart_labels_do_not_overlap() -> None:
    # Twelve options crowded into a small region of cost and benefit.
    value = pd.DataFrame(
        {
            "name": [f"製品{k}（クラウド版）" for k in range(12)],
            "cost": [1_000_000 + 20_000 * k for k in range(12)],
            "benefit": [0.5 + 0.001 * (k % 2) for k in range(12)],
            "efficient": [k % 3 == 0 for k in range(12)],
        },
        index=[f"p{k}" for k in range(12)],
    )
    chart = charts.value_chart(value, 1000, "千円", "ja")
    fig = chart.figure
    renderer = FigureCanvasAgg(fig).get_renderer()  # type: ignore[no-untyped-call]
    boxes = [t.get_window_extent(renderer) for t in fig.axes[0].texts]
    assert len(boxes) == 12
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b)


def test_heat_map_widens_with_many_ranks() -> None:
    acc = pd.DataFrame(
        [[1 / 13] * 13] * 13, index=[f"o{k}" for k in range(13)], columns=range(1, 14)
    )
    chart = charts.acceptability_chart(acc, pd.Series({f"o{k}": f"o{k}" for k in range(13)}))
    few = charts.acceptability_chart(
        acc.iloc[:3, :3], pd.Series({f"o{k}": f"o{k}" for k in range(3)})
    )
    assert chart.figure.get_figwidth() > few.figure.get_figwidth() == 6.5
