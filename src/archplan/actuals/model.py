"""The actuals of a workspace: settings read from ``actuals/actuals.yaml`` and the money
imported from its ledger and FOCUS files (pure data, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import pandas as pd

__all__ = [
    "ACTUALS_DIR",
    "ACTUALS_FILE",
    "ENTRY_COLUMNS",
    "Actuals",
    "ActualsSettings",
    "FocusRule",
    "FocusSource",
    "LedgerSource",
    "Milestone",
]

ACTUALS_DIR = "actuals"
ACTUALS_FILE = "actuals/actuals.yaml"

#: Columns of :attr:`Actuals.entries`, one row per ledger row or per FOCUS group.
ENTRY_COLUMNS = [
    "source",  # "ledger" or "focus"
    "file",  # path relative to the workspace
    "row",  # first data row (1-based, header not counted) of the entry
    "rows",  # rows it stands for (1 for a ledger row; a FOCUS group may hold many)
    "month",  # "YYYY-MM"
    "item",  # cost item id ("" when unmapped or booked to a category)
    "category",  # the item's category, or the category the ledger named
    "option",  # the item's option ("" when unmapped)
    "yen",  # integer yen, tax-inclusive
    "status",  # "mapped" or "unmapped"
    "reason",  # why unmapped: "outside" (the plan period), "no_rule", "unknown_item"
    "document",  # ledger document reference, or the FOCUS service
    "note",
]


@dataclass(frozen=True)
class LedgerSource:
    """One finance-system ledger CSV (``ledger:`` in ``actuals.yaml``)."""

    file: str
    unit: str | None = None  # "yen" or "thousand"; None: declared in the file's header
    tax: str = "inclusive"  # default tax basis of rows without a tax column
    encoding: str = "auto"  # auto (UTF-8, else Shift_JIS), utf-8 or shift_jis
    date_column: str | None = None  # the header to date rows by, when several could


@dataclass(frozen=True)
class FocusRule:
    """Rows matching every given condition go to ``item`` (first matching rule wins)."""

    item: str
    service: tuple[str, ...] = ()
    service_category: tuple[str, ...] = ()
    charge_category: tuple[str, ...] = ()
    provider: tuple[str, ...] = ()
    sub_account: tuple[str, ...] = ()
    tags: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class FocusSource:
    """One FOCUS cost export (CSV or Parquet) and how its rows become cost items."""

    file: str
    cost: str = "billed"  # billed | effective | list
    tax: str = "exclusive"  # exclusive: consumption tax is added; inclusive: as billed
    date: str = "charge"  # charge (ChargePeriodStart) | billing (BillingPeriodStart)
    rules: tuple[FocusRule, ...] = ()
    line: int | None = None  # line of the entry in actuals.yaml
    pattern: str | None = None  # the glob it was found by (the parts of a split export)


@dataclass(frozen=True)
class Milestone:
    """A milestone of an earned-value plan: its planned value and when it is due/done."""

    id: str
    name: str
    due: date
    value: int  # planned value, yen tax-inclusive
    done: date | None = None
    percent: Decimal | None = None  # partial completion when not done (0-100)
    items: tuple[str, ...] = ()  # the items whose actual cost is its actual cost


@dataclass(frozen=True)
class ActualsSettings:
    """``actuals/actuals.yaml``: what to import and how."""

    as_of: str | None = None  # "YYYY-MM": the last month counted; None: last month with data
    option: str | None = None  # the option in execution; None: the accepted record's
    ledgers: tuple[LedgerSource, ...] = ()
    focus: tuple[FocusSource, ...] = ()
    rates: dict[str, tuple[tuple[date, Decimal], ...]] = field(default_factory=dict)
    milestones: tuple[Milestone, ...] = ()


@dataclass(frozen=True)
class Actuals:
    """Settings and the imported money, every yen accounted for.

    ``entries`` has the columns of :data:`ENTRY_COLUMNS`; ``files`` one row per imported
    file (rows read, rows and yen mapped and unmapped, total imported).
    """

    settings: ActualsSettings
    entries: pd.DataFrame
    files: pd.DataFrame
    option: str | None = None
    option_source: str = ""  # "settings" or "decision NNNN"
    language: str = "en"  # the workspace's, for what is shown of it (its repr)

    def __repr__(self) -> str:
        from archplan.messages import msg

        return msg(
            "repr_actuals",
            self.language,
            files=len(self.files),
            entries=len(self.entries),
            option=repr(self.option),
            as_of=self.settings.as_of,
        )

    @property
    def months(self) -> list[str]:
        """The months that carry any entry, sorted."""
        return sorted(set(self.entries["month"]))

    def as_of_month(self, as_of: str | date | None = None) -> str:
        """The last month counted: the argument, else the setting, else the last month
        with an entry ("YYYY-MM")."""
        if isinstance(as_of, date):
            return f"{as_of.year:04d}-{as_of.month:02d}"
        if as_of:
            return str(as_of)[:7]
        if self.settings.as_of:
            return self.settings.as_of
        months = self.months
        return months[-1] if months else "0000-00"

    def total(self, status: str | None = None) -> int:
        """Imported yen (all, or only ``mapped``/``unmapped``)."""
        e = self.entries if status is None else self.entries[self.entries["status"] == status]
        return int(e["yen"].sum())


def empty_entries() -> pd.DataFrame:
    """An entries frame with no rows and the right columns."""
    return pd.DataFrame(
        {
            c: pd.Series(dtype="int64" if c in ("row", "rows", "yen") else "object")
            for c in ENTRY_COLUMNS
        }
    )
