"""Timing: the packaged end-of-life data, components.yaml, when to act, the cost of
waiting, the economic replacement interval and time triggers — against hand-worked dates
and amounts (fiscal-year boundaries, a support end on 31 March versus 1 April)."""

from __future__ import annotations

import gzip
import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from archplan import ArchplanError, InputError, WorkspaceError, load_workspace
from archplan.cli import main
from archplan.decisions.triggers import TriggerContext, evaluate_trigger
from archplan.timing.analysis import act_by, timing_events, timing_warnings
from archplan.timing.eol import build_bundle, load_eol, update_eol
from archplan.timing.waiting import cost_of_waiting, replacement_interval

HERE = Path(__file__).resolve().parent
SAMPLE = HERE / "eol_sample"
EXAMPLE = HERE.parent / "data" / "examples" / "food-lab"


# --- the end-of-life data -----------------------------------------------------------


def test_packaged_data_has_all_464_products_with_releases() -> None:
    data = load_eol()
    assert len(data) == 464
    assert all(p.releases for p in data.products.values())
    # Every release has a cycle, and every support date is a date, True, False or None.
    for p in data.products.values():
        for r in p.releases:
            assert r.cycle
            for v in (r.eoas, r.eol, r.eoes, r.release_date):
                assert v is None or isinstance(v, (date, bool))


def test_sample_files_are_read_as_written() -> None:
    bundle = build_bundle(SAMPLE)
    ws16 = next(r for r in bundle["products"]["windows-server"]["r"] if r["c"] == "2016")
    # As written in tests/eol_sample/windows-server.yaml.
    assert (ws16["eoas"], ws16["eol"], ws16["eoes"]) == ("2022-01-11", "2027-01-12", "2030-01-12")
    groovy = {r["c"]: r for r in bundle["products"]["apache-groovy"]["r"]}
    assert groovy["2.4"]["eol"] is True and groovy["2.4"]["eoas"] is True
    assert groovy["5.1"]["eol"] is False
    sql = {r["c"]: r for r in bundle["products"]["mssqlserver"]["r"]}
    assert sql["13.0-sp3"]["l"] == "2016 SP3" and sql["13.0-sp3"]["eoes"] == "2029-07-17"


def test_packaged_data_agrees_with_the_sample_files() -> None:
    data = load_eol()
    bundle = build_bundle(SAMPLE)
    for name, p in bundle["products"].items():
        for row in p["r"]:
            r = data.release(name, row["c"])
            eol = r.eol.isoformat() if isinstance(r.eol, date) else r.eol
            assert eol == row.get("eol"), (name, row["c"])


def test_update_writes_a_new_bundle_and_keeps_the_old_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "eol.json.gz"
    path, n = update_eol(SAMPLE, target)
    assert n == 4 and path == target
    bundle = json.loads(gzip.decompress(target.read_bytes()))
    assert set(bundle["products"]) == {
        "windows-server",
        "mssqlserver",
        "postgresql",
        "apache-groovy",
    }
    assert load_eol(target).release("postgresql", "14").eol == date(2026, 11, 12)
    before = target.read_bytes()
    with pytest.raises(ArchplanError, match=r"no endoflife\.date product files"):
        update_eol(tmp_path / "empty", target)
    assert target.read_bytes() == before


