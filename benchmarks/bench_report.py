"""Report build time against the kernel start-up floor, measured in the same process.

The floor is executing an empty notebook with nbclient in the same kind of kernel the
report uses: no report can be faster than that. The runs are interleaved (floor, report,
handover pack, floor, …) so that a busy machine slows all of them alike, and the ratio
is of the medians. The target (issue 12) is a report within 2× the floor. Run with
``make bench`` or ``python benchmarks/bench_report.py [REPEATS]``.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import nbformat

from archplan.report import build_handover, build_report
from archplan.report.build import execute_notebook

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "food-lab"
TARGET = 2.0


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(repeats: int = 5) -> dict[str, float]:
    out = Path(tempfile.mkdtemp())

    def empty() -> None:
        nb = nbformat.v4.new_notebook()
        nb.cells.append(nbformat.v4.new_code_cell("pass"))
        execute_notebook(nb, cwd=EXAMPLE)

    def report() -> None:
        build_report(EXAMPLE, out / "report.html", force=True)

    def handover() -> None:
        build_handover(EXAMPLE, out / "handover.html", force=True)

    runs: dict[str, list[float]] = {"floor": [], "report": [], "handover": []}
    report()  # once untimed: this process's own imports (nbclient, nbconvert) are paid
    for _ in range(repeats):
        runs["floor"].append(_timed(empty))
        runs["report"].append(_timed(report))
        runs["handover"].append(_timed(handover))
    med = {k: statistics.median(v) for k, v in runs.items()}
    print(f"runs: {repeats}, interleaved; seconds (best / median)")
    print(f"empty notebook (kernel floor): {min(runs['floor']):.2f} / {med['floor']:.2f}")
    for name in ("report", "handover"):
        ratio = med[name] / med["floor"]
        verdict = "meets" if ratio <= TARGET else "misses"
        print(
            f"food-lab {name + ':':<21}{min(runs[name]):.2f} / {med[name]:.2f}"
            f"   ratio {ratio:.2f}x the floor ({verdict} the {TARGET:g}x target)"
        )
    return med


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
