"""The declared workspace schema: the exported JSON Schemas checked by an independent
validator (``jsonschema``) on every example and template, the generated docs tables,
``archplan schema``, the layering of the workspace package and the method vocabulary."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from archplan import load_workspace
from archplan.cli import main
from archplan.compare.methods import METHOD_ALIASES, METHODS, get_method
from archplan.errors import TargetExistsError
from archplan.registry import METHODS as METHOD_REGISTRY
from archplan.workspace._yaml import load_yaml
from archplan.workspace.scaffold import new_workspace
from archplan.workspace.schema.docs import render_table, update_page
from archplan.workspace.schema.export import (
    DRAFT,
    MODELS,
    json_schema,
    modeline,
    schema_name,
    write_schemas,
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p for p in (ROOT / "data" / "examples").iterdir() if p.is_dir())
WORKSPACE_DOC = ROOT / "docs" / "workspace.md"


def _data(path: Path) -> Any:
    """A YAML file as an editor's language server sees it (dates are strings in JSON)."""
    doc, problems = load_yaml(path.read_text(encoding="utf-8"), path.name)
    assert doc is not None and not problems
    return json.loads(json.dumps(doc.data, default=str))


def _validator(fname: str) -> jsonschema.protocols.Validator:
    schema = json_schema(fname)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_schemas_are_draft_2020_12_with_title_and_description() -> None:
    for fname in MODELS:
        schema = json_schema(fname)
        assert schema["$schema"] == DRAFT
        assert schema["title"] == fname and len(schema["description"]) > 10
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["additionalProperties"] is False  # a typo such as titel: is flagged


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_every_example_validates_against_the_exported_schemas(example: Path) -> None:
    checked = 0
    for fname in MODELS:
        path = example / fname
        if path.exists():
            errors = list(_validator(fname).iter_errors(_data(path)))
            assert errors == [], [e.message for e in errors]
            checked += 1
    optional = 0 if (example / "components.yaml").exists() else 1  # the one optional file
    assert checked == len(MODELS) - optional


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_new_workspace_templates_validate_and_point_at_their_schemas(
    lang: str, tmp_path: Path
) -> None:
    root = new_workspace(tmp_path / "case", lang)
    for fname in MODELS:
        text = (root / fname).read_text(encoding="utf-8")
        assert text.splitlines()[0] == modeline(fname)
        target = root / ".schema" / schema_name(fname)
        assert json.loads(target.read_text(encoding="utf-8")) == json_schema(fname, lang)
        assert list(_validator(fname).iter_errors(_data(root / fname))) == []
    load_workspace(root)  # and archplan itself accepts them


BAD = [
    ("archplan.yaml", "title:", "titel:"),
    ("archplan.yaml", "language: ja", "language: fr"),
    ("archplan.yaml", "start_month: 4", "start_month: 13"),
    ("options.yaml", "id: onprem", "id: on prem"),
    ("criteria.yaml", "scale: levels", "scale: stars"),
    ("costs.yaml", "nature: one-off\n    amount: saas_setup", "nature: sometimes\n    amount: x"),
    ("assumptions.yaml", "as_of: 2026-04-01", "as_of: [2026]"),
]


@pytest.mark.parametrize(("fname", "old", "new"), BAD)
def test_bad_inputs_are_rejected_by_the_independent_validator_too(
    fname: str, old: str, new: str, tmp_path: Path
) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(EXAMPLES[0], ws)
    path = ws / fname
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert list(_validator(fname).iter_errors(_data(path))), "jsonschema accepted it"
    problems = []
    try:
        load_workspace(ws)
    except Exception as exc:  # archplan rejects it as well, naming the file
        problems = [p for p in getattr(exc, "problems", ()) if p.file == fname]
    assert problems


