"""Every document archplan writes, beyond the report and the handover pack (issue #11).

A new user's English workspace, created with ``archplan new --lang en`` and edited as a
user would (five options, one knocked out; amounts entered tax-inclusive; a USD item
whose quantity grows; staff wages (不課税), a burden charge to the prefecture (不課税),
insurance and — by a category default in ``archplan.yaml`` — training (非課税); a
percentage-of item; a cost split between three towns), and every bundled example, are
scanned in every form archplan prints them: the report, the handover pack, the Excel
workbook, the CSV files, the command line's tables, the explorers' HTML and the
``cost_summary``/``Ranking`` displays. Each option's total and each of its fiscal years
is the same number everywhere (the independent reference of ``test_documents``), no
table adds options up, a knocked-out option is marked with its reason wherever it has a
row, and no number is printed in scientific notation or as NaN/None.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import textwrap
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from archplan import Workspace, load_workspace
from archplan.cli import main
from archplan.fiscal import fy_label
from archplan.report.figures import knocked_out
from archplan.report.i18n import label
from conftest import EXAMPLE_NAMES, EXAMPLES, MANY_OPTIONS
from test_documents import collect, expected_figures, num, rows_of, soup

ALL_EXAMPLES = (*EXAMPLE_NAMES, MANY_OPTIONS)

#: A number in scientific notation, standing alone (not part of an id such as "30e7f12").
SCI = re.compile(r"(?<![0-9A-Za-z])\d+(\.\d+)?[eE][+-]?\d+(?![0-9A-Za-z])")
#: What a missing value looks like when it leaks (the English word "None." is prose).
MISSING = re.compile(r"(?<![A-Za-z])(NaN|nan|NaT|None(?![.]| of)|null)(?![A-Za-z])")

FILES = {
    "archplan.yaml": """\
        title: Joint library system for three towns
        language: en
        author: Library section
        currency: JPY
        display_unit: thousand
        fiscal_year:
          start_month: 4
          first: 2026
          horizon: 6
        discount_rate: 0.03
        tax:
          amounts_entered: inclusive
          defaults: {training: exempt}
        exchange_rates:
          USD: fx
        sharing:
          key: population
          parties:
            - {id: a, name: Aoba Town, value: 23457}
            - {id: b, name: Benten Town, value: 11111}
            - {id: c, name: Chuo Village, value: 3333}
        """,
    "options.yaml": """\
        options:
          - {id: cloud, name: "Library SaaS (global vendor, Tokyo region)", go_live: 2026-10}
          - {id: gov, name: Build on the Government Cloud, go_live: 2027-04}
          - {id: keep, name: Keep the current package, go_live: 2020-04}
          - {id: foreign, name: Offshore SaaS, go_live: 2026-07}
          - {id: lowcode, name: Low-code in-house, go_live: 2027-01}
        """,
    "assumptions.yaml": """\
        assumptions:
          fx: {value: 147.5, unit: JPY/USD, source: Finance office budget rate, as_of: 2026-09-01}
          seats: {value: 19, unit: seats, source: staffing plan, as_of: 2026-04-01}
          seat_usd: {value: 87.5, unit: USD/seat/month, source: price list, as_of: 2026-08-01}
          growth: {value: 0.07, unit: per year, source: circulation trend, as_of: 2026-04-01}
        """,
    "costs.yaml": """\
        items:
          - {id: cloud-setup, option: cloud, name: Set-up, category: build, nature: one-off,
             amount: 7777777, start: 2026-07}
          - {id: cloud-seats, option: cloud, name: Seats (USD), category: subscription,
             nature: recurring, period: month, quantity: seats, growth: growth,
             unit_price: seat_usd, currency: USD, start: 2026-10, end: 2031}
          - {id: cloud-staff, option: cloud, name: Fixed-term appointed staff (cataloguing),
             category: staff, nature: recurring, amount: 3210987, start: 2026-10, end: 2028}
          - {id: cloud-train, option: cloud, name: Training, category: training,
             nature: one-off, amount: 555555, start: 2026-09}
          - {id: cloud-maint, option: cloud, name: Integration maintenance,
             category: maintenance, nature: recurring, start: 2027, end: 2031,
             percent_of: {items: [cloud-setup], rate: 0.15, basis: total}}
          - {id: gov-dev, option: gov, name: Development, category: build, nature: one-off,
             amount: 48765432, start: 2026}
          - {id: gov-cloud, option: gov, name: Cloud usage, category: cloud, nature: recurring,
             period: month, amount: 212121, start: 2027, end: 2031}
          - {id: gov-fee, option: gov, name: Burden charge to the prefecture,
             category: contribution, nature: recurring, amount: 765432, start: 2027, end: 2031}
          - {id: keep-maint, option: keep, name: Package maintenance, category: maintenance,
             nature: recurring, amount: 9876543, start: 2026, end: 2031}
          - {id: keep-ins, option: keep, name: Hardware insurance, category: insurance,
             nature: recurring, amount: 111111, start: 2026, end: 2031}
          - {id: foreign-sub, option: foreign, name: Subscription (USD),
             category: subscription, nature: recurring, period: month, amount: 1234.56,
             currency: USD, start: 2026-07, end: 2031}
          - {id: lc-build, option: lowcode, name: Low-code platform and build,
             category: build, nature: one-off, amount: 15151515, start: 2026}
          - {id: lc-licence, option: lowcode, name: Platform licence, category: licence,
             nature: recurring, amount: 4545454, start: 2027, end: 2031}
          - {id: lc-staff, option: lowcode, name: Own staff time, category: staff,
             nature: recurring, amount: 2999999, start: 2027, end: 2031}
        """,
    "criteria.yaml": """\
        criteria:
          - {id: cost, name: Six-year cost (tax-inclusive), direction: cost,
             source: cost_total, weight: 40, must: {max: 120000000}}
          - {id: residency, name: Data kept in Japan, direction: benefit, scale: marks,
             must: {not: [×]}, weight: 20}
          - {id: fit, name: Fit with cataloguing standards, direction: benefit,
             scale: levels, weight: 40}
        """,
    "scores.csv": """\
        option,residency,fit
        cloud,○,high
        gov,◎,high
        keep,◎,medium
        foreign,×,high
        lowcode,◎,low
        """,
}
REASON = "Data kept in Japan: × is not acceptable"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The new user's workspace: scaffolded by the command, then edited."""
    ws = tmp_path_factory.mktemp("library") / "ws"
    assert main(["new", str(ws), "--lang", "en"]) == 0
    (ws / "components.yaml").unlink()
    for name, text in FILES.items():
        (ws / name).write_text(textwrap.dedent(text), encoding="utf-8")
    assert main(["check", str(ws)]) == 0
    assert main(["adr", "new", "Delivery model of the library system", "-w", str(ws)]) == 0
    assert main(["adr", "status", "1", "accepted", "-w", str(ws)]) == 0
    return ws


