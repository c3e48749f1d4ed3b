"""Create a new workspace from the commented templates shipped with archplan."""

from __future__ import annotations

from datetime import date
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from archplan.errors import InputError, TargetExistsError
from archplan.fiscal import fiscal_year
from archplan.messages import Localized

__all__ = ["new_workspace"]


def _walk(node: Traversable, rel: Path) -> list[tuple[Path, Traversable]]:
    out: list[tuple[Path, Traversable]] = []
    for child in node.iterdir():
        if child.is_dir():
            out.extend(_walk(child, rel / child.name))
        else:
            out.append((rel / child.name, child))
    return out


def new_workspace(target: str | Path, language: str = "ja", *, today: date | None = None) -> Path:
    """Scaffold a workspace folder with a commented template of every file.

    The templates form a valid (if tiny) workspace, so ``archplan check`` and
    ``archplan report`` work on it straight away. The plan starts with the fiscal year
    after the current one. The JSON Schemas of its files go into ``.schema/``, and each
    YAML template's first line points an editor at its schema.

    Parameters
    ----------
    target : str or Path
        Folder to create. It must not exist: archplan never writes into an existing
        folder here, so nothing a user wrote can be overwritten.
    language : {"ja", "en"}

    Raises
    ------
    TargetExistsError
        If ``target`` exists (even empty).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()) / "case"
    >>> sorted(p.name for p in new_workspace(d, "en").iterdir())  # doctest: +NORMALIZE_WHITESPACE
    ['.schema', 'archplan.yaml', 'assumptions.yaml', 'components.yaml', 'costs.yaml',
     'criteria.yaml', 'decisions', 'options.yaml', 'scores.csv']
    """
    if language not in ("ja", "en"):
        raise InputError(f"language must be 'ja' or 'en', not {language!r}")
    root = Path(target)
    if root.exists() or root.is_symlink():
        raise TargetExistsError(Localized("jt_err_new_exists", path=root))
    today = today or date.today()
    first = fiscal_year(today) + 1
    subst = {
        "__FIRST_FY__": str(first),
        "__LAST_FY__": str(first + 4),
        "__TODAY__": today.isoformat(),
    }
    template = files("archplan.workspace") / "templates" / language
    # mkdir(exist_ok=False) closes the race between the check above and the write.
    root.mkdir(parents=True, exist_ok=False)
    for rel, node in _walk(template, Path()):
        text = node.read_text(encoding="utf-8")
        for key, value in subst.items():
            text = text.replace(key, value)
        dest = root / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        with dest.open("x", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    # The JSON Schemas the templates' first lines point at (editor completion, offline).
    from archplan.workspace.schema.export import SCHEMA_DIR, write_schemas

    write_schemas(root / SCHEMA_DIR, language=language)
    return root
