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
apart). HTML comments and code blocks are never read as fields; Hugo's TOML front matter
(``+++``), a record kept as a numbered folder's ``index.md`` (:func:`record_name`) and
Japanese era dates are read too. Front matter that opens and never closes is an error,
never silently ignored.

A record keeps its text exactly as read; :func:`write_back` returns those bytes, and the
lifecycle functions change single lines only.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
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
    "heading_names",
    "localised_notes",
    "normalise_status",
    "read_date",
    "read_decisions",
    "read_folder",
    "read_record",
    "read_record_text",
    "record_name",
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
# Hugo writes TOML front matter between "+++" lines.
_TOML_FRONT = re.compile(r"\A(\ufeff?)\+\+\+[ \t]*\r?\n(.*?\r?\n)?\+\+\+[ \t]*(?:\r?\n|\Z)", re.S)
_TOML_OPEN = re.compile(r"\A\ufeff?\+\+\+[ \t]*\r?\n")
_TITLE = re.compile(r"^#[ \t]+(.+?)[ \t]*#*[ \t]*\r?$", re.M)
# A setext title: "Use X" underlined with "===".
_SETEXT = re.compile(r"^([^\s#>|=-][^\r\n]*?)[ \t]*\r?\n=+[ \t]*\r?$", re.M)
# A section heading: "## X" (also "##X") or a first-level "# X" (not the title).
_SECTION = re.compile(r"^(#{1,2})(?:[ \t]+|(?<=##)(?=[^\s#]))(.+?)[ \t]*#*[ \t]*\r?$", re.M)
# Any heading (also "##Status" with no space, as some logs write), for section ends.
_ANY_HEADING = re.compile(r"^#{1,6}(?:[ \t]+|(?=[^\s#]))(.+?)[ \t]*#*[ \t]*\r?$", re.M)
# "## Status" (also "## Status: Accepted", "## 2. ステータス (Status)"), or a line in
# bold standing for a heading ("**Status**" with the value on the lines below).
_STATUS_HEADING = re.compile(
    r"^(?:#{1,4}[ \t]*(?:\d{1,2}[.)]?[ \t]*)?(?:\*\*)?(?:(?:Decision|ADR|Current)[ \t]+)?"
    r"(?:Status|ステータス|状態)(?:\*\*)?"
    r"(?:[ \t]*[(（](?:Status|ステータス|状態)[)）])?[ \t]*(?:[:：][ \t]*(.*?))?"
    r"[ \t]*#*|(?:\*\*|__)(?:Status|ステータス|状態)[ \t]*[:：]?(?:\*\*|__)[ \t]*[:：]?)"
    r"[ \t]*\r?$",
    re.M | re.I,
)
_DATE_HEADING = re.compile(
    r"^(?:#{1,4}[ \t]*(?:\d{1,2}[.)]?[ \t]*)?(?:Date|Decision date|日付|決定日|作成日)"
    r"(?:[ \t]*[(（](?:Date|Decision date)[)）])?[ \t]*#*"
    r"|(?:\*\*|__)(?:Date|Decision date|日付|決定日)[ \t]*[:：]?(?:\*\*|__)[ \t]*[:：]?)"
    r"[ \t]*\r?$",
    re.M | re.I,
)
_KEYS = (
    r"Status|Decision status|ADR status|Current status|Date|Decision[- ]date|"
    r"Date of decision|Deciders|Decision[- ]makers|"
    r"Created|Date created|Created on|Decided|Decided on|Last updated|"
    r"ステータス|状態|日付|決定日|起票日|作成日"
)
# What may end a field's value and is not part of it: an HTML line break, a Markdown
# hard break ("\\" or two spaces).
_VALUE_END = r"(?:[ \t]*<br[ \t]*/?>)?[ \t]*\\?[ \t]*\r?$"
# An emoji or symbol some logs put before a field ("📆 Date: …", "🗓️ Date: …").
_LEAD_MARK = r"(?:[^\w\s\[\]()#|>*_`~\\<-]{1,3}[ \t]*)?"
# "* Status: accepted", "- **Status**: accepted", "* **Date:** 2020-01-01", "- 日付：…"
_BULLET = re.compile(
    r"^(?:>[ \t]?)*[ \t]*[*+-][ \t]+(?:\*\*|__)?(" + _KEYS + r")(?:\*\*|__)?[ \t]*[:：](?:\*\*|__)?"
    r"[ \t]*(.*?)" + _VALUE_END,
    re.M | re.I,
)
# "Status: Accepted", "**Date:** 28/03/2018" on a line of their own.
_KEY_LINE = re.compile(
    r"^(?:>[ \t]?)*" + _LEAD_MARK + r"(?:\*\*|__)?(" + _KEYS + r")(?:\*\*|__)?[ \t]*[:：]"
    r"(?:\*\*|__)?[ \t]*(.+?)" + _VALUE_END,
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
    r"^(?:(?:architecture[ \t]+decision[ \t]+record|ADR)[ \t]*[:：\-–—]|\[ADR\])[ \t]*(.+)$", re.I
)
_LINK_TARGET = re.compile(
    r"\((?:\./)?(?:adr[-_]?)?(\d{3,5})[-_][^)\s]*\.md(?:#[^)]*)?\)|ADR[- ]?0*(\d+)", re.I
)
_RELATION = re.compile(
    r"(superseded by|supersedes|superceded by|supercedes|amended by|amends|relates to"
    r"|replaced by|replaces|置換|置き換え)",
    re.I,
)
_RELATION_NAMES = {
    "superceded-by": "superseded-by",
    "supercedes": "supersedes",
    "replaced-by": "superseded-by",
    "replaces": "supersedes",
    "置換": "superseded-by",
    "置き換え": "superseded-by",
}
_STATUS_WORDS = ("status", "decision status", "adr status", "current status", "ステータス", "状態")
_DATE_WORDS = (
    "date",
    "decision date",
    "decision-date",
    "date of decision",
    "日付",
    "決定日",
    "起票日",
    "作成日",
)
# Read only when no "Date" is written: when the record was created or last updated.
_DATE2_WORDS = (
    "created",
    "date created",
    "created on",
    "created_at",
    "created-at",
    "decided",
    "decided on",
    "last updated",
    "last-updated",
)

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

    Japanese era dates and full-width digits, as Japanese public bodies write them:

    >>> [str(read_date(s)[0]) for s in ("令和6年1月15日", "平成31年4月1日", "令和元年5月1日",
    ...                                  "２０２４年３月１２日")]
    ['2024-01-15', '2019-04-01', '2019-05-01', '2024-03-12']
    """
    s = unicodedata.normalize("NFKC", text).strip().strip("*_` ")
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
    m = re.search(
        r"(令和|平成|昭和)[ \t]*(元|\d{1,2})[ \t]*年[ \t]*(\d{1,2})[ \t]*月[ \t]*(\d{1,2})"
        r"[ \t]*日",
        s,
    )
    if m:
        year = 1 if m.group(2) == "元" else int(m.group(2))
        base = {"令和": 2018, "平成": 1988, "昭和": 1925}[m.group(1)]
        return make(base + year, int(m.group(3)), int(m.group(4)))
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
    ("実装済", "accepted"),
    ("完了", "accepted"),
    ("取り下げ", "rejected"),
    ("取下げ", "rejected"),
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


#: The same, public: ``adr status`` lists them in a Japanese workspace.
JA_STATUS_WORDS = _JA_WORD


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

    Struck-out words are not the status; common words outside MADR's five are mapped:

    >>> [normalise_status(s) for s in ("~~Proposed~~ Accepted", "Implemented", "Active",
    ...      "Withdrawn", "Superceded by [ADR-0007](0007-x.md)", "`accepted`", "[Accepted]")]
    ['accepted', 'accepted', 'accepted', 'rejected', 'superseded', 'accepted', 'accepted']
    """
    stripped = re.sub(r"~~.*?~~", "", text).strip()
    if not stripped:
        return "unknown"
    if _is_japanese(stripped):
        for word, status in _JA_STATUS:
            if word in stripped:
                return status
    low = re.sub(r"^[^a-z\[]+", "", stripped.lower())
    if not low:
        return "unknown"
    low = re.sub(r"^\[(?=[a-z])", "", low)
    if (
        low.startswith(("superseded", "superceded"))
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
        "superceded": "superseded",
        "replaced": "superseded",
        "implemented": "accepted",
        "active": "accepted",
        "done": "accepted",
        "completed": "accepted",
        "complete": "accepted",
        "final": "accepted",
        "approve": "accepted",
        "accept": "accepted",
        "withdrawn": "rejected",
        "abandoned": "rejected",
        "cancelled": "rejected",
        "canceled": "rejected",
        "dropped": "rejected",
        "rfc": "proposed",
        "suggested": "proposed",
        "discussion": "proposed",
        "review": "proposed",
    }
    if first in aliases:
        return aliases[first]
    if low.startswith(
        ("in progress", "under review", "in review", "under discussion", "in discussion")
    ):
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
    "_index.md",
    "contents.md",
    "changelog.md",
    "license.md",
    "contributing.md",
    "home.md",
}

