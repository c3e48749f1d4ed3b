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
from typing import TYPE_CHECKING, Any, TypeVar, cast

import pandas as pd

from archplan.errors import InputError, Problem, WorkspaceError
from archplan.workspace._yaml import Path as YPath
from archplan.workspace._yaml import YamlDoc, dotted, load_yaml
from archplan.workspace.model import (
    CATEGORIES,
    DEFAULT_TAX_TREATMENT,
    PHASES,
    TAX_TREATMENT_WORDS,
    TAX_TREATMENTS,
    USEFUL_LIVES,
    Assumption,
    ComparisonSettings,
    Contract,
    Correlation,
    CostItem,
    Criterion,
    CriterionSource,
    DecisionRecord,
    Direction,
    DisplayUnit,
    Language,
    MissingPolicy,
    Option,
    Party,
    PercentOf,
    Risk,
    Scale,
    Settings,
    SimulationSettings,
    TaxBasis,
    Tiers,
    Value,
    Weighting,
    Workspace,
)

if TYPE_CHECKING:  # the uncertainty package (and scipy) load only for workspaces using it
    from archplan.uncertainty.distributions import Distribution

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
        self.parties: list[Party] = []
        self.risks: list[Risk] = []
        self.declared: set[str] = set()  # ids declared, valid or not (to avoid cascades)

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
    if "\r" in text:
        notices.append(f"{fname}: Windows (CRLF) line ends were read as usual")
    if "\x00" in text:
        problems.append(
            Problem(fname, None, None, "file contains NUL bytes (binary data)", "a text file")
        )
        return None
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
        "exchange_rates",
        "discounting",
        "depreciation",
        "sharing",
        "simulation",
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
            f.unknown_keys(tm, ("tax",), ("rate", "amounts_entered", "table", "defaults"))
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
    tax_table = _read_tax_table(f, m.get("tax"), tax_rate)
    tax_defaults = _read_tax_defaults(f, m.get("tax"))
    exchange = _read_exchange_rates(f, m.get("exchange_rates"))
    timing = "start"
    if "discounting" in m:
        dm = f.mapping(m["discounting"], ("discounting",), "a mapping with timing")
        if dm is not None:
            f.unknown_keys(dm, ("discounting",), ("timing",))
            timing = (
                f.field(
                    dm,
                    ("discounting",),
                    "timing",
                    _choice("start", "end", aliases={"begin": "start"}),
                    "start (first fiscal year at time 0, numpy-financial) or end "
                    "(every year discounted, as a spreadsheet's NPV())",
                    required=False,
                    default="start",
                )
                or "start"
            )
    threshold, lives = _read_depreciation(f, m.get("depreciation"))
    simulation = _read_simulation(f, m.get("simulation"))
    sharing_key = None
    if "sharing" in m:
        sm = f.mapping(m["sharing"], ("sharing",), "a mapping with key and parties")
        if sm is not None:
            f.unknown_keys(sm, ("sharing",), ("key", "parties"))
            sharing_key = f.field(
                sm,
                ("sharing",),
                "key",
                _choice("population", "transactions", "ratio", "equal"),
                "population, transactions, ratio or equal",
            )
            self_parties = _read_parties(f, sm.get("parties"), sharing_key)
            f.parties = self_parties
    if len(f.problems) > n_before or title is None or first is None or horizon is None:
        return None
    return Settings(
        comparison=comparison,
        tax_table=tax_table,
        tax_defaults=tax_defaults,
        exchange_rates=exchange,
        discount_timing=cast(Any, timing),
        capitalisation_threshold=threshold,
        useful_lives=lives,
        sharing_key=sharing_key,
        simulation=simulation,
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


_TAX_EXPECTED = "taxable (課税), non_taxable (不課税) or exempt (非課税)"
_tax_treatment = _choice(
    *TAX_TREATMENTS,
    aliases={
        **TAX_TREATMENT_WORDS,
        "non-taxable": "non_taxable",
        "nontaxable": "non_taxable",
        "untaxed": "non_taxable",
        "tax-exempt": "exempt",
    },
)


def _read_tax_defaults(f: _File, raw: Any) -> dict[str, str]:
    """``tax.defaults``: category → tax treatment, over the built-in defaults."""
    out = dict(DEFAULT_TAX_TREATMENT)
    if not isinstance(raw, dict) or "defaults" not in raw:
        return out
    p: YPath = ("tax", "defaults")
    m = f.mapping(raw["defaults"], p, "a mapping of category to tax treatment")
    if m is None:
        return out
    for cat in m:
        if cat not in CATEGORIES:
            f.problem((*p, cat), f"unknown category {cat!r}", "one of " + ", ".join(CATEGORIES))
            continue
        if m[cat] is None:
            f.problem((*p, cat), f"no tax treatment given for {cat}", _TAX_EXPECTED)
            continue
        treatment = f.field(m, p, cat, _tax_treatment, _TAX_EXPECTED)
        if treatment is not None:
            out[str(cat)] = treatment
    return out


def _read_tax_table(f: _File, raw: Any, flat: Decimal | None) -> tuple[tuple[date, Decimal], ...]:
    from archplan.workspace.model import JAPAN_CONSUMPTION_TAX

    if not isinstance(raw, dict):
        return JAPAN_CONSUMPTION_TAX
    if "table" not in raw:
        # A single rate written by the user applies to every date; none given: Japan's
        # dated table.
        if "rate" in raw and flat is not None:
            return ((date(1900, 1, 1), flat),)
        return JAPAN_CONSUMPTION_TAX
    if "rate" in raw:
        f.problem(
            ("tax",), "both 'rate' and 'table' are given", "either a single rate or a dated table"
        )
    rows = raw["table"]
    p: YPath = ("tax", "table")
    if not isinstance(rows, list) or not rows:
        f.problem(
            p,
            f"{_describe(rows)} where a list of dated rates belongs",
            "[{from: 2019-10-01, rate: 0.10}, …]",
        )
        return JAPAN_CONSUMPTION_TAX
    out: list[tuple[date, Decimal]] = []
    for k, row in enumerate(rows):
        m = f.mapping(row, (*p, k), "a mapping with from and rate")
        if m is None:
            continue
        f.unknown_keys(m, (*p, k), ("from", "rate"))
        d = f.field(m, (*p, k), "from", _date, "the date the rate applies from (YYYY-MM-DD)")
        r = f.field(
            m, (*p, k), "rate", _ranged(_decimal, Decimal(0), Decimal(1)), "a rate between 0 and 1"
        )
        if d is not None and r is not None:
            out.append((d, r))
    if [d for d, _ in out] != sorted({d for d, _ in out}):
        f.problem(
            p, "the dates are not in increasing order (or repeat)", "one row per date, oldest first"
        )
    return tuple(out) or JAPAN_CONSUMPTION_TAX


def _read_exchange_rates(f: _File, raw: Any) -> dict[str, str]:
    if raw is None:
        return {}
    m = f.mapping(raw, ("exchange_rates",), "a mapping such as {USD: usd_jpy}")
    if m is None:
        return {}
    out: dict[str, str] = {}
    for cur, name in m.items():
        if cur not in _CURRENCIES:
            f.problem(
                ("exchange_rates", cur),
                f"unknown currency {cur!r}",
                "an ISO code: " + ", ".join(_CURRENCIES),
            )
            continue
        if not isinstance(name, str) or not NAME_RE.match(name):
            f.problem(
                ("exchange_rates", cur),
                f"{_describe(name)} is not an assumption name",
                "the name of an assumption holding the rate, e.g. usd_jpy",
            )
            continue
        out[cur] = name
    return out


def _read_simulation(f: _File, raw: Any) -> SimulationSettings:
    if raw is None:
        return SimulationSettings()
    p: YPath = ("simulation",)
    m = f.mapping(raw, p, "a mapping with trials, seed and confidence")
    if m is None:
        return SimulationSettings()
    f.unknown_keys(m, p, ("trials", "seed", "confidence"))
    trials = f.field(
        m,
        p,
        "trials",
        _ranged(_int, 100, 10_000_000),
        "a number of trials, 100 to 10,000,000 (10,000 or more recommended)",
        required=False,
        default=10_000,
    )
    seed = f.field(
        m,
        p,
        "seed",
        _ranged(_int, 0, 2**63 - 1),
        "a whole number",
        required=False,
        default=20260401,
    )
    conf = f.field(
        m,
        p,
        "confidence",
        _ranged(_float, 0.5, 0.999),
        "a confidence level such as 0.8 (P80)",
        required=False,
        default=0.8,
    )
    return SimulationSettings(trials or 10_000, seed if seed is not None else 20260401, conf or 0.8)


def _read_depreciation(f: _File, raw: Any) -> tuple[Decimal, dict[str, int]]:
    from archplan.workspace.model import USEFUL_LIVES

    lives = dict(USEFUL_LIVES)
    if raw is None:
        return Decimal(100_000), lives
    p: YPath = ("depreciation",)
    m = f.mapping(raw, p, "a mapping with threshold and lives")
    if m is None:
        return Decimal(100_000), lives
    f.unknown_keys(m, p, ("threshold", "lives"))
    threshold = f.field(
        m,
        p,
        "threshold",
        _ranged(_decimal, Decimal(0), Decimal("1e12")),
        "the capitalisation threshold in yen, e.g. 100000",
        required=False,
        default=Decimal(100_000),
    )
    if "lives" in m:
        lm = f.mapping(m["lives"], (*p, "lives"), "a mapping of asset class to years")
        for k in lm or {}:
            years = f.field(
                lm or {}, (*p, "lives"), k, _ranged(_int, 1, 100), "a useful life in whole years"
            )
            if years is not None:
                lives[str(k)] = years
    return threshold or Decimal(100_000), lives


def _read_parties(f: _File, raw: Any, key: str | None) -> list[Party]:
    p: YPath = ("sharing", "parties")
    if not isinstance(raw, list) or not raw:
        f.problem(
            p,
            f"{_describe(raw)} where a list of parties belongs",
            "a list of parties, each with id, name and value",
        )
        return []
    out: list[Party] = []
    ids: list[tuple[int, str | None]] = []
    for k, row in enumerate(raw):
        m = f.mapping(row, (*p, k), "a mapping with id, name, value")
        if m is None:
            continue
        f.unknown_keys(m, (*p, k), ("id", "name", "value"))
        pid = f.field(m, (*p, k), "id", _ident, "a party id")
        ids.append((k, pid))
        name = f.field(m, (*p, k), "name", _text, "a display name")
        value = f.field(
            m,
            (*p, k),
            "value",
            _ranged(_decimal, Decimal(0), Decimal("1e15")),
            "the party's population, transactions or ratio (zero or more)",
            required=key != "equal",
            default=Decimal(1),
        )
        if pid and name and value is not None:
            out.append(Party(pid, name, value))
    seen: set[str] = set()
    for k, pid in ids:
        if pid in seen:
            f.problem((*p, k, "id"), f"duplicate party id {pid!r}", "a unique id per party")
        if pid:
            seen.add(pid)
    if out and key != "equal" and sum(x.value for x in out) == 0:
        f.problem(p, "every party's value is zero", "at least one positive value")
    return out


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
    from archplan.compare.methods import METHOD_ALIASES, METHODS
    from archplan.compare.normalize import NORMALIZATIONS

    if raw is None:
        return ComparisonSettings()
    p: YPath = ("comparison",)
    m = f.mapping(raw, p, "a mapping such as {method: wsm, weighting: direct}")
    if m is None:
        return ComparisonSettings()
    f.unknown_keys(m, p, _COMPARISON_KEYS)
    aliases = METHOD_ALIASES  # the registry's names, so the loader and get_method agree
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


def _list_section(f: _File, key: str, what: str, also: tuple[str, ...] = ()) -> list[Any]:
    m = f.mapping(f.doc.data if f.doc else None, (), f"a mapping with a '{key}' list")
    if m is None:
        return []
    f.unknown_keys(m, (), (key, *also))
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
        f.unknown_keys(m, p, ("id", "name", "description", "go_live"))
        oid = f.field(m, p, "id", _ident, "a short id of letters, digits, '-', '_', e.g. saas")
        name = f.field(m, p, "name", _text, "a display name")
        desc = f.field(m, p, "description", _text, "text", required=False, default="")
        go_live = f.field(
            m,
            p,
            "go_live",
            _when,
            "a fiscal year such as 2027, or a month such as 2027-04",
            required=False,
        )
        ids.append((i, oid))
        if oid is not None and name is not None:
            out.append(Option(oid, name, desc or "", go_live))
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
        if isinstance(m.get("id"), str):
            f.declared.add(m["id"].strip())
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
    f.unknown_keys(m, (), ("assumptions", "scenarios", "correlations"))
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
        f.unknown_keys(raw, p, ("value", "unit", "source", "as_of", "description", "uncertainty"))
        value = f.field(raw, p, "value", _decimal, "a number")
        unit = f.field(raw, p, "unit", _text, "text", required=False, default="")
        source = f.field(raw, p, "source", _text, "text", required=False, default="")
        as_of = f.field(raw, p, "as_of", _date, "a date as YYYY-MM-DD", required=False)
        desc = f.field(raw, p, "description", _text, "text", required=False, default="")
        dist = (
            _read_uncertainty(f, raw["uncertainty"], (*p, "uncertainty"))
            if "uncertainty" in raw
            else None
        )
        if value is not None:
            out[name] = Assumption(name, value, unit or "", source or "", as_of, desc or "", dist)
    return out


_DIST_KEYS = ("dist", "min", "mode", "likely", "max", "shape", "median", "p90", "value")


def _read_uncertainty(f: _File, raw: Any, p: YPath) -> Distribution | None:
    """A distribution from {dist: triangular|pert|uniform|lognormal|fixed, …}."""
    from archplan.uncertainty.distributions import PERT, Fixed, Lognormal, Triangular, Uniform

    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return Fixed(float(raw))
    m = f.mapping(raw, p, "a mapping such as {dist: pert, min: 80, mode: 100, max: 150}")
    if m is None:
        return None
    f.unknown_keys(m, p, _DIST_KEYS)
    if "likely" in m and "mode" not in m:
        m = {**m, "mode": m["likely"]}
    dist = f.field(
        m,
        p,
        "dist",
        _choice("triangular", "pert", "uniform", "lognormal", "fixed"),
        "triangular, pert, uniform, lognormal or fixed",
    )
    need = {
        "triangular": ("min", "mode", "max"),
        "pert": ("min", "mode", "max"),
        "uniform": ("min", "max"),
        "lognormal": ("median", "p90"),
        "fixed": ("value",),
    }
    if dist is None:
        return None
    vals: dict[str, float] = {}
    for key in need[dist]:
        v = f.field(m, p, key, _float, f"a number ({dist} needs {', '.join(need[dist])})")
        if v is not None:
            vals[key] = v
    shape = f.field(
        m,
        p,
        "shape",
        _ranged(_float, 0.001, 1000),
        "a positive PERT shape",
        required=False,
        default=4.0,
    )
    if len(vals) != len(need[dist]):
        return None
    try:
        if dist == "triangular":
            return Triangular(vals["min"], vals["mode"], vals["max"])
        if dist == "pert":
            return PERT(vals["min"], vals["mode"], vals["max"], shape or 4.0)
        if dist == "uniform":
            return Uniform(vals["min"], vals["max"])
        if dist == "lognormal":
            return Lognormal(vals["median"], vals["p90"])
        return Fixed(vals["value"])
    except InputError as exc:
        f.problem(
            p,
            f"impossible distribution: {exc}",
            "min ≤ mode ≤ max with min < max (lognormal: 0 < median < p90)",
        )
        return None


def _read_correlations(f: _File, assumptions: dict[str, Assumption]) -> list[Correlation]:
    m = f.doc.data if f.doc and isinstance(f.doc.data, dict) else {}
    raw = m.get("correlations")
    if raw is None:
        return []
    if not isinstance(raw, list):
        f.problem(
            ("correlations",),
            f"{_describe(raw)} where a list belongs",
            "a list such as [{between: [users, peak], rho: 0.6}]",
        )
        return []
    out: list[Correlation] = []
    seen: set[frozenset[str]] = set()
    for k, row in enumerate(raw):
        p: YPath = ("correlations", k)
        rm = f.mapping(row, p, "a mapping with between and rho")
        if rm is None:
            continue
        f.unknown_keys(rm, p, ("between", "rho"))
        pair = rm.get("between")
        if not (
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) for x in pair)
        ):
            f.problem(
                (*p, "between"),
                f"{_describe(pair)} is not a pair of input names",
                "[name, name]: assumption names, item:<id> or risk:<id>",
            )
            continue
        a, b = pair
        for name in (a, b):
            if ":" not in name and name not in assumptions:
                f.problem(
                    (*p, "between"),
                    f"unknown assumption {name!r}",
                    "an assumption with an uncertainty, item:<id> or risk:<id>",
                )
            elif ":" not in name and assumptions[name].uncertainty is None:
                f.problem(
                    (*p, "between"),
                    f"assumption {name!r} has no uncertainty",
                    "inputs that carry an 'uncertainty'",
                )
        if a == b:
            f.problem(
                (*p, "between"), "an input cannot be correlated with itself", "two different inputs"
            )
            continue
        if frozenset((a, b)) in seen:
            f.problem((*p, "between"), f"the pair {a}, {b} is given twice", "each pair once")
            continue
        seen.add(frozenset((a, b)))
        rho = f.field(
            rm, p, "rho", _ranged(_float, -1.0, 1.0), "a rank correlation between -1 and 1"
        )
        if rho is not None:
            out.append(Correlation(a, b, rho))
    return out


