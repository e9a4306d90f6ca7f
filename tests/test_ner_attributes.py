"""The tagger's run-time features are the training features, less the names no model knows."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pycrfsuite
import pytest

from tui.text import ner_features, ner_tagger
from tui.text.crfsuite_attributes import model_attributes
from tui.text.ner_attributes import TaggingFeaturizer
from tui.text.ner_rules import RuleRecogniser
from tui.text.ner_tagger import TaggerRecogniser

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tui" / "text" / "data"
SHARED = Path(os.environ.get("WARTA_SHARED_DATA") or ROOT.parent / "shared" / "data")
DEV_SPLITS = {"id": ("id_nergrit_valid.tsv", "id_nerp_valid.tsv"), "en": ("en_uner-ewt_dev.tsv",)}
REAL = {"id": "clickid_id.jsonl", "en": "horne2017_en.jsonl"}
# Sentences per dev split, articles per real file: thousands of words, a few seconds.
SENTENCES, ARTICLES = 150, 15


def _eval_entities() -> ModuleType:
    """bench/eval_entities.py, imported by path (bench/ is not a package)."""
    if "eval_entities" in sys.modules:
        return sys.modules["eval_entities"]
    spec = importlib.util.spec_from_file_location("eval_entities",
                                                  ROOT / "bench" / "eval_entities.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_entities"] = module
    spec.loader.exec_module(module)
    return module


def _blocks(lang: str) -> Iterator[list[str]]:
    """Articles as block lists: the dev articles, dev-split sentences (as cased and lower-cased),
    real scraped articles; the shared ones only where ../shared/data is present."""
    ee = _eval_entities()
    for article in ee.load_dev(lang=lang):
        yield [p.text for p in article.paragraphs]
    for name in DEV_SPLITS[lang]:
        path = SHARED / "ner" / name
        if path.is_file():
            for lower in (False, True):
                for article in ee.tsv_articles(path, lower=lower)[:SENTENCES]:
                    yield [p.text for p in article.paragraphs]
    path = SHARED / "real" / REAL[lang]
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines()[:ARTICLES]:
            row = json.loads(line)
            yield [b for b in (row.get("text") or "").splitlines() if b.strip()]


@pytest.fixture(scope="module")
def base() -> ner_features.Featurizer:
    return TaggerRecogniser().models.featurizer()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_attribute_names_read_from_a_model_are_crfsuites_own(lang: str) -> None:
    path = DATA / f"ner_{lang}.crfsuite"
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    expected = {name.encode() for name in tagger.info().attributes}
    assert model_attributes(path) == expected
    assert len(expected) > 10_000


def test_a_damaged_model_file_gives_no_names(tmp_path: Path) -> None:
    data = (DATA / "ner_en.crfsuite").read_bytes()
    for damaged in (b"", data[:40], data[: len(data) // 2], b"x" * 4096):
        path = tmp_path / "damaged.crfsuite"
        path.write_bytes(damaged)
        assert model_attributes(path) is None
    assert model_attributes(tmp_path / "missing.crfsuite") is None


@pytest.mark.parametrize("lang", ["id", "en"])
def test_features_and_tags_equal_the_training_features(
    lang: str, base: ner_features.Featurizer
) -> None:
    path = DATA / f"ner_{lang}.crfsuite"
    known = model_attributes(path)
    assert known is not None
    every, kept = TaggingFeaturizer(base), TaggingFeaturizer(base, known)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    rules = RuleRecogniser()
    blocks = 0
    for texts in _blocks(lang):
        for text, ents in zip(texts, rules.recognise(texts, lang), strict=True):
            tokens = ner_features.tokenize(text)
            if not tokens:
                continue
            trained = base.features(tokens, ents)
            assert [[n.decode() for n in tok] for tok in every.features(tokens, ents)] == trained
            fast = kept.features(tokens, ents)
            assert fast == [[n.encode() for n in tok if n.encode() in known] for tok in trained]
            assert tagger.tag(fast) == tagger.tag(trained)
            blocks += 1
    assert blocks > 50


def test_place_tags_equal_the_training_place_tags(base: ner_features.Featurizer) -> None:
    featurizer = TaggingFeaturizer(base)
    text = ("Dari Jakarta Selatan ke Kuala Lumpur lewat Kepulauan Riau, lalu New York City "
            "dan kota Bandung; Jawa Barat.")
    lows = [t.text.lower() for t in ner_features.tokenize(text)]
    for end in range(len(lows) + 1):
        assert featurizer.place_tags(lows[:end]) == ner_features._place_tags(
            lows[:end], base.places)
    assert "B" in featurizer.place_tags(lows) and "I" in featurizer.place_tags(lows)


def test_a_lone_surrogate_is_tagged_like_any_unknown_word() -> None:
    # JSON dumps can carry "\ud800": it cannot be UTF-8 encoded, and no model knows it.
    tagger = TaggerRecogniser()
    plain = tagger.recognise(["Presiden Joko Widodo tiba di Jakarta pada Senin."], "id")
    odd = tagger.recognise(["Presiden Joko Widodo tiba di Jakarta pada Senin \ud800."], "id")
    assert [(e.text, e.label) for e in odd[0]] == [(e.text, e.label) for e in plain[0]]


def test_a_model_whose_names_cannot_be_read_tags_the_same_with_every_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("ner_tagger.json", "ner_id.crfsuite", "ner_en.crfsuite"):
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    monkeypatch.setattr(ner_tagger, "model_attributes", lambda path: None)
    unread = TaggerRecogniser(tmp_path)
    seed = ROOT / "seeds" / "000_7a6cb31184455393.txt"
    blocks = [ln for ln in seed.read_text(encoding="utf-8").splitlines() if ln.strip()]
    for lang in ("id", "en"):
        assert unread.recognise(blocks, lang) == TaggerRecogniser().recognise(blocks, lang)
    model = unread.models.get("id")
    assert model is not None and model.known is None
