"""Scales on which options are scored, and the numbers each mark stands for.

Japanese comparison tables (比較表) score with marks ◎ ○ △ ×; others use levels
(high / medium / low) or a Pugh matrix (+ / S / − against a baseline option). Each criterion
declares its scale; the mapping to numbers is explicit, may be overridden per criterion,
and is printed with every result. Common look-alike characters are accepted and read as
the canonical mark (``◯``/``〇`` as ``○``, ``x``/``✕`` as ``×``, ``高``/``H`` as ``high``…).
"""

from __future__ import annotations

from collections.abc import Mapping

from archplan.errors import InputError

__all__ = ["DEFAULT_MAPPINGS", "SCALES", "canonical", "describe_mapping", "to_number"]

SCALES = ("number", "marks", "levels", "pugh")

DEFAULT_MAPPINGS: dict[str, dict[str, float]] = {
    "marks": {"◎": 3.0, "○": 2.0, "△": 1.0, "×": 0.0},
    "levels": {"high": 3.0, "medium": 2.0, "low": 1.0},
    "pugh": {"+": 1.0, "S": 0.0, "-": -1.0},
}

_ALIASES: dict[str, dict[str, str]] = {
    "marks": {
        "◯": "○",
        "〇": "○",
        "o": "○",
        "O": "○",
        "✕": "×",
        "✖": "×",
        "x": "×",
        "X": "×",
        "⊚": "◎",
        "▲": "△",
    },
    "levels": {
        "高": "high",
        "中": "medium",
        "低": "low",
        "h": "high",
        "m": "medium",
        "l": "low",
        "med": "medium",
        "mid": "medium",
        "H": "high",
        "M": "medium",
        "L": "low",
        "High": "high",
        "Medium": "medium",
        "Low": "low",
        "HIGH": "high",
        "MEDIUM": "medium",
        "LOW": "low",
    },
    "pugh": {
        "＋": "+",
        "−": "-",
        "－": "-",
        "–": "-",
        "s": "S",
        "0": "S",
        "same": "S",
        "Same": "S",
        "SAME": "S",
        "=": "S",
    },
}


def canonical(scale: str, text: str) -> str | None:
    """The canonical mark for ``text`` on ``scale``, or None if it is not one.

    Examples
    --------
    >>> canonical("marks", "◯"), canonical("levels", "高"), canonical("pugh", "−")
    ('○', 'high', '-')
    >>> canonical("marks", "good") is None
    True
    """
    t = text.strip()
    if scale not in DEFAULT_MAPPINGS:
        return None
    t = _ALIASES[scale].get(t, t)
    return t if t in DEFAULT_MAPPINGS[scale] else None


def to_number(scale: str, text: str, mapping: Mapping[str, float] | None = None) -> float:
    """The number a cell stands for on its criterion's scale.

    Raises :class:`~archplan.errors.InputError` (a ``ValueError``) naming what was expected.

    Examples
    --------
    >>> to_number("marks", "◎"), to_number("marks", "△", {"◎": 5, "○": 3, "△": 1, "×": 0})
    (3.0, 1.0)
    >>> to_number("number", "１２")  # full-width digits, as typed with a Japanese IME
    12.0
    """
    if scale == "number":
        import unicodedata

        t = unicodedata.normalize("NFKC", text).strip().replace(",", "")
        try:
            value = float(t)
        except ValueError:
            raise InputError(f"{text!r} is not a number") from None
        if value != value or value in (float("inf"), float("-inf")):
            raise InputError(f"{text!r} is not a finite number")
        return value
    mark = canonical(scale, text)
    table = dict(mapping) if mapping else DEFAULT_MAPPINGS[scale]
    if mark is None or mark not in table:
        raise InputError(
            f"{text!r} is not a mark of the {scale} scale ({' '.join(DEFAULT_MAPPINGS[scale])})"
        )
    return float(table[mark])


def describe_mapping(
    scale: str, mapping: Mapping[str, float] | None = None, language: str = "en"
) -> str:
    """``◎=3, ○=2, △=1, ×=0`` — for printing next to results, in ``language``.

    Examples
    --------
    >>> describe_mapping("pugh")
    '+=1, S=0, -=-1'
    >>> describe_mapping("levels", language="ja")
    '高=3、中=2、低=1'
    """
    from archplan.messages import MESSAGES, msg

    if scale == "number":
        return msg("scale_numbers", language)
    table = dict(mapping) if mapping else DEFAULT_MAPPINGS[scale]

    def mark(k: str) -> str:
        key = f"level_{k}" if scale == "levels" else ""
        return msg(key, language) if key in MESSAGES else k

    sep = "、" if language == "ja" else ", "
    return sep.join(f"{mark(k)}={v:g}" for k, v in table.items())
