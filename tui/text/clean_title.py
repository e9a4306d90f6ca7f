"""Where a page's title stands: the line restating the record's title, or the headline."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.text import duplicates
from tui.text.line import Line, stopword_density
from tui.text.line_kinds import (
    CLOCK_OR_DATE,
    TIME,
    ends_as_headline,
    is_button,
    is_header_widget,
    looks_like_byline,
)
from tui.text.model import Reason
from tui.text.page import Page, Shape, Unit
from tui.text.words import tokens

# The site's name after a browser title's separator has at most this many words.
SITE_SUFFIX_WORDS = 6
# An article a browser title may drop from the front of the headline.
LEADING_ARTICLES = frozenset({"the", "a", "an"})
_TITLE_SEPARATOR = re.compile(r"\s(?:[|\-–—:·•»]|::)\s")
# "Site: Headline": a colon right after the site's name.
_SITE_COLON = re.compile(r":\s")


def field_title(page: Page) -> int | None:
    """The first unit above the body's first paragraph that restates the record's title."""
    units = page.units
    for k in range(min(page.first_good + 1, len(units))):
        if not page.is_bad(k) and duplicates.echoes_title(units[k].first, page.title_tokens):
            return k
    return None


def headline(page: Page) -> int | None:
    """The page's headline: the first substantial line above the first paragraph.

    Above the first paragraph, skipping one- and two-word menu items when a longer line is
    there; an article that opens with its first paragraph has no title line (the paragraph
    stands in for it).
    """
    units, first_good = page.units, page.first_good
    candidates = [k for k in range(min(first_good, len(units)))
                  if not page.is_bad(k) and not is_header_widget(units[k].first)]
    headlines = [k for k in candidates if units[k].first.words >= 4
                 and not _in_menu(units, k, page.runs_matter)]
    title_at = headlines[0] if headlines else None
    # A headline sits right above its byline or date; an earlier line-long "headline"
    # with none under it is a site banner or a section name.
    if title_at is not None and not _dated(units, title_at + 1):
        # Headlines are telegraphic: a later dated line replaces the first only when it
        # has fewer stopwords (a standfirst over the byline has more). Where no stoplist
        # fits the page (Han, kana, Hangul, Cyrillic) that cannot be told, and a date or
        # a time printed under the line decides (a name under it is not enough).
        first = units[title_at].first
        stopwords = page.stopwords

        def telegraphic(k: int) -> bool:
            """Fewer stopwords than the first candidate, or a date under it where no
            stoplist tells."""
            if page.trusted:
                return (stopword_density(units[k].first, stopwords)
                        < stopword_density(first, stopwords))
            under = units[k + 1].first.text
            return bool(CLOCK_OR_DATE.search(under) or TIME.search(under))

        title_at = next((k for k in headlines if _dated(units, k + 1)
                         and not looks_like_byline(units[k].first, dates=False)
                         and units[k].first.words >= 0.75 * first.words
                         and telegraphic(k)),
                        title_at)
    if title_at is None:
        title_at = next((k for k in candidates if units[k].first.words >= 3),
                        candidates[0] if candidates else None)
    if title_at is None and first_good < len(units):
        title_at = first_good
    return title_at


def _menu_item(unit: Unit | None) -> bool:
    """A menu entry: a word or three, unpunctuated (or a line already called navigation)."""
    if unit is None:
        return False
    if unit.reason is not None:
        return unit.reason is Reason.NAVIGATION
    first = unit.first
    return unit.shape is Shape.SHORT and first.words <= 3 and not first.has_inner_punctuation


def _in_menu(units: Sequence[Unit], k: int, runs_matter: bool) -> bool:
    """Whether unit k sits between menu entries (so it is not the title).

    Where blank lines separate paragraphs, only entries of the same paragraph count.
    """
    if units[k].first.words > 5:
        return False  # a headline, not a menu entry

    def at(j: int) -> Unit | None:
        if not 0 <= j < len(units) or (runs_matter and units[j].run != units[k].run):
            return None
        return units[j]

    return _menu_item(at(k - 1)) and _menu_item(at(k + 1))


def _dated(units: Sequence[Unit], k: int) -> bool:
    """Whether unit k is a byline or a date line (what stands under a headline).

    A button's text ("Learn More") is capitalised like a name but stands under a banner,
    so it never makes the line above it a headline.
    """
    if not 0 <= k < len(units):
        return False
    u = units[k]
    if u.reason is not None:
        return u.reason is Reason.BYLINE
    return (u.shape is Shape.SHORT and u.first.words <= 8 and not is_button(u.first)
            and looks_like_byline(u.first))


# How a teaser cut off by its list ends ("And the Grammy nomination could go to...").
_CUT_OFF = ("...", "…")


def page_title_copy(units: Sequence[Unit], top: int, first_good: int) -> int | None:
    """The headline under a whole page's browser title (unit `top`, the page's first).

    It is a later line above the first sentence-long paragraph that repeats the top line
    without its " | Site" suffix or its "Site: " prefix, or the whole top line after at
    least two other lines (the menus); of several such copies (a breadcrumb, then the
    headline) the last one. A teaser of a trending list above the headline, cut off with an
    ellipsis, is no first paragraph: the search goes on under it. A copy of all that
    stands before the separator is one however long the site's name is (a name in Han or
    kana counts a word per two characters, so it can look long). A top line that reads as
    a sentence is a browser title only when an unpunctuated copy of all its words follows
    (a headline printed without its full stop).
    """
    if top != 0 or top > first_good or len(units[top].lines) > 1:
        return None
    head = units[top].first
    sentence = units[top].shape is Shape.GOOD and head.ends_sentence
    separator = _TITLE_SEPARATOR.search(head.text)
    suffixed = separator is not None and not sentence
    before = tokens(head.text[:separator.start()]) if suffixed and separator else None
    prefix = separator or _SITE_COLON.search(head.text)
    after = tokens(head.text[prefix.end():]) if prefix is not None and not sentence else None
    prefixed = after is not None and 0 < len(head.tokens) - len(after) <= SITE_SUFFIX_WORDS
    found = None
    for j in range(top + 1, len(units)):
        u = units[j]
        if (u.shape is Shape.GOOD and u.lines[-1].ends_sentence and u.reason is None
                and not u.lines[-1].text.endswith(_CUT_OFF)):
            break  # the body's first paragraph (a teaser cut off with "..." is none)
        copy = u.first.tokens
        if u.reason is not None or len(u.lines) > 1 or len(copy) < 2:
            continue
        if prefixed and copy == after:
            found = j
            continue
        extra = len(head.tokens) - len(copy)
        if head.tokens[:len(copy)] != copy:
            continue
        if sentence:
            if extra == 0 and j >= top + 3 and not u.first.ends_sentence:
                found = j
            continue
        if ((extra == 0 and j >= top + 3) or (suffixed and 0 < extra <= SITE_SUFFIX_WORDS)
                or copy == before):
            found = j
    if suffixed and before is not None:
        # "Headline | Site" reads as "Site | Headline" too when the site's name is short:
        # a copy of the part before the separator printed later than the copy of the
        # part after it is the headline, the earlier one the site's banner.
        banner = found is not None and units[found].first.tokens == after
        if found is None or banner:
            later = _copy_below_sidebar(units, top, before)
            if later is not None and (found is None or later > found):
                return later
        if found is None:
            found = _reworded_copy(units, top)
    if found is None:
        found = _exact_copy_below_teasers(units, top)
    return found


# A short appeal or teaser above the headline ("Snopes needs your help! Learn more.")
# has at most this many words; a longer sentence is the body's first paragraph.
TEASER_MAX_WORDS = 8


def _exact_copy_below_teasers(units: Sequence[Unit], top: int) -> int | None:
    """The last word-for-word copy of the top line under the menus, however the teasers end.

    A page's browser title printed again as its headline, punctuation and all (a question
    too), below a menu and a short appeal or teaser that ends as a sentence does, is the
    headline: only a single line or longer paragraph ending as a sentence ends the search.
    """
    head = units[top].first
    if head.words > HEADLINE_MAX_WORDS:
        return None
    found = None
    for j in range(top + 1, len(units)):
        u = units[j]
        if (len(u.lines) == 1 and u.first.tokens == head.tokens
                and u.first.text.strip() == head.text.strip()):
            found = j if j >= top + 3 else found
            continue
        if (u.shape is Shape.GOOD and u.lines[-1].ends_sentence and u.reason is None
                and (len(u.lines) > 1 or u.first.words > TEASER_MAX_WORDS)):
            break
    return found


# A reworded copy of a browser title shares at least this share of the two lines' words.
REWORDED_OVERLAP = 0.6
# ... and has at least this many words (a menu entry shares too few to count).
REWORDED_MIN_WORDS = 5


def _reworded_copy(units: Sequence[Unit], top: int) -> int | None:
    """The headline above the first paragraph that rewords the browser title at `top`.

    A page's <title> is often its headline with words added or dropped ("Diet X (14
    days) - lose up to 10 kg. Reviews" over "Diet X - lose up to 10 kilos in 14 days"):
    the last single line above the first paragraph sharing most of its words (set overlap
    over union) with the top line is the headline. Script-blind: it counts tokens.
    """
    head = set(units[top].first.tokens)
    found = None
    for j in range(top + 1, len(units)):
        u = units[j]
        if u.shape is Shape.GOOD and u.lines[-1].ends_sentence and u.reason is None:
            break
        copy = set(u.first.tokens)
        if u.reason is not None or len(u.lines) > 1 or len(copy) < REWORDED_MIN_WORDS:
            continue
        if len(head & copy) >= REWORDED_OVERLAP * len(head | copy):
            found = j
    return found


def _copy_below_sidebar(units: Sequence[Unit], top: int, before: Sequence[str]) -> int | None:
    """The exact copy of the browser title's headline below a sidebar that holds sentences.

    A blog prints its sidebar (a quote, an appeal, a feed's error message) before the
    post, so the first sentence is not the body's. A later line that is all the words
    before the title's separator (four or more) is the headline when the body is under
    it: more words of long paragraphs follow it than stand between it and the top. Of
    several such copies with no sentence between them (a menu's teaser of the story,
    then the printed headline) the last one.
    """
    if len(before) < 4:
        return None
    found = None
    for j in range(top + 1, len(units)):
        u = units[j]
        if found is not None and u.reason is None and u.shape is Shape.GOOD \
                and u.lines[-1].ends_sentence:
            break  # the body under the copy found: a later copy is a teaser of it
        if u.reason is None and len(u.lines) == 1 and u.first.tokens == tuple(before):
            above = sum(v.first.words for v in units[top + 1:j] if v.shape is Shape.GOOD)
            below = sum(sum(ln.words for ln in v.lines) for v in units[j + 1:]
                        if v.shape is Shape.GOOD and v.reason is None)
            if below <= above:
                break
            found = j
    return found


# A headline runs to this many words (a first paragraph is longer).
HEADLINE_MAX_WORDS = 25
# What stands between a browser title and the headline: the site's menus, banners and
# notices (an article's own header, its byline or a caption, is no sign of one).
PAGE_FURNITURE = frozenset({Reason.NAVIGATION, Reason.PROMO, Reason.SHARE, Reason.OTHER,
                            Reason.LEGAL, Reason.RELATED, Reason.ADVERT, Reason.TEMPLATE})
# A word of substance has at least this many letters; at least this share of the
# headline's words of substance are in the browser title (a breadcrumb or a "Read Next"
# line sharing one word with it is another story).
SHARED_WORD_LETTERS = 3
SHARED_SHARE = 0.2
# A headline found over its byline below the menus has at most this many sentence-long
# paragraphs of content above it (a teaser's summary), and more below.
BODY_ABOVE_HEADLINE = 2


def _titled_by(top: Line, line: Line) -> bool:
    """The top line is `line` word for word, or `line` followed by the site's name (a
    leading article dropped or not)."""
    words = line.tokens
    if words and words[0] in LEADING_ARTICLES and top.tokens[:1] != words[:1]:
        words = words[1:]  # "The Doobie Brothers Unite ..." under "Doobie Brothers Unite ..."
    n = len(words)
    return (n >= 4 and top.tokens[:n] == words and len(top.tokens) - n <= SITE_SUFFIX_WORDS)


def _printed_copy(page: Page) -> int | None:
    """The first copy of a whole page's top line, word for word (the site's name after it
    aside), taken for its repeat, with the site's furniture above it: the printed headline,
    whatever stray notice stands between (the top line is then the browser title)."""
    units = page.units
    top = units[0].first
    k = next((j for j in range(1, len(units)) if units[j].reason is Reason.DUPLICATE
              and len(units[j].lines) == 1 and _titled_by(top, units[j].first)), None)
    return k if k is not None and _furnished(page, k) else None


def headline_below_menus(page: Page) -> int | None:
    """The headline of a whole page titled by its first line, once the page is judged.

    The first line of a whole page is often its browser title, reworded for search
    ("Flash floods hit three districts on east coast - Harian Contoh"), with the printed
    headline further down, over the byline ("Thousands moved as flash floods sweep three
    east coast districts"). It is the first unit after the top line that is not
    boilerplate, when the site's furniture (menus, banners, notices; not a byline or a
    caption) stands between the two: a single line of 4 to HEADLINE_MAX_WORDS words, not
    ending as a sentence does (a question may), no byline, a fifth or more of whose words
    of substance are in the top line (the same story). A subtitle printed right under its
    headline has nothing between them and stays content; a first paragraph ends with its
    full stop. A headline printed word for word as the browser title is the headline
    wherever it stands (see _printed_copy); one over its byline is, below teasers left as
    content (see _dated_headline).
    """
    units, top = page.units, page.title_at
    if top != 0 or page.record_title or len(units[0].lines) > 1:
        return None
    copy = _printed_copy(page)
    if copy is not None:
        return copy
    k = next((j for j in range(1, len(units)) if not page.is_bad(j)), None)
    if k is not None and _furnished(page, k) and _headline_shape(units[k]) \
            and _same_story(page, units[k].first):
        return k
    return _dated_headline(page)


def printed_again(page: Page, k: int) -> int | None:
    """The copy of headline k printed again word for word over the body, when k is a page's
    sticky header above its menus: the later copy, with the site's furniture between the
    two and no paragraph of content, stands over the byline and the body and is the
    headline (the first then a repeat of it)."""
    units = page.units
    head = units[k].first
    for j in range(k + 1, len(units)):
        u = units[j]
        if u.reason is None and u.shape is Shape.GOOD:
            return None  # the body begins: a later copy is a teaser of the story
        if (u.reason is Reason.DUPLICATE and len(u.lines) == 1
                and u.first.text == head.text):
            between = range(k + 1, j)
            return j if any(units[i].reason in PAGE_FURNITURE for i in between) else None
    return None


def _furnished(page: Page, k: int) -> bool:
    """Some of the site's furniture (menus, banners, notices) stands between the top line
    and unit k."""
    return any(page.units[j].reason in PAGE_FURNITURE for j in range(1, k))


# Words a headline set in title case holds and a name does not ("for the", "how to").
TITLE_CASE_WORDS = frozenset({"a", "an", "the", "for", "of", "to", "in", "on", "and", "with",
                              "from", "is", "are", "your", "how", "why", "what"})


def _headline_shape(unit: Unit, title_case: bool = False) -> bool:
    """One line of 4 to HEADLINE_MAX_WORDS words, not ending as a sentence does (a question
    or a quotation may), not a label, a list item or a byline.

    With `title_case`, a line capitalised as a name is still a headline when it holds one
    of TITLE_CASE_WORDS ("Homemade Pear Jam for the Holidays").
    """
    first = unit.first
    named = looks_like_byline(first, dates=False) and not (
        title_case and TITLE_CASE_WORDS & set(first.tokens))
    return (len(unit.lines) == 1 and 4 <= first.words <= HEADLINE_MAX_WORDS
            and not first.text.endswith(":") and not first.is_list_item
            and ends_as_headline(first, ("?", '"', "”")) and not named)


def _same_story(page: Page, line: Line) -> bool:
    """A fifth or more of the line's words of substance are in the top line."""
    words = {w for w in line.tokens if len(w) >= SHARED_WORD_LETTERS
             and w not in page.stopwords}
    shared = words & set(page.units[0].first.tokens)
    return bool(shared) and len(shared) >= SHARED_SHARE * len(words)


