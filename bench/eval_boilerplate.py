"""Score the pipeline's line-by-line boilerplate classification against the gold dev set.

    python bench/eval_boilerplate.py [--lang xx] [--verbose] [--json] [--dir PATH]
                                     [--real [--final] [--unseen] [--fresh]]

Each file of tests/data/boilerplate_dev holds one synthetic article as `<label>\\t<line>`
(see the README there). The real sets (tests/data/boilerplate_real_dev and, for the last
check only, boilerplate_real_final and boilerplate_real_unseen; boilerplate_real_fresh for
new labels scored before any tuning on them) hold scraped articles in
the same format, opened by `#meta\\t<key>\\t<value>` lines (record id, title, url);
`--real` scores them next to the synthetic set. The raw text is rebuilt, analysed by the
real pipeline (language detection off, so the score does not depend on it; a `#meta` title
is passed as the record's title) and every non-blank source line is given the label of the
block that covers it. Per line, and per language and overall (micro-averaged over lines):

- boilerplate precision, recall and F1 (boilerplate is the positive class);
- content recall: the share of gold title/heading/content lines kept out of boilerplate;
- reason accuracy: among lines rightly called boilerplate, the share with a gold reason;
- heading precision and recall, and title recall.

`score(pairs)` turns (gold label, predicted label) pairs into these numbers; the test
suite imports it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEV_DIR = ROOT / "tests" / "data" / "boilerplate_dev"
REAL_DEV_DIR = ROOT / "tests" / "data" / "boilerplate_real_dev"
REAL_FINAL_DIR = ROOT / "tests" / "data" / "boilerplate_real_final"
REAL_UNSEEN_DIR = ROOT / "tests" / "data" / "boilerplate_real_unseen"
REAL_FRESH_DIR = ROOT / "tests" / "data" / "boilerplate_real_fresh"
META_KEYS = ("id", "title", "url")
KINDS = ("T", "H", "C")
REASONS = frozenset({
    "related", "share", "navigation", "credit", "duplicate", "caption",
    "advert", "promo", "legal", "tags", "byline", "other",
})


class DevSetError(ValueError):
    """A malformed dev file, worded as one line naming the file and the line."""


@dataclass(frozen=True)
class Label:
    """A line's label: kind T/H/C/B plus, for boilerplate, the acceptable reasons."""

    kind: str
    reasons: frozenset[str] = frozenset()

    @property
    def is_boilerplate(self) -> bool:
        """True for a B label."""
        return self.kind == "B"

    def __str__(self) -> str:
        if self.kind != "B":
            return self.kind
        return "B:" + "|".join(sorted(self.reasons)) if self.reasons else "B"


def parse_label(raw: str) -> Label:
    """`T`, `H`, `C`, `B:reason` or `B:reason|reason` -> Label; ValueError when invalid."""
    if raw in KINDS:
        return Label(raw)
    kind, sep, rest = raw.partition(":")
    if kind != "B" or not sep:
        raise ValueError(f"unknown label {raw!r} (use T, H, C or B:<reason>)")
    reasons = frozenset(rest.split("|"))
    bad = sorted(reasons - REASONS)
    if bad:
        allowed = ", ".join(sorted(REASONS))
        raise ValueError(f"unknown reason {bad[0]!r} in {raw!r}; allowed: {allowed}")
    return Label("B", reasons)


@dataclass(frozen=True)
class GoldLine:
    """One non-blank source line with its gold label; `number` is 1-based in the text.

    `row` is the 1-based line of the file (it differs from `number` after `#meta` lines).
    """

    number: int
    label: Label
    text: str
    row: int = 0

    @property
    def file_row(self) -> int:
        """The line of the .tsv file that holds this source line."""
        return self.row or self.number


@dataclass(frozen=True)
class GoldArticle:
    """One dev article: its raw text as the pipeline sees it and its labelled lines.

    `meta` holds the `#meta` lines of a real article (id, title, url); empty otherwise.
    """

    name: str
    lang: str
    text: str
    lines: tuple[GoldLine, ...]
    meta: dict[str, str] = field(default_factory=dict)


