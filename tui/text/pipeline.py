"""The one function that turns a Record into a Document."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from tui.text import clean, entities, structure
from tui.text.boilerplate_rules import BoilerplateRules
from tui.text.entities import EntityRecogniser
from tui.text.model import Document, Record
from tui.text.settings import AnalysisSettings

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


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

    def analyse(self, record: Record, *, detect_language: bool | None = None) -> Document:
        """Classify, segment, structure, detect language, find entities, count."""
        lines = record.text.splitlines()
        reasons = clean.classify(lines, self.rules, record.title)
        blocks = structure.segment(lines, reasons)
        title = structure.mark_title(blocks, record.title)
        structure.mark_headings(blocks, blank_separated=any(not ln.strip() for ln in lines))
        meta = structure.extract_meta(blocks)
        # Fields that come with the record win over what the text suggests.
        meta.url, meta.date = record.url, record.date
        meta.author = record.author or meta.author

        content = [b.text for b in blocks if b.is_content]
        doc = Document(record.id, title, blocks, meta, fields=dict(record.fields),
                       warnings=list(record.warnings))
        if detect_language is None:
            detect_language = self.settings.detect_language
        if detect_language:
            from tui.text import language  # langdetect loads with the first detection

            guess = language.detect(content)
            if guess is not None:
                doc.language, doc.language_confidence = guess.code, guess.confidence

        texts = [b.text for b in blocks]
        found = self.recogniser.recognise(texts, doc.language)
        source = getattr(self.recogniser, "source", None)
        meta.entities_by = source(texts, doc.language) if source is not None else None
        for block, ents in zip(blocks, found, strict=True):
            block.entities = ents

        meta.words = sum(len(_WORD.findall(t)) for t in content)
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