# What is left of a numbered name ("000-index.md" → "index") that says: not a record.
_INDEX_STEMS = {
    "index",
    "readme",
    "toc",
    "contents",
    "summary",
    "adr-index",
    "adr-log",
    "decision-log",
    "decisions",
    "log",
}
_TEMPLATE_STEM = re.compile(r"(?:^|[-_ .])templates?(?:$|[-_ .])")
# Decision sections: a file with no number in its name is a record only when it has one.
_DECISION_SECTIONS = re.compile(
    r"^(?:context|context and problem statement|problem statement|problem|decision|"
    r"decision outcome|consequences|considered options|options considered|"
    r"alternatives considered|rationale|背景|背景と課題|課題|決定|決定事項|結果|検討した選択肢)\b",
    re.I,
)
_STATUS_NAMES = ("proposed", "accepted", "rejected", "deprecated", "superseded", "draft")


def record_name(path: Path) -> str:
    """The name that numbers a record: its file name, or for a record kept as a folder's
    ``index.md`` / ``README.md`` (``0007-use-kafka/index.md``) the folder's name.

    Examples
    --------
    >>> record_name(Path("adr/0007-use-kafka/index.md")), record_name(Path("adr/2021/index.md"))
    ('0007-use-kafka.md', 'index.md')
    """
    if path.name.lower() in ("index.md", "readme.md") and re.match(
        r"^(?:(?:adr[-_ ]?)?\d{1,5}|\d{4}-?\d{2}-?\d{2})[-_ ]+[^\W\d_]", path.parent.name, re.I
    ):
        return path.parent.name + ".md"
    return path.name


def _stem(name: str) -> str:
    """A file name without its number or date prefix and extension, lower case."""
    low = name.lower()
    low = re.sub(r"\.(md|markdown)$", "", low)
    m = _DATE_NAME.match(low) or _FILE_NUMBER.match(low)
    if m:
        low = low[m.end() :]
    return low.strip("-_ .")


