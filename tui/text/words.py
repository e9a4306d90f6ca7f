"""Words and sentence ends in every script, spaced (Latin, Cyrillic, Hangul) or not (Han, Thai).

The rule: in a spaced script a word is a run of word characters, as `\\w+` finds it.
Scripts written without spaces between words are counted by characters: Han and
Japanese kana count one word per two characters (Chinese words average about 1.6
characters, Japanese ones about 2), the scripts of South-East Asia (Thai, Lao, Khmer,
Myanmar) and Tibetan one word per four characters (a syllable there is written with
several letters and marks). Hangul is written with spaces between words, so Korean
counts by spaces like Latin. As tokens (for stoplists and word overlap), every
character of an unspaced script is a token of its own.

Sentences end in . ! ? … and in the full stops and marks of other scripts: 。！？｡
(CJK), । ॥ (Devanagari), ؟ ۔ (Arabic script), ። (Ethiopic), ။ (Myanmar), ។ (Khmer).
"""

from __future__ import annotations

import re
from functools import cache

# Han (with its extensions and compatibility block), kana and the CJK iteration marks.
_CJK = ("\u3005-\u3007\u3040-\u30fa\u30fc-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
        "\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f")
# Thai, Lao, Tibetan, Myanmar, Khmer: letters and their combining marks.
_SEA = "\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff"
CJK_CHARS_PER_WORD = 2
SEA_CHARS_PER_WORD = 4


class _Patterns:
    """The word patterns, compiled on first use: their CJK ranges take about 9 ms to compile,
    which the reader's start (it imports this module, and analyses elsewhere) need not pay."""

    def __init__(self) -> None:
        spaced = rf"[^\W{_CJK}{_SEA}]"
        # One token: a single unspaced-script character, or a run of other word characters.
        self.token = re.compile(rf"[{_CJK}{_SEA}]|{spaced}+")
        self.cjk_char = re.compile(rf"[{_CJK}]")
        self.sea_char = re.compile(rf"[{_SEA}]")
        self.spaced_run = re.compile(rf"{spaced}+")
        # A spaced word for the reader's word count: "don't" and "well-known" are one each.
        self.compound_run = re.compile(rf"{spaced}+(?:[-'’]{spaced}+)*")


@cache
def _patterns() -> _Patterns:
    """The patterns, compiled once (a race at the first call only compiles them twice)."""
    return _Patterns()


# Sentence punctuation of every script; CLOSERS may follow it (quotes, brackets).
STOPS = ".!?…。！？｡।॥؟۔።။។"
CLOSERS = "\"'”’»›)\\]」』）】〉》"
# Tried only where a run of stops begins, so a long run of dots is read once (linear time).
SENTENCE_END = re.compile(rf"(?<![{STOPS}])[{STOPS}]+[{CLOSERS}]*$")
# A question ends in one of these (Latin, full-width, Arabic).
QUESTION_ENDS = ("?", "？", "؟")
# Clause punctuation that needs no space after it (CJK writes none).
WIDE_PUNCT = "、，；：。！？"


def tokens(text: str) -> tuple[str, ...]:
    """Case-folded word tokens: runs of word characters, one per unspaced-script character."""
    return tuple(_patterns().token.findall(text.casefold()))


def _per(count: int, chars_per_word: int) -> int:
    """Whole words for `count` characters, rounded up (one character is still a word)."""
    return -(-count // chars_per_word)


def count_words(text: str, *, compounds: bool = False) -> int:
    """How many words `text` holds by the module's rule (spaced runs plus unspaced characters).

    With `compounds`, words joined by a hyphen or an apostrophe count once (a reader's count).
    """
    found = _patterns()
    spaced = len((found.compound_run if compounds else found.spaced_run).findall(text))
    cjk = len(found.cjk_char.findall(text))
    sea = len(found.sea_char.findall(text))
    return spaced + _per(cjk, CJK_CHARS_PER_WORD) + _per(sea, SEA_CHARS_PER_WORD)

