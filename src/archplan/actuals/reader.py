"""Read ``actuals/actuals.yaml`` and the files it names, accounting for every yen.

Called by the workspace loader when the workspace has an ``actuals/`` folder. Problems
(unreadable files, missing columns, text in amounts, unknown currencies, duplicated
documents, rules naming unknown items) are appended to the loader's list, each with the
file, line (= data row + 1, the header being line 1) and what was expected; things read
correctly but worth saying (Shift_JIS, credits, rows left unmapped) become notices.

Rounding: each ledger row, and each FOCUS group (file, month, item or unmapped service,
currency), is converted exactly (``Decimal``) at the rate in force on the first day of
its month, rounded half-up to the yen, then consumption tax (when the amounts exclude
it) is added at the rate in force that month, fractions of a yen dropped — the rule of
the cost engine.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from archplan.actuals.model import (
    ACTUALS_DIR,
    ACTUALS_FILE,
    ENTRY_COLUMNS,
    Actuals,
    ActualsSettings,
    FocusRule,
    FocusSource,
    LedgerSource,
    Milestone,
    empty_entries,
)
from archplan.errors import Problem
from archplan.messages import Localized, msg
from archplan.workspace.fields import _choice, _date, _decimal, _File, _ident, _int, _text
from archplan.workspace.loader import MAX_FILE_BYTES, _load_yaml_file
from archplan.workspace.model import CostItem, DecisionRecord, Option, Settings

__all__ = ["FOCUS_COLUMNS", "LEDGER_COLUMNS", "focus_batches", "read_actuals"]

ONE = Decimal(1)

#: Ledger columns and the headers accepted for each (case and width insensitive).
LEDGER_COLUMNS: dict[str, tuple[str, ...]] = {
    "date": (
        "date",
        "payment_date",
        "obligation_date",
        "日付",
        "支払日",
        "支出日",
        "負担行為日",
        "支出命令日",
        "支払年月日",
        "支出年月日",
        "支出負担行為日",
        "負担行為年月日",
        "執行日",
        "伝票日付",
        "計上日",
    ),
    "item": ("item", "category", "cost_item", "item_id", "費目", "項目", "区分", "費目コード"),
    "amount": (
        "amount",
        "金額",
        "支出額",
        "支払額",
        "支出金額",
        "支払金額",
        "執行額",
        "負担行為額",
        "請求金額",
    ),
    "tax": ("tax", "tax_basis", "税区分", "課税区分", "消費税区分"),
    "currency": ("currency", "通貨", "通貨コード"),
    "document": (
        "document",
        "document_ref",
        "伝票番号",
        "文書番号",
        "番号",
        "支出命令番号",
        "負担行為番号",
        "請求書番号",
        "invoice_no",
        "voucher_no",
    ),
    "note": ("note", "摘要", "備考", "件名", "description"),
}
_REQUIRED_LEDGER = ("date", "item", "amount", "document")
_UNIT_NAMES = {"yen": "円", "thousand": "千円"}
#: Headers too general to win over a specific one of the same kind (番号 beside 伝票番号,
#: 区分 beside 費目): the specific one is read, the general one ignored.
_GENERIC = {"document": {"番号"}, "item": {"区分", "項目"}}
_UNIT_WORDS = {
    "千円": "thousand",
    "thousand": "thousand",
    "thousands": "thousand",
    "thousand yen": "thousand",
    "jpy thousand": "thousand",
    "thousand jpy": "thousand",
    "円": "yen",
    "yen": "yen",
    "jpy": "yen",
    "¥": "yen",
}
_TAX_WORDS = {
    "inclusive": "inclusive",
    "税込": "inclusive",
    "税込み": "inclusive",
    "exclusive": "exclusive",
    "税抜": "exclusive",
    "税抜き": "exclusive",
    "none": "none",
    "不課税": "none",
    "非課税": "none",
    "対象外": "none",
}

#: FOCUS columns used, by role.
FOCUS_COLUMNS = {
    "service": "ServiceName",
    "service_category": "ServiceCategory",
    "charge_category": "ChargeCategory",
    "provider": "ProviderName",
    "sub_account": "SubAccountName",
    "tags": "Tags",
}
_COST_COLUMN = {"billed": "BilledCost", "effective": "EffectiveCost", "list": "ListCost"}
_DATE_COLUMN = {"charge": "ChargePeriodStart", "billing": "BillingPeriodStart"}
_NUMBER_RE = re.compile(r"^-?\d+(\.\d+)?([eE][-+]?\d+)?$")
_MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_DATE_START = r"^\d{4}-(0[1-9]|1[0-2])-\d{2}"  # a FOCUS date-time starts YYYY-MM-DD
MAX_LISTED = 5  # rows named per kind of problem in one file
DECIMAL_DIGITS = 80  # working precision while importing (Python's default is 28)


# --- settings ---------------------------------------------------------------------------


def _month(v: Any) -> str:
    if isinstance(v, date):
        return f"{v.year:04d}-{v.month:02d}"
    s = _text(v)
    if re.match(r"^\d{4}-\d{2}(-\d{2})?$", s):
        y, m = int(s[:4]), int(s[5:7])
        if 1 <= m <= 12:
            return f"{y:04d}-{m:02d}"
    raise ValueError(f"{s!r} is not a month")


def _strings(v: Any) -> tuple[str, ...]:
    if isinstance(v, list):
        return tuple(_text(x) for x in v)
    return (_text(v),)


def _read_rates(f: _File, raw: Any) -> dict[str, tuple[tuple[date, Decimal], ...]]:
    out: dict[str, tuple[tuple[date, Decimal], ...]] = {}
    if raw is None:
        return out
    m = f.mapping(raw, ("rates",), "a mapping currency → list of {from, rate}")
    if m is None:
        return out
    for cur, entries in m.items():
        p = ("rates", cur)
        if not isinstance(cur, str) or not re.match(r"^[A-Z]{3}$", cur):
            f.problem(p, f"{cur!r} is not a currency code", "an ISO 4217 code such as USD")
            continue
        if not isinstance(entries, list) or not entries:
            f.problem(p, "rates must be a list", "a list of {from: date, rate: yen per unit}")
            continue
        got: list[tuple[date, Decimal]] = []
        for i, e in enumerate(entries):
            em = f.mapping(e, (*p, i), "a mapping with from and rate")
            if em is None:
                continue
            f.unknown_keys(em, (*p, i), ("from", "rate", "source"))
            d = f.field(em, (*p, i), "from", _date, "the first day the rate applies")
            r = f.field(em, (*p, i), "rate", _decimal, "yen per unit of the currency")
            if r is not None and r <= 0:
                f.problem((*p, i, "rate"), f"rate {r} is not positive", "a positive rate")
                continue
            if d is not None and r is not None:
                got.append((d, r))
        out[cur] = tuple(sorted(got))
    return out


def _read_rules(f: _File, raw: Any, p: tuple[Any, ...], item_ids: set[str]) -> list[FocusRule]:
    rules: list[FocusRule] = []
    if raw is None:
        return rules
    if not isinstance(raw, list):
        f.problem(p, "rules must be a list", "a list of {item, service, …}")
        return rules
    keys = ("item", *FOCUS_COLUMNS.keys(), "tag")
    for i, r in enumerate(raw):
        rp = (*p, i)
        m = f.mapping(r, rp, "a mapping with item and conditions")
        if m is None:
            continue
        f.unknown_keys(m, rp, tuple(k for k in keys if k != "tags"))
        item = f.field(m, rp, "item", _ident, "the id of a cost item")
        if item is not None and item not in item_ids:
            f.problem((*rp, "item"), f"unknown item {item!r}", "the id of an item in costs.yaml")
            item = None
        conds: dict[str, tuple[str, ...]] = {}
        for k in ("service", "service_category", "charge_category", "provider", "sub_account"):
            v = f.field(m, rp, k, _strings, "text or a list of texts", required=False)
            if v:
                conds[k] = v
        tags: tuple[tuple[str, str], ...] = ()
        if "tag" in m:
            tm = f.mapping(m["tag"], (*rp, "tag"), "a mapping tag key → value")
            if tm is not None:
                tags = tuple((str(k), str(v)) for k, v in tm.items())
        if not conds and not tags:
            f.problem(
                rp, "a rule with no condition would take every row", "service, tag, … to match"
            )
            continue
        if item is not None:
            rules.append(FocusRule(item=item, tags=tags, **conds))
    return rules


def _read_settings(
    f: _File, items: dict[str, CostItem], option_ids: set[str]
) -> ActualsSettings | None:
    m = f.mapping(f.doc.data if f.doc else None, (), "a mapping (as_of, ledger, focus, …)")
    if m is None:
        return None
    f.unknown_keys(m, (), ("as_of", "option", "ledger", "focus", "rates", "milestones"))
    as_of = f.field(m, (), "as_of", _month, "a month such as 2026-10", required=False)
    option = f.field(m, (), "option", _ident, "an option id", required=False)
    if option is not None and option not in option_ids:
        f.problem(("option",), f"unknown option {option!r}", "the id of an option in options.yaml")
    ledgers: list[LedgerSource] = []
    for i, raw in enumerate(m.get("ledger") or []):
        p = ("ledger", i)
        lm = f.mapping(raw, p, "a mapping with file")
        if lm is None:
            continue
        f.unknown_keys(lm, p, ("file", "unit", "tax", "encoding", "date_column"))
        file = f.field(lm, p, "file", _text, "a CSV file in actuals/")
        unit = f.field(
            lm,
            p,
            "unit",
            _choice("yen", "thousand", aliases=_UNIT_WORDS),
            "yen or thousand",
            required=False,
        )
        tax = f.field(
            lm,
            p,
            "tax",
            _choice("inclusive", "exclusive", "none", aliases=_TAX_WORDS),
            "inclusive, exclusive or none",
            required=False,
            default="inclusive",
        )
        enc = f.field(
            lm,
            p,
            "encoding",
            _choice("auto", "utf-8", "shift_jis"),
            "auto, utf-8 or shift_jis",
            required=False,
            default="auto",
        )
        if file:
            date_col = f.field(
                lm, p, "date_column", _text, "the header of the date column", required=False
            )
            ledgers.append(LedgerSource(file, unit, tax or "inclusive", enc or "auto", date_col))
    focus: list[FocusSource] = []
    for i, raw in enumerate(m.get("focus") or []):
        p = ("focus", i)
        fm = f.mapping(raw, p, "a mapping with file and rules")
        if fm is None:
            continue
        f.unknown_keys(fm, p, ("file", "cost", "tax", "date", "rules"))
        file = f.field(fm, p, "file", _text, "a FOCUS CSV or Parquet file in actuals/")
        cost = f.field(
            fm,
            p,
            "cost",
            _choice("billed", "effective", "list"),
            "billed, effective or list",
            required=False,
            default="billed",
        )
        tax = f.field(
            fm,
            p,
            "tax",
            _choice("inclusive", "exclusive", aliases=_TAX_WORDS),
            "inclusive or exclusive",
            required=False,
            default="exclusive",
        )
        when = f.field(
            fm,
            p,
            "date",
            _choice("charge", "billing"),
            "charge or billing",
            required=False,
            default="charge",
        )
        rules = _read_rules(f, fm.get("rules"), (*p, "rules"), set(items))
        line = f.doc.line(p) if f.doc else None
        if file:
            focus.append(
                FocusSource(
                    file, cost or "billed", tax or "exclusive", when or "charge", tuple(rules), line
                )
            )
    rates = _read_rates(f, m.get("rates"))
    milestones: list[Milestone] = []
    for i, raw in enumerate(m.get("milestones") or []):
        p = ("milestones", i)
        mm = f.mapping(raw, p, "a mapping with id, name, due, value")
        if mm is None:
            continue
        f.unknown_keys(mm, p, ("id", "name", "due", "value", "done", "percent", "items"))
        mid = f.field(mm, p, "id", _ident, "a milestone id")
        name = f.field(mm, p, "name", _text, "the milestone's name")
        due = f.field(mm, p, "due", _date, "the date it is due")
        value = f.field(mm, p, "value", _int, "its planned value, yen tax-inclusive")
        done = f.field(mm, p, "done", _date, "the date it was completed", required=False)
        pct = f.field(mm, p, "percent", _decimal, "percent complete (0-100)", required=False)
        its = f.field(mm, p, "items", _strings, "the ids of the items it covers")
        for it in its or ():
            if it not in items:
                f.problem((*p, "items"), f"unknown item {it!r}", "ids of items in costs.yaml")
        if mid and name and due and value is not None and its:
            milestones.append(Milestone(mid, name, due, value, done, pct, its))
    return ActualsSettings(as_of, option, tuple(ledgers), tuple(focus), rates, tuple(milestones))


# --- money helpers ----------------------------------------------------------------------


def _rate_on(table: tuple[tuple[date, Decimal], ...], day: date) -> Decimal | None:
    rate = None
    for d, r in table:
        if d <= day:
            rate = r
    return rate


def _to_yen(
    amount: Decimal,
    currency: str,
    month: str,
    tax: str,
    settings: Settings,
    rates: dict[str, tuple[tuple[date, Decimal], ...]],
) -> int:
    """Exact amount → integer yen, tax-inclusive (half-up, then tax floored)."""
    day = date(int(month[:4]), int(month[5:7]), 1)
    if currency != "JPY":
        fx = _rate_on(rates[currency], day)
        assert fx is not None
        amount = amount * fx
    yen = int(amount.quantize(ONE, rounding=ROUND_HALF_UP))
    if tax == "exclusive":
        t = _rate_on(settings.tax_table, day) or Decimal(0)
        yen += int((yen * t).quantize(ONE, rounding=ROUND_FLOOR))
    return yen


def _plan_months(settings: Settings) -> tuple[str, str]:
    sm = settings.fy_start_month
    first = f"{settings.first_fy:04d}-{sm:02d}"
    end_y = settings.first_fy + settings.horizon
    last_m = (sm - 2) % 12 + 1
    last_y = end_y if sm > 1 else end_y - 1
    return first, f"{last_y:04d}-{last_m:02d}"


class _Ctx:
    """What the readers share: the workspace's items, settings and the lists to fill."""

    def __init__(
        self,
        root: Path,
        settings: Settings,
        items: dict[str, CostItem],
        rates: dict[str, tuple[tuple[date, Decimal], ...]],
        problems: list[Problem],
        notices: list[str],
    ) -> None:
        self.root = root
        self.settings = settings
        self.items = items
        self.categories = {i.category for i in items.values()}
        # What a finance clerk writes in the 費目 column besides ids: the category's label
        # as archplan prints it (保守, Maintenance) and an item's own name when unique.
        self.aliases: dict[str, str] = {}
        for c in self.categories:
            for lang in ("ja", "en"):
                self.aliases[_fold(msg("cat_" + c, lang))] = c
        names = [i.name for i in items.values()]
        for i in items.values():
            if i.name and names.count(i.name) == 1:
                self.aliases.setdefault(_fold(i.name), i.id)
        self.rates = rates
        self.problems = problems
        self.notices = notices
        self.first, self.last = _plan_months(settings)
        self.lang = settings.language
        self.seen: dict[tuple[str, str, Decimal, date], tuple[str, int]] = {}
        self.focus_months: dict[tuple[str, str], str] = {}  # (provider, month) → file
        self.pattern_of: dict[str, str] = {}  # FOCUS file → the glob that found it

    def note(self, key: str, **values: object) -> None:
        """A notice in the workspace's language (messages catalogue)."""
        self.notices.append(msg(key, self.lang, **values))

    def problem(
        self,
        file: str,
        row: int | None,
        field: str | None,
        message: str,
        expected: str | None = None,
    ) -> None:
        self.problems.append(
            Problem(file, None if row is None else row + 1, field, message, expected)
        )

    def currency_ok(self, file: str, row: int, currency: str, month: str) -> bool:
        if currency == "JPY":
            return True
        table = self.rates.get(currency)
        if not table:
            self.problem(
                file,
                row,
                "currency",
                f"no exchange rate for {currency!r}",
                f"a rate for {currency} under rates: in {ACTUALS_FILE}",
            )
            return False
        day = date(int(month[:4]), int(month[5:7]), 1)
        if _rate_on(table, day) is None:
            self.problem(
                file,
                row,
                "currency",
                f"no {currency} rate in force in {month}",
                f"a rate for {currency} from {month}-01 or earlier in {ACTUALS_FILE}",
            )
            return False
        return True


