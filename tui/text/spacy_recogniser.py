"""The spaCy backend: an installed spaCy pipeline with an NER component, labels mapped."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tui.text.entities import RecogniserError
from tui.text.model import Entity, Label

# spaCy's (OntoNotes and WikiNER) labels -> warta's; the rest (NORP, EVENT, MISC...) is dropped.
LABELS: dict[str, Label] = {
    "PERSON": Label.PERSON,
    "PER": Label.PERSON,
    "ORG": Label.ORG,
    "GPE": Label.PLACE,
    "LOC": Label.PLACE,
    "FAC": Label.PLACE,
    "DATE": Label.DATE,
    "TIME": Label.DATE,
    "CARDINAL": Label.NUMBER,
    "MONEY": Label.NUMBER,
    "PERCENT": Label.NUMBER,
    "QUANTITY": Label.NUMBER,
}
_NER_FACTORIES = frozenset({"ner", "beam_ner", "entity_ruler"})


class SpacyRecogniser:
    """Runs a spaCy pipeline over the blocks of an article and keeps the entities it sets."""

    def __init__(self, nlp: Any) -> None:
        factories = {nlp.get_pipe_meta(name).factory for name in nlp.pipe_names}
        if not factories & _NER_FACTORIES:
            raise RecogniserError(
                f"entities.model: the spaCy pipeline {nlp.meta.get('name', '?')!r} has no NER "
                "component (ner or entity_ruler)"
            )
        self.nlp = nlp

    @classmethod
    def from_name(cls, name: str) -> SpacyRecogniser:
        """Load an installed pipeline by package name or path; ValueError with one line if not."""
        if not name.strip():
            raise RecogniserError(
                "entities.model: empty; with entities.backend: spacy name an installed "
                "spaCy pipeline, e.g. en_core_web_sm"
            )
        try:
            import spacy
        except ImportError:
            raise RecogniserError(
                "entities.backend: spacy needs the spacy package, which is not installed "
                "(pip install spacy)"
            ) from None
        try:
            nlp = spacy.load(name)
        except (OSError, ImportError) as exc:
            raise RecogniserError(
                f"entities.model: spaCy pipeline {name!r} is not installed or cannot be "
                f"loaded ({str(exc).splitlines()[0][:160]})"
            ) from None
        return cls(nlp)

    def warm_up(self) -> None:
        """Nothing to load: the pipeline was loaded when this recogniser was made."""

    def source(self, texts: Sequence[str], language: str | None) -> str:
        """"spacy:" and the pipeline's name."""
        return f"spacy:{self.nlp.meta.get('lang', '')}_{self.nlp.meta.get('name', '?')}"

    def recognise(self, texts: Sequence[str], language: str | None) -> list[list[Entity]]:
        """Entities for each text, in order; spaCy's character offsets are str indices."""
        out: list[list[Entity]] = []
        for doc in self.nlp.pipe(list(texts)):
            ents = []
            for ent in doc.ents:
                label = LABELS.get(ent.label_)
                if label is not None:
                    ents.append(Entity(ent.start_char, ent.end_char, label, ent.text))
            out.append(ents)
        return out
