"""One analysis per build: what every section of a document computes from a workspace,
computed once, lazily, and shared.

A report used to recompute from the workspace in every section: one build of the report
and the handover pack called ``build_problem`` 23 times and ran the simulation five
times. :class:`Analysis` holds each of those results as a lazily computed attribute
(:func:`functools.cached_property`): the comparison problem and its ranking, the
knock-outs, the budget views, the cost summary, the commitments, the simulation, the
trigger context, the register's history in git. A workspace is frozen, so its analysis
is too: :func:`analysis_of` gives every section (and every helper a section calls) the
one analysis of the workspace object it was given, and a build loads its workspace
once. Nothing here changes a figure: each attribute is exactly what the function it
replaces returns (pandas results are handed out as copies, so no section can change
what another one sees).
"""

from __future__ import annotations

from collections.abc import Hashable
from contextlib import suppress
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from archplan.decisions.triggers import TriggerContext
from archplan.errors import ArchplanError
from archplan.workspace.model import Workspace

if TYPE_CHECKING:
    import pandas as pd

    from archplan.compare import DecisionProblem, Method, Ranking
    from archplan.decisions.history import RegisterHistory
    from archplan.uncertainty import Simulation

__all__ = ["Analysis", "analysis_of"]


class Analysis:
    """What the sections of a document compute from one workspace, each computed once.

    Parameters
    ----------
    ws : Workspace
        The workspace; it is frozen, so every result stays valid for its lifetime.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> a = Analysis(load_workspace("data/examples/food-lab"))
    >>> a.ranking.index.tolist()
    ['saas', 'gov-cloud', 'onprem']
    >>> a.problem is a.problem  # computed once
    True
    >>> a.shown_totals["saas"]
    49742
    """

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self._views: dict[Hashable, pd.DataFrame] = {}
        self._contexts: dict[date | None, TriggerContext] = {}
        self._histories: dict[str, RegisterHistory] = {}

    @property
    def language(self) -> str:
        """The workspace language (``"ja"`` or ``"en"``)."""
        return self.ws.settings.language

    # -- the comparison --------------------------------------------------------------

    @cached_property
    def problem(self) -> DecisionProblem:
        """The decision problem (:func:`archplan.compare.build_problem`)."""
        from archplan.compare import build_problem

        return build_problem(self.ws)

    @cached_property
    def method(self) -> Method:
        """The workspace's ranking method (:func:`archplan.compare.workspace_method`)."""
        from archplan.compare import workspace_method

        return workspace_method(self.ws)

    @cached_property
    def result(self) -> Ranking:
        """The ranking of :attr:`problem` by :attr:`method` (raises as ``rank`` does)."""
        from archplan.compare import rank

        return rank(self.problem, self.method)

    @property
    def ranking(self) -> pd.DataFrame:
        """The options ranked, best first: what :func:`archplan.compare.rank_options`
        returns for the workspace."""
        return self.result.table.copy()

    @property
    def top(self) -> str | None:
        """The first-ranked option, or None when every option is knocked out."""
        table = self.result.table
        return str(table.index[0]) if len(table) else None

    @cached_property
    def _knocked_out(self) -> dict[str, str]:
        try:
            excluded = self.problem.excluded
        except ArchplanError:
            return {}
        return {str(o): str(r["reason"]) for o, r in excluded.iterrows()}

    @property
    def knocked_out(self) -> dict[str, str]:
        """Options a must-have criterion knocks out, with the reason ({} when the
        comparison cannot be built)."""
        return dict(self._knocked_out)

    # -- the costs ---------------------------------------------------------------------

    def budget_view(self, **kwargs: Any) -> pd.DataFrame:
        """:func:`archplan.costs.budget_view` of the workspace with these arguments,
        computed once per distinct set of arguments."""
        from archplan.costs import budget_view

        try:
            key: Hashable = tuple(sorted(kwargs.items()))
            hash(key)
        except TypeError:  # e.g. assumption overrides in a dict: not shared
            return budget_view(self.ws, **kwargs)
        if key not in self._views:
            self._views[key] = budget_view(self.ws, **kwargs)
        return self._views[key].copy()

    @property
    def shown_totals(self) -> dict[str, int]:
        """Each option's total in the display unit, as every document prints it."""
        from archplan.money import TOTAL

        return {str(k): int(v) for k, v in self.budget_view()[TOTAL].items()}

    @cached_property
    def _cost_summary(self) -> pd.DataFrame:
        from archplan.costs import cost_summary

        return cost_summary(self.ws)

    @property
    def cost_summary(self) -> pd.DataFrame:
        """:func:`archplan.costs.cost_summary` of the workspace."""
        return self._cost_summary.copy()

    @cached_property
    def _commitments(self) -> pd.DataFrame:
        from archplan.costs import commitments

        return commitments(self.ws)

    @property
    def commitments(self) -> pd.DataFrame:
        """:func:`archplan.costs.commitments` of the workspace (warnings in ``attrs``)."""
        return self._commitments.copy()

    @cached_property
    def _depreciation(self) -> pd.DataFrame:
        from archplan.costs import depreciation

        return depreciation(self.ws)

    @property
    def depreciation(self) -> pd.DataFrame:
        """:func:`archplan.costs.depreciation` of the workspace."""
        return self._depreciation.copy()

    # -- cost risk ---------------------------------------------------------------------

    @cached_property
    def has_uncertainty(self) -> bool:
        """Whether any assumption, item or risk event is uncertain."""
        ws = self.ws
        return (
            any(a.uncertainty is not None for a in ws.assumptions.values())
            or any(i.uncertainty is not None for i in ws.cost_items)
            or bool(ws.risks)
        )

    @cached_property
    def simulation(self) -> Simulation:
        """The workspace's seeded simulation (:func:`archplan.uncertainty.simulate`)."""
        from archplan.uncertainty import simulate

        return simulate(self.ws)

    # -- decisions -------------------------------------------------------------------

    def triggers(self, as_of: date | None = None) -> TriggerContext:
        """The context revisit triggers are evaluated against, sharing this analysis's
        ranking, knock-outs, totals and simulation."""
        if as_of not in self._contexts:
            self._contexts[as_of] = _SharedContext(self, as_of)
        return self._contexts[as_of]

    def register_history(self, language: str | None = None) -> RegisterHistory:
        """The assumptions register's committed versions (read from git once)."""
        from archplan.decisions.history import register_history

        lang = language or self.language
        if lang not in self._histories:
            self._histories[lang] = register_history(self.ws.root, lang)
        return self._histories[lang]


