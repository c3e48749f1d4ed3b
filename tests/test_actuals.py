"""Plan meets actuals: readers, mapping, reconciliation, analysis, triggers, report, export.

Figures are checked against hand calculations from the example's ledger (written in the
comments) and against an independent re-reading of the FOCUS files with the csv module
and Decimal; never against the code's own output.
"""

from __future__ import annotations

import csv
import shutil
from collections import defaultdict
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import pytest

from archplan import ArchplanError, WorkspaceError, load_workspace
from archplan.actuals import (
    budget_execution,
    contract_status,
    earned_value,
    monthly_plan,
    plan_vs_actual,
    reconciliation,
    year_summary,
)
from archplan.actuals.analysis import monthly_actual, plan_end_forecast
from archplan.actuals.synthetic import synthetic_focus
from archplan.cli import main
from archplan.costs import cost_table
from archplan.decisions.triggers import TriggerContext, evaluate_trigger, parse_trigger

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "data" / "examples"
VACCINE = EXAMPLES / "vaccine-booking"
SAMPLE = Path(__file__).resolve().parent / "focus_sample" / "focus-1.0-sample.csv"
RATES = {"2026-04": Decimal("152.30"), "2026-07": Decimal("148.90"), "2026-10": Decimal("150.10")}


@pytest.fixture(scope="module")
def ws():  # type: ignore[no-untyped-def]
    return load_workspace(VACCINE)


def _rate(month: str) -> Decimal:
    return [r for m, r in sorted(RATES.items()) if m <= month][-1]


def test_example_option_comes_from_the_accepted_record(ws) -> None:  # type: ignore[no-untyped-def]
    assert ws.actuals.option == "saas"
    assert ws.actuals.option_source == "decision 0001"
    assert ws.actuals.as_of_month() == "2026-10"


def test_ledger_figures_by_hand(ws) -> None:  # type: ignore[no-untyped-def]
    s = year_summary(ws)
    # saas-fee: (1,632,000 + 1,968,000 − 48,000) tax-exclusive × 1.10
    assert s.loc["saas-fee", "actual_to_date"] == 3_907_200
    # plan: 30,000 bookings × 48 yen × 1.10, September and October
    assert s.loc["saas-fee", "plan_to_date"] == 2 * 1_584_000
    assert s.loc["saas-fee", "variance_pct"] == pytest.approx(23.3)
    # setup: 4,950,000 + 5,401,600 tax-inclusive; the March row is outside the plan
    assert s.loc["saas-setup", "actual_to_date"] == 10_351_600
    assert s.loc["saas-setup", "first_overrun"] == "2026-08"
    # run rate: mean of the active months so far (Sep, Oct) × 5 planned months left
    assert s.loc["saas-support", "forecast_run_rate"] == 935_000 * 7
    assert s.loc["saas-fee", "forecast_run_rate"] == 3_907_200 + 3_907_200 // 2 * 5
    # the setup (one-off, paid) does not run on: its run rate is its actual
    assert s.loc["saas-setup", "forecast_run_rate"] == 10_351_600
    assert s.loc["total", "forecast_run_rate"] == s["forecast_run_rate"].drop("total").sum()
    by_option = year_summary(ws, by="option")
    assert by_option.loc["saas", "forecast_run_rate"] == s.loc["total", "forecast_run_rate"]
    assert s.loc["saas-support", "forecast_plan"] == 935_000 * 7
    assert s.loc["total", "budget"] == int(cost_table(ws, "saas").loc["total", 2026])
    # next year: nothing spent yet; the fee's run rate (Sep–Oct mean) over its 12 months
    nxt = year_summary(ws, fiscal_year=2027)
    assert nxt.loc["saas-fee", "forecast_run_rate"] == 3_907_200 // 2 * 12
    assert nxt.loc["saas-fee", "forecast_plan"] == 12 * 1_584_000


