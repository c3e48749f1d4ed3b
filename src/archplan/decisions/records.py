"""Read decision records as they are found in real repositories, without rewriting them.

Formats: MADR 3/4 (YAML front matter: ``status``, ``date``, …), MADR 2 (metadata as
bullets: ``* Status: accepted``), Nygard / adr-tools (a ``## Status`` section, with
``Superseded by [2. …](0002-….md)`` lines). Real-world drift is expected: no status,
prose statuses ("Approved", "Pending", "Partly superseded"), emoji, a heading number that
differs from the file name, extra sections, and templates and index files in the same
folder (:func:`classify` tells them apart).

A record keeps its text exactly as read; :func:`write_back` returns those bytes, and the
lifecycle functions change single lines only.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from archplan.errors import Problem
from archplan.workspace._yaml import load_yaml
from archplan.workspace.model import DecisionRecord

__all__ = [
    "KNOWN_STATUSES",
    "REQUIRED_SECTIONS",
    "classify",
    "normalise_status",
    "read_folder",
    "read_record",
    "with_status_line",
    "write_back",
]

KNOWN_STATUSES = ("proposed", "accepted", "rejected", "deprecated", "superseded")

#: MADR's required sections, with the Japanese headings archplan's template uses.
REQUIRED_SECTIONS: dict[str, tuple[str, ...]] = {
    "context": ("context and problem statement", "context", "背景と課題"),
    "options": ("considered options", "検討した選択肢"),
    "outcome": ("decision outcome", "decision", "決定事項"),
}

_FRONT = re.compile(r"\A(\ufeff?)---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)
_TITLE = re.compile(r"^#[ \t]+(.+?)[ \t]*#*[ \t]*\r?$", re.M)
_HEADING2 = re.compile(r"^##[ \t]+(.+?)[ \t]*#*[ \t]*\r?$", re.M)
_BULLET = re.compile(
    r"^[*-][ \t]+(Status|Date|Deciders|Decision[- ]makers)[ \t]*:[ \t]*(.*?)"
    r"[ \t]*\r?$",
    re.M | re.I,
)
_FILE_NUMBER = re.compile(r"^(\d{4})-")
_NUMBERED_TITLE = re.compile(r"^(?:ADR[- ]?)?(\d+)[.:)][ \t]*(.+)$", re.I)
_LINK_TARGET = re.compile(r"\((?:\./)?(\d{4})-[^)\s]*\.md(?:#[^)]*)?\)|ADR[- ]?0*(\d+)", re.I)
_RELATION = re.compile(r"(superseded by|supersedes|amended by|amends|relates to)", re.I)
_DATE_LINE = re.compile(r"^Date:[ \t]*(\d{4}-\d{2}-\d{2})", re.M)


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
    """
    low = re.sub(r"^[^a-z\[]+", "", text.strip().lower())
    if not low:
        return "unknown"
    if (
        low.startswith("superseded")
        or "partly superseded" in low
        or low.startswith("partially superseded")
    ):
        return "superseded"
    first = re.split(r"[^a-z]+", low, maxsplit=1)[0]
    aliases = {
        "approved": "accepted",
        "accepted": "accepted",
        "adopted": "accepted",
        "proposed": "proposed",
        "pending": "proposed",
        "draft": "proposed",
        "rejected": "rejected",
        "declined": "rejected",
        "deprecated": "deprecated",
        "superseded": "superseded",
    }
    if first in aliases:
        return aliases[first]
    return low.split("\n")[0][:40]


def classify(path: Path, text: str | None = None) -> str:
    """``record``, ``template``, ``index`` or ``other`` for a file in a decisions folder.

    Examples
    --------
    >>> classify(Path("0001-use-x.md"), "# Use X\\n"), classify(Path("adr-template.md"))
    ('record', 'template')
    >>> classify(Path("index.md")), classify(Path("0008-example.png"))
    ('index', 'other')
    """
    name = path.name.lower()
    if not name.endswith(".md"):
        return "other"
    if _FILE_NUMBER.match(path.name):
        # A numbered file is a record even when its title mentions a template
        # ("0039-use-apache-velocity-as-template-engine.md").
        if text is None or _TITLE.search(text.lstrip("\ufeff")):
            return "record"
        return "other"
    if "template" in name:
        return "template"
    if name in ("index.md", "readme.md", "toc.md", "summary.md"):
        return "index"
    return "other"


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _links_in(text: str) -> list[tuple[str, int]]:
    """(relation, number) pairs from prose such as "Superseded by [2. X](0002-x.md)"."""
    out: list[tuple[str, int]] = []
    for line in text.splitlines():
        rel = _RELATION.search(line)
        if not rel:
            continue
        relation = rel.group(1).lower().replace(" ", "-")
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


