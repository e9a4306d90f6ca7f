"""Median analyse time per article, with and without language detection, in one run.

1,000 generated articles (bench/generate.py, seed 1, ~3,000 characters, id/en/de/es);
each is analysed both ways, the order alternating per article so neither mode always
runs on a warm cache. The baseline is the run without language detection.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generate import generate

from tui.config import load_config
from tui.text.model import Record
from tui.text.pipeline import Pipeline

N = 1000
WARMUP = 50


def pct(values: list[float], q: float) -> float:
    """The q-quantile (0..1) of `values`, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    """Measure and print medians, p90 and the ratio."""
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
