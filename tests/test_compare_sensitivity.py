"""Sensitivity analysis: bounds checked by brute force, acceptability by an independent
loop over pymcdm."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from pymcdm import methods as pm
from pymcdm import normalizations as pn

from archplan.compare import (
    build_problem,
    compare_methods,
    get_method,
    rank_acceptability,
    sample_weights,
    stability_intervals,
    value_for_money,
)
from archplan.compare.problem import DecisionProblem
from archplan.workspace import load_workspace


def _problem(seed: int, m: int = 5, n: int = 4) -> DecisionProblem:
    rng = np.random.default_rng(seed)
    opts = [f"o{i}" for i in range(m)]
    crits = [f"c{j}" for j in range(n)]
    x = pd.DataFrame(rng.uniform(1, 10, (m, n)), index=opts, columns=crits)
    w = pd.Series(rng.dirichlet(np.ones(n)), index=crits)
    cost = pd.Series(rng.random(n) < 0.3, index=crits)
    return DecisionProblem(
        matrix=x,
        cost=cost,
        weights=w,
        option_names=pd.Series(opts, index=opts),
        criterion_names=pd.Series(crits, index=crits),
        excluded=pd.DataFrame(columns=["criterion", "value", "reason"]),
    )


def _winner(problem: DecisionProblem, method: str, crit: str, t: float) -> str:
    w = problem.weights.copy()
    rest = 1 - w[crit]
    w = w / rest * (1 - t)
    w[crit] = t
    m = get_method(method)
    s = m.merit(m.evaluate(problem.matrix.to_numpy(), w.to_numpy(), problem.cost.to_numpy())[0])
    return str(problem.matrix.index[int(np.argmax(s))])


@pytest.mark.parametrize("method", ["wsm", "promethee", "topsis", "vikor", "wpm"])
@pytest.mark.parametrize("seed", range(6))
def test_stability_bounds_match_brute_force(method: str, seed: int) -> None:
    p = _problem(seed)
    s = stability_intervals(p, method)
    winner = s.attrs["winner"]
    eps = 1e-6
    for crit, row in s.iterrows():
        assert row["lower"] <= row["weight"] <= row["upper"]
        if row["below"] is not None and not pd.isna(row["below"]):
            assert _winner(p, method, str(crit), row["lower"] + eps) == winner
            assert _winner(p, method, str(crit), row["lower"] - eps) == row["below"]
        else:
            assert _winner(p, method, str(crit), 0.0) == winner
        if row["above"] is not None and not pd.isna(row["above"]):
            assert _winner(p, method, str(crit), row["upper"] - eps) == winner
            assert _winner(p, method, str(crit), row["upper"] + eps) == row["above"]
        else:
            assert _winner(p, method, str(crit), 1.0) == winner


def test_rank_acceptability_matches_an_independent_loop() -> None:
    p = _problem(11, m=4, n=3)
    ra = rank_acceptability(p, "topsis", samples=400, seed=5)
    ws = sample_weights(p.weights, 400, seed=5)
    types = np.where(p.cost.to_numpy(), -1, 1)
    counts = pd.DataFrame(0, index=p.matrix.index, columns=range(1, 5))
    for w in ws:
        scores = pm.TOPSIS(pn.vector_normalization)(p.matrix.to_numpy(), w, types)
        order = (-scores).argsort().argsort() + 1
        for opt, r in zip(p.matrix.index, order, strict=True):
            counts.loc[opt, r] += 1
    pd.testing.assert_frame_equal(
        (counts / 400).loc[ra.index], ra, check_names=False, check_dtype=False
    )


def test_rank_acceptability_is_reproducible_and_seed_sensitive() -> None:
    p = _problem(2)
    a = rank_acceptability(p, samples=5000, seed=1, mode="uniform")
    b = rank_acceptability(p, samples=5000, seed=1, mode="uniform")
    c = rank_acceptability(p, samples=5000, seed=2, mode="uniform")
    pd.testing.assert_frame_equal(a, b)
    assert not a.equals(c)
    assert np.allclose(a.sum(axis=1), 1) and np.allclose(a.sum(axis=0), 1)


def test_sampling_modes() -> None:
    w = np.array([0.6, 0.3, 0.1])
    around = sample_weights(w, 20_000, seed=3, mode="around", concentration=100)
    np.testing.assert_allclose(around.mean(axis=0), w, atol=0.005)
    # Dirichlet: sd of w_j = sqrt(w(1-w)/(κ+1))
    np.testing.assert_allclose(around.std(axis=0), np.sqrt(w * (1 - w) / 101), rtol=0.05)
    ordinal = sample_weights(w, 1000, seed=3, mode="ordinal")
    assert (np.diff(ordinal, axis=1) <= 0).all()


def test_example_knocks_out_the_overseas_saas(example_dir) -> None:  # type: ignore[no-untyped-def]
    p = build_problem(load_workspace(example_dir))
    assert p.excluded.index.tolist() == ["overseas-saas"]
    assert "データの国内保管" in p.excluded.loc["overseas-saas", "reason"]
    assert "overseas-saas" not in p.matrix.index
    methods = compare_methods(p)
    # Every method that runs puts the SaaS first; the weighted product cannot run on a
    # zero score (× on lock-in maps to 0) and says which criterion stops it.
    ran = methods.drop(columns="agree").dropna(axis=1)
    assert (ran.loc["saas"] == 1).all() and ran.shape[1] == 4
    # In the workspace's language (Japanese), naming the criterion and its id.
    assert "評価項目「移行容易性" in methods.attrs["notes"][0]
    assert "（lock_in）" in methods.attrs["notes"][0] and "加重積法" in methods.attrs["notes"][0]


def test_value_for_money_pareto() -> None:
    p = _problem(4, m=4, n=3)
    costs = pd.Series([100.0, 100.0, 50.0, 200.0], index=p.matrix.index)
    v = value_for_money(p, costs)
    for i in v.index:
        dominated = any(
            (v.loc[k, "benefit"] >= v.loc[i, "benefit"])
            and (v.loc[k, "cost"] <= v.loc[i, "cost"])
            and (
                (v.loc[k, "benefit"] > v.loc[i, "benefit"]) or (v.loc[k, "cost"] < v.loc[i, "cost"])
            )
            for k in v.index
            if k != i
        )
        assert v.loc[i, "efficient"] == (not dominated)
    assert v["efficient"].any()
