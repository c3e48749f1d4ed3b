"""Timing on workspaces written the way new users write them: product and release names
as people say them, the end-of-life data's awkward shapes (``eol: true``, ``eoes: true``,
codename labels, service packs, LTS), extended support bought for an end before the plan,
and the cost of waiting — every date and amount worked by hand below.

Support dates asserted here are the vendors' published ones (Microsoft, Red Hat, the
PostgreSQL and Apache Tomcat projects, Canonical), not read back from the packaged data.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from archplan import InputError, WorkspaceError, load_workspace
from archplan.cli import main
from archplan.timing.analysis import act_by, timing_events, timing_warnings
from archplan.timing.eol import load_eol, update_eol
from archplan.timing.waiting import cost_of_waiting
from archplan.workspace import check_workspace

HERE = Path(__file__).resolve().parent
TAX = HERE / "timing_ws" / "tax-collection"  # en, FY2026-2031, on-premises current system
KENSHIN = HERE / "timing_ws" / "kenshin"  # ja, FY2027-2031, a web stack


# --- names as people write them -------------------------------------------------------


@pytest.mark.parametrize(
    ("product", "release", "name", "cycle", "security_end"),
    [
        ("Windows Server", "2016", "windows-server", "2016", date(2027, 1, 12)),
        ("windows-server", "2016", "windows-server", "2016", date(2027, 1, 12)),
        ("Windows Server", "Windows Server 2019", "windows-server", "2019", date(2029, 1, 9)),
        ("Windows Server", "2012 R2", "windows-server", "2012-r2", date(2023, 10, 10)),
        # SQL Server 2016 is read as SP3, the only service pack still supported (Microsoft:
        # 14 July 2026), not as the original release (ended 9 January 2018).
        ("SQL Server", "2016", "mssqlserver", "13.0-sp3", date(2026, 7, 14)),
        ("Microsoft SQL Server", "2019", "mssqlserver", "15.0", date(2030, 1, 8)),
        ("SQL Server", "2017", "mssqlserver", "14.0", date(2027, 10, 12)),
        ("RHEL", "8", "rhel", "8", date(2029, 5, 31)),
        ("RHEL", "8.6", "rhel", "8", date(2029, 5, 31)),
        ("Red Hat Enterprise Linux", "7", "rhel", "7", date(2024, 6, 30)),
        ("PostgreSQL", "12", "postgresql", "12", date(2024, 11, 21)),
        ("postgres", "12.15", "postgresql", "12", date(2024, 11, 21)),
        ("Oracle Database", "19c", "oracle-database", "19", date(2029, 12, 31)),
        ("Ubuntu", "20.04 LTS", "ubuntu", "20.04", date(2025, 5, 31)),
        ("Ubuntu", "focal", "ubuntu", "20.04", date(2025, 5, 31)),
        ("Tomcat", "9", "tomcat", "9.0", date(2027, 3, 31)),
        ("oracle-jdk", "1.8", "oracle-jdk", "8", date(2022, 3, 31)),
        ("ＲＨＥＬ", "９", "rhel", "9", date(2032, 5, 31)),  # full-width, as typed in Japanese
        # Visual Studio 2019 is 16.0 … 16.11; only the last is still supported (Microsoft:
        # 10 April 2029).
        ("Visual Studio", "2019", "visual-studio", "16.11", date(2029, 4, 10)),
        (".NET Core", "3.1", "dotnet", "3.1", date(2022, 12, 13)),
        ("SUSE Linux Enterprise Server", "15 SP5", "sles", "15.5", date(2024, 12, 31)),
        # An edition after the release.
        ("Windows Server", "2019 Datacenter", "windows-server", "2019", date(2029, 1, 9)),
        ("Oracle Database", "19c Enterprise Edition", "oracle-database", "19", date(2029, 12, 31)),
        ("SQL Server", "2016 Standard", "mssqlserver", "13.0-sp3", date(2026, 7, 14)),
    ],
)
def test_names_as_people_write_them(
    product: str, release: str, name: str, cycle: str, security_end: date
) -> None:
    data = load_eol()
    p = data.product(product)
    r = p.release(release)
    assert (p.name, r.cycle, r.eol) == (name, cycle, security_end)


def test_the_dot_net_framework_has_no_announced_end() -> None:
    # .NET Framework 4.8 follows the Windows it runs on: the data says false (no end).
    r = load_eol().product(".NET Framework").release("4.8")
    assert r.eol is False


def test_product_and_release_written_together() -> None:
    data = load_eol()
    cases = {
        "Windows Server 2016": ("windows-server", "2016"),
        "Ubuntu 20.04 LTS": ("ubuntu", "20.04 LTS"),
        "Oracle Database 19c": ("oracle-database", "19c"),
        "Microsoft SQL Server 2019": ("mssqlserver", "2019"),
    }
    for text, (name, rest) in cases.items():
        got = data.split(text)
        assert got is not None and (got[0].name, got[1]) == (name, rest), text
    assert data.split("Java 8") is None  # no product is called Java


def test_unknown_names_come_with_the_nearest_ones() -> None:
    data = load_eol()
    with pytest.raises(InputError, match="nearest: oracle-jdk, eclipse-temurin, amazon-corretto"):
        data.product("Java")
    with pytest.raises(InputError, match="nearest: windows-server"):
        data.product("Windows Servr")
    # Oracle 12c is two releases; Tomcat 10 is 10.0 (ended) or 10.1: name both, pick none.
    with pytest.raises(InputError, match=r"nearest: 12\.2 \(12c Release 2\), 12\.1"):
        data.release("oracle-database", "12c")
    with pytest.raises(InputError, match=r"nearest: 10\.1, 10\.0"):
        data.release("tomcat", "10")
    # Two releases answer to the same spelling: both are named.
    with pytest.raises(InputError, match=r"could be any of 11-24h2-e-lts .*11-24h2-e "):
        data.release("windows", "11 24h2 e")


def test_the_original_release_is_still_there_by_its_cycle() -> None:
    sql = load_eol().product("mssqlserver")
    assert sql.find("13.0") == (sql.release("13.0"), "")
    assert sql.release("13.0").eol == date(2018, 1, 9)
    assert sql.find("2016")[1] == "sp" and sql.find("2019")[1] == "name"


# --- a user's workspace: notes, located errors ---------------------------------------


def _copy(src: Path, tmp_path: Path) -> Path:
    ws = tmp_path / src.name
    shutil.copytree(src, ws)
    return ws


def test_loose_readings_are_said_in_the_workspace_language(tmp_path: Path) -> None:
    problems, notices = check_workspace(TAX)
    assert problems == []
    assert (
        "components.yaml: db: release '2016' of mssqlserver read as 13.0-sp3 (2016 SP3), its "
        "latest service pack (write another release cycle to choose it)" in notices
    )
    assert (
        "components.yaml: os: product 'Windows Server' read as windows-server "
        "(Microsoft Windows Server)" in notices
    )
    ws = load_workspace(TAX)
    db = next(c for c in ws.components if c.id == "db")
    assert (db.product, db.release, db.security_end) == (
        "mssqlserver",
        "13.0-sp3",
        date(2026, 7, 14),
    )
    os_ = next(c for c in ws.components if c.id == "os")
    assert os_.name == "Windows Server 2016"  # not "Microsoft Windows Server Windows Server 2016"
    # In Japanese (the kenshin workspace): the note is Japanese.
    assert main(["check", str(KENSHIN)]) == 0


def test_check_notes_in_japanese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(KENSHIN)]) == 0
    out = capsys.readouterr().out
    assert "注意：components.yaml：os：製品'Ubuntu 20.04 LTS'をubuntu（Ubuntu）のリリース" in out
    assert "tomcatのリリース'9'を9.0として読んだ" in out
    assert "read as" not in out and "overrides" not in out


def test_release_written_as_a_yaml_number_is_read_as_written() -> None:
    # "release: 3.10" is the float 3.1 to YAML; Python 3.10 ends 2026-10-31, 3.1 in 2012.
    ws = load_workspace(KENSHIN)
    py = next(c for c in ws.components if c.id == "py")
    assert (py.release, py.security_end) == ("3.10", date(2026, 10, 31))


def test_java_is_a_located_error_naming_the_vendors(tmp_path: Path) -> None:
    ws = _copy(KENSHIN, tmp_path)
    path = ws / "components.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Temurin", "Java"), "utf-8")
    with pytest.raises(WorkspaceError) as exc:
        load_workspace(ws)
    (p,) = exc.value.problems
    assert (p.file, p.line, p.field) == ("components.yaml", 13, "components[2].product")
    assert "oracle-jdk, eclipse-temurin" in p.message


def test_a_product_without_release_that_names_none_is_located(tmp_path: Path) -> None:
    ws = _copy(KENSHIN, tmp_path)
    path = ws / "components.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Ubuntu 20.04 LTS", "Ubuntoo 20.04"), "utf-8"
    )
    with pytest.raises(WorkspaceError) as exc:
        load_workspace(ws)
    (p,) = exc.value.problems
    assert (p.line, p.field) == (3, "components[0]")
    assert "'product' and 'release' go together" in p.message


# --- when to act, by hand ------------------------------------------------------------


def _event(ws_path: Path, option: str, component: str, kind: str = "security_end") -> dict:
    ev = timing_events(load_workspace(ws_path))
    rows = ev[(ev.option == option) & (ev.component == component) & (ev.kind == kind)]
    assert len(rows) == 1
    return dict(rows.iloc[0])


def test_extended_support_bought_from_the_plans_first_day_covers_an_earlier_end() -> None:
    # RHEL 7 security support ended 2024-06-30, before the plan (FY2026 = 2026-04-01).
    # ELS from FY2026 counts (it could not be bought inside the plan any earlier), capped
    # at Red Hat's ELS end 2029-05-31; onprem runs to 2032-03-31 with no upgrade: the gap
    # is 2029-06-01 .. 2032-03-31 = 365 + 365 + 305 = 1035 days.
    e = _event(TAX, "onprem", "linux")
    assert (e["date"], e["deadline"], e["covered"], e["gap_days"]) == (
        date(2024, 6, 30),
        date(2029, 5, 31),
        False,
        1035,
    )
    # Third-party hardware maintenance from FY2026 covers the 2024-09-30 maintenance end
    # to the plan's end.
    m = _event(TAX, "onprem", "server", "maintenance_end")
    assert (m["covered"], m["deadline"]) == (True, date(2032, 3, 31))
    # The refresh budgeted in September 2026 is done on 2026-09-30, the last day of the
    # servers' 7-year life (bought 2019-10-01): in time, on the day.
    life = _event(TAX, "onprem", "server", "life_end")
    assert (life["date"], life["covered"], life["covered_by"]) == (
        date(2026, 9, 30),
        True,
        "op-hw-refresh",
    )


def test_act_by_names_the_end_of_extended_support_and_skips_covered_history() -> None:
    t = act_by(load_workspace(TAX), as_of=date(2026, 4, 1))
    # onprem: the maintenance end of 2024 is covered (history); the first end to act on
    # is SQL Server 2016 SP3's, 2026-07-14, covered by ESU: 104 days from 1 April.
    r = t.loc["onprem"]
    assert (r["date"], bool(r["covered"]), int(r["days_left"]), int(r["open"])) == (
        date(2026, 7, 14),
        True,
        104,
        2,
    )
    ws = load_workspace(TAX)
    gone = ("db-esu", "os-esu", "op-hw-refresh")
    ws = dataclasses.replace(ws, cost_items=tuple(i for i in ws.cost_items if i.id not in gone))
    t = act_by(ws, as_of=date(2026, 4, 1))
    # Without ESU or the refresh the earliest open end is SQL Server's 2026-07-14 (its
    # upgrade in FY2028 is late), before the servers' life end 2026-09-30.
    assert t.loc["onprem", "date"] == date(2026, 7, 14)
    assert not t.loc["onprem", "covered"]


def test_act_by_when_only_extended_support_ends_too_early() -> None:
    ws = load_workspace(TAX)
    keep = {"op-run", "rhel-els"}
    ws = dataclasses.replace(
        ws,
        cost_items=tuple(i for i in ws.cost_items if i.option != "onprem" or i.id in keep),
        components=tuple(c for c in ws.components if c.id == "linux"),
    )
    r = act_by(ws, as_of=date(2026, 4, 1)).loc["onprem"]
    # The act-by date is the end of the ELS bought, 2029-05-31: 1156 days after 2026-04-01.
    assert (r["date"], int(r["days_left"]), bool(r["covered"])) == (
        date(2029, 5, 31),
        1156,
        False,
    )
    assert r["what"] == "Red Hat Enterprise Linux 7: paid extended support ends"


def test_fiscal_year_boundary_the_day_before_and_the_first_day_of_the_plan() -> None:
    # The kenshin plan starts 2027-04-01 (FY2027). Tomcat 9.0 support ends 2027-03-31:
    # FY2026, not in the plan; its FY2027 upgrade is done 2028-03-31, 366 days late
    # (2028 is a leap year). The application's declared end 2027-04-01 is FY2027, in the
    # plan; its fix budgeted for April 2027 is done 2027-04-30, 29 days late.
    tomcat = _event(KENSHIN, "genko", "ap")
    assert (tomcat["fy"], tomcat["in_plan"], tomcat["gap_days"]) == (2026, False, 366)
    app = _event(KENSHIN, "genko", "app")
    assert (app["fy"], app["in_plan"], app["gap_days"]) == (2027, True, 29)
    from archplan.timing.gaps import open_gaps

    g = open_gaps(load_workspace(KENSHIN)).set_index(["option", "component"])
    assert int(g.loc[("genko", "ap"), "late_days"]) == 366
    assert int(g.loc[("genko", "app"), "late_days"]) == 29
    assert g.loc[("genko", "app"), "fix_done"] == date(2027, 4, 30)


def test_tricky_shapes_of_the_data() -> None:
    ws = load_workspace(KENSHIN)
    comps = {c.id: c for c in ws.components}
    # jQuery 1: eol true (ended, undated) and eoes false (not ended): no extended date.
    assert comps["ui"].security_end is True and comps["ui"].extended_end is None
    # Hibernate ORM 5.6: eoes true — its extended support has ended, so the paid items
    # listed under extended_support extend nothing: the gap runs from 2023-02-07 to
    # 2032-03-31, 3341 days.
    assert comps["orm"].extended_end is True
    orm = _event(KENSHIN, "genko", "orm")
    assert (orm["covered"], orm["deadline"], orm["gap_days"]) == (False, date(2023, 2, 6), 3341)
    # jQuery's undated end: unsupported for the whole plan, 2027-04-01 .. 2032-03-31 =
    # 5 × 365 + 2 leap days = 1827 days.
    ui = _event(KENSHIN, "genko", "ui")
    assert (ui["date"], ui["gap_days"]) == (None, 1827)
    # Ubuntu 20.04: ESM from FY2027 to the end of Canonical's ESM 2030-04-02, then open:
    # 2030-04-03 .. 2032-03-31 = 729 days.
    os_ = _event(KENSHIN, "genko", "os")
    assert (os_["deadline"], os_["gap_days"]) == (date(2030, 4, 2), 729)
    _, notices = check_workspace(KENSHIN)
    assert any("orm" in n and "has ended (no date published)" in n for n in notices)


def test_an_undated_end_is_not_shown_as_nothing_ending(
    capsys: pytest.CaptureFixture[str],
) -> None:
    t = act_by(load_workspace(KENSHIN), as_of=date(2027, 1, 1))
    assert t.loc["genko", "date"] is None and t.loc["genko", "what"]
    assert main(["timing", str(KENSHIN), "--as-of", "2027-01-01"]) == 0
    out = capsys.readouterr().out
    section = out.split("対応の期限")[1].split("\n\n")[0]
    assert "終了済み（日付なし）" in section and "jQuery 1" in section
    assert "計画期間中に終了するものはない" not in section


def test_warning_says_extended_support_stops_before_the_option() -> None:
    w = [x for x in timing_warnings(load_workspace(TAX)) if "onprem keeps running Red Hat" in x]
    assert w == [
        "components.yaml: onprem keeps running Red Hat Enterprise Linux 7 past the day its "
        "security support ends (2024-06-30) until 2032-03-31; the extended support planned "
        "ends on 2029-05-31 and nothing is planned after it (1035 days unsupported); add an "
        "upgrade or replacement item done by 2029-05-31 and list it under addressed_by"
    ]


# --- the cost of waiting, by hand ----------------------------------------------------


def test_cost_of_waiting_for_the_saas_by_hand() -> None:
    # The SaaS (go-live 2028-04): setup 20,000,000 in FY2027 and 1,000,000 a month from
    # FY2028 to FY2031, tax-exclusive, 10 % tax: 22,000,000 + 4 × 13,200,000 = 74,800,000.
    # Meanwhile the current system's recurring items run until go-live (FY2026 and
    # FY2027): operations 12,000,000 + hardware maintenance 3,000,000 + Windows ESU
    # 4,000,000 + SQL Server ESU 5,000,000 + RHEL ELS 1,500,000 + e-filing 2,400,000 =
    # 27,900,000 a year, 30,690,000 with tax; two years: 61,380,000.
    # One year later: three years of it (92,070,000). Two years later: FY2029 has no SQL
    # Server ESU (it ends FY2028): 22,900,000 × 1.1 = 25,190,000 more, 117,260,000.
    t = cost_of_waiting(load_workspace(TAX), "saas")
    assert t["option_cost"].tolist() == [74_800_000] * 3
    assert t["current_system"].tolist() == [61_380_000, 92_070_000, 117_260_000]
    assert t["total"].tolist() == [136_180_000, 166_870_000, 192_060_000]
    assert t["extra"].tolist() == [0, 30_690_000, 55_880_000]
    # NPV at 4 %, the first year at time 0: 30.69 + 52.69/1.04 + 13.2 × (1/1.04² + … +
    # 1/1.04⁵) million.
    npv = 30_690_000 + 52_690_000 / 1.04 + sum(13_200_000 / 1.04**k for k in range(2, 6))
    assert t.loc[0, "npv"] == pytest.approx(npv, abs=1)
    assert round(npv) == 127_425_209


# --- eol update from an older copy ---------------------------------------------------


def test_update_reads_an_older_copy_with_the_booleans_turned_round(tmp_path: Path) -> None:
    # Before April 2024 endoflife.date wrote "support" and "extendedSupport" where it now
    # writes "eoas" and "eoes", with booleans the other way round: "support: true" meant
    # still supported (now "eoas: false"); "extendedSupport: false" meant none offered.
    src = tmp_path / "products"
    src.mkdir()
    (src / "legacydb.md").write_text(
        "---\ntitle: Legacy DB\ncategory: database\nreleases:\n"
        "  - releaseCycle: '3'\n    release: 2020-01-01\n    support: true\n    eol: false\n"
        "    extendedSupport: true\n"
        "  - releaseCycle: '2'\n    releaseDate: 2015-01-01\n    support: 2018-01-31\n"
        "    eol: 2020-12-31\n    extendedSupport: 2023-12-31\n"
        "  - releaseCycle: '1'\n    releaseDate: 2010-01-01\n    support: false\n    eol: true\n"
        "    extendedSupport: false\n"
        "---\n\n> Body text.\n",
        encoding="utf-8",
    )
    target = tmp_path / "eol.json.gz"
    update_eol(src, target)
    rows = {
        r["c"]: r
        for r in json.loads(gzip.decompress(target.read_bytes()))["products"]["legacydb"]["r"]
    }
    assert rows["3"] == {
        "c": "3",
        "releaseDate": "2020-01-01",
        "eoas": False,
        "eol": False,
        "eoes": False,
    }
    assert (rows["2"]["eoas"], rows["2"]["eoes"]) == ("2018-01-31", "2023-12-31")
    assert rows["1"]["eoas"] is True and "eoes" not in rows["1"]
    r = load_eol(target).release("Legacy DB", "1")
    assert (r.eol, r.eoas, r.eoes) == (True, True, None)


# --- time triggers -------------------------------------------------------------------


def test_time_triggers_by_hand_including_an_end_that_passed_undated() -> None:
    from archplan.decisions.triggers import TriggerContext, evaluate_trigger

    ws = load_workspace(KENSHIN)
    record = ws.decisions[0]
    ctx = TriggerContext(ws, date(2026, 12, 1))
    # Tomcat 9.0 ends 2027-03-31: from 2026-12-01, 30 (Dec) + 31 + 28 + 31 = 120 days.
    e = evaluate_trigger("days until support end of ap < 180", record, ctx)
    assert e.fired and "まであと120日" in e.because
    assert not evaluate_trigger("days until support end of ap < 120", record, ctx).fired
    # FY2028 starts 2028-04-01: 365 days to 2027-12-01, then 31 + 31 + 29 (2028 is a leap
    # year) + 31 = 122: 487 days away.
    assert not evaluate_trigger("days until FY2028 < 487", record, ctx).fired
    assert evaluate_trigger("days until FY2028 <= 487", record, ctx).fired
    # jQuery 1 ended without a published date: fewer days away than any limit.
    e = evaluate_trigger("days until support end of ui < 30", record, ctx)
    assert (
        e.fired and e.because == "jQuery 1：セキュリティサポート終了は過ぎている（日付の公表なし）"
    )
    assert not evaluate_trigger("days until end of ui > 0", record, ctx).fired


def test_time_trigger_errors_in_japanese() -> None:
    from archplan.decisions.triggers import TriggerContext, evaluate_trigger
    from archplan.messages import localize

    ws = load_workspace(KENSHIN)
    ctx = TriggerContext(ws, date(2026, 12, 1))
    with pytest.raises(InputError) as exc:
        evaluate_trigger("days until end of contract keiyaku < 90", ws.decisions[0], ctx)
    assert localize(str(exc.value), "ja") == (
        "不明な契約'keiyaku'（components.yamlにもcosts.yamlにも契約がない）"
    )
    with pytest.raises(InputError) as exc:
        evaluate_trigger("days until support end of tomcat < 90", ws.decisions[0], ctx)
    assert localize(str(exc.value), "ja").startswith("不明な構成要素'tomcat'（既知：os, db,")


def test_roadmap_says_which_components_ended_before_it_begins() -> None:
    from archplan.report.timing import roadmap_chart

    chart = roadmap_chart(load_workspace(KENSHIN), as_of=date(2026, 11, 30))
    texts = [t.get_text() for t in chart.figure.axes[0].texts]
    # The chart begins with FY2026 (2026-04-01): PostgreSQL 12 (2024-11-21) and Hibernate
    # ORM 5.6 (2023-02-06) ended before it, jQuery 1 ended undated; Tomcat 9.0 (2027-03-31)
    # is drawn as a bar, not noted.
    assert "⚠ サポート終了済み：2024-11-21" in texts
    assert "⚠ サポート終了済み：2023-02-06" in texts
    assert "⚠ サポート終了済み（日付の公表なし）" in texts
    assert not any("2027-03-31" in t for t in texts)


def test_open_question_says_the_extended_support_stops_too_early() -> None:
    from archplan.timing.gaps import open_gap_sentences

    s = [x for x in open_gap_sentences(load_workspace(KENSHIN)) if "Ubuntu" in x]
    assert s[0] == (
        "現行システムの延命：Ubuntu 20.04 'Focal Fossa'をセキュリティサポート終了（2025-05-31）"
        "の後も使う。計画された延長サポートは2030-04-02で終わり、その後729日間サポートのない"
        "まま使う。対応は計画されていない"
    )


def test_update_names_the_commit_and_its_date(tmp_path: Path) -> None:
    src = tmp_path / "copy"
    (src / "products").mkdir(parents=True)
    shutil.copy(HERE / "eol_sample" / "postgresql.yaml", src / "products")
    (src / "SOURCE.txt").write_text(
        "From the endoflife.date project (commit 0123456789abcdef0123456789abcdef01234567,\n"
        "2027-02-01), MIT licence.\n",
        encoding="utf-8",
    )
    target = tmp_path / "eol.json.gz"
    update_eol(src, target)
    assert load_eol(target).source == (
        "endoflife.date commit 0123456789abcdef0123456789abcdef01234567 (2027-02-01)"
    )


def test_cost_of_waiting_with_a_go_live_mid_year_by_hand() -> None:
    # Rehost (go-live 2027-10): build 60,000,000 (FY2026) + migration 10,000,000 (FY2027)
    # + running 9,000,000 a year from October 2027 (half of FY2027, then four full years:
    # 40,500,000) = 110,500,000; with tax 121,550,000.
    # The current system runs to September 2027: FY2026 in full (27,900,000) and half of
    # FY2027 (13,950,000) = 41,850,000; with tax 46,035,000.
    # A year later: to September 2028, + 13,950,000 + 13,950,000 → 69,750,000 (76,725,000).
    # Two years later: to September 2029, + 13,950,000 (rest of FY2028) + half of FY2029
    # without the SQL Server ESU that ends in FY2028 (22,900,000 / 2 = 11,450,000)
    # → 95,150,000 (104,665,000).
    t = cost_of_waiting(load_workspace(TAX), "cloud")
    assert t["option_cost"].tolist() == [121_550_000] * 3
    assert t["current_system"].tolist() == [46_035_000, 76_725_000, 104_665_000]
    assert t["total"].tolist() == [167_585_000, 198_275_000, 226_215_000]


def test_a_saas_contract_of_components_yaml_is_warned_about_there(tmp_path: Path) -> None:
    ws = _copy(TAX, tmp_path)
    with (ws / "components.yaml").open("a", encoding="utf-8") as fh:
        fh.write(
            "  - id: saas-contract\n    name: Tax SaaS contract\n    contract_start: 2028-04-01\n"
            "    term: 3\n    options: [saas]\n"
        )
    # Three years from 2028-04-01 end on 2031-03-31; the plan runs to 2032-03-31: 366 days
    # (2032 is a leap year) with no contract.
    w = [x for x in timing_warnings(load_workspace(ws)) if "Tax SaaS contract" in x]
    assert w == [
        "components.yaml: saas keeps running Tax SaaS contract past the day its contract ends "
        "(2031-03-31) until 2032-03-31 with nothing planned (366 days unsupported); add an "
        "upgrade or replacement item done by that day and list it under addressed_by, or add "
        "extended support"
    ]


def test_eol_show_takes_product_and_release_in_one_argument(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["eol", "--lang", "en", "show", "SQL Server 2016"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Microsoft SQL Server (mssqlserver); End-of-life data:")
    assert out[1].split() == [
        "13.0-sp3", "2016", "SP3", "released", "2021-09-15", "active", "2026-07-14",
        "security", "2026-07-14", "extended", "2029-07-17",
    ]  # fmt: skip
    assert main(["eol", "--lang", "ja", "show", "Java 8"]) == 1
    assert "近い名前：oracle-jdk, eclipse-temurin" in capsys.readouterr().err


def test_a_release_written_in_product_as_well(tmp_path: Path) -> None:
    ws = _copy(TAX, tmp_path)
    path = ws / "components.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "product: Windows Server\n", "product: Windows Server 2016\n"
        ),
        encoding="utf-8",
    )
    problems, notices = check_workspace(ws)
    assert problems == []
    assert (
        "components.yaml: os: product 'Windows Server 2016' read as windows-server "
        "(Microsoft Windows Server)" in notices
    )
    os_ = next(c for c in load_workspace(ws).components if c.id == "os")
    assert (os_.product, os_.release, os_.security_end) == (
        "windows-server",
        "2016",
        date(2027, 1, 12),
    )


def test_a_declared_date_overrides_the_data_and_says_so_in_japanese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = _copy(KENSHIN, tmp_path)
    path = ws / "components.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "    release: 12\n", "    release: 12\n    support: {security: 2025-11-13}\n"
        ),
        encoding="utf-8",
    )
    db = next(c for c in load_workspace(ws).components if c.id == "db")
    assert (db.security_end, db.declared) == (date(2025, 11, 13), ("security",))
    assert main(["check", str(ws)]) == 0
    out = capsys.readouterr().out
    assert (
        "注意：components.yaml：db：書かれたsecurityの期限2025-11-13がサポート終了データ"
        "（2024-11-21）より優先される"
    ) in out


def test_hardware_with_a_maintenance_term_in_years(tmp_path: Path) -> None:
    ws = _copy(TAX, tmp_path)
    path = ws / "components.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("    maintenance_end: 2024-09-30\n", "    maintenance_years: 5\n"), "utf-8"
    )
    # Bought 2019-10-01 with five years of maintenance: the last day is 2024-09-30.
    server = next(c for c in load_workspace(ws).components if c.id == "server")
    assert server.maintenance_end == date(2024, 9, 30)
    path.write_text(
        text.replace("    purchased: 2019-10-01\n", "")
        .replace("    useful_life: 7\n", "")
        .replace("    maintenance_end: 2024-09-30\n", "    maintenance_years: 5\n"),
        "utf-8",
    )
    with pytest.raises(WorkspaceError) as exc:
        load_workspace(ws)
    assert any("'maintenance_years' needs 'purchased'" in p.message for p in exc.value.problems)


def test_a_declared_false_means_no_end(tmp_path: Path) -> None:
    # A vendor contract keeps PostgreSQL 12 supported with no end: "security: false", as
    # the data writes it, removes the 2024-11-21 deadline, and says so.
    ws = _copy(KENSHIN, tmp_path)
    path = ws / "components.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "    release: 12\n", "    release: 12\n    support: {security: false}\n"
        ),
        encoding="utf-8",
    )
    _, notices = check_workspace(ws)
    assert (
        "components.yaml: db: declared no security end, overriding the end-of-life data "
        "(2024-11-21)" in notices
    )
    ev = timing_events(load_workspace(ws))
    assert ev[ev.component == "db"].empty


def test_the_review_calendar_lists_an_end_that_passed_undated() -> None:
    from archplan.report.timing import support_calendar_rows

    rows = support_calendar_rows(load_workspace(KENSHIN), date(2026, 12, 1))
    first = rows[0]
    # jQuery 1 (eol: true) is still used by both options: listed first, as passed.
    assert first[1] == "jQuery 1：セキュリティサポート終了"
    assert (first[2], first[3]) == ("終了済み（日付なし）", "終了済み")
    assert "現行システムの延命" in first[4] and "健診予約SaaS" in first[4]
    # Then the dated ends in date order, Hibernate ORM 5.6 (2023-02-06) the earliest.
    assert "Hibernate ORM 5.6" in rows[1][1] and "2023-02-06" in rows[1][2]


def test_warning_says_extended_support_listed_but_starting_too_late(tmp_path: Path) -> None:
    """ESU listed under extended_support but bought from after the end: the warning says
    why it does not count, instead of a bare "nothing planned" (a new user's case)."""
    ws_dir = tmp_path / "ws"
    shutil.copytree(TAX, ws_dir)
    costs = ws_dir / "costs.yaml"
    text = costs.read_text(encoding="utf-8")
    old = "amount: 4000000, start: 2026, end: 2029}"
    assert old in text
    costs.write_text(text.replace(old, "amount: 4000000, start: 2027-04, end: 2029}"), "utf-8")
    w = [x for x in timing_warnings(load_workspace(ws_dir)) if "Windows Server 2016" in x]
    assert any(
        "security support ends (2027-01-12)" in x
        and x.endswith("(the extended support listed, os-esu, starts 2027-04: too late to count)")
        for x in w
    ), w
    # bought in time, it is cover and no such remark is made
    assert not any("too late to count" in x for x in timing_warnings(load_workspace(TAX)))


def test_calendar_note_says_when_extended_support_stops() -> None:
    """The review calendar's note on an end that extended support carries past names the
    day the support stops, not just "not covered in time" (a new user read it as wrong)."""
    from archplan.timing.gaps import calendar_gap_notes

    notes = calendar_gap_notes(load_workspace(TAX), "en")
    assert (
        "Keep the on-premises system (extended support until 2030-01-12, nothing after)"
        in (notes[("os", "security_end")])
    )
    # an option with no extended support is named plainly
    assert notes[("db", "security_end")] == (
        "⚠ not covered in time by: Rehost on a government cloud, Tax collection SaaS"
    )
