"""The trained recogniser: a CRF per language for PERSON/ORG/PLACE, the rules beside it.

For Indonesian and Malay (one model, trained on Indonesian) and English a linear-chain
CRF (python-crfsuite) tags each block's tokens; its features include the labels the rule
recogniser gave (tui/text/ner_features.py), so gazetteer hits, cue words and the
article's memory of names reach it. DATE and NUMBER always come from the rules, and so
does everything in a language without a model. The models are read once per process,
on the first article that needs one (never at import, never on the reader's start path).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from tui.text import gazetteer, ner_features
from tui.text.crfsuite_attributes import model_attributes
from tui.text.entities import RecogniserError
from tui.text.model import Entity, Label
from tui.text.ner_attributes import TaggingFeaturizer
from tui.text.ner_rules import RuleRecogniser

SIDECAR = "ner_tagger.json"
# Which model reads which detected language.
MODEL_FOR = {"id": "id", "ms": "id", "en": "en"}
_LABELS = {"PERSON": Label.PERSON, "ORG": Label.ORG, "PLACE": Label.PLACE}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Where a cased block's name never ends in a lower-case word. Not Indonesian: NERGrit
# writes "desa Kramas", "Kalianda resort" (measured on the dev splits: English +0.003 F1,
# Indonesian -0.005).
_TRIM_LOWER_TAIL = frozenset({"en"})
_NAME_LABELS = frozenset(_LABELS.values())


@dataclass(slots=True)
class _Model:
    """One language's tagger (not thread-safe: used under its lock) and its settings."""

    tagger: Any
    rule_features: bool
    lock: threading.Lock
    # The attribute names the model has weights for (None: unreadable, keep every name).
    known: frozenset[bytes] | None
    featurizer: TaggingFeaturizer | None = None


class _Models:
    """The models of one directory, opened on first use, once, under a lock."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._lock = threading.Lock()
        self._meta: dict[str, Any] | None = None
        self._models: dict[str, _Model] = {}
        self._featurizer: ner_features.Featurizer | None = None

    def _path(self, name: str) -> Path:
        if self.folder is not None:
            return self.folder / name
        with resources.as_file(resources.files("tui.text.data").joinpath(name)) as path:
            return Path(path)

    def meta(self) -> dict[str, Any]:
        """The sidecar: which model files exist, their settings and provenance."""
        if self._meta is None:
            with self._lock:
                if self._meta is None:
                    self._meta = self._read_meta()
        return self._meta

    def _read_meta(self) -> dict[str, Any]:
        path = self._path(SIDECAR)
        try:
            meta = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise RecogniserError(f"entities: the tagger model index {path} cannot be read "
                                  f"({exc.__class__.__name__})") from None
        if meta.get("feature_version") != ner_features.FEATURE_VERSION:
            raise RecogniserError(
                f"entities: the tagger models in {path.parent} were trained with features "
                f"v{meta.get('feature_version')}, this warta reads v"
                f"{ner_features.FEATURE_VERSION}; run `make model`"
            )
        return meta

    def get(self, lang: str) -> _Model | None:
        """The model for a model language ("id", "en"), or None when none is shipped."""
        model = self._models.get(lang)
        if model is not None:
            return model
        info = self.meta().get("models", {}).get(lang)
        if info is None:
            return None
        with self._lock:
            model = self._models.get(lang)
            if model is None:
                import pycrfsuite

                tagger = pycrfsuite.Tagger()
                path = self._path(info["file"])
                try:
                    tagger.open(str(path))
                except OSError as exc:
                    raise RecogniserError(
                        f"entities: the tagger model {info['file']} cannot be opened ({exc})"
                    ) from None
                model = _Model(tagger, bool(info.get("rule_features", True)), threading.Lock(),
                               model_attributes(path))
                self._models[lang] = model
        return model

    def featurizer(self) -> ner_features.Featurizer:
        """The feature function, with the gazetteer's place names, built once."""
        if self._featurizer is None:
            with self._lock:
                if self._featurizer is None:
                    gaz = gazetteer.load()
                    places = {tuple(ner_features.TOKEN.findall(p)): True for p in gaz.places}
                    self._featurizer = ner_features.Featurizer(gaz, places)
        return self._featurizer

    def tagging_featurizer(self, model: _Model) -> TaggingFeaturizer:
        """The featurizer's lists for tagging with `model`, its unknown names left out."""
        if model.featurizer is None:
            base = self.featurizer()
            with self._lock:
                if model.featurizer is None:
                    others = [m.featurizer for m in self._models.values() if m.featurizer]
                    firsts = others[0].place_firsts if others else None
                    model.featurizer = TaggingFeaturizer(base, model.known, firsts)
        return model.featurizer


_shared: dict[Path | None, _Models] = {}
_shared_lock = threading.Lock()


def _models_in(folder: Path | None) -> _Models:
    with _shared_lock:
        if folder not in _shared:
            _shared[folder] = _Models(folder)
        return _shared[folder]


def model_language(texts: Sequence[str], language: str | None) -> str | None:
    """Which model reads an article: by its language, else by the short-text guess (any
    floor on its confidence cost F1 on the dev splits: EWT 0.665 at none, 0.652 at 0.5)."""
    if language is None:
        from tui.text import language as identify

        guess = identify.guess_short(texts)
        language = guess.code if guess is not None else None
    return MODEL_FOR.get(language) if language is not None else None


