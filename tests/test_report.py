"""The HTML report, built end to end with a real kernel (nbclient) and nbconvert."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from archplan import load_workspace
from archplan.cli import main
from archplan.messages import msg
from archplan.report import build_report
from archplan.report.sections import options_section, title_section

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report_html(tmp_path_factory: pytest.TempPathFactory) -> str:
    example = Path(__file__).resolve().parents[1] / "data" / "examples" / "food-lab"
    out = tmp_path_factory.mktemp("report") / "food-lab.html"
    path = build_report(example, out)
    return path.read_text(encoding="utf-8")


def test_report_names_every_option_and_shows_ranking(report_html: str) -> None:
    for name in (
        "検査情報管理SaaSの利用",
        "ガバメントクラウド上での独自構築",
        "現行オンプレミスの改修・機器更新",
    ):
        assert name in report_html
    assert "総合評価の順位" in report_html
    ranking = report_html[report_html.index('id="ranking"') :]
    first_row = re.search(r"<tbody><tr><th scope=\"row\">1</th><td>(.*?)</td>", ranking)
    assert first_row and first_row.group(1) == "検査情報管理SaaSの利用"


def test_report_cost_tables_cross_foot_in_thousand_yen(report_html: str) -> None:
    tables = re.findall(r'<table class="ap-table ap-costs">(.*?)</table>', report_html, re.S)
    assert len(tables) == 4  # every option is costed, the knocked-out one too
    for table in tables:
        assert "令和8年度" in table and "令和12年度" in table
        rows = re.findall(r"<tr(?: class=\"total\")?>(.*?)</tr>", table.split("<tbody>")[1])
        numbers = [
            [
                int(c.replace(",", "").replace("▲", "-"))
                for c in re.findall(r'<td class="num">([^<]*)</td>', row)
            ]
            for row in rows
        ]
        body, total = numbers[:-1], numbers[-1]
        for row in body:
            assert sum(row[:-1]) == row[-1]
        assert [sum(col) for col in zip(*body, strict=True)] == total
    # The SaaS total, 49,742 thousand yen, is the hand-checked 49,742,000 yen: (8,000,000
    # set-up + 6,500,000 migration + 45 × 12,000 × 12 × 4 years from go-live in FY2027
    # + 1,200,000 × 4) × 1.10.
    assert "49,742" in report_html


def test_report_has_npv_chart_and_decision(report_html: str) -> None:
    assert "正味現在価値" in report_html
    assert re.search(r'<img[^>]+src="data:image/png;base64,', report_html)
    assert "検査情報システムの調達方式をSaaS利用とする" in report_html


def test_report_is_self_contained(report_html: str) -> None:
    assert "<script" not in report_html
    assert not re.search(r'(src|href)="(https?:)?//', report_html)
    assert "@import" not in report_html
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", report_html)  # no remote CSS assets
    assert '<meta content="archplan' in report_html
    assert "No description has been provided" not in report_html  # charts have alt text
    assert ">workspace = " not in report_html  # no code cells


def test_rebuilding_replaces_archplan_report(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parents[1] / "data" / "examples" / "food-lab"
    out = tmp_path / "r.html"
    build_report(example, out)
    first = out.read_text(encoding="utf-8")
    build_report(example, out)  # archplan's own file: replaced without --force
    second = out.read_text(encoding="utf-8")
    strip = re.compile(r"20\d\d-\d\d-\d\d")
    assert strip.sub("", first) == strip.sub("", second)


def test_demo_prints_where_the_report_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--output-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    for name in (
        "food-lab",
        "inquiry-desk-screening",
        "network-refresh",
        "shared-platform",
        "vaccine-booking",
    ):
        # The demo spans examples of both languages, so its lines stay in English (as the
        # README shows them); each document is in its own workspace's language.
        assert msg("cli_report", "en", path=tmp_path / (name + ".html")) in out
        assert msg("cli_handover", "en", path=tmp_path / (name + "-handover.html")) in out
        assert (tmp_path / f"{name}.html").stat().st_size > 10_000
        assert (tmp_path / f"{name}-handover.html").stat().st_size > 10_000


def test_workspace_text_is_escaped(tmp_path: Path, example_dir: Path) -> None:
    ws_dir = tmp_path / "ws"
    shutil.copytree(example_dir, ws_dir)
    opt = ws_dir / "options.yaml"
    opt.write_text(
        opt.read_text(encoding="utf-8").replace(
            "name: 検査情報管理SaaSの利用",
            'name: "<script>alert(1)</script><img src=x onerror=alert(2)>"',
        ),
        encoding="utf-8",
    )
    ws = load_workspace(ws_dir)
    html = options_section(ws) + title_section(ws)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_report_shows_knockouts_stability_and_acceptability(report_html: str) -> None:
    assert "必須条件による除外" in report_html
    excluded = report_html[report_html.index('class="ap-table ap-excluded"') :]
    assert "海外事業者のSaaSの利用" in excluded[:2000]
    assert "データの国内保管：×は許容されない" in excluded[:2000]
    assert "重みの安定区間" in report_html and 'class="ap-table ap-stability"' in report_html
    assert "順位の受容度" in report_html and 'class="ap-table ap-acceptability"' in report_html
    assert "手法ごとの順位" in report_html and "TOPSIS" in report_html
    assert "上回る主な理由" in report_html  # the "why" sentence
    # Every chart is an inline PNG with alt text.
    imgs = re.findall(r"<img[^>]*>", report_html)
    assert len(imgs) >= 5
    assert all('src="data:image/png;base64,' in i and 'alt="' in i for i in imgs)


@pytest.fixture(scope="module")
def network_html(tmp_path_factory: pytest.TempPathFactory) -> str:
    example = Path(__file__).resolve().parents[1] / "data" / "examples" / "network-refresh"
    return build_report(example, tmp_path_factory.mktemp("n") / "n.html").read_text("utf-8")


@pytest.fixture(scope="module")
def shared_html(tmp_path_factory: pytest.TempPathFactory) -> str:
    example = Path(__file__).resolve().parents[1] / "data" / "examples" / "shared-platform"
    return build_report(example, tmp_path_factory.mktemp("s") / "s.html").read_text("utf-8")


def test_network_report_shows_commitments_depreciation_and_budget(network_html: str) -> None:
    assert "債務負担行為（複数年契約）" in network_html
    assert "限度額200,000,000円を" in network_html  # the NaaS contract's ceiling warning
    assert "資産計上した機器等の減価償却" in network_html
    assert "令和15年度" in network_html  # eight fiscal years
    assert "シナリオ別の総費用" in network_html and "more-sites" in network_html
    budget = re.search(r'<table class="ap-table ap-budget">(.*?)</table>', network_html, re.S)
    assert budget is not None
    rows = re.findall(r"<tr(?: class=\"total\")?>(.*?)</tr>", budget.group(1).split("<tbody>")[1])
    numbers = [
        [
            int(c.replace(",", "").replace("▲", "-"))
            for c in re.findall(r'<td class="num">([^<]*)</td>', row)
        ]
        for row in rows
    ]
    # One row per option (three options, no total row: they are alternatives), and each
    # option's eight fiscal years add up to its total.
    assert len(numbers) == 3 and 'class="total"' not in budget.group(1)
    for row in numbers:
        assert len(row) == 9 and sum(row[:-1]) == row[-1]


def test_shared_platform_report_is_in_english_with_shares(shared_html: str) -> None:
    assert '<html lang="en">' in shared_html
    assert "Shared use: each party's share" in shared_html
    assert "Kita City" in shared_html and "Yama Village" in shared_html
    assert "FY2026" in shared_html and "令和" not in shared_html
    assert "Scenarios: total cost over the plan" in shared_html and "weak-yen" in shared_html


def test_vaccine_report_shows_cost_risk(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parents[1] / "data" / "examples" / "vaccine-booking"
    html = build_report(example, tmp_path / "v.html").read_text("utf-8")
    assert "費用リスク" in html and "試行10,000回、乱数シード20260401" in html
    for needle in (
        "P80を確保するための予備費",
        "行の選択肢が列の選択肢より安くなる確率",
        "費用を左右する要因",
        "費用の不確実性を考慮して1位となる確率",
    ):
        assert needle in html
    assert 'class="ap-table ap-risk"' in html and 'alt="Sカーブ' in html
    assert 'alt="トルネード図' in html
    # Same seed, same numbers: a second build has the same risk table.
    again = build_report(example, tmp_path / "v2.html").read_text("utf-8")
    table = re.compile(r'<table class="ap-table ap-risk">.*?</table>', re.S)
    risk_table = table.search(html).group(0)  # type: ignore[union-attr]
    assert risk_table == table.search(again).group(0)  # type: ignore[union-attr]
    # Each option's chance of being cheapest: one percentage per row, summing to ~100%.
    assert "最安となる確率" in risk_table
    shares = [int(x) for x in re.findall(r">(\d+)%</td>\s*</tr>", risk_table)]
    assert len(shares) == 3 and abs(sum(shares) - 100) <= 2


def test_decision_log_is_tied_to_the_numbers(report_html: str) -> None:
    log = report_html[report_html.index('id="decisions"') :]
    assert '<ol class="ap-timeline">' in log
    assert "置換先" in log and 'href="#adr-0002"' in log  # supersede link inside the file
    record2 = log[log.index('id="adr-0002"') :]
    record2 = record2[: record2.index("</article>")]
    assert 'role="alert"' in record2 and "見直しの契機に該当" in record2
    assert "10,000" in record2 and "12,000" in record2 and "≠" in record2
    assert 'class="ap-table ap-live"' in record2 and "49,742" in record2
    assert '0002-inspection-system-delivery-model.md"' not in log  # no dangling file links


def _table_after(html: str, anchor: str) -> list[list[str]]:
    """The cells (tags stripped) of the first table after ``anchor``, row by row."""
    start = html.index(anchor)
    table = html[html.index("<table", start) : html.index("</table>", start)]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)
    return [
        [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", r)]
        for r in rows
    ]


def _num(text: str) -> int:
    return int(text.replace(",", "").replace("▲", "-"))


def test_shown_figures_agree_across_tables(shared_html: str) -> None:
    """Every figure a reader can add up or compare adds up, to the unit, as displayed."""
    budget = {r[0]: [_num(c) for c in r[1:]] for r in _table_after(shared_html, 'id="budget"')[1:]}
    saas = budget["Joint SaaS on a global cloud"]
    assert sum(saas[:-1]) == saas[-1]
    # Net benefit: the cost row is the budget row; net = benefits − costs in every column.
    net = _table_after(shared_html, 'id="net-benefit-joint-saas"')
    rows = {r[0]: [_num(c) for c in r[1:]] for r in net[1:]}
    assert rows["Costs"] == saas[:-1]
    assert [b - c for b, c in zip(rows["Benefits"], rows["Costs"], strict=True)] == rows["Net"]
    # Cumulative net turns positive in FY2029: −35,537 + 18,006 + 15,520 < 0 < … + 12,736.
    assert "Payback year: FY2029" in shared_html
    # Scenario table: the base column is the budget table's total column.
    scen = _table_after(shared_html, 'id="scenarios"')
    assert scen[0][1] == "base"
    for r in scen[1:]:
        assert _num(r[1]) == budget[r[0]][-1]
    # Breakdowns of the SaaS option (items, categories, the parties' shares) add up to
    # its budget row year by year and in total, although each is rounded separately.
    items = _table_after(shared_html, "<h3>Joint SaaS on a global cloud</h3>")
    # Columns: item, category, tax treatment, basis, then the years and the total.
    assert [_num(c) for c in items[-1][4:]] == saas
    cats = {r[0]: r for r in _table_after(shared_html, "Costs by category over the plan")}
    assert _num(cats["Joint SaaS on a global cloud"][-1]) == saas[-1]
    shares = _table_after(shared_html, 'id="sharing"')
    assert [_num(c) for c in shares[-1][1:]] == saas
    # The summary's headline total is the recommended option's budget total.
    summary = shared_html[shared_html.index('id="summary"') : shared_html.index('id="budget"')]
    headline = re.search(r"Total FY2026–FY2030:</strong> ([\d,]+)", summary)
    assert headline is not None and _num(headline.group(1)) in {t[-1] for t in budget.values()}


def test_commitment_years_add_up_to_the_commitment(network_html: str) -> None:
    table = _table_after(network_html, 'id="commitments"')
    header = table[0]
    years = [i for i, h in enumerate(header) if "年度" in h]
    total_col = header.index("債務負担額") if "債務負担額" in header else years[-1] + 1
    assert years and len(table) > 1
    for r in table[1:]:
        assert sum(_num(r[i]) for i in years if r[i]) == _num(r[total_col])


def test_prewarmed_exporter_gives_the_same_page(tmp_path: Path) -> None:
    """The build compiles the template in a thread while the kernel runs; the page
    must be byte-identical to one exported by a fresh exporter."""
    from archplan.report.build import (
        _html_exporter,
        execute_notebook,
        export_html,
        report_notebook,
    )

    example = Path(__file__).resolve().parents[1] / "data" / "examples" / "shared-platform"
    nb = execute_notebook(report_notebook(example), cwd=example)
    cold = export_html(nb, title="t", language="en")
    warm = export_html(nb, title="t", language="en", exporter=_html_exporter(warm=True))
    assert warm == cold and "Net benefit" in warm


def _kernel_children() -> list[int]:
    """Live ipykernel processes started by this test process (Linux /proc)."""
    import os

    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        state = stat.rsplit(")", 1)[1].split()[0]
        if ppid == os.getpid() and state != "Z" and b"ipykernel_launcher" in cmdline:
            found.append(int(entry.name))
    return found


def test_building_reports_leaves_no_kernel_running(tmp_path: Path) -> None:
    """A notebook session that builds many reports must not collect kernels."""
    import time

    example = Path(__file__).resolve().parents[1] / "data" / "examples" / "shared-platform"
    before = set(_kernel_children())
    for i in range(2):
        build_report(example, tmp_path / f"r{i}.html")
    deadline = time.monotonic() + 10
    while set(_kernel_children()) - before and time.monotonic() < deadline:
        time.sleep(0.1)
    assert set(_kernel_children()) - before == set()
