"""Median entity-recognition time per 5,000-character article, tagger and rules side by side.

Two corpora, each article cut to about 5,000 characters and split into blocks the way
the pipeline hands them over (one block per non-blank line):
- "dev": the seed and the paragraphs of the entity dev set (tests/data/ner_dev, markup
  stripped), shuffled with a fixed seed and packed into articles of ~5,000 characters;
  real names, realistic density.
- "generated": bench/generate.py articles (seed 3, ~5,000 characters, id/en/de/es).
Both backends (`crf`, the default tagger, and `rules`) run in the same process on the
same articles, alternating, so their medians compare; the tagger's time includes the
rules it runs beside it. The warm-up -- importing the recogniser, reading the gazetteer
and the models, the first article -- is measured in a fresh process per backend and
reported separately; the medians are over the warm runs (targets: rules <= 10 ms, the
tagger <= 20 ms median per article). Last, `warta analyse`'s throughput (articles/s,
whole pipeline, language included) over the generated articles with each backend.
"""

from __future__ import annotations

import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from generate import generate  # noqa: E402

from tui.config import load_config  # noqa: E402
from tui.text.entities import EntityRecogniser, make_recogniser  # noqa: E402
from tui.text.model import Record  # noqa: E402
from tui.text.pipeline import Pipeline  # noqa: E402

CHARS = 5000
ROUNDS = 3
BACKENDS = ("crf", "rules")
_MARKUP = re.compile(r"\[([^\[\]{}]*)\]\{[A-Z]+\}")


def dev_articles(n: int) -> list[list[str]]:
    """`n` articles of ~CHARS characters packed from the seed and dev-set paragraphs."""
    paragraphs: list[str] = []
    for path in sorted((ROOT / "tests" / "data" / "ner_dev").glob("*.txt")):
        text = _MARKUP.sub(r"\1", path.read_text(encoding="utf-8"))
        paragraphs += [p.strip() for p in text.splitlines() if p.strip()]
    seed = (ROOT / "seeds").glob("*.txt")
    for path in sorted(seed):
        lines = path.read_text(encoding="utf-8").splitlines()
        paragraphs += [p.strip() for p in lines if p.strip()]
    rng = random.Random(7)
    out: list[list[str]] = []
    for _ in range(n):
        rng.shuffle(paragraphs)
        blocks: list[str] = []
        size = 0
        for p in paragraphs:
            if size + len(p) > CHARS:
                break
            blocks.append(p)
            size += len(p) + 1
        out.append(blocks)
    return out


def generated_articles(n: int) -> list[list[str]]:
    """`n` generated articles of ~CHARS characters, one block per non-blank line."""
    out: list[list[str]] = []
    for article in generate(n, seed=3, chars=CHARS):
        blocks: list[str] = []
        size = 0
        for line in (x for x in article["text"].splitlines() if x.strip()):
            if blocks and size + len(line) > CHARS:
                break
            blocks.append(line)
            size += len(line) + 1
        out.append(blocks)
    return out


def cold_start(backend: str) -> tuple[float, float, float]:
    """Seconds for import, first article (gazetteer and models loaded), second article."""
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
    out = subprocess.run(
        [sys.executable, "-c", code, str(seed)], capture_output=True, text=True, check=True,
        cwd=ROOT,
    )
    a, b, c = (float(x) for x in out.stdout.split())
    return a, b, c


def timed(articles: list[tuple[list[str], str]]) -> dict[str, list[float]]:
    """Per-article seconds per backend, ROUNDS passes after one warm pass, alternating."""
    recs: dict[str, EntityRecogniser] = {b: make_recogniser({"backend": b}) for b in BACKENDS}
    for rec in recs.values():
        for blocks, lang in articles[:20]:
            rec.recognise(blocks, lang)
    took: dict[str, list[float]] = {b: [] for b in BACKENDS}
    clock = time.perf_counter
    for r in range(ROUNDS):
        for i, (blocks, lang) in enumerate(articles):
            order = BACKENDS if (i + r) % 2 == 0 else BACKENDS[::-1]
            for backend in order:
                t0 = clock()
                recs[backend].recognise(blocks, lang)
                took[backend].append(clock() - t0)
    return took


def _language(blocks: list[str]) -> str:
    from tui.text import language

    guess = language.detect(blocks)
    return guess.code if guess else ""


def throughput(n: int = 300) -> dict[str, float]:
    """Articles per second through the whole pipeline (language included) per backend."""
    records = [Record(a["id"], a["text"], title=a["title"]) for a in generate(n, 4, CHARS)]
    out: dict[str, float] = {}
    for backend in BACKENDS:
        config = load_config(None, [f"entities.backend={backend}"])
        pipeline = Pipeline(config.analysis)
        for rec in records[:10]:
            pipeline.analyse(rec)
        t0 = time.perf_counter()
        for rec in records:
            pipeline.analyse(rec)
        out[backend] = len(records) / (time.perf_counter() - t0)
    return out


def main() -> int:
    """Print the cold-start costs, the warm medians per corpus and backend, throughput."""
    print("cold start (fresh process, median of 3; the seed article, 4,766 chars):")
    print(f"{'backend':<9}{'import+make ms':>15}{'first article ms':>18}{'second ms':>11}")
    for backend in BACKENDS:
        colds = [cold_start(backend) for _ in range(3)]
        imp, first, second = (statistics.median(c[k] for c in colds) for k in range(3))
        print(f"{backend:<9}{imp * 1e3:>15.1f}{first * 1e3:>18.1f}{second * 1e3:>11.1f}")
    print("warm, per article (the language each article is detected as is passed in):")
    print(f"{'corpus':<11}{'backend':<9}{'articles':>9}{'chars':>7}{'median ms':>11}"
          f"{'p90 ms':>9}{'max ms':>9}")
    for name, corpus in (("dev", dev_articles(200)), ("generated", generated_articles(200))):
        articles = [(blocks, _language(blocks)) for blocks in corpus]
        chars = statistics.median(sum(len(b) for b in a) for a in corpus)
        for backend, took in timed(articles).items():
            took.sort()
            p90 = took[int(0.9 * len(took))]
            print(f"{name:<11}{backend:<9}{len(articles):>9}{chars:>7.0f}"
                  f"{statistics.median(took) * 1e3:>11.2f}{p90 * 1e3:>9.2f}{took[-1] * 1e3:>9.2f}")
    rates = throughput()
    print("analyse throughput (300 generated articles, ~5,000 chars, language on):")
    for backend, rate in rates.items():
        print(f"  {backend:<7} {rate:8.1f} articles/s")
    print(f"  crf/rules: {rates['crf'] / rates['rules']:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