def _read_scenarios(f: _File, assumptions: dict[str, Assumption]) -> dict[str, dict[str, Decimal]]:
    """Named sets of assumption overrides (``scenarios:`` in assumptions.yaml)."""
    m = f.doc.data if f.doc and isinstance(f.doc.data, dict) else {}
    raw = m.get("scenarios")
    if raw is None:
        return {}
    sm = f.mapping(raw, ("scenarios",), "a mapping of scenario names to overrides")
    if sm is None:
        return {}
    out: dict[str, dict[str, Decimal]] = {}
    for name, overrides in sm.items():
        p: YPath = ("scenarios", name)
        if not ID_RE.match(name):
            f.problem(p, f"{name!r} is not a valid scenario name", "letters, digits, '-', '_'")
            continue
        om = f.mapping(
            overrides if overrides is not None else {}, p, "a mapping of assumption names to values"
        )
        if om is None:
            continue
        values: dict[str, Decimal] = {}
        for key in om:
            if key not in assumptions:
                f.problem(
                    (*p, key), f"unknown assumption {key!r}", "the name of an assumption above"
                )
                continue
            v = f.field(om, p, key, _decimal, "a number")
            if v is not None:
                values[key] = v
        out[name] = values
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
    "phase",
    "kind",
    "nature",
    "period",
    "amount",
    "quantity",
    "unit_price",
    "tiers",
    "percent_of",
    "growth",
    "escalation",
    "every",
    "currency",
    "contract",
    "asset",
    "uncertainty",
    "start",
    "end",
    "note",
    "tax",
)
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


