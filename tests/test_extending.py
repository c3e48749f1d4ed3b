"""The documented extension point (docs/extending.md, "Adding a cost driver"): a toy
driver added through ``register_driver`` prices items in the engine and the simulation
alike, its inputs are validated with file, line and field, and it goes away cleanly."""

from __future__ import annotations

import re
from decimal import ROUND_CEILING, Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from archplan import WorkspaceError, load_workspace
from archplan.costs import describe_basis, item_schedule
from archplan.costs.drivers import (
    DRIVERS,
    Driver,
    ExactContext,
    VectorContext,
    register_driver,
    registered,
    unregister_driver,
)
from archplan.errors import InputError
from archplan.workspace.model import CostItem
from conftest import make_workspace
from test_costs_parity import check_parity

DOC = Path(__file__).resolve().parents[1] / "docs" / "extending.md"


class Packs(Driver):
    """The example of docs/extending.md: every started pack of ``size`` units costs
    ``price``."""

    name = "licence packs"
    key = "packs"
    needs_quantity = True
    expected = "{size: units per pack, price: price of a pack}"

    def read(self, raw: Any) -> tuple[Decimal, Decimal]:
        if not isinstance(raw, dict) or set(raw) != {"size", "price"}:
            raise ValueError(f"{raw!r} is not a mapping with size and price")
        size, price = Decimal(str(raw["size"])), Decimal(str(raw["price"]))
        if size <= 0 or price < 0:
            raise ValueError(f"a pack of {size} units at {price} is not a price")
        return size, price

    def exact(self, item: CostItem, fy: int, ctx: ExactContext) -> Decimal:
        size, price = dict(item.driver_args)[self.key]  # type: ignore[misc]
        packs = (ctx.quantity(item, fy) / size).to_integral_value(rounding=ROUND_CEILING)
        return packs * price * ctx.escalation(item, fy)  # type: ignore[no-any-return]

    def vector(self, item: CostItem, ctx: VectorContext) -> Any:
        size, price = dict(item.driver_args)[self.key]  # type: ignore[misc]
        packs = np.ceil(ctx.quantity(item) / float(size))
        return packs * float(price) * ctx.escalation(item)


ITEM = """
- id: office-licences
  option: saas
  name: Office licences
  category: licence
  nature: recurring
  quantity: 250
  growth: 0.2
  packs: {size: 100, price: 50000}
  start: 2026
  end: 2028
"""


def test_the_docs_example_is_this_driver() -> None:
    """The walkthrough shows the same class (its methods, line for line)."""
    text = DOC.read_text(encoding="utf-8")
    assert "## Adding a cost driver" in text
    for line in (
        "packs = (ctx.quantity(item, fy) / size).to_integral_value(rounding=ROUND_CEILING)",
        "packs = np.ceil(ctx.quantity(item) / float(size))",
        'raise ValueError(f"{raw!r} is not a mapping with size and price")',
        "packs: {size: 100, price: 50000}",
    ):
        assert line in text, line


def test_a_registered_driver_prices_items_in_engine_and_simulation(tmp_path: Path) -> None:
    with registered(Packs()):
        ws = load_workspace(make_workspace(tmp_path, ITEM))
        sched = item_schedule(ws, "exclusive")
        # 250, 300, 360 users → 3, 3, 4 packs of 50,000 yen.
        row = sched.loc[("saas", "office-licences")]
        assert [int(row[y]) for y in (2026, 2027, 2028, 2029)] == [150000, 150000, 200000, 0]
        incl = item_schedule(ws, "inclusive").loc[("saas", "office-licences")]
        assert int(incl[2028]) == 220000  # 10 % consumption tax (licences are taxable)
        assert check_parity(ws) == 2 * 5  # both bases × five plan years
        assert describe_basis(ws, "en").loc[("saas", "office-licences")] == "250 × licence packs"


@pytest.mark.parametrize(
    ("old", "new", "pattern"),
    [
        (
            "packs: {size: 100, price: 50000}",
            "packs: {size: 0, price: 50000}",
            r"costs\.yaml:9: items\[0\]\.packs: a pack of 0 units at 50000 is not a price "
            r"\(expected \{size: units per pack, price: price of a pack\}\)",
        ),
        (
            "  quantity: 250\n  growth: 0.2\n",
            "",
            r"costs\.yaml:2: items\[0\]: 'quantity' is missing",
        ),
        (
            "  packs: {size: 100, price: 50000}\n",
            "  packs: {size: 100, price: 50000}\n  amount: 10\n",
            r"more than one way to price the item: amount, packs",
        ),
    ],
)
def test_bad_driver_input_is_a_located_problem(
    tmp_path: Path, old: str, new: str, pattern: str
) -> None:
    assert old in ITEM
    with registered(Packs()):
        d = make_workspace(tmp_path, ITEM.replace(old, new))
        with pytest.raises(WorkspaceError) as info:
            load_workspace(d)
    messages = [str(p) for p in info.value.problems]
    assert any(re.search(pattern, m) for m in messages), messages


