"""Synthetic FOCUS 1.0 exports with the columns of the FinOps Foundation's sample, for the
bundled example, the tests and the benchmark (seeded, vectorised, exact amounts).

Amounts are drawn as whole units of 10⁻¹⁰ of the billing currency and written as decimals,
so a test can total them exactly with integers.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

__all__ = ["FOCUS_HEADER", "synthetic_focus"]

#: The 44 columns of the FOCUS 1.0 sample (FinOps Foundation, CC BY 4.0), in its order.
FOCUS_HEADER = [
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
    "Id",
    "ServiceName",
    "SkuId",
    "SkuPriceId",
    "SubAccountId",
    "SubAccountName",
    "Tags",
]

SERVICES = (
    ("Amazon Elastic Compute Cloud", "Compute"),
    ("Amazon Relational Database Service", "Databases"),
    ("Amazon Simple Storage Service", "Storage"),
    ("Amazon CloudWatch", "Management and Governance"),
    ("Elastic Load Balancing", "Networking"),
    ("AWS Key Management Service", "Security"),
)

SCALE = 10**10


def synthetic_focus(
    path: str | Path,
    rows: int,
    months: list[str],
    *,
    seed: int = 1,
    accounts: tuple[tuple[str, str, float], ...] = (
        ("vaccine-prod", "booking", 0.9),
        ("sandbox", "", 0.1),
    ),
    mean_cost: float = 0.5,
    currency: str = "USD",
    credit_share: float = 0.0,
    parquet: bool = False,
) -> dict[str, int]:
    """Write a FOCUS 1.0 export of ``rows`` rows over ``months`` (``YYYY-MM``).

    ``accounts`` are (SubAccountName, value of the ``system`` tag or "" for none, share of
    rows). Returns the exact BilledCost totals in units of 10⁻¹⁰ by
    ``"<account>|<month>"`` (and ``"all"``), for tests to check against.

    Examples
    --------
    >>> import tempfile, os
    >>> d = tempfile.mkdtemp()
    >>> totals = synthetic_focus(os.path.join(d, "f.csv"), 10, ["2026-04"], seed=3)
    >>> totals["all"] == sum(v for k, v in totals.items() if k != "all")
    True
    """
    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.csv as pacsv  # type: ignore[import-untyped]

    rng = np.random.default_rng(seed)
    n = rows
    acc_i = rng.choice(
        len(accounts), size=n, p=np.array([a[2] for a in accounts]) / sum(a[2] for a in accounts)
    )
    svc_i = rng.integers(0, len(SERVICES), size=n)
    mon_i = np.sort(rng.integers(0, len(months), size=n))
    day = rng.integers(1, 29, size=n)
    hour = rng.integers(0, 23, size=n)
    units = rng.integers(0, int(2 * mean_cost * SCALE), size=n, dtype=np.int64)
    credit = rng.random(n) < credit_share
    units = np.where(credit, -(units // 10), units)
    cat = np.where(credit, "Credit", "Usage")
    mon = np.array(months)[mon_i]
    start = np.char.add(
        np.char.add(np.char.add(mon, "-"), np.char.zfill(day.astype(str), 2)),
        np.char.add(" ", np.char.add(np.char.zfill(hour.astype(str), 2), ":00:00")),
    )
    end = np.char.add(
        np.char.add(np.char.add(mon, "-"), np.char.zfill(day.astype(str), 2)),
        np.char.add(" ", np.char.add(np.char.zfill((hour + 1).astype(str), 2), ":00:00")),
    )
    period_start = np.char.add(mon, "-01 00:00:00")
    following = [f"{int(m[:4]) + int(m[5:]) // 12:04d}-{int(m[5:]) % 12 + 1:02d}" for m in months]
    period_end = np.char.add(np.array(following)[mon_i], "-01 00:00:00")
    names = np.array([a[0] for a in accounts])[acc_i]
    tag_values = [
        json.dumps({"system": a[1], "environment": "prod"}) if a[1] else None for a in accounts
    ]
    tags = np.array(tag_values, dtype=object)[acc_i]
    svc = np.array([s[0] for s in SERVICES])[svc_i]
    svc_cat = np.array([s[1] for s in SERVICES])[svc_i]
    dec = pa.decimal128(38, 10)
    # exact decimals: strings of the scaled integers
    text = np.char.add(
        np.where(units < 0, "-", ""),
        np.char.add(
            np.char.add((np.abs(units) // SCALE).astype(str), "."),
            np.char.zfill((np.abs(units) % SCALE).astype(str), 10),
        ),
    )
    cost = pa.array(text.tolist() if n else [], type=pa.string()).cast(dec)
    null = pa.nulls(n, type=pa.string())
    cols: dict[str, pa.Array] = {c: null for c in FOCUS_HEADER}
    cols.update(
        {
            "BilledCost": cost,
            "EffectiveCost": cost,
            "ListCost": cost,
            "ContractedCost": cost,
            "BillingAccountId": pa.array(["1234567890123"] * n),
            "BillingAccountName": pa.array(["Health Bureau"] * n),
            "BillingCurrency": pa.array([currency] * n),
            "BillingPeriodStart": pa.array(period_start.tolist()),
            "BillingPeriodEnd": pa.array(period_end.tolist()),
            "ChargeCategory": pa.array(cat.tolist()),
            "ChargeFrequency": pa.array(["Usage-Based"] * n),
            "ChargePeriodStart": pa.array(start.tolist()),
            "ChargePeriodEnd": pa.array(end.tolist()),
            "ChargeDescription": pa.array(svc.tolist()),
            "InvoiceIssuerName": pa.array(["Amazon Web Services Japan G.K."] * n),
            "ProviderName": pa.array(["AWS"] * n),
            "PublisherName": pa.array(["Amazon Web Services, Inc."] * n),
            "RegionId": pa.array(["ap-northeast-1"] * n),
            "RegionName": pa.array(["Asia Pacific (Tokyo)"] * n),
            "ServiceName": pa.array(svc.tolist()),
            "ServiceCategory": pa.array(svc_cat.tolist()),
            "Id": pa.array(np.arange(1, n + 1).astype(str).tolist()),
            "SubAccountId": pa.array(np.char.add("acct-", acc_i.astype(str)).tolist()),
            "SubAccountName": pa.array(names.tolist()),
            "Tags": pa.array(tags.tolist(), type=pa.string()),
        }
    )
    table = pa.table([cols[c] for c in FOCUS_HEADER], names=FOCUS_HEADER)
    if parquet:
        import pyarrow.parquet as pq  # type: ignore[import-untyped]

        pq.write_table(table, str(path))
    else:
        pacsv.write_csv(table, str(path))
    totals: dict[str, int] = {"all": int(units.sum())}
    for a in range(len(accounts)):
        for k, mo in enumerate(months):
            sel = (acc_i == a) & (mon_i == k)
            totals[f"{accounts[a][0]}|{mo}"] = int(units[sel].sum())
    return totals
