"""Portfolios as new users assemble them: the bundled examples beside workspaces made by
``archplan new`` (English and Japanese), a broken YAML, no decisions, a proposed-only
decision, a January fiscal year, a dollar workspace, nested folders, a ``portfolio.yaml``
with relative paths, spaces and Japanese in a path, a duplicate, a missing folder and
tags in Japanese.

Every figure is checked against each case's own budget table (``costs.budget_view``,
loaded here independently), and every result (DataFrames, document, workbook, the
command's lines and exit status) is read back.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from archplan import costs, load_workspace
from archplan.cli import main
from archplan.messages import MESSAGES
from archplan.portfolio import load_portfolio, rollup
from archplan.portfolio.document import portfolio_html, write_portfolio_xlsx

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "data" / "examples"
TODAY = date(2026, 11, 29)
JA = "新規 案件"  # a folder name with a space and Japanese


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``cases/``: the examples and the new users' workspaces, some nested."""
    root = tmp_path_factory.mktemp("newusers") / "cases"
    root.mkdir()
    for p in EXAMPLES.iterdir():
        if (p / "archplan.yaml").is_file():
            shutil.copytree(p, root / p.name)
    assert main(["new", str(root / "new-en"), "--lang", "en"]) == 0
    assert main(["new", str(root / JA)]) == 0
    shutil.copytree(EXAMPLES / "food-lab", root / "broken-yaml")
    with (root / "broken-yaml" / "archplan.yaml").open("a", encoding="utf-8") as f:
        f.write("title: [unclosed\n")
    shutil.copytree(EXAMPLES / "vaccine-booking", root / "no-decisions")
    shutil.rmtree(root / "no-decisions" / "decisions")
    shutil.copytree(EXAMPLES / "food-lab", root / "proposed-only")
    for record in (root / "proposed-only" / "decisions").glob("*.md"):
        text = record.read_text(encoding="utf-8")
        record.write_text(text.replace("status: accepted", "status: proposed"), encoding="utf-8")
    nested = root / "group" / "nested"
    shutil.copytree(EXAMPLES / "food-lab", nested / "jan-fy")
    _edit(nested / "jan-fy" / "archplan.yaml", "start_month: 4", "start_month: 1")
    # network-refresh ranks its criteria (ROC): a dollar currency is its one problem.
    shutil.copytree(EXAMPLES / "network-refresh", root / "group" / "usd-case")
    _edit(root / "group" / "usd-case" / "archplan.yaml", "currency: JPY", "currency: USD")
    return root


@pytest.fixture(scope="module")
def listed(cases: Path) -> Path:
    """A ``portfolio.yaml`` in a folder with a space and Japanese, paths relative to it."""
    folder = cases.parent / "pf folder" / "案件 一覧"
    folder.mkdir(parents=True)
    up = "../../cases"
    (folder / "portfolio.yaml").write_text(
        "title: テスト局 ポートフォリオ\n"
        "cases:\n"
        f"  - path: {up}/food-lab\n"
        "    tags: {bureau: 健康福祉局, phase: 構築, time: 移行, 係: 検査係}\n"
        f"  - path: {up}/network-refresh\n"
        "    tags: {bureau: デジタル推進局, phase: plan}\n"
        f'  - path: "{up}/{JA}"\n'
        "    tags: {bureau: デジタル推進局, phase: 計画}\n"
        f"  - path: {up}/new-en\n"
        "    tags: {bureau: 総務局}\n"
        f"  - path: {up}/broken-yaml\n"
        "    tags: {bureau: 総務局, phase: 運用}\n"
        f"  - path: {up}/proposed-only\n"
        "    tags: {bureau: 健康福祉局}\n"
        f"  - path: {up}/group/nested/jan-fy\n"
        "    tags: {bureau: 健康福祉局, phase: Run}\n"
        f"  - path: {up}/group/usd-case\n"
        f"  - path: {up}/food-lab/\n"  # the same workspace again
        "    tags: {bureau: 健康福祉局}\n"
        f"  - path: {up}/does-not-exist\n"
        "    tags: {bureau: 総務局}\n"
        f"  - path: {up}/vaccine-booking\n"
        "    tags: {bureau: 健康福祉局, phase: run, time: tolerate}\n"
        f"  - path: {up}/no-decisions\n"
        "    tags: {bureau: 健康福祉局, phase: 稼働中}\n"  # not a phase
        f"  - path: {up}/shared-platform\n"
        f"  - path: {up}/inquiry-desk-screening\n",
        encoding="utf-8",
    )
    return folder


