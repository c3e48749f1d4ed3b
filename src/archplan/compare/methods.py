"""Multi-criteria ranking methods as small objects (in the manner of scikit-criteria).

Each method works on a numeric matrix (options × criteria), a weight vector that sums to
1 and a mask of cost criteria, and gives:

* ``evaluate`` — the score of each option and each criterion's **contribution**, with a
  documented meaning (for WSM, PROMETHEE II and VIKOR's S the contributions add up to the
  score exactly; for WPM they add up to its logarithm; for TOPSIS they are an additive
  proxy — how close each option is to the ideal on each criterion, weighted);
* ``batch`` — the scores for many weight vectors at once (trials × options), vectorised
  for Monte Carlo rank acceptability;
* ``conventions`` — everything a reader needs to reproduce the numbers.

``higher_is_better`` is False only for VIKOR (its Q is a regret: lower wins).
"""

from __future__ import annotations

import dataclasses
import string
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import ClassVar

import numpy as np
import numpy.typing as npt

from archplan import registry as _registry
from archplan.compare.normalize import NORMALIZATIONS, FloatArray, normalize_array
from archplan.errors import InputError
from archplan.messages import MESSAGES, Localized, msg

__all__ = [
    "METHODS",
    "METHOD_ALIASES",
    "TOPSIS",
    "VIKOR",
    "FloatArray",
    "Method",
    "PrometheeII",
    "WeightedProduct",
    "WeightedSum",
    "get_method",
    "register_method",
    "registered_method",
    "unregister_method",
    "uses_normalization",
]

BoolArray = npt.NDArray[np.bool_]

#: Trials per chunk in batch evaluation: bounds memory at about chunk × options ×
#: criteria × 8 bytes (10,000 × 10 × 15 → 12 MB) whatever the number of trials.
CHUNK = 10_000


def _check_norm(name: str) -> str:
    if name not in NORMALIZATIONS:
        raise InputError(f"unknown normalisation {name!r}; expected one of {NORMALIZATIONS}")
    return name


@dataclass(frozen=True)
class Method:
    """Base class: subclasses implement ``evaluate`` and ``batch``."""

    key: ClassVar[str] = ""
    # The English name (column of compare_methods, conventions); the name a reader sees
    # comes from the catalogue entry ``method_<key>`` (see :meth:`label_for`).
    label: ClassVar[str] = ""
    higher_is_better: ClassVar[bool] = True
    # True where the score is a linear function of the weights, so that weight
    # stability intervals have a closed form.
    linear_in_weights: ClassVar[bool] = False

    def evaluate(
        self, x: FloatArray, w: FloatArray, cost: BoolArray
    ) -> tuple[FloatArray, FloatArray]:
        """Scores (options) and contributions (options × criteria)."""
        raise NotImplementedError

    def batch(self, x: FloatArray, weights: FloatArray, cost: BoolArray) -> FloatArray:
        """Scores for each row of ``weights`` (trials × criteria) → trials × options."""
        out = np.empty((weights.shape[0], x.shape[0]))
        for start in range(0, weights.shape[0], CHUNK):
            stop = start + CHUNK
            out[start:stop] = self._batch(x, weights[start:stop], cost)
        return out

    def _batch(self, x: FloatArray, weights: FloatArray, cost: BoolArray) -> FloatArray:
        return np.stack([self.evaluate(x, w, cost)[0] for w in weights])

    def linear_parts(self, x: FloatArray, cost: BoolArray) -> FloatArray:
        """For linear methods: the matrix P with score = P @ w."""
        raise NotImplementedError

    def label_for(self, language: str) -> str:
        """The method's name in ``language``."""
        return msg("method_" + self.key, language) if self.key else self.label

    def merit(self, scores: FloatArray) -> FloatArray:
        """Scores turned so that larger always wins."""
        return scores if self.higher_is_better else -scores

    def conventions(self) -> dict[str, str]:
        """How the numbers were made, for the record and the report."""
        return {"method": self.label}


