"""indexed_gzip against rapidgzip as the random-access reader of a .jsonl.gz dump.

For each library, in a fresh process: one pass over the whole file building the seek-point
index (what the first open of a dump costs), the size of the exported index, a second open
that imports the index, and the median latency of a 4 KiB read at 300 random offsets.
Baseline in the same run: Python's gzip module reading the whole file once (the old way
to get at the data). rapidgzip is not a dependency: `pip install rapidgzip` to compare.

    python bench/bench_gzip_index.py            # the 1M-article dump of bench_reading
    python bench/bench_gzip_index.py FILE.gz
"""

from __future__ import annotations

import importlib.util
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import generated_dump, status_kb  # noqa: E402

READ = 4096
SAMPLES = 300
SPACING = 4 * 1024 * 1024  # the spacing tui.dumps.gzsource uses
_KEEP: list[object] = []


def _open(lib: str, path: str, index: str | None) -> object:
    if lib == "indexed_gzip":
        import indexed_gzip

        # The raw zran file: the buffered wrapper would inflate 4 x spacing for every read.
        outer = indexed_gzip.IndexedGzipFile(path, spacing=SPACING, index_file=index,
                                             drop_handles=False)
        _KEEP.append(outer)  # closing the wrapper would close the raw file
        return outer.raw
    import rapidgzip

    fh = rapidgzip.RapidgzipFile(path, parallelization=1)
    if index:
        fh.import_index(index)
    return fh


def child(lib: str, path: str) -> None:
    """Measure `lib` on `path` in this process; print one JSON line."""
    with tempfile.TemporaryDirectory() as folder:
        index = os.path.join(folder, "index")
        t0 = time.perf_counter()
        if lib == "gzip":
            import gzip

            with gzip.open(path, "rb") as fh:
                size = sum(len(c) for c in iter(lambda: fh.read(4 << 20), b""))
            print(json.dumps({"build_s": time.perf_counter() - t0, "size": size,
                              "peak_mb": status_kb("VmHWM") / 1024}))
            return
        fh: object = _open(lib, path, None)
        size = 0
        while chunk := fh.read(4 << 20):  # type: ignore[attr-defined]
            size += len(chunk)
        fh.export_index(index)  # type: ignore[attr-defined]
        build = time.perf_counter() - t0
        fh.close()  # type: ignore[attr-defined]
        t1 = time.perf_counter()
        fh = _open(lib, path, index)
        reopen = time.perf_counter() - t1
        rng = random.Random(3)
        times = []
        for _ in range(SAMPLES):
            at = rng.randrange(size - READ)
            t = time.perf_counter()
            fh.seek(at)  # type: ignore[attr-defined]
            assert len(fh.read(READ)) == READ  # type: ignore[attr-defined]
            times.append(time.perf_counter() - t)
        fh.close()  # type: ignore[attr-defined]
        print(json.dumps({"build_s": build, "size": size,
                          "index_mb": os.path.getsize(index) / 2**20,
                          "reopen_ms": reopen * 1e3,
                          "read_ms": statistics.median(times) * 1e3,
                          "read_p90_ms": statistics.quantiles(times, n=10)[-1] * 1e3,
                          "peak_mb": status_kb("VmHWM") / 1024}))


def main(argv: list[str]) -> int:
    """Run each library in a fresh process and print the same-run table."""
    path = Path(argv[0]) if argv else generated_dump(1_000_000, 300, "jsonl.gz")
    print(f"{path.name}: {path.stat().st_size / 2**20:.0f} MB compressed")
    rows = {}
    for lib in ("gzip", "indexed_gzip", "rapidgzip"):
        if importlib.util.find_spec(lib) is None:
            print(f"{lib}: not installed (pip install {lib}), left out")
            continue
        out = subprocess.run([sys.executable, __file__, "--child", lib, str(path)],
                             capture_output=True, text=True, check=True)
        rows[lib] = json.loads(out.stdout.strip().splitlines()[-1])
    base = rows["gzip"]["build_s"]
    print(f"{'library':<14}{'full pass s':>12}{'vs gzip':>9}{'index MB':>10}{'reopen ms':>11}"
          f"{'4K read ms':>11}{'p90 ms':>8}{'peak MB':>9}")
    for lib, r in rows.items():
        print(f"{lib:<14}{r['build_s']:>12.2f}{r['build_s'] / base:>8.2f}x"
              f"{r.get('index_mb', 0):>10.1f}{r.get('reopen_ms', 0):>11.1f}"
              f"{r.get('read_ms', 0):>11.2f}{r.get('read_p90_ms', 0):>8.2f}{r['peak_mb']:>9.0f}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
        sys.exit(0)
    sys.exit(main(sys.argv[1:]))
