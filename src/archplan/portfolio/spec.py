"""What a portfolio is: a folder of workspaces, or a ``portfolio.yaml`` listing them.

A ``portfolio.yaml`` names each case's workspace folder (relative to the file) with tags
(bureau, department, municipality, system, lifecycle phase, TIME class, or any other
key) and the portfolio's own settings (title, language, currency, fiscal calendar and
the horizons of "what needs attention"). A folder without that file is searched for
workspaces (folders holding ``archplan.yaml``), the relative folder of each becoming
its ``folder`` tag.

Reading a portfolio never drops a case: a path that does not exist, a case listed twice
or a tag with an unknown value is kept as a :class:`Case` carrying its problems, so the
document lists it with what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archplan.errors import Problem, WorkspaceError
from archplan.workspace._yaml import load_yaml
from archplan.workspace.loader import SETTINGS_FILE

__all__ = [
    "PHASES",
    "PORTFOLIO_FILE",
    "TAG_KEYS",
    "TIME_CLASSES",
    "Case",
    "Portfolio",
    "load_portfolio",
]

PORTFOLIO_FILE = "portfolio.yaml"
#: Lifecycle phases a case may be tagged with.
PHASES = ("plan", "build", "run", "retire")
#: Gartner's TIME classes (business fit × technical fit).
TIME_CLASSES = ("tolerate", "invest", "migrate", "eliminate")
#: The tags the document rolls the budget up by, in this order (others are kept too).
TAG_KEYS = ("bureau", "department", "municipality", "system", "phase", "time")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_SETTINGS = (
    "title",
    "language",
    "currency",
    "fy_start_month",
    "stale_days",
    "review_within_days",
    "support_within_months",
    "contracts_within_months",
    "reports",
    "cases",
)
_CASE_KEYS = ("path", "id", "tags")
_SKIP_DIRS = {"reports", "out", "node_modules", "__pycache__"}


@dataclass(frozen=True)
class Case:
    """One case of the portfolio: an id, its workspace folder, its tags.

    ``problems`` are what is wrong with the case's entry itself (a missing folder, a
    duplicate); the workspace's own problems are found when it is rolled up.
    """

    id: str
    path: Path
    tags: dict[str, str] = field(default_factory=dict)
    line: int | None = None
    problems: tuple[Problem, ...] = ()
    duplicate_of: str | None = None


@dataclass(frozen=True)
class Portfolio:
    """A portfolio of cases and its settings.

    ``language``, ``currency`` and ``fy_start_month`` left as None follow the majority
    of the cases (Japanese, yen and April on a tie).
    """

    root: Path
    cases: tuple[Case, ...]
    source: Path | None = None
    title: str = ""
    language: str | None = None
    currency: str | None = None
    fy_start_month: int | None = None
    stale_days: int = 365
    review_within_days: int = 90
    support_within_months: int = 18
    contracts_within_months: int = 18
    reports: Path | None = None
    problems: tuple[Problem, ...] = ()

    @property
    def reports_dir(self) -> Path:
        """Where ``archplan report --all`` writes each case's documents."""
        return self.reports if self.reports is not None else self.root / "reports"


def _is_workspace(p: Path) -> bool:
    return (p / SETTINGS_FILE).is_file()


def _find_workspaces(root: Path) -> list[Path]:
    found: list[Path] = []

    def walk(folder: Path, depth: int) -> None:
        try:
            children = sorted(p for p in folder.iterdir() if p.is_dir())
        except OSError:
            return
        for child in children:
            if child.name.startswith(".") or child.name in _SKIP_DIRS:
                continue
            if _is_workspace(child):
                found.append(child)
            elif depth < 4:
                walk(child, depth + 1)

    walk(root, 0)
    return found


def _slug(text: str) -> str:
    s = re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-.")
    return s or "case"


