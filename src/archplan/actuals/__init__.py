"""Plan meets actuals (予実管理): invoices and cloud bills against the cost plan.

``actuals/actuals.yaml`` in a workspace names finance-system ledger CSVs and FinOps FOCUS
cost exports; :mod:`archplan.actuals.reader` imports them (every yen mapped to an item or
listed as unmapped), :mod:`archplan.actuals.analysis` puts them beside the plan. See
``docs/actuals.md``.
"""

from __future__ import annotations

from archplan.actuals.analysis import (
    budget_execution,
    contract_status,
    earned_value,
    monthly_plan,
    plan_vs_actual,
    reconciliation,
    year_summary,
)
from archplan.actuals.model import Actuals, ActualsSettings

__all__ = [
    "Actuals",
    "ActualsSettings",
    "budget_execution",
    "contract_status",
    "earned_value",
    "monthly_plan",
    "plan_vs_actual",
    "reconciliation",
    "year_summary",
]
