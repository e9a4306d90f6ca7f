"""Record in, Document out: the data the pipeline produces (contract: docs/CONTRACT.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class BlockKind(StrEnum):
    """What a block of the article is."""

    TITLE = "title"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    BOILERPLATE = "boilerplate"


class Reason(StrEnum):
    """Why a line was judged boilerplate."""

    RELATED = "related"
    SHARE = "share"
    NAVIGATION = "navigation"
    CREDIT = "credit"
    DUPLICATE = "duplicate"
    CAPTION = "caption"
    ADVERT = "advert"
    PROMO = "promo"
    LEGAL = "legal"
    TAGS = "tags"
    BYLINE = "byline"
    TEMPLATE = "template"  # recurs across the articles of one site (tui/text/template.py)
    OTHER = "other"


class Label(StrEnum):
    """Entity labels."""

    PERSON = "PERSON"
    ORG = "ORG"
    PLACE = "PLACE"
    DATE = "DATE"
    NUMBER = "NUMBER"


@dataclass(frozen=True, slots=True)
class Record:
    """One article as the dump holds it: raw text plus the fields the format gave."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    author: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    # What the reader had to repair or guess to produce this record ("not UTF-8: read as
    # cp1252", ...); the pipeline copies them into the Document's warnings.
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity: str offsets into its block's text."""

    start: int
    end: int
    label: Label
    text: str

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON shape."""
        return {"start": self.start, "end": self.end, "label": str(self.label), "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        """The inverse of `to_dict` (e.g. for a Document read back from the analysis cache)."""
        return cls(int(data["start"]), int(data["end"]), Label(data["label"]), str(data["text"]))


@dataclass(slots=True)
class Block:
    """A run of source lines of one kind; `lines` are 1-based and inclusive."""

    kind: BlockKind
    text: str
    lines: tuple[int, int]
    reason: Reason | None = None
    entities: list[Entity] = field(default_factory=list)

    @property
    def is_content(self) -> bool:
        """True for the blocks a reader reads: everything but boilerplate."""
        return self.kind is not BlockKind.BOILERPLATE

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON shape."""
        return {
            "kind": str(self.kind),
            "reason": None if self.reason is None else str(self.reason),
            "lines": list(self.lines),
            "text": self.text,
            "entities": [e.to_dict() for e in self.entities],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Block:
        """The inverse of `to_dict`."""
        first, last = data["lines"]
        reason = data.get("reason")
        return cls(BlockKind(data["kind"]), str(data["text"]), (int(first), int(last)),
                   None if reason is None else Reason(reason),
                   [Entity.from_dict(e) for e in data.get("entities") or ()])


@dataclass(slots=True)
class Meta:
    """What we know about the article besides its blocks."""

    publisher: str | None = None
    dateline: str | None = None
    credit: str | None = None
    date: str | None = None
    url: str | None = None
    author: str | None = None
    words: int = 0
    reading_minutes: float = 0.0
    boilerplate: dict[str, int] = field(default_factory=dict)
    # Which recogniser found the entities: "crf", "rules", "spacy:<model>"; None before.
    entities_by: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON shape (plus `boilerplate`: line counts per reason, and
        `entities_by`: which recogniser found the entities)."""
        return {
            "publisher": self.publisher,
            "dateline": self.dateline,
            "credit": self.credit,
            "date": self.date,
            "url": self.url,
            "author": self.author,
            "words": self.words,
            "reading_minutes": self.reading_minutes,
            "boilerplate": dict(self.boilerplate),
            "entities_by": self.entities_by,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Meta:
        """The inverse of `to_dict`."""
        return cls(data.get("publisher"), data.get("dateline"), data.get("credit"),
                   data.get("date"), data.get("url"), data.get("author"),
                   int(data.get("words") or 0), float(data.get("reading_minutes") or 0.0),
                   {str(k): int(v) for k, v in (data.get("boilerplate") or {}).items()},
                   data.get("entities_by"))


@dataclass(slots=True)
class Document:
    """What the pipeline understood of one Record."""

    id: str
    title: str | None
    blocks: list[Block]
    meta: Meta
    language: str | None = None
    language_confidence: float | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    # Repairs and limits that touched this article (decoding, mojibake, analysis cut short).
    warnings: list[str] = field(default_factory=list)

    @property
    def content_blocks(self) -> list[Block]:
        """The blocks that are not boilerplate."""
        return [b for b in self.blocks if b.is_content]

    @property
    def headings(self) -> list[Block]:
        """The section headings, in order."""
        return [b for b in self.blocks if b.kind is BlockKind.HEADING]

    def to_dict(self) -> dict[str, Any]:
        """The `warta analyse` v1 object; extra record fields go under `fields`."""
        out: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "language": self.language,
            "language_confidence": self.language_confidence,
            "meta": self.meta.to_dict(),
            "blocks": [b.to_dict() for b in self.blocks],
            "warnings": list(self.warnings),
        }
        if self.fields:
            out["fields"] = self.fields
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """The inverse of `to_dict`: `Document.from_dict(doc.to_dict()) == doc`.

        Used to read an analysed Document back from the sidecar's analysis cache, so a
        dump opened before shows its first article without building the pipeline.
        """
        confidence = data.get("language_confidence")
        return cls(str(data["id"]), data.get("title"),
                   [Block.from_dict(b) for b in data.get("blocks") or ()],
                   Meta.from_dict(data.get("meta") or {}), data.get("language"),
                   None if confidence is None else float(confidence),
                   dict(data.get("fields") or {}),
                   [str(w) for w in data.get("warnings") or ()])
