"""Malay vs Indonesian: how many articles get the right code (`ms` / `id`).

    python bench/eval_language.py [--verbose]

Sets, each article's non-blank lines given to tui.text.language.detect (the pipeline
gives it the content blocks; the boilerplate classifier is left out here, as it hangs on
one CLICK-ID article's hashtag line, see ../shared/data/real/README.md):
- real Indonesian: the CLICK-ID articles in ../shared/data/real/clickid_id.jsonl (or
  $WARTA_SHARED_DATA/real), when that folder is there;
- synthetic Malay: tests/data/lang_ms (written for this check) and every `ms_*` article
  of the boilerplate and entity sets in tests/data (written for those sets);
- synthetic Indonesian: every `id_*` article of those sets.
Prints right/total per set and each wrong answer with its confidence.

Then short texts (language.guess_short, for what langdetect cannot read): two to seven
words (under 40 letters) cut from each sentence of the synthetic articles of every
language in tests/data (seeded), and the English EWT dev sentences of
../shared/data/ner that langdetect leaves without a language. Prints right/total per
language (Malay and Indonesian also as one family) and how often a guess of each
confidence was right: the calibration of the confidence.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.text import language  # noqa: E402

SHARED = Path(os.environ.get("WARTA_SHARED_DATA") or ROOT.parent / "shared" / "data")
_MARKUP = re.compile(r"\[([^\[\]{}]*)\]\{[A-Z]+\}")


def _text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".tsv":  # boilerplate sets: label<TAB>line
        return "\n".join(line.partition("\t")[2] for line in raw.splitlines())
    return _MARKUP.sub(r"\1", raw)


def synthetic(lang: str) -> list[tuple[str, str]]:
    """(name, text) of the synthetic articles of one language in tests/data."""
    data = ROOT / "tests" / "data"
    paths = sorted(data.glob(f"*/{lang}_*.t*"))
    return [(str(p.relative_to(data)), _text(p)) for p in paths]


def real_indonesian() -> list[tuple[str, str]]:
    """(id, text) of the CLICK-ID articles, when ../shared/data is there."""
    path = SHARED / "real" / "clickid_id.jsonl"
    if not path.exists():
        return []
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [(r["id"], (r.get("title") or "") + "\n\n" + r["text"]) for r in rows]


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
SHORT_LETTERS = 40
CONFIDENCE_BINS = (0.0, 0.5, 0.7, 0.9, 0.97, 1.01)


def _cut(sentence: str, rng: random.Random) -> str | None:
    """Two to seven words of a sentence (its start or a random place), under 40 letters."""
    words = sentence.split()
    if len(words) < 2:
        return None
    size = rng.randint(2, 7)
    start = rng.randint(0, max(0, len(words) - size)) if rng.random() < 0.5 else 0
    piece = words[start:start + size]
    while len(piece) > 1 and sum(c.isalpha() for c in " ".join(piece)) >= SHORT_LETTERS:
        piece.pop()
    text = " ".join(piece)
    return text if 8 <= sum(c.isalpha() for c in text) < SHORT_LETTERS else None


def short_sets() -> dict[str, list[str]]:
    """Language -> short texts: cuts of the synthetic articles, and EWT's short sentences."""
    rng = random.Random(1)
    sets: dict[str, list[str]] = {}
    for lang in ("en", "id", "ms", "de", "fr", "es", "pt", "it", "nl"):
        for _, text in synthetic(lang):
            for line in text.splitlines():
                for sentence in _SENTENCE_END.split(line):
                    if (cut := _cut(sentence, rng)) is not None:
                        sets.setdefault(lang, []).append(cut)
    ewt = SHARED / "ner" / "en_uner-ewt_dev.tsv"
    if ewt.exists():
        sys.path.insert(0, str(ROOT / "bench"))
        from eval_entities import tsv_articles

        texts = [a.paragraphs[0].text for a in tsv_articles(ewt)]
        sets["en (EWT dev)"] = [t for t in texts if language.detect([t]) is None]
    return sets


def short_report() -> list[str]:
    """Right/total per short set and the calibration table."""
    rows = ["short texts (guess_short): right/total, Malay and Indonesian as one family"]
    bins: Counter[tuple[int, bool]] = Counter()
    for name, texts in short_sets().items():
        want = name.split()[0]
        right = family = 0
        for text in texts:
            guess = language.guess_short([text])
            code = guess.code if guess else None
            right += code == want
            family += code == want or {code, want} == {"id", "ms"}
            if guess is not None:
                k = next(i for i, top in enumerate(CONFIDENCE_BINS[1:]) if guess.confidence < top)
                bins[(k, code == want)] += 1
        rows.append(f"  {name:<14}{right:>6}/{len(texts):<6}{right / len(texts):>7.3f}"
                    f"   family {family / len(texts):.3f}")
    rows.append("calibration: confidence bin, guesses, share right")
    for k in range(len(CONFIDENCE_BINS) - 1):
        n = bins[(k, True)] + bins[(k, False)]
        share = f"{bins[(k, True)] / n:.3f}" if n else "-"
        rows.append(f"  [{CONFIDENCE_BINS[k]:.2f}, {min(CONFIDENCE_BINS[k + 1], 1.0):.2f})"
                    f"{n:>7}{share:>8}")
    return rows


def main(argv: list[str] | None = None) -> int:
    """Print right/total per set."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="every article's answer")
    args = ap.parse_args(argv)
    sets = [("real Indonesian (CLICK-ID)", "id", real_indonesian()),
            ("synthetic Malay", "ms", synthetic("ms")),
            ("synthetic Indonesian", "id", synthetic("id"))]
    for name, want, articles in sets:
        wrong = []
        for ident, text in articles:
            guess = language.detect([x for x in text.splitlines() if x.strip()])
            code = guess.code if guess else None
            if args.verbose or code != want:
                line = f"  {ident}: {code} ({guess.confidence if guess else None})"
                (wrong if code != want else []).append(line)
                if args.verbose:
                    print(line)
        print(f"{name}: {len(articles) - len(wrong)}/{len(articles)} labelled {want}")
        for line in wrong:
            print("  wrong:" + line)
    print("\n".join(short_report()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
