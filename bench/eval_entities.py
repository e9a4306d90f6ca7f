"""Score the entity recogniser against the gold-annotated dev articles (exact spans).

    python bench/eval_entities.py [--lang xx] [--verbose] [--json] [--dir PATH]
    python bench/eval_entities.py --tsv FILE [--tsv FILE...] [--backend rules|crf]
                                  [--detect [--no-prior]] [--lower]

Each file of tests/data/ner_dev holds one synthetic article, one paragraph per line,
entities marked inline as `[Kim Jong Un]{PERSON}` (see the README there). The
annotations are stripped, every paragraph of an article (title first) goes to the
configured recogniser in one call, and the predicted spans are compared with the gold
ones: a prediction counts only when start, end and label all match. Reported per label
(PERSON, ORG, PLACE, DATE, NUMBER), per language and overall; the headline number is
the micro-average over PERSON, ORG and PLACE.

With `--tsv`, token-per-line BIO files (`token<TAB>tag`, a blank line after each
sentence: the format of ../shared/data/ner) are scored instead: each sentence becomes
one article of one paragraph (tokens joined with spaces, none before closing
punctuation), in the language named by the file's prefix (`id_`, `en_`) or, with
`--detect`, the language `warta analyse` reads it in over a dump of the file's sentences:
the detected one, else the short-text guess under the dump's language prior (without it
with `--no-prior`, as for standard input). ORGANISATION is scored as ORG. Only the
labels the file annotates count (NERP has no ORG: PERSON and PLACE), and predictions of
other labels are dropped. `--lower` lower-cases every
sentence first (a check of the tagger on text without capitals).

`parse_annotated`, `parse_article` and `score` are imported by the test suite;
`read_tsv` and `tsv_articles` by tools/train_tagger.py.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEV_DIR = ROOT / "tests" / "data" / "ner_dev"
LABELS = ("PERSON", "ORG", "PLACE", "DATE", "NUMBER")
HEADLINE = ("PERSON", "ORG", "PLACE")
_ANNOTATION = re.compile(r"\[([^\[\]{}]*)\]\{([^{}\[\]]*)\}")
_MARKUP = re.compile(r"[\[\]{}]")

SpanTuple = tuple[int, int, str]


class DevSetError(ValueError):
    """A malformed annotation, worded as one line naming the file and paragraph."""


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: plain text and its gold spans (start, end, label) into it."""

    text: str
    spans: tuple[SpanTuple, ...]


@dataclass(frozen=True)
class NerArticle:
    """One dev article: its paragraphs in order, the title first."""

    name: str
    lang: str
    paragraphs: tuple[Paragraph, ...]


def parse_annotated(line: str, where: str = "<text>") -> Paragraph:
    """`[Name]{LABEL}` markup -> Paragraph; DevSetError on unknown labels or stray brackets."""
    plain: list[str] = []
    spans: list[SpanTuple] = []
    pos = 0
    length = 0
    for m in _ANNOTATION.finditer(line):
        before = line[pos:m.start()]
        if _MARKUP.search(before):
            raise DevSetError(f"{where}: unbalanced or stray bracket near {before[-30:]!r}")
        surface, label = m.group(1), m.group(2)
        if label not in LABELS:
            raise DevSetError(f"{where}: unknown label {label!r} on {surface!r}; "
                              f"allowed: {', '.join(LABELS)}")
        if not surface or surface != surface.strip():
            raise DevSetError(f"{where}: span {surface!r} is empty or has outer spaces")
        plain.append(before)
        length += len(before)
        spans.append((length, length + len(surface), label))
        plain.append(surface)
        length += len(surface)
        pos = m.end()
    rest = line[pos:]
    if _MARKUP.search(rest):
        raise DevSetError(f"{where}: unbalanced or stray bracket near {rest[:30]!r}")
    plain.append(rest)
    return Paragraph("".join(plain), tuple(spans))


def parse_article(content: str, name: str) -> NerArticle:
    """One annotated file: one paragraph per non-blank line, the first one the title."""
    paragraphs = []
    for number, line in enumerate(content.split("\n"), 1):
        if line.strip():
            paragraphs.append(parse_annotated(line.rstrip("\r"), f"{name}:{number}"))
    if not paragraphs:
        raise DevSetError(f"{name}: no paragraphs")
    return NerArticle(name, name.split("_", 1)[0], tuple(paragraphs))


