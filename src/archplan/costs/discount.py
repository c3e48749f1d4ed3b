"""Discounting: NPV with an explicit timing convention, EAC, XNPV/XIRR, IRR, payback, ROI.

Timing conventions for yearly flows v_0 … v_{n−1}:

* ``start`` — the first fiscal year is time 0: NPV = Σ v_t / (1 + r)^t.
  This is :func:`numpy_financial.npv`.
* ``end`` — every year is discounted, the first by one period: NPV = Σ v_t / (1 + r)^(t+1).
  This is a spreadsheet's ``NPV(rate, values)``; it equals the ``start`` NPV / (1 + r).

Dated flows use XNPV: Σ v_i / (1 + r)^((d_i − d_0) / 365), as spreadsheets do.

Arguments come in numpy-financial's order, the rate first: ``npv(rate, values)`` as
``numpy_financial.npv(rate, values)``, ``equivalent_annual_cost(rate, years,
present_value)`` as ``numpy_financial.pmt(rate, nper, pv)``, ``xnpv(rate, values,
dates)`` as a spreadsheet's ``XNPV(rate, values, dates)``. Arguments given in the old
order (values first) are refused with an :class:`~archplan.errors.InputError`, never
silently misread.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
import numpy_financial as npf

from archplan.errors import InputError

__all__ = ["equivalent_annual_cost", "irr", "npv", "payback_year", "roi", "xirr", "xnpv"]


def _rate(rate: object, fn: str, order: str) -> float:
    """The discount rate as a float; a sequence or text in its place is refused."""
    if isinstance(rate, (bool, str, bytes)) or not isinstance(rate, (int, float, np.number)):
        raise InputError(
            f"{fn} takes ({order}) in numpy-financial's order, the rate first; "
            f"got {type(rate).__name__} where the rate belongs"
        )
    return float(rate)


def _values(values: object, fn: str, order: str) -> list[float]:
    if isinstance(values, (int, float, np.number, str, bytes)):
        raise InputError(
            f"{fn} takes ({order}) in numpy-financial's order, the rate first; "
            f"got the number {values!r} where the flows belong"
        )
    try:
        return [float(v) for v in values]  # type: ignore[attr-defined]
    except (TypeError, ValueError):
        raise InputError(f"{fn}: the flows must be numbers") from None


def npv(rate: float, values: Sequence[float], timing: str = "start") -> float:
    """Net present value of yearly flows under a timing convention.

    The arguments are in ``numpy_financial.npv``'s order: the rate, then the flows.

    Examples
    --------
    >>> round(npv(0.10, [-10000, 3000, 4200, 6800]), 2)          # numpy-financial
    1307.29
    >>> round(npv(0.10, [-10000, 3000, 4200, 6800], "end"), 2)   # spreadsheet NPV()
    1188.44
    """
    rate = _rate(rate, "npv", "rate, values[, timing]")
    flows = _values(values, "npv", "rate, values[, timing]")
    if timing not in ("start", "end"):
        raise InputError(f"timing must be 'start' or 'end', not {timing!r}")
    value = float(npf.npv(rate, flows))
    return value if timing == "start" else value / (1 + rate)


def equivalent_annual_cost(
    rate: float, years: int, present_value: float, timing: str = "start"
) -> float:
    """The level yearly amount with the same present value over ``years`` years.

    Paid at the start of each year for the ``start`` convention, at the end for ``end``
    (numpy-financial's ``pmt(rate, nper, pv)`` with ``when='begin'`` or ``'end'``, in
    the same argument order).

    Examples
    --------
    >>> round(equivalent_annual_cost(0.0, 4, 1000.0), 2)
    250.0
    """
    order = "rate, years, present_value[, timing]"
    rate = _rate(rate, "equivalent_annual_cost", order)
    if isinstance(years, bool) or not float(years).is_integer():
        raise InputError(
            f"equivalent_annual_cost takes ({order}) in numpy-financial's order; "
            f"{years!r} is not a whole number of years"
        )
    if years <= 0:
        raise InputError("the equivalent annual cost needs at least one year")
    if timing not in ("start", "end"):
        raise InputError(f"timing must be 'start' or 'end', not {timing!r}")
    when = "begin" if timing == "start" else "end"
    return float(-npf.pmt(rate, years, present_value, when=when))


def _years(dates: Sequence[date]) -> np.ndarray:
    d0 = dates[0]
    return np.array([(d - d0).days / 365.0 for d in dates])


def xnpv(rate: float, values: Sequence[float], dates: Sequence[date]) -> float:
    """NPV of dated flows, spreadsheet XNPV convention (actual days / 365 from the first).

    Examples
    --------
    >>> d = [date(2008, 1, 1), date(2008, 3, 1), date(2008, 10, 30), date(2009, 2, 15),
    ...      date(2009, 4, 1)]
    >>> round(xnpv(0.09, [-10000, 2750, 4250, 3250, 2750], d), 2)
    2086.65
    """
    rate = _rate(rate, "xnpv", "rate, values, dates")
    values = _values(values, "xnpv", "rate, values, dates")
    if len(values) != len(dates) or not values:
        raise InputError("xnpv needs as many dates as values (at least one)")
    if rate <= -1:
        raise InputError("the rate must be above −100 %")
    return float(np.sum(np.asarray(values, float) / (1 + rate) ** _years(dates)))


def _check_sign_change(values: Sequence[float]) -> None:
    v = np.asarray(values, float)
    if not ((v > 0).any() and (v < 0).any()):
        raise InputError(
            "an internal rate of return needs flows that change sign (a cost and a later "
            "benefit); these flows are all of one sign, so there is no IRR to report"
        )


def xirr(values: Sequence[float], dates: Sequence[date]) -> float:
    """The rate at which :func:`xnpv` is zero.

    Examples
    --------
    >>> d = [date(2008, 1, 1), date(2008, 3, 1), date(2008, 10, 30), date(2009, 2, 15),
    ...      date(2009, 4, 1)]
    >>> round(xirr([-10000, 2750, 4250, 3250, 2750], d), 4)
    0.3734
    """
    _check_sign_change(values)
    from scipy.optimize import brentq  # only XIRR needs a root finder

    try:
        return float(brentq(lambda r: xnpv(r, values, dates), -0.9999, 100.0, xtol=1e-12))
    except ValueError:
        raise InputError("no internal rate of return between −99.99 % and 10,000 %") from None


def irr(values: Sequence[float]) -> float:
    """Internal rate of return of yearly flows (numpy-financial), with a clear refusal
    when the flows never change sign.

    Examples
    --------
    >>> round(irr([-100, 39, 59, 55, 20]), 5)
    0.28095
    """
    _check_sign_change(values)
    result = float(npf.irr(list(values)))
    if not np.isfinite(result):
        raise InputError("the internal rate of return does not converge for these flows")
    return result


def payback_year(years: Sequence[int], net: Sequence[float]) -> int | None:
    """The first fiscal year in which cumulative net benefit reaches zero or more.

    Examples
    --------
    >>> payback_year([2026, 2027, 2028], [-100, 60, 60])
    2028
    """
    total = 0.0
    for fy, v in zip(years, net, strict=True):
        total += v
        if total >= 0:
            return int(fy)
    return None


def roi(benefits: float, costs: float) -> float:
    """Return on investment: (benefits − costs) / costs.

    Examples
    --------
    >>> roi(150.0, 100.0)
    0.5
    """
    if costs <= 0:
        raise InputError("ROI needs a positive cost")
    return (benefits - costs) / costs
