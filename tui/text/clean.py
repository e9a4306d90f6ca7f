"""Boilerplate classification: a reason per source line, or None for content.

Three layers, each cheap and linear in the article's length:

1. Patterns from config.yaml (`boilerplate.patterns`, compiled by boilerplate_rules.py):
   labels such as "Baca juga", "ADVERTISEMENT", "Sumber :", bylines, dates, share
   buttons, copyright lines.
2. Repetition: exact and near repeats inside the article, and echoes of the title
   (a caption printed under the headline, the headline again in a "related" box).
3. Shape and context, in the manner of jusText: each paragraph unit is "good" (a long
   sentence), "sentence-like" (short but punctuated, a quote, a list item, a table row)
   or "short"; short units are judged by where they stand: before the title (menus),
   between the title and the first paragraph (bylines, dates), after the last sentence
   (link lists, tags), between two boilerplate lines, or after a label such as
   "Related:". Content recall comes first: a punctuated line is boilerplate only through
   a pattern or a repeat, or where it stands inside boilerplate for certain: beside a
   photo credit (a caption), between two lines of one strip of boilerplate, after a
   comment thread's header or a press contact line, or among the last few paragraphs
   as a call to action.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from tui.text import budget, duplicates, segment
from tui.text.boilerplate_rules import PATTERN_MAX_WORDS, BoilerplateRules
from tui.text.dateline import dateline_match
from tui.text.line import Line, make_line, stopword_density, stopword_language
from tui.text.line_kinds import (
    CLOCK_OR_DATE,
    FULL_STOP,
    MENU_SEPARATOR,
    TIME,
    is_box_label,
    is_figures,
    is_header_widget,
    is_lead_in,
    is_reading,
    looks_like_byline,
)
from tui.text.model import Reason

# A label ("Related:") claims at most this many following lines.
LABEL_REACH = 15
# Reasons whose bare label claims the short lines after it (the links, the tags).
_LABEL_REASONS = {Reason.RELATED, Reason.TAGS, Reason.SHARE, Reason.PROMO}
_LOOSE_LABEL = re.compile(r"^[^:]{1,30}:\s+\S")
_BARE_TIME = re.compile(r"^\d{1,2}[:.h]\d{2}(\s?([ap]\.?m\.?|uhr|h|wib|wita|wit))?$", re.I)


class Shape(Enum):
    """How a paragraph unit reads, before context is considered."""

    GOOD = "good"  # a long sentence: content
    SENTENCE = "sentence"  # short but punctuated, a quote, a list item, a table row
    SHORT = "short"  # a fragment: a heading, a menu item, a link, a name


@dataclass(slots=True)
class _Unit:
    """One paragraph unit: a line, or the lines of a hard-wrapped paragraph."""

    lines: list[Line]
    run: int  # which blank-separated run it belongs to
    shape: Shape = Shape.SHORT
    reason: Reason | None = None
    label: bool = False  # a bare label such as "Related:" that claims what follows
    row: bool = False  # one of two or more "Label: value" lines together (a fact box)
    closed: bool = False  # in the page's closing block (comments, press contact)
    matched: bool = False  # its reason comes from a pattern
    guessed: bool = False  # its reason was guessed for the trailing zone

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def text(self) -> str:
        return " ".join(ln.text for ln in self.lines)

    @property
    def joined(self) -> Line:
        """The unit's lines as one Line (a hard-wrapped paragraph read whole)."""
        return make_line(self.first.index, self.text)


def _shape(unit: _Unit, stopwords: frozenset[str], trusted: bool) -> Shape:
    joined = unit.joined
    first, last = unit.first, unit.lines[-1]
    words = joined.words
    density = stopword_density(joined, stopwords) if trusted else 0.0
    if (last.ends_with_stop and words >= 7) or words >= 30:
        return Shape.GOOD
    if words >= 6 and (m := dateline_match(first.text)) is not None and m.groupdict().get("pub"):
        return Shape.GOOD  # "Semarang (ANTARA) - ...": the body starts here
    if words >= 15 and (joined.has_inner_punctuation or density >= 0.25):
        return Shape.GOOD
    if (
        last.ends_sentence
        or first.is_quote
        or first.is_dialogue
        or first.is_list_item
        or first.is_table_row
        or is_figures(joined)
        or last.text.endswith((",", ";"))
        or (last.text.endswith(":") and words >= 5)
    ):
        return Shape.SENTENCE
    return Shape.SHORT


def _menu_item(unit: _Unit | None) -> bool:
    """A menu entry: a word or three, unpunctuated (or a line already called navigation)."""
    if unit is None:
        return False
    if unit.reason is not None:
        return unit.reason is Reason.NAVIGATION
    first = unit.first
    return unit.shape is Shape.SHORT and first.words <= 3 and not first.has_inner_punctuation


