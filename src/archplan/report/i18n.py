"""Labels for reports in Japanese and English."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "report": "Options and cost report",
        "generated": "Generated",
        "author": "Author",
        "workspace": "Workspace",
        "illustrative": "",
        "options": "Options",
        "option": "Option",
        "description": "Description",
        "ranking": "Ranking",
        "rank": "Rank",
        "score": "Score",
        "criteria": "Criteria and weights",
        "criterion": "Criterion",
        "direction": "Direction",
        "weight": "Weight",
        "benefit": "benefit (more is better)",
        "cost": "cost (less is better)",
        "ranking_note": "Weighted sum: each criterion's scores are scaled 0–1 (min–max, "
        "1 = best, direction respected) and weighted; weights sum to 1.",
        "costs": "Costs by fiscal year",
        "cost_summary": "Cost summary",
        "item": "Item",
        "category": "Category",
        "total": "Total",
        "npv": "NPV",
        "unit_yen": "yen",
        "unit_thousand": "thousand yen",
        "tax_inclusive": "tax-inclusive",
        "tax_exclusive": "tax-exclusive",
        "npv_note": "NPV at a discount rate of {rate}; the first fiscal year is time 0 "
        "(numpy-financial convention).",
        "rounding_note": "Each cell is rounded half-up to the display unit; totals are "
        "the sums of the rounded cells.",
        "cumulative": "Cumulative cost",
        "fiscal_year": "Fiscal year",
        "decisions": "Decision records",
        "no_decisions": "No decision records yet.",
        "status": "Status",
        "date": "Date",
        "number": "No.",
        "title": "Title",
        "recommended": "Top-ranked option",
        "notices": "Notices",
    },
    "ja": {
        "report": "方式比較・費用試算報告",
        "generated": "作成日",
        "author": "作成者",
        "workspace": "ワークスペース",
        "options": "選択肢",
        "option": "選択肢",
        "description": "概要",
        "ranking": "総合評価の順位",
        "rank": "順位",
        "score": "総合点",
        "criteria": "評価項目と重み",
        "criterion": "評価項目",
        "direction": "向き",
        "weight": "重み",
        "benefit": "大きいほど良い",
        "cost": "小さいほど良い",
        "ranking_note": "加重和法：評価項目ごとに得点を0〜1に正規化し（最小最大法、1が最良、"
        "向きを考慮）、合計1となる重みを掛けて合計した。",
        "costs": "年度別費用",
        "cost_summary": "費用の総括",
        "item": "費目",
        "category": "区分",
        "total": "合計",
        "npv": "正味現在価値",
        "unit_yen": "円",
        "unit_thousand": "千円",
        "tax_inclusive": "税込",
        "tax_exclusive": "税抜",
        "npv_note": "割引率{rate}で割り引いた正味現在価値（初年度を時点0とする"
        "numpy-financialの規約）。",
        "rounding_note": "各欄を表示単位に四捨五入し、合計は四捨五入後の各欄の和とした。",
        "cumulative": "累積費用",
        "fiscal_year": "年度",
        "decisions": "意思決定記録",
        "no_decisions": "意思決定記録はまだない。",
        "status": "状態",
        "date": "日付",
        "number": "番号",
        "title": "件名",
        "recommended": "総合評価1位の選択肢",
        "notices": "読み込み時の注意",
    },
}

STATUS_JA = {
    "proposed": "提案",
    "accepted": "承認",
    "rejected": "却下",
    "deprecated": "廃止",
    "superseded": "置換済",
    "unknown": "不明",
}


def label(key: str, language: str) -> str:
    """The label for ``key`` in ``language`` (English when missing)."""
    table = LABELS.get(language, LABELS["en"])
    return table.get(key) or LABELS["en"][key]