def load_portfolio(path: str | Path) -> Portfolio:
    """Read a portfolio: a ``portfolio.yaml`` file, a folder holding one, or a folder of
    workspaces.

    Entries that cannot be used are kept, with their problems (see :class:`Case`).

    Raises
    ------
    WorkspaceError
        Only when there is no portfolio at all: the path does not exist, the YAML cannot
        be parsed, or it lists no case.

    Examples
    --------
    >>> pf = load_portfolio("data/portfolio.yaml")
    >>> [c.id for c in pf.cases][:2], pf.cases[0].tags["phase"]
    (['food-lab', 'network-refresh'], 'build')
    """
    p = Path(path)
    if p.is_dir() and (p / PORTFOLIO_FILE).is_file():
        p = p / PORTFOLIO_FILE
    if p.is_dir():
        return _from_folder(p)
    if not p.is_file():
        raise WorkspaceError(
            [
                Problem(
                    str(p),
                    None,
                    None,
                    "no such portfolio file or folder",
                    f"a {PORTFOLIO_FILE} or a folder of workspaces",
                )
            ]
        )
    return _from_file(p)


def _from_folder(root: Path) -> Portfolio:
    root = root.resolve()
    cases: list[Case] = []
    seen: dict[str, str] = {}
    for ws in _find_workspaces(root):
        rel = ws.relative_to(root)
        base = _slug(ws.name)
        cid, k = base, 2
        while cid in seen:
            cid = f"{base}-{k}"
            k += 1
        seen[cid] = str(rel)
        tags = {"folder": str(rel.parent)} if str(rel.parent) != "." else {}
        cases.append(Case(cid, ws, tags))
    problems: tuple[Problem, ...] = ()
    if not cases:
        raise WorkspaceError(
            [
                Problem(
                    str(root),
                    None,
                    None,
                    "no workspace found in this folder",
                    f"folders holding {SETTINGS_FILE}, or a {PORTFOLIO_FILE}",
                )
            ]
        )
    return Portfolio(root=root, cases=tuple(cases), title=root.name, problems=problems)


