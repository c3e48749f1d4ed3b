"""Consumption-tax treatments (課税 / 不課税 / 非課税) against hand calculations.

Every expected figure below is worked out by hand in the comment beside it: tax is added
to taxable lines only, per item, fiscal year and rate, rounded down (切り捨て); a
non-taxable (staff wages, contributions) or exempt (insurance) line is the same on both
bases, whether amounts are entered tax-exclusive or tax-inclusive.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from archplan import WorkspaceError, load_workspace
from archplan.costs import (
    budget_view,
    cost_table,
    describe_basis,
    item_basis,
    item_schedule,
    monthly_flows,
    tax_breakdown,
    yearly_totals,
)
from archplan.report.cost_sections import item_annotations
from archplan.report.sections import cost_tables_section
from conftest import make_workspace

MIXED = """
- {id: cloud, option: saas, name: Cloud, category: cloud, nature: recurring, period: month,
   amount: 10000, start: 2026-04, end: 2027-03}
- {id: staff, option: saas, name: Fiscal-year appointed staff, category: staff,
   nature: recurring, amount: 3600000, start: 2026, end: 2026}
- {id: insure, option: saas, name: Insurance, category: insurance, nature: one-off,
   amount: 50000, start: 2026}
- {id: levy, option: saas, name: Contribution to the prefecture, category: contribution,
   nature: recurring, amount: 1000001, start: 2026, end: 2026}
- {id: temp, option: saas, name: Temp staff via an agency, category: labour,
   nature: recurring, amount: 2000005, start: 2026, end: 2026}
- {id: wages, option: saas, name: Wages booked as labour, category: labour, tax: 不課税,
   nature: recurring, amount: 700000, start: 2026, end: 2026}
- {id: fee, option: saas, name: Certificate fee, category: other, tax: exempt,
   nature: one-off, amount: 3333, start: 2026}
