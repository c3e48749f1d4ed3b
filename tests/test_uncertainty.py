"""Cost risk checked against analytic results: distributions, sums of independent and of
perfectly correlated inputs, risk events, reproducibility, and the exact engine."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from scipy import stats

from archplan import WorkspaceError, load_workspace
from archplan.costs import yearly_totals
from archplan.uncertainty import (
    PERT,
    Lognormal,
    Triangular,
    Uniform,
    contingency,
    prob_cheaper,
    prob_cheapest,
    rank_first,
    simulate,
    summary_table,
    tornado,
    variance_contribution,
)
from conftest import make_workspace

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"


@pytest.mark.parametrize(("low", "mode", "high"), [(0, 3, 6), (10, 12, 30), (5, 5, 9)])
def test_triangular_matches_scipy_and_formulas(low: float, mode: float, high: float) -> None:
    t = Triangular(low, mode, high)
    ref = stats.triang((mode - low) / (high - low), loc=low, scale=high - low)
    assert t.mean() == pytest.approx(ref.mean()) == pytest.approx((low + mode + high) / 3)
    assert t.var() == pytest.approx(ref.var())
    u = np.linspace(0.001, 0.999, 37)
    np.testing.assert_allclose(t.ppf(u), ref.ppf(u), rtol=1e-12, atol=1e-12)
    x = t.sample(np.random.default_rng(1), 400_000)
    se = np.sqrt(t.var() / len(x))
    assert abs(x.mean() - t.mean()) < 5 * se


@pytest.mark.parametrize(
    ("low", "mode", "high", "shape"), [(0, 3, 12, 4), (100, 150, 400, 4), (1, 2, 3, 6)]
)
def test_pert_matches_beta_and_formulas(low: float, mode: float, high: float, shape: float) -> None:
    p = PERT(low, mode, high, shape)
    a = 1 + shape * (mode - low) / (high - low)
    b = 1 + shape * (high - mode) / (high - low)
    ref = stats.beta(a, b, loc=low, scale=high - low)
    assert p.mean() == pytest.approx(ref.mean())
    assert p.mean() == pytest.approx((low + shape * mode + high) / (shape + 2))
    assert p.var() == pytest.approx(ref.var())
    u = np.array([0.1, 0.5, 0.8, 0.9])
    np.testing.assert_allclose(p.ppf(u), ref.ppf(u))
    x = p.sample(np.random.default_rng(2), 400_000)
    assert abs(x.mean() - p.mean()) < 5 * np.sqrt(p.var() / len(x))
    assert abs(np.quantile(x, 0.9) - ref.ppf(0.9)) < 0.01 * (high - low)


def test_lognormal_and_uniform() -> None:
    ln = Lognormal(100.0, 250.0)
    assert float(ln.ppf(np.array([0.5]))[0]) == pytest.approx(100.0)
    assert float(ln.ppf(np.array([0.9]))[0]) == pytest.approx(250.0)
    ref = stats.lognorm(ln.sigma, scale=100.0)
    assert ln.mean() == pytest.approx(ref.mean()) and ln.var() == pytest.approx(ref.var())
    un = Uniform(2, 8)
    assert (un.mean(), un.var()) == (5.0, 3.0)


def _two_inputs(tmp_path: Path, rho: float | None, dist_a: str, dist_b: str) -> Path:
    corr = f"correlations:\n  - {{between: [a, b], rho: {rho}}}\n" if rho is not None else ""
    return make_workspace(
        tmp_path,
        """
        - {id: ia, option: saas, name: A, category: other, nature: one-off, amount: a,
           start: 2026}
        - {id: ib, option: saas, name: B, category: other, nature: one-off, amount: b,
           start: 2026}
        """,
        assumptions=f"""\
  a: {{value: 100, uncertainty: {dist_a}}}
  b: {{value: 200, uncertainty: {dist_b}}}
{corr}""",
        replace={"  rate: 0.10\n": "  rate: 0.0\n"},  # no tax: totals are a + b
    )


def test_independent_sum_matches_analytic_mean_and_variance(tmp_path: Path) -> None:
    a = Triangular(50, 100, 200)
    b = PERT(100, 200, 500)
    d = _two_inputs(
        tmp_path,
        None,
        "{dist: triangular, min: 50, mode: 100, max: 200}",
        "{dist: pert, min: 100, mode: 200, max: 500}",
    )
    sim = simulate(load_workspace(d), trials=200_000, seed=7)
    total = sim.totals[:, 0]
    mean, var = a.mean() + b.mean(), a.var() + b.var()
    assert abs(total.mean() - mean) < 5 * np.sqrt(var / len(total))
    # Sample variance: relative standard error about sqrt(2/n) for near-normal sums.
    assert total.var() == pytest.approx(var, rel=0.02)
    assert "独立" in sim.record["dependence"]  # stated, in the workspace's language


def test_perfectly_correlated_sum_has_summed_quantiles(tmp_path: Path) -> None:
    d = _two_inputs(
        tmp_path,
        1.0,
        "{dist: triangular, min: 50, mode: 100, max: 200}",
        "{dist: pert, min: 100, mode: 200, max: 500}",
    )
    sim = simulate(load_workspace(d), trials=100_000, seed=3)
    total = sim.totals[:, 0]
    a, b = Triangular(50, 100, 200), PERT(100, 200, 500)
    for q in (0.1, 0.5, 0.8, 0.9):
        expected = float(a.ppf(np.array([q]))[0] + b.ppf(np.array([q]))[0])
        assert np.quantile(total, q) == pytest.approx(expected, rel=0.005)
    assert "コピュラ" in sim.record["dependence"]


def test_rank_correlation_is_imposed(tmp_path: Path) -> None:
    d = _two_inputs(
        tmp_path, 0.6, "{dist: uniform, min: 0, max: 1}", "{dist: lognormal, median: 1, p90: 3}"
    )
    from archplan.uncertainty.simulation import _correlation_root, _draw, compile_model

    ws = load_workspace(d)
    model = compile_model(ws)
    draws = _draw(
        model, np.random.default_rng(5), 100_000, _correlation_root(ws, model.input_names)
    )
    rho = stats.spearmanr(draws["a"], draws["b"]).statistic
    assert rho == pytest.approx(0.6, abs=0.01)


def test_same_seed_same_results_and_plan_matches_the_exact_engine() -> None:
    ws = load_workspace(EXAMPLES / "vaccine-booking")
    a = simulate(ws, trials=3000, seed=11)
    b = simulate(ws, trials=3000, seed=11)
    c = simulate(ws, trials=3000, seed=12)
    np.testing.assert_array_equal(a.by_year, b.by_year)
    assert not np.array_equal(a.by_year, c.by_year)
    exact = yearly_totals(ws).T.to_numpy(dtype=float)
    np.testing.assert_allclose(a.deterministic, exact)
    import dataclasses

    for name in ("food-lab", "network-refresh", "shared-platform"):
        full = load_workspace(EXAMPLES / name)
        other = dataclasses.replace(  # no uncertainties: every trial is the plan
            full,
            assumptions={
                k: dataclasses.replace(a, uncertainty=None) for k, a in full.assumptions.items()
            },
            cost_items=tuple(dataclasses.replace(i, uncertainty=None) for i in full.cost_items),
            risks=(),
            correlations=(),
        )
        sim = simulate(other, trials=50, seed=1)
        # Floats against exact integer yen: within a few yen of rounding per item and year.
        assert np.abs(sim.by_year - sim.deterministic).max() < 5


def test_risk_event_one_occurrence_for_all_options(tmp_path: Path) -> None:
    d = make_workspace(
        tmp_path,
        """
        - {id: x, option: saas, name: X, category: other, nature: one-off, amount: 0,
           start: 2026}
        """,
        replace={"  rate: 0.10\n": "  rate: 0.0\n"},
    )
    costs = d / "costs.yaml"
    costs.write_text(
        costs.read_text(encoding="utf-8")
        + """risks:
  - id: surge
    name: Surge
    fy: 2027
    probability: 0.25
    impacts: {saas: 1000, onprem: 3000}