def _parse_meta(rows: list[str], name: str) -> dict[str, str]:
    """The leading `#meta\\t<key>\\t<value>` rows of a file; DevSetError when malformed."""
    meta: dict[str, str] = {}
    for number, row in enumerate(rows, 1):
        parts = row.split("\t", 2)
        if len(parts) != 3 or parts[0] != "#meta":
            raise DevSetError(f"{name}:{number}: expected '#meta<TAB>key<TAB>value'")
        key, value = parts[1], parts[2]
        if key not in META_KEYS:
            raise DevSetError(f"{name}:{number}: unknown #meta key {key!r}; "
                              f"allowed: {', '.join(META_KEYS)}")
        if key in meta:
            raise DevSetError(f"{name}:{number}: #meta {key!r} given twice")
        meta[key] = value
    return meta


def parse_tsv(content: str, name: str) -> GoldArticle:
    """Parse one dev file's text; DevSetError names the file and line of any problem.

    A file of a real set opens with `#meta` rows; its source lines are numbered from the
    first row after them, its text is rebuilt exactly (no newline added) and it may have
    no T line (the record's title field is not part of its text).
    """
    rows = content.split("\n")
    if rows and rows[-1] == "":
        rows.pop()
    skip = 0
    while skip < len(rows) and rows[skip].startswith("#meta"):
        skip += 1
    meta = _parse_meta(rows[:skip], name)
    sources: list[str] = []
    gold: list[GoldLine] = []
    for number, row in enumerate(rows[skip:], 1):
        at = number + skip
        if row == "":
            sources.append("")
            continue
        if row.startswith("#meta"):
            raise DevSetError(f"{name}:{at}: #meta line after the first source line")
        raw, sep, text = row.partition("\t")
        if not sep:
            raise DevSetError(f"{name}:{at}: no tab between label and text")
        if not text.strip():
            raise DevSetError(f"{name}:{at}: label {raw!r} on a blank line")
        try:
            label = parse_label(raw)
        except ValueError as exc:
            raise DevSetError(f"{name}:{at}: {exc}") from None
        sources.append(text)
        gold.append(GoldLine(number, label, text, at))
    titles = [g.number for g in gold if g.label.kind == "T"]
    if meta:
        if len(titles) > 1:
            raise DevSetError(f"{name}: expected at most one T line, found {len(titles)}")
    elif len(titles) != 1:
        raise DevSetError(f"{name}: expected exactly one T line, found {len(titles)}")
    lang = name.split("_", 1)[0]
    text = "\n".join(sources) if meta else "\n".join(sources) + "\n"
    return GoldArticle(name, lang, text, tuple(gold), meta)


def load_dev(folder: Path = DEV_DIR, lang: str | None = None) -> list[GoldArticle]:
    """Every `<lang>_<nn>.tsv` in `folder` (one language when `lang` is given), by name."""
    paths = sorted(folder.glob("*.tsv"))
    if lang:
        paths = [p for p in paths if p.name.startswith(f"{lang}_")]
    return [parse_tsv(p.read_text(encoding="utf-8"), p.name) for p in paths]


def _ratio(num: int, den: int, empty: float) -> float:
    return num / den if den else empty


def _precision(tp: int, fp: int, fn: int) -> float:
    """tp / predicted (1.0 when nothing was predicted and nothing was there)."""
    return _ratio(tp, tp + fp, 1.0 if not fn else 0.0)


def _recall(tp: int, fp: int, fn: int) -> float:
    """tp / gold (1.0 when there was nothing to find and nothing was predicted)."""
    return _ratio(tp, tp + fn, 1.0 if not fp else 0.0)


