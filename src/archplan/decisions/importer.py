"""Import an existing decision log (adr-tools, MADR, log4brains, Nygard-style) into a
workspace's ``decisions/`` folder, byte for byte.

The source is only read. Each record is copied unchanged to the same relative path under
``decisions/``; nothing in the workspace is ever written over. Before anything is written
the whole import is checked, and it is refused (nothing written) when

* a target file already exists with other bytes (the same bytes: already imported, skipped);
* a record's number is already used by a record of the workspace, or by two records of the
  source — unless ``renumber`` is asked for: then such a record is copied under a file name
  with the next free number (its bytes unchanged). By default archplan does not renumber:
  the number is also written in the record's heading and in other records' links, which a
  copy cannot change without rewriting what the team wrote.

Records that cannot be read (unclosed front matter, not UTF-8, …) are reported with file
and line and not copied; templates, indexes, READMEs and tool files are listed as skipped.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from archplan.decisions.records import localised_notes, read_folder, record_name
from archplan.errors import InputError, Problem, TargetExistsError
from archplan.messages import Localized
from archplan.workspace.loader import DECISIONS_DIR
from archplan.workspace.model import DecisionRecord

__all__ = ["ImportResult", "import_log", "log_folder"]


@dataclass
class ImportResult:
    """What an import recognised, skipped, could not read, and wrote."""

    records: list[DecisionRecord]
    #: Files that are not records, as (path relative to the source, kind).
    skipped: list[tuple[str, str]]
    #: Records that could not be read, located (file relative to the source, line).
    problems: list[Problem]
    #: Warnings about records that were read (an ambiguous or unreadable date, …).
    notes: list[Problem]
    written: list[Path] = field(default_factory=list)
    #: Records whose identical copy was already in the workspace.
    already: list[Path] = field(default_factory=list)
    source: Path = Path(".")
    #: With ``renumber``: records copied under a new number, as (source name, new name).
    renamed: list[tuple[str, str]] = field(default_factory=list)

    def table(self) -> pd.DataFrame:
        """The recognised records: number (index), title, status as read and as written,
        date, number source and file.

        Examples
        --------
        >>> ImportResult([], [], [], []).table().columns.tolist()
        ['title', 'status', 'status_as_written', 'date', 'numbered_by', 'file']
        """
        rows = [
            {
                "number": r.number,
                "title": r.title,
                "status": r.status,
                "status_as_written": r.status_raw,
                "date": r.date,
                "numbered_by": r.number_source,
                "file": _relative(r.path, self.source),
            }
            for r in sorted(self.records, key=lambda r: r.number)
        ]
        cols = ["number", "title", "status", "status_as_written", "date", "numbered_by", "file"]
        return pd.DataFrame(rows, columns=cols).set_index("number")


def log_folder(root: Path) -> Path:
    """The folder that holds the log, when ``root`` is a repository that names it: in
    ``.adr-dir`` (adr-tools) or as ``adrFolder`` in ``.log4brains.yml``; else ``root``.

    Examples
    --------
    >>> import tempfile
    >>> repo = Path(tempfile.mkdtemp())
    >>> (repo / "doc" / "adr").mkdir(parents=True)
    >>> _ = (repo / ".adr-dir").write_text("doc/adr\\n")
    >>> log_folder(repo).relative_to(repo).as_posix()
    'doc/adr'
    """
    named = ""
    marker = root / ".adr-dir"
    if marker.is_file():
        named = marker.read_text(encoding="utf-8", errors="replace").strip()
    config = root / ".log4brains.yml"
    if not named and config.is_file():
        m = re.search(
            r"^[ \t]*adrFolder[ \t]*:[ \t]*['\"]?([^'\"\r\n#]+?)['\"]?[ \t]*(?:#.*)?$",
            config.read_text(encoding="utf-8", errors="replace"),
            re.M,
        )
        named = m.group(1) if m else ""
    if named:
        folder = (root / named).resolve()
        # Only a folder inside the repository, never the root itself again.
        if folder.is_dir() and folder != root.resolve() and root.resolve() in folder.parents:
            return root / named.strip("/")
    return root


def _relative(path: Path, folder: Path) -> str:
    try:
        return path.relative_to(folder).as_posix()
    except ValueError:
        return path.as_posix()


def _create(path: Path, data: bytes) -> None:
    """Write a new file atomically, refusing if it exists (a hard link never replaces)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise TargetExistsError(Localized("jt_err_record_exists", path=path)) from None
    finally:
        Path(tmp).unlink(missing_ok=True)


_NAME_NUMBER = re.compile(r"^((?:adr[-_ ]?)?)(\d{1,5})(?=[-_ .])", re.I)


def _rest(name: str) -> str:
    """A file name without its number ("0001-use-x.md" → "-use-x.md")."""
    m = _NAME_NUMBER.match(name)
    return name[m.end() :] if m else name


def _with_number(name: str, number: int) -> str:
    """The file name with ``number`` in place of its own (same width), or in front.

    Examples
    --------
    >>> _with_number("0001-use-x.md", 46), _with_number("adr-001-x.md", 7), _with_number("x.md", 3)
    ('0046-use-x.md', 'adr-007-x.md', '0003-x.md')
    """
    m = _NAME_NUMBER.match(name)
    if m is None:
        return f"{number:04d}-{name}"
    return f"{m.group(1)}{number:0{len(m.group(2))}d}{name[m.end() :]}"


