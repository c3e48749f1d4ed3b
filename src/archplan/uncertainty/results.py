"""What a cost-risk simulation means: percentiles, contingency, comparisons, sensitivity.

Conventions:

* Percentiles are numpy's default (linear interpolation between order statistics).
* The plan's **percentile** is the share of trials costing no more than the plan.
* **Contingency** at a confidence level c: the total contingency is P_c(total) − plan
  total. Setting every year at its own P_c would over-fund the plan (the sum of yearly
  P80s is above the P80 of the sum), so the total is allocated to the years in proportion
  to each year's own shortfall P_c(year) − plan(year) (where positive), exactly to the yen.
  Both the allocation and each year's own P_c are shown.
* **Tornado**: each uncertain input at its P10 and P90, every other input at its median;
  the bar is the swing in the option's total. A risk event's "value" is its realised cost,
  zero with probability 1 − p.
* **Contribution to variance**: each input's squared correlation with the total,
  normalised to 100 % (as spreadsheet risk tools report it); correlated inputs share
  credit, so read it as a ranking, not an exact decomposition.
"""

from __future__ import annotations

from collections.abc import Collection
from decimal import Decimal
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from archplan.costs.sharing import allocate
from archplan.errors import InputError
from archplan.fiscal import fiscal_year_bounds
from archplan.uncertainty.simulation import Simulation, median_inputs, quantile_of_input

if TYPE_CHECKING:
    from archplan.compare import DecisionProblem

__all__ = [
    "PERCENTILES",
    "contingency",
    "is_certain",
    "parity_tolerance",
    "prob_cheaper",
    "prob_cheapest",
    "rank_first",
    "s_curve",
    "summary_table",
    "tornado",
    "variance_contribution",
    "yearly_table",
]

PERCENTILES = (10, 50, 70, 80, 90)


def _option_index(sim: Simulation, option: str) -> int:
    """The position of ``option`` among the simulated options (InputError if unknown)."""
    if option not in sim.options:
        raise InputError(f"unknown option {option!r}; known: " + ", ".join(sim.options))
    return sim.options.index(option)


def _stats(x: np.ndarray, plan: float, tolerance: float = 1e-6) -> dict[str, float]:
    q = np.percentile(x, PERCENTILES)
    out = {"mean": float(x.mean())}
    out.update({f"P{p}": float(v) for p, v in zip(PERCENTILES, q, strict=True)})
    out["plan"] = plan
    out["plan_percentile"] = float((x <= plan + tolerance).mean())
    return out


def parity_tolerance(sim: Simulation, option: str) -> float:
    """How far the simulation of ``option`` at its plan values may lie from the exact
    plan in yen: the parity bound of docs/costs.md, (1 + r) + G yen per item and fiscal
    year (r the highest tax rate, G the most rates in force within one fiscal year of
    the plan), plus 1e-9 of the plan for float arithmetic.

    A trial is "at or under the plan" when it is within this of the plan: a deterministic
    option's trials, a few yen over the integer-yen plan from rounding, are at the plan.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> from archplan.uncertainty import simulate
    >>> sim = simulate(load_workspace("data/examples/food-lab"), 100)
    >>> round(parity_tolerance(sim, "saas"))  # 4 items × 5 years × (1.10 + 1), + 1e-9 × plan
    42
    """
    i = _option_index(sim, option)
    s = sim.model.ws.settings
    table = s.tax_table
    rate = max((float(r) for _, r in table), default=0.0)
    changes = max(
        (
            sum(
                fiscal_year_bounds(fy, s.fy_start_month)[0]
                < since
                <= fiscal_year_bounds(fy, s.fy_start_month)[1]
                for since, _ in table
            )
            for fy in s.fiscal_years
        ),
        default=0,
    )
    n_items = sum(it.option == option for it in sim.model.ws.cost_items)
    per_cell = (1 + rate) + (1 + changes)
    plan = float(abs(sim.deterministic[i]).sum())
    return n_items * len(s.fiscal_years) * per_cell + 1e-9 * plan


