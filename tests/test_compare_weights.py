"""Weighting methods against published examples and their defining formulas."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from archplan.compare.weights import (
    ahp,
    combine_judgements,
    direct_weights,
    rank_order_centroid,
    rank_sum,
    swing_weights,
)
from archplan.errors import ArchplanError

DRINKS = ["coffee", "wine", "tea", "beer", "sodas", "milk", "water"]
# Saaty (2008), "Decision making with the analytic hierarchy process": relative
# consumption of drinks in the U.S.; published priorities and CR = 0.022.
SAATY_DRINKS = [
    [1, 9, 5, 2, 1, 1, 1 / 2],
    [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
    [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
    [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
    [1, 9, 4, 2, 1, 2, 1 / 2],
    [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
    [2, 9, 9, 3, 2, 3, 1],
]


def test_saaty_drink_consumption() -> None:
    r = ahp(SAATY_DRINKS, DRINKS)
    assert r.weights.round(3).tolist() == [0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327]
    assert round(r.consistency_ratio, 3) == 0.022
    assert r.random_index == 1.32 and "Saaty" in r.random_index_table
    assert r.lambda_max == pytest.approx(7 + 6 * r.consistency_index)


def test_consistent_matrix_has_cr_zero_and_exact_weights() -> None:
    w = np.array([0.5, 0.3, 0.2])
    r = ahp(np.outer(w, 1 / w), ["a", "b", "c"])
    np.testing.assert_allclose(r.weights.to_numpy(), w)
    assert abs(r.consistency_ratio) < 1e-9


def test_inconsistent_judgements_are_refused_unless_accepted() -> None:
    # a > b (9), b > c (9) but c > a (9): a cycle.
    bad = [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]]
    with pytest.raises(ArchplanError, match="consistency ratio"):
        ahp(bad, ["a", "b", "c"])
    r = ahp(bad, ["a", "b", "c"], accept_inconsistent=True)
    assert not r.accepted and r.consistency_ratio > 0.1 and "accepted by the user" in r.notes[0]


def test_non_reciprocal_table_is_named() -> None:
    with pytest.raises(ArchplanError, match="not reciprocal: a vs b"):
        ahp([[1, 3], [3, 1]], ["a", "b"])


def test_group_geometric_mean() -> None:
    a = pd.DataFrame([[1, 9], [1 / 9, 1]], index=["x", "y"], columns=["x", "y"])
    b = pd.DataFrame([[1, 1], [1, 1]], index=["x", "y"], columns=["x", "y"])
    g = combine_judgements([a, b])
    assert g.loc["x", "y"] == pytest.approx(3.0)  # √(9 × 1)
    assert g.loc["y", "x"] == pytest.approx(1 / 3)


def test_rank_order_centroid_formula() -> None:
    # Barron & Barrett (1996): for n = 4, weights .5208, .2708, .1458, .0625.
    w = rank_order_centroid(["a", "b", "c", "d"])
    assert w.round(4).tolist() == [0.5208, 0.2708, 0.1458, 0.0625]
    assert rank_sum(["a", "b", "c", "d"]).tolist() == [0.4, 0.3, 0.2, 0.1]


def test_direct_and_swing() -> None:
    assert direct_weights({"a": 2, "b": 2}).tolist() == [0.5, 0.5]
    with pytest.raises(ArchplanError):
        direct_weights({"a": 0, "b": 0})
    with pytest.raises(ArchplanError, match="100"):
        swing_weights({"a": 80, "b": 20})
