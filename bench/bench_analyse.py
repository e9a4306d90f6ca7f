"""`warta analyse` speed: with and without language detection, with the tagger and the rules.

1. Median analyse time per article with and without language detection, one run:
   1,000 generated articles (bench/generate.py, seed 1, ~3,000 characters, id/en/de/es),
   each analysed both ways, the order alternating per article so neither mode always
   runs on a warm cache. The baseline is the run without language detection.
2. `warta analyse` with the tagger (`entities.backend: crf`, the default) and with the
   rules (`--set entities.backend=rules`), same run, on the real articles of
   ../shared/data/real (CLICK-ID and Horne 2017, 212 Indonesian and English articles;
   WARTA_SHARED_DATA names another copy of ../shared/data), or on 300 generated
   5,000-character articles when they are not there:
   - the whole command (`python -m tui.cli analyse DUMP`, output to /dev/null), RUNS times
     per backend, alternating: articles/s over the wall time, start-up and model loading
     included (median of the runs);
   - per article in this process (the same records, language detection on, the backend
     alternating per article): median and p90 ms, the median CPU time (which a shared
     machine disturbs less), and articles/s over the summed wall times.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import DATA, generated_dump
from generate import generate

from tui.config import load_config
from tui.dumps.formats import iter_records
from tui.text.model import Record
from tui.text.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
N = 1000
WARMUP = 50
RUNS = 3
BACKENDS = ("crf", "rules")
SHARED = Path(os.environ.get("WARTA_SHARED_DATA") or ROOT.parent / "shared" / "data")
REAL = ("clickid_id.jsonl", "horne2017_en.jsonl")


def pct(values: Sequence[float], q: float) -> float:
    """The q-quantile (0..1) of `values`, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def language_modes() -> None:
    """Section 1: medians and p90 with and without language detection, and their ratio."""
    pipeline = Pipeline(load_config().analysis)
    records = [Record(a["id"], a["text"], title=a["title"], url=a["url"], date=a["date"],
                      author=a["author"]) for a in generate(N, seed=1, chars=3000)]
    for rec in records[:WARMUP]:
        pipeline.analyse(rec, detect_language=True)
        pipeline.analyse(rec, detect_language=False)
    with_lang: list[float] = []
    without: list[float] = []
    clock = time.perf_counter
    for i, rec in enumerate(records):
        modes = (True, False) if i % 2 == 0 else (False, True)
        for mode in modes:
            t0 = clock()
            pipeline.analyse(rec, detect_language=mode)
            took = clock() - t0
            (with_lang if mode else without).append(took)
    m_with, m_without = statistics.median(with_lang), statistics.median(without)
    chars = statistics.median(len(r.text) for r in records)
    print(f"articles: {N} (median {chars:.0f} chars), warm-up {WARMUP}")
    print(f"{'mode':<22}{'median ms':>10}{'p90 ms':>10}")
    print(f"{'without language':<22}{m_without * 1e3:>10.2f}{pct(without, 0.9) * 1e3:>10.2f}")
    print(f"{'with language':<22}{m_with * 1e3:>10.2f}{pct(with_lang, 0.9) * 1e3:>10.2f}")
    print(f"ratio with/without (medians): {m_with / m_without:.2f}x")


def backend_dump() -> tuple[Path, str]:
    """The dump section 2 reads, and a line saying what it is."""
    files = [SHARED / "real" / name for name in REAL]
    if not all(f.is_file() for f in files):
        return generated_dump(300, 5000), "300 generated articles (~5,000 chars)"
    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / "real_id_en.jsonl"
    path.write_bytes(b"".join(f.read_bytes() for f in files))
    return path, f"the real articles ({' + '.join(REAL)})"


def command_seconds(path: Path, backend: str) -> float:
    """Wall seconds of one `warta analyse PATH` with `backend`, output thrown away."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "tui.cli", "analyse",
                    "--set", f"entities.backend={backend}", str(path)],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
                   cwd=ROOT, env=env)
    return time.perf_counter() - t0


def per_article(records: Sequence[Record]) -> dict[str, list[tuple[float, float]]]:
    """(wall, CPU) seconds per article per backend in one process, the order alternating
    per article; CPU time leaves out the moments another process had the core."""
    pipelines = {b: Pipeline(load_config(None, [f"entities.backend={b}"]).analysis)
                 for b in BACKENDS}
    for pipeline in pipelines.values():
        for rec in records[:10]:
            pipeline.analyse(rec)
    took: dict[str, list[tuple[float, float]]] = {b: [] for b in BACKENDS}
    wall, cpu = time.perf_counter, time.process_time
    for i, rec in enumerate(records):
        for backend in BACKENDS if i % 2 == 0 else BACKENDS[::-1]:
            w0, c0 = wall(), cpu()
            pipelines[backend].analyse(rec)
            took[backend].append((wall() - w0, cpu() - c0))
    return took


def backends() -> None:
    """Section 2: `warta analyse` throughput with the tagger and with the rules."""
    path, what = backend_dump()
    records = list(iter_records(str(path)))
    chars = statistics.median(len(r.text) for r in records)
    print(f"warta analyse on {what}: {len(records)} articles, median {chars:,.0f} chars")
    runs: dict[str, list[float]] = {b: [] for b in BACKENDS}
    for r in range(RUNS):
        for backend in BACKENDS if r % 2 == 0 else BACKENDS[::-1]:
            runs[backend].append(command_seconds(path, backend))
    took = per_article(records)
    print(f"{'backend':<9}{'command art/s':>14}{'command s':>11}"
          f"{'median ms':>11}{'p90 ms':>9}{'CPU median ms':>15}{'in-process art/s':>18}")
    for backend in BACKENDS:
        seconds = statistics.median(runs[backend])
        walls = [t[0] for t in took[backend]]
        cpus = [t[1] for t in took[backend]]
        print(f"{backend:<9}{len(records) / seconds:>14.1f}{seconds:>11.2f}"
              f"{statistics.median(walls) * 1e3:>11.2f}{pct(walls, 0.9) * 1e3:>9.2f}"
              f"{statistics.median(cpus) * 1e3:>15.2f}{len(walls) / sum(walls):>18.1f}")
    crf, rules = statistics.median(runs["crf"]), statistics.median(runs["rules"])
    print(f"command time crf/rules: {crf / rules:.2f}x (median of {RUNS} runs each, "
          "alternating)")


def main() -> int:
    """Both sections, in order."""
    language_modes()
    print()
    backends()
    return 0


if __name__ == "__main__":
    sys.exit(main())