def _in_menu(units: Sequence[_Unit], k: int, runs_matter: bool) -> bool:
    """Whether unit k sits between menu entries (so it is not the title).

    Where blank lines separate paragraphs, only entries of the same paragraph count.
    """
    if units[k].first.words > 5:
        return False  # a headline, not a menu entry

    def at(j: int) -> _Unit | None:
        if not 0 <= j < len(units) or (runs_matter and units[j].run != units[k].run):
            return None
        return units[j]

    return _menu_item(at(k - 1)) and _menu_item(at(k + 1))


def _dated(units: Sequence[_Unit], k: int) -> bool:
    """Whether unit k is a byline or a date line (what stands under a headline)."""
    if not 0 <= k < len(units):
        return False
    u = units[k]
    if u.reason is not None:
        return u.reason is Reason.BYLINE
    return u.shape is Shape.SHORT and u.first.words <= 8 and looks_like_byline(u.first)


def _is_prose(unit: _Unit, stopwords: frozenset[str], trusted: bool) -> bool:
    """An unpunctuated line that still reads like a sentence (a standfirst without a stop)."""
    line = unit.joined
    return (trusted and line.words >= 6 and not looks_like_byline(line)
            and stopword_density(line, stopwords) >= 0.2)


def _introduces(units: Sequence[_Unit], k: int, runs_matter: bool) -> bool:
    """A label over content that follows it at once ("Key points" over its list)."""
    nxt = units[k + 1] if k + 1 < len(units) else None
    if units[k].first.words > 3 or looks_like_byline(units[k].first):
        return False
    return (nxt is not None and nxt.reason is None
            and (nxt.run == units[k].run or not runs_matter)
            and (nxt.first.is_list_item or nxt.shape is not Shape.SHORT
                 or nxt.first.words >= 6))


def _tail_reason(line: Line) -> Reason:
    """What a stray short line after the article's last sentence most likely is."""
    if is_lead_in(line):
        return Reason.RELATED
    if line.text.startswith("#") or (line.is_lowercase and line.words <= 5):
        return Reason.TAGS
    if looks_like_byline(line) and line.words <= 5:
        return Reason.BYLINE
    if line.words >= 4:
        return Reason.RELATED
    return Reason.OTHER


