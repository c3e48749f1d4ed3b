"""A workspace of our own that mixes what finance offices meet together (issue #11): taxed,
untaxed (不課税) and exempt (非課税) items, a foreign-currency item and a knocked-out
option, in Japanese. Its report and handover pack must pass the same scans as the bundled
examples: one figure per quantity, no sums of alternatives, knock-outs marked, and no
English word archplan printed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from archplan import load_workspace
from archplan.costs import budget_view, tax_breakdown
from archplan.report.i18n import label
from conftest import EXAMPLES
from test_documents import collect, expected_figures, preceding_heading, rows_of, soup
from test_i18n import archplans_words, english_words

EXTRA_ITEMS = """\
  - id: saas-staff
    option: saas
    name: 会計年度任用職員（データ入力）
    category: staff
    nature: recurring
    period: year
    amount: 3000000
    start: 2027
    end: 2030
  - id: saas-insurance
    option: saas
    name: 個人情報漏えい保険
    category: operation
    tax: 非課税
    nature: recurring
    period: year
    amount: 200000
    start: 2027
    end: 2030
  - id: saas-addon
    option: saas
    name: 帳票出力オプション（米ドル建て）
    category: subscription
    nature: recurring
    period: month
    amount: 500
    currency: USD
    start: 2027
    end: 2030
"""

USD_RATE = """\
  usd_jpy:
    value: 150
    unit: 円/USD
    source: 財政課の予算レート（例示）
    as_of: 2026-10-01
"""


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = tmp_path_factory.mktemp("mixed") / "ws"
    shutil.copytree(EXAMPLES / "food-lab", ws)
    costs = ws / "costs.yaml"
    text = costs.read_text(encoding="utf-8")
    costs.write_text(re.sub(r"(?m)^items:\n", "items:\n" + EXTRA_ITEMS, text, count=1), "utf-8")
    register = ws / "assumptions.yaml"
    text = register.read_text(encoding="utf-8")
    register.write_text(
        re.sub(r"(?m)^assumptions:\n", "assumptions:\n" + USD_RATE, text, count=1), "utf-8"
    )
    settings = ws / "archplan.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + "exchange_rates:\n  USD: usd_jpy\n", "utf-8"
    )
    return ws


def test_the_mixed_plan_adds_tax_only_to_taxable_lines(mixed: Path) -> None:
    ws = load_workspace(mixed)
    # By hand, FY2027–FY2030 (4 years): staff 3,000,000 × 4 = 12,000,000 with no tax
    # (不課税 by its category); insurance 200,000 × 4 = 800,000 with no tax (非課税 by
    # its own key); the add-on USD 500 × 150 × 12 × 4 = 3,600,000, plus 10 % = 3,960,000.
    # The SaaS option's total was 49,742,000 yen; it becomes 66,502,000 (66,502 千円).
    assert budget_view(ws).loc["saas", "total"] == 66_502
    lines = tax_breakdown(ws).sum(axis=1)
    assert lines[("saas", "non_taxable")] == 12_000_000
    assert lines[("saas", "exempt")] == 800_000


@pytest.fixture(scope="module")
def documents(mixed: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from archplan.report import build_handover, build_report

    out = tmp_path_factory.mktemp("mixed-docs")
    return {
        "report": build_report(mixed, out / "report.html"),
        "handover": build_handover(mixed, out / "handover.html"),
    }


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["report", "handover"])
def test_one_figure_per_quantity(documents: dict[str, Path], mixed: Path, kind: str) -> None:
    expected = expected_figures(mixed)
    assert expected["saas"]["total"] == 66_502
    found = collect(documents[kind], mixed)
    for (option, quantity), values in found.seen.items():
        want = expected[option][quantity]
        wrong = [(v, w) for v, w in values if v != want]
        assert not wrong, f"{option} {quantity}: expected {want}, printed {wrong}"
    assert len(found.seen.get(("saas", "total"), [])) >= 3


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["report", "handover"])
def test_no_sum_of_alternatives_and_knock_outs_marked(
    documents: dict[str, Path], mixed: Path, kind: str
) -> None:
    ws = load_workspace(mixed)
    names = [o.name for o in ws.options]
    doc = soup(documents[kind])
    for table in doc.select("table.ap-table"):
        _, body = rows_of(table)
        firsts = [r[0] for r in body]
        if sum(any(f.startswith(n) for n in names) for f in firsts) >= 2:
            assert label("total", "ja") not in firsts, preceding_heading(table)
    grand = sum(f["total"] for f in expected_figures(mixed).values())
    assert f"{grand:,}" not in doc.get_text(" ")
    knocked = ws.option("overseas-saas").name
    assert (
        any(
            r[0].startswith(knocked) and "データの国内保管" in r[0]
            for table in doc.select("table.ap-budget")
            for r in rows_of(table)[1]
        )
        or kind == "handover"
    )


@pytest.mark.slow
def test_item_table_shows_treatment_and_currency_basis(documents: dict[str, Path]) -> None:
    doc = soup(documents["report"])
    rows = [r for table in doc.select("table.ap-costs") for r in rows_of(table)[1]]
    by_name = {r[0]: r for r in rows}
    assert "不課税" in by_name["会計年度任用職員（データ入力）"]
    assert "非課税" in by_name["個人情報漏えい保険"]
    addon = " ".join(by_name["帳票出力オプション（米ドル建て）"])
    assert "USD 500" in addon and "150" in addon and "円/USD" in addon
    # The tax-lines table appears because the plan mixes treatments.
    assert doc.select("table.ap-tax-lines")


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["report", "handover"])
def test_no_english_word_archplan_printed(
    documents: dict[str, Path], mixed: Path, kind: str
) -> None:
    left = archplans_words(documents[kind].read_text(encoding="utf-8"), mixed)
    assert english_words(left) == []


@pytest.mark.slow
def test_handover_items_show_each_treatment(documents: dict[str, Path], mixed: Path) -> None:
    """A successor sees which items the tax rate applies to: the pack's table of items and
    their inputs has the treatment of every item (by category unless the item says)."""
    doc = soup(documents["handover"])
    head, body = rows_of(doc.select_one("table.ap-items"))
    k = head.index("課税区分")
    by_name = {r[0]: r[k] for r in body}
    assert by_name["会計年度任用職員（データ入力）"] == "不課税"  # staff: by category
    assert by_name["個人情報漏えい保険"] == "非課税"  # tax: 非課税 on the item
    assert by_name["帳票出力オプション（米ドル建て）"] == "課税"
    ws = load_workspace(mixed)
    want = {"taxable": "課税", "non_taxable": "不課税", "exempt": "非課税"}
    # One row per item, in the order of costs.yaml (names repeat across options).
    assert [r[k] for r in body] == [want[i.tax_treatment(ws.settings)] for i in ws.cost_items]
