"""A box of other stories under a label, each headline under an upper-case kicker.

Tabloids print "Most read in world news" over pairs such as "TIME TRAVELLER" /
"Conspiracy theorists say they've spotted Greta Thunberg in 120-year-old pic", even in
the middle of the article; each pair is a link, however much the headline reads like news.
"""

from __future__ import annotations

from tui.text.model import Reason
from tui.text.page import Context, Page, Unit

# A kicker has at most this many words; a headline under it this many words at most.
KICKER_WORDS = 5
HEADLINE_WORDS = (4, 24)
# A box holds at least this many kicker/headline pairs; a label over it this many words.
KICKED_PAIRS_MIN = 2
LABEL_WORDS = 8
# A one-word flag may close a pair ("Warning" under a headline of a grim story).
FLAG_WORDS = 1


def _single(unit: Unit) -> bool:
    """One line no stage has judged."""
    return unit.reason is None and len(unit.lines) == 1


def _kicker(unit: Unit) -> bool:
    """An upper-case kicker of a few words ("RANDY ANDY", "‘NAÏVE AND TRUSTING’")."""
    text = unit.first.text
    return (_single(unit) and unit.first.words <= KICKER_WORDS
            and any(ch.isalpha() for ch in text) and text == text.upper())


def _headline(unit: Unit) -> bool:
    """A link's headline: four to twenty-four words, not closed by a full stop."""
    first = unit.first
    return (_single(unit) and HEADLINE_WORDS[0] <= first.words <= HEADLINE_WORDS[1]
            and not first.text.endswith(".") and not _kicker(unit))


def _pair_end(units: list[Unit], j: int) -> int:
    """The unit after the kicker/headline pair (and its flag) at j; j when none is there."""
    if j + 1 >= len(units) or not _kicker(units[j]) or not _headline(units[j + 1]):
        return j
    end = j + 2
    if (end < len(units) and _single(units[end]) and units[end].run == units[j + 1].run
            and units[end].first.words <= FLAG_WORDS):
        end += 1
    return end


def mark_kicked_headlines(page: Page, ctx: Context) -> None:
    """Kicker/headline pairs right under a related label are other stories' links.

    KICKED_PAIRS_MIN or more pairs in a row, wherever the box stands.
    """
    units = page.units
    for k, u in enumerate(units):
        if (u.reason is not Reason.RELATED or len(u.lines) != 1
                or u.first.words > LABEL_WORDS):
            continue
        end, pairs = k + 1, 0
        while (nxt := _pair_end(units, end)) > end:
            end, pairs = nxt, pairs + 1
        if pairs >= KICKED_PAIRS_MIN:
            for v in units[k + 1:end]:
                v.reason = Reason.RELATED


# A section's kicker printed over three or more cards of other stories ("Business" /
# headline ... "Business" / headline) recurs at least this many times, word for word.
RECURRING_KICKER_MIN = 3
RECURRING_KICKER_WORDS = 2


def _section_kicker(unit: Unit) -> bool:
    """A one- or two-word section name opening with a capital, no stop ("Business")."""
    first = unit.first
    text = first.text
    return (_single(unit) and 1 <= first.words <= RECURRING_KICKER_WORDS
            and text[:1].isupper() and text[-1:].isalpha())


def mark_recurring_kickers(page: Page, ctx: Context) -> None:
    """A section's kicker printed card after card, and the headline under it, are related.

    Wherever the cards stand: RECURRING_KICKER_MIN or more copies, two thirds of them right
    over a headline; a speaker's name over an interview's answers stands over long
    paragraphs instead, and an item every section of the body prints (a meal plan's
    "Workout Supplement" over "Drink during your workout", in `page.fields`) is content.
    """
    units = page.units
    copies: dict[str, list[int]] = {}
    for k, u in enumerate(units):
        if k != page.title_at and _section_kicker(u):
            copies.setdefault(u.first.text, []).append(k)
    for found in copies.values():
        over = [k for k in found if k + 1 < len(units) and _headline(units[k + 1])]
        if (len(found) < RECURRING_KICKER_MIN or 3 * len(over) < 2 * len(found)
                or page.fields.issuperset(found)):
            continue  # too few, or an item each section of the body prints (a field)
        for k in found:
            units[k].reason = Reason.RELATED
        for k in over:
            if k + 1 != page.title_at:
                units[k + 1].reason = Reason.RELATED