def classify(
    lines: Sequence[str], rules: BoilerplateRules, title: str | None = None
) -> list[Reason | None]:
    """Return one entry per line: the boilerplate reason, or None (content or blank).

    `title` is the record's own title field, when it has one: lines that echo it are
    captions or repeats (except a first line that restates it, which is the title).
    """
    out: list[Reason | None] = [None] * len(lines)
    runs = segment.runs(lines)
    if not runs:
        return out
    all_lines = {i: make_line(i, lines[i].strip()) for run in runs for i in run}

    # 1. Patterns.
    matched: dict[int, tuple[Reason, bool]] = {}
    for i, ln in all_lines.items():
        budget.check()
        if ln.words <= PATTERN_MAX_WORDS and (hit := rules.match(ln.text)) is not None:
            matched[i] = hit

    # 2. Units: boilerplate lines alone, hard-wrapped content lines together.
    # A "Label: <headline>" line is a unit of its own (a link is never wrapped text).
    alone = [i in matched or (i in all_lines and is_lead_in(all_lines[i]))
             for i in range(len(lines))]
    units: list[_Unit] = []
    for r, run in enumerate(runs):
        budget.check()
        for idxs in segment.wrapped(lines, run, alone):
            unit = _Unit([all_lines[i] for i in idxs], r)
            if idxs[0] in matched:
                unit.matched = True
                unit.reason, unit.label = matched[idxs[0]]
                unit.label = unit.label and (
                    unit.reason in _LABEL_REASONS or unit.first.text.endswith(":")
                )
            units.append(unit)
    ordered = [u.first for u in units]
    stopwords, coverage = stopword_language(ordered)
    trusted = coverage >= 0.15
    for u in units:
        u.shape = _shape(u, stopwords, trusted)
    # Blank lines mean "new paragraph" only where some paragraphs have several lines; a
    # text with a blank after every line (or none at all) says nothing by them.
    meaningful_runs = len(runs) >= 3 and sum(len(r) > 1 for r in runs) >= 2
    # Rows of a fact box or a results table ("Gred A: RM0.45", "Public: 4 200") read as
    # sentences: two or more "Label: value" lines together are content, wherever they stand
    # (together across a blank line only where blank lines carry no meaning).
    # (A time stamp in the header, "Stand: 22.07.2024 06:15 Uhr", is no row.)
    opening = next((k for k, u in enumerate(units) if u.shape is Shape.GOOD), len(units))
    rows = [u.reason is None and len(u.lines) == 1 and bool(_LOOSE_LABEL.match(u.first.text))
            and not (k < opening and u.first.words <= 8 and CLOCK_OR_DATE.search(u.first.text))
            for k, u in enumerate(units)]

    def row_mate(j: int, k: int) -> bool:
        return 0 <= j < len(units) and rows[j] and (
            units[j].run == units[k].run or not meaningful_runs)

    for k, u in enumerate(units):
        if rows[k] and (row_mate(k - 1, k) or row_mate(k + 1, k)):
            u.row = True
            if u.shape is Shape.SHORT:
                u.shape = Shape.SENTENCE

    # A caption sits in the same paragraph as its photo credit ("Foto: ..."). Only a line
    # a pattern called a caption passes the label on, so it never spreads down a list.
    credits = frozenset(k for k, u in enumerate(units) if u.reason is Reason.CAPTION)
    if meaningful_runs:
        beside = [k for k, u in enumerate(units)
                  if u.reason is None and u.first.words <= 40 and not u.first.is_quote
                  and not u.first.is_list_item and _beside_credit(units, k, credits)]
        for k in beside:
            units[k].reason = Reason.CAPTION

    def is_bad(k: int) -> bool:
        return units[k].reason is not None

    def protected(k: int) -> bool:
        return units[k].reason is None and units[k].shape is not Shape.SHORT

    def first_good_after(floor: int) -> int:
        good = next((k for k in range(floor, len(units))
                     if units[k].shape is Shape.GOOD and not is_bad(k)), None)
        if good is None:
            good = next((k for k in range(floor, len(units)) if protected(k)), len(units))
        return good

    first_good = first_good_after(0)

    # 3. The title: the record's own, or the first substantial line at the top.
    title_at: int | None = None
    title_tokens: frozenset[str] = frozenset()
    if title:
        title_tokens = frozenset(make_line(0, title).tokens)
        for k in range(min(first_good + 1, len(units))):
            if not is_bad(k) and duplicates.echoes_title(units[k].first, title_tokens):
                title_at = k
                break
    else:
        # Above the first paragraph, skipping one- and two-word menu items when a longer
        # line is there; an article that opens with its first paragraph has no title line.
        candidates = [k for k in range(min(first_good, len(units)))
                      if not is_bad(k) and not is_header_widget(units[k].first)]
        headlines = [k for k in candidates if units[k].first.words >= 4
                     and not _in_menu(units, k, meaningful_runs)]
        title_at = headlines[0] if headlines else None
        # A headline sits right above its byline or date; an earlier line-long "headline"
        # with none under it is a site banner or a section name.
        if title_at is not None and not _dated(units, title_at + 1):
            # Headlines are telegraphic: a later dated line replaces the first only when it
            # has fewer stopwords (a standfirst over the byline has more).
            first = units[title_at].first
            density = stopword_density(first, stopwords) if trusted else 0.0
            title_at = next((k for k in headlines if _dated(units, k + 1)
                             and not looks_like_byline(units[k].first, dates=False)
                             and units[k].first.words >= 0.75 * first.words
                             and stopword_density(units[k].first, stopwords) < density),
                            title_at)
        if title_at is None:
            title_at = next((k for k in candidates if units[k].first.words >= 3),
                            candidates[0] if candidates else None)
        if title_at is None and first_good < len(units):
            title_at = first_good
        # A whole page opens with its browser title ("Headline | Site"); the headline
        # itself stands lower, after the menus: that copy is the title.
        if title_at is not None and (later := _page_title(units, title_at, first_good)):
            units[title_at].reason = Reason.DUPLICATE
            title_at = later
        if title_at is not None:
            title_tokens = frozenset(units[title_at].first.tokens)
    # When the text opens with its first paragraph there is no header zone to clean.
    opens_with_paragraph = title_at is not None and (
        len(units[title_at].lines) > 1 or units[title_at].first.words > 30
        or bool(FULL_STOP.search(units[title_at].first.text)))
    if title_at is not None:
        first_good = first_good_after(title_at + 1)

    # 4. Echoes of the title and repeats.
    for k, u in enumerate(units):
        if k == title_at or is_bad(k) or u.shape is Shape.GOOD or len(u.lines) > 1:
            continue
        if duplicates.echoes_title(u.first, title_tokens):
            u.reason = Reason.CAPTION if k < first_good else Reason.DUPLICATE
    single = [u.first for u in units]
    repeated = duplicates.repeats(single)
    for pos, orig in sorted(repeated.items()):
        u, o = units[pos], units[orig]
        # A copy already judged a caption (it sits on its photo credit) still makes the
        # copy right above it a caption; any other judged copy is left as it is.
        if (u.reason not in (None, Reason.CAPTION) or pos == title_at or u.first.words < 3
                or u.first.is_table_row):
            continue
        adjacent = orig == pos - 1 and o.run == u.run
        # A line printed twice in a row is a caption (both copies), unless it is a
        # sentence: then a paragraph was scraped twice and its first copy is content.
        if adjacent and (o.shape is not Shape.GOOD or not o.first.ends_sentence):
            u.reason = Reason.CAPTION
            if o.reason is None and orig != title_at:
                o.reason = Reason.CAPTION
        elif u.reason is None:
            u.reason = Reason.DUPLICATE

    # 5. A bare label claims the unpunctuated lines after it.
    for k, u in enumerate(units):
        if u.label and u.reason is not None:
            _claim_after_label(units, k, u.reason, meaningful_runs, title_at)

    # 6. Above the title: menus, section names, log-in links.
    if title_at is not None:
        for k in range(title_at):
            if not is_bad(k):
                # A button beside a cookie notice or a share bar belongs to it (a date
                # line has no buttons: a word beside it is a menu entry).
                beside = [r for r in _neighbour_reasons(units, k, same_run=meaningful_runs)
                          if r is not Reason.BYLINE]
                first = units[k].first
                units[k].reason = (
                    Reason.OTHER if is_reading(first)
                    else Reason.NAVIGATION if len(MENU_SEPARATOR.findall(first.text)) >= 2
                    else beside[0] if beside else Reason.NAVIGATION)

    # 7. Between the title and the first paragraph: bylines, dates, captions. A
    # standfirst may come before them: then the zone runs to the next paragraph,
    # provided a known label (a byline, a share button) shows it is still the header.
    start = (title_at + 1) if title_at is not None else 0
    front_end = first_good
    next_content = next((k for k in range(start, len(units)) if not is_bad(k)), None)
    if next_content == first_good:
        second = next((k for k in range(first_good + 1, len(units))
                       if not is_bad(k) and units[k].shape is Shape.GOOD), None)
        if second is not None and any(units[k].reason in _HEADER_REASONS
                                      for k in range(first_good + 1, second)):
            front_end = second
    # Entry stamps of a live blog ("11:48 PM" over each entry) are part of the entries.
    stamps = sum(1 for u in units if u.reason is None and _BARE_TIME.match(u.first.text))
    front = [k for k in range(start, front_end)
             if not is_bad(k) and units[k].shape is Shape.SHORT and not opens_with_paragraph
             and not (stamps >= 2 and _BARE_TIME.match(units[k].first.text))
             and not _is_prose(units[k], stopwords, trusted)
             and not _introduces(units, k, meaningful_runs)]
    for k in front:
        if looks_like_byline(units[k].first):
            units[k].reason = Reason.BYLINE
    for _ in range(2):  # fragments beside header boilerplate share its reason
        for k in front:
            beside = _neighbour_reasons(units, k, same_run=meaningful_runs)
            if units[k].reason is None and beside:
                units[k].reason = beside[0]
    for k in front:
        if units[k].reason is None and k < first_good:
            units[k].reason = Reason.OTHER

    # 7b. Whole pages: menus and section indexes below the body (or between its parts).
    below = max(first_good, title_at if title_at is not None else 0)
    _menu_blocks(units, below, meaningful_runs)
    _headline_lists(units, below, meaningful_runs)

    # 8. The page's closing parts: a comment thread or a press contact block runs to the
    # end; an author's bio is one of the last few paragraphs.
    _close_page(units, rules, first_good)
    _closing_lines(units, rules, first_good)

    # After the last sentence: link lists, tags, names, stray fragments.
    tail = _tail_start(units, floor=(title_at + 1) if title_at is not None else 0)
    if 0 < tail < len(units) and protected(tail - 1) and units[tail - 1].first.text.endswith(":"):
        # "Here is what we know:" over its points: a list, not a block of links.
        list_run = units[tail].run
        while tail < len(units) and (not is_bad(tail) or _dated_entry(units[tail])) and (
                units[tail].run == list_run or not meaningful_runs):
            units[tail].reason = None
            tail += 1
    # "Pros:" over "Weak battery", "Zutaten:" over "250 g Mehl": a label of our own over a
    # short list is content, however short its lines (link lists have headlines).
    while tail < len(units) and _short_list_at(units, tail):
        tail += 1
        while tail < len(units) and _list_entry(units[tail]) and (
                not is_bad(tail) or _dated_entry(units[tail])):
            units[tail].reason = None  # a date in a list of times is the list's, not a byline
            tail += 1
    last = tail - 1 if tail > 0 and any(protected(k) for k in range(tail)) else None
    if last is not None:
        for k in range(tail, len(units)):
            if not is_bad(k) and not (k == tail and _sign_off(units, k, rules.cta_address)):
                units[k].reason = _tail_reason(units[k].first)
                units[k].guessed = True
        for k in range(len(units) - 2, tail - 1, -1):
            u, nxt = units[k], units[k + 1]
            if (u.guessed and u.reason in (Reason.BYLINE, Reason.OTHER) and nxt.guessed
                    and nxt.reason is Reason.RELATED and nxt.run == u.run):
                u.reason = Reason.RELATED  # the heading of the link list under it
        _tail_topics(units, tail)

    # 9. In the body: link lead-ins ("Jangan lewatkan: <headline>"), fragments squeezed
    # between boilerplate, captions next to credits.
    end = last if last is not None else len(units)
    for k in range(first_good + 1, end):
        if not is_bad(k) and k != title_at and _link_lead_in(units, k, meaningful_runs):
            units[k].reason = Reason.RELATED
    by_run: dict[int, list[int]] = {}
    unjudged: Counter[int] = Counter()
    for k, u in enumerate(units):
        by_run.setdefault(u.run, []).append(k)
        if u.reason is None:
            unjudged[u.run] += 1
    for k in range(first_good, end):
        u = units[k]
        if is_bad(k) or u.shape is Shape.GOOD:
            continue
        before = _nearest(units, k, -1)
        after = _nearest(units, k, +1)
        if u.shape is Shape.SHORT and _squeezed(u, before, after, meaningful_runs):
            u.reason = before.reason  # type: ignore[union-attr]
            continue
        if (meaningful_runs and not u.first.is_quote and not u.first.is_list_item
                and u.first.words <= 30 and _beside_credit(units, k, credits)):
            u.reason = Reason.CAPTION
            continue
        if u.shape is Shape.SHORT and unjudged[u.run] == 1 and len(by_run[u.run]) > 1:
            # The only fragment in a paragraph of boilerplate ("Subscribe" / "Read free");
            # an advert slot or a caption glued to a heading does not make it boilerplate.
            mate = next(units[j].reason for j in by_run[u.run] if j != k)
            if mate in _STRIP_REASONS:
                u.reason = mate
                continue
        if u.shape is Shape.SHORT and not u.first.has_letters:
            u.reason = Reason.NAVIGATION if u.first.text.isdigit() else None
        elif (u.shape is Shape.SHORT and trusted and u.first.words >= 10
              and not u.first.has_inner_punctuation
              and stopword_density(u.first, stopwords) < 0.05):
            # A long line of words without a single stopword or comma is a menu.
            u.reason = Reason.NAVIGATION

    # 10. A short sentence inside one block of boilerplate ("Newsletter" / its pitch /
    # "Sign up") belongs to it.
    for k in range(1, len(units) - 1):
        u, before, after = units[k], units[k - 1], units[k + 1]
        if (u.reason is None and len(u.lines) == 1 and u.first.words <= 25
                and before.reason is not None and before.reason is after.reason
                and before.reason in _STRIP_REASONS and before.run == u.run == after.run
                and meaningful_runs):
            u.reason = before.reason

    for u in units:
        if u.reason is not None:
            for ln in u.lines:
                out[ln.index] = u.reason
    return out


