"""Import time of archplan against pandas, in fresh interpreters, paired runs.

``import archplan`` necessarily imports pandas and numpy; what it adds on top is what this
measures. Each pair runs ``import pandas`` and ``import archplan`` in two fresh
subprocesses of this Python (alternating which goes first, so that disk-cache warmth and
machine load are shared), timing the import statement inside the subprocess, with
bytecode cached as for an installed package. The ratio
archplan / pandas is printed per pair and as the median over the pairs. Goal (issue #12):
at most 1.3. Run with ``make bench`` or ``python benchmarks/bench_import.py [pairs]``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PROBE = "import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"


def import_seconds(module: str) -> float:
    """Seconds that ``import module`` takes in a fresh interpreter."""
    env = dict(os.environ)
    # Bytecode is cached as in any installed package (the first, unmeasured, run writes
    # it); with PYTHONDONTWRITEBYTECODE archplan alone would be recompiled on every run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH", "")]))
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(module=module)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return float(out.stdout.strip().splitlines()[-1])


def main(pairs: int = 7) -> float:
    import_seconds("archplan")  # warm the disk cache and the bytecode once
    import_seconds("pandas")
    ratios, base, ours = [], [], []
    for k in range(pairs):
        if k % 2 == 0:
            p, a = import_seconds("pandas"), import_seconds("archplan")
        else:
            a, p = import_seconds("archplan"), import_seconds("pandas")
        base.append(p)
        ours.append(a)
        ratios.append(a / p)
        print(f"pair {k + 1}: pandas {p:.3f} s, archplan {a:.3f} s, ratio {a / p:.2f}")
    ratio = statistics.median(ratios)
    print(
        f"median of {pairs} pairs: pandas {statistics.median(base):.3f} s, "
        f"archplan {statistics.median(ours):.3f} s, ratio {ratio:.2f} (goal <= 1.30)"
    )
    return ratio


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
