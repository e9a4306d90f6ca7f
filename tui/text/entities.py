"""Entity recognition: one interface, the rule-based recogniser by default."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from tui.text.model import Entity


class EntityRecogniser(Protocol):
    """Finds entities in the blocks of one article, seen together."""

    def recognise(self, texts: Sequence[str], language: str | None) -> list[list[Entity]]:
        """Entities for each text, in order; offsets index into that text."""
        ...


class NullRecogniser:
    """Finds nothing; a placeholder until the rule-based recogniser lands."""

    def recognise(self, texts: Sequence[str], language: str | None) -> list[list[Entity]]:
        """An empty list per text."""
        return [[] for _ in texts]


def make_recogniser(section: Mapping[str, Any]) -> EntityRecogniser:
    """The recogniser config.yaml's `entities` section asks for."""
    return NullRecogniser()
