"""Monte Carlo over the whole cost model, every option at once, vectorised over trials.

The exact cost engine (:mod:`archplan.costs.engine`) lays every item out month by month
in Decimals. For simulation that layout is *compiled* once into float coefficients: for
each item and fiscal year, how many periods it pays (``count``) and what one period costs
on the plan's tax basis (``coef`` = Σ months × (1 + tax rate in force)). A trial then only
has to compute each item's per-period amount from its sampled inputs — quantity, price,
growth, escalation, tiers, percent-of, exchange rate, the item's own uncertainty factor —
and multiply. Trials run in chunks of fixed size, so memory stays bounded by
chunk × items and by the trials × options × years results, never trials × items × years.

Inputs and sampling:

* an assumption with ``uncertainty`` is drawn from its distribution;
* an item with ``uncertainty`` gets a multiplicative factor on its amount;
* a risk event costs Bernoulli(probability) × impact in its fiscal year;
* independence is the default; declared correlations are Spearman rank correlations,
  imposed with a Gaussian copula (ρ_normal = 2 sin(π ρ_rank / 6)).

The same seed, trials and inputs give identical results.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any, cast

import numpy as np
import numpy.typing as npt
import pandas as pd
from scipy import special

from archplan.costs.engine import Basis, _order, fy_of_month, item_span, month_start
from archplan.errors import InputError
from archplan.messages import msg
from archplan.uncertainty.distributions import Distribution, Fixed
from archplan.workspace.model import CostItem, Value, Workspace

__all__ = ["CHUNK", "Simulation", "SimulationModel", "compile_model", "simulate"]

FloatArray = npt.NDArray[np.float64]
CHUNK = 10_000
Inputs = Mapping[str, FloatArray | float]


@dataclass
class _Item:
    item: CostItem
    index: int  # position among the options' columns
    count: FloatArray  # periods paid per extended year (as entered)
    coef: FloatArray  # periods × tax factor on the chosen basis, per extended year
    first_fy: int
    coef_plan: FloatArray = field(default_factory=lambda: np.zeros(0))


@dataclass
class SimulationModel:
    """A workspace's cost model compiled for vectorised evaluation."""

    ws: Workspace
    basis: Basis
    years: list[int]  # extended years: every item's span and the plan
    plan: list[int]  # indexes of the plan's fiscal years within ``years``
    options: list[str]
    items: list[_Item]
    constants: dict[str, float]
    input_names: list[str]
    distributions: dict[str, Distribution]
    risk_coef: dict[str, float]  # tax factor of each risk's year
    counts: dict[str, FloatArray] = field(default_factory=dict)
    referenced: frozenset[str] = frozenset()
    plan_is_all: bool = False

    def evaluate(self, inputs: Inputs) -> FloatArray:
        """Costs by option and plan year for rows of inputs: (rows, options, years).

        ``inputs`` maps input names (assumption names, ``item:<id>``, ``risk:<id>``) to
        arrays of one value per row; missing names take their deterministic value.
        A ``risk:<id>`` value is the event's realised cost (0 when it does not happen).
        Each item is computed for all years at once, as a (rows, years) array.
        """
        n = max((len(v) for v in inputs.values() if isinstance(v, np.ndarray)), default=1)
        s = self.ws.settings
        values: dict[str, FloatArray | float] = dict(self.constants)
        values.update(inputs)

        def col(v: FloatArray | float) -> FloatArray | float:
            # A per-row input as a column, so it broadcasts against the years.
            return v[:, None] if isinstance(v, np.ndarray) else v

        def val(v: Value | None, default: float = 0.0) -> FloatArray | float:
            if v is None:
                return default
            if v.assumption is not None:
                return col(values[v.assumption])
            assert v.literal is not None
            return float(v.literal)

        years = np.asarray(self.years, dtype=float)
        plan = np.asarray(self.plan)
        out = np.zeros((n, len(self.options), len(self.plan)))
        money: dict[str, FloatArray] = {}  # item → money paid per extended year (as entered)
        for it in self.items:
            item = it.item
            growth = val(item.growth)
            esc = val(item.escalation)
            escf = (1 + esc) ** (years - s.first_fy)
            if item.amount is not None:
                per = val(item.amount) * escf
            elif item.percent_of is not None:
                pct = item.percent_of
                if pct.basis == "total":
                    base = sum(money[r].sum(axis=1, keepdims=True) for r in pct.items)
                    per = val(pct.rate) * base * np.ones_like(years)
                else:
                    # Rate × the referenced items' money in the same year (its count,
                    # active months / 12, prorates a partial year as the engine does).
                    per = val(pct.rate) * sum(money[r] for r in pct.items)
            else:
                if item.quantity_series is not None:
                    k = np.clip((years - it.first_fy).astype(int), 0, len(item.quantity_series) - 1)
                    q = np.asarray([float(x) for x in item.quantity_series])[k]
                else:
                    assert item.quantity is not None
                    q = val(item.quantity) * (1 + growth) ** (years - it.first_fy)
                if item.tiers is not None:
                    prices = [val(p) * escf for _, p in item.tiers.bands]
                    per = _tiered(
                        item.tiers.method, [float(b[0]) for b in item.tiers.bands], q, prices
                    )
                else:
                    per = q * val(item.unit_price) * escf
            if item.currency is not None and item.currency != s.currency:
                per = per * col(values[s.exchange_rates[item.currency]])
            per = per * col(values.get(f"item:{item.id}", 1.0))
            per = np.broadcast_to(per, (n, len(years)))
            if item.id in self.referenced:  # kept only where a percent_of needs it
                money[item.id] = per * it.count
            out[:, it.index, :] += (per if self.plan_is_all else per[:, plan]) * it.coef_plan
        for risk in self.ws.risks:
            j = self.ws.settings.fiscal_years.index(risk.fy)
            for o in risk.options:
                realised = values.get(risk.input_name(o), 0.0)
                out[:, self.options.index(o), j] += realised * self.risk_coef[risk.id]
        return out

    def _count(self, item_id: str, k: int) -> float:
        return float(self.counts[item_id][k])

    def _quantity(
        self,
        item: CostItem,
        fy: int,
        first_fy: int,
        values: dict[str, FloatArray | float],
        growth: FloatArray | float,
    ) -> FloatArray | float:
        if item.quantity_series is not None:
            k = fy - first_fy
            series = item.quantity_series
            return float(series[min(max(k, 0), len(series) - 1)])
        assert item.quantity is not None
        q = item.quantity
        base = values[q.assumption] if q.assumption is not None else float(q.literal or 0)
        return base * (1 + growth) ** (fy - first_fy)