# --- hand calculations ---------------------------------------------------------------------


def test_the_library_plan_by_hand(library: Path) -> None:
    """Amounts entered tax-inclusive: every line is in the budget as written; the
    tax-exclusive view takes the tax out of the taxable lines only."""
    from archplan.costs import item_schedule, tax_breakdown

    ws = load_workspace(library)
    sched = item_schedule(ws)
    # Seats: 19 × USD 87.5 × 147.5 円/USD a month, 6 months in FY2026, then 12 a year with
    # the quantity up 7 % a year from the item's first year; rounding is cumulative.
    month = Fraction(19) * Fraction("87.5") * Fraction("147.5")
    exact = [month * 6] + [month * 12 * Fraction(107, 100) ** k for k in range(1, 6)]
    running = [sum(exact[: k + 1]) for k in range(6)]
    rounded = [int(r + Fraction(1, 2)) for r in running]  # half-up of positive amounts
    want = [rounded[0]] + [rounded[k] - rounded[k - 1] for k in range(1, 6)]
    assert sched.loc[("cloud", "cloud-seats")].tolist() == want
    assert want[:2] == [1_471_313, 3_148_608]
    # Wages for half of FY2026, entered as paid: 3,210,987 / 2 = 1,605,493.5 → 1,605,494.
    assert sched.loc[("cloud", "cloud-staff")].tolist()[:3] == [1_605_494, 3_210_987, 3_210_987]
    # 15 % of the set-up a year: 1,166,666.55 → cumulative 1,166,667, 1,166,666, …
    assert sched.loc[("cloud", "cloud-maint")].tolist()[1:3] == [1_166_667, 1_166_666]
    lines = tax_breakdown(ws)
    # Keep: maintenance 9,876,543 a year, taxable: tax inside = ⌊9,876,543 × 10/110⌋ =
    # 897,867; insurance 111,111 exempt, unchanged.
    keep = lines.loc["keep"]
    assert keep.loc["tax"].tolist() == [897_867] * 6
    assert keep.loc["taxable"].tolist() == [9_876_543 - 897_867] * 6
    assert keep.loc["exempt"].tolist() == [111_111] * 6
    # Training is exempt by the workspace's category default; wages are not taxed.
    cloud = lines.loc["cloud"]
    assert cloud.loc["exempt", 2026] == 555_555
    assert cloud.loc["non_taxable"].tolist()[:3] == [1_605_494, 3_210_987, 3_210_987]
    # The budget request is the lines and the tax added up, year by year.
    for option in ("cloud", "gov", "keep", "foreign", "lowcode"):
        part = lines.loc[option]
        assert (
            part.loc[["taxable", "non_taxable", "exempt", "tax"]].sum() == part.loc["total"]
        ).all()
    assert expected_figures(library)["cloud"]["total"] == 41_772  # 41,772,273 円


