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
from datetime import date
from pathlib import Path
from typing import Any

from archplan.errors import Problem, WorkspaceError
from archplan.messages import Localized
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
    "portfolio_language",
]

PORTFOLIO_FILE = "portfolio.yaml"
#: Lifecycle phases a case may be tagged with.
PHASES = ("plan", "build", "run", "retire")
#: Gartner's TIME classes (business fit × technical fit).
TIME_CLASSES = ("tolerate", "invest", "migrate", "eliminate")
#: The tags the document rolls the budget up by, in this order (others are kept too).
TAG_KEYS = ("bureau", "department", "municipality", "system", "phase", "time")
#: A case id: letters (any script, so a Japanese folder name is kept), digits, - _ .
_ID = re.compile(r"^[^\W_][\w.-]*$")
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
#: Phase and TIME tags as a Japanese user writes them (the document's own words), and
#: the English ones in any case, read as the canonical values.
_TAG_WORDS: dict[str, dict[str, str]] = {
    "phase": {
        **{v: v for v in PHASES},
        "計画": "plan",
        "構築": "build",
        "運用": "run",
        "廃止": "retire",
    },
    "time": {
        **{v: v for v in TIME_CLASSES},
        "維持": "tolerate",
        "投資": "invest",
        "移行": "migrate",
        "廃止": "eliminate",
    },
}
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
    #: What was read correctly but is worth saying (a Shift_JIS file), as catalogue text.
    notices: tuple[Localized, ...] = ()

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
    """A case id from a folder name: spaces and marks become ``-``, letters of any script
    stay (``新規 案件`` → ``新規-案件``).

    Examples
    --------
    >>> _slug("新規 案件"), _slug("Food Lab (2026)"), _slug("（）")
    ('新規-案件', 'Food-Lab-2026', 'case')
    """
    s = re.sub(r"[^\w.-]+", "-", text).strip("-._")
    return s or "case"


def _problem(
    file: str,
    line: int | None,
    field_name: str | None,
    key: str,
    expected: Localized | str | None = None,
    /,
    **values: object,
) -> Problem:
    """A problem worded by the catalogue (``pf_p_…``), so that it reads in any language;
    ``expected`` is a catalogue entry too, or the user's own words (keys, values)."""
    text = Localized(key, **values)
    exp = expected.text("en") if isinstance(expected, Localized) else expected
    return Problem(
        file,
        line,
        field_name,
        text.text("en"),
        exp,
        text=text,
        expected_text=expected if isinstance(expected, Localized) else None,
    )


_LANGUAGE = re.compile(r"^language:\s*[\"']?(ja|en)\b", re.M)


def portfolio_language(path: str | Path) -> str:
    """The language to speak about a portfolio, read even when it is broken: its
    ``language:``, else that of most of its cases' ``archplan.yaml`` (Japanese on a
    tie), else English when nothing can be read.

    Examples
    --------
    >>> portfolio_language("data/portfolio.yaml"), portfolio_language("no/such/place")
    ('ja', 'en')
    """
    p = Path(path)
    if p.is_dir() and (p / PORTFOLIO_FILE).is_file():
        p = p / PORTFOLIO_FILE
    if p.is_file():
        try:
            m = _LANGUAGE.search(p.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError):
            m = None
        if m:
            return m.group(1)
    try:
        pf = load_portfolio(path)
    except WorkspaceError:
        return "en"
    from archplan.workspace.language import workspace_language

    found = [workspace_language(c.path) for c in pf.cases if _is_workspace(c.path)]
    if not found:
        return "en"
    return "ja" if found.count("ja") >= found.count("en") else "en"


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
            [_problem(str(p), None, None, "pf_p_no_portfolio", Localized("pf_px_portfolio"))]
        )
    return _from_file(p)


def _from_folder(root: Path) -> Portfolio:
    root = root.resolve()
    cases: list[Case] = []
    seen: dict[str, str] = {}
    # A workspace given on its own is a portfolio of one case.
    for ws in [root] if _is_workspace(root) else _find_workspaces(root):
        rel = ws.relative_to(root) if ws != root else Path(ws.name)
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
            [_problem(str(root), None, None, "pf_p_no_workspace", Localized("pf_px_folders"))]
        )
    return Portfolio(root=root, cases=tuple(cases), title=root.name, problems=problems)