# A byline with its date runs to this many words.
STAMP_WORDS = 10


def _stamped(unit: Unit) -> bool:
    """A byline line, or a short line left as content that prints a date or a year ("by Jo
    Hart December 6, 2017"): what stands under a headline. A line only capitalised as a name
    may be a menu entry."""
    if unit.reason is not None:
        return unit.reason is Reason.BYLINE
    first = unit.first
    return (len(unit.lines) == 1 and first.words <= STAMP_WORDS
            and bool(CLOCK_OR_DATE.search(first.text) or TIME.search(first.text)))


def _over_byline(units: Sequence[Unit], j: int) -> bool:
    """Unit j stands over a byline: a stamped line (see `_stamped`), or an author's name
    left as content over one ("Jo Hart, Daily Wire" / "13.11.2019, 23:06")."""
    if _stamped(units[j + 1]):
        return True
    name = units[j + 1]
    return (j + 2 < len(units) and name.reason is None and len(name.lines) == 1
            and name.first.words <= STAMP_WORDS and looks_like_byline(name.first, dates=False)
            and _stamped(units[j + 2]))


def _dated_headline(page: Page) -> int | None:
    """The first line shaped as a headline (no pattern's), of the top line's story, right over
    a byline or date line, with the site's furniture above it: the headline under a menu
    whose teasers are left as content ("Video shows dramatic rescue ..." over "Updated on:
    November 19, 2019"), with at most BODY_ABOVE_HEADLINE paragraphs above it."""
    units = page.units
    k = next((j for j in range(1, len(units) - 1) if not units[j].matched
              and _over_byline(units, j) and _headline_shape(units[j], title_case=True)
              and _same_story(page, units[j].first)), None)
    if k is None or not _furnished(page, k):
        return None
    # Above the body, not a teaser of the same story below it: the page's paragraphs follow.
    good = [j for j, u in enumerate(units) if u.reason is None and u.shape is Shape.GOOD]
    before = sum(1 for j in good if j < k)
    return k if before <= BODY_ABOVE_HEADLINE and len(good) - before > before else None