def load_dev(folder: Path = DEV_DIR, lang: str | None = None) -> list[NerArticle]:
    """Every `<lang>_<nn>.txt` in `folder` (one language when `lang` is given), by name."""
    paths = sorted(folder.glob("*.txt"))
    if lang:
        paths = [p for p in paths if p.name.startswith(f"{lang}_")]
    return [parse_article(p.read_text(encoding="utf-8"), p.name) for p in paths]


@dataclass
class Counts:
    """True positives, false positives and false negatives for one label."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        """Add another label's counts (for micro-averages)."""
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        """tp / predicted (1.0 when nothing was predicted and nothing was there)."""
        den = self.tp + self.fp
        return self.tp / den if den else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        """tp / gold (1.0 when there was nothing to find and nothing was predicted)."""
        den = self.tp + self.fn
        return self.tp / den if den else (1.0 if not self.fp else 0.0)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        """Counts and rounded rates."""
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "gold": self.tp + self.fn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class NerScores:
    """Exact-match counts per label."""

    labels: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in LABELS})

    def micro(self, labels: Iterable[str] = HEADLINE) -> Counts:
        """Counts summed over `labels` (PERSON/ORG/PLACE by default: the headline)."""
        total = Counts()
        for label in labels:
            total.add(self.labels.get(label, Counts()))
        return total

    def to_dict(self) -> dict[str, Any]:
        """Per-label and micro counts and rates (the --json shape)."""
        return {
            "labels": {k: v.to_dict() for k, v in self.labels.items()},
            "micro_person_org_place": self.micro().to_dict(),
            "micro_all": self.micro(self.labels).to_dict(),
        }


def score(pairs: Iterable[tuple[Collection[SpanTuple], Collection[SpanTuple]]]) -> NerScores:
    """Count exact (start, end, label) matches over (gold spans, predicted spans) pairs."""
    s = NerScores()
    for gold_spans, pred_spans in pairs:
        gold, pred = set(gold_spans), set(pred_spans)
        for span in gold | pred:
            counts = s.labels.setdefault(span[2], Counts())
            if span in gold and span in pred:
                counts.tp += 1
            elif span in pred:
                counts.fp += 1
            else:
                counts.fn += 1
    return s


Recognise = Callable[[list[str], str], Sequence[Sequence[SpanTuple]]]
_TSV_LABELS = {"PERSON": "PERSON", "ORGANISATION": "ORG", "ORG": "ORG", "PLACE": "PLACE"}
_NO_SPACE_BEFORE = frozenset(",.;:!?)]}%'\"") | {"n't", "'s", "'re", "'ve", "'ll", "'d", "'m"}
_NO_SPACE_AFTER = frozenset("([{$")