def _tiered(
    method: str, froms: list[float], q: FloatArray | float, prices: list[FloatArray | float]
) -> FloatArray | float:
    qa = np.asarray(q, dtype=float)
    # An uncertain price (or escalation) makes the prices trials × years while a certain
    # quantity is years only, or the other way round: bring both to the same shape.
    qa = np.broadcast_to(qa, np.broadcast_shapes(qa.shape, *(np.shape(p) for p in prices)))
    if method == "all-units":
        band = np.clip(np.searchsorted(froms, qa, side="right") - 1, 0, len(froms) - 1)
        price = np.choose(band, [np.broadcast_to(np.asarray(p, float), qa.shape) for p in prices])
        return qa * price  # type: ignore[no-any-return]
    total = np.zeros_like(qa)
    for k, lo in enumerate(froms):
        hi = froms[k + 1] if k + 1 < len(froms) else np.inf
        total = total + np.clip(np.minimum(qa, hi) - lo, 0, None) * prices[k]
    return total


def compile_model(ws: Workspace, basis: Basis = "inclusive") -> SimulationModel:
    """Compile a workspace's cost model for simulation (see the module docstring)."""
    s = ws.settings
    sm = s.fy_start_month
    spans = {it.id: item_span(it, s) for it in ws.cost_items}
    lo = min([s.first_fy] + [fy_of_month(a, sm) for a, _ in spans.values()])
    hi = max([s.fiscal_years[-1]] + [fy_of_month(b, sm) for _, b in spans.values()])
    years = list(range(lo, hi + 1))
    table = s.tax_table

    def tax(m: int) -> float:
        k = bisect_right([t[0] for t in table], month_start(m)) - 1
        return float(table[k][1]) if k >= 0 else 0.0

    options = [o.id for o in ws.options]
    items = []
    for item in _order(ws.cost_items):
        if item.kind != "cost":
            continue
        a, b = spans[item.id]
        weights: dict[int, float] = defaultdict(float)  # month → periods paid that month
        if item.nature == "one-off":
            step = 12 * item.every if item.every else None
            last = b if (item.end is not None or step) else a
            m = a
            while m <= last:
                weights[m] += 1.0
                if step is None:
                    break
                m += step
        else:
            per = (
                1 / 12
                if (
                    item.period == "year"
                    or (item.percent_of is not None and item.percent_of.basis == "same_year")
                )
                else 1.0
            )
            for m in range(a, b + 1):
                weights[m] += per
        count = np.zeros(len(years))
        coef = np.zeros(len(years))
        for m, wgt in weights.items():
            k = fy_of_month(m, sm) - lo
            r = tax(m)
            count[k] += wgt
            if s.amounts_entered == "exclusive":
                coef[k] += wgt * (1 + r) if basis == "inclusive" else wgt
            else:
                coef[k] += wgt if basis == "inclusive" else wgt / (1 + r)
        items.append(_Item(item, options.index(item.option), count, coef, fy_of_month(a, sm)))
    constants = {name: float(asm.value) for name, asm in ws.assumptions.items()}
    dists: dict[str, Distribution] = {}
    for name, asm in ws.assumptions.items():
        if asm.uncertainty is not None:
            dists[name] = asm.uncertainty
    for it in ws.cost_items:
        if it.uncertainty is not None:
            dists[f"item:{it.id}"] = it.uncertainty
    for risk in ws.risks:
        for o, dist in risk.impacts:
            dists[risk.input_name(o)] = dist
    risk_coef = {}
    for risk in ws.risks:
        r = tax(risk.fy * 12 + sm - 1)
        if s.amounts_entered == "exclusive":
            risk_coef[risk.id] = 1 + r if basis == "inclusive" else 1.0
        else:
            risk_coef[risk.id] = 1.0 if basis == "inclusive" else 1 / (1 + r)
    plan = [years.index(fy) for fy in s.fiscal_years]
    for compiled in items:
        compiled.coef_plan = compiled.coef[plan]
    return SimulationModel(
        ws,
        basis,
        years,
        plan,
        options,
        items,
        constants,
        list(dists),
        dists,
        risk_coef,
        {it.item.id: it.count for it in items},
        frozenset(r for it in items if it.item.percent_of for r in it.item.percent_of.items),
        plan == list(range(len(years))),
    )