def _own_row(path: Path, chosen: str) -> dict[int, int]:
    table = costs.budget_view(load_workspace(path), unit="thousand")
    return {int(c): int(v) for c, v in table.loc[chosen].items() if c != "total"}


EXPECTED_STATUS = {
    "food-lab": "decided",
    "network-refresh": "decided",
    "新規-案件": "undecided",
    "new-en": "undecided",
    "broken-yaml": "failed",
    "proposed-only": "undecided",
    "jan-fy": "decided",
    "usd-case": "failed",
    "food-lab~9": "duplicate",
    "does-not-exist": "missing",
    "vaccine-booking": "decided",
    "no-decisions": "undecided",
    "shared-platform": "decided",
    "inquiry-desk-screening": "decided",
}


def test_every_entry_is_a_case_with_the_right_status(listed: Path) -> None:
    view = rollup(listed, today=TODAY, jobs=2)
    assert view.cases["status"].to_dict() == EXPECTED_STATUS  # order kept, nothing lost
    pf = view.portfolio
    # A Japanese folder name stays the case id; Japanese phase/TIME words are read.
    tags = {c.id: c.tags for c in pf.cases}
    assert tags["food-lab"]["phase"] == "build" and tags["food-lab"]["time"] == "migrate"
    assert tags["新規-案件"]["phase"] == "plan" and tags["broken-yaml"]["phase"] == "run"
    assert tags["jan-fy"]["phase"] == "run"
    bad = [p for c in pf.cases for p in c.problems if p.field == "cases[11].tags.phase"]
    assert len(bad) == 1 and "'稼働中'" in bad[0].message
    reasons = view.undecided["reason"].to_dict()
    assert "0002" in reasons["proposed-only"] and "0003" in reasons["proposed-only"]
    assert "1月" in reasons["jan-fy"]  # decided, on another fiscal calendar: not added
    # The dollar case fails on its currency alone (its ranked criteria are not blamed).
    usd = view.problems[view.problems["case"] == "usd-case"]
    assert list(usd["field"]) == ["currency"]


def test_budget_is_each_case_own_table_to_the_unit(listed: Path, cases: Path) -> None:
    view = rollup(listed, today=TODAY, jobs=1)
    budget = view.budget
    counted = ["food-lab", "network-refresh", "vaccine-booking"]
    counted += ["shared-platform", "inquiry-desk-screening"]
    assert list(budget.index) == [*counted, "total"]
    chosen = {"food-lab": "saas", "network-refresh": "lease", "vaccine-booking": "saas"}
    chosen |= {"shared-platform": "joint-saas", "inquiry-desk-screening": "madoguchi-navi"}
    grand = 0
    for cid in counted:
        own = _own_row(cases / cid, chosen[cid])
        row = {int(c): int(v) for c, v in budget.loc[cid].items() if c != "total"}
        assert {fy: row[fy] for fy in own} == own, cid
        assert all(v == 0 for fy, v in row.items() if fy not in own), cid
        assert int(budget.loc[cid, "total"]) == sum(own.values())
        grand += sum(own.values())
    assert int(budget.loc["total", "total"]) == grand
    body = budget.drop(index="total", columns="total")
    assert (budget.loc["total"].drop("total") == body.sum()).all()
    for tag in ("bureau", "phase", "time", "係"):
        by = view.budget_by(tag)
        assert int(by.loc["total", "total"]) == grand, tag
        assert list(by.index)[-1] == "total"
    assert list(view.budget_by("phase").index) == ["plan", "build", "run", "—", "total"]
    assert list(view.budget_by("係").index) == ["検査係", "—", "total"]


