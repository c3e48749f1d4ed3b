"""Actuals as real systems write them: a municipal finance system's ledger export and
FOCUS exports as AWS, Azure, Google Cloud and OCI deliver them.

Each input is built here the way such a system writes it (title rows before the header,
Shift_JIS with characters outside JIS X 0208, ￥ and full-width digits, ▲ and (…) for
negatives, 令和 dates, a total row, Excel's UTF-8 with BOM and "Unicode text"; FOCUS 1.0,
1.1 and 1.2 column sets, x_ vendor columns, gzip, Parquet with other dtypes and map tags,
credits and refunds, Tax/Credit/Adjustment rows). Expected yen are worked out by hand in
the comments (consumption tax 10 % in 2026, fractions dropped; USD at 150 yen).
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import shutil
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from archplan import WorkspaceError, load_workspace
from archplan.actuals import reconciliation
from archplan.actuals.reader import _ledger_amount, _ledger_date

ROOT = Path(__file__).resolve().parents[1]
VACCINE = ROOT / "data" / "examples" / "vaccine-booking"


def _workspace(tmp_path: Path, files: dict[str, bytes], yaml_text: str) -> Path:
    """The vaccine-booking example with its actuals/ replaced by ``files``."""
    dest = tmp_path / "ws"
    shutil.copytree(VACCINE, dest)
    for f in (dest / "actuals").iterdir():
        f.unlink()
    (dest / "actuals" / "actuals.yaml").write_text(yaml_text, encoding="utf-8")
    for name, data in files.items():
        p = dest / "actuals" / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
    return dest


def _problems(root: Path) -> list[str]:
    with pytest.raises(WorkspaceError) as exc:
        load_workspace(root)
    return [str(p) for p in exc.value.problems]


def _mapped(ws: object) -> dict[tuple[str, str], int]:
    e = ws.actuals.entries  # type: ignore[attr-defined]
    m = e[e["status"] == "mapped"].groupby(["item", "month"])["yen"].sum()
    return {k: int(v) for k, v in m.items()}


# --- a municipal finance system's ledger ---------------------------------------------------

# 支出命令一覧表 as a 財務会計システム writes it: title rows, the unit in a title row, a
# "No." column, 件名 and 摘要 both, company names with ㈱ 髙 﨑 (outside JIS X 0208, in
# CP932), amounts with ￥, 円, full-width digits, ▲, △ and (…), dates R8.6.30,
# 令和8年8月31日, 20261031 and 2026/10/31 0:00, a total row and empty trailing rows.
MUNICIPAL = """支出命令一覧表（財務会計システム出力）
出力日：令和8年11月2日,,,,,,,,,
所属：デジタル推進課,,会計年度：令和8年度,,,,,,,
（単位：円）,,,,,,,,,
,,,,,,,,,
No.,支出命令日,伝票番号,予算科目,費目,件名,債権者名,支出金額,税区分,摘要
1,R8.6.30,000123,委託料,saas-setup,初期設定・連携 着手金,㈱髙橋システム,"￥4,950,000",税込,①着手
2,令和8年8月31日,000211,委託料,saas-setup,初期設定 検収,㈱髙橋,"５，４０１，６００",税込,②検収
3,R8.9.30,000301,使用料,saas-fee,予約件数課金 9月分,㈱﨑山クラウド,"1,632,000円",税抜,
4,R8.9.30,000302,委託料,saas-support,問合せ対応 9月分,㈲はしご高サポート,850000,税抜,
5,R8.10.30,000355,使用料,saas-fee,予約件数課金 10月分,㈱﨑山クラウド,"1,968,000",税抜,
6,R8.10.30,000356,使用料,saas-fee,SLA未達減額,㈱﨑山クラウド,"▲48,000",税抜,戻入
7,R8.10.30,000357,委託料,saas-support,過払い戻入,㈲はしご高サポート,"(1,000)",税込,
8,20261031,000358,委託料,saas-support,問合せ対応 10月分,㈲はしご高サポート,"850,000",税抜,
9,2026/10/31 0:00,000359,委託料,委託料,誤って費目欄に科目,㈱髙橋システム,"△ 2,000",税込,
10,R8.3.31,000360,委託料,saas-setup,前年度の調査,㈱髙橋システム,"100,000",税込,
,,,,,合計,,"15,700,600",,
,,,,,,,,,
,,,,,,,,,
"""
# By hand (税抜 rows: + 10 % tax, fractions dropped):
#   saas-setup   2026-06  4,950,000          2026-08  5,401,600
#   saas-fee     2026-09  1,632,000 × 1.1 = 1,795,200
#                2026-10  1,968,000 × 1.1 − 48,000 × 1.1 = 2,164,800 − 52,800 = 2,112,000
#   saas-support 2026-09    850,000 × 1.1 = 935,000
#                2026-10  −1,000 + 935,000 = 934,000
#   unmapped: 委託料 (not an item or category) −2,000; R8.3.31 (before the plan) 100,000
#   the total row: 4,950,000 + 5,401,600 + 1,632,000 + 850,000 + 1,968,000 − 48,000 − 1,000
#                  + 850,000 − 2,000 + 100,000 = 15,700,600 (as written, before tax)
MUNICIPAL_MAPPED = {
    ("saas-setup", "2026-06"): 4_950_000,
    ("saas-setup", "2026-08"): 5_401_600,
    ("saas-fee", "2026-09"): 1_795_200,
    ("saas-fee", "2026-10"): 2_112_000,
    ("saas-support", "2026-09"): 935_000,
    ("saas-support", "2026-10"): 934_000,
}
LEDGER_YAML = "as_of: 2026-10\nledger:\n  - file: ledger.csv\n"


def _check_municipal(ws: object) -> None:
    assert _mapped(ws) == MUNICIPAL_MAPPED
    files, unmapped = reconciliation(ws)  # type: ignore[arg-type]
    row = files.loc["actuals/ledger.csv"]
    assert row["rows_read"] == 10 and row["rows_mapped"] == 8 and row["rows_unmapped"] == 2
    assert row["mapped"] == sum(MUNICIPAL_MAPPED.values()) == 16_127_800
    assert row["unmapped"] == -2_000 + 100_000
    assert row["imported"] == row["mapped"] + row["unmapped"]
    assert sorted(unmapped["reason"]) == ["outside", "unknown_item"]
    notes = "\n".join(ws.notices)  # type: ignore[attr-defined]
    # the total row is named with its line (17) and found to agree; it is not imported
    assert "actuals/ledger.csv:17：合計行（合計 15,700,600）は取り込まなかった" in notes
    assert "15,700,600と一致する" in notes
    # credits named with their lines (▲ on 12, (…) on 13, △ on 15)
    for line in (12, 13, 15):
        assert f"actuals/ledger.csv:{line}：" in notes


def test_municipal_ledger_in_cp932(tmp_path: Path) -> None:
    raw = MUNICIPAL.replace("\n", "\r\n").encode("cp932")
    with pytest.raises(UnicodeEncodeError):
        MUNICIPAL.encode("shift_jis")  # ㈱ 髙 﨑 ① are CP932, not JIS X 0208
    ws = load_workspace(_workspace(tmp_path, {"ledger.csv": raw}, LEDGER_YAML))
    _check_municipal(ws)
    e = ws.actuals.entries
    first = e[e["document"] == "000123"].iloc[0]
    assert first["note"] == "初期設定・連携 着手金 / ①着手"  # 件名 and 摘要, both kept
    assert any("Shift_JIS" in n for n in ws.notices)


def test_municipal_ledger_as_excel_utf8_with_bom(tmp_path: Path) -> None:
    raw = MUNICIPAL.replace("\n", "\r\n").encode("utf-8-sig")
    _check_municipal(load_workspace(_workspace(tmp_path, {"ledger.csv": raw}, LEDGER_YAML)))


def test_municipal_ledger_as_excel_unicode_text(tmp_path: Path) -> None:
    """Excel's "Unicode text": UTF-16 with a BOM, tab-separated."""
    rows = list(csv.reader(io.StringIO(MUNICIPAL)))
    text = "\r\n".join("\t".join(r) for r in rows) + "\r\n"
    raw = text.encode("utf-16")
    assert raw[:2] == b"\xff\xfe"
    _check_municipal(load_workspace(_workspace(tmp_path, {"ledger.csv": raw}, LEDGER_YAML)))