def item_months(
    start: int | str, end: int | str | None, start_month: int
) -> tuple[int, int | None]:
    """Absolute month numbers (year × 12 + month − 1) of an item's first and last month."""

    def absolute(w: int | str, first: bool) -> int:
        if isinstance(w, int):
            base = w * 12 + (start_month - 1)
            return base if first else base + 11
        y, mo = w.split("-")
        return int(y) * 12 + int(mo) - 1

    return absolute(start, True), (absolute(end, False) if end is not None else None)


def _read_tiers(
    f: _File, raw: Any, p: YPath, check_value: Callable[[Value, YPath], None]
) -> Tiers | None:
    m = f.mapping(raw, p, "a mapping with method and bands")
    if m is None:
        return None
    f.unknown_keys(m, p, ("method", "bands"))
    method = f.field(
        m,
        p,
        "method",
        _choice("graduated", "all-units", aliases={"all_units": "all-units"}),
        "graduated or all-units",
    )
    bands_raw = m.get("bands")
    if not isinstance(bands_raw, list) or not bands_raw:
        f.problem(
            (*p, "bands"),
            f"{_describe(bands_raw)} where a list of bands belongs",
            "a list such as [{from: 0, price: 1000}, {from: 1000, price: 900}]",
        )
        return None
    bands: list[tuple[Decimal, Value]] = []
    for k, band in enumerate(bands_raw):
        q: YPath = (*p, "bands", k)
        bm = f.mapping(band, q, "a mapping with from and price")
        if bm is None:
            continue
        f.unknown_keys(bm, q, ("from", "price"))
        lo = f.field(
            bm,
            q,
            "from",
            _ranged(_decimal, Decimal(0), Decimal("1e15")),
            "the quantity where the band starts, 0 or more",
        )
        price = f.field(bm, q, "price", _value, "a unit price or an assumption name")
        if price is not None:
            check_value(price, (*q, "price"))
        if lo is not None and price is not None:
            bands.append((lo, price))
    if len(bands) == len(bands_raw):
        froms = [b[0] for b in bands]
        if froms[0] != 0 or froms != sorted(froms) or len(set(froms)) != len(froms):
            f.problem(
                (*p, "bands"),
                f"band starts {[str(x) for x in froms]} are not increasing from 0",
                "bands starting at 0, each starting higher",
            )
            return None
    if method is None or len(bands) != len(bands_raw):
        return None
    return Tiers(cast(Any, method), tuple(bands))