# The site's name after a browser title's separator has at most this many words.
SITE_SUFFIX_WORDS = 6
_TITLE_SEPARATOR = re.compile(r"\s(?:[|\-–—:·•»]|::)\s")


def _page_title(units: Sequence[_Unit], top: int, first_good: int) -> int | None:
    """The headline under a whole page's browser title (unit `top`, the page's first).

    It is a later line above the first sentence-long paragraph that repeats the top line
    without its " | Site" suffix, or the whole top line after at least two other lines (the
    menus); of several such copies (a breadcrumb, then the headline) the last one.
    """
    if top != 0 or top > first_good or len(units[top].lines) > 1:
        return None
    head = units[top].first
    if units[top].shape is Shape.GOOD and head.ends_sentence:
        return None  # a paragraph, not a browser title
    suffixed = _TITLE_SEPARATOR.search(head.text) is not None
    found = None
    for j in range(top + 1, len(units)):
        u = units[j]
        if u.shape is Shape.GOOD and u.lines[-1].ends_sentence and u.reason is None:
            break
        tokens = u.first.tokens
        if u.reason is not None or len(u.lines) > 1 or len(tokens) < 2:
            continue
        extra = len(head.tokens) - len(tokens)
        if head.tokens[:len(tokens)] != tokens:
            continue
        if (extra == 0 and j >= top + 3) or (suffixed and 0 < extra <= SITE_SUFFIX_WORDS):
            found = j
    return found


