"""The tables the command line prints: in the workspace's language, figures as the report
shows them, nothing raw (``NaN``, ``None``, ``False``, English headers in Japanese).

Every command is run on a Japanese and an English workspace; the language scans reuse
``tests/test_i18n.py``'s helpers; money figures are checked against the cost engine and
against the report's own HTML for the same quantity.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pandas as pd
import pytest

from archplan import load_workspace
from archplan.cli import main
from archplan.costs import budget_view, cost_summary, cost_table
from archplan.messages import msg
from archplan.textview import Column, Style, cell, render, text_table, width
from test_i18n import JAPANESE, _supplied, archplans_words, english_words

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "data" / "examples"
FOOD = EXAMPLES / "food-lab"  # ja: components, three records (one superseded, one triggered)
VACCINE = EXAMPLES / "vaccine-booking"  # ja: actuals
SHARED = EXAMPLES / "shared-platform"  # en: components, benefits, records

#: Words like these in a table are raw Python values that escaped formatting.
RAW = re.compile(r"(?<![A-Za-z])(NaN|NaT|None|False|True|nan|<NA>)(?![A-Za-z])")


def _git(repo: Path, *args: str, when: str, author: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": author,
        "GIT_AUTHOR_EMAIL": "a@example.org",
        "GIT_COMMITTER_NAME": author,
        "GIT_COMMITTER_EMAIL": "a@example.org",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def repos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """food-lab (ja) and shared-platform (en), each committed once to its own repository."""
    out = {}
    for name, src in (("ja", FOOD), ("en", SHARED)):
        dest = tmp_path_factory.mktemp("cv") / src.name
        shutil.copytree(src, dest)
        _git(dest, "init", "-q", "-b", "main", when="2026-05-01T10:00:00+09:00", author="Aoki")
        _git(dest, "add", "-A", when="2026-05-01T10:00:00+09:00", author="Aoki")
        _git(dest, "commit", "-qm", "register", when="2026-05-01T10:00:00+09:00", author="Aoki")
        out[name] = dest
    return out


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    main(list(argv))
    return capsys.readouterr().out


def own_lines(text: str, language: str) -> str:
    """The output without the notice and warning lines the loader words (another part of
    archplan owns those; they quote fields as written)."""
    prefixes = tuple(msg(k, language, text="").strip() for k in ("cli_note", "cli_warning"))
    return "\n".join(ln for ln in text.splitlines() if not ln.startswith(prefixes))


def assert_language(
    text: str, workspace: Path, language: str, also: frozenset[str] | set[str] = frozenset()
) -> None:
    """No English word archplan wrote in a Japanese run; no Japanese in an English run
    (the workspace's own names and texts taken out first); no raw Python values."""
    supplied = _supplied(load_workspace(workspace)) | set(also)
    left = archplans_words(own_lines(text, language), workspace, supplied)
    if language == "ja":
        assert english_words(left) == [], left
    else:
        assert JAPANESE.findall(left) == [], left
    assert RAW.findall(text) == [], text


def row_of(text: str, first: str) -> list[str]:
    """The cells of the first line that starts with ``first`` (split on 2+ spaces)."""
    line = next(ln for ln in text.splitlines() if ln.startswith(first))
    return re.split(r"\s{2,}", line.strip())


def half_up(yen: int | float, divisor: int) -> int:
    return int((Decimal(str(yen)) / divisor).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def report_cells(html: str, after: str, first: str) -> list[str]:
    """The cells of the report table row that starts with ``first``, in the first table
    after the heading text ``after``."""
    import html as h

    part = html[html.index(h.escape(after)) :]
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", part, flags=re.S):
        cells = [
            h.unescape(re.sub(r"<[^>]+>", "", c)).strip()
            for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, flags=re.S)
        ]
        if cells and cells[0].startswith(first):
            return cells
    raise AssertionError(f"no row {first!r} after {after!r}")


# --- the one formatter ------------------------------------------------------------------


def test_cells_by_kind_in_both_languages() -> None:
    ja, en = Style("ja", "thousand"), Style("en", "yen")
    # Half-up to the display unit (never banker's rounding): 2,500 yen is 3 千円.
    assert [cell(v, "money", ja) for v in (2_500, 3_500, -2_500, 98_340_000)] == [
        "3",
        "4",
        "▲3",
        "98,340",
    ]
    assert cell(95_320_798.5, "money", en) == "95,320,799"
    assert cell(-8_815_947, "money", en) == "-8,815,947"
    assert (cell(2026, "fy", ja), cell(2019, "fy", ja), cell(2026, "fy", en)) == (
        "令和8年度",
        "令和元年度",
        "FY2026",
    )
    assert [cell(v, "bool", ja) for v in (True, False, None)] == ["✓", "—", "—"]
    for missing in (None, float("nan"), pd.NA, pd.NaT, ""):
        for kind in ("text", "money", "yen", "date", "fy", "pct", "number", "status"):
            assert cell(missing, kind, ja) == "—"
    assert [cell(s, "status", ja) for s in ("accepted", "proposed", "superseded")] == [
        "承認",
        "提案",
        "置換済",
    ]
    assert cell("accepted", "status", en) == "accepted"
    assert cell(date(2027, 1, 12), "date", ja) == "2027-01-12"
    assert cell(pd.Timestamp("2027-01-12 10:00"), "date", ja) == "2027-01-12"
    assert cell("subscription", "category", ja) == "利用料"
    assert cell(Decimal("2181818.18"), "number", en) == "2,181,818.18"
    assert cell(104.649, "pct", ja) == "104.6%"
    with pytest.raises(ValueError, match="unknown kind"):
        Column("x", "lbl_total", "euros")
    with pytest.raises(KeyError):
        Column("x", "no_such_header")


def test_columns_line_up_with_japanese_text() -> None:
    text = render(["案", "総額"], [["図書館向けSaaS", "98,340"], ["x", "▲8,816"]], [False, True])
    lines = text.splitlines()
    # Every line ends at the same terminal column (numbers right-aligned, wide chars = 2).
    assert len({width(ln) for ln in lines}) == 1
    assert lines[2].startswith("図書館向けSaaS  ") and lines[3].endswith(" ▲8,816")


def test_a_frame_with_its_index_and_catalogue_headers() -> None:
    t = pd.DataFrame(
        {"status": ["accepted", "superseded"], "triggered": [True, False]},
        index=pd.Index([1, 2], name="number"),
    )
    cols = [
        Column("number", "lbl_number"),
        Column("status", "lbl_status", "status"),
        Column("triggered", "lbl_trigger_fires", "bool"),
    ]
    lines = text_table(t, cols, Style("ja")).splitlines()
    assert lines[0].split() == ["番号", "状態", "見直しの契機に該当"]
    assert lines[2].split() == ["1", "承認", "✓"] and lines[3].split() == ["2", "置換済", "—"]


# --- archplan timing ----------------------------------------------------------------------


def test_timing_in_japanese(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "timing", str(FOOD), "--as-of", "2026-04-01")
    assert_language(out, FOOD, "ja")
    ws = load_workspace(FOOD)
    # Headers are the report's labels; fiscal years are 令和; money in 千円.
    assert "サポート期間" in out and "対応の期限（2026-04-01時点）" in out
    assert "決定を1年遅らせた場合の費用：検査情報管理SaaSの利用（千円・税込）" in out
    assert "令和8年度" in out and "fy" not in out and "declared" not in out
    start = row_of(out, "令和8年度  ")
    total, own, current = (int(c.replace(",", "")) for c in start[1:4])
    assert own == total - current
    # The option's own part equals its total in the budget table (budget_view), and the
    # total equals the engine's exact total plus the current system's part, half-up.
    assert total - current == int(budget_view(ws).loc["saas", "total"]) == 49_742
    exact = int(cost_summary(ws).loc["saas", "total"])
    assert total == half_up(exact + current * 1000, 1000)
    # … and the same cells as the report's table of the same quantity.
    from archplan.report.timing import timing_section

    html = timing_section(ws, date(2026, 4, 1))
    title = msg("tim_waiting_title", "ja", option=ws.option("saas").name)
    assert report_cells(html, title, "令和8年度")[:6] == start[:6]
    assert report_cells(html, title, "令和9年度")[:6] == row_of(out, "令和9年度  ")[:6]


def test_timing_in_english_with_benefits(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "timing", str(SHARED), "--as-of", "2026-11-29")
    assert_language(out, SHARED, "en")
    assert "The cost of deciding a year later: Joint SaaS on a global cloud (thousand yen" in out
    assert "FY2027" in out and "declared in components.yaml" in out
    ws = load_workspace(SHARED)
    from archplan.report.timing import timing_section

    html = timing_section(ws, date(2026, 11, 29))
    title = msg("tim_waiting_title", "en", option=ws.option("joint-saas").name)
    for fy in ("FY2026", "FY2027", "FY2028"):
        cli = row_of(out, fy + "  ")
        rep = report_cells(html, title, fy)
        # start, total, own plan, current, NPV, EAC, extra (the CLI adds the extra's NPV);
        # the benefits move with the option here, so neither shows a benefits-lost column.
        assert cli[:7] == rep[:7] and len(rep) == 7
        assert ("Benefits lost" in out) == ("Benefits lost" in html)
    # An option with nothing ending: — in its cells, not None or <NA>.
    saas = row_of(out, "Joint SaaS on a global cloud  ")
    assert saas[1:3] == ["—", "—"] and saas[-1] == "—"


def test_timing_act_by_columns_and_days_left(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "timing", str(SHARED), "--as-of", "2026-11-29")
    row = row_of(out, "Joint build on the Government Cloud")
    assert row[1:3] == ["2026-11-12", "FY2026"]
    assert row[-1] == "-17"  # 2026-11-12 is 17 days before the as-of date
    assert "⚠ no (139 days unsupported)" in row[4]


# --- archplan adr list ----------------------------------------------------------------------


def test_adr_list_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "adr", "list", "-w", str(FOOD))
    assert_language(out, FOOD, "ja")
    assert out.splitlines()[0].split() == [
        "番号",
        "件名",
        "状態",
        "日付",
        "見直し期限",
        "見直しの契機に該当",
    ]
    assert row_of(out, "1 ")[2] == "置換済" and row_of(out, "3 ")[2] == "提案"
    # Record 2's revisit trigger fires on the example's figures (as `adr check` says).
    assert row_of(out, "2 ")[2:] == ["承認", "2026-07-15", "2027-03-31", "✓"]
    assert "accepted" not in out and "triggered" not in out
    out = run(capsys, "adr", "list", "-w", str(SHARED))
    assert_language(out, SHARED, "en")
    assert row_of(out, "1 ")[2:] == ["accepted", "2026-09-18", "2027-03-31", "—"]