# --- ledger -----------------------------------------------------------------------------


def _key(text: str) -> str:
    """A header compared loosely: NFKC, lower case, no spaces, ``_``, ``-`` or ``.``
    (``Payment Date`` = ``payment_date``, ``支 払 日`` = ``支払日``)."""
    return re.sub(r"[\s_\-.・]", "", unicodedata.normalize("NFKC", text).lower())


_HEADER_KEYS = {_key(n): canon for canon, names in LEDGER_COLUMNS.items() for n in names}


def _header_parts(h: str) -> tuple[str, str | None, str | None]:
    """A header → (its name without a bracketed note, the unit and the tax basis the note
    declares).

    Examples
    --------
    >>> _header_parts("支出金額（税込・千円）")
    ('支出金額', 'thousand', 'inclusive')
    >>> _header_parts("amount_yen")
    ('amount', 'yen', None)
    >>> _header_parts("Amount (thousand yen)"), _header_parts("Amount (JPY)")
    (('amount', 'thousand', None), ('amount', 'yen', None))
    """
    s = unicodedata.normalize("NFKC", h).replace("\ufeff", "").strip().lower()
    unit = tax = None
    m = re.match(r"^(.*?)\s*[\(\[<]\s*(.+?)\s*[\)\]>]$", s)
    if m:
        s = m.group(1).strip()
        units = set()
        for word in re.split(r"[\s,、・/;:]+", m.group(2)):
            word = word.removeprefix("単位").strip()
            if word in _UNIT_WORDS:
                units.add(_UNIT_WORDS[word])
            tax = _TAX_WORDS.get(word, tax) if _TAX_WORDS.get(word) != "none" else tax
        # "thousand yen", "JPY thousand", "税込・千円": thousands whenever said
        unit = "thousand" if "thousand" in units else ("yen" if units else None)
    for suffix, u in (("_thousand", "thousand"), ("_yen", "yen")):
        if s.endswith(suffix):
            s, unit = s[: -len(suffix)], u
    return s, unit, tax


def _norm_header(h: str) -> tuple[str, str | None]:
    """A header → (canonical column or the header, unit declared in it)."""
    s, unit, _ = _header_parts(h)
    return _HEADER_KEYS.get(_key(s), s), unit


def _title_unit(text: str) -> str | None:
    """The unit a title row declares: ``（単位：千円）``, ``単位 円``, ``unit: thousand yen``.

    Examples
    --------
    >>> _title_unit("（単位：千円）"), _title_unit("会計年度：令和8年度"), _title_unit("単位:円")
    ('thousand', None, 'yen')
    """
    s = unicodedata.normalize("NFKC", text).lower()
    m = re.search(r"(?:単位|unit)\s*[:=]?\s*(千円|円|thousand yen|thousand|yen)", s)
    return _UNIT_WORDS[m.group(1)] if m else None


