"""The spaCy backend, tested with a blank pipeline and an EntityRuler (no model download)."""

from __future__ import annotations

import pytest

from tui.text.entities import make_recogniser
from tui.text.model import Entity, Label

spacy = pytest.importorskip("spacy", reason="spacy is in the test extra; not installed here")

from tui.text.spacy_recogniser import SpacyRecogniser  # noqa: E402


def _ruler_pipeline() -> object:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "PERSON", "pattern": "Kim Jong Un"},
            {"label": "PER", "pattern": "Putin"},
            {"label": "GPE", "pattern": "Moscow"},
            {"label": "FAC", "pattern": "Vostochny"},
            {"label": "ORG", "pattern": "TASS"},
            {"label": "DATE", "pattern": "Friday"},
            {"label": "MONEY", "pattern": [{"TEXT": "$"}, {"LIKE_NUM": True}]},
            {"label": "NORP", "pattern": "Russian"},
        ]
    )
    return nlp


def test_labels_are_mapped_and_offsets_are_str_indices() -> None:
    rec = SpacyRecogniser(_ruler_pipeline())
    texts = ["Kim Jong Un met Putin in Moscow on Friday.", "TASS said a Russian deal was worth $5."]
    found = rec.recognise(texts, "en")
    assert found[0] == [
        Entity(0, 11, Label.PERSON, "Kim Jong Un"),
        Entity(16, 21, Label.PERSON, "Putin"),
        Entity(25, 31, Label.PLACE, "Moscow"),
        Entity(35, 41, Label.DATE, "Friday"),
    ]
    # NORP has no counterpart and is dropped.
    assert [(e.text, e.label) for e in found[1]] == [("TASS", Label.ORG), ("$5", Label.NUMBER)]
    for text, ents in zip(texts, found, strict=True):
        for e in ents:
            assert text[e.start : e.end] == e.text


def test_a_pipeline_without_ner_is_refused() -> None:
    with pytest.raises(ValueError, match="has no NER component"):
        SpacyRecogniser(spacy.blank("en"))


def test_a_missing_model_is_one_clear_line() -> None:
    with pytest.raises(ValueError) as info:
        make_recogniser({"backend": "spacy", "model": "xx_warta_no_such_pipeline"})
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith("entities.model: spaCy pipeline 'xx_warta_no_such_pipeline'")


def test_an_empty_model_name_is_refused() -> None:
    with pytest.raises(ValueError, match=r"entities\.model: empty"):
        make_recogniser({"backend": "spacy", "model": ""})


def test_a_saved_pipeline_loads_by_path(tmp_path: object) -> None:
    nlp = _ruler_pipeline()
    path = f"{tmp_path}/ruler_pipeline"
    nlp.to_disk(path)
    rec = make_recogniser({"backend": "spacy", "model": path})
    assert rec.recognise(["TASS"], None) == [[Entity(0, 4, Label.ORG, "TASS")]]
