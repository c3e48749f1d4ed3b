"""Lenient value converters and the per-file problem collector, shared by every reader.

The converters read what people write in YAML (``1_000``, full-width digits, ``円`` for
JPY, ``2026-10`` for a month) and raise ``ValueError`` with a message that quotes the
input; the workspace schema (:mod:`archplan.workspace.schema.base`) wraps them as pydantic
field types, and the readers that are not on the schema yet (``components.yaml``,
``actuals/actuals.yaml``) call them through :class:`_File`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from archplan.errors import Problem
from archplan.workspace._yaml import Path as YPath
from archplan.workspace._yaml import YamlDoc, dotted
from archplan.workspace.model import TAX_TREATMENT_WORDS, TAX_TREATMENTS, Value

ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
T = TypeVar("T")
_MISSING = object()


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    return repr(value)


class _File:
    """Problems and typed field access for one YAML file."""

    def __init__(self, fname: str, doc: YamlDoc | None, problems: list[Problem]) -> None:
        self.fname = fname
        self.doc = doc
        self.problems = problems

    def problem(self, path: YPath, message: str, expected: str | None = None) -> None:
        line = self.doc.line(path) if self.doc is not None else None
        self.problems.append(Problem(self.fname, line, dotted(path) or None, message, expected))

    def mapping(self, value: Any, path: YPath, what: str) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.problem(path, f"{_describe(value)} where {what} belongs", what)
            return None
        return value

    def unknown_keys(self, m: dict[str, Any], path: YPath, allowed: tuple[str, ...]) -> None:
        for key in m:
            if key not in allowed:
                self.problem((*path, key), f"unknown key {key!r}", "one of " + ", ".join(allowed))

    def field(
        self,
        m: dict[str, Any],
        path: YPath,
        key: str,
        convert: Callable[[Any], T],
        expected: str,
        *,
        required: bool = True,
        default: Any = _MISSING,
    ) -> T | None:
        if key not in m or m[key] is None:
            if required:
                self.problem(
                    (*path, key) if key in m else path,
                    f"required field {key!r} is missing",
                    expected,
                )
                return None
            return None if default is _MISSING else default  # type: ignore[no-any-return]
        try:
            return convert(m[key])
        except (ValueError, TypeError, InvalidOperation) as exc:
            detail = str(exc) or _describe(m[key])
            self.problem((*path, key), detail, expected)
            return None


# --- value converters (raise ValueError with a message that quotes the input) ---------


def _text(v: Any) -> str:
    if isinstance(v, (dict, list)):
        raise ValueError(f"{_describe(v)} where text belongs")
    if isinstance(v, bool):
        raise ValueError(f"{_describe(v)} where text belongs")
    return str(v).strip()


def _ident(v: Any) -> str:
    s = _text(v)
    if not ID_RE.match(s):
        raise ValueError(f"{s!r} is not a valid id")
    return s


#: A number grouped by thousands with commas (YAML reads it as text).
_GROUPED = re.compile(r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def _decimal(v: Any) -> Decimal:
    if isinstance(v, (bool, dict, list)) or v is None:
        raise ValueError(f"{_describe(v)} is not a number")
    if isinstance(v, (int, float)):
        if isinstance(v, float) and (v != v or v in (float("inf"), float("-inf"))):
            raise ValueError(f"{v!r} is not a finite number")
        return Decimal(str(v))
    try:
        d = Decimal(str(v).strip().replace("_", ""))
    except InvalidOperation:
        plain = str(v).strip().replace(",", "")
        if _GROUPED.fullmatch(str(v).strip()):  # 2,400 as a spreadsheet shows it
            raise ValueError(
                f"{v!r} is not a number: write it without the commas, as {plain}"
            ) from None
        raise ValueError(f"{v!r} is not a number") from None
    if not d.is_finite():
        raise ValueError(f"{v!r} is not a finite number")
    return d


def _int(v: Any) -> int:
    d = _decimal(v)
    if d != d.to_integral_value():
        raise ValueError(f"{v!r} is not a whole number")
    return int(d)


def _choice(*allowed: str, aliases: dict[str, str] | None = None) -> Callable[[Any], str]:
    def convert(v: Any) -> str:
        s = _text(v)
        s = (aliases or {}).get(s, s)
        if s not in allowed:
            raise ValueError(f"{s!r} is not allowed")
        return s

    return convert


def _date(v: Any) -> date:
    if isinstance(v, date):
        return v
    try:
        return date.fromisoformat(_text(v))
    except ValueError:
        raise ValueError(f"{v!r} is not a date") from None


def _ranged(convert: Callable[[Any], T], lo: Any, hi: Any) -> Callable[[Any], T]:
    def check(v: Any) -> T:
        x = convert(v)
        if not lo <= x <= hi:  # type: ignore[operator]
            raise ValueError(f"{v!r} is out of range")
        return x

    return check


# --- file reading ---------------------------------------------------------------------


def _bool(v: Any) -> bool:
    if not isinstance(v, bool):
        raise ValueError(f"{_describe(v)} is not true or false")
    return v


def _file_list(v: Any) -> tuple[str, ...]:
    items = v if isinstance(v, list) else [v]
    out = []
    for item in items:
        name = _text(item)
        if not name.endswith(".csv") or "/" in name.replace("ahp/", "", 1) or ".." in name:
            raise ValueError(f"{name!r} is not a CSV file name in the workspace")
        out.append(name)
    return tuple(out)


def _float(v: Any) -> float:
    return float(_decimal(v))


def _value(v: Any) -> Value:
    if isinstance(v, str) and NAME_RE.match(v.strip()):
        return Value(assumption=v.strip())
    try:
        return Value(literal=_decimal(v))
    except ValueError:
        raise ValueError(
            f"{_describe(v)} is neither a number nor the name of an assumption"
        ) from None


MONTH_RE = re.compile(r"^(\d{4})-(\d{1,2})$")


def _when(v: Any) -> int | str:
    """A fiscal year (2026) or a calendar month ("2026-10")."""
    if isinstance(v, int) and not isinstance(v, bool):
        if not 1900 <= v <= 2200:
            raise ValueError(f"{v!r} is out of range")
        return v
    text = _text(v)
    m = MONTH_RE.match(text)
    if m and 1900 <= int(m.group(1)) <= 2200 and 1 <= int(m.group(2)) <= 12:
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"
    if text.isdigit():
        return _when(int(text))
    raise ValueError(f"{v!r} is neither a fiscal year nor a month")


_TAX_EXPECTED = "taxable (課税), non_taxable (不課税) or exempt (非課税)"
_tax_treatment = _choice(
    *TAX_TREATMENTS,
    aliases={
        **TAX_TREATMENT_WORDS,
        "non-taxable": "non_taxable",
        "nontaxable": "non_taxable",
        "untaxed": "non_taxable",
        "tax-exempt": "exempt",
        # As accounting software labels 不課税 lines (給与・負担金: 対象外).
        "対象外": "non_taxable",
        "課税対象外": "non_taxable",
        "not taxable": "non_taxable",
        "not_taxable": "non_taxable",
    },
)


_CURRENCIES = (
    "JPY",
    "USD",
    "EUR",
    "GBP",
    "CNY",
    "KRW",
    "AUD",
    "CAD",
    "CHF",
    "SGD",
    "TWD",
    "HKD",
    "INR",
)
