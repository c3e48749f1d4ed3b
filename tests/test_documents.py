"""What every document archplan writes says, read back with an HTML parser.

The report and the handover pack of every bundled example are built once per session
(the ``documents`` fixture) and scanned whole: one figure per quantity, no sums of
alternatives, knock-outs marked with their reasons, the assumptions register, no
scientific notation, contents that list every section with a working link, and a
handover pack that shows what the leading option's lead rests on.

Expected figures are computed here from the exact yen schedule with a half-up rounding
and a largest-remainder apportionment written independently of ``archplan.money``.
"""

from __future__ import annotations

import re
import tempfile
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archplan import load_workspace
from archplan.costs import item_schedule
from archplan.fiscal import fy_label
from archplan.report.i18n import label
from conftest import EXAMPLE_NAMES, EXAMPLES, MANY_OPTIONS, make_workspace

pytestmark = pytest.mark.slow

KINDS = ("report", "handover")
# Every bundled example, the screening of thirteen tools included.
DOCS = [(n, k) for n in (*EXAMPLE_NAMES, MANY_OPTIONS) for k in KINDS]


# --- independent references -------------------------------------------------------------


def half_up(amount: int, divisor: int) -> int:
    """Round amount / divisor half away from zero, with integers only."""
    q, r = divmod(abs(amount), divisor)
    q += 2 * r >= divisor
    return q if amount >= 0 else -q


def hamilton(amounts: list[int], divisor: int, target: int) -> list[int]:
    """Largest remainder with exact fractions: floors, then +1 to the largest remainders
    (earlier first on ties) until the target is reached (targets here are never far)."""
    exact = [Fraction(a, divisor) for a in amounts]
    floors = [int(e // 1) for e in exact]
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    missing = target - sum(floors)
    assert 0 <= missing <= len(amounts)
    for i in order[:missing]:
        floors[i] += 1
    return floors


def expected_figures(ws_path: Path) -> dict[str, dict[object, int]]:
    """Per option: its total and each fiscal year, in the display unit, by the convention."""
    ws = load_workspace(ws_path)
    divisor = 1000 if ws.settings.display_unit == "thousand" else 1
    sched = item_schedule(ws)
    out: dict[str, dict[object, int]] = {}
    for o in ws.options:
        if o.id in sched.index.get_level_values("option"):
            years = [int(v) for v in sched.xs(o.id, level="option").sum(axis=0).tolist()]
        else:
            years = [0] * len(sched.columns)
        total = half_up(sum(years), divisor)
        fig: dict[object, int] = {"total": total}
        shown = hamilton(years, divisor, total)
        fig.update(zip([int(c) for c in sched.columns], shown, strict=True))
        out[o.id] = fig
    return out


# --- reading documents ------------------------------------------------------------------

NUMBER = re.compile(r"^[▲-]?\d{1,3}(,\d{3})*$")


def num(text: str) -> int | None:
    t = text.strip()
    if not NUMBER.match(t):
        return None
    neg = t.startswith(("▲", "-"))
    v = int(t.lstrip("▲-").replace(",", ""))
    return -v if neg else v


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def rows_of(table: Tag) -> tuple[list[str], list[list[str]]]:
    head = [c.get_text(" ", strip=True) for c in table.select("thead th")]
    body = [
        [c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])]
        for tr in table.select("tbody tr")
    ]
    return head, body


def preceding_heading(table: Tag) -> str:
    h = table.find_previous(["h2", "h3", "h4"])
    return h.get_text(" ", strip=True) if h else ""


class Found:
    """Every printed figure of an option's total and fiscal years, with where it was."""

    def __init__(self) -> None:
        self.seen: dict[tuple[str, object], list[tuple[int, str]]] = {}

    def add(self, option: str, quantity: object, value: int | None, where: str) -> None:
        assert value is not None, f"{where}: not a number"
        self.seen.setdefault((option, quantity), []).append((value, where))


