"""Weighted-sum ranking, checked against worked examples computed by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from archplan import ArchplanError, load_workspace, rank_options, weighted_sum
from archplan.compare import normalize


def test_wikipedia_weighted_sum_model_example() -> None:
    # Weighted sum model article (Wikipedia): weights .20/.15/.40/.25, scores on one
    # scale; published scores A1 = 21.50, A2 = 22.00, A3 = 22.00.
    m = pd.DataFrame(
        {"C1": [25, 10, 30], "C2": [20, 30, 10], "C3": [15, 20, 30], "C4": [30, 30, 10]},
        index=["A1", "A2", "A3"],
        dtype=float,
    )
    w = pd.Series({"C1": 0.20, "C2": 0.15, "C3": 0.40, "C4": 0.25})
    d = pd.Series("benefit", index=m.columns)
    r = weighted_sum(m, w, d, normalization="none")
    assert r["score"].round(2).tolist() == [21.50, 22.00, 22.00]
    assert r["rank"].tolist() == [3, 1, 1]  # a tie shares the better rank


def test_minmax_respects_direction() -> None:
    m = pd.DataFrame({"price": [100.0, 200.0, 150.0]}, index=["a", "b", "c"])
    benefit = normalize(m, pd.Series({"price": "benefit"}))["price"].tolist()
    cost = normalize(m, pd.Series({"price": "cost"}))["price"].tolist()
    assert benefit == [0.0, 1.0, 0.5]
    assert cost == [1.0, 0.0, 0.5]


def test_weights_are_rescaled() -> None:
    m = pd.DataFrame({"q": [1.0, 3.0], "c": [10.0, 30.0]}, index=["a", "b"])
    d = pd.Series({"q": "benefit", "c": "cost"})
    r1 = weighted_sum(m, pd.Series({"q": 3, "c": 1}), d)
    r2 = weighted_sum(m, pd.Series({"q": 0.75, "c": 0.25}), d)
    pd.testing.assert_frame_equal(r1, r2)
    assert r1["score"].tolist() == [0.25, 0.75]


@pytest.mark.parametrize("weights", [{"q": 0, "c": 0}, {"q": -1, "c": 2}, {"q": 1}])
def test_bad_weights_are_archplan_errors(weights: dict[str, float]) -> None:
    m = pd.DataFrame({"q": [1.0, 3.0], "c": [10.0, 30.0]}, index=["a", "b"])
    with pytest.raises(ArchplanError):
        weighted_sum(m, pd.Series(weights, dtype=float), pd.Series({"q": "benefit", "c": "cost"}))


def test_example_ranking_matches_hand_calculation(example_dir) -> None:  # type: ignore[no-untyped-def]
    ws = load_workspace(example_dir)
    r = rank_options(ws)
    assert r.index.tolist() == ["saas", "gov-cloud", "onprem"]
    # SaaS by hand: cost 1×.3 + security 2/3×.2 + availability 1×.1 + usability 1/3×.1
    # + lead time 1×.1 + lock-in 1/2×.1 + staff burden 1×.1
    expected = 0.3 + 2 / 3 * 0.2 + 0.1 + 1 / 3 * 0.1 + 0.1 + 0.05 + 0.1
    assert r.loc["saas", "score"] == pytest.approx(expected, abs=1e-12)
    assert r.loc["saas", "name"] == "検査情報管理SaaSの利用"


def test_slider_weights_change_the_winner(example_dir) -> None:  # type: ignore[no-untyped-def]
    ws = load_workspace(example_dir)
    w = ws.criteria_table["weight"].copy()
    w[:] = 0
    w["usability"] = 1  # only usability counts: the custom build scores 5
    assert rank_options(ws, weights=w).index[0] == "gov-cloud"
