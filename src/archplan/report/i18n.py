"""Report labels: a thin lookup into the one catalogue, :data:`archplan.messages.MESSAGES`.

Every label lives there under ``lbl_<key>`` (ranking conventions under ``conv_<key>``,
decision statuses under ``lbl_st_<status>``), with its English and Japanese text side by
side; this module only keeps the short names the report code uses.
"""

from __future__ import annotations

from archplan.messages import MESSAGES, template

__all__ = [
    "asset_label",
    "category_label",
    "colon",
    "has_label",
    "label",
    "notice_text",
    "paren",
    "sharing_key_label",
    "status_label",
    "trigger_html",
]


def label(key: str, language: str) -> str:
    """The label for ``key`` in ``language``, placeholders unfilled.

    Examples
    --------
    >>> label("npv", "ja"), label("npv", "en"), label("conv_ties", "ja")
    ('正味現在価値', 'NPV', '同点の扱い')
    """
    if key.startswith("conv_") and key in MESSAGES:
        return template(key, language)
    return template("lbl_" + key, language)


def has_label(key: str) -> bool:
    """Whether a label exists (for keys built from data).

    Examples
    --------
    >>> has_label("conv_method"), has_label("conv_nonsense")
    (True, False)
    """
    return key in MESSAGES or "lbl_" + key in MESSAGES


def status_label(status: str, language: str) -> str:
    """A decision's status in the one vocabulary of reports and handover packs.

    Examples
    --------
    >>> status_label("accepted", "ja"), status_label("accepted", "en")
    ('承認', 'accepted')
    """
    key = "lbl_st_" + status
    return template(key, language) if key in MESSAGES else status


def category_label(category: str, language: str) -> str:
    """A cost category (``build``, ``cloud`` …) in ``language``; unknown ones as written.

    Examples
    --------
    >>> category_label("subscription", "ja"), category_label("subscription", "en")
    ('利用料', 'Subscriptions')
    """
    key = "cat_" + category
    return template(key, language) if key in MESSAGES else category


def sharing_key_label(key: str, language: str) -> str:
    """A sharing key (``population`` …) in ``language``; a key of the user's own as written.

    Examples
    --------
    >>> sharing_key_label("population", "ja"), sharing_key_label("beds", "ja")
    ('人口', 'beds')
    """
    name = "rep_key_" + key
    return template(name, language) if name in MESSAGES else key


def notice_text(notice: str, language: str) -> str:
    """A workspace notice as every command and document shows it: in ``language``, as
    ``archplan check`` prints it (notices are kept in English where they are made).

    Examples
    --------
    >>> notice_text("costs.yaml: a byte-order mark was ignored", "ja")
    'costs.yaml：バイトオーダーマーク（BOM）を無視した'
    """
    from archplan.messages import localize

    return localize(notice, language)


def trigger_html(text: str, language: str) -> str:
    """A revisit trigger for a document: the expression as code, then (in a Japanese
    workspace) its reading. Returns escaped HTML.

    Examples
    --------
    >>> trigger_html("users > 2000", "ja")
    '<code>users &gt; 2000</code>（usersが2000を超える）'
    """
    import html

    from archplan.decisions.reading import trigger_reading

    reading = trigger_reading(text, language) if language != "en" else ""
    code = f"<code>{html.escape(text)}</code>"
    return code + (f"（{html.escape(reading)}）" if reading else "")


def asset_label(asset: str, language: str) -> str:
    """An asset class for depreciation (``server`` …) in ``language``; unknown ones as written.

    Examples
    --------
    >>> asset_label("server", "ja")
    'サーバー'
    """
    key = "asset_" + asset
    return template(key, language) if key in MESSAGES else asset


def paren(text: str, language: str) -> str:
    """``text`` in brackets after a word: full-width （…） in Japanese, " (…)" otherwise.

    Examples
    --------
    >>> "合計" + paren("千円", "ja"), "Total" + paren("thousand yen", "en")
    ('合計（千円）', 'Total (thousand yen)')
    """
    return f"（{text}）" if language == "ja" else f" ({text})"


def colon(language: str) -> str:
    """The colon after a label: full-width "：" in Japanese, ":" otherwise.

    Examples
    --------
    >>> colon("ja"), colon("en")
    ('：', ':')
    """
    return "：" if language == "ja" else ":"
