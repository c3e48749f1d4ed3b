"""What needs attention in one case: one function per kind, each over a loaded workspace.

Every function returns a list of :class:`Attention` items (the case id is filled in by
the roll-up). They call the per-case logic the report and the handover pack use (the
trigger evaluator, the commitments table, the assumptions' as-of dates), so the
portfolio says what each case's own documents say.

Kinds: ``trigger`` (a revisit trigger fires now, or cannot be evaluated), ``review``
(a review date within the horizon, or past), ``assumption`` (older than the threshold,
or undated), ``support`` (a component leaving support within the horizon: from
:mod:`archplan.timing` when it is installed), ``contract`` (a contract of the chosen
option ending within the horizon), ``check`` (the workspace fails ``archplan check``).
"""

from __future__ import annotations

import calendar
import importlib
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from archplan.errors import Problem
from archplan.fiscal import fiscal_year_bounds, fy_label
from archplan.messages import msg
from archplan.workspace.model import Workspace

__all__ = [
    "CLOSED",
    "KINDS",
    "Attention",
    "add_months",
    "assumptions_stale",
    "check_failures",
    "contracts_ending",
    "reviews_due",
    "support_ending",
    "triggers_firing",
]

KINDS = ("check", "trigger", "review", "support", "contract", "assumption")
CLOSED = ("superseded", "rejected", "deprecated")


@dataclass(frozen=True)
class Attention:
    """One thing to look at: its kind, the date it concerns, what and why."""

    kind: str
    when: date | None
    subject: str
    detail: str
    case: str = ""


def add_months(d: date, months: int) -> date:
    """``d`` plus whole months, the day clipped to the month's end.

    Examples
    --------
    >>> add_months(date(2026, 8, 31), 18)
    datetime.date(2028, 2, 29)
    """
    m = d.month - 1 + months
    year, month = d.year + m // 12, m % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def triggers_firing(ws: Workspace, today: date, language: str = "en") -> list[Attention]:
    """Revisit triggers of open records that fire now (and those that cannot be evaluated).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ws = load_workspace("data/examples/food-lab")
    >>> [a.detail[:46] for a in triggers_firing(ws, date(2026, 11, 29))]
    ['saas_price_per_user_month rises more than 15 %']
    """
    from dataclasses import replace

    from archplan.decisions import TriggerContext, evaluate_record

    if language != ws.settings.language:
        # The verdicts ("… is … now") in the document's language, not the case's.
        ws = replace(ws, settings=replace(ws.settings, language="ja" if language == "ja" else "en"))
    try:
        ctx = TriggerContext(ws, as_of=today)  # type: ignore[call-arg]
    except TypeError:  # an archplan without time triggers
        ctx = TriggerContext(ws)
    out = []
    for r in ws.decisions:
        if r.status in CLOSED or not r.triggers:
            continue
        evals, problems = evaluate_record(r, ctx, today)
        subject = f"{r.number:04d} {r.title}"
        out += [
            Attention("trigger", today, subject, f"{e.text}: {e.because}") for e in evals if e.fired
        ]
        out += [
            Attention(
                "trigger", today, subject, msg("pf_trigger_unreadable", language, text=p.message)
            )
            for p in problems
        ]
    return out


def reviews_due(
    ws: Workspace, today: date, within_days: int = 90, language: str = "en"
) -> list[Attention]:
    """Open records whose review date is past or within ``within_days`` days.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> [a.when for a in reviews_due(load_workspace("data/examples/food-lab"), date(2027, 1, 1))]
    [datetime.date(2026, 12, 31), datetime.date(2027, 3, 31)]
    """
    out = []
    limit = today + timedelta(days=within_days)
    for r in ws.decisions:
        if r.status in CLOSED or r.review_by is None or r.review_by > limit:
            continue
        days = (r.review_by - today).days
        detail = (
            msg("pf_overdue", language, days=-days)
            if days < 0
            else msg("pf_in_days", language, days=days)
        )
        out.append(Attention("review", r.review_by, f"{r.number:04d} {r.title}", detail))
    return sorted(out, key=lambda a: (a.when or date.min, a.subject))


def assumptions_stale(
    ws: Workspace, today: date, max_age_days: int = 365, language: str = "en"
) -> list[Attention]:
    """Assumptions whose as-of date is older than ``max_age_days`` (or missing), as the
    handover pack flags them.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ws = load_workspace("data/examples/food-lab")
    >>> len(assumptions_stale(ws, date(2026, 11, 29))), len(assumptions_stale(ws, date(2030, 1, 1)))
    (0, 10)
    """
    out = []
    for a in ws.assumptions.values():
        if a.as_of is None:
            out.append(Attention("assumption", None, a.name, msg("pf_no_date", language)))
            continue
        age = (today - a.as_of).days
        if age > max_age_days:
            out.append(
                Attention(
                    "assumption",
                    a.as_of,
                    a.name,
                    msg("pf_age", language, days=age, limit=max_age_days),
                )
            )
    return out


