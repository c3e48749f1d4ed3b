"""The one place where the ``archplan`` command turns a table into text.

A command says which columns of a DataFrame to show, under which catalogue header and as
what kind of value (:class:`Column`); :func:`text_table` formats every cell the way the
report does and lines the columns up for a terminal (Japanese characters count two
columns). The formatting is declared here once:

========== =================================================================================
kind       shown as
========== =================================================================================
text       as written
money      yen in the workspace's display unit, half-up, thousands separators, ▲ for
           negatives in Japanese (the report's convention: a figure equals the report's)
yen        whole yen, thousands separators, ▲ for negatives in Japanese (plan vs actual,
           as the report shows it)
count      a whole number with thousands separators
number     a number as people write it (:func:`archplan.money.format_number`)
pct        one decimal and ``%``
date       ISO (``2027-01-12``)
fy         the fiscal year's label (``令和8年度``, ``FY2026``)
bool       ✓ for yes, — for no
status     a decision's status in the one status vocabulary (``承認``, ``accepted``)
category   a cost category in the workspace language
========== =================================================================================

Missing values (``None``, ``NaN``, ``NA``, empty text) are shown as —. Machine-readable
output (``--csv``) does not come through here: it is the raw frame, stable and unformatted.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pandas as pd

from archplan.fiscal import fy_label
from archplan.messages import MESSAGES, template
from archplan.money import format_amount, format_number, to_unit
from archplan.report.i18n import category_label, status_label

__all__ = [
    "DASH",
    "Column",
    "Style",
    "cell",
    "heading",
    "is_missing",
    "render",
    "safe_streams",
    "text_table",
    "width",
]

#: What an empty cell shows.
DASH = "—"
#: What a true boolean shows (a false one shows :data:`DASH`).
CHECK = "✓"

_NUMERIC = frozenset({"money", "yen", "count", "number", "pct"})
KINDS = frozenset(
    {"text", "date", "fy", "bool", "status", "category"} | _NUMERIC,
)


@dataclass(frozen=True)
class Style:
    """How a workspace shows its figures: its language and display unit.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> Style.of(load_workspace("data/examples/food-lab"))
    Style(language='ja', unit='thousand')
    """

    language: str = "en"
    unit: str = "yen"

    @classmethod
    def of(cls, ws: Any) -> Style:
        """The style of a loaded workspace."""
        return cls(ws.settings.language, ws.settings.display_unit)


@dataclass(frozen=True)
class Column:
    """One column of a printed table.

    Parameters
    ----------
    key : str
        The frame's column, or the name of its index.
    header : str
        The catalogue key of the header (``lbl_total``, ``tim_act_by`` …).
    kind : str
        How to show the values (see the module's table); ``text`` by default.
    """

    key: str
    header: str
    kind: str = "text"

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind {self.kind!r}; known: {', '.join(sorted(KINDS))}")
        if self.header not in MESSAGES:
            raise KeyError(self.header)


def is_missing(value: object) -> bool:
    """Whether a cell is empty: ``None``, ``NaN``, ``NA``, ``NaT`` or blank text.

    Examples
    --------
    >>> [is_missing(v) for v in (None, float("nan"), pd.NA, "", " ", 0, False)]
    [True, True, True, True, True, False, False]
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, Decimal) and value.is_nan():
        return True
    return isinstance(value, str) and not value.strip()


def cell(value: object, kind: str, style: Style) -> str:
    """One value as the command prints it.

    Examples
    --------
    >>> ja, en = Style("ja", "thousand"), Style("en", "yen")
    >>> cell(98_340_000, "money", ja), cell(95_320_798.4, "money", en)
    ('98,340', '95,320,798')
    >>> cell(-8_815_947, "money", ja), cell(-8_815_947, "money", en)
    ('▲8,816', '-8,815,947')
    >>> cell(2026, "fy", ja), cell(2026, "fy", en), cell(None, "fy", ja)
    ('令和8年度', 'FY2026', '—')
    >>> cell(True, "bool", ja), cell(False, "bool", ja), cell(float("nan"), "text", en)
    ('✓', '—', '—')
    >>> cell("accepted", "status", ja), cell(date(2027, 1, 12), "date", ja)
    ('承認', '2027-01-12')
    >>> cell(23.349, "pct", ja), cell(1500, "count", en), cell(Decimal("0.025"), "number", en)
    ('23.3%', '1,500', '0.025')
    """
    if kind == "bool":
        return CHECK if (not is_missing(value) and bool(value)) else DASH
    if is_missing(value):
        return DASH
    lang = style.language
    if kind == "money":
        # The report's single-figure convention: half-up to the display unit.
        return format_amount(to_unit(value, style.unit), lang)  # type: ignore[arg-type]
    if kind == "yen":
        return format_amount(int(value), lang)  # type: ignore[call-overload]
    if kind == "count":
        return f"{int(value):,}"  # type: ignore[call-overload]
    if kind == "number":
        return format_number(value, lang)  # type: ignore[arg-type]
    if kind == "pct":
        return f"{float(value):,.1f}%"  # type: ignore[arg-type]  # as the report writes it
    if kind == "date":
        if isinstance(value, datetime):
            return value.date().isoformat()
        if isinstance(value, date):
            return value.isoformat()
        return str(value)
    if kind == "fy":
        return fy_label(int(value), lang)  # type: ignore[call-overload]
    if kind == "status":  # the one status vocabulary of reports and handover packs
        return status_label(str(value), lang)
    if kind == "category":
        return category_label(str(value), lang)
    if isinstance(value, bool):  # a stray boolean in a text column still reads as one
        return CHECK if value else DASH
    return str(value)