def _read_percent_of(f: _File, raw: Any, p: YPath) -> PercentOf | None:
    m = f.mapping(raw, p, "a mapping with items and rate")
    if m is None:
        return None
    f.unknown_keys(m, p, ("items", "rate", "basis"))
    items_raw = m.get("items")
    items = items_raw if isinstance(items_raw, list) else [items_raw] if items_raw else []
    ids = []
    for k, it in enumerate(items):
        try:
            ids.append(_ident(it))
        except ValueError as exc:
            f.problem((*p, "items", k), str(exc), "the id of another cost item")
    if not items:
        f.problem((*p, "items"), "no items to take a percentage of", "a list of item ids")
    rate = f.field(m, p, "rate", _value, "a rate such as 0.15 (15 %) or an assumption name")
    basis = f.field(
        m,
        p,
        "basis",
        _choice("total", "same_year", aliases={"same-year": "same_year"}),
        "total or same_year",
        required=False,
        default="total",
    )
    if rate is None or not ids:
        return None
    return PercentOf(tuple(ids), rate, cast(Any, basis))


def _read_costs(
    f: _File,
    options: set[str] | None,
    assumptions: dict[str, Assumption] | None,
    settings: Settings | None,
    notices: list[str],
) -> tuple[list[CostItem], list[Contract]]:
    out: list[CostItem] = []
    ids: list[tuple[int, str | None]] = []
    expected_value = "a number, or the name of an assumption in assumptions.yaml"
    m0 = f.mapping(f.doc.data if f.doc else None, (), "a mapping with an 'items' list")
    contracts = _read_contracts(f, m0.get("contracts") if m0 else None)
    contract_ids = {c.id for c in contracts}
    rates = settings.exchange_rates if settings else {}
    home = settings.currency if settings else "JPY"

    def check_value(val: Value, path: YPath, *, negative_ok: bool = False) -> None:
        if (
            val.assumption is not None
            and assumptions is not None
            and val.assumption not in assumptions
        ):
            known = " (known: " + ", ".join(sorted(assumptions)) + ")" if assumptions else ""
            f.problem(
                path,
                f"unknown assumption {val.assumption!r}",
                "the name of an assumption in assumptions.yaml" + known,
            )
        elif val.literal is not None and val.literal < 0 and not negative_ok:
            f.problem(path, f"negative {path[-1]} {val.literal}", "zero or more")

    raw_items = (
        _list_section(f, "items", "cost items", ("contracts", "risks")) if m0 is not None else []
    )
    for i, raw in enumerate(raw_items):
        p: YPath = ("items", i)
        m = f.mapping(raw, p, "a mapping describing one cost item")
        if m is None:
            continue
        n_before = len(f.problems)
        extensions = _extension_drivers()
        f.unknown_keys(m, p, _ITEM_KEYS + tuple(extensions))
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
            _choice(
                *CATEGORIES,
                aliases={
                    "license": "licence",
                    "operations": "operation",
                    "ops": "operation",
                    "saving": "benefit",
                },
            ),
            "one of " + ", ".join(CATEGORIES),
        )
        phase = f.field(
            m,
            p,
            "phase",
            _choice(*PHASES, aliases={"migration": "migrate"}),
            "one of " + ", ".join(PHASES),
            required=False,
            default=_DEFAULT_PHASE.get(category or "", "operate"),
        )
        kind = f.field(
            m,
            p,
            "kind",
            _choice("cost", "benefit", aliases={"saving": "benefit"}),
            "cost (default) or benefit (a saving or revenue)",
            required=False,
            default="cost",
        )
        nature = f.field(
            m,
            p,
            "nature",
            _choice(
                "one-off",
                "recurring",
                "usage",
                aliases={"one_off": "one-off", "once": "one-off", "usage-based": "usage"},
            ),
            "one-off, recurring or usage",
        )
        period = f.field(
            m,
            p,
            "period",
            _choice("year", "month", aliases={"yearly": "year", "monthly": "month"}),
            "year or month (how often a recurring amount is paid)",
            required=False,
            default="month" if nature == "usage" else "year",
        )
        if nature == "one-off" and "period" in m:
            f.problem(
                (*p, "period"), "a one-off item has no period", "no 'period' on a one-off item"
            )
        values: dict[str, Value | None] = {}
        for key in ("amount", "unit_price", "growth", "escalation"):
            values[key] = f.field(m, p, key, _value, expected_value, required=False)
            val = values[key]
            if val is not None:
                check_value(val, (*p, key), negative_ok=key in ("growth", "escalation"))
        series: tuple[Decimal, ...] | None = None
        values["quantity"] = None
        if isinstance(m.get("quantity"), list):
            try:
                series = tuple(_decimal(v) for v in m["quantity"])
            except ValueError as exc:
                f.problem((*p, "quantity"), str(exc), "a list of numbers, one per fiscal year")
            else:
                if any(v < 0 for v in series):
                    f.problem((*p, "quantity"), "a negative quantity in the series", "zero or more")
        else:
            values["quantity"] = f.field(
                m,
                p,
                "quantity",
                _value,
                expected_value + ", or a list of numbers per year",
                required=False,
            )
            if values["quantity"] is not None:
                check_value(values["quantity"], (*p, "quantity"))
        tiers = _read_tiers(f, m["tiers"], (*p, "tiers"), check_value) if "tiers" in m else None
        pct = (
            _read_percent_of(f, m["percent_of"], (*p, "percent_of")) if "percent_of" in m else None
        )
        if pct is not None:
            check_value(pct.rate, (*p, "percent_of", "rate"))
        has_qty = "quantity" in m
        forms = [
            k
            for k, present in (
                ("amount", "amount" in m),
                ("quantity × unit_price", "unit_price" in m),
                ("tiers", "tiers" in m),
                ("percent_of", "percent_of" in m),
                *((key, key in m) for key in extensions),
            )
            if present
        ]
        driver_args: list[tuple[str, object]] = []
        for key, driver in extensions.items():
            if key in m:
                try:
                    driver_args.append((key, driver.read(m[key])))
                except (ValueError, TypeError, InvalidOperation) as exc:
                    f.problem((*p, key), str(exc) or _describe(m[key]), driver.expected)
        needs_qty = {"quantity × unit_price", "tiers"} | {
            k for k, d in extensions.items() if d.needs_quantity
        }
        if len(forms) > 1:
            f.problem(
                p,
                "more than one way to price the item: " + ", ".join(forms),
                "exactly one of amount, quantity × unit_price, quantity with tiers, percent_of",
            )
        elif not forms:
            f.problem(
                p,
                "no amount: give amount, quantity and unit_price, quantity and tiers, "
                "or percent_of",
                "exactly one way to price the item",
            )
        elif forms[0] in needs_qty and not has_qty:
            f.problem(
                p,
                f"'quantity' is missing ({forms[0].split(' ')[-1]} needs it)",
                "a quantity: a number, an assumption name or a list per year",
            )
        elif has_qty and forms[0] not in needs_qty:
            f.problem(
                (*p, "quantity"),
                f"a quantity does not go with {forms[0]}",
                "quantity only with unit_price or tiers",
            )
        if (values["growth"] is not None) and series is not None:
            f.problem(
                (*p, "growth"),
                "growth and a per-year quantity series together",
                "either a growth rate or an explicit series",
            )
        every = f.field(
            m, p, "every", _ranged(_int, 1, 50), "a refresh cycle in years, e.g. 5", required=False
        )
        if every is not None and nature != "one-off":
            f.problem(
                (*p, "every"),
                "a refresh cycle repeats a one-off purchase",
                "nature: one-off with every",
            )
        currency = f.field(
            m,
            p,
            "currency",
            _choice(*_CURRENCIES),
            "an ISO currency code such as JPY or USD",
            required=False,
        )
        if settings and currency is not None and currency != home and currency not in rates:
            f.problem(
                (*p, "currency"),
                f"no exchange rate for {currency}",
                f"exchange_rates: {{{currency}: <assumption name>}} in archplan.yaml",
            )
        contract = f.field(m, p, "contract", _ident, "a contract id", required=False)
        if contract is not None and contract not in contract_ids:
            f.problem(
                (*p, "contract"),
                f"unknown contract {contract!r}",
                "the id of a contract under 'contracts:' in costs.yaml",
            )
        lives = settings.useful_lives if settings else dict(USEFUL_LIVES)
        asset = f.field(m, p, "asset", _text, "an asset class: " + ", ".join(lives), required=False)
        if asset is not None and asset not in lives:
            f.problem(
                (*p, "asset"),
                f"unknown asset class {asset!r}",
                "one of " + ", ".join(lives) + " (or add it under depreciation.lives)",
            )
        start = f.field(
            m, p, "start", _when, "a fiscal year such as 2026, or a month such as 2026-10"
        )
        end = f.field(
            m,
            p,
            "end",
            _when,
            "the last fiscal year (2030) or month (2031-03) of a recurring item",
            required=nature in ("recurring", "usage"),
        )
        if nature == "one-off" and "end" in m and every is None and end != start:
            f.problem(
                (*p, "end"),
                "a one-off item has a single date",
                "no 'end' (or 'every' for a refresh cycle)",
            )
        start_month = settings.fy_start_month if settings else 4
        if start is not None and end is not None:
            a, b = item_months(start, end, start_month)
            if b is not None and b < a:
                f.problem(
                    (*p, "end"),
                    f"end {end} is before start {start}",
                    "an end on or after the start",
                )
            elif series is not None and b is not None:
                n_years = (b - (start_month - 1)) // 12 - (a - (start_month - 1)) // 12 + 1
                if len(series) < n_years:
                    f.problem(
                        (*p, "quantity"),
                        f"the series has {len(series)} values for {n_years} fiscal years",
                        "one quantity per fiscal year from start to end",
                    )
        note = f.field(m, p, "note", _text, "text", required=False, default="")
        factor = (
            _read_uncertainty(f, m["uncertainty"], (*p, "uncertainty"))
            if "uncertainty" in m
            else None
        )
        if factor is not None and factor.median() <= 0:
            f.problem(
                (*p, "uncertainty"),
                "an item's uncertainty is a factor on its amount and must be positive",
                "e.g. {dist: triangular, min: 0.9, mode: 1.0, max: 1.4}",
            )
        tax = f.field(m, p, "tax", _tax_treatment, _TAX_EXPECTED, required=False)
        if tax is None and category is not None:
            tax = (
                settings.tax_treatment(category)
                if settings
                else DEFAULT_TAX_TREATMENT.get(category, "taxable")
            )
        if len(f.problems) > n_before:
            continue
        assert iid and option and name and category and nature and start is not None
        if settings is not None:
            a, b = item_months(start, end, start_month)
            first = settings.first_fy * 12 + start_month - 1
            last = first + 12 * settings.horizon - 1
            if (b is not None and b < first) or a > last:
                notices.append(
                    f"{f.fname}: item {iid!r} ({start}–{end or start}) lies outside the plan's "
                    f"fiscal years {settings.first_fy}–{settings.first_fy + settings.horizon - 1}"
                )
        out.append(
            CostItem(
                id=iid,
                option=option,
                name=name,
                category=category,
                nature=cast(Any, nature),
                start=start,
                end=end,
                period=cast(Any, period) if nature != "one-off" else "year",
                amount=values["amount"],
                quantity=values["quantity"],
                unit_price=values["unit_price"],
                note=note or "",
                phase=phase or "operate",
                kind=cast(Any, kind),
                quantity_series=series,
                growth=values["growth"],
                escalation=values["escalation"],
                tiers=tiers,
                percent_of=pct,
                every=every,
                currency=currency,
                contract=contract,
                asset=asset,
                uncertainty=factor,
                tax=cast(Any, tax),
                driver_args=tuple(driver_args),
            )
        )
    _check_unique(f, "items", ids, "cost item")
    _check_percent_of(f, out, [iid for _, iid in ids if iid])
    f.risks = _read_risks(f, m0.get("risks") if m0 else None, options, settings)
    return out, contracts