def test_unregistered_the_key_is_unknown_again(tmp_path: Path) -> None:
    n = len(DRIVERS)
    packs = register_driver(Packs())
    assert len(DRIVERS) == n + 1
    with pytest.raises(InputError, match="'packs' is taken"):
        register_driver(Packs())
    unregister_driver(packs)
    assert len(DRIVERS) == n
    with pytest.raises(InputError):
        unregister_driver(DRIVERS[0])  # built-in drivers stay
    with pytest.raises(WorkspaceError) as info:
        load_workspace(make_workspace(tmp_path, ITEM))
    assert any("unknown key 'packs'" in str(p) for p in info.value.problems)


def test_the_docs_code_runs_as_written(tmp_path: Path) -> None:
    """The walkthrough's code block, executed as it stands, registers a working driver."""
    text = DOC.read_text(encoding="utf-8")
    block = text.split("```python\n", 1)[1].split("```", 1)[0]
    namespace: dict[str, Any] = {}
    n = len(DRIVERS)
    exec(compile(block, str(DOC), "exec"), namespace)  # registers Packs()
    try:
        assert len(DRIVERS) == n + 1 and DRIVERS[-1].key == "packs"
        yaml_block = text.split("```yaml\n", 1)[1].split("```", 1)[0]
        ws = load_workspace(make_workspace(tmp_path, yaml_block))
        row = item_schedule(ws, "exclusive").loc[("saas", "office-licences")]
        assert [int(row[y]) for y in (2026, 2027, 2028)] == [150000, 150000, 200000]
    finally:
        unregister_driver(DRIVERS[-1])
    assert len(DRIVERS) == n


# --- docs/extending.md, "Adding a workspace field" ------------------------------------


def test_adding_a_workspace_field_as_documented(tmp_path: Path) -> None:
    """The walkthrough's steps on a toy field, then the real example (go_live)."""
    from archplan.workspace._yaml import load_yaml
    from archplan.workspace.model import Option
    from archplan.workspace.schema.base import Text, fail, field, model_validator, validate
    from archplan.workspace.schema.docs import field_rows
    from archplan.workspace.schema.options import OptionModel, OptionsFile

    # Step 1 and 2: declare the field, and a check inside the entry.
    class ContactOption(OptionModel):
        contact: Text = field(
            "",
            description="Who answers questions about the option.",
            expected="a name or a mail address",
        )

        @model_validator(mode="after")
        def _contact_is_not_a_number(self) -> ContactOption:
            if self.contact.isdigit():
                fail("a number is not a contact", "a name or a mail address", "contact")
            return self

    class ContactOptions(OptionsFile):
        options: list[ContactOption] = field(  # type: ignore[assignment]
            description="The options.", expected="a list of options", what="a list of options"
        )

    good = "options:\n  - id: saas\n    name: SaaS\n    contact: ito@example.jp\n"
    doc, _ = load_yaml(good, "options.yaml")
    assert doc is not None
    model, problems = validate(ContactOptions, doc, "options.yaml")
    assert problems == [] and model is not None
    assert model.options[0].contact == "ito@example.jp"
    # Step 3: the domain value (to_domain carries the declared fields).
    assert model.options[0].to_domain() == Option("saas", "SaaS")
    # A bad value: located, with the expectation declared on the field.
    doc, _ = load_yaml(good.replace("ito@example.jp", "[1, 2]"), "options.yaml")
    assert doc is not None
    _, problems = validate(ContactOptions, doc, "options.yaml")
    assert [str(p) for p in problems] == [
        "options.yaml:4: options[0].contact: a list where text belongs "
        "(expected a name or a mail address)"
    ]
    doc, _ = load_yaml(good.replace("ito@example.jp", "12345"), "options.yaml")
    assert doc is not None
    _, problems = validate(ContactOptions, doc, "options.yaml")
    assert [(p.line, p.field, p.message) for p in problems] == [
        (4, "options[0].contact", "a number is not a contact")
    ]
    # Step 5: the docs table and the JSON Schema come from the same declaration.
    rows = {r[0]: r for r in field_rows(ContactOptions)}
    assert rows["`options[].contact`"][1:4] == ("text", "no", "")
    schema = ContactOptions.model_json_schema(by_alias=True)
    assert "contact" in schema["$defs"]["ContactOption"]["properties"]

    # The real example, end to end through load_workspace.
    import shutil

    from conftest import EXAMPLE

    ws_dir = tmp_path / "ws"
    shutil.copytree(EXAMPLE, ws_dir)
    path = ws_dir / "options.yaml"
    text = path.read_text(encoding="utf-8")
    assert "go_live: 2027-04" in text
    assert load_workspace(ws_dir).options[0].go_live == "2027-04"
    path.write_text(text.replace("go_live: 2027-04", "go_live: next spring", 1), "utf-8")
    with pytest.raises(WorkspaceError) as info:
        load_workspace(ws_dir)
    (problem,) = info.value.problems
    assert (problem.file, problem.field) == ("options.yaml", "options[0].go_live")
    assert "'next spring' is neither a fiscal year nor a month" in problem.message
    assert problem.expected == "a fiscal year such as 2027, or a month such as 2027-04"
    from archplan.workspace.schema.export import json_schema

    props = json_schema("options.yaml")["$defs"]["OptionModel"]["properties"]
    assert "go_live" in props and "fiscal year" in props["go_live"]["description"]
    doc_text = DOC.read_text(encoding="utf-8")
    assert "## Adding a workspace field" in doc_text and "expected a fiscal year such as 2027" in (
        doc_text
    )
