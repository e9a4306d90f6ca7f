"""The one function that turns a Record into a Document."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache

from tui.text import clean, entities, mojibake, structure
from tui.text.boilerplate_rules import BoilerplateRules
from tui.text.budget import Budget, BudgetExceeded
from tui.text.entities import EntityRecogniser
from tui.text.model import Block, BlockKind, Document, Meta, Reason, Record
from tui.text.settings import AnalysisSettings
from tui.text.template import SiteTemplate
from tui.text.words import count_words


def analysed_lines(lines: Sequence[str], max_chars: int) -> int:
    """How many leading lines fit in `max_chars` characters (line breaks counted)."""
    total = 0
    for n, line in enumerate(lines):
        total += len(line) + 1
        if total > max_chars + 1:
            return n
    return len(lines)


def plain_blocks(lines: Sequence[str], first: int = 0) -> list[Block]:
    """One PARAGRAPH block per non-blank line from index `first` on (1-based line numbers)."""
    return [Block(BlockKind.PARAGRAPH, lines[i].strip(), (i + 1, i + 1))
            for i in range(first, len(lines)) if lines[i].strip()]


def _words(blocks: Sequence[Block]) -> int:
    """Words of the content blocks, counted in every script (tui.text.words, compounds once)."""
    return sum(count_words(b.text, compounds=True) for b in blocks if b.is_content)


class Pipeline:
    """Compiled rules and recogniser for one AnalysisSettings; reuse it across articles."""

    def __init__(self, settings: AnalysisSettings) -> None:
        self.settings = settings
        self.rules = BoilerplateRules.from_config(settings.boilerplate)
        self._recogniser: EntityRecogniser | None = None

    @property
    def recogniser(self) -> EntityRecogniser:
        """The entity recogniser, made on first use (a pass without entities never pays it)."""
        if self._recogniser is None:
            self._recogniser = entities.make_recogniser(self.settings.entities)
        return self._recogniser

    @recogniser.setter
    def recogniser(self, recogniser: EntityRecogniser) -> None:
        self._recogniser = recogniser

    def analyse(self, record: Record, *, detect_language: bool | None = None,
                template: SiteTemplate | None = None,
                language_prior: Mapping[str, float] | None = None) -> Document:
        """Classify, segment, structure, detect language, find entities, count.

        `template`: the lines learnt to recur across the record's site (TemplateLearner);
        those lines are stripped with reason `template`, whatever the classifier said.
        `language_prior`: the dump's languages (LanguagePrior), which decide the language
        the recogniser reads an article too short to detect in.

        Bounded: only `max_chars` characters are analysed (the rest become plain
        paragraphs) and past `time_budget` seconds the article comes back as plain
        text; each limit reached and each repair adds a line to `Document.warnings`.
        """
        settings = self.settings
        warnings = list(record.warnings)
        lines = record.text.splitlines()
        head = analysed_lines(lines, settings.max_chars)
        fixed, repaired = mojibake.repair(lines[:head])
        if repaired:
            lines[:head] = fixed
            warnings.append(mojibake.WARNING)
        if head < len(lines):
            warnings.append(f"only the first {settings.max_chars:,} characters were analysed; "
                            "the rest is shown as plain text")
        with Budget(settings.time_budget) as budget:
            try:
                doc = (self._analyse(record, lines[:head], detect_language, template,
                                     language_prior) if head else None)
            except BudgetExceeded:
                doc = None
                warnings.append(f"analysis stopped after {settings.time_budget:g} s: "
                                "shown as plain text")
                head = 0
        if budget.timeouts:
            warnings.append(f"a boilerplate pattern timed out on {budget.timeouts} line(s); "
                            "counted as no match")
        if doc is None:
            doc = self._plain(record, lines)
        elif head < len(lines):
            tail = plain_blocks(lines, head)
            doc.blocks.extend(tail)
            doc.meta.words += _words(tail)
            doc.meta.reading_minutes = round(doc.meta.words / settings.words_per_minute, 1)
        doc.warnings = warnings
        return doc

    def _plain(self, record: Record, lines: Sequence[str]) -> Document:
        """The article as plain text: every non-blank line a paragraph, no analysis."""
        blocks = plain_blocks(lines)
        title = record.title or (blocks[0].text if blocks else None)
        meta = Meta(url=record.url, date=record.date, author=record.author,
                    publisher=structure.record_publisher(record.fields, record.url))
        meta.words = _words(blocks)
        meta.reading_minutes = round(meta.words / self.settings.words_per_minute, 1)
        return Document(record.id, title, blocks, meta, fields=dict(record.fields))

    def _analyse(self, record: Record, lines: list[str], detect_language: bool | None,
                 template: SiteTemplate | None = None,
                 prior: Mapping[str, float] | None = None) -> Document:
        """The full analysis of `lines` (within the current Budget)."""
        page = clean.classify_page(lines, self.rules, record.title)
        reasons = page.reasons()
        if template:
            # Recurring on the site's pages is the truest reason: it wins over a guess from
            # one page's shape ("Ekonomi dan Bisnis" is a menu entry, not a byline).
            reasons = [Reason.TEMPLATE if line in template else r
                       for line, r in zip(lines, reasons, strict=True)]
        blocks = structure.segment(lines, reasons, page)
        title = structure.mark_title(blocks, record.title, page)
        structure.mark_headings(blocks, blank_separated=any(not ln.strip() for ln in lines))
        meta = structure.extract_meta(blocks)
        # Fields that come with the record win over what the text suggests.
        meta.url, meta.date = record.url, record.date or meta.date
        meta.author = record.author or meta.author
        meta.publisher = (structure.record_publisher(record.fields, None) or meta.publisher
                          or structure.record_publisher({}, record.url))
        if title and not record.title:  # the page's own title line: often a browser title
            title = structure.without_site_suffix(title, record.url, meta.publisher)

        content = [b.text for b in blocks if b.is_content]
        doc = Document(record.id, title, blocks, meta, fields=dict(record.fields))
        if detect_language is None:
            detect_language = self.settings.detect_language
        texts = [b.text for b in blocks]
        reads_in = None
        if detect_language:
            from tui.text import language  # langdetect loads with the first detection

            guess = language.detect(content)
            if guess is not None:
                doc.language, doc.language_confidence = guess.code, guess.confidence
            # Too short to say (doc.language stays None), the recogniser still gets a guess.
            reads_in = language.for_entities(content or texts, guess, prior)
        found = self.recogniser.recognise(texts, reads_in)
        source = getattr(self.recogniser, "source", None)
        meta.entities_by = source(texts, reads_in) if source is not None else None
        for block, ents in zip(blocks, found, strict=True):
            block.entities = ents

        meta.words = _words(blocks)
        meta.reading_minutes = round(meta.words / self.settings.words_per_minute, 1)
        meta.boilerplate = dict(Counter(str(r) for r in reasons if r is not None))
        return doc


@lru_cache(maxsize=8)
def pipeline_for(settings: AnalysisSettings) -> Pipeline:
    """The compiled Pipeline for these settings, built once."""
    return Pipeline(settings)


def analyse(record: Record, settings: AnalysisSettings) -> Document:
    """Analyse one record: the pipeline's single entry point."""
    return pipeline_for(settings).analyse(record)
