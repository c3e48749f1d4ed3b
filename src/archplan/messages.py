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
    # --- report: documents and handover pack (issue #11) ---
    "rep_knocked_out": {"en": "knocked out: {reason}", "ja": "除外：{reason}"},
    "rep_knocked_out_paren": {"en": " (knocked out: {reason})", "ja": "（除外：{reason}）"},
    "rep_basis": {
        "en": "What the figures rest on: settings and cost items",
        "ja": "数値の根拠：設定と費目",
    },
    "rep_basis_note": {
        "en": "Every number a cost item uses is either written in costs.yaml (shown here), "
        "an assumption from the register (linked) or a setting below.",
        "ja": "費目が用いる数値は、costs.yamlに書かれた値（下表）、前提条件の台帳の値"
        "（リンク先）、または下記の設定のいずれかである。",
    },
    "rep_settings": {"en": "Settings (settings.yaml)", "ja": "設定（settings.yaml）"},
    "rep_setting": {"en": "Setting", "ja": "項目"},
    "rep_value": {"en": "Value", "ja": "値"},
    "rep_fy_start": {"en": "Fiscal year starts", "ja": "会計年度の開始"},
    "rep_fy_start_value": {"en": "month {month}", "ja": "{month}月"},
    "rep_plan_period": {"en": "Plan period", "ja": "計画期間"},
    "rep_currency": {"en": "Currency", "ja": "通貨"},
    "rep_display_unit": {"en": "Display unit", "ja": "表示単位"},
    "rep_amounts_entered": {"en": "Amounts entered", "ja": "金額の入力"},
    "rep_tax_rate": {"en": "Consumption tax rate", "ja": "消費税率"},
    "rep_tax_from": {"en": "{rate} from {date}", "ja": "{date}から{rate}"},
    "rep_discount": {"en": "Discount rate (timing)", "ja": "割引率（時点の規約）"},
    "rep_timing_start": {
        "en": "first fiscal year at time 0",
        "ja": "初年度を時点0とする",
    },
    "rep_timing_end": {"en": "every year discounted", "ja": "各年度を割り引く"},
    "rep_xlsx_shown": {
        "en": "As every document shows them ({unit}; total rounded half-up, fiscal years "
        "apportioned to it)",
        "ja": "各文書での表示（{unit}。合計は四捨五入、年度別の額は合計に一致するよう配分）",
    },
    "rep_exchange": {"en": "Exchange rate ({currency})", "ja": "為替レート（{currency}）"},
    "rep_sharing_key": {"en": "Cost-sharing key", "ja": "費用分担の基準"},
    "rep_capitalisation": {
        "en": "Capitalisation threshold (yen)",
        "ja": "資産計上の基準額（円）",
    },
    "rep_parties": {"en": "Parties sharing the cost", "ja": "費用を分担する団体"},
    "rep_party": {"en": "Party", "ja": "団体"},
    "rep_party_value": {"en": "Key value ({basis})", "ja": "基準値（{basis}）"},
    "rep_party_share": {"en": "Share", "ja": "分担割合"},
    "rep_key_population": {"en": "population", "ja": "人口"},
    "rep_key_transactions": {"en": "transactions", "ja": "取引件数"},
    "rep_key_ratio": {"en": "ratio", "ja": "比率"},
    "rep_key_equal": {"en": "equal shares", "ja": "均等割"},
    "rep_items": {
        "en": "Cost items and the numbers they use (costs.yaml)",
        "ja": "費目と用いる数値（costs.yaml）",
    },
    "rep_item": {"en": "Item", "ja": "費目"},
    "rep_option": {"en": "Option", "ja": "選択肢"},
    "rep_kind": {"en": "Kind", "ja": "種別"},
    "rep_kind_cost": {"en": "cost", "ja": "費用"},
    "rep_kind_benefit": {"en": "benefit", "ja": "効果（便益）"},
    "rep_period": {"en": "Period", "ja": "期間"},
    "rep_inputs": {"en": "Numbers used", "ja": "用いる数値"},
    "rep_v_amount": {"en": "amount", "ja": "金額"},
    "rep_v_quantity": {"en": "quantity", "ja": "数量"},
    "rep_v_unit_price": {"en": "unit price", "ja": "単価"},
    "rep_v_growth": {"en": "growth", "ja": "増加率"},
    "rep_v_escalation": {"en": "escalation", "ja": "価格上昇率"},
    "rep_v_series": {"en": "quantities by year", "ja": "年度別数量"},
    "rep_v_tiers": {"en": "volume tiers", "ja": "段階料金"},
    "rep_v_percent_of": {"en": "percentage of {items}", "ja": "{items}に対する割合"},
    "rep_v_monthly": {"en": "amounts per month", "ja": "金額は月額"},
    "rep_v_every": {"en": "every {n} years", "ja": "{n}年ごと"},
    "rep_v_currency": {"en": "currency", "ja": "通貨"},
    "rep_state": {"en": "State", "ja": "状況"},
    "rep_overdue_decision": {
        "en": "overdue: still proposed after its decision date {date}",
        "ja": "決定遅延：決定日（{date}）を過ぎても提案中",
    },
    "rep_knocked_out_heading": {"en": "Knocked-out options", "ja": "必須条件で除外した選択肢"},
    "rep_rounding_note": {
        "en": "Each option's total is its exact total in yen rounded half-up to the display "
        "unit; its fiscal years, and every breakdown of them, are apportioned by the "
        "largest-remainder method so that they add up to it. The same quantity shows the "
        "same figure in every table and document. Options are alternatives and are never "
        "added up.",
        "ja": "各選択肢の合計は円単位の総額を表示単位に四捨五入した値とし、年度別の額と"
        "その内訳は合計に一致するよう最大剰余法で配分した。同じ数量はどの表・文書でも"
        "同じ値で示す。選択肢は択一の案であり、合算しない。",
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
