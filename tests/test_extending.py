"""The documented extension point (docs/extending.md, "Adding a cost driver"): a toy
driver added through ``register_driver`` prices items in the engine and the simulation
alike, its inputs are validated with file, line and field, and it goes away cleanly."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import pytest

from archplan import WorkspaceError, load_workspace
from archplan.compare.methods import (
    METHOD_ALIASES,
    METHODS,
    FloatArray,
    Method,
    get_method,
    register_method,
    registered_method,
    unregister_method,
)
from archplan.compare.normalize import normalize_array
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
from archplan.messages import MESSAGES
from archplan.workspace.model import CostItem
from conftest import make_workspace
from test_costs_parity import check_parity

DOC = Path(__file__).resolve().parents[1] / "docs" / "extending.md"
EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "food-lab"


def _example_copy(tmp_path: Path) -> Path:
    dest = tmp_path / "ws"
    shutil.copytree(EXAMPLE, dest)
    return dest


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


# --- Adding a ranking method ------------------------------------------------------------

METHOD_SECTION = "## Adding a ranking method"


def _method_section() -> str:
    text = DOC.read_text(encoding="utf-8")
    assert METHOD_SECTION in text
    section = text.split(METHOD_SECTION, 1)[1]
    return section.split("\n## ", 1)[0]


def _python_blocks(section: str) -> list[str]:
    return [b.split("```", 1)[0] for b in section.split("```python\n")[1:]]


@dataclass(frozen=True)
class Minimax(Method):
    """The example of docs/extending.md: the worst weighted shortfall, smallest wins."""

    normalization: str = "minmax"
    key: ClassVar[str] = "minimax"
    label: ClassVar[str] = "Minimax shortfall"
    higher_is_better: ClassVar[bool] = False

    def shortfalls(self, x: FloatArray, cost: Any) -> FloatArray:
        return 1.0 - normalize_array(x, cost, self.normalization)

    def evaluate(self, x: FloatArray, w: FloatArray, cost: Any) -> tuple[FloatArray, FloatArray]:
        contributions = self.shortfalls(x, cost) * w
        return contributions.max(axis=1), contributions

    def _batch(self, x: FloatArray, weights: FloatArray, cost: Any) -> FloatArray:
        out: FloatArray = (weights[:, None, :] * self.shortfalls(x, cost)[None, :, :]).max(axis=2)
        return out

    def conventions(self) -> dict[str, str]:
        return {
            "method": self.label,
            "normalization": self.normalization,
            "order": "ascending: the smallest worst shortfall wins",
            "contributions": "w_j × (1 − n_ij), the shortfall on criterion j; "
            "the score is the largest",
        }


MINIMAX_MESSAGES = {
    "method_minimax": {"en": "Minimax shortfall", "ja": "ミニマックス法"},
    "convv_minimax_order": {
        "en": "ascending: the smallest worst shortfall wins",
        "ja": "昇順（最大の不足が最も小さい案が最良）",
    },
    "convv_minimax_contributions": {
        "en": "w_j × (1 − n_ij), the shortfall on criterion j; the score is the largest",
        "ja": "w_j ×（1 − n_ij）：評価項目jでの不足。得点はその最大値",
    },
}


def _registry_state() -> tuple[dict[str, Any], dict[str, str], dict[str, dict[str, str]]]:
    return dict(METHODS), dict(METHOD_ALIASES), {k: dict(v) for k, v in MESSAGES.items()}


def test_the_docs_method_is_this_method() -> None:
    """The walkthrough shows the same class (its formula and texts, line for line)."""
    section = _method_section()
    for line in (
        "return 1.0 - normalize_array(x, cost, self.normalization)",
        "contributions = self.shortfalls(x, cost) * w",
        "return contributions.max(axis=1), contributions",
        "return (weights[:, None, :] * self.shortfalls(x, cost)[None, :, :]).max(axis=2)",
        "higher_is_better: ClassVar[bool] = False",
        '"method_minimax": {"en": "Minimax shortfall", "ja": "ミニマックス法"},',
        '"ja": "昇順（最大の不足が最も小さい案が最良）",',
        '"ja": "w_j ×（1 − n_ij）：評価項目jでの不足。得点はその最大値",',
    ):
        assert line in section, line


def test_minimax_against_the_hand_calculation() -> None:
    """The section's table: min–max normalised quality (70, 90, 50 → 0.5, 1, 0) and
    price as a cost (300, 500, 200 → 2/3, 0, 1); shortfalls 0.6·(1 − n) and 0.4·(1 − n)."""
    x = np.array([[70, 300], [90, 500], [50, 200]], dtype=float)
    w = np.array([0.6, 0.4])
    cost = np.array([False, True])
    scores, contrib = Minimax().evaluate(x, w, cost)
    assert scores == pytest.approx([0.3, 0.4, 0.6])
    assert contrib.ravel().tolist() == pytest.approx([0.3, 0.4 / 3, 0.0, 0.4, 0.6, 0.0])
    # The weighted sum, by hand 0.3 + 0.4·2/3, 0.6, 0.4, puts B first instead.
    wsm = get_method("wsm").evaluate(x, w, cost)[0]
    assert wsm == pytest.approx([0.3 + 0.4 * 2 / 3, 0.6, 0.4])
    assert int(np.argmin(scores)) == 0 and int(np.argmax(wsm)) == 1
    # The vectorised form gives the same scores for many weight vectors at once.
    rng = np.random.default_rng(7)
    weights = rng.dirichlet([1.0, 1.0], size=50)
    batch = Minimax().batch(x, weights, cost)
    looped = np.stack([Minimax().evaluate(x, v, cost)[0] for v in weights])
    assert np.allclose(batch, looped, rtol=0, atol=1e-15)


@pytest.mark.parametrize("seed", range(5))
def test_minimax_ranks_as_vikor_at_v_0_on_random_matrices(seed: int) -> None:
    """Independent reference: VIKOR's own regret code with v = 0 (Q is R rescaled)."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(1, 100, size=(6, 4))
    w = rng.dirichlet(np.ones(4))
    cost = rng.random(4) < 0.5
    mine = Minimax().evaluate(x, w, cost)[0]
    vikor = get_method("vikor", v=0.0).evaluate(x, w, cost)[0]
    assert np.argsort(mine, kind="stable").tolist() == np.argsort(vikor, kind="stable").tolist()