def heading(title: str, note: str, language: str) -> str:
    """A table's title followed by its unit note, spaced as the language writes it.

    Examples
    --------
    >>> heading("Total", "(thousand yen, tax-inclusive)", "en")
    'Total (thousand yen, tax-inclusive)'
    >>> heading("総額", "（千円・税込）", "ja")
    '総額（千円・税込）'
    """
    return f"{title}{note}" if language == "ja" else f"{title} {note}"


#: Stand-ins for the symbols a legacy terminal encoding (Shift_JIS / cp932 on Windows,
#: output redirected to a file) cannot write: the same width, so columns stay aligned.
FALLBACK = {"—": "-", "✓": "o", "⚠": "!", "≠": "#", "→": ">"}


def _fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(FALLBACK.get(ch, "?") for ch in bad), error.end


def safe_streams() -> None:
    """Let standard output and error write what their encoding cannot (an em dash or ✓
    to a cp932 file) as a same-width stand-in instead of failing; UTF-8 streams are left
    as they are.

    Examples
    --------
    >>> import codecs, io
    >>> safe_streams()
    >>> codecs.encode("— ✓ 承認", "cp932", "archplan").decode("cp932")
    '- o 承認'
    """
    import codecs
    import sys

    codecs.register_error("archplan", _fallback)
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            utf = codecs.lookup(encoding).name.startswith("utf")
        except LookupError:
            continue
        if not utf and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="archplan")


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (Japanese) characters count two.

    Examples
    --------
    >>> width("令和8年度"), width("FY2026"), width("▲8,816")
    (9, 6, 6)
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, size: int, right: bool) -> str:
    gap = " " * max(size - width(text), 0)
    return gap + text if right else text + gap


def render(header: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[bool]) -> str:
    """Aligned text of a header and rows of cells (numbers right-aligned), with a rule
    under the header; no trailing spaces.

    Examples
    --------
    >>> print(render(["案", "総額"], [["SaaS", "98,340"], ["現行", "3,960"]], [False, True]))
    案      総額
    ----  ------
    SaaS  98,340
    現行   3,960
    """
    sizes = [max([width(h)] + [width(r[j]) for r in rows]) for j, h in enumerate(header)]
    lines = [
        "  ".join(_pad(h, sizes[j], numeric[j]) for j, h in enumerate(header)),
        "  ".join("-" * s for s in sizes),
    ]
    lines += ["  ".join(_pad(c, sizes[j], numeric[j]) for j, c in enumerate(r)) for r in rows]
    return "\n".join(line.rstrip() for line in lines)


def _header(text: str) -> str:
    """A label as a column header: its first letter capitalised ("review by" → "Review
    by"); Japanese labels are unchanged."""
    return text[:1].upper() + text[1:]


def text_table(frame: pd.DataFrame, columns: Sequence[Column], style: Style) -> str:
    """A DataFrame as the command prints it: the columns asked for (a column's ``key``
    may name the index), headers from the catalogue, every cell formatted by kind.

    Examples
    --------
    >>> t = pd.DataFrame(
    ...     {"start_fy": [2027, 2028], "total": [98_340_000, 89_839_200]},
    ...     index=pd.Index([0, 1], name="delay"),
    ... )
    >>> cols = [Column("start_fy", "tim_start", "fy"), Column("total", "tim_total", "money")]
    >>> print(text_table(t, cols, Style("ja", "thousand")))
    開始年度      総額
    ----------  ------
    令和9年度   98,340
    令和10年度  89,839
    """
    lang = style.language
    header = [_header(template(c.header, lang)) for c in columns]
    index = list(frame.index)
    rows = []
    for k, (_, record) in enumerate(frame.iterrows()):
        row = []
        for c in columns:
            value = index[k] if c.key == frame.index.name and c.key not in frame else record[c.key]
            row.append(cell(value, c.kind, style))
        rows.append(row)
    return render(header, rows, [c.kind in _NUMERIC for c in columns])
