"""Cost risk: distributions, Monte Carlo over the cost model, and what it means."""

from archplan.uncertainty.distributions import (
    PERT,
    Distribution,
    Fixed,
    Lognormal,
    Triangular,
    Uniform,
)
from archplan.uncertainty.results import (
    contingency,
    prob_cheaper,
    prob_cheapest,
    rank_first,
    s_curve,
    summary_table,
    tornado,
    variance_contribution,
    yearly_table,
)
from archplan.uncertainty.simulation import Simulation, compile_model, simulate

__all__ = [
    "PERT",
    "Distribution",
    "Fixed",
    "Lognormal",
    "Simulation",
    "Triangular",
    "Uniform",
    "compile_model",
    "contingency",
    "prob_cheaper",
    "prob_cheapest",
    "rank_first",
    "s_curve",
    "simulate",
    "summary_table",
    "tornado",
    "variance_contribution",
    "yearly_table",
]
