"""One source line's shape: words, punctuation, list/table/quote marks, stopword density.

Words and sentence ends follow tui.text.words, so a line of Japanese or Thai is measured
like a line of English of the same length.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tui.text.stopwords import STOPWORDS
from tui.text.words import SENTENCE_END, WIDE_PUNCT, count_words, tokens

# A line that ends with a closing quote is the end of a quotation.
_QUOTE_END = re.compile(r"[\"”»」』]\s*$")
_QUOTE_START = re.compile(r"^[\"“”„«»‘‚'‹「『]")
# Dialogue and list items: "— Yes.", "- item", "• item", "1. item", "a) item".
_DIALOGUE = re.compile(r"^[—–]\s*\S")
_LIST_ITEM = re.compile(r"^(?:[-*•·▪●◦‣]\s+\S|\(?\d{1,2}[.)]\s+\S|\(?[a-z][.)]\s+\S)")
# Columns of a table typed as text: two gaps of two or more spaces (or tabs).
_TABLE = re.compile(r"\S(?: {2,}|\t)\S.*\S(?: {2,}|\t)\S")
_INNER_PUNCT = re.compile(rf"[.,;:!?](?:\s|$)|[{WIDE_PUNCT}].")


@dataclass(frozen=True, slots=True)
class Line:
    """What the classifier needs to know about one non-blank line."""

    index: int  # 0-based position in the record's text
    text: str  # stripped
    tokens: tuple[str, ...]  # case-folded word tokens (one per unspaced-script character)
    words: int  # words by tui.text.words' rule (two Han or kana characters are one word)

    @property
    def ends_sentence(self) -> bool:
        """True when the line ends like a sentence (or a quotation) does."""
        return bool(SENTENCE_END.search(self.text) or _QUOTE_END.search(self.text))

    @property
    def ends_with_stop(self) -> bool:
        """True when the line ends with sentence punctuation (not merely a closing quote)."""
        return bool(SENTENCE_END.search(self.text))

    @property
    def is_quote(self) -> bool:
        """Starts with a quotation mark: a quote paragraph, never a menu item."""
        return bool(_QUOTE_START.match(self.text))

    @property
    def is_dialogue(self) -> bool:
        """Starts with a dialogue dash."""
        return bool(_DIALOGUE.match(self.text))

    @property
    def is_list_item(self) -> bool:
        """Starts with a bullet or an item number."""
        return bool(_LIST_ITEM.match(self.text))

    @property
    def is_table_row(self) -> bool:
        """Columns separated by runs of spaces: figures typed as a table."""
        return bool(_TABLE.search(self.text))

    @property
    def has_inner_punctuation(self) -> bool:
        """Any clause punctuation followed by a space (menus and link lists have none)."""
        return bool(_INNER_PUNCT.search(self.text))

    @property
    def has_letters(self) -> bool:
        """Whether any character is a letter."""
        return any(ch.isalpha() for ch in self.text)

    @property
    def is_lowercase(self) -> bool:
        """Lower-case letters and no upper-case one (tag lists are often written so).

        A line in a script without case (Han, Arabic, Thai) is not lower-case.
        """
        return self.text == self.text.lower() and any(ch.islower() for ch in self.text)

    @property
    def capitalised_share(self) -> float:
        """Share of the alphabetic words that begin with a capital (title case is high)."""
        alpha = [w for w in self.text.split() if w[:1].isalpha()]
        if not alpha:
            return 0.0
        return sum(1 for w in alpha if w[0].isupper()) / len(alpha)


def make_line(index: int, text: str) -> Line:
    """The Line for stripped `text` at 0-based `index`."""
    found = tokens(text)
    # ASCII text has no unspaced script: its words are its tokens (count_words' own rule).
    return Line(index, text, found, len(found) if text.isascii() else count_words(text))


def stopword_language(lines: Sequence[Line]) -> tuple[frozenset[str], float]:
    """The stoplist that covers most of the text's tokens, and the share it covers.

    Chosen before language detection runs (which sees content only); a share below
    about 0.2 means none of our stoplists fits and density should not be trusted.
    """
    total = sum(len(ln.tokens) for ln in lines)
    if total == 0:
        return frozenset(), 0.0
    best: frozenset[str] = frozenset()
    best_hits = -1
    # Counting over a bounded prefix keeps long articles as cheap as short ones.
    sample: list[str] = []
    for ln in lines:
        sample.extend(ln.tokens)
        if len(sample) >= 600:
            break
    for words in STOPWORDS.values():
        hits = sum(1 for t in sample if t in words)
        if hits > best_hits:
            best, best_hits = words, hits
    return best, best_hits / max(1, len(sample))


def stopword_density(line: Line, stopwords: frozenset[str]) -> float:
    """Share of the line's tokens that are stopwords (jusText's main content signal)."""
    if not line.tokens:
        return 0.0
    return sum(1 for t in line.tokens if t in stopwords) / len(line.tokens)