def contracts_ending(
    ws: Workspace, chosen: str | None, today: date, within_months: int = 18, language: str = "en"
) -> list[Attention]:
    """Contracts of the chosen option whose last paid fiscal year ends within the horizon
    (renewal needs a procurement, and often a new 債務負担行為, well before).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ws = load_workspace("data/examples/network-refresh")
    >>> [a.subject.split()[0] for a in contracts_ending(ws, "lease", date(2031, 1, 1))]
    ['lease-5y']
    """
    if chosen is None or not ws.contracts:
        return []
    from archplan.costs import commitments

    table = commitments(ws)
    limit = add_months(today, within_months)
    out = []
    for cid, row in table.iterrows():
        options = [o.strip() for o in str(row["options"]).split(",")]
        if chosen not in options or row["last_fy"] is None or row["last_fy"] != row["last_fy"]:
            continue
        last_fy = int(row["last_fy"])
        end = fiscal_year_bounds(last_fy, ws.settings.fy_start_month)[1]
        if today <= end <= limit:
            out.append(
                Attention(
                    "contract",
                    end,
                    f"{cid} {row['name']}",
                    msg("pf_contract_ends", language, fy=fy_label(last_fy, language)),
                )
            )
    return out


def support_ending(
    ws: Workspace,
    today: date,
    within_months: int = 18,
    language: str = "en",
    chosen: str | None = None,
) -> list[Attention] | None:
    """Components whose support, maintenance, useful life or SaaS contract ends within
    the horizon (or has ended) while the option still uses them, from
    :func:`archplan.timing.timing_events`.

    The option looked at is the chosen one, else the one running today
    (``components.yaml``: ``current``), else every option. Returns None when this archplan
    has no timing module (the portfolio then says so rather than show an empty list).

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ws = load_workspace("data/examples/food-lab")
    >>> [(a.subject[:2], a.when.isoformat()) for a in support_ending(ws, date(2026, 6, 1), 18)]
    [('db', '2026-07-14'), ('os', '2027-01-12'), ('se', '2027-03-31'), ('se', '2027-03-31')]
    >>> support_ending(ws, date(2026, 6, 1), 18, chosen="saas")[0].detail[:38]
    'security support ends 2026-07-14, used'
    """
    try:
        timing: Any = importlib.import_module("archplan.timing")
    except ImportError:
        return None
    events_of = getattr(timing, "timing_events", None)
    if events_of is None or not hasattr(ws, "components"):
        return None
    if not ws.components:
        return []
    events = events_of(ws)
    option = chosen or getattr(ws, "current_option", None)
    if option is not None:
        events = events[events["option"] == option]
    limit = add_months(today, within_months)
    seen: set[tuple[str, str]] = set()
    out = []
    for _, e in events.iterrows():
        if e["kind"] == "commitment_end":  # the contracts of costs.yaml: contracts_ending
            continue
        when, use_end = e["date"], e["use_end"]
        if isinstance(use_end, date) and use_end < today:
            continue  # no longer used by this option
        if isinstance(when, date) and when > limit:
            continue
        key = (str(e["component"]), str(e["kind"]))
        if key in seen:  # the same end, seen by another option
            continue
        seen.add(key)
        detail = msg(
            "pf_support_detail",
            language,
            what=msg("tim_kind_" + str(e["kind"]), language),
            date=when.isoformat() if isinstance(when, date) else "—",
            until=use_end.isoformat() if isinstance(use_end, date) else "—",
        )
        covered = str(e["covered_by"] or "")
        detail += " " + (
            msg("pf_covered_by", language, by=covered)
            if bool(e["covered"]) and covered
            else _too_late(ws, e, language) or msg("pf_not_covered", language)
        )
        out.append(
            Attention(
                "support",
                when if isinstance(when, date) else None,
                f"{e['component']} {e['name']}",
                detail,
            )
        )
    return sorted(out, key=lambda a: (a.when or date.min, a.subject))


def _too_late(ws: Any, e: Any, language: str) -> str:
    """ "planned too late: …" when the end's fix is planned after it ("" otherwise, or
    without the timing module)."""
    try:
        gaps: Any = importlib.import_module("archplan.timing.gaps")
    except ImportError:  # pragma: no cover - the timing module ships with archplan
        return ""
    return str(
        gaps.too_late_text(ws, str(e["option"]), str(e["component"]), str(e["kind"]), language)
    )


def check_failures(
    problems: list[Problem], language: str = "en", first: int = 3
) -> list[Attention]:
    """A workspace that fails ``archplan check``: one item with its first problems.

    Examples
    --------
    >>> p = Problem("costs.yaml", 3, "items[0].amount", "'x' is not a number")
    >>> check_failures([p])[0].detail
    "costs.yaml:3: items[0].amount: 'x' is not a number"
    """
    if not problems:
        return []
    shown = "; ".join(p.render(language).split("\n")[0] for p in problems[:first])
    more = len(problems) - first
    if more > 0:
        shown += " " + msg("pf_more_problems", language, n=more)
    return [Attention("check", None, msg("pf_check_fails", language, n=len(problems)), shown)]
