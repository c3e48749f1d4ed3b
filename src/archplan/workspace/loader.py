"""Read and validate a workspace folder, reporting every problem at once.

The layout (see ``docs/workspace.md``)::

    archplan.yaml      settings
    options.yaml       options: id, name, description
    criteria.yaml      criteria: id, name, direction, weight
    scores.csv         options x criteria, opens in a spreadsheet
    assumptions.yaml   the assumptions register
    costs.yaml         cost line items per option
    decisions/         NNNN-title.md decision records (MADR-style)

Each reader below appends :class:`~archplan.errors.Problem` records instead of raising,
so that :func:`load_workspace` can raise one :class:`~archplan.errors.WorkspaceError`
listing everything an architect has to fix.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeVar, cast

import pandas as pd

from archplan.errors import Problem, WorkspaceError
from archplan.workspace._yaml import Path as YPath
from archplan.workspace._yaml import YamlDoc, dotted, load_yaml
from archplan.workspace.model import (
    Assumption,
    CostItem,
    Criterion,
    DecisionRecord,
    DisplayUnit,
    Language,
    Option,
    Settings,
    TaxBasis,
    Value,
    Workspace,
)

__all__ = [
    "ASSUMPTIONS_FILE",
    "COSTS_FILE",
    "CRITERIA_FILE",
    "DECISIONS_DIR",
    "OPTIONS_FILE",
    "SCORES_FILE",
    "SETTINGS_FILE",
    "check_workspace",
    "load_workspace",
]

SETTINGS_FILE = "archplan.yaml"
OPTIONS_FILE = "options.yaml"
CRITERIA_FILE = "criteria.yaml"
SCORES_FILE = "scores.csv"
ASSUMPTIONS_FILE = "assumptions.yaml"
COSTS_FILE = "costs.yaml"
DECISIONS_DIR = "decisions"

#: Files larger than this are refused unread: no hand-edited planning file is this big.
MAX_FILE_BYTES = 5 * 1024 * 1024

ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
RECORD_RE = re.compile(r"^(\d{4})-[^/]*\.md$")

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


def _read_text(
    root: Path, fname: str, problems: list[Problem], notices: list[str], *, required: bool = True
) -> str | None:
    path = root / fname
    if not path.exists():
        if required:
            problems.append(
                Problem(
                    fname, None, None, "file is missing", f"a file {fname} in the workspace folder"
                )
            )
        return None
    if not path.is_file():
        problems.append(Problem(fname, None, None, "is not a regular file", "a file"))
        return None
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        problems.append(
            Problem(
                fname,
                None,
                None,
                f"file is {size:,} bytes, too large to be a planning file",
                f"at most {MAX_FILE_BYTES:,} bytes",
            )
        )
        return None
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Japanese Windows saves CSV as Shift_JIS (cp932): read it, and say so.
        try:
            text = raw.decode("cp932")
        except UnicodeDecodeError:
            problems.append(
                Problem(
                    fname,
                    None,
                    None,
                    "file is not UTF-8 text",
                    "UTF-8 (or Shift_JIS as saved by Excel)",
                )
            )
            return None
        notices.append(f"{fname}: read as Shift_JIS (cp932); save as UTF-8 to avoid this")
    if raw.startswith(b"\xef\xbb\xbf"):
        notices.append(f"{fname}: a byte-order mark was ignored")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _load_yaml_file(
    root: Path, fname: str, problems: list[Problem], notices: list[str], *, required: bool = True
) -> _File | None:
    text = _read_text(root, fname, problems, notices, required=required)
    if text is None:
        return None
    doc, yproblems = load_yaml(text, fname)
    problems.extend(yproblems)
    if doc is None:
        return None
    f = _File(fname, doc, problems)
    if doc.data is None:
        f.problem((), "file is empty", "YAML content (see the template from 'archplan new')")
        return None
    return f


def _read_settings(f: _File) -> Settings | None:
    m = f.mapping(f.doc.data if f.doc else None, (), "a mapping of settings")
    if m is None:
        return None
    allowed = (
        "title",
        "language",
        "author",
        "currency",
        "display_unit",
        "fiscal_year",
        "discount_rate",
        "tax",
    )
    f.unknown_keys(m, (), allowed)
    n_before = len(f.problems)
    title = f.field(m, (), "title", _text, "the title of the planning case")
    language = f.field(
        m, (), "language", _choice("ja", "en"), "ja or en", required=False, default="ja"
    )
    author = f.field(m, (), "author", _text, "text", required=False, default="")
    currency = f.field(
        m,
        (),
        "currency",
        _choice("JPY", aliases={"円": "JPY", "yen": "JPY"}),
        "JPY (other currencies arrive with exchange-rate assumptions)",
        required=False,
        default="JPY",
    )
    unit = f.field(
        m,
        (),
        "display_unit",
        _choice("yen", "thousand", aliases={"円": "yen", "千円": "thousand"}),
        "yen (円) or thousand (千円)",
        required=False,
        default="thousand",
    )
    fy = m.get("fiscal_year", _MISSING)
    start_month: int | None = 4
    first: int | None = None
    horizon: int | None = None
    if fy is _MISSING:
        f.problem(
            (),
            "required section 'fiscal_year' is missing",
            "fiscal_year: {start_month: 4, first: 2026, horizon: 5}",
        )
    else:
        fym = f.mapping(fy, ("fiscal_year",), "a mapping with start_month, first, horizon")
        if fym is not None:
            f.unknown_keys(fym, ("fiscal_year",), ("start_month", "first", "horizon"))
            start_month = f.field(
                fym,
                ("fiscal_year",),
                "start_month",
                _ranged(_int, 1, 12),
                "a month number from 1 to 12",
                required=False,
                default=4,
            )
            first = f.field(
                fym,
                ("fiscal_year",),
                "first",
                _ranged(_int, 1900, 2200),
                "the first fiscal year of the plan, e.g. 2026 (named by the "
                "calendar year it starts in)",
            )
            horizon = f.field(
                fym,
                ("fiscal_year",),
                "horizon",
                _ranged(_int, 1, 50),
                "the number of fiscal years to plan, 1 to 50",
            )
    rate = f.field(
        m,
        (),
        "discount_rate",
        _ranged(_decimal, Decimal(0), Decimal(1)),
        "a yearly rate between 0 and 1, e.g. 0.04 for 4 %",
        required=False,
        default=Decimal("0.04"),
    )
    tax_rate: Decimal | None = Decimal("0.10")
    basis: str | None = "exclusive"
    if "tax" in m:
        tm = f.mapping(m["tax"], ("tax",), "a mapping with rate and amounts_entered")
        if tm is not None:
            f.unknown_keys(tm, ("tax",), ("rate", "amounts_entered"))
            tax_rate = f.field(
                tm,
                ("tax",),
                "rate",
                _ranged(_decimal, Decimal(0), Decimal(1)),
                "a rate between 0 and 1, e.g. 0.10",
                required=False,
                default=Decimal("0.10"),
            )
            basis = f.field(
                tm,
                ("tax",),
                "amounts_entered",
                _choice(
                    "exclusive", "inclusive", aliases={"税抜": "exclusive", "税込": "inclusive"}
                ),
                "exclusive (税抜) or inclusive (税込)",
                required=False,
                default="exclusive",
            )
    if len(f.problems) > n_before or title is None or first is None or horizon is None:
        return None
    return Settings(
        title=title,
        language=cast(Language, language),
        author=author or "",
        currency=currency or "JPY",
        display_unit=cast(DisplayUnit, unit),
        fy_start_month=start_month or 4,
        first_fy=first,
        horizon=horizon,
        discount_rate=float(rate if rate is not None else Decimal("0.04")),
        tax_rate=tax_rate if tax_rate is not None else Decimal("0.10"),
        amounts_entered=cast(TaxBasis, basis),
    )


def _list_section(f: _File, key: str, what: str) -> list[Any]:
    m = f.mapping(f.doc.data if f.doc else None, (), f"a mapping with a '{key}' list")
    if m is None:
        return []
    f.unknown_keys(m, (), (key,))
    if key not in m:
        f.problem((), f"required section {key!r} is missing", f"'{key}:' with a list of {what}")
        return []
    seq = m[key]
    if not isinstance(seq, list):
        f.problem(
            (key,),
            f"{_describe(seq)} where a list of {what} belongs",
            f"a list of {what}, each starting with '- '",
        )
        return []
    if not seq:
        f.problem((key,), f"the list of {what} is empty", f"at least one of {what}")
    return seq


def _check_unique(f: _File, key: str, ids: list[tuple[int, str | None]], what: str) -> None:
    seen: dict[str, int] = {}
    for i, ident in ids:
        if ident is None:
            continue
        if ident in seen:
            first_line = f.doc.line((key, seen[ident], "id")) if f.doc else None
            f.problem(
                (key, i, "id"),
                f"duplicate {what} id {ident!r} (first on line {first_line})",
                f"a unique id for each {what}",
            )
        else:
            seen[ident] = i


def _read_options(f: _File) -> list[Option]:
    out: list[Option] = []
    ids: list[tuple[int, str | None]] = []
    for i, raw in enumerate(_list_section(f, "options", "options")):
        p: YPath = ("options", i)
        m = f.mapping(raw, p, "a mapping with id, name, description")
        if m is None:
            continue
        f.unknown_keys(m, p, ("id", "name", "description"))
        oid = f.field(m, p, "id", _ident, "a short id of letters, digits, '-', '_', e.g. saas")
        name = f.field(m, p, "name", _text, "a display name")
        desc = f.field(m, p, "description", _text, "text", required=False, default="")
        ids.append((i, oid))
        if oid is not None and name is not None:
            out.append(Option(oid, name, desc or ""))
    _check_unique(f, "options", ids, "option")
    return out


def _read_criteria(f: _File) -> list[Criterion]:
    out: list[Criterion] = []
    ids: list[tuple[int, str | None]] = []
    seq = _list_section(f, "criteria", "criteria")
    for i, raw in enumerate(seq):
        p: YPath = ("criteria", i)
        m = f.mapping(raw, p, "a mapping with id, name, direction, weight")
        if m is None:
            continue
        f.unknown_keys(m, p, ("id", "name", "direction", "weight", "description"))
        cid = f.field(m, p, "id", _ident, "a short id, e.g. security")
        name = f.field(m, p, "name", _text, "a display name")
        direction = f.field(
            m,
            p,
            "direction",
            _choice(
                "benefit",
                "cost",
                aliases={"max": "benefit", "min": "cost", "+": "benefit", "-": "cost"},
            ),
            "benefit (more is better) or cost (less is better)",
        )
        weight = f.field(
            m,
            p,
            "weight",
            _ranged(_decimal, Decimal(0), Decimal("1e9")),
            "a weight of zero or more (weights are normalised to sum to 1)",
        )
        desc = f.field(m, p, "description", _text, "text", required=False, default="")
        ids.append((i, cid))
        if None not in (cid, name, direction, weight):
            out.append(Criterion(cid, name, direction, float(weight), desc or ""))  # type: ignore[arg-type]
    _check_unique(f, "criteria", ids, "criterion")
    if out and len(out) == len(seq) and sum(c.weight for c in out) == 0:
        f.problem(("criteria",), "all criterion weights are zero", "at least one positive weight")
    return out


def _read_assumptions(f: _File) -> dict[str, Assumption]:
    out: dict[str, Assumption] = {}
    m = f.mapping(f.doc.data if f.doc else None, (), "a mapping with an 'assumptions' section")
    if m is None:
        return out
    f.unknown_keys(m, (), ("assumptions",))
    section = m.get("assumptions")
    if section is None:
        if "assumptions" not in m:
            f.problem(
                (),
                "required section 'assumptions' is missing",
                "'assumptions:' with one entry per named value",
            )
        return out
    sm = f.mapping(section, ("assumptions",), "a mapping of assumption names to entries")
    if sm is None:
        return out
    for name, raw in sm.items():
        p: YPath = ("assumptions", name)
        if not NAME_RE.match(name):
            f.problem(
                p,
                f"{name!r} is not a valid assumption name",
                "letters, digits and '_', starting with a letter, e.g. users",
            )
            continue
        if not isinstance(raw, dict):
            # Allow the short form `users: 120` for a bare value.
            value = f.field({"value": raw}, p, "value", _decimal, "a number")
            if value is not None:
                out[name] = Assumption(name, value)
            continue
        f.unknown_keys(raw, p, ("value", "unit", "source", "as_of", "description"))
        value = f.field(raw, p, "value", _decimal, "a number")
        unit = f.field(raw, p, "unit", _text, "text", required=False, default="")
        source = f.field(raw, p, "source", _text, "text", required=False, default="")
        as_of = f.field(raw, p, "as_of", _date, "a date as YYYY-MM-DD", required=False)
        desc = f.field(raw, p, "description", _text, "text", required=False, default="")
        if value is not None:
            out[name] = Assumption(name, value, unit or "", source or "", as_of, desc or "")
    return out


def _value(v: Any) -> Value:
    if isinstance(v, str) and NAME_RE.match(v.strip()):
        return Value(assumption=v.strip())
    try:
        return Value(literal=_decimal(v))
    except ValueError:
        raise ValueError(
            f"{_describe(v)} is neither a number nor the name of an assumption"
        ) from None


_ITEM_KEYS = (
    "id",
    "option",
    "name",
    "category",
    "nature",
    "period",
    "amount",
    "quantity",
    "unit_price",
    "start",
    "end",
    "note",
)


def _read_costs(
    f: _File,
    options: set[str] | None,
    assumptions: dict[str, Assumption] | None,
    settings: Settings | None,
    notices: list[str],
) -> list[CostItem]:
    out: list[CostItem] = []
    ids: list[tuple[int, str | None]] = []
    expected_value = "a number, or the name of an assumption in assumptions.yaml"
    for i, raw in enumerate(_list_section(f, "items", "cost items")):
        p: YPath = ("items", i)
        m = f.mapping(raw, p, "a mapping describing one cost item")
        if m is None:
            continue
        n_before = len(f.problems)
        f.unknown_keys(m, p, _ITEM_KEYS)
        iid = f.field(m, p, "id", _ident, "a short id, e.g. saas-licence")
        ids.append((i, iid))
        option = f.field(m, p, "option", _ident, "the id of an option in options.yaml")
        if option is not None and options is not None and option not in options:
            f.problem(
                (*p, "option"), f"unknown option {option!r}", "one of " + ", ".join(sorted(options))
            )
        name = f.field(m, p, "name", _text, "a display name")
        category = f.field(
            m,
            p,
            "category",
            _text,
            "a category such as build, licence, subscription, cloud, "
            "operation, maintenance, hardware, migration, exit",
        )
        nature = f.field(
            m,
            p,
            "nature",
            _choice("one-off", "recurring", aliases={"one_off": "one-off", "once": "one-off"}),
            "one-off or recurring",
        )
        period = f.field(
            m,
            p,
            "period",
            _choice("year", "month", aliases={"yearly": "year", "monthly": "month"}),
            "year or month (how often a recurring amount is paid)",
            required=False,
            default="year",
        )
        if nature == "one-off" and "period" in m:
            f.problem(
                (*p, "period"), "a one-off item has no period", "no 'period' on a one-off item"
            )
        values: dict[str, Value | None] = {}
        for key in ("amount", "quantity", "unit_price"):
            values[key] = f.field(m, p, key, _value, expected_value, required=False)
            val = values[key]
            if val is None:
                continue
            if (
                val.assumption is not None
                and assumptions is not None
                and val.assumption not in assumptions
            ):
                f.problem(
                    (*p, key),
                    f"unknown assumption {val.assumption!r}",
                    "the name of an assumption in assumptions.yaml"
                    + (" (known: " + ", ".join(sorted(assumptions)) + ")" if assumptions else ""),
                )
            elif val.literal is not None and val.literal < 0:
                f.problem((*p, key), f"negative {key} {val.literal}", "zero or more")
        has_amount = "amount" in m
        has_qp = "quantity" in m or "unit_price" in m
        if has_amount and has_qp:
            f.problem(
                p,
                "both 'amount' and 'quantity'/'unit_price' are given",
                "either amount, or quantity and unit_price",
            )
        elif not has_amount and not ("quantity" in m and "unit_price" in m):
            missing = (
                [k for k in ("quantity", "unit_price") if k not in m] if has_qp else ["amount"]
            )
            f.problem(
                p,
                "no amount: "
                + " and ".join(repr(k) for k in missing)
                + (" is" if len(missing) == 1 else " are")
                + " missing",
                "either amount, or quantity and unit_price",
            )
        start = f.field(
            m, p, "start", _ranged(_int, 1900, 2200), "the fiscal year the item starts, e.g. 2026"
        )
        end = f.field(
            m,
            p,
            "end",
            _ranged(_int, 1900, 2200),
            "the last fiscal year of a recurring item, e.g. 2030",
            required=nature == "recurring",
            default=start,
        )
        if nature == "one-off" and "end" in m and start is not None and end != start:
            f.problem(
                (*p, "end"),
                "a one-off item has a single fiscal year",
                "no 'end', or end equal to start",
            )
        if start is not None and end is not None and end < start:
            f.problem(
                (*p, "end"),
                f"end {end} is before start {start}",
                "an end fiscal year on or after the start",
            )
        note = f.field(m, p, "note", _text, "text", required=False, default="")
        if len(f.problems) > n_before:
            continue
        assert iid and option and name and category and nature and start is not None
        assert end is not None
        if settings is not None:
            last = settings.first_fy + settings.horizon - 1
            if end < settings.first_fy or start > last:
                notices.append(
                    f"{f.fname}: item {iid!r} ({start}-{end}) lies outside the "
                    f"plan's fiscal years {settings.first_fy}-{last}"
                )
        out.append(
            CostItem(
                id=iid,
                option=option,
                name=name,
                category=category,
                nature=nature,  # type: ignore[arg-type]
                start=start,
                end=end,
                period=period if nature == "recurring" else "year",  # type: ignore[arg-type]
                amount=values["amount"],
                quantity=values["quantity"],
                unit_price=values["unit_price"],
                note=note or "",
            )
        )
    _check_unique(f, "items", ids, "cost item")
    return out


def _read_scores(
    text: str,
    options: list[Option] | None,
    criteria: list[Criterion] | None,
    problems: list[Problem],
) -> pd.DataFrame | None:
    fname = SCORES_FILE
    n_before = len(problems)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            text.split("\n", 1)[0], delimiters=",;\t"
        )
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows: list[tuple[int, list[str]]] = []
    try:
        for row in reader:
            rows.append((reader.line_num, [c.strip() for c in row]))
    except csv.Error as exc:
        problems.append(
            Problem(fname, reader.line_num, None, f"CSV syntax: {exc}", "comma-separated values")
        )
        return None
    rows = [(n, r) for n, r in rows if any(r)]
    if not rows:
        problems.append(
            Problem(
                fname,
                None,
                None,
                "file is empty",
                "a header 'option,<criterion ids…>' and one row per option",
            )
        )
        return None
    header_line, header = rows[0]
    # Spreadsheets leave empty trailing columns behind; drop columns empty everywhere.
    width = max(len(r) for _, r in rows)
    keep = [j for j in range(width) if any(j < len(r) and r[j] for _, r in rows)]
    header = [header[j] if j < len(header) else "" for j in keep]
    body = [(n, [r[j] if j < len(r) else "" for j in keep]) for n, r in rows[1:]]
    if not header or header[0].lower() not in ("option", "options", "id", "選択肢", "案"):
        problems.append(
            Problem(
                fname,
                header_line,
                "column 1",
                f"first header cell is {header[0] if header else ''!r}",
                "'option' (the column of option ids)",
            )
        )
    crit_ids = [c.id for c in criteria] if criteria is not None else None
    columns: list[str] = []
    for j, h in enumerate(header[1:], start=2):
        if not h:
            problems.append(
                Problem(fname, header_line, f"column {j}", "empty header cell", "a criterion id")
            )
        elif crit_ids is not None and h not in crit_ids:
            problems.append(
                Problem(
                    fname,
                    header_line,
                    f"column {j}",
                    f"unknown criterion {h!r}",
                    "a criterion id from criteria.yaml: " + ", ".join(crit_ids),
                )
            )
        elif h in columns:
            problems.append(
                Problem(
                    fname,
                    header_line,
                    f"column {j}",
                    f"duplicate column {h!r}",
                    "each criterion once",
                )
            )
        columns.append(h)
    if crit_ids is not None:
        for cid in crit_ids:
            if cid not in header[1:]:
                problems.append(
                    Problem(
                        fname,
                        header_line,
                        f"column {cid}",
                        f"criterion {cid!r} has no column of scores",
                        f"a column headed {cid!r}",
                    )
                )
    opt_ids = [o.id for o in options] if options is not None else None
    data: dict[str, list[float]] = {}
    seen_rows: dict[str, int] = {}
    for line, row in body:
        oid = row[0]
        if opt_ids is not None and oid not in opt_ids:
            problems.append(
                Problem(
                    fname,
                    line,
                    "column option",
                    f"unknown option {oid!r}",
                    "an option id from options.yaml: " + ", ".join(opt_ids),
                )
            )
            continue
        if oid in seen_rows:
            problems.append(
                Problem(
                    fname,
                    line,
                    f"row {oid}",
                    f"duplicate row for option {oid!r} (first on line {seen_rows[oid]})",
                    "one row per option",
                )
            )
            continue
        seen_rows[oid] = line
        values: list[float] = []
        for h, cell in zip(header[1:], row[1:], strict=True):
            where = f"row {oid}, column {h}"
            if cell == "":
                problems.append(
                    Problem(
                        fname,
                        line,
                        where,
                        f"missing score for option {oid!r} on criterion {h!r}",
                        "a number",
                    )
                )
                values.append(float("nan"))
                continue
            try:
                values.append(float(_decimal(cell)))
            except ValueError:
                problems.append(
                    Problem(fname, line, where, f"score {cell!r} is not a number", "a number")
                )
                values.append(float("nan"))
        data[oid] = values
    if opt_ids is not None:
        for oid in opt_ids:
            if oid not in seen_rows:
                problems.append(
                    Problem(
                        fname,
                        None,
                        f"row {oid}",
                        f"option {oid!r} has no row of scores",
                        f"a row starting with {oid!r}",
                    )
                )
    if len(problems) > n_before:
        return None
    frame = pd.DataFrame.from_dict(data, orient="index", columns=header[1:], dtype=float)
    frame.index.name = "option"
    frame.columns.name = "criterion"
    if opt_ids is not None and crit_ids is not None:
        frame = frame.loc[opt_ids, crit_ids]
    return frame


def _read_decisions(
    root: Path, problems: list[Problem], notices: list[str]
) -> list[DecisionRecord]:
    # Imported here: decisions depends on the YAML reader only, and this keeps the
    # workspace package importable without the Markdown stack.
    from archplan.decisions import read_record

    folder = root / DECISIONS_DIR
    if not folder.is_dir():
        return []
    out: list[DecisionRecord] = []
    numbers: dict[int, str] = {}
    for path in sorted(folder.iterdir()):
        if not path.is_file() or not RECORD_RE.match(path.name):
            continue
        rel = f"{DECISIONS_DIR}/{path.name}"
        text = _read_text(root, rel, problems, notices)
        if text is None:
            continue
        record, rproblems = read_record(path, text, rel)
        problems.extend(rproblems)
        if record is None:
            continue
        if record.number in numbers:
            problems.append(
                Problem(
                    rel,
                    None,
                    "number",
                    f"record number {record.number} is also used by {numbers[record.number]}",
                    "a unique number per record",
                )
            )
            continue
        numbers[record.number] = rel
        out.append(record)
    return out


def _collect(root: Path) -> tuple[Workspace | None, list[Problem], list[str]]:
    problems: list[Problem] = []
    notices: list[str] = []
    if not root.is_dir():
        problems.append(
            Problem(
                str(root),
                None,
                None,
                "workspace folder not found",
                "a folder made by 'archplan new'",
            )
        )
        return None, problems, notices
    sf = _load_yaml_file(root, SETTINGS_FILE, problems, notices)
    settings = _read_settings(sf) if sf else None
    of = _load_yaml_file(root, OPTIONS_FILE, problems, notices)
    options = _read_options(of) if of else None
    cf = _load_yaml_file(root, CRITERIA_FILE, problems, notices)
    criteria = _read_criteria(cf) if cf else None
    scores = None
    scores_text = _read_text(root, SCORES_FILE, problems, notices)
    if scores_text is not None:
        scores = _read_scores(scores_text, options, criteria, problems)
    af = _load_yaml_file(root, ASSUMPTIONS_FILE, problems, notices)
    assumptions = _read_assumptions(af) if af else None
    kf = _load_yaml_file(root, COSTS_FILE, problems, notices)
    option_ids = {o.id for o in options} if options is not None else None
    items = _read_costs(kf, option_ids, assumptions, settings, notices) if kf else []
    decisions = _read_decisions(root, problems, notices)
    if problems:
        return None, problems, notices
    assert settings and options is not None and criteria is not None
    assert scores is not None and assumptions is not None
    ws = Workspace(
        root=root,
        settings=settings,
        options=tuple(options),
        criteria=tuple(criteria),
        scores=scores,
        assumptions=assumptions,
        cost_items=tuple(items),
        decisions=tuple(decisions),
        notices=tuple(notices),
    )
    return ws, problems, notices


def check_workspace(path: str | Path) -> tuple[list[Problem], list[str]]:
    """Validate a workspace and return ``(problems, notices)`` without raising.

    Notices are things read correctly but worth saying (a Shift_JIS CSV, a byte-order
    mark, an item outside the plan's years).

    Examples
    --------
    >>> problems, notices = check_workspace("data/examples/food-lab")
    >>> problems
    []
    """
    _, problems, notices = _collect(Path(path))
    return problems, notices


def load_workspace(path: str | Path) -> Workspace:
    """Read and validate a workspace folder.

    Parameters
    ----------
    path : str or Path
        The workspace folder (containing ``archplan.yaml``).

    Returns
    -------
    Workspace

    Raises
    ------
    WorkspaceError
        Listing every problem found, each with file, line or field, and expectation.

    Examples
    --------
    >>> ws = load_workspace("data/examples/food-lab")
    >>> [o.id for o in ws.options]
    ['saas', 'gov-cloud', 'onprem']
    """
    root = Path(path)
    ws, problems, _ = _collect(root)
    if ws is None:
        raise WorkspaceError(problems, root=str(root))
    return ws