class _SharedContext(TriggerContext):
    """A trigger context whose figures come from an :class:`Analysis`."""

    def __init__(self, analysis: Analysis, as_of: date | None) -> None:
        super().__init__(analysis.ws, as_of)
        self._analysis = analysis

    @cached_property
    def ranking(self) -> list[str]:
        return [str(o) for o in self._analysis.result.table.index]

    @cached_property
    def excluded(self) -> set[str]:
        return {str(o) for o in self._analysis.problem.excluded.index}

    @cached_property
    def totals(self) -> dict[str, int]:
        return {str(k): int(v) for k, v in self._analysis.cost_summary["total"].items()}

    @cached_property
    def simulation(self) -> object:
        return self._analysis.simulation


_ATTRIBUTE = "_archplan_analysis"


def analysis_of(ws: Workspace | Analysis) -> Analysis:
    """The one analysis of a workspace object (an analysis is returned as it is).

    A workspace is frozen, so everything computed from it can be shared by every
    section and helper that is handed the same object, for as long as it lives (the
    analysis is kept on the object itself and goes with it).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ws = load_workspace("data/examples/food-lab")
    >>> analysis_of(ws) is analysis_of(ws)
    True
    >>> analysis_of(ws) is analysis_of(load_workspace("data/examples/food-lab"))
    False
    """
    if isinstance(ws, Analysis):
        return ws
    found = getattr(ws, "__dict__", {}).get(_ATTRIBUTE)
    if isinstance(found, Analysis) and found.ws is ws:
        return found
    analysis = Analysis(ws)
    # Not a field: equality, repr and dataclasses.replace ignore it. (A workspace with
    # __slots__ could not keep it: each caller would then get a fresh analysis.)
    with suppress(AttributeError, TypeError):
        object.__setattr__(ws, _ATTRIBUTE, analysis)
    return analysis
