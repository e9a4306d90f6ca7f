"""Median entity-recognition time per 5,000-character article, and the one-off load cost.

Two corpora, each article cut to about 5,000 characters and split into blocks the way
the pipeline hands them over (one block per non-blank line):
- "dev": the seed and the paragraphs of the entity dev set (tests/data/ner_dev, markup
  stripped), shuffled with a fixed seed and packed into articles of ~5,000 characters;
  real names, realistic density.
- "generated": bench/generate.py articles (seed 3, ~5,000 characters, id/en/de/es).
The warm-up -- importing the recogniser, reading and compiling the gazetteer, the first
article -- is measured in a fresh process and reported separately; the medians are over
the warm runs (the target: <= 10 ms median per article).
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

from tui.text.entities import make_recogniser  # noqa: E402

CHARS = 5000
ROUNDS = 3
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


def cold_start() -> tuple[float, float, float]:
    """Seconds for import, first article (gazetteer load included), second article."""
    code = (
        "import time, sys\n"
        "t0 = time.perf_counter()\n"
        "from tui.text.entities import make_recogniser\n"
        "rec = make_recogniser({})\n"
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


def timed(articles: list[list[str]]) -> list[float]:
    """Per-article seconds, ROUNDS passes over the corpus after one warm pass."""
    rec = make_recogniser({})
    for blocks in articles[:20]:
        rec.recognise(blocks, None)
    took: list[float] = []
    clock = time.perf_counter
    for _ in range(ROUNDS):
        for blocks in articles:
            t0 = clock()
            rec.recognise(blocks, None)
            took.append(clock() - t0)
    return took


def main() -> int:
    """Print the cold-start costs and the warm medians per corpus."""
    colds = [cold_start() for _ in range(3)]
    imp = statistics.median(c[0] for c in colds)
    first = statistics.median(c[1] for c in colds)
    second = statistics.median(c[2] for c in colds)
    print("cold start (fresh process, median of 3; the seed article, 4,766 chars):")
    print(f"  import + make_recogniser   {imp * 1e3:8.1f} ms")
    print(f"  first article (loads data) {first * 1e3:8.1f} ms")
    print(f"  second article             {second * 1e3:8.1f} ms")
    print(f"{'corpus':<11}{'articles':>9}{'chars':>7}{'median ms':>11}{'p90 ms':>9}{'max ms':>9}")
    for name, articles in (("dev", dev_articles(200)), ("generated", generated_articles(200))):
        took = sorted(timed(articles))
        chars = statistics.median(sum(len(b) for b in a) for a in articles)
        p90 = took[int(0.9 * len(took))]
        print(f"{name:<11}{len(articles):>9}{chars:>7.0f}{statistics.median(took) * 1e3:>11.2f}"
              f"{p90 * 1e3:>9.2f}{took[-1] * 1e3:>9.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
