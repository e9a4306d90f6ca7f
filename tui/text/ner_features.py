"""What the trained tagger sees of each token: one tokenizer and one feature function.

Shared by the recogniser (tui/text/ner_tagger.py) and the training script
(tools/train_tagger.py), so a model is always read with the features it was trained on.
Features are plain strings (crfsuite's binary attributes): the word and its affixes,
its shape, its neighbours, what the gazetteer and the cue words say about it, and the
label the rule recogniser gave it. Word, affix and gazetteer features are lower-cased,
so the tagger also reads text that has no capitals at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from tui.text import ner_lexicon
from tui.text.gazetteer import Gazetteer
from tui.text.model import Entity

# A word (with inner hyphens, apostrophes, dots: "Jong-il", "O'Neil", "U.S"), or one
# other non-space character. Each repetition needs a separator, so matching is linear.
TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")
_SENTENCE_END = frozenset(".!?:;\"“”‘’'()[]-–—|•")
# Longest gazetteer place name tried at one position, in tokens.
_MAX_PLACE = 4
# Bumps whenever the features change: a model records it and is refused on mismatch.
FEATURE_VERSION = 2
# How many words' features are kept between blocks and articles.
_WORD_CACHE = 100_000


@dataclass(frozen=True, slots=True)
class Token:
    """A token of a block: its character span and text."""

    start: int
    end: int
    text: str


def tokenize(text: str) -> list[Token]:
    """Tokens of one block, offsets into it."""
    return [Token(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(text)]


@lru_cache(maxsize=65536)
def _shape(word: str) -> str:
    """Capital/lower/digit classes with repeats collapsed: "Jong-il" -> "Xx-x"."""
    out: list[str] = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


def _rule_tags(tokens: Sequence[Token], entities: Sequence[Entity]) -> list[str]:
    """B-/I- tags of the rule recogniser's PERSON/ORG/PLACE spans, per token."""
    tags = ["O"] * len(tokens)
    k = 0
    for ent in sorted(entities, key=lambda e: e.start):
        label = str(ent.label)
        if label not in ("PERSON", "ORG", "PLACE"):
            continue
        while k < len(tokens) and tokens[k].end <= ent.start:
            k += 1
        first = True
        m = k
        while m < len(tokens) and tokens[m].start < ent.end:
            tags[m] = ("B-" if first else "I-") + label
            first = False
            m += 1
    return tags


def _place_tags(lows: Sequence[str], places: dict[tuple[str, ...], object]) -> list[str]:
    """B/I where a gazetteer place name (longest first) covers the token."""
    tags = [""] * len(lows)
    i = 0
    n = len(lows)
    while i < n:
        hit = 0
        for size in range(min(_MAX_PLACE, n - i), 0, -1):
            if tuple(lows[i : i + size]) in places:
                hit = size
                break
        if hit:
            tags[i] = "B"
            for m in range(i + 1, i + hit):
                tags[m] = "I"
            i += hit
        else:
            i += 1
    return tags


@dataclass(frozen=True, slots=True)
class _WordFeatures:
    """A word's own features, and what its neighbours see of it (by offset)."""

    own: list[str]
    near: dict[int, list[str]]


class Featurizer:
    """Turns the tokens of a block into crfsuite attribute lists."""

    def __init__(self, gaz: Gazetteer, places: dict[tuple[str, ...], object]) -> None:
        self.gaz = gaz
        self.places = places
        # The per-word features, by word: most words of an article were seen before.
        self._words: dict[str, _WordFeatures] = {}

    def _word(self, word: str, low: str) -> _WordFeatures:
        found = self._words.get(word)
        if found is None:
            if len(self._words) >= _WORD_CACHE:
                self._words.clear()
            own = self._word_features(word, low)
            near = ["w=" + low, "sh=" + _shape(word)]
            if len(low) > 3:
                near += ["s3=" + low[-3:], "p3=" + low[:3]]
            near += [f for f in own if f.startswith(("gz=", "cue="))]
            found = self._words[word] = _WordFeatures(
                own,
                {off: [f"{off}{f}" for f in near] for off in (-1, 1)}
                | {off: [f"{off}w={low}"] for off in (-2, 2)},
            )
        return found

    def _word_features(self, word: str, low: str) -> list[str]:
        feats = ["w=" + low, "sh=" + _shape(word)]
        if len(low) > 3:
            feats += ["p3=" + low[:3], "s3=" + low[-3:], "s2=" + low[-2:]]
        gaz = self.gaz
        if low in gaz.given:
            feats.append("gz=given")
        if low in gaz.surnames:
            feats.append("gz=sur")
        if low in gaz.any_stopword:
            feats.append("gz=stop")
        if low in ner_lexicon.PERSON_TITLES:
            feats.append("cue=title")
        if low in ner_lexicon.ORG_HEADS:
            feats.append("cue=orghead")
        if low in ner_lexicon.PLACE_HEADS:
            feats.append("cue=placehead")
        if low in ner_lexicon.ORG_TAILS or low in ner_lexicon.TAILS_ONLY:
            feats.append("cue=tail")
        return feats

    def features(
        self, tokens: Sequence[Token], rule_entities: Sequence[Entity] = ()
    ) -> list[list[str]]:
        """One attribute list per token; `rule_entities` are the rules' spans in this block."""
        words = [t.text for t in tokens]
        lows = [w.lower() for w in words]
        rules = _rule_tags(tokens, rule_entities)
        places = _place_tags(lows, self.places)
        base = [self._word(w, lw) for w, lw in zip(words, lows, strict=True)]
        shapes = [_shape(w) for w in words]
        edge = {off: [f"{off}w=<edge>"] for off in (-2, -1, 1, 2)}
        n = len(tokens)
        out: list[list[str]] = []
        for i in range(n):
            word, low = words[i], lows[i]
            initial = i == 0 or words[i - 1] in _SENTENCE_END
            feats = ["bias", *base[i].own, "r=" + rules[i]]
            if places[i]:
                feats.append("pl=" + places[i])
            if word[:1].isupper():
                feats.append("cap" if not initial else "cap0")
            if initial:
                feats.append("init")
            for off in (-2, -1, 1, 2):
                m = i + off
                if 0 <= m < n:
                    feats += base[m].near[off]
                    if off in (-1, 1):
                        feats.append(f"{off}r=" + rules[m])
                        feats.append(f"{off}pl=" + places[m])
                else:
                    feats += edge[off]
            if i:
                feats.append("bi=" + lows[i - 1] + "|" + low)
                feats.append("-1w|sh=" + lows[i - 1] + "|" + shapes[i])
            if i + 1 < n:
                feats.append("sh|+1w=" + shapes[i] + "|" + lows[i + 1])
            feats.append("sh3=" + (shapes[i - 1] if i else "^") + "|" + shapes[i] + "|"
                         + (shapes[i + 1] if i + 1 < n else "$"))
            out.append(feats)
        return out


def token_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first, past-last, label) token ranges from BIO tags; a stray I- opens a span."""
    spans: list[tuple[int, int, str]] = []
    open_label = ""
    for k, tag in enumerate(tags):
        kind, _, label = tag.partition("-")
        if not label:
            open_label = ""
        elif kind == "I" and open_label == label:
            spans[-1] = (spans[-1][0], k + 1, label)
        else:
            spans.append((k, k + 1, label))
            open_label = label
    return spans


def spans_from_tags(tokens: Sequence[Token], tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) character spans from BIO tags; a stray I- opens a span."""
    return [(tokens[i].start, tokens[j - 1].end, label) for i, j, label in token_spans(tags)]
