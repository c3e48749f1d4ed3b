"""Workspaces: one planning case as a folder of plain-text files."""

from archplan.workspace.loader import check_workspace, load_workspace
from archplan.workspace.model import (
    Assumption,
    CostItem,
    Criterion,
    DecisionRecord,
    Option,
    Settings,
    Value,
    Workspace,
)

__all__ = [
    "Assumption",
    "CostItem",
    "Criterion",
    "DecisionRecord",
    "Option",
    "Settings",
    "Value",
    "Workspace",
    "check_workspace",
    "load_workspace",
]
