"""What we believed then: the assumptions register's values over time, read from git.

A workspace usually lives in a git repository, so ``assumptions.yaml`` has a history.
This module reads it with the ``git`` command (``git log --follow``, so a register that
was renamed or moved is followed back), parses every committed version with the same
reader as the workspace loader, and answers:

* :func:`assumption_history` — one assumption's timeline: date, value, source, commit,
  author (a row where the value or its source changed);
* :func:`then_and_now` — for a record, each assumption it cites: the value it recorded,
  the value the register held at the record's date (with commit and date), and now;
* :func:`history_warnings` — records whose own "then" values disagree with the history.

Dates are the commits' author dates, in the author's time zone; the value "at" a record's
date is the one in the last commit made on or before that day. Nothing is written, and
without git (not a repository, git not installed) every function says so in
:attr:`RegisterHistory.reason` and returns empty results.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pandas as pd

from archplan.errors import Problem
from archplan.messages import msg
from archplan.workspace.model import Assumption, DecisionRecord, Workspace

__all__ = [
    "RegisterHistory",
    "RegisterVersion",
    "assumption_history",
    "history_warnings",
    "register_history",
    "then_and_now",
]

_GIT_TIMEOUT = 30


@dataclass(frozen=True)
class RegisterVersion:
    """One committed version of the assumptions register."""

    commit: str
    when: datetime  # the author date, with the author's time zone
    author: str
    path: str  # the register's path in the repository at that commit
    values: dict[str, Assumption]

    @property
    def short(self) -> str:
        """The abbreviated commit id."""
        return self.commit[:7]


@dataclass
class RegisterHistory:
    """The register's committed versions, oldest first, and what was noticed on the way."""

    versions: list[RegisterVersion]
    #: Located notes: renames followed, versions that could not be read, uncommitted edits.
    notes: list[Problem] = field(default_factory=list)
    #: Why there is no history ("" when git was read).
    reason: str = ""

    @property
    def available(self) -> bool:
        """Whether the history could be read at all."""
        return not self.reason

    def at(self, day: date) -> RegisterVersion | None:
        """The version in force at the end of ``day`` (None: none committed by then)."""
        found = None
        for v in self.versions:
            if v.when.date() <= day:
                found = v
        return found


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        ["git", "-C", str(cwd), *args],
        capture_output=True,
        timeout=_GIT_TIMEOUT,
        check=False,
    )


def _read_blobs(repo: Path, specs: list[str]) -> list[bytes | None]:
    """The contents of ``commit:path`` objects, None for a missing one."""
    if not specs:
        return []
    out = subprocess.run(
        ["git", "-C", str(repo), "cat-file", "--batch"],
        input="".join(f"{s}\n" for s in specs).encode("utf-8"),
        capture_output=True,
        timeout=_GIT_TIMEOUT,
        check=False,
    ).stdout
    blobs: list[bytes | None] = []
    at = 0
    for _ in specs:
        end = out.index(b"\n", at)
        header = out[at:end].split()
        at = end + 1
        if len(header) != 3 or header[-1] == b"missing" or not header[2].isdigit():
            blobs.append(None)
            continue
        size = int(header[2])
        blobs.append(out[at : at + size])
        at += size + 1  # the contents are followed by a newline
    return blobs


def _parse_register(text: str, label: str) -> tuple[dict[str, Assumption], list[Problem]]:
    # The loader's own reader, so a committed version is read exactly as today's file.
    from archplan.workspace._yaml import load_yaml
    from archplan.workspace.loader import read_assumptions

    problems: list[Problem] = []
    doc, yproblems = load_yaml(text, label)
    problems.extend(yproblems)
    if doc is None or doc.data is None:
        return {}, problems
    register, _, _, found = read_assumptions(doc, label)
    return register, problems + found


