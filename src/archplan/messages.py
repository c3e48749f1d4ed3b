"""Messages that end up in reports, in Japanese and English.

Computations that explain themselves (knock-out reasons, notes on how inputs were
treated, ceiling warnings, trigger verdicts) take the workspace's language and format
their sentences here, so a Japanese report has no English sentences in it.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache

__all__ = ["MESSAGES", "Localized", "localize", "localized", "msg", "template"]

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
    # --- costs (tax treatments, item basis) -------------------------------------------
    "cst_tax_taxable": {"en": "taxable", "ja": "課税"},
    "cst_tax_non_taxable": {"en": "not taxed", "ja": "不課税"},
    "cst_tax_exempt": {"en": "exempt", "ja": "非課税"},
    "cst_tax_header": {"en": "Tax", "ja": "課税区分"},
    "cst_basis_header": {"en": "Basis", "ja": "積算根拠"},
    "cst_yen": {"en": "{amount} yen", "ja": "{amount}円"},
    "cst_basis_year": {"en": "{amount}/year", "ja": "{amount}/年"},
    "cst_basis_month": {"en": "{amount}/month", "ja": "{amount}/月"},
    "cst_basis_one-off": {"en": "{amount} once", "ja": "{amount}（一括）"},
    "cst_basis_tiers": {"en": "tiered, from {price}", "ja": "段階料金 {price}〜"},
    "cst_basis_percent": {"en": "{rate} % of {items}", "ja": "{items}の{rate}%"},
    "cst_rate": {"en": "{rate} yen/{currency}", "ja": "{rate} 円/{currency}"},
    "cst_tax_heading": {
        "en": "Consumption tax by treatment (over the plan)",
        "ja": "消費税の区分別内訳（計画期間合計）",
    },
    "cst_line_taxable": {"en": "Taxable, before tax", "ja": "課税対象（税抜）"},
    "cst_line_non_taxable": {"en": "Not taxed", "ja": "不課税"},
    "cst_line_exempt": {"en": "Exempt", "ja": "非課税"},
    "cst_line_tax": {"en": "Consumption tax", "ja": "消費税"},
    "cst_tax_note": {
        "en": "Consumption tax is added to taxable items only; non-taxable (staff wages, "
        "contributions to other public bodies) and exempt items are counted as entered.",
        "ja": "消費税は課税の項目にのみ加算し、不課税（職員の給与、他の公共団体への負担金）"
        "と非課税の項目は入力額のまま計上している。",
    },
    # --- decisions (adr_): import, history from git, drift ---
    "adr_no_git": {
        "en": "not in a git repository: the values assumptions had in the past are not known",
        "ja": "gitリポジトリの中にないため、前提条件の過去の値は分からない",
    },
    "adr_git_missing": {
        "en": "git is not installed: the values assumptions had in the past are not known",
        "ja": "gitがインストールされていないため、前提条件の過去の値は分からない",
    },
    "adr_git_failed": {
        "en": "git could not be read ({error})",
        "ja": "gitを読めなかった（{error}）",
    },
    "adr_no_commits": {
        "en": "{file} has no commits yet: there is no history",
        "ja": "{file}はまだコミットされていないため、履歴はない",
    },
    "adr_renamed": {
        "en": "the register was renamed {old} → {new} in commit {commit} ({date}); its "
        "history is followed across the rename",
        "ja": "台帳の名前がコミット{commit}（{date}）で{old} → {new}に変わっている。"
        "変更前の履歴もたどった",
    },
    "adr_uncommitted": {
        "en": "assumptions.yaml has uncommitted changes: 'now' is the file on disk",
        "ja": "assumptions.yamlに未コミットの変更がある。「現在」はディスク上のファイルの値",
    },
    "adr_then_disagrees": {
        "en": "the record (dated {date}) says {name} was {recorded}, but the register said "
        "{then} then (commit {commit} of {commit_date})",
        "ja": "この記録（{date}付）は{name}を{recorded}としているが、当時の台帳の値は{then}"
        "（コミット{commit}、{commit_date}）",
    },
    "adr_then_expected": {
        "en": "the value the register held when deciding (or a note saying why it differs)",
        "ja": "決定時の台帳の値（異なる場合はその理由の記載）",
    },
    "adr_import_found": {
        "en": "{n} record(s) recognised in {source}:",
        "ja": "{source}で{n}件の記録を認識した：",
    },
    "adr_import_none": {
        "en": "no decision records recognised in {source}",
        "ja": "{source}に意思決定記録は見つからなかった",
    },
    "adr_import_skipped": {
        "en": "not records (skipped): {files}",
        "ja": "記録ではない（対象外）：{files}",
    },
    "adr_import_unread": {
        "en": "could not be read (not imported):",
        "ja": "読めなかった（取り込んでいない）：",
    },
    "adr_import_written": {
        "en": "{n} file(s) copied unchanged into {folder}",
        "ja": "{n}件のファイルを変更せずに{folder}へ複写した",
    },
    "adr_import_already": {
        "en": "{n} file(s) already in the workspace, identical (left as they are)",
        "ja": "{n}件は同一のファイルが既にある（そのまま）",
    },
    "adr_import_renamed": {
        "en": "renumbered (number taken): {old} → {new}; its heading and links still say the "
        "old number",
        "ja": "番号が使用済みのため採番し直した：{old} → {new}（見出しやリンク内の番号は元のまま）",
    },
    "adr_date_ambiguous": {
        "en": "date {raw!r} is ambiguous (day/month or month/day); not guessed",
        "ja": "日付{raw!r}は日/月とも月/日とも読めるため、推測しない",
    },
    "adr_date_unreadable": {
        "en": "date {raw!r} cannot be read",
        "ja": "日付{raw!r}を読み取れない",
    },
    "adr_literal_rate": {
        "en": "{item}: percent_of rate {rate} (a number in costs.yaml)",
        "ja": "{item}：percent_ofの率 {rate}（costs.yamlに数値で記載）",
    },
    "adr_no_assumptions": {
        "en": "the record cites no assumptions (archplan.assumptions in its front matter)",
        "ja": "この記録は前提条件を挙げていない（フロントマターのarchplan.assumptions）",
    },
    "adr_import_dry": {
        "en": "dry run: nothing was written",
        "ja": "試行のみ：何も書き込んでいない",
    },
    "adr_history_none": {
        "en": "no history for {name}: {reason}",
        "ja": "{name}の履歴はない：{reason}",
    },
    "adr_history_unknown": {
        "en": "{name!r} is not in the assumptions register, now or in its history",
        "ja": "{name!r}は前提条件台帳に（現在も履歴にも）ない",
    },
    "adr_history_now": {
        "en": "now (working tree): {value}",
        "ja": "現在（作業ツリー）：{value}",
    },
    "adr_drift": {
        "en": "Drift of the assumptions live decisions rest on",
        "ja": "有効な決定が前提とする値の推移",
    },
    "adr_drift_note": {
        "en": "Each assumption's value in every commit of assumptions.yaml (steps), the date "
        "of each live decision that cites it (dashed line) and the value that decision "
        "recorded (dot).",
        "ja": "assumptions.yamlの各コミット時点の値（階段状の線）、それを前提とする有効な決定の日付"
        "（破線）と、その決定が記録した値（点）。",
    },
    "adr_then_git": {"en": "Then (from git) and now", "ja": "当時（gitの履歴）と現在"},
    "adr_col_recorded": {"en": "recorded in the record", "ja": "記録上の値"},
    "adr_col_then": {"en": "register then", "ja": "当時の台帳"},
    "adr_col_commit": {"en": "commit (date)", "ja": "コミット（日付）"},
    "adr_col_now": {"en": "now", "ja": "現在"},
    "adr_no_then": {
        "en": "no commit of the register on or before {date}",
        "ja": "{date}以前の台帳のコミットはない",
    },
    "adr_sample": {
        "en": "sample from 'archplan new' (not a decision)",
        "ja": "archplan newのひな形（決定ではない）",
    },
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
    "tim_attribution_footer": {
        "en": "End-of-life data: endoflife.date contributors (MIT)",
        "ja": "サポート終了日のデータ：endoflife.date contributors（MITライセンス）",
    },
    "tim_cli_act_by": {"en": "When to act", "ja": "対応の期限"},
    "tim_cli_act_by_as_of": {"en": "When to act (as of {date})", "ja": "対応の期限（{date}時点）"},
    "tim_source_commit": {
        "en": "endoflife.date commit {commit}{rest}",
        "ja": "endoflife.dateのコミット{commit}{rest}",
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
    "rep_v_tiers_graduated": {"en": "graduated", "ja": "各段階の単価を段階内の数量に適用"},
    "rep_v_tiers_all-units": {"en": "all-units", "ja": "全数量に到達段階の単価を適用"},
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
    "act_cli_head": {
        "en": "option {option} ({source}), {fy}, actuals up to {as_of}; yen, tax-inclusive",
        "ja": "選択肢{option}（{source}）、{fy}、実績は{as_of}まで；円・税込",
    },
    "act_cli_plan_end": {"en": "at the end of the plan:", "ja": "計画期間の終わり："},
    "act_cli_every_yen": {
        "en": "every imported yen (imported = mapped + unmapped):",
        "ja": "取り込んだ全額（取込額＝対応済＋未対応）：",
    },
    "act_cli_unmapped": {"en": "{n} unmapped entries:", "ja": "未対応{n}件："},
    "act_cli_unmapped_row": {
        "en": "{file}:{row}: {month} {document}: {yen} yen ({reason}, {rows} row(s))",
        "ja": "{file}:{row}：{month} {document}：{yen}円（{reason}、{rows}行）",
    },
    "pf_cli_written": {
        "en": "Portfolio written to {path}",
        "ja": "ポートフォリオを書き出した：{path}",
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
    "act_src_decision": {"en": "accepted record {number}", "ja": "記録{number}（承認）"},
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
    "act_ix_BAC": {"en": "BAC", "ja": "完成時総予算（BAC）"},
    "act_ix_PV": {"en": "PV", "ja": "計画価値（PV）"},
    "act_ix_EV": {"en": "EV", "ja": "出来高（EV）"},
    "act_ix_AC": {"en": "AC", "ja": "実コスト（AC）"},
    "act_ix_CPI": {"en": "CPI", "ja": "コスト効率指数（CPI）"},
    "act_ix_SPI": {"en": "SPI", "ja": "スケジュール効率指数（SPI）"},
    "act_ix_VAC": {"en": "VAC", "ja": "完成時差異（VAC）"},
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
        "is the plan, the other budget columns are to be filled in (carried over to the "
        "next year as a negative amount)",
        "ja": (
            "採用案 {option}、{as_of}までの実績、円・税込。当初予算額は計画額。補正等の欄は記入する"
            "（翌年度へ繰越しは負の額（△）で）"
        ),
    },
    "act_n_sjis": {
        "en": "{file}: read as Shift_JIS (cp932)",
        "ja": "{file}：Shift_JIS（cp932）として読み込んだ",
    },
    "act_n_credit": {
        "en": "{where}: a credit of {yen} yen was counted against {item}",
        "ja": "{where}：{item}に{yen}円の減額（マイナス）を計上した",
    },
    "act_n_outside": {
        "en": (
            "{where}: dated {day}, outside the plan period ({first} … {last}): listed as unmapped"
        ),
        "ja": (
            "{where}：{day}付けで計画期間（{first}〜{last}）の外にあるため、未対応"
            "として一覧に載せた"
        ),
    },
    "act_n_unknown_item": {
        "en": (
            "{where}: unknown item {item} (expected a cost item id or a category of"
            " costs.yaml): listed as unmapped"
        ),
        "ja": (
            "{where}：費目{item}は costs.yaml の費目にも区分にもないため、未対応として一覧に載せた"
        ),
    },
    "act_n_unknown_item_near": {
        "en": (
            "{where}: unknown item {item} (expected a cost item id or a category of"
            " costs.yaml; nearest: {near}): listed as unmapped"
        ),
        "ja": (
            "{where}：費目{item}は costs.yaml の費目にも区分にもないため、未対応として一覧に"
            "載せた（近いもの：{near}）"
        ),
    },
    "act_n_credit_up": {
        "en": (
            "{where}: {count} Credit row(s) with a positive amount were counted as "
            "given (FOCUS credits are negative)"
        ),
        "ja": "{where}：金額が正のCredit行{count}行をそのまま計上した（FOCUSのクレジットは負の値）",
    },
    "act_n_tax_rows": {
        "en": (
            "{where}: {count} ChargeCategory Tax row(s) are mapped while tax: exclu"
            "sive adds consumption tax: tax may be counted twice (map Tax rows to n"
            "othing, or set tax: inclusive)"
        ),
        "ja": (
            "{where}：ChargeCategoryがTaxの{count}行を費目に対応付けたうえ、tax: ex"
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
            "{file}：{month}の請求を{other}も含んでいる（同じ事業者）。2つの出力が"
            "重複していないか確認する（重複していれば二重計上になる）"
        ),
    },
    "act_n_no_rule": {
        "en": (
            "{where}: {rows} row(s), {yen} yen left unmapped: they match no rule; a"
            "dd rules in {settings} (services {services})"
        ),
        "ja": (
            "{where}：{rows}行・{yen}円が未対応：どのルールにも該当しない。{setting"
            "s} にルールを追加する（サービス：{services}）"
        ),
    },
    "act_n_outside_rows": {
        "en": (
            "{where}: {rows} row(s), {yen} yen left unmapped: they are dated outsid"
            "e the plan period ({first} … {last}) (services {services})"
        ),
        "ja": (
            "{where}：{rows}行・{yen}円が未対応：計画期間（{first}〜{last}）の外の"
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
            "{file}：as_of（{as_of}）より後の{count}件（{yen}円）は取り込んだが、as"
            "_of を進めるまで集計しない"
        ),
    },
    "act_yen": {"en": "yen, tax-inclusive", "ja": "円・税込"},
    # --- portfolio (pf_): roll-up, attention, batch builds ---
    "pf_no_accepted": {"en": "no accepted decision", "ja": "採択された決定がない"},
    "pf_no_chosen": {
        "en": "accepted record {number} names no chosen option",
        "ja": "採択済みの記録{number}に採用案（chosen）の記載がない",
    },
    "pf_unknown_chosen": {
        "en": "accepted record {number} names a chosen option that is not in options.yaml",
        "ja": "採択済みの記録{number}の採用案がoptions.yamlにない",
    },
    "pf_duplicate_of": {
        "en": "the same workspace as case {case}; not counted twice",
        "ja": "案件{case}と同じワークスペース（二重計上しない）",
    },
    "pf_missing": {"en": "the workspace folder is missing", "ja": "ワークスペースのフォルダがない"},
    "pf_check_fails": {
        "en": "fails archplan check ({n} problem(s))",
        "ja": "archplan check で{n}件の問題",
    },
    "pf_crashed": {
        "en": "archplan could not summarise this case: {error}",
        "ja": "この案件を集計できなかった：{error}",
    },
    "pf_more_problems": {"en": "(and {n} more)", "ja": "（ほか{n}件）"},
    "pf_trigger_unreadable": {
        "en": "trigger cannot be evaluated: {text}",
        "ja": "見直し条件を評価できない：{text}",
    },
    "pf_overdue": {"en": "overdue by {days} days", "ja": "{days}日超過"},
    "pf_in_days": {"en": "in {days} days", "ja": "あと{days}日"},
    "pf_no_date": {"en": "no as-of date", "ja": "時点の記載なし"},
    "pf_age": {
        "en": "{days} days old (limit {limit})",
        "ja": "{days}日経過（基準{limit}日）",
    },
    "pf_contract_ends": {"en": "last payment in {fy}", "ja": "{fy}で支払終了"},
    "pf_other_currency": {
        "en": "amounts in {currency}, the portfolio's currency is {ours}",
        "ja": "金額の通貨が{currency}（ポートフォリオは{ours}）",
    },
    "pf_other_calendar": {
        "en": "fiscal year starts in month {month}, the portfolio's in month {ours}",
        "ja": "年度の開始月が{month}月（ポートフォリオは{ours}月）",
    },
    "pf_kicker": {"en": "Portfolio", "ja": "案件ポートフォリオ"},
    "pf_as_of": {"en": "As of", "ja": "基準日"},
    "pf_generated": {"en": "Generated", "ja": "作成日"},
    "pf_contents": {"en": "Contents", "ja": "目次"},
    "pf_summary": {"en": "Summary", "ja": "概要"},
    "pf_summary_text": {
        "en": "{n} cases: {decided} decided and added up, {undecided} not added up "
        "(undecided, failing or in another currency or calendar). Budget of the decided "
        "cases over {first}–{last}: {total} thousand yen. {attention} item(s) need attention.",
        "ja": "案件{n}件：決定済みで合算{decided}件、合算対象外{undecided}件（未決定、検証エラー、"
        "通貨・会計年度の相違）。決定済み案件の予算（{first}〜{last}）：{total}千円。"
        "要対応{attention}件。",
    },
    "pf_budget": {"en": "Budget by fiscal year", "ja": "年度別予算"},
    "pf_budget_note": {
        "en": "Each row is the case's chosen option (its accepted decision) exactly as in its "
        "own budget table; totals are sums of the figures shown.",
        "ja": "各行は案件ごとの採用案（採択された決定）の予算で、各案件の予算表と一致する。"
        "合計は表示値の和。",
    },
    "pf_by_tag": {"en": "Budget by {tag}", "ja": "{tag}別予算"},
    "pf_unit_note": {
        "en": "(thousand yen, tax-inclusive)",
        "ja": "（千円・税込）",
    },
    "pf_not_added": {"en": "Cases not added up", "ja": "合算していない案件"},
    "pf_not_added_note": {
        "en": "These cases are not in the totals above; each says why.",
        "ja": "以下の案件は上の合計に含めていない（理由を併記）。",
    },
    "pf_commitments": {
        "en": "Multi-year commitments by fiscal year",
        "ja": "債務負担行為（年度別支払）",
    },
    "pf_ceiling": {"en": "Ceiling (yen)", "ja": "限度額（円）"},
    "pf_plan_actual": {"en": "Plan and actual", "ja": "予算と執行（予実）"},
    "pf_no_actuals": {
        "en": "No case has actual spending recorded.",
        "ja": "執行実績が記録された案件はない。",
    },
    "pf_actuals_unavailable": {
        "en": "Actual spending is not read by this version of archplan.",
        "ja": "このバージョンのarchplanは執行実績を読み込まない。",
    },
    "pf_plan": {"en": "Plan", "ja": "予算"},
    "pf_actual": {"en": "Actual", "ja": "執行"},
    "pf_variance": {"en": "Variance", "ja": "差額"},
    "pf_rate": {"en": "Execution rate", "ja": "執行率"},
    "pf_state": {"en": "Year", "ja": "年度の状況"},
    "pf_state_closed": {"en": "closed", "ja": "確定"},
    "pf_state_to_date": {"en": "to date", "ja": "年度途中"},
    "pf_attention": {"en": "What needs attention", "ja": "要対応事項"},
    "pf_attention_note": {
        "en": "As of {today}: reviews due within {days} days, assumptions older than {stale} "
        "days, components and contracts ending within {months} months.",
        "ja": "{today}時点：{days}日以内の見直し期限、{stale}日を超えた前提、{months}か月以内に"
        "サポートまたは契約が終了するもの。",
    },
    "pf_k_check": {"en": "Workspaces failing archplan check", "ja": "検証エラーのワークスペース"},
    "pf_k_trigger": {"en": "Revisit triggers firing now", "ja": "発動中の見直し条件"},
    "pf_k_review": {"en": "Reviews due", "ja": "見直し期限"},
    "pf_k_support": {"en": "Components leaving support", "ja": "サポート終了が近い構成要素"},
    "pf_k_contract": {"en": "Contracts ending", "ja": "終了が近い契約"},
    "pf_k_assumption": {"en": "Assumptions to re-check", "ja": "再確認が必要な前提"},
    "pf_support_unavailable": {
        "en": "Component support windows are not read by this version of archplan.",
        "ja": "このバージョンのarchplanは構成要素のサポート期限を読み込まない。",
    },
    "pf_nothing": {"en": "Nothing.", "ja": "なし。"},
    "pf_support_detail": {
        "en": "{what} {date}, used until {until};",
        "ja": "{date}に{what}（{until}まで使用）：",
    },
    "pf_covered_by": {"en": "planned: {by}", "ja": "計画済み：{by}"},
    "pf_not_covered": {"en": "nothing planned", "ja": "計画に対応なし"},
    "pf_cases": {"en": "Cases", "ja": "案件一覧"},
    "pf_case": {"en": "Case", "ja": "案件"},
    "pf_title": {"en": "Title", "ja": "件名"},
    "pf_status": {"en": "Status", "ja": "状態"},
    "pf_st_decided": {"en": "decided", "ja": "決定済み"},
    "pf_st_undecided": {"en": "undecided", "ja": "未決定"},
    "pf_st_failed": {"en": "fails check", "ja": "検証エラー"},
    "pf_st_missing": {"en": "missing", "ja": "所在不明"},
    "pf_st_duplicate": {"en": "duplicate", "ja": "重複"},
    "pf_chosen": {"en": "Chosen option", "ja": "採用案"},
    "pf_decision": {"en": "Decision", "ja": "決定記録"},
    "pf_tags": {"en": "Tags", "ja": "タグ"},
    "pf_total": {"en": "Total", "ja": "合計"},
    "pf_reason": {"en": "Reason", "ja": "理由"},
    "pf_when": {"en": "Date", "ja": "期日"},
    "pf_subject": {"en": "Subject", "ja": "対象"},
    "pf_detail": {"en": "Detail", "ja": "内容"},
    "pf_documents": {"en": "Documents", "ja": "資料"},
    "pf_report": {"en": "report", "ja": "報告書"},
    "pf_handover": {"en": "handover pack", "ja": "引継ぎ資料"},
    "pf_not_built": {"en": "not built", "ja": "未作成"},
    "pf_problems": {"en": "Problems", "ja": "問題"},
    "pf_portfolio_problems": {
        "en": "Problems in the portfolio file",
        "ja": "ポートフォリオ定義の問題",
    },
    "pf_contract": {"en": "Contract", "ja": "契約"},
    "pf_name": {"en": "Name", "ja": "名称"},
    "pf_fiscal_year": {"en": "Fiscal year", "ja": "年度"},
    "pf_tag_bureau": {"en": "bureau", "ja": "局"},
    "pf_tag_department": {"en": "department", "ja": "部署"},
    "pf_tag_municipality": {"en": "municipality", "ja": "市町村"},
    "pf_tag_system": {"en": "system", "ja": "システム"},
    "pf_tag_phase": {"en": "lifecycle phase", "ja": "ライフサイクル段階"},
    "pf_tag_time": {"en": "TIME class", "ja": "TIME分類"},
    "pf_tag_folder": {"en": "folder", "ja": "フォルダ"},
    "pf_phase_plan": {"en": "plan", "ja": "計画"},
    "pf_phase_build": {"en": "build", "ja": "構築"},
    "pf_phase_run": {"en": "run", "ja": "運用"},
    "pf_phase_retire": {"en": "retire", "ja": "廃止"},
    "pf_time_tolerate": {"en": "tolerate", "ja": "維持（tolerate）"},
    "pf_time_invest": {"en": "invest", "ja": "投資（invest）"},
    "pf_time_migrate": {"en": "migrate", "ja": "移行（migrate）"},
    "pf_time_eliminate": {"en": "eliminate", "ja": "廃止（eliminate）"},
    "pf_built": {
        "en": "{n} built, {skipped} up to date, {failed} failed",
        "ja": "作成{n}件、変更なし{skipped}件、失敗{failed}件",
    },
    "pf_build_failed": {
        "en": "{case}: {kind} failed: {error}",
        "ja": "{case}：{kind}の作成に失敗：{error}",
    },
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
    "cat_build": {"en": "Build", "ja": "構築"},
    "cat_hardware": {"en": "Hardware", "ja": "機器"},
    "cat_software": {"en": "Software", "ja": "ソフトウェア"},
    "cat_licence": {"en": "Licences", "ja": "ライセンス"},
    "cat_subscription": {"en": "Subscriptions", "ja": "利用料"},
    "cat_cloud": {"en": "Cloud", "ja": "クラウド"},
    "cat_network": {"en": "Network", "ja": "回線・ネットワーク"},
    "cat_labour": {"en": "Labour", "ja": "人件費"},
    "cat_operation": {"en": "Operation", "ja": "運用"},
    "cat_maintenance": {"en": "Maintenance", "ja": "保守"},
    "cat_migration": {"en": "Migration", "ja": "移行"},
    "cat_training": {"en": "Training", "ja": "研修"},
    "cat_exit": {"en": "Exit", "ja": "撤退"},
    "cat_benefit": {"en": "Benefits", "ja": "便益"},
    "cat_other": {"en": "Other", "ja": "その他"},
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
        "ja": "{name}が{pct}%を超えて上昇する",
    },
    "tr_falls": {
        "en": "{name} falls by more than {pct} %",
        "ja": "{name}が{pct}%を超えて低下する",
    },
    "tr_changes": {
        "en": "{name} changes by more than {pct} %",
        "ja": "{name}が{pct}%を超えて変動する",
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
    # --- many options (pol_): risk table, cheaper matrix, inputs ---
    "pol_knocked_out_do_not_compete": {
        "en": "Knocked-out options (—) do not compete: the probabilities are over the "
        "{n} options still in play.",
        "ja": "除外した選択肢（—）は比べる対象としない。確率は残る{n}案の中で求めた。",
    },
    "pol_cheaper_top": {
        "en": "The {shown} highest-ranked of the {n} options still in play; "
        "knocked-out options are not shown.",
        "ja": "残る{n}案のうち順位の高い{shown}案を示す。除外した選択肢は示さない。",
    },
    "pol_cheaper_in_play": {
        "en": "Knocked-out options are not shown.",
        "ja": "除外した選択肢は示さない。",
    },
    # --- command-line tables (cv_): headers the report has no label for, summaries ---
    "cv_days_left": {"en": "Days left", "ja": "残り日数"},
    "cv_extra_npv": {"en": "Extra (NPV)", "ja": "差（現在価値）"},
    "cv_open_ends": {"en": "Ends left open", "ja": "未対応の終了"},
    "cv_commit": {"en": "Commit", "ja": "コミット"},
    "cv_as_written": {"en": "As written", "ja": "記載のまま"},
    "cv_numbered_by": {"en": "Number from", "ja": "番号の出所"},
    "cv_numbered_file": {"en": "file name", "ja": "ファイル名"},
    "cv_numbered_title": {"en": "title heading", "ja": "見出し"},
    "cv_numbered_order": {"en": "file order", "ja": "ファイルの順"},
    "cv_which_option": {
        "en": "say which option: --option ID (the workspace has no current system to wait on)",
        "ja": "選択肢を --option ID で指定すること（現行システムの指定がないため）",
    },
    "cv_check_ok_with": {
        "en": "{path}: OK ({warnings} warning(s), {notes} note(s))",
        "ja": "{path}：問題なし（警告{warnings}件、注意{notes}件）",
    },
    # --- polish2: Japanese first-class leftovers: reprs (repr_), report --all (batch_),
    # archplan eol (eolc_), the Excel/CSV export (xp_),
    # refusals to overwrite (fio_) ---
    "repr_ranking": {
        "en": "<Ranking {method}: {order}{excluded}>",
        "ja": "<順位付け {method}：{order}{excluded}>",
    },
    "repr_excluded": {"en": "; excluded {options}", "ja": "；除外 {options}"},
    "repr_problem": {
        "en": "<DecisionProblem {options} options x {criteria} criteria, {excluded} excluded>",
        "ja": "<比較問題 選択肢{options}件 × 評価項目{criteria}件、除外{excluded}件>",
    },
    "repr_workspace": {
        "en": "<Workspace {title}: {options} options x {criteria} criteria, {items} cost items, "
        "{decisions} decisions>",
        "ja": "<ワークスペース {title}：選択肢{options}件 × 評価項目{criteria}件、"
        "費用項目{items}件、意思決定記録{decisions}件>",
    },
    "repr_portfolio": {
        "en": "<PortfolioView {n} cases: {counts}>",
        "ja": "<案件ポートフォリオ {n}件：{counts}>",
    },
    "repr_count": {"en": "{n} {what}", "ja": "{what}{n}件"},
    "repr_actuals": {
        "en": "<Actuals {files} file(s), {entries} entries, option {option}, as of {as_of}>",
        "ja": "<執行実績 ファイル{files}件、明細{entries}件、対象の案 {option}、{as_of}時点>",
    },
    "batch_summary": {
        "en": "{built} built, {skipped} up to date, {failed} failed, {n} case(s)",
        "ja": "作成{built}件、変更なしのため省略{skipped}件、失敗{failed}件（全{n}件）",
    },
    "batch_line": {"en": "{case}: {state}: {error}", "ja": "{case}：{state}：{error}"},
    "batch_failed": {"en": "failed", "ja": "失敗"},
    "batch_progress": {"en": "reports", "ja": "報告書"},
    "eolc_updated": {
        "en": "End-of-life data of {n} products written to {path}",
        "ja": "{n}製品のサポート終了日のデータを書き出した：{path}",
    },
    "eolc_product": {
        "en": "{title} ({name}); {attribution}; {source}",
        "ja": "{title}（{name}）；{attribution}；{source}",
    },
    "eolc_release": {
        "en": "  {cycle} {label} released {released}  active {active}  security {security}  "
        "extended {extended}",
        "ja": "  {cycle} {label} リリース {released}  通常サポート {active}  "
        "セキュリティサポート {security}  延長サポート {extended}",
    },
    "eolc_passed": {"en": "passed", "ja": "終了済み"},
    "fio_folder": {
        "en": "{path} is a folder; give a file name for the {what}",
        "ja": "{path}はフォルダである。{what}のファイル名を指定すること",
    },
    "fio_not_ours": {
        "en": "{path} exists and was not written by archplan; choose another name or pass "
        "--force to replace it",
        "ja": "{path}は既にあり、archplanが書き出したものではない。別の名前にするか、"
        "置き換えるなら--forceを指定すること",
    },
    "fio_document": {"en": "document", "ja": "文書"},
    "fio_workbook": {"en": "workbook", "ja": "ブック"},
    "fio_csv": {"en": "CSV file", "ja": "CSVファイル"},
    "fio_portfolio_document": {"en": "portfolio document", "ja": "ポートフォリオの文書"},
    "fio_portfolio_workbook": {"en": "portfolio workbook", "ja": "ポートフォリオのブック"},
    "eolc_unknown_product": {
        "en": "unknown product {name} in the end-of-life data{hint}",
        "ja": "サポート終了日のデータに製品{name}がない{hint}",
    },
    "eolc_nearest": {"en": "; nearest: {names}", "ja": "。近い名前：{names}"},
    "eolc_unknown_release": {
        "en": "{product} has no release {want}{hint} (known: {known})",
        "ja": "{product}にリリース{want}がない{hint}（既知のリリース：{known}）",
    },
    "eolc_no_files": {
        "en": "{folder}: no endoflife.date product files (NAME.md or NAME.yaml)",
        "ja": "{folder}：endoflife.dateの製品ファイル（NAME.mdまたはNAME.yaml）がない",
    },
    "xp_basis_line": {"en": "{unit}, {basis}", "ja": "{unit}・{basis}"},
    "xp_discount_line": {
        "en": "{basis}; discount rate {rate} ({timing})",
        "ja": "{basis}；割引率{rate}（{timing}）",
    },
    "xp_discount_rate": {"en": "Discount rate", "ja": "割引率"},
    "xp_phase": {"en": "Phase", "ja": "工程"},
    "xp_ph_build": {"en": "build", "ja": "構築"},
    "xp_ph_migrate": {"en": "migrate", "ja": "移行"},
    "xp_ph_operate": {"en": "operate", "ja": "運用"},
    "xp_ph_refresh": {"en": "refresh", "ja": "更新"},
    "xp_ph_exit": {"en": "exit", "ja": "撤退"},
    "xp_first_fy": {"en": "First fiscal year", "ja": "初年度"},
    "xp_last_fy": {"en": "Last fiscal year", "ja": "最終年度"},
    "xp_exceeded": {"en": "Ceiling exceeded", "ja": "限度額超過"},
    # --- workspace schema (sch_): archplan schema ---
    "sch_written": {
        "en": "JSON Schema written: {path}",
        "ja": "JSON Schemaを書き出した：{path}",
    },
    "sch_unchanged": {
        "en": "JSON Schema unchanged: {path}",
        "ja": "JSON Schemaは変更なし：{path}",
    },
    "sch_hint": {
        "en": "Editors with the YAML language server use them when a file starts with "
        "'# yaml-language-server: $schema={example}'",
        "ja": "ファイルの1行目を「# yaml-language-server: $schema={example}」とすると、"
        "YAML言語サーバー対応のエディタが補完と検査に使う",
    },
    "sch_docs_written": {
        "en": "Field tables written to {path}",
        "ja": "項目表を書き出した：{path}",
    },
    "sch_docs_unchanged": {
        "en": "Field tables unchanged: {path}",
        "ja": "項目表は変更なし：{path}",
    },
    # --- docsfix (dfx_): what a first real workspace showed the documents got wrong ---
    "dfx_gap_none": {
        "en": "{option}: keeps running {name} for {days} days after its {kind} ({date})"
        " with no fix planned",
        "ja": "{option}：{name}を{kind}（{date}）の後も{days}日間サポートのないまま使う。"
        "対応は計画されていない",
    },
    "dfx_gap_late": {
        "en": "{option}: keeps running {name} for {days} days after its {kind} ({date});"
        " the fix planned ({items}) is done on {done}, {late} days too late",
        "ja": "{option}：{name}を{kind}（{date}）の後も{days}日間サポートのないまま使う。"
        "対応（{items}）は計画されているが、完了は{done}で期限の{late}日後",
    },
    "dfx_warn_late": {
        "en": "{option} keeps running {name} past the day its {kind} ({date}) until {until};"
        " the fix planned ({items}) is done on {done}, {late} days too late ({days} days"
        " unsupported); plan it to be done by that day, or add extended support until then",
        "ja": "{option}は{name}を{kind}（{date}）の後も{until}まで使い続ける。対応（{items}）"
        "は計画されているが、完了は{done}で期限の{late}日後（サポートのない期間{days}日）。"
        "期限までに完了するよう計画するか、それまでの延長サポートを追加すること",
    },
    "dfx_open_gaps": {
        "en": "Support ends the plan does not cover in time",
        "ja": "計画が間に合っていないサポート等の終了",
    },
    "dfx_extended_paid": {"en": "extended support (paid)", "ja": "延長サポート（有償）"},
    "dfx_kind_extended_end": {
        "en": "paid extended support ends",
        "ja": "有償の延長サポート終了",
    },
    "tim_warn_ext_starts_late": {
        "en": " (the extended support listed, {items}, starts {start}: too late to count)",
        "ja": (
            "（延長サポート{items}は{start}からの計上で、終了に間に合わないため対応とみなさない）"
        ),
    },
    "dfx_calendar_ext_until": {
        "en": "{option} (extended support until {deadline}, nothing after)",
        "ja": "{option}（延長サポートは{deadline}まで、その後の対応なし）",
    },
    "dfx_late_cell": {
        "en": "⚠ too late: {items} done {done}, {late} days after ({days} days unsupported)",
        "ja": "⚠ 遅い：{items}の完了は{done}で期限の{late}日後（サポート外{days}日）",
    },
    "dfx_f_components": {
        "en": "components and their support, maintenance and contract ends",
        "ja": "構成要素とサポート・保守・契約の終了日",
    },
    "dfx_f_actuals": {
        "en": "actuals: settings, ledger CSVs, FOCUS exports",
        "ja": "実績：取込の設定、会計システムとクラウド利用料の出力",
    },
    "dfx_handover_file": {"en": "handover", "ja": "引継ぎ資料"},
    "dfx_calendar_gap": {
        "en": "⚠ not covered in time by: {options}",
        "ja": "⚠ 計画が間に合わない案：{options}",
    },
    "dfx_certain_note": {
        "en": "—: no uncertainty. None of the option's inputs is uncertain, so every trial"
        " gives its plan; a percentile of the plan would say nothing.",
        "ja": "—：不確実性なし。その選択肢の入力に不確実なものがなく、どの試行でも計画額と"
        "なるため、計画額の信頼水準は示さない。",
    },
    "dfx_rank_first_unlinked": {
        "en": "No criterion follows the cost plan (none has source: cost_total or"
        " cost_npv; a cost criterion scored by hand, such as ◎○△×, stays as entered), so"
        " the costs' uncertainty cannot change the ranking: the probability of ranking"
        " first is not shown.",
        "ja": "費用計画に連動する評価項目（費用計画の総額または正味現在価値を評点とするもの）が"
        "なく、◎○△×などで採点した費用の評価は入力のとおりのため、費用の不確実性で順位は"
        "変わらない。1位となる確率は示さない。",
    },
    "dfx_rank_first_some": {
        "en": "The criteria following the cost plan ({criteria}) take the simulated costs"
        " of {used:,} of the {n:,} trials; the other scores and the weights are as entered.",
        "ja": "費用計画に連動する評価項目（{criteria}）は{n:,}回の試行のうち{used:,}回の"
        "費用に従い、他の評価と重みは入力のとおり。",
    },
    "dfx_rank_first_all": {
        "en": "The criteria following the cost plan ({criteria}) take the simulated costs"
        " of all {n:,} trials; the other scores and the weights are as entered.",
        "ja": "費用計画に連動する評価項目（{criteria}）は{n:,}回すべての試行の費用に従い、"
        "他の評価と重みは入力のとおり。",
    },
    "dfx_range": {"en": "Range of the total (P10–P90)", "ja": "総費用の範囲（P10–P90）"},
    "dfx_certain_option": {
        "en": "none: no input of {option} is uncertain",
        "ja": "なし（{option}の入力に不確実なものがない）",
    },
    "dfx_tr_days": {
        "en": "the days until {target} are {op} {value}",
        "ja": "{target}までの日数が{value}{op}",
    },
    "dfx_tr_actual_over": {
        "en": "the actual of {item} exceeds its plan by more than {pct} %",
        "ja": "{item}の実績が計画を{pct}%を超えて上回る",
    },
    "dfx_tr_forecast_over": {
        "en": "the year-end forecast of {item} exceeds its budget",
        "ja": "{item}の年度末の見込みが予算を上回る",
    },
    "dfx_tr_run_rate_over": {
        "en": "the run-rate forecast of {item} at year end exceeds its budget",
        "ja": "{item}の年度末の見込み（実績のペース）が予算を上回る",
    },
    "dfx_tr_actual_compare": {
        "en": "the actual of {item} is {op} {value}",
        "ja": "{item}の実績が{value}{op}",
    },
    "dfx_settings": {"en": "Settings ({file})", "ja": "設定（{file}）"},
    "dfx_basis_escalation": {
        "en": "; prices as of {fy} (the plan's first year), +{rate}% each year after",
        "ja": "、価格は{fy}（計画の初年度）の水準で、以後毎年{rate}%上昇",
    },
    "dfx_basis_growth": {
        "en": "; quantity as of {fy} (the item's first year), +{rate}% each year after",
        "ja": "、数量は{fy}（費目の初年度）の値で、以後毎年{rate}%増加",
    },
    # the categories that had no label (shown in English in Japanese tables)
    "cat_staff": {"en": "Staff", "ja": "職員給与"},
    "cat_contribution": {"en": "Contributions", "ja": "負担金"},
    "cat_insurance": {"en": "Insurance", "ja": "保険料"},
    "dfx_adr_table_head": {
        "en": "| # | option | score | total ({unit}, tax-incl.) |",
        "ja": "| 順位 | 選択肢 | 総合点 | 総費用（{unit}・税込） |",
    },
    "dfx_waiting_intro": {
        "en": "Starting later moves the option's whole plan — one-off items, and the start"
        " and end of its running costs — so that it buys the same years of service, later;"
        " meanwhile the current system ({current}) keeps running, with its extended support."
        " Each row covers the plan's fiscal years and those of its delay, tax-inclusive.",
        "ja": "開始を遅らせると、当該案の計画全体（一時費用と、経常費用の開始・終了）が後ろに"
        "ずれ、同じ年数の利用を遅れて受ける。その間は現行システム（{current}）の運用費と"
        "延長サポート費が続く。各行は計画期間とその遅れの年度を対象とする（税込）。",
    },
    "dfx_option_part": {"en": "of which the option", "ja": "うち当該案"},
    "dfx_waiting_note": {
        "en": "Starting now, the total is the plan of {option} ({plan}, as in every other"
        " table) plus the current system ({current}) until it goes live ({part}). A later"
        " start adds the current system's years and the option's price escalation; the"
        " option's {years} years of plan are never cut off by the end of the plan (doing so"
        " would make waiting look cheaper by a year of its running costs). NPV: {fy} at time"
        " 0 for every row; EAC: the NPV spread over the fiscal years the row covers.",
        "ja": "直ちに開始した行の総額は、{option}の計画額{plan}に、稼働までの現行システム"
        "（{current}）の費用{part}を加えたもの。遅らせた行は、その間の現行システムの費用と"
        "当該案の価格上昇を加える。当該案の{years}年度分の計画は計画期間の終わりで打ち切らない"
        "（打ち切ると、遅らせるほど利用料が減り安く見える）。正味現在価値はどの行も{fy}を時点0"
        "とし、等価年間費用は各行の対象年度数で割り戻した額。",
    },
    "dfx_waiting_note_plain": {
        "en": "Starting now, the total is the plan of {option} ({plan}, as in every other"
        " table). A later start adds the current system's years and the option's price"
        " escalation; the option's {years} years of plan are never cut off by the end of the"
        " plan. NPV: {fy} at time 0 for every row; EAC: the NPV spread over the fiscal years"
        " the row covers.",
        "ja": "直ちに開始した行の総額は、{option}の計画額{plan}（他の表と同じ）。遅らせた行は、"
        "その間の現行システムの費用と当該案の価格上昇を加える。当該案の{years}年度分の計画は"
        "計画期間の終わりで打ち切らない。正味現在価値はどの行も{fy}を時点0とし、等価年間費用"
        "は各行の対象年度数で割り戻した額。",
    },
    "dfx_too_late": {
        "en": "planned too late: {items} done {done}, {late} days after",
        "ja": "対応が遅い：{items}の完了は{done}で期限の{late}日後",
    },
    "dfx_extended_paid_col": {"en": "Extended support (paid)", "ja": "延長サポート（有償）"},
    # --- report registry (reg_): the walkthrough's example section (docs/extending.md) ---
    "reg_by_total": {"en": "Options by total cost", "ja": "総額の少ない順"},
    # --- growth compounding from the plan's first year (growth_from: plan) ---
    "ap_basis_growth_plan": {
        "en": "; quantity as of {fy} (the plan's first year), +{rate}% each year after",
        "ja": "、数量は{fy}（計画の初年度）の値で、以後毎年{rate}%増加",
    },
    "ap_growth_item": {"en": "{item} from {fy}", "ja": "{item}（{fy}から）"},
    "ap_growth_shared": {
        "en": "costs.yaml: {items} bill the same quantity '{quantity}' with growth from each "
        "item's own first year, so they count a different quantity in the same year; if it "
        "is one count for the whole organisation (such as its users), add growth_from: plan "
        "to these items",
        "ja": "costs.yaml：{items}は同じ数量「{quantity}」を費目ごとの初年度から増加させて"
        "いるため、同じ年度でも数量が異なる。組織全体で一つの数（利用者数など）であれば、"
        "これらの費目にgrowth_from: planを加えること",
    },
    # --- workspace problems (prob_): errors.Problem.render, messages.localize ---
    # Layout of a problem line and the WorkspaceError head.
    "prob_at": {"en": "{where}: {message}", "ja": "{where}：{message}"},
    "prob_at_field": {"en": "{where}: {field}: {message}", "ja": "{where}：{field}：{message}"},
    "prob_expected": {"en": " (expected {expected})", "ja": "（{expected}）"},
    "prob_head": {"en": "{n} problem(s):", "ja": "{n}件の問題："},
    "prob_head_in": {
        "en": "{n} problem(s) in workspace {root}:",
        "ja": "ワークスペース{root}に{n}件の問題：",
    },
    # CSV cells named by row and column.
    "prob_cell": {"en": "row {row}, column {column}", "ja": "行{row}・列{column}"},
    "prob_row": {"en": "row {row}", "ja": "行{row}"},
    "prob_column": {"en": "column {column}", "ja": "列{column}"},
    # What was found where something else belongs (fields._describe).
    "prob_a_mapping": {"en": "a mapping", "ja": "マッピング"},
    "prob_a_list": {"en": "a list", "ja": "リスト"},
    "prob_nothing": {"en": "nothing", "ja": "空の値"},
    "prob_boolean": {"en": "the boolean {value}", "ja": "真偽値{value}"},
    "prob_mapping_with": {"en": "a mapping with {keys}", "ja": "{keys}を持つマッピング"},
    # The schema's validate() and the converters (fields.py).
    "prob_unknown_key": {"en": "unknown key {key}", "ja": "不明なキー{key}"},
    "prob_one_of": {"en": "one of {words}", "ja": "{words}のいずれか"},
    "prob_one_of_also": {
        "en": "one of {words} (also {aliases})",
        "ja": "{words}のいずれか（別名：{aliases}）",
    },
    "prob_required_field": {
        "en": "required field {key} is missing",
        "ja": "必須項目{key}がない",
    },
    "prob_required_section": {
        "en": "required section {key} is missing",
        "ja": "必須のセクション{key}がない",
    },
    "prob_where_belongs": {
        "en": "{found} where {what} belongs",
        "ja": "{what}を書くところに{found}がある",
    },
    "prob_not_number": {"en": "{value} is not a number", "ja": "{value}は数値ではない"},
    "prob_not_number_commas": {
        "en": "{value} is not a number: write it without the commas, as {plain}",
        "ja": "{value}は数値ではない。カンマを除いて{plain}と書く",
    },
    "prob_not_finite": {
        "en": "{value} is not a finite number",
        "ja": "{value}は有限の数値ではない",
    },
    "prob_not_whole": {"en": "{value} is not a whole number", "ja": "{value}は整数ではない"},
    "prob_not_date": {"en": "{value} is not a date", "ja": "{value}は日付ではない"},
    "prob_not_id": {"en": "{value} is not a valid id", "ja": "{value}はIDとして使えない"},
    "prob_not_scenario_name": {
        "en": "{value} is not a valid scenario name",
        "ja": "{value}はシナリオ名として使えない",
    },
    "prob_not_name": {"en": "{value} is not a valid name", "ja": "{value}は名前として使えない"},
    "prob_not_assumption_name": {
        "en": "{value} is not a valid assumption name",
        "ja": "{value}は前提条件の名前として使えない",
    },
    "prob_not_allowed": {"en": "{value} is not allowed", "ja": "{value}は使えない"},
    "prob_out_of_range": {"en": "{value} is out of range", "ja": "{value}は範囲外"},
    "prob_not_bool": {
        "en": "{value} is not true or false",
        "ja": "{value}はtrueでもfalseでもない",
    },
    "prob_not_csv_name": {
        "en": "{value} is not a CSV file name in the workspace",
        "ja": "{value}はワークスペース内のCSVファイル名ではない",
    },
    "prob_not_value": {
        "en": "{value} is neither a number nor the name of an assumption",
        "ja": "{value}は数値でも前提条件の名前でもない",
    },
    "prob_not_when": {
        "en": "{value} is neither a fiscal year nor a month",
        "ja": "{value}は年度でも年月でもない",
    },
    "prob_options_empty": {"en": "the list of options is empty", "ja": "選択肢のリストが空"},
    "prob_x_one_option": {"en": "at least one of options", "ja": "1つ以上の選択肢"},
    "prob_list_of_options": {"en": "a list of options", "ja": "選択肢のリスト"},
    "prob_list_of_items": {"en": "a list of cost items", "ja": "費用項目のリスト"},
    "prob_dup_option": {
        "en": "duplicate option id {id} (first on line {line})",
        "ja": "選択肢のID{id}が重複している（最初は{line}行目）",
    },
    "prob_dup_criterion": {
        "en": "duplicate criterion id {id} (first on line {line})",
        "ja": "評価項目のID{id}が重複している（最初は{line}行目）",
    },
    "prob_dup_item": {
        "en": "duplicate cost item id {id} (first on line {line})",
        "ja": "費用項目のID{id}が重複している（最初は{line}行目）",
    },
    "prob_x_unique_option": {"en": "a unique id for each option", "ja": "選択肢ごとに異なるID"},
    "prob_x_unique_criterion": {
        "en": "a unique id for each criterion",
        "ja": "評価項目ごとに異なるID",
    },
    "prob_x_unique_item": {"en": "a unique id for each cost item", "ja": "費用項目ごとに異なるID"},
    # Expectations of the field types (schema/base.py).
    "prob_x_text": {"en": "text", "ja": "文字列"},
    "prob_x_number": {"en": "a number", "ja": "数値"},
    "prob_x_whole": {"en": "a whole number", "ja": "整数"},
    "prob_x_date": {"en": "a date as YYYY-MM-DD", "ja": "YYYY-MM-DD形式の日付"},
    "prob_x_bool": {"en": "true or false", "ja": "trueまたはfalse"},
    "prob_x_ident": {
        "en": "a short id of letters, digits, '-', '_', '.'",
        "ja": "英数字と'-'、'_'、'.'による短いID",
    },
    "prob_x_name": {
        "en": "letters, digits and '_', starting with a letter",
        "ja": "英字で始まる英数字と'_'",
    },
    "prob_x_when": {
        "en": "a fiscal year such as 2026, or a month such as 2026-10",
        "ja": "2026のような年度、または2026-10のような年月",
    },
    "prob_x_value": {
        "en": "a number, or the name of an assumption in assumptions.yaml",
        "ja": "数値、またはassumptions.yamlの前提条件の名前",
    },
    "prob_x_see_docs": {"en": "see docs/workspace.md", "ja": "docs/workspace.mdを参照"},
    # File-level problems (loader.py, _yaml.py).
    "prob_file_missing": {"en": "file is missing", "ja": "ファイルがない"},
    "prob_x_file_in_ws": {
        "en": "a file {name} in the workspace folder",
        "ja": "ワークスペースのフォルダにファイル{name}",
    },
    "prob_file_empty": {"en": "file is empty", "ja": "ファイルが空"},
    "prob_x_yaml_content": {
        "en": "YAML content (see the template from 'archplan new')",
        "ja": "YAMLの内容（'archplan new'のひな形を参照）",
    },
    "prob_file_too_large": {
        "en": "file is {size} bytes, too large to be a planning file",
        "ja": "ファイルが{size}バイトあり、計画のファイルとしては大きすぎる",
    },
    "prob_x_at_most_bytes": {"en": "at most {size} bytes", "ja": "{size}バイト以下"},
    "prob_not_utf8": {"en": "file is not UTF-8 text", "ja": "ファイルがUTF-8のテキストではない"},
    "prob_x_utf8": {
        "en": "UTF-8 (or Shift_JIS as saved by Excel)",
        "ja": "UTF-8（またはExcelが保存したShift_JIS）",
    },
    "prob_nul": {
        "en": "file contains NUL bytes (binary data)",
        "ja": "ファイルにNULバイトがある（バイナリデータ）",
    },
    "prob_x_text_file": {"en": "a text file", "ja": "テキストファイル"},
    "prob_tab": {"en": "a tab is used for indentation", "ja": "字下げにタブが使われている"},
    "prob_x_spaces": {
        "en": "spaces (YAML does not allow tabs for indentation)",
        "ja": "空白（YAMLでは字下げにタブを使えない）",
    },
    "prob_duplicate_key": {
        "en": "duplicate key {key} (first given on line {line})",
        "ja": "キー{key}が重複している（最初は{line}行目）",
    },
    "prob_x_key_once": {"en": "each key once", "ja": "各キーは1回だけ"},
    "prob_merge_key": {
        "en": "merge keys ('<<') are not supported",
        "ja": "マージキー（'<<'）は使えない",
    },
    "prob_x_keys_in_full": {"en": "the keys written out in full", "ja": "キーをすべて書き出すこと"},
    "prob_key_not_plain": {
        "en": "a mapping key must be a plain value",
        "ja": "マッピングのキーは単純な値でなければならない",
    },
    "prob_x_a_name": {"en": "a name", "ja": "名前"},
    "prob_alias_bomb": {
        "en": "the file expands to more than {n} values (aliases repeated too often)",
        "ja": "ファイルを展開すると{n}個を超える値になる（エイリアスの繰り返しが多すぎる）",
    },
    "prob_x_no_alias": {
        "en": "a plain file without nested alias expansion",
        "ja": "入れ子のエイリアス展開のない普通のファイル",
    },
    "prob_yaml_tag": {
        "en": "YAML syntax: could not determine a constructor for the tag {tag} "
        "(only plain YAML is read; tags that build objects are refused)",
        "ja": "YAML構文：タグ{tag}は読めない（読むのは素のYAMLだけで、オブジェクトを作るタグは"
        "受け付けない）",
    },
    "prob_yaml_syntax": {"en": "YAML syntax: {what}", "ja": "YAML構文エラー：{what}"},
    "prob_yaml_error": {"en": "YAML error: {what}", "ja": "YAMLエラー：{what}"},
    "prob_x_valid_yaml": {"en": "valid YAML", "ja": "正しいYAML"},
    "prob_control_char": {
        "en": "a control character ({code}) is not allowed in YAML",
        "ja": "YAMLに制御文字（{code}）は使えない",
    },
    "prob_x_printable": {"en": "printable text", "ja": "印字可能な文字"},
    "prob_too_deep": {"en": "the file is nested too deeply", "ja": "ファイルの入れ子が深すぎる"},
    "prob_x_few_levels": {
        "en": "at most a few levels of nesting",
        "ja": "数段までの入れ子",
    },
    # Cross-file rules (rules.py).
    "prob_unknown_assumption": {
        "en": "unknown assumption {name}",
        "ja": "不明な前提条件{name}",
    },
    "prob_unknown_option": {"en": "unknown option {name}", "ja": "不明な選択肢{name}"},
    "prob_unknown_option_near": {
        "en": "unknown option {name}; nearest: {near}",
        "ja": "不明な選択肢{name}（近いもの：{near}）",
    },
    "prob_unknown_item": {"en": "unknown cost item {name}", "ja": "不明な費用項目{name}"},
    "prob_unknown_item_near": {
        "en": "unknown cost item {name}; nearest: {near}",
        "ja": "不明な費用項目{name}（近いもの：{near}）",
    },
    "prob_unknown_item2": {"en": "unknown item {name}", "ja": "不明な費用項目{name}"},
    "prob_unknown_contract": {"en": "unknown contract {name}", "ja": "不明な契約{name}"},
    "prob_unknown_asset": {"en": "unknown asset class {name}", "ja": "不明な資産区分{name}"},
    "prob_unknown_category": {"en": "unknown category {name}", "ja": "不明な費目{name}"},
    "prob_unknown_criterion": {"en": "unknown criterion {name}", "ja": "不明な評価項目{name}"},
    "prob_no_uncertainty": {
        "en": "assumption {name} has no uncertainty",
        "ja": "前提条件{name}に不確実性（uncertainty）がない",
    },
    "prob_pair_twice": {
        "en": "the pair {a}, {b} is given twice",
        "ja": "組{a}、{b}が2回書かれている",
    },
    "prob_no_rate": {"en": "no exchange rate for {currency}", "ja": "{currency}の為替レートがない"},
    "prob_series_length": {
        "en": "the series has {n} values for {years} fiscal years",
        "ja": "{years}年度に対して系列の値が{n}個",
    },
    "prob_fy_outside": {"en": "FY{fy} is outside the plan", "ja": "{fy}年度は計画期間の外"},
    "prob_x_fy_from_to": {
        "en": "a fiscal year from {first} to {last}",
        "ja": "{first}年度から{last}年度までのいずれか",
    },
    "prob_cycle": {
        "en": "percentage-of references form a cycle: {chain}",
        "ja": "割合（percent_of）の参照が循環している：{chain}",
    },
    "prob_x_cycle_end": {
        "en": "references that end at items priced another way",
        "ja": "別の方法で金額を決める項目で終わる参照",
    },
    "prob_x_other_item": {"en": "the id of another cost item", "ja": "別の費用項目のID"},
    "prob_x_item_in_costs": {
        "en": "the id of an item in costs.yaml",
        "ja": "costs.yamlの費用項目のID",
    },
    "prob_x_option_id": {"en": "an option id from options.yaml", "ja": "options.yamlの選択肢ID"},
    "prob_x_option_id_list": {
        "en": "an option id from options.yaml: {ids}",
        "ja": "options.yamlの選択肢ID：{ids}",
    },
    "prob_x_option_id_known": {
        "en": "an option id from options.yaml (known: {ids})",
        "ja": "options.yamlの選択肢ID（既知：{ids}）",
    },
    "prob_x_assumption_known": {
        "en": "the name of an assumption in assumptions.yaml (known: {names})",
        "ja": "assumptions.yamlの前提条件の名前（既知：{names}）",
    },
    "prob_x_assumption_above": {
        "en": "the name of an assumption above",
        "ja": "上で定義した前提条件の名前",
    },
    "prob_x_rate_assumption": {
        "en": "exchange_rates: {{{currency}: <assumption name>}} in archplan.yaml",
        "ja": "archplan.yamlのexchange_rates: {{{currency}: <前提条件の名前>}}",
    },
    "prob_x_contract": {
        "en": "the id of a contract under 'contracts:' in costs.yaml",
        "ja": "costs.yamlの'contracts:'にある契約のID",
    },
    "prob_x_series": {
        "en": "one quantity per fiscal year from start to end",
        "ja": "startからendまでの各年度に1つずつの数量",
    },
    "prob_negative_amount": {"en": "negative amount {value}", "ja": "負の金額{value}"},
    "prob_negative_quantity": {"en": "negative quantity {value}", "ja": "負の数量{value}"},
    # scores.csv (loader.py).
    "prob_no_score_column": {
        "en": "criterion {name} has no column of scores",
        "ja": "評価項目{name}の評価の列がない",
    },
    "prob_x_column_headed": {"en": "a column headed {name}", "ja": "見出しが{name}の列"},
    "prob_no_score_row": {
        "en": "option {name} has no row of scores",
        "ja": "選択肢{name}の評価の行がない",
    },
    "prob_x_row_starting": {"en": "a row starting with {name}", "ja": "{name}で始まる行"},
    "prob_x_criterion_id_list": {
        "en": "a criterion id from criteria.yaml: {ids}",
        "ja": "criteria.yamlの評価項目ID：{ids}",
    },
    "prob_duplicate_row": {
        "en": "duplicate row for option {name} (first on line {line})",
        "ja": "選択肢{name}の行が重複している（最初は{line}行目）",
    },
    "prob_x_one_row": {"en": "one row per option", "ja": "選択肢ごとに1行"},
    "prob_missing_score": {
        "en": "missing score for option {option} on criterion {criterion}",
        "ja": "選択肢{option}の評価項目{criterion}の評価がない",
    },
    "prob_x_score": {
        "en": "a score (or, in criteria.yaml, missing: worst or missing: impute)",
        "ja": "評価値（またはcriteria.yamlでmissing: worstかmissing: impute）",
    },
    "prob_score_not_number": {
        "en": "score {value} is not a number",
        "ja": "評価{value}は数値ではない",
    },
    "prob_score_not_mark": {
        "en": "score {value} is not a mark of the {scale} scale ({marks})",
        "ja": "評価{value}は{scale}尺度の記号（{marks}）ではない",
    },
    "prob_x_mark": {
        "en": "a mark of the {scale} scale ({marks})",
        "ja": "{scale}尺度の記号（{marks}）",
    },
    "prob_from_cost_model": {
        "en": "criterion {name} is taken from the cost model ({what})",
        "ja": "評価項目{name}は費用計画から算出する（{what}）",
    },
    "prob_x_no_column": {
        "en": "no column for it: its values are computed, so they cannot drift",
        "ja": "この列は不要（値は計算するので食い違わない）",
    },
    "prob_first_header": {
        "en": "first header cell is {value}",
        "ja": "見出しの最初のセルが{value}",
    },
    "prob_x_option_column": {
        "en": "{name} (the column of option ids)",
        "ja": "{name}（選択肢IDの列）",
    },
    "prob_empty_header": {"en": "empty header cell", "ja": "見出しのセルが空"},
    "prob_x_criterion_id": {"en": "a criterion id", "ja": "評価項目ID"},
    "prob_x_scores_file": {
        "en": "a header {header} and one row per option",
        "ja": "見出し{header}と選択肢ごとに1行",
    },
    # Notices (read correctly and said).
    "prob_n_bom": {
        "en": "{file}: a byte-order mark was ignored",
        "ja": "{file}：バイトオーダーマーク（BOM）を無視した",
    },
    "prob_n_crlf": {
        "en": "{file}: Windows (CRLF) line ends were read as usual",
        "ja": "{file}：Windowsの改行（CRLF）を通常どおり読んだ",
    },
    "prob_n_sjis": {
        "en": "{file}: read as Shift_JIS (cp932); save as UTF-8 to avoid this",
        "ja": "{file}：Shift_JIS（cp932）として読んだ。UTF-8で保存すればこの注意は出ない",
    },
    "prob_n_fullwidth": {
        "en": "{file}: {cell}: {value} read as {number} (full-width digits or separators)",
        "ja": "{file}：{cell}：{value}を{number}として読んだ（全角の数字または桁区切り）",
    },
    "prob_n_empty_columns": {
        "en": "{file}: {n} empty column(s) left by a spreadsheet were ignored",
        "ja": "{file}：表計算ソフトが残した空の列{n}個を無視した",
    },
    "prob_n_mark": {
        "en": "{file}: {cell}: {value} read as the mark {mark}",
        "ja": "{file}：{cell}：{value}を記号{mark}として読んだ",
    },
    "prob_x_rate_holding": {
        "en": "the name of an assumption in assumptions.yaml holding the rate",
        "ja": "為替レートを持つassumptions.yamlの前提条件の名前",
    },
    "prob_x_name_eg": {
        "en": "letters, digits and '_', starting with a letter, e.g. {example}",
        "ja": "英字で始まる英数字と'_'（例：{example}）",
    },
    "prob_x_corr_between": {
        "en": "an assumption with an uncertainty, item:<id> or risk:<id>",
        "ja": "uncertaintyを持つ前提条件、item:<id>またはrisk:<id>",
    },
    "prob_x_carry": {"en": "inputs that carry an {what}", "ja": "{what}を持つ入力"},
    "prob_impossible_dist": {
        "en": "impossible distribution: {dist} needs min ≤ mode ≤ max and min < max, got {got}",
        "ja": "分布が成り立たない：{dist}にはmin ≤ mode ≤ maxかつmin < maxが必要"
        "（与えられた値：{got}）",
    },
    "prob_x_dist": {
        "en": "min ≤ mode ≤ max with min < max (lognormal: 0 < median < p90)",
        "ja": "min ≤ mode ≤ maxかつmin < max（lognormalは0 < median < p90）",
    },
    "prob_unknown_product": {
        "en": "unknown product {name} in the end-of-life data; nearest: {near}",
        "ja": "サポート終了データに製品{name}がない（近いもの：{near}）",
    },
    "prob_unknown_product_plain": {
        "en": "unknown product {name} in the end-of-life data",
        "ja": "サポート終了データに製品{name}がない",
    },
    "prob_x_product": {
        "en": "a product of the end-of-life data",
        "ja": "サポート終了データの製品",
    },
    "prob_no_release_near": {
        "en": "{product} has no release {name}; nearest: {near} (known: {known})",
        "ja": "{product}にリリース{name}がない（近いもの：{near}、既知：{known}）",
    },
    "prob_no_release": {
        "en": "{product} has no release {name} (known: {known})",
        "ja": "{product}にリリース{name}がない（既知：{known}）",
    },
    "prob_x_release": {"en": "a release cycle of {product}", "ja": "{product}のリリース"},
    "prob_needs": {"en": "'{a}' needs '{b}'", "ja": "'{a}'には'{b}'が必要"},
    "prob_x_contract_start": {"en": "the contract's first day", "ja": "契約の初日"},
    "prob_one_off_end": {
        "en": "a one-off item has a single date",
        "ja": "一回限りの項目の日付は1つだけ",
    },
    "prob_x_one_off_end": {
        "en": "no 'end' (or 'every' for a refresh cycle)",
        "ja": "'end'なし（更新周期なら'every'）",
    },
    "prob_end_before_start": {
        "en": "end {end} is before start {start}",
        "ja": "終了{end}が開始{start}より前",
    },
    "prob_two_ways": {
        "en": "more than one way to price the item: {ways}",
        "ja": "金額の決め方が複数ある：{ways}",
    },
    "prob_x_one_way_of": {
        "en": "exactly one of amount, quantity × unit_price, quantity with tiers, percent_of",
        "ja": "amount、quantity × unit_price、quantityとtiers、percent_ofのどれか1つ",
    },
    "prob_no_way": {
        "en": "no amount: give amount, quantity and unit_price, quantity and tiers, or percent_of",
        "ja": "金額がない：amount、quantityとunit_price、quantityとtiers、percent_ofの"
        "いずれかを書く",
    },
    "prob_x_one_way": {
        "en": "exactly one way to price the item",
        "ja": "金額の決め方をちょうど1つ",
    },
    "prob_bands": {
        "en": "band starts {starts} are not increasing from 0",
        "ja": "区分の開始値{starts}が0から増えていない",
    },
    "prob_x_bands": {
        "en": "bands starting at 0, each starting higher",
        "ja": "0から始まり、順に大きくなる区分",
    },
    "prob_x_rank": {
        "en": "the criterion's importance rank, 1 = most important",
        "ja": "評価項目の重要度の順位（1が最重要）",
    },
    "prob_not_a_mark": {
        "en": "{value} is not a mark of the {scale} scale",
        "ja": "{value}は{scale}尺度の記号ではない",
    },
    "prob_x_must_not": {
        "en": "marks that knock an option out, e.g. [×]",
        "ja": "選択肢を足切りする記号（例：[×]）",
    },
    "prob_no_number_for": {"en": "no number for {marks}", "ja": "{marks}に対応する数値がない"},
    "prob_x_every_mark": {
        "en": "a number for every mark: {marks}",
        "ja": "すべての記号に対応する数値：{marks}",
    },
    "prob_target_one": {
        "en": "a target criterion needs exactly one of {a} and {b}",
        "ja": "目標型の評価項目には{a}と{b}のどちらか一方だけが必要",
    },
    "prob_x_target": {
        "en": "target: {target}, or range: {range}",
        "ja": "target: {target}、またはrange: {range}",
    },
    "prob_zero_weights": {
        "en": "all criterion weights are zero",
        "ja": "評価項目の重みがすべて0",
    },
    "prob_x_positive_weight": {
        "en": "at least one positive weight",
        "ja": "正の重みを1つ以上",
    },
    "prob_not_judgement": {
        "en": "{value} is not a judgement",
        "ja": "{value}は一対比較の判断値ではない",
    },
    "prob_x_judgement": {
        "en": "a number or a fraction such as 1/3",
        "ja": "数値、または1/3のような分数",
    },
    "prob_cr": {
        "en": "consistency ratio {cr} exceeds {limit}: the pairwise judgements contradict "
        "each other; revise them, or accept them explicitly",
        "ja": "整合度（CR）{cr}が{limit}を超える：一対比較の判断が互いに矛盾している。"
        "見直すか、明示的に受け入れること",
    },
    "prob_not_reciprocal": {
        "en": "the table is not reciprocal: {a} vs {b} is {x} but the opposite judgement "
        "is {y} (expected {z})",
        "ja": "表が逆数になっていない：{a}対{b}は{x}だが、逆の判断は{y}（{z}であるべき）",
    },
    "prob_x_ahp": {
        "en": "consistent, reciprocal pairwise judgements (CR ≤ {limit})",
        "ja": "整合し、逆数になっている一対比較の判断（CR ≤ {limit}）",
    },
    "prob_x_ahp_table": {
        "en": "a square table of pairwise judgements",
        "ja": "一対比較の正方の表",
    },
    "prob_x_option_ids_eg": {
        "en": "a short id of letters, digits, '-', '_', e.g. {example}",
        "ja": "英数字と'-'、'_'による短いID（例：{example}）",
    },
    "prob_x_scores_header": {
        "en": "{header} (the column of option ids)",
        "ja": "{header}（選択肢IDの列）",
    },
    "prob_outside_plan": {
        "en": "{file}: item {id} ({span}) lies outside the plan's fiscal years {years}",
        "ja": "{file}：項目{id}（{span}）が計画の年度{years}の外にある",
    },
    # Actuals (actuals/) and decision records (decisions/), as they reach check.
    "prob_x_rate_actuals": {
        "en": "a rate for {currency} under rates: in actuals/actuals.yaml",
        "ja": "actuals/actuals.yamlのrates:に{currency}のレート",
    },
    "prob_not_amount": {"en": "{value} is not an amount", "ja": "{value}は金額ではない"},
    "prob_x_focus_amount": {
        "en": "a number (FOCUS amounts are decimal numbers)",
        "ja": "数値（FOCUSの金額は10進数）",
    },
    "prob_x_ledger_amount": {
        "en": "a number in {unit} (commas and ▲ for negative allowed)",
        "ja": "{unit}単位の数値（桁区切りのカンマと負の数の▲は可）",
    },
    "prob_no_column": {"en": "no {name} column", "ja": "{name}の列がない"},
    "prob_no_column_found": {
        "en": "no {name} column (found: {found})",
        "ja": "{name}の列がない（あった列：{found}）",
    },
    "prob_x_focus_column": {
        "en": "a FOCUS 1.0–1.2 export with a {name} column",
        "ja": "{name}の列を持つFOCUS 1.0〜1.2のエクスポート",
    },
    "prob_x_column_any": {"en": "a column headed {names}", "ja": "見出しが{names}の列"},
    "prob_not_declared_encoding": {
        "en": "file is not text in the declared encoding",
        "ja": "ファイルが宣言された文字コードのテキストではない",
    },
    "prob_x_declared_encoding": {
        "en": "{encoding} (encoding: {name} in actuals.yaml)",
        "ja": "{encoding}（actuals.yamlのencoding: {name}）",
    },
    "prob_unit_not_declared": {
        "en": "the unit of the amounts is not declared",
        "ja": "金額の単位が宣言されていない",
    },
    "prob_x_unit": {
        "en": "a header such as {a} or {b}, a line {c}, or unit: in actuals.yaml",
        "ja": "{a}や{b}のような見出し、{c}の行、またはactuals.yamlのunit:",
    },
    "prob_document_repeats": {
        "en": "document {doc} repeats line {line} (same item, date and amount): a duplicated row",
        "ja": "伝票{doc}が{line}行目と重複している（同じ費目・日付・金額）：行の重複",
    },
    "prob_x_document_once": {
        "en": "each document once; if both are real, give them distinct references",
        "ja": "各伝票は1回だけ（どちらも実在するなら別の番号を付ける）",
    },
    "prob_not_record_number": {
        "en": "{value} is not a record number",
        "ja": "{value}は記録番号ではない",
    },
    "prob_x_eg": {"en": "e.g. {example}", "ja": "例：{example}"},
    "prob_x_ymd": {"en": "YYYY-MM-DD", "ja": "YYYY-MM-DD形式の日付"},
    "prob_number_used": {
        "en": "record number {n} is also used by {path}",
        "ja": "記録番号{n}は{path}でも使われている",
    },
    "prob_x_unique_number": {"en": "a unique number per record", "ja": "記録ごとに異なる番号"},
    "prob_chain_cycle": {
        "en": "supersede chain forms a cycle: {chain}",
        "ja": "置き換えの連鎖が循環している：{chain}",
    },
    "prob_x_chain": {
        "en": "a chain that ends at the current decision",
        "ja": "現在の決定で終わる連鎖",
    },
    "prob_option_gone": {
        "en": "option {name} no longer exists in the workspace",
        "ja": "選択肢{name}はもうワークスペースにない",
    },
    "prob_x_ids_from_options": {
        "en": "ids from options.yaml: {ids}",
        "ja": "options.yamlのID：{ids}",
    },
    "prob_broken_link": {"en": "broken link to {target}", "ja": "{target}へのリンクが切れている"},
    "prob_x_decisions_file": {
        "en": "a file in the decisions folder",
        "ja": "decisions/フォルダのファイル",
    },
    "prob_front_not_mapping": {
        "en": "front matter is not a mapping",
        "ja": "フロントマターがマッピングではない",
    },
    "prob_x_front_lines": {
        "en": "key: value lines such as {example}",
        "ja": "{example}のような「キー: 値」の行",
    },
    "prob_front_unclosed": {
        "en": "front matter opened with {mark} on line {line} is never closed",
        "ja": "{line}行目の{mark}で始まるフロントマターが閉じられていない",
    },
    "prob_x_front_close": {
        "en": "a line {mark} after the front matter, before the {title}",
        "ja": "フロントマターの後、{title}の前に{mark}の行",
    },
    "prob_unknown_status": {"en": "unknown status {name}", "ja": "不明な状態{name}"},
    "prob_x_status": {
        "en": "proposed, accepted, rejected, deprecated or superseded by …",
        "ja": "proposed、accepted、rejected、deprecated、superseded by …のいずれか",
    },
    "prob_not_utf8_at": {
        "en": "not UTF-8 text ({detail})",
        "ja": "UTF-8のテキストではない（{detail}）",
    },
    "prob_x_utf8_md": {"en": "a UTF-8 Markdown file", "ja": "UTF-8のMarkdownファイル"},
    "prob_trigger": {
        "en": "trigger {text} is not understood; write e.g. {examples}",
        "ja": "条件{text}を解釈できない（書き方の例：{examples}）",
    },
    "prob_x_trigger": {
        "en": "a condition archplan understands (docs/decisions.md)",
        "ja": "archplanが解釈できる条件（docs/decisions.md）",
    },
    "prob_no_section": {"en": "no {name} section", "ja": "{name}の節がない"},
    "prob_x_madr": {
        "en": "the MADR sections: {names}",
        "ja": "MADRの節：{names}",
    },
    "prob_trigger_fires": {
        "en": "trigger fires: {text} — {because}",
        "ja": "見直しの契機に該当：{text}（{because}）",
    },
    "prob_x_revisit": {"en": "the decision to be revisited", "ja": "決定の見直し"},
    "prob_assumption_gone": {
        "en": "assumption {name} no longer exists",
        "ja": "前提条件{name}はもうない",
    },
    "prob_x_assumption_names": {
        "en": "names from assumptions.yaml",
        "ja": "assumptions.yamlの前提条件の名前",
    },
    "prob_review_due": {"en": "review was due on {date}", "ja": "見直し期限{date}を過ぎている"},
    "prob_x_review": {
        "en": "a review, then a new review-by date",
        "ja": "見直しを行い、新しいreview-byの日付を書くこと",
    },
    "prob_x_tax": {
        "en": "taxable (課税), non_taxable (不課税) or exempt (非課税)",
        "ja": "taxable（課税）、non_taxable（不課税）、exempt（非課税）のいずれか",
    },
    "prob_n_date_ambiguous": {
        "en": "{where}: date {raw} is ambiguous (day/month or month/day); not guessed",
        "ja": "{where}：日付{raw}は日/月とも月/日とも読めるため、推測しない",
    },
    "prob_n_date_unreadable": {
        "en": "{where}: date {raw} cannot be read",
        "ja": "{where}：日付{raw}を読み取れない",
    },
    "prob_trigger_or": {
        "en": "trigger {text} is not understood; write e.g. {examples} or {last}",
        "ja": "条件{text}を解釈できない（書き方の例：{examples}、{last}）",
    },
    "prob_x_date_plain": {"en": "a date YYYY-MM-DD", "ja": "YYYY-MM-DD形式の日付"},
    "prob_x_yen": {"en": "yen", "ja": "円単位の金額"},
    "prob_x_yen_nonneg": {"en": "a non-negative amount in yen", "ja": "0以上の円単位の金額"},
    # What belongs where (the models' own names for their mappings and lists).
    "prob_where_belong": {
        "en": "{found} where {what} belong",
        "ja": "{what}を書くところに{found}がある",
    },
    "prob_w_options": {"en": "options", "ja": "選択肢"},
    "prob_w_item_ids": {"en": "item ids", "ja": "費用項目のID"},
    "prob_mapping_such_as": {
        "en": "a mapping such as {example}",
        "ja": "{example}のようなマッピング",
    },
    "prob_mapping_assumptions": {
        "en": "a mapping of assumption names to entries",
        "ja": "前提条件の名前と内容のマッピング",
    },
    "prob_mapping_component": {
        "en": "a mapping with id, options and a product or dates",
        "ja": "id、optionsと、productまたは日付を持つマッピング",
    },
    "prob_list_components": {"en": "a list of components", "ja": "構成要素のリスト"},
    "prob_list_criteria": {"en": "a list of criteria", "ja": "評価項目のリスト"},
    "prob_mapping_item": {
        "en": "a mapping describing one cost item",
        "ja": "費用項目1件を表すマッピング",
    },
    "prob_mapping_must": {
        "en": "a mapping with min, max or not",
        "ja": "min、max、notのいずれかを持つマッピング",
    },
    "prob_x_must": {"en": "min, max or not", "ja": "min、max、notのいずれか"},
    "prob_empty_must": {"en": "an empty must-have rule", "ja": "必須条件が空"},
    "prob_item_other_option": {
        "en": "item {id} belongs to option {option}, which does not use this component",
        "ja": "項目{id}は選択肢{option}のものだが、その選択肢はこの構成要素を使わない",
    },
    "prob_x_dist_needs": {
        "en": "a number ({dist} needs min, mode, max)",
        "ja": "数値（{dist}にはmin、mode、maxが必要）",
    },
    "prob_x_assumption_name": {
        "en": "the name of an assumption in assumptions.yaml",
        "ja": "assumptions.yamlの前提条件の名前",
    },
    "prob_x_product_release": {
        "en": "both product (e.g. windows-server) and release (e.g. '2016')",
        "ja": "productとreleaseの両方（例：windows-serverと'2016'）",
    },
    "prob_x_when_or_null": {
        "en": "a fiscal year (2026) or a month ('2026-09'), or null",
        "ja": "年度（2026）、年月（'2026-09'）、またはnull",
    },
    "prob_x_component_item": {
        "en": "an item of one of the component's options ({ids})",
        "ja": "構成要素の選択肢（{ids}）の費用項目",
    },
    "prob_x_item_id": {"en": "an item id from costs.yaml", "ja": "costs.yamlの費用項目ID"},
    "prob_x_weight": {
        "en": "a weight of zero or more (weights are rescaled to sum to 1)",
        "ja": "0以上の重み（合計1に正規化する）",
    },
    "prob_mapping_asset_years": {
        "en": "a mapping of asset class to years",
        "ja": "資産区分と年数のマッピング",
    },
    "prob_mapping_scenarios": {
        "en": "a mapping of scenario names to overrides",
        "ja": "シナリオ名と上書きする値のマッピング",
    },
    "prob_list_contracts": {"en": "a list of contracts", "ja": "契約のリスト"},
    "prob_missing_for": {
        "en": "'{name}' is missing ({other} needs it)",
        "ja": "'{name}'がない（{other}に必要）",
    },
    "prob_negative_unit_price": {
        "en": "negative unit_price {value}",
        "ja": "負のunit_price {value}",
    },
    "prob_ranks": {
        "en": "ranks {ranks} are not 1 … {n} each once",
        "ja": "順位{ranks}が1〜{n}を1回ずつになっていない",
    },
    "prob_x_quantity": {
        "en": "a quantity: a number, an assumption name or a list per year",
        "ja": "数量：数値、前提条件の名前、または年度ごとのリスト",
    },
    "prob_x_ranks": {
        "en": "each criterion a different rank from 1 (most important)",
        "ja": "評価項目ごとに異なる順位（1が最重要）",
    },
    "prob_lognormal": {
        "en": "impossible distribution: lognormal needs 0 < median < p90, got {got}",
        "ja": "分布が成り立たない：lognormalには0 < median < p90が必要（与えられた値：{got}）",
    },
    "prob_x_lognormal": {
        "en": "a number (lognormal needs median, p90)",
        "ja": "数値（lognormalにはmedian、p90が必要）",
    },
    "prob_not_pair": {
        "en": "{value} is not a pair of input names",
        "ja": "{value}は入力名の組ではない",
    },
    "prob_not_assumption_name2": {
        "en": "{value} is not an assumption name",
        "ja": "{value}は前提条件の名前ではない",
    },
    "prob_not_component_kind": {
        "en": "{value} is not a kind of component",
        "ja": "{value}は構成要素の種類ではない",
    },
    "prob_mapping_correlation": {
        "en": "a mapping with between and rho",
        "ja": "betweenとrhoを持つマッピング",
    },
    "prob_mapping_impact": {
        "en": "a mapping of option to impact",
        "ja": "選択肢と影響額のマッピング",
    },
    "prob_mapping_risk": {
        "en": "a mapping describing one risk event",
        "ja": "リスク事象1件を表すマッピング",
    },
    "prob_list_parties": {"en": "a list of parties", "ja": "負担先のリスト"},
    "prob_factor_positive": {
        "en": "an item's uncertainty is a factor on its amount and must be positive",
        "ja": "項目のuncertaintyは金額に掛ける係数なので正でなければならない",
    },
    "prob_impact_or_impacts": {
        "en": "give either 'impact' (with 'options') or 'impacts' (per option)",
        "ja": "'impact'（と'options'）か'impacts'（選択肢ごと）のどちらかを書く",
    },
    "prob_no_options_named": {"en": "no options named", "ja": "選択肢が指定されていない"},
    "prob_unknown_currency": {"en": "unknown currency {name}", "ja": "不明な通貨{name}"},
    "prob_hardware_needs": {
        "en": "a hardware component needs 'maintenance_end' or 'useful_life'",
        "ja": "ハードウェアの構成要素には'maintenance_end'か'useful_life'が必要",
    },
    "prob_growth_and_series": {
        "en": "growth and a per-year quantity series together",
        "ja": "growthと年度ごとの数量の系列が両方ある",
    },
    "prob_x_item_ids": {"en": "ids of items in costs.yaml", "ja": "costs.yamlの費用項目のID"},
    "prob_x_last_fy": {
        "en": "the last fiscal year ({fy}) or month ({month}) of a recurring item",
        "ja": "継続する項目の最後の年度（{fy}）または年月（{month}）",
    },
    "prob_x_impacts": {
        "en": "impact: <number or distribution> and options: [...], "
        "or impacts: {{option: <number or distribution>}}",
        "ja": "impact: <数値または分布>とoptions: [...]、"
        "またはimpacts: {{option: <数値または分布>}}",
    },
    "prob_x_affected_options": {
        "en": "the option ids it affects",
        "ja": "影響を受ける選択肢のID",
    },
    "prob_x_rate_eg": {
        "en": "the name of an assumption holding the rate, e.g. {example}",
        "ja": "為替レートを持つ前提条件の名前（例：{example}）",
    },
    "prob_x_party": {
        "en": "the party's population, transactions or ratio (zero or more)",
        "ja": "負担先の人口、取引件数または比率（0以上）",
    },
    "prob_x_purchase_date": {
        "en": "the purchase date YYYY-MM-DD",
        "ja": "購入日（YYYY-MM-DD）",
    },
    "prob_x_growth_or_series": {
        "en": "either a growth rate or an explicit series",
        "ja": "伸び率か明示的な系列のどちらか一方",
    },
    # --- Japanese throughout (issue 11, i11b): PyYAML's problems, decoder reasons,
    # labels archplan gives fields and ledger columns ---
    "prob_utf8_invalid_start_at": {
        "en": "invalid start byte at byte {pos}",
        "ja": "バイト位置{pos}に文字の先頭になれないバイトがある",
    },
    "prob_utf8_invalid_cont_at": {
        "en": "invalid continuation byte at byte {pos}",
        "ja": "バイト位置{pos}に文字の続きになれないバイトがある",
    },
    "prob_utf8_end_at": {
        "en": "unexpected end of data at byte {pos}",
        "ja": "バイト位置{pos}で文字が途中で終わっている",
    },
    "prob_utf8_invalid_start": {
        "en": "invalid start byte",
        "ja": "文字の先頭になれないバイトがある",
    },
    "prob_utf8_invalid_cont": {
        "en": "invalid continuation byte",
        "ja": "文字の続きになれないバイトがある",
    },
    "prob_utf8_end": {"en": "unexpected end of data", "ja": "文字が途中で終わっている"},
    "jt_fld_front_matter": {"en": "front matter", "ja": "フロントマター"},
    "jt_fld_sections": {"en": "sections", "ja": "節"},
    "jt_col": {"en": "column {column}", "ja": "{column}の列"},
    "jt_col_date": {"en": "date", "ja": "日付"},
    "jt_col_item": {"en": "item", "ja": "費目"},
    "jt_col_amount": {"en": "amount", "ja": "金額"},
    "jt_col_tax": {"en": "tax", "ja": "税区分"},
    "jt_col_currency": {"en": "currency", "ja": "通貨"},
    "jt_col_document": {"en": "document", "ja": "伝票番号"},
    "jt_col_note": {"en": "note", "ja": "摘要"},
    "jt_no_column_found": {
        "en": "no {name} column (found: {found})",
        "ja": "{name}の列がない（あった列：{found}）",
    },
    "jt_x_column_any": {
        "en": "a column headed one of {names}",
        "ja": "見出しが{names}のいずれかの列",
    },
    # PyYAML's problem texts: "en" is PyYAML's own wording (matched, placeholders filled),
    # "ja" what a Japanese reader is told.
    "jt_yaml_p_expected": {
        "en": "expected {expected}, but found {found}",
        "ja": "{expected}があるべき所に{found}がある",
    },
    "jt_yaml_p_expected_got": {
        "en": "expected {expected}, but got {found}",
        "ja": "{expected}があるべき所に{found}がある",
    },
    "jt_yaml_p_char": {
        "en": "found character {ch} that cannot start any token",
        "ja": "値を始められない文字{ch}がある（タブ、@、`などは引用符で囲む）",
    },
    "jt_yaml_p_alias": {
        "en": "found undefined alias {name}",
        "ja": "定義されていないエイリアス{name}がある",
    },
    "jt_yaml_p_anchor": {
        "en": "found duplicate anchor {name}; first occurrence",
        "ja": "アンカー{name}が重複している",
    },
    "jt_yaml_p_escape": {
        "en": "found unknown escape character {ch}",
        "ja": "不明なエスケープ文字{ch}がある",
    },
    "jt_yaml_p_handle": {
        "en": "found undefined tag handle {name}",
        "ja": "定義されていないタグハンドル{name}がある",
    },
    "jt_yaml_p_colon": {
        "en": "could not find expected ':'",
        "ja": "あるべき':'が見つからない（「キー: 値」のコロンの後には空白が要る）",
    },
    "jt_yaml_p_values": {
        "en": "mapping values are not allowed here",
        "ja": "ここには「キー: 値」を書けない（インデントのずれか、引用符のない値の中の': '）",
    },
    "jt_yaml_p_entries": {
        "en": "sequence entries are not allowed here",
        "ja": "ここには「- 」で始まるリストの要素を書けない（インデントのずれ）",
    },
    "jt_yaml_p_keys": {
        "en": "mapping keys are not allowed here",
        "ja": "ここには「? 」で始まるキーを書けない",
    },
    "jt_yaml_p_eos": {
        "en": "found unexpected end of stream",
        "ja": "引用符などが閉じられないままファイルが終わっている",
    },
    "jt_yaml_p_separator": {
        "en": "found unexpected document separator",
        "ja": "引用符の中に文書の区切り（---）がある",
    },
    "jt_yaml_p_single": {
        "en": "but found another document",
        "ja": "文書が2つ以上ある（'---'の後に2つ目の文書がある）",
    },
    "jt_yaml_p_unhashable": {
        "en": "found unhashable key",
        "ja": "リストやマッピングがキーになっている",
    },
    "jt_yaml_p_directive": {
        "en": "found duplicate YAML directive",
        "ja": "%YAMLの指定が重複している",
    },
    "jt_yaml_p_version": {
        "en": "found incompatible YAML document (version 1.* is required)",
        "ja": "互換性のないYAML文書（バージョン1.*が必要）",
    },
    "jt_yaml_p_indent": {
        "en": "invalid indentation or unclosed '[' or '{{'",
        "ja": "インデントが正しくないか、'['または'{{'が閉じていない",
    },
    "jt_yaml_p_single_ctx": {
        "en": "expected a single document in the stream",
        "ja": "文書が2つ以上ある（'---'の後に2つ目の文書がある）",
    },
    "jt_yaml_p_duplicate_key": {"en": "found duplicate key", "ja": "キーが重複している"},
    "jt_yaml_p_second": {
        "en": "second occurrence",
        "ja": "同じ名前のアンカー（&）が2度目に定義されている",
    },
    "jt_yaml_p_recursive": {
        "en": "found unconstructable recursive node",
        "ja": "自分自身を含む値（エイリアスの循環）がある",
    },
    "jt_yaml_unreadable": {
        "en": "something that cannot be read as YAML",
        "ja": "YAMLとして読めない書き方がある",
    },
    # What PyYAML expected or found, by its own name.
    "jt_yaml_x_alnum": {"en": "alphabetic or numeric character", "ja": "英数字"},
    "jt_yaml_x_digit_dot": {"en": "a digit or '.'", "ja": "数字か'.'"},
    "jt_yaml_x_digit_space": {"en": "a digit or ' '", "ja": "数字か空白"},
    "jt_yaml_x_digit": {"en": "a digit", "ja": "数字"},
    "jt_yaml_x_space": {"en": "' '", "ja": "空白"},
    "jt_yaml_x_comment": {"en": "a comment or a line break", "ja": "コメントか改行"},
    "jt_yaml_x_content": {"en": "the node content", "ja": "値"},
    "jt_yaml_x_empty": {"en": "the empty value", "ja": "空の値"},
    "jt_yaml_x_indicator": {
        "en": "indentation indicator in the range 1-9",
        "ja": "1〜9のインデント指定",
    },
    "jt_yaml_x_chomping": {
        "en": "chomping or indentation indicators",
        "ja": "末尾の改行の指定（+/-）かインデント指定",
    },
    "jt_yaml_x_uri": {"en": "URI", "ja": "URI"},
    "jt_yaml_x_uri_escape": {
        "en": "URI escape sequence of 2 hexadecimal numbers",
        "ja": "2桁の16進数によるURIのエスケープ",
    },
    "jt_yaml_x_escape": {
        "en": "escape sequence of {n} hexadecimal numbers",
        "ja": "{n}桁の16進数によるエスケープ",
    },
    "jt_yaml_t_block_end": {"en": "<block end>", "ja": "ブロックの終わり（インデントの戻り）"},
    "jt_yaml_t_block_mapping": {
        "en": "<block mapping start>",
        "ja": "「キー: 値」の始まり",
    },
    "jt_yaml_t_block_sequence": {
        "en": "<block sequence start>",
        "ja": "「- 」で始まるリストの始まり",
    },
    "jt_yaml_t_scalar": {"en": "<scalar>", "ja": "値"},
    "jt_yaml_t_stream_end": {"en": "<stream end>", "ja": "ファイルの終わり"},
    "jt_yaml_t_stream_start": {"en": "<stream start>", "ja": "ファイルの始まり"},
    "jt_yaml_t_document_start": {"en": "<document start>", "ja": "文書の始まり（---）"},
    "jt_yaml_t_document_end": {"en": "<document end>", "ja": "文書の終わり（...）"},
    "jt_yaml_t_key": {"en": "?", "ja": "次のキー"},
    "jt_yaml_t_alias": {"en": "<alias>", "ja": "エイリアス（*）"},
    "jt_yaml_t_anchor": {"en": "<anchor>", "ja": "アンカー（&）"},
    "jt_yaml_t_tag": {"en": "<tag>", "ja": "タグ（!）"},
    "jt_yaml_t_directive": {"en": "<directive>", "ja": "指定（%）"},
    "jt_or": {"en": "{a} or {b}", "ja": "{a}か{b}"},
    "jt_as_of_month": {"en": "As of (month)", "ja": "基準月"},
    "jt_cmp_two_minmax": {
        "en": "Only two options are ranked ({a} and {b}) and min–max normalisation gives "
        "each criterion's whole weight to the better of the two, however small the "
        "difference: the score counts the weight each option wins, not how much better it "
        "is. Read the scores as written, or use 'max' normalisation "
        "(comparison: normalization: max in archplan.yaml) to keep the size of differences.",
        "ja": "順位付けの対象が2案（{a}、{b}）だけのため、最小最大法の正規化では"
        "評価項目ごとに優れる案が重みの全部を、劣る案が0を得る（差がわずかでも同じ）。"
        "得点はどちらが多くの重みを取ったかを表し、どれだけ優れるかは表さない。"
        "評価値そのものを確認するか、差の大きさも反映するよう正規化を最大値法にすること"
        "（archplan.yamlで指定）。",
    },
    # Errors the command line prints (issue 11, i11b): raised with Localized messages.
    "jt_err_report_where": {
        "en": "say where to write the report: -o FILE (or --all for a portfolio)",
        "ja": "レポートの書き出し先を指定する：-o ファイル（ポートフォリオなら--all）",
    },
    "jt_err_export_what": {
        "en": "say what to write: --xlsx FILE and/or --csv FOLDER",
        "ja": "書き出すものを指定する：--xlsx ファイル、--csv フォルダの一方または両方",
    },
    "jt_err_no_actuals": {
        "en": "{path} has no actuals/actuals.yaml (see docs/actuals.md)",
        "ja": "{path}にactuals/actuals.yamlがない（docs/actuals.mdを参照）",
    },
    "jt_err_history_what": {
        "en": "say which assumption (archplan history NAME) or --record N",
        "ja": "前提条件の名前（archplan history 名前）か--record Nを指定する",
    },
    "jt_err_no_record": {
        "en": "no decision record number {number} in {folder}",
        "ja": "{folder}に番号{number}の決定記録がない",
    },
    "jt_err_no_record_short": {
        "en": "no decision record number {number}",
        "ja": "番号{number}の決定記録がない",
    },
    "jt_err_number_shared": {
        "en": "record number {number} is used by several files: {files}",
        "ja": "番号{number}が複数のファイルで使われている：{files}",
    },
    "jt_err_needs_title": {
        "en": "a decision record needs a title",
        "ja": "決定記録には件名が必要",
    },
    "jt_err_record_exists": {
        "en": "{path} already exists; archplan never overwrites a record",
        "ja": "{path}は既にある。archplanは決定記録を上書きしない",
    },
    "jt_err_unknown_status": {
        "en": "unknown status {status}; expected one of {known}",
        "ja": "不明な状態{status}（{known}のいずれか）",
    },
    "jt_err_no_status_line": {
        "en": "{name} has no status line to change; add 'status: proposed' to its front "
        "matter first",
        "ja": "{name}には変更する状態の行がない。先にフロントマターに'status: proposed'を"
        "書き加えること",
    },
    "jt_err_already_superseded": {
        "en": "record {number} is already superseded ({status})",
        "ja": "記録{number}は既に置き換えられている（{status}）",
    },
    "jt_err_no_status_to_supersede": {
        "en": "{name} has no status line to mark as superseded",
        "ja": "{name}には置き換え済みと記す状態の行がない",
    },
    "jt_err_index_not_ours": {
        "en": "{path} exists and was not written by archplan; pass --force to replace it",
        "ja": "{path}は既にあり、archplanが書いたものではない。置き換えるには--forceを付ける",
    },
    "jt_err_not_a_log": {
        "en": "{path} is not a folder of decision records",
        "ja": "{path}は決定記録のフォルダではない",
    },
    "jt_err_own_log": {
        "en": "{path} is the workspace's own decision log",
        "ja": "{path}はこのワークスペース自身の決定記録のフォルダ",
    },
    "jt_err_new_exists": {
        "en": "{path} already exists; archplan new only creates new folders",
        "ja": "{path}は既にある。archplan newは新しいフォルダだけを作成する",
    },
    "jt_err_as_of": {
        "en": "--as-of {value} is not a date YYYY-MM-DD",
        "ja": "--as-of {value}は日付ではない（YYYY-MM-DD）",
    },
    "jt_within_yes": {"en": "within", "ja": "範囲内"},
    "jt_within_no": {"en": "⚠ exceeded", "ja": "⚠ 超過"},
    "jt_gate_only": {"en": "knock-out only", "ja": "足切りのみ"},
    "jt_gate_note": {
        "en": "{names}: used only to knock options out (weight 0), so not weighted and "
        "not shown here.",
        "ja": "{names}は足切りだけに使う評価項目（重み0）のため、重み付けの対象ではなく、"
        "ここには示さない。",
    },
    "jt_x_ledger_date": {
        "en": "YYYY-MM-DD (or 2026/4/30, 2026年4月30日, 令和8年4月30日, R8.4.30)",
        "ja": "YYYY-MM-DD（または2026/4/30、2026年4月30日、令和8年4月30日、R8.4.30）",
    },
    # --- Japanese throughout (issue 11, i11b): the command line's --help; "en" is
    # the help text as cli.py gives it (archplan.cli_help finds the entry by it) ---
    "clih_compare_technology_options_model_multi_y": {
        "en": "Compare technology options, model multi-year costs, record decisions and "
        "export self-contained reports.",
        "ja": "技術の選択肢を比較し、複数年度の費用を試算し、決定を記録し、"
        "単体で開けるレポートを書き出す。",
    },
    "clih_show_this_help_message_and_exit": {
        "en": "show this help message and exit",
        "ja": "このヘルプを表示して終了する",
    },
    "clih_show_program_s_version_number_and_exit": {
        "en": "show program's version number and exit",
        "ja": "バージョンを表示して終了する",
    },
    "clih_validate_a_workspace_and_list_every_prob": {
        "en": "validate a workspace and list every problem",
        "ja": "ワークスペースを検査し、すべての問題を一覧にする",
    },
    "clih_build_the_html_report_of_a_workspace": {
        "en": "build the HTML report of a workspace",
        "ja": "ワークスペースのHTMLレポートを作成する",
    },
    "clih_every_case_of_a_portfolio_at_a_glance": {
        "en": "every case of a portfolio at a glance",
        "ja": "ポートフォリオの全案件を一覧にする",
    },
    "clih_build_the_handover_pack_a_successor_read": {
        "en": "build the handover pack a successor reads first",
        "ja": "後任者が最初に読む引継ぎ資料を作成する",
    },
    "clih_any_notebook_as_a_self_contained_code_fr": {
        "en": "any notebook as a self-contained, code-free HTML document",
        "ja": "ノートブックをコードを含まない単体のHTML文書にする",
    },
    "clih_export_the_cost_plan_to_excel_live_formu": {
        "en": "export the cost plan to Excel (live formulas) and CSV",
        "ja": "費用計画をExcel（数式付き）とCSVに書き出す",
    },
    "clih_plan_vs_actual_the_year_so_far_forecasts": {
        "en": "plan vs actual: the year so far, forecasts, every yen",
        "ja": "予算と実績：年度の進捗、見通し、明細",
    },
    "clih_decision_records_new_list_status_superse": {
        "en": "decision records: new, list, status, supersede, check, index, import",
        "ja": "決定記録：new、list、status、supersede、check、index、import",
    },
    "clih_an_assumption_s_values_over_time_from_gi": {
        "en": "an assumption's values over time, from git",
        "ja": "前提条件の値の変遷（gitの履歴から）",
    },
    "clih_create_a_new_workspace_from_commented_te": {
        "en": "create a new workspace from commented templates",
        "ja": "説明付きのひな形から新しいワークスペースを作成する",
    },
    "clih_write_the_json_schema_of_every_workspace": {
        "en": "write the JSON Schema of every workspace file (editor completion)",
        "ja": "ワークスペースの各ファイルのJSON Schemaを書き出す（エディタの補完用）",
    },
    "clih_support_ends_when_to_act_and_the_cost_of": {
        "en": "support ends, when to act, and the cost of waiting",
        "ja": "サポート終了、対応の時期、待つことの費用",
    },
    "clih_the_packaged_end_of_life_data_show_a_pro": {
        "en": "the packaged end-of-life data: show a product, update",
        "ja": "同梱のサポート終了データ：製品の表示、更新",
    },
    "clih_build_the_reports_of_the_bundled_example": {
        "en": "build the reports of the bundled examples",
        "ja": "同梱の例のレポートを作成する",
    },
    "clih_the_workspace_folder": {
        "en": "the workspace folder",
        "ja": "ワークスペースのフォルダ",
    },
    "clih_the_workspace_folder_with_all_a_portfoli": {
        "en": "the workspace folder (with --all: a portfolio)",
        "ja": "ワークスペースのフォルダ（--allではポートフォリオ）",
    },
    "clih_the_html_file_to_write": {
        "en": "the HTML file to write",
        "ja": "書き出すHTMLファイル",
    },
    "clih_replace_the_output_file_even_if_archplan": {
        "en": "replace the output file even if archplan did not write it",
        "ja": "archplanが書いたものでなくても出力ファイルを置き換える",
    },
    "clih_build_every_case_of_a_portfolio_report_a": {
        "en": "build every case of a portfolio (report and handover pack), skipping "
        "cases whose inputs have not changed",
        "ja": "ポートフォリオの全案件のレポートと引継ぎ資料を作成する"
        "（入力が変わっていない案件は飛ばす）",
    },
    "clih_with_all_worker_processes": {
        "en": "with --all: worker processes",
        "ja": "--allのとき：並列に動かすプロセスの数",
    },
    "clih_with_all_where_the_documents_go": {
        "en": "with --all: where the documents go",
        "ja": "--allのとき：文書を書き出すフォルダ",
    },
    "clih_a_portfolio_yaml_or_a_folder_of_workspac": {
        "en": "a portfolio.yaml or a folder of workspaces",
        "ja": "portfolio.yamlかワークスペースを集めたフォルダ",
    },
    "clih_the_html_document_to_write": {
        "en": "the HTML document to write",
        "ja": "書き出すHTML文書",
    },
    "clih_the_workbook_to_write": {
        "en": "the workbook to write",
        "ja": "書き出すブック",
    },
    "clih_the_date_to_look_at_the_portfolio_on_yyy": {
        "en": "the date to look at the portfolio on (YYYY-MM-DD)",
        "ja": "ポートフォリオを見る基準日（YYYY-MM-DD）",
    },
    "clih_the_document_s_language": {
        "en": "the document's language",
        "ja": "文書の言語",
    },
    "clih_where_the_cases_documents_are_as_given_t": {
        "en": "where the cases' documents are (as given to report --all --output-dir)",
        "ja": "各案件の文書の場所（report --all --output-dirに指定したもの）",
    },
    "clih_worker_processes_default_cores": {
        "en": "worker processes (default: cores)",
        "ja": "並列に動かすプロセスの数（既定：コア数）",
    },
    "clih_replace_files_even_if_archplan_did_not_w": {
        "en": "replace files even if archplan did not write them",
        "ja": "archplanが書いたものでなくてもファイルを置き換える",
    },
    "clih_the_ipynb_file": {
        "en": "the .ipynb file",
        "ja": ".ipynbファイル",
    },
    "clih_run_the_notebook_first": {
        "en": "run the notebook first",
        "ja": "先にノートブックを実行する",
    },
    "clih_the_xlsx_workbook_to_write": {
        "en": "the .xlsx workbook to write",
        "ja": "書き出す.xlsxのブック",
    },
    "clih_a_folder_for_costs_csv_and_summary_csv": {
        "en": "a folder for costs.csv and summary.csv",
        "ja": "costs.csvとsummary.csvを書き出すフォルダ",
    },
    "clih_tax_inclusive_default_as_budgets_are_or": {
        "en": "tax-inclusive (default, as budgets are) or tax-exclusive",
        "ja": "税込（既定、予算と同じ）か税抜",
    },
    "clih_the_workspace_folder_with_actuals_actual": {
        "en": "the workspace folder (with actuals/actuals.yaml)",
        "ja": "ワークスペースのフォルダ（actuals/actuals.yamlがあるもの）",
    },
    "clih_the_last_month_to_count_default_setting": {
        "en": "the last month to count (default: setting)",
        "ja": "集計する最後の月（既定：設定の値）",
    },
    "clih_the_year_to_show_default_the_as_of_month": {
        "en": "the year to show (default: the as-of month's)",
        "ja": "表示する年度（既定：基準月の年度）",
    },
    "clih_the_year_s_summary_as_csv_raw_values_yen": {
        "en": "the year's summary as CSV (raw values, yen)",
        "ja": "年度の集計をCSVで出力する（丸めない値、円）",
    },
    "clih_the_next_record_from_the_madr_template": {
        "en": "the next record from the MADR template",
        "ja": "MADRのひな形から次の決定記録を作成する",
    },
    "clih_the_log_status_dates_triggers": {
        "en": "the log: status, dates, triggers",
        "ja": "決定記録の一覧：状態、日付、見直しの契機",
    },
    "clih_change_a_record_s_status_only_that_line": {
        "en": "change a record's status (only that line)",
        "ja": "決定記録の状態を変更する（その行だけ）",
    },
    "clih_a_new_record_that_supersedes_record_n": {
        "en": "a new record that supersedes record N",
        "ja": "記録Nを置き換える新しい決定記録",
    },
    "clih_links_numbers_cycles_statuses_sections_r": {
        "en": "links, numbers, cycles, statuses, sections, references, review dates and triggers",
        "ja": "リンク、番号、循環、状態、節、参照、見直し期日、見直しの契機を検査する",
    },
    "clih_write_decisions_index_md_with_a_mermaid": {
        "en": "write decisions/index.md with a Mermaid graph",
        "ja": "Mermaidの図付きでdecisions/index.mdを書き出す",
    },
    "clih_copy_an_existing_log_adr_tools_madr_log4": {
        "en": "copy an existing log (adr-tools, MADR, log4brains) in, unchanged",
        "ja": "既存の決定記録（adr-tools、MADR、log4brains）をそのまま取り込む",
    },
    "clih_the_workspace_folder_default_the_current": {
        "en": "the workspace folder (default: the current folder)",
        "ja": "ワークスペースのフォルダ（既定：現在のフォルダ）",
    },
    "clih_the_log_as_csv_raw_values_for_a_spreadsh": {
        "en": "the log as CSV (raw values), for a spreadsheet",
        "ja": "一覧をCSVで出力する（丸めない値、表計算ソフト用）",
    },
    "clih_proposed_accepted_rejected_or_deprecated": {
        "en": "proposed, accepted, rejected or deprecated",
        "ja": "proposed（提案）、accepted（承認）、rejected（却下）、deprecated（廃止）のいずれか",
    },
    "clih_replace_an_index_archplan_did_not_write": {
        "en": "replace an index archplan did not write",
        "ja": "archplanが書いたものでなくても索引を置き換える",
    },
    "clih_the_folder_of_the_existing_log_only_read": {
        "en": "the folder of the existing log (only read)",
        "ja": "既存の決定記録のフォルダ（読むだけ）",
    },
    "clih_report_only_write_nothing": {
        "en": "report only; write nothing",
        "ja": "報告だけで、何も書き込まない",
    },
    "clih_copy_records_whose_number_is_taken_under": {
        "en": "copy records whose number is taken under the next free number (file name only)",
        "ja": "番号が使われている記録は次の空き番号で取り込む（ファイル名だけ変える）",
    },
    "clih_the_assumption_s_name_in_assumptions_yam": {
        "en": "the assumption's name (in assumptions.yaml)",
        "ja": "前提条件の名前（assumptions.yamlのもの）",
    },
    "clih_instead_record_n_s_assumptions_then_from": {
        "en": "instead: record N's assumptions, then (from git) and now",
        "ja": "代わりに：記録Nの前提条件の決定時（gitから）と現在の値",
    },
    "clih_the_table_as_csv_raw_values": {
        "en": "the table as CSV (raw values)",
        "ja": "表をCSVで出力する（丸めない値）",
    },
    "clih_the_folder_to_create_must_not_exist": {
        "en": "the folder to create (must not exist)",
        "ja": "作成するフォルダ（まだ存在しないこと）",
    },
    "clih_language_of_the_templates_and_reports_de": {
        "en": "language of the templates and reports (default: ja)",
        "ja": "ひな形とレポートの言語（既定：ja）",
    },
    "clih_folder_to_write_to_default_schema": {
        "en": "folder to write to (default: .schema)",
        "ja": "書き出すフォルダ（既定：.schema）",
    },
    "clih_replace_files_archplan_did_not_write": {
        "en": "replace files archplan did not write",
        "ja": "archplanが書いたものでなくてもファイルを置き換える",
    },
    "clih_language_of_the_descriptions_default_the": {
        "en": "language of the descriptions (default: the workspace's, else en)",
        "ja": "説明の言語（既定：ワークスペースの言語、なければen）",
    },
    "clih_instead_regenerate_the_field_tables_of_a": {
        "en": "instead, regenerate the field tables of a docs page",
        "ja": "代わりに、ドキュメントのページの項目表を作り直す",
    },
    "clih_count_days_from_this_date_yyyy_mm_dd_def": {
        "en": "count days from this date (YYYY-MM-DD; default today)",
        "ja": "この日から日数を数える（YYYY-MM-DD、既定：今日）",
    },
    "clih_show_the_cost_of_starting_this_option_la": {
        "en": "show the cost of starting this option later",
        "ja": "この選択肢の開始を遅らせたときの費用を示す",
    },
    "clih_years_of_delay_default_0_1_2": {
        "en": "years of delay (default 0 1 2)",
        "ja": "遅らせる年数（既定：0 1 2）",
    },
    "clih_move_only_these_items_of_the_option_a_ch": {
        "en": "move only these items of the option (a change)",
        "ja": "選択肢のうちこれらの費用項目だけを動かす（変更）",
    },
    "clih_print_one_table_as_csv_raw_values_instea": {
        "en": "print one table as CSV (raw values) instead, for a spreadsheet",
        "ja": "代わりに表を1つCSVで出力する（丸めない値、表計算ソフト用）",
    },
    "clih_language_of_the_output_default_the_works": {
        "en": "language of the output (default: the workspace's)",
        "ja": "出力の言語（既定：ワークスペースの言語）",
    },
    "clih_whose_language_to_use_default_this_folde": {
        "en": "whose language to use (default: this folder)",
        "ja": "どのワークスペースの言語を使うか（既定：このフォルダ）",
    },
    "clih_the_release_cycles_and_support_dates_of": {
        "en": "the release cycles and support dates of a product",
        "ja": "製品のリリースの系列とサポートの日付",
    },
    "clih_rebuild_the_data_from_an_endoflife_date": {
        "en": "rebuild the data from an endoflife.date checkout",
        "ja": "endoflife.dateのチェックアウトからデータを作り直す",
    },
    "clih_a_products_folder_name_md_or_name_yaml_f": {
        "en": "a products/ folder (NAME.md or NAME.yaml front matter)",
        "ja": "products/フォルダ（NAME.mdかNAME.yamlのフロントマター）",
    },
    "clih_write_here_instead_of_the_packaged_copy": {
        "en": "write here instead of the packaged copy",
        "ja": "同梱のデータではなくここに書き出す",
    },
    "clih_where_to_write_it_default_out": {
        "en": "where to write it (default: out)",
        "ja": "書き出すフォルダ（既定：out）",
    },
    "clih_usage": {"en": "usage: ", "ja": "使い方: "},
    "clih_positional": {"en": "positional arguments", "ja": "引数"},
    "clih_options": {"en": "options", "ja": "オプション"},
    "clih_commands": {"en": "commands", "ja": "コマンド"},
    "clih_error": {"en": "{prog}: error: {message}", "ja": "{prog}：エラー：{message}"},
    # argparse's own error wordings ("en" is argparse's, matched with its values).
    "clih_e_required": {
        "en": "the following arguments are required: {names}",
        "ja": "次の引数が必要：{names}",
    },
    "clih_e_unrecognized": {
        "en": "unrecognized arguments: {names}",
        "ja": "解釈できない引数：{names}",
    },
    "clih_e_choice": {
        "en": "argument {name}: invalid choice: {value} (choose from {choices})",
        "ja": "引数{name}：{value}は選べない（{choices}のいずれか）",
    },
    "clih_e_int": {
        "en": "argument {name}: invalid int value: {value}",
        "ja": "引数{name}：{value}は整数ではない",
    },
    "clih_e_float": {
        "en": "argument {name}: invalid float value: {value}",
        "ja": "引数{name}：{value}は数値ではない",
    },
    "clih_e_one": {
        "en": "argument {name}: expected one argument",
        "ja": "引数{name}：値が1つ必要",
    },
    "clih_e_at_least_one": {
        "en": "argument {name}: expected at least one argument",
        "ja": "引数{name}：値が1つ以上必要",
    },
    # --- actuals (act_, prob_): real finance-system ledgers and FOCUS exports (i14) ---
    "act_n_total_row": {
        "en": (
            "{where}: a total row ({label} {stated}) was not imported; it agrees with the "
            "rows above it (all of them, or those since the last total row), which add up "
            "to {above}"
        ),
        "ja": (
            "{where}：合計行（{label} {stated}）は取り込まなかった。その上の行（すべて、"
            "または前の合計行より後）の合計{above}と一致する"
        ),
    },
    "act_n_total_row_differs": {
        "en": (
            "{where}: a total row ({label} {stated}) was not imported; it differs from the "
            "rows above it (since any earlier total row), which add up to {above}: check "
            "that no row is missing"
        ),
        "ja": (
            "{where}：合計行（{label} {stated}）は取り込まなかった。その上の行（前の合計行"
            "より後）の合計{above}と一致しない。欠けている行がないか確認する"
        ),
    },
    "prob_no_file_matches": {
        "en": "no file matches {pattern}",
        "ja": "{pattern}に一致するファイルがない",
    },
    "prob_x_ledger_glob": {
        "en": "ledger CSVs under actuals/ matching the pattern",
        "ja": "actuals/の下でパターンに一致する支出データのCSV",
    },
    "prob_x_focus_glob": {
        "en": "FOCUS exports under actuals/ matching the pattern",
        "ja": "actuals/の下でパターンに一致するFOCUSエクスポート",
    },
    "prob_unit_twice": {
        "en": "the unit of the amounts is declared differently: {a} ({wa}) and {b} ({wb})",
        "ja": "金額の単位が食い違って宣言されている：{a}（{wa}）と{b}（{wb}）",
    },
    "prob_w_line": {"en": "line {n}", "ja": "{n}行目"},
    "prob_w_header": {"en": "header {h}", "ja": "見出し{h}"},
    "prob_two_columns": {
        "en": "two {kind} columns ({a} and {b})",
        "ja": "{kind}の列が2つある（{a}と{b}）",
    },
    "prob_x_date_column": {
        "en": "one, or date_column: in actuals.yaml naming the date to use",
        "ja": "1つだけにするか、actuals.yamlのdate_column:で使う日付の列を指定する",
    },
    "prob_x_one_each": {"en": "one column of each kind", "ja": "各種類の列は1つ"},
    "prob_no_column_headed": {"en": "no column headed {h}", "ja": "見出しが{h}の列がない"},
    "prob_x_date_column_name": {
        "en": "date_column: naming one of the file's date columns",
        "ja": "date_column:にはファイルの日付の列の1つを指定する",
    },
    "prob_x_ledger_date": {
        "en": "YYYY-MM-DD (or 2026/4/30, 2026年4月30日, 令和8年4月30日, R8.4.30)",
        "ja": "YYYY-MM-DD（または2026/4/30、2026年4月30日、令和8年4月30日、R8.4.30）",
    },
    "prob_tax_basis_unknown": {
        "en": "tax basis {v} is not known",
        "ja": "税区分{v}は不明",
    },
    "prob_x_tax_basis": {
        "en": "税込, 税抜, 不課税 (or inclusive, exclusive, none)",
        "ja": "税込、税抜、不課税（またはinclusive、exclusive、none）",
    },
    "prob_no_document": {"en": "no document reference", "ja": "伝票番号がない"},
    "prob_x_document": {
        "en": "the voucher or invoice number of the row",
        "ja": "その行の伝票番号または請求書番号",
    },
    "prob_no_rate_in_force": {
        "en": "no {currency} rate in force in {month}",
        "ja": "{month}に有効な{currency}のレートがない",
    },
    "prob_x_rate_from": {
        "en": "a rate for {currency} from {month}-01 or earlier in {file}",
        "ja": "{file}に{month}-01以前から有効な{currency}のレート",
    },
    "prob_same_charge_twice": {
        "en": "row repeats line {n} in every column (InvoiceId {inv}): the same charge twice",
        "ja": "行が{n}行目とすべての列で同じ（InvoiceId {inv}）：同じ請求の重複",
    },
    "prob_x_charge_once": {
        "en": (
            "each charge once; rows of one invoice share its InvoiceId and differ in their charge"
        ),
        "ja": "各請求は1回だけ（1つの請求書の行はInvoiceIdが同じで、請求内容が異なる）",
    },
    "prob_more_repeat": {
        "en": "{n} more rows repeat earlier rows",
        "ja": "ほかに{n}行が前の行と重複している",
    },
    "prob_x_charge_once_short": {"en": "each charge once", "ja": "各請求は1回だけ"},
    "prob_file_named_missing": {"en": "file {f} is missing", "ja": "ファイル{f}がない"},
    "prob_x_ledger_named": {
        "en": "the ledger CSV named in actuals.yaml",
        "ja": "actuals.yamlに書いた支出データのCSV",
    },
    "prob_x_focus_named": {
        "en": "the FOCUS export named in actuals.yaml",
        "ja": "actuals.yamlに書いたFOCUSエクスポート",
    },
    "prob_unit_unknown": {"en": "unit {v} is not known", "ja": "単位{v}は不明"},
    "prob_x_yen_units": {"en": "円 or 千円", "ja": "円または千円"},
    "prob_ledger_too_large": {
        "en": "file is too large for a ledger",
        "ja": "支出データとしては大きすぎるファイル",
    },
    "prob_x_100mb": {"en": "at most 100 MB", "ja": "100 MB以下"},
    "prob_rule_no_condition": {
        "en": "a rule with no condition would take every row",
        "ja": "条件のないルールはすべての行を取ってしまう",
    },
    "prob_not_focus_csv": {
        "en": "not readable as FOCUS CSV: {error}",
        "ja": "FOCUSのCSVとして読めない：{error}",
    },
    "prob_x_focus_csv_export": {
        "en": "a FOCUS 1.0–1.2 CSV export",
        "ja": "FOCUS 1.0〜1.2のCSVエクスポート",
    },
    "prob_not_parquet": {
        "en": "not a Parquet file ({error})",
        "ja": "Parquetファイルではない（{error}）",
    },
    "prob_x_focus_parquet": {"en": "a FOCUS Parquet file", "ja": "FOCUSのParquetファイル"},
    "prob_option_differs": {
        "en": "option {a} differs from {b}, chosen by accepted record {n}",
        "ja": "選択肢{a}は承認済みの記録{n}が採用した{b}と異なる",
    },
    "prob_x_option_accepted": {
        "en": "the accepted decision's option (or no option: key)",
        "ja": "承認済みの決定の選択肢（またはoption:キーを書かない）",
    },
    "prob_not_focus_every_column": {
        "en": "not readable as FOCUS data in every column: {error}",
        "ja": "すべての列をFOCUSのデータとして読めない：{error}",
    },
    "prob_x_focus12": {
        "en": "a FOCUS 1.2 export, UTF-8, with as many values in each row as columns",
        "ja": "各行の値の数が列の数と同じ、UTF-8のFOCUS 1.2エクスポート",
    },
    "prob_x_one_unit": {"en": "one unit for the amounts", "ja": "金額の単位は1つ"},
    "prob_row_short": {
        "en": "row has {got} values, the header {n} columns",
        "ja": "行の値が{got}個で、見出しの列数{n}と合わない",
    },
    "prob_x_complete_export": {
        "en": "as many values in each row as columns (a complete export)",
        "ja": "各行の値の数が列の数と同じ（欠けのないエクスポート）",
    },
    "prob_x_focus_header": {
        "en": "a FOCUS export with a header row",
        "ja": "見出し行のあるFOCUSエクスポート",
    },
    "act_x_carried_next": {
        "en": "Carried over to the next year (negative)",
        "ja": "翌年度へ繰越し",
    },
    "prob_other_encoding": {
        "en": "file is {enc} text: read as {used} it has no ledger header",
        "ja": "ファイルは{enc}のテキスト：{used}として読むと支出データの見出し行がない",
    },
    "prob_other_encoding_declared": {
        "en": "file is {enc} text, not in the declared encoding",
        "ja": "ファイルは{enc}のテキストで、宣言された文字コードではない",
    },
    "prob_x_resave": {
        "en": "UTF-8 or Shift_JIS (save it again as one of them), and encoding: in "
        "actuals.yaml matching it",
        "ja": "UTF-8かShift_JIS（どちらかで保存し直す）。actuals.yamlのencoding:もそれに合わせる",
    },
    # the ledger's own columns, named by their role (a user's CSV column stays as written)
    "prob_col_date": {"en": "column date", "ja": "列「日付」"},
    "prob_col_item": {"en": "column item", "ja": "列「費目」"},
    "prob_col_amount": {"en": "column amount", "ja": "列「金額」"},
    "prob_col_document": {"en": "column document", "ja": "列「伝票番号」"},
    "prob_col_tax": {"en": "column tax", "ja": "列「税区分」"},
    "prob_no_date_found": {
        "en": "no date column (found: {found})",
        "ja": "日付の列がない（あった列：{found}）",
    },
    "prob_no_item_found": {
        "en": "no item column (found: {found})",
        "ja": "費目の列がない（あった列：{found}）",
    },
    "prob_no_amount_found": {
        "en": "no amount column (found: {found})",
        "ja": "金額の列がない（あった列：{found}）",
    },
    "prob_no_document_found": {
        "en": "no document column (found: {found})",
        "ja": "伝票番号の列がない（あった列：{found}）",
    },
    "prob_x_headed_4": {
        "en": "a column headed {a} or {b} or {c} or {d}",
        "ja": "見出しが{a}、{b}、{c}、{d}のいずれかの列",
    },
    "prob_two_date_columns": {
        "en": "two date columns ({a} and {b})",
        "ja": "日付の列が2つある（{a}と{b}）",
    },
    "act_n_no_settings": {
        "en": "{folder}/ holds {files} but no {file}: nothing was imported (add {file} "
        "naming the ledger and FOCUS files; see docs/actuals.md)",
        "ja": "{folder}/に{files}があるが{file}がないため、何も取り込んでいない（取り込む"
        "支出データとFOCUSのファイルを{file}に書く。docs/actuals.md参照）",
    },
    "prob_row_wider": {
        "en": "row has {used} cells, more than the header's {n} columns",
        "ja": "行のセルが{used}個あり、見出しの列数{n}より多い",
    },
    "prob_x_cells_quoted": {
        "en": 'as many cells as columns; an amount with commas in quotes ("1,234,567")',
        "ja": '列の数と同じ数のセル。カンマを含む金額は引用符で囲む（"1,234,567"）',
    },
    "prob_header_one_column": {
        "en": "the header is one column separated by {sep}, not by commas",
        "ja": "見出し行がカンマではなく{sep}で区切られた1列になっている",
    },
    "prob_x_comma_focus": {
        "en": "a comma-separated FOCUS CSV (as the providers export it)",
        "ja": "カンマ区切りのFOCUSのCSV（事業者が出力したまま）",
    },
    "prob_currency_empty": {"en": "the currency is empty", "ja": "通貨が空欄"},
    "prob_x_currency_every_row": {
        "en": "an ISO 4217 code such as USD or JPY in every row",
        "ja": "すべての行にUSDやJPYのようなISO 4217の通貨コード",
    },
    "prob_not_start_date": {
        "en": "{value} does not start with a date",
        "ja": "{value}が日付で始まっていない",
    },
    "prob_more_not_date": {
        "en": "{n} more rows do not start with a date",
        "ja": "ほかに{n}行が日付で始まっていない",
    },
    "prob_x_focus_datetime": {
        "en": "a date-time such as 2026-04-01T00:00:00Z",
        "ja": "2026-04-01T00:00:00Zのような日時",
    },
    "prob_not_readable_exc": {"en": "not readable ({error})", "ja": "読めない（{error}）"},
    "prob_x_focus_csv": {"en": "a FOCUS CSV export", "ja": "FOCUSのCSVエクスポート"},
    "prob_not_csv": {"en": "not readable as CSV", "ja": "CSVとして読めない"},
    "prob_x_csv": {"en": "a CSV file", "ja": "CSVファイル"},
    "prob_x_utf8_focus": {"en": "a UTF-8 FOCUS export", "ja": "UTF-8のFOCUSエクスポート"},
    "prob_amount_empty": {"en": "the amount is empty", "ja": "金額が空欄"},
    "prob_x_amount_every_row": {
        "en": "a number in every row (0 when nothing is charged)",
        "ja": "すべての行に数値（請求がなければ0）",
    },
    "prob_no_header": {"en": "file has no header", "ja": "ファイルに見出し行がない"},
    "prob_x_header_row": {"en": "a header row: {names}", "ja": "見出し行：{names}"},
    # --- timing (i15): end-of-life names as people write them, and what was read ---
    "eolc_ambiguous_release": {
        "en": "{product}: release {want} could be any of {names}; write one of these cycles",
        "ja": "{product}：リリース{want}は{names}のどれにも当たる。"
        "このいずれかのリリースを書くこと",
    },
    "prob_eol_ambiguous_release": {
        "en": "{product}: release {want} could be any of {names}; write one of these cycles",
        "ja": "{product}：リリース{want}は{names}のどれにも当たる。"
        "このいずれかのリリースを書くこと",
    },
    "prob_n_eol_product": {
        "en": "{file}: {id}: product {written} read as {name} ({title})",
        "ja": "{file}：{id}：製品{written}を{name}（{title}）として読んだ",
    },
    "prob_n_eol_split": {
        "en": "{file}: {id}: product {written} read as {name} ({title}) release {release}",
        "ja": "{file}：{id}：製品{written}を{name}（{title}）のリリース{release}として読んだ",
    },
    "prob_n_eol_release": {
        "en": "{file}: {id}: release {written} of {name} read as {shown}",
        "ja": "{file}：{id}：{name}のリリース{written}を{shown}として読んだ",
    },
    "prob_n_eol_sp": {
        "en": "{file}: {id}: release {written} of {name} read as {shown}, its latest service "
        "pack (write another release cycle to choose it)",
        "ja": "{file}：{id}：{name}のリリース{written}を最新のサービスパック{shown}として読んだ"
        "（ほかを選ぶならそのリリースを書くこと）",
    },
    "prob_n_eol_latest": {
        "en": "{file}: {id}: release {written} of {name} read as {shown}, its latest minor "
        "release (write another release cycle to choose it)",
        "ja": "{file}：{id}：{name}のリリース{written}を最新のマイナーリリース{shown}として読んだ"
        "（ほかを選ぶならそのリリースを書くこと）",
    },
    "prob_n_eol_minor": {
        "en": "{file}: {id}: release {written} of {name} read as the release cycle {shown} "
        "(the data gives dates per cycle)",
        "ja": "{file}：{id}：{name}のリリース{written}をリリース{shown}として読んだ"
        "（データの期限はリリースごと）",
    },
    "prob_n_declared": {
        "en": "{file}: {id}: declared {key} date {date} overrides the end-of-life data ({was})",
        "ja": "{file}：{id}：書かれた{key}の期限{date}がサポート終了データ（{was}）より優先される",
    },
    "tim_warn_ext": {
        "en": "{option} keeps running {name} past the day its {kind} ({date}) until {until};"
        " the extended support planned ends on {deadline} and nothing is planned after it"
        " ({days} days unsupported); add an upgrade or replacement item done by {deadline}"
        " and list it under addressed_by",
        "ja": "{option}は{name}を{kind}（{date}）の後も{until}まで使い続ける。計画された延長"
        "サポートは{deadline}で終わり、その後の対応が計画されていない（サポートのない期間"
        "{days}日）。{deadline}までに完了する更新・移行の項目をaddressed_byに挙げること",
    },
    "tim_ended_before": {
        "en": "⚠ support ended: {date}",
        "ja": "⚠ サポート終了済み：{date}",
    },
    "tim_gap_ext": {
        "en": "{option}: keeps running {name} after its {kind} ({date}); the extended support"
        " planned ends on {deadline}, then {days} days with no fix planned",
        "ja": "{option}：{name}を{kind}（{date}）の後も使う。計画された延長サポートは"
        "{deadline}で終わり、その後{days}日間サポートのないまま使う。対応は計画されていない",
    },
    "tim_ended_undated": {
        "en": "⚠ support ended (no date published)",
        "ja": "⚠ サポート終了済み（日付の公表なし）",
    },
    "tim_days_passed": {
        "en": "{what} has passed (no date published)",
        "ja": "{what}は過ぎている（日付の公表なし）",
    },
    "prob_tim_unknown_near": {
        "en": "unknown component {name}; nearest: {near} (known: {known})",
        "ja": "不明な構成要素{name}（近いもの：{near}、既知：{known}）",
    },
    "prob_tim_unknown_known": {
        "en": "unknown component {name} (known: {known})",
        "ja": "不明な構成要素{name}（既知：{known}）",
    },
    "prob_tim_unknown_none": {
        "en": "unknown component {name} (components.yaml declares no component)",
        "ja": "不明な構成要素{name}（components.yamlに構成要素がない）",
    },
    "prob_tim_contract_near": {
        "en": "unknown contract {name}; nearest: {near} (known: {known})",
        "ja": "不明な契約{name}（近いもの：{near}、既知：{known}）",
    },
    "prob_tim_contract_known": {
        "en": "unknown contract {name} (known: {known})",
        "ja": "不明な契約{name}（既知：{known}）",
    },
    "prob_tim_contract_none": {
        "en": "unknown contract {name} (no contract is declared in components.yaml or costs.yaml)",
        "ja": "不明な契約{name}（components.yamlにもcosts.yamlにも契約がない）",
    },
    "prob_tim_no_security_end": {
        "en": "component {name} has no security support end",
        "ja": "構成要素{name}にセキュリティサポートの終了日がない",
    },
    "prob_tim_no_dated_end": {
        "en": "component {name} has no dated end",
        "ja": "構成要素{name}に日付のある終了がない",
    },
    "prob_tim_not_a_date": {"en": "{value} is not a date", "ja": "{value}は日付ではない"},
    "prob_tim_days_not_understood": {
        "en": "'days until {target}' is not understood; write e.g. 'days until support end of "
        "os < 365', 'days until end of contract lims < 180' or 'days until FY2028 < 90'",
        "ja": "'days until {target}'は解釈できない。例：'days until support end of os < 365'、"
        "'days until end of contract lims < 180'、'days until FY2028 < 90'",
    },
    "prob_both_maintenance": {
        "en": "both 'maintenance_end' and 'maintenance_years'",
        "ja": "'maintenance_end'と'maintenance_years'の両方がある",
    },
    "prob_x_one_maintenance": {
        "en": "one of them: the maintenance's last day, or its term in years",
        "ja": "どちらか一方：保守の最終日、または保守期間（年）",
    },
    "prob_n_declared_none": {
        "en": "{file}: {id}: declared no {key} end, overriding the end-of-life data ({was})",
        "ja": "{file}：{id}：{key}の終了なしと書かれ、サポート終了データ（{was}）より優先される",
    },
    "prob_n_eoes_ended": {
        "en": "{file}: {id}: the end-of-life data says the extended support of {shown} has "
        "ended (no date published): extended_support items do not extend it",
        "ja": "{file}：{id}：サポート終了データでは{shown}の延長サポートは終了している"
        "（日付の公表なし）。extended_supportの費目では延長されない",
    },
    # --- decision records as real logs write them (issue 13, adr_/prob_) ---
    "adr_kind_template": {"en": "template", "ja": "テンプレート"},
    "adr_kind_index": {"en": "index", "ja": "索引"},
    "adr_kind_other": {"en": "other", "ja": "その他"},
    "prob_adr_front_not_toml": {
        "en": "front matter is not TOML",
        "ja": "フロントマターがTOMLとして読めない",
    },
    "prob_adr_no_title": {"en": "no {title} heading", "ja": "{title}の見出しがない"},
    "prob_x_adr_title": {
        "en": "a first-level heading with the decision's title",
        "ja": "決定の題名を書いた第1レベルの見出し",
    },
    "prob_n_adr_not_record": {
        "en": "{file}: not read as a decision record (no {title} heading)",
        "ja": "{file}：決定記録として読まなかった（{title}の見出しがない）",
    },
    "prob_adr_not_utf8_byte": {
        "en": "not UTF-8 text (byte {offset} of the file cannot be decoded)",
        "ja": "UTF-8のテキストではない（ファイルの{offset}バイト目を解読できない）",
    },
    "prob_x_adr_toml_lines": {
        "en": "key = value lines between '+++' lines",
        "ja": "'+++'の行の間に「キー = 値」の行",
    },
    # --- fig: one figure per quantity, knock-outs marked in every export (issue #11) ---
    "fig_knocked_out_header": {"en": "Knocked out (reason)", "ja": "除外（理由）"},
    # --- portfolio (pf_), audit: the portfolio file's problems (pf_p_, pf_px_), the
    # workbook's sheets and columns (pf_x_), the command's lines (pf_cli_) ---
    "pf_p_no_portfolio": {
        "en": "no such portfolio file or folder",
        "ja": "ポートフォリオのファイルまたはフォルダがない",
    },
    "pf_px_portfolio": {
        "en": "a portfolio.yaml or a folder of workspaces",
        "ja": "portfolio.yamlまたはワークスペースを収めたフォルダ",
    },
    "pf_p_no_workspace": {
        "en": "no workspace found in this folder",
        "ja": "このフォルダにワークスペースがない",
    },
    "pf_px_folders": {
        "en": "folders holding archplan.yaml, or a portfolio.yaml",
        "ja": "archplan.yamlを含むフォルダ、またはportfolio.yaml",
    },
    "pf_p_unreadable": {"en": "cannot be read: {error}", "ja": "読めない：{error}"},
    "pf_px_utf8": {"en": "a UTF-8 YAML file", "ja": "UTF-8のYAMLファイル"},
    "pf_p_not_yaml": {"en": "not YAML", "ja": "YAMLではない"},
    "pf_p_not_mapping": {"en": "not a mapping", "ja": "マッピング（キー: 値）ではない"},
    "pf_p_unknown_key": {"en": "unknown key {name}", "ja": "不明なキー{name}"},
    "pf_p_not_usable": {"en": "{value} is not usable", "ja": "{value}は使えない"},
    "pf_px_whole_number": {"en": "a whole number {low}–{high}", "ja": "{low}〜{high}の整数"},
    "pf_px_text": {"en": "text", "ja": "文字列"},
    "pf_p_not_text": {"en": "{value} is not text", "ja": "{value}は文字列ではない"},
    "pf_px_title": {"en": "a title", "ja": "件名"},
    "pf_p_no_cases": {"en": "no cases listed", "ja": "案件が一つも挙げられていない"},
    "pf_px_cases": {
        "en": "cases: a list of {{path:, tags:}}",
        "ja": "cases:（path:とtags:を持つ項目の並び）",
    },
    "pf_p_no_path": {
        "en": "{value} names no workspace",
        "ja": "{value}はワークスペースを指していない",
    },
    "pf_px_path": {"en": "path: FOLDER", "ja": "path: フォルダ"},
    "pf_p_bad_id": {"en": "{id} is not a usable id", "ja": "{id}はIDに使えない"},
    "pf_px_id": {"en": "letters, digits, - _ .", "ja": "文字、数字、- _ ."},
    "pf_p_not_mapping_value": {
        "en": "{value} is not a mapping",
        "ja": "{value}はマッピング（キー: 値）ではない",
    },
    "pf_p_bad_tag": {"en": "{value} is not a {tag} tag", "ja": "{value}は{tag}タグの値ではない"},
    "pf_p_no_folder": {"en": "{path}: no such folder", "ja": "{path}：フォルダがない"},
    "pf_p_no_settings": {
        "en": "{path} has no archplan.yaml",
        "ja": "{path}にarchplan.yamlがない",
    },
    "pf_px_workspace": {"en": "a workspace folder", "ja": "ワークスペースのフォルダ"},
    "pf_p_same_workspace": {
        "en": "the same workspace as case {case} (line {line}); listed, not counted twice",
        "ja": "案件{case}（{line}行目）と同じワークスペース：一覧に載せるが二重に計上しない",
    },
    "pf_px_once": {"en": "each workspace once", "ja": "各ワークスペースを1回ずつ"},
    "pf_p_id_used": {
        "en": "id {id} is already used by line {line}; shown as {shown}",
        "ja": "ID {id}は{line}行目で使われている：{shown}として表示",
    },
    "pf_proposed_only": {
        "en": "no accepted decision; proposed: {numbers}",
        "ja": "採択された決定がない（提案中：{numbers}）",
    },
    "pf_x_sh_cases": {"en": "cases", "ja": "案件一覧"},
    "pf_x_sh_budget": {"en": "budget", "ja": "年度別予算"},
    "pf_x_sh_by": {"en": "by {tag}", "ja": "{tag}別"},
    "pf_x_sh_commitments": {"en": "commitments", "ja": "債務負担行為"},
    "pf_x_sh_actuals": {"en": "plan vs actual", "ja": "予実"},
    "pf_x_sh_attention": {"en": "attention", "ja": "要対応事項"},
    "pf_x_sh_problems": {"en": "problems", "ja": "問題"},
    "pf_x_chosen_id": {"en": "Chosen option id", "ja": "採用案ID"},
    "pf_x_total": {"en": "Budget total (thousand yen)", "ja": "予算合計（千円）"},
    "pf_x_counted": {"en": "Added up", "ja": "合算"},
    "pf_x_problems_n": {"en": "Problems", "ja": "問題件数"},
    "pf_x_attention_n": {"en": "Needing attention", "ja": "要対応件数"},
    "pf_x_support_end": {"en": "Earliest support end", "ja": "最も早いサポート終了"},
    "pf_x_executed": {"en": "Executed so far (thousand yen)", "ja": "執行済み（千円）"},
    "pf_x_path": {"en": "Folder", "ja": "フォルダ"},
    "pf_x_plan": {"en": "Plan (thousand yen)", "ja": "予算（千円）"},
    "pf_x_actual": {"en": "Actual (thousand yen)", "ja": "執行（千円）"},
    "pf_x_variance": {"en": "Variance (thousand yen)", "ja": "差額（千円）"},
    "pf_x_kind": {"en": "Kind", "ja": "種別"},
    "pf_x_file": {"en": "File", "ja": "ファイル"},
    "pf_x_line": {"en": "Line", "ja": "行"},
    "pf_x_field": {"en": "Field", "ja": "項目"},
    "pf_x_expected": {"en": "Expected", "ja": "期待される内容"},
    "pf_x_total_k": {"en": "Total (thousand yen)", "ja": "合計（千円）"},
    "pf_cli_problems": {
        "en": "{n} problem line(s) above; the documents list them too (exit status 1)",
        "ja": "問題{n}件（上記。文書にも記載した。終了ステータス1）",
    },
    "pf_cli_say_what": {
        "en": "say what to write: -o FILE.html and/or --xlsx FILE.xlsx",
        "ja": "書き出す先を指定すること：-o ファイル.html、--xlsx ファイル.xlsx"
        "（いずれかまたは両方）",
    },
    "pf_cli_bad_today": {
        "en": "--today {value} is not a date (YYYY-MM-DD)",
        "ja": "--today {value}は日付ではない（YYYY-MM-DD）",
    },
    "pf_px_unique_id": {
        "en": "a unique id (add id: to the entry)",
        "ja": "重複しないID（項目にid:を書く）",
    },
    # t1: decision records (chosen option, trigger on actuals without a ledger).
    "prob_adr_chosen_not_id": {
        "en": "the chosen option is not an option id",
        "ja": "採用案が選択肢のIDではない",
    },
    "prob_x_adr_record_options": {
        "en": "one of the record's options: {ids}",
        "ja": "記録のoptionsに挙げた選択肢のいずれか：{ids}",
    },
    "prob_adr_trigger_no_actuals": {
        "en": "trigger on actuals, but the workspace {folder} has no actuals/actuals.yaml",
        "ja": "実績に関する条件だが、ワークスペース{folder}にactuals/actuals.yamlがない",
    },
    "prob_adr_trigger_unknown_option": {
        "en": "trigger {text}: unknown option {name}",
        "ja": "条件{text}：不明な選択肢{name}",
    },
    "prob_adr_trigger_unknown_assumption": {
        "en": "trigger {text}: unknown assumption {name}",
        "ja": "条件{text}：不明な前提条件{name}",
    },
    "prob_adr_trigger_no_chosen": {
        "en": "trigger {text}: the record names no chosen option",
        "ja": "条件{text}：記録に採用案（archplan.chosen）がない",
    },
    # --- what a time trigger counts to, as its reading names it (timing) ---
    "tim_tgt_support": {
        "en": "the security support end of {name}",
        "ja": "{name}のセキュリティサポート終了",
    },
    "tim_tgt_contract": {"en": "the end of contract {name}", "ja": "{name}の契約終了"},
    "tim_tgt_end": {"en": "the first end of {name}", "ja": "{name}の最初の期限"},
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


@lru_cache(maxsize=1)
def _problem_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The English of every ``prob_`` entry as a regular expression, most specific first."""
    out = []
    for key, entry in MESSAGES.items():
        if not key.startswith("prob_") or key.startswith("prob_at") or key == "prob_expected":
            continue
        parts, seen, literal = [], set(), 0
        for text, name, _, _ in string.Formatter().parse(entry["en"]):
            parts.append(re.escape(text))
            literal += len(text.strip())
            if name is not None:
                parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.*?)")
                seen.add(name)
        if literal:
            out.append((literal, key, re.compile("".join(parts), re.S)))
    out.sort(key=lambda t: -t[0])
    return tuple((key, pattern) for _, key, pattern in out)