def collect(path: Path, ws_path: Path) -> Found:
    ws = load_workspace(ws_path)
    lang = ws.settings.language
    years = ws.settings.fiscal_years
    fy = {fy_label(y, lang): y for y in years}
    total = label("total", lang)
    names = {o.id: o.name for o in ws.options}
    total_headers = {
        total,
        label("total_now", lang),
        label("plan", lang),
        "base",
        f"{total} ({label('unit_' + ws.settings.display_unit, lang)})",
        f"{total} {fy_label(years[0], lang)}–{fy_label(years[-1], lang)}",
    }

    def option_of(cell: str) -> str | None:
        # Longest name first: one option's name may start another's.
        for o, n in sorted(names.items(), key=lambda kv: -len(kv[1])):
            if cell == n or cell.startswith(n + " ") or cell.startswith(n + "（"):
                return o
            if cell.startswith(n + " ★"):
                return o
        return None

    found = Found()
    doc = soup(path)
    for t, table in enumerate(doc.select("table.ap-table")):
        head, body = rows_of(table)
        classes = table.get("class") or []
        heading = preceding_heading(table)
        where = f"{path.name} table {t} ({' '.join(classes)}; {heading})"
        if "ap-scores" in classes or "ap-depreciation" in classes:
            # Criterion values (a cost criterion may be an NPV or another basis), and
            # depreciation by year: other quantities, in rows named after options.
            continue
        # Rows that are options.
        for row in body:
            o = option_of(row[0])
            if o is None:
                continue
            for h, cell in zip(head, row, strict=False):
                if h in fy:
                    found.add(o, fy[h], num(cell), where)
                elif h in total_headers:
                    found.add(o, "total", num(cell), where)
        # Breakdowns of one option: item tables (under the option's heading), the
        # contingency's plan row, the parties' total row, the net-benefit cost row.
        if "ap-sharing" in classes:
            heading = table.find_previous("p", class_="ap-note").get_text(" ", strip=True)
        o = option_of(heading) or next(
            (k for k, n in sorted(names.items(), key=lambda kv: -len(kv[1])) if n in heading),
            None,
        )
        if o is None:
            continue
        picks: list[list[str]] = []
        if "ap-costs" in classes or "ap-sharing" in classes:
            picks = [r for r in body if r[0] == total]
        elif "ap-contingency" in classes:
            picks = [r for r in body if r[0] == label("cont_plan", lang)]
        elif heading.startswith(label("net_benefit", lang)):
            picks = [r for r in body if r[0] == label("cost_row", lang)]
        for row in picks:
            for h, cell in zip(head, row, strict=True):
                if h in fy:
                    found.add(o, fy[h], num(cell), where)
                elif h == total:
                    found.add(o, "total", num(cell), where)
    # The executive summary's sentences: the recommended option, then its total.
    lis = [li.get_text(" ", strip=True) for li in doc.select(".ap-summary li")]
    if lis:
        # "Top-ranked option: X" / "総合評価1位の選択肢： X" (a full-width colon in Japanese)
        top = next(
            o for o, n in names.items() if re.search(r"[:：] ?" + re.escape(n) + "$", lis[0])
        )
        for text in lis:
            if text.startswith(total + " "):
                value = re.split(r"[:：] ?", text, maxsplit=1)[1].split()[0]
                found.add(top, "total", num(value), f"{path.name} summary")
    return found


# --- one figure per quantity ------------------------------------------------------------


@pytest.mark.parametrize(("name", "kind"), DOCS)
def test_every_printed_figure_of_an_option_is_the_same_number(
    documents: dict[tuple[str, str], Path], name: str, kind: str
) -> None:
    expected = expected_figures(EXAMPLES / name)
    found = collect(documents[(name, kind)], EXAMPLES / name)
    for (option, quantity), values in found.seen.items():
        want = expected[option][quantity]
        wrong = [(v, w) for v, w in values if v != want]
        assert not wrong, f"{option} {quantity}: expected {want}, printed {wrong}"
    # Every option's total is printed in several places (else the test proves nothing).
    for option in expected:
        places = {w.split(" (")[0] + w for _, w in found.seen.get((option, "total"), [])}
        assert len(places) >= (5 if kind == "report" else 3), (option, places)
        years = [q for (o, q) in found.seen if o == option and q != "total"]
        assert len(years) == len(load_workspace(EXAMPLES / name).settings.fiscal_years)


@pytest.mark.parametrize(("name", "kind"), DOCS)
def test_no_near_miss_of_an_option_total_anywhere(
    documents: dict[tuple[str, str], Path], name: str, kind: str
) -> None:
    """The reported bug: a total printed as 137,339 here and 137,338 there."""
    text = soup(documents[(name, kind)]).get_text(" ")
    for option, fig in expected_figures(EXAMPLES / name).items():
        for off in (fig["total"] - 1, fig["total"] + 1):
            assert not re.search(rf"(?<![\d,]){off:,}(?![\d,])", text), (option, off)


# --- no sums of alternatives; knock-outs marked -------------------------------------------