def test_municipal_ledger_total_that_disagrees_is_said(tmp_path: Path) -> None:
    text = MUNICIPAL.replace('"15,700,600"', '"15,600,600"')
    ws = load_workspace(_workspace(tmp_path, {"ledger.csv": text.encode("cp932")}, LEDGER_YAML))
    assert _mapped(ws) == MUNICIPAL_MAPPED  # the total row is never counted
    assert any("15,700,600と一致しない" in n and ":17：" in n for n in ws.notices)


def test_ledger_in_thousands_declared_in_a_title_row(tmp_path: Path) -> None:
    text = (
        "支出負担行為一覧\n（単位：千円）\n負担行為日,費目,金額,伝票番号\n"
        '令和8年9月30日,saas-fee,"1,632.5",K-1\n'
    )
    ws = load_workspace(_workspace(tmp_path, {"ledger.csv": text.encode("cp932")}, LEDGER_YAML))
    assert _mapped(ws) == {("saas-fee", "2026-09"): 1_632_500}  # 税込 by default


def test_ledger_unit_declared_twice_differently_is_refused(tmp_path: Path) -> None:
    text = "（単位：千円）\n日付,費目,金額（円）,伝票番号\n2026-09-30,saas-fee,100,A-1\n"
    msgs = _problems(_workspace(tmp_path, {"ledger.csv": text.encode()}, LEDGER_YAML))
    assert any(
        m.startswith("actuals/ledger.csv:2: column amount: the unit of the amounts is declared")
        and "千円 (line 1)" in m
        and "円 (header '金額（円）')" in m
        for m in msgs
    ), msgs


def test_ledger_header_tax_declaration(tmp_path: Path) -> None:
    # 金額（税抜・円）: every row excludes tax; 1,000 → 1,100
    text = "支払日,費目,金額（税抜・円）,伝票番号\n2026-09-30,saas-fee,1000,A-1\n"
    ws = load_workspace(_workspace(tmp_path, {"ledger.csv": text.encode()}, LEDGER_YAML))
    assert _mapped(ws) == {("saas-fee", "2026-09"): 1_100}


def test_ledger_shift_jis_yen_sign_is_a_backslash(tmp_path: Path) -> None:
    # In Shift_JIS, 0x5C is the yen sign; Python's cp932 reads it as a backslash.
    raw = "日付,費目,金額（円）,伝票番号\n2026-09-30,saas-fee,\\1,000,A-1\n".encode("cp932")
    raw = raw.replace(b"\\1,000", b'"\\1,000"')
    ws = load_workspace(_workspace(tmp_path, {"ledger.csv": raw}, LEDGER_YAML))
    assert _mapped(ws) == {("saas-fee", "2026-09"): 1_000}


def test_ledger_without_a_recognisable_header_names_what_it_found(tmp_path: Path) -> None:
    text = "支出命令一覧表\n\n日時,金額,相手方\n2026-09-30,100,㈱髙橋\n"
    msgs = _problems(_workspace(tmp_path, {"ledger.csv": text.encode("cp932")}, LEDGER_YAML))
    # the header is the row naming ledger columns (line 3), not the title on line 1
    assert any(m.startswith("actuals/ledger.csv:3: column date: no date column") for m in msgs)
    assert any("found: 日時, 金額, 相手方" in m for m in msgs)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("R7.4.1", dt.date(2025, 4, 1)),
        ("r07.04.01", dt.date(2025, 4, 1)),
        ("令和7年4月1日", dt.date(2025, 4, 1)),
        ("令和８年４月３０日（木）", dt.date(2026, 4, 30)),
        ("㋿8.4.30", dt.date(2026, 4, 30)),
        ("令和元年5月1日", dt.date(2019, 5, 1)),
        ("H31.4.30", dt.date(2019, 4, 30)),
        ("20260430", dt.date(2026, 4, 30)),
        ("2026/04/30 0:00", dt.date(2026, 4, 30)),
        ("2026-04-30T00:00:00Z", dt.date(2026, 4, 30)),
    ],
)
def test_ledger_dates(text: str, expected: dt.date) -> None:
    assert _ledger_date(text) == expected