def _csv_records(text: str) -> list[tuple[int, list[str]]] | None:
    """The CSV's records with the 1-based line each starts on (quoted cells may span
    lines); tab-separated when the first 50 lines hold more tabs than commas (Excel's
    "Unicode text"). None when it is not CSV."""
    head = [ln for ln in text.splitlines()[:50] if not ln.startswith("#")]
    tabs, commas = sum(ln.count("\t") for ln in head), sum(ln.count(",") for ln in head)
    delimiter = "\t" if tabs > commas else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    out: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            out.append((start, row))
            start = reader.line_num + 1
    except csv.Error:
        return None
    return out


def _find_header(records: list[tuple[int, list[str]]]) -> int | None:
    """The index of the header record: the first within the first 50 records that names a
    date, an item, an amount and a document column; else the one naming most ledger
    columns, then the widest (a title row has one cell); ties go to the first. ``#``
    lines are never the header."""
    best, score = None, (-1, -1)
    for i, (_, row) in enumerate(records[:50]):
        cells = [c for c in row if c.strip()]
        if not cells or row[0].lstrip().startswith("#"):
            continue
        found = {_norm_header(c)[0] for c in cells}
        if all(n in found for n in _REQUIRED_LEDGER):
            return i
        here = (len(found & set(LEDGER_COLUMNS)), len(cells))
        if here > score:
            best, score = i, here
    return best


_TOTAL_WORDS = {"合計", "総計", "総合計", "小計", "計", "累計", "total", "grandtotal", "subtotal"}


def _total_row(row: list[str], cols: dict[str, int]) -> tuple[str, str] | None:
    """(label, amount as written) when the row is a total a finance system appends (no date
    and no document, a cell reading 合計, 小計, total, …), else None."""
    date_cell = row[cols["date"]].strip() if cols["date"] < len(row) else ""
    doc = row[cols["document"]].strip() if cols["document"] < len(row) else ""
    if (doc and _key(doc) not in _TOTAL_WORDS) or (
        date_cell and _key(date_cell) not in _TOTAL_WORDS
    ):
        return None
    label = next((c.strip() for c in row if _key(c) in _TOTAL_WORDS), None)
    if label is None:
        return None
    amount = row[cols["amount"]].strip() if cols["amount"] < len(row) else ""
    return label, amount


def _ledger_amount(text: str) -> Decimal:
    """An amount as a finance system or Excel writes it: ``1,234``, ``￥1,234``, ``\\1,234``
    (the yen sign of Shift_JIS), ``１，２３４円``, ``▲1,234``, ``△1,234``, ``-1,234``,
    ``−1,234``, ``(1,234)``.

    Examples
    --------
    >>> _ledger_amount("￥1,234円"), _ledger_amount("▲５，０００"), _ledger_amount("(12.5)")
    (Decimal('1234'), Decimal('-5000'), Decimal('-12.5'))
    >>> _ledger_amount("\\\\-48,000")
    Decimal('-48000')
    """
    s = unicodedata.normalize("NFKC", text).strip().replace(",", "")
    s = re.sub(r"[¥\\$]", "", s).replace("\u2212", "-").strip()
    s = s.removesuffix("円").strip()
    neg = False
    if s[:1] in ("▲", "△", "-"):
        neg, s = True, s[1:].strip()
    elif s.startswith("(") and s.endswith(")"):
        neg, s = True, s[1:-1].strip()
    s = re.sub(r"^[¥\\]", "", s).removesuffix("円").strip()
    if not re.match(r"^\d+(\.\d+)?$", s):
        raise ValueError(text)
    d = Decimal(s)
    return -d if neg else d


_ERA = {"令和": 2018, "R": 2018, "平成": 1988, "H": 1988}


def _ledger_date(text: str) -> date:
    """A ledger date: ``2026-04-30``, ``2026/4/30``, ``2026年4月30日``, ``令和8年4月30日``,
    ``R8.4.30`` (令和 and 平成; 元年 = 1).

    Examples
    --------
    >>> _ledger_date("令和8年4月30日"), _ledger_date("R8.4.30") == _ledger_date("2026/4/30")
    (datetime.date(2026, 4, 30), True)
    >>> _ledger_date("令和元年5月1日")
    datetime.date(2019, 5, 1)
    """
    s = unicodedata.normalize("NFKC", text).strip().replace("元年", "1年")
    s = re.sub(r"\s*\([^)]*\)$", "", s)  # a weekday: 令和8年4月30日（木）
    s = re.sub(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$", "", s)  # a time
    if re.match(r"^\d{8}$", s):  # 20260430
        s = f"{s[:4]}-{s[4:6]}-{s[6:]}"
    s = re.sub(r"(\d)\s*[年月]\s*", r"\1-", s).rstrip("日").strip()
    s = re.sub(r"\s*[-/.]\s*", "-", s)  # R 8. 4. 1
    era = re.match(r"^(令和|平成|R|H)\s*(\d{1,2})-(\d{1,2})-(\d{1,2})$", s, re.I)
    if era:
        year = _ERA[era.group(1).upper()] + int(era.group(2))
        return date(year, int(era.group(3)), int(era.group(4)))
    m = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", s)
    if not m:
        raise ValueError(text)
    return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def _fold(text: str) -> str:
    """A 費目 cell as compared with labels: NFKC (full-width folded), no spaces, lower case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def _decode(raw: bytes, encoding: str) -> tuple[str | None, str | None]:
    """(text, the encoding used) or (None, None) when the bytes fit no allowed encoding."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff") and encoding != "shift_jis":  # Excel's "Unicode text"
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            return None, None
    tries = {"auto": ("utf-8-sig", "cp932"), "utf-8": ("utf-8-sig",), "shift_jis": ("cp932",)}
    for enc in tries[encoding]:
        try:
            return raw.decode(enc), enc
        except UnicodeDecodeError:
            continue
    return None, None


def _column_said(p: Problem) -> Problem:
    """A ledger problem whose field is a canonical column ("column item") names the column
    in the reader's language (費目の列); the user's own headers stay as written."""
    m = re.fullmatch(r"column (\w+)", p.field or "")
    if m is None or m.group(1) not in LEDGER_COLUMNS or p.field_text is not None:
        return p
    return replace(p, field_text=Localized("jt_col", column=Localized(f"jt_col_{m.group(1)}")))