def test_schema_command_writes_keeps_and_refuses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "schemas"
    assert main(["schema", "--out", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(schema_name(f) for f in MODELS)
    first = capsys.readouterr().out
    assert first.count("written") == len(MODELS)
    assert main(["schema", "--out", str(out)]) == 0
    assert capsys.readouterr().out.count("unchanged") == len(MODELS)
    # A file archplan did not write is never replaced without --force; nothing is written.
    foreign = out / "costs.schema.json"
    foreign.write_text('{"mine": true}\n', encoding="utf-8")
    (out / "options.schema.json").unlink()
    assert main(["schema", "--out", str(out)]) == 1
    assert foreign.read_text(encoding="utf-8") == '{"mine": true}\n'
    assert not (out / "options.schema.json").exists()
    with pytest.raises(TargetExistsError):
        write_schemas(out)
    assert main(["schema", "--out", str(out), "--force"]) == 0
    assert json.loads(foreign.read_text(encoding="utf-8")) == json_schema("costs.yaml")


def test_docs_tables_match_the_models() -> None:
    text = WORKSPACE_DOC.read_text(encoding="utf-8")
    for fname in MODELS:
        assert f"<!-- schema:{fname} -->" in text, f"no generated table for {fname}"
    assert update_page(text) == text, (
        "docs/workspace.md's field tables differ from the models: run "
        "'archplan schema --docs docs/workspace.md'"
    )


def test_docs_drift_is_detected(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    table = render_table("options.yaml")
    drifted = table.replace("| `options` | list of mappings | yes |", "| `options` | list | no |")
    page.write_text(f"intro\n<!-- schema:options.yaml -->\n{drifted}<!-- /schema -->\nend\n")
    assert update_page(page.read_text()) != page.read_text()
    assert main(["schema", "--docs", str(page)]) == 0
    assert (
        page.read_text() == f"intro\n<!-- schema:options.yaml -->\n{table}<!-- /schema -->\nend\n"
    )


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.append(node.module)
            out += [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module":
            out += [a.value for a in node.args if isinstance(a, ast.Constant)]
    return out


def test_the_workspace_layer_imports_nothing_from_compare_costs_or_decisions() -> None:
    banned = ("archplan.compare", "archplan.costs", "archplan.decisions")
    files = sorted((ROOT / "src" / "archplan" / "workspace").rglob("*.py"))
    assert len(files) >= 10
    offenders = {
        str(f.relative_to(ROOT)): name
        for f in files
        for name in _imports(f)
        if name.startswith(banned) or name in ("archplan.compare", "archplan.costs")
    }
    assert offenders == {}
    # The check itself finds such an import.
    assert any(n.startswith(banned) for n in _imports(ROOT / "src/archplan/costs/engine.py"))


@pytest.mark.parametrize(
    "word",
    sorted({*METHODS, *METHOD_ALIASES, *(w.upper() for w in (*METHODS, *METHOD_ALIASES))}),
)
def test_every_method_name_and_alias_is_accepted(word: str, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(EXAMPLES[0], ws)
    path = ws / "archplan.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + f"comparison:\n  method: {word}\n", encoding="utf-8"
    )
    key = load_workspace(ws).settings.comparison.method
    assert key in METHODS
    assert type(get_method(word)) is METHODS[key]  # the loader and get_method agree


def test_the_registry_is_the_compare_vocabulary() -> None:
    assert METHOD_REGISTRY.keys() == tuple(METHODS)
    assert METHOD_REGISTRY.aliases == METHOD_ALIASES


def test_import_archplan_does_not_load_pydantic() -> None:
    code = "import sys, archplan; print('pydantic' in sys.modules)"
    env_path = str(ROOT / "src")
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"},
    )
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("fname", "old", "new", "field"),
    [
        ("options.yaml", "go_live: 2027-04", "go_live: next spring", "options[0].go_live"),
        ("assumptions.yaml", "as_of: 2026-04-01", "as_of: someday", "assumptions.users.as_of"),
    ],
)
def test_one_mistake_one_message(
    fname: str, old: str, new: str, field: str, tmp_path: Path
) -> None:
    # An entry with one bad field is still known to the other files by its id or name:
    # no 'unknown option' in scores.csv, costs.yaml and components.yaml because of it.
    ws = tmp_path / "ws"
    shutil.copytree(EXAMPLES[0], ws)
    path = ws / fname
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(Exception) as info:
        load_workspace(ws)
    problems = info.value.problems  # type: ignore[attr-defined]
    assert [(p.file, p.field) for p in problems] == [(fname, field)], [str(p) for p in problems]


def test_lenient_numbers_are_read_and_allowed_by_the_schema(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(EXAMPLES[0], ws)
    path = ws / "assumptions.yaml"
    text = path.read_text(encoding="utf-8")
    assert "value: 45\n" in text
    path.write_text(text.replace("value: 45\n", "value: '１_２０'\n", 1), encoding="utf-8")
    assert load_workspace(ws).assumptions["users"].value == 120  # full-width, underscore
    assert list(_validator("assumptions.yaml").iter_errors(_data(path))) == []


def test_an_extension_drivers_key_is_in_the_exported_item_schema() -> None:
    from decimal import Decimal

    from archplan.costs.drivers import Driver, registered

    class Flat(Driver):
        name, key, expected = "flat fee", "flat_fee", "a number of yen"

        def exact(self, item: Any, fy: int, ctx: Any) -> Decimal:
            return Decimal(0)

        def vector(self, item: Any, ctx: Any) -> float:
            return 0.0

    before = json_schema("costs.yaml")["$defs"]["ItemModel"]["properties"]
    assert "flat_fee" not in before
    with registered(Flat()):
        props = json_schema("costs.yaml")["$defs"]["ItemModel"]["properties"]
        assert "flat fee" in props["flat_fee"]["description"]
        item = {
            "id": "x",
            "option": "a",
            "name": "X",
            "category": "other",
            "nature": "one-off",
            "start": 2026,
            "flat_fee": 5,
        }
        validator = jsonschema.Draft202012Validator(json_schema("costs.yaml"))
        assert list(validator.iter_errors({"items": [item]})) == []
    assert "flat_fee" not in json_schema("costs.yaml")["$defs"]["ItemModel"]["properties"]


def test_japanese_descriptions_for_japanese_workspaces() -> None:
    ja = json_schema("archplan.yaml", "ja")
    en = json_schema("archplan.yaml")
    assert ja["properties"]["title"]["description"] == "計画案件の名称（すべての文書に表示）"
    assert en["properties"]["title"]["description"].startswith("The planning case's title")
    fy = ja["$defs"]["FiscalYear"]["properties"]["horizon"]["description"]
    assert fy == "計画する年度数"
    # Same rules in both languages: only descriptions differ.
    assert list(jsonschema.Draft202012Validator(ja).iter_errors({"title": "x"})) != []
    assert len(json.dumps(ja)) > 0 and ja.keys() == en.keys()


# --- every error pydantic can give is mapped to a located problem ---------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from archplan.workspace.schema.base import validate  # noqa: E402

_leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["2026-13", "１２", "1_000", "x y", "saas", "-", "◎", "inf", "nan"]),
)
_value = st.recursive(
    _leaf,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(
            st.sampled_from(["id", "name", "value", "dist", "x", "from"]), inner, max_size=3
        ),
    ),
    max_leaves=6,
)


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*path, i))
    return out


def _replace(node: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(node, dict):
        return {k: (_replace(v, rest, value) if k == head else v) for k, v in node.items()}
    return [(_replace(v, rest, value) if i == head else v) for i, v in enumerate(node)]


_DOCS = {f: load_yaml((EXAMPLES[0] / f).read_text("utf-8"), f)[0] for f in MODELS}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fname=st.sampled_from(sorted(MODELS)), data=st.data())
def test_any_value_anywhere_gives_located_problems_or_a_model(fname: str, data: Any) -> None:
    doc = _DOCS[fname]
    assert doc is not None
    path = data.draw(st.sampled_from(_paths(doc.data)))
    mutated = _replace(doc.data, path, data.draw(_value))
    doc2 = type(doc)(mutated, doc.lines)
    model, problems = validate(MODELS[fname], doc2, fname)
    assert (model is None) == bool(problems)
    for p in problems:
        assert p.file == fname and p.message and p.expected
        assert "Value error," not in p.message and "Input should" not in p.message, str(p)
