"""Report build time against the kernel start-up floor, measured in the same process.

The floor is executing an empty notebook with nbclient in the same kind of kernel the
report uses: no report can be faster than that. Run with ``make bench``.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import nbformat

from archplan.report import build_report
from archplan.report.build import execute_notebook

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "food-lab"


def _best_of(n: int, fn: object) -> tuple[float, float]:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main(repeats: int = 3) -> None:
    out = Path(tempfile.mkdtemp()) / "report.html"

    def empty() -> None:
        nb = nbformat.v4.new_notebook()
        nb.cells.append(nbformat.v4.new_code_cell("pass"))
        execute_notebook(nb, cwd=EXAMPLE)

    def report() -> None:
        build_report(EXAMPLE, out, force=True)

    floor_best, floor_med = _best_of(repeats, empty)
    rep_best, rep_med = _best_of(repeats, report)
    print(f"empty notebook (kernel floor): best {floor_best:.2f} s, median {floor_med:.2f} s")
    print(f"example report build:          best {rep_best:.2f} s, median {rep_med:.2f} s")
    print(f"ratio report / floor (median): {rep_med / floor_med:.2f}x  (target < 3x)")


if __name__ == "__main__":
    main()