def _focus_yen_by_item() -> dict[str, dict[str, int]]:
    """The example's FOCUS file read with csv and Decimal, its three rules applied by hand:
    vaccine-dev → saas-link-build, then vaccine-prod or tag system=booking → saas-link."""
    sums: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    with (VACCINE / "actuals" / "focus-2026.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["SubAccountName"] == "vaccine-dev":
                item = "saas-link-build"
            elif row["SubAccountName"] == "vaccine-prod" or '"booking"' in (row["Tags"] or ""):
                item = "saas-link"
            else:
                continue
            sums[item, row["ChargePeriodStart"][:7]] += Decimal(row["BilledCost"])
    out: dict[str, dict[str, int]] = defaultdict(dict)
    for (item, month), usd in sums.items():
        yen = int((usd * _rate(month)).quantize(Decimal(1), ROUND_HALF_UP))
        yen += int((yen * Decimal("0.10")).quantize(Decimal(1), ROUND_FLOOR))
        out[item][month] = yen
    return out


def test_focus_mapping_matches_an_independent_reading(ws) -> None:  # type: ignore[no-untyped-def]
    expected = _focus_yen_by_item()
    # June–August is the build-and-test account, September on the production one
    assert sorted(expected["saas-link-build"]) == ["2026-06", "2026-07", "2026-08"]
    assert sorted(expected["saas-link"]) == ["2026-09", "2026-10"]
    table = monthly_actual(ws)
    for item, months in expected.items():
        actual = table.loc[item]
        for month, yen in months.items():
            assert actual[month] == yen, (item, month)
        assert actual.drop(list(months)).fillna(0).eq(0).all(), item


def test_integration_environment_is_built_before_it_runs(ws) -> None:  # type: ignore[no-untyped-def]
    items = {it.id: it for it in ws.cost_items}
    assert items["saas-link-build"].phase == "build"
    assert items["saas-link-build"].contract == items["saas-link"].contract == "saas-5y"
    s = year_summary(ws)
    # 60,000 yen a month × 1.10: June–August 3 × 66,000; September–March 7 × 66,000,
    # of which September and October (2 × 66,000) are due by the as-of month
    assert s.loc["saas-link-build", "budget"] == s.loc["saas-link-build", "plan_to_date"] == 198_000
    assert s.loc["saas-link", "budget"] == 462_000
    assert s.loc["saas-link", "plan_to_date"] == 132_000
    # September 2026 to March 2031: 7 + 4 × 12 = 55 months × 66,000
    assert plan_end_forecast(ws).loc["saas-link", "plan_total"] == 3_630_000
    # the two items still cover the one environment's months: 198,000 + 462,000 = 10 × 66,000
    assert s.loc["saas-link-build", "budget"] + s.loc["saas-link", "budget"] == 660_000
    got = _focus_yen_by_item()
    build = sum(got["saas-link-build"].values())
    run = sum(got["saas-link"].values())
    assert s.loc["saas-link-build", "actual_to_date"] == build
    assert s.loc["saas-link", "actual_to_date"] == run
    # build: finished, its run rate is its actual; service: Sep–Oct mean × 5 months left
    assert s.loc["saas-link-build", "forecast_run_rate"] == build
    assert s.loc["saas-link", "forecast_run_rate"] == run + run // 2 * 5
    assert s.loc["saas-link-build", "first_overrun"] == "2026-06"


def test_every_yen_is_accounted_for(ws) -> None:  # type: ignore[no-untyped-def]
    files, unmapped = reconciliation(ws)
    assert (files["imported"] == files["mapped"] + files["unmapped"]).all()
    assert (files["rows_read"] == files["rows_mapped"] + files["rows_unmapped"]).all()
    # independent count of the FOCUS rows and of the sandbox rows left unmapped
    with (VACCINE / "actuals" / "focus-2026.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    focus = files.loc["actuals/focus-2026.csv"]
    assert focus["rows_read"] == len(rows)
    assert focus["rows_unmapped"] == sum(r["SubAccountName"] == "sandbox" for r in rows)
    assert unmapped.loc[unmapped["reason"] == "outside", "yen"].tolist() == [550_000]
    assert "160行・37,956円が未対応" in " ".join(ws.notices)  # notes follow the language


def test_monthly_plan_adds_up_to_the_cost_tables() -> None:
    for name in ("vaccine-booking", "network-refresh", "shared-platform", "food-lab"):
        w = load_workspace(EXAMPLES / name)
        for option in w.options:
            plan = monthly_plan(w, option.id)
            table = cost_table(w, option.id)
            for fy in w.settings.fiscal_years:
                months = [c for c in plan.columns if (int(c[:4]) - (c[5:] < "04")) == fy]
                for item in plan.index:
                    assert plan.loc[item, months].sum() == table.loc[item, fy], (name, item, fy)


def test_monthly_table_and_burn(ws) -> None:  # type: ignore[no-untyped-def]
    t = plan_vs_actual(ws, by="option").loc["saas"]
    assert len(t) == 12
    assert (
        t.loc["2026-10", "cum_actual"]
        == 16_470_384
        == year_summary(ws).loc["total", "actual_to_date"]
    )
    assert t["actual"].isna().sum() == 5  # November to March not yet
    budget = year_summary(ws).loc["total", "budget"]
    assert t.loc["2026-10", "burn_pct"] == pytest.approx(round(100 * 16_470_384 / budget, 1))
    assert t.loc["2026-08", "over"] and not t.loc["2026-07", "over"]


def test_as_of_is_an_argument(ws) -> None:  # type: ignore[no-untyped-def]
    s = year_summary(ws, as_of="2026-08")
    assert s.attrs["elapsed"] == 5
    assert s.loc["saas-fee", "actual_to_date"] == 0
    assert year_summary(ws, as_of="2026-09").loc["saas-fee", "actual_to_date"] == 1_795_200


def test_plan_end_contracts_earned_value_execution(ws) -> None:  # type: ignore[no-untyped-def]
    f = plan_end_forecast(ws)
    assert f.loc["saas-setup", "forecast_over"] == 451_600
    c = contract_status(ws).loc["saas-5y"]
    link = monthly_actual(ws).loc[["saas-link-build", "saas-link"]].sum().sum()
    spent = 3_907_200 + 1_870_000 + int(link)  # fee, help desk, the environment's 5 months
    assert c["actual_to_date"] == spent
    assert c["remaining"] == 150_000_000 - spent
    # at the fee's run rate (Sep–Oct mean × its 53 remaining months) the ceiling is passed
    fee_rr = 3_907_200 + 3_907_200 // 2 * 53
    assert c["forecast_run_rate"] > 150_000_000 and bool(c["over_run_rate"])
    assert c["forecast_run_rate"] > fee_rr + 1_870_000
    _table, ix = earned_value(ws)
    assert ix["CPI"] == pytest.approx(9_900_000 / 10_351_600)
    assert ix["EAC_additive"] == 10_351_600 + 9_900_000 - 9_900_000
    assert ix["EAC_cpi"] == pytest.approx(9_900_000 / (9_900_000 / 10_351_600))
    # amounts in whole yen (no 1.035160e+07 in a notebook), ratios as fractions
    assert all(type(ix[k]) is int for k in ("BAC", "PV", "EV", "AC", "EAC_cpi", "VAC"))
    assert ix["VAC"] == 9_900_000 - ix["EAC_cpi"] and "e+" not in ix.to_string()
    e = budget_execution(ws)
    assert e.loc[2026, "budget"] == 28_193_000 and e.loc[2026, "executed"] == 16_470_384
    assert e.loc[2026, "rate_pct"] == 58.4
    assert list(e["state"]) == ["to date", "future", "future", "future", "future"]


def test_triggers_fire_from_spending(ws) -> None:  # type: ignore[no-untyped-def]
    assert parse_trigger("actual of saas-fee exceeds plan by more than 10 %")[0] == "actual_over"
    record = ws.decisions[0]
    ctx = TriggerContext(ws)
    got = {t: evaluate_trigger(t, record, ctx, line) for t, line in record.triggers}
    assert got["actual of saas-fee exceeds plan by more than 10 %"].fired
    assert got["forecast of saas at year end exceeds budget"].fired
    assert not got["actual of saas-setup exceeds plan by more than 10 %"].fired  # 4.6 %
    assert "3,907,200" in got["actual of saas-fee exceeds plan by more than 10 %"].because
    assert not evaluate_trigger(
        "actual of saas-fee exceeds plan by more than 30 %", record, ctx
    ).fired
    assert evaluate_trigger("actual of build > 10000000", record, ctx).fired
    assert not evaluate_trigger(
        "run-rate forecast of saas-support at year end exceeds budget", record, ctx
    ).fired
    with pytest.raises(ArchplanError):
        evaluate_trigger("actual of nothing-like-this > 1", record, ctx)


def test_report_section_in_japanese(ws) -> None:  # type: ignore[no-untyped-def]
    from archplan.report.actuals import actuals_section

    html = actuals_section(ws)
    for text in (
        "予実（計画と実績）",
        "見込（直近ペース）",
        "令和8年度",
        "執行率",
        "未対応の明細",
        "計画期間外",
        "CPI＝EV÷AC",
        '<img src="data:image/png',
    ):
        assert text in html
    for english in ("Plan vs actual", "no mapping rule", "outside the plan", "Forecast", "run"):
        assert english not in html
    compact = actuals_section(ws, compact=True)
    assert "未対応の明細" not in compact and "予実" in compact
    assert actuals_section(load_workspace(EXAMPLES / "food-lab")) == ""


def test_export_writes_budget_execution(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert (
        main(
            [
                "export",
                str(VACCINE),
                "--xlsx",
                str(tmp_path / "p.xlsx"),
                "--csv",
                str(tmp_path / "csv"),
            ]
        )
        == 0
    )
    sheet = openpyxl.load_workbook(tmp_path / "p.xlsx")["予算執行"]
    assert [c.value for c in sheet[2]] == [
        "年度",
        "当初予算額",
        "補正予算額",
        "前年度から繰越し",
        "翌年度へ繰越し",
        "予備費等",
        "計",
        "執行額",
        "執行率（%）",
        "状態",
    ]  # the budget block of a 行政事業レビューシート
    assert sheet["B3"].value == 28_193_000 and sheet["H3"].value == 16_470_384
    assert sheet["G3"].value == "=SUM(B3:F3)"  # 翌年度へ繰越し is entered negative (△)
    assert sheet["I3"].value == '=IF(G3=0,"",H3/G3)'
    text = (tmp_path / "csv" / "budget_execution.csv").read_text(encoding="utf-8-sig")
    assert "令和8年度,28193000,0,0,0,0,28193000,16470384,58.4,執行中" in text


def test_cli_actuals(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actuals", str(VACCINE), "--as-of", "2026-09"]) == 0
    out = capsys.readouterr().out
    assert "実績は2026-09まで" in out and "1,795,200" in out  # in the workspace's language
    assert main(["actuals", str(EXAMPLES / "food-lab")]) == 1
    capsys.readouterr()
    assert main(["actuals", str(VACCINE), "--fiscal-year", "2027", "--by", "option"]) == 0
    out = capsys.readouterr().out
    assert "令和9年度" in out and "31,020,000" in out  # next year's budget, nothing spent yet


# --- synthetic and sample FOCUS exports ---------------------------------------------------


def _workspace_with_focus(
    tmp_path: Path, focus: str, rules: str, first_fy: int = 2026, extra: str = "", cost: str = ""
) -> Path:
    dest = tmp_path / "ws"
    shutil.copytree(VACCINE, dest)
    (dest / "actuals" / "ledger-2026.csv").unlink()
    (dest / "actuals" / "focus-2026.csv").unlink()
    shutil.copyfile(focus, dest / "actuals" / Path(focus).name)
    settings = dest / "archplan.yaml"
    settings.write_text(
        settings.read_text("utf-8")
        .replace("first: 2026", f"first: {first_fy}")
        .replace("horizon: 5", f"horizon: {5 + 2026 - first_fy}"),
        "utf-8",
    )
    (dest / "actuals" / "actuals.yaml").write_text(
        f"as_of: {first_fy}-10\nfocus:\n  - file: {Path(focus).name}\n{cost}    rules:\n{rules}"
        "rates:\n  USD:\n    - {from: 2020-01-01, rate: 150}\n" + extra,
        "utf-8",
    )
    return dest


@pytest.mark.parametrize(
    ("parquet", "small_batches"), [(False, False), (False, True), (True, True)]
)
def test_synthetic_export_reconciles_exactly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parquet: bool, small_batches: bool
) -> None:
    """Also read in many small batches: groups merged across batches give the same yen."""
    import archplan.actuals.reader as reader

    if small_batches:
        monkeypatch.setattr(reader, "BLOCK_BYTES", 64 * 1024)
        monkeypatch.setattr(reader, "BATCH_ROWS", 1000)
    path = tmp_path / ("big.parquet" if parquet else "big.csv")
    months = ["2026-04", "2026-05", "2026-06"]
    totals = synthetic_focus(path, 20_000, months, seed=5, credit_share=0.02, parquet=parquet)
    root = _workspace_with_focus(
        tmp_path, str(path), "      - {item: saas-link, sub_account: vaccine-prod}\n"
    )
    w = load_workspace(root)
    link = monthly_actual(w).loc["saas-link"]
    for m in months:
        usd = Decimal(totals[f"vaccine-prod|{m}"]) / Decimal(10**10)
        yen = int((usd * 150).quantize(Decimal(1), ROUND_HALF_UP))
        yen += int((yen * Decimal("0.10")).quantize(Decimal(1), ROUND_FLOOR))
        assert link[m] == yen
    files, _ = reconciliation(w)
    assert files.loc["total", "rows_read"] == 20_000
    assert (
        files.loc["total", "imported"]
        == files.loc["total", "mapped"] + files.loc["total", "unmapped"]
    )


def test_finops_sample_maps_by_provider_and_category(tmp_path: Path) -> None:
    rules = (
        "      - {item: saas-link, provider: AWS, service_category: Compute}\n"
        "      - {item: saas-fee, provider: [Microsoft, Oracle]}\n"
    )
    root = _workspace_with_focus(tmp_path, str(SAMPLE), rules, first_fy=2024)
    w = load_workspace(root)
    exp: dict[str, Decimal] = defaultdict(Decimal)
    with SAMPLE.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["ProviderName"] == "AWS" and row["ServiceCategory"] == "Compute":
                exp["saas-link"] += Decimal(row["BilledCost"])
            elif row["ProviderName"] in ("Microsoft", "Oracle"):
                exp["saas-fee"] += Decimal(row["BilledCost"])
            else:
                exp["unmapped"] += Decimal(row["BilledCost"])
    got = monthly_actual(w)
    for item in ("saas-link", "saas-fee"):
        yen = int((exp[item] * 150).quantize(Decimal(1), ROUND_HALF_UP))
        yen += int((yen * Decimal("0.10")).quantize(Decimal(1), ROUND_FLOOR))
        assert int(got.loc[item].sum()) == yen
    files, unmapped = reconciliation(w)
    assert files.loc["total", "rows_read"] == 1000
    # unmapped entries are grouped by service: each within a yen of its exact share
    assert abs(int(unmapped["yen"].sum()) - float(exp["unmapped"] * 150 * Decimal("1.1"))) <= len(
        unmapped
    )


# --- bad actuals files: located messages, nothing lost -------------------------------------


def _broken(
    tmp_path: Path,
    ledger: bytes | None = None,
    yaml_extra: str = "",
    focus_edit: tuple[str, str] | None = None,
) -> Path:
    dest = tmp_path / "ws"
    shutil.copytree(VACCINE, dest)
    if ledger is not None:
        (dest / "actuals" / "ledger-2026.csv").write_bytes(ledger)
    if yaml_extra:
        p = dest / "actuals" / "actuals.yaml"
        p.write_text(
            p.read_text("utf-8").replace(yaml_extra.split("=>")[0], yaml_extra.split("=>")[1]),
            "utf-8",
        )
    if focus_edit:
        p = dest / "actuals" / "focus-2026.csv"
        text = p.read_text("utf-8")
        assert focus_edit[0] in text
        p.write_text(text.replace(focus_edit[0], focus_edit[1], 1), "utf-8")
    return dest


HEAD = "# 単位: 円\n日付,費目,金額（円）,税区分,通貨,伝票番号,摘要\n"


def _problems(root: Path) -> list[str]:
    with pytest.raises(WorkspaceError) as exc:
        load_workspace(root)
    return [str(p) for p in exc.value.problems]


def test_bad_wrong_encoding(tmp_path: Path) -> None:
    ledger = (HEAD + "2026-09-30,saas-fee,100,税込,JPY,A-1,予約\n").encode("cp932")
    root = _broken(
        tmp_path, ledger, "file: ledger-2026.csv=>file: ledger-2026.csv\n    encoding: utf-8"
    )
    msgs = _problems(root)
    # what the file is, where the declared decoding fails, and what was declared
    assert any(
        m.startswith(
            "actuals/ledger-2026.csv:1: file is Shift_JIS text, not in the declared encoding"
        )
        and "expected UTF-8" in m
        for m in msgs
    ), msgs


def test_bad_missing_columns(tmp_path: Path) -> None:
    root = _broken(tmp_path, "日付,金額（円）,伝票番号\n2026-09-30,100,A-1\n".encode())
    msgs = _problems(root)
    assert any("actuals/ledger-2026.csv:1: column item: no item column" in m for m in msgs)
    root2 = _broken(tmp_path / "b", focus_edit=('"BillingCurrency"', '"Currency"'))
    assert any(
        "actuals/focus-2026.csv:1: column BillingCurrency: no BillingCurrency column" in m
        for m in _problems(root2)
    )


def test_bad_text_in_amounts(tmp_path: Path) -> None:
    root = _broken(tmp_path, (HEAD + "2026-09-30,saas-fee,十万円,税込,JPY,A-1,予約\n").encode())
    assert any(
        "actuals/ledger-2026.csv:3: column amount: '十万円' is not an amount" in m
        for m in _problems(root)
    )
    root2 = _broken(tmp_path / "b", focus_edit=(",0.5252246412,", ",n/a usd,"))
    msgs = _problems(root2)
    assert any(
        m.startswith("actuals/focus-2026.csv:2: column BilledCost: 'n/a usd'") for m in msgs
    ), msgs


def test_negative_credits_are_counted_and_said(tmp_path: Path) -> None:
    root = _broken(
        tmp_path,
        (
            HEAD + "2026-09-30,saas-fee,▲110000,税込,JPY,C-1,返金\n"
            "2026-09-30,saas-fee,(1100),税込,JPY,C-2,返金\n"
        ).encode(),
    )
    w = load_workspace(root)
    assert int(monthly_actual(w).loc["saas-fee", "2026-09"]) == -111_100
    assert any("ledger-2026.csv:3：saas-feeに-110,000円の減額" in n for n in w.notices)


def test_bad_mixed_currencies(tmp_path: Path) -> None:
    root = _broken(
        tmp_path,
        (
            HEAD + "2026-09-30,saas-fee,100,税込,JPY,A-1,x\n"
            "2026-09-30,saas-fee,100,税込,EUR,A-2,x\n"
        ).encode(),
    )
    assert any(
        "actuals/ledger-2026.csv:4: currency: no exchange rate for 'EUR'" in m
        for m in _problems(root)
    )
    root2 = _broken(tmp_path / "b", focus_edit=('"USD"', '"GBP"'))
    assert any(
        "actuals/focus-2026.csv:2: currency: no exchange rate for 'GBP'" in m
        for m in _problems(root2)
    )


def test_bad_duplicated_invoice(tmp_path: Path) -> None:
    row = "2026-09-30,saas-fee,100,税込,JPY,INV-7,予約\n"
    root = _broken(tmp_path, (HEAD + row + row).encode())
    assert any(
        "actuals/ledger-2026.csv:4: column document: document 'INV-7' repeats line 3" in m
        for m in _problems(root)
    )


def test_bad_rule_and_unknown_item(tmp_path: Path) -> None:
    root = _broken(
        tmp_path, yaml_extra="{item: saas-link, sub_account=>{item: saas-lnk, sub_account"
    )
    assert any(
        "actuals/actuals.yaml:" in m and "unknown item 'saas-lnk'" in m for m in _problems(root)
    )
    root2 = _broken(tmp_path / "b", (HEAD + "2026-09-30,printer,100,税込,JPY,A-1,x\n").encode())
    w = load_workspace(root2)
    _files, unmapped = reconciliation(w)
    assert unmapped["reason"].tolist().count("unknown_item") == 1
    assert any("ledger-2026.csv:3：費目'printer'は" in n for n in w.notices)


def test_bad_files_give_no_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _broken(tmp_path, (HEAD + "2026-13-45,saas-fee,1,税込,JPY,A,x\n").encode())
    assert main(["check", str(root)]) == 1
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    assert "actuals/ledger-2026.csv:3：日付の列：'2026-13-45'は日付ではない" in out.out


def test_report_section_in_english(tmp_path: Path) -> None:
    from archplan.report.actuals import actuals_section

    dest = tmp_path / "ws"
    shutil.copytree(VACCINE, dest)
    settings = dest / "archplan.yaml"
    settings.write_text(
        settings.read_text("utf-8").replace("language: ja", "language: en"), "utf-8"
    )
    html = actuals_section(load_workspace(dest))
    for text in (
        "Plan vs actual",
        "Forecast (run rate)",
        "FY2026",
        "EAC (CPI)",
        "outside the plan",
    ):
        assert text in html
    for japanese in ("予実", "見込", "計画期間外", "令和"):
        assert japanese not in html


def test_option_must_agree_with_the_accepted_record(tmp_path: Path) -> None:
    root = _broken(tmp_path, yaml_extra="as_of: 2026-10=>as_of: 2026-10\noption: serverless")
    assert any(
        "actuals/actuals.yaml:3: option: option 'serverless' differs from 'saas'" in m
        for m in _problems(root)
    )


def test_focus_not_utf8(tmp_path: Path) -> None:
    root = _broken(tmp_path)
    p = root / "actuals" / "focus-2026.csv"
    p.write_bytes(p.read_bytes().replace(b"Security", "セキュリティ".encode("cp932"), 1))
    # located: line 2 holds the first "Security" (read line by line, not all at once)
    assert any(
        m.startswith("actuals/focus-2026.csv:2: file is not UTF-8 text") for m in _problems(root)
    )


def test_tax_rows_and_entries_after_as_of_are_said(tmp_path: Path) -> None:
    root = _broken(tmp_path, focus_edit=('"Usage"', '"Tax"'))
    led = root / "actuals" / "ledger-2026.csv"
    led.write_bytes(
        led.read_bytes()
        + "2026-11-30,saas-fee,1000,税込,JPY,R8-1130-001,11月分\r\n".encode("cp932")
    )
    w = load_workspace(root)
    assert any("ChargeCategoryがTaxの" in n and "二重" in n for n in w.notices)
    assert any("as_of（2026-10）より後の1件（1,000円）" in n for n in w.notices)
    assert year_summary(w).loc["saas-fee", "actual_to_date"] == 3_907_200  # not yet counted
    assert year_summary(w, as_of="2026-11").loc["saas-fee", "actual_to_date"] == 3_908_200
    files, _ = reconciliation(w)
    assert files.loc["actuals/ledger-2026.csv", "mapped"] == 16_128_800 + 1_000


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_LEDGER = (VACCINE / "actuals" / "ledger-2026.csv").read_bytes()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(pos=st.integers(0, len(_LEDGER) - 1), junk=st.binary(min_size=0, max_size=8))
def test_mutated_ledgers_reach_only_archplan_errors(tmp_path: Path, pos: int, junk: bytes) -> None:
    """Any bytes spliced into the ledger: loaded, or a WorkspaceError; never anything else."""
    dest = tmp_path / f"ws-{pos}-{junk.hex()}"
    if not dest.exists():
        shutil.copytree(VACCINE, dest)
    (dest / "actuals" / "ledger-2026.csv").write_bytes(_LEDGER[:pos] + junk + _LEDGER[pos + 1 :])
    try:
        w = load_workspace(dest)
    except WorkspaceError as exc:
        assert all(p.file.startswith("actuals/") for p in exc.problems)
        return
    files, _ = reconciliation(w)
    assert (files["imported"] == files["mapped"] + files["unmapped"]).all()


def test_large_amounts_sum_exactly(tmp_path: Path) -> None:
    """Amounts with 11 integer and 18 decimal digits give the yen computed by hand."""
    big = "98765432101.123456789012345678"
    rows = [f"{big},JPY,2026-06-0{d}T00:00:00Z,Booking,prod,Usage\n" for d in range(1, 8)]
    path = tmp_path / "focus.csv"
    path.write_text(
        "BilledCost,BillingCurrency,ChargePeriodStart,ServiceName,SubAccountName,ChargeCategory\n"
        + "".join(rows),
        "utf-8",
    )
    root = _workspace_with_focus(
        tmp_path, str(path), "      - {item: saas-link, service: Booking}\n"
    )
    w = load_workspace(root)
    exact = Decimal(big) * 7  # 691,358,024,707.864… → half-up, then 10 % tax floored
    yen = int(exact.quantize(Decimal(1), ROUND_HALF_UP))
    yen += int((yen * Decimal("0.10")).quantize(Decimal(1), ROUND_FLOOR))
    # 691,358,024,707.864… → 691,358,024,708 + tax 69,135,802,470 (floor of …470.8)
    assert int(monthly_actual(w).loc["saas-link", "2026-06"]) == yen == 760_493_827_178


def test_effective_cost_of_the_finops_sample(tmp_path: Path) -> None:
    rules = "      - {item: saas-link, provider: [AWS, Microsoft, Oracle]}\n"
    root = _workspace_with_focus(
        tmp_path, str(SAMPLE), rules, first_fy=2024, cost="    cost: effective\n"
    )
    w = load_workspace(root)
    with SAMPLE.open(encoding="utf-8") as fh:
        usd = sum(Decimal(r["EffectiveCost"]) for r in csv.DictReader(fh))
    yen = int((usd * 150).quantize(Decimal(1), ROUND_HALF_UP))
    yen += int((yen * Decimal("0.10")).quantize(Decimal(1), ROUND_FLOOR))
    assert int(monthly_actual(w).loc["saas-link"].sum()) == yen
    assert reconciliation(w)[0].loc["total", "unmapped"] == 0


def test_ledger_rows_booked_to_a_category(tmp_path: Path) -> None:
    root = _broken(tmp_path, (HEAD + "2026-09-30,cloud,11000,税込,JPY,K-1,クラウド雑費\n").encode())
    w = load_workspace(root)
    by_item = year_summary(w)
    assert by_item.loc["category:cloud", "actual_to_date"] == 11_000
    by_cat = year_summary(w, by="category")
    # category cloud: the environment's build months and its service months, + the row
    link = int(monthly_actual(w).loc[["saas-link-build", "saas-link"]].sum().sum())
    assert by_cat.loc["cloud", "actual_to_date"] == link + 11_000


def test_focus_rows_outside_the_plan_are_listed(tmp_path: Path) -> None:
    """The FinOps sample is dated September 2024, before a plan that starts in April 2026."""
    root = _workspace_with_focus(
        tmp_path, str(SAMPLE), "      - {item: saas-link, provider: AWS}\n"
    )
    w = load_workspace(root)
    files, unmapped = reconciliation(w)
    assert files.loc["total", "rows_read"] == 1000 == files.loc["total", "rows_unmapped"]
    assert set(unmapped["reason"]) == {"outside"} and files.loc["total", "mapped"] == 0
    assert any(
        n.startswith("actuals/focus-1.0-sample.csv:2：1,000行")
        and "計画期間（2026-04〜2031-03）の外" in n
        for n in w.notices
    )


def test_positive_credit_rows_are_counted_and_said(tmp_path: Path) -> None:
    root = _broken(tmp_path, focus_edit=('"Usage"', '"Credit"'))
    w = load_workspace(root)
    assert any(n.startswith("actuals/focus-2026.csv:2：金額が正のCredit行1行") for n in w.notices)
    # counted as given: the same yen as the untouched example
    assert (
        monthly_actual(w).loc["saas-link"].sum()
        == monthly_actual(load_workspace(VACCINE)).loc["saas-link"].sum()
    )


def test_revisit_banner_fires_in_the_log(ws) -> None:  # type: ignore[no-untyped-def]
    from archplan.decisions import decision_log

    log = decision_log(ws)
    assert bool(log.loc[1, "triggered"])


def test_explorer_regroups(ws) -> None:  # type: ignore[no-untyped-def]
    from archplan.actuals.explorer import ActualsExplorer

    ex = ActualsExplorer(ws)
    png = bytes(ex.chart.value)
    ex.by.value = "category"
    assert list(ex.summary.index) == ["build", "cloud", "operation", "subscription", "total"]
    assert "予約件数課金" not in ex.table.value and "利用料" in ex.table.value
    # A Japanese explorer says categories and its controls in Japanese.
    assert ">subscription<" not in ex.table.value and ">区分</th>" in ex.table.value
    assert ex.as_of.description == "基準月"
    assert [label for label, _ in ex.by.options] == ["費目", "区分", "選択肢"]
    ex.as_of.value = "2026-09"
    assert ex.summary.loc["subscription", "actual_to_date"] == 1_795_200
    assert bytes(ex.chart.value) != png


def test_overlapping_exports_are_caught(tmp_path: Path) -> None:
    root = _broken(tmp_path)
    act = root / "actuals"
    ledger = act / "ledger-2026.csv"
    (act / "ledger-more.csv").write_bytes(
        (HEAD + "2026-09-30,saas-support,850000,税抜,JPY,R8-0930-018,問合せ対応 9月分\n").encode()
    )
    shutil.copyfile(act / "focus-2026.csv", act / "focus-again.csv")
    y = act / "actuals.yaml"
    y.write_text(
        y.read_text("utf-8")
        .replace("ledger:\n", "ledger:\n  - file: ledger-more.csv\n")
        .replace("focus:\n", "focus:\n  - file: focus-again.csv\n    rules: []\n"),
        "utf-8",
    )
    msgs = _problems(root)
    assert any(
        "actuals/ledger-2026.csv:8: column document: document 'R8-0930-018' repeats "
        "actuals/ledger-more.csv:3" in m
        for m in msgs
    ), msgs
    ledger.write_bytes(ledger.read_bytes().replace(b"R8-0930-018", b"R8-0930-019"))
    w = load_workspace(root)
    assert any(
        n.startswith("actuals/focus-2026.csv：2026-06の請求をactuals/focus-again.csvも含んでいる")
        for n in w.notices
    )


def test_bad_parquet_files(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    not_parquet = tmp_path / "focus.parquet"
    not_parquet.write_bytes(b"BilledCost,BillingCurrency\n1,USD\n")
    root = _workspace_with_focus(
        tmp_path, str(not_parquet), "      - {item: saas-link, service: X}\n"
    )
    assert any(m.startswith("actuals/focus.parquet: not a Parquet file") for m in _problems(root))
    table = pa.table({"BilledCost": [1.5], "ChargePeriodStart": ["2026-06-01T00:00:00Z"]})
    pq.write_table(table, root / "actuals" / "focus.parquet")
    assert any(
        "actuals/focus.parquet: column BillingCurrency: no BillingCurrency column" in m
        for m in _problems(root)
    )
    # a float amount column reads, rounded to 10 decimals before the exact sum
    table = pa.table(
        {
            "BilledCost": [0.1, 0.2],
            "BillingCurrency": ["USD", "USD"],
            "ChargePeriodStart": ["2026-06-01T00:00:00Z"] * 2,
            "ServiceName": ["X", "X"],
        }
    )
    pq.write_table(table, root / "actuals" / "focus.parquet")
    w = load_workspace(root)
    assert int(monthly_actual(w).loc["saas-link", "2026-06"]) == 45 + 4  # 0.3 × 150, + 10 %


def test_two_date_columns_need_a_choice(tmp_path: Path) -> None:
    two = (
        "# 単位: 円\n負担行為日,支払日,費目,金額（円）,税区分,伝票番号\n"
        "2026-09-30,2026-10-31,saas-fee,110000,税込,P-1\n"
    )
    root = _broken(tmp_path, two.encode())
    assert any(
        "actuals/ledger-2026.csv:2: column date: two date columns ('負担行為日' and '支払日')" in m
        for m in _problems(root)
    )
    y = root / "actuals" / "actuals.yaml"
    y.write_text(
        y.read_text("utf-8").replace(
            "  - file: ledger-2026.csv", "  - file: ledger-2026.csv\n    date_column: 支払日"
        ),
        "utf-8",
    )
    w = load_workspace(root)  # dated by payment: October
    assert int(monthly_actual(w, as_of="2026-10").loc["saas-fee", "2026-10"]) == 110_000


def test_ledger_in_dollars_and_thousands(tmp_path: Path) -> None:
    """A USD row converts at the rate in force on the 1st of its month (148.90 from July,
    150.10 from October), half-up, then 10 % tax floored; 千円 multiplies exactly."""
    rows = (
        "日付,費目,金額（千円）,税区分,通貨,伝票番号\n"
        "2026-09-15,saas-link,0.333,税抜,USD,U-1\n"  # $333 × 148.90 = 49,583.7
        "2026-10-15,saas-link,0.333,税抜,USD,U-2\n"  # $333 × 150.10 = 49,983.3
        "2026-10-20,saas-support,1.2345,税込,JPY,Y-1\n"  # 1,234.5 yen → 1,235 (half-up)
    )
    w = load_workspace(_broken(tmp_path, rows.encode()))
    act = monthly_actual(w)
    link = int(monthly_actual(load_workspace(VACCINE)).loc["saas-link", "2026-09"])
    assert int(act.loc["saas-link", "2026-09"]) == link + 49_584 + 4_958
    assert int(act.loc["saas-support", "2026-10"]) == 1_235


def test_japanese_dates_and_yen_suffix(tmp_path: Path) -> None:
    rows = (
        "日付,費目,金額,税区分,伝票番号\n"
        '令和8年9月30日,saas-fee,"1,100円",税込,J-1\n'
        "R8.10.30,saas-fee,２２００円,税込,J-2\n"
        "2026年10月31日,saas-fee,¥3300,税込,J-3\n"
    )
    root = _broken(tmp_path, rows.encode())
    y = root / "actuals" / "actuals.yaml"
    y.write_text(
        y.read_text("utf-8").replace(
            "  - file: ledger-2026.csv", "  - file: ledger-2026.csv\n    unit: 円"
        ),
        "utf-8",
    )
    act = monthly_actual(load_workspace(root))
    assert act.loc["saas-fee", "2026-09"] == 1_100 and act.loc["saas-fee", "2026-10"] == 5_500


# --- FOCUS 1.2: rows of one invoice, and the same charge twice ---------------------------

RULES_12 = (
    "      - {item: saas-link, provider: AWS, service_category: Compute}\n"
    "      - {item: saas-fee, provider: [Microsoft, Oracle]}\n"
)


def _focus_12(path: Path, extra: tuple[tuple[int, int | None], ...] = ()) -> list[list[str]]:
    """The FinOps sample as a FOCUS 1.2 export: an ``InvoiceId`` per billing account and
    billing month (so hundreds of rows share one), written to ``path``. ``extra`` appends
    copies of sample rows: (row, None) as they are, (row, k) with BilledCost + k."""
    with SAMPLE.open(encoding="utf-8", newline="") as fh:
        header, *rows = list(csv.reader(fh))
    acct, period, cost = (
        header.index(c) for c in ("BillingAccountId", "BillingPeriodStart", "BilledCost")
    )
    header = [*header, "InvoiceId"]
    rows = [[*r, f"INV-{r[acct]}-{r[period][:7]}"] for r in rows]
    for k, bump in extra:
        copy = list(rows[k])
        if bump is not None:
            copy[cost] = str(Decimal(copy[cost]) + bump)
        rows.append(copy)
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([header, *rows])
    return [header, *rows]


def test_focus_12_rows_sharing_an_invoice_are_not_duplicates(tmp_path: Path) -> None:
    src = tmp_path / "focus-1.2.csv"
    table = _focus_12(src, ((10, 1),))  # row 10 again, one dollar more: another charge
    invoices = [r[-1] for r in table[1:]]
    assert max(invoices.count(i) for i in set(invoices)) > 100  # rows share invoices
    w = load_workspace(_workspace_with_focus(tmp_path, str(src), RULES_12, first_fy=2024))
    files, _ = reconciliation(w)
    assert files.loc["total", "rows_read"] == 1001  # nothing dropped, nothing flagged


@pytest.mark.parametrize("parquet", [False, True])
def test_focus_12_the_same_charge_twice_is_a_located_problem(tmp_path: Path, parquet: bool) -> None:
    src = tmp_path / "focus-1.2.csv"
    table = _focus_12(src, ((10, None), (500, None)))
    if parquet:
        import pandas as pd

        frame = pd.read_csv(src, dtype=str, keep_default_na=False)
        src = tmp_path / "focus-1.2.parquet"
        frame.to_parquet(src)
    root = _workspace_with_focus(tmp_path, str(src), RULES_12, first_fy=2024)
    problems = _problems(root)
    name = f"actuals/{src.name}"
    # Data row 1001 (line 1002) repeats data row 11 (line 12); row 1002 repeats row 501.
    invoice = table[11][-1]
    line = f"{name}:1002: row repeats line 12 in every column (InvoiceId {invoice!r})"
    assert any(p.startswith(line) for p in problems), problems  # Parquet: rows as lines
    assert any(p.startswith(f"{name}:1003: row repeats line 502 ") for p in problems)
    assert len([p for p in problems if "the same charge twice" in p]) == 2


def test_focus_12_unreadable_in_a_column_the_import_does_not_use(tmp_path: Path) -> None:
    """The duplicate check reads every column: bad bytes in one the mapping never needs
    are a located problem, not a traceback."""
    src = tmp_path / "focus-1.2.csv"
    _focus_12(src)
    raw = src.read_bytes()
    at = raw.index(b"Requests")  # ConsumedUnit of the first row: not used by the mapping
    src.write_bytes(raw[:at] + b"\xff\xfe" + raw[at + 2 :])
    root = _workspace_with_focus(tmp_path, str(src), RULES_12, first_fy=2024)
    problems = _problems(root)
    assert any(
        p.startswith("actuals/focus-1.2.csv: not readable as FOCUS data in every column")
        for p in problems
    ), problems


def test_run_rate_of_an_item_not_started_is_its_plan(ws) -> None:  # type: ignore[no-untyped-def]
    """An item with no active month yet has no pace: its run-rate forecast is its plan, not
    zero (a new user saw a plan-end run-rate forecast of 66,875,000 against 187,422,000)."""
    from archplan.actuals import year_summary
    from archplan.money import TOTAL

    early = plan_end_forecast(ws, "item", as_of="2026-05")  # nothing planned or paid yet
    assert (early["actual_to_date"].drop(TOTAL) == 0).all()
    assert early["forecast_run_rate"].tolist() == early["plan_total"].tolist()
    year = year_summary(ws, "item", as_of="2026-05")
    assert year["forecast_run_rate"].tolist() == year["budget"].tolist()
    # once an item has months, its pace is used: saas-fee's last three active months
    late = plan_end_forecast(ws, "item")
    assert late.loc["saas-fee", "forecast_run_rate"] != late.loc["saas-fee", "forecast_plan"]