# --- the report and the handover pack ---------------------------------------------------------


@pytest.fixture(scope="module")
def library_documents(library: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("library-docs")
    assert main(["report", str(library), "-o", str(out / "report.html")]) == 0
    assert main(["handover", str(library), "-o", str(out / "handover.html")]) == 0
    return {"report": out / "report.html", "handover": out / "handover.html"}


def _check_figures(path: Path, ws_path: Path, at_least: int) -> None:
    expected = expected_figures(ws_path)
    found = collect(path, ws_path)
    for (option, quantity), values in found.seen.items():
        wrong = [(v, w) for v, w in values if v != expected[option][quantity]]
        assert not wrong, f"{option} {quantity}: want {expected[option][quantity]}, {wrong}"
    for option in expected:
        assert len(found.seen.get((option, "total"), [])) >= at_least, option


def _check_knock_outs_and_no_sums(path: Path, ws_path: Path) -> None:
    ws = load_workspace(ws_path)
    names = [o.name for o in ws.options]
    reasons = knocked_out(ws)
    doc = soup(path)
    total = label("total", ws.settings.language)
    for table in doc.select("table"):
        _, body = rows_of(table)
        firsts = [r[0] if r else "" for r in body]
        if sum(any(f.startswith(n) for n in names) for f in firsts) >= 2:
            assert total not in firsts, firsts
        if {"ap-excluded", "ap-assumptions"} & set(table.get("class") or []):
            # The knock-out table gives the reason in its own column; the register's
            # sources are the user's words ("自治体CRM ライト 参考見積").
            continue
        for row in body:
            for option, reason in reasons.items():
                if any(_names_option(cell, ws, option) for cell in row):
                    assert reason in " ".join(row), (table.get("class"), row)
    expected = expected_figures(ws_path)
    grand = sum(f["total"] for f in expected.values())
    assert f"{grand:,}" not in doc.get_text(" ")


def _names_option(cell: str, ws: Workspace, option: str) -> bool:
    """Whether a table cell names the option (its name, alone or followed by a mark), and
    not another option whose name begins with it."""
    name = ws.option(option).name
    longer = [o.name for o in ws.options if o.name != name and o.name.startswith(name)]
    if any(cell == n or cell.startswith(n + " ") for n in longer):
        return False
    return cell == name or cell.startswith((name + " ", name + "（", name + " ("))


@pytest.mark.slow
@pytest.mark.parametrize("name", ["food-lab", MANY_OPTIONS])
@pytest.mark.parametrize("kind", ["report", "handover"])
def test_a_knocked_out_option_is_marked_in_every_row_that_names_it(
    documents: dict[tuple[str, str], Path], name: str, kind: str
) -> None:
    """Any cell naming a knocked-out option — the options list, the break-even pairs,
    the handover pack's items and their inputs — is in a row that gives the reason."""
    _check_knock_outs_and_no_sums(documents[(name, kind)], EXAMPLES / name)


def _check_text(text: str, where: str) -> None:
    # Commit ids are not numbers ("git 30e7f12"; "<id> (YYYY-MM-DD)" in the decision log).
    text = re.sub(r"\bgit [0-9a-f]{7,40}\b", " ", text)
    text = re.sub(r"\b[0-9a-f]{7,40} \(\d{4}-\d{2}-\d{2}\)", " ", text)
    for pattern in (SCI, MISSING):
        m = pattern.search(text)
        assert m is None, f"{where}: {text[max(0, m.start() - 60) : m.end() + 20]!r}"


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["report", "handover"])
def test_library_documents_print_one_figure_per_quantity(
    library_documents: dict[str, Path], library: Path, kind: str
) -> None:
    path = library_documents[kind]
    _check_figures(path, library, 5 if kind == "report" else 3)
    _check_knock_outs_and_no_sums(path, library)
    _check_text(soup(path).get_text(" "), kind)