def _correlation_root(ws: Workspace, names: list[str]) -> tuple[list[str], FloatArray] | None:
    """The inputs that are correlated and a square root of their normal correlation."""
    if not ws.correlations:
        return None
    declared = {c.a for c in ws.correlations} | {c.b for c in ws.correlations}
    unknown = sorted(x for x in declared if x not in names)
    involved = [x for x in names if x in declared]
    if unknown:
        raise InputError("correlated inputs without an uncertainty: " + ", ".join(unknown))
    k = len(involved)
    c = np.eye(k)
    for corr in ws.correlations:
        i, j = involved.index(corr.a), involved.index(corr.b)
        # Declared values are rank (Spearman) correlations; the copula needs Pearson ones.
        c[i, j] = c[j, i] = 2 * math.sin(math.pi * corr.rho / 6)
    vals, vecs = np.linalg.eigh(c)
    if vals.min() < -1e-9:
        raise InputError(
            "the declared correlations are inconsistent (the matrix is not positive "
            f"semi-definite; smallest eigenvalue {vals.min():.3f}): e.g. A~B and A~C strongly "
            "positive but B~C strongly negative"
        )
    root = vecs @ np.diag(np.sqrt(np.clip(vals, 0, None)))
    return involved, root


@dataclass
class Simulation:
    """The results of a Monte Carlo run.

    Attributes
    ----------
    by_year : ndarray
        Costs per trial, option and plan year: (trials, options, years), in yen.
    deterministic : ndarray
        The plan's own costs (options, years), from the exact engine.
    record : dict
        Seed, trials, versions, correlation method: enough to reproduce the run.
    """

    model: SimulationModel
    by_year: FloatArray
    deterministic: FloatArray
    record: dict[str, Any]
    moments: dict[str, FloatArray] = field(default_factory=dict)

    @property
    def options(self) -> list[str]:
        return self.model.options

    @property
    def years(self) -> list[int]:
        return self.model.ws.settings.fiscal_years

    @property
    def totals(self) -> FloatArray:
        """Total over the plan per trial and option: (trials, options)."""
        return self.by_year.sum(axis=2)  # type: ignore[no-any-return]


