"""Decision records: read MADR-style Markdown files and render them safely.

A record is ``decisions/NNNN-title-with-dashes.md``. MADR 3/4 records start with YAML
front matter between ``---`` lines (``status``, ``date``, ``decision-makers``, …) followed
by a ``# Title`` heading. Records without front matter (Nygard, MADR 2) are read too: the
status then comes from a ``## Status`` section or a ``* Status:`` bullet.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
from markdown_it import MarkdownIt

from archplan.errors import Problem
from archplan.workspace._yaml import load_yaml
from archplan.workspace.model import DecisionRecord

__all__ = ["decisions_table", "read_record", "render_markdown"]

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.S)
_TITLE = re.compile(r"^#[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)
_STATUS_SECTION = re.compile(r"^##[ \t]+Status[ \t]*\n+(.+?)$", re.M | re.I)
_STATUS_BULLET = re.compile(r"^[*-][ \t]+Status:[ \t]*(.+?)[ \t]*$", re.M | re.I)
_FILE_NUMBER = re.compile(r"^(\d{4})-")

KNOWN_STATUSES = ("proposed", "accepted", "rejected", "deprecated", "superseded")


def _normalise_status(text: str) -> str:
    low = text.strip().lower()
    for s in KNOWN_STATUSES:
        if low.startswith(s):
            return s
    return low or "unknown"


def read_record(path: Path, text: str, rel: str) -> tuple[DecisionRecord | None, list[Problem]]:
    """Read one decision record from its text.

    Parameters
    ----------
    path : Path
        Where the record lives (kept on the record).
    text : str
        The file's text.
    rel : str
        The name used in problem messages (``decisions/0001-x.md``).

    Returns
    -------
    (DecisionRecord or None, list of Problem)

    Examples
    --------
    >>> rec, problems = read_record(Path("0001-use-saas.md"),
    ...     "---\\nstatus: accepted\\ndate: 2026-05-01\\n---\\n# Use SaaS\\n", "0001-use-saas.md")
    >>> rec.number, rec.title, rec.status, str(rec.date), problems
    (1, 'Use SaaS', 'accepted', '2026-05-01', [])
    """
    problems: list[Problem] = []
    m = _FILE_NUMBER.match(path.name)
    if m is None:
        problems.append(
            Problem(
                rel,
                None,
                None,
                "file name does not start with a number",
                "NNNN-title-with-dashes.md",
            )
        )
        return None, problems
    number = int(m.group(1))
    front: dict[str, Any] = {}
    body = text
    fm = _FRONT.match(text)
    if fm:
        doc, yproblems = load_yaml(fm.group(1), rel)
        for p in yproblems:
            # The front matter starts on line 2 of the file.
            problems.append(
                Problem(p.file, p.line + 1 if p.line else None, p.field, p.message, p.expected)
            )
        if doc is not None and doc.data is not None:
            if isinstance(doc.data, dict):
                front = doc.data
            else:
                problems.append(
                    Problem(
                        rel,
                        2,
                        "front matter",
                        "front matter is not a mapping",
                        "key: value lines such as 'status: accepted'",
                    )
                )
        body = text[fm.end() :]
    title_m = _TITLE.search(body)
    if title_m is None:
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
    title = re.sub(r"^\d+\.\s*", "", title_m.group(1)).strip()
    status_raw: Any = front.get("status")
    if status_raw is None:
        sm = _STATUS_SECTION.search(body) or _STATUS_BULLET.search(body)
        status_raw = sm.group(1) if sm else ""
    status = _normalise_status(str(status_raw))
    when: date | None = None
    raw_date = front.get("date")
    if isinstance(raw_date, date):
        when = raw_date
    elif raw_date is not None:
        try:
            when = date.fromisoformat(str(raw_date).strip())
        except ValueError:
            problems.append(Problem(rel, 3, "date", f"{raw_date!r} is not a date", "YYYY-MM-DD"))
    if problems:
        return None, problems
    return DecisionRecord(
        path=path,
        number=number,
        title=title,
        status=status,
        date=when,
        front_matter=front,
        body=body,
    ), problems


def decisions_table(records: tuple[DecisionRecord, ...] | list[DecisionRecord]) -> pd.DataFrame:
    """The decision log as a DataFrame indexed by record number.

    Examples
    --------
    >>> decisions_table([]).columns.tolist()
    ['title', 'status', 'date', 'file']
    """
    rows = [
        {
            "number": r.number,
            "title": r.title,
            "status": r.status,
            "date": r.date,
            "file": r.path.name,
        }
        for r in records
    ]
    return pd.DataFrame(rows, columns=["number", "title", "status", "date", "file"]).set_index(
        "number"
    )


_md = MarkdownIt("js-default")  # raw HTML is escaped, not passed through


def render_markdown(text: str, shift_headings: int = 0) -> str:
    """Render a record's Markdown to HTML with any raw HTML escaped.

    ``javascript:`` and other unsafe link targets are refused by markdown-it's link
    validation, so a record cannot run script in a report. ``shift_headings`` demotes
    headings (``# Title`` becomes ``<h3>`` with 2) so a record nests inside a report.

    Examples
    --------
    >>> render_markdown("**ok** <script>alert(1)</script>")
    '<p><strong>ok</strong> &lt;script&gt;alert(1)&lt;/script&gt;</p>\\n'
    >>> render_markdown("# Title", shift_headings=2)
    '<h3>Title</h3>\\n'
    """
    tokens = _md.parse(text)
    if shift_headings:
        for tok in tokens:
            if tok.type in ("heading_open", "heading_close"):
                level = min(int(tok.tag[1]) + shift_headings, 6)
                tok.tag = f"h{level}"
    return str(_md.renderer.render(tokens, _md.options, {}))