@dataclass(frozen=True)
class WeightedSum(Method):
    """Weighted sum (simple additive weighting): Σ_j w_j · n_ij."""

    normalization: str = "minmax"
    key: ClassVar[str] = "wsm"
    label: ClassVar[str] = "Weighted sum"
    linear_in_weights: ClassVar[bool] = True

    def __post_init__(self) -> None:
        _check_norm(self.normalization)

    def linear_parts(self, x: FloatArray, cost: BoolArray) -> FloatArray:
        return normalize_array(x, cost, self.normalization)

    def evaluate(
        self, x: FloatArray, w: FloatArray, cost: BoolArray
    ) -> tuple[FloatArray, FloatArray]:
        contrib = self.linear_parts(x, cost) * w
        return contrib.sum(axis=1), contrib

    def _batch(self, x: FloatArray, weights: FloatArray, cost: BoolArray) -> FloatArray:
        return weights @ self.linear_parts(x, cost).T

    def conventions(self) -> dict[str, str]:
        return {
            "method": self.label,
            "normalization": self.normalization,
            "contributions": "w_j × normalised score; they add up to the score",
        }


@dataclass(frozen=True)
class WeightedProduct(Method):
    """Weighted product: Π_j n_ij ^ w_j (ranked on its logarithm Σ_j w_j ln n_ij)."""

    normalization: str = "max"
    key: ClassVar[str] = "wpm"
    label: ClassVar[str] = "Weighted product"

    def __post_init__(self) -> None:
        _check_norm(self.normalization)

    def _logs(self, x: FloatArray, cost: BoolArray) -> FloatArray:
        n = normalize_array(x, cost, self.normalization)
        if (n <= 0).any():
            raise InputError(Localized("cmp_wpm_positive"))
        return np.log(n)

    def evaluate(
        self, x: FloatArray, w: FloatArray, cost: BoolArray
    ) -> tuple[FloatArray, FloatArray]:
        contrib = self._logs(x, cost) * w
        return np.exp(contrib.sum(axis=1)), contrib

    def _batch(self, x: FloatArray, weights: FloatArray, cost: BoolArray) -> FloatArray:
        return np.exp(weights @ self._logs(x, cost).T)

    def conventions(self) -> dict[str, str]:
        return {
            "method": self.label,
            "normalization": self.normalization,
            "contributions": "w_j × ln(normalised score); they add up to ln(score)",
        }


@dataclass(frozen=True)
class TOPSIS(Method):
    """TOPSIS: closeness d⁻/(d⁺ + d⁻) to the ideal of the weighted normalised matrix."""

    normalization: str = "vector"
    key: ClassVar[str] = "topsis"
    label: ClassVar[str] = "TOPSIS"

    def __post_init__(self) -> None:
        _check_norm(self.normalization)

    def evaluate(
        self, x: FloatArray, w: FloatArray, cost: BoolArray
    ) -> tuple[FloatArray, FloatArray]:
        n = normalize_array(x, cost, self.normalization)
        scores = self._batch_n(n, w[None, :])[0]
        lo, hi = n.min(axis=0), n.max(axis=0)
        span = np.where(hi > lo, hi - lo, 1.0)
        contrib = w * np.where(hi > lo, (n - lo) / span, 1.0)
        return scores, contrib

    @staticmethod
    def _batch_n(n: FloatArray, weights: FloatArray) -> FloatArray:
        v = weights[:, None, :] * n[None, :, :]  # trials × options × criteria
        pis = v.max(axis=1, keepdims=True)
        nis = v.min(axis=1, keepdims=True)
        d_plus = np.sqrt(((v - pis) ** 2).sum(axis=2))
        d_minus = np.sqrt(((v - nis) ** 2).sum(axis=2))
        total = d_plus + d_minus
        # All options identical under these weights: every one is equally close.
        closeness: FloatArray = np.divide(
            d_minus, total, out=np.full_like(total, 0.5), where=total > 0
        )
        return closeness

    def _batch(self, x: FloatArray, weights: FloatArray, cost: BoolArray) -> FloatArray:
        return self._batch_n(normalize_array(x, cost, self.normalization), weights)

    def conventions(self) -> dict[str, str]:
        return {
            "method": self.label,
            "normalization": self.normalization,
            "ideal": "best and worst weighted normalised value of each criterion",
            "contributions": "w_j × (n_ij − worst)/(best − worst): an additive proxy, "
            "not an exact decomposition of the closeness",
        }