def read_record(path: Path, text: str, rel: str) -> tuple[DecisionRecord | None, list[Problem]]:
    """Read one decision record from its text, keeping the text exactly.

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
    # A byte-order mark stays in ``raw`` but must not hide the first heading.
    body = text[1:] if text.startswith("\ufeff") else text
    body_offset = 0  # lines before the body
    fmt = "plain"
    status_raw, status_line = "", None
    links: list[tuple[str, int]] = []
    meta: dict[str, Any] = {}
    fm = _FRONT.match(text)
    if fm:
        fmt = "madr4"
        yaml_text = fm.group(2) or ""
        doc, yproblems = load_yaml(yaml_text, rel)
        for p in yproblems:  # the front matter starts on line 2 of the file
            problems.append(
                Problem(p.file, p.line + 1 if p.line else None, p.field, p.message, p.expected)
            )
        if doc is not None and doc.data is not None:
            if isinstance(doc.data, dict):
                front = doc.data
                if "status" in front:
                    status_raw = str(front["status"] or "")
                    status_line = 1 + doc.lines.get(("status",), 0)
                meta = _archplan_meta(front.get("archplan"), rel, problems, doc.lines, 1)
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
        body_offset = _line_of(text, fm.end()) - 1
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
    raw_title = title_m.group(1).strip()
    title_number = None
    nm = _NUMBERED_TITLE.match(raw_title)
    title = raw_title
    if nm:
        title_number, title = int(nm.group(1)), nm.group(2).strip()
    sections = tuple(
        (h.group(1).strip(), body_offset + _line_of(body, h.start()))
        for h in _HEADING2.finditer(body)
    )
    when = _as_date(front.get("date"))
    # MADR 2: "* Status: accepted" bullets under the title.
    bullets = {b.group(1).lower(): b for b in _BULLET.finditer(body)}
    if not status_raw and "status" in bullets:
        b = bullets["status"]
        fmt = "madr2"
        status_raw = b.group(2)
        status_line = body_offset + _line_of(body, b.start())
    if when is None and "date" in bullets:
        when = _as_date(bullets["date"].group(2))
    # Nygard: a "## Status" section whose first non-empty line is the status.
    for heading, line in sections:
        if heading.lower() == "status" and not status_raw:
            fmt = "nygard"
            lines = text.splitlines()
            k = line  # index of the line after the heading (0-based)
            while k < len(lines) and not lines[k].strip():
                k += 1
            if k < len(lines) and not lines[k].startswith("#"):
                status_raw = lines[k].strip()
                status_line = k + 1
            # Every line of the section may carry links ("Supersedes [1. …](0001-….md)").
            end = next((ln for _, ln in sections if ln > line), len(lines) + 1)
            links += _links_in("\n".join(lines[line : end - 1]))
    if when is None:
        dm = _DATE_LINE.search(body)
        when = _as_date(dm.group(1)) if dm else None
    if status_raw:
        links += _links_in(status_raw)
    links += list(meta.get("links", ()))
    if isinstance(front.get("date"), str) and when is None and front.get("date"):
        problems.append(
            Problem(rel, 1 + 0, "date", f"{front['date']!r} is not a date", "YYYY-MM-DD")
        )
    if problems:
        return None, problems
    record = DecisionRecord(
        path=path,
        number=number,
        title=title,
        status=normalise_status(status_raw),
        date=when,
        front_matter=front,
        body=body,
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
    )
    return record, problems


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
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        try:
            text = path.read_bytes().decode("utf-8") if path.suffix == ".md" else None
        except UnicodeDecodeError:
            problems.append(Problem(path.name, None, None, "not UTF-8 text", "UTF-8"))
            continue
        kind = classify(path, text)
        if kind != "record":
            others[kind].append(path)
            continue
        assert text is not None
        record, found = read_record(path, text, str(path.relative_to(folder)))
        problems.extend(found)
        if record is not None:
            records.append(record)
    return records, others, problems


def with_status_line(record: DecisionRecord, new_status: str) -> str:
    """The record's text with only its status value replaced (every other byte kept).

    Raises ``ValueError`` when the record has no status line to change.
    """
    if record.status_line is None:
        raise ValueError("the record has no status line")
    lines = record.raw.splitlines(keepends=True)
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
        m = re.match(r"^(\s*[*-]\s+Status\s*:\s*)(.*?)$", content, re.I)
        assert m is not None
        content = m.group(1) + new_status
    else:
        indent = content[: len(content) - len(content.lstrip())]
        content = indent + new_status[:1].upper() + new_status[1:]
    lines[k] = content + ending
    return "".join(lines)
