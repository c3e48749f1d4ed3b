"""Decision records a successor can trust: read what exists, tie records to the numbers,
and keep the log's lifecycle (new, status, supersede, check, index).

See ``docs/decisions.md`` for the format and the trigger language.
"""

from archplan.decisions.history import (
    assumption_history,
    history_warnings,
    register_history,
    then_and_now,
)
from archplan.decisions.importer import ImportResult, import_log
from archplan.decisions.lifecycle import (
    LogCheck,
    check_log,
    decision_log,
    evaluate_record,
    new_record,
    set_status,
    slugify,
    supersede,
    write_index,
)
from archplan.decisions.records import (
    KNOWN_STATUSES,
    classify,
    normalise_status,
    read_folder,
    read_record,
    write_back,
)
from archplan.decisions.render import render_markdown
from archplan.decisions.triggers import Evaluation, TriggerContext, parse_trigger

__all__ = [
    "KNOWN_STATUSES",
    "Evaluation",
    "ImportResult",
    "LogCheck",
    "TriggerContext",
    "assumption_history",
    "check_log",
    "classify",
    "decision_log",
    "decisions_table",
    "evaluate_record",
    "history_warnings",
    "import_log",
    "new_record",
    "normalise_status",
    "parse_trigger",
    "read_folder",
    "read_record",
    "register_history",
    "render_markdown",
    "set_status",
    "slugify",
    "supersede",
    "then_and_now",
    "write_back",
    "write_index",
]


def decisions_table(records):  # type: ignore[no-untyped-def]
    """The records as a DataFrame indexed by number (title, status, date, file)."""
    import pandas as pd

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
