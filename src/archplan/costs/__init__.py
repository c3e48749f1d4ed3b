"""Multi-year costs: the engine, tables by fiscal year, discounting, commitments,
depreciation, shared use and scenarios. See ``docs/costs.md`` for every convention."""

from archplan.costs.basis import describe_basis, item_basis, tax_breakdown
from archplan.costs.commitment_plan import commitments
from archplan.costs.depreciation_schedule import depreciation
from archplan.costs.discount import (
    equivalent_annual_cost,
    irr,
    npv,
    payback_year,
    roi,
    xirr,
    xnpv,
)
from archplan.costs.engine import CostModel, cost_model, tiered_amount
from archplan.costs.scenarios import net_benefit, scenario_table
from archplan.costs.sharing import allocate, share_costs
from archplan.costs.tables import (
    break_even,
    budget_view,
    category_summary,
    cost_summary,
    cost_table,
    cumulative_costs,
    dated_npv,
    format_budget,
    item_schedule,
    monthly_flows,
    yearly_totals,
)

__all__ = [
    "CostModel",
    "allocate",
    "break_even",
    "budget_view",
    "category_summary",
    "commitments",
    "cost_model",
    "cost_summary",
    "cost_table",
    "cumulative_costs",
    "dated_npv",
    "depreciation",
    "describe_basis",
    "equivalent_annual_cost",
    "format_budget",
    "irr",
    "item_basis",
    "item_schedule",
    "monthly_flows",
    "net_benefit",
    "npv",
    "payback_year",
    "roi",
    "scenario_table",
    "share_costs",
    "tax_breakdown",
    "tiered_amount",
    "xirr",
    "xnpv",
    "yearly_totals",
]