def _front_matter(text: str) -> tuple[str, str, int] | None:
    """``(kind, content, end)`` of a closed front matter (``yaml`` between ``---`` lines,
    ``toml`` between ``+++`` lines, as Hugo writes), or None."""
    fm = _FRONT.match(text)
    if fm:
        return "yaml", fm.group(2) or "", fm.end()
    tm = _TOML_FRONT.match(text)
    if tm:
        return "toml", tm.group(2) or "", tm.end()
    return None


def _has_status_marker(text: str) -> bool:
    front = _front_matter(text)
    if front and re.search(r"^status[ \t]*[:=]", front[1], re.M | re.I):
        return True
    body = _mask(_after_front(text))
    if _STATUS_HEADING.search(body):
        return True
    for m in (*_BULLET.finditer(body), *_KEY_LINE.finditer(body)):
        if m.group(1).lower() in _STATUS_WORDS:
            return True
    return False


def _find_title(masked_body: str) -> tuple[str, int] | None:
    """The record's title as written (``# Title`` or a setext ``Title``/``===``) and the
    offset of its line in ``masked_body``; anchors (``{#id}``) are dropped."""
    m = _TITLE.search(masked_body)
    s = _SETEXT.search(masked_body)
    if s and (m is None or s.start() < m.start()):
        m = s
    if m is None:
        return None
    raw = re.sub(r"[ \t]*\{#[^}]*\}[ \t]*$", "", m.group(1).strip()).strip()
    return (raw, m.start()) if raw else None


def _placeholder(text: str) -> bool:
    """A template's placeholder: ``[Title]``, ``{title}``, ``<Title>``, ``TITLE``,
    ``STATUS``, ``DATE``, ``YYYY-MM-DD`` or a list of statuses to choose from."""
    t = text.strip().strip('"').strip()
    if re.fullmatch(r"\[[^\]]*\]|\{[^}]*\}|<[^>]*>|NUMBER\.? TITLE|TITLE|Title|STATUS|DATE", t):
        return True
    if "YYYY" in t.upper() and not re.search(r"\d{4}", t):
        return True
    low = t.lower()
    return sum(word in low for word in _STATUS_NAMES) >= 3


def _status_placeholder(raw: str) -> bool:
    """A template's status left as it was: ``STATUS``, a list of statuses to choose from
    (``{proposed | rejected | accepted | …}``, ``Proposed / Accepted / Superseded``) or
    the template's question ("What is the status, such as proposed, accepted, …?").

    Examples
    --------
    >>> [_status_placeholder(s) for s in ("STATUS", "[Proposed | Accepted | Deprecated]",
    ...      "Accepted", "[Accepted]", "Accepted (was proposed, then rejected)")]
    [True, True, False, False, False]
    """
    t = raw.strip().strip('"').strip()
    if t in ("STATUS", "Status", "{status}", "[status]"):
        return True
    low = t.lower()
    words = sum(word in low for word in _STATUS_NAMES)
    return words >= 4 or (words >= 3 and bool(re.search(r"[|/]", t)))


def _looks_like_template(path: Path, text: str) -> bool:
    record, _ = read_record(path, text, path.name)
    if record is None:
        return False
    return _placeholder(record.title) or (
        bool(record.status_raw) and _placeholder(record.status_raw)
    )


def classify(path: Path, text: str | None = None) -> str:
    """``record``, ``template``, ``index`` or ``other`` for a file in a decisions folder.

    A file is a record when its name carries a number (``0001-``, ``001-``, ``adr-001-``,
    ``ADR-0001-``) or a date (log4brains' ``20200928-``) and it has a title; or, with any
    other name, when its heading is numbered (``# ADR 12: …``), or it has a status and a
    decision's sections (Context, Decision, …). Templates (also ``0000-template.md``
    and numbered files full of placeholders), indexes (``000-index.md``), READMEs and tool
    files (``.adr-dir``, images) are not.

    Examples
    --------
    >>> classify(Path("0001-use-x.md"), "# Use X\\n"), classify(Path("adr-template.md"))
    ('record', 'template')
    >>> classify(Path("index.md")), classify(Path("0008-example.png")), classify(Path(".adr-dir"))
    ('index', 'other', 'other')
    >>> classify(Path("use-x.md"), "# ADR 12: Use X\\n"), classify(Path("notes.md"), "# Notes\\n")
    ('record', 'other')
    >>> classify(Path("0000-template.md"), "# NUMBER. TITLE\\n\\n## Status\\n\\nSTATUS\\n")
    'template'
    >>> classify(Path("000-index.md"), "# Decisions\\n"), classify(Path("guide.md"),
    ...     "# How we decide\\n\\n## Status\\n\\n- `Accepted`: in force\\n")
    ('index', 'other')
    """
    name = path.name.lower()
    if not name.endswith((".md", ".markdown")):
        return "other"
    number, when = file_number(record_name(path))
    if number is not None or when is not None:
        stem = _stem(record_name(path))
        if stem in _INDEX_STEMS:
            return "index"
        if text is None or (
            (_FRONT_OPEN.match(text) or _TOML_OPEN.match(text)) and _front_matter(text) is None
        ):
            return "record"  # front matter never closed: read, to be reported as an error
        if not (_find_title(_mask(_after_front(text))) or _front_title(text)):
            return "other"
        # A numbered file is a record even when its title mentions a template
        # ("0039-use-apache-velocity-as-template-engine.md"), unless it is one.
        if (_TEMPLATE_STEM.search(stem) and number == 0) or (
            (_TEMPLATE_STEM.search(stem) or number == 0) and _looks_like_template(path, text)
        ):
            return "template"
        return "record"
    if "template" in name:
        return "template"
    if name in _NOT_RECORDS:
        return "index"
    if text is None:
        return "other"
    body = _mask(_after_front(text))
    found = _find_title(body)
    if found and split_title(found[0]) != (None, found[0]):
        return "record"
    if (found or _front_title(text)) and _has_status_marker(text):
        sections = (m.group(1) for m in _ANY_HEADING.finditer(body))
        if any(_DECISION_SECTIONS.match(s.strip("*_ ")) for s in sections):
            return "record"
    return "other"