def test_cli_eol_update_and_show(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eol", "update", "--from", str(SAMPLE), "--to", str(tmp_path / "x.json.gz")]) == 0
    assert "4 products" in capsys.readouterr().out
    assert main(["eol", "show", "windows-server", "2016"]) == 0
    out = capsys.readouterr().out
    assert "security 2027-01-12" in out and "endoflife.date contributors (MIT)" in out
    assert main(["eol", "show", "postgre"]) == 1
    assert "nearest: postgresql" in capsys.readouterr().err


def test_lookup_by_alias_label_and_nearest_names() -> None:
    data = load_eol()
    assert data.product("redhat").name == "rhel"
    assert data.release("mssqlserver", "2016 SP3").cycle == "13.0-sp3"
    with pytest.raises(InputError, match="nearest: windows-server"):
        data.product("windows-servr")
    with pytest.raises(InputError, match="has no release '19x'"):
        data.release("postgresql", "19x")


# --- when to act: hand-worked dates -------------------------------------------------


def _workspace(tmp_path: Path, components: str, extra_items: str = "") -> Path:
    ws = tmp_path / "ws"
    shutil.copytree(EXAMPLE, ws)
    (ws / "components.yaml").write_text(components, encoding="utf-8")
    if extra_items:
        costs = ws / "costs.yaml"
        costs.write_text(costs.read_text(encoding="utf-8") + extra_items, encoding="utf-8")
    return ws


def _upgrade(fy: int | str) -> str:
    start = f'"{fy}"' if isinstance(fy, str) else str(fy)
    return f"""  - id: up
    option: onprem
    name: Upgrade
    category: software
    nature: one-off
    amount: 1000000
    start: {start}
"""


def _declared(end: str) -> str:
    return f"""current: onprem
components:
  - id: app
    name: App
    support: {{security: {end}}}
    options: [onprem]
    addressed_by: [up]
"""


@pytest.mark.parametrize(
    ("end", "upgrade", "covered", "fy"),
    [
        # Support ends 31 March 2027 (the last day of FY2026): an FY2026 upgrade is done
        # that day, in time; an FY2027 one is a year late.
        ("2027-03-31", 2026, True, 2026),
        ("2027-03-31", 2027, False, 2026),
        # Ending 1 April 2027 (the first day of FY2027): still an FY2027 end, and an
        # FY2027 upgrade (done 31 March 2028) is late; FY2026 is in time.
        ("2027-04-01", 2026, True, 2027),
        ("2027-04-01", 2027, False, 2027),
        # A month: done on the month's last day.
        ("2027-06-30", "2027-06", True, 2027),
        ("2027-06-29", "2027-06", False, 2027),
    ],
)
def test_fiscal_year_boundaries(
    tmp_path: Path, end: str, upgrade: int | str, covered: bool, fy: int
) -> None:
    ws = load_workspace(_workspace(tmp_path, _declared(end), _upgrade(upgrade)))
    ev = timing_events(ws)
    row = ev[(ev.option == "onprem") & (ev.component == "app")].iloc[0]
    assert row["date"] == date.fromisoformat(end)
    assert row["fy"] == fy
    assert bool(row["covered"]) is covered


def test_gap_days_when_nothing_is_planned(tmp_path: Path) -> None:
    # Support ends 2027-03-31, upgrade done 2028-03-31: unsupported 2027-04-01..2028-03-31,
    # 366 days (2028 is a leap year).
    ws = load_workspace(_workspace(tmp_path, _declared("2027-03-31"), _upgrade(2027)))
    ev = timing_events(ws)
    assert ev.loc[(ev.component == "app") & (ev.option == "onprem"), "gap_days"].iloc[0] == 366
    warnings = timing_warnings(ws)
    assert any("App" in w and "2027-03-31" in w and "366" in w for w in warnings)


def test_example_act_by_dates(tmp_path: Path) -> None:
    ws = load_workspace(EXAMPLE)
    t = act_by(ws, as_of=date(2026, 4, 1))
    # SQL Server 2016 SP3: security support ends 2026-07-14 (endoflife.date), 104 days
    # after 1 April 2026 (30 + 31 + 30 + 13).
    assert t.loc["saas", "date"] == date(2026, 7, 14)
    assert t.loc["saas", "days_left"] == 104
    assert not t.loc["saas", "covered"]
    # onprem pays extended support FY2026-FY2028 (to 2029-03-31) and upgrades in FY2028.
    assert t.loc["onprem", "covered"]
    ev = timing_events(ws)
    saas_db = ev[(ev.option == "saas") & (ev.component == "db")].iloc[0]
    # The current system runs for saas until its go-live (2027-04, options.yaml), so to
    # 2027-03-31: 2026-07-15 .. 2027-03-31 = 17 (Jul) + 31 + 30 + 31 + 30 + 31 (Aug–Dec)
    # + 31 + 28 + 31 (Jan–Mar) = 260 days.
    assert saas_db["gap_days"] == 260
    # gov-cloud goes live 2028-01: the database to 2027-12-31 is 260 + 275 (Apr–Dec 2027:
    # 30+31+30+31+31+30+31+30+31) = 535 days; the servers, maintained to 2027-03-31,
    # 275 days.
    gc = ev[ev.option == "gov-cloud"].set_index(["component", "kind"])["gap_days"]
    assert gc.loc[("db", "security_end")] == 535
    assert gc.loc[("server", "maintenance_end")] == 275
    assert t.loc["overseas-saas", "date"] is None


def test_extended_support_that_stops_too_early_is_a_gap(tmp_path: Path) -> None:
    comps = _declared("2027-03-31").replace(
        "    addressed_by: [up]\n", "    addressed_by: [up]\n    extended_support: [esu]\n"
    )
    esu = """  - id: esu
    option: onprem
    name: ESU
    category: maintenance
    nature: recurring
    amount: 100000
    start: 2027
    end: 2027
"""
    # ESU covers FY2027 (to 2028-03-31); the upgrade in FY2028 is done 2029-03-31: late.
    ws = load_workspace(_workspace(tmp_path, comps, _upgrade(2028) + esu))
    ev = timing_events(ws)
    row = ev[ev.option == "onprem"].iloc[0]
    assert row["deadline"] == date(2028, 3, 31)
    assert not row["covered"]


def test_components_are_optional_and_problems_are_located(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(EXAMPLE, ws)
    (ws / "components.yaml").unlink()
    assert load_workspace(ws).components == ()
    (ws / "components.yaml").write_text(
        "components:\n  - id: x\n    options: [onprem]\n", encoding="utf-8"
    )
    with pytest.raises(WorkspaceError) as info:
        load_workspace(ws)
    assert "components.yaml:2: components[0]: a software component needs" in info.value.render("en")


def test_declared_dates_override_the_data(tmp_path: Path) -> None:
    comps = """components:
  - id: os
    product: windows-server
    release: "2016"
    support: {security: 2028-01-11}
    options: [onprem]
"""
    ws = load_workspace(_workspace(tmp_path, comps))
    c = ws.components[0]
    assert c.security_end == date(2028, 1, 11) and c.extended_end == date(2030, 1, 12)
    assert c.declared == ("security",)
    from archplan import check_workspace

    _, notices = check_workspace(ws.root)
    assert (
        "components.yaml: os: declared security date 2028-01-11 overrides the end-of-life "
        "data (2027-01-12)" in notices
    )


# --- the cost of waiting ------------------------------------------------------------


def test_cost_of_waiting_by_hand() -> None:
    ws = load_workspace(EXAMPLE)
    t = cost_of_waiting(ws, "saas")
    yearly = t.attrs["yearly"]
    # Current system running costs a year, tax-exclusive: maintenance 9,600,000
    # (assumption onprem_maintenance_yearly), data centre 250,000 × 12, extended support
    # 2,400,000 = 15,000,000; ×1.10 = 16,500,000.
    # The current system runs until the SaaS goes live (options.yaml: FY2027), so even
    # without delay it runs FY2026; each year of delay adds a year.
    assert t.loc[0, "current_system"] == 16_500_000
    assert t.loc[1, "current_system"] == 33_000_000
    assert t.loc[2, "current_system"] == 49_500_000
    # Starting in FY2027: FY2026 is the current system alone, and the SaaS's FY2026
    # year (setup + migration + a year of service) moves to FY2027.
    assert yearly.loc[2026, 1] == 16_500_000
    assert yearly.loc[2027, 1] == yearly.loc[2026, 0]
    # The whole SaaS plan moves a year (its service ends in FY2031, not FY2030): every
    # row buys the same four years of service, over the plan extended by its delay.
    assert yearly.loc[2031, 1] == yearly.loc[2030, 0] == 8_448_000
    assert yearly.loc[2031, 0] == 0 and t["years"].tolist() == [5, 6, 7]
    # So the extra is exactly a year of the current system (no escalation here), not a
    # year of the current system minus a year of SaaS service cut off by the plan's end.
    assert t.loc[1, "extra"] == 16_500_000
    assert t["option_cost"].tolist() == [49_742_000] * 3  # 15,950,000 + 4 × 8,448,000
    # NPV at 4 % (start convention) of the delayed flows, by hand.
    flows = yearly[1].tolist()
    assert t.loc[1, "npv"] == pytest.approx(sum(v / 1.04**k for k, v in enumerate(flows)))
    # The extra year of the current system falls in FY2027 (the year before the delayed
    # go-live), not FY2026: differences by year are FY2026 16,500,000 − 32,450,000 =
    # −15,950,000, FY2027 32,450,000 − 8,448,000 = 24,002,000 and FY2031 8,448,000 (the
    # last year of service, moved), so the extra's NPV is
    # −15,950,000 + 24,002,000 / 1.04 + 8,448,000 / 1.04^5.
    assert t.loc[1, "extra_npv"] == pytest.approx(
        -15_950_000 + 24_002_000 / 1.04 + 8_448_000 / 1.04**5
    )
    # EAC: the NPV spread over the row's six years, start-of-year payments at 4 %.
    annuity = sum(1 / 1.04**k for k in range(6))
    assert t.loc[1, "eac"] == pytest.approx(t.loc[1, "npv"] / annuity)


def test_waiting_on_a_change_moves_only_its_items() -> None:
    ws = load_workspace(EXAMPLE)
    t = cost_of_waiting(ws, "onprem", items=["op-os-upgrade"])
    assert t["total"].nunique() == 1  # the same money, later
    # Moving the FY2028 upgrade to FY2029 takes it past the extended support (to
    # 2029-03-31): the OS and the database are then uncovered.
    assert t.loc[0, "open_ends"] == 0 and t.loc[1, "open_ends"] == 2
    with pytest.raises(InputError):
        cost_of_waiting(ws, "onprem", delays=(5,))


def test_replacement_interval_by_hand() -> None:
    # Capital 1000, running 100/200/300/400, no discounting: EAC = (1000 + Σ)/n →
    # 1100, 650, 533.33, 500: replace every 4 years.
    t = replacement_interval(1000, [100, 200, 300, 400], 0.0)
    assert t.attrs["best"] == 4
    # At 10 %, running 100, 500, 900: PV(1) = 1000 + 90.909 = 1090.909 → EAC 1200;
    # PV(2) = 1090.909 + 413.223 = 1504.132 → EAC = 1504.132 × 0.1/(1 − 1.1^−2) = 866.667;
    # PV(3) = 1504.132 + 676.183 = 2180.316 → EAC = 876.737. Best: 2 years.
    t = replacement_interval(1000, [100, 500, 900], 0.10)
    assert t["eac"].round(3).tolist() == [1200.0, 866.667, 876.737]
    assert t.attrs["best"] == 2


# --- triggers -----------------------------------------------------------------------


def test_time_triggers_by_hand() -> None:
    ws = load_workspace(EXAMPLE)
    record = ws.decisions[1]
    ctx = TriggerContext(ws, date(2026, 4, 1))
    # 2026-04-01 → 2027-01-12: 30+31+30+31+31+30+31+30+31 (Apr–Dec) + 11 = 286 days.
    e = evaluate_trigger("days until support end of os < 300", record, ctx)
    assert (date(2027, 1, 12) - date(2026, 4, 1)).days == 286
    assert e.fired and "286" in e.because
    assert not evaluate_trigger("days until FY2027 < 365", record, ctx).fired  # exactly 365
    assert evaluate_trigger("days until FY2027 <= 365", record, ctx).fired
    assert not evaluate_trigger(
        "days until end of contract lims-contract < 1000", record, ctx
    ).fired
    with pytest.raises(InputError, match="nearest: os"):
        evaluate_trigger("days until support end of osx < 3", record, ctx)


def test_cli_timing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timing", str(EXAMPLE), "--as-of", "2026-04-01", "--option", "saas"]) == 0
    out = capsys.readouterr().out
    # 16,500,000 yen more for a year's delay (a year of the current system), in the
    # workspace's display unit (千円).
    assert "2026-07-14" in out and " 16,500 " in out and "endoflife.date contributors" in out
    assert "対応の期限（2026-04-01時点）" in out and "When to act" not in out  # food-lab is ja
    assert main(["check", str(EXAMPLE)]) == 0
    assert "警告：components.yaml：saas" in capsys.readouterr().out


# --- the report section, the roadmap, the handover calendar ---------------------------


def test_report_section_in_japanese() -> None:
    from archplan.report.timing import timing_section

    ws = load_workspace(EXAMPLE)
    html = timing_section(ws, as_of=date(2026, 4, 1))
    assert 'id="timing"' in html and "2026-07-14" in html and "令和8年度" in html
    # The cost of deciding a year later, in 千円. Starting now: the current system until
    # go-live 16,500 + set-up and migration 15,950 + four years of service 4 × 8,448 =
    # 66,242, of which the SaaS's plan 49,742 (its total in every other table). A year
    # later: two years of the current system 33,000 + the same 49,742, moved = 82,742,
    # i.e. +16,500 (a year of the current system; no year of service is cut off).
    assert "66,242" in html and "49,742" in html and "82,742" in html and "16,500" in html
    assert "74,294" not in html  # the old window that cut off the last year of service
    assert "endoflife.date contributors" in html and "<img" in html
    # Words archplan wrote are Japanese: no English sentence of the catalogue appears.
    assert "security support ends" not in html and "Covered by the plan" not in html


def test_report_section_in_english_without_japanese(tmp_path: Path) -> None:
    import re

    from archplan.report.timing import timing_section

    ws = load_workspace(HERE.parent / "data" / "examples" / "shared-platform")
    html = timing_section(ws, as_of=date(2026, 6, 1))
    assert "Timing: when to act" in html and "2026-11-12" in html
    assert "139 days unsupported" in html  # 2026-11-13 .. 2027-03-31
    text = re.sub(r"<[^>]+>|data:image/png;base64,[A-Za-z0-9+/=]+", "", html)
    assert not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text)


def test_roadmap_chart_and_handover_calendar() -> None:
    from archplan.report.handover import review_calendar
    from archplan.report.timing import roadmap_chart, roadmap_section

    ws = load_workspace(EXAMPLE)
    chart = roadmap_chart(ws, as_of=date(2026, 4, 1))
    assert chart.png().startswith(b"\x89PNG") and chart.title == "年度別ロードマップ"
    # A4 landscape proportions: wider than tall.
    w, h = chart.figure.get_size_inches()
    assert w > h
    assert 'class="ap-roadmap"' in roadmap_section(ws, as_of=date(2026, 4, 1))
    cal = review_calendar(ws, today=date(2026, 8, 1))
    # Support ends join the records' review dates in date order.
    order = [
        cal.index("2026-07-14"),  # database: ended (before today, inside the plan)
        cal.index("2026-12-31"),  # ADR-0003 review
        cal.index("2027-01-12"),  # OS security support
        cal.index("2027-03-31"),  # ADR-0002 review, server maintenance and life
        cal.index("2030-01-12"),  # OS extended support
    ]
    assert order == sorted(order)
    assert "サーバOS（Windows Server 2016）：セキュリティサポート終了" in cal
    assert "164日後" in cal  # 2026-08-01 → 2027-01-12


def test_footer_attribution_when_the_data_is_used() -> None:
    import nbformat

    from archplan.report.build import _attribution, export_html

    # In the workspace's language (food-lab is Japanese), the holder named as licensed.
    assert (
        _attribution(load_workspace(EXAMPLE))
        == "サポート終了日のデータ：endoflife.date contributors（MITライセンス）"
    )
    ws = load_workspace(HERE.parent / "data" / "examples" / "vaccine-booking")
    assert _attribution(ws) == ""
    page = export_html(
        nbformat.v4.new_notebook(), attribution=_attribution(load_workspace(EXAMPLE))
    )
    footer = page[page.index('class="ap-footer"') :]
    assert "endoflife.date contributors（MITライセンス）" in footer


def test_replacement_interval_of_the_example_server() -> None:
    import numpy_financial as npf

    from archplan.timing.waiting import replacement_intervals

    t = replacement_intervals(load_workspace(EXAMPLE))["server"]
    running = [2e6] * 5 + [3e6, 4.5e6, 6.75e6, 10.125e6]
    for n in (6, 7, 8):
        # PV = price + running costs at the end of each year of age, at 4 %.
        pv = 24e6 + sum(running[k] / 1.04 ** (k + 1) for k in range(n))
        eac = -npf.pmt(0.04, n, pv)  # payments at each year's end
        assert t.loc[n, "eac"] == pytest.approx(eac)
    assert t.attrs["best"] == 7  # the 5-year life plus ADR-0001's 2-year extension


def test_replacement_costs_are_validated(tmp_path: Path) -> None:
    comps = """components:
  - id: hw
    kind: hardware
    maintenance_end: 2028-03-31
    options: [onprem]
    replacement: {capital: 100, running: [1, two]}
  - id: hw2
    kind: hardware
    maintenance_end: 2028-03-31
    options: [onprem]
    replacement: {capital: 100, running: [1, 2], salvage: [1]}
"""
    with pytest.raises(WorkspaceError) as info:
        load_workspace(_workspace(tmp_path, comps))
    text = info.value.render("en")
    assert "components.yaml:6: components[0].replacement.running[1]: 'two' is not a number" in text
    assert "components.yaml:11: components[1].replacement.salvage: 1 values for 2 years" in text


def test_commitment_end_inside_the_plan(tmp_path: Path) -> None:
    from conftest import make_workspace

    items = """
        - {id: ops, option: onprem, name: Operation, category: operation, nature: recurring,
           amount: 1000000, start: 2026, end: 2028, contract: ops-3y}
        """
    d = make_workspace(
        tmp_path / "a", items, contracts="- {id: ops-3y, name: Ops, ceiling: 5000000}"
    )
    ev = timing_events(load_workspace(d))
    row = ev[ev.component == "ops-3y"].iloc[0]
    # The contract's items stop after FY2028: the commitment ends on 31 March 2029.
    assert (row["kind"], row["date"], row["fy"], bool(row["covered"])) == (
        "commitment_end",
        date(2029, 3, 31),
        2028,
        False,
    )
    # A successor item of the same category from the next day covers it.
    d2 = make_workspace(
        tmp_path / "b",
        items
        + """
        - {id: ops2, option: onprem, name: Operation (next), category: operation,
           nature: recurring, amount: 1000000, start: 2029, end: 2030}
        """,
        contracts="- {id: ops-3y, name: Ops, ceiling: 5000000}",
    )
    row = timing_events(load_workspace(d2)).iloc[0]
    assert bool(row["covered"]) and row["covered_by"] == "ops2"


def test_an_invalid_item_is_not_reported_again_by_components(tmp_path: Path) -> None:
    from archplan import check_workspace

    ws = tmp_path / "ws"
    shutil.copytree(EXAMPLE, ws)
    costs = ws / "costs.yaml"
    text = costs.read_text(encoding="utf-8")
    assert "    amount: 2400000\n" in text  # op-esu, named by components.yaml
    costs.write_text(text.replace("    amount: 2400000\n", "    amount: lots\n"), encoding="utf-8")
    problems, _ = check_workspace(ws)
    assert [p.file for p in problems] == ["costs.yaml"]


def test_a_list_of_options_means_the_new_ones_run_on_it_until_go_live(tmp_path: Path) -> None:
    """docs/timing.md: the new options use the current system's components until they go
    live. A user who writes ``options: [onprem]`` (or nothing) must get the gaps the
    explicit mapping gives (food-lab's mapping is exactly the months before go-live), plus
    those of any option the mapping leaves out (overseas-saas, live 2026-11)."""
    from archplan.timing import timing_events

    d = tmp_path / "ws"
    shutil.copytree(EXAMPLE, d)
    cy = d / "components.yaml"
    text = cy.read_text(encoding="utf-8")
    mapping = 'options: {onprem: null, saas: "2027-03", gov-cloud: "2027-12"}'
    assert text.count(mapping) == 3
    cy.write_text(text.replace(mapping, "options: [onprem]"), encoding="utf-8")
    listed = timing_events(load_workspace(d))
    mapped = timing_events(load_workspace(EXAMPLE))
    cols = ["option", "component", "kind", "date", "use_end", "covered", "gap_days"]
    keep = listed["option"] != "overseas-saas"
    assert listed[keep][cols].reset_index(drop=True).equals(mapped[cols].reset_index(drop=True))
    extra = listed[~keep]
    assert not extra.empty and set(extra["use_end"]) == {date(2026, 10, 31)}