@dataclass
class Scores:
    """Line counts for one set of articles, and the rates derived from them."""

    lines: int = 0
    bp_tp: int = 0
    bp_fp: int = 0
    bp_fn: int = 0
    content: int = 0
    content_kept: int = 0
    reason_right: int = 0
    head_tp: int = 0
    head_fp: int = 0
    head_fn: int = 0
    titles: int = 0
    titles_found: int = 0
    uncovered: int = 0

    @property
    def bp_precision(self) -> float:
        """Boilerplate precision (1.0 when nothing was called boilerplate and none was)."""
        return _precision(self.bp_tp, self.bp_fp, self.bp_fn)

    @property
    def bp_recall(self) -> float:
        """Boilerplate recall (1.0 when there was none to find and none was claimed)."""
        return _recall(self.bp_tp, self.bp_fp, self.bp_fn)

    @property
    def bp_f1(self) -> float:
        """Harmonic mean of boilerplate precision and recall."""
        p, r = self.bp_precision, self.bp_recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def content_recall(self) -> float:
        """Share of gold T/H/C lines that were not called boilerplate."""
        return _ratio(self.content_kept, self.content, 1.0)

    @property
    def reason_accuracy(self) -> float:
        """Among true-positive boilerplate lines, the share with an acceptable reason."""
        return _ratio(self.reason_right, self.bp_tp, 1.0)

    @property
    def heading_precision(self) -> float:
        """Share of predicted headings that are gold headings."""
        return _precision(self.head_tp, self.head_fp, self.head_fn)

    @property
    def heading_recall(self) -> float:
        """Share of gold headings predicted as headings."""
        return _recall(self.head_tp, self.head_fp, self.head_fn)

    @property
    def title_recall(self) -> float:
        """Share of gold title lines predicted as the title."""
        return _ratio(self.titles_found, self.titles, 1.0)

    def rates(self) -> dict[str, float]:
        """The derived rates, rounded for reports."""
        names = ("bp_precision", "bp_recall", "bp_f1", "content_recall", "reason_accuracy",
                 "heading_precision", "heading_recall", "title_recall")
        return {n: round(getattr(self, n), 4) for n in names}

    def to_dict(self) -> dict[str, Any]:
        """Counts and rates together (the --json shape)."""
        return {**asdict(self), **self.rates()}


def score(pairs: Iterable[tuple[Label | str, Label | str | None]]) -> Scores:
    """Count (gold, predicted) label pairs, one per non-blank line; None = no block covered it."""
    s = Scores()
    for gold_raw, pred_raw in pairs:
        gold = parse_label(gold_raw) if isinstance(gold_raw, str) else gold_raw
        pred = parse_label(pred_raw) if isinstance(pred_raw, str) else pred_raw
        s.lines += 1
        if pred is None:
            s.uncovered += 1
        pred_bp = pred is not None and pred.is_boilerplate
        pred_kind = None if pred is None else pred.kind
        if gold.is_boilerplate:
            if pred_bp:
                s.bp_tp += 1
                assert pred is not None
                if pred.reasons & gold.reasons:
                    s.reason_right += 1
            else:
                s.bp_fn += 1
        else:
            s.content += 1
            if pred_bp:
                s.bp_fp += 1
            else:
                s.content_kept += 1
        if gold.kind == "H":
            if pred_kind == "H":
                s.head_tp += 1
            else:
                s.head_fn += 1
        elif pred_kind == "H":
            s.head_fp += 1
        if gold.kind == "T":
            s.titles += 1
            s.titles_found += pred_kind == "T"
    return s


_KIND_OF_BLOCK = {"title": "T", "heading": "H", "paragraph": "C", "boilerplate": "B"}


def predicted_labels(blocks: Sequence[Any]) -> dict[int, Label]:
    """Line number -> the label of the first block whose `lines` range covers it."""
    out: dict[int, Label] = {}
    for block in blocks:
        kind = _KIND_OF_BLOCK[str(block.kind)]
        reasons = frozenset({str(block.reason)}) if kind == "B" and block.reason else frozenset()
        first, last = block.lines
        for number in range(first, last + 1):
            out.setdefault(number, Label(kind, reasons))
    return out


@dataclass
class LineResult:
    """One non-blank line of one article: gold and predicted label."""

    article: GoldArticle
    line: GoldLine
    predicted: Label | None

    @property
    def wrong(self) -> bool:
        """Kind differs, or both boilerplate but with an unacceptable reason."""
        pred = self.predicted
        if pred is None or pred.kind != self.line.label.kind:
            return True
        return pred.is_boilerplate and not (pred.reasons & self.line.label.reasons)


Analyse = Callable[[GoldArticle], Sequence[Any]]


