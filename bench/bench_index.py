"""Opening a big JSON Lines dump: time and memory of the lazy byte-offset index.

Dumps of 10k, 100k and 1M generated articles (bench/generate.py, seed 2, ~300 chars) are
opened each in a fresh process. Baseline, in the same run: reading every record up
front (json.loads per line, what a non-lazy reader does) at 10k and 100k. Also: the
gzip-compressed 100k dump (inflated to a temporary file, then indexed), a folder of 100k
.txt files (listed, not read), and the
median time of a cold `row(i)` at random positions. Memory is the growth of the
process's peak RSS (VmHWM) over its RSS before opening. Data files are kept in
bench/out/data so later runs skip generating them.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from common import generated_dump, status_kb  # noqa: E402

SIZES = (10_000, 100_000, 1_000_000)
CHARS = 300


def child(mode: str, path: str) -> None:
    """Open `path` in this fresh process and print one JSON line of measurements."""
    from tui.dumps.index import Dump
    from tui.text.model import Record

    before = status_kb("VmRSS")
    t0 = time.perf_counter()
    if mode == "eager":
        records = []
        with open(path, "rb") as fh:
            for n, line in enumerate(fh, 1):
                obj = json.loads(line)
                records.append(Record(f"{path}#{n}", obj["text"], title=obj["title"]))
        count = len(records)
        row_us = 0.0
    else:
        dump = Dump.open([path])
        count = len(dump)
    open_s = time.perf_counter() - t0
    if mode == "lazy":
        rng = random.Random(5)
        times = []
        for _ in range(1000):
            i = rng.randrange(count)
            t = time.perf_counter()
            dump.row(i)
            times.append(time.perf_counter() - t)
        row_us = statistics.median(times) * 1e6
    peak = status_kb("VmHWM")
    print(json.dumps({"count": count, "open_s": open_s, "mem_mb": (peak - before) / 1024,
                      "row_us": row_us}))


def measure(mode: str, path: Path) -> dict[str, float]:
    """Run `child` in a fresh interpreter."""
    out = subprocess.run([sys.executable, __file__, "--child", mode, str(path)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main() -> int:
    """Generate, measure, print the table and the ratios."""
    rows: list[tuple[str, int, float, dict[str, float]]] = []
    for n in SIZES:
        path = generated_dump(n, CHARS, "jsonl")
        size_mb = path.stat().st_size / 2**20
        rows.append(("lazy", n, size_mb, measure("lazy", path)))
        if n <= 100_000:
            rows.append(("eager (baseline)", n, size_mb, measure("eager", path)))
    gz = generated_dump(100_000, CHARS, "jsonl.gz")
    rows.append(("lazy .jsonl.gz", 100_000, gz.stat().st_size / 2**20, measure("lazy", gz)))
    folder = generated_dump(100_000, CHARS, "txt-folder")
    rows.append(("lazy txt folder", 100_000, 0.0, measure("lazy", folder)))
    print(f"{'mode':<18}{'articles':>10}{'file MB':>9}{'open s':>9}{'mem MB':>9}"
          f"{'row() µs':>10}")
    for mode, n, size_mb, r in rows:
        row_us = f"{r['row_us']:.0f}" if r["row_us"] else "-"
        size = f"{size_mb:.0f}" if size_mb else "-"
        print(f"{mode:<18}{n:>10,}{size:>9}{r['open_s']:>9.2f}{r['mem_mb']:>9.1f}"
              f"{row_us:>10}")
    by = {(m, n): r for m, n, _, r in rows}
    lazy, eager = by[("lazy", 100_000)], by[("eager (baseline)", 100_000)]
    print(f"100k: lazy/eager open time {lazy['open_s'] / eager['open_s']:.2f}x, "
          f"memory {lazy['mem_mb'] / max(eager['mem_mb'], 0.1):.2f}x")
    big, small = by[("lazy", 1_000_000)], by[("lazy", 10_000)]
    print(f"lazy 1M vs 10k: open time {big['open_s'] / small['open_s']:.0f}x, "
          f"memory {big['mem_mb']:.1f} MB vs {small['mem_mb']:.1f} MB "
          f"({big['mem_mb'] / big['count'] * 2**20:.1f} bytes per article)")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
        sys.exit(0)
    sys.exit(main())
