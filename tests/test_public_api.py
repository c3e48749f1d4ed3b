"""The public API keeps its promises: every ``__all__`` entry exists and is documented,
public lookups raise archplan errors, and every list of method names comes from the one
registry in ``archplan.compare.methods``."""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import pkgutil
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import archplan
from archplan import ArchplanError, InputError, build_problem, compare_methods, load_workspace
from archplan.compare.methods import METHOD_ALIASES, METHODS, get_method, uses_normalization

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "data" / "examples"
SUBMODULES = sorted(m.name for m in pkgutil.walk_packages(archplan.__path__, "archplan."))
MODULES = ["archplan", *SUBMODULES]


def test_star_import_gives_exactly_all() -> None:
    # In a fresh interpreter, so that nothing imported by other tests hides a gap.
    code = "from archplan import *; import archplan; print(sorted(archplan.__all__))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    namespace: dict[str, object] = {}
    exec("from archplan import *", namespace)
    assert sorted(k for k in namespace if k != "__builtins__") == sorted(archplan.__all__)


@pytest.mark.parametrize("module", MODULES)
def test_every_all_entry_exists_and_has_a_docstring(module: str) -> None:
    mod = importlib.import_module(module)
    names = getattr(mod, "__all__", [])
    assert len(names) == len(set(names)), "duplicates in __all__"
    for name in names:
        assert hasattr(mod, name), f"{module}.__all__ names {name!r}, which does not exist"
        obj = getattr(mod, name)
        if inspect.isfunction(obj) or inspect.isclass(obj):
            assert (obj.__doc__ or "").strip(), f"{module}.{name} has no docstring"


def test_the_api_page_lists_exactly_the_top_level_names() -> None:
    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| `([\w]+)` \|", page, re.M)
    assert sorted(listed) == sorted(archplan.__all__)


def test_unknown_option_or_criterion_is_an_archplan_error() -> None:
    ws = load_workspace(EXAMPLES / "food-lab")
    with pytest.raises(InputError) as err:
        ws.option("nope")
    assert isinstance(err.value, ArchplanError)
    # In the workspace's language, naming what exists.
    assert str(err.value) == (
        "選択肢 'nope' はない（次のいずれか：saas, gov-cloud, onprem, overseas-saas）"
    )
    with pytest.raises(InputError, match="評価項目 'nope'"):
        ws.criterion("nope")
    en = load_workspace(EXAMPLES / "shared-platform")
    with pytest.raises(InputError, match=r"^unknown option 'x' \(expected one of joint-saas, "):
        en.option("x")


@pytest.mark.parametrize("alias", sorted(METHOD_ALIASES))
def test_every_alias_get_method_accepts_loads_from_a_workspace(alias: str, tmp_path: Path) -> None:
    ws_dir = tmp_path / "ws"
    shutil.copytree(EXAMPLES / "food-lab", ws_dir)
    cfg = ws_dir / "archplan.yaml"
    cfg.write_text(
        cfg.read_text(encoding="utf-8") + f"comparison:\n  method: {alias}\n", encoding="utf-8"
    )
    ws = load_workspace(ws_dir)
    assert ws.settings.comparison.method == get_method(alias).key == METHOD_ALIASES[alias]


def test_saw_was_refused_before_and_is_accepted_now(tmp_path: Path) -> None:
    # The case: get_method("saw") worked while `comparison: {method: saw}` failed.
    ws_dir = tmp_path / "ws"
    shutil.copytree(EXAMPLES / "food-lab", ws_dir)
    cfg = ws_dir / "archplan.yaml"
    cfg.write_text(
        cfg.read_text(encoding="utf-8") + "comparison: {method: saw}\n", encoding="utf-8"
    )
    assert load_workspace(ws_dir).settings.comparison.method == "wsm"


def test_method_lists_come_from_the_registry() -> None:
    problem = build_problem(load_workspace(EXAMPLES / "food-lab"))
    table = compare_methods(problem)
    labels = [get_method(k).label for k in METHODS]
    assert [c for c in table.columns if c != "agree"] == labels
    # Normalisation is an option exactly of the methods whose class has the field.
    assert [k for k in METHODS if uses_normalization(k)] == ["wsm", "wpm", "topsis"]
    assert uses_normalization("saw") and not uses_normalization("promethee-ii")
    # The workspace format page names every method and every alias.
    page = (ROOT / "docs" / "workspace.md").read_text(encoding="utf-8")
    row = next(line for line in page.splitlines() if line.startswith("| `comparison.method`"))
    for name in [*METHODS, *METHOD_ALIASES]:
        assert f"`{name}`" in row, name


def test_import_leaves_heavy_dependencies_until_they_are_used() -> None:
    # Import time (issue #12; measured by benchmarks/bench_import.py): `import archplan`
    # must not pull in scipy, matplotlib, nbconvert or importlib.metadata, nor the
    # uncertainty and report packages; they load when a function needs them.
    code = (
        "import sys, archplan; heavy = ('scipy', 'matplotlib', 'nbconvert', 'nbclient', "
        "'ipywidgets', 'openpyxl', 'importlib.metadata', 'archplan.uncertainty', "
        "'archplan.report'); print([m for m in heavy if m in sys.modules]); "
        "print(archplan.__version__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded, version = out.stdout.splitlines()
    assert loaded == "[]"
    assert version == archplan.__version__ and version
    # And a workspace that declares uncertainty still loads its distributions.
    ws = load_workspace(EXAMPLES / "vaccine-booking")
    assert ws.assumptions["monthly_bookings"].uncertainty is not None


# Modules whose public functions still raise bare built-in errors on this branch, each
# fixed elsewhere (costs/money on the costs branch, records on the decisions branch):
# remove an entry once merged, and the test holds the whole package to the rule.
PENDING: set[str] = set()

BARE = {"ValueError", "KeyError", "TypeError", "IndexError", "RuntimeError"}


def _public_raises(tree: object) -> list[tuple[str, int, str]]:
    import ast

    assert isinstance(tree, ast.Module)
    found: list[tuple[str, int, str]] = []

    def visit(fn: ast.FunctionDef | ast.AsyncFunctionDef, where: str) -> None:
        stack: list[ast.AST] = list(fn.body)
        while stack:
            node = stack.pop()
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                continue  # nested definitions are not the public function itself
            if isinstance(node, ast.Raise) and node.exc is not None:
                exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
                if isinstance(exc, ast.Name) and exc.id in BARE:
                    found.append((where, node.lineno, exc.id))
            stack.extend(ast.iter_child_nodes(node))

    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
            visit(node, node.name)
        if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and not item.name.startswith("_"):
                    visit(item, f"{node.name}.{item.name}")
    return found


@pytest.mark.parametrize("module", MODULES)
def test_public_functions_raise_archplan_errors(module: str) -> None:
    import ast

    if module in PENDING:
        pytest.skip("fixed on another branch; see PENDING")
    spec = importlib.util.find_spec(module)
    assert spec is not None and spec.origin is not None
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    assert _public_raises(tree) == []


def test_the_bare_raise_scan_finds_what_it_should() -> None:
    import ast

    tree = ast.parse(
        "def f(x):\n    if x:\n        raise KeyError(x)\n"
        "def _g():\n    raise ValueError('private')\n"
        "class C:\n    def m(self):\n        raise TypeError\n"
    )
    assert _public_raises(tree) == [("f", 3, "KeyError"), ("C.m", 8, "TypeError")]