def read_tsv(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences of (token, tag) from a BIO file; DevSetError naming the line if malformed."""
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line.strip():
                if current:
                    sentences.append(current)
                    current = []
                continue
            token, sep, tag = line.rpartition("\t")
            if not sep or not (tag == "O" or tag[:2] in ("B-", "I-")):
                raise DevSetError(f"{path.name}:{number}: expected token<TAB>BIO-tag")
            current.append((token, tag))
    if current:
        sentences.append(current)
    return sentences


def detokenize(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """Tokens joined into a sentence (no space before closing punctuation) and their spans."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    glue = True
    for token in tokens:
        if parts and not glue and token not in _NO_SPACE_BEFORE:
            parts.append(" ")
            pos += 1
        spans.append((pos, pos + len(token)))
        parts.append(token)
        pos += len(token)
        glue = token in _NO_SPACE_AFTER
    return "".join(parts), spans


def tsv_sentence(pairs: Sequence[tuple[str, str]], lower: bool = False) -> Paragraph:
    """One BIO sentence -> Paragraph with gold (start, end, label) spans; a stray I- opens."""
    text, offsets = detokenize([t for t, _ in pairs])
    spans: list[SpanTuple] = []
    open_label = ""
    for (_, tag), (start, end) in zip(pairs, offsets, strict=True):
        kind, _, raw = tag.partition("-")
        label = _TSV_LABELS.get(raw, "")
        if not label:
            open_label = ""
        elif kind == "I" and open_label == label:
            spans[-1] = (spans[-1][0], end, label)
        else:
            spans.append((start, end, label))
            open_label = label
    if lower and len(text.lower()) == len(text):
        text = text.lower()
    return Paragraph(text, tuple(spans))


def tsv_articles(path: Path, lang: str | None = None, lower: bool = False) -> list[NerArticle]:
    """Every sentence of a BIO file as a one-paragraph article (language: the file prefix)."""
    lang = lang or path.name.split("_", 1)[0]
    return [
        NerArticle(f"{path.name}#{i}", lang, (tsv_sentence(pairs, lower),))
        for i, pairs in enumerate(read_tsv(path), 1)
    ]


def gold_labels(articles: Iterable[NerArticle]) -> set[str]:
    """The labels the gold spans use (the ones a TSV file annotates)."""
    return {s[2] for a in articles for p in a.paragraphs for s in p.spans}


def real_recognise(backend: str | None = None, detect: bool = False,
                   prior: Mapping[str, float] | None = None) -> Recognise:
    """The configured recogniser (config.yaml `entities`), spans as plain tuples.

    `backend` overrides entities.backend; with `detect` the recogniser is given the
    language warta would read the paragraphs in instead of the article's own: the
    detected one, else the short-text guess under the dump's `prior`.
    """
    from tui.config import load_config
    from tui.text.entities import make_recogniser

    section = dict(load_config().data["entities"])
    if backend:
        section["backend"] = backend
    recogniser = make_recogniser(section)
    if detect:
        from tui.text import language

        def detected(paragraphs: list[str], lang: str) -> list[list[SpanTuple]]:
            reads_in = language.for_entities(paragraphs, language.detect(paragraphs), prior)
            found = recogniser.recognise(paragraphs, reads_in)
            return [[(e.start, e.end, str(e.label)) for e in ents] for ents in found]

        return detected

    def recognise(paragraphs: list[str], lang: str) -> list[list[SpanTuple]]:
        found = recogniser.recognise(paragraphs, lang)
        return [[(e.start, e.end, str(e.label)) for e in ents] for ents in found]

    return recognise


@dataclass
class ParagraphResult:
    """Gold and predicted spans of one paragraph."""

    article: NerArticle
    index: int
    gold: tuple[SpanTuple, ...]
    predicted: tuple[SpanTuple, ...]

    @property
    def text(self) -> str:
        """The paragraph's plain text."""
        return self.article.paragraphs[self.index].text


def evaluate(articles: Iterable[NerArticle], recognise: Recognise) -> list[ParagraphResult]:
    """Run the recogniser over each article's paragraphs together, pair gold and predicted."""
    results: list[ParagraphResult] = []
    for article in articles:
        texts = [p.text for p in article.paragraphs]
        try:
            found = recognise(texts, article.lang)
        except Exception as exc:
            raise RuntimeError(f"{article.name}: the recogniser failed: {exc!r}") from exc
        if len(found) != len(texts):
            raise RuntimeError(f"{article.name}: {len(texts)} paragraphs in, {len(found)} out")
        for i, (para, pred) in enumerate(zip(article.paragraphs, found, strict=True)):
            results.append(ParagraphResult(article, i, para.spans, tuple(pred)))
    return results


def by_language(results: Sequence[ParagraphResult]) -> dict[str, NerScores]:
    """Scores per language, plus `all` (micro over every paragraph)."""
    out = {
        lang: score((r.gold, r.predicted) for r in results if r.article.lang == lang)
        for lang in sorted({r.article.lang for r in results})
    }
    out["all"] = score((r.gold, r.predicted) for r in results)
    return out


def mistakes(results: Sequence[ParagraphResult]) -> list[str]:
    """One line per false negative and false positive: `file:para FN|FP LABEL "text"`."""
    lines: list[str] = []
    for r in results:
        gold, pred = set(r.gold), set(r.predicted)
        where = f"{r.article.name}:{r.index + 1}"
        for kind, spans in (("FN", sorted(gold - pred)), ("FP", sorted(pred - gold))):
            for start, end, label in spans:
                lines.append(f"{where:<12} {kind} {label:<7} {r.text[start:end]!r}")
    return lines


def format_tables(scores: dict[str, NerScores]) -> str:
    """F1 per label and the headline P/R/F1 per language, then P/R/F1 per label overall."""
    head = (f"{'lang':<5}{'gold':>6}" + "".join(f"{label:>8}" for label in LABELS)
            + f"  | {'P':>6}{'R':>7}{'F1':>7}  (PERSON+ORG+PLACE)")
    rows = ["F1 per label; micro precision/recall/F1 over PERSON, ORG, PLACE", head]
    for lang, s in scores.items():
        gold = sum(c.tp + c.fn for c in s.labels.values())
        m = s.micro()
        rows.append(f"{lang:<5}{gold:>6}"
                    + "".join(f"{s.labels[label].f1:>8.3f}" for label in LABELS)
                    + f"  | {m.precision:>6.3f}{m.recall:>7.3f}{m.f1:>7.3f}")
    overall = scores["all"]
    rows += ["", "overall per label",
             f"{'label':<8}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}"]
    for label, c in overall.labels.items():
        rows.append(f"{label:<8}{c.tp + c.fn:>6}{c.tp + c.fp:>6}"
                    f"{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}")
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry: print the tables (and every FP/FN with --verbose)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", help="only articles of this language (id, en, ms, de, fr, es, pt)")
    ap.add_argument("--verbose", action="store_true", help="list false negatives and positives")
    ap.add_argument("--json", action="store_true", help="print JSON instead of tables")
    ap.add_argument("--dir", type=Path, default=DEV_DIR, help="the dev set folder")
    ap.add_argument("--tsv", type=Path, action="append", default=[],
                    help="score a BIO token file instead (repeatable)")
    ap.add_argument("--backend", help="entities.backend to use instead of config.yaml's")
    ap.add_argument("--detect", action="store_true",
                    help="give the recogniser the detected language, as `warta analyse` does")
    ap.add_argument("--lower", action="store_true", help="lower-case the TSV sentences first")
    ap.add_argument("--no-prior", action="store_true",
                    help="with --detect: no dump-level language prior (as for standard input)")
    args = ap.parse_args(argv)
    try:
        if args.tsv:
            return _main_tsv(args)
        articles = load_dev(args.dir, args.lang)
    except (DevSetError, OSError) as exc:
        print(f"eval_entities: {exc}", file=sys.stderr)
        return 2
    if not articles:
        print(f"eval_entities: no .txt articles in {args.dir}"
              + (f" for language {args.lang}" if args.lang else ""), file=sys.stderr)
        return 2
    results = evaluate(articles, real_recognise(args.backend, args.detect))
    scores = by_language(results)
    if args.json:
        out: dict[str, Any] = {"articles": len(articles),
                               "languages": {k: v.to_dict() for k, v in scores.items()}}
        if args.verbose:
            out["mistakes"] = mistakes(results)
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    print(f"entity dev set: {len(articles)} articles, {len(results)} paragraphs")
    print(format_tables(scores))
    if args.verbose:
        wrong = mistakes(results)
        print(f"\n{len(wrong)} false negatives (FN) and false positives (FP):")
        print("\n".join(wrong))
    return 0


def score_tsv(articles: Sequence[NerArticle], recognise: Recognise) -> NerScores:
    """Exact-span scores of one TSV file, over the labels it annotates only."""
    labels = gold_labels(articles)
    results = evaluate(articles, recognise)
    scores = score(
        (r.gold, tuple(s for s in r.predicted if s[2] in labels)) for r in results
    )
    scores.labels = {k: v for k, v in scores.labels.items() if k in labels}
    return scores


def format_tsv(name: str, scores: NerScores) -> str:
    """P/R/F1 per label and micro over the file's labels."""
    rows = [f"{name}", f"  {'label':<8}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}"]
    for label, c in [*scores.labels.items(), ("micro", scores.micro(scores.labels))]:
        rows.append(f"  {label:<8}{c.tp + c.fn:>6}{c.tp + c.fp:>6}"
                    f"{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}")
    return "\n".join(rows)


def dump_prior(articles: Iterable[NerArticle]) -> dict[str, float] | None:
    """The language prior `warta analyse` gives a dump of these articles (its first pass)."""
    from tui.text.language_prior import LanguagePrior

    prior = LanguagePrior()
    for article in articles:
        prior.add("\n".join(p.text for p in article.paragraphs))
    return prior.weights()


def _main_tsv(args: argparse.Namespace) -> int:
    out: dict[str, Any] = {}
    for path in args.tsv:
        articles = tsv_articles(path, args.lang, args.lower)
        prior = dump_prior(articles) if args.detect and not args.no_prior else None
        recognise = real_recognise(args.backend, args.detect, prior)
        scores = score_tsv(articles, recognise)
        if args.json:
            out[path.name] = {"sentences": len(articles), **scores.to_dict()}
        else:
            print(format_tsv(f"{path.name}: {len(articles)} sentences"
                             + (" (lower-cased)" if args.lower else ""), scores))
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