def _extension_drivers() -> dict[str, Any]:
    """Registered extension cost drivers by their costs.yaml key."""
    from archplan.costs.drivers import extension_keys

    return extension_keys()


_DEFAULT_PHASE = {"build": "build", "migration": "migrate", "exit": "exit", "training": "migrate"}

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


def _read_risks(
    f: _File, raw: Any, options: set[str] | None, settings: Settings | None
) -> list[Risk]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        f.problem(
            ("risks",),
            f"{_describe(raw)} where a list of risks belongs",
            "a list of risk events, each with id, name, fy, probability and impact",
        )
        return []
    out: list[Risk] = []
    ids: list[tuple[int, str | None]] = []
    for k, row in enumerate(raw):
        p: YPath = ("risks", k)
        m = f.mapping(row, p, "a mapping describing one risk event")
        if m is None:
            continue
        n_before = len(f.problems)
        f.unknown_keys(
            m, p, ("id", "name", "options", "fy", "probability", "impact", "impacts", "note")
        )
        rid = f.field(m, p, "id", _ident, "a risk id")
        ids.append((k, rid))
        name = f.field(m, p, "name", _text, "a description of the event")
        fy = f.field(m, p, "fy", _ranged(_int, 1900, 2200), "the fiscal year it would hit")
        if fy is not None and settings is not None and fy not in settings.fiscal_years:
            f.problem(
                (*p, "fy"),
                f"FY{fy} is outside the plan",
                f"a fiscal year from {settings.first_fy} to "
                f"{settings.first_fy + settings.horizon - 1}",
            )
        prob = f.field(
            m, p, "probability", _ranged(_float, 0.0, 1.0), "a probability between 0 and 1"
        )
        impacts: list[tuple[str, Distribution]] = []
        shared = True
        if ("impact" in m) == ("impacts" in m):
            f.problem(
                p,
                "give either 'impact' (with 'options') or 'impacts' (per option)",
                "impact: <number or distribution> and options: [...], or impacts: "
                "{option: <number or distribution>}",
            )
        elif "impact" in m:
            raw_opts = m.get("options")
            opts = raw_opts if isinstance(raw_opts, list) else [raw_opts] if raw_opts else []
            if not opts:
                f.problem((*p, "options"), "no options named", "the option ids it affects")
            dist = _read_uncertainty(f, m["impact"], (*p, "impact"))
            if dist is not None:
                impacts = [(str(o), dist) for o in opts]
        else:
            shared = False
            im = f.mapping(m["impacts"], (*p, "impacts"), "a mapping of option to impact")
            for o, v in (im or {}).items():
                dist = _read_uncertainty(f, v, (*p, "impacts", o))
                if dist is not None:
                    impacts.append((str(o), dist))
        for o, _ in impacts:
            if options is not None and o not in options:
                f.problem(
                    (*p, "impacts" if not shared else "options"),
                    f"unknown option {o!r}",
                    "one of " + ", ".join(sorted(options)),
                )
        note = f.field(m, p, "note", _text, "text", required=False, default="")
        if len(f.problems) > n_before or None in (rid, name, fy, prob) or not impacts:
            continue
        assert rid and name and fy is not None and prob is not None
        out.append(Risk(rid, name, fy, prob, tuple(impacts), shared, note or ""))
    _check_unique(f, "risks", ids, "risk")
    return out


