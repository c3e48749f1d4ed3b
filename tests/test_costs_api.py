"""The public API keeps its promises: bad arguments to the cost tables, scenarios and
money helpers raise archplan errors (``InputError``) that say what was wrong, and no
module is shadowed by a function of the same name."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from decimal import Decimal

import pandas as pd
import pytest

from archplan import ArchplanError, load_workspace
from archplan.costs import (
    budget_view,
    category_summary,
    commitments,
    cost_summary,
    cost_table,
    depreciation,
    item_schedule,
    monthly_flows,
    net_benefit,
    scenario_table,
    yearly_totals,
)
from archplan.errors import InputError
from archplan.money import apportion, format_amount, round_yen, to_display_unit, to_unit

WS = load_workspace("data/examples/food-lab")


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda: cost_table(WS, "cloud"), "unknown option 'cloud'; known: saas, gov-cloud"),
        (lambda: category_summary(WS, "cloud"), "unknown option 'cloud'"),
        (lambda: net_benefit(WS, "cloud"), "unknown option 'cloud'"),
        (lambda: budget_view(WS, by="item", option="cloud"), "unknown option 'cloud'"),
        (lambda: budget_view(WS, by="item"), "needs an option"),
        (lambda: budget_view(WS, by="party"), "by must be option, category or item"),
        (lambda: budget_view(WS, unit="man-yen"), "unknown display unit 'man-yen'"),
        (lambda: item_schedule(WS, "gross"), "basis must be 'inclusive' or 'exclusive'"),  # type: ignore[arg-type]
        (lambda: yearly_totals(WS, "gross"), "basis must be"),  # type: ignore[arg-type]
        (lambda: cost_summary(WS, "gross"), "basis must be"),  # type: ignore[arg-type]
        (lambda: monthly_flows(WS, kind="saving"), "kind must be 'cost' or 'benefit'"),
        (lambda: scenario_table(WS, measure="irr"), "measure must be 'total' or 'npv'"),
        (lambda: commitments(WS, "gross"), "basis must be"),  # type: ignore[arg-type]
        (lambda: depreciation(WS, option="cloud"), "unknown option 'cloud'"),
        (lambda: item_schedule(WS, scenario="dry"), "unknown scenario 'dry'"),
        (lambda: round_yen(Decimal("1.5"), mode="ROUND_NEAREST"), "unknown rounding mode"),
        (lambda: round_yen("abc"), "is not an amount of money"),  # type: ignore[arg-type]
        (lambda: to_unit(1000, "man"), "unknown display unit 'man'"),
        (lambda: to_unit(float("nan"), "yen"), "not a finite amount"),
        (lambda: apportion([1, 2], 0), "must be a positive integer"),
        (lambda: format_amount("lots"), "is not an amount to format"),  # type: ignore[arg-type]
        (
            lambda: to_display_unit(pd.DataFrame({2026: [1]}), "thousand", keep="diagonal"),
            "keep must be 'columns' or 'rows'",
        ),
        (
            lambda: to_display_unit(
                pd.DataFrame({2026: [1]}), "thousand", keep="columns", targets=pd.Series({2027: 1})
            ),
            "no target total for 2026",
        ),
    ],
)
def test_bad_arguments_raise_archplan_errors(call: Callable[[], object], fragment: str) -> None:
    with pytest.raises(InputError) as info:
        call()
    assert isinstance(info.value, ArchplanError)
    assert fragment in str(info.value)


def test_simulation_results_refuse_unknown_options() -> None:
    from archplan.uncertainty import contingency, s_curve, simulate, tornado, yearly_table

    sim = simulate(WS, trials=200, seed=1)
    for fn in (yearly_table, s_curve, tornado, contingency):
        with pytest.raises(InputError, match="unknown option 'cloud'; known: saas"):
            fn(sim, "cloud")
    with pytest.raises(InputError, match="confidence must be between 0 and 1"):
        contingency(sim, "saas", 80)


def test_no_module_is_shadowed_by_a_function() -> None:
    """``archplan.costs.commitments`` is the function and the module has its own name;
    the same for depreciation and the simulation."""
    import archplan.costs as costs
    import archplan.uncertainty as uncertainty

    for package, name, module in (
        (costs, "commitments", "archplan.costs.commitment_plan"),
        (costs, "depreciation", "archplan.costs.depreciation_schedule"),
        (uncertainty, "simulate", "archplan.uncertainty.simulation"),
    ):
        fn = getattr(package, name)
        assert callable(fn) and fn.__module__ == module
        assert getattr(importlib.import_module(module), name) is fn
    for gone in (
        "archplan.costs.commitments",
        "archplan.costs.depreciation",
        "archplan.uncertainty.simulate",
    ):
        with pytest.raises(ModuleNotFoundError):
            importlib.import_module(gone)