@dataclass(frozen=True)
class VIKOR(Method):
    """VIKOR: Q = v·(S − S*)/(S⁻ − S*) + (1 − v)·(R − R*)/(R⁻ − R*); lower Q wins."""

    v: float = 0.5
    key: ClassVar[str] = "vikor"
    label: ClassVar[str] = "VIKOR"
    higher_is_better: ClassVar[bool] = False

    def __post_init__(self) -> None:
        if not 0 <= self.v <= 1:
            raise InputError(f"VIKOR's v must be between 0 and 1, not {self.v}")

    @staticmethod
    def _regret(x: FloatArray, cost: BoolArray) -> FloatArray:
        best = np.where(cost, x.min(axis=0), x.max(axis=0))
        worst = np.where(cost, x.max(axis=0), x.min(axis=0))
        span = best - worst
        # A criterion on which all options are equal separates nobody: regret 0.
        regret: FloatArray = np.divide(best - x, span, out=np.zeros_like(x), where=span != 0)
        return regret

    def _q(self, s: FloatArray, r: FloatArray) -> FloatArray:
        def scaled(a: FloatArray) -> FloatArray:
            lo = a.min(axis=-1, keepdims=True)
            hi = a.max(axis=-1, keepdims=True)
            out: FloatArray = np.divide(a - lo, hi - lo, out=np.zeros_like(a), where=hi > lo)
            return out

        return self.v * scaled(s) + (1 - self.v) * scaled(r)

    def evaluate(
        self, x: FloatArray, w: FloatArray, cost: BoolArray
    ) -> tuple[FloatArray, FloatArray]:
        contrib = self._regret(x, cost) * w
        q = self._q(contrib.sum(axis=1), contrib.max(axis=1))
        return q, contrib

    def _batch(self, x: FloatArray, weights: FloatArray, cost: BoolArray) -> FloatArray:
        d = weights[:, None, :] * self._regret(x, cost)[None, :, :]
        return self._q(d.sum(axis=2), d.max(axis=2))

    def compromise_conditions(self, q: FloatArray, s: FloatArray, r: FloatArray) -> dict[str, bool]:
        """VIKOR's acceptance conditions for the first-ranked option."""
        order = np.argsort(q, kind="stable")
        m = len(q)
        c1 = m < 2 or bool(q[order[1]] - q[order[0]] >= 1 / (m - 1))
        c2 = bool(s[order[0]] == s.min() or r[order[0]] == r.min())
        return {"acceptable advantage": c1, "acceptable stability": c2}

    def conventions(self) -> dict[str, str]:
        return {
            "method": self.label,
            "v": f"{self.v:g} (weight of the group utility S)",
            "normalization": "linear between best and worst value of each criterion",
            "order": "ascending Q: lower is better",
            "contributions": "w_j × regret on criterion j; they add up to S",
        }


@dataclass(frozen=True)
class PrometheeII(Method):
    """PROMETHEE II net outranking flow with a usual or linear preference function.

    ``preference="usual"``: P(d) = 1 if d > 0. ``preference="linear"``: P(d) = 0 below
    the indifference threshold q, 1 above the preference threshold p, linear between
    (Brans' type V; q = 0 gives type III). Thresholds are fractions of each criterion's
    range (max − min) unless given per criterion in the units of the scores.
    """

    preference: str = "usual"
    q: float | tuple[float, ...] = 0.0
    p: float | tuple[float, ...] = 0.5
    thresholds_relative: bool = True
    key: ClassVar[str] = "promethee"
    label: ClassVar[str] = "PROMETHEE II"
    linear_in_weights: ClassVar[bool] = True

    def __post_init__(self) -> None:
        if self.preference not in ("usual", "linear"):
            raise InputError(f"preference must be 'usual' or 'linear', not {self.preference!r}")

    def _pref(self, d: FloatArray, j: int, span: float) -> FloatArray:
        if self.preference == "usual":
            return (d > 0).astype(float)
        q = self.q[j] if isinstance(self.q, tuple) else self.q
        p = self.p[j] if isinstance(self.p, tuple) else self.p
        if self.thresholds_relative:
            q, p = q * span, p * span
        if p <= q:
            return (d > q).astype(float)
        return np.clip((d - q) / (p - q), 0.0, 1.0)

    def linear_parts(self, x: FloatArray, cost: BoolArray) -> FloatArray:
        m, n = x.shape
        flows = np.zeros((m, n))
        for j in range(n):
            col = -x[:, j] if cost[j] else x[:, j]
            d = col[:, None] - col[None, :]  # d[a, b] = advantage of a over b
            span = float(col.max() - col.min())
            pref = self._pref(d, j, span)
            flows[:, j] = (pref.sum(axis=1) - pref.sum(axis=0)) / max(m - 1, 1)
        return flows

    def evaluate(
        self, x: FloatArray, w: FloatArray, cost: BoolArray
    ) -> tuple[FloatArray, FloatArray]:
        contrib = self.linear_parts(x, cost) * w
        return contrib.sum(axis=1), contrib

    def _batch(self, x: FloatArray, weights: FloatArray, cost: BoolArray) -> FloatArray:
        return weights @ self.linear_parts(x, cost).T

    def conventions(self) -> dict[str, str]:
        out = {
            "method": self.label,
            "preference function": self.preference,
            "contributions": "w_j × single-criterion net flow; they add up to the net flow",
        }
        if self.preference == "linear":
            unit = "of each criterion's range" if self.thresholds_relative else "score units"
            out["thresholds"] = f"q = {self.q}, p = {self.p} ({unit})"
        return out


