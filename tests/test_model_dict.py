"""Document.from_dict is the inverse of to_dict (the analysis cache reads Documents back)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.config import load_config
from tui.dumps.formats import iter_records
from tui.text.model import Block, BlockKind, Document, Entity, Label, Meta, Reason
from tui.text.pipeline import Pipeline

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _through_json(doc: Document) -> Document:
    return Document.from_dict(json.loads(json.dumps(doc.to_dict(), ensure_ascii=False)))


def test_hand_built_document_round_trips_with_every_field() -> None:
    doc = Document(
        "a-1", "Judul Sintetis",
        [Block(BlockKind.TITLE, "Judul Sintetis", (1, 1)),
         Block(BlockKind.PARAGRAPH, "Budi Santoso tiba di Sungai Deras.", (3, 4),
               entities=[Entity(0, 12, Label.PERSON, "Budi Santoso"),
                         Entity(20, 32, Label.PLACE, "Sungai Deras")]),
         Block(BlockKind.HEADING, "Evakuasi", (6, 6)),
         Block(BlockKind.BOILERPLATE, "Baca Juga: Harga Beras", (8, 8), Reason.RELATED)],
        Meta(publisher="Kantor Sintetis", dateline="JAKARTA", credit="(ant)",
             date="2024-05-01", url="https://example.org/a", author="Redaksi", words=9,
             reading_minutes=0.1, boilerplate={"related": 1}),
        language="id", language_confidence=0.97, fields={"section": "kota", "rank": 3})
    again = _through_json(doc)
    assert again == doc
    assert again.blocks[1].entities[0].label is Label.PERSON
    assert again.blocks[3].reason is Reason.RELATED
    assert again.blocks[1].lines == (3, 4)


def test_unknown_values_stay_unknown() -> None:
    doc = Document("b", None, [], Meta())
    again = _through_json(doc)
    assert again == doc
    assert again.language is None and again.language_confidence is None
    assert again.fields == {}


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(load_config(None, ()).analysis)


def test_every_seed_article_round_trips(pipeline: Pipeline) -> None:
    records = list(iter_records(str(SEEDS), lambda _m: None))
    assert records
    for record in records:
        doc = pipeline.analyse(record, detect_language=True)
        assert _through_json(doc) == doc, record.id


def test_a_wrong_label_is_an_error_not_a_silent_guess() -> None:
    data = Document("c", "t", [Block(BlockKind.PARAGRAPH, "x", (1, 1))], Meta()).to_dict()
    data["blocks"][0]["kind"] = "sidebar"
    with pytest.raises(ValueError):
        Document.from_dict(data)