def test_command_writes_both_lists_every_problem_and_exits_1(
    listed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, book = tmp_path / "p.html", tmp_path / "p.xlsx"
    code = main(["portfolio", str(listed), "-o", str(out), "--xlsx", str(book)])
    captured = capsys.readouterr()
    assert code == 1 and out.is_file() and book.is_file()
    lines = [ln for ln in captured.err.splitlines() if "：" in ln and "%|" not in ln]
    by_case = {ln.split("：")[0]: ln for ln in lines}
    assert set(by_case) >= {"broken-yaml", "usd-case", "food-lab~9", "does-not-exist"}
    assert set(by_case) >= {"no-decisions"}  # its phase tag is not a phase
    assert "archplan.yaml:" in by_case["broken-yaml"]
    assert "portfolio.yaml:" in by_case["does-not-exist"]
    assert "フォルダがない" in by_case["does-not-exist"]
    # In Japanese: nothing archplan wrote in English on these lines.
    english = [
        MESSAGES[k]["en"].split("{")[0]
        for k in MESSAGES
        if k.startswith(("pf_p_", "pf_px_", "pf_st_")) and len(MESSAGES[k]["en"].split("{")[0]) > 4
    ]
    for line in lines:
        assert not [e for e in english if e in line], line
    five = MESSAGES["pf_cli_problems"]["ja"].format(n=5)
    assert captured.err.splitlines()[-1] == five


def test_document_and_workbook_read_in_japanese(listed: Path, tmp_path: Path) -> None:
    view = rollup(listed, today=TODAY, jobs=1)
    html = portfolio_html(view, output=tmp_path / "p.html", generated=TODAY)
    text = re.sub(r"<style>.*?</style>|<[^>]+>", " ", html, flags=re.S)
    # The portfolio file's problems in Japanese (was English whatever the language).
    assert "フォルダがない" in text and "no such folder" not in text
    assert "二重に計上しない" in text and "listed, not counted twice" not in text
    assert "(expected" not in text and "YAML syntax" not in text
    # A case that could not be read is named by its folder, not left blank.
    assert "cases/does-not-exist" in text
    book = write_portfolio_xlsx(view, tmp_path / "p.xlsx")
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames[:2] == ["案件一覧", "年度別予算"] and "局別" in wb.sheetnames
    head = [c.value for c in wb["案件一覧"][1]]
    assert head[:4] == ["案件", "件名", "状態", "決定記録"] and "係" in head
    statuses = {row[0]: row[2] for row in wb["案件一覧"].iter_rows(min_row=2, values_only=True)}
    assert statuses["does-not-exist"] == "所在不明" and statuses["food-lab"] == "決定済み"
    problems = list(wb["問題"].iter_rows(min_row=2, values_only=True))
    assert any(r[0] == "usd-case" and r[4] == "'USD'は使えない" for r in problems)
    # The workbook's budget is the view's, cell by cell.
    sheet = wb["年度別予算"]
    body = view.budget.drop(index="total", columns="total")
    for i, (cid, row) in enumerate(body.iterrows(), start=2):
        assert sheet.cell(row=i, column=1).value == cid
        assert [sheet.cell(row=i, column=j).value for j in range(2, len(row) + 2)] == list(row)


def test_folder_of_new_users_workspaces(cases: Path) -> None:
    pf = load_portfolio(cases)
    ids = {c.id: c for c in pf.cases}
    assert "新規-案件" in ids and ids["jan-fy"].tags == {"folder": "group/nested"}
    assert ids["usd-case"].tags == {"folder": "group"}
    examples = sum(1 for p in EXAMPLES.iterdir() if (p / "archplan.yaml").is_file())
    assert len(pf.cases) == examples + 7  # every workspace found, at any depth
    view = rollup(pf, today=TODAY, jobs=2)
    assert view.cases.loc["broken-yaml", "status"] == "failed"
    assert view.language == "ja"  # most cases are Japanese


def test_unusual_tag_keys_do_not_break_the_workbook(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES / "food-lab", tmp_path / "a")
    long = "a tag key much longer than a sheet name may be"
    (tmp_path / "portfolio.yaml").write_text(
        "language: en\ncases:\n  - path: a\n"
        f'    tags: {{"課/係": 検査, "[x]*?": y, "{long} 1": p, "{long} 2": q}}\n',
        encoding="utf-8",
    )
    view = rollup(tmp_path, today=TODAY, jobs=1)
    wb = openpyxl.load_workbook(write_portfolio_xlsx(view, tmp_path / "p.xlsx"))
    by = [n for n in wb.sheetnames if n not in ("cases", "budget", "attention", "problems")]
    assert len(by) >= 4 and all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in by)
    assert len({n.lower() for n in wb.sheetnames}) == len(wb.sheetnames)


