"""Entity recognition: one interface; the trained tagger by default, the rules, spaCy on request."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from tui.text.model import Entity

BACKENDS = ("crf", "rules", "spacy")


class RecogniserError(ValueError):
    """The configured recogniser cannot be built; the message is one line for the user."""


class EntityRecogniser(Protocol):
    """Finds entities in the blocks of one article, seen together."""

    def recognise(self, texts: Sequence[str], language: str | None) -> list[list[Entity]]:
        """Entities for each text, in order; offsets index into that text."""
        ...

    def warm_up(self) -> None:
        """Load what the first article would otherwise load (call it from a thread)."""
        ...

    def source(self, texts: Sequence[str], language: str | None) -> str | None:
        """Which recogniser finds this article's entities ("crf", "rules", "spacy:NAME")."""
        ...


class NullRecogniser:
    """Finds nothing: for callers that want the pipeline without entities."""

    def recognise(self, texts: Sequence[str], language: str | None) -> list[list[Entity]]:
        """An empty list per text."""
        return [[] for _ in texts]

    def warm_up(self) -> None:
        """Nothing to load."""

    def source(self, texts: Sequence[str], language: str | None) -> str | None:
        """Nobody: None."""
        return None


def make_recogniser(section: Mapping[str, Any]) -> EntityRecogniser:
    """The recogniser config.yaml's `entities` section asks for.

    Raises RecogniserError with a one-line message for an unknown backend or a spaCy
    pipeline that cannot be loaded; the caller reports it. Making one loads nothing:
    models and word lists are read on the first article (or by warm_up).
    """
    backend = str(section.get("backend") or "crf").strip().lower()
    if backend == "crf":
        from tui.text.ner_tagger import TaggerRecogniser

        return TaggerRecogniser()
    if backend == "rules":
        from tui.text.ner_rules import RuleRecogniser

        return RuleRecogniser()
    if backend == "spacy":
        from tui.text.spacy_recogniser import SpacyRecogniser

        return SpacyRecogniser.from_name(str(section.get("model") or ""))
    raise RecogniserError(
        f"entities.backend: unknown backend {backend!r}; allowed: {', '.join(BACKENDS)}"
    )
