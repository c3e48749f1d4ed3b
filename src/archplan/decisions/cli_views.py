"""What ``archplan adr import`` and ``archplan history`` print, in the workspace language."""

from __future__ import annotations

import sys
from pathlib import Path

from archplan.decisions.history import (
    assumption_history,
    history_warnings,
    register_history,
    then_and_now,
)
from archplan.decisions.importer import import_log
from archplan.messages import Localized, msg
from archplan.money import format_number
from archplan.textview import Column, Style, heading, text_table
from archplan.workspace.loader import DECISIONS_DIR
from archplan.workspace.model import Workspace

__all__ = ["LOG_COLUMNS", "print_history", "print_import", "print_log", "print_record_then"]

#: ``adr list``'s table: the log with statuses in the one vocabulary, ✓ where a trigger fires.
LOG_COLUMNS = [
    Column("number", "lbl_number"),
    Column("title", "lbl_title"),
    Column("status", "lbl_status", "status"),
    Column("date", "lbl_date", "date"),
    Column("review_by", "lbl_review_by", "date"),
    Column("triggered", "lbl_trigger_fires", "bool"),
]

#: ``adr import``'s table: what was recognised in the log being imported.
IMPORT_COLUMNS = [
    Column("number", "lbl_number"),
    Column("title", "lbl_title"),
    Column("status", "lbl_status", "status"),
    Column("status_as_written", "cv_as_written"),
    Column("date", "lbl_date", "date"),
    Column("numbered_by", "cv_numbered_by"),
    Column("file", "lbl_file"),
]
#: ``history NAME``'s table: the assumption's timeline from git.
TIMELINE_COLUMNS = [
    Column("date", "lbl_date", "date"),
    Column("value", "lbl_value", "number"),
    Column("source", "lbl_source"),
    Column("commit", "cv_commit"),
    Column("author", "lbl_author"),
]
#: ``history --record N``'s table: as in the report's "assumptions then and now".
THEN_NOW_COLUMNS = [
    Column("assumption", "lbl_assumption"),
    Column("recorded", "adr_col_recorded", "number"),
    Column("then", "adr_col_then", "number"),
    Column("commit", "adr_col_commit"),
    Column("now", "lbl_now", "number"),
    Column("agrees", "lbl_agreement"),
]


def _value(value: object, lang: str) -> str:
    """An assumption's value as the report writes it (never scientific notation)."""
    from decimal import Decimal

    if isinstance(value, (Decimal, int, float)) and not isinstance(value, bool):
        return format_number(value, lang)
    return str(value)


def print_log(ws: Workspace, *, csv: bool = False) -> int:
    """Print the decision log: number, title, status, date, review date and whether a
    revisit trigger fires (``csv``: the log's own columns, raw, as CSV).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> print_log(load_workspace("data/examples/shared-platform"))  # doctest: +ELLIPSIS
    No.  Title ... Status    Date        Review by   A revisit trigger fires
    ...
    1    Share one ... accepted  2026-09-18  2027-03-31  —
    ...
    0
    """
    from archplan.decisions.lifecycle import decision_log

    log = decision_log(ws)
    if csv:
        print(log.to_csv(), end="")
    elif log.empty:
        print(msg("cli_no_records", ws.settings.language))
    else:
        print(text_table(log, LOG_COLUMNS, Style.of(ws)))
    return 0