def test_an_english_folder_is_worded_in_english_throughout(cases: Path, tmp_path: Path) -> None:
    """The language follows most cases when the portfolio names none, and every reason
    and item is worded in it (they were worded in Japanese before the majority was
    known)."""
    for name in ("new-en", "shared-platform", "broken-yaml"):
        shutil.copytree(cases / name, tmp_path / name)
    settings = tmp_path / "broken-yaml" / "archplan.yaml"
    _edit(settings, "language: ja", "language: en")
    view = rollup(tmp_path, today=TODAY, jobs=1)
    assert view.language == "en"
    reasons = view.cases["reason"].to_dict()
    assert reasons["new-en"] == MESSAGES["pf_no_accepted"]["en"]
    assert reasons["broken-yaml"] == MESSAGES["pf_check_fails"]["en"].format(n=1)
    check = view.attention[view.attention["kind"] == "check"]
    assert list(check["subject"]) == [reasons["broken-yaml"]]


def test_a_shift_jis_portfolio_file_is_read_and_said(
    cases: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(cases / "food-lab", tmp_path / "食品")
    text = "title: 試験\ncases:\n  - path: 食品\n    tags: {bureau: 健康福祉局}\n"
    (tmp_path / "portfolio.yaml").write_bytes(text.encode("cp932"))
    pf = load_portfolio(tmp_path)
    assert pf.title == "試験" and [c.id for c in pf.cases] == ["食品"]
    assert pf.cases[0].tags == {"bureau": "健康福祉局"}
    code = main(["portfolio", str(tmp_path), "-o", str(tmp_path / "p.html")])
    err = capsys.readouterr().err
    assert code == 0 and "注意：portfolio.yaml：Shift_JIS（cp932）として読んだ" in err


@pytest.mark.slow
def test_a_workspace_alone_is_a_portfolio_of_one(tmp_path: Path) -> None:
    """``archplan portfolio WORKSPACE`` (and ``report --all WORKSPACE``): one case, its
    documents in the workspace's ``reports/``, which the content hash does not read, so
    a second run skips it."""
    from archplan.portfolio.batch import build_all

    ws = tmp_path / "food-lab"
    shutil.copytree(EXAMPLES / "food-lab", ws)
    pf = load_portfolio(ws)
    assert [c.id for c in pf.cases] == ["food-lab"] and pf.reports_dir == ws / "reports"
    view = rollup(pf, today=TODAY, jobs=1)
    assert int(view.budget.loc["total", "total"]) == sum(_own_row(ws, "saas").values())
    first = build_all(pf, jobs=1, progress=False)
    assert [r.state for r in first] == ["built"]
    assert (ws / "reports" / "food-lab.html").is_file()
    again = build_all(pf, jobs=1, progress=False)
    assert [r.state for r in again] == ["skipped"]


def test_tag_values_as_people_type_them(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES / "food-lab", tmp_path / "a")
    (tmp_path / "portfolio.yaml").write_text(
        "cases:\n  - path: a\n"
        "    tags: {since: 2024-04-01, version: 1.5, code: 131016, ok: true, l: [1]}\n",
        encoding="utf-8",
    )
    case = load_portfolio(tmp_path).cases[0]
    assert case.tags == {"since": "2024-04-01", "version": "1.5", "code": "131016"}
    assert sorted(p.field or "" for p in case.problems) == ["cases[0].tags.l", "cases[0].tags.ok"]