def read_ledger(src: LedgerSource, ctx: _Ctx) -> list[dict[str, Any]]:
    """Read one ledger CSV into entries (one per row), appending problems and notices."""
    fname = f"{ACTUALS_DIR}/{src.file}"
    path = ctx.root / fname
    if not path.is_file():
        ctx.problems.append(
            Problem(
                ACTUALS_FILE,
                None,
                "ledger",
                f"file {fname} is missing",
                "the ledger CSV named in actuals.yaml",
            )
        )
        return []
    if path.stat().st_size > MAX_FILE_BYTES * 20:
        ctx.problem(fname, None, None, "file is too large for a ledger", "at most 100 MB")
        return []
    raw = path.read_bytes()
    text, enc = _decode(raw, src.encoding)
    if text is None:
        expected = {
            "auto": "UTF-8 or Shift_JIS",
            "utf-8": "UTF-8 (encoding: utf-8 in actuals.yaml)",
            "shift_jis": "Shift_JIS (encoding: shift_jis)",
        }[src.encoding]
        bad = _first_bad_line(raw, src.encoding)
        other = _other_encoding(raw, None)
        if other is not None:  # say what it is: EUC-JP, or UTF-8 declared Shift_JIS
            ctx.problems.append(
                Problem(
                    fname,
                    bad,
                    None,
                    f"file is {other} text, not in the declared encoding",
                    expected,
                )
            )
            return []
        ctx.problems.append(
            Problem(fname, bad, None, "file is not text in the declared encoding", expected)
        )
        return []
    if enc == "cp932":
        ctx.note("act_n_sjis", file=fname)
    other = _other_encoding(raw, enc)
    if other is not None:  # UTF-8 read as declared Shift_JIS, EUC-JP read as Shift_JIS …
        ctx.problems.append(
            Problem(
                fname,
                None,
                None,
                f"file is {other} text: read as {_ENC_NAMES.get(enc or '', enc)} it has no "
                "ledger header",
                "UTF-8 or Shift_JIS (save it again as one of them), and encoding: in "
                "actuals.yaml matching it",
            )
        )
        return []
    records = _csv_records(text)
    if records is None:
        ctx.problem(fname, None, None, "not readable as CSV", "a CSV file")
        return []
    at = _find_header(records)
    if at is None:
        ctx.problem(
            fname, None, None, "file has no header", "a header row: " + ", ".join(_REQUIRED_LEDGER)
        )
        return []
    # Lines before the header: '#' lines and a finance system's title rows ("支出命令一覧表",
    # "（単位：千円）") may declare the unit and the tax basis.
    tax_default = src.tax
    units: list[tuple[str, str]] = []  # (unit, where it is declared)
    if src.unit:
        units.append((src.unit, ACTUALS_FILE))
    for pre_line, pre in records[:at]:
        joined = ",".join(c for c in pre if c.strip()).strip()
        if joined.startswith("#"):
            m = re.match(r"^#\s*(unit|単位|tax|税)\s*[:：]\s*(.+?)\s*$", joined, re.I)
            if m:
                key, val = m.group(1).lower(), m.group(2)
                if key in ("unit", "単位"):
                    if val.lower() not in _UNIT_WORDS:
                        ctx.problem(
                            fname, pre_line - 1, "unit", f"unit {val!r} is not known", "円 or 千円"
                        )
                    else:
                        units.append((_UNIT_WORDS[val.lower()], f"line {pre_line}"))
                elif val.lower() in _TAX_WORDS:
                    tax_default = _TAX_WORDS[val.lower()]
            continue
        declared = _title_unit(joined)
        if declared is not None:
            units.append((declared, f"line {pre_line}"))
    hline0, head = records[at]  # hline0: the header's 1-based line
    hline = hline0 - 1  # 0-based line of the header
    rows = [head] + [r for _, r in records[at + 1 :]]
    row_lines = [hline0] + [ln for ln, _ in records[at + 1 :]]
    header = [_norm_header(h) for h in head]
    amount_heads = [h for h, (c, _) in zip(head, header, strict=True) if c == "amount"]
    head_tax = _header_parts(amount_heads[0])[2] if amount_heads else None
    if head_tax:  # 金額（税抜）: the file's own declaration, as a '# tax:' line
        tax_default = head_tax
    if src.date_column is not None:
        wanted = _key(src.date_column)
        found = [
            j for j, h in enumerate(rows[0]) if _norm_header(h)[0] == "date" and _key(h) == wanted
        ]
        if not found:
            ctx.problems.append(
                Problem(
                    fname,
                    hline + 1,
                    "column date",
                    f"no column headed {src.date_column!r}",
                    "date_column: naming one of the file's date columns",
                )
            )
            return []
        header = [
            ("date" if j == found[0] else (c if c != "date" else f"date:{j}"), u)
            for j, (c, u) in enumerate(header)
        ]
    cols: dict[str, int] = {}
    notes: list[int] = []  # every note column (件名 and 摘要), joined
    for j, (canon, _) in enumerate(header):
        if canon == "note":
            notes.append(j)
            continue
        if canon in _GENERIC and canon in cols:  # 番号 (a row number) yields to 伝票番号
            generic = [_key(rows[0][k]) in _GENERIC[canon] for k in (cols[canon], j)]
            if generic == [True, False]:
                cols[canon] = j
                continue
            if generic == [False, True]:
                continue
        if canon in cols and canon in LEDGER_COLUMNS:
            ctx.problems.append(
                Problem(
                    fname,
                    hline + 1,
                    f"column {canon}",
                    f"two {canon} columns ({rows[0][cols[canon]]!r} and {rows[0][j]!r})",
                    "one, or date_column: in actuals.yaml naming the date to use"
                    if canon == "date"
                    else "one column of each kind",
                )
            )
            return []
        cols[canon] = j
    for name in _REQUIRED_LEDGER:
        if name not in cols:
            ctx.problems.append(
                Problem(
                    fname,
                    hline + 1,
                    f"column {name}",
                    f"no {name} column (found: {', '.join(rows[0])})",
                    "a column headed " + " or ".join(repr(a) for a in LEDGER_COLUMNS[name][:4]),
                    text=Localized(
                        "jt_no_column_found",
                        name=Localized(f"jt_col_{name}"),
                        found=", ".join(rows[0]),
                    ),
                    expected_text=Localized(
                        "jt_x_column_any",
                        names="、".join(repr(a) for a in LEDGER_COLUMNS[name][:4]),
                    ),
                )
            )
    if any(n not in cols for n in _REQUIRED_LEDGER):
        return []
    head_unit = header[cols["amount"]][1]
    if head_unit:
        units.append((head_unit, f"header {rows[0][cols['amount']]!r}"))
    if len({u for u, _ in units}) > 1:  # 千円 read as 円 is a thousandfold error: refused
        (ua, wa), (ub, wb) = units[0], next(x for x in units if x[0] != units[0][0])
        ctx.problems.append(
            Problem(
                fname,
                hline + 1,
                "column amount",
                f"the unit of the amounts is declared differently: {_UNIT_NAMES[ua]} ({wa}) "
                f"and {_UNIT_NAMES[ub]} ({wb})",
                "one unit for the amounts",
            )
        )
        return []
    unit = units[0][0] if units else None
    if unit is None:
        ctx.problems.append(
            Problem(
                fname,
                hline + 1,
                "column amount",
                "the unit of the amounts is not declared",
                "a header such as '金額（千円）' or 'amount (yen)', a line "
                "'# unit: 千円', or unit: in actuals.yaml",
            )
        )
        return []
    mult = Decimal(1000) if unit == "thousand" else ONE
    out: list[dict[str, Any]] = []
    seen = ctx.seen  # shared by every ledger: overlapping exports are caught too
    above = Decimal(0)  # amounts (as written) since the last total row, for its notice
    everything = Decimal(0)  # amounts (as written) of every row read: a grand total
    for r, row in enumerate(rows[1:], start=1):
        line = row_lines[r]  # 1-based line in the file
        if not any(c.strip() for c in row):
            continue
        total = _total_row(row, cols)
        if total is not None:
            try:
                stated = _ledger_amount(total[1])
            except (ValueError, InvalidOperation):
                stated = None
            # a subtotal (小計) agrees with the rows since the last total row, a grand
            # total (合計 after 小計 rows) with every row above it
            agrees = stated is not None and stated in (above, everything)
            ctx.note(
                "act_n_total_row" if agrees else "act_n_total_row_differs",
                where=f"{fname}:{line}",
                label=total[0],
                stated=total[1],
                above=f"{everything if agrees and stated == everything else above:,}",
            )
            above = Decimal(0)
            continue
        if len(row) < len(rows[0]):
            row = row + [""] * (len(rows[0]) - len(row))
        named = max((i for i, h in enumerate(rows[0]) if h.strip()), default=-1) + 1
        used = max((i for i, c in enumerate(row) if c.strip()), default=-1) + 1
        if used > named:  # cells beyond the last named column
            a = cols["amount"]
            after = row[a + 1 : a + 1 + used - named]
            grouped = bool(row[a].strip()) and all(
                re.fullmatch(r"\d{3}", unicodedata.normalize("NFKC", c).strip()) for c in after
            )
            if notes and notes[-1] == named - 1 and not grouped:
                # the last column is free text (摘要) with a comma: it keeps its commas
                row = [*row[: named - 1], ",".join(row[named - 1 : used])]
            elif grouped or used > len(rows[0]):  # 1,234,567 unquoted: the cells shift
                ctx.problems.append(
                    Problem(
                        fname,
                        line,
                        None,
                        f"row has {used} cells, more than the header's {named} columns",
                        'as many cells as columns; an amount with commas in quotes ("1,234,567")',
                    )
                )
                continue

        def cell(name: str, row: list[str] = row) -> str:
            j = cols.get(name)
            return row[j].strip() if j is not None and j < len(row) else ""

        ok = True
        try:
            day = _ledger_date(cell("date"))
        except ValueError:
            ctx.problems.append(
                Problem(
                    fname,
                    line,
                    "column date",
                    f"{cell('date')!r} is not a date",
                    "YYYY-MM-DD (or 2026/4/30, 2026年4月30日, 令和8年4月30日, R8.4.30)",
                    expected_text=Localized("jt_x_ledger_date"),
                )
            )
            ok = False
        try:
            amount = _ledger_amount(cell("amount")) * mult
        except (ValueError, InvalidOperation):
            ctx.problems.append(
                Problem(
                    fname,
                    line,
                    "column amount",
                    f"{cell('amount')!r} is not an amount",
                    f"a number in {'千円' if mult > 1 else '円'} "
                    "(commas and ▲ for negative allowed)",
                )
            )
            ok = False
        tax_text = cell("tax")
        tax = tax_default
        if tax_text:
            key = unicodedata.normalize("NFKC", tax_text).strip().lower()
            if key not in _TAX_WORDS:
                ctx.problems.append(
                    Problem(
                        fname,
                        line,
                        "column tax",
                        f"tax basis {tax_text!r} is not known",
                        "税込, 税抜, 不課税 (or inclusive, exclusive, none)",
                    )
                )
                ok = False
            else:
                tax = _TAX_WORDS[key]
        currency = unicodedata.normalize("NFKC", cell("currency") or "JPY").strip().upper()
        if currency in ("円", "YEN", "¥", "日本円"):
            currency = "JPY"
        document = cell("document")
        if not document:
            ctx.problems.append(
                Problem(
                    fname,
                    line,
                    "column document",
                    "no document reference",
                    "the voucher or invoice number of the row",
                )
            )
            ok = False
        if not ok:
            continue
        month = f"{day.year:04d}-{day.month:02d}"
        if not ctx.currency_ok(fname, line - 1, currency, month):
            continue
        key_item = cell("item")
        if key_item not in ctx.items and key_item not in ctx.categories:
            wide = unicodedata.normalize("NFKC", key_item).strip()  # ｓａａｓ－ｆｅｅ
            if wide in ctx.items or wide in ctx.categories:
                key_item = wide
            elif _fold(key_item) in ctx.aliases:  # 保守, or the item's name
                key_item = ctx.aliases[_fold(key_item)]
        dup = (document, key_item, amount, day)
        if dup in seen:
            where = (
                f"line {seen[dup][1]}"
                if seen[dup][0] == fname
                else f"{seen[dup][0]}:{seen[dup][1]}"
            )
            ctx.problems.append(
                Problem(
                    fname,
                    line,
                    "column document",
                    f"document {document!r} repeats {where} "
                    "(same item, date and amount): a duplicated row",
                    "each document once; if both are real, give them distinct references",
                )
            )
            continue
        seen[dup] = (fname, line)
        above += amount / mult
        everything += amount / mult
        yen = _to_yen(amount, currency, month, tax, ctx.settings, ctx.rates)
        item = ctx.items.get(key_item)
        entry = {
            "source": "ledger",
            "file": fname,
            "row": line - 1,
            "rows": 1,
            "month": month,
            "item": "",
            "category": "",
            "option": "",
            "yen": yen,
            "status": "mapped",
            "reason": "",
            "document": document,
            "note": " / ".join(row[j].strip() for j in notes if j < len(row) and row[j].strip()),
        }
        if amount < 0:
            ctx.note("act_n_credit", where=f"{fname}:{line}", yen=f"{yen:,}", item=key_item)
        if not ctx.first <= month <= ctx.last:
            ctx.note(
                "act_n_outside", where=f"{fname}:{line}", day=day, first=ctx.first, last=ctx.last
            )
            entry.update(status="unmapped", reason="outside", category=key_item)
        elif item is not None:
            entry.update(item=item.id, category=item.category, option=item.option)
        elif key_item in ctx.categories:
            entry.update(category=key_item)
        else:
            entry.update(status="unmapped", category=key_item, reason="unknown_item")
            near = difflib.get_close_matches(
                key_item, sorted(ctx.items) + sorted(ctx.categories), n=3, cutoff=0.75
            )
            if near:
                ctx.note(
                    "act_n_unknown_item_near",
                    where=f"{fname}:{line}",
                    item=repr(key_item),
                    near=", ".join(near),
                )
            else:
                ctx.note("act_n_unknown_item", where=f"{fname}:{line}", item=repr(key_item))
        out.append(entry)
    return out


