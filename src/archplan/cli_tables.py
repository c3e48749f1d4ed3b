"""Tables as the command line prints them, in the reader's language.

The analysis functions return DataFrames whose column names are identifiers (documented,
stable, used in code). A command that prints one renames its index and columns to their
catalogue headings, writes yes/no for booleans and "—" where there is nothing, so that a
Japanese workspace's output has no English that archplan wrote (``archplan timing``,
``archplan actuals``).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from archplan.messages import msg

__all__ = ["shown"]


def shown(
    table: pd.DataFrame,
    headings: Mapping[str, str],
    language: str,
    *,
    words: Mapping[str, str] | None = None,
    total: str | None = None,
) -> pd.DataFrame:
    """``table`` for printing in ``language``.

    Parameters
    ----------
    table : DataFrame
    headings : mapping
        Column (or index) name → catalogue key of its heading; names not listed stay.
    language : {"ja", "en"}
    words : mapping, optional
        Cell values that are codes (``declared``, ``ledger``) → catalogue key.
    total : str, optional
        Catalogue key for an index label ``total``.

    Examples
    --------
    >>> t = pd.DataFrame({"covered": [True, None]}, index=pd.Index(["a", "total"], name="option"))
    >>> s = shown(t, {"option": "tim_option", "covered": "tim_covered"}, "ja", total="act_total")
    >>> s.index.name, s.to_dict()
    ('案', {'計画上の対応': {'a': '該当', '合計': '—'}})
    """
    words = words or {}

    def cell(v: object) -> object:
        if v is True or v is False:
            return msg("yes" if v else "no", language)
        if v is None or (not isinstance(v, str) and bool(pd.isna(v))):  # type: ignore[call-overload]
            return "—"
        if isinstance(v, str) and v in words:
            return msg(words[v], language)
        return v

    out = table.copy()
    for c in out.columns:
        col = out[c]
        numeric = pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col)
        if not numeric or col.isna().any():
            out[c] = pd.Series([cell(v) for v in col], index=out.index, dtype=object)
    if total is not None:
        out.index = pd.Index(
            [msg(total, language) if k == "total" else k for k in out.index], name=out.index.name
        )
    name = out.index.name
    out.index.name = msg(headings[str(name)], language) if name in headings else name
    return out.rename(columns=lambda c: msg(headings[c], language) if c in headings else c)