@pytest.mark.parametrize("text", ["2026-13-01", "R8.2.30", "4月1日", "26/4/1", ""])
def test_ledger_dates_refused(text: str) -> None:
    with pytest.raises(ValueError):
        _ledger_date(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("￥4,950,000", "4950000"),
        ("５，４０１，６００", "5401600"),
        ("1,632,000円", "1632000"),
        ("▲48,000", "-48000"),
        ("△ 2,000", "-2000"),
        ("(1,000)", "-1000"),
        ("−5", "-5"),
        ("¥-3", "-3"),
        ("\\1,234", "1234"),
        ("1,632.5", "1632.5"),
    ],
)
def test_ledger_amounts(text: str, expected: str) -> None:
    assert _ledger_amount(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["約10万円", "1,000-", "-", "", "1.2.3", "十万"])
def test_ledger_amounts_refused(text: str) -> None:
    with pytest.raises(ValueError):
        _ledger_amount(text)


# --- FOCUS exports as providers write them -------------------------------------------------

V10 = [
    "AvailabilityZone",
    "BilledCost",
    "BillingAccountId",
    "BillingAccountName",
    "BillingCurrency",
    "BillingPeriodEnd",
    "BillingPeriodStart",
    "ChargeCategory",
    "ChargeClass",
    "ChargeDescription",
    "ChargeFrequency",
    "ChargePeriodEnd",
    "ChargePeriodStart",
    "CommitmentDiscountCategory",
    "CommitmentDiscountId",
    "CommitmentDiscountName",
    "CommitmentDiscountStatus",
    "CommitmentDiscountType",
    "ConsumedQuantity",
    "ConsumedUnit",
    "ContractedCost",
    "ContractedUnitPrice",
    "EffectiveCost",
    "InvoiceIssuerName",
    "ListCost",
    "ListUnitPrice",
    "PricingCategory",
    "PricingQuantity",
    "PricingUnit",
    "ProviderName",
    "PublisherName",
    "RegionId",
    "RegionName",
    "ResourceId",
    "ResourceName",
    "ResourceType",
    "ServiceCategory",
    "ServiceName",
    "SkuId",
    "SkuPriceId",
    "SubAccountId",
    "SubAccountName",
    "Tags",
]
V11 = [
    *V10,
    "CapacityReservationId",
    "CapacityReservationStatus",
    "CommitmentDiscountQuantity",
    "CommitmentDiscountUnit",
    "ServiceSubcategory",
    "SkuMeter",
    "SkuPriceDetails",
]
V12 = [*V11, "BillingAccountType", "SubAccountType", "InvoiceId", "PricingCurrency"]
AWS_X = ["x_CostCategories", "x_Discounts", "x_Operation", "x_ServiceCode", "x_UsageType"]

# (month, service, category, charge category, billed, effective, sub-account, tags)
CHARGES = [
    *[
        row
        for m in ("2026-06", "2026-07", "2026-08")
        for row in (
            (
                m,
                "Amazon EC2",
                "Compute",
                "Usage",
                "210.1234567890",
                "180.5",
                "vaccine-dev",
                {"system": "booking", "env": "dev"},
            ),
            (
                m,
                "Amazon RDS",
                "Databases",
                "Usage",
                "150.0000000001",
                "150.0000000001",
                "vaccine-dev",
                {"system": "booking"},
            ),
            (m, "Tax", "Other", "Tax", "36.01", "36.01", "vaccine-dev", {}),
        )
    ],
    *[
        row
        for m in ("2026-09", "2026-10")
        for row in (
            (
                m,
                "Amazon EC2",
                "Compute",
                "Usage",
                "250.5",
                "220.25",
                "vaccine-prod",
                {"system": "booking", "env": "prod"},
            ),
            (m, "Amazon S3", "Storage", "Usage", "1.2E-5", "1.2E-5", "vaccine-prod", {}),
            (m, "Amazon EC2", "Compute", "Credit", "-20.00", "-20.00", "vaccine-prod", {}),
            (
                m,
                "AWS Support (Business)",
                "Support",
                "Adjustment",
                "-3.5",
                "-3.5",
                "vaccine-prod",
                {},
            ),
            (m, "Savings Plans", "Compute", "Purchase", "100", "0", "vaccine-prod", {}),
            (
                m,
                "Amazon CloudWatch",
                "Management and Governance",
                "Usage",
                "0.75",
                "0.75",
                "sandbox",
                {"system": "booking"},
            ),
        )
    ],
]
RULES = """as_of: 2026-10
focus:
  - file: {file}
    cost: {cost}
    tax: exclusive
    rules:
      - {{item: saas-link-build, sub_account: vaccine-dev}}
      - {{item: saas-link, sub_account: vaccine-prod}}
rates:
  USD:
    - {{from: 2026-04-01, rate: 150}}
"""


def _by_hand(cost: str) -> tuple[dict[tuple[str, str], int], int]:
    """Mapped yen by (item, month), and unmapped yen, worked out from CHARGES: per month and
    item, sum the amounts, × 150 half-up, + 10 % tax floored."""
    col = 4 if cost == "billed" else 5
    usd: dict[tuple[str, str], Decimal] = {}
    for c in CHARGES:
        item = {"vaccine-dev": "saas-link-build", "vaccine-prod": "saas-link"}.get(c[6], "")
        usd[item, c[0]] = usd.get((item, c[0]), Decimal(0)) + Decimal(c[col])
    yen = {}
    for k, v in usd.items():
        y = int((v * 150).quantize(Decimal(1), ROUND_HALF_UP))
        yen[k] = y + int((y * Decimal("0.1")).quantize(Decimal(1), ROUND_FLOOR))
    unmapped = sum(v for (item, _), v in yen.items() if not item)
    return {k: v for k, v in yen.items() if k[0]}, unmapped


