"""Move the build-and-test months of the vaccine-booking FOCUS export to a dev account.

The integration environment was used June–August 2026 to build and test the ledger link
(cost item ``saas-link-build``) and from the go-live in September 2026 to run the service
(``saas-link``). This rewrites the June–August rows of the production sub-account
(``acct-0`` / ``vaccine-prod``, tag ``environment: prod``) as the development sub-account
(``acct-2`` / ``vaccine-dev``, tag ``environment: dev``). Amounts, row order, the other
columns and the unmapped ``sandbox`` rows are left exactly as they are, so the file keeps
reconciling to the same yen. Running it twice changes nothing.

Usage: python scripts/vaccine-focus-dev-account.py
"""

from __future__ import annotations

from pathlib import Path

FILE = (
    Path(__file__).resolve().parent.parent / "data/examples/vaccine-booking/actuals/focus-2026.csv"
)
BUILD_MONTHS = ("2026-06", "2026-07", "2026-08")
PROD = '"acct-0","vaccine-prod","{""system"": ""booking"", ""environment"": ""prod""}"'
DEV = '"acct-2","vaccine-dev","{""system"": ""booking"", ""environment"": ""dev""}"'
PERIOD_START = 6  # column index of BillingPeriodStart in the FOCUS 1.0 sample's order


def main() -> None:
    lines = FILE.read_text(encoding="utf-8").splitlines(keepends=True)
    out = [lines[0]]
    moved = 0
    for line in lines[1:]:
        # BillingPeriodStart is the 7th field; no earlier field contains a comma
        period = line.split(",")[PERIOD_START].strip('"')[:7]
        if period in BUILD_MONTHS and line.rstrip("\r\n").endswith(PROD):
            line = line.replace(PROD, DEV)
            moved += 1
        out.append(line)
    FILE.write_text("".join(out), encoding="utf-8", newline="")
    print(f"{moved} rows moved to vaccine-dev")


if __name__ == "__main__":
    main()