def test_adr_list_csv_stays_raw(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "adr", "list", "-w", str(FOOD), "--csv")
    lines = out.splitlines()
    assert lines[0] == "number,title,status,date,review_by,triggered,file"
    assert lines[2].startswith("2,") and ",accepted,2026-07-15,2027-03-31,True," in lines[2]


# --- archplan history -----------------------------------------------------------------------


def test_history_in_both_languages(
    capsys: pytest.CaptureFixture[str], repos: dict[str, Path]
) -> None:
    ja, en = repos["ja"], repos["en"]
    out = run(capsys, "history", "users", "-w", str(ja))
    assert_language(out, ja, "ja", {"Aoki"})
    assert out.splitlines()[0].split() == ["日付", "値", "出典", "コミット", "作成者"]
    assert row_of(out, "2026-05-01")[1] == "45"
    out = run(capsys, "history", "active_users", "-w", str(en))
    assert_language(out, en, "en", {"Aoki"})
    assert row_of(out, "2026-05-01")[1] == "2,400" and "now (working tree): 2,400" in out
    out = run(capsys, "history", "--record", "2", "-w", str(ja))
    assert_language(out, ja, "ja", {"Aoki"})
    assert "前提条件" in out and "一致" in out and "True" not in out
    out = run(capsys, "history", "--record", "1", "-w", str(en))
    assert_language(out, en, "en", {"Aoki"})
    assert "Assumption" in out and "Recorded in the record" in out