def _tags(d: dict[str, str], style: str) -> str:
    if not d:
        return ""
    if style == "gcp":  # BigQuery's list of {key, value}
        return json.dumps([{"key": k, "value": v} for k, v in d.items()])
    return json.dumps(d)


def _stamp(month: str, style: str) -> tuple[str, str]:
    y, m = int(month[:4]), int(month[5:])
    ny, nm = y + (m == 12), m % 12 + 1
    fmt = {
        "aws": "{}-{:02d}-01T00:00:00.000Z",
        "azure": "{}-{:02d}-01T00:00:00.0000000Z",
        "gcp": "{}-{:02d}-01 00:00:00 UTC",
        "oci": "{}-{:02d}-01T00:00Z",
        "sample": "{}-{:02d}-01 00:00:00",
    }[style]
    return fmt.format(y, m), fmt.format(ny, nm)


def _records(columns: list[str], style: str = "aws") -> list[dict[str, str]]:
    out = []
    for i, (m, svc, cat, cc, billed, eff, sub, tags) in enumerate(CHARGES):
        start, end = _stamp(m, style)
        d = dict.fromkeys(columns, "")
        d.update(
            BilledCost=billed,
            EffectiveCost=eff,
            ListCost=billed,
            BillingCurrency="USD",
            BillingPeriodStart=start,
            BillingPeriodEnd=end,
            ChargePeriodStart=start,
            ChargePeriodEnd=end,
            ChargeCategory=cc,
            ServiceName=svc,
            ServiceCategory=cat,
            ProviderName="AWS",
            SubAccountName=sub,
            Tags=_tags(tags, style),
            InvoiceId=f"INV-{m}",
            x_ServiceCode=svc.split()[-1],
            ChargeDescription=f"{svc} #{i}",
        )
        out.append({k: v for k, v in d.items() if k in columns})
    return out


def _csv(columns: list[str], style: str = "aws", *, bom: bool = False, crlf: bool = False) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\r\n" if crlf else "\n")
    w.writeheader()
    w.writerows(_records(columns, style))
    return buf.getvalue().encode("utf-8-sig" if bom else "utf-8")


def _parquet(columns: list[str], *, cost: str, tags: str) -> bytes:
    recs = _records(columns)
    arrays = []
    for c in columns:
        vals = [r[c] for r in recs]
        if c in ("BilledCost", "EffectiveCost", "ListCost"):
            if cost == "decimal":
                a = pa.array([Decimal(v) for v in vals], pa.decimal128(38, 12))
            elif cost == "float":
                a = pa.array([float(v) for v in vals], pa.float64())
            else:
                a = pa.array(vals, pa.large_string())
        elif c.endswith(("PeriodStart", "PeriodEnd")):
            a = pa.array(
                [dt.datetime.fromisoformat(v.replace("Z", "+00:00")) for v in vals],
                pa.timestamp("us", tz="UTC"),
            )
        elif c == "Tags" and tags == "map":
            a = pa.array(
                [list(json.loads(v).items()) if v else None for v in vals],
                pa.map_(pa.string(), pa.string()),
            )
        else:
            a = pa.array([v or None for v in vals], pa.string()).dictionary_encode()
        arrays.append(a)
    buf = io.BytesIO()
    pq.write_table(pa.table(arrays, names=columns), buf)
    return buf.getvalue()


def _check_focus(root: Path, cost: str = "billed") -> None:
    ws = load_workspace(root)
    mapped, unmapped = _by_hand(cost)
    assert _mapped(ws) == mapped
    files, _ = reconciliation(ws)
    row = files.iloc[0]
    assert row["rows_read"] == len(CHARGES) == 21
    assert row["mapped"] == sum(mapped.values())
    assert row["unmapped"] == unmapped > 0  # the sandbox's CloudWatch, 2 × 0.75 USD
    assert row["imported"] == row["mapped"] + row["unmapped"]
    assert row["rows_mapped"] + row["rows_unmapped"] == 21


def test_hand_calculation_of_the_focus_charges() -> None:
    # 2026-06, vaccine-dev: 210.1234567890 + 150.0000000001 + 36.01 = 396.1334567891 USD
    # × 150 = 59,420.02 → 59,420; + 5,942 tax = 65,362.  2026-09, vaccine-prod:
    # 250.5 + 0.000012 − 20 − 3.5 + 100 = 327.000012 × 150 = 49,050.0018 → 49,050 + 4,905
    mapped, unmapped = _by_hand("billed")
    assert mapped["saas-link-build", "2026-06"] == 65_362
    assert mapped["saas-link", "2026-09"] == 53_955
    # 0.75 × 150 = 112.5 → 113 (half-up) + 11 = 124 a month, two months
    assert unmapped == 248


@pytest.mark.parametrize(
    ("name", "columns", "style", "bom", "crlf"),
    [
        ("aws-1.0-with-x-columns", [*V10, *AWS_X], "aws", False, False),
        ("azure-1.0r2-bom-crlf", [*V10, "x_ResourceGroupName"], "azure", True, True),
        ("gcp-1.1-list-tags", V11, "gcp", False, False),
        ("oci-1.2", V12, "oci", False, False),
        ("sample-dates", V10, "sample", False, False),
    ],
)
def test_focus_csv_as_providers_write_it(
    tmp_path: Path, name: str, columns: list[str], style: str, bom: bool, crlf: bool
) -> None:
    data = _csv(columns, style, bom=bom, crlf=crlf)
    _check_focus(_workspace(tmp_path, {"f.csv": data}, RULES.format(file="f.csv", cost="billed")))


def test_focus_effective_cost(tmp_path: Path) -> None:
    root = _workspace(tmp_path, {"f.csv": _csv(V12)}, RULES.format(file="f.csv", cost="effective"))
    _check_focus(root, "effective")


def test_focus_csv_gzipped(tmp_path: Path) -> None:
    """AWS and Azure deliver FOCUS CSV gzipped."""
    data = gzip.compress(_csv([*V10, *AWS_X]))
    _check_focus(
        _workspace(tmp_path, {"f.csv.gz": data}, RULES.format(file="f.csv.gz", cost="billed"))
    )


