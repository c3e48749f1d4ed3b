"""Normalisations of a decision matrix, column by column, with direction respected.

Every function takes an (options × criteria) float array and a boolean mask of cost
criteria (less is better) and returns an array of the same shape in which **larger is
always better**. Which one a method uses is recorded in its result.

=========  ==========================================  =================================
name       benefit criterion                            cost criterion
=========  ==========================================  =================================
max        x / max(x)                                   min(x) / x
minmax     (x − min) / (max − min)                      (max − x) / (max − min)
vector     x / ‖x‖₂                                     1 − x / ‖x‖₂
sum        x / Σx                                       (1/x) / Σ(1/x)
none       x                                            (not allowed)
=========  ==========================================  =================================

A column in which every option scores the same cannot separate them: ``minmax`` gives it
1 everywhere (so it adds the same to every score) rather than dividing by zero.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import numpy.typing as npt

from archplan import registry as _registry
from archplan.errors import InputError
from archplan.messages import Localized

__all__ = ["NORMALIZATIONS", "Normalization", "normalize_array"]

Normalization = Literal["max", "minmax", "vector", "sum", "none"]
NORMALIZATIONS: tuple[str, ...] = ("max", "minmax", "vector", "sum", "none")
for _key in NORMALIZATIONS:  # what archplan.yaml accepts (archplan.registry)
    _registry.NORMALIZATIONS.add(_key, None)

FloatArray = npt.NDArray[np.float64]


def normalize_array(x: FloatArray, cost: npt.NDArray[np.bool_], method: str) -> FloatArray:
    """Normalise each column of ``x`` so that larger is better.

    Examples
    --------
    >>> x = np.array([[1.0, 10.0], [3.0, 30.0]])
    >>> normalize_array(x, np.array([False, True]), "minmax").tolist()
    [[0.0, 1.0], [1.0, 0.0]]
    >>> normalize_array(x, np.array([False, True]), "max").round(4).tolist()
    [[0.3333, 1.0], [1.0, 0.3333]]
    """
    x = np.asarray(x, dtype=float)
    cost = np.asarray(cost, dtype=bool)
    out = np.empty_like(x)
    for j in range(x.shape[1]):
        col = x[:, j]
        c = bool(cost[j])
        if method == "minmax":
            lo, hi = col.min(), col.max()
            if hi == lo:
                out[:, j] = 1.0
            else:
                out[:, j] = (hi - col) / (hi - lo) if c else (col - lo) / (hi - lo)
        elif method == "max":
            if (col <= 0).any():
                raise InputError(
                    Localized("cmp_norm_positive", norm=Localized("norm_max"), column=j)
                )
            out[:, j] = col.min() / col if c else col / col.max()
        elif method == "vector":
            norm = float(np.sqrt((col**2).sum()))
            if norm == 0:
                out[:, j] = 1.0
            else:
                out[:, j] = 1 - col / norm if c else col / norm
        elif method == "sum":
            if (col <= 0).any():
                raise InputError(
                    Localized("cmp_norm_positive", norm=Localized("norm_sum"), column=j)
                )
            inv = 1 / col if c else col
            out[:, j] = inv / inv.sum()
        elif method == "none":
            if c:
                raise InputError("normalisation 'none' needs benefit criteria only")
            out[:, j] = col
        else:
            raise InputError(
                f"unknown normalisation {method!r}; expected one of {', '.join(NORMALIZATIONS)}"
            )
    return out
