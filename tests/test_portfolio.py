"""The portfolio: reading it, rolling cases up, what needs attention, the document.

Every figure is checked against the per-case figures it rolls up, computed separately
here by loading each workspace and calling its own budget and commitments functions.
"""

from __future__ import annotations

import shutil
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from archplan import costs, load_workspace
from archplan.cli import main
from archplan.errors import TargetExistsError, WorkspaceError
from archplan.messages import MESSAGES
from archplan.portfolio import (
    assumptions_stale,
    contracts_ending,
    load_portfolio,
    reviews_due,
    rollup,
)
from archplan.portfolio.attention import add_months
from archplan.portfolio.document import portfolio_html, write_portfolio, write_portfolio_xlsx
from archplan.portfolio.synthetic import make_portfolio

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "data" / "examples"
BUNDLED = ROOT / "data" / "portfolio.yaml"
TODAY = date(2026, 11, 29)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_portfolio(tmp_path_factory.mktemp("pf"), 24, problems=True)


@pytest.fixture(scope="module")
def gview(generated: Path):  # type: ignore[no-untyped-def]
    return rollup(generated, today=TODAY, jobs=2)


def _accepted_choice(ws: Path) -> str | None:
    """The chosen option of the latest accepted record, read from the front matter by
    hand (not through archplan's record reader)."""
    import yaml

    choice = None
    for path in sorted((ws / "decisions").glob("[0-9][0-9][0-9][0-9]-*.md")):
        text = path.read_text(encoding="utf-8")
        if not text.startswith("---\n"):
            continue
        meta = yaml.safe_load(text.split("\n---\n", 1)[0][4:]) or {}
        chosen = (meta.get("archplan") or {}).get("chosen")
        if meta.get("status") == "accepted" and chosen:
            choice = chosen
    return choice


def _own_total(path: Path, chosen: str) -> int:
    return sum(_own_budget_row(path, chosen).values())


def _own_budget_row(path: Path, chosen: str) -> dict[int, int]:
    table = costs.budget_view(load_workspace(path), unit="thousand")
    return {int(c): int(v) for c, v in table.loc[chosen].items() if c != "total"}


def _accept(ws: Path, record: str, chosen: str) -> None:
    """Mark a record accepted with a chosen option (front matter edited by hand)."""
    path = ws / "decisions" / record
    text = path.read_text(encoding="utf-8")
    text = text.replace("status: proposed", "status: accepted", 1)
    if "archplan:\n" not in text:
        text = text.replace("\n---\n", f"\narchplan:\n  chosen: {chosen}\n---\n", 1)
    elif "chosen:" not in text:
        text = text.replace("archplan:\n", f"archplan:\n  chosen: {chosen}\n", 1)
    path.write_text(text, encoding="utf-8")


# -- reading a portfolio ---------------------------------------------------------------


def test_bundled_portfolio_lists_every_example_with_its_tags() -> None:
    pf = load_portfolio(BUNDLED)
    # Every bundled example, none forgotten when one is added.
    examples = sorted(p.name for p in EXAMPLES.iterdir() if (p / "archplan.yaml").is_file())
    assert sorted(c.id for c in pf.cases) == examples and len(examples) >= 5
    assert pf.cases[2].tags["municipality"] == "5市町共同"
    assert pf.language == "ja" and pf.problems == ()
    assert all(c.path.is_dir() and not c.problems for c in pf.cases)


def test_folder_of_workspaces_is_a_portfolio(tmp_path: Path) -> None:
    for name in ("food-lab", "shared-platform"):
        shutil.copytree(EXAMPLES / name, tmp_path / "welfare" / name)
    shutil.copytree(EXAMPLES / "network-refresh", tmp_path / "network-refresh")
    (tmp_path / "notes").mkdir()
    pf = load_portfolio(tmp_path)
    assert sorted(c.id for c in pf.cases) == ["food-lab", "network-refresh", "shared-platform"]
    assert {c.id: c.tags.get("folder") for c in pf.cases}["food-lab"] == "welfare"
    # The language follows the majority of the cases (two Japanese, one English).
    assert rollup(pf, today=TODAY, jobs=1).language == "ja"