@pytest.mark.parametrize(("cost", "tags"), [("decimal", "map"), ("float", "json"), ("text", "map")])
def test_focus_parquet_dtypes(tmp_path: Path, cost: str, tags: str) -> None:
    data = _parquet(V12, cost=cost, tags=tags)
    _check_focus(
        _workspace(tmp_path, {"f.parquet": data}, RULES.format(file="f.parquet", cost="billed"))
    )


@pytest.mark.parametrize("fmt", ["csv-gcp", "parquet-map"])
def test_tag_rules_read_every_tag_form(tmp_path: Path, fmt: str) -> None:
    """A rule on a tag matches JSON objects, BigQuery's [{key, value}] and Parquet maps."""
    yaml_text = RULES.replace(
        "      - {{item: saas-link-build, sub_account: vaccine-dev}}\n"
        "      - {{item: saas-link, sub_account: vaccine-prod}}\n",
        "      - {{item: saas-link, tag: {{system: booking, env: prod}}}}\n",
    )
    if fmt == "csv-gcp":
        files, name = {"f.csv": _csv(V11, "gcp")}, "f.csv"
    else:
        files, name = {"f.parquet": _parquet(V12, cost="decimal", tags="map")}, "f.parquet"
    ws = load_workspace(_workspace(tmp_path, files, yaml_text.format(file=name, cost="billed")))
    # only the EC2 usage rows of vaccine-prod carry env: prod: 250.5 × 150 = 37,575 + 3,757
    assert _mapped(ws) == {("saas-link", "2026-09"): 41_332, ("saas-link", "2026-10"): 41_332}


def test_focus_split_export_read_by_a_glob(tmp_path: Path) -> None:
    """AWS writes each billing period as numbered parts; a glob reads them all, and parts
    of one export are not taken for overlapping exports."""
    lines = _csv([*V10, *AWS_X]).decode().splitlines(keepends=True)
    head, body = lines[0], lines[1:]
    files = {
        "aws/data/part-00001.csv.gz": gzip.compress((head + "".join(body[:10])).encode()),
        "aws/data/part-00002.csv.gz": gzip.compress((head + "".join(body[10:])).encode()),
    }
    root = _workspace(tmp_path, files, RULES.format(file="aws/data/part-*.csv.gz", cost="billed"))
    ws = load_workspace(root)
    mapped, unmapped = _by_hand("billed")
    # parts are converted per file and month, so a month split over two parts may round
    # differently by a yen; here months do not straddle the parts except 2026-09
    e = ws.actuals.entries
    assert int(e["yen"].sum()) == pytest.approx(sum(mapped.values()) + unmapped, abs=2)
    files_t, _ = reconciliation(ws)
    assert list(files_t.index[:2]) == sorted(f"actuals/{f}" for f in files)
    assert files_t.loc["total", "rows_read"] == 21
    assert not any("holds charges for" in n or "請求を" in n for n in ws.notices)


def test_focus_glob_matching_nothing(tmp_path: Path) -> None:
    root = _workspace(tmp_path, {}, RULES.format(file="aws/*.csv.gz", cost="billed"))
    assert any(
        m.startswith("actuals/actuals.yaml:3: focus: no file matches 'aws/*.csv.gz'")
        for m in _problems(root)
    )


# --- bad FOCUS files: located messages ---------------------------------------------------


def _bad(tmp_path: Path, edit: tuple[str, str], columns: list[str] = V10) -> list[str]:
    text = _csv(columns).decode()
    assert edit[0] in text
    text = text.replace(edit[0], edit[1])
    return _problems(
        _workspace(tmp_path, {"f.csv": text.encode()}, RULES.format(file="f.csv", cost="billed"))
    )


def test_focus_us_dates_are_located_with_their_value(tmp_path: Path) -> None:
    msgs = _bad(tmp_path, ("2026-09-01T00:00:00.000Z", "9/1/2026 12:00:00 AM"))
    # September's 6 rows are lines 11–16 (header line 1, June–August 9 rows)
    assert any(
        m.startswith("actuals/f.csv:11: column ChargePeriodStart: '9/1/2026 12:00:00 AM' does")
        for m in msgs
    ), msgs
    assert any("1 more rows do not start with a date" in m for m in msgs)  # 5 listed, 1 more
    assert sum("does not start with a date" in m for m in msgs) == 5


def test_focus_empty_currency_is_located(tmp_path: Path) -> None:
    text = _csv(V10).decode().splitlines(keepends=True)
    text[4] = text[4].replace(",USD,", ",,")
    root = _workspace(
        tmp_path, {"f.csv": "".join(text).encode()}, RULES.format(file="f.csv", cost="billed")
    )
    assert any(
        m.startswith("actuals/f.csv:5: column BillingCurrency: the currency is empty")
        for m in _problems(root)
    )


def test_focus_text_amount_in_parquet_is_located(tmp_path: Path) -> None:
    recs = _records(V10)
    recs[3]["BilledCost"] = "N/A"
    t = pa.table({c: [r[c] or None for r in recs] for c in V10})
    buf = io.BytesIO()
    pq.write_table(t, buf)
    root = _workspace(
        tmp_path, {"f.parquet": buf.getvalue()}, RULES.format(file="f.parquet", cost="billed")
    )
    assert any(
        m.startswith("actuals/f.parquet:5: column BilledCost: 'N/A' is not an amount")
        for m in _problems(root)
    )


def test_focus_not_gzip_though_named_so(tmp_path: Path) -> None:
    root = _workspace(
        tmp_path, {"f.csv.gz": _csv(V10)}, RULES.format(file="f.csv.gz", cost="billed")
    )
    assert any(m.startswith("actuals/f.csv.gz: not readable") for m in _problems(root))


def test_focus_12_duplicated_charge_is_located(tmp_path: Path) -> None:
    lines = _csv(V12).decode().splitlines(keepends=True)
    lines.insert(12, lines[4])  # line 5 again, as line 13
    root = _workspace(
        tmp_path, {"f.csv": "".join(lines).encode()}, RULES.format(file="f.csv", cost="billed")
    )
    assert any(
        m.startswith("actuals/f.csv:13: row repeats line 5 in every column (InvoiceId")
        for m in _problems(root)
    )


