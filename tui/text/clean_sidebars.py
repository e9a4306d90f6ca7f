"""A page's side furniture set among its lines: an A-Z index, a sidebar of videos, other
stories' headlines between the paragraphs."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.text.clean_lists import HEADLINE_WORDS
from tui.text.clean_video import RUNNING_TIME
from tui.text.line import Line
from tui.text.line_kinds import ends_as_headline
from tui.text.model import Reason
from tui.text.page import Page, Shape, Unit

# An A-Z index ("a" / "b" / ... / "z" / "#") has at least this many letters in a row.
INDEX_MIN = 8
_INDEX_KEY = re.compile(r"^([^\W\d_]|#|0-9)$")


def _index_key(unit: Unit) -> str | None:
    """The key a bare index line holds ("a", "B", "#", "0-9") folded, else None."""
    text = unit.first.text.strip()
    if len(unit.lines) != 1 or not _INDEX_KEY.match(text) or text.isdigit():
        return None
    return text.casefold()


def alphabet_indexes(units: Sequence[Unit]) -> None:
    """Bare letters in alphabetical order, INDEX_MIN or more in a row, are a site's A-Z
    index (navigation), anywhere on the page: an article's own lettered list has text after
    each letter, and a lone letter among paragraphs is never a run of them. The index runs
    through the keys set outside the alphabet ("#", "0-9") at either end."""
    k = 0
    while k < len(units):
        j, last = k, ""
        while j < len(units) and (key := _index_key(units[j])) is not None and (
                not key.isalpha() or key > last):
            last = key if key.isalpha() else last
            j += 1
        if sum(1 for u in units[k:j] if u.first.text.strip().isalpha()) >= INDEX_MIN:
            for u in units[k:j]:
                if u.reason is None or u.reason is Reason.TAGS:
                    u.reason = Reason.NAVIGATION
        k = max(j, k + 1)


# A sidebar of videos prints each one's running time over its title ("01:45" / "Finally, A
# New Half Life Game Is Coming Out?!"); at least TIMED_MIN such pairs make the sidebar.
TIMED_MIN = 3


def _seconds(unit: Unit) -> int:
    """The running time a bare time line holds, in seconds; -1 for any other line."""
    text = unit.first.text.strip()
    if len(unit.lines) != 1 or not RUNNING_TIME.fullmatch(text):
        return -1
    total = 0
    for part in text.split(":"):
        total = total * 60 + int(part)
    return total


def _video_title(unit: Unit) -> bool:
    """A video's title under its running time: one line of a few words, no full stop."""
    first = unit.first
    return (len(unit.lines) == 1 and HEADLINE_WORDS[0] <= first.words <= HEADLINE_WORDS[1]
            and ends_as_headline(first)
            and _seconds(unit) < 0)


def timed_links(units: Sequence[Unit]) -> None:
    """Running times each over a title, TIMED_MIN or more pairs in a row and out of order,
    are a sidebar of videos (related), anywhere on the page.

    A live blog's stamps over its entries ("11:48" / "Minister lands in Kyiv") run in
    order, one way or the other; a sidebar's running times follow no order.
    """
    k = 0
    while k < len(units):
        j = k
        while j + 1 < len(units) and _seconds(units[j]) >= 0 and _video_title(units[j + 1]):
            j += 2
        times = [_seconds(units[i]) for i in range(k, j, 2)]
        ordered = times == sorted(times) or times == sorted(times, reverse=True)
        if len(times) >= TIMED_MIN and not ordered:
            for u in units[k:j]:
                if u.reason is None or u.reason is Reason.DUPLICATE:
                    u.reason = Reason.RELATED
        k = max(j, k + 1)


# Other stories' headlines set between the paragraphs ("Man Shot at Dallas Gas Station Dies
# at Hospital" after every two or three paragraphs): at least TEASERS_MIN of them on a
# page, each sharing at most TEASER_SHARED of its words of substance with the article.
TEASERS_MIN = 3
TEASER_SHARED = 0.34
TEASER_WORDS = 3  # words of substance a headline needs to be judged by them
# An interview's speaker label ("A: Bob Marley, Bruno Mars, Drake"): an answer, not a headline.
_SPEAKER = re.compile(r"^[^\s:]{1,3}:\s")


def _substance(line: Line, stopwords: frozenset[str]) -> set[str]:
    """The line's words of substance: not stopwords, three letters or more, not figures."""
    return {t for t in line.tokens if len(t) >= 3 and t not in stopwords and not t.isdigit()}


def _between_paragraphs(page: Page, k: int) -> bool:
    """Unit k is one title-cased line of a headline's length (not an answer after its
    speaker's label), a paragraph of the body right above and right below it."""
    units = page.units
    u = units[k]
    if not (page.first_good < k < len(units) - 1) or u.reason is not None \
            or len(u.lines) != 1 or u.shape is not Shape.SHORT:
        return False
    first = u.first
    return (HEADLINE_WORDS[0] <= first.words <= HEADLINE_WORDS[1]
            and not first.ends_sentence and first.capitalised_share >= 0.5
            and not _SPEAKER.match(first.text)
            and all(units[j].reason is None and units[j].shape is not Shape.SHORT
                    for j in (k - 1, k + 1)))


def interleaved_teasers(page: Page) -> None:
    """Headlines between the body's paragraphs that share next to no words of substance
    with the article are other stories' teasers (related), when the page holds
    TEASERS_MIN or more of them.

    A section heading names what the paragraphs under it tell, so most of its words recur
    in the article; a teaser names another story. One odd heading is left alone: only a
    series of them is a site's habit.
    """
    units = page.units
    candidates = [k for k in range(len(units)) if _between_paragraphs(page, k)]
    if len(candidates) < TEASERS_MIN:
        return
    skip = set(candidates)
    told: set[str] = set()
    for k, u in enumerate(units):
        if k not in skip and (u.reason is None or k == page.title_at):
            for ln in u.lines:
                told.update(_substance(ln, page.stopwords))
    strangers = []
    for k in candidates:
        words = _substance(units[k].first, page.stopwords)
        if len(words) >= TEASER_WORDS and len(words & told) <= TEASER_SHARED * len(words):
            strangers.append(k)
    if len(strangers) >= TEASERS_MIN:
        for k in strangers:
            units[k].reason = Reason.RELATED
