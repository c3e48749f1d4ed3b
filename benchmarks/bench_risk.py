"""Cost-risk simulation speed and memory against a floor measured in the same process.

The case: 100,000 trials × 10 fiscal years × 50 uncertain line items per option × 3
options. The floor draws the same random numbers with numpy (the same generator and
distribution calls, chunk by chunk) and sums them into the same (trials, options, years)
totals with no model logic. archplan's run adds the compiled cost model (growth,
escalation, tax, counts by year) and the streaming sums for sensitivity.

Run with ``make bench``.
"""

from __future__ import annotations

import shutil
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np

from archplan import load_workspace
from archplan.uncertainty import simulate
from archplan.uncertainty.simulation import CHUNK

ITEMS, OPTIONS, YEARS = 50, 3, 10
EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "food-lab"


def _workspace() -> Path:
    root = Path(tempfile.mkdtemp()) / "bench"
    shutil.copytree(EXAMPLE, root)
    cfg = root / "archplan.yaml"
    cfg.write_text(
        cfg.read_text(encoding="utf-8").replace("horizon: 5", f"horizon: {YEARS}"), encoding="utf-8"
    )
    rng = np.random.default_rng(0)
    lines = ["items:"]
    for o in ("saas", "gov-cloud", "onprem")[:OPTIONS]:
        for k in range(ITEMS):
            amount = int(rng.integers(1, 50)) * 100_000
            lo, mode, hi = 0.8, 1.0, round(1.1 + rng.random(), 2)
            lines.append(
                f"  - {{id: {o}-{k}, option: {o}, name: item {k}, category: other, "
                f"nature: recurring, amount: {amount}, escalation: 0.02, start: 2026, "
                f"end: {2026 + YEARS - 1}, uncertainty: {{dist: triangular, min: {lo}, "
                f"mode: {mode}, max: {hi}}}}}"
            )
    (root / "costs.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def _floor(ws_dir: Path, trials: int, seed: int) -> np.ndarray:
    """Same draws, same totals, no model: factor × yearly amount summed per option."""
    ws = load_workspace(ws_dir)
    items = ws.cost_items
    dists = [it.uncertainty for it in items]
    base = np.array([float(it.amount.literal) for it in items])  # type: ignore[union-attr]
    option = np.array([[o.id for o in ws.options].index(it.option) for it in items])
    rng = np.random.default_rng(seed)
    out = np.zeros((trials, len(ws.options), YEARS))
    for start in range(0, trials, CHUNK):
        n = min(CHUNK, trials - start)
        block = out[start : start + n]
        for k, dist in enumerate(dists):
            x = dist.sample(rng, n)  # type: ignore[union-attr]
            block[:, option[k], :] += (x * base[k])[:, None]
    return out


def _measure(fn, *args):  # type: ignore[no-untyped-def]
    tracemalloc.start()
    start = time.perf_counter()
    result = fn(*args)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, elapsed, peak


def main() -> None:
    ws_dir = _workspace()
    ws = load_workspace(ws_dir)
    trials = 100_000
    print(
        f"Cost-risk simulation: {trials:,} trials x {YEARS} fiscal years x {ITEMS} uncertain "
        f"items x {OPTIONS} options (chunks of {CHUNK:,} trials)"
    )
    simulate(ws, 2_000, seed=1)  # warm-up: imports and caches
    _floor(ws_dir, 2_000, 1)
    floor_times, ours_times = [], []
    for _ in range(3):
        _, t, floor_peak = _measure(_floor, ws_dir, trials, 1)
        floor_times.append(t)
        sim, t, ours_peak = _measure(simulate, ws, trials, 1)
        ours_times.append(t)
    floor_t, ours_t = min(floor_times), min(ours_times)
    result_mb = sim.by_year.nbytes / 2**20
    print(
        f"  floor (same draws, summed, no model): {floor_t:6.3f} s, "
        f"peak {floor_peak / 2**20:7.1f} MiB"
    )
    print(
        f"  archplan simulate():                  {ours_t:6.3f} s, "
        f"peak {ours_peak / 2**20:7.1f} MiB (results alone: {result_mb:.1f} MiB)"
    )
    print(f"  ratio archplan / floor: {ours_t / floor_t:.2f}x (target: within 2x)")
    items_mb = trials * YEARS * ITEMS * OPTIONS * 8 / 2**20
    print(
        f"  a trials x items x years array would need {items_mb:,.0f} MiB; peak stays at "
        f"{ours_peak / 2**20:.0f} MiB"
    )
    big = 1_000_000
    _, t, peak = _measure(simulate, ws, big, 1)
    print(
        f"\n{big:,} trials: {t:.2f} s, peak {peak / 2**20:.0f} MiB "
        f"(results {big * OPTIONS * YEARS * 8 / 2**20:.0f} MiB)"
    )


if __name__ == "__main__":
    main()
