"""Checks that a workspace tells a consistent story (notices, never errors).

A workspace can be valid file by file and still contradict itself: a subscription billed a
year before the service it pays for goes live. These checks compare the files with each
other and return notices for ``archplan check`` (the bundled examples are held to them,
and to the decision-record rules, by ``tests/test_examples.py``).
"""

from __future__ import annotations

from collections.abc import Iterable

from archplan.messages import msg
from archplan.workspace.model import CostItem, Option, Settings

__all__ = [
    "PROJECT_CATEGORIES",
    "SERVICE_CATEGORIES",
    "go_live_month",
    "service_before_go_live",
]

#: Categories of what a project costs to deliver, rather than to run: paid before go-live.
PROJECT_CATEGORIES = ("build", "migration", "training")
_PROJECT_PHASES = ("build", "migrate")
#: Charges for a running service, which should not start before the option goes live.
SERVICE_CATEGORIES = ("subscription", "cloud", "licence", "maintenance", "operation")


def go_live_month(when: int | str, start_month: int) -> int:
    """The absolute month number (year × 12 + month − 1) of a ``go_live`` or ``start``:
    a fiscal year counts from its first month.

    Examples
    --------
    >>> go_live_month(2027, 4) == go_live_month("2027-04", 4) == 2027 * 12 + 3
    True
    """
    if isinstance(when, int):
        return when * 12 + start_month - 1
    year, month = when.split("-")
    return int(year) * 12 + int(month) - 1


def _label(m: int) -> str:
    return f"{m // 12:04d}-{m % 12 + 1:02d}"


def _category(category: str, language: str) -> str:
    """A category as a notice names it: its label in a Japanese workspace (``保守``), the
    id an English workspace wrote (``maintenance``)."""
    from archplan.report.i18n import category_label  # the one lookup; imports only messages

    return category if language == "en" else category_label(category, language)


def service_before_go_live(
    options: Iterable[Option], items: Iterable[CostItem], settings: Settings
) -> list[str]:
    """Notices for running costs that start before their option goes live.

    A recurring or usage cost (not a benefit; not a build, migration or training cost) of
    an option with a ``go_live`` should start no earlier than that month.

    Examples
    --------
    >>> from archplan.workspace.model import Value
    >>> from decimal import Decimal
    >>> s = Settings(title="t", language="en")
    >>> sub = CostItem("sub", "saas", "Subscription", "subscription", "recurring", 2026,
    ...                2030, amount=Value(Decimal(1)))
    >>> service_before_go_live([Option("saas", "SaaS", go_live="2027-04")], [sub], s)
    ["costs.yaml: item 'sub' (subscription) starts 2026-04, before option 'saas' goes live 2027-04"]
    """
    sm = settings.fy_start_month
    live = {o.id: go_live_month(o.go_live, sm) for o in options if o.go_live is not None}
    out: list[str] = []
    for it in items:
        if it.nature == "one-off" or it.kind == "benefit" or it.option not in live:
            continue
        # Staff, contributions, insurance and the like are paid during a build too: only
        # the charges for a running service are held to the go-live (docs/workspace.md).
        if it.category not in SERVICE_CATEGORIES or it.phase in _PROJECT_PHASES:
            continue
        first = go_live_month(it.start, sm)
        if first < live[it.option]:
            out.append(
                msg(
                    "ex_service_before_go_live",
                    settings.language,
                    item=it.id,
                    category=_category(it.category, settings.language),
                    start=_label(first),
                    option=it.option,
                    go_live=_label(live[it.option]),
                )
            )
    return out