def test_history_csv_stays_raw(capsys: pytest.CaptureFixture[str], repos: dict[str, Path]) -> None:
    out = run(capsys, "history", "active_users", "-w", str(repos["en"]), "--csv")
    assert out.splitlines()[0] == "date,value,source,commit,author,file"
    assert out.splitlines()[1].startswith("2026-05-01,2400,")


# --- archplan actuals -----------------------------------------------------------------------


def test_actuals_in_japanese_with_the_reports_figures(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "actuals", str(VACCINE))
    assert_language(out, VACCINE, "ja")
    assert "予算額（年度計画）" in out and "令和8年度" in out and "記録0001（承認）" in out
    assert "budget" not in out and "decision 0001" not in out and "no_rule" not in out
    ws = load_workspace(VACCINE)
    total = row_of(out, "合計  ")
    # The year's budget is the plan of FY2026 from the cost engine, in yen (as the
    # report's plan-vs-actual section shows it), and the same cells as the report's row.
    budget = int(cost_table(ws, "saas").loc["total", 2026])
    assert total[1] == f"{budget:,}" == "28,193,000"
    from archplan.report.actuals import actuals_section

    html = actuals_section(ws)
    assert report_cells(html, msg("act_year", "ja"), "合計") == total
    # 予算額・執行額 by fiscal year, and the contract against its ceiling: the report's rows.
    fy = row_of(out, "令和8年度  ")
    assert fy == ["令和8年度", "28,193,000", "16,470,384", "58.4%", "執行中"]
    assert report_cells(html, msg("act_exec", "ja"), "令和8年度") == fy
    contract = row_of(out, "予約SaaS利用・連携環境")
    assert contract[1] == "150,000,000"
    assert report_cells(html, msg("act_contracts", "ja"), "予約SaaS利用・連携環境") == contract
    assert "（計画期間外、1行）" in out and "（対応付けルールに該当しない、5行）" in out