def _locate_short_row(path: Path, columns: int) -> tuple[int | None, int]:
    """(1-based line, values) of the first CSV record whose number of values differs from
    the header's, read record by record."""
    with _open_bytes(path) as fh:
        text = io.TextIOWrapper(fh, encoding="utf-8-sig", errors="replace", newline="")
        reader = csv.reader(text)
        start = 1
        for row in reader:
            if len(row) != columns and start > 1:
                return start, len(row)
            start = reader.line_num + 1
    return None, 0


def _first_bad_line_of(path: Path, encoding: str) -> int | None:
    """The first line (1-based) of a file, read line by line, not in ``encoding``."""
    with _open_bytes(path) as fh:
        for i, ln in enumerate(fh, start=1):
            try:
                ln.decode(encoding)
            except UnicodeDecodeError:
                return int(i)
    return None


_ENC_NAMES = {"cp932": "Shift_JIS", "utf-8-sig": "UTF-8", "utf-16": "UTF-16"}


def _full_header(text: str) -> bool:
    records = _csv_records(text) or []
    at = _find_header(records)
    if at is None:
        return False
    found = {_norm_header(c)[0] for c in records[at][1]}
    return all(n in found for n in _REQUIRED_LEDGER)


def _other_encoding(raw: bytes, used: str | None) -> str | None:
    """The encoding the file is really in, when read as ``used`` it has no ledger header
    and read as another it has one (UTF-8 declared Shift_JIS, EUC-JP); else None."""
    sample = raw[: 1 << 16]
    if used is not None and _full_header(sample.decode(used, errors="replace")):
        return None
    for enc, name in (("utf-8-sig", "UTF-8"), ("cp932", "Shift_JIS"), ("euc_jp", "EUC-JP")):
        if enc == used:
            continue
        try:
            text = sample.decode(enc, errors="strict" if len(raw) <= len(sample) else "ignore")
        except UnicodeDecodeError:
            continue
        if _full_header(text):
            return name
    return None


def _first_bad_line(raw: bytes, encoding: str) -> int | None:
    enc = "cp932" if encoding == "shift_jis" else "utf-8"
    for i, ln in enumerate(raw.split(b"\n"), start=1):
        try:
            ln.decode(enc)
        except UnicodeDecodeError:
            return i
    return None


# --- FOCUS ------------------------------------------------------------------------------


def _is_parquet(path: Path) -> bool:
    return path.suffix.lower() == ".parquet"


def _open_bytes(path: Path) -> Any:
    """The file's bytes, decompressed when it is a ``.gz`` or ``.bz2`` export (AWS and
    Azure deliver FOCUS CSV gzipped)."""
    suffix = path.suffix.lower()
    if suffix == ".gz":
        import gzip

        return gzip.open(path, "rb")
    if suffix == ".bz2":
        import bz2

        return bz2.open(path, "rb")
    return path.open("rb")


def _focus_header(path: Path) -> list[str]:
    """The column names of a FOCUS CSV (plain or compressed); ``OSError`` when a
    compressed file is not what its name says."""
    with _open_bytes(path) as fh:
        first = fh.readline(1 << 20).decode("utf-8-sig", errors="replace")
    try:
        return next(csv.reader([first.rstrip("\r\n")]), [])
    except csv.Error:
        return []


def _as_text(col: Any) -> Any:
    """A Parquet column as strings: cast when Arrow can, else each value as JSON text
    (a ``map<string, string>`` or ``list<struct<key, value>>`` of tags becomes the
    ``{"key": "value"}`` object FOCUS CSV writes)."""
    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.compute as pc  # type: ignore[import-untyped]

    try:
        return pc.cast(col, pa.string())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        pass
    cache: dict[str, str] = {}
    out: list[str | None] = []
    for v in col.to_pylist():
        if v is None:
            out.append(None)
            continue
        key = repr(v)
        if key not in cache:
            cache[key] = json.dumps(_tags_object(v), ensure_ascii=False, default=str)
        out.append(cache[key])
    return pa.array(out, pa.string())


def _tags_object(v: Any) -> Any:
    """Tags as Parquet or BigQuery give them → a plain object: a map (list of key/value
    pairs) or a list of ``{key, value}`` structs becomes ``{key: value}``; other
    values are returned as they are.

    Examples
    --------
    >>> _tags_object([("env", "prod"), ("system", "booking")])
    {'env': 'prod', 'system': 'booking'}
    >>> _tags_object([{"key": "env", "value": "prod"}])
    {'env': 'prod'}
    """
    if isinstance(v, list) and all(isinstance(x, tuple) and len(x) == 2 for x in v):
        return {str(k): val for k, val in v}
    if isinstance(v, list) and all(isinstance(x, dict) and "key" in x for x in v):
        return {str(x["key"]): x.get("value") for x in v}
    return v


BATCH_ROWS = 1 << 16  # Parquet batch size (rows); CSV blocks are BLOCK_BYTES
BLOCK_BYTES = 1 << 20  # small blocks: readahead stays small (and it is faster)


def _fine_decimal(col: Any) -> Any:
    """Amounts as text → ``decimal128(38, 18)``, those with more than 18 decimals (Azure's
    ``2.76393613891528E-05``, a double printed in full) rounded half-up to 10⁻¹⁸ by
    ``Decimal``; raises ``pyarrow.ArrowInvalid`` naming ``decimal`` on text that is not
    a number.

    Examples
    --------
    >>> import pyarrow as pa
    >>> _fine_decimal(pa.array(["2.76393613891528E-05", None])).to_pylist()
    [Decimal('0.000027639361389153'), None]
    """
    import pyarrow as pa  # type: ignore[import-untyped]

    dec = pa.decimal128(38, 18)
    try:
        return col.cast(dec)
    except pa.ArrowInvalid:
        pass
    step = Decimal(1).scaleb(-dec.scale)
    out: list[Decimal | None] = []
    for v in col.to_pylist():
        if v is None:
            out.append(None)
            continue
        try:
            out.append(Decimal(str(v).strip()).quantize(step, rounding=ROUND_HALF_UP))
        except InvalidOperation:
            raise pa.ArrowInvalid(f"invalid decimal value {v!r}") from None
    return pa.array(out, dec)


def focus_batches(
    path: Path,
    columns: list[str],
    cost: str,
    *,
    fine: bool = False,
    actual: dict[str, str] | None = None,
) -> Iterator[Any]:
    """The needed columns of a FOCUS CSV or Parquet file, batch by batch (pyarrow
    RecordBatches), the cost as ``decimal128(38, 18)`` and everything else as strings;
    raises ``pyarrow.ArrowInvalid`` on unreadable data. Memory is bounded by the batch.
    ``fine``: the cost is read as text and amounts finer than 10⁻¹⁸ are rounded (the
    second reading, after the first found such an amount). ``actual``: the file's own
    spelling of a column (``billedcost``, ``BILLED_COST``) by its FOCUS name; batches
    carry the FOCUS names.

    Examples
    --------
    >>> from pathlib import Path
    >>> path = Path("data/examples/vaccine-booking/actuals/focus-2026.csv")
    >>> sum(b.num_rows for b in focus_batches(path, ["BilledCost", "ServiceName"], "BilledCost"))
    1500
    """
    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.compute as pc  # type: ignore[import-untyped]

    dec = pa.decimal128(38, 18)
    spelt = actual or {}
    canon = {spelt.get(c, c): c for c in columns}
    names_in_file = list(canon)
    if _is_parquet(path):
        import pyarrow.parquet as pq  # type: ignore[import-untyped]

        pf = pq.ParquetFile(path)
        for batch in pf.iter_batches(columns=names_in_file, batch_size=BATCH_ROWS):
            arrays = []
            for file_name in batch.schema.names:
                col = batch.column(file_name)
                name = canon.get(file_name, file_name)
                if name == cost:
                    if pa.types.is_dictionary(col.type):
                        col = col.dictionary_decode()
                    if pa.types.is_floating(col.type):
                        col = pc.round(col, 10).cast(pa.decimal128(38, 10))
                    elif pa.types.is_decimal(col.type) and col.type.scale > dec.scale:
                        col = pc.round(col, dec.scale)  # finer than 10⁻¹⁸: rounded
                    col = _fine_decimal(col) if fine else col.cast(dec)
                else:
                    col = _as_text(col)
                arrays.append(col)
            names = [canon.get(n, n) for n in batch.schema.names]
            yield pa.RecordBatch.from_arrays(arrays, names=names)
        return
    import pyarrow.csv as pacsv  # type: ignore[import-untyped]

    types = {f: (dec if canon[f] == cost and not fine else pa.string()) for f in names_in_file}
    reader = pacsv.open_csv(
        path,
        read_options=pacsv.ReadOptions(block_size=BLOCK_BYTES),
        convert_options=pacsv.ConvertOptions(
            include_columns=names_in_file, column_types=types, strings_can_be_null=True
        ),
    )
    if not fine and not spelt:
        yield from reader
        return
    for batch in reader:
        names = [canon.get(n, n) for n in batch.schema.names]
        arrays = [
            _fine_decimal(batch.column(i)) if fine and n == cost else batch.column(i)
            for i, n in enumerate(names)
        ]
        yield pa.RecordBatch.from_arrays(arrays, names=names)