def test_bad_entries_are_kept_with_their_problems(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES / "food-lab", tmp_path / "a")
    (tmp_path / "portfolio.yaml").write_text(
        "title: t\n"
        "colour: blue\n"
        "cases:\n"
        "  - path: a\n"
        "    tags: {phase: build, time: invest}\n"
        "  - path: a\n"  # the same workspace again
        "    id: again\n"
        "  - path: nowhere\n"
        "  - path: a\n"
        "    id: a\n"  # an id already used (and the same folder)
        "  - path: a\n"
        "    id: other\n"
        "    tags: {phase: operate, time: keep}\n",
        encoding="utf-8",
    )
    pf = load_portfolio(tmp_path / "portfolio.yaml")
    assert len(pf.cases) == 5  # nothing dropped
    assert [p.field for p in pf.problems] == ["colour"]
    again, nowhere, clash, other = pf.cases[1:]
    assert again.duplicate_of == "a" and again.problems[0].line == 6
    assert "no such folder" in nowhere.problems[0].message and nowhere.problems[0].line == 8
    assert clash.id != "a" and any("already used" in p.message for p in clash.problems)
    fields = sorted(p.field or "" for p in other.problems)
    assert fields == ["cases[4].path", "cases[4].tags.phase", "cases[4].tags.time"]
    view = rollup(pf, today=TODAY, jobs=1)
    status = view.cases["status"].to_dict()
    assert status == {
        "a": "decided",
        "again": "duplicate",
        "nowhere": "missing",
        clash.id: "duplicate",
        "other": "duplicate",
    }
    # Counted once: the total is food-lab's own.
    assert int(view.budget.loc["total", "total"]) == _own_total(EXAMPLES / "food-lab", "saas")
    assert set(view.undecided.index) == {"again", "nowhere", clash.id, "other"}


def test_no_portfolio_at_all_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="no such portfolio"):
        load_portfolio(tmp_path / "missing.yaml")
    with pytest.raises(WorkspaceError, match="no workspace found"):
        load_portfolio(tmp_path)
    (tmp_path / "portfolio.yaml").write_text("cases: []\n", encoding="utf-8")
    with pytest.raises(WorkspaceError, match="no cases listed"):
        load_portfolio(tmp_path)


# -- the roll-up ---------------------------------------------------------------------


def test_bundled_budget_equals_each_case_budget_table() -> None:
    view = rollup(BUNDLED, today=TODAY, jobs=1)
    choices = {c.id: _accepted_choice(c.path) for c in load_portfolio(BUNDLED).cases}
    decided = [c for c, chosen in choices.items() if chosen]
    assert "food-lab" in decided
    assert list(view.budget.index) == [*decided, "total"]
    for case in decided:
        own = _own_budget_row(EXAMPLES / case, str(choices[case]))
        row = {int(c): int(v) for c, v in view.budget.loc[case].items() if c != "total"}
        # The portfolio spans every case's years: outside its own plan a case shows 0.
        assert {fy: row[fy] for fy in own} == own, case
        assert all(v == 0 for fy, v in row.items() if fy not in own), case
    assert int(view.budget.loc["total", "total"]) == sum(
        _own_total(EXAMPLES / c, str(choices[c])) for c in decided
    )
    und = view.undecided
    assert set(und.index) == {c for c, chosen in choices.items() if not chosen}
    assert set(und["reason"]) <= {MESSAGES["pf_no_accepted"]["ja"]}


