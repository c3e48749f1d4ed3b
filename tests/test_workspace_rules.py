"""The cross-entry and cross-file rules of ``archplan.workspace.rules``, each on its own:
small documents in, located problems out (the schema checks each file by itself; these
check what one entry or file says about another)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from archplan.errors import Problem
from archplan.workspace import rules
from archplan.workspace._yaml import load_yaml
from archplan.workspace.fields import _File
from archplan.workspace.model import Criterion, Settings
from archplan.workspace.schema.costs import ItemModel, RiskModel


def _file(text: str, fname: str = "costs.yaml") -> _File:
    doc, problems = load_yaml(text, fname)
    assert doc is not None and not problems
    return _File(fname, doc, [])


def _items(f: _File) -> list[tuple[int, Any]]:
    assert f.doc is not None
    return [(i, ItemModel.model_validate(m)) for i, m in enumerate(f.doc.data["items"])]


def _texts(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems]


SETTINGS = Settings(title="t", first_fy=2026, horizon=3, exchange_rates={"USD": "usd_jpy"})

ITEMS = """items:
  - {id: a, option: x, name: A, category: build, nature: one-off, amount: 100, start: 2026}
  - {id: b, option: y, name: B, category: other, nature: one-off, amount: fee, start: 2026}
  - {id: a, option: x, name: C, category: other, nature: one-off, amount: 1, start: 2026,
     currency: EUR, contract: none, asset: robot}
"""


def test_unique_ids_name_the_first_line() -> None:
    f = _file(ITEMS)
    rules.check_unique(f, "items", [(i, it.id) for i, it in _items(f)], "cost item")
    assert _texts(f.problems) == [
        "costs.yaml:4: items[2].id: duplicate cost item id 'a' (first on line 2) "
        "(expected a unique id for each cost item)"
    ]


def test_items_against_the_other_files() -> None:
    f = _file(ITEMS)
    bad = rules.check_items(
        f,
        _items(f),
        options={"x"},
        assumptions={"users"},
        contracts={"maint"},
        settings=SETTINGS,
    )
    assert bad == {1, 2}
    got = [(p.line, p.field, p.message) for p in f.problems]
    assert got == [
        (3, "items[1].option", "unknown option 'y'"),
        (3, "items[1].amount", "unknown assumption 'fee'"),
        (5, "items[2].currency", "no exchange rate for EUR"),
        (5, "items[2].contract", "unknown contract 'none'"),
        (5, "items[2].asset", "unknown asset class 'robot'"),
    ]
    # Without the other files (unreadable), nothing is claimed about them.
    f2 = _file(ITEMS)
    rules.check_items(
        f2, _items(f2)[:2], options=None, assumptions=None, contracts=set(), settings=None
    )
    assert f2.problems == []


def test_a_quantity_series_covers_the_items_fiscal_years() -> None:
    text = """items:
  - {id: q, option: x, name: Q, category: cloud, nature: recurring, quantity: [1, 2],
     unit_price: 5, start: 2026, end: 2028}
  - {id: r, option: x, name: R, category: cloud, nature: recurring, quantity: [1, 2],
     unit_price: 5, start: 2026-10, end: 2027-09}
"""
    f = _file(text)
    rules.check_items(
        f, _items(f), options=None, assumptions=None, contracts=set(), settings=SETTINGS
    )
    # 2026–2028 is three fiscal years; October 2026 to September 2027 spans FY2026 and FY2027.
    assert [(p.field, p.message) for p in f.problems] == [
        ("items[0].quantity", "the series has 2 values for 3 fiscal years")
    ]


def test_percent_of_references_and_cycles() -> None:
    text = """items:
  - {id: a, option: x, name: A, category: other, nature: one-off, start: 2026,
     percent_of: {items: [b], rate: 0.1}}
  - {id: b, option: x, name: B, category: other, nature: one-off, start: 2026,
     percent_of: {items: [a], rate: 0.1}}
  - {id: c, option: x, name: C, category: other, nature: one-off, start: 2026,
     percent_of: {items: [c, ghost], rate: 0.1}}
"""
    f = _file(text)
    rules.check_percent_of(f, _items(f), {"a", "b", "c"})
    messages = [(p.field, p.message) for p in f.problems]
    assert ("items[2].percent_of.items", "an item cannot be a percentage of itself") in messages
    assert ("items[2].percent_of.items", "unknown cost item 'ghost'") in messages
    assert (
        "items[1].percent_of.items",
        "percentage-of references form a cycle: a → b → a",
    ) in messages
    assert len(messages) == 3


def test_weighting_needs_its_keys_and_sensible_values() -> None:
    f = _file("criteria:\n  - {id: a}\n  - {id: b}\n", "criteria.yaml")

    def crit(cid: str, **kw: Any) -> Criterion:
        return Criterion(id=cid, name=cid, direction="benefit", **kw)

    rules.check_weighting(f, [(0, crit("a", weight=1.0)), (1, crit("b"))], "direct")
    assert _texts(f.problems) == [
        "criteria.yaml:3: criteria[1]: required field 'weight' is missing "
        "(expected a weight of zero or more (weights are rescaled to sum to 1))"
    ]
    f.problems.clear()
    rules.check_weighting(f, [(0, crit("a", weight=0.0)), (1, crit("b", weight=0.0))], "direct")
    assert [p.message for p in f.problems] == ["all criterion weights are zero"]
    f.problems.clear()
    rules.check_weighting(f, [(0, crit("a", weight=50.0)), (1, crit("b", weight=20.0))], "swing")
    assert [p.message for p in f.problems] == [
        "with swing weighting the most valued swing gets 100"
    ]
    f.problems.clear()
    rules.check_weighting(f, [(0, crit("a", rank=1)), (1, crit("b", rank=1))], "roc")
    assert [p.message for p in f.problems] == ["ranks [1, 1] are not 1 … 2 each once"]
    f.problems.clear()
    rules.check_weighting(f, [(0, crit("a", rank=2)), (1, crit("b", rank=1))], "rank-sum")
    rules.check_weighting(f, [(0, crit("a")), (1, crit("b"))], "ahp")
    assert f.problems == []


def test_risks_hit_the_plan_and_known_options() -> None:
    text = """risks:
  - {id: r1, name: R, fy: 2040, probability: 0.5, impact: 100, options: [x]}
  - {id: r2, name: R, fy: 2027, probability: 0.5, impacts: {x: 1, z: 2}}
