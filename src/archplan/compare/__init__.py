"""Compare options against weighted criteria, and test how robust the ranking is.

Typical use::

    problem = build_problem(ws)              # scales mapped, knock-outs applied, weights
    result = rank(problem, "topsis")         # a Ranking: table, contributions, conventions
    result.explain()                         # why the first beat the second
    stability_intervals(problem)             # how far each weight can move
    rank_acceptability(problem)              # P(rank) under sampled weights
    compare_methods(problem)                 # the ranking under each method
"""

from archplan.compare.methods import (
    METHODS,
    TOPSIS,
    VIKOR,
    Method,
    PrometheeII,
    WeightedProduct,
    WeightedSum,
    get_method,
)
from archplan.compare.normalize import NORMALIZATIONS, normalize_array
from archplan.compare.problem import (
    DecisionProblem,
    build_problem,
    rank,
    rank_options,
    workspace_method,
    workspace_weights,
)
from archplan.compare.result import Ranking
from archplan.compare.sensitivity import (
    compare_methods,
    rank_acceptability,
    sample_weights,
    stability_intervals,
    value_for_money,
)
from archplan.compare.weights import (
    AHPResult,
    ahp,
    combine_judgements,
    direct_weights,
    rank_order_centroid,
    rank_sum,
    swing_weights,
)

__all__ = [
    "METHODS",
    "NORMALIZATIONS",
    "TOPSIS",
    "VIKOR",
    "AHPResult",
    "DecisionProblem",
    "Method",
    "PrometheeII",
    "Ranking",
    "WeightedProduct",
    "WeightedSum",
    "ahp",
    "build_problem",
    "combine_judgements",
    "compare_methods",
    "direct_weights",
    "get_method",
    "normalize_array",
    "rank",
    "rank_acceptability",
    "rank_options",
    "rank_order_centroid",
    "rank_sum",
    "sample_weights",
    "stability_intervals",
    "swing_weights",
    "value_for_money",
    "workspace_method",
    "workspace_weights",
]