def _link_lead_in(units: Sequence[_Unit], k: int, runs_matter: bool) -> bool:
    """A short label, a colon and a headline with no final stop: a link to another story.

    Never a row of a fact box or a table (a neighbour of the same "Label: value" shape),
    figures, a question, or a list of names (commas).
    """
    u = units[k]
    if len(u.lines) > 1 or not is_lead_in(u.first):
        return False
    for j in (k - 1, k + 1):
        if 0 <= j < len(units) and units[j].reason is None \
                and (units[j].run == u.run or not runs_matter) \
                and (_LOOSE_LABEL.match(units[j].first.text) or is_figures(units[j].first)):
            return False  # "Stadium: ..." / "Referee: ...", a score: a fact box
    return True


# A menu has at least this many entries in a row (a body list between paragraphs may be
# as long: it is kept by where it stands, see _menu_blocks).
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


def _menu_entry(unit: _Unit) -> bool:
    """A link of a menu: one short line opening with a capital (or a letter of a script
    without case), no digits, no sentence, no list mark, no label."""
    first = unit.first
    text = first.text
    return (unit.reason is None and len(unit.lines) == 1 and unit.shape is Shape.SHORT
            and _opens_like_a_link(text)
            and not unit.row and 1 <= first.words <= MENU_ENTRY_WORDS and first.has_letters
            and not first.is_list_item and not first.is_quote
            and not text.endswith((":", ",", ";")) and not any(ch.isdigit() for ch in text))