def learnt_templates(dumps: Sequence[str]) -> Any:
    """A TemplateLearner shown every record of `dumps` (the dump the gold articles came from)."""
    from tui.dumps.formats import iter_records
    from tui.text.template import TemplateLearner

    learner = TemplateLearner()
    for path in dumps:
        for record in iter_records(path):
            learner.add(record)
    return learner


def real_analyse(templates: Any = None) -> Analyse:
    """The project's pipeline with the default config, language detection off; with a
    TemplateLearner, each article's site template applied."""
    from tui.config import load_config
    from tui.text.model import Record
    from tui.text.pipeline import Pipeline

    pipeline = Pipeline(load_config().analysis)

    def analyse(article: GoldArticle) -> Sequence[Any]:
        meta = article.meta
        record = Record(meta.get("id", article.name), article.text,
                        title=meta.get("title"), url=meta.get("url"))
        if templates is None:
            return pipeline.analyse(record, detect_language=False).blocks
        return pipeline.analyse(record, detect_language=False,
                                template=templates.template_for(record)).blocks

    return analyse


def evaluate(articles: Iterable[GoldArticle], analyse: Analyse) -> list[LineResult]:
    """Analyse each article and pair every gold line with its predicted label."""
    results: list[LineResult] = []
    for article in articles:
        try:
            blocks = analyse(article)
        except Exception as exc:
            raise RuntimeError(f"{article.name}: the pipeline failed: {exc!r}") from exc
        predicted = predicted_labels(blocks)
        results.extend(LineResult(article, g, predicted.get(g.number)) for g in article.lines)
    return results


@dataclass
class Report:
    """Scores overall and per language, plus the mistaken lines."""

    articles: int
    overall: Scores
    languages: dict[str, Scores] = field(default_factory=dict)
    mistakes: list[LineResult] = field(default_factory=list)


def report(results: Sequence[LineResult]) -> Report:
    """Score the line results overall and per language (micro over lines)."""
    langs = sorted({r.article.lang for r in results})
    per_lang = {
        lang: score((r.line.label, r.predicted) for r in results if r.article.lang == lang)
        for lang in langs
    }
    return Report(
        articles=len({r.article.name for r in results}),
        overall=score((r.line.label, r.predicted) for r in results),
        languages=per_lang,
        mistakes=[r for r in results if r.wrong],
    )


_COLUMNS = (("bp_P", "bp_precision"), ("bp_R", "bp_recall"), ("bp_F1", "bp_f1"),
            ("cont_R", "content_recall"), ("reason", "reason_accuracy"),
            ("head_P", "heading_precision"), ("head_R", "heading_recall"),
            ("title", "title_recall"))


def format_table(rep: Report) -> str:
    """The per-language and overall table as text."""
    head = f"{'lang':<5}{'lines':>6}" + "".join(f"{c:>8}" for c, _ in _COLUMNS)
    rows = [head]
    for name, s in [*rep.languages.items(), ("all", rep.overall)]:
        rows.append(f"{name:<5}{s.lines:>6}"
                    + "".join(f"{getattr(s, attr):>8.3f}" for _, attr in _COLUMNS))
    return "\n".join(rows)


def format_mistake(r: LineResult) -> str:
    """`file:line  gold  predicted  text` for one wrong line."""
    pred = "-" if r.predicted is None else str(r.predicted)
    text = r.line.text.strip()
    text = text if len(text) <= 90 else text[:87] + "..."
    return f"{r.article.name}:{r.line.file_row:<4} {r.line.label!s:<20} {pred:<14} {text}"


def _report_json(rep: Report, verbose: bool) -> dict[str, Any]:
    """One set's report in the --json shape (mistakes only when verbose)."""
    out: dict[str, Any] = {
        "articles": rep.articles,
        "overall": rep.overall.to_dict(),
        "languages": {k: v.to_dict() for k, v in rep.languages.items()},
    }
    if verbose:
        out["mistakes"] = [
            {"file": r.article.name, "line": r.line.file_row, "gold": str(r.line.label),
             "predicted": None if r.predicted is None else str(r.predicted),
             "text": r.line.text}
            for r in rep.mistakes
        ]
    return out


