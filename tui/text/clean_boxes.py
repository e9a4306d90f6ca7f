"""A box of other stories under its own label: cards of headline, date, kicker and summary.

"Editors' Picks" / "How a Network Is Building a Fake Empire" / "12 November 2019" /
"News" / "Hundreds of fake account admins ... begin to tell the story." / next card ...
The label alone names the box; each card's lines are short, and a summary sentence stands
in it only where another card's headline, date or kicker follows it. Two sentences in a
row are the article going on after a box set inside it, and end the box.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from tui.text.clean_tail import dated_entry
from tui.text.line_kinds import COLONS, FULL_STOP, is_lead_in
from tui.text.model import Reason
from tui.text.page import Page, Unit

# A box's label has at most this many words; a card's headline at most HEADLINE_WORDS,
# its summary at most SUMMARY_WORDS, its kicker ("Fact Check", "News") at most KICKER_WORDS.
LABEL_WORDS = 6
HEADLINE_WORDS = 20
SUMMARY_WORDS = 30
KICKER_WORDS = 3
# A heading of the article's own ("Travel disruption") has at most this many words: shorter
# than the headlines of a box.
HEADING_WORDS = 5
# A box holds at most this many cards' lines.
BOX_REACH = 60
# What a card's line may already be marked as (a date is a byline, a headline met twice a
# duplicate, a "Read more" link related).
_CARD_REASONS = (None, Reason.RELATED, Reason.BYLINE, Reason.DUPLICATE)


class Part(Enum):
    """What one line of a card is."""

    HEADLINE = "headline"
    STAMP = "stamp"  # a date or a kicker
    SUMMARY = "summary"


def _part(unit: Unit) -> Part | None:
    """The card part a unit can be, or None when it cannot stand in a box."""
    if len(unit.lines) != 1 or unit.row or unit.reason not in _CARD_REASONS:
        return None
    line = unit.first
    if unit.reason is None and line.text.endswith(COLONS):
        return None  # a lead-in opens a list of the article's own, never a card
    if dated_entry(unit) or (unit.reason is None and line.words <= KICKER_WORDS
                             and not FULL_STOP.search(line.text)):
        return Part.STAMP
    if line.words <= HEADLINE_WORDS and (not FULL_STOP.search(line.text)
                                        or line.text.endswith("?")):
        return Part.HEADLINE
    if line.words <= SUMMARY_WORDS and not line.is_quote and not line.text[:1].islower():
        return Part.SUMMARY
    return None


def _box_label(unit: Unit) -> bool:
    """A related label alone on its line ("Editors' Picks", "More in Minnesota Wild").

    A label with its link's headline after it ("Related post: Pickled Beet Salad") is a
    link of its own, set into the body: it heads no box.
    """
    return (unit.reason is Reason.RELATED and unit.matched and len(unit.lines) == 1
            and unit.first.words <= LABEL_WORDS and not unit.first.text.endswith(":")
            and not is_lead_in(unit.first))


def _box_end(units: Sequence[Unit], k: int, title_at: int | None) -> int:
    """Index after the last card line of the box labelled by unit k."""
    j = k + 1
    end = min(len(units), k + 1 + BOX_REACH)
    while j < end and j != title_at:
        part = _part(units[j])
        if part is None:
            break
        if part is Part.SUMMARY:
            after = _part(units[j + 1]) if j + 1 < len(units) else Part.STAMP
            if after not in (Part.HEADLINE, Part.STAMP):
                break
        j += 1
    # A heading of the article's own, under the box, stands over the body going on.
    if (k + 1 < j < len(units) and units[j].reason is None and units[j - 1].reason is None
            and units[j - 1].first.words <= HEADING_WORDS
            and _part(units[j - 1]) is not Part.SUMMARY):
        j -= 1
    return j


def mark_box_cards(page: Page) -> None:
    """The cards under a box's label, after the title, are related."""
    units = page.units
    title_at = page.title_at
    k = (title_at or 0) + 1
    while k < len(units):
        if not _box_label(units[k]):
            k += 1
            continue
        j = _box_end(units, k, title_at)
        for u in units[k + 1:j]:
            if u.reason is None:
                u.reason = Reason.RELATED
        k = max(j, k + 1)
