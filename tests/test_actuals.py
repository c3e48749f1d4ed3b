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


def test_focus_mapping_matches_an_independent_reading(ws) -> None:  # type: ignore[no-untyped-def]
    sums: dict[str, Decimal] = defaultdict(Decimal)
    with (VACCINE / "actuals" / "focus-2026.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["SubAccountName"] == "vaccine-prod" or '"booking"' in (row["Tags"] or ""):
                sums[row["ChargePeriodStart"][:7]] += Decimal(row["BilledCost"])
    actual = monthly_actual(ws).loc["saas-link"]
    for month, usd in sums.items():
        yen = int((usd * _rate(month)).quantize(Decimal(1), ROUND_HALF_UP))
        yen += int((yen * Decimal("0.10")).quantize(Decimal(1), ROUND_FLOOR))
        assert actual[month] == yen, month


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
    assert "unmapped" in " ".join(ws.notices)


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
    spent = 3_907_200 + 1_870_000 + int(monthly_actual(ws).loc["saas-link"].sum())
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
        "年度末見込（直近ペース）",
        "令和8年度",
        "執行率",
        "未対応の明細",
        "計画期間外",
        "CPI＝EV÷AC",
        '<img src="data:image/png',
    ):
        assert text in html
    for english in ("Plan vs actual", "no mapping rule", "outside the plan", "Forecast"):
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
    assert sheet["B2"].value == "当初予算額"
    assert sheet["B3"].value == 28_193_000 and sheet["G3"].value == 16_470_384
    assert sheet["F3"].value == "=SUM(B3:E3)"
    text = (tmp_path / "csv" / "budget_execution.csv").read_text(encoding="utf-8-sig")
    assert "令和8年度,28193000,0,0,0,28193000,16470384,58.4,執行中" in text


def test_cli_actuals(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actuals", str(VACCINE), "--as-of", "2026-09"]) == 0
    out = capsys.readouterr().out
    assert "actuals up to 2026-09" in out and "1795200" in out
    assert main(["actuals", str(EXAMPLES / "food-lab")]) == 1


# --- synthetic and sample FOCUS exports ---------------------------------------------------


def _workspace_with_focus(
    tmp_path: Path, focus: str, rules: str, first_fy: int = 2026, extra: str = ""
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
        f"as_of: {first_fy}-10\nfocus:\n  - file: {Path(focus).name}\n    rules:\n{rules}"
        "rates:\n  USD:\n    - {from: 2020-01-01, rate: 150}\n" + extra,
        "utf-8",
    )
    return dest


@pytest.mark.parametrize("parquet", [False, True])
def test_synthetic_export_reconciles_exactly(tmp_path: Path, parquet: bool) -> None:
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
    assert any(
        m.startswith("actuals/ledger-2026.csv:1: file is not text") and "UTF-8" in m for m in msgs
    )


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
    assert any("ledger-2026.csv:3: a credit of -110,000 yen" in n for n in w.notices)


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
    assert any("ledger-2026.csv:3: unknown item 'printer'" in n for n in w.notices)


def test_bad_files_give_no_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _broken(tmp_path, (HEAD + "2026-13-45,saas-fee,1,税込,JPY,A,x\n").encode())
    assert main(["check", str(root)]) == 1
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    assert "actuals/ledger-2026.csv:3: column date: '2026-13-45' is not a date" in out.out
