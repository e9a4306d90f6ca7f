"""`warta export` of 10k vs 1M decisions: peak memory must not grow with the row count.

Sidecars with 10k, 100k and 1M decisions (bulk-inserted into the real schema; labels on
every third, notes on every seventh) are exported by `warta export` in a fresh process
each, to a file. Reported: wall time, rows per second, and the process's peak RSS
(VmHWM) and its growth over the RSS before exporting. The 10k run is the baseline.
With `--with-text raw` the articles' texts come from a 1M-article generated JSON Lines
dump (shared with bench_index.py, kept in bench/out/data).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from common import DATA, generated_dump, status_kb  # noqa: E402

OUT = HERE / "out"
SIZES = (10_000, 100_000, 1_000_000)
DUMP_N, DUMP_CHARS = 1_000_000, 300


def ensure_state(n: int, dump: Path) -> Path:
    """A sidecar holding n decisions on the first n articles of `dump`, made once."""
    from tui.dumps.store import DECISIONS, Store

    path = DATA / f"state_{n}.sqlite"
    if path.exists():
        return path
    tmp = path.with_name(path.name + ".part")
    tmp.unlink(missing_ok=True)
    with Store.open(tmp, synchronous="normal") as store:
        conn = store._conn
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO decisions (article_id, content_hash, decision, labels, note, time) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            ((f"{dump}#{i + 1}", f"{i:040x}", DECISIONS[i % 4],
              json.dumps(["politics", "economy"][: i % 3]) if i % 3 else "[]",
              f"note {i}" if i % 7 == 0 else "", 1.7e9 + i) for i in range(n)))
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    tmp.rename(path)
    return path


def child(state: str, dump: str, with_text: str, out: str) -> None:
    """Run `warta export` in this process and print one JSON line of measurements."""
    from tui.cli import main

    before = status_kb("VmRSS")
    t0 = time.perf_counter()
    code = main(["export", dump, "--state", state, "--with-text", with_text, "-o", out])
    took = time.perf_counter() - t0
    peak = status_kb("VmHWM")
    with open(out, "rb") as fh:
        rows = sum(1 for _ in fh)
    print(json.dumps({"code": code, "s": took, "rows": rows, "peak_mb": peak / 1024,
                      "growth_mb": (peak - before) / 1024}))


def measure(state: Path, dump: Path, with_text: str) -> dict[str, float]:
    """`child` in a fresh interpreter."""
    out = OUT / "export.tmp.jsonl"
    proc = subprocess.run([sys.executable, __file__, "--child", str(state), str(dump), with_text,
                           str(out)], capture_output=True, text=True, check=True)
    out.unlink(missing_ok=True)
    return json.loads(proc.stdout.splitlines()[-1])


def main() -> int:
    """Build the sidecars, export each, print the table and the ratios."""
    dump = generated_dump(DUMP_N, DUMP_CHARS)
    results: list[tuple[str, int, dict[str, float]]] = []
    for n in SIZES:
        state = ensure_state(n, dump)
        results.append(("none", n, measure(state, dump, "none")))
    for n in (SIZES[0], SIZES[-1]):
        results.append(("raw", n, measure(ensure_state(n, dump), dump, "raw")))
    print(f"{'--with-text':<12}{'decisions':>11}{'rows out':>10}{'time s':>8}{'rows/s':>9}"
          f"{'peak MB':>9}{'growth MB':>11}")
    for mode, n, r in results:
        assert r["code"] == 0 and r["rows"] == n, r
        print(f"{mode:<12}{n:>11,}{r['rows']:>10,}{r['s']:>8.1f}{r['rows'] / r['s']:>9.0f}"
              f"{r['peak_mb']:>9.1f}{r['growth_mb']:>11.1f}")
    by = {(m, n): r for m, n, r in results}
    for mode in ("none", "raw"):
        small, big = by[(mode, SIZES[0])], by[(mode, SIZES[-1])]
        print(f"--with-text {mode}: peak RSS 1M/10k = {big['peak_mb'] / small['peak_mb']:.2f}x "
              f"({big['peak_mb']:.1f} MB vs {small['peak_mb']:.1f} MB)")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "--child":
        child(*sys.argv[2:])
        sys.exit(0)
    sys.exit(main())