def test_a_registered_method_appears_everywhere(tmp_path: Path) -> None:
    """Each row of the section's "Where it then appears" table."""
    from archplan import build_problem, compare_methods, rank, rank_acceptability
    from archplan.compare import stability_intervals
    from archplan.compare.methods import uses_normalization
    from archplan.compare.problem import workspace_method
    from archplan.report.comparison import sensitivity_section
    from archplan.widgets import WeightExplorer
    from test_i18n import CODE, english_words

    ws = load_workspace(EXAMPLE)
    problem = build_problem(ws)
    with registered_method(Minimax, aliases=["minimax-shortfall"], messages=MINIMAX_MESSAGES):
        # get_method and rank, by key, alias or object
        assert get_method("minimax-shortfall") == Minimax()
        assert get_method("minimax", normalization="vector") == Minimax(normalization="vector")
        ranking = rank(problem, method="minimax")
        vikor0 = rank(problem, "vikor", v=0.0)
        assert ranking.table.index.tolist() == vikor0.table.index.tolist()
        assert ranking.table.index.tolist() == ["saas", "onprem", "gov-cloud"]
        assert ranking.explain().startswith("ミニマックス法で")
        ja = ranking.conventions_for("ja")
        assert ja["手法"] == "ミニマックス法" and ja["寄与の意味"].startswith("w_j ×（1 − n_ij）")
        assert english_words(CODE.sub(" ", " ".join(ja.values()))) == []
        assert "ミニマックス法" in repr(ranking)
        # compare_methods and the report's table of methods, in the document's language
        table = compare_methods(problem)
        assert table["Minimax shortfall"].tolist() == [1, 3, 2]  # saas, gov-cloud, onprem
        html = sensitivity_section(ws)
        assert '<th scope="col" class="num">ミニマックス法</th>' in html
        # the explorer's menu
        explorer = WeightExplorer(ws)
        assert ("ミニマックス法", "minimax") in explorer.method.options
        explorer.method.value = "minimax"
        assert explorer.result is not None and explorer.result.method == Minimax()
        # robustness: root finding and the batch form
        intervals = stability_intervals(problem, "minimax")
        assert not intervals["exact"].any()
        assert (
            (intervals["lower"] <= intervals["weight"])
            & (intervals["weight"] <= intervals["upper"])
        ).all()
        acc = rank_acceptability(problem, "minimax", samples=2000, seed=1)
        assert acc.sum(axis=1).to_numpy() == pytest.approx(1.0)
        # archplan.yaml: comparison.method and normalization
        assert uses_normalization("minimax") and uses_normalization("minimax-shortfall")
        cfg = _example_copy(tmp_path) / "archplan.yaml"
        cfg.write_text(
            cfg.read_text(encoding="utf-8")
            + "comparison:\n  method: minimax-shortfall\n  normalization: vector\n",
            encoding="utf-8",
        )
        chosen = load_workspace(cfg.parent)
        assert chosen.settings.comparison.method == "minimax"
        assert workspace_method(chosen) == Minimax(normalization="vector")
    # Unregistered, the same workspace names an unknown method.
    with pytest.raises(WorkspaceError) as info:
        load_workspace(cfg.parent)
    assert any("minimax-shortfall" in str(p) for p in info.value.problems)


