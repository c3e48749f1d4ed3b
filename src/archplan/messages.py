"""Messages that end up in reports, in Japanese and English.

Computations that explain themselves (knock-out reasons, notes on how inputs were
treated, ceiling warnings, trigger verdicts) take the workspace's language and format
their sentences here, so a Japanese report has no English sentences in it.
"""

from __future__ import annotations

__all__ = ["MESSAGES", "msg"]

MESSAGES: dict[str, dict[str, str]] = {
    "must_not": {"en": "{name}: {value} is not acceptable", "ja": "{name}：{value}は許容されない"},
    "must_min": {
        "en": "{name}: {value} is below the minimum {limit}",
        "ja": "{name}：{value}が下限{limit}を下回る",
    },
    "must_max": {
        "en": "{name}: {value} is above the maximum {limit}",
        "ja": "{name}：{value}が上限{limit}を上回る",
    },
    "from_costs": {
        "en": "{name}: taken from the cost model ({what}, yen, tax-inclusive)",
        "ja": "{name}：費用計画から算出（{what}、円・税込）",
    },
    "cost_total": {"en": "total over the plan", "ja": "計画期間の総額"},
    "cost_npv": {"en": "NPV", "ja": "正味現在価値"},
    "missing": {
        "en": "{name}: missing score for {options}; {how}",
        "ja": "{name}：{options}の評価が欠けているため、{how}",
    },
    "imputed": {"en": "imputed {value}", "ja": "{value}で補完した"},
    "worst": {
        "en": "used the worst value given ({value})",
        "ja": "他の選択肢の最も悪い値（{value}）を用いた",
    },
    "target": {
        "en": "{name}: scored by distance from {what} (0 = on target)",
        "ja": "{name}：{what}からの距離で評価した（0が最良）",
    },
    "target_value": {"en": "the target {value}", "ja": "目標値{value}"},
    "target_range": {"en": "the range [{lo}, {hi}]", "ja": "許容範囲[{lo}, {hi}]"},
    "weights": {"en": "weights: {how}", "ja": "重み：{how}"},
    "weights_run": {
        "en": "weights: set for this run (not the workspace's)",
        "ja": "重み：この計算のために指定（ワークスペースの重みではない）",
    },
    "w_direct": {"en": "direct points", "ja": "直接配点"},
    "w_swing": {"en": "swing weighting", "ja": "スイング法"},
    "w_roc": {
        "en": "rank-order centroid from the ranking of criteria",
        "ja": "評価項目の順位からの順位重心法（ROC）",
    },
    "w_rank-sum": {
        "en": "rank sum from the ranking of criteria",
        "ja": "評価項目の順位からの順位和法",
    },
    "w_ahp": {
        "en": "AHP eigenvector from {n} pairwise table(s){group}; λmax = {lam}, "
        "CI = {ci}, CR = {cr} (random index: {table})",
        "ja": "AHP固有ベクトル法（一対比較表{n}件{group}）；λmax = {lam}、CI = {ci}、"
        "CR = {cr}（ランダム整合度：{table}）",
    },
    "w_group": {"en": " combined by geometric mean", "ja": "、幾何平均で統合"},
    "ceiling": {
        "en": "contract {id} ({name}): total {total} yen exceeds its ceiling "
        "{ceiling} yen by {over} yen",
        "ja": "契約{id}（{name}）：総額{total}円が限度額{ceiling}円を{over}円上回る",
    },
    "dep_copula": {
        "en": "Gaussian copula on declared Spearman rank correlations",
        "ja": "宣言された順位相関（スピアマン）をガウス・コピュラで反映",
    },
    "dep_none": {"en": "independent (no correlations declared)", "ja": "独立（相関の宣言なし）"},
    "dep_ignored": {
        "en": "independent (correlations ignored)",
        "ja": "独立（宣言された相関を無視）",
    },
    "t_compare": {"en": "{name} is {now} now", "ja": "{name}は現在{now}"},
    "t_change": {
        "en": "{name} was {then} when decided and is {now} now ({change})",
        "ja": "{name}は決定時{then}、現在{now}（{change}）",
    },
    "t_total": {
        "en": "{what} total of {option} is {value} yen",
        "ja": "{option}の{what}総費用は{value}円",
    },
    "t_first": {
        "en": "{first} ranks first now (chosen: {chosen})",
        "ja": "現在の1位は{first}（採用：{chosen}）",
    },
    "t_knocked": {"en": "{option} is {state} knocked out", "ja": "{option}は現在{state}"},
    "t_knocked_yes": {"en": "now", "ja": "必須条件で除外される"},
    "t_knocked_no": {"en": "not", "ja": "除外されない"},
    # --- public API errors (examples helper, issue #12) ---
    "api_unknown_option": {
        "en": "unknown option {name!r} (expected one of {known})",
        "ja": "選択肢 {name!r} はない（次のいずれか：{known}）",
    },
    "api_unknown_criterion": {
        "en": "unknown criterion {name!r} (expected one of {known})",
        "ja": "評価項目 {name!r} はない（次のいずれか：{known}）",
    },
    "ex_service_before_go_live": {
        "en": "costs.yaml: item {item!r} ({category}) starts {start}, "
        "before option {option!r} goes live {go_live}",
        "ja": "costs.yaml：費目 {item!r}（{category}）が {start} から計上されているが、"
        "選択肢 {option!r} の稼働は {go_live}",
    },
}


def msg(key: str, language: str = "en", **values: object) -> str:
    """A message in ``language`` (English when it has no translation).

    Examples
    --------
    >>> msg("must_not", "ja", name="データの国内保管", value="×")
    'データの国内保管：×は許容されない'
    """
    table = MESSAGES[key]
    return table.get(language, table["en"]).format(**values)
