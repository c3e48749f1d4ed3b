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
    ComparisonSettings,
    CostItem,
    Criterion,
    CriterionSource,
    DecisionRecord,
    Direction,
    DisplayUnit,
    Language,
    MissingPolicy,
    Option,
    Scale,
    Settings,
    TaxBasis,
    Value,
    Weighting,
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
        "comparison",
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
    comparison = _read_comparison(f, m.get("comparison"))
    if len(f.problems) > n_before or title is None or first is None or horizon is None:
        return None
    return Settings(
        comparison=comparison,
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


_COMPARISON_KEYS = (
    "method",
    "normalization",
    "weighting",
    "ahp",
    "accept_inconsistent",
    "pugh_baseline",
    "samples",
    "seed",
    "concentration",
)


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


def _read_comparison(f: _File, raw: Any) -> ComparisonSettings:
    from archplan.compare.methods import METHODS
    from archplan.compare.normalize import NORMALIZATIONS

    if raw is None:
        return ComparisonSettings()
    p: YPath = ("comparison",)
    m = f.mapping(raw, p, "a mapping such as {method: wsm, weighting: direct}")
    if m is None:
        return ComparisonSettings()
    f.unknown_keys(m, p, _COMPARISON_KEYS)
    aliases = {"weighted-sum": "wsm", "weighted-product": "wpm", "promethee-ii": "promethee"}
    method = f.field(
        m,
        p,
        "method",
        _choice(*METHODS, aliases=aliases),
        "one of " + ", ".join(METHODS),
        required=False,
        default="wsm",
    )
    norm = f.field(
        m,
        p,
        "normalization",
        _choice(*NORMALIZATIONS),
        "one of " + ", ".join(NORMALIZATIONS),
        required=False,
    )
    weighting = f.field(
        m,
        p,
        "weighting",
        _choice(
            "direct", "roc", "rank-sum", "swing", "ahp", aliases={"rank-order-centroid": "roc"}
        ),
        "direct, roc, rank-sum, swing or ahp",
        required=False,
        default="direct",
    )
    ahp_files = f.field(
        m,
        p,
        "ahp",
        _file_list,
        "a CSV file name, or a list of them (one per person)",
        required=weighting == "ahp",
        default=(),
    )
    accept = f.field(
        m, p, "accept_inconsistent", _bool, "true or false", required=False, default=False
    )
    baseline = f.field(m, p, "pugh_baseline", _ident, "an option id", required=False)
    samples = f.field(
        m,
        p,
        "samples",
        _ranged(_int, 100, 10_000_000),
        "a number of Monte Carlo samples, 100 to 10,000,000",
        required=False,
        default=10_000,
    )
    seed = f.field(
        m, p, "seed", _ranged(_int, 0, 2**63 - 1), "a whole number", required=False, default=12345
    )
    conc = f.field(
        m,
        p,
        "concentration",
        _ranged(_decimal, Decimal(1), Decimal(10**6)),
        "how tightly sampled weights cluster around the given ones, e.g. 100",
        required=False,
        default=Decimal(100),
    )
    return ComparisonSettings(
        method=method or "wsm",
        normalization=norm,
        weighting=cast(Weighting, weighting or "direct"),
        ahp_files=ahp_files or (),
        accept_inconsistent=bool(accept),
        pugh_baseline=baseline,
        samples=samples or 10_000,
        seed=seed if seed is not None else 12345,
        concentration=float(conc or 100),
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


_CRITERION_KEYS = (
    "id",
    "name",
    "direction",
    "weight",
    "description",
    "scale",
    "mapping",
    "target",
    "range",
    "unit",
    "evidence",
    "must",
    "missing",
    "impute",
    "source",
    "rank",
)


def _float(v: Any) -> float:
    return float(_decimal(v))


def _read_mapping(
    f: _File, m: dict[str, Any], p: YPath, scale: str | None
) -> tuple[tuple[str, float], ...] | None:
    from archplan.scales import DEFAULT_MAPPINGS, canonical

    if "mapping" not in m:
        return None
    if scale not in DEFAULT_MAPPINGS:
        f.problem(
            (*p, "mapping"),
            "a mapping is only for the marks, levels and pugh scales",
            "no 'mapping' on a number scale",
        )
        return None
    mm = f.mapping(m["mapping"], (*p, "mapping"), "a mapping of marks to numbers")
    if mm is None:
        return None
    out: dict[str, float] = {}
    for key in mm:
        mark = canonical(scale, str(key))
        if mark is None:
            f.problem(
                (*p, "mapping", key),
                f"{key!r} is not a mark of the {scale} scale",
                " ".join(DEFAULT_MAPPINGS[scale]),
            )
            continue
        number = f.field(mm, (*p, "mapping"), key, _float, "a number")
        if number is not None:
            out[mark] = number
    missing = [k for k in DEFAULT_MAPPINGS[scale] if k not in out]
    if missing and len(out) == len(mm):
        f.problem(
            (*p, "mapping"),
            "no number for " + ", ".join(missing),
            "a number for every mark: " + " ".join(DEFAULT_MAPPINGS[scale]),
        )
    return tuple(out.items())


def _read_must(
    f: _File, m: dict[str, Any], p: YPath, scale: str | None
) -> tuple[float | None, float | None, tuple[str, ...]]:
    from archplan.scales import canonical

    if "must" not in m:
        return None, None, ()
    q: YPath = (*p, "must")
    mm = f.mapping(m["must"], q, "a mapping with min, max or not")
    if mm is None:
        return None, None, ()
    f.unknown_keys(mm, q, ("min", "max", "not"))
    lo = f.field(mm, q, "min", _float, "the lowest acceptable value", required=False)
    hi = f.field(
        mm, q, "max", _float, "the highest acceptable value (e.g. a budget ceiling)", required=False
    )
    nots: list[str] = []
    if "not" in mm:
        raw = mm["not"] if isinstance(mm["not"], list) else [mm["not"]]
        for value in raw:
            text = _text(value)
            mark = canonical(scale, text) if scale and scale != "number" else None
            if scale != "number" and mark is None:
                f.problem(
                    (*q, "not"),
                    f"{text!r} is not a mark of the {scale} scale",
                    "marks that knock an option out, e.g. [×]",
                )
            nots.append(mark or text)
    if lo is None and hi is None and not nots:
        f.problem(q, "an empty must-have rule", "min, max or not")
    return lo, hi, tuple(nots)


def _read_criteria(f: _File, weighting: str) -> list[Criterion]:
    out: list[Criterion] = []
    ids: list[tuple[int, str | None]] = []
    seq = _list_section(f, "criteria", "criteria")
    weight_needed = weighting in ("direct", "swing")
    for i, raw in enumerate(seq):
        p: YPath = ("criteria", i)
        m = f.mapping(raw, p, "a mapping with id, name, direction, weight")
        if m is None:
            continue
        n_before = len(f.problems)
        f.unknown_keys(m, p, _CRITERION_KEYS)
        cid = f.field(m, p, "id", _ident, "a short id, e.g. security")
        ids.append((i, cid))
        name = f.field(m, p, "name", _text, "a display name")
        direction = f.field(
            m,
            p,
            "direction",
            _choice(
                "benefit",
                "cost",
                "target",
                aliases={"max": "benefit", "min": "cost", "+": "benefit", "-": "cost"},
            ),
            "benefit (more is better), cost (less is better) or target",
        )
        weight = f.field(
            m,
            p,
            "weight",
            _ranged(_decimal, Decimal(0), Decimal("1e9")),
            "a weight of zero or more (weights are rescaled to sum to 1)"
            if weight_needed
            else f"a weight of zero or more (ignored: weighting is {weighting})",
            required=weight_needed,
        )
        scale = f.field(
            m,
            p,
            "scale",
            _choice("number", "marks", "levels", "pugh"),
            "number, marks (◎○△×), levels (high/medium/low) or pugh (+/S/-)",
            required=False,
            default="number",
        )
        mapping = _read_mapping(f, m, p, scale)
        target = f.field(m, p, "target", _float, "the ideal value", required=False)
        rng: tuple[float, float] | None = None
        if "range" in m:
            r = m["range"]
            if (
                isinstance(r, list)
                and len(r) == 2
                and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in r)
                and r[0] <= r[1]
            ):
                rng = (float(r[0]), float(r[1]))
            else:
                f.problem(
                    (*p, "range"),
                    f"{_describe(r)} is not an acceptable range",
                    "[lowest, highest], e.g. [99.5, 100]",
                )
        if direction == "target":
            if (target is None) == (rng is None):
                f.problem(
                    p,
                    "a target criterion needs exactly one of 'target' and 'range'",
                    "target: 99.9, or range: [99.5, 100]",
                )
            if scale != "number":
                f.problem(
                    (*p, "scale"), "a target criterion is scored with numbers", "scale: number"
                )
        elif target is not None or rng is not None:
            f.problem(
                (*p, "target" if target is not None else "range"),
                "'target' and 'range' go with direction: target",
                "direction: target",
            )
        unit = f.field(m, p, "unit", _text, "text", required=False, default="")
        evidence = f.field(m, p, "evidence", _text, "text", required=False, default="")
        desc = f.field(m, p, "description", _text, "text", required=False, default="")
        must_min, must_max, must_not = _read_must(f, m, p, scale)
        missing = f.field(
            m,
            p,
            "missing",
            _choice("error", "worst", "impute"),
            "error (default), worst or impute",
            required=False,
            default="error",
        )
        impute = f.field(
            m,
            p,
            "impute",
            _float,
            "the value to use for a missing score",
            required=missing == "impute",
        )
        if "impute" in m and missing != "impute":
            f.problem((*p, "impute"), "'impute' goes with missing: impute", "missing: impute")
        source = f.field(
            m,
            p,
            "source",
            _choice(
                "scores",
                "cost_total",
                "cost_npv",
                aliases={"costs.total": "cost_total", "costs.npv": "cost_npv"},
            ),
            "scores (from scores.csv), cost_total or cost_npv (from the cost model)",
            required=False,
            default="scores",
        )
        if source != "scores" and direction not in (None, "cost"):
            f.problem(
                (*p, "direction"),
                "a criterion taken from the cost model is a cost",
                "direction: cost",
            )
        rank = f.field(
            m,
            p,
            "rank",
            _ranged(_int, 1, 1000),
            "the criterion's importance rank, 1 = most important",
            required=weighting in ("roc", "rank-sum"),
        )
        if len(f.problems) > n_before:
            continue
        assert cid and name and direction
        out.append(
            Criterion(
                id=cid,
                name=name,
                direction=cast(Direction, direction),
                weight=float(weight) if weight is not None else None,
                description=desc or "",
                scale=cast(Scale, scale),
                mapping=mapping,
                target=target,
                range=rng,
                unit=unit or "",
                evidence=evidence or "",
                must_min=must_min,
                must_max=must_max,
                must_not=must_not,
                missing=cast(MissingPolicy, missing),
                impute=impute,
                source=cast(CriterionSource, source),
                rank=rank,
            )
        )
    _check_unique(f, "criteria", ids, "criterion")
    if out and len(out) == len(seq):
        if weight_needed and sum(c.weight or 0 for c in out) == 0:
            f.problem(
                ("criteria",), "all criterion weights are zero", "at least one positive weight"
            )
        if weighting == "swing" and max(c.weight or 0 for c in out) != 100:
            f.problem(
                ("criteria",),
                "with swing weighting the most valued swing gets 100",
                "weight: 100 on the criterion whose swing matters most",
            )
        if weighting in ("roc", "rank-sum"):
            ranks = sorted(c.rank or 0 for c in out)
            if ranks != list(range(1, len(out) + 1)):
                f.problem(
                    ("criteria",),
                    f"ranks {ranks} are not 1 … {len(out)} each once",
                    "each criterion a different rank from 1 (most important)",
                )
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
    pugh_baseline: str | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """Read scores.csv into (numbers, cells as written); None if it has problems."""
    from archplan.scales import describe_mapping, to_number

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
    by_id = {c.id: c for c in criteria} if criteria is not None else None
    scored = [c.id for c in criteria if c.source == "scores"] if criteria is not None else None
    columns: list[str] = []
    for j, h in enumerate(header[1:], start=2):
        if not h:
            problems.append(
                Problem(fname, header_line, f"column {j}", "empty header cell", "a criterion id")
            )
        elif by_id is not None and h not in by_id:
            problems.append(
                Problem(
                    fname,
                    header_line,
                    f"column {j}",
                    f"unknown criterion {h!r}",
                    "a criterion id from criteria.yaml: " + ", ".join(by_id),
                )
            )
        elif by_id is not None and by_id[h].source != "scores":
            problems.append(
                Problem(
                    fname,
                    header_line,
                    f"column {j}",
                    f"criterion {h!r} is taken from the cost model ({by_id[h].source})",
                    "no column for it: its values are computed, so they cannot drift",
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
    if scored is not None:
        for cid in scored:
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
    raw: dict[str, list[str]] = {}
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
        cells: list[str] = []
        for h, cell in zip(header[1:], row[1:], strict=True):
            where = f"row {oid}, column {h}"
            crit = by_id.get(h) if by_id is not None else None
            scale = crit.scale if crit is not None else "number"
            if scale == "pugh" and oid == pugh_baseline and cell in ("", "S", "s", "0"):
                cell = "S"
            cells.append(cell)
            if cell == "":
                if crit is None or crit.missing == "error":
                    problems.append(
                        Problem(
                            fname,
                            line,
                            where,
                            f"missing score for option {oid!r} on criterion {h!r}",
                            "a score (or, in criteria.yaml, missing: worst or missing: impute)",
                        )
                    )
                values.append(float("nan"))
                continue
            try:
                values.append(to_number(scale, cell, crit.mapping_dict if crit else None))
            except ValueError as exc:
                expected = (
                    "a number"
                    if scale == "number"
                    else (f"a mark of the {scale} scale ({describe_mapping(scale)})")
                )
                problems.append(Problem(fname, line, where, f"score {exc}", expected))
                values.append(float("nan"))
        data[oid] = values
        raw[oid] = cells
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
    if pugh_baseline is not None and opt_ids is not None and pugh_baseline not in opt_ids:
        problems.append(
            Problem(
                SETTINGS_FILE,
                None,
                "comparison.pugh_baseline",
                f"unknown option {pugh_baseline!r}",
                "an option id",
            )
        )
    if (
        by_id is not None
        and pugh_baseline is None
        and any(c.scale == "pugh" for c in by_id.values())
    ):
        problems.append(
            Problem(
                SETTINGS_FILE,
                None,
                "comparison.pugh_baseline",
                "a pugh-scale criterion needs a baseline option",
                "comparison: {pugh_baseline: <option id>}",
            )
        )
    if len(problems) > n_before:
        return None
    frame = pd.DataFrame.from_dict(data, orient="index", columns=header[1:], dtype=float)
    cells_frame = pd.DataFrame.from_dict(raw, orient="index", columns=header[1:], dtype=object)
    for f_ in (frame, cells_frame):
        f_.index.name = "option"
        f_.columns.name = "criterion"
    if opt_ids is not None and scored is not None:
        frame = frame.loc[opt_ids, scored]
        cells_frame = cells_frame.loc[opt_ids, scored]
    return frame, cells_frame


def _read_ahp(
    root: Path,
    files: tuple[str, ...],
    criteria: list[Criterion] | None,
    accept: bool,
    problems: list[Problem],
    notices: list[str],
) -> tuple[pd.DataFrame, ...]:
    """Read pairwise-comparison tables (criteria × criteria; 3, 1/3 or 0.333 per cell)."""
    from archplan.compare.weights import ahp, combine_judgements
    from archplan.errors import InputError

    tables: list[pd.DataFrame] = []
    ids = [c.id for c in criteria] if criteria is not None else None
    for fname in files:
        text = _read_text(root, fname, problems, notices)
        if text is None:
            continue
        n_before = len(problems)
        rows = [
            (n + 1, [c.strip() for c in r])
            for n, r in enumerate(csv.reader(io.StringIO(text)))
            if any(r)
        ]
        if not rows:
            problems.append(
                Problem(fname, None, None, "file is empty", "a square table of pairwise judgements")
            )
            continue
        header = [h for h in rows[0][1][1:] if h]
        if ids is not None and sorted(header) != sorted(ids):
            problems.append(
                Problem(
                    fname,
                    rows[0][0],
                    "header",
                    f"columns {header} are not the criteria {ids}",
                    "one column per criterion, in criteria.yaml",
                )
            )
            continue
        values: dict[str, list[float]] = {}
        for line, row in rows[1:]:
            label = row[0]
            if label not in header:
                problems.append(
                    Problem(
                        fname, line, "column 1", f"unknown criterion {label!r}", "a criterion id"
                    )
                )
                continue
            vals: list[float] = []
            for h, cell in zip(header, row[1:], strict=False):
                try:
                    if "/" in cell:
                        a, b = cell.split("/", 1)
                        vals.append(float(a) / float(b))
                    else:
                        vals.append(float(cell))
                except (ValueError, ZeroDivisionError):
                    problems.append(
                        Problem(
                            fname,
                            line,
                            f"row {label}, column {h}",
                            f"{cell!r} is not a judgement",
                            "a number or a fraction such as 1/3",
                        )
                    )
                    vals.append(float("nan"))
            if len(vals) != len(header):
                problems.append(
                    Problem(
                        fname,
                        line,
                        f"row {label}",
                        f"{len(vals)} judgements for {len(header)} criteria",
                        "one judgement per column",
                    )
                )
            values[label] = vals
        if len(problems) > n_before:
            continue
        if sorted(values) != sorted(header):
            problems.append(
                Problem(
                    fname,
                    None,
                    "rows",
                    "the rows are not the criteria",
                    "one row per criterion, named as the columns",
                )
            )
            continue
        table = pd.DataFrame.from_dict(values, orient="index", columns=header).loc[header]
        try:
            ahp(table, accept_inconsistent=accept)
        except InputError as exc:
            problems.append(
                Problem(
                    fname,
                    None,
                    None,
                    str(exc),
                    "consistent, reciprocal pairwise judgements (CR ≤ 0.10)",
                )
            )
            continue
        tables.append(table.loc[ids, ids] if ids is not None else table)
    if len(tables) > 1 and len(tables) == len(files):
        try:
            ahp(combine_judgements(tables), accept_inconsistent=accept)
        except InputError as exc:
            problems.append(
                Problem(
                    SETTINGS_FILE,
                    None,
                    "comparison.ahp",
                    "the combined judgements: " + str(exc),
                    "consistent group judgements",
                )
            )
    return tuple(tables)


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
    comparison = settings.comparison if settings else ComparisonSettings()
    criteria = _read_criteria(cf, comparison.weighting) if cf else None
    scores = scores_raw = None
    scores_text = _read_text(root, SCORES_FILE, problems, notices)
    if scores_text is not None:
        read = _read_scores(scores_text, options, criteria, problems, comparison.pugh_baseline)
        if read is not None:
            scores, scores_raw = read
    ahp_tables: tuple[pd.DataFrame, ...] = ()
    if comparison.weighting == "ahp":
        ahp_tables = _read_ahp(
            root, comparison.ahp_files, criteria, comparison.accept_inconsistent, problems, notices
        )
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
        scores_raw=scores_raw,
        ahp_tables=ahp_tables,
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
    ['saas', 'gov-cloud', 'onprem', 'overseas-saas']
    """
    root = Path(path)
    ws, problems, _ = _collect(root)
    if ws is None:
        raise WorkspaceError(problems, root=str(root))
    return ws
