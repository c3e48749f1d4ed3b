"""archplan: compare options, model multi-year costs, record decisions, hand over reports.

The public API is small; everything else lives in the capability modules
(:mod:`archplan.workspace`, :mod:`archplan.compare`, :mod:`archplan.costs`,
:mod:`archplan.decisions`, :mod:`archplan.report`).
"""

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


def __getattr__(name: str) -> str:
    # ``__version__`` is read from the installed metadata on first use: importlib.metadata
    # is slow to import, and most sessions never ask for the version.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("archplan")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            value = "0+unknown"
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module 'archplan' has no attribute {name!r}")


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
