"""The tagger's features at run time: ner_features' strings, from parts worked out once.

tui/text/ner_features.Featurizer defines the features the models were trained on (the
training script uses it, and its code is part of the models' digest). Tagging needs the
same names for ~900 tokens per 5,000-character article, so this builds them faster:
each distinct word's own features and what its neighbours see of it are made once and
kept (bounded), the context features come from small tables, and a name the model has
no weight for is dropped before crfsuite sees it -- crfsuite would ignore it anyway, so
no score and no tag changes. Names are UTF-8 bytes, which pycrfsuite passes on without
encoding each one again. tests/test_ner_attributes.py holds the two featurizers equal.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass

from tui.text import ner_features
from tui.text.model import Entity
from tui.text.ner_features import Token

# The tags ner_features gives a token from the rules' spans and the gazetteer's places.
_RULE_TAGS = ("O", *(f"{p}-{lab}" for p in "BI" for lab in ("PERSON", "ORG", "PLACE")))
_PLACE_TAGS = ("", "B", "I")
_OFFSETS = (-2, -1, 1, 2)


class _Everything:
    """Knows every name: the features unfiltered, exactly as training makes them."""

    def __contains__(self, name: object) -> bool:
        return True


@dataclass(slots=True)
class _Word:
    """One distinct word: what it says of itself and what tokens around it see of it."""

    low: str
    capital: bool
    ends_sentence: bool
    own: tuple[bytes, ...]  # "bias" first, as the training features have it
    # As the token two before, one before, one after and two after the tagged one.
    before2: tuple[bytes, ...]
    before1: tuple[bytes, ...]
    after1: tuple[bytes, ...]
    after2: tuple[bytes, ...]
    # The pieces of the pair and triple features, so each is one or two concatenations.
    low_b: bytes  # low
    shape_b: bytes  # shape
    bi_head: bytes  # "bi=" low "|"
    word_shape_head: bytes  # "-1w|sh=" low "|"
    shape_word_head: bytes  # "sh|+1w=" shape "|"
    shapes_head: bytes  # "sh3=" shape "|"
    shape_mid: bytes  # shape "|"


def _utf8(name: str) -> bytes:
    """A name as crfsuite reads it; a lone surrogate (from a JSON escape) passes as is
    (no model knows it) instead of failing the article."""
    return name.encode("utf-8", "surrogatepass")


def _pieces(low: str, shape: str) -> tuple[bytes, ...]:
    """_Word's last six fields for a word's lower-cased form and shape."""
    lo, sh = _utf8(low), _utf8(shape)
    return (lo, sh, b"bi=" + lo + b"|", b"-1w|sh=" + lo + b"|", b"sh|+1w=" + sh + b"|",
            b"sh3=" + sh + b"|", sh + b"|")


def place_first_words(base: ner_features.Featurizer) -> frozenset[str]:
    """The words the featurizer's gazetteer place names begin with."""
    return frozenset(name[0] for name in base.places if name)


