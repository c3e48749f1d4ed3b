"""Revisit triggers: conditions over assumptions and results that say a decision is stale.

The conditions a record may list under ``archplan.triggers`` (one per line, in English):

=================================================  ========================================
``users > 2000`` (also ``>=``, ``<``, ``<=``, ``=``)  an assumption's current value
``price rises more than 20 %``                       current value vs the value recorded
``price falls more than 20 %``                       in the record's ``assumptions``
``price changes more than 20 %``
``total of saas > 150000000``                        the option's cost over the plan (yen,
                                                     tax-inclusive)
``P90 total of saas > 200000000``                    a percentile from the cost-risk
                                                     simulation (P10 … P99)
``another option ranks first``                       the chosen option is no longer first
``saas is knocked out``                              a must-have criterion now excludes it
``days until support end of os < 365``               days from today to a component's
``days until end of contract lims < 180``            support end, a contract's end or a
``days until FY2028 < 90``                           fiscal year's start (docs/timing.md)
``actual of saas-fee exceeds plan by more than 10 %``  spending against the plan (actuals/;
``forecast of saas at year end exceeds budget``      see :mod:`archplan.actuals.triggers`)
=================================================  ========================================
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from archplan.errors import InputError
from archplan.messages import msg
from archplan.money import format_number
from archplan.timing.triggers import DAYS_RE
from archplan.workspace.model import DecisionRecord, Workspace

__all__ = ["Evaluation", "TriggerContext", "evaluate_trigger", "parse_trigger"]

_OPS: dict[str, Callable[[float, float], bool]] = {
    ">": operator.gt,
    ">=": operator.ge,
    "<": operator.lt,
    "<=": operator.le,
    "=": operator.eq,
    "==": operator.eq,
}
_NUM = r"(-?[\d_,]+(?:\.\d+)?)"
_COMPARE = re.compile(rf"^([A-Za-z_]\w*)\s*(>=|<=|==|=|>|<)\s*{_NUM}$")
_CHANGE = re.compile(
    rf"^([A-Za-z_]\w*)\s+(rises|falls|changes)\s+(?:by\s+)?more\s+than\s+"
    rf"{_NUM}\s*%$",
    re.I,
)
_TOTAL = re.compile(rf"^(?:(P\d{{1,2}})\s+)?total\s+of\s+([\w.-]+)\s*(>=|<=|>|<)\s*{_NUM}$", re.I)
_FIRST = re.compile(r"^another\s+option\s+ranks\s+first$", re.I)
_KNOCKED = re.compile(r"^([\w.-]+)\s+is\s+knocked\s+out$", re.I)
_DAYS = DAYS_RE  # days until a support end, a contract end or a fiscal year (timing)


def _number(text: str) -> float:
    return float(text.replace(",", "").replace("_", ""))


def _actual_patterns() -> list[tuple[str, re.Pattern[str]]]:
    from archplan.actuals.triggers import ACTUAL_PATTERNS

    return list(ACTUAL_PATTERNS.items())


def parse_trigger(text: str) -> tuple[str, tuple[str, ...]]:
    """The kind of a trigger and its parts; ``InputError`` when it is not understood.

    Examples
    --------
    >>> parse_trigger("users > 2000")
    ('compare', ('users', '>', '2000'))
    >>> parse_trigger("price rises more than 20 %")
    ('change', ('price', 'rises', '20'))
    >>> parse_trigger("P90 total of saas > 200,000,000")
    ('total', ('P90', 'saas', '>', '200,000,000'))
    """
    t = " ".join(text.split())
    for kind, rx in (
        ("compare", _COMPARE),
        ("change", _CHANGE),
        ("total", _TOTAL),
        ("first", _FIRST),
        ("knocked", _KNOCKED),
        ("days", _DAYS),
        *_actual_patterns(),
    ):
        m = rx.match(t)
        if m:
            return kind, tuple(g or "" for g in m.groups())
    raise InputError(
        f"trigger {text!r} is not understood; write e.g. 'users > 2000', "
        "'price rises more than 20 %', 'P90 total of saas > 200000000', "
        "'another option ranks first', 'saas is knocked out' or "
        "'actual of saas-fee exceeds plan by more than 10 %'"
    )


@dataclass
class Evaluation:
    """A trigger's verdict: fired or not, and a sentence saying why."""

    text: str
    fired: bool
    because: str
    line: int | None = None


