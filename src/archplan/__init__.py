"""archplan: compare options, model multi-year costs, record decisions, hand over reports.

The public API is small; everything else lives in the capability modules
(:mod:`archplan.workspace`, :mod:`archplan.compare`, :mod:`archplan.costs`,
:mod:`archplan.decisions`, :mod:`archplan.report`).
"""

from importlib.metadata import PackageNotFoundError, version

from archplan.compare import (
    build_problem,
    compare_methods,
    rank,
    rank_acceptability,
    rank_options,
    stability_intervals,
)
from archplan.costs import cost_summary, cost_table, cumulative_costs, item_schedule, npv
from archplan.errors import (
    ArchplanError,
    InputError,
    Problem,
    ReportError,
    TargetExistsError,
    WorkspaceError,
)
from archplan.fiscal import FiscalYear, fiscal_year, fiscal_year_bounds, fy_label
from archplan.money import format_amount, to_display_unit
from archplan.workspace import Workspace, check_workspace, load_workspace

try:
    __version__ = version("archplan")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = [
    # errors
    "ArchplanError",
    "FiscalYear",
    "InputError",
    "Problem",
    "ReportError",
    "TargetExistsError",
    # workspace
    "Workspace",
    "WorkspaceError",
    "__version__",
    # comparison
    "build_problem",
    "check_workspace",
    "compare_methods",
    # costs and money
    "cost_summary",
    "cost_table",
    "cumulative_costs",
    # fiscal calendar
    "fiscal_year",
    "fiscal_year_bounds",
    "format_amount",
    "fy_label",
    "item_schedule",
    "load_workspace",
    "npv",
    "rank",
    "rank_acceptability",
    "rank_options",
    "stability_intervals",
    "to_display_unit",
]