def split_title(raw: str) -> tuple[int | None, str]:
    """The number written in a heading, and the title without it or its prefix.

    Examples
    --------
    >>> [split_title(t) for t in ("ADR 12: Use X", "12. Use X", "ADR-0003 - Use X",
    ...                           "Architecture Decision Record: Use X", "2026 budget",
    ...                           "[ADR] Use X")]  # doctest: +NORMALIZE_WHITESPACE
    [(12, 'Use X'), (12, 'Use X'), (3, 'Use X'), (None, 'Use X'), (None, '2026 budget'),
     (None, 'Use X')]
    """
    m = _NUMBERED_TITLE.match(raw) or _NUMBERED_TITLE_BARE.match(raw)
    if m:
        return int(m.group(1)), m.group(2).strip()
    m = _PREFIX_ONLY.match(raw)
    if m:
        return None, m.group(1).strip()
    return None, raw


def _after_front(text: str) -> str:
    front = _front_matter(text)
    return text[front[2] :] if front else text.lstrip("\ufeff")


def _front_title(text: str) -> bool:
    front = _front_matter(text)
    return bool(front and re.search(r"^title[ \t]*[:=][ \t]*\S", front[1], re.M | re.I))


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
        found = [int(m.group(1) or m.group(2)) for m in _LINK_TARGET.finditer(line[rel.end() :])]
        # "Superseded by 0002", "Supersedes #7": a bare number right after the words.
        bare = re.match(r"[ \t:：]*(?:#|No\.?[ \t]*)?0*(\d{1,5})(?![\w.-])", line[rel.end() :])
        if not found and bare:
            found = [int(bare.group(1))]
        out.extend((relation, n) for n in found)
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
    if isinstance(chosen, (list, dict)):
        problems.append(
            Problem(
                rel,
                meta_lines.get("chosen"),
                "archplan.chosen",
                "the chosen option is not an option id",
                "one of the record's options: " + ", ".join(map(str, opts)),
            )
        )
        out["chosen"] = None
    elif out["chosen"] is not None and opts and out["chosen"] not in opts:
        # A typo in the chosen option ("govcloud" for "gov-cloud"): the record's own
        # list of considered options says what it can be.
        import difflib

        near = difflib.get_close_matches(out["chosen"], list(opts), n=3, cutoff=0.5)
        name = repr(out["chosen"])
        problems.append(
            Problem(
                rel,
                meta_lines.get("chosen"),
                "archplan.chosen",
                f"unknown option {name}; nearest: {', '.join(near)}"
                if near
                else f"unknown option {name}",
                "one of the record's options: " + ", ".join(opts),
            )
        )
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
        # "| Status | Accepted |" over "|---|---|" and "| Date | … |": the header row is
        # the first key–value pair, not column names (the row under it names a field,
        # where a table of columns has a value such as "Accepted").
        pairs_header = (
            sep
            and len(rows[0]) >= 2
            and _field_key(rows[0][0]) is not None
            and _field_key(rows[0][1]) is None
            and (
                len(rows) < 3
                or (
                    bool(rows[2])
                    and normalise_status(rows[2][0]) not in KNOWN_STATUSES
                    and read_date(rows[2][0])[0] is None
                )
            )
        )
        for j, cells in enumerate(rows):
            if (sep and j == 1) or (sep and j == 0 and not pairs_header):
                continue  # a header names columns; key–value pairs are in the rows
            if len(cells) >= 2:
                key = _field_key(cells[0])
                if key and key not in out and not set(cells[1]) <= set("-: "):
                    out[key] = (cells[1], offset + start + j + 1)
        if sep and len(rows) >= 3 and not pairs_header:
            for col, head in enumerate(rows[0]):
                key = _field_key(head)
                if key and key not in out and col < len(rows[2]):
                    out[key] = (rows[2][col], offset + start + 3)
    return out


def _mask(text: str, code: bool = True, comments: bool = True) -> str:
    """``text`` with the inside of fenced code blocks (``code``) and HTML comments
    (``comments``) blanked, same length and line breaks, so that examples in code and
    commented-out text are not read as the record's own fields.

    Examples
    --------
    >>> text = "a <!-- b -->c\\n" + "`" * 3 + "\\nStatus: x\\n" + "`" * 3 + "\\n"
    >>> _mask(text).split("\\n")
    ['a           c', '```', '         ', '   ', '']
    """
    out = []
    fence = ""
    in_comment = False
    for line in _md_lines(text, keepends=True):
        body = line.rstrip("\r\n")
        end = line[len(body) :]
        stripped = body.lstrip()
        if fence:
            if stripped.startswith(fence):
                fence = ""
            out.append((" " * len(body) if code else body) + end)
            continue
        if not in_comment and stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            out.append(line)
            continue
        parts: list[str] = []
        i = 0
        while i < len(body):
            if in_comment:
                j = body.find("-->", i)
                stop = len(body) if j < 0 else j + 3
                parts.append(" " * (stop - i) if comments else body[i:stop])
                i = stop
                in_comment = j < 0
            else:
                j = body.find("<!--", i)
                if j < 0:
                    parts.append(body[i:])
                    break
                parts.append(body[i:j])
                k = body.find("-->", j + 4)
                stop = len(body) if k < 0 else k + 3
                parts.append(" " * (stop - j) if comments else body[j:stop])
                i = stop
                in_comment = k < 0
        out.append("".join(parts) + end)
    return "".join(out)