def _read_contracts(f: _File, raw: Any) -> list[Contract]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        f.problem(
            ("contracts",),
            f"{_describe(raw)} where a list of contracts belongs",
            "a list of contracts, each with id, name and optionally ceiling",
        )
        return []
    out: list[Contract] = []
    ids: list[tuple[int, str | None]] = []
    for i, item in enumerate(raw):
        p: YPath = ("contracts", i)
        m = f.mapping(item, p, "a mapping with id, name, ceiling")
        if m is None:
            continue
        f.unknown_keys(m, p, ("id", "name", "ceiling", "note"))
        cid = f.field(m, p, "id", _ident, "a contract id")
        ids.append((i, cid))
        name = f.field(m, p, "name", _text, "the contract's name")
        ceiling = f.field(
            m,
            p,
            "ceiling",
            _ranged(_decimal, Decimal(0), Decimal("1e15")),
            "the commitment ceiling (債務負担行為の限度額), yen tax-inclusive",
            required=False,
        )
        note = f.field(m, p, "note", _text, "text", required=False, default="")
        if cid and name:
            out.append(Contract(cid, name, ceiling, note or ""))
    _check_unique(f, "contracts", ids, "contract")
    return out


def _check_percent_of(f: _File, items: list[CostItem], all_ids: list[str]) -> None:
    """Unknown references and cycles among percent_of items."""
    by_id = {it.id: it for it in items}
    index = {iid: k for k, iid in enumerate(all_ids)}
    for it in items:
        if it.percent_of is None:
            continue
        for ref in it.percent_of.items:
            if ref not in all_ids:
                f.problem(
                    ("items", index[it.id], "percent_of", "items"),
                    f"unknown cost item {ref!r}",
                    "the id of another cost item",
                )
            elif ref == it.id:
                f.problem(
                    ("items", index[it.id], "percent_of", "items"),
                    "an item cannot be a percentage of itself",
                    "other items",
                )
    # Depth-first search for cycles (a → b → a) among the references.
    state: dict[str, int] = {}

    def visit(iid: str, path: list[str]) -> None:
        state[iid] = 1
        it = by_id.get(iid)
        for ref in it.percent_of.items if it and it.percent_of else ():
            if ref == iid or ref not in by_id:
                continue
            if state.get(ref) == 1:
                cycle = [*path[path.index(ref) :], ref] if ref in path else [iid, ref]
                f.problem(
                    ("items", index[iid], "percent_of", "items"),
                    "percentage-of references form a cycle: " + " → ".join(cycle),
                    "references that end at items priced another way",
                )
            elif ref not in state:
                visit(ref, [*path, ref])
        state[iid] = 2

    for it in items:
        if it.id not in state:
            visit(it.id, [it.id])


