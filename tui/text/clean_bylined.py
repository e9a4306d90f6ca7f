"""A list of other stories, each headline over its byline and time stamp.

News sites print their latest stories as "11 dead in Israeli strike on Syria - reports" /
"By REUTERS" / "11/20/2019 09:39 AM", story after story: the article's own header has one
headline over one byline, never a run of them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.text.line_kinds import CLOCK_OR_DATE, ends_as_headline, looks_like_byline
from tui.text.model import Reason
from tui.text.page import Unit

# A list holds at least this many bylined headlines in a row; each byline at most this many
# lines (a name, a time stamp).
BYLINED_MIN = 3
BYLINE_LINES = 3
HEADLINE_WORDS = (4, 20)
# A teaser's summary under its byline has at most this many words.
SUMMARY_WORDS = 60
_HEADLINE_REASONS = (None, Reason.RELATED, Reason.DUPLICATE)
# A date in a stamp: a year, or day and month in figures.
DATED = re.compile(r"\b(19|20)\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b")


def _headline(unit: Unit) -> bool:
    """A headline: one line of four to twenty words with no full stop closing it (not a
    pattern's label)."""
    first = unit.first
    return (len(unit.lines) == 1 and unit.reason in _HEADLINE_REASONS and not unit.matched
            and HEADLINE_WORDS[0] <= first.words <= HEADLINE_WORDS[1]
            and ends_as_headline(first)
            and not looks_like_byline(first))


def _byline(unit: Unit) -> bool:
    """A story's byline or time stamp: a name line ("By REUTERS") or a date and time."""
    first = unit.first
    return len(unit.lines) == 1 and unit.reason in (None, Reason.BYLINE, Reason.CAPTION) \
        and (looks_like_byline(first) or bool(CLOCK_OR_DATE.search(first.text))) \
        and first.words <= 8


def _stamped(unit: Unit) -> bool:
    """A line holding a date (a year, "11/20/2019"): what a list of people ("Name" / "role")
    lacks, and a live blog's bare clock times ("10:40") too."""
    return bool(DATED.search(unit.first.text))


def _entry_end(units: Sequence[Unit], k: int, summary: bool = True) -> int:
    """The unit after the bylined headline at k (its byline lines, one with a date or a
    time, and a one-line summary where the next entry follows it), k when none is there."""
    if not _headline(units[k]):
        return k
    j = k + 1
    while j < len(units) and j - k <= BYLINE_LINES and _byline(units[j]):
        j += 1
    if not any(_stamped(units[i]) for i in range(k + 1, j)):
        return k
    if (summary and j + 1 < len(units) and _summary(units[j])
            and _entry_end(units, j + 1, summary=False) > j + 1):
        j += 1
    return j


def _summary(unit: Unit) -> bool:
    """A teaser's summary under its byline: one line of content, a sentence or two."""
    return (len(unit.lines) == 1 and unit.reason is None and not _headline(unit)
            and unit.first.words <= SUMMARY_WORDS)


def bylined_teasers(units: Sequence[Unit], title_at: int | None) -> None:
    """BYLINED_MIN or more headlines in a row, each over its byline and time stamp (or
    under it), are other stories' links (related), anywhere but the title."""
    k = 0
    while k < len(units):
        j, entries = k, 0
        while j < len(units) and j != title_at and (nxt := _entry_end(units, j)) > j:
            j, entries = nxt, entries + 1
        if entries >= BYLINED_MIN:
            start = k
            if k > 0 and k - 1 != title_at and _byline(units[k - 1]):
                # The stamps stand above their headlines: the list starts one line up and
                # ends with the headline under the last stamp.
                start -= 1
                j += int(j < len(units) and j != title_at and _headline(units[j]))
            for u in units[start:j]:
                u.reason = Reason.RELATED
        k = max(j, k + 1)
