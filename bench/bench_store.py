"""How fast the sidecar commits one decision, synchronous=NORMAL vs FULL, in one run.

Each decision is its own committed transaction (what the reader does per key press).
The baseline is NORMAL; FULL adds an fsync of the WAL per commit. Also: decisions per
second sustained for 1,000 decisions in a row (holding `a`), and undo latency.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.dumps.store import Store

N = 1000


def run(folder: Path, sync: str) -> dict[str, float]:
    """Decide N articles, then undo 100; latencies in seconds."""
    times: list[float] = []
    with Store.open(folder / f"{sync}.sqlite", synchronous=sync) as s:
        for i in range(20):  # warm-up
            s.decide(f"warm{i}", "h", "skip")
        started = time.perf_counter()
        for i in range(N):
            t = time.perf_counter()
            s.decide(f"a#{i}", f"{i:040x}", "keep")
            times.append(time.perf_counter() - t)
        total = time.perf_counter() - started
        undo: list[float] = []
        for _ in range(100):
            t = time.perf_counter()
            s.undo()
            undo.append(time.perf_counter() - t)
    ordered = sorted(times)
    return {"median": statistics.median(times), "p99": ordered[int(0.99 * len(ordered))],
            "rate": N / total, "undo": statistics.median(undo)}


def main() -> int:
    """Print the table and the FULL/NORMAL ratio."""
    out = Path(__file__).parent / "out"
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out) as tmp:
        results = {sync: run(Path(tmp), sync) for sync in ("normal", "full")}
    print(f"{N} decisions, one commit each")
    print(f"{'synchronous':<13}{'median ms':>10}{'p99 ms':>9}{'per s':>8}{'undo ms':>9}")
    for sync, r in results.items():
        print(f"{sync:<13}{r['median'] * 1e3:>10.3f}{r['p99'] * 1e3:>9.3f}{r['rate']:>8.0f}"
              f"{r['undo'] * 1e3:>9.3f}")
    ratio = results["full"]["median"] / results["normal"]["median"]
    print(f"ratio full/normal (medians): {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