""",
        encoding="utf-8",
    )
    sim = simulate(load_workspace(d), trials=100_000, seed=9)
    saas, onprem = sim.options.index("saas"), sim.options.index("onprem")
    hit_saas = sim.by_year[:, saas, 1] > 0
    hit_onprem = sim.by_year[:, onprem, 1] > 0
    assert np.array_equal(hit_saas, hit_onprem)  # the same event
    p = hit_saas.mean()
    assert abs(p - 0.25) < 5 * np.sqrt(0.25 * 0.75 / len(hit_saas))
    assert set(np.unique(sim.by_year[:, saas, 1])) == {0.0, 1000.0}


def test_contingency_tornado_and_comparisons() -> None:
    ws = load_workspace(EXAMPLES / "vaccine-booking")
    sim = simulate(ws, trials=10_000)
    c = contingency(sim, "serverless", 0.8)
    years = c.drop(index="total")
    assert years["allocated"].sum() == c.loc["total", "allocated"]
    assert (years["budget"] == years["plan"] + years["allocated"]).all()
    assert c.loc["total", "own_quantile"] == round(np.percentile(sim.totals[:, 1], 80))
    t = summary_table(sim)
    assert (t["P10"] <= t["P50"]).all() and (t["P80"] <= t["P90"]).all()
    assert 0 < t.loc["serverless", "plan_percentile"] < 0.5  # plans sit below the median
    tor = tornado(sim, "serverless")
    assert tor.index[0] == "peak_bookings"  # the cloud bill follows the peak
    assert tor.loc["operator_month", "swing"] == 0  # a call-centre input: no effect here
    vc = variance_contribution(sim, "serverless")
    assert vc["share"].sum() == pytest.approx(1.0) and vc.index[0] == "peak_bookings"
    pc = prob_cheaper(sim)
    assert pc.loc["saas", "callcenter"] + pc.loc["callcenter", "saas"] == pytest.approx(1.0)
    rf = rank_first(sim, samples=500)
    assert rf.sum() == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("text", "field", "words"),
    [
        (
            "uncertainty: {dist: triangular, min: 50, mode: 10, max: 20}",
            "assumptions.users.uncertainty",
            "impossible distribution",
        ),
        (
            "uncertainty: {dist: pert, min: 10, max: 20}",
            "assumptions.users.uncertainty",
            "'mode' is missing",
        ),
        (
            "uncertainty: {dist: gamma, min: 1, max: 2}",
            "assumptions.users.uncertainty.dist",
            "'gamma' is not allowed",
        ),
    ],
)
def test_impossible_distributions_are_located(
    example_copy: Path, text: str, field: str, words: str
) -> None:
    reg = example_copy / "assumptions.yaml"
    reg.write_text(
        reg.read_text(encoding="utf-8").replace(
            "    as_of: 2026-04-01\n", f"    as_of: 2026-04-01\n    {text}\n", 1
        ),
        encoding="utf-8",
    )
    with pytest.raises(WorkspaceError) as info:
        load_workspace(example_copy)
    assert any(
        p.file == "assumptions.yaml" and p.field == field and words in str(p)
        for p in info.value.problems
    ), [str(p) for p in info.value.problems]


def test_inconsistent_correlations_are_refused(tmp_path: Path) -> None:
    d = make_workspace(
        tmp_path,
        """
        - {id: x, option: saas, name: X, category: other, nature: one-off, amount: a,
           start: 2026}
        """,
        assumptions="""\
  a: {value: 1, uncertainty: {dist: uniform, min: 0, max: 2}}
  b: {value: 1, uncertainty: {dist: uniform, min: 0, max: 2}}
  c: {value: 1, uncertainty: {dist: uniform, min: 0, max: 2}}