def is_certain(sim: Simulation, option: str) -> bool:
    """Whether ``option``'s total does not vary across the trials (none of its inputs is
    uncertain, or none that changes its cost), within :func:`parity_tolerance`.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> from archplan.uncertainty import simulate
    >>> sim = simulate(load_workspace("data/examples/vaccine-booking"), 200)
    >>> is_certain(sim, sim.options[0])
    False
    """
    x = sim.totals[:, _option_index(sim, option)]
    return bool(np.ptp(x) <= parity_tolerance(sim, option)) if len(x) else True


def summary_table(sim: Simulation) -> pd.DataFrame:
    """Per option: the distribution of the total over the plan, and where the plan sits.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> from archplan.uncertainty import simulate
    >>> t = summary_table(simulate(load_workspace("data/examples/vaccine-booking"), 2000))
    >>> list(t.columns)
    ['mean', 'P10', 'P50', 'P70', 'P80', 'P90', 'plan', 'plan_percentile']
    """
    totals = sim.totals
    rows = {
        o: _stats(totals[:, i], float(sim.deterministic[i].sum()), parity_tolerance(sim, o))
        for i, o in enumerate(sim.options)
    }
    out = pd.DataFrame(rows).T
    out.index.name = "option"
    out.attrs.update(sim.record)
    return out


def yearly_table(sim: Simulation, option: str) -> pd.DataFrame:
    """One option's distribution per fiscal year (rows) and for the total."""
    i = _option_index(sim, option)
    tol = parity_tolerance(sim, option)
    rows: dict[object, dict[str, float]] = {
        fy: _stats(sim.by_year[:, i, k], float(sim.deterministic[i, k]), tol / len(sim.years))
        for k, fy in enumerate(sim.years)
    }
    rows["total"] = _stats(sim.totals[:, i], float(sim.deterministic[i].sum()), tol)
    out = pd.DataFrame(rows).T
    out.index.name = "fiscal_year"
    return out


def contingency(sim: Simulation, option: str, confidence: float = 0.8) -> pd.DataFrame:
    """What to add to each year's budget request to fund the option at ``confidence``.

    Returns
    -------
    DataFrame
        Index fiscal year (and ``total``); columns ``plan``, ``own_quantile`` (that
        year's own P_c), ``allocated`` (the total contingency shared across the years,
        integer yen, summing exactly to the total) and ``budget`` (plan + allocated).
    """
    if not 0 < confidence < 1:
        raise InputError(f"the confidence must be between 0 and 1 (e.g. 0.8), not {confidence!r}")
    i = _option_index(sim, option)
    plan = sim.deterministic[i]
    own = np.percentile(sim.by_year[:, i, :], confidence * 100, axis=0)
    total_q = float(np.percentile(sim.totals[:, i], confidence * 100))
    total_cont = round(total_q - float(plan.sum()))
    short = np.clip(own - plan, 0, None)
    if total_cont > 0 and short.sum() > 0:
        alloc = allocate(total_cont, [Decimal(str(round(v, 6))) for v in short])
    elif total_cont > 0:
        alloc = allocate(total_cont, [Decimal(1)] * len(plan))
    else:
        alloc = [0] * len(plan)
    out = pd.DataFrame(
        {
            "plan": plan.round().astype("int64"),
            "own_quantile": own.round().astype("int64"),
            "allocated": np.array(alloc, dtype="int64"),
        },
        index=pd.Index(sim.years, name="fiscal_year"),
    )
    out["budget"] = out["plan"] + out["allocated"]
    out.loc["total"] = [
        int(out["plan"].sum()),
        round(total_q),
        total_cont,
        int(out["plan"].sum()) + total_cont,
    ]
    out.attrs.update(confidence=confidence, option=option)
    return out


def _in_play(sim: Simulation, exclude: Collection[str]) -> list[int]:
    """Positions of the simulated options not in ``exclude`` (InputError if unknown)."""
    for o in exclude:
        _option_index(sim, o)
    return [i for i, o in enumerate(sim.options) if o not in set(exclude)]


