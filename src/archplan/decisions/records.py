"""Read decision records as they are found in real repositories, without rewriting them.

Formats: MADR 3/4 (YAML front matter: ``status``, ``date``, …), MADR 2 and log4brains
(metadata as bullets: ``* Status: accepted``), Nygard / adr-tools (a ``## Status``
section, with ``Superseded by [2. …](0002-….md)`` lines). Real-world drift is expected
(see ``docs/decisions.md``): no status, statuses in prose, capitals, emoji or Japanese
(``✅ Accepted``, ``PROPOSED``, ``承認``), the status in a table, a line or a section
anywhere, day-first and month-name dates (:func:`read_date`; ambiguous ones are flagged,
not guessed), numbers in ``001-``, ``adr-001-``, ``ADR-0001-`` or date-prefixed file
names (:func:`file_number`) or only in the heading (:func:`split_title`), nested folders,
and templates, indexes and tool files in the same folder (:func:`classify` tells them
apart). Front matter that opens and never closes is an error, never silently ignored.

A record keeps its text exactly as read; :func:`write_back` returns those bytes, and the
lifecycle functions change single lines only.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from archplan import registry as _registry
from archplan.errors import InputError, Problem
from archplan.messages import Localized, msg
from archplan.workspace._yaml import load_yaml
from archplan.workspace.model import DecisionRecord

__all__ = [
    "KNOWN_STATUSES",
    "REQUIRED_SECTIONS",
    "assign_numbers",
    "candidate_files",
    "classify",
    "file_number",
    "localised_notes",
    "normalise_status",
    "read_date",
    "read_decisions",
    "read_folder",
    "read_record",
    "read_record_text",
    "split_title",
    "with_status_line",
    "write_back",
]

KNOWN_STATUSES = ("proposed", "accepted", "rejected", "deprecated", "superseded")

#: MADR's required sections, with the Japanese headings archplan's template uses and the
#: ones Japanese logs commonly use.
REQUIRED_SECTIONS: dict[str, tuple[str, ...]] = {
    "context": ("context and problem statement", "context", "背景と課題", "背景", "コンテキスト"),
    "options": ("considered options", "検討した選択肢", "選択肢"),
    "outcome": ("decision outcome", "decision", "決定事項", "決定"),
}

# Front matter closes with "---" (or YAML's "..."); an opening line with no closing one
# is reported, never silently read as a body.
_FRONT = re.compile(r"\A(\ufeff?)---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_FRONT_OPEN = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
_TITLE = re.compile(r"^#[ \t]+(.+?)[ \t]*#*[ \t]*\r?$", re.M)
_HEADING2 = re.compile(r"^##[ \t]+(.+?)[ \t]*#*[ \t]*\r?$", re.M)
_STATUS_HEADING = re.compile(
    r"^#{2,4}[ \t]+(?:\*\*)?(?:Status|ステータス|状態)(?:\*\*)?[ \t]*(?:[:：][ \t]*(.*?))?"
    r"[ \t]*#*[ \t]*\r?$",
    re.M | re.I,
)
_DATE_HEADING = re.compile(
    r"^#{2,4}[ \t]+(?:Date|Decision date|日付|決定日)[ \t]*#*[ \t]*\r?$", re.M | re.I
)
_KEYS = (
    r"Status|Date|Decision[- ]date|Deciders|Decision[- ]makers|"
    r"ステータス|状態|日付|決定日|起票日|作成日"
)
# "* Status: accepted", "- **Status**: accepted", "* **Date:** 2020-01-01", "- 日付：…"
_BULLET = re.compile(
    r"^[ \t]*[*+-][ \t]+(?:\*\*|__)?(" + _KEYS + r")(?:\*\*|__)?[ \t]*[:：](?:\*\*|__)?"
    r"[ \t]*(.*?)[ \t]*\r?$",
    re.M | re.I,
)
# "Status: Accepted", "**Date:** 28/03/2018" on a line of their own.
_KEY_LINE = re.compile(
    r"^(?:\*\*|__)?(" + _KEYS + r")(?:\*\*|__)?[ \t]*[:：](?:\*\*|__)?[ \t]*(.+?)[ \t]*\r?$",
    re.M | re.I,
)
# log4brains writes "20200928-use-markdown.md"; others "2020-09-28-title.md".
_DATE_NAME = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})[-_]")
# "0001-", "001-", "adr-001-", "ADR-0001-", "adr_12_"
_FILE_NUMBER = re.compile(r"^(?:adr[-_ ]?)?(\d{1,5})(?=[-_ .])", re.I)
# "ADR 12: X", "ADR-0012 - X", "12. X", "Architecture Decision Record: X", "[ADR-3] X"
_NUMBERED_TITLE = re.compile(
    r"^\[?(?:architecture[ \t]+decision[ \t]+record|ADR)[ \t]*[-#:：]?[ \t]*0*(\d{1,5})\]?"
    r"(?:[ \t]*[.:：)\-–—]|[ \t]+)[ \t]*(.+)$",
    re.I,
)
_NUMBERED_TITLE_BARE = re.compile(
    r"^0*(\d{1,5})(?:[.:)][ \t]+|[ \t]*：[ \t]*|[ \t]+[-–—][ \t]+)(.+)$"
)
_PREFIX_ONLY = re.compile(
    r"^(?:architecture[ \t]+decision[ \t]+record|ADR)[ \t]*[:：\-–—][ \t]*(.+)$", re.I
)
_LINK_TARGET = re.compile(
    r"\((?:\./)?(?:adr[-_]?)?(\d{3,5})[-_][^)\s]*\.md(?:#[^)]*)?\)|ADR[- ]?0*(\d+)", re.I
)
_RELATION = re.compile(
    r"(superseded by|supersedes|amended by|amends|relates to|replaced by|replaces"
    r"|置換|置き換え)",
    re.I,
)
_RELATION_NAMES = {
    "replaced-by": "superseded-by",
    "replaces": "supersedes",
    "置換": "superseded-by",
    "置き換え": "superseded-by",
}
_STATUS_WORDS = ("status", "ステータス", "状態")
_DATE_WORDS = ("date", "decision date", "decision-date", "日付", "決定日", "起票日", "作成日")

_MONTHS = {
    name: k + 1
    for k, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}


def read_date(text: str) -> tuple[date | None, str]:
    """A date as people write it, and ``""``, ``"ambiguous"``, ``"unreadable"`` or
    ``"empty"``.

    ISO dates (``2018-03-28``, ``2018/03/28``), Japanese (``2018年3月28日``), month names
    (``28 March 2018``, ``March 28, 2018``, ``28-Mar-2018``) and numeric day/month forms
    are read when only one reading is possible: ``28/03/2018`` is day-first because there
    is no 28th month, ``03/28/2018`` month-first; ``03/04/2018`` is *ambiguous* and is not
    guessed. Dotted dates (``28.03.2018``) are day-first, as everywhere they are written.

    Examples
    --------
    >>> [str(read_date(s)[0]) for s in ("2018-03-28", "28/03/2018", "March 28, 2018",
    ...                                  "28 Mar 2018", "2018年3月28日", "03/28/2018")]
    ['2018-03-28', '2018-03-28', '2018-03-28', '2018-03-28', '2018-03-28', '2018-03-28']
    >>> read_date("03/04/2018"), read_date("next spring"), read_date("")
    ((None, 'ambiguous'), (None, 'unreadable'), (None, 'empty'))
    """
    s = text.strip().strip("*_` ")
    if not s:
        return None, "empty"

    def make(y: int, m: int, d: int) -> tuple[date | None, str]:
        try:
            return date(y, m, d), ""
        except ValueError:
            return None, "unreadable"

    m = re.search(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)", s)
    if m:
        return make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.search(r"(?<!\d)(\d{4})[ \t]*年[ \t]*(\d{1,2})[ \t]*月[ \t]*(\d{1,2})[ \t]*日", s)
    if m:
        return make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.search(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)", s)
    if m:
        return make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.search(
        r"(?<![\w])(\d{1,2})(?:st|nd|rd|th)?[ \t\-]+([A-Za-z]{3,9})\.?,?[ \t\-]+(\d{4})(?!\d)", s
    )
    if m and m.group(2).lower() in _MONTHS:
        return make(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
    m = re.search(r"(?<![\w])([A-Za-z]{3,9})\.?[ \t]+(\d{1,2})(?:st|nd|rd|th)?,?[ \t]+(\d{4})", s)
    if m and m.group(1).lower() in _MONTHS:
        return make(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2)))
    m = re.search(r"(?<!\d)(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})(?!\d)", s)
    if m:
        a, sep, b, y = int(m.group(1)), m.group(2), int(m.group(3)), int(m.group(4))
        if sep == "." or (a > 12 >= b) or a == b:
            return make(y, b, a)
        if b > 12 >= a:
            return make(y, a, b)
        if a <= 12 and b <= 12:
            return None, "ambiguous"
        return None, "unreadable"
    return None, "unreadable"


_JA_STATUS = (
    ("置換", "superseded"),
    ("置き換え", "superseded"),
    ("置換え", "superseded"),
    ("廃止", "deprecated"),
    ("非推奨", "deprecated"),
    ("却下", "rejected"),
    ("不採用", "rejected"),
    ("承認", "accepted"),
    ("採用", "accepted"),
    ("決定", "accepted"),
    ("提案", "proposed"),
    ("検討中", "proposed"),
    ("草案", "proposed"),
    ("下書き", "proposed"),
)


#: The word a Japanese record gets when its status is changed to one of MADR's.
_JA_WORD = {
    "accepted": "承認",
    "proposed": "提案",
    "rejected": "却下",
    "deprecated": "廃止",
    "superseded": "置換",
}


def _is_japanese(text: str) -> bool:
    lead = re.sub(r"^[\W_]+", "", text.strip())
    return bool(lead) and not lead[0].isascii()


def normalise_status(text: str) -> str:
    """MADR's status vocabulary from what people actually write.

    Examples
    --------
    >>> [normalise_status(s) for s in ("Accepted", "✅ approved", "Pending",
    ...                                  "Superseded by [ADR-0017](0017-persist-dex.md)",
    ...                                  "Partly superseded", "accepted; supersedes ADR-0045",
    ...                                  "on hold", "")]  # doctest: +NORMALIZE_WHITESPACE
    ['accepted', 'accepted', 'proposed', 'superseded', 'superseded', 'accepted',
     'on hold', 'unknown']
    >>> [normalise_status(s) for s in ("🤔 Incomplete", "PROPOSED",
    ...      "❌ Rejected (see [019](019-x.md))", "承認済み", "置換（ADR-0007）",
    ...      "⌛️ Superseded by [036. X](036-x.md)")]
    ['proposed', 'proposed', 'rejected', 'accepted', 'superseded', 'superseded']
    """
    stripped = text.strip()
    if not stripped:
        return "unknown"
    if _is_japanese(stripped):
        for word, status in _JA_STATUS:
            if word in stripped:
                return status
    low = re.sub(r"^[^a-z\[]+", "", stripped.lower())
    if not low:
        return "unknown"
    if (
        low.startswith("superseded")
        or "partly superseded" in low
        or low.startswith("partially superseded")
        or low.startswith("replaced by")
    ):
        return "superseded"
    first = re.split(r"[^a-z]+", low, maxsplit=1)[0]
    aliases = {
        "approved": "accepted",
        "accepted": "accepted",
        "adopted": "accepted",
        "agreed": "accepted",
        "decided": "accepted",
        "proposed": "proposed",
        "proposal": "proposed",
        "pending": "proposed",
        "draft": "proposed",
        "incomplete": "proposed",
        "wip": "proposed",
        "open": "proposed",
        "rejected": "rejected",
        "declined": "rejected",
        "deprecated": "deprecated",
        "obsolete": "deprecated",
        "retired": "deprecated",
        "superseded": "superseded",
    }
    if first in aliases:
        return aliases[first]
    if low.startswith(("in progress", "under review", "in review")):
        return "proposed"
    return low.split("\n")[0][:40]


def file_number(name: str) -> tuple[int | None, date | None]:
    """The number a file name gives a record, and the date a date-prefixed name gives.

    Examples
    --------
    >>> [file_number(n) for n in ("0007-x.md", "007-x.md", "adr-001-title.md",
    ...                           "ADR-0012-Title.md", "notes.md")]
    [(7, None), (7, None), (1, None), (12, None), (None, None)]
    >>> file_number("20200928-use-markdown.md")
    (None, datetime.date(2020, 9, 28))
    """
    m = _DATE_NAME.match(name)
    if m:
        try:
            return None, date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
    n = _FILE_NUMBER.match(name)
    return (int(n.group(1)) if n else None), None


_NOT_RECORDS = {
    "index.md",
    "readme.md",
    "toc.md",
    "summary.md",
    "_sidebar.md",
    "contents.md",
    "changelog.md",
    "license.md",
    "contributing.md",
    "home.md",
}


def _has_status_marker(text: str) -> bool:
    body = text.lstrip("\ufeff")
    fm = _FRONT.match(body)
    if fm and re.search(r"^status[ \t]*:", fm.group(2) or "", re.M):
        return True
    if _STATUS_HEADING.search(body):
        return True
    for m in (*_BULLET.finditer(body), *_KEY_LINE.finditer(body)):
        if m.group(1).lower() in _STATUS_WORDS:
            return True
    return False


def classify(path: Path, text: str | None = None) -> str:
    """``record``, ``template``, ``index`` or ``other`` for a file in a decisions folder.

    A file is a record when its name carries a number (``0001-``, ``001-``, ``adr-001-``,
    ``ADR-0001-``) or a date (log4brains' ``20200928-``) and it has a ``# Title``; or,
    with any other name, when its heading is numbered (``# ADR 12: …``) or it has a
    status. Templates, indexes, READMEs and tool files (``.adr-dir``, images) are not.

    Examples
    --------
    >>> classify(Path("0001-use-x.md"), "# Use X\\n"), classify(Path("adr-template.md"))
    ('record', 'template')
    >>> classify(Path("index.md")), classify(Path("0008-example.png")), classify(Path(".adr-dir"))
    ('index', 'other', 'other')
    >>> classify(Path("use-x.md"), "# ADR 12: Use X\\n"), classify(Path("notes.md"), "# Notes\\n")
    ('record', 'other')
    """
    name = path.name.lower()
    if not name.endswith((".md", ".markdown")):
        return "other"
    number, when = file_number(path.name)
    if number is not None or when is not None:
        # A numbered file is a record even when its title mentions a template
        # ("0039-use-apache-velocity-as-template-engine.md").
        if text is None or _TITLE.search(text.lstrip("\ufeff")) or _front_title(text):
            return "record"
        return "other"
    if "template" in name:
        return "template"
    if name in _NOT_RECORDS:
        return "index"
    if text is None:
        return "other"
    title = _TITLE.search(_after_front(text))
    if title and split_title(title.group(1).strip()) != (None, title.group(1).strip()):
        return "record"
    if (title or _front_title(text)) and _has_status_marker(text):
        return "record"
    return "other"


def split_title(raw: str) -> tuple[int | None, str]:
    """The number written in a heading, and the title without it or its prefix.

    Examples
    --------
    >>> [split_title(t) for t in ("ADR 12: Use X", "12. Use X", "ADR-0003 - Use X",
    ...                           "Architecture Decision Record: Use X", "2026 budget")]
    [(12, 'Use X'), (12, 'Use X'), (3, 'Use X'), (None, 'Use X'), (None, '2026 budget')]
    """
    m = _NUMBERED_TITLE.match(raw) or _NUMBERED_TITLE_BARE.match(raw)
    if m:
        return int(m.group(1)), m.group(2).strip()
    m = _PREFIX_ONLY.match(raw)
    if m:
        return None, m.group(1).strip()
    return None, raw


def _after_front(text: str) -> str:
    fm = _FRONT.match(text)
    return text[fm.end() :] if fm else text.lstrip("\ufeff")


def _front_title(text: str) -> bool:
    fm = _FRONT.match(text)
    return bool(fm and re.search(r"^title[ \t]*:[ \t]*\S", fm.group(2) or "", re.M))


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _md_lines(text: str, keepends: bool = False) -> list[str]:
    """Lines as Markdown and the line numbers here count them: ended by ``\n`` only.

    ``str.splitlines`` also breaks at ``\x1c``-``\x1e``, ``\x85`` and ``\u2028``, which
    would shift every line number after such a character.
    """
    parts = text.split("\n")
    last = parts.pop()
    if keepends:
        out = [p + "\n" for p in parts]
    else:
        out = [p[:-1] if p.endswith("\r") else p for p in parts]
    if last:
        out.append(last if keepends or not last.endswith("\r") else last[:-1])
    return out


def _links_in(text: str) -> list[tuple[str, int]]:
    """(relation, number) pairs from prose such as "Superseded by [2. X](0002-x.md)"."""
    out: list[tuple[str, int]] = []
    for line in _md_lines(text):
        rel = _RELATION.search(line)
        if not rel:
            continue
        relation = rel.group(1).lower().replace(" ", "-")
        relation = _RELATION_NAMES.get(relation, relation)
        for m in _LINK_TARGET.finditer(line[rel.end() :]):
            out.append((relation, int(m.group(1) or m.group(2))))
    return out


def _as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def _archplan_meta(
    meta: Any, rel: str, problems: list[Problem], lines: dict[Any, int], offset: int
) -> dict[str, Any]:
    """archplan's own keys under ``archplan:`` in the front matter, validated."""
    out: dict[str, Any] = {}
    if meta is None:
        return out
    if not isinstance(meta, dict):
        problems.append(
            Problem(
                rel,
                offset + lines.get(("archplan",), 0),
                "archplan",
                "archplan's keys are not a mapping",
                "options, chosen, assumptions, review-by, triggers, links",
            )
        )
        return out
    allowed = ("options", "chosen", "assumptions", "review-by", "triggers", "links")
    for key in meta:
        if key not in allowed:
            problems.append(
                Problem(
                    rel,
                    offset + lines.get(("archplan", key), 0),
                    f"archplan.{key}",
                    f"unknown key {key!r}",
                    "one of " + ", ".join(allowed),
                )
            )
    meta_lines = {k: offset + lines.get(("archplan", k), 0) for k in meta}
    if isinstance(meta.get("assumptions"), dict):
        for name in meta["assumptions"]:  # "assumptions.users" → the line of that value
            at = lines.get(("archplan", "assumptions", name))
            if at:
                meta_lines[f"assumptions.{name}"] = offset + at
    out["lines"] = meta_lines
    opts = meta.get("options", [])
    if not isinstance(opts, list) or not all(isinstance(o, str) for o in opts):
        problems.append(
            Problem(
                rel,
                meta_lines.get("options"),
                "archplan.options",
                "options are not a list of option ids",
                "[saas, onprem]",
            )
        )
        opts = []
    out["options"] = tuple(opts)
    chosen = meta.get("chosen")
    out["chosen"] = str(chosen) if chosen is not None else None
    assumptions = meta.get("assumptions", {}) or {}
    recorded: list[tuple[str, Decimal]] = []
    if not isinstance(assumptions, dict):
        problems.append(
            Problem(
                rel,
                meta_lines.get("assumptions"),
                "archplan.assumptions",
                "assumptions are not a mapping of name to value",
                "{users: 45, price_per_user: 12000}",
            )
        )
    else:
        for name, value in assumptions.items():
            try:
                recorded.append((str(name), Decimal(str(value))))
            except InvalidOperation:
                problems.append(
                    Problem(
                        rel,
                        offset + lines.get(("archplan", "assumptions", name), 0),
                        f"archplan.assumptions.{name}",
                        f"{value!r} is not a number",
                        "the value the assumption had when deciding",
                    )
                )
    out["assumptions"] = tuple(recorded)
    review = meta.get("review-by")
    out["review_by"] = _as_date(review)
    if review is not None and out["review_by"] is None:
        problems.append(
            Problem(
                rel,
                meta_lines.get("review-by"),
                "archplan.review-by",
                f"{review!r} is not a date",
                "YYYY-MM-DD",
            )
        )
    triggers = meta.get("triggers", []) or []
    if not isinstance(triggers, list):
        problems.append(
            Problem(
                rel,
                meta_lines.get("triggers"),
                "archplan.triggers",
                "triggers are not a list",
                "a list of conditions",
            )
        )
        triggers = []
    out["triggers"] = tuple(
        (str(t), offset + lines.get(("archplan", "triggers", k), 0)) for k, t in enumerate(triggers)
    )
    links = meta.get("links", {}) or {}
    pairs: list[tuple[str, int]] = []
    if isinstance(links, dict):
        for relation, targets in links.items():
            if relation not in (
                "supersedes",
                "superseded-by",
                "amends",
                "amended-by",
                "relates-to",
            ):
                problems.append(
                    Problem(
                        rel,
                        offset + lines.get(("archplan", "links", relation), 0),
                        f"archplan.links.{relation}",
                        f"unknown relation {relation!r}",
                        "supersedes, superseded-by, amends, amended-by, relates-to",
                    )
                )
                continue
            for t in targets if isinstance(targets, list) else [targets]:
                try:
                    pairs.append((relation, int(t)))
                except (TypeError, ValueError):
                    problems.append(
                        Problem(
                            rel,
                            meta_lines.get("links"),
                            f"archplan.links.{relation}",
                            f"{t!r} is not a record number",
                            "e.g. 3",
                        )
                    )
    out["links"] = tuple(pairs)
    return out


def _table_fields(body: str, offset: int) -> dict[str, tuple[str, int]]:
    """``status``/``date`` values from Markdown tables, with the line of each value.

    Both shapes people use: a key–value table (``| Status | Accepted |``) and a table
    whose header names the columns (``| Status | Date |`` over ``| Accepted | … |``).
    """
    out: dict[str, tuple[str, int]] = {}
    lines = _md_lines(body)
    k = 0
    while k < len(lines):
        if not lines[k].lstrip().startswith("|"):
            k += 1
            continue
        start = k
        while k < len(lines) and lines[k].lstrip().startswith("|"):
            k += 1
        rows = [
            [c.strip().strip("*_ ").rstrip(":：") for c in ln.strip().strip("|").split("|")]
            for ln in lines[start:k]
        ]
        sep = len(rows) >= 2 and all(set(c) <= set("-: ") for c in rows[1])
        for j, cells in enumerate(rows):
            if sep and j < 2:
                continue  # a header names columns; key–value pairs are in the rows
            if len(cells) >= 2:
                key = _field_key(cells[0])
                if key and key not in out and not set(cells[1]) <= set("-: "):
                    out[key] = (cells[1], offset + start + j + 1)
        if sep and len(rows) >= 3:
            for col, head in enumerate(rows[0]):
                key = _field_key(head)
                if key and key not in out and col < len(rows[2]):
                    out[key] = (rows[2][col], offset + start + 3)
    return out


def _mask_code(text: str) -> str:
    """``text`` with the inside of fenced code blocks blanked (same length and line
    breaks), so that examples in code are not read as the record's own fields."""
    out = []
    fence = ""
    for line in _md_lines(text, keepends=True):
        stripped = line.lstrip()
        if fence:
            if stripped.startswith(fence):
                fence = ""
            body = line.rstrip("\r\n")
            out.append(" " * len(body) + line[len(body) :])
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
        out.append(line)
    return "".join(out)


def _field_key(word: str) -> str | None:
    low = word.strip().strip("*_ ").rstrip(":：").strip().lower()
    if low in _STATUS_WORDS:
        return "status"
    if low in _DATE_WORDS:
        return "date"
    return None


def read_record(path: Path, text: str, rel: str) -> tuple[DecisionRecord | None, list[Problem]]:
    """Read one decision record from its text, keeping the text exactly.

    The number comes from the file name (``0001-``, ``001-``, ``adr-001-``, ``ADR-0001-``),
    else from the heading (``# ADR 12: …``); a record with neither (log4brains'
    ``20200928-title.md``) gets number 0 and ``number_source="order"`` until
    :func:`assign_numbers` numbers it. The status is read from the front matter, a
    ``* Status:`` bullet, a table, a ``## Status`` section anywhere, or a ``Status:`` line,
    in that order; the date likewise (and from a date-prefixed file name).

    Parameters
    ----------
    path : Path
        Where the record lives (its file name gives the number).
    text : str
        The file's text, decoded as read (line ends and byte-order mark kept).
    rel : str
        The name used in problem messages.

    Examples
    --------
    >>> rec, problems = read_record(Path("0001-use-saas.md"),
    ...     "---\\nstatus: accepted\\ndate: 2026-05-01\\n---\\n# Use SaaS\\n", "0001-use-saas.md")
    >>> rec.number, rec.title, rec.status, str(rec.date), rec.status_line, problems
    (1, 'Use SaaS', 'accepted', '2026-05-01', 2, [])
    >>> rec, _ = read_record(Path("adr-007-x.md"),
    ...     "# ADR 7: Use X\\n\\nDate: 28/03/2018\\n\\n## Status\\n\\n✅ Accepted\\n", "x")
    >>> rec.number, rec.title, rec.status, str(rec.date), rec.status_line
    (7, 'Use X', 'accepted', '2018-03-28', 7)
    """
    problems: list[Problem] = []
    number, name_date = file_number(path.name)
    front: dict[str, Any] = {}
    # A byte-order mark stays in ``raw`` but must not hide the first heading.
    body = text[1:] if text.startswith("\ufeff") else text
    body_offset = 0  # lines before the body
    fmt = "plain"
    status_raw, status_line = "", None
    links: list[tuple[str, int]] = []
    meta: dict[str, Any] = {}
    notes: list[tuple[int | None, str]] = []
    fm = _FRONT.match(text)
    if fm is None and _FRONT_OPEN.match(text):
        problems.append(
            Problem(
                rel,
                1,
                "front matter",
                "front matter opened with '---' on line 1 is never closed",
                "a line '---' after the front matter, before the '# Title'",
                field_text=Localized("jt_fld_front_matter"),
            )
        )
        return None, problems
    date_raw, date_line = "", None
    if fm:
        fmt = "madr4"
        yaml_text = fm.group(2) or ""
        doc, yproblems = load_yaml(yaml_text, rel)
        for p in yproblems:  # the front matter starts on line 2 of the file
            problems.append(replace(p, line=p.line + 1 if p.line else None))
        if doc is not None and doc.data is not None:
            if isinstance(doc.data, dict):
                front = doc.data
                if "status" in front:
                    status_raw = str(front["status"] or "")
                    status_line = 1 + doc.lines.get(("status",), 0)
                if front.get("date") not in (None, ""):
                    date_raw = str(front["date"])
                    date_line = 1 + doc.lines.get(("date",), 0)
                meta = _archplan_meta(front.get("archplan"), rel, problems, doc.lines, 1)
            else:
                problems.append(
                    Problem(
                        rel,
                        2,
                        "front matter",
                        "front matter is not a mapping",
                        "key: value lines such as 'status: accepted'",
                        field_text=Localized("jt_fld_front_matter"),
                    )
                )
        body = text[fm.end() :]
        body_offset = _line_of(text, fm.end()) - 1
    body_kept = body
    body = _mask_code(body)
    title_m = _TITLE.search(body)
    if title_m is None and not str(front.get("title") or "").strip():
        problems.append(
            Problem(
                rel,
                None,
                "title",
                "no '# Title' heading",
                "a first-level heading with the decision's title",
            )
        )
        return None, problems
    raw_title = title_m.group(1).strip() if title_m else str(front["title"]).strip()
    title_number, title = split_title(raw_title)
    number_source = "file"
    if number is None:
        number, number_source = (
            (title_number, "title") if title_number is not None else (0, "order")
        )
    sections = tuple(
        (h.group(1).strip(), body_offset + _line_of(body, h.start()))
        for h in _HEADING2.finditer(body)
    )
    # MADR 2 and log4brains: "* Status: accepted" bullets under the title.
    bullets: dict[str, re.Match[str]] = {}
    for b in _BULLET.finditer(body):
        key = _field_key(b.group(1))
        if key and key not in bullets:
            bullets[key] = b
    if not status_raw and "status" in bullets:
        b = bullets["status"]
        fmt = "madr2"
        status_raw = b.group(2)
        status_line = body_offset + _line_of(body, b.start())
    if not date_raw and "date" in bullets:
        date_raw = bullets["date"].group(2)
        date_line = body_offset + _line_of(body, bullets["date"].start())
    # Metadata tables and "Status:" lines count only above the first "##" section, where
    # records put them (a table of components with a Status column further down is not
    # the record's status).
    first_section = _HEADING2.search(body)
    head = body[: first_section.start()] if first_section else body
    table = _table_fields(head, body_offset)
    if not status_raw and "status" in table:
        fmt = "table"
        status_raw, status_line = table["status"]
    if not date_raw and "date" in table:
        date_raw, date_line = table["date"]
    # Nygard: a "## Status" section (anywhere) whose first non-empty line is the status.
    lines = _md_lines(text)
    for h in _STATUS_HEADING.finditer(body):
        line = body_offset + _line_of(body, h.start())
        if h.group(1):  # "## Status: Accepted"
            if not status_raw:
                fmt, status_raw, status_line = "line", h.group(1).strip(), line
            continue
        k = line  # index of the line after the heading (0-based)
        while k < len(lines) and not lines[k].strip():
            k += 1
        if not status_raw and k < len(lines) and not lines[k].startswith("#"):
            fmt = "nygard"
            status_raw = re.sub(r"^[*+-][ \t]+", "", lines[k].strip())
            status_line = k + 1
        # Every line of the section may carry links ("Supersedes [1. …](0001-….md)").
        end = next((ln for _, ln in sections if ln > line), len(lines) + 1)
        links += _links_in("\n".join(lines[line : end - 1]))
    keyed: dict[str, re.Match[str]] = {}
    for km in _KEY_LINE.finditer(head):
        key = _field_key(km.group(1))
        if key and key not in keyed:
            keyed[key] = km
    if not status_raw and "status" in keyed:
        fmt = "line"
        status_raw = keyed["status"].group(2)
        status_line = body_offset + _line_of(body, keyed["status"].start())
    if not date_raw and "date" in keyed:
        date_raw = keyed["date"].group(2)
        date_line = body_offset + _line_of(body, keyed["date"].start())
    if not date_raw:  # a "## Date" section: its first line
        for h in _DATE_HEADING.finditer(body):
            k = body_offset + _line_of(body, h.start())
            while k < len(lines) and not lines[k].strip():
                k += 1
            if k < len(lines) and not lines[k].startswith("#"):
                date_raw, date_line = lines[k].strip(), k + 1
                break
    when: date | None = None
    if isinstance(front.get("date"), date):
        fd = front["date"]
        when = fd.date() if isinstance(fd, datetime) else fd
    elif date_raw:
        when, issue = read_date(date_raw)
        if issue == "ambiguous":
            notes.append((date_line, msg("adr_date_ambiguous", "en", raw=date_raw)))
        elif issue == "unreadable":
            if isinstance(front.get("date"), str):
                problems.append(
                    Problem(rel, date_line, "date", f"{date_raw!r} is not a date", "YYYY-MM-DD")
                )
            else:
                notes.append((date_line, msg("adr_date_unreadable", "en", raw=date_raw)))
    if when is None and name_date is not None and not date_raw:
        when = name_date
    if status_raw:
        links += _links_in(status_raw)
    links += list(meta.get("links", ()))
    if problems:
        return None, problems
    record = DecisionRecord(
        path=path,
        number=number,
        title=title,
        status=normalise_status(status_raw),
        date=when,
        front_matter=front,
        body=body_kept,
        raw=text,
        format=fmt,
        status_raw=status_raw,
        status_line=status_line,
        title_number=title_number,
        sections=sections,
        links=tuple(dict.fromkeys(links)),
        options=meta.get("options", ()),
        chosen=meta.get("chosen"),
        assumptions=meta.get("assumptions", ()),
        review_by=meta.get("review_by"),
        triggers=meta.get("triggers", ()),
        meta_lines=meta.get("lines", {}),
        number_source=number_source,
        date_raw=date_raw,
        notes=tuple(notes),
    )
    return record, problems


def localised_notes(record: DecisionRecord, language: str) -> list[tuple[int | None, str]]:
    """The record's reading notes (ambiguous or unreadable date) in ``language``.

    Examples
    --------
    >>> rec, _ = read_record(Path("0001-x.md"), "# X\\n\\nDate: 03/04/2018\\n", "x")
    >>> localised_notes(rec, "ja")
    [(3, "日付'03/04/2018'は日/月とも月/日とも読めるため、推測しない")]
    """
    out = []
    for line, note in record.notes:
        key = "adr_date_ambiguous" if "ambiguous" in note else "adr_date_unreadable"
        out.append((line, msg(key, language, raw=record.date_raw)))
    return out


def assign_numbers(records: list[DecisionRecord]) -> list[DecisionRecord]:
    """Number the records that carry no number (``number_source == "order"``): in file
    order (for log4brains' date-prefixed names, date order), each taking the smallest
    number no written number uses — so a record added later with the next number does
    not shift them.

    Examples
    --------
    >>> a, _ = read_record(Path("20200928-b.md"), "# B\\n", "b")
    >>> b, _ = read_record(Path("20200101-a.md"), "# A\\n", "a")
    >>> [(r.title, r.number) for r in assign_numbers([a, b])]
    [('B', 2), ('A', 1)]
    """
    taken = {r.number for r in records if r.number_source != "order"}
    unnumbered = sorted((r for r in records if r.number_source == "order"), key=lambda r: r.path)
    given: dict[int, int] = {}
    n = 0
    for r in unnumbered:
        n += 1
        while n in taken:
            n += 1
        given[id(r)] = n
    return [replace(r, number=given[id(r)]) if id(r) in given else r for r in records]


def candidate_files(folder: Path) -> list[Path]:
    """Every file under ``folder`` (nested folders included, hidden ones skipped), sorted."""
    out = []
    for p in folder.rglob("*"):
        rel = p.relative_to(folder).parts
        if any(part.startswith(".") for part in rel[:-1]) or not p.is_file():
            continue
        out.append(p)
    return sorted(out)


def write_back(record: DecisionRecord) -> bytes:
    """The record's bytes as they were read (nothing is normalised or reformatted)."""
    return record.raw.encode("utf-8")


def read_folder(folder: Path) -> tuple[list[DecisionRecord], dict[str, list[Path]], list[Problem]]:
    """Read every record in a folder, and sort out the files that are not records.

    Returns
    -------
    (records, others, problems)
        ``others`` maps ``template``, ``index`` and ``other`` to their files.
    """
    records: list[DecisionRecord] = []
    others: dict[str, list[Path]] = {"template": [], "index": [], "other": []}
    problems: list[Problem] = []
    for path in candidate_files(folder):
        rel = path.relative_to(folder).as_posix()
        text = None
        if path.suffix.lower() in (".md", ".markdown"):
            text, problem = read_record_text(path, rel)
            if problem is not None:
                problems.append(problem)
                continue
        kind = classify(path, text)
        if kind != "record":
            others[kind].append(path)
            continue
        assert text is not None
        record, found = read_record(path, text, rel)
        problems.extend(found)
        if record is not None:
            records.append(record)
    return assign_numbers(records), others, problems


def read_record_text(path: Path, rel: str) -> tuple[str | None, Problem | None]:
    """A record's text decoded as is (line ends and byte-order mark kept, so that a record
    written back unchanged is byte for byte the file that was read), or the located problem
    when it is not UTF-8.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "0001-x.md"
    >>> _ = p.write_bytes("# 決定".encode("shift_jis"))
    >>> read_record_text(p, "decisions/0001-x.md")[1].message[:14]
    'not UTF-8 text'
    """
    try:
        return path.read_bytes().decode("utf-8"), None
    except UnicodeDecodeError as exc:
        return None, Problem(
            rel,
            None,
            None,
            f"not UTF-8 text ({exc.reason} at byte {exc.start})",
            "a UTF-8 Markdown file",
        )


def with_status_line(record: DecisionRecord, new_status: str) -> str:
    """The record's text with only its status value replaced (every other byte kept).

    Raises :class:`~archplan.errors.InputError` when the record has no status line to
    change.
    """
    if record.status_line is None:
        raise InputError(f"{record.path.name} has no status line to change")
    lines = _md_lines(record.raw, keepends=True)
    k = record.status_line - 1
    line = lines[k]
    ending = line[len(line.rstrip("\r\n")) :]
    content = line.rstrip("\r\n")
    if record.format == "madr4":
        m = re.match(r"^(\s*status\s*:\s*)(.*?)(\s*(?:#.*)?)$", content)
        assert m is not None
        quoted = '"' + new_status.replace('"', '\\"') + '"'
        content = m.group(1) + quoted + m.group(3)
    elif record.format == "madr2":
        m = re.match(r"^(\s*[*+-]\s+(?:\*\*|__)?[^:：]+[:：](?:\*\*|__)?\s*)(.*?)$", content)
        assert m is not None
        if _is_japanese(record.status_raw) and new_status.lower() in _JA_WORD:
            new_status = _JA_WORD[new_status.lower()]
        content = m.group(1) + new_status
    else:
        # The status as written is replaced where it stands (a section line, a
        # "Status:" line, a table cell), keeping bullets, emphasis and cell borders.
        new = new_status[:1].upper() + new_status[1:]
        if _is_japanese(record.status_raw) and new_status.lower() in _JA_WORD:
            new = _JA_WORD[new_status.lower()]
        at = content.find(record.status_raw) if record.status_raw else -1
        if at < 0:
            indent = content[: len(content) - len(content.lstrip())]
            content = indent + new
        else:
            content = content[:at] + new + content[at + len(record.status_raw) :]
    lines[k] = content + ending
    return "".join(lines)


def read_decisions(root: Path, problems: list[Problem], notices: list[str]) -> list[DecisionRecord]:
    """Every record in ``root/decisions`` (the workspace loader calls this through
    ``archplan.registry.HOOKS["decisions"]``); problems and notices are appended."""
    from archplan.workspace.loader import DECISIONS_DIR, MAX_FILE_BYTES, RECORD_RE

    folder = root / DECISIONS_DIR
    if not folder.is_dir():
        return []
    out: list[DecisionRecord] = []
    numbers: dict[int, str] = {}
    for path in candidate_files(folder):
        # Records as real logs name them (0001-, 001-, adr-001-, 20200928-, nested).
        if path.suffix.lower() not in (".md", ".markdown") or classify(path) in (
            "index",
            "template",
        ):
            continue
        rel = f"{DECISIONS_DIR}/{path.relative_to(folder).as_posix()}"
        if path.stat().st_size > MAX_FILE_BYTES:
            problems.append(
                Problem(
                    rel,
                    None,
                    None,
                    "file is too large to be a record",
                    f"at most {MAX_FILE_BYTES:,} bytes",
                )
            )
            continue
        text, problem = read_record_text(path, rel)
        if problem is not None:
            problems.append(problem)
            continue
        assert text is not None
        if classify(path, text) != "record":
            if RECORD_RE.match(path.name):
                notices.append(f"{rel}: not read as a decision record (no '# Title' heading)")
            continue
        record, rproblems = read_record(path, text, rel)
        problems.extend(rproblems)
        if record is None:
            continue
        notices.extend(
            f"{rel}:{line}: {note}" if line else f"{rel}: {note}" for line, note in record.notes
        )
        if record.number_source == "order":
            out.append(record)
            continue
        if record.number in numbers:
            problems.append(
                Problem(
                    rel,
                    None,
                    "number",
                    f"record number {record.number} is also used by {numbers[record.number]}",
                    "a unique number per record",
                )
            )
            continue
        numbers[record.number] = rel
        out.append(record)
    return assign_numbers(out)


# The workspace loader reads decisions/ through this hook (archplan.registry).
_registry.HOOKS.add("decisions", read_decisions)
