"""Ranking methods against published worked examples and against pymcdm.

pymcdm is a test-only, independent implementation; it is compared only where both
define a method the same way (its 'max' normalisation treats cost criteria as
1 − x/max, ours as min/x, so that pair is not compared on cost criteria).
"""

from __future__ import annotations

import numpy as np
import pytest
from pymcdm import methods as pm
from pymcdm import normalizations as pn

from archplan.compare.methods import (
    TOPSIS,
    VIKOR,
    PrometheeII,
    WeightedProduct,
    WeightedSum,
    get_method,
)
from archplan.compare.normalize import normalize_array
from archplan.errors import ArchplanError

TZENG = np.array([[5, 8, 4], [7, 6, 8], [8, 8, 6], [7, 4, 6]], dtype=float)


def test_topsis_tzeng_huang_worked_example() -> None:
    # Tzeng & Huang, Multiple Attribute Decision Making (2011): closeness coefficients
    # .5037 / .6581 / .7482 / .3340 with weights .3/.4/.3, all benefit criteria.
    scores, _ = TOPSIS().evaluate(TZENG, np.array([0.3, 0.4, 0.3]), np.zeros(3, bool))
    assert scores.round(4).tolist() == [0.5037, 0.6581, 0.7482, 0.3340]


def test_vikor_pymcdm_documented_example() -> None:
    # pymcdm's VIKOR docstring: Q = [0.5679, 0.7667, 1, 0.7493, 0].
    matrix = np.array(
        [[78, 56, 34, 6], [4, 45, 3, 97], [18, 2, 50, 63], [9, 14, 11, 92], [85, 9, 100, 29]],
        dtype=float,
    )
    q, contrib = VIKOR().evaluate(matrix, np.full(4, 0.25), np.zeros(4, bool))
    assert q.round(4).tolist() == [0.5679, 0.7667, 1.0, 0.7493, 0.0]
    assert contrib.sum(axis=1).shape == (5,)


def _random_case(seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    m, n = rng.integers(3, 9), rng.integers(2, 8)
    x = rng.uniform(1, 100, size=(m, n))
    w = rng.dirichlet(np.ones(n))
    cost = rng.random(n) < 0.4
    return x, w, cost


@pytest.mark.parametrize("seed", range(25))
def test_against_pymcdm_on_random_matrices(seed: int) -> None:
    x, w, cost = _random_case(seed)
    types = np.where(cost, -1, 1)
    for norm, pnorm in (
        ("minmax", pn.minmax_normalization),
        ("vector", pn.vector_normalization),
        ("sum", pn.sum_normalization),
    ):
        ours = WeightedSum(norm).evaluate(x, w, cost)[0]
        theirs = pm.WSM(pnorm)(x, w, types)
        np.testing.assert_allclose(ours, theirs, rtol=1e-10)
        ours = TOPSIS(norm).evaluate(x, w, cost)[0]
        theirs = pm.TOPSIS(pnorm)(x, w, types)
        np.testing.assert_allclose(ours, theirs, rtol=1e-10)
    ours = WeightedProduct("sum").evaluate(x, w, cost)[0]
    np.testing.assert_allclose(ours, pm.WPM(pn.sum_normalization)(x, w, types), rtol=1e-10)
    np.testing.assert_allclose(
        VIKOR().evaluate(x, w, cost)[0], pm.VIKOR()(x, w, types), rtol=1e-10, atol=1e-12
    )
    np.testing.assert_allclose(
        PrometheeII("usual").evaluate(x, w, cost)[0],
        pm.PROMETHEE_II("usual")(x, w, types),
        rtol=1e-10,
        atol=1e-12,
    )
    # Linear preference with absolute thresholds: pymcdm's 'vshape_2' (Brans' type V).
    q = np.full(x.shape[1], 5.0)
    p = np.full(x.shape[1], 30.0)
    ours = PrometheeII("linear", q=tuple(q), p=tuple(p), thresholds_relative=False)
    np.testing.assert_allclose(
        ours.evaluate(x, w, cost)[0],
        pm.PROMETHEE_II("vshape_2", p=p, q=q)(x, w, types),
        rtol=1e-10,
        atol=1e-12,
    )


@pytest.mark.parametrize("key", ["wsm", "wpm", "topsis", "vikor", "promethee"])
def test_batch_equals_one_by_one(key: str) -> None:
    x, w, cost = _random_case(99)
    m = get_method(key)
    ws = np.random.default_rng(1).dirichlet(np.ones(len(w)), size=50)
    batch = m.batch(x, ws, cost)
    single = np.stack([m.evaluate(x, wi, cost)[0] for wi in ws])
    np.testing.assert_allclose(batch, single, rtol=1e-12, atol=1e-12)


def test_additive_contributions_add_up() -> None:
    x, w, cost = _random_case(3)
    for m in (WeightedSum(), PrometheeII()):
        s, c = m.evaluate(x, w, cost)
        np.testing.assert_allclose(c.sum(axis=1), s)
    s, c = WeightedProduct().evaluate(x, w, cost)
    np.testing.assert_allclose(np.exp(c.sum(axis=1)), s)
    _q, c = VIKOR().evaluate(x, w, cost)
    assert c.shape == x.shape


def test_normalisations_direction() -> None:
    x = np.array([[1.0, 10.0], [3.0, 30.0]])
    cost = np.array([False, True])
    assert normalize_array(x, cost, "minmax").tolist() == [[0.0, 1.0], [1.0, 0.0]]
    v = normalize_array(x, cost, "vector")
    assert v[1, 0] > v[0, 0] and v[0, 1] > v[1, 1]
    s = normalize_array(x, cost, "sum")
    np.testing.assert_allclose(s.sum(axis=0), [1.0, 1.0])


def test_unknown_method_and_bad_options() -> None:
    with pytest.raises(ArchplanError, match="unknown method"):
        get_method("electre")
    with pytest.raises(ArchplanError):
        get_method("wsm", normalization="zscore")
    with pytest.raises(ArchplanError):
        VIKOR(v=2)
