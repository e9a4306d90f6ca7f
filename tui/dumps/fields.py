"""Which fields of a structured record (JSON, CSV, Parquet) hold its title and its text.

By default the first present of a few usual names (case-insensitive); --text-field and
--title-field name the one to use instead, the same way for every format.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

TITLE_FIELDS = ("title", "headline")
TEXT_FIELDS = ("text", "content", "body", "maintext")
# Keys under which a JSON object may hold its list of articles.
LIST_KEYS = ("articles", "items", "data", "records", "results", "entries", "documents")


@dataclass(frozen=True, slots=True)
class FieldNames:
    """The candidate names, first match wins, for the title and the text (lower case)."""

    title: tuple[str, ...] = TITLE_FIELDS
    text: tuple[str, ...] = TEXT_FIELDS

    @classmethod
    def named(cls, text: str | None = None, title: str | None = None) -> FieldNames:
        """The defaults, with a field named by the user replacing that slot's guesses."""
        return cls(title=(title.lower(),) if title else TITLE_FIELDS,
                   text=(text.lower(),) if text else TEXT_FIELDS)

    def has_text(self, names: Iterable[object]) -> bool:
        """True when one of `names` (any case) is a text field."""
        return any(str(n).lower() in self.text for n in names)


DEFAULT_FIELDS = FieldNames()