def register_history(root: str | Path, language: str = "en") -> RegisterHistory:
    """Every committed version of ``root/assumptions.yaml``, oldest first.

    Parameters
    ----------
    root : str or Path
        The workspace folder.
    language : str
        The language of the notes and of :attr:`RegisterHistory.reason`.

    Examples
    --------
    >>> import tempfile
    >>> register_history(tempfile.mkdtemp()).reason
    'not in a git repository: the values assumptions had in the past are not known'
    """
    try:
        return _register_history(Path(root).resolve(), language)
    except FileNotFoundError:
        return RegisterHistory([], [], msg("adr_git_missing", language))
    except (OSError, subprocess.SubprocessError) as exc:
        return RegisterHistory([], [], msg("adr_git_failed", language, error=exc))


def _first_line(data: bytes) -> str:
    lines = data.decode("utf-8", "replace").strip().splitlines()
    return lines[0] if lines else ""


def _register_history(folder: Path, language: str) -> RegisterHistory:
    from archplan.workspace.loader import ASSUMPTIONS_FILE

    top = _git(["rev-parse", "--show-toplevel"], folder)
    if top.returncode != 0:
        if b"not a git repository" in top.stderr:
            return RegisterHistory([], [], msg("adr_no_git", language))
        # e.g. "detected dubious ownership": said as it is, not as "no repository".
        return RegisterHistory(
            [], [], msg("adr_git_failed", language, error=_first_line(top.stderr))
        )
    repo = Path(top.stdout.decode("utf-8", "replace").strip()).resolve()
    register = (folder / ASSUMPTIONS_FILE).relative_to(repo).as_posix()
    log = _git(
        [
            "log",
            "--follow",
            "--name-status",
            "-M",
            "--format=%x1e%H%x1f%aI%x1f%an",
            "--",
            register,
        ],
        repo,
    )
    if log.returncode != 0:
        if b"does not have any commits" in log.stderr:
            return RegisterHistory([], [], msg("adr_no_commits", language, file=register))
        return RegisterHistory(
            [], [], msg("adr_git_failed", language, error=_first_line(log.stderr))
        )
    notes: list[Problem] = []
    versions: list[RegisterVersion] = []
    entries: list[tuple[str, datetime, str, str]] = []
    for chunk in log.stdout.decode("utf-8", "replace").split("\x1e")[1:]:
        lines = [ln for ln in chunk.splitlines() if ln.strip()]
        commit, when_text, author = lines[0].split("\x1f")
        when = datetime.fromisoformat(when_text)
        path = register
        status = "M"
        for ln in lines[1:]:
            parts = ln.split("\t")
            status = parts[0]
            path = parts[-1]
            if status.startswith(("R", "C")) and len(parts) == 3:
                notes.append(
                    Problem(
                        ASSUMPTIONS_FILE,
                        None,
                        "history",
                        msg(
                            "adr_renamed",
                            language,
                            old=parts[1],
                            new=parts[2],
                            commit=commit[:7],
                            date=when.date().isoformat(),
                        ),
                    )
                )
        if status.startswith("D"):
            continue
        entries.append((commit, when, author, path))
    # Every version's text in one git process (cat-file --batch), not one per commit.
    blobs = _read_blobs(repo, [f"{c}:{p}" for c, _, _, p in entries])
    for (commit, when, author, path), data in zip(entries, blobs, strict=True):
        if data is None:
            continue
        label = f"{path}@{commit[:7]}"
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            notes.append(Problem(label, None, None, f"not UTF-8 text ({exc.reason})"))
            continue
        values, problems = _parse_register(text.lstrip("\ufeff"), label)
        notes.extend(problems)
        versions.append(RegisterVersion(commit, when, author, path, values))
    versions.reverse()
    if not versions:
        return RegisterHistory([], notes, msg("adr_no_commits", language, file=register))
    dirty = _git(["status", "--porcelain", "--", register], repo)
    if dirty.returncode == 0 and dirty.stdout.strip():
        notes.append(Problem(ASSUMPTIONS_FILE, None, "history", msg("adr_uncommitted", language)))
    return RegisterHistory(versions, notes)