def _grouped(units: Sequence[_Unit], k: int, j: int, least: int, runs_matter: bool) -> bool:
    """Whether units k..j-1 hold `least` entries in a row inside one paragraph (a menu's
    group); pairs split by blank lines ("Name" / "Role", ...) are a list of the article's."""
    if not runs_matter:
        return j - k >= least
    longest = streak = 0
    for i in range(k, j):
        streak = streak + 1 if i > k and units[i].run == units[i - 1].run else 1
        longest = max(longest, streak)
    return longest >= least


def _menu_blocks(units: Sequence[_Unit], floor: int, runs_matter: bool) -> None:
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
        while j < len(units) and (_menu_entry(units[j]) or units[j].reason in _MENU_MATES):
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


def _listed_headline(unit: _Unit) -> bool:
    """One line of four to sixteen words that reads like a link or a caption cut short: no
    final stop, no label, not opening with a figure (an ingredient, a quantity, a rank)."""
    first = unit.first
    text = first.text
    return (unit.reason is None and len(unit.lines) == 1 and not unit.row
            and _opens_like_a_link(text.lstrip("\"'“‘«"))
            and HEADLINE_WORDS[0] <= first.words <= HEADLINE_WORDS[1]
            and not first.ends_sentence and not first.is_list_item and not first.is_quote
            and not first.is_table_row and not text.endswith((":", ";")))


def _odd_entry(unit: _Unit) -> bool:
    """One line inside a list of headlines that ends with a stop ("... Honors on Dec.")."""
    first = unit.first
    return (unit.reason is None and len(unit.lines) == 1
            and HEADLINE_WORDS[0] <= first.words <= ODD_ENTRY_WORDS
            and not first.is_quote and _opens_like_a_link(first.text))


def _cut_headline(unit: _Unit) -> bool:
    """A short line cut off with dots: a headline shortened to fit a box of links."""
    first = unit.first
    return (unit.reason is None and len(unit.lines) == 1 and first.words <= 12
            and not first.is_list_item and bool(_CUT.search(first.text)))


def _headline_lists(units: Sequence[_Unit], floor: int, runs_matter: bool) -> None:
    """Blocks of other stories' headlines below the body's first paragraph are related links.

    Four or more headline-like lines in a row (no final stop; one odd line with a stop
    among them) right under boilerplate (a label, a gallery's buttons), or three or more
    cut off with dots anywhere; kept, like a
    menu, when a colon introduces them or they stand between two paragraphs of the body.
    A list that follows the article's own text ("Name, role" lines) is the article's.
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
                    and not _kept_list(units, k, j)):
                # Under a gallery's buttons ("Fullscreen") or a credit the lines are captions.
                head = units[k - 1].reason if k > 0 else None
                reason = Reason.CAPTION if head in (Reason.OTHER, Reason.CAPTION) \
                    else Reason.RELATED
                for i in range(k, j):
                    units[i].reason = reason
            k = j


def _kept_list(units: Sequence[_Unit], k: int, j: int) -> bool:
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


# Only this many of the last content units are tried against the closing patterns.
CLOSING_REACH = 3
# A lead ("About Acme Corp") opens a closing block only this close above its closer.
LEAD_REACH = 4


def _close_page(units: Sequence[_Unit], rules: BoilerplateRules, first_good: int) -> None:
    """After a comment thread's header or a press contact line, everything is boilerplate."""
    if rules.closers is None:
        return
    start = next((k for k in range(first_good + 1, len(units))
                  if len(units[k].lines) == 1 and units[k].first.words <= 12
                  and rules.closers.match(units[k].first.text)), None)
    if start is None:
        return
    if rules.closer_leads is not None:
        start = next((j for j in range(max(first_good + 1, start - LEAD_REACH), start)
                      if rules.closer_leads.match(units[j].first.text)), start)
    for u in units[start:]:
        u.closed = True
        if u.reason is None or u.reason is Reason.BYLINE:  # a commenter's name and date
            u.reason = Reason.OTHER


