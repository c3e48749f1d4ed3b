"""FOCUS import-and-map speed against reading the same file with pyarrow alone.

The case: a 1,000,000-row FOCUS 1.0 CSV (the 44 columns of the FinOps Foundation's
sample, six services, two sub-accounts, tags, 2 % credits, USD) over twelve months. The
floor reads the whole file with ``pyarrow.csv.read_csv`` (and, for reference, pandas with
the pyarrow engine) and, stricter, reads only the columns archplan uses.
archplan's run is the workspace loader's FOCUS reader: read the
needed columns with exact decimals, group, map the groups by rules (never rows × rules),
convert at dated rates, add tax, and reconcile. Peak memory (resident set) of each is
measured in a fresh child process.

Run with ``make bench`` (``--rows N`` for another size).
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import shutil
import tempfile
import time
from pathlib import Path

import pyarrow.csv as pacsv

from archplan import load_workspace
from archplan.actuals import reconciliation
from archplan.actuals.synthetic import synthetic_focus

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "vaccine-booking"
MONTHS = [f"2026-{m:02d}" for m in range(4, 13)] + ["2027-01", "2027-02", "2027-03"]


def _best(fn: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t)
    return min(times)


def _floor(path: Path, columns: list[str] | None) -> None:
    opts = pacsv.ConvertOptions(include_columns=columns) if columns else None
    pacsv.read_csv(path, convert_options=opts)


def _ours(ws_dir: Path) -> None:
    load_workspace(ws_dir)


def _child(which: str, arg: Path, columns: list[str] | None, out: object) -> None:
    if which == "ours":
        _ours(arg)
    else:
        _floor(arg, columns)
    out.put(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)  # type: ignore[attr-defined]


def _peak_mb(which: str, arg: Path, columns: list[str] | None = None) -> float:
    ctx = multiprocessing.get_context("forkserver")  # a small parent: honest max RSS
    q = ctx.Queue()
    p = ctx.Process(target=_child, args=(which, arg, columns, q))
    p.start()
    kb = q.get()
    p.join()
    return float(kb) / 1024


USED = [
    "BilledCost",
    "BillingCurrency",
    "ChargePeriodStart",
    "ServiceName",
    "ServiceCategory",
    "ChargeCategory",
    "ProviderName",
    "SubAccountName",
    "Tags",
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    try:
        ws_dir = tmp / "ws"
        shutil.copytree(EXAMPLE, ws_dir)
        (ws_dir / "actuals" / "focus-2026.csv").unlink()
        path = ws_dir / "actuals" / "focus-2026.csv"
        t = time.perf_counter()
        synthetic_focus(path, args.rows, MONTHS, seed=7, credit_share=0.02)
        print(
            f"generated {args.rows:,} rows ({path.stat().st_size / 1e6:,.0f} MB) "
            f"in {time.perf_counter() - t:.1f} s"
        )

        def floor() -> None:
            _floor(path, None)

        def floor_columns() -> None:
            _floor(path, USED)

        def floor_pandas() -> None:
            import pandas as pd

            pd.read_csv(path, engine="pyarrow")

        def ours() -> None:
            ws = load_workspace(ws_dir)
            files, _ = reconciliation(ws)
            assert files.loc["actuals/focus-2026.csv", "rows_read"] == args.rows

        t_floor = _best(floor, args.repeat)
        t_cols = _best(floor_columns, args.repeat)
        t_pandas = _best(floor_pandas, 1)
        t_ours = _best(ours, args.repeat)
        print(f"floor  pyarrow.csv.read_csv, all 44 columns:   {t_floor:6.2f} s")
        print(f"floor  pyarrow.csv.read_csv, the 9 used:       {t_cols:6.2f} s")
        print(f"       pandas.read_csv(engine='pyarrow'):      {t_pandas:6.2f} s (reference)")
        print(f"archplan load_workspace (import, map, check): {t_ours:6.2f} s")
        print(
            f"ratio  {t_ours / t_floor:.2f}x the full-read floor, {t_ours / t_cols:.2f}x the "
            "same-columns floor (target < 2x)"
        )
        m_floor = _peak_mb("floor", path)
        m_cols = _peak_mb("floor", path, USED)
        m_ours = _peak_mb("ours", ws_dir)
        print(
            f"peak RSS (fresh process): full read {m_floor:,.0f} MB, same columns "
            f"{m_cols:,.0f} MB, archplan {m_ours:,.0f} MB"
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
