"""Rank options against weighted criteria.

Weighted sum (simple additive weighting): each criterion's scores are normalised to
0…1 with its direction respected (for a cost criterion less is better), multiplied by
the criterion's weight (weights are rescaled to sum to 1) and added up.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from archplan.errors import InputError
from archplan.workspace.model import Workspace

__all__ = ["contributions", "normalize", "rank_options", "weighted_sum"]

Normalization = Literal["minmax", "max", "none"]


def normalize(
    matrix: pd.DataFrame, directions: pd.Series, method: Normalization = "minmax"
) -> pd.DataFrame:
    """Scale each criterion column to 0…1, where 1 is best.

    ``minmax``: (x − min)/(max − min) for benefit, (max − x)/(max − min) for cost; a
    criterion on which all options score the same gets 1 for all (it cannot separate
    them). ``max``: x / max for benefit, min / x for cost (scores must be positive).
    ``none``: scores are used as given (all criteria must be benefit criteria already on
    one common scale, as in a textbook weighted-sum model).

    Examples
    --------
    >>> m = pd.DataFrame({"q": [1.0, 3.0], "c": [10.0, 30.0]}, index=["a", "b"])
    >>> normalize(m, pd.Series({"q": "benefit", "c": "cost"})).to_dict("list")
    {'q': [0.0, 1.0], 'c': [1.0, 0.0]}
    """
    out = pd.DataFrame(index=matrix.index, columns=matrix.columns, dtype=float)
    for crit in matrix.columns:
        x = matrix[crit].astype(float)
        cost = directions[crit] == "cost"
        if method == "minmax":
            lo, hi = x.min(), x.max()
            if hi == lo:
                out[crit] = 1.0
            else:
                out[crit] = (hi - x) / (hi - lo) if cost else (x - lo) / (hi - lo)
        elif method == "none":
            if cost:
                raise InputError(f"normalisation 'none' needs benefit criteria ({crit})")
            out[crit] = x
        elif method == "max":
            if (x <= 0).any():
                raise InputError(f"'max' normalisation needs positive scores ({crit})")
            out[crit] = x.min() / x if cost else x / x.max()
        else:
            raise InputError(f"unknown normalisation {method!r}")
    return out


def contributions(
    matrix: pd.DataFrame,
    weights: pd.Series,
    directions: pd.Series,
    normalization: Normalization = "minmax",
) -> pd.DataFrame:
    """Each criterion's share of each option's weighted-sum score (options × criteria)."""
    w = weights.astype(float).reindex(matrix.columns)
    missing = [str(c) for c in w.index[w.isna()]]
    if missing:
        raise InputError("no weight for criteria: " + ", ".join(missing))
    if not np.isfinite(w).all() or (w < 0).any() or w.sum() <= 0:
        raise InputError("weights must be finite, non-negative and not all zero")
    total = w.sum()
    return normalize(matrix, directions, normalization) * (w / total)


def weighted_sum(
    matrix: pd.DataFrame,
    weights: pd.Series,
    directions: pd.Series,
    normalization: Normalization = "minmax",
) -> pd.DataFrame:
    """Weighted-sum scores and ranks.

    Parameters
    ----------
    matrix : DataFrame
        Options (index) × criteria (columns), numeric.
    weights : Series
        Weight per criterion (any non-negative scale; rescaled to sum to 1).
    directions : Series
        ``"benefit"`` or ``"cost"`` per criterion.
    normalization : {"minmax", "max", "none"}

    Returns
    -------
    DataFrame
        Index ``option`` in the input order; columns ``score`` and ``rank``
        (1 = best; ties share the better rank).

    Examples
    --------
    >>> m = pd.DataFrame({"q": [1.0, 3.0], "c": [10.0, 30.0]}, index=["a", "b"])
    >>> weighted_sum(m, pd.Series({"q": 3, "c": 1}),
    ...              pd.Series({"q": "benefit", "c": "cost"}))["score"].tolist()
    [0.25, 0.75]
    """
    contrib = contributions(matrix, weights, directions, normalization)
    score = contrib.sum(axis=1)
    # Round before ranking so float noise cannot split a genuine tie.
    rank = score.round(12).rank(method="min", ascending=False).astype("int64")
    out = pd.DataFrame({"score": score, "rank": rank})
    out.index.name = "option"
    out.attrs["normalization"] = normalization
    return out


def rank_options(
    ws: Workspace, weights: pd.Series | None = None, normalization: Normalization = "minmax"
) -> pd.DataFrame:
    """The workspace's options ranked by weighted sum, best first.

    Parameters
    ----------
    ws : Workspace
    weights : Series, optional
        Weights to use instead of the workspace's (e.g. from a slider).

    Returns
    -------
    DataFrame
        Index ``option``; columns ``name``, ``score``, ``rank``; sorted by rank, ties in
        the order the options are listed in ``options.yaml``.
    """
    crit = ws.criteria_table
    w = crit["weight"] if weights is None else weights
    result = weighted_sum(ws.scores, w, crit["direction"], normalization)
    result.insert(0, "name", ws.option_names)
    order = {o.id: i for i, o in enumerate(ws.options)}
    result["_order"] = [order[i] for i in result.index]
    result = result.sort_values(["rank", "_order"]).drop(columns="_order")
    result.attrs["normalization"] = normalization
    return result
