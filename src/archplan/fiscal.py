"""Fiscal years: which year a date falls in, its bounds, and its label.

A fiscal year is named by the calendar year it *starts* in (FY2026 = 2026-04-01 …
2027-03-31 with the Japanese April start). pandas' ``Y-MAR`` periods are named by the
year they *end* in, so we do not use them for labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from archplan.errors import InputError

__all__ = ["FiscalYear", "fiscal_year", "fiscal_year_bounds", "fy_label", "item_months"]


def fiscal_year(day: date, start_month: int = 4) -> int:
    """The fiscal year that ``day`` falls in.

    Examples
    --------
    >>> fiscal_year(date(2027, 3, 31)), fiscal_year(date(2027, 4, 1))
    (2026, 2027)
    >>> fiscal_year(date(2026, 12, 31), start_month=1)
    2026
    """
    if not 1 <= start_month <= 12:
        raise InputError(f"start_month must be 1..12, not {start_month}")
    return day.year if day.month >= start_month else day.year - 1


def fiscal_year_bounds(fy: int, start_month: int = 4) -> tuple[date, date]:
    """First and last day of fiscal year ``fy``.

    Examples
    --------
    >>> fiscal_year_bounds(2026)
    (datetime.date(2026, 4, 1), datetime.date(2027, 3, 31))
    """
    first = date(fy, start_month, 1)
    nxt = date(fy + 1, start_month, 1)
    return first, nxt - timedelta(days=1)


def fy_label(fy: int, language: str = "en") -> str:
    """Label a fiscal year for people: ``FY2026`` or ``令和8年度``.

    Japanese labels use the era in which the fiscal year starts: Reiwa from FY2019
    (``令和元年度``; Reiwa year = calendar year − 2018), Heisei for FY1989–FY2018.

    Examples
    --------
    >>> fy_label(2026), fy_label(2026, "ja"), fy_label(2019, "ja"), fy_label(2018, "ja")
    ('FY2026', '令和8年度', '令和元年度', '平成30年度')
    """
    if language != "ja":
        return f"FY{fy}"
    for era, first in (("令和", 2019), ("平成", 1989)):
        if fy >= first:
            n = fy - first + 1
            return f"{era}{'元' if n == 1 else n}年度"
    return f"{fy}年度"


@dataclass(frozen=True, order=True)
class FiscalYear:
    """A fiscal year, named by the calendar year it starts in.

    Examples
    --------
    >>> fy = FiscalYear.of(date(2027, 2, 14))
    >>> fy, fy.first_day, fy.last_day, fy.label("ja")
    (FiscalYear(2026), datetime.date(2026, 4, 1), datetime.date(2027, 3, 31), '令和8年度')
    >>> date(2026, 12, 1) in fy, fy + 1
    (True, FiscalYear(2027))
    """

    year: int
    start_month: int = 4

    def __post_init__(self) -> None:
        if not 1 <= self.start_month <= 12:
            raise InputError(f"start_month must be 1..12, not {self.start_month}")

    @classmethod
    def of(cls, day: date, start_month: int = 4) -> FiscalYear:
        """The fiscal year containing ``day``."""
        return cls(fiscal_year(day, start_month), start_month)

    @property
    def first_day(self) -> date:
        return fiscal_year_bounds(self.year, self.start_month)[0]

    @property
    def last_day(self) -> date:
        return fiscal_year_bounds(self.year, self.start_month)[1]

    def label(self, language: str = "en") -> str:
        """``FY2026`` or ``令和8年度``."""
        return fy_label(self.year, language)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first_day <= day <= self.last_day

    def __add__(self, years: int) -> FiscalYear:
        return FiscalYear(self.year + years, self.start_month)

    def __str__(self) -> str:
        return self.label()

    def __repr__(self) -> str:
        extra = f", start_month={self.start_month}" if self.start_month != 4 else ""
        return f"FiscalYear({self.year}{extra})"


def item_months(
    start: int | str, end: int | str | None, start_month: int = 4
) -> tuple[int, int | None]:
    """Absolute month numbers (year × 12 + month − 1) of the first and last month of a
    span written as fiscal years (``2026``) or months (``"2026-10"``); the one
    implementation shared by the workspace rules and the cost engine.

    Examples
    --------
    >>> item_months(2026, 2027)  # FY2026 April … FY2027 March 2028
    (24315, 24338)
    >>> item_months("2026-10", None)
    (24321, None)
    """

    def absolute(w: int | str, first: bool) -> int:
        if isinstance(w, int):
            base = w * 12 + (start_month - 1)
            return base if first else base + 11
        y, mo = w.split("-")
        return int(y) * 12 + int(mo) - 1

    return absolute(start, True), (absolute(end, False) if end is not None else None)