def import_log(
    workspace: str | Path,
    source: str | Path,
    *,
    dry_run: bool = False,
    renumber: bool = False,
    language: str = "en",
) -> ImportResult:
    """Copy the decision records of ``source`` into ``workspace/decisions/`` unchanged.

    Parameters
    ----------
    workspace : str or Path
        The workspace folder (its ``decisions/`` is created if missing).
    source : str or Path
        The folder of an existing log, or a repository whose ``.adr-dir`` (adr-tools) or
        ``.log4brains.yml`` names that folder; it is only read.
    dry_run : bool
        Report what would be imported, write nothing.
    renumber : bool
        Give a record whose number is already taken (in the workspace, or by an earlier
        file of the source, in name order) the next number above every number in use,
        in its file name only: its bytes are copied unchanged, so its heading and the
        links of other records still say the old number (``adr check`` reports links
        that no longer resolve). Without it such an import is refused.

    Returns
    -------
    ImportResult

    Raises
    ------
    InputError
        The source is not a folder, or is the workspace's own ``decisions/``.
    TargetExistsError
        A number or a file name collides (see the module's docstring); nothing was written.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> src, ws = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
    >>> _ = (src / "adr-001-use-x.md").write_text("# 1. Use X\\n\\nDate: 28/03/2018\\n\\n"
    ...                                           "## Status\\n\\n✅ Accepted\\n")
    >>> _ = (src / "template.md").write_text("# NUMBER. TITLE\\n")
    >>> result = import_log(ws, src)
    >>> result.table()[["title", "status", "date"]].to_dict("records")
    [{'title': 'Use X', 'status': 'accepted', 'date': datetime.date(2018, 3, 28)}]
    >>> result.skipped, [p.name for p in result.written]
    ([('template.md', 'template')], ['adr-001-use-x.md'])
    >>> copied = (ws / "decisions" / "adr-001-use-x.md").read_bytes()
    >>> copied == (src / "adr-001-use-x.md").read_bytes()
    True
    """
    src = Path(source)
    dest = Path(workspace) / DECISIONS_DIR
    if not src.is_dir():
        raise InputError(Localized("jt_err_not_a_log", path=src))
    src = log_folder(src)
    if dest.exists() and src.resolve() == dest.resolve():
        raise InputError(Localized("jt_err_own_log", path=src))
    records, others, problems = read_folder(src)
    skipped = sorted(
        (p.relative_to(src).as_posix(), kind) for kind, paths in others.items() for p in paths
    )
    notes = [
        Problem(r.path.relative_to(src).as_posix(), line, "date", message)
        for r in records
        for line, message in localised_notes(r, language)
    ]
    existing: list[DecisionRecord] = []
    if dest.is_dir():
        existing, _, _ = read_folder(dest)
    taken = {r.number: r.path.relative_to(dest).as_posix() for r in existing}
    clashes: list[str] = []
    seen: dict[int, str] = {}
    plan: list[tuple[DecisionRecord, Path]] = []
    already: list[Path] = []
    renamed: list[tuple[str, str]] = []
    # With renumber, a record already imported under a new number is recognised by its
    # bytes and the rest of its name.
    imported = {(_rest(p.name), p.read_bytes()): p for p in (r.path for r in existing) if renumber}
    numbers = set(taken) | {r.number for r in records if r.number_source != "order"}
    next_free = max(numbers, default=0) + 1
    for r in sorted(records, key=lambda r: r.path):
        rel = r.path.relative_to(src).as_posix()
        target = dest / rel
        data = r.path.read_bytes()
        if target.exists():
            if target.is_file() and target.read_bytes() == data:
                already.append(target)
                continue
            clashes.append(f"{DECISIONS_DIR}/{rel} already exists with other content")
            continue
        if (_rest(r.path.name), data) in imported:
            already.append(imported[(_rest(r.path.name), data)])
            continue
        if r.number_source != "order":
            # Numbers the workspace's unnumbered (log4brains) records hold are taken too.
            clash = ""
            if r.number in taken:
                clash = (
                    f"{rel}: number {r.number} is already used by {DECISIONS_DIR}/{taken[r.number]}"
                )
            elif r.number in seen:
                clash = f"{rel}: number {r.number} is also used by {seen[r.number]}"
            if clash and renumber:
                if record_name(r.path) != r.path.name:  # "0001-x/index.md": the folder
                    folder = Path(rel).parent
                    new_rel = (
                        folder.parent / _with_number(folder.name, next_free) / r.path.name
                    ).as_posix()
                else:
                    new_rel = (Path(rel).parent / _with_number(r.path.name, next_free)).as_posix()
                target = dest / new_rel
                if target.exists():
                    clashes.append(f"{DECISIONS_DIR}/{new_rel} already exists")
                    continue
                renamed.append((rel, new_rel))
                seen[next_free] = new_rel
                next_free += 1
            elif clash:
                clashes.append(clash)
            else:
                seen[r.number] = rel
        plan.append((r, target))
    if clashes:
        raise TargetExistsError(
            "nothing was imported:\n"
            + "\n".join(f"  {c}" for c in clashes)
            + "\narchplan does not overwrite records; import with --renumber to give records "
            "whose number is taken the next free number (in their file name only), or rename "
            "the files in the source yourself, then import again"
        )
    result = ImportResult(records, skipped, problems, notes, [], already, src, renamed)
    if dry_run:
        return result
    for r, target in plan:
        _create(target, r.path.read_bytes())
        result.written.append(target)
    return result