@pytest.mark.slow
def test_library_report_shows_treatments_and_the_dollar_basis(
    library_documents: dict[str, Path],
) -> None:
    doc = soup(library_documents["report"])
    rows = {r[0]: r for t in doc.select("table.ap-costs") for r in rows_of(t)[1]}
    assert rows["Fixed-term appointed staff (cataloguing)"][2] == "not taxed"
    assert rows["Training"][2] == "exempt"  # by the workspace's category default
    assert rows["Burden charge to the prefecture"][2] == "not taxed"
    assert rows["Hardware insurance"][2] == "exempt"
    assert rows["Package maintenance"][2] == "taxable"
    assert rows["Seats (USD)"][3].startswith("19 × USD 87.5/month × 147.5 yen/USD")
    # The tax lines of the mixed plan add up to each option's budget total.
    _, body = rows_of(doc.select_one("table.ap-tax-lines"))
    by_option = {r[0]: r for r in body}
    keep = by_option["Keep the current package"]
    assert [num(c) for c in keep[1:]] == [53_872, 0, 667, 5_387, 59_926]


# --- the workbook and the CSV files -------------------------------------------------------------


@pytest.mark.parametrize("name", [*ALL_EXAMPLES, "library"])
def test_exports_print_the_documents_figures(
    name: str, library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws_path = library if name == "library" else EXAMPLES / name
    ws = load_workspace(ws_path)
    expected = expected_figures(ws_path)
    reasons = knocked_out(ws)
    xlsx, folder = tmp_path / "plan.xlsx", tmp_path / "csv"
    assert main(["export", str(ws_path), "--xlsx", str(xlsx), "--csv", str(folder)]) == 0
    _check_text(capsys.readouterr().out, "export")
    wb = load_workbook(xlsx)
    for sheet in wb.worksheets:
        cells = [v for row in sheet.iter_rows(values_only=True) for v in row if v is not None]
        _check_text("\n".join(map(str, cells)), sheet.title)
    rows = list(wb.worksheets[0].iter_rows(values_only=True))
    years = ws.settings.fiscal_years
    first = fy_label(years[0], ws.settings.language)
    blocks = [i for i, r in enumerate(rows) if len(r) > 2 and r[2] == first]
    assert len(blocks) == 2  # exact yen (live formulas), then the figures as printed
    for k, option in enumerate(ws.options):
        exact_row, shown_row = rows[blocks[0] + 1 + k], rows[blocks[1] + 1 + k]
        assert shown_row[0] == exact_row[0] == option.id
        assert list(shown_row[2 : 2 + len(years)]) == [expected[option.id][y] for y in years]
        assert str(shown_row[2 + len(years)]).startswith("=SUM(")  # live, = the total
        for row in (exact_row, shown_row):
            notes = [c for c in row if isinstance(c, str) and c.startswith(("除外", "knocked"))]
            prefix = "除外：" if ws.settings.language == "ja" else "knocked out: "
            want = [prefix + reasons[option.id]] if option.id in reasons else []
            assert notes == want, (option.id, row)
    # After the option rows of each block: nothing that adds them up.
    for b in blocks:
        after = rows[b + 1 + len(ws.options)] if b + 1 + len(ws.options) < len(rows) else ()
        assert label("total", ws.settings.language) not in [c for c in after if c]
    # summary.csv: one row per option, exact yen, the reason of a knock-out in the last
    # column, no total row.
    text = (folder / "summary.csv").read_text(encoding="utf-8-sig")
    _check_text(text, "summary.csv")
    _check_text((folder / "costs.csv").read_text(encoding="utf-8-sig"), "costs.csv")
    table = list(csv.reader(io.StringIO(text)))[1:]
    assert [r[0] for r in table[1:]] == [o.id for o in ws.options]
    for r in table[1:]:
        assert r[-1] == reasons.get(r[0], "")
        assert int(r[2]) // 1000 in (expected[r[0]]["total"], expected[r[0]]["total"] - 1)


# --- the explorers and the displays in a notebook -----------------------------------------------


@pytest.mark.parametrize("name", [*ALL_EXAMPLES, "library"])
def test_explorers_print_the_documents_figures(name: str, library: Path, tmp_path: Path) -> None:
    """The cost explorer's budget and the risk explorer's plan figures are the report's
    (the risk explorer's contingency table printed the simulation's float plan rounded
    year by year: 19,987 in network-refresh's lease FY2028 against the budget's 19,986)."""
    from archplan.widgets import CostExplorer, RiskExplorer

    ws_path = library if name == "library" else EXAMPLES / name
    ws = load_workspace(ws_path)
    expected = expected_figures(ws_path)
    reasons = knocked_out(ws)
    lang = ws.settings.language
    fy = {fy_label(y, lang): y for y in ws.settings.fiscal_years}
    cost = CostExplorer(ws, list(ws.assumptions)[:1])
    page = tmp_path / "cost.html"
    page.write_text(cost.table.value, encoding="utf-8")
    found = collect(page, ws_path)
    assert {q for (o, q) in found.seen if q == "total"} == {"total"}
    for (option, quantity), values in found.seen.items():
        assert {v for v, _ in values} == {expected[option][quantity]}, (option, quantity)
    assert len(found.seen) == len(ws.options) * (len(fy) + 1)
    risk = RiskExplorer(ws, trials=300)
    for option in ws.options:
        risk.option.value = option.id
        head, body = rows_of(BeautifulSoup(risk.table.value, "html.parser").find("table"))
        plan = dict(zip(head, body[0], strict=True))
        for h, y in fy.items():
            assert num(plan[h]) == expected[option.id][y], (option.id, h)
        assert num(plan[label("total", lang)]) == expected[option.id]["total"]
        # The budget request is the plan and the contingency shown, added up.
        for j in range(1, len(head)):
            assert num(body[2][j]) == num(body[0][j]) + num(body[1][j])
    head, body = rows_of(BeautifulSoup(risk.summary.value, "html.parser").find("table"))
    k = head.index(label("plan", lang))
    for row in body:
        longest_first = sorted(ws.options, key=lambda o: -len(o.name))
        option = next(o for o in longest_first if row[0].startswith(o.name))
        assert num(row[k]) == expected[option.id]["total"]
        if option.id in reasons:
            assert reasons[option.id] in row[0]
        else:
            assert row[0] == option.name
    labels = {str(value): str(text) for text, value in risk.option.options}
    _, cost_rows = rows_of(BeautifulSoup(cost.table.value, "html.parser").find("table"))
    for option in ws.options:
        cost_row = next(r for r in cost_rows if r[0].startswith(option.name))
        if option.id in reasons:
            assert reasons[option.id] in cost_row[0] and reasons[option.id] in labels[option.id]
        else:
            assert cost_row[0] == labels[option.id] == option.name
    for widget_html in (cost.table.value, risk.summary.value, risk.table.value):
        _check_text(BeautifulSoup(widget_html, "html.parser").get_text(" "), name)


@pytest.mark.parametrize("name", [*ALL_EXAMPLES, "library"])
def test_cost_summary_and_ranking_display_as_money(name: str, library: Path) -> None:
    """A notebook shows ``cost_summary`` with NPV and EAC in whole yen (half-up), not as
    ``4.661535e+07``; a Ranking's display is numbers as people write them too."""
    import numpy_financial as npf

    from archplan import build_problem, cost_summary, rank
    from archplan.costs import yearly_totals

    ws = load_workspace(library if name == "library" else EXAMPLES / name)
    summary = cost_summary(ws)
    assert [str(summary[c].dtype) for c in ("total", "npv", "eac")] == ["int64"] * 3
    rate = ws.settings.discount_rate
    yearly = yearly_totals(ws)
    for option, row in summary.iterrows():
        flows = yearly[option].tolist()
        if ws.settings.discount_timing == "start":
            reference = float(npf.npv(rate, flows))
            eac = float(npf.pmt(rate, len(flows), -reference, when="begin"))
        else:
            reference = float(npf.npv(rate, [0, *flows]))
            eac = float(npf.pmt(rate, len(flows), -reference))
        assert abs(row["npv"] - reference) <= 0.5 + 1e-6
        assert abs(row["eac"] - eac) <= 0.5 + 1e-6
    ranking = rank(build_problem(ws))
    for text in (repr(summary), summary._repr_html_() or "", repr(ranking), ranking._repr_html_()):
        _check_text(BeautifulSoup(text, "html.parser").get_text(" "), name)


# --- the command line -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["food-lab", "network-refresh", "library"])
def test_command_line_tables_print_the_documents_figures(
    name: str, library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``archplan timing --option X``: the first row (starting as planned) prints the
    option's total as the documents do; no table the commands print adds options up or
    shows NaN or scientific notation."""
    ws_path = library if name == "library" else EXAMPLES / name
    ws = load_workspace(ws_path)
    expected = expected_figures(ws_path)
    grand = sum(f["total"] for f in expected.values())
    own = "うち当該案" if ws.settings.language == "ja" else "Of which the option"
    for option in ws.options:
        main(["timing", str(ws_path), "--as-of", "2026-12-01", "--option", option.id])
        out = capsys.readouterr().out
        _check_text(out, f"timing {option.id}")
        assert f"{grand:,}" not in out
        lines = out.splitlines()
        head = next(i for i, line in enumerate(lines) if own in line)
        cells = re.split(r"\s{2,}", lines[head].strip())
        first = re.split(r"\s{2,}", lines[head + 2].strip())
        assert num(first[cells.index(own)]) == expected[option.id]["total"], option.id
    for args in (["check", str(ws_path)], ["adr", "list", "-w", str(ws_path)]):
        main(args)
        _check_text(capsys.readouterr().out, " ".join(args))


def test_workbook_register_shows_values_as_written(tmp_path: Path) -> None:
    """The workbook's assumptions register formats each value with its own decimals, so a
    spreadsheet shows 0.0000001 and 151.37 as written (General would show 1E-07)."""
    ws_dir = tmp_path / "ws"
    shutil.copytree(EXAMPLES / "shared-platform", ws_dir)
    reg = ws_dir / "assumptions.yaml"
    tiny = (
        "  tiny_fee:\n    value: 0.0000001\n    unit: yen/call\n    source: x\n"
        "    as_of: 2026-04-01\n"
    )
    text = reg.read_text(encoding="utf-8")
    reg.write_text(re.sub(r"(?m)^assumptions:\n", "assumptions:\n" + tiny, text, count=1), "utf-8")
    out = tmp_path / "plan.xlsx"
    assert main(["export", str(ws_dir), "--xlsx", str(out)]) == 0
    sheet = load_workbook(out).worksheets[-1]
    formats = {r[0].value: (r[1].value, r[1].number_format) for r in sheet.iter_rows(min_row=2)}
    assert formats["tiny_fee"] == (pytest.approx(1e-7), "#,##0.0000000")
    assert formats["usd_jpy"][1] == "#,##0"  # 150: a whole number
    ws = load_workspace(ws_dir)
    for name, (value, fmt) in formats.items():
        decimals = len(fmt.split(".")[1]) if "." in fmt else 0
        # Shown with its decimals, the value is exactly the register's.
        assert Decimal(f"{value:.{decimals}f}") == ws.assumptions[name].value, name