def _field_key(word: str) -> str | None:
    low = word.strip().strip("*_ ").rstrip(":：").strip().lower()
    if low in _STATUS_WORDS:
        return "status"
    if low in _DATE_WORDS:
        return "date"
    if low in _DATE2_WORDS:
        return "date2"
    return None


_FRONT_RELATIONS = {
    "superseded-by": "superseded-by",
    "supersededby": "superseded-by",
    "supersedes": "supersedes",
    "amends": "amends",
    "amended-by": "amended-by",
    "relates-to": "relates-to",
    "related": "relates-to",
}

_GENERIC_TITLE = re.compile(
    r"^(?:architecture[ \t]+)?decision[ \t]+records?(?:[ \t]*\(ADRs?\))?$|^ADRs?$"
    r"|^(?:アーキテクチャ(?:上の)?)?(?:意思)?決定記録(?:[ \t]*[(（]ADR[)）])?$",
    re.I,
)


def heading_names(heading: str) -> set[str]:
    """A section heading's names, lower case, as a reader takes them: without a leading
    number, emphasis or colon, and a name in brackets counted too
    (``"5. 背景 (Context)"`` → ``{"背景", "context"}``).

    Examples
    --------
    >>> sorted(heading_names("5. 背景 (Context)")), heading_names("**Decision Outcome:**")
    (['context', '背景'], {'decision outcome'})
    """
    h = heading.strip().strip("*_ ").rstrip(":：").strip()
    h = re.sub(r"^\d{1,2}[.)]?[ \t]+", "", h)
    names = set()
    m = re.match(r"^(.*?)[ \t]*[(（]([^)）]*)[)）]$", h)
    if m:
        names.add(m.group(2).strip().lower())
        h = m.group(1)
    names.add(h.strip().strip("*_ ").rstrip(":：").strip().lower())
    return {n for n in names if n}


def _title_section(masked: str, lines: list[str], body_offset: int) -> str:
    """The first line of a ``## Title`` section, or ``""``."""
    for h in _SECTION.finditer(masked):
        if not heading_names(h.group(2)) & {"title", "件名", "タイトル"}:
            continue
        k = body_offset + _line_of(masked, h.start())
        while k < len(lines) and not lines[k].strip():
            k += 1
        if k < len(lines) and not lines[k].lstrip().startswith("#"):
            return lines[k].strip().strip("*_").strip()
    return ""


def _number_in(value: Any) -> int | None:
    """A record number written in front matter (``number: 12``, ``id: ADR-0012``)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value if 0 <= value < 100000 else None
    m = re.fullmatch(r"(?:adr[-_ ]?)?0*(\d{1,5})", str(value).strip(), re.I)
    return int(m.group(1)) if m else None


def _read_toml(content: str, rel: str, problems: list[Problem]) -> tuple[Any, dict[Any, int]]:
    """Hugo's TOML front matter as a mapping, with the line (within it) of each top key."""
    try:
        data = tomllib.loads(content)
    except tomllib.TOMLDecodeError as exc:
        at = re.search(r"line (\d+)", str(exc))
        problems.append(
            Problem(
                rel,
                int(at.group(1)) + 1 if at else 1,
                "front matter",
                "front matter is not TOML",
                "key = value lines between '+++' lines",
                field_text=Localized("jt_fld_front_matter"),
            )
        )
        return None, {}
    lines: dict[Any, int] = {}
    for k, line in enumerate(_md_lines(content), start=1):
        m = re.match(r"^[ \t]*([A-Za-z0-9_-]+)[ \t]*=", line)
        if m and (m.group(1),) not in lines:
            lines[(m.group(1),)] = k
    return data, lines


# "* 2021-04-12: Accepted", a line of a status history.
_DATED_LINE = re.compile(
    r"^(?:[*+->][ \t]+)*\**\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\**[ \t]*[:：\-–—|]?[ \t]*\w"
)


