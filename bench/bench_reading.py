"""Opening a 1M-article dump in each format: time to the first readable record, memory, disk.

The 1M-article JSON Lines dump of bench_index (seed 2, ~300 chars, 765 MB) is written
as gzip (`gzip -6`), zstd (level 3, one frame), seekable zstd (1 MiB frames and a seek
table) and, when pyarrow is installed, Parquet (row groups of 10,000 rows). Each open
runs in a fresh process with its own cache folder: `cold` has an empty cache, `second`
the cache the cold open left.
Measured: seconds until record 0 and the last record are read (`open s`), the median of
300 cold `row(i)` at random positions and of each of the 30 rows after it, the peak RSS
(VmHWM) and the temporary disk the open used. Baselines in the same run: the old gzip
route (inflate into a temporary file, then scan it), and a plain newline count over an
mmap of the JSON Lines file for the scan throughput. Every figure is the median of
REPEAT runs.

    python bench/bench_reading.py [--count N] [--repeat R]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import mmap
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from common import DATA, compressed, generated_dump, status_kb  # noqa: E402

ROW_GROUP = 10_000
NEAR = 30  # rows after a random one, read as a list screen would
FRAME = 1024 * 1024


def _temp_usage() -> int:
    """Bytes held by deleted-but-open files of this process (anonymous temporary files)."""
    total = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
            if target.endswith("(deleted)"):
                total += os.fstat(int(fd)).st_size
        except OSError:
            continue
    return total


def child(mode: str, path: str) -> None:
    """Open `path` in this fresh process ("open", "old-gz", "scan", "count") and print JSON."""
    t0 = time.perf_counter()
    if mode == "count":
        with open(path, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
            step = 4 << 20
            lines = sum(mm[i:i + step].count(b"\n") for i in range(0, len(mm), step))
        print(json.dumps({"open_s": time.perf_counter() - t0, "count": lines,
                          "peak_mb": status_kb("VmHWM") / 1024}))
        return
    if mode == "scan":
        from tui.dumps.offsets import scan_lines

        with open(path, "rb") as fh:
            offsets = scan_lines(fh)
        print(json.dumps({"open_s": time.perf_counter() - t0, "count": len(offsets),
                          "peak_mb": status_kb("VmHWM") / 1024}))
        return
    if mode == "old-gz":
        from pathlib import Path as P

        from tui.dumps.formats import JsonLines
        from tui.dumps.offsets import scan_lines
        from tui.dumps.sniff import Compression, inflate
        from tui.dumps.sources import FileSource

        fh = inflate(P(path), Compression.GZIP, path, lambda _: None)
        reader = JsonLines(FileSource(fh), scan_lines(fh), path, "d")
        reader.record(0)
        reader.record(len(reader) - 1)
        print(json.dumps({"open_s": time.perf_counter() - t0, "count": len(reader),
                          "temp_mb": _temp_usage() / 2**20, "row_us": 0.0, "near_us": 0.0,
                          "peak_mb": status_kb("VmHWM") / 1024}))
        return
    from tui.dumps.index import Dump

    dump = Dump.open([path])
    dump.record(0)
    dump.record(len(dump) - 1)
    open_s = time.perf_counter() - t0
    temp = _temp_usage()
    rng = random.Random(5)
    times, near = [], []
    for _ in range(300):
        i = rng.randrange(len(dump) - NEAR)
        t = time.perf_counter()
        dump.row(i)
        t1 = time.perf_counter()
        for k in range(1, NEAR + 1):  # the rest of a screenful of the list
            dump.row(i + k)
        times.append(t1 - t)
        near.append((time.perf_counter() - t1) / NEAR)
    print(json.dumps({"open_s": open_s, "count": len(dump), "temp_mb": temp / 2**20,
                      "row_us": statistics.median(times) * 1e6,
                      "near_us": statistics.median(near) * 1e6,
                      "peak_mb": status_kb("VmHWM") / 1024}))


def run(mode: str, path: Path, cache: Path) -> dict[str, float]:
    """`child` in a fresh interpreter with `cache` as its cache folder."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "PYTHONPATH": str(HERE.parent)}
    out = subprocess.run([sys.executable, __file__, "--child", mode, str(path)], env=env,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _median(runs: list[dict[str, float]]) -> dict[str, float]:
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def variants(n: int) -> dict[str, Path]:
    """The dump in every format measured, written once into bench/out/data."""
    plain = generated_dump(n, 300, "jsonl")
    stem = DATA / plain.stem
    frames, parquet = Path(f"{stem}.frames.jsonl.zst"), Path(f"{stem}.parquet")
    gz, zst = compressed(plain, "jsonl.gz"), compressed(plain, "jsonl.zst")  # zst: one frame
    if not frames.exists():
        _write_frames(plain, frames)
    found = {"jsonl": plain, "jsonl.gz": gz, "jsonl.zst": zst, "frames.zst": frames}
    if importlib.util.find_spec("pyarrow") is not None:  # the optional `parquet` extra
        if not parquet.exists():
            _write_parquet(plain, parquet)
        found["parquet"] = parquet
    return found


def _write_frames(plain: Path, out: Path) -> None:
    import zstandard

    zc = zstandard.ZstdCompressor(level=3, write_content_size=True)
    entries = []
    with open(plain, "rb") as src, open(out, "wb") as dst:
        while chunk := src.read(FRAME):
            frame = zc.compress(chunk)
            dst.write(frame)
            entries.append(len(frame).to_bytes(4, "little") + len(chunk).to_bytes(4, "little"))
        table = b"".join(entries) + len(entries).to_bytes(4, "little") + b"\x00" \
            + (0x8F92EAB1).to_bytes(4, "little")
        dst.write((0x184D2A5E).to_bytes(4, "little") + len(table).to_bytes(4, "little") + table)


def _write_parquet(plain: Path, out: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer = None
    batch: list[dict[str, object]] = []
    with open(plain, "rb") as src:
        for line in src:
            batch.append(json.loads(line))
            if len(batch) == ROW_GROUP * 10:
                table = pa.Table.from_pylist(batch)
                writer = writer or pq.ParquetWriter(out, table.schema)
                writer.write_table(table, row_group_size=ROW_GROUP)
                batch = []
    if batch:
        table = pa.Table.from_pylist(batch)
        writer = writer or pq.ParquetWriter(out, table.schema)
        writer.write_table(table, row_group_size=ROW_GROUP)
    if writer is not None:
        writer.close()


def measure(files: dict[str, Path], repeat: int) -> list[tuple[str, Path, dict[str, float]]]:
    """Every row of the table, medians of `repeat` runs each."""
    rows = []
    caches = Path(tempfile.mkdtemp(prefix="bench-reading-"))
    try:
        for label, mode, key, warm in (
                ("jsonl cold", "open", "jsonl", False), ("jsonl second", "open", "jsonl", True),
                ("gz cold", "open", "jsonl.gz", False), ("gz second", "open", "jsonl.gz", True),
                ("gz old (temp copy)", "old-gz", "jsonl.gz", False),
                ("zst (one frame)", "open", "jsonl.zst", False),
                ("zst frames cold", "open", "frames.zst", False),
                ("zst frames second", "open", "frames.zst", True),
                *((("parquet", "open", "parquet", False),) if "parquet" in files else ()),
                ("scan jsonl", "scan", "jsonl", False),
                ("newline count mmap", "count", "jsonl", False)):
            runs = []
            for k in range(repeat):
                cache = caches / f"{key}-{k}"
                if not warm:
                    shutil.rmtree(cache, ignore_errors=True)
                runs.append(run(mode, files[key], cache))
            rows.append((label, files[key], _median(runs)))
    finally:
        shutil.rmtree(caches, ignore_errors=True)
    return rows


def main(argv: list[str]) -> int:
    """Write the variants, measure, print the table and the same-run ratios."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    files = variants(args.count)
    rows = measure(files, args.repeat)
    inflated = files["jsonl"].stat().st_size / 2**20
    print(f"{args.count:,} articles, {inflated:.0f} MB as JSON Lines; medians of {args.repeat}")
    print(f"{'open':<22}{'file MB':>8}{'open s':>8}{'MB/s':>7}{'row() µs':>9}{'next µs':>8}"
          f"{'peak MB':>8}{'temp MB':>8}")
    by = {}
    for label, path, r in rows:
        by[label] = r
        print(f"{label:<22}{path.stat().st_size / 2**20:>8.0f}{r['open_s']:>8.2f}"
              f"{inflated / r['open_s']:>7.0f}{r.get('row_us', 0):>9.0f}"
              f"{r.get('near_us', 0):>8.0f}{r['peak_mb']:>8.0f}"
              f"{r.get('temp_mb', 0):>8.0f}")
    old = by["gz old (temp copy)"]["open_s"]
    print(f"gz: cold open / old temp-copy route {by['gz cold']['open_s'] / old:.2f}x, "
          f"second / cold {by['gz second']['open_s'] / by['gz cold']['open_s']:.3f}x")
    print(f"scan throughput / mmap newline count "
          f"{by['newline count mmap']['open_s'] / by['scan jsonl']['open_s']:.2f}x")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
        sys.exit(0)
    sys.exit(main(sys.argv[1:]))