"""
    f = _file(text)
    assert f.doc is not None
    risks = [(k, RiskModel.model_validate(m)) for k, m in enumerate(f.doc.data["risks"])]
    assert rules.check_risks(f, risks, {"x"}, SETTINGS) == {0, 1}
    assert [(p.field, p.message) for p in f.problems] == [
        ("risks[0].fy", "FY2040 is outside the plan"),
        ("risks[1].impacts", "unknown option 'z'"),
    ]


def test_assumption_rules() -> None:
    f = _file(
        "scenarios:\n  high: {users: 2, seats: 3}\ncorrelations:\n"
        "  - {between: [users, peak], rho: 0.5}\n  - {between: [peak, users], rho: 0.2}\n"
        "  - {between: [users, users], rho: 0.2}\n  - {between: [fee, item:a], rho: 0.2}\n",
        "assumptions.yaml",
    )
    rules.check_scenarios(f, {"high": {"users": Decimal(2), "seats": Decimal(3)}}, {"users"})
    bad = rules.check_correlations(
        f,
        [
            (0, ("users", "peak")),
            (1, ("peak", "users")),
            (2, ("users", "users")),
            (3, ("fee", "item:a")),
        ],
        {"users": True, "peak": True, "fee": False},
    )
    assert bad == {1, 2, 3}
    assert [(p.line, p.field, p.message) for p in f.problems] == [
        (2, "scenarios.high.seats", "unknown assumption 'seats'"),
        (5, "correlations[1].between", "the pair peak, users is given twice"),
        (6, "correlations[2].between", "an input cannot be correlated with itself"),
        (7, "correlations[3].between", "assumption 'fee' has no uncertainty"),
    ]


def test_exchange_rates_name_assumptions() -> None:
    f = _file("exchange_rates:\n  USD: usd_jpy\n", "archplan.yaml")
    rules.check_exchange_rates(f, {"USD": "usd_jpy"}, {"users"})
    assert _texts(f.problems)[0].startswith(
        "archplan.yaml:2: exchange_rates.USD: unknown assumption 'usd_jpy'"
    )


def test_items_outside_the_plan_are_noted() -> None:
    f = _file(ITEMS.replace("start: 2026}", "start: 2031}", 1))
    its = [it for _, it in _items(f)]
    notes = rules.items_outside_plan("costs.yaml", its, SETTINGS)
    assert notes == [
        "costs.yaml: item 'a' (2031–2031) lies outside the plan's fiscal years 2026–2028"
    ]


def test_rules_still_run_on_the_valid_part_of_a_file_with_problems() -> None:
    from archplan.workspace.loader import read_assumptions, read_costs

    doc, _ = load_yaml(
        "assumptions:\n  users: {value: many}\n  fee: 10\nscenarios:\n  high: {seats: 2}\n",
        "assumptions.yaml",
    )
    assert doc is not None
    register, model, names, problems = read_assumptions(doc)
    assert model is None and list(register) == ["fee"] and names == {"users", "fee"}
    assert [(p.field, p.message) for p in problems] == [
        ("assumptions.users.value", "'many' is not a number")
    ]
    from archplan.workspace.loader import _assumption_extras

    scenarios, _ = _assumption_extras(doc, model, register, names, problems)
    assert scenarios == {"high": {"seats": Decimal(2)}}
    assert problems[-1].field == "scenarios.high.seats"
    # costs.yaml: the bad item is reported by the schema, the good one by the rules.
    doc, _ = load_yaml(ITEMS.replace("amount: 100", "amount: -100"), "costs.yaml")
    assert doc is not None
    items, _, _, problems = read_costs(doc, {"x"}, {"users"}, SETTINGS)
    assert [it.id for it in items] == []
    problems.sort(key=lambda p: p.line or 0)  # as check_workspace lists them
    assert [(p.field, p.message.split(" (")[0]) for p in problems] == [
        ("items[0].amount", "negative amount -100"),
        ("items[1].option", "unknown option 'y'"),
        ("items[1].amount", "unknown assumption 'fee'"),
        ("items[2].id", "duplicate cost item id 'a'"),
        ("items[2].currency", "no exchange rate for EUR"),
        ("items[2].contract", "unknown contract 'none'"),
        ("items[2].asset", "unknown asset class 'robot'"),
    ]
