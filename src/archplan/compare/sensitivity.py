"""How robust is a ranking? Weight stability, rank acceptability, method agreement and
value for money.

*Weight stability interval*: for each criterion j, move its weight t from 0 to 1 while
the other weights keep their proportions (w_k(t) = w_k (1 − t)/(1 − w_j)); the interval
is the range of t around the current weight in which the top-ranked option stays on top.
For methods whose score is linear in the weights (weighted sum, PROMETHEE II) every
option's score is linear in t, so the bounds are computed exactly; for the others a
401-point scan brackets each change and Brent's method pins it down to 1e-10.

*Rank acceptability* (as in SMAA): the share of sampled weight vectors under which each
option takes each rank.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from archplan.compare.methods import METHODS, FloatArray, Method, get_method
from archplan.compare.problem import DecisionProblem, rank
from archplan.compare.result import ranks_from_scores
from archplan.errors import InputError
from archplan.messages import localized

__all__ = [
    "compare_methods",
    "rank_acceptability",
    "sample_weights",
    "stability_intervals",
    "value_for_money",
]

SCAN_POINTS = 401
EDGE = 1e-9


def _arrays(problem: DecisionProblem) -> tuple[FloatArray, FloatArray, np.ndarray]:
    x = problem.matrix.to_numpy(dtype=float)
    w = problem.weights.reindex(problem.matrix.columns).to_numpy(dtype=float)
    cost = problem.cost.reindex(problem.matrix.columns).to_numpy(dtype=bool)
    return x, w, cost


def _weights_at(w: FloatArray, j: int, t: FloatArray) -> FloatArray:
    """Weight vectors with w_j = t and the others rescaled proportionally (len(t) × n)."""
    rest = 1.0 - w[j]
    out = np.outer(1.0 - t, w / rest)
    out[:, j] = t
    return out


def stability_intervals(problem: DecisionProblem, method: str | Method = "wsm") -> pd.DataFrame:
    """For each criterion, how far its weight can move before the winner changes.

    Returns
    -------
    DataFrame
        Index ``criterion``; columns ``name``, ``weight``, ``lower``, ``upper`` (the
        interval of this weight in which the current winner stays first),
        ``below`` and ``above`` (the option that takes over past each bound, or None
        when the winner holds all the way to 0 or 1) and ``exact`` (closed form or root
        finding).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> from archplan.compare import build_problem
    >>> s = stability_intervals(build_problem(load_workspace("data/examples/food-lab")))
    >>> bool((s["lower"] <= s["weight"]).all() and (s["weight"] <= s["upper"]).all())
    True
    """
    m = get_method(method)
    x, w, cost = _arrays(problem)
    options = list(problem.matrix.index)
    crits = list(problem.matrix.columns)
    rows = []
    if len(options) < 2:
        raise InputError("stability intervals need at least two ranked options")
    base = m.merit(m.evaluate(x, w, cost)[0])
    top = int(np.argmax(base))
    for j, crit in enumerate(crits):
        row: dict[str, object] = {
            "criterion": crit,
            "name": problem.criterion_names[crit],
            "weight": w[j],
        }
        if w[j] >= 1.0:
            row.update(lower=np.nan, upper=1.0, below=None, above=None, exact=m.linear_in_weights)
            rows.append(row)
            continue
        if m.linear_in_weights:
            lo, hi, below, above = _linear_bounds(m, x, w, cost, j, top)
        else:
            lo, hi, below, above = _scanned_bounds(m, x, w, cost, j, top)
        row.update(
            lower=lo,
            upper=hi,
            below=options[below] if below is not None else None,
            above=options[above] if above is not None else None,
            exact=m.linear_in_weights,
        )
        rows.append(row)
    out = pd.DataFrame(rows).set_index("criterion")
    for col in ("below", "above"):
        out[col] = out[col].astype(object).where(out[col].notna(), None)
    out.attrs.update(method=m.label, winner=options[top])
    return out


def _linear_bounds(
    m: Method, x: FloatArray, w: FloatArray, cost: np.ndarray, j: int, top: int
) -> tuple[float, float, int | None, int | None]:
    parts = m.linear_parts(x, cost)  # score = parts @ w
    a = parts[:, j]
    others = w.copy()
    others[j] = 0.0
    b = parts @ others / (1.0 - w[j])
    lo, hi, below, above = 0.0, 1.0, None, None
    for c in range(x.shape[0]):
        if c == top:
            continue
        d0 = b[top] - b[c]  # advantage at t = 0
        slope = (a[top] - a[c]) - d0  # D(t) = d0 + slope·t
        if slope == 0:
            continue
        t = -d0 / slope
        # A crossing exactly at 0 or 1 is a tie where the criterion has all or none of
        # the weight, not a change of winner inside the interval.
        if EDGE < t < w[j] and t >= lo:
            lo, below = t, c
        elif w[j] < t < 1.0 - EDGE and t <= hi:
            hi, above = t, c
    return lo, hi, below, above


def _scanned_bounds(
    m: Method, x: FloatArray, w: FloatArray, cost: np.ndarray, j: int, top: int
) -> tuple[float, float, int | None, int | None]:
    def margin(t: float) -> float:
        s = m.merit(m.batch(x, _weights_at(w, j, np.array([t])), cost))[0]
        return float(s[top] - np.delete(s, top).max())

    from scipy.optimize import brentq  # imported when a non-linear method needs it

    grid = np.union1d(np.linspace(0.0, 1.0, SCAN_POINTS), [w[j]])
    scores = m.merit(m.batch(x, _weights_at(w, j, grid), cost))
    rival = np.delete(scores, top, axis=1)
    margins = scores[:, top] - rival.max(axis=1)
    k0 = int(np.searchsorted(grid, w[j]))
    lo, hi, below, above = 0.0, 1.0, None, None
    for k in range(k0, len(grid) - 1):  # upwards
        if margins[k + 1] <= 0 < margins[k] and not (
            k + 1 == len(grid) - 1 and abs(margins[k + 1]) < EDGE
        ):
            hi = float(brentq(margin, grid[k], grid[k + 1], xtol=1e-12))
            above = _taker(m, x, w, cost, j, top, min(hi + 1e-9, 1.0))
            break
    for k in range(k0, 0, -1):  # downwards
        if margins[k - 1] <= 0 < margins[k] and not (k - 1 == 0 and abs(margins[0]) < EDGE):
            lo = float(brentq(margin, grid[k - 1], grid[k], xtol=1e-12))
            below = _taker(m, x, w, cost, j, top, max(lo - 1e-9, 0.0))
            break
    return lo, hi, below, above


def _taker(
    m: Method, x: FloatArray, w: FloatArray, cost: np.ndarray, j: int, top: int, t: float
) -> int:
    s = m.merit(m.batch(x, _weights_at(w, j, np.array([t])), cost))[0].copy()
    s[top] = -np.inf
    return int(np.argmax(s))


def sample_weights(
    weights: pd.Series | Sequence[float] | FloatArray,
    samples: int,
    seed: int,
    mode: str = "around",
    concentration: float = 100.0,
) -> FloatArray:
    """Random weight vectors (samples × criteria), each summing to 1.

    ``around``: Dirichlet centred on the given weights (larger ``concentration`` keeps
    them closer; each weight's standard deviation is √(w(1 − w)/(concentration + 1))).
    ``ordinal``: uniform over all weights that keep the given order of importance.
    ``uniform``: uniform over all weights (no preference information).

    Examples
    --------
    >>> s = sample_weights([0.5, 0.3, 0.2], 1000, seed=1, mode="ordinal")
    >>> bool((s[:, 0] >= s[:, 1]).all() and (s[:, 1] >= s[:, 2]).all())
    True
    """
    w = np.asarray(weights, dtype=float)
    rng = np.random.default_rng(seed)
    n = len(w)
    if mode == "around":
        alpha = np.maximum(concentration * w, 1e-3)
        return rng.dirichlet(alpha, size=samples)
    if mode in ("ordinal", "uniform"):
        u = rng.dirichlet(np.ones(n), size=samples)
        if mode == "uniform":
            return u
        order = np.argsort(-w, kind="stable")  # most important first
        out = np.empty_like(u)
        out[:, order] = -np.sort(-u, axis=1)
        return out
    raise InputError(f"unknown sampling mode {mode!r}; expected around, ordinal or uniform")


def rank_acceptability(
    problem: DecisionProblem,
    method: str | Method = "wsm",
    samples: int = 10_000,
    seed: int = 12345,
    mode: str = "around",
    concentration: float = 100.0,
) -> pd.DataFrame:
    """The probability that each option takes each rank when the weights vary.

    Returns
    -------
    DataFrame
        Index ``option`` (in the current ranking's order), columns the ranks 1 … m; rows
        sum to 1. ``attrs`` records method, samples, seed, mode and concentration.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> from archplan.compare import build_problem
    >>> ra = rank_acceptability(build_problem(load_workspace("data/examples/food-lab")),
    ...                         samples=2000, seed=7)
    >>> bool(np.allclose(ra.sum(axis=1), 1.0))
    True
    """
    m = get_method(method)
    x, w, cost = _arrays(problem)
    ws = sample_weights(w, samples, seed, mode, concentration)
    n_opt = x.shape[0]
    counts = np.zeros((n_opt, n_opt), dtype=np.int64)
    chunk = 20_000
    for start in range(0, samples, chunk):
        scores = m.batch(x, ws[start : start + chunk], cost)
        ranks = ranks_from_scores(scores, m.higher_is_better)
        for i in range(n_opt):
            counts[i] += np.bincount(ranks[:, i] - 1, minlength=n_opt)
    order = list(rank(problem, m).table.index)
    out = pd.DataFrame(
        counts / samples,
        index=pd.Index(problem.matrix.index, name="option"),
        columns=pd.Index(range(1, n_opt + 1), name="rank"),
    ).loc[order]
    out.attrs.update(
        method=m.label, samples=samples, seed=seed, mode=mode, concentration=concentration
    )
    return out


def compare_methods(
    problem: DecisionProblem,
    methods: Sequence[str | Method] | None = None,
) -> pd.DataFrame:
    """The rank of each option under each method, side by side.

    ``methods`` defaults to every method in :data:`~archplan.compare.methods.METHODS`
    at the time of the call (so a method added with ``register_method`` is included).
    A method that cannot run on these scores (e.g. the weighted product with a zero
    score) gets an empty column and a note in ``attrs["notes"]``. Column ``agree`` is
    True where an option has the same rank under every method that ran.
    """
    specs: Sequence[str | Method] = tuple(METHODS) if methods is None else methods
    cols: dict[str, pd.Series] = {}
    notes: list[str] = []
    for spec in specs:
        m = get_method(spec)
        try:
            cols[m.label] = rank(problem, m).table["rank"]
        except InputError as exc:
            cols[m.label] = pd.Series(np.nan, index=problem.matrix.index)
            notes.append(localized(exc, problem.language))
    out = pd.DataFrame(cols).reindex(rank(problem, get_method(specs[0])).table.index)
    ran = out.dropna(axis=1, how="all")
    out["agree"] = ran.apply(lambda row: row.dropna().eq(row.dropna().iloc[0]).all(), axis=1)
    out.index.name = "option"
    out.attrs["notes"] = notes
    return out


def value_for_money(problem: DecisionProblem, costs: pd.Series) -> pd.DataFrame:
    """Benefit (weighted sum over the non-cost-model criteria) against total cost.

    An option is Pareto-efficient when no other option has at least its benefit for at
    most its cost, and is strictly better on one of the two.

    Returns
    -------
    DataFrame
        Index ``option``; columns ``name``, ``benefit`` (0–1), ``cost``, ``efficient``.
    """
    from archplan.compare.methods import WeightedSum

    keep = [
        c
        for c in problem.matrix.columns
        if problem.scales.get("source", pd.Series(dtype=str)).get(c, "scores") == "scores"
    ]
    if not keep:
        raise InputError("value for money needs at least one criterion scored in scores.csv")
    sub = problem.matrix[keep]
    w = problem.weights[keep]
    if w.sum() <= 0:
        raise InputError("the benefit criteria all have zero weight")
    w = w / w.sum()
    ws = WeightedSum("minmax")
    benefit, _ = ws.evaluate(
        sub.to_numpy(dtype=float), w.to_numpy(dtype=float), problem.cost[keep].to_numpy(dtype=bool)
    )
    c = costs.reindex(problem.matrix.index).astype(float).to_numpy()
    efficient = []
    for i in range(len(c)):
        dominated = any(
            benefit[k] >= benefit[i] and c[k] <= c[i] and (benefit[k] > benefit[i] or c[k] < c[i])
            for k in range(len(c))
            if k != i
        )
        efficient.append(not dominated)
    return pd.DataFrame(
        {
            "name": problem.option_names.reindex(problem.matrix.index),
            "benefit": benefit,
            "cost": c,
            "efficient": efficient,
        },
        index=pd.Index(problem.matrix.index, name="option"),
    )