class TriggerContext:
    """What triggers are evaluated against: the workspace as it is now (lazily: the
    ranking and the simulation are computed only if a trigger needs them)."""

    def __init__(self, ws: Workspace, as_of: date | None = None) -> None:
        self.ws = ws
        #: "Today" for time triggers (``days until …``); the real today when None.
        self.as_of = as_of

    @cached_property
    def ranking(self) -> list[str]:
        from archplan.compare import rank_options

        return [str(o) for o in rank_options(self.ws).index]

    @cached_property
    def excluded(self) -> set[str]:
        from archplan.compare import build_problem

        return {str(o) for o in build_problem(self.ws).excluded.index}

    @cached_property
    def totals(self) -> dict[str, int]:
        from archplan.costs import cost_summary

        return {str(k): int(v) for k, v in cost_summary(self.ws)["total"].items()}

    @cached_property
    def simulation(self) -> object:
        from archplan.uncertainty import simulate

        return simulate(self.ws)


def evaluate_trigger(
    text: str, record: DecisionRecord, ctx: TriggerContext, line: int | None = None
) -> Evaluation:
    """Evaluate one trigger of a record against the workspace now."""
    kind, parts = parse_trigger(text)
    ws = ctx.ws
    lang = ws.settings.language
    if kind == "compare":
        name, op, num = parts
        if name not in ws.assumptions:
            raise InputError(f"trigger {text!r}: unknown assumption {name!r}")
        now = float(ws.assumptions[name].value)
        fired = _OPS[op](now, _number(num))
        return Evaluation(
            text, fired, msg("t_compare", lang, name=name, now=format_number(now)), line
        )
    if kind == "change":
        name, direction, pct = parts
        recorded = dict(record.assumptions).get(name)
        if name not in ws.assumptions:
            raise InputError(f"trigger {text!r}: unknown assumption {name!r}")
        if recorded is None or recorded == 0:
            raise InputError(
                f"trigger {text!r}: the record has no recorded value of {name!r}"
                " (add it under archplan.assumptions)"
            )
        current = ws.assumptions[name].value
        change = float((current - recorded) / abs(recorded)) * 100
        limit = _number(pct)
        fired = {"rises": change > limit, "falls": change < -limit, "changes": abs(change) > limit}[
            direction.lower()
        ]
        return Evaluation(
            text,
            fired,
            msg(
                "t_change",
                lang,
                name=name,
                then=format_number(recorded),
                now=format_number(current),
                change=f"{change:+.1f}" + ("%" if lang == "ja" else " %"),  # 10% in Japanese
            ),
            line,
        )
    if kind == "total":
        pct, option, op, num = parts
        if option not in [o.id for o in ws.options]:
            raise InputError(f"trigger {text!r}: unknown option {option!r}")
        if pct:
            from archplan.uncertainty import Simulation

            sim = ctx.simulation
            assert isinstance(sim, Simulation)
            import numpy as np

            q = int(pct[1:])
            value = float(np.percentile(sim.totals[:, sim.options.index(option)], q))
            what = msg("t_total", lang, what=pct.upper(), option=option, value=f"{value:,.0f}")
        else:
            value = float(ctx.totals[option])
            what = msg("t_total", lang, what="", option=option, value=f"{value:,.0f}").strip()
        return Evaluation(text, _OPS[op](value, _number(num)), what, line)
    if kind == "days":
        from archplan.timing.triggers import days_until

        target, op, num = parts
        fired, because = days_until(ws, target, op, _number(num), ctx.as_of)
        return Evaluation(text, fired, because, line)
    if kind in ("actual_over", "forecast_over", "actual_compare"):
        from archplan.actuals.triggers import evaluate_actual

        fired, because = evaluate_actual(kind, parts, ws)
        return Evaluation(text, fired, because, line)
    if kind == "first":
        if record.chosen is None:
            raise InputError(f"trigger {text!r}: the record names no chosen option")
        first = ctx.ranking[0] if ctx.ranking else None
        return Evaluation(
            text,
            first != record.chosen,
            msg("t_first", lang, first=first, chosen=record.chosen),
            line,
        )
    option = parts[0]
    return Evaluation(
        text,
        option in ctx.excluded,
        msg(
            "t_knocked",
            lang,
            option=option,
            state=msg("t_knocked_yes" if option in ctx.excluded else "t_knocked_no", lang),
        ),
        line,
    )