def test_focus_truncated_download_is_located(tmp_path: Path) -> None:
    text = _csv(V10).decode()
    text = text[: len(text) - 200]  # the last row cut short, as an interrupted download
    root = _workspace(tmp_path, {"f.csv": text.encode()}, RULES.format(file="f.csv", cost="billed"))
    msgs = _problems(root)
    assert any(
        m.startswith("actuals/f.csv:22: row has ") and "the header 43 columns" in m for m in msgs
    ), msgs


def test_focus_empty_file(tmp_path: Path) -> None:
    root = _workspace(tmp_path, {"f.csv": b""}, RULES.format(file="f.csv", cost="billed"))
    assert _problems(root) == [
        "actuals/f.csv: file is empty (expected a FOCUS export with a header row)"
    ]


def test_focus_header_only_is_an_empty_month(tmp_path: Path) -> None:
    data = (",".join(V12) + "\n").encode()
    ws = load_workspace(
        _workspace(tmp_path, {"f.csv": data}, RULES.format(file="f.csv", cost="billed"))
    )
    files, _ = reconciliation(ws)
    assert files.loc["actuals/f.csv", "rows_read"] == 0
    assert files.loc["actuals/f.csv", "imported"] == 0


def test_ledger_row_number_column_is_not_the_document(tmp_path: Path) -> None:
    """番号 (a row number) beside 伝票番号: the voucher number is the document."""
    text = (
        "番号,日付,費目,金額（円）,伝票番号\n"
        "1,2026-09-30,saas-fee,100,A-7\n2,2026-09-30,saas-fee,100,A-7\n"
    )
    msgs = _problems(_workspace(tmp_path, {"ledger.csv": text.encode()}, LEDGER_YAML))
    # the same voucher, item, date and amount twice: a duplicated row, found by 伝票番号
    assert any(
        m.startswith("actuals/ledger.csv:3: column document: document 'A-7' repeats line 2")
        for m in msgs
    ), msgs


def test_ledger_dates_with_spaces() -> None:
    assert _ledger_date("R 8. 4. 1") == _ledger_date("令和 8 年 4 月 1 日") == dt.date(2026, 4, 1)


