"""Messages that end up in reports, in Japanese and English.

Computations that explain themselves (knock-out reasons, notes on how inputs were
treated, ceiling warnings, trigger verdicts) take the workspace's language and format
their sentences here, so a Japanese report has no English sentences in it.
"""

from __future__ import annotations

__all__ = ["MESSAGES", "Localized", "localized", "msg", "template"]

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
    # Report labels (folded in from report/i18n.py's LABELS; looked up by label()).
    "lbl_report": {"en": "Options and cost report", "ja": "方式比較・費用試算報告"},
    "lbl_generated": {"en": "Generated", "ja": "作成日"},
    "lbl_author": {"en": "Author", "ja": "作成者"},
    "lbl_workspace": {"en": "Workspace", "ja": "ワークスペース"},
    "lbl_illustrative": {"en": "", "ja": ""},
    "lbl_options": {"en": "Options", "ja": "選択肢"},
    "lbl_option": {"en": "Option", "ja": "選択肢"},
    "lbl_description": {"en": "Description", "ja": "概要"},
    "lbl_ranking": {"en": "Ranking", "ja": "総合評価の順位"},
    "lbl_rank": {"en": "Rank", "ja": "順位"},
    "lbl_score": {"en": "Score", "ja": "総合点"},
    "lbl_criteria": {"en": "Criteria and weights", "ja": "評価項目と重み"},
    "lbl_criterion": {"en": "Criterion", "ja": "評価項目"},
    "lbl_direction": {"en": "Direction", "ja": "向き"},
    "lbl_weight": {"en": "Weight", "ja": "重み"},
    "lbl_benefit": {"en": "benefit (more is better)", "ja": "大きいほど良い"},
    "lbl_cost": {"en": "cost (less is better)", "ja": "小さいほど良い"},
    "lbl_ranking_note": {
        "en": "Weighted sum: each criterion's scores are scaled 0–1 (min–max, 1 = "
        "best, direction respected) and weighted; weights sum to 1.",
        "ja": "加重和法：評価項目ごとに得点を0〜1に正規化し（最小最大法、1が最良、向きを考"
        "慮）、合計1となる重みを掛けて合計した。",
    },
    "lbl_costs": {"en": "Costs by fiscal year", "ja": "年度別費用"},
    "lbl_cost_summary": {"en": "Cost summary", "ja": "費用の総括"},
    "lbl_item": {"en": "Item", "ja": "費目"},
    "lbl_category": {"en": "Category", "ja": "区分"},
    "lbl_total": {"en": "Total", "ja": "合計"},
    "lbl_npv": {"en": "NPV", "ja": "正味現在価値"},
    "lbl_unit_yen": {"en": "yen", "ja": "円"},
    "lbl_unit_thousand": {"en": "thousand yen", "ja": "千円"},
    "lbl_tax_inclusive": {"en": "tax-inclusive", "ja": "税込"},
    "lbl_tax_exclusive": {"en": "tax-exclusive", "ja": "税抜"},
    "lbl_npv_note": {
        "en": "NPV at a discount rate of {rate}; the first fiscal year is time 0 "
        "(numpy-financial convention).",
        "ja": "割引率{rate}で割り引いた正味現在価値（初年度を時点0とするnumpy-financialの規約）。",
    },
    "lbl_rounding_note": {
        "en": "Each cell is rounded half-up to the display unit; totals are the sums "
        "of the rounded cells.",
        "ja": "各欄を表示単位に四捨五入し、合計は四捨五入後の各欄の和とした。",
    },
    "lbl_cumulative": {"en": "Cumulative cost", "ja": "累積費用"},
    "lbl_fiscal_year": {"en": "Fiscal year", "ja": "年度"},
    "lbl_decisions": {"en": "Decision records", "ja": "意思決定記録"},
    "lbl_no_decisions": {"en": "No decision records yet.", "ja": "意思決定記録はまだない。"},
    "lbl_status": {"en": "Status", "ja": "状態"},
    "lbl_date": {"en": "Date", "ja": "日付"},
    "lbl_number": {"en": "No.", "ja": "番号"},
    "lbl_title": {"en": "Title", "ja": "件名"},
    "lbl_recommended": {"en": "Top-ranked option", "ja": "総合評価1位の選択肢"},
    "lbl_notices": {"en": "Notices", "ja": "読み込み時の注意"},
    "lbl_eac": {"en": "Equivalent annual cost", "ja": "等価年間費用"},
    "lbl_npv_note_end": {
        "en": "NPV at a discount rate of {rate}, every fiscal year discounted "
        "(spreadsheet NPV() convention).",
        "ja": "割引率{rate}で各年度を割り引いた正味現在価値（表計算ソフトのNPV()の規約）。",
    },
    "lbl_budget": {"en": "Budget by fiscal year", "ja": "年度別予算"},
    "lbl_by_category": {
        "en": "Costs by category over the plan",
        "ja": "区分別の費用（計画期間合計）",
    },
    "lbl_break_even": {"en": "Break-even", "ja": "損益分岐"},
    "lbl_break_even_note": {
        "en": "The fiscal year from which the first option's cumulative cost stays "
        "at or below the second's.",
        "ja": "前者の累積費用が後者以下になり、以後その状態が続く最初の年度。",
    },
    "lbl_versus": {"en": "Compared with", "ja": "比較対象"},
    "lbl_from_year": {"en": "Cheaper from", "ja": "安くなる年度"},
    "lbl_scenarios": {"en": "Scenarios: total cost over the plan", "ja": "シナリオ別の総費用"},
    "lbl_commitments": {"en": "Multi-year commitments", "ja": "債務負担行為（複数年契約）"},
    "lbl_contract": {"en": "Contract", "ja": "契約"},
    "lbl_period": {"en": "Period", "ja": "期間"},
    "lbl_commitment": {"en": "Commitment", "ja": "債務負担額"},
    "lbl_ceiling": {"en": "Ceiling", "ja": "限度額"},
    "lbl_within": {"en": "Within ceiling", "ja": "限度額内"},
    "lbl_depreciation": {
        "en": "Depreciation of capitalised purchases",
        "ja": "資産計上した機器等の減価償却",
    },
    "lbl_purchased": {"en": "Purchased", "ja": "取得年月"},
    "lbl_life": {"en": "Class / life (years)", "ja": "区分／耐用年数"},
    "lbl_after_plan": {"en": "After the plan", "ja": "計画期間後"},
    "lbl_depreciation_note": {
        "en": "Straight line by month from the month of purchase; purchases of "
        "{threshold} yen or more are capitalised.",
        "ja": "取得月からの月割の定額法。{threshold}円以上の取得を資産計上した。",
    },
    "lbl_sharing": {"en": "Shared use: each party's share", "ja": "共同利用の費用負担"},
    "lbl_sharing_note": {
        "en": "Cost of “{option}” shared by {key}; every year's shares add up "
        "exactly to that year's cost.",
        "ja": "「{option}」の費用を{key}で按分した。各年度の負担額の合計はその年度の費用に"
        "一致する。",
    },
    "lbl_party": {"en": "Party", "ja": "団体"},
    "lbl_net_benefit": {"en": "Net benefit", "ja": "純便益"},
    "lbl_benefit_row": {"en": "Benefits", "ja": "便益"},
    "lbl_cost_row": {"en": "Costs", "ja": "費用"},
    "lbl_net_row": {"en": "Net", "ja": "純便益"},
    "lbl_payback": {"en": "Payback year", "ja": "回収年度"},
    "lbl_risk": {"en": "Cost risk", "ja": "費用リスク"},
    "lbl_risk_note": {
        "en": "Monte Carlo: {trials:,} trials, seed {seed}, {dependence}; archplan "
        "{archplan}, numpy {numpy}, scipy {scipy}. The same seed and inputs "
        "give the same numbers.",
        "ja": "モンテカルロ法：試行{trials:,}回、乱数シード{seed}、依存関係：{"
        "dependence}。archplan {archplan}、numpy {n"
        "umpy}、scipy {scipy}。同じシードと入力からは同じ結果が得られる"
        "。",
    },
    "lbl_mean": {"en": "Mean", "ja": "平均"},
    "lbl_plan": {"en": "Plan", "ja": "計画額"},
    "lbl_plan_confidence": {"en": "Plan's confidence", "ja": "計画額の信頼水準"},
    "lbl_p_cheapest": {"en": "P(cheapest)", "ja": "最安となる確率"},
    "lbl_s_curve": {
        "en": "S-curve: probability that the total is at most",
        "ja": "Sカーブ：総費用がその額以下となる確率",
    },
    "lbl_probability": {"en": "Probability", "ja": "確率"},
    "lbl_contingency": {
        "en": "Contingency to reach P{level}: {option}",
        "ja": "P{level}を確保するための予備費：{option}",
    },
    "lbl_cont_plan": {"en": "Plan", "ja": "計画額"},
    "lbl_cont_own_quantile": {"en": "Each year's own quantile", "ja": "各年度単独の分位点"},
    "lbl_cont_allocated": {"en": "Contingency (allocated)", "ja": "予備費（配分）"},
    "lbl_cont_budget": {"en": "Budget request", "ja": "予算要求額"},
    "lbl_contingency_note": {
        "en": "The total contingency is the total's quantile minus the plan; it is "
        "shared among the years in proportion to each year's own shortfall, so "
        "that the years add up to the total's quantile (each year's own "
        "quantiles would add up to more).",
        "ja": "総額の分位点と計画額の差を予備費とし、各年度の不足額に比例して年度に配分した"
        "。各年度単独の分位点を合計すると総額の分位点を上回るためである。",
    },
    "lbl_prob_cheaper": {
        "en": "Probability that the row option costs less than the column option",
        "ja": "行の選択肢が列の選択肢より安くなる確率",
    },
    "lbl_tornado": {
        "en": "Tornado: each input from its P10 to its P90",
        "ja": "トルネード図：各入力をP10からP90まで動かしたとき",
    },
    "lbl_tornado_for": {
        "en": "What drives the cost of {option}",
        "ja": "{option}の費用を左右する要因",
    },
    "lbl_input": {"en": "Input", "ja": "入力"},
    "lbl_at_p10": {"en": "Total at P10", "ja": "P10での総費用"},
    "lbl_at_p90": {"en": "Total at P90", "ja": "P90での総費用"},
    "lbl_swing": {"en": "Swing", "ja": "振れ幅"},
    "lbl_variance_share": {"en": "Share of variance", "ja": "分散への寄与"},
    "lbl_rank_first": {
        "en": "Probability of ranking first with uncertain costs",
        "ja": "費用の不確実性を考慮して1位となる確率",
    },
    "lbl_p_first": {"en": "P(first)", "ja": "1位の確率"},
    "lbl_rank_first_note": {
        "en": "The cost criteria follow the simulated costs in {n:,} trials; the "
        "other scores and the weights are as entered.",
        "ja": "費用の評価項目は{n:,}回の試行の費用に従い、他の評価と重みは入力のとおり。",
    },
    "lbl_inputs": {"en": "Uncertain inputs", "ja": "不確実な入力"},
    "lbl_distribution": {"en": "Distribution", "ja": "分布"},
    "lbl_estimate": {"en": "estimate uncertainty", "ja": "見積の不確実性"},
    "lbl_timeline": {"en": "Timeline", "ja": "経緯"},
    "lbl_changed": {"en": "Changed", "ja": "変化"},
    "lbl_rel_supersedes": {"en": "supersedes", "ja": "置換元"},
    "lbl_rel_superseded-by": {"en": "superseded by", "ja": "置換先"},
    "lbl_rel_amends": {"en": "amends", "ja": "修正対象"},
    "lbl_rel_amended-by": {"en": "amended by", "ja": "修正元"},
    "lbl_rel_relates-to": {"en": "relates to", "ja": "関連"},
    "lbl_review_by": {"en": "review by", "ja": "見直し期限"},
    "lbl_review_overdue": {
        "en": "The review was due on {date}.",
        "ja": "見直し期限（{date}）を過ぎている。",
    },
    "lbl_trigger_fires": {"en": "A revisit trigger fires", "ja": "見直しの契機に該当"},
    "lbl_live_figures": {
        "en": "The figures it rests on, today",
        "ja": "この決定が依拠する数値（現在）",
    },
    "lbl_rank_now": {"en": "Rank now", "ja": "現在の順位"},
    "lbl_total_now": {"en": "Total now", "ja": "現在の総費用"},
    "lbl_chosen": {"en": "Chosen", "ja": "採用"},
    "lbl_excluded_short": {"en": "excluded", "ja": "除外"},
    "lbl_assumptions_then_now": {
        "en": "Assumptions: when decided and now",
        "ja": "前提条件：決定時と現在",
    },
    "lbl_assumption": {"en": "Assumption", "ja": "前提条件"},
    "lbl_when_decided": {"en": "When decided", "ja": "決定時"},
    "lbl_now": {"en": "Now", "ja": "現在"},
    "lbl_triggers": {"en": "Revisit triggers", "ja": "見直しの契機"},
    "lbl_recommendation_status": {"en": "Status of the recommendation", "ja": "推奨案の状態"},
    "lbl_no_recommendation": {
        "en": "No option passes the must-have criteria",
        "ja": "必須条件を満たす選択肢がない",
    },
    "lbl_status_unrecorded": {
        "en": "{option} ranks first; no decision recorded yet",
        "ja": "{option}が1位（意思決定記録は未作成）",
    },
    "lbl_status_recorded": {
        "en": "{option}: {status} (ADR-{number})",
        "ja": "{option}：{status}（ADR-{number}）",
    },
    "lbl_st_proposed": {"en": "proposed", "ja": "提案"},
    "lbl_st_accepted": {"en": "accepted", "ja": "承認"},
    "lbl_st_rejected": {"en": "rejected", "ja": "却下"},
    "lbl_st_deprecated": {"en": "deprecated", "ja": "廃止"},
    "lbl_contents": {"en": "Contents", "ja": "目次"},
    "lbl_summary": {"en": "Executive summary", "ja": "要旨"},
    "lbl_why": {"en": "Why", "ja": "理由"},
    "lbl_confidence_range": {"en": "Confidence range of the total", "ja": "総費用の信頼区間"},
    "lbl_no_uncertainty": {
        "en": "no uncertainty declared in this workspace",
        "ja": "このワークスペースでは不確実性を宣言していない",
    },
    "lbl_due_for_review": {"en": "Decisions due for review", "ja": "見直しが必要な意思決定"},
    "lbl_nothing_due": {
        "en": "No decision is past its review date, and no revisit trigger fires.",
        "ja": "見直し期限を過ぎた決定、見直しの契機に該当する決定はない。",
    },
    "lbl_handover": {"en": "Handover pack", "ja": "引継ぎ資料"},
    "lbl_handover_intro": {
        "en": "For whoever takes over this case: what was decided and why, what is "
        "still open, what the decisions rest on, what must be revisited and "
        "when, and where the files are.",
        "ja": "この案件を引き継ぐ方へ：何をなぜ決めたか、何が未決か、決定が依拠する前提、い"
        "つ何を見直すか、ファイルの所在をまとめた。",
    },
    "lbl_decided_open": {
        "en": "What is decided, and what is still open",
        "ja": "決定事項と未決事項",
    },
    "lbl_decided": {"en": "Decided", "ja": "決定済み"},
    "lbl_still_open": {"en": "Still open", "ja": "未決"},
    "lbl_closed": {
        "en": "Closed (superseded, rejected or deprecated)",
        "ja": "終了（置換・却下・廃止）",
    },
    "lbl_none": {"en": "None.", "ja": "なし。"},
    "lbl_links": {"en": "Links", "ja": "関連"},
    "lbl_assumptions_register": {"en": "Assumptions register", "ja": "前提条件の台帳"},
    "lbl_value": {"en": "Value", "ja": "値"},
    "lbl_unit": {"en": "Unit", "ja": "単位"},
    "lbl_source": {"en": "Source", "ja": "出典"},
    "lbl_as_of": {"en": "As of", "ja": "時点"},
    "lbl_age": {"en": "Age", "ja": "経過"},
    "lbl_stale": {"en": "stale", "ja": "要確認"},
    "lbl_no_date": {"en": "no date", "ja": "時点なし"},
    "lbl_age_days": {"en": "{days} days", "ja": "{days}日"},
    "lbl_stale_note": {
        "en": "An assumption older than {days} days, or without a date, is flagged "
        "as stale: {n} here. Check them first.",
        "ja": "時点が{days}日より古い、または時点のない前提条件を「要確認」とした（{n}件）"
        "。まずこれらを確認すること。",
    },
    "lbl_risks_heading": {"en": "Risks", "ja": "リスク"},
    "lbl_risk_event": {"en": "Risk event", "ja": "リスク事象"},
    "lbl_impact": {"en": "Impact", "ja": "影響額"},
    "lbl_review_calendar": {"en": "Review calendar", "ja": "見直し予定"},
    "lbl_when": {"en": "When", "ja": "時期"},
    "lbl_overdue": {"en": "overdue", "ja": "期限超過"},
    "lbl_in_days": {"en": "in {days} days", "ja": "{days}日後"},
    "lbl_no_trigger_fires": {"en": "no trigger fires", "ja": "該当する契機なし"},
    "lbl_files": {"en": "Where the files live", "ja": "ファイルの所在"},
    "lbl_workspace_folder": {"en": "Workspace folder", "ja": "ワークスペース"},
    "lbl_file": {"en": "File", "ja": "ファイル"},
    "lbl_contents_of_file": {"en": "Contents", "ja": "内容"},
    "lbl_f_settings": {
        "en": "settings: title, language, fiscal years, rates",
        "ja": "設定：表題、言語、年度、割引率・税率",
    },
    "lbl_f_options": {"en": "the options", "ja": "選択肢"},
    "lbl_f_criteria": {"en": "the comparison criteria and weights", "ja": "評価項目と重み"},
    "lbl_f_scores": {
        "en": "the scores (opens in a spreadsheet)",
        "ja": "評価（表計算ソフトで開ける）",
    },
    "lbl_f_assumptions": {
        "en": "the assumptions register, scenarios, correlations",
        "ja": "前提条件の台帳、シナリオ、相関",
    },
    "lbl_f_costs": {"en": "cost items, contracts, risk events", "ja": "費目、契約、リスク事象"},
    "lbl_f_decisions": {
        "en": "decision records (MADR Markdown)",
        "ja": "意思決定記録（MADR形式のMarkdown）",
    },
    "lbl_f_ahp": {"en": "pairwise comparisons (AHP)", "ja": "一対比較（AHP）"},
    "lbl_files_note": {
        "en": "Rebuild this document with: {rebuild}; check the workspace with: {check}; "
        "check the decision log with: {adr_check}.",
        "ja": "この資料の再作成：{rebuild}。ワークスペースの検証：{check}。"
        "意思決定記録の検証：{adr_check}。",
    },
    "lbl_comparison": {"en": "Comparison of options", "ja": "選択肢の比較"},
    "lbl_evidence": {"en": "Evidence", "ja": "評価の根拠"},
    "lbl_mapping": {"en": "Scale", "ja": "尺度"},
    "lbl_must": {"en": "Must-have", "ja": "必須条件"},
    "lbl_scores": {"en": "Scores as entered", "ja": "評価（入力のとおり）"},
    "lbl_excluded": {"en": "Knocked out before ranking", "ja": "必須条件による除外"},
    "lbl_reason": {"en": "Reason", "ja": "理由"},
    "lbl_all_excluded": {
        "en": "Every option fails a must-have criterion: nothing to rank.",
        "ja": "すべての選択肢が必須条件を満たさないため、順位を付けられない。",
    },
    "lbl_conventions": {"en": "Conventions used", "ja": "計算の規約"},
    "lbl_contributions": {"en": "What each criterion contributes", "ja": "評価項目ごとの寄与"},
    "lbl_robustness": {"en": "How robust is the ranking?", "ja": "順位の頑健性"},
    "lbl_stability": {"en": "Weight stability intervals", "ja": "重みの安定区間"},
    "lbl_stability_note": {
        "en": "How far each weight can move (the others keeping their proportions) "
        "before {winner} stops ranking first.",
        "ja": "各評価項目の重みを（他の重みの比率を保って）どこまで動かしても{winner}が1位"
        "のままかを示す。",
    },
    "lbl_lower": {"en": "From", "ja": "下限"},
    "lbl_upper": {"en": "To", "ja": "上限"},
    "lbl_below": {"en": "Below, first is", "ja": "下限未満での1位"},
    "lbl_above": {"en": "Above, first is", "ja": "上限超過での1位"},
    "lbl_weight_axis": {"en": "Weight", "ja": "重み"},
    "lbl_acceptability": {"en": "Rank acceptability", "ja": "順位の受容度"},
    "lbl_acceptability_note": {
        "en": "Share of {samples:,} weight vectors sampled around the given weights "
        "({mode}, concentration {concentration:g}, seed {seed}) under which "
        "each option takes each rank ({method}).",
        "ja": "与えた重みの周りに抽出した{samples:,}通りの重み（{mode}、集中度"
        "{concentration:g}、乱数シード{seed}）のもとで各選択肢が各"
        "順位になる割合（{method}）。",
    },
    "lbl_methods": {"en": "Ranking under each method", "ja": "手法ごとの順位"},
    "lbl_agreement": {"en": "Agreement", "ja": "一致"},
    "lbl_disagree": {"en": "methods disagree", "ja": "手法により異なる"},
    "lbl_value_for_money": {"en": "Value for money", "ja": "費用対効果"},
    "lbl_benefit_score": {"en": "Benefit score", "ja": "効果得点"},
    "lbl_efficient": {"en": "Pareto-efficient", "ja": "パレート効率的"},
    "lbl_too_few": {
        "en": "Fewer than two options remain after the knock-outs.",
        "ja": "必須条件による除外の後、比較できる選択肢が2つ未満である。",
    },
    "lbl_st_superseded": {"en": "superseded", "ja": "置換済"},
    "lbl_st_unknown": {"en": "unknown", "ja": "不明"},
    # Names of the ranking conventions (Ranking.conventions_for) and their values.
    "conv_method": {"en": "method", "ja": "手法"},
    "conv_normalization": {"en": "normalisation", "ja": "正規化"},
    "conv_contributions": {"en": "contributions", "ja": "寄与の意味"},
    "conv_ties": {"en": "ties", "ja": "同点の扱い"},
    "conv_weights": {"en": "weights", "ja": "重み"},
    "conv_knock-outs": {"en": "knock-outs", "ja": "足切り"},
    "conv_ideal": {"en": "ideal", "ja": "理想解"},
    "conv_v": {"en": "v", "ja": "v"},
    "conv_order": {"en": "order", "ja": "順位の向き"},
    "conv_preference function": {"en": "preference function", "ja": "選好関数"},
    "conv_thresholds": {"en": "thresholds", "ja": "閾値"},
    "convv_ties": {
        "en": "equal scores share the better rank; listed in the order of options.yaml",
        "ja": "同点は上位の順位を共有し、options.yaml の順に並べる",
    },
    "convv_weights": {"en": "rescaled to sum to 1", "ja": "合計が1になるよう換算"},
    "convv_knock-outs": {
        "en": "must-have criteria applied before ranking; excluded options do not affect "
        "normalisation",
        "ja": "必須条件は順位付けの前に適用し、除外した選択肢は正規化に影響しない",
    },
    "convv_wsm_contributions": {
        "en": "w_j × normalised score; they add up to the score",
        "ja": "w_j × 正規化した得点。合計すると総合点になる",
    },
    "convv_wpm_contributions": {
        "en": "w_j × ln(normalised score); they add up to ln(score)",
        "ja": "w_j × ln(正規化した得点)。合計すると ln(総合点) になる",
    },
    "convv_topsis_ideal": {
        "en": "best and worst weighted normalised value of each criterion",
        "ja": "評価項目ごとの重み付き正規化値の最良値と最悪値",
    },
    "convv_topsis_contributions": {
        "en": "w_j × (n_ij − worst)/(best − worst): an additive proxy, not an exact "
        "decomposition of the closeness",
        "ja": "w_j × (n_ij − 最悪値)/(最良値 − 最悪値)：加法的な近似であり、"
        "近接度の厳密な分解ではない",
    },
    "convv_vikor_v": {
        "en": "{v} (weight of the group utility S)",
        "ja": "{v}（集団効用Sの重み）",
    },
    "convv_vikor_normalization": {
        "en": "linear between best and worst value of each criterion",
        "ja": "評価項目ごとに最良値と最悪値の間で線形",
    },
    "convv_vikor_order": {"en": "ascending Q: lower is better", "ja": "Qの昇順（小さいほど良い）"},
    "convv_vikor_contributions": {
        "en": "w_j × regret on criterion j; they add up to S",
        "ja": "w_j × 評価項目jでの後悔。合計するとSになる",
    },
    "convv_promethee_contributions": {
        "en": "w_j × single-criterion net flow; they add up to the net flow",
        "ja": "w_j × 評価項目ごとの正味フロー。合計すると正味フローになる",
    },
    "convv_promethee_thresholds": {
        "en": "q = {q}, p = {p} ({unit})",
        "ja": "q = {q}、p = {p}（{unit}）",
    },
    "convv_relative": {"en": "of each criterion's range", "ja": "各評価項目の値域に対する割合"},
    "convv_absolute": {"en": "score units", "ja": "得点の単位"},
    "norm_minmax": {"en": "minmax", "ja": "最小最大法"},
    "norm_max": {"en": "max", "ja": "最大値法"},
    "norm_vector": {"en": "vector", "ja": "ベクトル正規化"},
    "norm_sum": {"en": "sum", "ja": "総和法"},
    "norm_none": {"en": "none", "ja": "なし"},
    "pref_usual": {"en": "usual", "ja": "通常型"},
    "pref_linear": {"en": "linear", "ja": "線形型"},
    # Method names (Method.label_for).
    "method_wsm": {"en": "Weighted sum", "ja": "加重和法"},
    "method_wpm": {"en": "Weighted product", "ja": "加重積法"},
    "method_topsis": {"en": "TOPSIS", "ja": "TOPSIS"},
    "method_vikor": {"en": "VIKOR", "ja": "VIKOR"},
    "method_promethee": {"en": "PROMETHEE II", "ja": "PROMETHEE II"},
    # i18n: categories, scales, scenarios, marks, triggers, errors, widgets, templates.
    "cat_build": {"en": "build", "ja": "構築"},
    "cat_hardware": {"en": "hardware", "ja": "機器"},
    "cat_software": {"en": "software", "ja": "ソフトウェア"},
    "cat_licence": {"en": "licence", "ja": "ライセンス"},
    "cat_subscription": {"en": "subscription", "ja": "利用料"},
    "cat_cloud": {"en": "cloud", "ja": "クラウド"},
    "cat_network": {"en": "network", "ja": "回線・ネットワーク"},
    "cat_labour": {"en": "labour", "ja": "人件費"},
    "cat_operation": {"en": "operation", "ja": "運用"},
    "cat_maintenance": {"en": "maintenance", "ja": "保守"},
    "cat_migration": {"en": "migration", "ja": "移行"},
    "cat_training": {"en": "training", "ja": "研修"},
    "cat_exit": {"en": "exit", "ja": "撤退"},
    "cat_benefit": {"en": "benefit", "ja": "便益"},
    "cat_other": {"en": "other", "ja": "その他"},
    "asset_software": {"en": "software", "ja": "ソフトウェア"},
    "asset_pc": {"en": "pc", "ja": "パソコン"},
    "asset_server": {"en": "server", "ja": "サーバー"},
    "asset_network": {"en": "network", "ja": "ネットワーク機器"},
    "level_high": {"en": "high", "ja": "高"},
    "level_medium": {"en": "medium", "ja": "中"},
    "level_low": {"en": "low", "ja": "低"},
    "scale_numbers": {"en": "numbers as entered", "ja": "入力した数値のまま"},
    "scenario_base": {"en": "base", "ja": "基準"},
    "yes": {"en": "yes", "ja": "該当"},
    "no": {"en": "no", "ja": "非該当"},
    "agree": {"en": "agree", "ja": "一致"},
    "trigger_fired": {"en": "fires", "ja": "該当"},
    "trigger_not_fired": {"en": "does not fire", "ja": "非該当"},
    "tr_gt": {"en": "above", "ja": "を超える"},
    "tr_ge": {"en": "at least", "ja": "以上"},
    "tr_lt": {"en": "below", "ja": "未満"},
    "tr_le": {"en": "at most", "ja": "以下"},
    "tr_eq": {"en": "equal to", "ja": "と等しい"},
    "tr_compare": {"en": "{name} is {op} {value}", "ja": "{name}が{value}{op}"},
    "tr_rises": {
        "en": "{name} rises by more than {pct} %",
        "ja": "{name}が{pct} %を超えて上昇する",
    },
    "tr_falls": {
        "en": "{name} falls by more than {pct} %",
        "ja": "{name}が{pct} %を超えて低下する",
    },
    "tr_changes": {
        "en": "{name} changes by more than {pct} %",
        "ja": "{name}が{pct} %を超えて変動する",
    },
    "tr_total": {
        "en": "the total cost of {option} is {op} {value} yen",
        "ja": "{option}の総費用が{value}円{op}",
    },
    "tr_total_p": {
        "en": "the {p} total cost of {option} is {op} {value} yen",
        "ja": "{option}の総費用の{p}が{value}円{op}",
    },
    "tr_first": {"en": "another option ranks first", "ja": "別の選択肢が1位になる"},
    "tr_knocked": {"en": "{option} is knocked out", "ja": "{option}が必須条件で除外される"},
    "cmp_norm_positive": {
        "en": "'{norm}' normalisation needs positive values (column {column})",
        "ja": "{norm}の正規化には正の値が必要（{column}列目）",
    },
    "cmp_norm_positive_crit": {
        "en": "'{norm}' normalisation needs positive values (criterion '{criterion}': {name})",
        "ja": "{norm}の正規化には正の値が必要だが、評価項目「{name}」（{criterion}）に"
        "0以下の値がある",
    },
    "cmp_wpm_positive": {
        "en": "the weighted product needs positive normalised values; use the 'max' or "
        "'sum' normalisation with positive scores",
        "ja": "加重積法には正の正規化値が必要である。正の得点で最大値法または総和法の"
        "正規化を用いること",
    },
    "cmp_method_failed": {"en": "{method}: {reason}", "ja": "{method}：{reason}"},
    "cmp_zero_weights": {
        "en": "weights must be finite, non-negative and not all zero",
        "ja": "重みは有限かつ0以上で、すべてが0であってはならない",
    },
    "explain_one": {
        "en": "Only one option remains after the knock-outs.",
        "ja": "足切り後に残った選択肢は1つのみである。",
    },
    "explain_above": {
        "en": "{a} ranks above {b} ({method} {sa} vs {sb}) mainly because of {pros}",
        "ja": "{method}で{a}（{sa}）が{b}（{sb}）を上回る主な理由は{pros}である",
    },
    "explain_cons": {"en": "; {b} is better on {cons}", "ja": "。{b}は{cons}で優る"},
    "explain_end": {"en": ".", "ja": "。"},
    "explain_none": {"en": "no single criterion", "ja": "—"},
    "explain_sep": {"en": ", ", "ja": "、"},
    "rk_excluded": {"en": "Excluded:", "ja": "除外："},
    "w_method": {"en": "Method", "ja": "手法"},
    "w_scenario": {"en": "Scenario", "ja": "シナリオ"},
    "w_option": {"en": "Option", "ja": "選択肢"},
    "w_confidence": {"en": "Confidence", "ja": "信頼水準"},
    "w_correlations": {"en": "Apply declared correlations", "ja": "宣言した相関を反映する"},
    "w_weights": {"en": "Weights (points)", "ja": "重み（配点）"},
    "w_assumptions": {"en": "Assumptions", "ja": "前提条件"},
    "w_plan_at": {"en": "plan at", "ja": "計画額の水準"},
    "w_allocated": {"en": "contingency", "ja": "予備費"},
    "w_budget": {"en": "budget", "ja": "予算要求額"},
    "mode_around": {"en": "around", "ja": "与えた重みの周辺"},
    "mode_ordinal": {"en": "ordinal", "ja": "重要度の順序を保つ範囲"},
    "mode_uniform": {"en": "uniform", "ja": "すべての重み"},
    "w_points": {"en": "points", "ja": "配点"},
    # The `adr new` template (decisions/lifecycle.py).
    "tpl_context_hint": {"en": "…", "ja": "（何が課題で、なぜ今決める必要があるか）"},
    "tpl_chosen": {
        "en": 'Chosen option: "{name}", because …',
        "ja": "採用する選択肢：「{name}」。理由：…",
    },
    "tpl_table_head": {
        "en": "| # | option | score | total (yen, tax-incl.) |",
        "ja": "| 順位 | 選択肢 | 総合点 | 総費用（円・税込） |",
    },
    "tpl_good": {"en": "* Good, because …", "ja": "* 良い点：…"},
    "tpl_bad": {"en": "* Bad, because …", "ja": "* 悪い点：…"},
    "tpl_generated": {
        "en": "Generated by archplan from {title} on {date}.",
        "ja": "{date}にarchplanが「{title}」から作成した。",
    },
    "must_not_rule": {"en": "not {values}", "ja": "{values}は不可"},
    "dist_fixed": {"en": "fixed {value}", "ja": "固定値 {value}"},
    "dist_triangular": {
        "en": "triangular({low}, {mode}, {high})",
        "ja": "三角分布（{low}、{mode}、{high}）",
    },
    "dist_pert": {
        "en": "PERT({low}, {mode}, {high}{extra})",
        "ja": "PERT分布（{low}、{mode}、{high}{extra}）",
    },
    "dist_uniform": {"en": "uniform({low}, {high})", "ja": "一様分布（{low}〜{high}）"},
    "dist_lognormal": {
        "en": "lognormal(median {median}, P90 {p90})",
        "ja": "対数正規分布（中央値 {median}、P90 {p90}）",
    },
    # The command line's own messages (cli.py), in the workspace's language.
    "cli_note": {"en": "note: {text}", "ja": "注意：{text}"},
    "cli_warning": {"en": "warning: {text}", "ja": "警告：{text}"},
    "cli_problems": {
        "en": "{n} problem(s) found in {path}",
        "ja": "{path}に{n}件の問題がある",
    },
    "cli_ok": {"en": "{path}: OK", "ja": "{path}：問題なし"},
    "cli_report": {"en": "Report written to {path}", "ja": "報告書を書き出した：{path}"},
    "cli_handover": {
        "en": "Handover pack written to {path}",
        "ja": "引継ぎ資料を書き出した：{path}",
    },
    "cli_workbook": {"en": "Workbook written to {path}", "ja": "ブックを書き出した：{path}"},
    "cli_csv": {"en": "CSV written to {path}", "ja": "CSVを書き出した：{path}"},
    "cli_created": {"en": "Created {path}", "ja": "作成した：{path}"},
    "cli_no_records": {"en": "No decision records yet.", "ja": "意思決定記録はまだない。"},
    "cli_updated": {"en": "Updated {path}", "ja": "更新した：{path}"},
    "cli_superseded": {
        "en": "Created {new}\nMarked {old} as superseded",
        "ja": "作成した：{new}\n置換済にした：{old}",
    },
    "cli_log_summary": {
        "en": "{problems} problem(s), {warnings} warning(s)",
        "ja": "問題{problems}件、警告{warnings}件",
    },
    "cli_log_ok": {"en": "decision log: OK", "ja": "意思決定記録：問題なし"},
    "cli_index": {"en": "Index written to {path}", "ja": "索引を書き出した：{path}"},
    "cli_new": {
        "en": "Created workspace {path}. Edit its files, then run: archplan check {path}",
        "ja": "ワークスペース{path}を作成した。ファイルを編集し、archplan check {path} で"
        "検証すること",
    },
    "cli_example": {"en": "Example workspace: {path}", "ja": "例のワークスペース：{path}"},
    "cli_nothing_written": {
        "en": "{n} problem(s) found; nothing was written",
        "ja": "{n}件の問題があるため、何も書き出していない",
    },
}