@pytest.mark.parametrize(("name", "kind"), DOCS)
def test_no_table_adds_up_alternatives(
    documents: dict[tuple[str, str], Path], name: str, kind: str
) -> None:
    ws = load_workspace(EXAMPLES / name)
    lang = ws.settings.language
    names = [o.name for o in ws.options]
    doc = soup(documents[(name, kind)])
    option_tables = 0
    for table in doc.select("table.ap-table"):
        _, body = rows_of(table)
        firsts = [r[0] for r in body]
        if sum(any(f.startswith(n) for n in names) for f in firsts) >= 2:
            option_tables += 1
            assert label("total", lang) not in firsts, preceding_heading(table)
    assert option_tables >= 2
    # Nor is the sum of the options' totals printed anywhere.
    grand = sum(f["total"] for f in expected_figures(EXAMPLES / name).values())
    assert f"{grand:,}" not in doc.get_text(" ")


def test_knocked_out_options_are_marked_with_the_reason_wherever_they_appear(
    documents: dict[tuple[str, str], Path],
) -> None:
    ws = load_workspace(EXAMPLES / "food-lab")
    knocked = ws.option("overseas-saas").name
    reason = "データの国内保管：×は許容されない"  # food-lab/scores.csv: × on residency
    for kind in KINDS:
        doc = soup(documents[("food-lab", kind)])
        rows = [
            tr
            for tr in doc.select("table.ap-table tbody tr")
            if tr.find(["th", "td"]).get_text(" ", strip=True).startswith(knocked)
        ]
        assert len(rows) >= 2
        for tr in rows:
            table = tr.find_parent("table")
            if "ap-excluded" in (table.get("class") or []):
                continue  # the knock-out table gives the reason in its own column
            assert reason in tr.get_text(" ", strip=True), preceding_heading(table)
    # The per-option cost table's heading and the chart legend say so too.
    report = soup(documents[("food-lab", "report")])
    assert any(
        h.get_text(strip=True) == f"{knocked}（除外：{reason}）" for h in report.find_all("h3")
    )
    from archplan.report.charts import cumulative_chart

    legend = cumulative_chart(ws).figure.axes[0].get_legend()
    assert f"{knocked}（除外：{reason}）" in [t.get_text() for t in legend.get_texts()]


# --- what the numbers rest on --------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_report_has_the_assumptions_register(
    documents: dict[tuple[str, str], Path], name: str
) -> None:
    ws = load_workspace(EXAMPLES / name)
    doc = soup(documents[(name, "report")])
    section = doc.find("h2", id="assumptions")
    assert section is not None
    table = section.find_next("table")
    _head, body = rows_of(table)
    assert len(body) == len(ws.assumptions)
    by_name = {r[0]: r for r in body}
    for a in ws.assumptions.values():
        row = by_name[a.name]
        assert row[2] == a.unit and row[3] == a.source
        assert row[4] == (a.as_of.isoformat() if a.as_of else "—")
        value = row[1].replace(",", "").replace("▲", "-")
        assert float(value) == float(a.value)


@pytest.mark.parametrize(("name", "kind"), DOCS)
def test_no_number_in_scientific_notation(
    documents: dict[tuple[str, str], Path], name: str, kind: str
) -> None:
    text = soup(documents[(name, kind)]).get_text(" ")
    # Commit ids are not numbers, even when they look like one ("67e2450" = 67×10^2450):
    # drop the footer's "git <id>" and the decision log's "<id> (YYYY-MM-DD)" first.
    text = re.sub(r"\bgit [0-9a-f]{7,40}\b", " ", text)
    text = re.sub(r"\b[0-9a-f]{7,40} \(\d{4}-\d{2}-\d{2}\)", " ", text)
    # A standalone number only: hexadecimal ids such as "30e7f12" are not numbers either.
    assert not re.search(r"(?<![0-9A-Za-z])\d+(\.\d+)?[eE][+-]?\d+(?![0-9A-Za-z])", text)


def test_decision_log_never_prints_scientific_notation(tmp_path: Path) -> None:
    from archplan.report.decision_log import decision_log_section

    ws_dir = make_workspace(
        tmp_path,
        "- {id: x, option: saas, name: X, category: build, nature: one-off, start: 2026, "
        "amount: 1000}",
        assumptions="  odd_amount: {value: 2181818.18, unit: 円}\n",
    )
    record = ws_dir / "decisions" / "0002-inspection-system-delivery-model.md"
    text = record.read_text(encoding="utf-8")
    assert "    users: 45\n" in text
    text = text.replace("    users: 45\n", "    users: 45\n    odd_amount: 2181818.18\n", 1)
    record.write_text(text, encoding="utf-8")
    html = decision_log_section(load_workspace(ws_dir), date(2026, 9, 1))
    assert "2,181,818.18" in html
    assert not re.search(r"\d(\.\d+)?[eE][+-]?\d", BeautifulSoup(html, "html.parser").get_text())


