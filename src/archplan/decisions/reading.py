"""How a revisit trigger reads in the workspace's language.

A trigger is written in archplan's small expression language (``users > 2000``,
``price rises more than 20 %``); documents keep the expression as written and, in a
Japanese workspace, add its reading (``users > 2000（usersが2000を超える）``).
"""

from __future__ import annotations

from archplan.decisions.triggers import parse_trigger
from archplan.errors import InputError
from archplan.messages import Localized, msg

__all__ = ["trigger_reading", "trigger_with_reading"]

_OPS = {">": "tr_gt", ">=": "tr_ge", "<": "tr_lt", "<=": "tr_le", "=": "tr_eq", "==": "tr_eq"}


def trigger_reading(text: str, language: str) -> str:
    """The trigger as a sentence in ``language`` ("" when it cannot be parsed).

    Examples
    --------
    >>> trigger_reading("users > 2000", "ja")
    'usersが2000を超える'
    >>> trigger_reading("P90 total of saas > 200,000,000", "ja")
    'saasの総費用のP90が200,000,000円を超える'
    >>> trigger_reading("price rises more than 20 %", "en")
    'price rises by more than 20 %'
    """
    try:
        kind, parts = parse_trigger(text)
    except InputError:
        return ""
    if kind == "compare":
        name, op, num = parts
        return msg("tr_compare", language, name=name, op=Localized(_OPS[op]), value=num)
    if kind == "change":
        name, direction, pct = parts
        return msg("tr_" + direction.lower(), language, name=name, pct=pct)
    if kind == "total":
        p, option, op, num = parts
        values: dict[str, object] = {"option": option, "op": Localized(_OPS[op]), "value": num}
        if p:
            return msg("tr_total_p", language, p=p.upper(), **values)
        return msg("tr_total", language, **values)
    if kind == "first":
        return msg("tr_first", language)
    if kind == "knocked":
        return msg("tr_knocked", language, option=parts[0])
    return _other_reading(kind, parts, language)


def _other_reading(kind: str, parts: tuple[str, ...], language: str) -> str:
    """Readings of the time and spending triggers ("" for a kind with none), so that no
    trigger is read as another kind's sentence.

    Examples
    --------
    >>> _other_reading("actual_over", ("saas-fee", "10"), "ja")
    'saas-feeの実績が計画を10%を超えて上回る'
    >>> _other_reading("days", ("FY2028", "<", "90"), "ja")
    '令和10年度までの日数が90未満'
    >>> _other_reading("days", ("support end of os", "<", "365"), "ja")
    'osのセキュリティサポート終了までの日数が365未満'
    """
    if kind == "days":
        target, op, num = parts
        if language != "en":  # the English reading keeps the target as written
            from archplan.timing.triggers import days_target_reading

            target = days_target_reading(target, language)
        return msg("dfx_tr_days", language, target=target, op=Localized(_OPS[op]), value=num)
    if kind == "actual_over":
        return msg("dfx_tr_actual_over", language, item=parts[0], pct=parts[1])
    if kind == "forecast_over":
        key = "dfx_tr_run_rate_over" if parts[0] else "dfx_tr_forecast_over"
        return msg(key, language, item=parts[1])
    if kind == "actual_compare":
        item, op, num = parts
        return msg("dfx_tr_actual_compare", language, item=item, op=Localized(_OPS[op]), value=num)
    return ""


def trigger_with_reading(text: str, language: str) -> str:
    """The expression as written, followed in a Japanese workspace by its reading.

    Examples
    --------
    >>> trigger_with_reading("another option ranks first", "ja")
    'another option ranks first（別の選択肢が1位になる）'
    >>> trigger_with_reading("another option ranks first", "en")
    'another option ranks first'
    """
    reading = trigger_reading(text, language) if language != "en" else ""
    return f"{text}（{reading}）" if reading else text
