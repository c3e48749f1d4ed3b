"""Widget callbacks, driven as a user would (setting values), without a browser."""

from __future__ import annotations

from pathlib import Path

from archplan import load_workspace
from archplan.widgets import WeightExplorer


def test_sliders_drive_the_ranking(example_dir: Path) -> None:
    ex = WeightExplorer(load_workspace(example_dir))
    assert ex.result is not None and ex.result.winner == "saas"
    assert "検査情報管理SaaSの利用" in ex.table.value
    first_png = ex.chart.value
    for cid, slider in ex.sliders.items():
        slider.value = 100 if cid == "usability" else 0
    assert ex.result.winner == "gov-cloud"  # only usability counts: the custom build wins
    assert ex.table.value.index("ガバメントクラウド") < ex.table.value.index("検査情報管理SaaS")
    assert bytes(ex.chart.value) != bytes(first_png) and bytes(ex.chart.value)[:4] == b"\x89PNG"


def test_method_selector(example_dir: Path) -> None:
    ex = WeightExplorer(load_workspace(example_dir))
    ex.method.value = "topsis"
    assert ex.result is not None and ex.result.method.label == "TOPSIS"
    assert "TOPSIS" in ex.table.value


def test_bad_state_is_reported_not_raised(example_dir: Path) -> None:
    ex = WeightExplorer(load_workspace(example_dir))
    before = ex.result
    ex.method.value = "wpm"  # × on lock-in maps to 0: the weighted product cannot run
    # In the workspace's language (Japanese here), naming the criterion.
    assert "lock_in" in ex.message.value and "加重積法" in ex.message.value
    assert ex.result is before
    ex.method.value = "wsm"
    for s in ex.sliders.values():
        s.value = 0
    assert "すべてが0であってはならない" in ex.message.value


def test_cost_explorer_exchange_rate_and_scenario(tmp_path: Path) -> None:
    from archplan.widgets import CostExplorer

    ws = load_workspace(
        Path(__file__).resolve().parents[1] / "data" / "examples" / "shared-platform"
    )
    ex = CostExplorer(ws, ["user_growth", "usd_jpy"])
    base = ex.totals.copy()
    ex.sliders["usd_jpy"].value = 160
    # Only the USD-priced SaaS moves with the exchange rate.
    assert ex.totals["joint-saas"] > base["joint-saas"]
    assert ex.totals["joint-build"] == base["joint-build"]
    png = bytes(ex.chart.value)
    ex.scenario.value = "low-uptake"  # sets user growth to 3 % and the rate back to 139
    assert ex.sliders["user_growth"].value == 0.03 and ex.sliders["usd_jpy"].value == 139
    assert ex.totals["joint-saas"] < base["joint-saas"]
    assert bytes(ex.chart.value) != png
    assert "Kita" not in ex.table.value and "Joint SaaS" in ex.table.value


def test_risk_explorer_confidence_and_correlation() -> None:
    from archplan.widgets import RiskExplorer

    ws = load_workspace(
        Path(__file__).resolve().parents[1] / "data" / "examples" / "vaccine-booking"
    )
    ex = RiskExplorer(ws, trials=4000)
    p80 = int(ex.contingency.loc["total", "budget"])
    ex.confidence.value = 0.9
    p90 = int(ex.contingency.loc["total", "budget"])
    assert p90 > p80  # more confidence costs more
    ex.option.value = "serverless"
    assert ex.contingency.attrs["option"] == "serverless"
    before = ex.sim.by_year.copy()
    ex.correlated.value = False
    assert "無視" in ex.sim.record["dependence"] and "無視" in ex.summary.value
    assert not (before == ex.sim.by_year).all()


def _texts(widget: object) -> list[str]:
    """Every label, value and option text a widget tree shows."""
    import ipywidgets as w

    out: list[str] = []
    if isinstance(widget, w.Box):
        for child in widget.children:
            out += _texts(child)
    if isinstance(widget, w.HTML):
        out.append(str(widget.value))
    if isinstance(widget, w.Dropdown):
        out += [str(label) for label in widget._options_labels]
    if isinstance(widget, w.Checkbox):
        out.append(str(widget.description))
    return out


def test_explorers_speak_the_workspace_language(example_dir: Path) -> None:
    import re

    from archplan.widgets import RiskExplorer

    examples = Path(__file__).resolve().parents[1] / "data" / "examples"
    weight = " ".join(_texts(WeightExplorer(load_workspace(example_dir)).widget))
    assert "手法" in weight and "加重和法" in weight and "配点" in weight
    # Every criterion's full name is shown (not cut to 17 characters).
    assert "移行容易性（ベンダーロックインの少なさ）" in weight
    risk = " ".join(_texts(RiskExplorer(load_workspace(examples / "vaccine-booking"), 500).widget))
    assert "信頼水準" in risk and "予備費" in risk
    for text in (weight, risk):
        visible = re.sub(r"<[^>]+>", " ", text)
        for word in ("Method", "Option", "Weighted", "Confidence", "plan", "budget", "yen"):
            assert word not in visible


def test_each_slider_has_its_own_full_width_row() -> None:
    import ipywidgets as w

    ex = WeightExplorer(
        load_workspace(Path(__file__).resolve().parents[1] / "data" / "examples" / "food-lab")
    )
    grid = ex.widget.children[0]
    assert isinstance(grid, w.GridBox) and "auto-fill" in grid.layout.grid_template_columns
    for s in ex.sliders.values():
        assert s.readout and s.layout.width == "100%" and s.description == ""
