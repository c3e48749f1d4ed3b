"""The portfolio: every case of a bureau at a glance, and every case's documents rebuilt.

>>> from datetime import date
>>> from archplan.portfolio import rollup
>>> view = rollup("data/portfolio.yaml", today=date(2026, 11, 29), jobs=1)
>>> "food-lab" in view.budget.index, view.budget.index[-1]
(True, 'total')
"""

from archplan.portfolio.attention import (
    Attention,
    assumptions_stale,
    check_failures,
    contracts_ending,
    reviews_due,
    support_ending,
    triggers_firing,
)
from archplan.portfolio.rollup import (
    CaseResult,
    Horizons,
    PortfolioView,
    chosen_option,
    rollup,
    summarise_case,
)
from archplan.portfolio.spec import Case, Portfolio, load_portfolio

__all__ = [
    "Attention",
    "Case",
    "CaseResult",
    "Horizons",
    "Portfolio",
    "PortfolioView",
    "assumptions_stale",
    "check_failures",
    "chosen_option",
    "contracts_ending",
    "load_portfolio",
    "reviews_due",
    "rollup",
    "summarise_case",
    "support_ending",
    "triggers_firing",
]