def test_generated_portfolio_rolls_up_each_case_to_the_unit(gview, generated: Path) -> None:  # type: ignore[no-untyped-def]
    budget = gview.budget
    counted = [r for r in gview.results if r.id in budget.index]
    assert len(counted) >= 10
    for r in counted:
        own = _own_budget_row(Path(r.path), str(r.chosen))
        row = {int(c): int(v) for c, v in budget.loc[r.id].items() if c != "total" and v}
        assert row == {fy: v for fy, v in own.items() if v}, r.id
        assert int(budget.loc[r.id, "total"]) == sum(own.values())
    body = budget.drop(index="total", columns="total")
    assert (budget.loc["total"].drop("total") == body.sum(axis=0)).all()
    assert (budget["total"].drop("total") == body.sum(axis=1)).all()
    assert int(budget.loc["total", "total"]) == int(body.to_numpy().sum())


def test_budget_by_tag_adds_up_to_the_same_total(gview) -> None:  # type: ignore[no-untyped-def]
    total = int(gview.budget.loc["total", "total"])
    for tag in ("bureau", "department", "phase", "time", "municipality"):
        table = gview.budget_by(tag)
        assert int(table.loc["total", "total"]) == total, tag
    # One group by hand: the sum of its cases' own totals.
    bureau = gview.budget_by("bureau")
    for value in bureau.index.drop("total"):
        cases = [r for r in gview.counted() if r.tags.get("bureau") == value]
        assert int(bureau.loc[value, "total"]) == sum(sum(r.budget.values()) for r in cases)


def test_bad_cases_are_listed_per_case_with_nothing_lost(gview, generated: Path) -> None:  # type: ignore[no-untyped-def]
    entries = generated.read_text(encoding="utf-8").count("  - path:")
    assert len(gview.results) == entries == 24 + 5
    cases = gview.cases
    assert cases.loc["broken-case", "status"] == "failed"
    assert cases.loc["no-such-case", "status"] == "missing"
    assert cases.loc["twice", "status"] == "duplicate"
    # Yen is the only currency a workspace may hold: the dollar case fails its check.
    assert cases.loc["usd-case", "status"] == "failed"
    assert cases.loc["january-case", "status"] == "decided"
    assert not cases.loc["january-case", "counted"]
    assert "1" in cases.loc["january-case", "reason"]
    problems = gview.problems
    broken = problems[problems["case"] == "broken-case"]
    assert list(broken["file"]) == ["costs.yaml"] and "45 users" in broken["message"].iloc[0]
    usd = problems[problems["case"] == "usd-case"]
    assert "USD" in usd["message"].iloc[0]
    checks = gview.attention[gview.attention["kind"] == "check"]
    assert set(checks["case"]) == {"broken-case", "usd-case", "no-such-case"}
    assert "costs.yaml:15" in checks[checks["case"] == "broken-case"]["detail"].iloc[0]
    # Every case not in the totals is in the list of cases not added up, and no other.
    not_added = set(gview.undecided.index)
    assert not_added == set(cases.index) - set(gview.budget.index)
    assert {"broken-case", "no-such-case", "twice", "usd-case", "january-case"} <= not_added


def test_other_calendar_is_listed_not_added(tmp_path: Path) -> None:
    for name in ("food-lab", "other"):
        shutil.copytree(EXAMPLES / "food-lab", tmp_path / name)
    settings = tmp_path / "other" / "archplan.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("start_month: 4", "start_month: 1"), encoding="utf-8")
    view = rollup(tmp_path, today=TODAY, jobs=1)
    assert list(view.budget.index) == ["food-lab", "total"]
    assert view.cases.loc["other", "status"] == "decided"
    assert "1月" in view.undecided.loc["other", "reason"]


def test_parallel_and_serial_roll_ups_agree(gview, generated: Path) -> None:  # type: ignore[no-untyped-def]
    serial = rollup(generated, today=TODAY, jobs=1)
    pd.testing.assert_frame_equal(serial.budget, gview.budget)
    pd.testing.assert_frame_equal(serial.attention, gview.attention)
    pd.testing.assert_frame_equal(serial.commitments, gview.commitments)