def _closing_lines(units: Sequence[_Unit], rules: BoilerplateRules, first_good: int) -> None:
    """Author bios and the like, matched only among the last few content units."""
    if rules.closing is None and not rules.cta_words:
        return
    tried = 0
    for k in range(len(units) - 1, first_good, -1):
        u = units[k]
        if u.reason is not None:
            continue
        hit = (rules.closing.match(u.text)
               if rules.closing is not None and u.first.words <= PATTERN_MAX_WORDS else None)
        if hit is not None:
            u.reason = hit[0]
        elif _call_to_action(u, rules):
            u.reason = Reason.PROMO
        tried += 1
        if tried >= CLOSING_REACH:
            return


# A call to action is short: a paragraph of more words is the story.
CTA_MAX_WORDS = 30


def _call_to_action(unit: _Unit, rules: BoilerplateRules) -> bool:
    """Two or more call-to-action words in a short line addressed to the reader."""
    line = unit.joined
    if line.words > CTA_MAX_WORDS or line.is_quote or not rules.cta_words:
        return False
    tokens = set(line.tokens)
    if len(tokens & rules.cta_words) < 2:
        return False
    return bool(tokens & rules.cta_address) or line.tokens[0] in rules.cta_words


def _sign_off(units: Sequence[_Unit], k: int, address: frozenset[str]) -> bool:
    """A closing phrase right after the last paragraph ("Semoga bermanfaat", "Bon appétit").

    Written like a sentence (capital, then lower case), short, without digits, colons or
    separators: not a link (headlines are longer or title-cased), not a label, not a name;
    and alone: a first entry of a footer menu ("About us" / "Contact") has others under it;
    and not addressed to the reader ("All the results for your town" is a link).
    """
    unit = units[k]
    nxt = units[k + 1] if k + 1 < len(units) else None
    if nxt is not None and nxt.run == unit.run and nxt.reason is None:
        return False
    line = unit.first
    text = line.text
    return (len(unit.lines) == 1 and 2 <= line.words <= 6 and not address & set(line.tokens)
            and text[:1].isupper()
            and line.capitalised_share <= 0.5 and not any(ch.isdigit() for ch in text)
            and not any(ch in text for ch in ":|/@#»›>")
            and not text.endswith(("...", "…")))


def _headline_like(unit: _Unit) -> bool:
    """A short line that reads like a link to another story: no full stop at the end."""
    first = unit.first
    return (
        len(unit.lines) == 1
        and not unit.row
        and first.words <= 16
        and not first.is_table_row
        and not is_figures(first)
        and not first.text.endswith((",", ";", ":"))
        and not FULL_STOP.search(first.text)
        and not (first.is_quote and first.text[-1:] in "\"”»")
    )


def _tail_start(units: Sequence[_Unit], floor: int) -> int:
    """Index of the first unit of the trailing zone (boilerplate and link lists)."""
    def listy(j: int) -> bool:
        return 0 <= j < len(units) and units[j].reason is None and (
            units[j].shape is Shape.SHORT or _headline_like(units[j]))

    k = len(units)
    while k > floor:
        u = units[k - 1]
        in_list = _headline_like(u) and (listy(k - 2) or listy(k))
        if u.reason is not None or u.shape is Shape.SHORT or in_list:
            k -= 1
        else:
            break
    return k


def _list_entry(unit: _Unit) -> bool:
    """An entry of a list: one line of up to twelve words, not itself a label."""
    return (len(unit.lines) == 1 and not unit.first.text.endswith(":")
            and (unit.first.words <= 12 or unit.first.is_list_item or is_figures(unit.first)))


def _dated_entry(unit: _Unit) -> bool:
    """A date or time line a byline pattern claimed, standing inside a list."""
    return unit.reason is Reason.BYLINE and bool(CLOCK_OR_DATE.search(unit.first.text)
                                                 or TIME.search(unit.first.text))


def _short_list_at(units: Sequence[_Unit], k: int) -> bool:
    """Unit k is a label of the page's own ("Pros:", "Our advice:", "Profil", "Anugerah")
    over list entries.

    Labels of link boxes ("Read more:", "Baca juga:") are known patterns, so an unknown
    label that opens a list opens content.
    """
    u = units[k]
    return (u.reason is None and len(u.lines) == 1
            and (u.first.text.endswith(":") or is_box_label(u.first))
            and u.first.words <= 8
            and k + 1 < len(units) and units[k + 1].reason is None
            and _list_entry(units[k + 1]))


def _tail_topics(units: Sequence[_Unit], start: int) -> None:
    """Two or more one-to-three-word lines together at the end are a list of topics."""
    k = start
    while k < len(units):
        j = k
        while (j < len(units) and units[j].reason in (Reason.BYLINE, Reason.OTHER, Reason.TAGS)
               and not units[j].closed
               and not (units[j].matched and units[j].reason is not Reason.TAGS)
               and units[j].first.words <= 3 and units[j].run == units[k].run):
            j += 1
        if j - k >= 2:
            for u in units[k:j]:
                u.reason = Reason.TAGS
        k = max(j, k + 1)


