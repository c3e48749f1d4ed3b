"""JSON Schemas of the workspace files, for editors (completion, inline errors).

One schema per YAML file (``archplan.schema.json`` for ``archplan.yaml``, …), Draft
2020-12, generated from the same models that validate the files. ``archplan schema --out
DIR`` writes them; ``archplan new`` puts them in the new workspace's ``.schema/`` folder,
and each template's first line points at its schema by a relative path (no network):

    # yaml-language-server: $schema=./.schema/costs.schema.json
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from archplan.fileio import check_target, write_atomic
from archplan.workspace.schema.assumptions import AssumptionsFile
from archplan.workspace.schema.base import WorkspaceModel
from archplan.workspace.schema.components import ComponentsFile
from archplan.workspace.schema.costs import CostsFile
from archplan.workspace.schema.criteria import CriteriaFile
from archplan.workspace.schema.options import OptionsFile
from archplan.workspace.schema.settings import SettingsFile

__all__ = [
    "DRAFT",
    "MODELS",
    "SCHEMA_DIR",
    "json_schema",
    "modeline",
    "schema_name",
    "schema_text",
    "write_schemas",
]

DRAFT = "https://json-schema.org/draft/2020-12/schema"
#: Where ``archplan new`` puts the schemas, relative to the workspace.
SCHEMA_DIR = ".schema"
#: The model of each workspace file that has one.
MODELS: dict[str, type[WorkspaceModel]] = {
    "archplan.yaml": SettingsFile,
    "options.yaml": OptionsFile,
    "criteria.yaml": CriteriaFile,
    "assumptions.yaml": AssumptionsFile,
    "costs.yaml": CostsFile,
    "components.yaml": ComponentsFile,
}
_MARK = "written by archplan schema"


def schema_name(fname: str) -> str:
    """``costs.yaml`` → ``costs.schema.json``.

    Examples
    --------
    >>> schema_name("archplan.yaml")
    'archplan.schema.json'
    """
    return fname.rsplit(".", 1)[0] + ".schema.json"


def modeline(fname: str) -> str:
    """The first line that points an editor at a file's schema in ``.schema/``.

    Examples
    --------
    >>> modeline("costs.yaml")
    '# yaml-language-server: $schema=./.schema/costs.schema.json'
    """
    return f"# yaml-language-server: $schema=./{SCHEMA_DIR}/{schema_name(fname)}"


def _localise(node: Any, language: str) -> Any:
    """Descriptions in ``language``: Japanese where a field declares it (``ja=``)."""
    if isinstance(node, dict):
        out = {k: _localise(v, language) for k, v in node.items()}
        if language == "ja" and isinstance(out.get("description_ja"), str):
            out["description"] = out.pop("description_ja")
        return out
    if isinstance(node, list):
        return [_localise(v, language) for v in node]
    return node


def json_schema(fname: str, language: str = "en") -> dict[str, Any]:
    """The JSON Schema (Draft 2020-12) of one workspace file; with ``language="ja"`` the
    field descriptions are Japanese where the model gives them.

    Examples
    --------
    >>> s = json_schema("options.yaml")
    >>> s["$schema"], s["title"], s["required"]
    ('https://json-schema.org/draft/2020-12/schema', 'options.yaml', ['options'])
    """
    model = MODELS[fname]
    body = model.model_json_schema(by_alias=True)
    head: dict[str, Any] = {
        "$schema": DRAFT,
        "$comment": f"{_MARK} from the archplan models; regenerate, do not edit",
        "title": fname,
        "description": " ".join((model.__doc__ or fname).split()),
    }
    body.pop("title", None)
    body.pop("description", None)
    return {**head, **_localise(body, language)}


def schema_text(fname: str, language: str = "en") -> str:
    """The schema as the file archplan writes (UTF-8 JSON, two-space indent)."""
    return json.dumps(json_schema(fname, language), ensure_ascii=False, indent=2) + "\n"


def write_schemas(
    folder: str | Path, *, force: bool = False, language: str = "en"
) -> list[tuple[Path, bool]]:
    """Write every file's schema into ``folder``: ``(path, written)`` per file, with
    descriptions in ``language`` (``ja``: Japanese where the model gives it).

    A file that already says what would be written is left alone (``written`` False);
    one that archplan did not write is never replaced unless ``force``.

    Raises
    ------
    TargetExistsError
        If a schema file exists that archplan did not write (nothing is written then).

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> [(p.name, w) for p, w in write_schemas(d)][:2]
    [('archplan.schema.json', True), ('options.schema.json', True)]
    >>> any(w for _, w in write_schemas(d))
    False
    """
    root = Path(folder)
    texts = {root / schema_name(f): schema_text(f, language) for f in MODELS}
    for path in texts:  # refuse before writing anything
        check_target(path, force, lambda head: _MARK.encode() in head, "JSON Schema")
    out = []
    for path, text in texts.items():
        same = path.is_file() and path.read_bytes() == text.encode("utf-8")
        if not same:
            write_atomic(path, text)
        out.append((path, not same))
    return out