def test_a_case_that_crashes_does_not_take_the_others_down(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("food-lab", "crashes"):
        shutil.copytree(EXAMPLES / "food-lab", tmp_path / name)
    real = costs.budget_view

    def flaky(ws, *a, **k):  # type: ignore[no-untyped-def]
        if ws.root.name == "crashes":
            raise RuntimeError("boom")
        return real(ws, *a, **k)

    monkeypatch.setattr(costs, "budget_view", flaky)
    view = rollup(tmp_path, today=TODAY, jobs=1)
    assert view.cases.loc["crashes", "status"] == "failed"
    assert "RuntimeError: boom" in view.problems["message"].iloc[0]
    assert int(view.budget.loc["food-lab", "total"]) == _own_total(EXAMPLES / "food-lab", "saas")


def test_commitments_roll_up_the_chosen_option_contracts(tmp_path: Path) -> None:
    ws = tmp_path / "network-refresh"
    shutil.copytree(EXAMPLES / "network-refresh", ws)
    _accept(ws, next(p.name for p in (ws / "decisions").glob("0001-*")), "lease")
    view = rollup(tmp_path, today=TODAY, jobs=1)
    com = view.commitments
    assert [k for k in com.index if k[0] != "total"] == [("network-refresh", "lease-5y")]
    own = costs.commitments(load_workspace(ws)).loc["lease-5y"]
    years = [c for c in com.columns if isinstance(c, int)]
    for fy in years:
        yen = int(own[fy])
        thousand = int((Decimal(yen) / 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        assert int(com.loc[("network-refresh", "lease-5y"), fy]) == thousand
    assert int(com.loc[("network-refresh", "lease-5y"), "ceiling_yen"]) == 76_000_000
    assert int(com.loc[("total", ""), "total"]) == int(
        com.loc[("network-refresh", "lease-5y"), "total"]
    )


def test_filter_by_tag() -> None:
    view = rollup(BUNDLED, today=TODAY, jobs=1)
    plan = view.filter(phase="plan")
    assert sorted(plan.cases.index) == ["network-refresh", "shared-platform"]
    counted = [c for c in plan.budget.index if c != "total"]
    assert set(counted) <= {"network-refresh", "shared-platform"}
    assert int(plan.budget.loc["total", "total"]) == sum(
        int(view.budget.loc[c, "total"]) for c in counted
    )
    both = view.filter(bureau=["健康福祉局", "デジタル推進局"], time="migrate")
    assert list(both.cases.index) == ["food-lab"]


# -- attention -----------------------------------------------------------------------


def test_reviews_due_within_the_horizon_and_overdue() -> None:
    ws = load_workspace(EXAMPLES / "food-lab")
    # Open records: 0002 (review 2027-03-31) and 0003 (2026-12-31); 0001 is superseded.
    assert reviews_due(ws, date(2026, 9, 1), 90) == []
    due = reviews_due(ws, date(2026, 10, 2), 90)
    assert [(a.subject[:4], a.detail) for a in due] == [("0003", "in 90 days")]
    late = reviews_due(ws, date(2027, 4, 10), 90)
    assert [(a.subject[:4], a.detail) for a in late] == [
        ("0003", "overdue by 100 days"),
        ("0002", "overdue by 10 days"),
    ]


def test_assumptions_older_than_the_threshold() -> None:
    ws = load_workspace(EXAMPLES / "food-lab")
    ages = {a.name: a.as_of for a in ws.assumptions.values()}
    day = date(2027, 7, 1)
    expected = sorted(n for n, d in ages.items() if d is None or (day - d).days > 365)
    got = sorted(a.subject for a in assumptions_stale(ws, day, 365))
    assert got == expected and 0 < len(got) < len(ages)


def test_contracts_ending_uses_the_fiscal_year_end() -> None:
    ws = load_workspace(EXAMPLES / "network-refresh")
    # lease-5y is paid up to FY2031, which ends on 2032-03-31.
    assert contracts_ending(ws, "lease", date(2030, 9, 30), 18) == []
    ending = contracts_ending(ws, "lease", date(2030, 10, 1), 18)
    assert [(a.subject.split()[0], a.when) for a in ending] == [("lease-5y", date(2032, 3, 31))]
    assert contracts_ending(ws, None, date(2030, 10, 1), 18) == []
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)


# -- the document --------------------------------------------------------------------


def test_document_in_japanese_has_no_english_archplan_wrote(tmp_path: Path) -> None:
    view = rollup(BUNDLED, today=TODAY, jobs=1)
    html = portfolio_html(view, output=tmp_path / "p.html", generated=TODAY)
    assert '<html lang="ja">' in html and "<script" not in html
    for key, text in MESSAGES.items():
        headings = key.startswith(("pf_k_", "pf_st_", "pf_tag_")) or key in (
            "pf_budget",
            "pf_cases",
        )
        if headings and text["en"] != text["ja"]:
            assert f">{text['en']}<" not in html, key
    food = f"{_own_total(EXAMPLES / 'food-lab', 'saas'):,}"
    assert food in html and "年度別予算" in html
    en = portfolio_html(rollup(BUNDLED, today=TODAY, jobs=1, language="en"), generated=TODAY)
    assert "Budget by fiscal year" in en and "年度別予算" not in en


def test_document_links_to_built_documents(tmp_path: Path) -> None:
    view = rollup(BUNDLED, today=TODAY, jobs=1)
    reports = view.portfolio.reports_dir
    out = tmp_path / "docs" / "portfolio.html"
    html = portfolio_html(view, output=out)
    n = len(view.results)
    if not (reports / "food-lab.html").exists():
        assert html.count(MESSAGES["pf_not_built"]["ja"]) == 2 * n
    pf = load_portfolio(BUNDLED)
    fake = tmp_path / "reports"
    fake.mkdir()
    (fake / "food-lab.html").write_text("x", encoding="utf-8")
    from dataclasses import replace

    view2 = rollup(replace(pf, reports=fake), today=TODAY, jobs=1)
    html2 = portfolio_html(view2, output=out)
    assert 'href="../reports/food-lab.html"' in html2
    assert html2.count(MESSAGES["pf_not_built"]["ja"]) == 2 * n - 1


def test_document_is_written_safely(tmp_path: Path) -> None:
    view = rollup(BUNDLED, today=TODAY, jobs=1)
    mine = tmp_path / "mine.html"
    mine.write_text("my notes", encoding="utf-8")
    with pytest.raises(TargetExistsError):
        write_portfolio(view, mine)
    assert mine.read_text(encoding="utf-8") == "my notes"
    out = write_portfolio(view, tmp_path / "p.html")
    write_portfolio(view, out)  # archplan's own file may be replaced


def test_workbook_totals_are_formulas_matching_the_budget(gview, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_portfolio_xlsx(gview, tmp_path / "p.xlsx")
    wb = openpyxl.load_workbook(path)
    lang = gview.language
    sheet = wb[MESSAGES["pf_x_sh_budget"][lang]]
    body = gview.budget.drop(index="total")
    n, m = len(body), len(body.columns) - 1
    assert sheet.cell(row=n + 2, column=m + 2).value == f"=SUM({_col(m + 2)}2:{_col(m + 2)}{n + 1})"
    assert sheet.cell(row=2, column=m + 2).value == f"=SUM(B2:{_col(m + 1)}2)"
    for i, (cid, row) in enumerate(body.iterrows(), start=2):
        assert sheet.cell(row=i, column=1).value == cid
        values = [sheet.cell(row=i, column=j).value for j in range(2, m + 2)]
        assert values == [int(v) for v in row.drop("total")]
    names = [MESSAGES[k][lang] for k in ("pf_x_sh_cases", "pf_x_sh_attention", "pf_x_sh_problems")]
    by_bureau = MESSAGES["pf_x_sh_by"][lang].format(tag=MESSAGES["pf_tag_bureau"][lang])
    assert {*names, by_bureau} <= set(wb.sheetnames)


def _col(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(n)


# -- command line --------------------------------------------------------------------


def test_cli_portfolio_writes_html_and_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, xlsx = tmp_path / "p.html", tmp_path / "p.xlsx"
    code = main(
        ["portfolio", str(BUNDLED), "-o", str(out), "--xlsx", str(xlsx), "--today", "2026-11-29"]
    )
    assert code == 0 and out.is_file() and xlsx.is_file()
    assert f"{_own_total(EXAMPLES / 'food-lab', 'saas'):,}" in out.read_text(encoding="utf-8")
    assert main(["portfolio", str(tmp_path / "none.yaml"), "-o", str(out)]) == 1
    assert "no such portfolio" in capsys.readouterr().err
    assert main(["portfolio", str(BUNDLED), "-o", str(out), "--today", "soon"]) == 1
    assert main(["report", str(EXAMPLES / "food-lab")]) == 1
    assert "-o ファイル" in capsys.readouterr().err  # food-lab is Japanese


def test_other_currency_is_listed_not_added() -> None:
    from archplan.portfolio.rollup import CaseResult, Horizons, PortfolioView

    pf = load_portfolio(BUNDLED)

    def case(cid: str, currency: str, budget: dict[int, int]) -> CaseResult:
        return CaseResult(
            cid, "", {}, "decided", currency=currency, fy_start_month=4, budget=budget
        )

    results = [
        case("a", "JPY", {2026: 100, 2027: 50}),
        case("b", "JPY", {2027: 7}),
        case("c", "USD", {2026: 999}),
    ]
    view = PortfolioView(pf, results, Horizons(TODAY, language="en"))
    assert view.currency == "JPY"  # the portfolio's own setting
    assert view.budget.to_dict() == {
        2026: {"a": 100, "b": 0, "total": 100},
        2027: {"a": 50, "b": 7, "total": 57},
        "total": {"a": 150, "b": 7, "total": 157},
    }
    assert view.undecided.loc["c", "reason"] == ("amounts in USD, the portfolio's currency is JPY")


# -- actuals and support windows (archplan.actuals, archplan.timing) --------------------


def test_plan_vs_actual_is_each_case_budget_execution() -> None:
    from archplan.actuals import budget_execution

    view = rollup(BUNDLED, today=TODAY, jobs=1)
    pva = view.plan_vs_actual
    assert list(pva["case"]) == ["vaccine-booking"]  # the only case with actuals
    ws = load_workspace(EXAMPLES / "vaccine-booking")
    own = budget_execution(ws, option="saas")
    row = pva.iloc[0]
    fy = int(row["fiscal_year"])
    assert own.loc[fy, "state"] == row["state"] == "to date"
    executed = int(own.loc[fy, "executed"])
    assert int(row["actual"]) == int(
        (Decimal(executed) / 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    )
    assert int(row["plan"]) == _own_budget_row(EXAMPLES / "vaccine-booking", "saas")[fy]
    assert int(row["variance"]) == int(row["actual"]) - int(row["plan"])
    assert row["rate"] == pytest.approx(int(row["actual"]) / int(row["plan"]))
    assert view.cases.loc["vaccine-booking", "executed"] == int(row["actual"])


def test_components_leaving_support_follow_the_option_in_use() -> None:
    from archplan.portfolio import support_ending

    ws = load_workspace(EXAMPLES / "food-lab")
    # The SaaS option keeps the current system until it goes live (components.yaml: saas
    # uses it to 2027-03, i.e. 2027-03-31): the database's support ended 2026-07-14 and the
    # OS's ends 2027-01-12, both while it is still in use, with nothing planned for either.
    early = support_ending(ws, date(2026, 6, 1), 18, chosen="saas")
    assert [(a.subject.split()[0], a.when) for a in early] == [
        ("db", date(2026, 7, 14)),
        ("os", date(2027, 1, 12)),
    ]
    assert all("2027-03-31" in a.detail and "nothing planned" in a.detail for a in early)
    # On 2026-11-29 both are still in use (to 2027-03-31), so both are still listed.
    later = support_ending(ws, date(2026, 11, 29), 18, chosen="saas")
    assert [a.when for a in later] == [date(2026, 7, 14), date(2027, 1, 12)]
    # Undecided: the system running today (current: onprem), whose ends are covered.
    running = support_ending(ws, date(2026, 6, 1), 18)
    assert [a.subject.split()[0] for a in running] == ["db", "os", "server", "server"]
    assert all("planned:" in a.detail for a in running)
    # The horizon: the OS's support end (2027-01-12) is 7 months and 11 days ahead.
    short = support_ending(ws, date(2026, 6, 1), 7)
    assert [a.subject.split()[0] for a in short] == ["db"]
    view = rollup(BUNDLED, today=TODAY, jobs=1)
    # food-lab's earliest support end in use on that day: the database's, 2026-07-14.
    assert view.cases.loc["food-lab", "support_end"] == date(2026, 7, 14)
    support = view.attention[view.attention["kind"] == "support"]
    for case, when in view.cases["support_end"].items():
        mine = support[support["case"] == case]["when"]
        assert when == (min(mine) if len(mine) else None), case
    assert view.support_known


def test_cli_reports_folder_sets_the_links(tmp_path: Path) -> None:
    reports = tmp_path / "built"
    reports.mkdir()
    (reports / "vaccine-booking-handover.html").write_text("x", encoding="utf-8")
    out = tmp_path / "docs" / "p.html"
    args = ["portfolio", str(BUNDLED), "-o", str(out), "--reports", str(reports)]
    assert main([*args, "--today", "2026-11-29", "--lang", "en"]) == 0
    html = out.read_text(encoding="utf-8")
    assert 'href="../built/vaccine-booking-handover.html"' in html
    n = len(load_portfolio(BUNDLED).cases)
    assert html.count("not built") == 2 * n - 1 and '<html lang="en">' in html


def test_generated_plan_vs_actual_is_each_case_ledger(gview, generated: Path) -> None:  # type: ignore[no-untyped-def]
    """The generated cases spend money: each case's executed amount per fiscal year is its
    own ``budget_execution`` to the unit, and its ledger rows (tax-exclusive yen, 10 %
    consumption tax added here by hand) within one thousand yen."""
    import csv

    from archplan.actuals import budget_execution

    pva = gview.plan_vs_actual
    with_actuals = sorted(set(pva["case"]))
    assert len(with_actuals) >= 5
    for cid in with_actuals:
        r = next(x for x in gview.results if x.id == cid)
        ws = load_workspace(Path(r.path))
        own = budget_execution(ws, option=str(r.chosen))
        start = ws.settings.fy_start_month
        ledger: dict[int, Decimal] = {}
        with (Path(r.path) / "actuals" / "ledger.csv").open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                y, m, _ = (int(x) for x in row["date"].split("-"))
                fy = y if m >= start else y - 1
                ledger[fy] = ledger.get(fy, Decimal(0)) + Decimal(row["amount"]) * Decimal("1.1")
        for _, row in pva[pva["case"] == cid].iterrows():
            fy = int(row["fiscal_year"])
            yen = int(own.loc[fy, "executed"])
            thousand = int((Decimal(yen) / 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP))
            assert int(row["actual"]) == thousand, (cid, fy)
            by_hand = (ledger.get(fy, Decimal(0)) / 1000).quantize(Decimal(1), ROUND_HALF_UP)
            assert abs(int(row["actual"]) - int(by_hand)) <= 1, (cid, fy)
            assert int(row["plan"]) == r.budget[fy]
    # And their components leave support: the portfolio lists them.
    support = gview.attention[gview.attention["kind"] == "support"]
    assert len(set(support["case"])) >= 3