_BUILTIN_ALIASES = {
    "weighted-sum": "wsm",
    "saw": "wsm",
    "weighted-product": "wpm",
    "promethee-ii": "promethee",
    "promethee2": "promethee",
}
for _cls in (WeightedSum, WeightedProduct, TOPSIS, VIKOR, PrometheeII):
    _registry.METHODS.add(
        _cls.key, _cls, tuple(a for a, k in _BUILTIN_ALIASES.items() if k == _cls.key)
    )
#: The ranking methods by key: the very dict of :data:`archplan.registry.METHODS` (one
#: registry: what ``archplan.yaml`` accepts is what :func:`get_method` finds).
METHODS: dict[str, type[Method]] = _registry.METHODS.entries
_ALIASES: dict[str, str] = _registry.METHODS.aliases
#: Other names accepted for the methods (``comparison.method`` in ``archplan.yaml`` and
#: :func:`get_method`), each mapped to its key in :data:`METHODS`.
METHOD_ALIASES: dict[str, str] = _ALIASES


#: The methods archplan ships; :func:`unregister_method` refuses to remove them.
_BUILTIN = frozenset(METHODS)
#: Catalogue entries and aliases each registered method brought, removed with it.
_ADDED: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _placeholders(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}


def register_method(
    cls: type[Method],
    *,
    aliases: Sequence[str] = (),
    messages: Mapping[str, Mapping[str, str]] | None = None,
) -> type[Method]:
    """Add a ranking method to :data:`METHODS` under ``cls.key``.

    From then on every place that lists methods offers it: :func:`get_method` and
    ``rank(problem, key)``, ``comparison.method`` in ``archplan.yaml``, the method
    comparison (:func:`~archplan.compare.sensitivity.compare_methods` and the report's
    table), the explorer's menu, stability intervals and rank acceptability; it takes
    the ``normalization`` option if the class has that field.

    Parameters
    ----------
    cls : type
        A frozen dataclass deriving from :class:`Method`, with a new ``key``.
    aliases : sequence of str
        Other names accepted for it (lower case).
    messages : mapping, optional
        Catalogue entries it brings, ``{"key": {"en": ..., "ja": ...}}``, added to
        :data:`archplan.messages.MESSAGES` while it is registered: its name
        ``method_<key>`` (required unless the catalogue has it already) and the texts
        of its conventions ``convv_<key>_<convention>``.

    Raises
    ------
    InputError
        If the key or an alias is taken, the class is not a method, or an entry is
        missing, already in the catalogue, or not the same in both languages.

    Examples
    --------
    >>> @dataclass(frozen=True)
    ... class Best(Method):
    ...     key: ClassVar[str] = "best"
    ...     label: ClassVar[str] = "Best single score"
    ...     def evaluate(self, x, w, cost):
    ...         return x.max(axis=1), x * 0
    >>> _ = register_method(Best, messages={
    ...     "method_best": {"en": "Best single score", "ja": "最高得点法"}})
    >>> get_method("best").label_for("ja")
    '最高得点法'
    >>> unregister_method("best")
    >>> "best" in METHODS
    False
    """
    if not (isinstance(cls, type) and issubclass(cls, Method) and dataclasses.is_dataclass(cls)):
        raise InputError(f"{cls!r} is not a dataclass deriving from archplan's Method")
    key = cls.key
    names = [key, *aliases]
    for name in names:
        if not name or name != name.lower() or not name.replace("-", "").isalnum():
            raise InputError(f"method name {name!r}: expected lower-case letters, digits or -")
        if name in METHODS or name in _ALIASES:
            raise InputError(f"method name {name!r} is taken")
    entries = dict(messages or {})
    for mkey, entry in entries.items():
        if mkey in MESSAGES:
            raise InputError(f"message {mkey!r} is already in the catalogue")
        if set(entry) != {"en", "ja"} or _placeholders(entry["en"]) != _placeholders(entry["ja"]):
            raise InputError(
                f"message {mkey!r}: expected English and Japanese text with the same "
                "{placeholders}"
            )
    if f"method_{key}" not in MESSAGES and f"method_{key}" not in entries:
        raise InputError(
            f"method {key!r} has no name in the catalogue: give messages="
            f"{{'method_{key}': {{'en': ..., 'ja': ...}}}}"
        )
    for mkey, entry in entries.items():
        MESSAGES[mkey] = {"en": entry["en"], "ja": entry["ja"]}
    METHODS[key] = cls
    _ALIASES.update(dict.fromkeys(aliases, key))
    _ADDED[key] = (tuple(aliases), tuple(entries))
    return cls