#: Entries whose values are the user's ids (a CSV cell's row and column), never translated.
_VERBATIM = frozenset({"prob_cell", "prob_row", "prob_column"})


@lru_cache(maxsize=4096)
def localize(text: str, language: str, depth: int = 0) -> str:
    """An English problem text in ``language``: the ``prob_`` catalogue entry whose English,
    filled in, gives exactly ``text`` is filled in ``language`` with the same values (each
    value localized in turn when it is itself such a text, as "a list" in "a list is not
    a number", but never a quoted value such as ``'titel'``). Text no entry gives back
    exactly (a user's own words, a library's message) stays as it is.

    Examples
    --------
    >>> localize("unknown key 'titel'", "ja")
    "不明なキー'titel'"
    >>> localize("a list is not a number", "ja")
    'リストは数値ではない'
    >>> localize("'five' is not a number", "en")
    "'five' is not a number"
    """
    if language == "en" or not text or (depth and text[0] in "'\"" and text[-1] == text[0]):
        return text  # a value quoted as the user wrote it stays as it is
    for key, pattern in _problem_patterns():
        m = pattern.fullmatch(text)
        if m is None:
            continue
        values = m.groupdict()
        if MESSAGES[key]["en"].format(**values) != text:
            continue
        if depth < 3 and key not in _VERBATIM:
            values = {k: localize(v, language, depth + 1) for k, v in values.items()}
        return template(key, language).format(**values)
    return text