def test_unregister_leaves_no_trace() -> None:
    before = _registry_state()
    register_method(Minimax, aliases=["minimax-shortfall"], messages=MINIMAX_MESSAGES)
    assert _registry_state() != before
    with pytest.raises(InputError, match="'minimax' is taken"):
        register_method(Minimax, messages={})
    unregister_method("minimax")
    assert _registry_state() == before
    with pytest.raises(InputError, match="unknown method 'minimax'"):
        get_method("minimax")
    with pytest.raises(InputError):
        unregister_method("wsm")  # built-in methods stay
    with pytest.raises(InputError):
        unregister_method("minimax")  # not registered any more
    assert _registry_state() == before


@pytest.mark.parametrize(
    ("kwargs", "pattern"),
    [
        ({"messages": {}}, "no name in the catalogue"),
        ({"aliases": ["saw"], "messages": MINIMAX_MESSAGES}, "'saw' is taken"),
        ({"aliases": ["Mini Max"], "messages": MINIMAX_MESSAGES}, "lower-case"),
        (
            {"messages": {"method_minimax": {"en": "Minimax {n}", "ja": "ミニマックス法"}}},
            "same {placeholders}",
        ),
        (
            {"messages": {**MINIMAX_MESSAGES, "method_wsm": {"en": "x", "ja": "x"}}},
            "already in the catalogue",
        ),
    ],
)
def test_a_bad_registration_changes_nothing(kwargs: dict[str, Any], pattern: str) -> None:
    before = _registry_state()
    with pytest.raises(InputError, match=pattern):
        register_method(Minimax, **kwargs)
    assert _registry_state() == before


def test_the_docs_method_code_runs_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    """The section's code blocks, executed in order as they stand: they register the
    method, check the hand calculation, rank the example and unregister it again."""
    monkeypatch.chdir(Path(__file__).resolve().parents[1])  # "data/examples/food-lab"
    blocks = _python_blocks(_method_section())
    assert len(blocks) == 3
    before = _registry_state()
    namespace: dict[str, Any] = {}
    printed: list[str] = []
    namespace["print"] = lambda *a: printed.append(" ".join(map(str, a)))
    try:
        exec(
            compile(blocks[0], str(DOC), "exec", dont_inherit=True), namespace
        )  # defines and registers
        assert "minimax" in METHODS and MESSAGES["method_minimax"]["ja"] == "ミニマックス法"
        exec(
            compile(blocks[1], str(DOC), "exec", dont_inherit=True), namespace
        )  # the hand calculation
        exec(
            compile(blocks[2], str(DOC), "exec", dont_inherit=True), namespace
        )  # where it appears; unregisters
    finally:
        if "minimax" in METHODS:
            unregister_method("minimax")
    assert printed[0] == "['saas', 'onprem', 'gov-cloud']"
    assert printed[1].startswith("ミニマックス法で検査情報管理SaaSの利用（0.075）が")
    assert printed[2] == "[1, 3, 2]"
    assert printed[3] == "Minimax(normalization='vector')"
    # Each commented result in the docs is the printed one.
    for shown in printed[:1] + printed[2:]:
        assert f"# {shown}" in _method_section()
    assert _registry_state() == before


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
