"""Report build time against the kernel start-up floor, measured in the same process.

The floor is executing an empty notebook with nbclient in the same kind of kernel the
report uses: no report can be faster than that. The runs are interleaved (floor, report,
handover pack, floor, …) so that a busy machine slows all of them alike, and the ratio
is of the medians. The target (issue 12) is a report within 2× the floor. Run with
``make bench`` or ``python benchmarks/bench_report.py [REPEATS]``.

Wall-clock time is the figure that counts. On a shared machine it also measures the
other processes: CPU-bound work (the report's) is stretched more than waiting (most of
the floor's). So the CPU seconds of each run are printed as well — this process's and
its finished children's (the kernel, reaped when it is shut down) — and their ratio,
which a busy machine disturbs much less.

A third baseline, "setup", is the lower bound of any report in a real kernel: the
report's own parameters and setup cells (reading the workspace) plus the libraries its
sections draw with (pandas, matplotlib, scipy.special) imported, but no section
rendered. When setup alone is above the target, the target cannot be met by any
section code: only by not importing those libraries in the kernel.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import nbformat

from archplan.report import build_handover, build_report
from archplan.report.build import execute_notebook, report_notebook

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "food-lab"
TARGET = 2.0


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _timed(fn: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one call."""
    start, cpu = time.perf_counter(), _cpu()
    fn()
    return time.perf_counter() - start, _cpu() - cpu


def main(repeats: int = 5) -> dict[str, float]:
    out = Path(tempfile.mkdtemp())

    def empty() -> None:
        nb = nbformat.v4.new_notebook()
        nb.cells.append(nbformat.v4.new_code_cell("pass"))
        execute_notebook(nb, cwd=EXAMPLE)

    def setup() -> None:
        nb = report_notebook(EXAMPLE)
        nb.cells = nb.cells[:2]
        nb.cells.append(
            nbformat.v4.new_code_cell("import matplotlib.pyplot, pandas, scipy.special")
        )
        execute_notebook(nb, cwd=EXAMPLE)

    def report() -> None:
        build_report(EXAMPLE, out / "report.html", force=True)

    def handover() -> None:
        build_handover(EXAMPLE, out / "handover.html", force=True)

    names = ("floor", "setup", "report", "handover")
    runs: dict[str, list[float]] = {k: [] for k in names}
    cpu: dict[str, list[float]] = {k: [] for k in names}
    report()  # once untimed: this process's own imports (nbclient, nbconvert) are paid
    for _ in range(repeats):
        for name, fn in zip(names, (empty, setup, report, handover), strict=True):
            wall, used = _timed(fn)
            runs[name].append(wall)
            cpu[name].append(used)
    med = {k: statistics.median(v) for k, v in runs.items()}
    mcpu = {k: statistics.median(v) for k, v in cpu.items()}
    print(f"runs: {repeats}, interleaved; wall-clock seconds best / median; CPU seconds median")
    print(
        f"empty notebook (kernel floor): {min(runs['floor']):.2f} / {med['floor']:.2f}"
        f"   CPU {mcpu['floor']:.2f}"
    )
    for name in ("setup", "report", "handover"):
        ratio = med[name] / med["floor"]
        verdict = "meets" if ratio <= TARGET else "misses"
        print(
            f"food-lab {name + ':':<21}{min(runs[name]):.2f} / {med[name]:.2f}"
            f"   CPU {mcpu[name]:.2f}   ratio {ratio:.2f}x the floor"
            f" ({verdict} the {TARGET:g}x target; CPU ratio {mcpu[name] / mcpu['floor']:.2f}x)"
        )
    return med


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
