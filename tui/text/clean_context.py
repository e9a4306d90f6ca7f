"""Neighbourhood tests for the cleaner: a unit judged by the units around it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.text.line import stopword_density
from tui.text.line_kinds import (
    FULL_STOP,
    is_cited_work,
    is_figures,
    is_lead_in,
    looks_like_byline,
)
from tui.text.model import Reason
from tui.text.page import Shape, Unit

# A label ("Related:") claims at most this many following lines.
LABEL_REACH = 15
# Reasons whose bare label claims the short lines after it (the links, the tags).
LABEL_REASONS = {Reason.RELATED, Reason.TAGS, Reason.SHARE, Reason.PROMO}
LOOSE_LABEL = re.compile(r"^[^:]{1,30}:\s+\S")
BARE_TIME = re.compile(r"^\d{1,2}[:.h]\d{2}(\s?([ap]\.?m\.?|uhr|h|wib|wita|wit))?$", re.I)
# A keyword list under a tags label: at least this many comma-separated entries...
KEYWORDS_MIN = 3
# ...of at most this many words each.
KEYWORD_MAX_WORDS = 5

# What stands in a page's header, under the title (a link box or an advert can stand
# anywhere, so they do not show that the header goes on).
HEADER_REASONS = {Reason.BYLINE, Reason.SHARE, Reason.CAPTION, Reason.CREDIT,
                  Reason.NAVIGATION}

# Boilerplate that comes in strips (buttons, pager links, tag lists, link lists); an
# advert slot or a repeated caption can sit next to anything, a heading included.
STRIP_REASONS = {Reason.SHARE, Reason.NAVIGATION, Reason.TAGS, Reason.RELATED, Reason.PROMO}


def is_prose(unit: Unit, stopwords: frozenset[str], trusted: bool) -> bool:
    """An unpunctuated line that still reads like a sentence (a standfirst without a stop)."""
    line = unit.joined
    return (trusted and line.words >= 6 and not looks_like_byline(line)
            and stopword_density(line, stopwords) >= 0.2)


def introduces(units: Sequence[Unit], k: int, runs_matter: bool) -> bool:
    """A label over content that follows it at once ("Key points" over its list)."""
    nxt = units[k + 1] if k + 1 < len(units) else None
    if units[k].first.words > 3 or looks_like_byline(units[k].first):
        return False
    return (nxt is not None and nxt.reason is None
            and (nxt.run == units[k].run or not runs_matter)
            and (nxt.first.is_list_item or nxt.shape is not Shape.SHORT
                 or nxt.first.words >= 6))


def claim_after_label(units: Sequence[Unit], k: int, reason: Reason, runs_matter: bool,
                      title_at: int | None) -> None:
    """Give the label's reason to the link or tag lines that follow it, up to a sentence.

    Never the title, and never the lines of a paragraph broken by blank lines (a line
    that starts in lower case, or one that the next line carries on).
    """
    for reach, j in enumerate(range(k + 1, min(len(units), k + 1 + LABEL_REACH))):
        v = units[j]
        if j == title_at:
            return
        if reason is Reason.TAGS and reach == 0 and v.reason is None and is_keyword_list(v):
            v.reason = reason  # "Tags" / "flood, monsoon, rescue, east coast", however long
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
                                 or BARE_TIME.match(v.first.text) or is_cited_work(v.first)
                                 or (v.first.text.endswith(":") and v.first.words >= 3)):
            return  # an entry stamp, a line that opens a list, a row of figures, a work
            # a source list cites (under "Sources:"): content
        if (reason is Reason.SHARE and v.reason is None
                and (v.first.words > 2 or any(ch.isdigit() for ch in v.first.text))):
            return  # a share label claims buttons, not text
        if runs_matter and v.run != units[j - 1].run:
            # Across a blank line only a list right after the label (two or more lines),
            # or a link box's headlines set one to a paragraph.
            nxt = units[j + 1] if j + 1 < len(units) else None
            if (reach > 0 or nxt is None or nxt.run != v.run) and not (
                    reason is Reason.RELATED and spaced_link(units, k, j)):
                return
        if v.reason is None and FULL_STOP.search(v.first.text) and not v.first.is_list_item:
            return
        if reason is Reason.RELATED and v.first.words < 3 and not v.first.is_list_item:
            return  # a link has a headline; a two-word line after the links is a heading
        v.reason = reason


# A headline in a link box runs to this many words.
LINK_WORDS = 20


def _headline_shaped(unit: Unit) -> bool:
    """One unpunctuated line of 3 to LINK_WORDS words, not yet judged: a link's headline."""
    line = unit.first
    return (unit.reason is None and len(unit.lines) == 1 and 3 <= line.words <= LINK_WORDS
            and not FULL_STOP.search(line.text) and not line.text.endswith(":"))