#: Every FOCUS column archplan may read, by its name in the specification.
_FOCUS_NAMES = (
    "BilledCost",
    "EffectiveCost",
    "ListCost",
    "BillingCurrency",
    "ChargePeriodStart",
    "BillingPeriodStart",
    *FOCUS_COLUMNS.values(),
    "InvoiceId",
)


def _spellings(present: list[str]) -> dict[str, str]:
    """FOCUS columns the file spells otherwise (``billedcost``, ``BILLED_COST``,
    ``billed_cost`` from a warehouse export) → the file's spelling; exact names win.

    Examples
    --------
    >>> _spellings(["BILLED_COST", "billingcurrency", "ChargePeriodStart"])
    {'BilledCost': 'BILLED_COST', 'BillingCurrency': 'billingcurrency'}
    >>> _spellings(["BilledCost", "ServiceProviderName"])
    {'ProviderName': 'ServiceProviderName'}
    """
    loose = {re.sub(r"[\s_]", "", p.lower()): p for p in reversed(present)}
    out = {}
    for name in _FOCUS_NAMES:
        if name in present:
            continue
        got = loose.get(name.lower())
        if got is not None:
            out[name] = got
    if "ProviderName" not in present and "ProviderName" not in out:
        got = loose.get("serviceprovidername")  # FOCUS 1.3 renames ProviderName
        if got is not None:
            out["ProviderName"] = got
    return out


def _aggregate(
    path: Path,
    columns: list[str],
    cost: str,
    when: str,
    group_keys: list[str],
    bad_dates: list[tuple[int, str]] | None = None,
    fine: bool = False,
    actual: dict[str, str] | None = None,
) -> tuple[dict[tuple[Any, ...], list[Any]], int, list[int], tuple[int, int]]:
    """Stream the file and sum the cost by group: (groups → [sum, first row, rows], rows
    read, rows with an empty amount (first few), (positive Credit rows, first such row)).
    Rows whose date does not start YYYY-MM-DD are appended to ``bad_dates`` (0-based row,
    the value as written; the first few, then (-1, count of the others))."""
    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.compute as pc  # type: ignore[import-untyped]

    merged: dict[tuple[Any, ...], list[Any]] = {}
    offset = 0
    nulls: list[int] = []
    credits, credit_first = 0, -1
    for batch in focus_batches(path, columns, cost, fine=fine, actual=actual):
        m = batch.num_rows
        if m == 0:
            continue
        t = pa.Table.from_batches([batch])
        if t[cost].null_count and len(nulls) < MAX_LISTED:
            idx = pc.indices_nonzero(pc.is_null(t[cost])).to_pylist()
            nulls.extend(offset + i for i in idx[: MAX_LISTED - len(nulls)])
        when_text = pc.fill_null(t[when], "")
        month = pc.utf8_slice_codeunits(when_text, 0, 7)
        if bad_dates is not None:
            bad = pc.invert(pc.match_substring_regex(when_text, _DATE_START))
            nbad = pc.sum(pc.cast(bad, pa.int64())).as_py() or 0
            if nbad:
                listed = [b for b in bad_dates if b[0] >= 0]
                idx = pc.indices_nonzero(bad).to_pylist()[: max(0, MAX_LISTED - len(listed))]
                values = pc.take(when_text, pa.array(idx, pa.int64())).to_pylist()
                more = nbad - len(idx) + sum(-b[0] - 1 for b in bad_dates if b[0] < 0)
                bad_dates[:] = [
                    *listed,
                    *((offset + i, v) for i, v in zip(idx, values, strict=True)),
                ]
                if more:
                    bad_dates.append((-1 - more, ""))
        t = t.append_column("__month", month).append_column(
            "__row", pa.array(np.arange(offset, offset + m, dtype=np.int64))
        )
        if "ChargeCategory" in t.column_names:
            up = pc.fill_null(
                pc.and_(
                    pc.equal(t["ChargeCategory"], "Credit"),
                    pc.greater(t[cost], pa.scalar(Decimal(0), type=t[cost].type)),
                ),
                False,
            )
            k = pc.sum(pc.cast(up, pa.int64())).as_py() or 0
            if k:
                credits += k
                if credit_first < 0:
                    credit_first = offset + pc.indices_nonzero(up).to_pylist()[0]
        d = (
            t.group_by(group_keys, use_threads=True)
            .aggregate([(cost, "sum"), ("__row", "min"), ("__row", "count")])
            .to_pydict()
        )
        sums, firsts, counts = d[f"{cost}_sum"], d["__row_min"], d["__row_count"]
        cols = [d[c] for c in group_keys]
        for j in range(len(sums)):
            key = tuple(c[j] for c in cols)
            got = merged.get(key)
            if got is None:
                merged[key] = [sums[j] or Decimal(0), firsts[j], counts[j]]
            else:
                got[0] += sums[j] or Decimal(0)
                got[1] = min(got[1], firsts[j])
                got[2] += counts[j]
        offset += m
    return merged, offset, nulls, (credits, credit_first)


def _locate_bad_amounts(path: Path, cost: str) -> list[tuple[int, str]]:
    """Rows (1-based) whose cost is not a number, read again as text."""
    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.compute as pc  # type: ignore[import-untyped]
    import pyarrow.csv as pacsv  # type: ignore[import-untyped]

    if _is_parquet(path):
        import pyarrow.parquet as pq  # type: ignore[import-untyped]

        col = pc.cast(pq.read_table(path, columns=[cost])[cost], pa.string())
    else:
        t = pacsv.read_csv(
            path,
            convert_options=pacsv.ConvertOptions(
                include_columns=[cost], column_types={cost: pa.string()}, strings_can_be_null=True
            ),
        )
        col = t[cost]
    bad = pc.invert(pc.fill_null(pc.match_substring_regex(col, _NUMBER_RE.pattern), True))
    idx = pc.indices_nonzero(bad).to_pylist()[:MAX_LISTED]
    values = col.to_pylist()
    return [(i + 1, str(values[i])) for i in idx]


def _text_batches(path: Path, columns: list[str]) -> Iterator[Any]:
    """Every column of a FOCUS file as text, batch by batch (pyarrow RecordBatches)."""
    import pyarrow as pa  # type: ignore[import-untyped]

    if _is_parquet(path):
        import pyarrow.parquet as pq  # type: ignore[import-untyped]

        for batch in pq.ParquetFile(path).iter_batches(batch_size=BATCH_ROWS):
            arrays = [_as_text(col) for col in batch.columns]  # maps, lists: as JSON text
            yield pa.RecordBatch.from_arrays(arrays, names=batch.schema.names)
        return
    import pyarrow.csv as pacsv  # type: ignore[import-untyped]

    yield from pacsv.open_csv(
        path,
        read_options=pacsv.ReadOptions(block_size=BLOCK_BYTES),
        convert_options=pacsv.ConvertOptions(
            column_types=dict.fromkeys(columns, pa.string()), strings_can_be_null=True
        ),
    )


def duplicated_rows(path: Path, columns: list[str]) -> list[tuple[int, int, str]]:
    """Rows of a FOCUS export that repeat an earlier row in every column: (row, the
    earlier row, its ``InvoiceId``), 0-based data rows, in file order.

    Rows of one invoice share its ``InvoiceId`` (FOCUS 1.2) and differ in their charge
    period, resource, SKU, quantity or cost; a row equal to another in every column is
    the same charge twice. Each row's text is hashed batch by batch (8 bytes a row stay
    in memory); rows whose hashes agree are read again and compared column by column
    before they are named.

    Examples
    --------
    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "f.csv"
    >>> _ = p.write_text("InvoiceId,BilledCost\\nI-1,5\\nI-1,7\\nI-1,5\\n", encoding="utf-8")
    >>> duplicated_rows(p, ["InvoiceId", "BilledCost"])
    [(2, 0, 'I-1')]
    """
    import pandas as pd
    import pyarrow.compute as pc  # type: ignore[import-untyped]

    hashes = []
    for batch in _text_batches(path, columns):
        joined = pc.binary_join_element_wise(
            *batch.columns, "\x1f", null_handling="replace", null_replacement="\x00"
        )
        text = pd.Series(joined.to_pandas(types_mapper=pd.ArrowDtype))
        hashes.append(pd.util.hash_pandas_object(text, index=False).to_numpy())
    if not hashes:
        return []
    h = np.concatenate(hashes)
    del hashes
    order = np.argsort(h, kind="stable")  # equal hashes keep file order
    ranked = h[order]
    starts = np.flatnonzero(np.r_[True, ranked[1:] != ranked[:-1]])
    later = np.flatnonzero(np.r_[False, ranked[1:] == ranked[:-1]])
    if not len(later):
        return []
    first = starts[np.searchsorted(starts, later, side="right") - 1]
    pairs = list(zip(order[later].tolist(), order[first].tolist(), strict=True))
    wanted = np.unique(np.array([k for pair in pairs for k in pair], dtype=np.int64))
    rows: dict[int, tuple[Any, ...]] = {}
    names: list[str] = []
    offset = 0
    for batch in _text_batches(path, columns):
        names = batch.schema.names
        lo, hi = np.searchsorted(wanted, [offset, offset + batch.num_rows])
        for k in wanted[lo:hi].tolist():
            rows[k] = tuple(batch.slice(k - offset, 1).to_pylist()[0].values())
        offset += batch.num_rows
    at = names.index("InvoiceId") if "InvoiceId" in names else None
    return sorted(
        (row, earlier, "" if at is None else str(rows[row][at]))
        for row, earlier in pairs
        if rows[row] == rows[earlier]
    )