def _read_scores(
    text: str,
    options: list[Option] | None,
    criteria: list[Criterion] | None,
    problems: list[Problem],
    pugh_baseline: str | None = None,
    notices: list[str] | None = None,
    declared: set[str] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """Read scores.csv into (numbers, cells as written); None if it has problems."""
    notices = notices if notices is not None else []
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
    if len(keep) < width:
        notices.append(
            f"{fname}: {width - len(keep)} empty column(s) left by a spreadsheet were ignored"
        )
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
    skipped: set[str] = set()
    for j, h in enumerate(header[1:], start=2):
        if not h:
            problems.append(
                Problem(fname, header_line, f"column {j}", "empty header cell", "a criterion id")
            )
        elif by_id is not None and h not in by_id and h in (declared or set()):
            # The criterion exists but is itself invalid (already reported): don't pile
            # cell errors on top of that problem.
            skipped.add(h)
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
            if h in skipped:
                cells.append(cell)
                values.append(float("nan"))
                continue
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
                if scale == "number" and not _PLAIN_NUMBER.match(cell):
                    notices.append(
                        f"{fname}:{line}: {where}: {cell!r} read as "
                        f"{values[-1]:g} (full-width digits or separators)"
                    )
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


_PLAIN_NUMBER = re.compile(r"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$", re.ASCII)


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
    # Imported here: the decisions package imports this module.
    from archplan.decisions.records import (
        assign_numbers,
        candidate_files,
        classify,
        read_record,
        read_record_text,
    )

    folder = root / DECISIONS_DIR
    if not folder.is_dir():
        return []
    out: list[DecisionRecord] = []
    numbers: dict[int, str] = {}
    for path in candidate_files(folder):
        # Records as real logs name them (0001-, 001-, adr-001-, 20200928-, nested).
        if path.suffix.lower() not in (".md", ".markdown") or classify(path) in (
            "index",
            "template",
        ):
            continue
        rel = f"{DECISIONS_DIR}/{path.relative_to(folder).as_posix()}"
        if path.stat().st_size > MAX_FILE_BYTES:
            problems.append(
                Problem(
                    rel,
                    None,
                    None,
                    "file is too large to be a record",
                    f"at most {MAX_FILE_BYTES:,} bytes",
                )
            )
            continue
        text, problem = read_record_text(path, rel)
        if problem is not None:
            problems.append(problem)
            continue
        assert text is not None
        if classify(path, text) != "record":
            if RECORD_RE.match(path.name):
                notices.append(f"{rel}: not read as a decision record (no '# Title' heading)")
            continue
        record, rproblems = read_record(path, text, rel)
        problems.extend(rproblems)
        if record is None:
            continue
        notices.extend(
            f"{rel}:{line}: {note}" if line else f"{rel}: {note}" for line, note in record.notes
        )
        if record.number_source == "order":
            out.append(record)
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
    return assign_numbers(out)


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
    parties = sf.parties if sf else []
    of = _load_yaml_file(root, OPTIONS_FILE, problems, notices)
    options = _read_options(of) if of else None
    cf = _load_yaml_file(root, CRITERIA_FILE, problems, notices)
    comparison = settings.comparison if settings else ComparisonSettings()
    criteria = _read_criteria(cf, comparison.weighting) if cf else None
    scores = scores_raw = None
    scores_text = _read_text(root, SCORES_FILE, problems, notices)
    if scores_text is not None:
        read = _read_scores(
            scores_text,
            options,
            criteria,
            problems,
            comparison.pugh_baseline,
            notices,
            cf.declared if cf else None,
        )
        if read is not None:
            scores, scores_raw = read
    ahp_tables: tuple[pd.DataFrame, ...] = ()
    if comparison.weighting == "ahp":
        ahp_tables = _read_ahp(
            root, comparison.ahp_files, criteria, comparison.accept_inconsistent, problems, notices
        )
    af = _load_yaml_file(root, ASSUMPTIONS_FILE, problems, notices)
    assumptions = _read_assumptions(af) if af else None
    scenarios = _read_scenarios(af, assumptions) if af and assumptions is not None else {}
    correlations = _read_correlations(af, assumptions) if af and assumptions is not None else []
    if sf is not None and settings is not None and assumptions is not None:
        for cur, name in settings.exchange_rates.items():
            if name not in assumptions:
                sf.problem(
                    ("exchange_rates", cur),
                    f"unknown assumption {name!r}",
                    "the name of an assumption in assumptions.yaml holding the rate",
                )
    kf = _load_yaml_file(root, COSTS_FILE, problems, notices)
    option_ids = {o.id for o in options} if options is not None else None
    items, contracts = (
        _read_costs(kf, option_ids, assumptions, settings, notices) if kf else ([], [])
    )
    decisions = _read_decisions(root, problems, notices)
    # components.yaml (optional): what each option depends on and when its support ends.
    from archplan.workspace.components import COMPONENTS_FILE, read_components

    pf = _load_yaml_file(root, COMPONENTS_FILE, problems, notices, required=False)
    components, current_option = (
        read_components(pf, option_ids, items, notices, _declared_items(kf)) if pf else ([], None)
    )
    from archplan.actuals.reader import read_actuals  # actuals/ (plan vs actual)

    actuals = read_actuals(root, settings, options, items, decisions, problems, notices)
    if problems:
        return None, problems, notices
    assert settings and options is not None and criteria is not None
    assert scores is not None and assumptions is not None
    from archplan.workspace.consistency import service_before_go_live

    notices.extend(service_before_go_live(options, items, settings))
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
        contracts=tuple(contracts),
        scenarios=scenarios,
        parties=tuple(parties),
        risks=tuple(kf.risks) if kf else (),
        correlations=tuple(correlations),
        components=tuple(components),
        current_option=current_option,
        actuals=actuals,
    )
    return ws, problems, notices


def _declared_items(kf: _File | None) -> set[str]:
    """Item ids written in costs.yaml, valid or not (to avoid cascading problems)."""
    data = kf.doc.data if kf is not None and kf.doc is not None else None
    raw = data.get("items") if isinstance(data, dict) else None
    return {str(m["id"]).strip() for m in raw or [] if isinstance(m, dict) and "id" in m}


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