def msg(key: str, language: str = "en", **values: object) -> str:
    """A message in ``language`` (English when it has no translation).

    Values that are themselves :class:`Localized` are put in the same language.

    Examples
    --------
    >>> msg("must_not", "ja", name="データの国内保管", value="×")
    'データの国内保管：×は許容されない'
    >>> msg("cmp_norm_positive", "ja", norm=Localized("norm_max"), column=2)
    '最大値法の正規化には正の値が必要（2列目）'
    """
    table = MESSAGES[key]
    resolved = {k: v.text(language) if isinstance(v, Localized) else v for k, v in values.items()}
    return table.get(language, table["en"]).format(**resolved)


def template(key: str, language: str = "en") -> str:
    """The catalogue entry itself, placeholders unfilled (for callers that format later).

    Examples
    --------
    >>> template("lbl_npv_note", "ja")[:10]
    '割引率{rate}で'
    """
    table = MESSAGES[key]
    return table.get(language, table["en"])


class Localized:
    """A catalogue message not yet put in a language: carried by exceptions and notes so
    that whoever displays it picks the reader's language (``str()`` gives English).

    Examples
    --------
    >>> m = Localized("cmp_method_failed", method=Localized("method_wpm"), reason="…")
    >>> str(m), m.text("ja")
    ('Weighted product: …', '加重積法：…')
    """

    def __init__(self, key: str, **values: object) -> None:
        if key not in MESSAGES:
            raise KeyError(key)
        self.key = key
        self.values = values

    def text(self, language: str) -> str:
        """The message in ``language``."""
        return msg(self.key, language, **self.values)

    def __str__(self) -> str:
        return self.text("en")

    def __repr__(self) -> str:
        return f"Localized({self.key!r}, {self.values!r})"


def localized(obj: object, language: str) -> str:
    """``obj`` as text in ``language``: a :class:`Localized` message, an exception raised
    with one, or anything else as ``str()``.

    Examples
    --------
    >>> from archplan.errors import InputError
    >>> localized(InputError(Localized("cmp_zero_weights")), "ja")[:7]
    '重みは有限かつ'
    """
    if isinstance(obj, Localized):
        return obj.text(language)
    if isinstance(obj, BaseException) and len(obj.args) == 1:
        return localized(obj.args[0], language)
    return str(obj)
