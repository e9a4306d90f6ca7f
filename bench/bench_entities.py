"""What entities add to analysing a 5,000-character article: the tagger and the rules, same run.

Each article goes through the whole pipeline (`Pipeline.analyse`, language detection on)
once per recogniser in each of ROUNDS rounds -- none (the baseline), `rules`, `crf` (the
default tagger, which runs the rules beside it) -- in an order that rotates per article and
round, so no recogniser always meets a warm or a cold cache. "entities add" is the median
over articles of (that recogniser's time - the baseline's time on the same article in the
same round), so a busy moment slows both sides of a pair; it is given for wall-clock time
and for the process's CPU time, which a shared machine disturbs less. Target: <= 20 ms
for the tagger.

Corpora, each article about 5,000 characters:
- "real-id", "real-en": the real scraped articles of ../shared/data/real (CLICK-ID,
  Indonesian; Horne 2017, English; WARTA_SHARED_DATA names another copy of
  ../shared/data), shuffled with a fixed seed and packed whole lines at a time into
  articles of at most CHARS characters (CLICK-ID articles are ~1,600 characters);
  skipped when the data is not there.
- "generated": bench/generate.py articles (seed 3, id/en/de/es; de and es have no
  model, so the tagger hands them to the rules).
First, the cold start per recogniser, each in a fresh process: import and make, the
first article (gazetteer, models and word lists read), the second.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from generate import generate  # noqa: E402

from tui.config import load_config  # noqa: E402
from tui.text.entities import NullRecogniser  # noqa: E402
from tui.text.model import Record  # noqa: E402
from tui.text.pipeline import Pipeline  # noqa: E402

CHARS = 5000
ROUNDS = 3
WARM = 10
RECOGNISERS = ("none", "rules", "crf")
SHARED = Path(os.environ.get("WARTA_SHARED_DATA") or ROOT.parent / "shared" / "data")
REAL = {"real-id": ("clickid_id.jsonl", 60), "real-en": ("horne2017_en.jsonl", 80)}
GENERATED = 60


def packed(texts: Sequence[str], n: int, seed: int = 11) -> list[str]:
    """`n` articles of at most CHARS characters, whole lines of the shuffled texts in turn;
    the texts are shuffled again (same seed) until there are `n`."""
    if not any(line.strip() for text in texts for line in text.splitlines()):
        return []
    rng = random.Random(seed)
    out: list[str] = []
    lines: list[str] = []
    size = 0
    while len(out) < n:
        order = list(texts)
        rng.shuffle(order)
        for line in (ln.strip()[:CHARS] for text in order for ln in text.splitlines()):
            if not line:
                continue
            if size + len(line) > CHARS and lines:
                out.append("\n\n".join(lines))
                lines, size = [], 0
                if len(out) == n:
                    break
            lines.append(line)
            size += len(line) + 2
    return out


def real_corpus(file: str, n: int) -> list[Record] | None:
    """`n` packed articles of one file of the real articles, or None when it is absent."""
    path = SHARED / "real" / file
    if not path.is_file():
        return None
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    texts = [str(r.get("text") or r.get("content") or "") for r in rows]
    return [Record(f"{file}#{i}", text) for i, text in enumerate(packed(texts, n), 1)]


def generated_corpus(n: int) -> list[Record]:
    """`n` generated articles of about CHARS characters."""
    return [Record(a["id"], a["text"], title=a["title"]) for a in generate(n, 3, CHARS)]


def pipelines() -> dict[str, Pipeline]:
    """One pipeline per recogniser, the default settings otherwise."""
    out: dict[str, Pipeline] = {}
    for name in RECOGNISERS:
        backend = "rules" if name == "none" else name
        out[name] = Pipeline(load_config(None, [f"entities.backend={backend}"]).analysis)
    out["none"].recogniser = NullRecogniser()
    return out


Times = dict[str, list[tuple[float, float]]]


def timed(records: Sequence[Record], runs: dict[str, Pipeline]) -> Times:
    """(wall, CPU) seconds per article per recogniser, ROUNDS passes after a warm-up, the
    order rotating. CPU time is what the process itself spent: on a shared machine it
    leaves out the moments another process had the core."""
    for pipeline in runs.values():
        for rec in records[:WARM]:
            pipeline.analyse(rec)
    took: Times = {name: [] for name in runs}
    names = list(runs)
    wall, cpu = time.perf_counter, time.process_time
    for r in range(ROUNDS):
        for i, rec in enumerate(records):
            k = (i + r) % len(names)
            for name in names[k:] + names[:k]:
                w0, c0 = wall(), cpu()
                runs[name].analyse(rec)
                took[name].append((wall() - w0, cpu() - c0))
    return took


def pct(values: Sequence[float], q: float) -> float:
    """The q-quantile (0..1) of `values`, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report(name: str, records: Sequence[Record], took: Times) -> None:
    """One corpus's table: median and p90 per recogniser, and what each adds to none."""
    chars = statistics.median(len(r.text) for r in records)
    print(f"{name}: {len(records)} articles (median {chars:,.0f} chars) x {ROUNDS} rounds")
    print(f"  {'recogniser':<11}{'median ms':>10}{'p90 ms':>9}{'CPU median ms':>15}")
    for backend, times in took.items():
        w, c = [t[0] * 1e3 for t in times], [t[1] * 1e3 for t in times]
        print(f"  {backend:<11}{statistics.median(w):>10.2f}{pct(w, .9):>9.2f}"
              f"{statistics.median(c):>15.2f}")
    for backend in RECOGNISERS[1:]:
        pairs = list(zip(took[backend], took["none"], strict=True))
        w = [(t[0] - b[0]) * 1e3 for t, b in pairs]
        c = [(t[1] - b[1]) * 1e3 for t, b in pairs]
        print(f"  {backend}: entities add {statistics.median(w):.1f} ms per article "
              f"(median; p90 {pct(w, .9):.1f} ms; CPU time {statistics.median(c):.1f} ms)")


