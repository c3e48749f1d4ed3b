"""Timing: support windows, when to act, the cost of waiting, time triggers.

See ``docs/timing.md``. The end-of-life data is an offline copy of the endoflife.date
project (MIT): :func:`load_eol`.
"""

from archplan.timing.analysis import (
    act_by,
    plan_bounds,
    support_windows,
    timing_events,
    timing_warnings,
)
from archplan.timing.eol import ATTRIBUTION, EolData, load_eol, update_eol
from archplan.timing.waiting import cost_of_waiting, replacement_interval, shift_item

__all__ = [
    "ATTRIBUTION",
    "EolData",
    "act_by",
    "cost_of_waiting",
    "load_eol",
    "plan_bounds",
    "replacement_interval",
    "shift_item",
    "support_windows",
    "timing_events",
    "timing_warnings",
    "update_eol",
]