def test_actuals_by_category_and_in_english(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = run(capsys, "actuals", str(VACCINE), "--by", "category")
    assert row_of(out, "利用料")[1] == "11,088,000"
    english = tmp_path / "vb"
    shutil.copytree(VACCINE, english)
    yaml = english / "archplan.yaml"
    yaml.write_text(
        re.sub(r"(?m)^language: ja$", "language: en", yaml.read_text(encoding="utf-8")),
        encoding="utf-8",
    )
    out = run(capsys, "actuals", str(english), "--by", "category")
    # The English heading glosses the Japanese term on purpose, as the report does:
    # "Budget and execution by fiscal year (予算額・執行額)".
    assert msg("act_exec", "en") in out
    assert_language(out.replace(msg("act_exec", "en"), ""), english, "en")
    assert row_of(out, "Subscriptions")[1] == "11,088,000" and "FY2026" in out
    assert "accepted record 0001" in out and "no mapping rule matches" in out


def test_actuals_csv_stays_raw(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "actuals", str(VACCINE), "--csv")
    lines = out.splitlines()
    assert lines[0].startswith("item,name,budget,plan_to_date,actual_to_date,variance")
    assert lines[-1].startswith("total,total,28193000,")


# --- archplan check and adr import ----------------------------------------------------------


def test_check_summary_counts_what_it_printed(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "check", str(FOOD))
    warnings = sum(ln.startswith("警告：") for ln in out.splitlines())
    assert warnings > 0
    assert out.splitlines()[-1] == f"{FOOD}：問題なし（警告{warnings}件、注意0件）"
    assert_language(out, FOOD, "ja")
    out = run(capsys, "check", str(EXAMPLES / "inquiry-desk-screening"))
    assert out.splitlines()[-1] == f"{EXAMPLES / 'inquiry-desk-screening'}：問題なし"
    out = run(capsys, "check", str(SHARED))
    assert out.splitlines()[-1] == f"{SHARED}: OK (1 warning(s), 0 note(s))"
    assert_language(out, SHARED, "en")


def test_adr_import_table_in_japanese(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    dest = tmp_path / "ws"
    shutil.copytree(FOOD, dest)
    shutil.rmtree(dest / "decisions")
    (dest / "decisions").mkdir()
    out = run(capsys, "adr", "import", str(FOOD / "decisions"), "-w", str(dest), "--dry-run")
    assert_language(out, FOOD, "ja", {str(FOOD / "decisions")})
    assert out.splitlines()[1].split()[:4] == ["番号", "件名", "状態", "記載のまま"]
    assert "ファイル名" in out and "file" not in own_lines(out, "ja").replace(".md", "")


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    """``archplan actuals … | head -1``: the pipe closes before the tables are written."""
    import sys

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "archplan.cli", "actuals", str(VACCINE)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the first line
    err = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=120) == 141
    assert "Traceback" not in err and "BrokenPipe" not in err, err


def test_portfolio_progress_in_the_portfolios_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The portfolio command prints no table, but its progress bar is in the language."""
    portfolio = ROOT / "data" / "portfolio.yaml"
    argv = ["portfolio", str(portfolio), "-o", str(tmp_path / "p.html"), "--jobs", "1"]
    assert main([*argv, "--today", "2026-11-29"]) == 0
    err = capsys.readouterr().err
    assert "案件ポートフォリオ" in err and english_words(err) == [], err
    assert main([*argv, "--force", "--lang", "en", "--today", "2026-11-29"]) == 0
    err = capsys.readouterr().err
    assert "Portfolio" in err and JAPANESE.findall(err) == [], err


def test_timing_csv_stays_raw(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "timing", str(FOOD), "--csv", "waiting")
    lines = out.splitlines()
    assert lines[0].startswith("option,delay,start_fy,total,current_system,option_cost,years,npv")
    ws = load_workspace(FOOD)
    # Integer yen, exact: the option's own part is the engine's total.
    first = lines[1].split(",")
    assert first[:3] == ["saas", "0", "2026"]
    assert int(first[3]) - int(first[4]) == int(cost_summary(ws).loc["saas", "total"])
    out = run(capsys, "timing", str(FOOD), "--csv", "act-by", "--as-of", "2026-04-01")
    assert out.splitlines()[0] == "option,name,date,fy,what,covered,covered_by,days_left,open"
    assert ",2026-07-14,2026," in out and ",False," in out
    assert main(["timing", str(VACCINE), "--csv", "waiting"]) == 1
    assert "--option ID" in capsys.readouterr().err


def test_a_shift_jis_console_gets_stand_ins_not_a_traceback() -> None:
    """Windows with output redirected writes cp932, which has no em dash and no ✓."""
    import sys

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONIOENCODING": "cp932"}
    done = subprocess.run(
        [sys.executable, "-m", "archplan.cli", "adr", "list", "-w", str(FOOD)],
        capture_output=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("cp932", "replace")
    lines = done.stdout.decode("cp932").splitlines()
    assert lines[3].split()[2:] == ["承認", "2026-07-15", "2027-03-31", "o"]
    assert lines[2].split()[-1] == "-"  # record 1's trigger does not fire
    assert len({width(ln) for ln in lines[:2]}) == 1  # still lined up


def test_an_unknown_option_is_said_before_any_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timing", str(FOOD), "--option", "nope"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "'nope'" in captured.err and "saas" in captured.err


def test_the_cli_headers_are_the_catalogues_and_not_duplicates() -> None:
    """The commands' headers are catalogue entries; the few the command line adds (cv_)
    name no concept the catalogue already has a label for."""
    from archplan.actuals import cli as actuals_cli
    from archplan.decisions import cli_views
    from archplan.messages import MESSAGES

    columns = [
        *actuals_cli.YEAR_COLUMNS,
        *actuals_cli.PLAN_END_COLUMNS,
        *actuals_cli.CONTRACT_COLUMNS,
        *actuals_cli.EXECUTION_COLUMNS,
        *actuals_cli.RECONCILIATION_COLUMNS,
        *cli_views.LOG_COLUMNS,
        *cli_views.TIMELINE_COLUMNS,
        *cli_views.THEN_NOW_COLUMNS,
        *cli_views.IMPORT_COLUMNS,
    ]
    assert all(c.header in MESSAGES for c in columns)
    reused = {c.header for c in columns if not c.header.startswith("cv_")}
    assert {"lbl_status", "lbl_date", "lbl_number", "act_budget", "act_fy"} <= reused
    others = {
        text.casefold()
        for key, entry in MESSAGES.items()
        if not key.startswith("cv_")
        for text in entry.values()
    }
    ours = {key: entry for key, entry in MESSAGES.items() if key.startswith("cv_")}
    assert ours and all(
        entry["en"].casefold() not in others and entry["ja"].casefold() not in others
        for entry in ours.values()
    ), ours


@pytest.mark.parametrize(
    "ws_path",
    [
        p
        for d in (EXAMPLES, ROOT / "tests" / "timing_ws")
        for p in sorted(d.iterdir())
        if p.is_dir()
    ],
    ids=lambda p: p.name,
)
def test_act_by_cell_is_the_reports_cell(ws_path: Path) -> None:
    """``archplan timing``'s "covered by the plan" cell says what the report says: a fix
    planned too late is "too late", not "no" (a new user saw both for one option)."""
    from archplan.timing.analysis import act_by
    from archplan.timing.cli import act_by_view
    from archplan.timing.gaps import open_gap_cell

    ws = load_workspace(ws_path)
    frame, _ = act_by_view(ws, date(2026, 11, 29))
    t = act_by(ws, date(2026, 11, 29))
    lang = ws.settings.language
    for oid, r in t.iterrows():
        if r["what"] and not r["covered"]:
            cell_text = str(frame.loc[oid, "covered"])
            gap = open_gap_cell(ws, str(oid), lang)
            assert gap and cell_text.startswith(gap), (oid, cell_text, gap)
