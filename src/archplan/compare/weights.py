"""Criterion weights: direct points, rank order (ROC, rank sum), swing, and AHP.

Every function returns a :class:`pandas.Series` indexed by criterion that sums to 1.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from archplan import registry as _registry
from archplan.errors import InputError
from archplan.messages import Localized

__all__ = [
    "SAATY_RANDOM_INDEX",
    "AHPResult",
    "ahp",
    "combine_judgements",
    "direct_weights",
    "rank_order_centroid",
    "rank_sum",
    "swing_weights",
]

#: Saaty's random consistency index (Saaty, *The Analytic Hierarchy Process*, 1980),
#: by matrix size n = 1 … 10.
SAATY_RANDOM_INDEX: dict[int, float] = {
    1: 0.0,
    2: 0.0,
    3: 0.58,
    4: 0.90,
    5: 1.12,
    6: 1.24,
    7: 1.32,
    8: 1.41,
    9: 1.45,
    10: 1.49,
}
CR_LIMIT = 0.10


def direct_weights(points: Mapping[str, float] | pd.Series) -> pd.Series:
    """Weights from points on any scale, rescaled to sum to 1.

    Examples
    --------
    >>> direct_weights({"cost": 30, "security": 20, "usability": 10}).round(3).tolist()
    [0.5, 0.333, 0.167]
    """
    s = pd.Series(points, dtype=float)
    if s.isna().any() or (s < 0).any() or not np.isfinite(s).all() or s.sum() <= 0:
        raise InputError(Localized("cmp_zero_weights"))
    return (s / s.sum()).rename("weight").rename_axis("criterion")


def _ranked(order: Sequence[str]) -> list[str]:
    if len(set(order)) != len(order):
        raise InputError("each criterion may appear only once in a ranking")
    if not order:
        raise InputError("the ranking of criteria is empty")
    return list(order)


def rank_order_centroid(order: Sequence[str]) -> pd.Series:
    """Rank-order centroid weights, most important first: w_k = (1/n) Σ_{i≥k} 1/i.

    Examples
    --------
    >>> rank_order_centroid(["a", "b", "c"]).round(4).tolist()
    [0.6111, 0.2778, 0.1111]
    """
    order = _ranked(order)
    n = len(order)
    w = [sum(1 / i for i in range(k, n + 1)) / n for k in range(1, n + 1)]
    return pd.Series(w, index=pd.Index(order, name="criterion"), name="weight")


def rank_sum(order: Sequence[str]) -> pd.Series:
    """Rank-sum weights, most important first: w_k = 2(n + 1 − k) / (n(n + 1)).

    Examples
    --------
    >>> rank_sum(["a", "b", "c"]).round(4).tolist()
    [0.5, 0.3333, 0.1667]
    """
    order = _ranked(order)
    n = len(order)
    w = [2 * (n + 1 - k) / (n * (n + 1)) for k in range(1, n + 1)]
    return pd.Series(w, index=pd.Index(order, name="criterion"), name="weight")


def swing_weights(points: Mapping[str, float] | pd.Series) -> pd.Series:
    """Swing weights: the most valued swing (worst → best) gets 100 points, each other
    swing its value relative to that one (0–100); rescaled to sum to 1.

    Examples
    --------
    >>> swing_weights({"cost": 100, "security": 80, "usability": 20}).tolist()
    [0.5, 0.4, 0.1]
    """
    s = pd.Series(points, dtype=float)
    if s.empty or s.max() != 100:
        raise InputError("swing weighting gives the most valued swing 100 points")
    if (s < 0).any() or (s > 100).any():
        raise InputError("swing points must lie between 0 and 100")
    return direct_weights(s)


@dataclass(frozen=True)
class AHPResult:
    """Eigenvector weights of a pairwise-comparison matrix and its consistency."""

    weights: pd.Series
    lambda_max: float
    consistency_index: float
    consistency_ratio: float
    random_index: float
    random_index_table: str = "Saaty (1980)"
    accepted: bool = True
    notes: list[str] = field(default_factory=list)

    def __repr__(self) -> str:
        w = ", ".join(f"{k}={v:.3f}" for k, v in self.weights.items())
        return (
            f"AHPResult({w}; λmax={self.lambda_max:.4f}, CI={self.consistency_index:.4f},"
            f" CR={self.consistency_ratio:.4f})"
        )


def _as_matrix(
    table: pd.DataFrame | Sequence[Sequence[float]], labels: Sequence[str] | None
) -> pd.DataFrame:
    if isinstance(table, pd.DataFrame):
        frame = table.copy()
    else:
        names = list(labels) if labels is not None else None
        frame = pd.DataFrame(np.asarray(table, dtype=float), index=names, columns=names)
    frame = frame.astype(float)
    a = frame.to_numpy()
    n = a.shape[0]
    if a.shape != (n, n) or list(frame.index) != list(frame.columns):
        raise InputError(
            "a pairwise-comparison table must be square with the same criteria "
            "as rows and columns, in the same order"
        )
    if not np.isfinite(a).all() or (a <= 0).any():
        raise InputError("pairwise judgements must be positive numbers (1/9 … 9)")
    if not np.allclose(np.diag(a), 1):
        raise InputError("the diagonal of a pairwise-comparison table must be 1")
    if not np.allclose(a * a.T, 1, rtol=1e-3):
        i, j = np.argwhere(~np.isclose(a * a.T, 1, rtol=1e-3))[0]
        raise InputError(
            f"the table is not reciprocal: {frame.index[i]} vs {frame.columns[j]} is "
            f"{a[i, j]:g} but the opposite judgement is {a[j, i]:g} (expected {1 / a[i, j]:g})"
        )
    return frame


def ahp(
    table: pd.DataFrame | Sequence[Sequence[float]],
    labels: Sequence[str] | None = None,
    *,
    accept_inconsistent: bool = False,
) -> AHPResult:
    """AHP weights: the principal eigenvector of a pairwise-comparison matrix.

    λmax is the principal eigenvalue, CI = (λmax − n)/(n − 1), CR = CI / RI with Saaty's
    random index. Above CR 0.10 the judgements are refused (``InputError``) unless
    ``accept_inconsistent`` is set, in which case the result says so.

    Examples
    --------
    >>> r = ahp([[1, 3, 5], [1/3, 1, 3], [1/5, 1/3, 1]], ["cost", "security", "usability"])
    >>> r.weights.round(3).tolist(), round(r.consistency_ratio, 3)
    ([0.637, 0.258, 0.105], 0.033)
    """
    frame = _as_matrix(table, labels)
    a = frame.to_numpy()
    n = a.shape[0]
    if n > max(SAATY_RANDOM_INDEX):
        raise InputError(
            f"{n} criteria in one pairwise table: Saaty's random index is defined up to 10; "
            "group the criteria hierarchically"
        )
    values, vectors = np.linalg.eig(a)
    k = int(np.argmax(values.real))
    lam = float(values[k].real)
    vec = np.abs(vectors[:, k].real)
    weights = pd.Series(
        vec / vec.sum(), index=pd.Index(frame.index, name="criterion"), name="weight"
    )
    ci = (lam - n) / (n - 1) if n > 2 else 0.0
    ri = SAATY_RANDOM_INDEX[n]
    cr = ci / ri if ri > 0 else 0.0
    notes: list[str] = []
    accepted = cr <= CR_LIMIT
    if not accepted:
        msg = (
            f"consistency ratio {cr:.3f} exceeds {CR_LIMIT:.2f}: the pairwise judgements "
            "contradict each other"
        )
        if not accept_inconsistent:
            raise InputError(msg + "; revise them, or accept them explicitly")
        notes.append(msg + " (accepted by the user)")
    return AHPResult(weights, lam, ci, cr, ri, accepted=accepted, notes=notes)


def combine_judgements(tables: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Combine several people's pairwise tables by element-wise geometric mean (AIJ).

    The result is again reciprocal, so it can go straight into :func:`ahp`.

    Examples
    --------
    >>> a = pd.DataFrame([[1, 4], [1/4, 1]], index=["x", "y"], columns=["x", "y"])
    >>> b = pd.DataFrame([[1, 1], [1, 1]], index=["x", "y"], columns=["x", "y"])
    >>> combine_judgements([a, b]).loc["x", "y"]
    np.float64(2.0)
    """
    if not tables:
        raise InputError("no pairwise tables to combine")
    frames = [_as_matrix(t, None) for t in tables]
    first = frames[0]
    for f in frames[1:]:
        if list(f.index) != list(first.index):
            raise InputError("all pairwise tables must list the same criteria in the same order")
    logs = np.mean([np.log(f.to_numpy()) for f in frames], axis=0)
    return pd.DataFrame(np.exp(logs), index=first.index, columns=first.columns)


# The workspace loader judges AHP tables with these (archplan.registry; no upward import).
_registry.HOOKS.add("ahp", ahp)
_registry.HOOKS.add("combine_judgements", combine_judgements)
