"""Lists inside a page: menus and boxes of other stories' headlines, or the article's own."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.text.line_kinds import ends_as_headline, is_box_label
from tui.text.model import Reason
from tui.text.page import Shape, Unit

# A menu has at least this many entries in a row (a body list between paragraphs may be
# as long: it is kept by where it stands, see menu_blocks).
MENU_MIN_ENTRIES = 5
MENU_ENTRY_WORDS = 5
# ... and, where blank lines mean paragraphs, this many of them inside one paragraph.
MENU_GROUP = 4
# Boilerplate a menu may run through ("Terms of Use" matched as legal among its entries).
_MENU_MATES = {Reason.NAVIGATION, Reason.LEGAL, Reason.SHARE, Reason.TAGS, Reason.RELATED,
               Reason.PROMO, Reason.DUPLICATE}


def _opens_like_a_link(text: str) -> bool:
    """A link's text opens with a capital or a letter of a script without case; a line that
    opens in lower case, with a bracket or a figure carries on a sentence or a list."""
    first = text[:1]
    return first.isalpha() and not first.islower()


def _menu_entry(unit: Unit, lower: bool = False) -> bool:
    """A link of a menu: one short line opening with a capital (or a letter of a script
    without case; with `lower`, any letter), no digits, no sentence, no list mark, no label."""
    first = unit.first
    text = first.text
    return (unit.reason is None and len(unit.lines) == 1 and unit.shape is Shape.SHORT
            and (_opens_like_a_link(text) or (lower and text[:1].isalpha()))
            and not unit.row and 1 <= first.words <= MENU_ENTRY_WORDS and first.has_letters
            and not first.is_list_item and not first.is_quote
            and not text.endswith((":", ",", ";")) and not any(ch.isdigit() for ch in text))


def _grouped(units: Sequence[Unit], k: int, j: int, least: int, runs_matter: bool) -> bool:
    """Whether units k..j-1 hold `least` entries in a row inside one paragraph (a menu's
    group); pairs split by blank lines ("Name" / "Role", ...) are a list of the article's."""
    if not runs_matter:
        return j - k >= least
    longest = streak = 0
    for i in range(k, j):
        streak = streak + 1 if i > k and units[i].run == units[i - 1].run else 1
        longest = max(longest, streak)
    return longest >= least


def menu_blocks(units: Sequence[Unit], floor: int, runs_matter: bool) -> None:
    """Five or more menu entries in a row below the body's first paragraph are navigation.

    Blank lines do not end a menu (a page's menus come in groups of four or more). A list
    of the article's own is kept: one introduced by a line ending in a colon, or one that
    stands between two paragraphs of the body (a paragraph ending in a full stop right
    before it, a sentence-long one right after it).
    """
    k = floor + 1
    while k < len(units):
        if not _menu_entry(units[k]):
            k += 1
            continue
        j = k
        while j < len(units) and (_menu_entry(units[j], lower=True)
                                  or units[j].reason in _MENU_MATES):
            j += 1
        entries = [i for i in range(k, j) if units[i].reason is None]
        if (len(entries) >= MENU_MIN_ENTRIES and _grouped(units, k, j, MENU_GROUP, runs_matter)
                and not _kept_list(units, k, j)):
            for i in entries:
                units[i].reason = Reason.NAVIGATION
        k = max(j, k + 1)


# A list of other stories' headlines has at least this many in a row.
HEADLINE_LIST_MIN = 4
HEADLINE_WORDS = (4, 16)
ODD_ENTRY_WORDS = 12
# A headline cut to fit a box: "... the Kennedy Center Honors on...", "고루했던 예능국의 아..".
_CUT = re.compile(r"(?:[^.]\.\.|…|\.\.\.)$")


def _listed_headline(unit: Unit) -> bool:
    """One line of four to sixteen words that reads like a link or a caption cut short: no
    final stop, no label, not opening with a figure (an ingredient, a quantity, a rank)."""
    first = unit.first
    text = first.text
    return (unit.reason is None and len(unit.lines) == 1 and not unit.row
            and _opens_like_a_link(text.lstrip("\"'“‘«"))
            and HEADLINE_WORDS[0] <= first.words <= HEADLINE_WORDS[1]
            and not first.ends_sentence and not first.is_list_item and not first.is_quote
            and not first.is_table_row and not text.endswith((":", ";")))


