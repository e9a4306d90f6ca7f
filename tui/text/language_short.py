"""The language of a text too short for langdetect: naive Bayes over its profiles and stopwords.

langdetect samples n-grams at random until one language passes 0.99999; on a few words
that is a coin toss among its 55 profiles ("He deserved respect" comes out Dutch or
nothing). Here every character 1-3-gram of the text (langdetect's own profiles and
extraction) and every word (the ranked stopword lists of tui/text/stopwords.py, Zipf
weighted) is scored for the languages warta has stopwords for only, deterministically.
Malay and Indonesian share one candidate (langdetect has no Malay profile); the markers
of tui/text/language.py split them. The confidence is the tempered posterior: on the
short-text sets of bench/eval_language.py a guess of confidence c is right about c of
the time, so a caller can ask for a floor.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from functools import cache

from langdetect.utils.ngram import NGram

from tui.text.stopwords import ranked

# Only this much text is read: a short guess is for short texts.
SHORT_CHARS = 400
# The candidates: the languages with stopword lists ("id" stands for Malay too).
CANDIDATES = ("en", "id", "de", "fr", "es", "pt", "it", "nl")
# langdetect's smoothing of an n-gram a profile lacks (its alpha over its base frequency).
_NGRAM_FLOOR = 0.5 / 10000
# A word's log-likelihood: rank r in a list scores log(ZIPF / (r + ZIPF_SHIFT)); words in
# no list of a language score log(WORD_FLOOR) there.
ZIPF, ZIPF_SHIFT, WORD_FLOOR = 0.1, 10, 1e-4
# Words weigh this much more than n-grams: they are fewer and say more (measured on the
# short sets: 1 -> 3 lifts English web sentences 0.764 -> 0.786 right, nothing drops).
WORD_WEIGHT = 3.0
# The log-likelihoods are divided by this before the softmax (naive Bayes counts correlated
# n-grams as independent): at 4 a guess of confidence c is right about c of the time on the
# short sets of bench/eval_language.py (0.5-0.7: 0.714 right, 0.9-0.97: 0.946).
TEMPERATURE = 4.0
# No prior rules a candidate out.
PRIOR_FLOOR = 0.01


_WORD_MISS = math.log(WORD_FLOOR)


@cache
def _word_rows() -> dict[str, tuple[float, ...]]:
    """Each listed word's log-likelihood per candidate, in CANDIDATES order (a word a
    language's list lacks scores _WORD_MISS there): one lookup a word instead of one a
    candidate. Built on first use, not at import."""
    loglik: dict[str, dict[str, float]] = {}
    for lang in CANDIDATES:
        ranks: dict[str, int] = {}
        for source in (lang, "ms") if lang == "id" else (lang,):
            for rank, word in enumerate(ranked(source)):
                ranks[word] = min(ranks.get(word, rank), rank)
        loglik[lang] = {w: math.log(ZIPF / (r + ZIPF_SHIFT)) for w, r in ranks.items()}
    words = {w for table in loglik.values() for w in table}
    return {w: tuple(loglik[lang].get(w, _WORD_MISS) for lang in CANDIDATES) for w in words}


def _plain(text: str) -> str:
    """The text without web addresses and e-mail addresses (their letters say nothing)."""
    return " ".join(w for w in text.split() if "@" not in w and "://" not in w
                    and not w.lower().startswith("www."))


def _ngram_scores(text: str, profiles: dict[str, list[float]],
                  columns: Sequence[int]) -> tuple[list[float], int]:
    """Summed log P(n-gram | language) per candidate, and how many n-grams were known."""
    scores = [0.0] * len(columns)
    seen = 0
    gram = NGram()
    for ch in text:
        gram.add_char(ch)
        for n in (1, 2, 3):
            piece = gram.get(n)
            probs = profiles.get(piece) if piece and piece != " " else None
            if probs is None:
                continue
            seen += 1
            for k, column in enumerate(columns):
                scores[k] += math.log(probs[column] + _NGRAM_FLOOR)
    return scores, seen


def word_scores(text: str) -> tuple[list[float], int]:
    """Summed word log-likelihood per candidate, and how many words some list knows."""
    rows = _word_rows()
    found = [row for raw in text.split()
             if (row := rows.get(raw.strip(".,;:!?\"'()[]{}«»“”‘’-–—…*").lower())) is not None]
    # Summed word by word from 0.0, in the text's order, as a running total would be.
    scores = ([sum(column, 0.0) for column in zip(*found, strict=True)] if found
              else [0.0] * len(CANDIDATES))
    return scores, len(found)


def posterior(text: str, profiles: dict[str, list[float]], langlist: Sequence[str],
              prior: Mapping[str, float] | None = None) -> dict[str, float] | None:
    """P(language | text) over CANDIDATES, from a uniform or the given prior (a candidate
    it leaves out gets PRIOR_FLOOR); None when no n-gram or word is known at all."""
    plain = _plain(text[:SHORT_CHARS])
    columns = [langlist.index(lang) for lang in CANDIDATES]
    grams, seen = _ngram_scores(plain, profiles, columns)
    words, known = word_scores(plain)
    if not seen and not known:
        return None
    total = [(g + WORD_WEIGHT * w) / TEMPERATURE for g, w in zip(grams, words, strict=True)]
    top = max(total)
    weights = [math.exp(t - top) for t in total]
    if prior:
        weights = [w * max(prior.get(lang, 0.0), PRIOR_FLOOR)
                   for w, lang in zip(weights, CANDIDATES, strict=True)]
    norm = sum(weights)
    return {lang: w / norm for lang, w in zip(CANDIDATES, weights, strict=True)}
