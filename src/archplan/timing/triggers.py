"""Time in revisit triggers: days until a support end, a contract's end or a fiscal year.

Forms (``days`` may be compared with ``<``, ``<=``, ``>``, ``>=``, ``=``)::

    days until support end of os < 365          # a component's security support end
    days until end of support of os < 365       # the same
    days until end of server < 180              # a component's first end of any kind
    days until end of contract lims < 180       # a contract (components or costs.yaml)
    days until FY2028 < 90                      # the first day of a fiscal year
    days until 2027-01-12 < 90                  # a date

``as_of`` (today by default) makes the evaluation reproducible.
"""

from __future__ import annotations

import re
from datetime import date

from archplan.errors import InputError
from archplan.fiscal import fiscal_year_bounds, fy_label
from archplan.messages import msg
from archplan.workspace.model import Workspace

__all__ = ["DAYS_RE", "days_target", "days_target_reading", "days_until"]

_NUM = r"(-?[\d_,]+)"
#: ``days until TARGET OP N``
DAYS_RE = re.compile(rf"^days\s+until\s+(.+?)\s*(>=|<=|==|=|>|<)\s*{_NUM}$", re.I)

_SUPPORT = re.compile(
    r"^(?:(?:security\s+)?support\s+end\s+of|end\s+of\s+support\s+of)\s+([\w.-]+)$", re.I
)
_CONTRACT = re.compile(r"^(?:end\s+of\s+contract|contract\s+end\s+of)\s+([\w.-]+)$", re.I)
_END = re.compile(r"^end\s+of\s+([\w.-]+)$", re.I)
_FY = re.compile(r"^FY\s*(\d{4})$", re.I)
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})$")


def days_target(ws: Workspace, target: str) -> tuple[date, str]:
    """The date a ``days until`` trigger counts to, and what it is (in the workspace's
    language).

    Raises
    ------
    InputError
        For an unknown component or contract (naming the known ones) or a target that
        is not understood. (An end that passed undated raises the private ``_Passed``;
        :func:`days_until` turns it into a trigger that fires.)

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ws = load_workspace("data/examples/food-lab")
    >>> days_target(ws, "support end of os")[0], days_target(ws, "FY2027")[0]
    (datetime.date(2027, 1, 12), datetime.date(2027, 4, 1))
    """
    from archplan.timing.analysis import _deadlines

    lang = ws.settings.language
    t = " ".join(target.split())
    comps = {c.id: c for c in ws.components}
    if m := _FY.match(t):
        fy = int(m.group(1))
        return fiscal_year_bounds(fy, ws.settings.fy_start_month)[0], fy_label(fy, lang)
    if m := _DATE.match(t):
        try:
            return date.fromisoformat(m.group(1)), m.group(1)
        except ValueError:
            raise InputError(f"{m.group(1)!r} is not a date") from None
    if m := _SUPPORT.match(t):
        c = comps.get(m.group(1))
        if c is None:
            raise InputError(_unknown("component", m.group(1), list(comps)))
        if c.security_end is True:
            raise _Passed(c.name, msg("tim_kind_security_end", lang))
        if not isinstance(c.security_end, date):
            raise InputError(f"component {c.id!r} has no security support end")
        return c.security_end, msg(
            "tim_calendar_row", lang, name=c.name, kind=msg("tim_kind_security_end", lang)
        )
    if m := _CONTRACT.match(t):
        name = m.group(1)
        if name in comps and comps[name].contract_end is not None:
            c = comps[name]
            assert c.contract_end is not None
            return c.contract_end, msg(
                "tim_calendar_row", lang, name=c.name, kind=msg("tim_kind_contract_end", lang)
            )
        from archplan.timing.analysis import _contract_events

        for e in _contract_events(ws):
            if e.component == name and e.date is not None:
                return e.date, msg(
                    "tim_calendar_row", lang, name=e.name, kind=msg("tim_kind_" + e.kind, lang)
                )
        known = [c.id for c in ws.components if c.contract_end] + [c.id for c in ws.contracts]
        raise InputError(_unknown("contract", name, known))
    if m := _END.match(t):
        c = comps.get(m.group(1))
        if c is None:
            raise InputError(_unknown("component", m.group(1), list(comps)))
        ends = [(d, k) for k, d in _deadlines(c) if d is not None]
        if not ends and any(k == "security_end" for k, _ in _deadlines(c)):
            raise _Passed(c.name, msg("tim_kind_security_end", lang))
        if not ends:
            raise InputError(f"component {c.id!r} has no dated end")
        d, k = min(ends)
        return d, msg("tim_calendar_row", lang, name=c.name, kind=msg("tim_kind_" + k, lang))
    raise InputError(
        f"'days until {target}' is not understood; write e.g. 'days until support end of os"
        " < 365', 'days until end of contract lims < 180' or 'days until FY2028 < 90'"
    )


def days_target_reading(target: str, language: str) -> str:
    """What a ``days until`` trigger counts to, in ``language`` and without a workspace
    (ids as written; a target not understood stays as written).

    Examples
    --------
    >>> days_target_reading("support end of os", "ja")
    'osのセキュリティサポート終了'
    >>> days_target_reading("end of contract lims", "ja"), days_target_reading("FY2028", "ja")
    ('limsの契約終了', '令和10年度')
    """
    t = " ".join(target.split())
    if m := _FY.match(t):
        return fy_label(int(m.group(1)), language)
    if m := _SUPPORT.match(t):
        return msg("tim_tgt_support", language, name=m.group(1))
    if m := _CONTRACT.match(t):
        return msg("tim_tgt_contract", language, name=m.group(1))
    if m := _END.match(t):
        return msg("tim_tgt_end", language, name=m.group(1))
    return t


def _unknown(what: str, name: str, known: list[str]) -> str:
    import difflib

    near = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
    none = {
        "component": " (components.yaml declares no component)",
        "contract": " (no contract is declared in components.yaml or costs.yaml)",
    }
    return (
        f"unknown {what} {name!r}"
        + (f"; nearest: {', '.join(near)}" if near else "")
        + (f" (known: {', '.join(known)})" if known else none[what])
    )


class _Passed(Exception):
    """The end a trigger counts to has passed without a published date."""

    def __init__(self, name: str, kind: str) -> None:
        super().__init__(name)
        self.name = name
        self.kind = kind


_OPS = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
    "=": lambda a, b: a == b,
    "==": lambda a, b: a == b,
}


def days_until(
    ws: Workspace, target: str, op: str, limit: float, as_of: date | None = None
) -> tuple[bool, str]:
    """Whether ``days until TARGET OP LIMIT`` holds on ``as_of`` (today by default), and
    why, in the workspace's language. An end that has passed without a published date
    (``eol: true`` in the data) is fewer days away than any limit: ``<`` and ``<=`` fire,
    ``>``, ``>=`` and ``=`` do not.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ws = load_workspace("data/examples/food-lab")
    >>> days_until(ws, "FY2027", "<=", 365, date(2026, 4, 1))
    (True, '令和9年度（2027-04-01）まであと365日')
    """
    lang = ws.settings.language
    try:
        when, what = days_target(ws, target)
    except _Passed as p:
        what = msg("tim_calendar_row", lang, name=p.name, kind=p.kind)
        return op in ("<", "<="), msg("tim_days_passed", lang, what=what)
    days = (when - (as_of or date.today())).days
    because = msg("tim_days_until", lang, days=days, what=what, date=when.isoformat())
    return _OPS[op](days, limit), because