def assumption_history(
    ws: Workspace, name: str, history: RegisterHistory | None = None
) -> pd.DataFrame:
    """The timeline of one assumption: a row for each commit that set its value or source.

    Returns
    -------
    DataFrame
        Columns ``date`` (the commit's author date), ``value``, ``source``, ``commit``
        (abbreviated), ``author``, ``file`` (the register's path then); oldest first.
        Empty when there is no history (see :func:`register_history`).
    """
    history = history or register_history(ws.root, ws.settings.language)
    rows = []
    last: tuple[Decimal | None, str] | None = None
    for v in history.versions:
        a = v.values.get(name)
        state = (a.value, a.source) if a else (None, "")
        if state == last:
            continue
        last = state
        rows.append(
            {
                "date": v.when.date(),
                "value": a.value if a else None,
                "source": a.source if a else "",
                "commit": v.short,
                "author": v.author,
                "file": v.path,
            }
        )
    return pd.DataFrame(rows, columns=["date", "value", "source", "commit", "author", "file"])


def then_and_now(
    ws: Workspace, record: DecisionRecord, history: RegisterHistory | None = None
) -> pd.DataFrame:
    """For each assumption a record cites: what it recorded, what the register held at the
    record's date (from git), and the value now.

    Returns
    -------
    DataFrame
        Index ``assumption``; columns ``recorded`` (the record's own value), ``then`` (the
        register at the record's date), ``commit``, ``commit_date``, ``now``,
        ``agrees`` (recorded == then; None when either is unknown).
    """
    history = history or register_history(ws.root, ws.settings.language)
    version = history.at(record.date) if record.date else None
    rows = []
    for name, recorded in record.assumptions:
        then_a = version.values.get(name) if version else None
        now_a = ws.assumptions.get(name)
        then = then_a.value if then_a else None
        rows.append(
            {
                "assumption": name,
                "recorded": recorded,
                "then": then,
                "commit": version.short if version and then_a else None,
                "commit_date": version.when.date() if version and then_a else None,
                "now": now_a.value if now_a else None,
                "agrees": None if then is None else Decimal(then) == Decimal(recorded),
            }
        )
    cols = ["assumption", "recorded", "then", "commit", "commit_date", "now", "agrees"]
    # "agrees" stays True / False / None (not numpy booleans or NaN).
    frame = pd.DataFrame(rows, columns=cols).astype({"agrees": object})
    return frame.set_index("assumption")


def history_warnings(
    ws: Workspace, records: list[DecisionRecord], history: RegisterHistory | None = None
) -> list[Problem]:
    """A located warning for every recorded "then" value that the register's history
    contradicts at the record's date.

    Closed records are checked too: what a record claims about the past stays a claim.
    """
    from archplan.workspace.loader import DECISIONS_DIR

    lang = ws.settings.language
    history = history or register_history(ws.root, lang)
    out: list[Problem] = []
    if not history.available:
        return out
    for r in records:
        if r.date is None or not r.assumptions:
            continue
        table = then_and_now(ws, r, history)
        for name, row in table.iterrows():
            if row["agrees"] is not None and not pd.isna(row["agrees"]) and not row["agrees"]:
                rel = r.path.name
                parts = r.path.parts
                if DECISIONS_DIR in parts:
                    k = len(parts) - 1 - parts[::-1].index(DECISIONS_DIR)
                    rel = "/".join(parts[k + 1 :])
                out.append(
                    Problem(
                        f"{DECISIONS_DIR}/{rel}",
                        r.meta_lines.get(f"assumptions.{name}") or r.meta_lines.get("assumptions"),
                        f"archplan.assumptions.{name}",
                        msg(
                            "adr_then_disagrees",
                            lang,
                            date=r.date.isoformat(),
                            name=name,
                            recorded=_fmt(row["recorded"]),
                            then=_fmt(row["then"]),
                            commit=row["commit"],
                            commit_date=row["commit_date"].isoformat(),
                        ),
                        msg("adr_then_expected", lang),
                    )
                )
    return out


def _fmt(v: object) -> str:
    d = Decimal(str(v))
    return f"{d:,}" if d == d.to_integral_value() else f"{d:,.6g}"