def _odd_entry(unit: Unit) -> bool:
    """One line inside a list of headlines that ends with a stop ("... Honors on Dec.")."""
    first = unit.first
    return (unit.reason is None and len(unit.lines) == 1
            and HEADLINE_WORDS[0] <= first.words <= ODD_ENTRY_WORDS
            and not first.is_quote and _opens_like_a_link(first.text))


def _cut_headline(unit: Unit) -> bool:
    """A short line cut off with dots: a headline shortened to fit a box of links."""
    first = unit.first
    return (unit.reason is None and len(unit.lines) == 1 and first.words <= 12
            and not first.is_list_item and bool(_CUT.search(first.text)))


def headline_lists(units: Sequence[Unit], floor: int, runs_matter: bool,
                   fields: frozenset[int] = frozenset()) -> None:
    """Blocks of other stories' headlines below the body's first paragraph are related links.

    Four or more headline-like lines in a row (no final stop; one odd line with a stop
    among them) right under boilerplate (a label, a gallery's buttons), or three or more
    cut off with dots anywhere; kept, like a
    menu, when a colon introduces them or they stand between two paragraphs of the body.
    A list that follows the article's own text ("Name, role" lines) is the article's, and
    so is one holding a recurring field (`fields`: a feature every product box of a deals
    post prints), which other stories' headlines never are.
    """
    for entry, least in ((_listed_headline, HEADLINE_LIST_MIN), (_cut_headline, 3)):
        k = floor + 1
        while k < len(units):
            if not entry(units[k]):
                k += 1
                continue
            j = k + 1
            while j < len(units) and (entry(units[j]) or (
                    j + 1 < len(units) and entry(units[j + 1]) and _odd_entry(units[j]))):
                j += 1
            fenced = entry is _cut_headline or units[k - 1].reason is not None
            if (fenced and j - k >= least and _grouped(units, k, j, least, runs_matter)
                    and not _kept_list(units, k, j) and fields.isdisjoint(range(k, j))):
                # Under a gallery's buttons ("Fullscreen") or a credit the lines are captions.
                head = units[k - 1].reason if k > 0 else None
                reason = Reason.CAPTION if head in (Reason.OTHER, Reason.CAPTION) \
                    else Reason.RELATED
                end = j - 1 if _heads_next(units, k, j) else j
                for i in range(k, end):
                    units[i].reason = reason
            k = j


# How a list's entries set a name apart from its description ("Rex Tillerson - wildcard
# diplomat"); literals, so the search is linear.
ENTRY_DASH = re.compile(r" [-–—] ")


def _heads_next(units: Sequence[Unit], k: int, j: int) -> bool:
    """The last line of the list k..j-1 has no dash where every other line sets a name
    apart with one, and stands right over a long paragraph of content: the next section's
    heading ("Here come the generals" after "Andrew Puzder - Secretary of Labor")."""
    after = units[j] if j < len(units) else None
    return (j - k >= 3 and all(ENTRY_DASH.search(u.first.text) for u in units[k:j - 1])
            and not ENTRY_DASH.search(units[j - 1].first.text) and after is not None
            and after.reason is None and after.shape is Shape.GOOD)


def _kept_list(units: Sequence[Unit], k: int, j: int) -> bool:
    """Whether units k..j-1 are the article's own list: introduced by a colon, or standing
    between two paragraphs (one ending in a full stop before it, a long one after it), or
    headed by a box label of the article's own ("Profil", "Anugerah", "Sektor utama")."""
    before = units[k - 1] if k > 0 else None
    after = units[j] if j < len(units) else None
    introduced = (before is not None and before.reason is None
                  and (before.lines[-1].text.endswith(":") or is_box_label(before.first))
                  ) or is_box_label(units[k].first)
    between = (before is not None and after is not None and before.reason is None
               and after.reason is None and before.shape is Shape.GOOD
               and before.lines[-1].ends_sentence and after.shape is Shape.GOOD)
    return introduced or between



# A ranked box of links ("Most read": "1" / headline / "2" / headline ...) has at least
# this many ranks in a row.
RANKED_MIN = 3
_RANK = re.compile(r"^\d{1,2}\.?$")


