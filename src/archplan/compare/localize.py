"""A ranking's conventions in the reader's language.

:attr:`Ranking.conventions <archplan.compare.result.Ranking.conventions>` is the record
(English keys and values, enough to reproduce the numbers); this turns it into what a
report or a notebook shows, with names and values from the message catalogue
(:data:`archplan.messages.MESSAGES`). Method names, symbols (``w_j``, ``Q``, ``S``) and
file names stay as written.
"""

from __future__ import annotations

from archplan.compare.methods import Method
from archplan.messages import MESSAGES, Localized, msg

__all__ = ["convention_texts"]


def _value(method: Method, key: str, value: str, language: str) -> str:
    specific = f"convv_{method.key}_{key}"
    if key == "method":
        return method.label_for(language)
    if key == "v" and hasattr(method, "v"):
        return msg(specific, language, v=f"{method.v:g}")
    if key == "thresholds" and hasattr(method, "q"):
        unit = (
            "convv_relative" if getattr(method, "thresholds_relative", True) else "convv_absolute"
        )
        q, p = getattr(method, "q", ""), getattr(method, "p", "")
        return msg(specific, language, q=q, p=p, unit=Localized(unit))
    if specific in MESSAGES and msg(specific, "en") == value:
        return msg(specific, language)
    if f"convv_{key}" in MESSAGES and msg(f"convv_{key}", "en") == value:
        return msg(f"convv_{key}", language)
    if key == "normalization" and f"norm_{value}" in MESSAGES:
        return msg(f"norm_{value}", language)
    if key == "preference function" and f"pref_{value}" in MESSAGES:
        return msg(f"pref_{value}", language)
    return value


def convention_texts(method: Method, conventions: dict[str, str], language: str) -> dict[str, str]:
    """Each convention's name and value in ``language``.

    A value the catalogue does not know (a convention added later) is kept as recorded.

    Examples
    --------
    >>> from archplan.compare.methods import TOPSIS
    >>> t = TOPSIS()
    >>> convention_texts(t, t.conventions(), "ja")["正規化"]
    'ベクトル正規化'
    >>> convention_texts(t, t.conventions(), "en")["normalisation"]
    'vector'
    """
    out = {}
    for key, value in conventions.items():
        name = msg(f"conv_{key}", language) if f"conv_{key}" in MESSAGES else key
        out[name] = _value(method, key, value, language)
    return out