def _claim_after_label(units: Sequence[_Unit], k: int, reason: Reason, runs_matter: bool,
                       title_at: int | None) -> None:
    """Give the label's reason to the link or tag lines that follow it, up to a sentence.

    Never the title, and never the lines of a paragraph broken by blank lines (a line
    that starts in lower case, or one that the next line carries on).
    """
    for reach, j in enumerate(range(k + 1, min(len(units), k + 1 + LABEL_REACH))):
        v = units[j]
        if j == title_at:
            return
        if reason is not Reason.TAGS and v.reason is None and (
                v.first.text[:1].islower()
                or (j + 1 < len(units) and units[j + 1].first.text[:1].islower())):
            return
        if v.reason is not None and v.reason is not reason:
            return
        if len(v.lines) > 1 or v.first.words > 20:
            return
        if v.reason is None and (is_figures(v.first) or v.first.is_table_row
                                 or _BARE_TIME.match(v.first.text)
                                 or (v.first.text.endswith(":") and v.first.words >= 3)):
            return  # an entry stamp, a line that opens a list, a row of figures: content
        if (reason is Reason.SHARE and v.reason is None
                and (v.first.words > 2 or any(ch.isdigit() for ch in v.first.text))):
            return  # a share label claims buttons, not text
        if runs_matter and v.run != units[j - 1].run:
            # Across a blank line only a list right after the label (two or more lines).
            nxt = units[j + 1] if j + 1 < len(units) else None
            if reach > 0 or nxt is None or nxt.run != v.run:
                return
        if v.reason is None and FULL_STOP.search(v.first.text) and not v.first.is_list_item:
            return
        if reason is Reason.RELATED and v.first.words < 3 and not v.first.is_list_item:
            return  # a link has a headline; a two-word line after the links is a heading
        v.reason = reason


# What stands in a page's header, under the title (a link box or an advert can stand
# anywhere, so they do not show that the header goes on).
_HEADER_REASONS = {Reason.BYLINE, Reason.SHARE, Reason.CAPTION, Reason.CREDIT,
                   Reason.NAVIGATION}

# Boilerplate that comes in strips (buttons, pager links, tag lists, link lists); an
# advert slot or a repeated caption can sit next to anything, a heading included.
_STRIP_REASONS = {Reason.SHARE, Reason.NAVIGATION, Reason.TAGS, Reason.RELATED, Reason.PROMO}


def _squeezed(u: _Unit, before: _Unit | None, after: _Unit | None, runs_matter: bool) -> bool:
    """A fragment inside one strip of boilerplate: "Kongsi / Facebook / Twitter", "1 / 2"."""
    if before is None or after is None or before.reason is None or after.reason is None:
        return False
    if before.reason not in _STRIP_REASONS or after.reason not in _STRIP_REASONS:
        return False
    if runs_matter and not before.run == u.run == after.run:
        return False
    return before.reason is after.reason or u.first.words <= 2


def _beside_credit(units: Sequence[_Unit], k: int, credits: frozenset[int]) -> bool:
    """A caption over its photo credit; a full sentence under a credit is the story going on.

    `credits` are the units a pattern called captions. A line that opens a list (ends with
    a colon), a "Label: value" row or a row of figures is never a caption.
    """
    u = units[k]
    text = u.first.text
    if (is_figures(u.first) or u.first.is_table_row or text.endswith(":")
            or _LOOSE_LABEL.match(text)):
        return False
    for j in (k + 1, k - 1):
        if (j in credits and units[j].reason is Reason.CAPTION and units[j].run == u.run
                and (j == k + 1 or u.shape is not Shape.GOOD or _credit_heads_caption(units, k))):
            return True
    return False


def _credit_heads_caption(units: Sequence[_Unit], k: int) -> bool:
    """A paragraph of just a credit and then unit k: the credit heads the caption."""
    u = units[k]
    last = k + 1 == len(units) or units[k + 1].run != u.run
    bare = units[k - 1].first.words <= 8 and not FULL_STOP.search(units[k - 1].first.text)
    return last and bare and (k < 2 or units[k - 2].run != u.run)


def _nearest(units: Sequence[_Unit], k: int, step: int) -> _Unit | None:
    j = k + step
    return units[j] if 0 <= j < len(units) else None


def _neighbour_reasons(units: Sequence[_Unit], k: int, *, same_run: bool) -> list[Reason]:
    """Reasons of the boilerplate units right before and after unit k (previous first)."""
    found: list[Reason] = []
    for j in (k - 1, k + 1):
        if 0 <= j < len(units) and units[j].reason is not None:
            if same_run and units[j].run != units[k].run:
                continue
            found.append(units[j].reason)  # type: ignore[arg-type]
    return found