def _from_file(file: Path) -> Portfolio:
    fname = file.name
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise WorkspaceError(
            [Problem(fname, None, None, f"cannot be read: {exc}", "a UTF-8 YAML file")]
        ) from None
    doc, problems = load_yaml(text, fname)
    if doc is None or problems:
        raise WorkspaceError(problems or [Problem(fname, None, None, "not YAML", "YAML")])
    data = doc.data
    root = file.resolve().parent
    out: list[Problem] = []

    def problem(path: tuple[Any, ...], message: str, expected: str | None = None) -> Problem:
        field_name = ".".join(f"[{x}]" if isinstance(x, int) else str(x) for x in path).replace(
            ".[", "["
        )
        return Problem(fname, doc.line(path), field_name or None, message, expected)

    if not isinstance(data, dict):
        raise WorkspaceError([problem((), "not a mapping", "title:, cases: …")])
    for key in data:
        if key not in _SETTINGS:
            out.append(problem((key,), f"unknown key {key!r}", ", ".join(_SETTINGS)))

    def integer(key: str, default: int, low: int, high: int) -> int:
        v = data.get(key, default)
        if isinstance(v, bool) or not isinstance(v, int) or not low <= v <= high:
            out.append(problem((key,), f"{v!r} is not usable", f"a whole number {low}–{high}"))
            return default
        return v

    def text_or_none(key: str, choices: tuple[str, ...] | None = None) -> str | None:
        v = data.get(key)
        if v is None:
            return None
        if not isinstance(v, str) or (choices and v not in choices):
            out.append(problem((key,), f"{v!r} is not usable", " or ".join(choices or ("text",))))
            return None
        return v

    title = data.get("title", root.name)
    if not isinstance(title, str):
        out.append(problem(("title",), f"{title!r} is not text", "a title"))
        title = root.name
    language = text_or_none("language", ("ja", "en"))
    currency = text_or_none("currency")
    fy_start = data.get("fy_start_month")
    if fy_start is not None:
        fy_start = integer("fy_start_month", 4, 1, 12)
    reports_text = text_or_none("reports")
    cases_data = data.get("cases")
    if not isinstance(cases_data, list) or not cases_data:
        raise WorkspaceError(
            [*out, problem(("cases",), "no cases listed", "cases: a list of {path:, tags:}")]
        )
    cases: list[Case] = []
    by_id: dict[str, Case] = {}
    by_path: dict[Path, Case] = {}
    for i, entry in enumerate(cases_data):
        where: tuple[Any, ...] = ("cases", i)
        line = doc.line(where)
        mine: list[Problem] = []
        if isinstance(entry, str):
            entry = {"path": entry}
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            out.append(problem(where, f"{entry!r} names no workspace", "path: FOLDER"))
            continue
        for key in entry:
            if key not in _CASE_KEYS:
                mine.append(problem((*where, key), f"unknown key {key!r}", ", ".join(_CASE_KEYS)))
        ws_path = (root / entry["path"]).resolve()
        raw_id = entry.get("id", _slug(ws_path.name))
        cid = str(raw_id)
        if not _ID.match(cid):
            mine.append(
                problem((*where, "id"), f"{cid!r} is not a usable id", "letters, digits, - _ .")
            )
            cid = _slug(cid)
        tags: dict[str, str] = {}
        raw_tags = entry.get("tags") or {}
        if not isinstance(raw_tags, dict):
            mine.append(problem((*where, "tags"), f"{raw_tags!r} is not a mapping", "key: value"))
            raw_tags = {}
        for k, v in raw_tags.items():
            if isinstance(v, bool) or not isinstance(v, str | int):
                mine.append(problem((*where, "tags", k), f"{v!r} is not text", "text"))
                continue
            tags[str(k)] = str(v)
        for key, allowed in (("phase", PHASES), ("time", TIME_CLASSES)):
            if key in tags and tags[key] not in allowed:
                mine.append(
                    problem(
                        (*where, "tags", key),
                        f"{tags[key]!r} is not a {key} tag",
                        " | ".join(allowed),
                    )
                )
        if not ws_path.is_dir():
            mine.append(
                problem(
                    (*where, "path"), f"{entry['path']!r}: no such folder", "a workspace folder"
                )
            )
        elif not _is_workspace(ws_path):
            mine.append(
                problem(
                    (*where, "path"),
                    f"{entry['path']!r} has no {SETTINGS_FILE}",
                    "a workspace folder",
                )
            )
        duplicate_of = None
        first = by_path.get(ws_path)
        if first is not None:
            duplicate_of = first.id
            mine.append(
                problem(
                    (*where, "path"),
                    f"the same workspace as case {first.id!r} (line {first.line}); "
                    "listed, not counted twice",
                    "each workspace once",
                )
            )
        if cid in by_id:
            clash = by_id[cid]
            mine.append(
                problem(
                    (*where, "id"),
                    f"id {cid!r} is already used by line {clash.line}; shown as {cid}~{i + 1}",
                    "a unique id (add id: to the entry)",
                )
            )
            cid = f"{cid}~{i + 1}"
            if duplicate_of is None and ws_path == clash.path:
                duplicate_of = clash.id
        case = Case(cid, ws_path, tags, line, tuple(mine), duplicate_of)
        cases.append(case)
        by_id.setdefault(case.id, case)
        by_path.setdefault(ws_path, case)
    return Portfolio(
        root=root,
        cases=tuple(cases),
        source=file.resolve(),
        title=title,
        language=language,
        currency=currency,
        fy_start_month=fy_start,
        stale_days=integer("stale_days", 365, 1, 100_000),
        review_within_days=integer("review_within_days", 90, 0, 100_000),
        support_within_months=integer("support_within_months", 18, 0, 1_200),
        contracts_within_months=integer("contracts_within_months", 18, 0, 1_200),
        reports=(root / reports_text).resolve() if reports_text else None,
        problems=tuple(out),
    )