"""


def _year(ws_dir: Path, basis: str, fy: int = 2026) -> dict[str, int]:
    sched = item_schedule(load_workspace(ws_dir), basis)  # type: ignore[arg-type]
    return {str(k[1]): int(v) for k, v in sched[fy].items()}


def test_category_defaults_and_overrides(tmp_path: Path) -> None:
    ws = load_workspace(make_workspace(tmp_path, MIXED))
    got = {i.id: i.tax for i in ws.cost_items}
    assert got == {
        "cloud": "taxable",
        "staff": "non_taxable",  # category staff: 不課税
        "insure": "exempt",  # category insurance: 非課税
        "levy": "non_taxable",  # category contribution (負担金): 不課税
        "temp": "taxable",  # an agency's invoice is a taxable purchase
        "wages": "non_taxable",  # written 不課税 on the item
        "fee": "exempt",  # written exempt on the item
    }


def test_mixed_plan_exclusive_entry(tmp_path: Path) -> None:
    d = make_workspace(tmp_path, MIXED)  # amounts entered tax-exclusive, flat 10 %
    excl, incl = _year(d, "exclusive"), _year(d, "inclusive")
    assert excl == {
        "cloud": 120000,  # 12 × 10,000
        "staff": 3600000,
        "insure": 50000,
        "levy": 1000001,
        "temp": 2000005,
        "wages": 700000,
        "fee": 3333,
    }
    assert incl == {
        "cloud": 132000,  # 120,000 + 12,000
        "staff": 3600000,  # wages, not wages + 10 %
        "insure": 50000,
        "levy": 1000001,
        "temp": 2200005,  # 2,000,005 + floor(200,000.5) = 2,200,005
        "wages": 700000,
        "fee": 3333,
    }
    ws = load_workspace(d)
    # Tax line: 12,000 + 200,000 = 212,000; the rest is counted as entered.
    t = tax_breakdown(ws)
    assert int(t.loc[("saas", "taxable"), 2026]) == 120000 + 2000005
    assert int(t.loc[("saas", "non_taxable"), 2026]) == 3600000 + 1000001 + 700000
    assert int(t.loc[("saas", "exempt"), 2026]) == 50000 + 3333
    assert int(t.loc[("saas", "tax"), 2026]) == 212000
    assert int(t.loc[("saas", "total"), 2026]) == 7685339  # Σ of the inclusive column above
    assert int(yearly_totals(ws).loc[2026, "saas"]) == 7685339
    # The budget request in 千円: 7,685,339 → 7,685 (half-up).
    assert int(budget_view(ws, unit="thousand").loc["saas", 2026]) == 7685
    # FY2027 has nothing: every line is zero.
    assert (t.loc["saas"][2027] == 0).all()


def test_mixed_plan_inclusive_entry(tmp_path: Path) -> None:
    d = make_workspace(
        tmp_path,
        MIXED,
        replace={"amounts_entered: exclusive": "amounts_entered: inclusive"},
    )
    excl, incl = _year(d, "exclusive"), _year(d, "inclusive")
    assert incl["staff"] == excl["staff"] == 3600000  # no tax "inside" a wage
    assert incl["fee"] == excl["fee"] == 3333
    assert incl["insure"] == excl["insure"] == 50000
    # Taxable, entered inclusive: tax inside = floor(132,000 × 0.1 / 1.1)… for 120,000
    # entered: floor(10,909.09) = 10,909 → 109,091 exclusive.
    assert incl["cloud"] == 120000 and excl["cloud"] == 109091
    # 2,000,005 inclusive: floor(181,818.6) = 181,818 → 1,818,187.
    assert excl["temp"] == 1818187
    t = tax_breakdown(load_workspace(d))
    assert int(t.loc[("saas", "tax"), 2026]) == 10909 + 181818
    col = t.loc["saas"][2026]
    assert col["taxable"] + col["non_taxable"] + col["exempt"] + col["tax"] == col["total"]


def test_dated_rate_change_taxes_only_taxable_lines(tmp_path: Path) -> None:
    # FY2019 under Japan's dated table: April–September 2019 at 8 %, October–March at 10 %.
    d = make_workspace(
        tmp_path,
        """
        - {id: m, option: saas, name: M, category: cloud, nature: recurring, period: month,
           amount: 100000, start: 2019, end: 2019}
        - {id: s, option: saas, name: S, category: staff, nature: recurring, period: month,
           amount: 100000, start: 2019, end: 2019}
        - {id: e, option: saas, name: E, category: insurance, nature: recurring,
           period: month, amount: 100000, start: 2019, end: 2019}
        """,
        replace={"  rate: 0.10\n": "", "first: 2026": "first: 2019"},
    )
    incl = _year(d, "inclusive", 2019)
    # 600,000 × 1.08 + 600,000 × 1.10 = 648,000 + 660,000
    assert incl == {"m": 1308000, "s": 1200000, "e": 1200000}
    flows = monthly_flows(load_workspace(d), "inclusive")
    # September 2019 (8 %) and October 2019 (10 %): 108,000 / 110,000 taxable plus
    # 200,000 untaxed each month.
    assert flows.loc[flows.index[5], "saas"] == pytest.approx(308000)
    assert flows.loc[flows.index[6], "saas"] == pytest.approx(310000)


def test_defaults_set_in_settings(tmp_path: Path) -> None:
    d = make_workspace(
        tmp_path,
        """
        - {id: a, option: saas, name: A, category: labour, nature: one-off, amount: 1000,
           start: 2026}
        - {id: b, option: saas, name: B, category: labour, tax: 課税, nature: one-off,
           amount: 1000, start: 2026}
        - {id: c, option: saas, name: C, category: staff, nature: one-off, amount: 1000,
           start: 2026}
        """,
        replace={
            "  amounts_entered: exclusive": "  defaults: {labour: 不課税, staff: taxable}\n"
            "  amounts_entered: exclusive"
        },
    )
    assert _year(d, "inclusive") == {"a": 1000, "b": 1100, "c": 1100}


def test_simulation_matches_engine_on_a_mixed_plan(tmp_path: Path) -> None:
    from archplan.uncertainty.simulation import compile_model, deterministic_inputs

    ws = load_workspace(make_workspace(tmp_path, MIXED))
    got = {}
    for basis in ("inclusive", "exclusive"):
        model = compile_model(ws, basis)  # type: ignore[arg-type]
        got[basis] = model.evaluate(deterministic_inputs(model))[0]
        exact = yearly_totals(ws, basis).T.reindex(model.options).to_numpy(float)  # type: ignore[arg-type]
        # Per option-year: at most one yen per item of rounding (here 7 items).
        assert np.abs(got[basis] - exact).max() <= 7
    # Tax only on the taxable lines: 10 % of 120,000 + 2,000,005 (unrounded here).
    assert got["inclusive"][0, 0] - got["exclusive"][0, 0] == pytest.approx(212000.5)


def test_item_tables_show_the_treatment(tmp_path: Path) -> None:
    ws = load_workspace(make_workspace(tmp_path, MIXED))
    basis = item_basis(ws)
    assert basis.loc[("saas", "staff"), "tax"] == "non_taxable"
    table = cost_table(ws, "saas")
    assert table.attrs["basis"] == "inclusive"
    assert table.attrs["tax"]["staff"] == "non_taxable"
    assert table.attrs["tax"]["temp"] == "taxable"
    assert item_schedule(ws).attrs["tax"]["fee"] == "exempt"
    notes = item_annotations(ws)  # the example is Japanese
    assert notes["staff"][0] == "不課税" and notes["insure"][0] == "非課税"
    assert notes["cloud"] == ("課税", "10,000円/月")
    html = cost_tables_section(ws)
    assert "課税区分" in html and "不課税" in html and "非課税" in html
    assert "不課税（職員の給与" in html  # the note explaining the mixed plan


def test_foreign_currency_item_shows_amount_and_rate(tmp_path: Path) -> None:
    d = make_workspace(
        tmp_path,
        """
        - {id: u, option: saas, name: U, category: subscription, nature: recurring,
           period: month, amount: 2500, currency: USD, start: 2026, end: 2026}
        """,
        settings="exchange_rates: {USD: usd_jpy}\n",
        assumptions="  usd_jpy: {value: 150, unit: JPY/USD, source: illustrative, "
        "as_of: 2026-04-01}\n",
    )
    ws = load_workspace(d)
    assert describe_basis(ws, "ja").loc[("saas", "u")] == "USD 2,500/月 × 150 円/USD"
    assert describe_basis(ws, "en").loc[("saas", "u")] == "USD 2,500/month × 150 yen/USD"
    row = item_basis(ws).loc[("saas", "u")]
    assert (row["currency"], int(row["price"]), int(row["exchange_rate"])) == ("USD", 2500, 150)
    # And the money: 2,500 × 150 × 12 = 4,500,000 yen tax-exclusive.
    assert _year(d, "exclusive")["u"] == 4500000


@pytest.mark.parametrize(
    ("items", "settings_edit", "fragment"),
    [
        (
            "- {id: x, option: saas, name: X, category: cloud, tax: vat, nature: one-off,\n"
            "   amount: 1, start: 2026}",
            None,
            "costs.yaml:2: items[0].tax: 'vat' is not allowed (expected taxable (課税), "
            "non_taxable (不課税) or exempt (非課税))",
        ),
        (
            "- {id: x, option: saas, name: X, category: cloud, nature: one-off,\n"
            "   amount: 1, start: 2026}",
            "  defaults: {staff: 免税}\n",
            "archplan.yaml:14: tax.defaults.staff: '免税' is not allowed",
        ),
        (
            "- {id: x, option: saas, name: X, category: cloud, nature: one-off,\n"
            "   amount: 1, start: 2026}",
            "  defaults: {people: non_taxable}\n",
            "archplan.yaml:14: tax.defaults.people: unknown category 'people'",
        ),
    ],
)
def test_unknown_treatment_is_a_located_error(
    tmp_path: Path, items: str, settings_edit: str | None, fragment: str
) -> None:
    replace = (
        {"  amounts_entered: exclusive": settings_edit + "  amounts_entered: exclusive"}
        if settings_edit
        else None
    )
    d = make_workspace(tmp_path, items, replace=replace)
    with pytest.raises(WorkspaceError) as info:
        load_workspace(d)
    assert any(fragment in str(p) for p in info.value.problems), [
        str(p) for p in info.value.problems
    ]


def test_excel_export_shows_treatment_and_basis(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from archplan.export import export_xlsx
    from archplan.messages import msg

    ws = load_workspace(make_workspace(tmp_path, MIXED))
    out = export_xlsx(ws, tmp_path / "plan.xlsx")
    sheet = load_workbook(out)["saas"]
    header = [c.value for c in sheet[4]]
    lang = ws.settings.language
    tax_col = header.index(msg("cst_tax_header", lang)) + 1
    basis_col = header.index(msg("cst_basis_header", lang)) + 1
    rows = {sheet.cell(row=r, column=1).value: r for r in range(5, sheet.max_row + 1)}
    assert sheet.cell(row=rows["staff"], column=tax_col).value == "不課税"
    assert sheet.cell(row=rows["insure"], column=tax_col).value == "非課税"
    assert sheet.cell(row=rows["cloud"], column=tax_col).value == "課税"
    assert sheet.cell(row=rows["cloud"], column=basis_col).value == "10,000円/月"
    # The figures are unchanged: the staff row is its wages, tax-inclusive.
    years = [i + 1 for i, h in enumerate(header) if h and "年度" in str(h)]
    assert sheet.cell(row=rows["staff"], column=years[0]).value == 3600000


def test_report_budget_shows_the_tax_lines_of_a_mixed_plan(tmp_path: Path) -> None:
    import re

    from archplan.report.cost_sections import budget_section

    ws = load_workspace(make_workspace(tmp_path, MIXED))
    html = str(budget_section(ws))
    assert "消費税の区分別内訳" in html
    table = html.split('class="ap-table ap-tax-lines"')[1].split("</table>")[0]
    saas = re.search(r"<tr><th scope=\"row\">([^<]*)</th>(.*?)</tr>", table)
    assert saas is not None
    cells = [int(c.replace(",", "")) for c in re.findall(r'<td class="num">([^<]*)</td>', saas[2])]
    # 千円: taxable 2,120,005 → 2,120; not taxed 5,300,001 → 5,300; exempt 53,333 → 53;
    # tax 212,000 → 212; the total is the budget's 7,685 (7,685,339 yen).
    assert cells == [2120, 5300, 53, 212, 7685]
    # A plan that is all taxable (the bundled example) has no such table.
    assert "ap-tax-lines" not in str(budget_section(load_workspace("data/examples/food-lab")))


def test_percentage_basis_names_the_items_it_is_taken_of() -> None:
    ws = load_workspace(Path(__file__).resolve().parents[1] / "data/examples/vaccine-booking")
    names = {i.id: i.name for i in ws.cost_items}
    text = describe_basis(ws).loc[("serverless", "sl-maint")]
    assert text == f"{names['sl-build']}の12%"


def test_accounting_software_words_for_not_taxed(tmp_path: Path) -> None:
    """Finance offices copy 税区分 from accounting software, where wages and 負担金 are
    "対象外": read as 不課税 on an item and as a category default, so 700,000 yen of
    wages entered tax-exclusive stays 700,000 (a taxable line would be 770,000)."""
    items = """
    - {id: wages, option: saas, name: Wages, category: labour, tax: 対象外,
       nature: one-off, amount: 700000, start: 2026}
    - {id: agency, option: saas, name: Agency staff, category: labour,
       nature: one-off, amount: 700000, start: 2026}
    - {id: levy, option: saas, name: Levy, category: other, tax: not taxable,
       nature: one-off, amount: 100000, start: 2026}
    """
    d = make_workspace(
        tmp_path,
        items,
        replace={
            "  amounts_entered: exclusive": "  defaults: {training: 課税対象外}\n"
            "  amounts_entered: exclusive"
        },
    )
    ws = load_workspace(d)
    assert {i.id: i.tax for i in ws.cost_items} == {
        "wages": "non_taxable",
        "agency": "taxable",
        "levy": "non_taxable",
    }
    assert ws.settings.tax_treatment("training") == "non_taxable"
    assert _year(d, "inclusive") == {"wages": 700_000, "agency": 770_000, "levy": 100_000}
