"""Exact money for people who add things up.

Amounts are integer yen inside archplan; floats appear only in discounting. Display in
thousands of yen (千円) rounds each cell half-up and then *derives* every total from the
rounded cells, so the rows shown always add up to the totals shown.
"""

from __future__ import annotations

import decimal
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import pandas as pd

from archplan.errors import InputError

__all__ = [
    "TOTAL",
    "apportion",
    "format_amount",
    "format_number",
    "round_yen",
    "to_display_unit",
    "to_unit",
    "with_totals",
]

#: Label of the totals row and column in cost tables.
TOTAL = "total"

UNIT_DIVISOR = {"yen": 1, "thousand": 1000}
_ROUNDINGS = {
    getattr(decimal, name)
    for name in dir(decimal)
    if name.startswith("ROUND_") and isinstance(getattr(decimal, name), str)
}


def _divisor(unit: str) -> int:
    try:
        return UNIT_DIVISOR[unit]
    except (KeyError, TypeError):
        raise InputError(
            f"unknown display unit {unit!r}; known: " + ", ".join(UNIT_DIVISOR)
        ) from None


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
    if mode not in _ROUNDINGS:
        raise InputError(f"unknown rounding mode {mode!r}; e.g. ROUND_HALF_UP, ROUND_FLOOR")
    try:
        return int(Decimal(amount).quantize(Decimal(1), rounding=mode))
    except (InvalidOperation, TypeError, ValueError):
        raise InputError(f"{amount!r} is not an amount of money") from None


def to_unit(amount: float, unit: str) -> int:
    """One amount in yen expressed in the display unit, rounded half-up.

    For a single figure (a P90, a ceiling); a table's cells go through
    :func:`to_display_unit` so that its totals are derived from the rounded cells.

    Examples
    --------
    >>> to_unit(2_500, "thousand"), to_unit(3_500, "thousand"), to_unit(-2_500, "thousand")
    (3, 4, -3)
    >>> to_unit(1_234_567.5, "yen")
    1234568
    """
    divisor = _divisor(unit)
    try:
        value = Decimal(str(amount))
    except InvalidOperation:
        raise InputError(f"{amount!r} is not an amount of money") from None
    if not value.is_finite():
        raise InputError(f"{amount!r} is not a finite amount of money")
    return round_yen(value / Decimal(divisor))


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


def apportion(amounts: list[int], divisor: int, target: int | None = None) -> list[int]:
    """Express yen amounts in a coarser unit so that they add up to ``target``.

    The largest-remainder (Hamilton) method: every amount is first floored to the unit,
    then the units still missing go one each to the amounts with the largest remainders
    (ties to the earlier amount). Each result is within one unit of its exact value.
    ``target`` defaults to the half-up rounding of the exact sum.

    Examples
    --------
    Three cells of 400 yen are 1,200 yen, which shows as 1 千円; rounding each cell
    alone would show 0 + 0 + 0.

    >>> apportion([400, 400, 400], 1000)
    [1, 0, 0]
    """
    if not isinstance(divisor, int) or divisor <= 0:
        raise InputError(f"the unit to apportion into must be a positive integer, not {divisor!r}")
    if target is None:
        target = round_yen(Decimal(sum(amounts)) / Decimal(divisor))
    floors = [a // divisor for a in amounts]
    rems = [a % divisor for a in amounts]
    missing = target - sum(floors)
    n = len(amounts)
    if n == 0:
        return []
    # Whole rounds first (only when a target is far from the exact sum), then the rest.
    base, extra = divmod(abs(missing), n)
    step = 1 if missing >= 0 else -1
    order = sorted(range(n), key=lambda i: (-rems[i], i) if step > 0 else (rems[i], i))
    out = [f + step * base for f in floors]
    for i in order[:extra]:
        out[i] += step
    return out


def to_display_unit(
    table: pd.DataFrame,
    unit: str,
    *,
    keep: str | None = None,
    targets: pd.Series | None = None,
) -> pd.DataFrame:
    """Convert an items × years table in yen to the display unit, cross-footed.

    By default each body cell is rounded half-up to the unit; the ``total`` row and
    column (added if absent, replaced if present) are sums of the rounded cells.

    Parameters
    ----------
    keep : {"columns", "rows"}, optional
        For a breakdown of one figure shown elsewhere (an option's items or categories
        by year, the parties' shares of a year's cost): apportion each column (or row)
        with :func:`apportion` so that it adds up to the half-up rounding of its exact
        total — which is the figure the budget table shows — instead of rounding cells
        one by one.
    targets : Series, optional
        With ``keep``, the totals in the display unit to reach, by column (or row)
        label, when they are not the rounding of the exact totals.

    Examples
    --------
    >>> t = pd.DataFrame({2026: [1_400, 1_400], 2027: [600, 0]}, index=["a", "b"])
    >>> to_display_unit(t, "thousand").loc["total"].tolist()
    [2, 1, 3]
    >>> t = pd.DataFrame({2026: [400, 400, 400]}, index=["a", "b", "c"])
    >>> to_display_unit(t, "thousand", keep="columns")[2026].tolist()
    [1, 0, 0, 1]
    """
    divisor = _divisor(unit)
    body = table.drop(index=TOTAL, columns=TOTAL, errors="ignore")
    if keep is None:
        rounded = body.map(lambda v: round_yen(Decimal(int(v)) / Decimal(divisor)))
        return with_totals(rounded)
    if keep not in ("columns", "rows"):
        raise InputError(f"keep must be 'columns' or 'rows', not {keep!r}")
    frame = body if keep == "columns" else body.T
    out = pd.DataFrame(index=frame.index)
    for label in frame.columns:
        amounts = [int(v) for v in frame[label]]
        if targets is not None and label not in targets.index:
            raise InputError(f"no target total for {label!r} among the targets given")
        target = None if targets is None else int(targets[label])
        out[label] = apportion(amounts, divisor, target)
    if keep == "rows":
        out = out.T
    out.index.name, out.columns.name = body.index.name, body.columns.name
    return with_totals(out)


def format_amount(value: int | float, language: str = "en") -> str:
    """Thousands separators, and ▲ for negatives in Japanese (as budget tables do).

    Examples
    --------
    >>> format_amount(-1234567, "ja"), format_amount(-1234567, "en"), format_amount(0)
    ('▲1,234,567', '-1,234,567', '0')
    """
    try:
        n = int(value)
    except (TypeError, ValueError, OverflowError):
        raise InputError(f"{value!r} is not an amount to format") from None
    if n < 0:
        return ("▲" if language == "ja" else "-") + f"{-n:,}"
    return f"{n:,}"


def format_number(value: Decimal | float | int, language: str = "en") -> str:
    """A number as people write it: thousands separators, never scientific notation,
    no trailing zeros (``2181818.18`` → ``2,181,818.18``, ``1.5E+3`` → ``1,500``).

    Examples
    --------
    >>> format_number(Decimal("2181818.18")), format_number(Decimal("1.5E+3"))
    ('2,181,818.18', '1,500')
    >>> format_number(Decimal("0.000012")), format_number(-1234, "ja")
    ('0.000012', '▲1,234')
    """
    d = value if isinstance(value, Decimal) else Decimal(str(value))
    if not d.is_finite():
        return str(value)
    if d == d.to_integral_value():
        return format_amount(int(d), language)
    text = f"{abs(d):,f}".rstrip("0").rstrip(".")
    sign = ("▲" if language == "ja" else "-") if d < 0 else ""
    return sign + text
