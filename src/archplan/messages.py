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
    # --- timing (support ends, contracts, when to act, cost of waiting) ---------------
    "tim_kind_security_end": {"en": "security support ends", "ja": "セキュリティサポート終了"},
    "tim_kind_maintenance_end": {"en": "maintenance ends", "ja": "保守期限"},
    "tim_kind_life_end": {"en": "useful life ends", "ja": "耐用年数満了"},
    "tim_kind_contract_end": {"en": "contract ends", "ja": "契約終了"},
    "tim_kind_commitment_end": {"en": "commitment period ends", "ja": "債務負担行為の期間終了"},
    "tim_kind_active_end": {"en": "active support ends", "ja": "通常サポート終了"},
    "tim_kind_extended_end": {"en": "extended support ends", "ja": "延長サポート終了"},
    "tim_undated": {"en": "an undated past day", "ja": "日付不明（終了済み）"},
    "tim_by_extended": {
        "en": "extended support ({items}) until {until}",
        "ja": "延長サポート（{items}）で{until}まで",
    },
    "tim_warn": {
        "en": "{option} keeps running {name} past the day its {kind} ({date}) until {until}"
        " with nothing planned ({days} days unsupported); add an upgrade or replacement"
        " item done by that day and list it under addressed_by, or add extended support",
        "ja": "{option}は{name}を{kind}（{date}）の後も{until}まで使い続けるが、対応が計画"
        "されていない（サポートのない期間{days}日）。期限までに完了する更新・移行の項目を"
        "addressed_byに挙げるか、延長サポートを追加すること",
    },
    "tim_title": {"en": "Timing: when to act", "ja": "タイミング：いつまでに何をするか"},
    "tim_intro": {
        "en": "The first end of support, maintenance, useful life, contract or commitment"
        " that each option runs into, and whether the plan covers it in time. A support"
        " date is the last supported day; an item counts as done at the end of the fiscal"
        " year (or month) it is budgeted in.",
        "ja": "各案が最初に直面するサポート・保守・耐用年数・契約・債務負担行為の終了と、"
        "計画がそれに間に合う対応を含むか。サポート終了日はサポートされる最終日とし、"
        "費用項目は計上した年度（または月）の末日に完了したものとみなす。",
    },
    "tim_option": {"en": "Option", "ja": "案"},
    "tim_act_by": {"en": "Act by", "ja": "期限"},
    "tim_fy": {"en": "Fiscal year", "ja": "年度"},
    "tim_what": {"en": "What ends", "ja": "終了するもの"},
    "tim_covered": {"en": "Covered by the plan", "ja": "計画上の対応"},
    "tim_yes": {"en": "yes: {by}", "ja": "あり：{by}"},
    "tim_no": {"en": "⚠ no ({days} days unsupported)", "ja": "⚠ なし（サポート外{days}日）"},
    "tim_nothing": {"en": "nothing ends during the plan", "ja": "計画期間中に終了するものはない"},
    "tim_windows": {"en": "Support windows", "ja": "サポート期間"},
    "tim_component": {"en": "Component", "ja": "構成要素"},
    "tim_release": {"en": "Release", "ja": "リリース"},
    "tim_active": {"en": "Active support", "ja": "通常サポート"},
    "tim_security": {"en": "Security support", "ja": "セキュリティサポート"},
    "tim_extended": {"en": "Extended support", "ja": "延長サポート"},
    "tim_other_end": {"en": "Maintenance / life / contract", "ja": "保守・耐用・契約"},
    "tim_source": {"en": "Source", "ja": "出典"},
    "tim_used_by": {"en": "Used by", "ja": "利用する案"},
    "tim_passed": {"en": "passed (no date)", "ja": "終了済み（日付なし）"},
    "tim_declared": {"en": "declared in components.yaml", "ja": "components.yamlで指定"},
    "tim_waiting_title": {
        "en": "The cost of deciding a year later: {option}",
        "ja": "決定を1年遅らせた場合の費用：{option}",
    },
    "tim_waiting_intro": {
        "en": "Starting later shifts the option's one-off items and its start, while the"
        " current system ({current}) keeps running, with its extended support, meanwhile."
        " Amounts over the plan, tax-inclusive.",
        "ja": "開始を遅らせると、当該案の一時費用と利用開始が後ろにずれ、その間は現行システム"
        "（{current}）の運用費と延長サポート費が続く。計画期間の金額（税込）。",
    },
    "tim_start": {"en": "Start", "ja": "開始年度"},
    "tim_total": {"en": "Total", "ja": "総額"},
    "tim_npv": {"en": "NPV", "ja": "正味現在価値"},
    "tim_eac": {"en": "EAC", "ja": "等価年間費用"},
    "tim_extra": {"en": "Extra vs. starting now", "ja": "直ちに開始した場合との差"},
    "tim_current_part": {"en": "of which current system", "ja": "うち現行システム"},
    "tim_roadmap": {"en": "Roadmap by fiscal year", "ja": "年度別ロードマップ"},
    "tim_build": {"en": "build / migration", "ja": "構築・移行"},
    "tim_golive": {"en": "go-live", "ja": "稼働開始"},
    "tim_contract": {"en": "contract / commitment", "ja": "契約・債務負担行為"},
    "tim_review": {"en": "review", "ja": "見直し"},
    "tim_fired": {"en": "trigger fired", "ja": "見直し条件が成立"},
    "tim_today": {"en": "as of", "ja": "基準日"},
    "tim_attribution": {
        "en": "End-of-life data: endoflife.date contributors (MIT), {source}.",
        "ja": "サポート終了日のデータ：endoflife.date contributors（MITライセンス）、{source}。",
    },
    "tim_calendar_row": {"en": "{name}: {kind}", "ja": "{name}：{kind}"},
    "tim_days_until": {
        "en": "{days} days until {what} ({date})",
        "ja": "{what}（{date}）まであと{days}日",
    },
    "tim_interval_title": {
        "en": "Economic replacement interval: {name}",
        "ja": "経済的な更新周期：{name}",
    },
    "tim_interval_intro": {
        "en": "Replacing every n years: the present value of one cycle (purchase, running"
        " costs by year of age, resale) and its equivalent annual cost at {rate}. The lowest"
        " EAC is the economic interval: {best} years.",
        "ja": "n年ごとに更新する場合の1周期の現在価値（購入、経過年数ごとの運用費、売却額）と、"
        "割引率{rate}での等価年間費用。等価年間費用が最小となる{best}年が経済的な更新周期。",
    },
    "tim_pv": {"en": "PV of a cycle", "ja": "1周期の現在価値"},
    "tim_interval": {"en": "Replace every (years)", "ja": "更新周期（年）"},
    "tim_best": {"en": " (lowest)", "ja": "（最小）"},
    "tim_open_n": {"en": " (open ends: {n})", "ja": "（未対応{n}件）"},
    "tim_sep": {"en": "; ", "ja": "、"},
    "tim_ended": {"en": "ended", "ja": "終了済み"},
    "tim_run": {"en": "running (recurring costs)", "ja": "運用（経常費用）"},
    "tim_lost_benefit": {"en": "Benefits lost", "ja": "失われる便益"},
    "tim_net_extra": {"en": "Extra incl. lost benefits", "ja": "便益を含む差"},
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