@pytest.mark.parametrize("suffix", ["csv", "parquet"])
def test_focus_amounts_finer_than_the_reading_scale(tmp_path: Path, suffix: str) -> None:
    """Azure prints doubles in full (2.76393613891528E-05: 19 decimals); amounts with more
    decimals than archplan reads exactly are read again and rounded at 10⁻¹⁸."""
    amounts = ["100.123456789012345678901", "2.76393613891528E-05", "-0.5"]
    recs = _records(V10)[:3]  # three June rows of vaccine-dev
    for r, a in zip(recs, amounts, strict=True):
        r["BilledCost"] = a
    if suffix == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=V10, lineterminator="\n")
        w.writeheader()
        w.writerows(recs)
        data = buf.getvalue().encode()
    else:
        out = io.BytesIO()
        pq.write_table(pa.table({c: [r[c] or None for r in recs] for c in V10}), out)
        data = out.getvalue()
    name = f"f.{suffix}"
    ws = load_workspace(_workspace(tmp_path, {name: data}, RULES.format(file=name, cost="billed")))
    # exact sum 99.6234844283737348317… USD × 150 = 14,943.52… → 14,944 + 1,494 tax
    usd = sum(Decimal(a) for a in amounts)
    yen = int((usd * 150).quantize(Decimal(1), ROUND_HALF_UP))
    assert yen == 14_944
    assert _mapped(ws) == {("saas-link-build", "2026-06"): yen + yen // 10}


def test_english_ledger_as_excel_writes_it(tmp_path: Path) -> None:
    """English headers (Payment Date, Cost Item, Amount (JPY), Voucher No.), a title, a
    footer total, Excel's BOM and CRLF."""
    text = (
        "Ledger export,,,,,\n"
        "Payment Date,Cost Item,Amount (JPY),Tax,Voucher No.,Description\n"
        '2026-09-30,saas-fee,"1,300,000",exclusive,V-1002,Fee Sep\n'
        '2026-10-30,saas-fee,"(50,000)",exclusive,V-1004,SLA credit\n'
        ",,,,,\n"
        'Total,,"1,250,000",,,\n'
    )
    raw = text.replace("\n", "\r\n").encode("utf-8-sig")
    ws = load_workspace(_workspace(tmp_path, {"ledger.csv": raw}, LEDGER_YAML))
    # 1,300,000 × 1.1 = 1,430,000; −50,000 × 1.1 = −55,000
    assert _mapped(ws) == {("saas-fee", "2026-09"): 1_430_000, ("saas-fee", "2026-10"): -55_000}
    assert any("ledger.csv:6：" in n and "1,250,000" in n for n in ws.notices)


@pytest.mark.parametrize(
    ("header", "yen"),
    [
        ("amount (thousand yen)", 1_500),
        ("Amount (JPY thousand)", 1_500),
        ("金額（税込・千円）", 1_500),
        ("Amount (JPY)", 2),  # 1.5 yen, half-up
        ("amount_yen", 2),
    ],
)
def test_ledger_units_in_the_header(tmp_path: Path, header: str, yen: int) -> None:
    text = f"date,item,{header},document\n2026-09-30,saas-fee,1.5,A-1\n"
    ws = load_workspace(_workspace(tmp_path, {"ledger.csv": text.encode()}, LEDGER_YAML))
    assert _mapped(ws) == {("saas-fee", "2026-09"): yen}


def test_ledger_general_headers_yield_to_specific_ones(tmp_path: Path) -> None:
    """区分 (here: obligation or payment) beside 費目, 番号 beside 伝票番号: the specific
    columns are read; item ids written in full width are read as written in costs.yaml."""
    text = (
        "番号,区分,支払日,費目,支出金額（円）,伝票番号\n"
        "1,支出命令,2026-09-30,ｓａａｓ－ｆｅｅ,100,A-1\n"
        "2,支出命令,2026-09-30,saas-fee,200,A-2\n"
    )
    ws = load_workspace(_workspace(tmp_path, {"ledger.csv": text.encode()}, LEDGER_YAML))
    assert _mapped(ws) == {("saas-fee", "2026-09"): 300}
    assert sorted(ws.actuals.entries["document"]) == ["A-1", "A-2"]


@pytest.mark.parametrize("style", ["upper_snake", "lower"])
def test_focus_columns_spelt_by_a_warehouse(tmp_path: Path, style: str) -> None:
    """A FOCUS table exported from a data warehouse (BILLED_COST, billedcost)."""
    import re

    def spell(c: str) -> str:
        snake = re.sub(r"(?<!^)(?=[A-Z])", "_", c)
        return snake.upper() if style == "upper_snake" else c.lower()

    text = _csv(V12).decode().splitlines(keepends=True)
    text[0] = ",".join(spell(c) for c in V12) + "\n"
    root = _workspace(
        tmp_path, {"f.csv": "".join(text).encode()}, RULES.format(file="f.csv", cost="billed")
    )
    _check_focus(root)


@pytest.mark.parametrize(
    ("codec", "declared", "said"),
    [
        ("euc_jp", "auto", ":1: file is EUC-JP text, not in the declared encoding"),
        ("utf-8", "shift_jis", ":1: file is UTF-8 text, not in the declared encoding"),
    ],
)
def test_ledger_in_another_encoding_is_named(
    tmp_path: Path, codec: str, declared: str, said: str
) -> None:
    text = "支払日,費目,金額（円）,伝票番号,摘要\n2026-09-30,saas-fee,100,A-1,予約件数課金\n"
    yaml_text = LEDGER_YAML + f"    encoding: {declared}\n"
    msgs = _problems(_workspace(tmp_path, {"ledger.csv": text.encode(codec)}, yaml_text))
    assert any(m.startswith(f"actuals/ledger.csv{said}") for m in msgs), msgs


def test_ledger_utf8_that_also_decodes_as_shift_jis_is_named(tmp_path: Path) -> None:
    """These UTF-8 bytes happen to be valid CP932 too (as mojibake): read as the declared
    Shift_JIS there is no header, read as UTF-8 there is, and the problem says so."""
    text = "支払日,費目,amount (yen),伝票番号\n2026-09-30,saas-fee,100,A-1\n"
    raw = text.encode("utf-8")
    assert raw.decode("cp932") != text  # decodes, wrongly
    yaml_text = LEDGER_YAML + "    encoding: shift_jis\n"
    msgs = _problems(_workspace(tmp_path, {"ledger.csv": raw}, yaml_text))
    assert msgs[0].startswith(
        "actuals/ledger.csv: file is UTF-8 text: read as Shift_JIS it has no ledger header"
    ), msgs


def test_tags_without_braces_as_older_azure_exports_write_them(tmp_path: Path) -> None:
    text = _csv(V10, "azure").decode()
    text = text.replace(
        '"{""system"": ""booking"", ""env"": ""prod""}"',
        '"""system"": ""booking"", ""env"": ""prod"""',
    )
    assert '"""system"": ""booking"", ""env"": ""prod"""' in text
    yaml_text = RULES.replace(
        "      - {{item: saas-link-build, sub_account: vaccine-dev}}\n"
        "      - {{item: saas-link, sub_account: vaccine-prod}}\n",
        "      - {{item: saas-link, tag: {{env: prod}}}}\n",
    ).format(file="f.csv", cost="billed")
    ws = load_workspace(_workspace(tmp_path, {"f.csv": text.encode()}, yaml_text))
    assert _mapped(ws) == {("saas-link", "2026-09"): 41_332, ("saas-link", "2026-10"): 41_332}


def test_ledger_currency_written_as_yen_sign(tmp_path: Path) -> None:
    text = (
        "日付,費目,金額（円）,通貨,伝票番号\n"
        "2026-09-30,saas-fee,100,￥,A-1\n2026-09-30,saas-fee,5,円,A-2\n"
    )
    ws = load_workspace(_workspace(tmp_path, {"ledger.csv": text.encode()}, LEDGER_YAML))
    assert _mapped(ws) == {("saas-fee", "2026-09"): 105}


def test_ledger_subtotals_and_a_grand_total(tmp_path: Path) -> None:
    """小計 per month then 合計: each subtotal agrees with its month, the grand total with
    every row; none is imported."""
    text = (
        "（単位：円）\n支払日,費目,金額,伝票番号\n"
        "2026-09-30,saas-fee,100,A-1\n2026-09-30,saas-fee,200,A-2\n,小計,300,\n"
        "2026-10-30,saas-fee,50,A-3\n,小計,50,\n,合計,350,\n,合計,999,\n"
    )
    ws = load_workspace(_workspace(tmp_path, {"ledger.csv": text.encode()}, LEDGER_YAML))
    assert _mapped(ws) == {("saas-fee", "2026-09"): 300, ("saas-fee", "2026-10"): 50}
    notes = [n for n in ws.notices if "合計行" in n]
    assert [n.split("：")[0] for n in notes] == [f"actuals/ledger.csv:{i}" for i in (5, 7, 8, 9)]
    assert [("と一致する" in n) for n in notes] == [True, True, True, False]
    assert "合計350と一致する" in notes[2]


def test_exports_without_settings_are_said(tmp_path: Path) -> None:
    root = _workspace(tmp_path, {"ledger.csv": b"date,item\n"}, "")
    (root / "actuals" / "actuals.yaml").unlink()
    ws = load_workspace(root)
    assert ws.actuals is None
    assert any(
        n.startswith("actuals/にledger.csvがあるがactuals/actuals.yamlがない") for n in ws.notices
    ), ws.notices


def test_ledger_amount_with_unquoted_commas_is_located(tmp_path: Path) -> None:
    """1,234,567 written without quotes shifts the cells: refused, not misread."""
    text = (
        "日付,費目,金額（円）,伝票番号,摘要,,\n"
        "2026-09-30,saas-fee,1000,A-1,ok,,\n"
        "2026-09-30,saas-fee,1,234,567,A-2,shifted\n"
    )
    msgs = _problems(_workspace(tmp_path, {"ledger.csv": text.encode()}, LEDGER_YAML))
    assert msgs == [
        "actuals/ledger.csv:3: row has 7 cells, more than the header's 5 columns "
        '(expected as many cells as columns; an amount with commas in quotes ("1,234,567"))'
    ]


def test_ledger_note_with_unquoted_commas_keeps_them(tmp_path: Path) -> None:
    """The last column is free text: its unquoted commas stay in the note."""
    text = "日付,費目,金額（円）,伝票番号,摘要\n2026-09-30,saas-fee,1000,A-1,9月分（34,000件）\n"
    ws = load_workspace(_workspace(tmp_path, {"ledger.csv": text.encode()}, LEDGER_YAML))
    assert _mapped(ws) == {("saas-fee", "2026-09"): 1_000}
    assert list(ws.actuals.entries["note"]) == ["9月分（34,000件）"]


def test_focus_saved_with_semicolons_is_said(tmp_path: Path) -> None:
    """Opened and saved again by a European Excel: ';'-separated."""
    text = _csv(V10).decode().replace(",", ";")
    root = _workspace(tmp_path, {"f.csv": text.encode()}, RULES.format(file="f.csv", cost="billed"))
    assert _problems(root) == [
        "actuals/f.csv:1: the header is one column separated by ';', not by commas "
        "(expected a comma-separated FOCUS CSV (as the providers export it))"
    ]


def test_focus_13_service_provider_name_serves_provider_rules(tmp_path: Path) -> None:
    cols = [("ServiceProviderName" if c == "ProviderName" else c) for c in V12]
    text = _csv(V12).decode().splitlines(keepends=True)
    text[0] = ",".join(cols) + "\n"
    yaml_text = RULES.replace(
        "      - {{item: saas-link-build, sub_account: vaccine-dev}}\n"
        "      - {{item: saas-link, sub_account: vaccine-prod}}\n",
        "      - {{item: saas-link, provider: AWS, service_category: Compute}}\n",
    ).format(file="f.csv", cost="billed")
    ws = load_workspace(_workspace(tmp_path, {"f.csv": "".join(text).encode()}, yaml_text))
    # June–August: EC2 210.1234567890 USD × 150 = 31,518.52 → 31,519 + 3,151 tax = 34,670;
    # September, October: EC2 250.5 − credit 20 + Savings Plans 100 = 330.5 USD
    # × 150 = 49,575 + 4,957 = 54,532
    june_aug = {("saas-link", m): 34_670 for m in ("2026-06", "2026-07", "2026-08")}
    sep_oct = {("saas-link", m): 54_532 for m in ("2026-09", "2026-10")}
    assert _mapped(ws) == june_aug | sep_oct


def test_monthly_ledger_exports_read_by_a_glob(tmp_path: Path) -> None:
    """One export a month (ledger-2026-09.csv, ledger-2026-10.csv); an overlapping re-export
    of September is caught as duplicated documents across the files."""
    head = "支払日,費目,金額（円）,伝票番号\n"
    files = {
        "ledger-2026-09.csv": (head + "2026-09-30,saas-fee,100,A-1\n").encode("cp932"),
        "ledger-2026-10.csv": (head + "2026-10-30,saas-fee,200,A-2\n").encode("cp932"),
    }
    yaml_text = "as_of: 2026-10\nledger:\n  - file: ledger-2026-*.csv\n"
    ws = load_workspace(_workspace(tmp_path, files, yaml_text))
    assert _mapped(ws) == {("saas-fee", "2026-09"): 100, ("saas-fee", "2026-10"): 200}
    recon, _ = reconciliation(ws)
    assert list(recon.index[:2]) == ["actuals/ledger-2026-09.csv", "actuals/ledger-2026-10.csv"]
    files["ledger-2026-10.csv"] = (
        head + "2026-09-30,saas-fee,100,A-1\n2026-10-30,saas-fee,200,A-2\n"
    ).encode("cp932")
    msgs = _problems(_workspace(tmp_path / "again", files, yaml_text))
    assert any(
        m.startswith("actuals/ledger-2026-10.csv:2: column document: document 'A-1' repeats ")
        and "actuals/ledger-2026-09.csv:2" in m
        for m in msgs
    ), msgs
    nothing = _problems(_workspace(tmp_path / "none", {}, yaml_text))
    assert nothing == [
        "actuals/actuals.yaml: ledger: no file matches 'ledger-2026-*.csv' "
        "(expected ledger CSVs under actuals/ matching the pattern)"
    ]


def test_ledger_item_column_with_labels_names_and_typos(tmp_path: Path) -> None:
    """A clerk writes the category as archplan prints it (運用), or the item's own name,
    and they map; a typo of an id is listed as unmapped with the nearest ids."""
    text = (
        "日付,費目,金額（円）,伝票番号\n"
        "2026-09-30,運用,110000,A-1\n"  # the operation category's Japanese label
        "2026-09-30,予約件数課金,220000,A-2\n"  # the saas-fee item's own name
        "2026-09-30,ｓａａｓ－ｆｅｅ,330000,A-3\n"  # full width
        "2026-09-30,saas-fe,440000,A-4\n"  # a typo: unmapped, with the nearest id
    )
    ws = load_workspace(_workspace(tmp_path, {"ledger.csv": text.encode()}, LEDGER_YAML))
    e = ws.actuals.entries  # type: ignore[attr-defined]
    mapped = e[e["status"] == "mapped"]
    by_doc = {r["document"]: (r["item"], r["category"]) for _, r in mapped.iterrows()}
    assert by_doc == {
        "A-1": ("", "operation"),
        "A-2": ("saas-fee", "subscription"),
        "A-3": ("saas-fee", "subscription"),
    }
    (typo,) = e[e["status"] == "unmapped"]["document"]
    assert typo == "A-4"
    assert any(
        n.startswith("actuals/ledger.csv:5：費目'saas-fe'は") and "近いもの：saas-fee" in n
        for n in ws.notices
    ), ws.notices
