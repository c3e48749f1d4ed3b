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
