"""FOCUS import-and-map speed against reading the same file with pyarrow alone.

The case: a 1,000,000-row FOCUS 1.0 CSV (the 44 columns of the FinOps Foundation's
sample, six services, two sub-accounts, tags, 2 % credits, USD) over twelve months. The
floor reads the whole file with ``pyarrow.csv.read_csv`` (and, for reference, pandas with
the pyarrow engine). archplan's run is the workspace loader's FOCUS reader: read the
needed columns with exact decimals, group, map the groups by rules (never rows × rules),
convert at dated rates, add tax, and reconcile. Peak Arrow memory is printed for both.

Run with ``make bench`` (``--rows N`` for another size).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

import pyarrow as pa
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
        pool = pa.default_memory_pool()

        def floor() -> None:
            pacsv.read_csv(path)

        def floor_pandas() -> None:
            import pandas as pd

            pd.read_csv(path, engine="pyarrow")

        def ours() -> None:
            ws = load_workspace(ws_dir)
            files, _ = reconciliation(ws)
            assert files.loc["actuals/focus-2026.csv", "rows_read"] == args.rows

        base = pool.max_memory()
        t_floor = _best(floor, args.repeat)
        m_floor = pool.max_memory() - base
        t_pandas = _best(floor_pandas, 1)
        t_ours = _best(ours, args.repeat)
        m_ours = pool.max_memory()
        print(f"floor  pyarrow.csv.read_csv (all columns): {t_floor:6.2f} s")
        print(f"       pandas.read_csv(engine='pyarrow'):   {t_pandas:6.2f} s (reference)")
        print(
            f"archplan load_workspace (import and map):  {t_ours:6.2f} s  "
            f"ratio {t_ours / t_floor:.2f}x the pyarrow floor (target < 2x)"
        )
        print(
            f"peak Arrow memory: floor {m_floor / 1e6:,.0f} MB; both runs "
            f"{m_ours / 1e6:,.0f} MB (the import reads only the columns it uses)"
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
