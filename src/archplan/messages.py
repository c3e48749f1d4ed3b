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
    # --- actuals (plan vs actual, 予実管理) ---
    "act_t_over": {
        "en": "actual of {name} to date is {actual} yen against a plan of {plan} ({change})",
        "ja": "{name}の年度内実績は{actual}円、計画{plan}円に対して{change}",
    },
    "act_t_forecast": {
        "en": "{what} of {name} at year end is {value} yen; the budget is {budget} yen",
        "ja": "{name}の年度末見込（{what}）は{value}円、予算は{budget}円",
    },
    "act_t_actual": {
        "en": "actual of {name} to date this year is {actual} yen",
        "ja": "{name}の年度内実績は{actual}円",
    },
    "act_plan_forecast": {"en": "plan forecast", "ja": "実績＋残り計画"},
    "act_run_rate": {"en": "run-rate forecast", "ja": "直近ペース"},
    "act_title": {"en": "Plan vs actual", "ja": "予実（計画と実績）"},
    "act_intro": {
        "en": (
            "{option} (the option in execution, from {source}); fiscal year {fy}, actuals up"
            " to {as_of} ({elapsed} of 12 months). Yen, tax-inclusive."
        ),
        "ja": (
            "{option}（執行中の案、{source}による）。{fy}、{as_of}までの実績（12か"
            "月中{elapsed}か月）。円・税込。"
        ),
    },
    "act_src_settings": {"en": "actuals.yaml", "ja": "actuals.yaml の指定"},
    "act_src_decision": {"en": "accepted record {number}", "ja": "承認済みの記録{number}"},
    "act_year": {
        "en": "The year so far and where it will land",
        "ja": "年度の執行状況と年度末見込",
    },
    "act_item": {"en": "Item", "ja": "費目"},
    "act_budget": {"en": "Budget (year)", "ja": "予算額（年度計画）"},
    "act_ptd": {"en": "Plan to date", "ja": "計画（累計）"},
    "act_atd": {"en": "Actual to date", "ja": "実績（累計）"},
    "act_variance": {"en": "Variance", "ja": "差異"},
    "act_variance_pct": {"en": "Variance %", "ja": "差異率"},
    "act_burn": {"en": "Burn of budget", "ja": "予算消化率"},
    "act_fc_plan": {
        "en": "Year end: actual + remaining plan",
        "ja": "年度末見込（実績＋残り計画）",
    },
    "act_fc_rr": {"en": "Year end: run rate", "ja": "年度末見込（直近ペース）"},
    "act_first": {"en": "First month over", "ja": "計画超過の初月"},
    "act_total": {"en": "Total", "ja": "合計"},
    "act_month": {"en": "Month", "ja": "月"},
    "act_plan": {"en": "Plan", "ja": "計画"},
    "act_actual": {"en": "Actual", "ja": "実績"},
    "act_cum_plan": {"en": "Cumulative plan", "ja": "計画累計"},
    "act_cum_actual": {"en": "Cumulative actual", "ja": "実績累計"},
    "act_monthly": {"en": "By month", "ja": "月別"},
    "act_forecast_note": {
        "en": (
            "Two forecasts: actual to date + the rest of the year's plan, and a run rate"
            " (per item, the mean actual of its last three active months × its remaining"
            " months with a planned amount). Neither is always right."
        ),
        "ja": (
            "年度末見込は2通り：実績＋残りの計画、および直近ペース（費目ごとに、直近"
            "3か月（計画か支出のあった月）の実績平均×残りの計画月数）。どちらが正しい"
            "とは限らない。"
        ),
    },
    "act_plan_end": {"en": "At the end of the plan", "ja": "計画期間末の見込"},
    "act_plan_total": {"en": "Plan total", "ja": "計画総額"},
    "act_contracts": {
        "en": "Contracts and multi-year commitments",
        "ja": "契約・債務負担行為の残額",
    },
    "act_ceiling": {"en": "Ceiling", "ja": "限度額"},
    "act_remaining": {"en": "Remaining (ceiling − actual)", "ja": "残額（限度額−実績）"},
    "act_forecast": {"en": "Forecast", "ja": "見込"},
    "act_headroom": {"en": "Headroom (ceiling − forecast)", "ja": "余裕（限度額−見込）"},
    "act_ev": {"en": "Earned value (milestones)", "ja": "出来高管理（マイルストーン）"},
    "act_ev_note": {
        "en": (
            "CPI = EV / AC; SPI = EV / PV; EAC (CPI) = BAC / CPI; EAC (additive) = AC + (BAC"
            " − EV); VAC = BAC − EAC (CPI)."
        ),
        "ja": (
            "CPI＝EV÷AC、SPI＝EV÷PV、EAC（CPI法）＝BAC÷CPI、EAC（加算法）＝AC＋（BA"
            "C−EV）、VAC＝BAC−EAC（CPI法）。"
        ),
    },
    "act_ix_EAC_cpi": {"en": "EAC (CPI)", "ja": "EAC（CPI法）"},
    "act_ix_EAC_additive": {"en": "EAC (additive)", "ja": "EAC（加算法）"},
    "act_index": {"en": "Index", "ja": "指標"},
    "act_value": {"en": "Value", "ja": "値"},
    "act_exec": {
        "en": "Budget and execution by fiscal year (予算額・執行額)",
        "ja": "年度別の予算額・執行額",
    },
    "act_fy": {"en": "Fiscal year", "ja": "年度"},
    "act_executed": {"en": "Executed", "ja": "執行額"},
    "act_rate": {"en": "Execution rate", "ja": "執行率"},
    "act_state": {"en": "State", "ja": "状態"},
    "act_state_closed": {"en": "closed", "ja": "確定"},
    "act_state_to date": {"en": "to date", "ja": "執行中"},
    "act_state_future": {"en": "future", "ja": "未執行"},
    "act_recon": {"en": "Every imported yen", "ja": "取込額の内訳"},
    "act_file": {"en": "File", "ja": "ファイル"},
    "act_rows": {"en": "Rows", "ja": "行数"},
    "act_mapped": {"en": "Mapped", "ja": "費目に対応"},
    "act_unmapped": {"en": "Unmapped", "ja": "未対応"},
    "act_imported": {"en": "Imported", "ja": "取込額"},
    "act_unmapped_list": {
        "en": "Unmapped entries (largest first; {shown} of {count})",
        "ja": "未対応の明細（金額の大きい順、{count}件中{shown}件）",
    },
    "act_row": {"en": "Line", "ja": "行"},
    "act_what": {"en": "Service or document", "ja": "サービス・伝票"},
    "act_reason": {"en": "Reason", "ja": "理由"},
    "act_burn_chart": {"en": "Burn against the year's budget", "ja": "年度予算の消化状況"},
    "act_budget_line": {"en": "Budget", "ja": "予算額"},
    "act_fc_plan_short": {"en": "Forecast (plan)", "ja": "見込（残り計画）"},
    "act_fc_rr_short": {"en": "Forecast (run rate)", "ja": "見込（直近ペース）"},
    "act_none": {
        "en": "No actuals: add actuals/actuals.yaml (see docs/actuals.md).",
        "ja": "実績はない（actuals/actuals.yaml を追加する。docs/actuals.md 参照）。",
    },
    "act_reason_outside": {"en": "outside the plan period", "ja": "計画期間外"},
    "act_reason_no_rule": {"en": "no mapping rule matches", "ja": "対応付けルールに該当しない"},
    "act_reason_unknown_item": {"en": "unknown item", "ja": "計画にない費目"},
    "act_x_fy": {"en": "Fiscal year", "ja": "年度"},
    "act_x_initial": {"en": "Initial budget", "ja": "当初予算額"},
    "act_x_supplementary": {"en": "Supplementary budget", "ja": "補正予算額"},
    "act_x_carried": {"en": "Carried over from the previous year", "ja": "前年度から繰越し"},
    "act_x_reserve": {"en": "Reserve funds etc.", "ja": "予備費等"},
    "act_x_total": {"en": "Total", "ja": "計"},
    "act_x_executed": {"en": "Executed", "ja": "執行額"},
    "act_x_rate": {"en": "Execution rate (%)", "ja": "執行率（%）"},
    "act_x_state": {"en": "State", "ja": "状態"},
    "act_x_sheet": {"en": "Budget execution", "ja": "予算執行"},
    "act_x_note": {
        "en": "option {option}; actuals up to {as_of}; yen, tax-inclusive; the initial budget "
        "is the plan, the other budget columns are to be filled in",
        "ja": (
            "採用案 {option}、{as_of}までの実績、円・税込。当初予算額は計画額。補正等の欄は記入する"
        ),
    },
    "act_n_sjis": {
        "en": "{file}: read as Shift_JIS (cp932)",
        "ja": "{file}: Shift_JIS（cp932）として読み込んだ",
    },
    "act_n_credit": {
        "en": "{where}: a credit of {yen} yen was counted against {item}",
        "ja": "{where}: {item}に{yen}円の減額（マイナス）を計上した",
    },
    "act_n_outside": {
        "en": (
            "{where}: dated {day}, outside the plan period ({first} … {last}): listed as unmapped"
        ),
        "ja": (
            "{where}: {day}付けで計画期間（{first}〜{last}）の外にあるため、未対応"
            "として一覧に載せた"
        ),
    },
    "act_n_unknown_item": {
        "en": (
            "{where}: unknown item {item} (expected a cost item id or a category of"
            " costs.yaml): listed as unmapped"
        ),
        "ja": (
            "{where}: 費目{item}は costs.yaml の費目にも区分にもないため、未対応として一覧に載せた"
        ),
    },
    "act_n_credit_up": {
        "en": (
            "{where}: {count} Credit row(s) with a positive amount were counted as "
            "given (FOCUS credits are negative)"
        ),
        "ja": "{where}: 金額が正のCredit行{count}行をそのまま計上した（FOCUSのクレジットは負の値）",
    },
    "act_n_tax_rows": {
        "en": (
            "{where}: {count} ChargeCategory Tax row(s) are mapped while tax: exclu"
            "sive adds consumption tax: tax may be counted twice (map Tax rows to n"
            "othing, or set tax: inclusive)"
        ),
        "ja": (
            "{where}: ChargeCategoryがTaxの{count}行を費目に対応付けたうえ、tax: ex"
            "clusive で消費税も加算している。税が二重になるおそれがある（Tax行は対"
            "応付けないか、tax: inclusive とする）"
        ),
    },
    "act_n_overlap": {
        "en": (
            "{file}: holds charges for {month} that {other} also holds (same provid"
            "er): check that the two exports do not overlap, or the month is counte"
            "d twice"
        ),
        "ja": (
            "{file}: {month}の請求を{other}も含んでいる（同じ事業者）。2つの出力が"
            "重複していないか確認する（重複していれば二重計上になる）"
        ),
    },
    "act_n_no_rule": {
        "en": (
            "{where}: {rows} row(s), {yen} yen left unmapped: they match no rule; a"
            "dd rules in {settings} (services {services})"
        ),
        "ja": (
            "{where}: {rows}行・{yen}円が未対応：どのルールにも該当しない。{setting"
            "s} にルールを追加する（サービス：{services}）"
        ),
    },
    "act_n_outside_rows": {
        "en": (
            "{where}: {rows} row(s), {yen} yen left unmapped: they are dated outsid"
            "e the plan period ({first} … {last}) (services {services})"
        ),
        "ja": (
            "{where}: {rows}行・{yen}円が未対応：計画期間（{first}〜{last}）の外の"
            "日付（サービス：{services}）"
        ),
    },
    "act_n_more": {"en": " and {count} more", "ja": " ほか{count}件"},
    "act_n_after": {
        "en": (
            "{file}: {count} entries ({yen} yen) dated after as_of {as_of} are impo"
            "rted but not counted until as_of moves"
        ),
        "ja": (
            "{file}: as_of（{as_of}）より後の{count}件（{yen}円）は取り込んだが、as"
            "_of を進めるまで集計しない"
        ),
    },
    "act_yen": {"en": "yen, tax-inclusive", "ja": "円・税込"},
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