def print_import(
    ws: Workspace, source: str | Path, *, dry_run: bool = False, renumber: bool = False
) -> int:
    """Import ``source`` into the workspace and print what was recognised; 1 when some
    records could not be read (the readable ones are imported all the same)."""
    lang = ws.settings.language
    result = import_log(ws.root, source, dry_run=dry_run, renumber=renumber, language=lang)
    table = result.table()
    if table.empty:
        print(msg("adr_import_none", lang, source=result.source))
    else:
        print(msg("adr_import_found", lang, n=len(table), source=result.source))
        shown = table.assign(
            numbered_by=[msg("cv_numbered_" + str(v), lang) for v in table["numbered_by"]]
        )
        print(text_table(shown, IMPORT_COLUMNS, Style.of(ws)))
    if result.skipped:
        files = ", ".join(
            f"{name} ({msg('adr_kind_' + kind, lang)})" for name, kind in result.skipped
        )
        print(msg("adr_import_skipped", lang, files=files))
    for old, new in result.renamed:
        print(msg("adr_import_renamed", lang, old=old, new=new))
    for note in result.notes:
        print(msg("cli_warning", lang, text=note.render(lang)))
    if result.problems:
        print(msg("adr_import_unread", lang), file=sys.stderr)
        for p in result.problems:
            print(f"  {p.render(lang)}", file=sys.stderr)
    if dry_run:
        print(msg("adr_import_dry", lang))
    else:
        folder = Path(ws.root) / DECISIONS_DIR
        print(msg("adr_import_written", lang, n=len(result.written), folder=folder))
        if result.already:
            print(msg("adr_import_already", lang, n=len(result.already)))
    return 1 if result.problems else 0


def print_history(ws: Workspace, name: str, *, csv: bool = False) -> int:
    """Print an assumption's timeline from git: date, value, source, commit, author
    (``csv``: the timeline's raw columns as CSV, nothing else)."""
    lang = ws.settings.language
    history = register_history(ws.root, lang)
    if csv:
        print(assumption_history(ws, name, history).to_csv(index=False), end="")
        return 0
    for note in history.notes:
        print(msg("cli_note", lang, text=note))
    if not history.available:
        if name not in ws.assumptions:
            print(msg("adr_history_unknown", lang, name=name), file=sys.stderr)
            return 1
        print(msg("adr_history_none", lang, name=name, reason=history.reason))
        print(msg("adr_history_now", lang, value=_value(ws.assumptions[name].value, lang)))
        return 0
    timeline = assumption_history(ws, name, history)
    known = timeline["value"].notna().any() if not timeline.empty else False
    if not known and name not in ws.assumptions:
        print(msg("adr_history_unknown", lang, name=name), file=sys.stderr)
        return 1
    if timeline.empty:
        print(msg("adr_history_none", lang, name=name, reason=history.reason))
    else:
        print(text_table(timeline, TIMELINE_COLUMNS, Style.of(ws)))
    if name in ws.assumptions:
        print(msg("adr_history_now", lang, value=_value(ws.assumptions[name].value, lang)))
    return 0


def print_record_then(ws: Workspace, number: int, *, csv: bool = False) -> int:
    """Print what record ``number`` recorded for each assumption it cites, the register's
    value at the record's date (commit and date, from git) and the value now; 1 when the
    record's values disagree with the history."""
    from archplan.errors import InputError

    lang = ws.settings.language
    matches = [r for r in ws.decisions if r.number == number]
    if not matches:
        raise InputError(Localized("jt_err_no_record_short", number=number))
    record = matches[0]
    history = register_history(ws.root, lang)
    if csv:
        print(then_and_now(ws, record, history).to_csv(), end="")
        return 0
    for note in history.notes:
        print(msg("cli_note", lang, text=note))
    if not history.available:
        print(msg("cli_note", lang, text=history.reason))
    when = record.date.isoformat() if record.date else "—"
    dated = f"（{when}）" if lang == "ja" else f"({when})"
    print(heading(f"{record.number:04d} {record.title}", dated, lang))
    table = then_and_now(ws, record, history)
    if table.empty:
        print(msg("adr_no_assumptions", lang))
        return 0
    shown = table.assign(
        commit=[
            f"{c} ({d.isoformat()})" if isinstance(c, str) and d is not None else ""
            for c, d in zip(table["commit"], table["commit_date"], strict=True)
        ],
        # Agrees, contradicts (⚠, also warned about below), or unknown (—).
        agrees=[{True: "✓", False: "⚠"}.get(a, "") for a in table["agrees"]],
    )
    print(text_table(shown, THEN_NOW_COLUMNS, Style.of(ws)))
    warnings = history_warnings(ws, [record], history)
    for w in warnings:
        print(msg("cli_warning", lang, text=w.render(lang)))
    return 1 if warnings else 0