def _status_in_section(section: list[str], first_line: int) -> tuple[str, int] | None:
    """The status a ``## Status`` section states, and its line (1-based).

    ``section`` holds the section's lines (comments and code already blanked), the
    first of them on line ``first_line + 1``. The first line that says something is the
    status: a bullet's text, the value of a ``Status: x`` line (other ``Key: value``
    lines, such as ``Implementation: Adopted``, are skipped), or the Status row of a
    table. A later ``Superseded by …`` line under an ``Accepted`` that was never removed
    is what a reader goes by (its line stays the ``Accepted`` one, which a status change
    replaces).
    """
    chosen: tuple[str, int] | None = None
    # A checklist ("- [x] Draft", "- [ ] Accepted"): the ticked box is the status.
    boxes = [
        (m, k)
        for k, line in enumerate(section)
        if (m := re.match(r"^[ \t]*[*+-][ \t]+\[([ xX])\][ \t]+(.*?)[ \t]*$", line))
    ]
    if boxes:
        ticked = [(m.group(2), first_line + k + 1) for m, k in boxes if m.group(1) in "xX"]
        return ticked[0] if len(ticked) == 1 else None
    # A status history, one dated line each ("* 2021-03-01: Proposed",
    # "* 2021-04-12: Accepted"): the latest line is the status now.
    said = [(k, ln.strip()) for k, ln in enumerate(section) if ln.strip()]
    dated = [
        (k, re.sub(r"^(?:[*+->][ \t]+)+", "", ln)) for k, ln in said if re.match(_DATED_LINE, ln)
    ]
    if len(dated) >= 2 and len(dated) == len(said):
        k, text = dated[-1]
        word = re.sub(r"^\**\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\**[ \t]*[:：\-–—|]?[ \t]*", "", text)
        return word, first_line + k + 1  # the words only: a status change keeps the date
    k = 0
    while k < len(section):
        raw = section[k]
        line_no = first_line + k + 1
        stripped = raw.strip()
        if not stripped:
            k += 1
            continue
        if stripped.startswith("|"):
            start = k
            while k < len(section) and section[k].strip().startswith("|"):
                k += 1
            table = _table_fields("\n".join(section[start:k]), first_line + start)
            if "status" in table and chosen is None:
                chosen = table["status"]
            continue
        if chosen is not None:
            later = re.sub(r"^(?:[*+->][ \t]+)?[^\w\[]*", "", stripped).lower()
            if later.startswith(("superseded by", "superceded by", "replaced by")) and (
                normalise_status(chosen[0]) in ("accepted", "proposed")
            ):
                # The line to change stays the stale "Accepted": a new status replaces it.
                return re.sub(r"^(?:[*+->][ \t]+)+", "", stripped), chosen[1]
            k += 1
            continue
        km = _KEY_LINE.match(re.sub(r"^(?:[*+->][ \t]+)+", "", stripped))
        if km:
            if _field_key(km.group(1)) == "status":
                chosen = (km.group(2), line_no)
            k += 1
            continue
        if re.match(r"^[\w ]{1,30}[:：][ \t]+\S", stripped) and not re.match(
            r"^(?:superseded|superceded|supersedes|amended|amends|replaced)", stripped, re.I
        ):
            k += 1  # "Implementation: Adopted": another field, not the status
            continue
        chosen = (re.sub(r"^(?:[*+->][ \t]+)+", "", stripped), line_no)
        k += 1
    return chosen


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
    number, name_date = file_number(record_name(path))
    front: dict[str, Any] = {}
    # A byte-order mark stays in ``raw`` but must not hide the first heading.
    body = text[1:] if text.startswith("\ufeff") else text
    body_offset = 0  # lines before the body
    fmt = "plain"
    status_raw, status_line = "", None
    links: list[tuple[str, int]] = []
    meta: dict[str, Any] = {}
    notes: list[tuple[int | None, str]] = []
    front_lines: dict[Any, int] = {}
    fm = _front_matter(text)
    if fm is None and (_FRONT_OPEN.match(text) or _TOML_OPEN.match(text)):
        mark = "---" if _FRONT_OPEN.match(text) else "+++"
        problems.append(
            Problem(
                rel,
                1,
                "front matter",
                f"front matter opened with '{mark}' on line 1 is never closed",
                f"a line '{mark}' after the front matter, before the '# Title'",
                field_text=Localized("jt_fld_front_matter"),
            )
        )
        return None, problems
    date_raw, date_line = "", None
    front_date: Any = None
    if fm:
        kind, content, end = fm
        fmt = "madr4"
        data: Any = None
        if kind == "yaml":
            doc, yproblems = load_yaml(content, rel)
            for p in yproblems:  # the front matter starts on line 2 of the file
                problems.append(replace(p, line=p.line + 1 if p.line else None))
            if doc is not None:
                data, front_lines = doc.data, dict(doc.lines)
        else:
            fmt = "toml"
            data, front_lines = _read_toml(content, rel, problems)
        if data is not None and not isinstance(data, dict):
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
        elif data is not None:
            front = data
            keys = {str(k).lower(): k for k in front}
            if "status" in keys:
                value = front[keys["status"]]
                if isinstance(value, list) and value:
                    value = value[0]
                status_raw = str(value or "")
                status_line = 1 + front_lines.get((keys["status"],), 0)
            for word in ("date", "decision-date", "decision_date", *_DATE2_WORDS):
                key = keys.get(word)
                if key is not None and front[key] not in (None, ""):
                    front_date = front[key]
                    date_raw = str(front_date)
                    date_line = 1 + front_lines.get((key,), 0)
                    break
            if number is None:
                for word in ("number", "adr", "adr-number", "adr_number", "id"):
                    found = _number_in(front.get(keys.get(word, "")))
                    if found is not None:
                        number = found
                        break
            # Links some logs keep in their own front matter keys ("superseded_by: 12",
            # "supersedes: [ADR-0003]", "superseded-by: '[ADR-7](0007-x.md)'").
            for key, value in front.items():
                relation = _FRONT_RELATIONS.get(str(key).lower().replace("_", "-"))
                if relation is None:
                    continue
                for item in value if isinstance(value, list) else [value]:
                    target = _number_in(item)
                    if target is None and item is not None:
                        hit = _LINK_TARGET.search(str(item))
                        target = int(hit.group(1) or hit.group(2)) if hit else None
                    if target is not None:
                        links.append((relation, target))
            meta = _archplan_meta(front.get("archplan"), rel, problems, front_lines, 1)
        body = text[end:]
        body_offset = _line_of(text, end) - 1
    body_kept = body
    masked = _mask(body)
    prefix = text[: len(text) - len(body)]
    lines = _md_lines(prefix + masked)  # masked lines, numbered as the file's
    found_title = _find_title(masked)
    front_title = ""
    for key in front:
        if str(key).lower() == "title" and str(front[key] or "").strip():
            front_title = str(front[key]).strip()
    if found_title is None and not front_title:
        if problems:  # the front matter could not be read: that is the problem to fix
            return None, problems
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
    raw_title = found_title[0] if found_title else front_title
    if _GENERIC_TITLE.match(raw_title):
        # "# Architecture Decision Record" over a "## Title" section (or a title in the
        # front matter): the decision's own title is there.
        raw_title = _title_section(masked, lines, body_offset) or front_title or raw_title
    title_number, title = split_title(raw_title)
    number_source = "file"
    if number is None:
        number, number_source = (
            (title_number, "title") if title_number is not None else (0, "order")
        )
    elif file_number(record_name(path))[0] is None:
        number_source = "front matter"
    title_at = found_title[1] if found_title else -1
    # Sections: second-level headings ("## Context", also "##Context") and first-level
    # ones other than the title (some logs write every section as "# Context").
    sections = tuple(
        (h.group(2).strip(), body_offset + _line_of(masked, h.start()))
        for h in _SECTION.finditer(masked)
        if h.start() != title_at
    )
    # MADR 2 and log4brains: "* Status: accepted" bullets under the title.
    bullets: dict[str, re.Match[str]] = {}
    for b in _BULLET.finditer(masked):
        key = _field_key(b.group(1))
        if key and key not in bullets:
            bullets[key] = b
    if not status_raw and "status" in bullets:
        b = bullets["status"]
        fmt = "madr2"
        status_raw = b.group(2)
        status_line = body_offset + _line_of(masked, b.start())
    # Metadata tables and "Status:" lines count above the first section, where records
    # put them (a table of components with a Status column further down is not the
    # record's status); further down only when they name one of MADR's statuses.
    first = next((h for h in _SECTION.finditer(masked) if h.start() > title_at), None)
    head = masked[: first.start()] if first else masked
    table = _table_fields(head, body_offset)
    if not status_raw and "status" in table:
        fmt = "table"
        status_raw, status_line = table["status"]
    # Nygard: a "## Status" section (anywhere) whose first line is the status.
    for h in _STATUS_HEADING.finditer(masked):
        line = body_offset + _line_of(masked, h.start())
        if h.group(1):  # "## Status: Accepted"
            if not status_raw:
                fmt, status_raw, status_line = "line", h.group(1).strip(), line
            continue
        end_line = next(
            (
                body_offset + _line_of(masked, e.start())
                for e in _ANY_HEADING.finditer(masked, h.end())
            ),
            len(lines) + 1,
        )
        section = lines[line : end_line - 1]
        if not status_raw:
            got = _status_in_section(section, line)
            if got is not None:
                fmt = "nygard"
                status_raw, status_line = got
        # Every line of the section may carry links ("Supersedes [1. …](0001-….md)"),
        # but not an unticked box of a checklist ("- [ ] Superseded by 0002").
        links += _links_in(
            "\n".join(ln for ln in section if not re.match(r"^[ \t]*[*+-][ \t]+\[ \]", ln))
        )
    keyed: dict[str, re.Match[str]] = {}
    for km in _KEY_LINE.finditer(head):
        key = _field_key(km.group(1))
        if key and key not in keyed:
            keyed[key] = km
    for km in _KEY_LINE.finditer(masked, len(head)):  # "## Metadata" further down
        key = _field_key(km.group(1))
        if key == "status" and normalise_status(km.group(2)) not in KNOWN_STATUSES:
            continue
        if key in ("date", "date2") and read_date(km.group(2))[0] is None:
            continue
        if key and key not in keyed:
            keyed[key] = km
    if not status_raw and "status" in keyed:
        fmt = "line"
        status_raw = keyed["status"].group(2)
        status_line = body_offset + _line_of(masked, keyed["status"].start())
    # Metadata in a code block right under the title ("```\nStatus: Active\n```").
    fenced = _mask(body, code=False)[: len(head)]
    in_code = [
        km
        for km in _KEY_LINE.finditer(fenced)
        if not masked[km.start() : km.end()].strip() and _field_key(km.group(1))
    ]
    for km in in_code:
        key = _field_key(km.group(1))
        if key and key not in keyed:
            keyed[key] = km
            if key == "status" and not status_raw:
                fmt = "line"
                status_raw = km.group(2)
                status_line = body_offset + _line_of(masked, km.start())
    for key in ("date", "date2"):  # a "Date" before a "Created" or "Last updated"
        if date_raw:
            break
        for source in (bullets, keyed):
            if key in source and not date_raw:
                date_raw = source[key].group(2)
                date_line = body_offset + _line_of(masked, source[key].start())
        if key in table and not date_raw:
            date_raw, date_line = table[key]
        if key == "date" and not date_raw:  # a "## Date" section: its first line
            for h in _DATE_HEADING.finditer(masked):
                k = body_offset + _line_of(masked, h.start())
                while k < len(lines) and not lines[k].strip():
                    k += 1
                if k < len(lines) and not lines[k].startswith("#"):
                    date_raw, date_line = lines[k].strip(), k + 1
                    break
    when: date | None = None
    if isinstance(front_date, date):
        when = front_date.date() if isinstance(front_date, datetime) else front_date
    elif date_raw:
        when, issue = read_date(date_raw)
        if issue == "ambiguous":
            notes.append((date_line, msg("adr_date_ambiguous", "en", raw=date_raw)))
        elif issue == "unreadable":
            if isinstance(front_date, str):
                problems.append(
                    Problem(rel, date_line, "date", f"{date_raw!r} is not a date", "YYYY-MM-DD")
                )
            else:
                notes.append((date_line, msg("adr_date_unreadable", "en", raw=date_raw)))
    if when is None and name_date is not None and not date_raw:
        when = name_date
    if when is None and not date_raw and status_raw and status_line:
        # "Accepted on 2019-05-03 by the board", "* 2021-04-12: Accepted": the status
        # line's own date.
        plain = re.sub(r"\[[^\]]*\]\([^)]*\)", "", lines[status_line - 1])
        iso = re.search(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)", plain)
        if iso:
            when = read_date(iso.group(0))[0]
    if status_raw:
        links += _links_in(status_raw)
    links += list(meta.get("links", ()))
    if problems:
        return None, problems
    record = DecisionRecord(
        path=path,
        number=number,
        title=title,
        # A template's list of statuses left in place says nothing about this record.
        status="unknown" if _status_placeholder(status_raw) else normalise_status(status_raw),
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
    numbered = [replace(r, number=given[id(r)]) if id(r) in given else r for r in records]
    # log4brains links records by file name ("superseded by [x](20211102-x.md)"): now
    # that those records have numbers, the links have targets.
    by_name = {r.path.name: r.number for r in numbered if r.number_source == "order"}
    if not by_name:
        return numbered
    out = []
    for r in numbered:
        extra = [
            (relation, by_name[target])
            for relation, target in _file_links_in(r.status_raw)
            if target in by_name
        ]
        links = tuple(dict.fromkeys((*r.links, *extra)))
        out.append(replace(r, links=links) if links != r.links else r)
    return out


def _file_links_in(text: str) -> list[tuple[str, str]]:
    """(relation, file name) pairs from "superseded by [x](20211102-x.md)".

    Examples
    --------
    >>> _file_links_in("superseded by [20211102-keep-rest](./20211102-keep-rest.md)")
    [('superseded-by', '20211102-keep-rest.md')]
    """
    out: list[tuple[str, str]] = []
    for line in _md_lines(text):
        rel = _RELATION.search(line)
        if not rel:
            continue
        relation = rel.group(1).lower().replace(" ", "-")
        relation = _RELATION_NAMES.get(relation, relation)
        for m in re.finditer(r"\]\((?:\./)?([^)\s#]+\.md)(?:#[^)]*)?\)", line[rel.end() :]):
            out.append((relation, m.group(1).rsplit("/", 1)[-1]))
    return out


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
    data = path.read_bytes()
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        return None, Problem(
            rel,
            data.count(b"\n", 0, exc.start) + 1,  # the line of the first bad byte
            None,
            f"not UTF-8 text (byte {exc.start} of the file cannot be decoded)",
            "a UTF-8 Markdown file",
        )


def _yaml_scalar_like(value: str, written: str) -> str:
    """``value`` as a YAML scalar quoted the way ``written`` was (plain when it was plain
    and the value reads back unchanged without quotes).

    Examples
    --------
    >>> _yaml_scalar_like("accepted", "proposed"), _yaml_scalar_like("accepted", "'x'")
    ('accepted', "'accepted'")
    >>> _yaml_scalar_like("accepted", '"proposed"'), _yaml_scalar_like("a: b", "x")
    ('"accepted"', '"a: b"')
    """
    if written.startswith("'"):
        return "'" + value.replace("'", "''") + "'"
    if not written.startswith('"'):
        import yaml

        try:
            if yaml.safe_load(f"status: {value}\n") == {"status": value}:
                return value
        except yaml.YAMLError:
            pass
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


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
    bom = "\ufeff" if content.startswith("\ufeff") else ""  # kept, never edited
    content = content[len(bom) :]
    if record.format == "madr4":
        m = re.match(r"^(\s*status\s*:\s*)(.*?)(\s*(?:#.*)?)$", content, re.I)
        assert m is not None
        if _is_japanese(record.status_raw) and new_status.lower() in _JA_WORD:
            new_status = _JA_WORD[new_status.lower()]
        content = m.group(1) + _yaml_scalar_like(new_status, m.group(2)) + m.group(3)
    elif record.format == "toml":
        m = re.match(r"^(\s*status\s*=\s*)(.*?)(\s*(?:#.*)?)$", content, re.I)
        assert m is not None
        content = m.group(1) + '"' + new_status.replace('"', '\\"') + '"' + m.group(3)
    elif record.format == "madr2" and (
        m := re.match(r"^(\s*[*+-]\s+(?:\*\*|__)?[^:：]+[:：](?:\*\*|__)?\s*)(.*?)$", content)
    ):
        if _is_japanese(record.status_raw) and new_status.lower() in _JA_WORD:
            new_status = _JA_WORD[new_status.lower()]
        at = content.find(record.status_raw, len(m.group(1))) if record.status_raw else -1
        if at >= 0:  # only the words as written: a trailing "<!-- optional -->" stays
            content = content[:at] + new_status + content[at + len(record.status_raw) :]
        else:
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
    lines[k] = bom + content + ending
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
        kind = classify(path, text)
        if kind != "record":
            # A template or an index with a number ("0000-template.md") is quietly skipped.
            if kind == "other" and RECORD_RE.match(path.name):
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