def spaced_link(units: Sequence[Unit], k: int, j: int) -> bool:
    """Unit j is a headline of label k's link box, whose entries stand one to a paragraph.

    Al Jazeera sets "More:" and its headlines between two paragraphs, each in a paragraph
    of its own: a headline there is a link when the next unit is another headline or the
    one before it is a link the label claimed (one line alone under the label may be
    the body's heading).
    """
    if not _headline_shaped(units[j]):
        return False
    after = j + 1 < len(units) and _headline_shaped(units[j + 1])
    return after or (j - 1 > k and units[j - 1].reason is Reason.RELATED)


def is_keyword_list(unit: Unit) -> bool:
    """One line of short comma-separated entries with no sentence in it (a tag list)."""
    if len(unit.lines) > 1:
        return False
    entries = unit.first.text.split(",")
    return len(entries) >= KEYWORDS_MIN and all(
        0 < len(e.split()) <= KEYWORD_MAX_WORDS and not FULL_STOP.search(e.strip())
        for e in entries)


def squeezed(u: Unit, before: Unit | None, after: Unit | None, runs_matter: bool) -> bool:
    """A fragment inside one strip of boilerplate: "Kongsi / Facebook / Twitter", "1 / 2"."""
    if before is None or after is None or before.reason is None or after.reason is None:
        return False
    if before.reason not in STRIP_REASONS or after.reason not in STRIP_REASONS:
        return False
    if runs_matter and not before.run == u.run == after.run:
        return False
    return before.reason is after.reason or u.first.words <= 2


def beside_credit(units: Sequence[Unit], k: int, credits: frozenset[int]) -> bool:
    """A caption over its photo credit; a full sentence under a credit is the story going on.

    `credits` are the units a pattern called captions. A line that opens a list (ends with
    a colon), a "Label: value" row or a row of figures is never a caption.
    """
    u = units[k]
    text = u.first.text
    if (is_figures(u.first) or u.first.is_table_row or text.endswith(":")
            or LOOSE_LABEL.match(text)):
        return False
    for j in (k + 1, k - 1):
        if (j in credits and units[j].reason is Reason.CAPTION and units[j].run == u.run
                and (j == k + 1 or u.shape is not Shape.GOOD or _credit_heads_caption(units, k))):
            return True
    return False


def _credit_heads_caption(units: Sequence[Unit], k: int) -> bool:
    """A paragraph of just a credit and then unit k: the credit heads the caption."""
    u = units[k]
    last = k + 1 == len(units) or units[k + 1].run != u.run
    bare = units[k - 1].first.words <= 8 and not FULL_STOP.search(units[k - 1].first.text)
    return last and bare and (k < 2 or units[k - 2].run != u.run)


def nearest(units: Sequence[Unit], k: int, step: int) -> Unit | None:
    """The unit `step` places from unit k, or None past either end."""
    j = k + step
    return units[j] if 0 <= j < len(units) else None


def neighbour_reasons(units: Sequence[Unit], k: int, *, same_run: bool) -> list[Reason]:
    """Reasons of the boilerplate units right before and after unit k (previous first)."""
    found: list[Reason] = []
    for j in (k - 1, k + 1):
        if 0 <= j < len(units) and units[j].reason is not None:
            if same_run and units[j].run != units[k].run:
                continue
            found.append(units[j].reason)  # type: ignore[arg-type]
    return found


def link_lead_in(units: Sequence[Unit], k: int, runs_matter: bool) -> bool:
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
                and (LOOSE_LABEL.match(units[j].first.text) or is_figures(units[j].first)):
            return False  # "Stadium: ..." / "Referee: ...", a score: a fact box
    return True