def prob_cheaper(sim: Simulation, exclude: Collection[str] = ()) -> pd.DataFrame:
    """P(row option's total < column option's total) over the trials.

    Options in ``exclude`` (e.g. knocked out by a must-have criterion) are left out of
    the rows and the columns.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> from archplan.uncertainty import simulate
    >>> sim = simulate(load_workspace("data/examples/food-lab"), 2000)
    >>> list(prob_cheaper(sim, exclude=["overseas-saas"]).index)
    ['saas', 'gov-cloud', 'onprem']
    """
    keep = _in_play(sim, exclude)
    t = sim.totals
    m = len(keep)
    data = np.full((m, m), np.nan)
    for ia, a in enumerate(keep):
        for ib, b in enumerate(keep):
            if a != b:
                data[ia, ib] = float((t[:, a] < t[:, b]).mean())
    names = [sim.options[i] for i in keep]
    return pd.DataFrame(
        data,
        index=pd.Index(names, name="option"),
        columns=pd.Index(names, name="versus"),
    )


def prob_cheapest(sim: Simulation, exclude: Collection[str] = ()) -> pd.Series:
    """P(each option has the lowest total of the options in play) over the trials.

    Ties are shared. Options in ``exclude`` (e.g. knocked out by a must-have
    criterion) do not compete: their probability is NaN and the others' add up to 1.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> from archplan.uncertainty import simulate
    >>> p = prob_cheapest(simulate(load_workspace("data/examples/vaccine-booking"), 2000))
    >>> round(float(p.sum()), 6)
    1.0
    >>> sim = simulate(load_workspace("data/examples/food-lab"), 2000)
    >>> q = prob_cheapest(sim, exclude=["overseas-saas"])
    >>> bool(q.isna()["overseas-saas"]), round(float(q.sum()), 6)
    (True, 1.0)
    """
    keep = _in_play(sim, exclude)
    share = np.full(len(sim.options), np.nan)
    if keep:
        t = sim.totals[:, keep]
        lowest = t.min(axis=1, keepdims=True)
        winners = (t <= lowest).astype(float)
        share[keep] = (winners / winners.sum(axis=1, keepdims=True)).mean(axis=0)
    return pd.Series(share, index=pd.Index(sim.options, name="option"), name="P(cheapest)")


def s_curve(sim: Simulation, option: str, points: int = 201) -> pd.Series:
    """The cumulative distribution of the option's total: cost at each probability."""
    i = _option_index(sim, option)
    probs = np.linspace(0, 1, points)
    return pd.Series(
        np.quantile(sim.totals[:, i], probs), index=pd.Index(probs, name="p"), name=option
    )


def tornado(sim: Simulation, option: str) -> pd.DataFrame:
    """Swing of the option's total as each input moves from its P10 to its P90.

    Returns
    -------
    DataFrame
        Index ``input``; columns ``low_value``, ``high_value`` (the input at P10, P90),
        ``low``, ``high`` (the option's total then) and ``swing``; largest swing first.
        ``attrs["base"]`` is the total with every input at its median.
    """
    model = sim.model
    i = _option_index(sim, option)
    med = median_inputs(model)
    names = model.input_names
    rows = 1 + 2 * len(names)
    inputs = {n: np.full(rows, v) for n, v in med.items()}
    lows, highs = [], []
    for k, name in enumerate(names):
        lo = quantile_of_input(model, name, 0.1)
        hi = quantile_of_input(model, name, 0.9)
        inputs[name][1 + 2 * k] = lo
        inputs[name][2 + 2 * k] = hi
        lows.append(lo)
        highs.append(hi)
    totals = model.evaluate(inputs)[:, i, :].sum(axis=1)  # type: ignore[arg-type]
    out = pd.DataFrame(
        {"low_value": lows, "high_value": highs, "low": totals[1::2], "high": totals[2::2]},
        index=pd.Index(names, name="input"),
    )
    out["swing"] = (out["high"] - out["low"]).abs()
    out = out.sort_values("swing", ascending=False)
    out.attrs.update(base=float(totals[0]), option=option)
    return out