def _from_file(file: Path) -> Portfolio:
    fname = file.name
    notices: list[Localized] = []
    try:
        raw = file.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Saved by a Japanese Windows editor as Shift_JIS: read it, and say so.
            text = raw.decode("cp932")
            notices.append(Localized("prob_n_sjis", file=fname))
    except (OSError, UnicodeDecodeError) as exc:
        raise WorkspaceError(
            [_problem(fname, None, None, "pf_p_unreadable", Localized("pf_px_utf8"), error=exc)]
        ) from None
    lang_m = _LANGUAGE.search(text)
    lang = lang_m.group(1) if lang_m else "en"
    doc, problems = load_yaml(text, fname)
    if doc is None or problems:
        raise WorkspaceError(
            problems or [_problem(fname, None, None, "pf_p_not_yaml", "YAML")], language=lang
        )
    data = doc.data
    root = file.resolve().parent
    out: list[Problem] = []

    def problem(
        path: tuple[Any, ...],
        key: str,
        expected: Localized | str | None = None,
        /,
        **values: object,
    ) -> Problem:
        field_name = ".".join(f"[{x}]" if isinstance(x, int) else str(x) for x in path).replace(
            ".[", "["
        )
        return _problem(fname, doc.line(path), field_name or None, key, expected, **values)

    if not isinstance(data, dict):
        raise WorkspaceError([problem((), "pf_p_not_mapping", "title:, cases: …")], language=lang)
    for key in data:
        if key not in _SETTINGS:
            out.append(problem((key,), "pf_p_unknown_key", ", ".join(_SETTINGS), name=repr(key)))

    def integer(key: str, default: int, low: int, high: int) -> int:
        v = data.get(key, default)
        if isinstance(v, bool) or not isinstance(v, int) or not low <= v <= high:
            expected = Localized("pf_px_whole_number", low=low, high=high)
            out.append(problem((key,), "pf_p_not_usable", expected, value=repr(v)))
            return default
        return v

    def text_or_none(key: str, choices: tuple[str, ...] | None = None) -> str | None:
        v = data.get(key)
        if v is None:
            return None
        if not isinstance(v, str) or (choices and v not in choices):
            expected = " | ".join(choices) if choices else Localized("pf_px_text")
            out.append(problem((key,), "pf_p_not_usable", expected, value=repr(v)))
            return None
        return v

    title = data.get("title", root.name)
    if not isinstance(title, str):
        out.append(
            problem(("title",), "pf_p_not_text", Localized("pf_px_title"), value=repr(title))
        )
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
            [*out, problem(("cases",), "pf_p_no_cases", Localized("pf_px_cases"))], language=lang
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
            out.append(problem(where, "pf_p_no_path", Localized("pf_px_path"), value=repr(entry)))
            continue
        for key in entry:
            if key not in _CASE_KEYS:
                mine.append(
                    problem(
                        (*where, key), "pf_p_unknown_key", ", ".join(_CASE_KEYS), name=repr(key)
                    )
                )
        ws_path = (root / entry["path"]).resolve()
        raw_id = entry.get("id", _slug(ws_path.name))
        cid = str(raw_id)
        if not _ID.match(cid):
            mine.append(problem((*where, "id"), "pf_p_bad_id", Localized("pf_px_id"), id=repr(cid)))
            cid = _slug(cid)
        tags: dict[str, str] = {}
        raw_tags = entry.get("tags") or {}
        if not isinstance(raw_tags, dict):
            mine.append(
                problem(
                    (*where, "tags"), "pf_p_not_mapping_value", "key: value", value=repr(raw_tags)
                )
            )
            raw_tags = {}
        for k, v in raw_tags.items():
            if isinstance(v, bool) or not isinstance(v, str | int | float | date):
                mine.append(
                    problem(
                        (*where, "tags", k), "pf_p_not_text", Localized("pf_px_text"), value=repr(v)
                    )
                )
                continue
            tags[str(k)] = str(v)
        for key, allowed in (("phase", PHASES), ("time", TIME_CLASSES)):
            if key in tags:
                tags[key] = _TAG_WORDS[key].get(tags[key].strip().lower(), tags[key])
            if key in tags and tags[key] not in allowed:
                mine.append(
                    problem(
                        (*where, "tags", key),
                        "pf_p_bad_tag",
                        " | ".join(allowed),
                        value=repr(tags[key]),
                        tag=key,
                    )
                )
        if not ws_path.is_dir():
            mine.append(
                problem(
                    (*where, "path"),
                    "pf_p_no_folder",
                    Localized("pf_px_workspace"),
                    path=repr(entry["path"]),
                )
            )
        elif not _is_workspace(ws_path):
            mine.append(
                problem(
                    (*where, "path"),
                    "pf_p_no_settings",
                    Localized("pf_px_workspace"),
                    path=repr(entry["path"]),
                )
            )
        duplicate_of = None
        first = by_path.get(ws_path)
        if first is not None:
            duplicate_of = first.id
            mine.append(
                problem(
                    (*where, "path"),
                    "pf_p_same_workspace",
                    Localized("pf_px_once"),
                    case=repr(first.id),
                    line=first.line,
                )
            )
        if cid in by_id:
            clash = by_id[cid]
            mine.append(
                problem(
                    (*where, "id"),
                    "pf_p_id_used",
                    Localized("pf_px_unique_id"),
                    id=repr(cid),
                    line=clash.line,
                    shown=f"{cid}~{i + 1}",
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
        notices=tuple(notices),
    )