def ranked_links(units: Sequence[Unit], floor: int) -> None:
    """Bare ranks counting up one by one, each over a line with no final stop, are a box of
    other stories' links (below the body's first paragraph).

    An article's own numbered list has text of its own between the ranks (a paragraph under
    each item), so it never alternates rank and one unpunctuated line only. A headline may
    ask ("... by Thinking?"); once RANKED_MIN ranks stand in a row, the box goes on through
    a headline with a full stop too ("... Are Puzzled."). A box may print a kicker between
    rank and headline ("2" / "Hurry Before It's Gone!" / headline), and its name right
    above the first rank ("BGR Top Deals") is part of it.
    """
    k = floor + 1
    while k < len(units):
        if _rank_of(units[k]) < 0:
            k += 1
            continue
        n, ranks = k, 0
        while n < len(units) and _rank_of(units[n]) == _rank_of(units[k]) + ranks \
                and (step := _ranked_entry(units, n, ranks >= RANKED_MIN)):
            n, ranks = n + 1 + step, ranks + 1
        if ranks >= RANKED_MIN:
            named = k - 1 > floor and _box_name(units[k - 1])
            for i in range(k - 1 if named else k, n):
                units[i].reason = Reason.RELATED
            k = n
        else:
            k += 1


# A kicker over a ranked headline ("Only A Couple Left") and a box's name have at most
# this many words.
KICKER_WORDS = 5
# Under a kicker the box's shape is plain, so a longer headline still reads as a link.
KICKED_HEADLINE_WORDS = 24


def _box_name(unit: Unit) -> bool:
    """A short unjudged line with no stop: a kicker, or the name of a box of links."""
    first = unit.first
    return (unit.reason is None and len(unit.lines) == 1 and first.words <= KICKER_WORDS
            and not first.text.endswith((".", ":")) and _RANK.match(first.text.strip()) is None)


def _ranked_entry(units: Sequence[Unit], n: int, in_box: bool) -> int:
    """How many units the entry under the rank at n takes: a kicker over its headline (2),
    the headline alone (1), or 0 when no headline follows the rank."""
    if (n + 2 < len(units) and _box_name(units[n + 1])
            and _ranked_headline(units[n + 2], in_box, KICKED_HEADLINE_WORDS)):
        return 2
    return 1 if n + 1 < len(units) and _ranked_headline(units[n + 1], in_box) else 0


def _rank_of(unit: Unit) -> int:
    """The number a bare rank line holds ("3", "3."), -1 for any other line."""
    text = unit.first.text.strip()
    return int(text.rstrip(".")) if len(unit.lines) == 1 and _RANK.match(text) else -1


def _ranked_headline(unit: Unit, in_box: bool, most: int = HEADLINE_WORDS[1]) -> bool:
    """A link's line under a rank: one line of a few words (at most `most`), no full stop
    unless `in_box`."""
    first = unit.first
    stop_ok = in_box or ends_as_headline(first)
    return (len(unit.lines) == 1 and HEADLINE_WORDS[0] <= first.words <= most
            and stop_ok and _RANK.match(first.text.strip()) is None)


# A teaser list prints each story's headline over how long ago it went up ("1 hour ago",
# "2 jam lalu", "vor 3 Stunden"); at least TEASER_MIN such pairs in a row make the list.
TEASER_MIN = 2
RELATIVE_TIME = re.compile(
    r"^(\d{1,3} (minutes?|mins?|hours?|hrs?|days?|menit|jam|hari|minit|minuten|stunden|"
    r"tagen?|heures?|jours?|minutos|horas|días|dias) (ago|yang lalu|lalu|lepas)|"
    r"(vor|há|hace|il y a) \d{1,3} \w{1,12})$", re.IGNORECASE)
_TEASER_HEAD = (None, Reason.DUPLICATE, Reason.RELATED)


def _teaser_pair(units: Sequence[Unit], k: int, title_at: int | None) -> bool:
    """Units k and k+1 are a headline (one line, not the title) and its relative time."""
    return (k + 1 < len(units) and k != title_at and len(units[k].lines) == 1
            and units[k].reason in _TEASER_HEAD
            and not RELATIVE_TIME.match(units[k].first.text)
            and bool(RELATIVE_TIME.match(units[k + 1].first.text)))


def teaser_runs(units: Sequence[Unit], title_at: int | None) -> None:
    """Headlines each over a relative time, TEASER_MIN or more pairs in a row, are other
    stories' teasers (related), anywhere on the page: an article's own header has one
    headline over one time, never a run of them."""
    k = 0
    while k < len(units):
        j = k
        while _teaser_pair(units, j, title_at):
            j += 2
        if (j - k) // 2 >= TEASER_MIN:
            for u in units[k:j]:
                u.reason = Reason.RELATED
        k = max(j, k + 1)
