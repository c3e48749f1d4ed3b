"""What ``archplan adr import`` and ``archplan history`` print, in the workspace language."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from archplan.decisions.history import (
    assumption_history,
    history_warnings,
    register_history,
    then_and_now,
)
from archplan.decisions.importer import import_log
from archplan.messages import msg
from archplan.workspace.loader import DECISIONS_DIR
from archplan.workspace.model import Workspace

__all__ = ["print_history", "print_import", "print_record_then"]


def _show(frame: pd.DataFrame) -> str:
    with pd.option_context("display.width", 200, "display.max_colwidth", 60):
        return frame.to_string()


def print_import(
    ws: Workspace, source: str | Path, *, dry_run: bool = False, renumber: bool = False
) -> int:
    """Import ``source`` into the workspace and print what was recognised; 1 when some
    records could not be read (the readable ones are imported all the same)."""
    lang = ws.settings.language
    result = import_log(ws.root, source, dry_run=dry_run, renumber=renumber, language=lang)
    table = result.table()
    if table.empty:
        print(msg("adr_import_none", lang, source=source))
    else:
        print(msg("adr_import_found", lang, n=len(table), source=source))
        print(_show(table))
    if result.skipped:
        files = ", ".join(f"{name} ({kind})" for name, kind in result.skipped)
        print(msg("adr_import_skipped", lang, files=files))
    for old, new in result.renamed:
        print(msg("adr_import_renamed", lang, old=old, new=new))
    for note in result.notes:
        print(msg("cli_warning", lang, text=note))
    if result.problems:
        print(msg("adr_import_unread", lang), file=sys.stderr)
        for p in result.problems:
            print(f"  {p}", file=sys.stderr)
    if dry_run:
        print(msg("adr_import_dry", lang))
    else:
        folder = Path(ws.root) / DECISIONS_DIR
        print(msg("adr_import_written", lang, n=len(result.written), folder=folder))
        if result.already:
            print(msg("adr_import_already", lang, n=len(result.already)))
    return 1 if result.problems else 0


def print_history(ws: Workspace, name: str) -> int:
    """Print an assumption's timeline from git: date, value, source, commit, author."""
    lang = ws.settings.language
    history = register_history(ws.root, lang)
    for note in history.notes:
        print(msg("cli_note", lang, text=note))
    if not history.available:
        if name not in ws.assumptions:
            print(msg("adr_history_unknown", lang, name=name), file=sys.stderr)
            return 1
        print(msg("adr_history_none", lang, name=name, reason=history.reason))
        print(msg("adr_history_now", lang, value=ws.assumptions[name].value))
        return 0
    timeline = assumption_history(ws, name, history)
    known = timeline["value"].notna().any() if not timeline.empty else False
    if not known and name not in ws.assumptions:
        print(msg("adr_history_unknown", lang, name=name), file=sys.stderr)
        return 1
    if timeline.empty:
        print(msg("adr_history_none", lang, name=name, reason=history.reason))
    else:
        print(_show(timeline.drop(columns="file").set_index("date")))
    if name in ws.assumptions:
        print(msg("adr_history_now", lang, value=ws.assumptions[name].value))
    return 0


def print_record_then(ws: Workspace, number: int) -> int:
    """Print what record ``number`` recorded for each assumption it cites, the register's
    value at the record's date (commit and date, from git) and the value now; 1 when the
    record's values disagree with the history."""
    from archplan.errors import InputError

    lang = ws.settings.language
    matches = [r for r in ws.decisions if r.number == number]
    if not matches:
        raise InputError(f"no decision record number {number}")
    record = matches[0]
    history = register_history(ws.root, lang)
    for note in history.notes:
        print(msg("cli_note", lang, text=note))
    if not history.available:
        print(msg("cli_note", lang, text=history.reason))
    print(f"{record.number:04d} {record.title} ({record.date or '—'})")
    table = then_and_now(ws, record, history)
    if table.empty:
        print(msg("adr_no_assumptions", lang))
        return 0
    print(_show(table))
    warnings = history_warnings(ws, [record], history)
    for w in warnings:
        print(msg("cli_warning", lang, text=w))
    return 1 if warnings else 0
