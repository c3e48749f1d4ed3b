"""What the FOCUS 1.2 duplicate check costs, against reading the file with pyarrow alone.

A FOCUS 1.2 export (one with an ``InvoiceId`` column) is checked for the same charge
twice: every column of every row is hashed (``duplicated_rows``). The case: the synthetic
FOCUS 1.0 export of ``bench_actuals.py`` (the 44 columns of the FinOps sample) with an
``InvoiceId`` per billing month added, no duplicated row (the usual case: one pass).
Printed, all measured in this run: reading the whole file with ``pyarrow.csv.read_csv``
(the floor), the duplicate check alone, and ``load_workspace`` on the same workspace with
the 1.0 file and with the 1.2 file (the difference is what the check adds).

Run with ``make bench`` (``--rows N`` for another size).
"""

from __future__ import annotations

import argparse
import csv
import shutil
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
from bench_actuals import EXAMPLE, MONTHS, _best  # the same case, declared once there

from archplan import load_workspace
from archplan.actuals.reader import duplicated_rows
from archplan.actuals.synthetic import synthetic_focus


def _workspace(root: Path, focus: Path) -> Path:
    ws = root / focus.stem
    shutil.copytree(EXAMPLE, ws)
    shutil.copyfile(focus, ws / "actuals" / "focus-2026.csv")
    return ws


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=300_000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="archplan-bench-focus12-"))
    try:
        v10 = tmp / "focus10.csv"
        synthetic_focus(v10, args.rows, MONTHS, seed=7)
        table = pacsv.read_csv(v10)
        month = pc.utf8_slice_codeunits(pc.cast(table["BillingPeriodStart"], pa.string()), 0, 7)
        invoice = pc.binary_join_element_wise("INV-", month, "")
        v12 = tmp / "focus12.csv"
        pacsv.write_csv(table.append_column("InvoiceId", invoice), v12)
        del table
        with v12.open(encoding="utf-8") as fh:
            names = next(csv.reader([fh.readline()]))
        print(f"{args.rows:,} rows, {len(names)} columns ({v12.stat().st_size / 1e6:,.0f} MB)")
        floor = _best(lambda: pacsv.read_csv(v12), args.repeat)
        check = _best(lambda: duplicated_rows(v12, names), args.repeat)
        assert duplicated_rows(v12, names) == []
        ws10, ws12 = _workspace(tmp, v10), _workspace(tmp, v12)
        load10 = _best(lambda: load_workspace(ws10), args.repeat)
        load12 = _best(lambda: load_workspace(ws12), args.repeat)
        print(f"floor  pyarrow.csv.read_csv, every column:  {floor:6.2f} s")
        print(f"       duplicated_rows (every column):      {check:6.2f} s")
        print(f"       load_workspace, FOCUS 1.0 file:      {load10:6.2f} s")
        print(f"       load_workspace, FOCUS 1.2 file:      {load12:6.2f} s")
        print(
            f"ratio  check {check / floor:.2f}x the full-read floor; "
            f"1.2 load {load12 / load10:.2f}x the 1.0 load "
            f"(+{(load12 - load10) / floor:.2f}x the floor)"
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