def _match(rule: FocusRule, key: dict[str, Any], tags: dict[str, str]) -> bool:
    for k in ("service", "service_category", "charge_category", "provider", "sub_account"):
        want: tuple[str, ...] = getattr(rule, k)
        if want and key.get(k) not in want:
            return False
    return all(tags.get(k) == v for k, v in rule.tags)


def _parse_tags(text: Any) -> dict[str, str]:
    if not text:
        return {}
    try:
        d = _tags_object(json.loads(text))
    except (ValueError, TypeError):
        try:  # Azure's older cost exports: "env": "prod","team": "x" (no braces)
            d = json.loads("{" + str(text) + "}")
        except (ValueError, TypeError):
            return {}
    return {str(k): str(v) for k, v in d.items()} if isinstance(d, dict) else {}


def read_focus(src: FocusSource, ctx: _Ctx) -> tuple[list[dict[str, Any]], int]:
    """Read and map one FOCUS export: entries grouped by (month, item or unmapped
    service, currency), and the number of data rows read."""
    import pyarrow as pa  # type: ignore[import-untyped]

    fname = f"{ACTUALS_DIR}/{src.file}"
    path = ctx.root / fname
    if not path.is_file():
        ctx.problems.append(
            Problem(
                ACTUALS_FILE,
                src.line,
                "focus",
                f"file {fname} is missing",
                "the FOCUS export named in actuals.yaml",
            )
        )
        return [], 0
    cost = _COST_COLUMN[src.cost]
    when = _DATE_COLUMN[src.date]
    parquet = _is_parquet(path)
    if parquet:
        import pyarrow.parquet as pq  # type: ignore[import-untyped]

        try:
            present = pq.read_schema(path).names
        except (pa.ArrowInvalid, OSError) as exc:
            ctx.problem(fname, None, None, f"not a Parquet file ({exc})", "a FOCUS Parquet file")
            return [], 0
    else:
        try:
            present = _focus_header(path)
        except (OSError, EOFError) as exc:  # a .gz that is not gzip, a truncated archive
            ctx.problem(fname, None, None, f"not readable ({exc})", "a FOCUS CSV export")
            return [], 0
    if not present or present == [""]:
        ctx.problem(fname, None, None, "file is empty", "a FOCUS export with a header row")
        return [], 0
    in_file = present
    actual = _spellings(present)  # FOCUS name → the file's own spelling, where it differs
    present = [*present, *actual]
    needed = [cost, "BillingCurrency", when]
    missing = [c for c in needed if c not in present]
    sep = next((d for d in ";\t|" if len(in_file) == 1 and d in in_file[0]), None)
    if missing and sep is not None:  # a European Excel's ';' CSV, a TSV
        ctx.problems.append(
            Problem(
                fname,
                None if parquet else 1,
                None,
                f"the header is one column separated by {sep!r}, not by commas",
                "a comma-separated FOCUS CSV (as the providers export it)",
            )
        )
        return [], 0
    used = {k for r in src.rules for k in FOCUS_COLUMNS if getattr(r, k, None)}
    if any(r.tags for r in src.rules):
        used.add("tags")
    missing += [FOCUS_COLUMNS[k] for k in sorted(used) if FOCUS_COLUMNS[k] not in present]
    for c in missing:
        ctx.problems.append(
            Problem(
                fname,
                None if parquet else 1,
                f"column {c}",
                f"no {c} column",
                f"a FOCUS 1.0–1.2 export with a {c} column",
            )
        )
    if missing:
        return [], 0
    keys = [FOCUS_COLUMNS[k] for k in FOCUS_COLUMNS if FOCUS_COLUMNS[k] in present]
    columns = list(dict.fromkeys([*needed, *keys]))
    group_keys = [*keys, "BillingCurrency", "__month"]
    try:
        bad_dates: list[tuple[int, str]] = []
        try:
            merged, n, nulls, (credits, credit_first) = _aggregate(
                path, columns, cost, when, group_keys, bad_dates, actual=actual
            )
        except pa.ArrowInvalid as exc:
            if "rescaling" not in str(exc).lower():
                raise
            bad_dates = []  # amounts finer than 10⁻¹⁸: read again, rounding them
            merged, n, nulls, (credits, credit_first) = _aggregate(
                path, columns, cost, when, group_keys, bad_dates, fine=True, actual=actual
            )
    except (pa.ArrowInvalid, OSError) as exc:
        text = str(exc)
        if ("UTF8" in text or "utf8" in text.lower()) and "utf8 to" not in text.lower():
            bad = None if parquet else _first_bad_line_of(path, "utf-8")
            ctx.problems.append(
                Problem(fname, bad, None, "file is not UTF-8 text", "a UTF-8 FOCUS export")
            )
        elif "decimal" in text.lower() or "utf8 to" in text.lower():
            for row, value in _locate_bad_amounts(path, actual.get(cost, cost)):
                ctx.problem(
                    fname,
                    row,
                    f"column {cost}",
                    f"{value!r} is not an amount",
                    "a number (FOCUS amounts are decimal numbers)",
                )
            if not any(p.file == fname for p in ctx.problems):
                ctx.problem(fname, None, f"column {cost}", text, "decimal numbers")
        elif not parquet and "columns, got" in text:  # a short row: a truncated download
            line, got = _locate_short_row(path, len(in_file))
            ctx.problems.append(
                Problem(
                    fname,
                    line,
                    None,
                    f"row has {got} values, the header {len(in_file)} columns",
                    "as many values in each row as columns (a complete export)",
                )
            )
        else:
            ctx.problem(
                fname,
                None,
                None,
                f"not readable as FOCUS CSV: {text}",
                "a FOCUS 1.0–1.2 CSV export",
            )
        return [], 0
    for i, value in bad_dates:
        if i < 0:
            ctx.problem(
                fname, None, f"column {when}", f"{-i - 1} more rows do not start with a date"
            )
            continue
        ctx.problem(
            fname,
            i + 1,
            f"column {when}",
            f"{value!r} does not start with a date",
            "a date-time such as 2026-04-01T00:00:00Z",
        )
    if bad_dates:
        return [], n
    if nulls:
        for i in nulls:
            ctx.problem(
                fname,
                i + 1,
                f"column {cost}",
                "the amount is empty",
                "a number in every row (0 when nothing is charged)",
            )
        return [], n
    if "InvoiceId" in present:  # FOCUS 1.2: the same charge twice is a duplicated row
        try:
            dups = duplicated_rows(path, in_file)
        except (pa.ArrowInvalid, OSError) as exc:  # a column the import did not need
            ctx.problem(
                fname,
                None,
                None,
                f"not readable as FOCUS data in every column: {exc}",
                "a FOCUS 1.2 export, UTF-8, with as many values in each row as columns",
            )
            return [], n
        for row, first, invoice in dups[:MAX_LISTED]:
            ctx.problem(
                fname,
                row + 1,
                None,
                f"row repeats line {first + 2} in every column (InvoiceId {invoice!r}): "
                "the same charge twice",
                "each charge once; rows of one invoice share its InvoiceId and differ in "
                "their charge",
            )
        if len(dups) > MAX_LISTED:
            ctx.problem(
                fname,
                None,
                None,
                f"{len(dups) - MAX_LISTED} more rows repeat earlier rows",
                "each charge once",
            )
        if dups:
            return [], n
    if credits:
        ctx.note("act_n_credit_up", where=f"{fname}:{credit_first + 2}", count=credits)
    g: dict[str, list[Any]] = {c: [k[i] for k in merged] for i, c in enumerate(group_keys)}
    g[f"{cost}_sum"] = [v[0] for v in merged.values()]
    g["__row_min"] = [v[1] for v in merged.values()]
    g["__row_count"] = [v[2] for v in merged.values()]
    del merged
    rev = {v: k for k, v in FOCUS_COLUMNS.items()}
    tag_cache: dict[Any, dict[str, str]] = {}
    rule_cache: dict[tuple[Any, ...], str | None] = {}
    acc: dict[tuple[str, str, str, str], list[Any]] = {}
    tax_rows = [0, n + 1]  # Tax rows mapped while tax: exclusive adds tax (count, first)
    reasons: dict[tuple[str, str, str, str], str] = {}
    for j in range(len(g["__month"])):
        mon = g["__month"][j]
        cur = g["BillingCurrency"][j] or ""
        row0 = g["__row_min"][j] + 1
        amount: Decimal = g[f"{cost}_sum"][j]
        rows = g["__row_count"][j]
        if not _MONTH_RE.match(mon or ""):
            ctx.problem(
                fname,
                row0,
                f"column {when}",
                f"{mon!r} does not start with a date",
                "a date-time such as 2026-04-01T00:00:00Z",
            )
            continue
        if not cur:
            ctx.problem(
                fname,
                row0,
                "column BillingCurrency",
                "the currency is empty",
                "an ISO 4217 code such as USD or JPY in every row",
            )
            continue
        if not ctx.currency_ok(fname, row0, cur, mon):
            continue
        keyvals = tuple(g[c][j] for c in keys)
        if keyvals not in rule_cache:
            kd = {rev[c]: g[c][j] for c in keys}
            tags_text = kd.get("tags")
            if tags_text not in tag_cache:
                tag_cache[tags_text] = _parse_tags(tags_text)
            target = None
            for rule in src.rules:
                if _match(rule, kd, tag_cache[tags_text]):
                    target = rule.item
                    break
            rule_cache[keyvals] = target
        target = rule_cache[keyvals]
        if (
            target
            and src.tax == "exclusive"
            and g.get("ChargeCategory", [None] * (j + 1))[j] == "Tax"
        ):
            tax_rows[0] += rows
            tax_rows[1] = min(tax_rows[1], row0)
        service = str(g["ServiceName"][j] or "") if "ServiceName" in g else ""
        if "SubAccountName" in g and g["SubAccountName"][j]:
            service += f" ({g['SubAccountName'][j]})"
        if not ctx.first <= mon <= ctx.last:
            key = ("", mon, cur, service)
            reasons[key] = "outside"
        elif target is None:
            key = ("", mon, cur, service)
            reasons[key] = "no_rule"
        else:
            key = (target, mon, cur, "")
        if key in acc:
            a = acc[key]
            a[0] += amount
            a[1] = min(a[1], row0)
            a[2] += rows
        else:
            acc[key] = [amount, row0, rows]
    out: list[dict[str, Any]] = []
    for (target, mon, cur, service), (amount, row0, rows) in sorted(acc.items()):
        yen = _to_yen(amount, cur, mon, src.tax, ctx.settings, ctx.rates)
        it = ctx.items.get(target)
        out.append(
            {
                "source": "focus",
                "file": fname,
                "row": row0,
                "rows": rows,
                "month": mon,
                "item": target,
                "category": it.category if it else "",
                "option": it.option if it else "",
                "yen": yen,
                "status": "mapped" if it else "unmapped",
                "reason": reasons.get((target, mon, cur, service), ""),
                "document": service,
                "note": cur,
            }
        )
    if tax_rows[0]:
        ctx.note("act_n_tax_rows", where=f"{fname}:{tax_rows[1] + 1}", count=f"{tax_rows[0]:,}")
    providers = g.get("ProviderName") or [""] * len(g["__month"])
    overlap: set[tuple[str, str]] = set()
    for prov, mon in {(str(p or ""), str(m)) for p, m in zip(providers, g["__month"], strict=True)}:
        other = ctx.focus_months.setdefault((prov, mon), fname)
        if other != fname and ctx.pattern_of.get(other, other) != (src.pattern or fname):
            overlap.add((other, mon))  # the parts of one split export hold one month
    ctx.pattern_of[fname] = src.pattern or fname
    for other, mon in sorted(overlap):
        ctx.note("act_n_overlap", file=fname, month=mon, other=other)
    for reason, note_key in (("no_rule", "act_n_no_rule"), ("outside", "act_n_outside_rows")):
        unmapped = [e for e in out if e["status"] == "unmapped" and e["reason"] == reason]
        if not unmapped:
            continue
        services = sorted({e["document"] for e in unmapped})
        shown = ", ".join(repr(s) for s in services[:MAX_LISTED])
        if len(services) > MAX_LISTED:
            shown += msg("act_n_more", ctx.lang, count=len(services) - MAX_LISTED)
        ctx.note(
            note_key,
            where=f"{fname}:{min(e['row'] for e in unmapped) + 1}",
            rows=f"{sum(e['rows'] for e in unmapped):,}",
            yen=f"{sum(e['yen'] for e in unmapped):,}",
            settings=ACTUALS_FILE,
            services=shown,
            first=ctx.first,
            last=ctx.last,
        )
    return out, n


