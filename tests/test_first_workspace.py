"""What a first real workspace showed the documents got wrong, checked where it is caused.

``tests/library_ws`` is a Japanese architect's workspace as they wrote it (a ward library:
SaaS, a build on the Government Cloud, or keeping the current system on Windows Server
2016 past its security support). Each test names the finding it guards:

1. open support gaps belong in the handover's open questions, the report's summary and
   the review calendar, and the roadmap's extended support is paid;
2. risk tables: a deterministic option has no percentile; no empty drivers table; the
   P(first) note says what is true;
3. the basis text shows escalation and growth with the year they compound from;
4. the handover's settings table: the real file, a flat tax rate, exchange-rate values;
5. a fix planned too late is not "nothing planned";
6. the cost of waiting buys the same years of service in every row;
7. Japanese typography and wording.

Numbers are worked by hand from the workspace's files (comments), dates with ``date``.
Most tests call the pure functions and the section HTML in-process; the documents are
built once per module (one report, one handover pack) and scanned whole.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from archplan import load_workspace
from archplan.costs import cost_table, describe_basis
from archplan.decisions.lifecycle import new_record
from archplan.decisions.reading import trigger_with_reading
from archplan.messages import MESSAGES
from archplan.report.handover import (
    basis_section,
    decided_and_open,
    files_section,
    review_calendar,
    risks_section,
)
from archplan.report.risk import risk_section
from archplan.report.summary import executive_summary
from archplan.report.timing import roadmap_chart, timing_section
from archplan.timing import cost_of_waiting, timing_warnings
from archplan.timing.gaps import open_gaps
from archplan.uncertainty import simulate, summary_table
from archplan.uncertainty.results import is_certain, parity_tolerance
from archplan.workspace.model import CATEGORIES
from conftest import EXAMPLES

HERE = Path(__file__).resolve().parent
LIBRARY = HERE / "library_ws"
TODAY = date(2026, 11, 29)  # the day the user built their documents
J = r"[\u3040-\u30ff\u4e00-\u9fff]"


@pytest.fixture(scope="module")
def ws():  # type: ignore[no-untyped-def]
    return load_workspace(LIBRARY)


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# --- 1 and 5: open support gaps -------------------------------------------------------------


def test_open_gaps_by_hand(ws) -> None:  # type: ignore[no-untyped-def]
    g = open_gaps(ws).set_index(["option", "component"])
    # Windows Server 2016: security support ends 2027-01-12 (endoflife.date); the server's
    # maintenance ends 2027-03-31 (components.yaml). Unsupported from the next day until
    # the option stops using it (SaaS: 2027-09, Government Cloud: FY2027) or a late fix.
    day = date(2027, 1, 13)
    assert g.loc[("saas", "os"), "gap_days"] == (date(2027, 9, 30) - day).days + 1 == 261
    assert g.loc[("govcloud", "os"), "gap_days"] == (date(2028, 3, 31) - day).days + 1 == 444
    assert g.loc[("saas", "server"), "gap_days"] == 183  # 2027-04-01 .. 2027-09-30
    # The SaaS and the build plan nothing for the current system's OS and server.
    assert g.loc[("saas", "os"), "fix"] == "" and g.loc[("govcloud", "server"), "fix"] == ""
    # The current system plans both, too late: the OS upgrade in FY2031 (done 2032-03-31)
    # and the hardware in FY2027 (done 2028-03-31).
    os_ = g.loc[("current", "os")]
    assert os_["fix"] == "cur-os-upgrade" and os_["fix_done"] == date(2032, 3, 31)
    assert os_["late_days"] == (date(2032, 3, 31) - date(2027, 1, 12)).days == 1905
    hw = g.loc[("current", "server")]
    assert hw["fix"] == "cur-hardware" and hw["late_days"] == 366  # 2027-03-31 → 2028-03-31
    assert hw["gap_days"] == 366  # unsupported until the late refresh is done


def test_check_says_planned_too_late_not_nothing_planned(ws) -> None:  # type: ignore[no-untyped-def]
    warnings = timing_warnings(ws)
    assert len(warnings) == 6
    current = [w for w in warnings if "：current" in w]
    assert len(current) == 2
    assert all("計画されていない" not in w and "計画されているが" in w for w in current)
    assert any("cur-os-upgrade" in w and "1905日後" in w for w in current)
    saas = [w for w in warnings if "：saas" in w]
    assert saas and all("対応が計画されていない" in w for w in saas)
    # The report's timing table says the same.
    html = timing_section(ws, as_of=TODAY)
    assert "⚠ 遅い：cur-os-upgradeの完了は2032-03-31で期限の1,905日後" in html
    assert "⚠ なし（サポート外261日）" in html


def test_handover_lists_open_gaps_under_open_questions(ws) -> None:  # type: ignore[no-untyped-def]
    page = text(decided_and_open(ws, today=TODAY))
    open_part = page.split("未決", 1)[1].split("終了（置換・却下・廃止）", 1)[0]
    assert "なし。" not in open_part  # the gaps are open, even with no open record
    assert open_part.count("⚠") == 6
    assert "Windows Server 2016をセキュリティサポート終了（2027-01-12）の後も261日間" in open_part


def test_summary_names_the_open_gaps(ws) -> None:  # type: ignore[no-untyped-def]
    page = text(executive_summary(ws, TODAY))
    assert "計画が間に合っていないサポート等の終了" in page and page.count("⚠") >= 6
    assert "対応（cur-hardware）は計画されているが、完了は2028-03-31で期限の366日後" in page


def test_review_calendar_has_the_ends_before_the_plan_starts(ws) -> None:  # type: ignore[no-untyped-def]
    cal = text(review_calendar(ws, today=TODAY))
    # The plan starts 2027-04-01; both ends come earlier but after today.
    assert "Windows Server 2016：セキュリティサポート終了 2027-01-12 44日後" in cal
    assert "現行サーバ：保守期限 2027-03-31" in cal
    assert "⚠ 計画が間に合わない案：図書館向けSaaS" in cal
    assert "有償の延長サポート終了 2030-01-12" in cal  # paid, not a cover
    order = [cal.index(d) for d in ("2027-01-12", "2027-03-31", "2029-11-30", "2030-01-12")]
    assert order == sorted(order)


def test_roadmap_labels_extended_support_as_paid(ws) -> None:  # type: ignore[no-untyped-def]
    chart = roadmap_chart(ws, as_of=TODAY)
    legend = [t.get_text() for t in chart.figure.axes[0].get_legend().get_texts()]
    assert "延長サポート（有償）" in legend and "延長サポート" not in legend
    # No item buys it: its bar is hatched, not solid.
    assert any(p.get_hatch() == "///" for p in chart.figure.axes[0].patches)


def test_portfolio_says_planned_too_late(ws) -> None:  # type: ignore[no-untyped-def]
    from archplan.portfolio.attention import support_ending

    details = [a.detail for a in support_ending(ws, TODAY, 18, language="ja")]
    assert any(
        "対応が遅い：cur-os-upgradeの完了は2032-03-31で期限の1,905日後" in d for d in details
    )
    assert not any("計画に対応なし" in d for d in details)  # the current system plans both


def test_files_section_lists_components_and_real_commands(ws) -> None:  # type: ignore[no-untyped-def]
    page = files_section(ws)
    assert "<code>components.yaml</code>" in page
    assert "WORKSPACE" not in page and "FILE.html" not in page
    assert "archplan handover library_ws -o library_ws-引継ぎ資料.html" in page
    assert "archplan check library_ws" in page


# --- 2: risk tables -----------------------------------------------------------------------


def test_plan_confidence_of_deterministic_options(ws) -> None:  # type: ignore[no-untyped-def]
    sim = simulate(ws)
    # Neither the SaaS nor the current system has an uncertain input: every trial is the
    # plan within rounding (the simulation is float, the plan integer yen).
    assert is_certain(sim, "saas") and is_certain(sim, "current")
    assert not is_certain(sim, "govcloud")  # usd_jpy and the build's estimate
    # The parity bound: 3 items × 5 years × ((1 + 10 %) + 1 rate) + 1e-9 × the plan.
    assert parity_tolerance(sim, "current") == pytest.approx(3 * 5 * 2.1 + 76_415_997e-9)
    table = summary_table(sim)
    assert table.loc["current", "plan_percentile"] == table.loc["saas", "plan_percentile"] == 1
    page = text(risk_section(ws))
    assert " P0 " not in page and " P100 " not in page
    # "—" in the SaaS's and the current system's cells, and a note that says why.
    assert re.search(r"図書館向けSaaS( 94,380){7} — ", page)
    assert re.search(r"現行システムの延長( 76,416){7} — ", page)
    assert "—：不確実性なし。" in page
    assert re.search(r"195,714 P\d\d? ", page)  # the Government Cloud build: a percentile
    hand = text(risks_section(ws))
    assert " P0 " not in hand and "—：不確実性なし" in hand and "（千円・税込）" in hand


def test_no_empty_drivers_table_and_an_honest_p_first_note(ws) -> None:  # type: ignore[no-untyped-def]
    html = risk_section(ws)
    # The recommended SaaS has no uncertain input: no drivers table at all.
    assert "ap-tornado" not in html and "費用を左右する要因" not in html
    # The cost criterion is scored ◎○△×: no criterion follows the costs.
    assert "2,000回" not in html and "ap-rank-first" not in html
    assert "費用計画に連動する評価項目" in html and "1位となる確率は示さない" in html
    # Where a criterion does follow the costs, the note gives the real trial count.
    vb = risk_section(load_workspace(EXAMPLES / "vaccine-booking"))
    assert "10,000回の試行のうち2,000回の費用に従い" in vb and "ap-rank-first" in vb


def test_summary_range_is_not_a_confidence_interval(ws) -> None:  # type: ignore[no-untyped-def]
    page = text(executive_summary(ws, TODAY))
    assert "信頼区間" not in page
    assert "総費用の範囲（P10–P90）： なし（図書館向けSaaSの入力に不確実なものがない）" in page
    assert "94,380 千円（税込）" in page


def test_p_first_note_when_every_trial_is_used() -> None:
    from archplan.report.risk import rank_first_note
    from archplan.uncertainty import rank_first

    sim = simulate(load_workspace(EXAMPLES / "vaccine-booking"), 500)
    note = rank_first_note(sim, rank_first(sim, samples=500), "ja")
    assert "500回すべての試行の費用に従い" in note and "うち" not in note


# --- 3: escalation and growth in the basis ------------------------------------------------


def test_basis_shows_escalation_and_its_base_year(ws) -> None:  # type: ignore[no-untyped-def]
    basis = describe_basis(ws)
    cloud = basis.loc[("govcloud", "gc-cloud")]
    assert cloud.startswith("USD 3,200/月 × 150 円/USD")
    assert "令和9年度（計画の初年度）の水準で、以後毎年5%上昇" in cloud
    assert "毎年2%上昇" in basis.loc[("current", "cur-maintenance")]
    assert "上昇" not in basis.loc[("saas", "saas-fee")]  # no escalation, nothing added
    assert "+5% each year after" in describe_basis(ws, "en").loc[("govcloud", "gc-cloud")]
    # Redone from the text: FY2028 (令和10年度) = 3,200 × 150 × 12 months × 1.05 (one
    # year after the plan's first) × 1.10 tax = 6,652,800, as the table has it.
    table = cost_table(ws, "govcloud")
    assert int(table.loc["gc-cloud", 2028]) == 3_200 * 150 * 12 * 105 * 110 // 10_000
    assert int(table.loc["gc-cloud", 2028]) == 6_652_800
    # And the current system's maintenance: 7,200,000 × 1.02 × 1.10 = 8,078,400 in FY2028.
    assert int(cost_table(ws, "current").loc["cur-maintenance", 2028]) == 8_078_400


# --- 4: the handover's settings -------------------------------------------------------------


def test_settings_table(ws) -> None:  # type: ignore[no-untyped-def]
    page = basis_section(ws)
    assert "設定（archplan.yaml）" in page and "settings.yaml" not in page
    rows = dict(re.findall(r"<tr><th scope=\"row\">([^<]*)</th><td>(.*?)</td></tr>", page))
    assert rows["消費税率"] == "10%"  # a flat rate: no "1900-01-01から"
    assert "1900-01-01" not in page
    assert text(rows["為替レート（USD）"]).strip() == "usd_jpy = 150 円/USD"
    # Japan's dated table: only the rates in force during the plan.
    food = basis_section(load_workspace(EXAMPLES / "food-lab"))
    assert (
        dict(re.findall(r"<tr><th scope=\"row\">([^<]*)</th><td>(.*?)</td></tr>", food))["消費税率"]
        == "10%"
    )


# --- 6: the cost of waiting ---------------------------------------------------------------


def test_cost_of_waiting_buys_the_same_service(ws) -> None:  # type: ignore[no-untyped-def]
    t = cost_of_waiting(ws, "saas")
    # The SaaS's own plan is its total everywhere else, in every row: 94,380,000.
    assert t["option_cost"].tolist() == [94_380_000] * 3
    # The current system until go-live (2027-10): 6 months of maintenance, 7,200,000 ×
    # 1.10 / 2 = 3,960,000. A year later: FY2027 in full 7,920,000 + 6 months of FY2028
    # at 2 % escalation 7,200,000 × 1.02 × 1.10 / 2 = 4,039,200.
    assert t.loc[0, "current_system"] == 3_960_000
    assert t.loc[1, "current_system"] == 7_920_000 + 4_039_200
    assert t.loc[0, "total"] == 94_380_000 + 3_960_000
    # Waiting costs what the current system costs meanwhile: it is never cheaper here.
    assert t.loc[1, "extra"] == 7_920_000 + 4_039_200 - 3_960_000 == 7_999_200
    assert (t["extra"].iloc[1:] > 0).all()
    # The delayed plan's last year of service (FY2032) is in its row, not cut off.
    assert t.attrs["yearly"].loc[2032, 1] == 16_500_000  # 12 × 1,150,000 × 1.1 + exit
    page = text(timing_section(ws, as_of=TODAY))
    assert "うち当該案" in page and "94,380" in page and "98,340" in page
    assert "直ちに開始した行の総額は、図書館向けSaaSの計画額94,380に" in page
    assert "▲" not in page.split("決定を1年遅らせた場合の費用", 1)[1].split("年度別ロードマップ")[0]


# --- 7: Japanese typography and wording -----------------------------------------------------


def test_every_category_has_a_label() -> None:
    missing = [c for c in CATEGORIES if "cat_" + c not in MESSAGES]
    assert missing == []
    assert MESSAGES["cat_staff"]["ja"] == "職員給与"


def test_trigger_readings() -> None:
    assert trigger_with_reading("price rises more than 10 %", "ja").endswith(
        "（priceが10%を超えて上昇する）"
    )
    # A spending trigger is not read as a knock-out.
    reading = trigger_with_reading("actual of saas-fee exceeds plan by more than 10 %", "ja")
    assert "除外" not in reading and "saas-feeの実績が計画を10%を超えて上回る" in reading
    days = trigger_with_reading("days until support end of os < 365", "ja")
    assert "除外" not in days and "365未満" in days


def test_new_record_in_the_display_unit(tmp_path: Path) -> None:
    copy = tmp_path / "library"
    shutil.copytree(LIBRARY, copy)
    path = new_record(load_workspace(copy), "見直し", today=TODAY)
    body = path.read_text(encoding="utf-8")
    assert "* 図書館向けSaaS（saas）" in body and "(saas)" not in body
    assert "総費用（千円・税込）" in body and "| 94,380 |" in body and "94,380,000" not in body


def typography_problems(words: str) -> list[str]:
    """Half-width brackets or colons against Japanese, "10 %" and "信頼区間" in the text
    archplan wrote (the workspace's own strings already taken out)."""
    found = []
    for pattern in (J + r" ?\(", r"\) ?" + J, J + r": ", r"\d %", "信頼区間", "settings.yaml"):
        for m in re.finditer(pattern, words):
            found.append(words[max(0, m.start() - 25) : m.end() + 25].replace("\n", " "))
    return found


# --- the documents, built once -----------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    from archplan.report import build_handover, build_report

    out = tmp_path_factory.mktemp("library")
    return {
        "report": build_report(LIBRARY, out / "library.html").read_text(encoding="utf-8"),
        "handover": build_handover(LIBRARY, out / "library-handover.html").read_text(
            encoding="utf-8"
        ),
    }


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["report", "handover"])
def test_the_library_documents(built: dict[str, str], kind: str) -> None:
    from test_i18n import archplans_words, english_words, visible_text

    doc = built[kind]
    words = archplans_words(doc, LIBRARY)
    assert english_words(words) == []  # no "staff", no "WORKSPACE", no "source: …"
    assert typography_problems(words) == []
    seen = re.sub(r"\s+", " ", visible_text(doc))
    assert "計画が間に合っていないサポート等の終了" in seen
    # Extended support is said to be paid: the windows table, the calendar.
    assert ("延長サポート（有償）" if kind == "report" else "有償の延長サポート終了") in seen
    if kind == "handover":
        assert "<code>components.yaml</code>" in doc and "設定（archplan.yaml）" in seen
        assert "usd_jpy = 150 円/USD" in seen
    else:
        assert " P0 " not in seen and " P100 " not in seen and "2,000回" not in seen


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["report", "handover"])
@pytest.mark.parametrize(
    "name", ["food-lab", "network-refresh", "vaccine-booking", "inquiry-desk-screening"]
)
def test_the_japanese_examples_typography(
    documents: dict[tuple[str, str], Path], name: str, kind: str
) -> None:
    from test_i18n import archplans_words

    words = archplans_words(documents[(name, kind)].read_text(encoding="utf-8"), EXAMPLES / name)
    assert typography_problems(words) == []
