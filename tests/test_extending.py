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


# --- Adding a report section ----------------------------------------------------------


def _section_block() -> str:
    text = DOC.read_text(encoding="utf-8")
    part = text.split("## Adding a report section", 1)[1]
    return part.split("```python\n", 1)[1].split("```", 1)[0]


def test_a_registered_section_is_in_the_built_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The walkthrough's module, as written, adds a section that the report's kernel
    shows after the cost summary and lists in the contents, with the budget's totals."""
    import importlib
    import os
    import sys

    from bs4 import BeautifulSoup

    from archplan.costs import budget_view
    from archplan.money import TOTAL
    from archplan.report import build_report
    from archplan.report.registry import SECTIONS, notebook_cells, unregister_section

    folder = tmp_path / "ext"
    folder.mkdir()
    (folder / "my_sections.py").write_text(_section_block(), encoding="utf-8")
    # Importable here and in the kernel, which runs in another process.
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.setenv(
        "PYTHONPATH", os.pathsep.join([str(folder), os.environ.get("PYTHONPATH", "")])
    )
    importlib.import_module("my_sections")
    try:
        assert "by_total" in SECTIONS
        cells = notebook_cells("report")
        assert "import my_sections" in cells[0]
        assert cells.index('show("by_total")') == cells.index('show("cost_summary")') + 1
        example = Path(__file__).resolve().parents[1] / "data" / "examples" / "food-lab"
        out = build_report(example, tmp_path / "report.html")
    finally:
        unregister_section("by_total")
        sys.modules.pop("my_sections", None)
    assert "by_total" not in SECTIONS
    doc = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
    nav = doc.select_one("nav.ap-toc")
    assert nav is not None
    links = [(a["href"], a.get_text(strip=True)) for a in nav.find_all("a")]
    assert ("#by-total", "総額の少ない順") in links
    # In the contents and in the body, right after the cost summary.
    hrefs = [h for h, _ in links]
    assert hrefs.index("#by-total") == hrefs.index("#costs") + 1
    heading = doc.find("h2", id="by-total")
    assert heading is not None and heading.get_text() == "総額の少ない順"
    assert heading.find_previous("h2").get("id") == "costs"
    rows = [
        [c.get_text(strip=True) for c in tr.find_all(["th", "td"])]
        for tr in heading.find_next("table").find_all("tr")[1:]
    ]
    ws = load_workspace(example)
    view = budget_view(ws)  # the budget table's totals, computed here on their own
    expected = sorted(
        ((ws.option(str(o)).name, int(v)) for o, v in view[TOTAL].items()), key=lambda r: r[1]
    )
    assert [(n, int(t.replace(",", ""))) for n, t in rows] == expected
    assert len(rows) == len(ws.options) >= 3


def test_a_section_defined_in_main_is_refused() -> None:
    from archplan.report.registry import Section, notebook_cells, registered
    from archplan.report.sections import Fragment

    def render(a: object) -> Fragment:
        return Fragment("")

    render.__module__ = "__main__"
    with (
        registered(Section("in_main", render, {"handover": 135})),
        pytest.raises(InputError, match="__main__"),
    ):
        notebook_cells("handover")
    assert "in_main" not in "".join(notebook_cells("handover"))