def _print_report(rep: Report, heading: str, verbose: bool) -> None:
    """One set's heading line, table, coverage warning and (verbose) mistakes."""
    print(f"{heading}: {rep.articles} articles, {rep.overall.lines} non-blank lines")
    print(format_table(rep))
    if rep.overall.uncovered:
        print(f"warning: {rep.overall.uncovered} non-blank lines were in no block")
    if verbose:
        print(f"\n{len(rep.mistakes)} wrong lines (file:line gold predicted text):")
        for r in rep.mistakes:
            print(format_mistake(r))


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry: print the table (and the mistakes with --verbose)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", help="only articles of this language (id, ms, en, de, fr, es, pt)")
    ap.add_argument("--verbose", action="store_true", help="list every wrongly labelled line")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ap.add_argument("--dir", type=Path, default=DEV_DIR, help="the dev set folder")
    ap.add_argument("--real", action="store_true",
                    help=f"also score the real scraped dev set ({REAL_DEV_DIR.name})")
    ap.add_argument("--final", action="store_true",
                    help=f"with --real, also the real final set ({REAL_FINAL_DIR.name}); "
                         "for the last check only, never for tuning")
    ap.add_argument("--unseen", action="store_true",
                    help=f"with --real, also the real unseen set ({REAL_UNSEEN_DIR.name}); "
                         "for the last check only, never for tuning")
    ap.add_argument("--fresh", action="store_true",
                    help=f"with --real, also the real fresh set ({REAL_FRESH_DIR.name}), "
                         "labelled after the rules it is scored against")
    ap.add_argument("--templates", nargs="+", metavar="DUMP",
                    help="learn site templates from these dumps first (the real sets' "
                         "sources in ../shared/data/real) and apply them")
    args = ap.parse_args(argv)
    for flag, name in ((args.final, "final"), (args.unseen, "unseen"), (args.fresh, "fresh")):
        if flag and not args.real:
            print(f"eval_boilerplate: --{name} scores the real {name} set and needs --real",
                  file=sys.stderr)
            return 2
    sets: list[tuple[str, Path]] = [("boilerplate dev set", args.dir)]
    if args.real:
        sets.append((f"real dev set ({REAL_DEV_DIR.name})", REAL_DEV_DIR))
        if args.final:
            sets.append((f"real final set ({REAL_FINAL_DIR.name})", REAL_FINAL_DIR))
        if args.unseen:
            sets.append((f"real unseen set ({REAL_UNSEEN_DIR.name})", REAL_UNSEEN_DIR))
        if args.fresh:
            sets.append((f"real fresh set ({REAL_FRESH_DIR.name})", REAL_FRESH_DIR))
    loaded: list[tuple[str, Path, list[GoldArticle]]] = []
    for heading, folder in sets:
        try:
            articles = load_dev(folder, args.lang)
        except DevSetError as exc:
            print(f"eval_boilerplate: {exc}", file=sys.stderr)
            return 2
        if not articles and not args.real:
            print(f"eval_boilerplate: no .tsv articles in {folder}"
                  + (f" for language {args.lang}" if args.lang else ""), file=sys.stderr)
            return 2
        loaded.append((heading, folder, articles))
    analyse = (real_analyse(learnt_templates(args.templates)) if args.templates
               else real_analyse())
    reports = [(heading, folder, report(evaluate(articles, analyse)) if articles else None)
               for heading, folder, articles in loaded]
    if args.json:
        if not args.real:
            rep = reports[0][2]
            assert rep is not None
            print(json.dumps(_report_json(rep, args.verbose), ensure_ascii=False, indent=2))
            return 0
        both = {folder.name: None if rep is None else _report_json(rep, args.verbose)
                for _, folder, rep in reports}
        print(json.dumps(both, ensure_ascii=False, indent=2))
        return 0
    for n, (heading, folder, rep) in enumerate(reports):
        if n:
            print()
        if rep is None:
            print(f"{heading}: no .tsv articles in {folder}"
                  + (f" for language {args.lang}" if args.lang else ""))
            continue
        _print_report(rep, heading, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