# --- the whole folder -------------------------------------------------------------------


def _matching(root: Path, pattern: str) -> list[str]:
    """Files under ``actuals/`` matching a glob, relative to it, in name order."""
    folder = root / ACTUALS_DIR
    inside = folder.resolve()
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.glob(pattern)
        if p.is_file() and p.resolve().is_relative_to(inside)
    )


def _expand_ledgers(
    sources: tuple[LedgerSource, ...], root: Path, problems: list[Problem]
) -> list[LedgerSource]:
    """Ledger sources with a glob (``ledger-2026-*.csv``: one export a month) → one source
    per file, in name order."""
    out: list[LedgerSource] = []
    for src in sources:
        if not any(c in src.file for c in "*?["):
            out.append(src)
            continue
        found = _matching(root, src.file)
        if not found:
            problems.append(
                Problem(
                    ACTUALS_FILE,
                    None,
                    "ledger",
                    f"no file matches {src.file!r}",
                    "ledger CSVs under actuals/ matching the pattern",
                )
            )
        out.extend(replace(src, file=f) for f in found)
    return out


def _expand(
    sources: tuple[FocusSource, ...], root: Path, problems: list[Problem]
) -> list[FocusSource]:
    """FOCUS sources with a glob (``aws/2026-*/part-*.csv.gz``: the parts of an export
    split by the provider) → one source per file, in name order."""
    out: list[FocusSource] = []
    for src in sources:
        if not any(c in src.file for c in "*?["):
            out.append(src)
            continue
        found = _matching(root, src.file)
        if not found:
            problems.append(
                Problem(
                    ACTUALS_FILE,
                    src.line,
                    "focus",
                    f"no file matches {src.file!r}",
                    "FOCUS exports under actuals/ matching the pattern",
                )
            )
        out.extend(replace(src, file=f, pattern=src.file) for f in found)
    return out


def _option_in_execution(
    settings: ActualsSettings, decisions: list[DecisionRecord], f: _File
) -> tuple[str | None, str]:
    accepted = [d for d in decisions if d.status == "accepted" and d.chosen]
    if accepted:
        d = max(accepted, key=lambda d: d.number)
        if settings.option and settings.option != d.chosen:
            f.problem(
                ("option",),
                f"option {settings.option!r} differs from {d.chosen!r}, "
                f"chosen by accepted record {d.number:04d}",
                "the accepted decision's option (or no option: key)",
            )
        return d.chosen, f"decision {d.number:04d}"
    if settings.option:
        return settings.option, "settings"
    return None, ""


def read_actuals(
    root: Path,
    settings: Settings | None,
    options: list[Option] | None,
    items: list[CostItem],
    decisions: list[DecisionRecord],
    problems: list[Problem],
    notices: list[str],
) -> Actuals | None:
    """The workspace's actuals, or None when it has no ``actuals/actuals.yaml``.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ws = load_workspace("data/examples/vaccine-booking")
    >>> ws.actuals.option, ws.actuals.settings.as_of
    ('saas', '2026-10')
    """
    if not (root / ACTUALS_FILE).exists():
        folder = root / ACTUALS_DIR
        dropped = sorted(p.name for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []
        if dropped:  # exports dropped in without settings: say that nothing was imported
            language = settings.language if settings is not None else "en"
            shown = ", ".join(dropped[:MAX_LISTED])
            if len(dropped) > MAX_LISTED:
                shown += msg("act_n_more", language, count=len(dropped) - MAX_LISTED)
            notices.append(
                msg(
                    "act_n_no_settings",
                    language,
                    folder=ACTUALS_DIR,
                    file=ACTUALS_FILE,
                    files=shown,
                )
            )
        return None
    f = _load_yaml_file(root, ACTUALS_FILE, problems, notices)
    if f is None or settings is None:
        return None
    by_id = {i.id: i for i in items}
    s = _read_settings(f, by_id, {o.id for o in options or []})
    if s is None:
        return None
    option, source = _option_in_execution(s, decisions, f)
    ctx = _Ctx(root, settings, by_id, s.rates, problems, notices)
    entries: list[dict[str, Any]] = []
    files: list[dict[str, Any]] = []
    with localcontext() as dc:
        dc.prec = DECIMAL_DIGITS  # sums of decimal128(38, 18) amounts stay exact
        for led in _expand_ledgers(s.ledgers, root, problems):
            n0 = len(ctx.problems)
            got = read_ledger(led, ctx)
            ctx.problems[n0:] = [_column_said(p) for p in ctx.problems[n0:]]
            entries.extend(got)
            files.append(_file_row(f"{ACTUALS_DIR}/{led.file}", "ledger", got, len(got)))
        for foc in _expand(s.focus, root, problems):
            got_f, n = read_focus(foc, ctx)
            entries.extend(got_f)
            files.append(_file_row(f"{ACTUALS_DIR}/{foc.file}", "focus", got_f, n))
    frame = pd.DataFrame(entries, columns=ENTRY_COLUMNS) if entries else empty_entries()
    frame = frame.astype({"row": "int64", "rows": "int64", "yen": "int64"})
    if s.as_of is not None:
        later = frame[frame["month"] > s.as_of]
        if len(later):
            ctx.note(
                "act_n_after",
                file=ACTUALS_FILE,
                count=len(later),
                yen=f"{int(later['yen'].sum()):,}",
                as_of=s.as_of,
            )
    table = pd.DataFrame(files, columns=_FILE_COLUMNS).set_index("file")
    language = settings.language if settings is not None else "en"
    return Actuals(s, frame, table, option, source, language)


_FILE_COLUMNS = [
    "file",
    "kind",
    "rows_read",
    "rows_mapped",
    "rows_unmapped",
    "mapped",
    "unmapped",
    "imported",
]


def _file_row(file: str, kind: str, got: list[dict[str, Any]], n: int) -> dict[str, Any]:
    tot: dict[str, int] = defaultdict(int)
    for e in got:
        tot[e["status"]] += e["yen"]
        tot["rows_" + e["status"]] += e["rows"]
    return {
        "file": file,
        "kind": kind,
        "rows_read": n,
        "rows_mapped": tot["rows_mapped"],
        "rows_unmapped": tot["rows_unmapped"],
        "mapped": tot["mapped"],
        "unmapped": tot["unmapped"],
        "imported": tot["mapped"] + tot["unmapped"],
    }