# --- contents ----------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "kind"), DOCS)
def test_every_section_is_in_the_contents_with_a_working_link(
    documents: dict[tuple[str, str], Path], name: str, kind: str
) -> None:
    doc = soup(documents[(name, kind)])
    nav = doc.select_one("nav.ap-toc")
    assert nav is not None
    links = [(a["href"], a.get_text(" ", strip=True)) for a in nav.find_all("a")]
    ids = {el["id"] for el in doc.find_all(id=True)}
    for href, _ in links:
        assert href.startswith("#") and href[1:] in ids, href
    headings = [h for h in doc.find_all("h2") if h.find_parent("nav") is None]
    assert len(headings) >= 7
    for h in headings:
        assert h.get("id"), f"section without an anchor: {h.get_text()}"
        assert (f"#{h['id']}", h.get_text(" ", strip=True)) in links, h.get_text()


# --- a pack a successor can act on -----------------------------------------------------------


def test_handover_shows_the_comparison_basis_and_the_explanation(
    documents: dict[tuple[str, str], Path],
) -> None:
    from archplan.compare import build_problem, rank
    from archplan.report.comparison import _method

    ws = load_workspace(EXAMPLES / "food-lab")
    doc = soup(documents[("food-lab", "handover")])
    text = doc.get_text(" ")
    for c in ws.criteria:
        assert c.name in text
    # Weights as the workspace gives them (criteria.yaml: cost 30, residency 10 …).
    crit = doc.find("h2", id="comparison").find_next("table")
    _, body = rows_of(crit)
    assert [r[-1] for r in body][:2] == ["30.0%", "10.0%"]
    result = rank(build_problem(ws), _method(ws))
    assert result.explain(language="ja") in doc.find(class_="ap-explain").get_text()
    assert doc.find("table", class_="ap-ranking") is not None
    assert "データの国内保管：×は許容されない" in doc.find("table", class_="ap-excluded").get_text()


def test_handover_traces_every_item_input_to_the_register_or_the_settings(
    documents: dict[tuple[str, str], Path],
) -> None:
    for name in EXAMPLE_NAMES:
        ws = load_workspace(EXAMPLES / name)
        doc = soup(documents[(name, "handover")])
        ids = {el["id"] for el in doc.find_all(id=True)}
        items = doc.find("table", class_="ap-items")
        assert items is not None
        _, body = rows_of(items)
        assert len(body) == len(ws.cost_items)
        used = {
            v.assumption
            for i in ws.cost_items
            for v in (i.amount, i.quantity, i.unit_price, i.growth, i.escalation)
            if v is not None and v.assumption
        }
        hrefs = {a["href"][1:] for a in items.find_all("a")}
        for a in used:
            target = next(h for h in hrefs if doc.find(id=h).get_text() == a)
            assert target in ids
        settings_text = doc.find("table", class_="ap-settings").get_text(" ")
        assert "10%" in settings_text  # consumption tax since 2019-10-01
    # The population figures behind shared-platform's split (archplan.yaml).
    doc = soup(documents[("shared-platform", "handover")])
    _, body = rows_of(doc.find("table", class_="ap-parties"))
    assert body[0][:2] == ["Kita City", "182,000"]
    assert body[1][:2] == ["Minami City", "96,500"]


def test_text_columns_are_not_aligned_as_numbers(documents: dict[tuple[str, str], Path]) -> None:
    doc = soup(documents[("food-lab", "handover")])
    table = doc.find("table", class_="ap-assumptions")
    head = table.select("thead th")
    assert ["num" in (h.get("class") or []) for h in head] == [
        False,
        True,
        False,
        False,
        False,
        False,
        False,
    ]


def test_an_overdue_proposal_is_flagged() -> None:
    from archplan.report.handover import decided_and_open

    ws = load_workspace(EXAMPLES / "food-lab")  # ADR-0003: proposed, dated 2026-08-01
    late = decided_and_open(ws, date(2026, 9, 1))
    on_time = decided_and_open(ws, date(2026, 7, 1))
    assert "決定遅延：決定日（2026-08-01）を過ぎても提案中" in late
    assert "決定遅延" not in on_time


