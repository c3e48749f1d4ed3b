"""Comparison speed: re-ranking after a weight change, and rank acceptability.

Both are measured next to the same computation done with pymcdm (an independent MCDA
library) called in a Python loop, in the same process, on the same 10 options × 15
criteria matrix. Run with ``make bench``.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
import pandas as pd
from pymcdm import methods as pm
from pymcdm import normalizations as pn

from archplan.compare import DecisionProblem, get_method, rank, rank_acceptability
from archplan.compare.sensitivity import sample_weights

M, N = 10, 15


def _problem() -> DecisionProblem:
    rng = np.random.default_rng(2026)
    opts = [f"option-{i}" for i in range(M)]
    crits = [f"criterion-{j}" for j in range(N)]
    x = pd.DataFrame(rng.uniform(1, 100, (M, N)), index=opts, columns=crits)
    cost = pd.Series(rng.random(N) < 0.3, index=crits)
    w = pd.Series(rng.dirichlet(np.ones(N)), index=crits)
    return DecisionProblem(
        matrix=x,
        cost=cost,
        weights=w,
        option_names=pd.Series(opts, index=opts),
        criterion_names=pd.Series(crits, index=crits),
        excluded=pd.DataFrame(columns=["criterion", "value", "reason"]),
    )


def _time(fn: Callable[[], object], repeat: int) -> float:
    """Best of three runs of ``repeat`` calls, seconds per call."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(repeat):
            fn()
        best = min(best, (time.perf_counter() - start) / repeat)
    return best


def main() -> None:
    p = _problem()
    x = p.matrix.to_numpy()
    types = np.where(p.cost.to_numpy(), -1, 1)
    w_new = np.random.default_rng(1).dirichlet(np.ones(N))
    print(f"Re-rank after a weight change, {M} options x {N} criteria (per call):")
    for key, theirs in (
        ("wsm", pm.WSM(pn.minmax_normalization)),
        ("topsis", pm.TOPSIS(pn.vector_normalization)),
    ):
        ours_t = _time(
            lambda key=key: rank(
                p.with_weights(dict(zip(p.matrix.columns, w_new, strict=True))), key
            ),
            200,
        )
        theirs_t = _time(lambda theirs=theirs: theirs(x, w_new, types), 200)
        print(
            f"  {key:7s} archplan rank() {ours_t * 1e3:7.3f} ms (with labels, contributions, "
            f"conventions); pymcdm {theirs_t * 1e3:7.3f} ms; ratio {ours_t / theirs_t:5.2f}x"
        )

    samples = 100_000
    print(f"\nRank acceptability, {samples:,} weight samples, {M} x {N}:")
    ws = sample_weights(p.weights, samples, seed=1)
    loop_n = 2_000
    for key, theirs in (
        ("wsm", pm.WSM(pn.minmax_normalization)),
        ("topsis", pm.TOPSIS(pn.vector_normalization)),
        ("vikor", pm.VIKOR()),
        ("promethee", pm.PROMETHEE_II("usual")),
    ):
        start = time.perf_counter()
        rank_acceptability(p, get_method(key), samples=samples, seed=1)
        ours = time.perf_counter() - start

        def loop(theirs: Callable[..., np.ndarray] = theirs) -> None:
            for w in ws[:loop_n]:
                theirs(x, w, types)

        start = time.perf_counter()
        loop()
        theirs_total = (time.perf_counter() - start) * samples / loop_n
        print(
            f"  {key:9s} archplan {ours:6.3f} s; pymcdm loop {theirs_total:7.2f} s "
            f"(extrapolated from {loop_n:,} calls); speed-up {theirs_total / ours:6.1f}x"
        )


if __name__ == "__main__":
    main()