class TaggingFeaturizer:
    """ner_features' attribute lists for one model, keeping only the names it knows."""

    def __init__(self, base: ner_features.Featurizer, known: Container[bytes] | None = None,
                 place_firsts: frozenset[str] | None = None) -> None:
        self.base = base
        self.known: Container[bytes] = _Everything() if known is None else known
        self._words: dict[str, _Word] = {}
        # The first words of the gazetteer's place names (nearly every token is none);
        # `place_firsts` when already made: one set serves every model.
        self.place_firsts = place_first_words(base) if place_firsts is None else place_firsts
        keep = self._keep
        # What a token's own tags say: its rule and place tags, capital, sentence start.
        self._here = {
            (r, p, capital, initial): keep([
                "r=" + r, *(["pl=" + p] if p else []),
                *([("cap0" if initial else "cap")] if capital else []),
                *(["init"] if initial else []),
            ])
            for r in _RULE_TAGS for p in _PLACE_TAGS for capital in (False, True)
            for initial in (False, True)
        }
        # What a token sees of a neighbour's tags, one table per side ("": no neighbour).
        self._side = {off: {(r, p): keep([f"{off}r={r}", f"{off}pl={p}"])
                            for r in _RULE_TAGS for p in _PLACE_TAGS} | {("", ""): ()}
                      for off in (-1, 1)}
        # Past either end of a block: the edge features, and the shape "^" or "$".
        edge = [keep([f"{off}w=<edge>"]) for off in _OFFSETS]
        self._left = _Word("", False, True, (), *edge, *_pieces("", "^"))
        self._right = _Word("", False, True, (), *edge, *_pieces("", "$"))

    def _keep(self, names: Iterable[str]) -> tuple[bytes, ...]:
        """The names the model knows, in order, as bytes (what _utf8 does, inlined)."""
        known = self.known
        kept: list[bytes] = []
        for name in names:
            b = name.encode("utf-8", "surrogatepass")
            if b in known:
                kept.append(b)
        return tuple(kept)

    def _word(self, word: str) -> _Word:
        """A word's parts, made on its first sight; the cache is emptied when full."""
        found = self._words.get(word)
        if found is None:
            if len(self._words) >= ner_features._WORD_CACHE:
                self._words.clear()
            found = self._words[word] = self._make_word(word)
        return found

    def _make_word(self, word: str) -> _Word:
        """The parts of one word, as ner_features.Featurizer makes them."""
        low = word.lower()
        shape = ner_features._shape(word)
        own = self.base._word_features(word, low)
        near = ["w=" + low, "sh=" + shape]
        if len(low) > 3:
            near += ["s3=" + low[-3:], "p3=" + low[:3]]
        near += [f for f in own if f.startswith(("gz=", "cue="))]
        keep = self._keep
        return _Word(low, word[:1].isupper(), word in ner_features._SENTENCE_END,
                     keep(["bias", *own]), keep([f"-2w={low}"]), keep([f"-1{f}" for f in near]),
                     keep([f"1{f}" for f in near]), keep([f"2w={low}"]), *_pieces(low, shape))

    def place_tags(self, lows: Sequence[str]) -> list[str]:
        """B/I where a gazetteer place name (longest first) covers the token."""
        tags = [""] * len(lows)
        places, firsts = self.base.places, self.place_firsts
        i, n = 0, len(lows)
        while i < n:
            hit = 0
            if lows[i] in firsts:
                for size in range(min(ner_features._MAX_PLACE, n - i), 0, -1):
                    if tuple(lows[i : i + size]) in places:
                        hit = size
                        break
            if hit:
                tags[i] = "B"
                tags[i + 1 : i + hit] = ["I"] * (hit - 1)
                i += hit
            else:
                i += 1
        return tags

    def features(self, tokens: Sequence[Token],
                 rule_entities: Sequence[Entity] = ()) -> list[list[bytes]]:
        """One attribute list per token: ner_features.Featurizer.features, known names only."""
        # Two stand-ins on each side, so neighbours never need a bounds check.
        left, right = self._left, self._right
        words = [left, left, *(self._word(t.text) for t in tokens), right, right]
        rules = ["", "", *ner_features._rule_tags(tokens, rule_entities), "", ""]
        places = ["", "", *self.place_tags([w.low for w in words[2:-2]]), "", ""]
        known, here = self.known, self._here
        before, after = self._side[-1], self._side[1]
        out: list[list[bytes]] = []
        for k in range(2, len(words) - 2):
            w, prev, nxt = words[k], words[k - 1], words[k + 1]
            feats = [*w.own, *here[rules[k], places[k], w.capital, prev.ends_sentence],
                     *words[k - 2].before2, *prev.before1, *before[rules[k - 1], places[k - 1]],
                     *nxt.after1, *after[rules[k + 1], places[k + 1]], *words[k + 2].after2]
            # Pairs and triples of words and shapes: made per token, kept when known.
            if prev is not left:
                pair = prev.bi_head + w.low_b
                if pair in known:
                    feats.append(pair)
                pair = prev.word_shape_head + w.shape_b
                if pair in known:
                    feats.append(pair)
            if nxt is not right:
                pair = w.shape_word_head + nxt.low_b
                if pair in known:
                    feats.append(pair)
            pair = prev.shapes_head + w.shape_mid + nxt.shape_b
            if pair in known:
                feats.append(pair)
            out.append(feats)
        return out