def test_recommendation_status_names_the_accepted_record(
    documents: dict[tuple[str, str], Path],
) -> None:
    # food-lab: ADR-0002 accepted saas; ADR-0003 (proposed) merely relates to it.
    for kind in KINDS:
        text = soup(documents[("food-lab", kind)]).get_text(" ")
        assert "検査情報管理SaaSの利用：承認（ADR-0002）" in text  # the one status word
        assert "提案（ADR-0003）" not in text


# --- the convention on generated workspaces -------------------------------------------------


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    amounts=st.lists(
        st.lists(st.integers(0, 3_000_000), min_size=5, max_size=5), min_size=3, max_size=3
    )
)
def test_generated_workspaces_print_one_figure_per_quantity(amounts: list[list[int]]) -> None:
    """Three options of items with arbitrary yen amounts per year: every section that
    prints an option's total or a year of it prints the independently expected figure."""
    from archplan.report.cost_sections import budget_section
    from archplan.report.decision_log import decision_log_section
    from archplan.report.sections import cost_summary_section, cost_tables_section

    options = ["saas", "gov-cloud", "onprem"]
    lines = []
    for k, (opt, years) in enumerate(zip(options, amounts, strict=True)):
        for j, amount in enumerate(years):
            category = ("build", "operation")[j % 2]
            lines.append(
                f"- {{id: i{k}{j}, option: {opt}, name: I{k}{j}, category: {category}, "
                f"nature: one-off, start: {2026 + j}, amount: {amount}}}"
            )
        lines.append(
            f"- {{id: r{k}, option: {opt}, name: R{k}, category: build, nature: recurring, "
            f"start: 2026, end: 2030, amount: {sum(years) % 997 + 1}}}"
        )
    lines.append(
        "- {id: o0, option: overseas-saas, name: O, category: build, nature: one-off, "
        "start: 2026, amount: 1}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        ws_dir = make_workspace(Path(tmp), "\n".join(lines))
        expected = expected_figures(ws_dir)
        ws = load_workspace(ws_dir)
        html = "".join(
            [
                cost_summary_section(ws),
                budget_section(ws),
                cost_tables_section(ws),
                decision_log_section(ws, date(2026, 9, 1)),
            ]
        )
        path = Path(tmp) / "doc.html"
        path.write_text(html, encoding="utf-8")
        found = collect(path, ws_dir)
    for (option, quantity), values in found.seen.items():
        assert {v for v, _ in values} == {expected[option][quantity]}, (option, quantity)
    for option in options:
        assert len(found.seen[(option, "total")]) >= 4
        assert all((option, y) in found.seen for y in range(2026, 2031))


def test_cost_explorer_shows_the_same_figures_and_no_sum_of_alternatives() -> None:
    from archplan.widgets import CostExplorer

    ws_path = EXAMPLES / "shared-platform"
    ex = CostExplorer(load_workspace(ws_path), ["user_growth"])
    expected = expected_figures(ws_path)
    assert {str(k): int(v) for k, v in ex.totals.items()} == {
        o: f["total"] for o, f in expected.items()
    }
    _, body = rows_of(BeautifulSoup(ex.table.value, "html.parser").find("table"))
    assert [r[0] for r in body] == [o.name for o in load_workspace(ws_path).options]


NUMERIC_CELL = re.compile(r"^((⚠ )?[▲-]?[\d,]+(\.\d+)?%?|—|P\d+|✓|⚠|)$")


@pytest.mark.parametrize(("name", "kind"), DOCS)
def test_only_numbers_are_aligned_as_numbers(
    documents: dict[tuple[str, str], Path], name: str, kind: str
) -> None:
    """Cells marked as numbers (right-aligned, one line) hold numbers; text columns
    (names, reasons, verdicts) are not right-aligned like numbers."""
    doc = soup(documents[(name, kind)])
    cells = doc.select("table.ap-table td.num")
    assert len(cells) > 50
    wrong = {
        (" ".join(td.find_parent("table").get("class")), td.get_text(" ", strip=True))
        for td in cells
        if not NUMERIC_CELL.match(td.get_text(" ", strip=True))
    }
    assert not wrong


def test_the_decision_log_flags_an_overdue_proposal_too() -> None:
    from archplan.report.decision_log import decision_log_section

    ws = load_workspace(EXAMPLES / "food-lab")  # ADR-0003: proposed, dated 2026-08-01
    late = decision_log_section(ws, date(2026, 9, 1))
    record = late[late.index('id="adr-0003"') :]
    assert "決定遅延：決定日（2026-08-01）を過ぎても提案中" in record
    assert "決定遅延" not in decision_log_section(ws, date(2026, 7, 1))