def variance_contribution(sim: Simulation, option: str) -> pd.DataFrame:
    """Each input's share of the variance of the option's total (squared correlation,
    normalised), from sums accumulated during the simulation."""
    i = _option_index(sim, option)
    n = sim.by_year.shape[0]
    y = sim.totals[:, i]
    sx, sxx, sxy = sim.moments["sx"], sim.moments["sxx"], sim.moments["sxy"][:, i]
    cov = sxy / n - (sx / n) * y.mean()
    var_x = sxx / n - (sx / n) ** 2
    var_y = y.var()
    with np.errstate(invalid="ignore", divide="ignore"):
        r = np.where((var_x > 0) & (var_y > 0), cov / np.sqrt(var_x * var_y), 0.0)
    r2 = r**2
    share = r2 / r2.sum() if r2.sum() > 0 else r2
    out = pd.DataFrame(
        {"correlation": r, "share": share}, index=pd.Index(sim.model.input_names, name="input")
    )
    return out.sort_values("share", ascending=False)


def rank_first(
    sim: Simulation,
    samples: int = 5_000,
    uncertain_weights: bool = False,
    concentration: float = 100.0,
    problem: DecisionProblem | None = None,
) -> pd.Series:
    """P(each option ranks first) when the cost criteria follow the simulated costs.

    Criteria with ``source: cost_total`` (or ``cost_npv``) take each trial's simulated
    total (or NPV); the other scores stay as entered; with ``uncertain_weights`` the
    weights are also sampled around their values. Knocked-out options stay out (a
    cost ceiling is applied trial by trial). ``problem`` is the workspace's
    :func:`~archplan.compare.build_problem`, when the caller has it already.
    """
    from archplan.compare import build_problem, workspace_method
    from archplan.costs.discount import npv

    ws = sim.model.ws
    problem = build_problem(ws) if problem is None else problem
    method = workspace_method(ws)
    full = problem.full_matrix
    criteria = list(full.columns)
    cost_cols = {c.id: c for c in ws.criteria if c.source != "scores"}
    n = min(samples, sim.by_year.shape[0])
    rng = np.random.default_rng(sim.record["seed"] + 1)
    w0 = problem.weights.reindex(criteria).to_numpy(dtype=float)
    cost_mask = problem.cost.reindex(criteria).to_numpy(dtype=bool)
    rate, timing = ws.settings.discount_rate, ws.settings.discount_timing
    wins = np.zeros(len(sim.options))
    order = list(full.index)
    idx = [sim.options.index(o) for o in order]
    # Options excluded by rules other than cost ceilings stay excluded in every trial.
    static_out = {
        o
        for o in problem.excluded.index
        if not set(str(problem.excluded.loc[o, "criterion"]).split(", ")) <= set(cost_cols)
    }
    for t in range(n):
        x = full.to_numpy(dtype=float).copy()
        keep = np.array([o not in static_out for o in order])
        for cid, c in cost_cols.items():
            j = criteria.index(cid)
            if c.source == "cost_total":
                vals = sim.by_year[t, idx, :].sum(axis=1)
            else:
                vals = np.array([npv(rate, sim.by_year[t, k, :].tolist(), timing) for k in idx])
            x[:, j] = vals
            if c.must_max is not None:
                keep &= vals <= c.must_max
            if c.must_min is not None:
                keep &= vals >= c.must_min
        if keep.sum() == 0:
            continue
        w = rng.dirichlet(np.maximum(concentration * w0, 1e-3)) if uncertain_weights else w0
        scores, _ = method.evaluate(x[keep], w, cost_mask)
        merit = method.merit(scores)
        winner = np.array(order)[keep][int(np.argmax(merit))]
        wins[sim.options.index(str(winner))] += 1
    out = pd.Series(wins / n, index=pd.Index(sim.options, name="option"), name="P(first)")
    out.attrs.update(samples=n, uncertain_weights=uncertain_weights, method=method.label)
    return out