correlations:
  - {between: [a, b], rho: 0.9}
  - {between: [a, c], rho: 0.9}
  - {between: [b, c], rho: -0.9}
""",
    )
    from archplan import ArchplanError

    with pytest.raises(ArchplanError, match="not positive semi-definite"):
        simulate(load_workspace(d), trials=100)


def test_compiled_model_matches_the_exact_engine_for_every_driver(tmp_path: Path) -> None:
    d = make_workspace(
        tmp_path,
        """
        - {id: b, option: saas, name: B, category: build, nature: one-off, amount: 5000000,
           start: 2026-07}
        - {id: m1, option: saas, name: M1, category: maintenance, nature: recurring,
           percent_of: {items: [b], rate: 0.15}, start: 2026-10, end: 2030}
        - {id: l, option: saas, name: L, category: licence, nature: recurring, amount: 800000,
           escalation: 0.03, start: 2026, end: 2030}
        - {id: m2, option: saas, name: M2, category: maintenance, nature: recurring,
           percent_of: {items: [l], rate: 0.2, basis: same_year}, start: 2026-10, end: 2030}
        - {id: u, option: saas, name: U, category: cloud, nature: usage, period: month,
           quantity: users, growth: 0.1, currency: USD,
           tiers: {method: graduated, bands: [{from: 0, price: 3}, {from: 50, price: 2}]},
           start: 2026, end: 2030}
        - {id: s, option: onprem, name: S, category: subscription, nature: recurring,
           quantity: [10, 12, 15, 15, 20], unit_price: 1000, start: 2026, end: 2030}
        - {id: h, option: onprem, name: H, category: hardware, nature: one-off, amount: 2000000,
           every: 2, start: 2026-11}
        """,
        settings="exchange_rates: {USD: usd_jpy}\n",
        assumptions="  usd_jpy: {value: 150, uncertainty: {dist: uniform, min: 140, max: 160}}\n",
    )
    ws = load_workspace(d)
    from archplan.uncertainty.simulation import compile_model, deterministic_inputs

    model = compile_model(ws)
    got = model.evaluate({k: np.array([v]) for k, v in deterministic_inputs(model).items()})[0]
    exact = yearly_totals(ws).T.to_numpy(dtype=float)
    np.testing.assert_allclose(got, exact, atol=8)  # a few yen of rounding per item-year


def test_prob_cheapest_counts_wins_and_shares_ties() -> None:
    """Hand-built trials: the share of wins is countable by eye."""
    import dataclasses

    ws = load_workspace(EXAMPLES / "vaccine-booking")
    sim = simulate(ws, 10, seed=3)
    assert len(sim.options) == 3
    totals = np.array([[1, 2, 3], [3, 1, 2], [1, 1, 5], [2, 3, 1]], dtype=float)
    years = len(sim.years)
    by_year = np.repeat(totals[:, :, None] / years, years, axis=2)
    fake = dataclasses.replace(sim, by_year=by_year)
    p = prob_cheapest(fake)
    # option 0 wins trial 0 and half of trial 2; option 1 wins trial 1 and the other half.
    np.testing.assert_allclose(p.to_numpy(), [1.5 / 4, 1.5 / 4, 1 / 4])
    assert list(p.index) == sim.options


def test_prob_cheapest_is_bounded_by_strict_wins_and_pairwise() -> None:
    ws = load_workspace(EXAMPLES / "vaccine-booking")
    sim = simulate(ws, 4000, seed=11)
    p = prob_cheapest(sim)
    assert p.sum() == pytest.approx(1.0)
    t = sim.totals
    for i, name in enumerate(sim.options):
        strict = float((t[:, i] < np.delete(t, i, axis=1).min(axis=1)).mean())
        assert p[name] >= strict - 1e-12
    # The cheapest-of-all share can never exceed beating any single rival.
    pc = prob_cheaper(sim)
    for a in sim.options:
        for b in sim.options:
            if a != b:
                assert p[a] <= pc.loc[a, b] + 1e-12