def _draw(
    model: SimulationModel,
    rng: np.random.Generator,
    n: int,
    corr: tuple[list[str], FloatArray] | None,
) -> dict[str, FloatArray]:
    draws: dict[str, FloatArray] = {}
    names = model.input_names
    correlated: set[str] = set()
    if corr is not None:
        involved, root = corr
        z = rng.standard_normal((n, len(involved))) @ root.T
        u = special.ndtr(z)
        for k, name in enumerate(involved):
            draws[name] = model.distributions[name].ppf(u[:, k])
        correlated = set(involved)
    for name in names:
        if name not in correlated:
            draws[name] = model.distributions[name].sample(rng, n)
    for risk in model.ws.risks:
        # One draw of whether the event happens, shared by every option it touches.
        happens = rng.random(n) < risk.probability
        for key in {risk.input_name(o) for o in risk.options}:
            draws[key] = np.where(happens, draws[key], 0.0)
    return draws


def simulate(
    ws: Workspace,
    trials: int | None = None,
    seed: int | None = None,
    basis: Basis = "inclusive",
    correlated: bool = True,
    chunk: int = CHUNK,
) -> Simulation:
    """Run the cost-risk simulation for every option of a workspace.

    Parameters
    ----------
    trials, seed : int, optional
        Default to the workspace's ``simulation`` settings (10,000 trials).
    correlated : bool
        False ignores declared correlations (to see what they change).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> sim = simulate(load_workspace("data/examples/vaccine-booking"), trials=2000, seed=1)
    >>> sim.by_year.shape
    (2000, 3, 5)
    """
    from archplan import __version__
    from archplan.costs import item_schedule

    cfg = ws.settings.simulation
    trials = trials or cfg.trials
    seed = cfg.seed if seed is None else seed
    if trials < 1:
        raise InputError("the number of trials must be at least 1")
    model = compile_model(ws, basis)
    corr = _correlation_root(ws, model.input_names) if correlated else None
    rng = np.random.default_rng(seed)
    out = np.empty((trials, len(model.options), len(model.plan)))
    # Streaming sums for the contribution to variance (no trials × inputs array kept).
    names = model.input_names
    k = len(names)
    sx = np.zeros(k)
    sxx = np.zeros(k)
    sxy = np.zeros((k, len(model.options)))
    for start in range(0, trials, chunk):
        n = min(chunk, trials - start)
        draws = _draw(model, rng, n, corr)
        block = model.evaluate(draws)
        out[start : start + n] = block
        totals = block.sum(axis=2)
        for j, name in enumerate(names):
            x = draws[name]
            sx[j] += x.sum()
            sxx[j] += (x * x).sum()
            sxy[j] += x @ totals
    sched = item_schedule(ws, basis)
    det = np.stack(
        [
            cast(pd.DataFrame, sched.xs(o, level="option")).sum(axis=0).to_numpy(dtype=float)
            if o in sched.index.get_level_values("option")
            else np.zeros(len(model.plan))
            for o in model.options
        ]
    )
    record = {
        "seed": seed,
        "trials": trials,
        "chunk": chunk,
        "basis": basis,
        "inputs": len(names),
        "risk events": len(ws.risks),
        "dependence": msg(
            "dep_copula"
            if corr is not None
            else "dep_none"
            if not ws.correlations
            else "dep_ignored",
            ws.settings.language,
        ),
        "archplan": __version__,
        "numpy": np.__version__,
        "scipy": metadata.version("scipy"),
    }
    moments = {"sx": sx, "sxx": sxx, "sxy": sxy}
    return Simulation(model, out, det, record, moments)


def median_inputs(model: SimulationModel) -> dict[str, float]:
    """Each uncertain input at its median (a risk event: its median realised cost)."""
    return {name: quantile_of_input(model, name, 0.5) for name in model.distributions}


def quantile_of_input(model: SimulationModel, name: str, q: float) -> float:
    """The q-quantile of an input; for a risk event, of its realised cost (a mixture of
    zero with probability 1 − p and the impact with probability p)."""
    dist = model.distributions[name]
    if name.startswith("risk:"):
        risk = next(r for r in model.ws.risks if name in {r.input_name(o) for o in r.options})
        p = risk.probability
        if q <= 1 - p or p == 0:
            return 0.0
        return float(dist.ppf(np.array([(q - (1 - p)) / p]))[0])
    return float(dist.ppf(np.array([q]))[0]) if not isinstance(dist, Fixed) else dist.value


def deterministic_inputs(model: SimulationModel) -> dict[str, float]:
    """The inputs as the deterministic plan has them (values as written, factors 1, no
    risk events)."""
    out: dict[str, float] = {}
    for name in model.distributions:
        if name.startswith("item:"):
            out[name] = 1.0
        elif name.startswith("risk:"):
            out[name] = 0.0
        else:
            out[name] = float(model.ws.assumptions[name].value)
    return out