def unregister_method(key: str | type[Method]) -> None:
    """Remove a method added with :func:`register_method`, with its aliases and the
    catalogue entries it brought (see its example)."""
    name = key if isinstance(key, str) else key.key
    if name in _BUILTIN or name not in _ADDED:
        raise InputError(f"{name!r} is not a registered extension method")
    aliases, entries = _ADDED.pop(name)
    del METHODS[name]
    for alias in aliases:
        _ALIASES.pop(alias, None)
    for mkey in entries:
        MESSAGES.pop(mkey, None)


@contextmanager
def registered_method(
    cls: type[Method],
    *,
    aliases: Sequence[str] = (),
    messages: Mapping[str, Mapping[str, str]] | None = None,
) -> Iterator[type[Method]]:
    """Register a method for the duration of a ``with`` block (tests, notebooks).

    Examples
    --------
    >>> @dataclass(frozen=True)
    ... class Best(Method):
    ...     key: ClassVar[str] = "best"
    >>> with registered_method(Best, messages={"method_best": {"en": "Best", "ja": "最高"}}):
    ...     "best" in METHODS
    True
    >>> "best" in METHODS
    False
    """
    register_method(cls, aliases=aliases, messages=messages)
    try:
        yield cls
    finally:
        unregister_method(cls.key)


def uses_normalization(key: str) -> bool:
    """Whether the method with this key (or alias) takes a ``normalization`` option.

    Examples
    --------
    >>> uses_normalization("topsis"), uses_normalization("vikor")
    (True, False)
    """
    cls = METHODS[_ALIASES.get(key.lower(), key.lower())]
    return any(f.name == "normalization" for f in dataclasses.fields(cls))


def get_method(name: str | Method, **options: object) -> Method:
    """A method object from its name (``wsm``, ``wpm``, ``topsis``, ``vikor``,
    ``promethee``; aliases such as ``weighted-sum`` accepted).

    Examples
    --------
    >>> get_method("topsis")
    TOPSIS(normalization='vector')
    >>> get_method("weighted-sum", normalization="vector")
    WeightedSum(normalization='vector')
    """
    if isinstance(name, Method):
        return name
    key = _ALIASES.get(name.lower(), name.lower())
    if key not in METHODS:
        raise InputError(f"unknown method {name!r}; expected one of {', '.join(METHODS)}")
    try:
        return METHODS[key](**options)  # type: ignore[arg-type]
    except TypeError as exc:
        raise InputError(f"bad options for {key}: {exc}") from None