class TaggerRecogniser:
    """PERSON/ORG/PLACE from the trained tagger, DATE/NUMBER and other languages from rules."""

    def __init__(self, folder: Path | None = None, rules: RuleRecogniser | None = None) -> None:
        self.models = _models_in(folder)
        self.rules = rules or RuleRecogniser()

    def warm_up(self) -> None:
        """Read the models, the gazetteer and the rules' lexicon now."""
        self.rules.warm_up()
        self.models.featurizer()
        for lang in self.models.meta().get("models", {}):
            model = self.models.get(lang)
            if model is not None:
                self.models.tagging_featurizer(model)

    def source(self, texts: Sequence[str], language: str | None) -> str:
        """"crf" when a model reads this article, else "rules"."""
        lang = model_language(texts, language)
        return "crf" if lang is not None and self.models.get(lang) is not None else "rules"

    def recognise(self, texts: Sequence[str], language: str | None) -> list[list[Entity]]:
        """Entities for each block of one article; offsets index into that block's text."""
        ruled = self.rules.recognise(texts, language)
        lang = model_language(texts, language)
        model = self.models.get(lang) if lang is not None else None
        if model is None:
            return ruled
        featurizer = self.models.tagging_featurizer(model)
        out: list[list[Entity]] = []
        all_tokens: list[list[ner_features.Token]] = []
        for text, rule_ents in zip(texts, ruled, strict=True):
            tokens = ner_features.tokenize(text)
            all_tokens.append(tokens)
            if not tokens:
                out.append([e for e in rule_ents if e.label not in _LABELS.values()])
                continue
            if len(texts) > 1 and _headline(tokens):
                # A Title Case headline in an article: capitals say little there; the
                # rules read it strictly, with the memory of the names in the body.
                out.append(list(rule_ents))
                continue
            feats = featurizer.features(tokens, rule_ents if model.rule_features else ())
            with model.lock:
                tags = model.tagger.tag(feats)
            trim = lang in _TRIM_LOWER_TAIL and any(ch.isupper() for ch in text)
            names = []
            for i, j, label in ner_features.token_spans(tags):
                span = _clean(tokens[i:j], trim)
                if span is not None:
                    a, b = span
                    names.append(Entity(a, b, _LABELS[label], text[a:b]))
            out.append(_merge(names, rule_ents))
        if len(texts) > 1:
            _recall(texts, all_tokens, out, featurizer.base.gaz)
        return out


# Never at the edge of a name (a full stop may be: "Inc.", "Jr.").
_EDGE_PUNCT = frozenset(",;:!?\"“”‘’«»()[]{}|•–—")


def _headline(tokens: Sequence[ner_features.Token]) -> bool:
    """Title Case: at least three longer words, nearly all capitalised, no closing stop."""
    long = [t.text for t in tokens if len(t.text) >= 4 and t.text.isalpha()]
    if len(long) < 3 or tokens[-1].text in (".", "!", "?"):
        return False
    return sum(w[0].isupper() for w in long) >= 0.9 * len(long)


def _clean(inside: Sequence[ner_features.Token], cased: bool) -> tuple[int, int] | None:
    """A tagged span's offsets without punctuation at its edges ("Kim “" -> "Kim") and,
    when `cased`, without lower-case words at its end; None when nothing is left."""
    lo, hi = 0, len(inside)
    while cased and hi - lo > 1 and inside[hi - 1].text[0].islower():
        hi -= 1
    while lo < hi and inside[lo].text in _EDGE_PUNCT:
        lo += 1
    while lo < hi and inside[hi - 1].text in _EDGE_PUNCT:
        hi -= 1
    return (inside[lo].start, inside[hi - 1].end) if lo < hi else None


def _merge(names: list[Entity], rule_ents: Sequence[Entity]) -> list[Entity]:
    """The tagger's names, then the rules' dates and numbers where they overlap no name."""
    spans = list(names)
    for e in rule_ents:
        if e.label in (Label.DATE, Label.NUMBER) and not any(
            n.start < e.end and e.start < n.end for n in names
        ):
            spans.append(e)
    spans.sort(key=lambda e: (e.start, e.end))
    return spans


def _recall(texts: Sequence[str], tokens: Sequence[Sequence[ner_features.Token]],
            found: list[list[Entity]], gaz: gazetteer.Gazetteer) -> None:
    """The article's memory: a capitalised name tagged once is tagged at every mention,
    a person's family name too ("Putin" after "Vladimir Putin")."""
    known: dict[tuple[str, ...], Label] = {}
    for ents in found:
        for e in ents:
            if e.label not in _NAME_LABELS or not e.text[:1].isupper():
                continue
            words = tuple(ner_features.TOKEN.findall(e.text))
            known.setdefault(words, e.label)
            last = words[-1]
            if (e.label is Label.PERSON and len(words) >= 2 and last[:1].isupper()
                    and last.lower() not in gaz.any_stopword):
                known.setdefault((last,), Label.PERSON)
    if not known:
        return
    sizes = sorted({len(k) for k in known}, reverse=True)
    for text, toks, ents in zip(texts, tokens, found, strict=True):
        covered = bytearray(len(text))
        for e in ents:
            covered[e.start : e.end] = b"\x01" * (e.end - e.start)
        added = False
        i, n = 0, len(toks)
        while i < n:
            if not toks[i].text[:1].isupper() or covered[toks[i].start]:
                i += 1
                continue
            step = 1
            for size in sizes:
                if i + size > n:
                    continue
                label = known.get(tuple(t.text for t in toks[i : i + size]))
                if label is None:
                    continue
                a, b = toks[i].start, toks[i + size - 1].end
                if not any(covered[a:b]):
                    ents.append(Entity(a, b, label, text[a:b]))
                    covered[a:b] = b"\x01" * (b - a)
                    added = True
                step = size
                break
            i += step
        if added:
            ents.sort(key=lambda e: (e.start, e.end))
