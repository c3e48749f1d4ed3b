"""Exact money for people who add things up.

Amounts are integer yen inside archplan; floats appear only in discounting. Display in
thousands of yen (千円) rounds each cell half-up and then *derives* every total from the
rounded cells, so the rows shown always add up to the totals shown.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

__all__ = ["TOTAL", "format_amount", "round_yen", "to_display_unit", "with_totals"]

#: Label of the totals row and column in cost tables.
TOTAL = "total"

UNIT_DIVISOR = {"yen": 1, "thousand": 1000}


def round_yen(amount: Decimal, *, mode: str = ROUND_HALF_UP) -> int:
    """Round a Decimal amount to whole yen (half-up unless told otherwise).

    Python's ``round`` rounds half to even; money here never does.

    Examples
    --------
    >>> round_yen(Decimal("2.5")), round_yen(Decimal("3.5")), round_yen(Decimal("-2.5"))
    (3, 4, -3)
    >>> round_yen(Decimal("9.99"), mode="ROUND_FLOOR")
    9
    """
    return int(amount.quantize(Decimal(1), rounding=mode))


def with_totals(table: pd.DataFrame) -> pd.DataFrame:
    """Append a ``total`` column and a ``total`` row to an integer table.

    Examples
    --------
    >>> t = with_totals(pd.DataFrame({2026: [1, 2], 2027: [3, 4]}, index=["a", "b"]))
    >>> t.loc["total", "total"]
    np.int64(10)
    """
    out = table.copy()
    out[TOTAL] = out.sum(axis=1)
    out.loc[TOTAL] = out.sum(axis=0)
    return out.astype("int64")


def to_display_unit(table: pd.DataFrame, unit: str) -> pd.DataFrame:
    """Convert an items × years table in yen to the display unit, cross-footed.

    Each body cell is rounded half-up to the unit; the ``total`` row and column (added
    if absent, replaced if present) are sums of the rounded cells.

    Examples
    --------
    >>> t = pd.DataFrame({2026: [1_400, 1_400], 2027: [600, 0]}, index=["a", "b"])
    >>> to_display_unit(t, "thousand").loc["total"].tolist()
    [2, 1, 3]
    """
    divisor = UNIT_DIVISOR[unit]
    body = table.drop(index=TOTAL, columns=TOTAL, errors="ignore")
    rounded = body.map(lambda v: round_yen(Decimal(int(v)) / Decimal(divisor)))
    return with_totals(rounded)


def format_amount(value: int | float, language: str = "en") -> str:
    """Thousands separators, and ▲ for negatives in Japanese (as budget tables do).

    Examples
    --------
    >>> format_amount(-1234567, "ja"), format_amount(-1234567, "en"), format_amount(0)
    ('▲1,234,567', '-1,234,567', '0')
    """
    n = int(value)
    if n < 0:
        return ("▲" if language == "ja" else "-") + f"{-n:,}"
    return f"{n:,}"