def cold_start(backend: str) -> tuple[float, float, float]:
    """Seconds for import+make, first article (gazetteer and models loaded), second article."""
    code = (
        "import time, sys\n"
        "t0 = time.perf_counter()\n"
        "from tui.text.entities import make_recogniser\n"
        f"rec = make_recogniser({{'backend': {backend!r}}})\n"
        "t1 = time.perf_counter()\n"
        "text = open(sys.argv[1], encoding='utf-8').read()\n"
        "blocks = [line for line in text.splitlines() if line.strip()]\n"
        "rec.recognise(blocks, 'id')\n"
        "t2 = time.perf_counter()\n"
        "rec.recognise(blocks, 'id')\n"
        "t3 = time.perf_counter()\n"
        "print(t1 - t0, t2 - t1, t3 - t2)\n"
    )
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    out = subprocess.run([sys.executable, "-c", code, str(seed)], capture_output=True,
                         text=True, check=True, cwd=ROOT)
    a, b, c = (float(x) for x in out.stdout.split())
    return a, b, c


def main() -> int:
    """Print the cold-start costs, then the same-run table per corpus."""
    print("cold start (fresh process, median of 3; the seed article, 4,766 chars):")
    print(f"  {'backend':<9}{'import+make ms':>15}{'first article ms':>18}{'second ms':>11}")
    for backend in RECOGNISERS[1:]:
        colds = [cold_start(backend) for _ in range(3)]
        imp, first, second = (statistics.median(c[k] for c in colds) for k in range(3))
        print(f"  {backend:<9}{imp * 1e3:>15.1f}{first * 1e3:>18.1f}{second * 1e3:>11.1f}")
    runs = pipelines()
    corpora: list[tuple[str, list[Record]]] = []
    for name, (file, n) in REAL.items():
        records = real_corpus(file, n)
        if records is None:
            print(f"{name}: skipped, no {SHARED / 'real' / file}")
        else:
            corpora.append((name, records))
    corpora.append(("generated", generated_corpus(GENERATED)))
    print("whole pipeline per article, language detection on, same run:")
    for name, records in corpora:
        report(name, records, timed(records, runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
