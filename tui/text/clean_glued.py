"""Other stories' headlines glued to the top of a paragraph, in a text of spaced paragraphs."""

from __future__ import annotations

from collections.abc import Sequence

from tui.text.model import Reason
from tui.text.page import Shape, Unit

# A glued headline has this many words at least (a list item or a name has fewer) and at
# most this many (a longer unpunctuated line is a cut sentence).
GLUED_MIN_WORDS = 4
GLUED_MAX_WORDS = 16
# Blank lines separate paragraphs when at least this share of the text's runs hold one unit
SINGLE_RUN_SHARE = 0.7
# among this many runs at least (fewer say nothing of the text's habit).
MIN_RUNS = 4


def glued_headlines(units: Sequence[Unit], first: int, end: int) -> list[int]:
    """The units, between units `first` and `end`, that are link headlines glued to a paragraph.

    Where blank lines set every paragraph apart (and a section heading stands in its own
    paragraph), one or more unpunctuated headline-like lines opening a paragraph that
    follows a finished sentence are what a scraper left of a "related" box: its link
    texts, their line ends kept, the blank under them lost ("DNC prepares to pick its
    next leader" on top of "Last week, ..."). A line ending in a colon, a list item, a
    quote or a short label is never one, nor a line under a paragraph ending in a colon,
    nor any line of a text that wraps its paragraphs.
    """
    runs: dict[int, list[int]] = {}
    for k, u in enumerate(units):
        runs.setdefault(u.run, []).append(k)
    single = sum(len(r) == 1 for r in runs.values())
    if (len(runs) < MIN_RUNS or single < SINGLE_RUN_SHARE * len(runs)
            or any(len(u.lines) > 1 for u in units)):
        return []  # not spaced paragraphs, or hard-wrapped ones (a line may end anywhere)
    out: list[int] = []
    for members in runs.values():
        head = members[0]
        if (not first <= head < end or head == 0 or units[head - 1].run == units[head].run
                or not _finished(units[head - 1])):
            continue
        lead = 0
        while lead < len(members) - 1 and _headline(units[members[lead]]):
            lead += 1
        body = units[members[lead]]
        if lead and body.reason is None and body.shape is Shape.GOOD:
            out.extend(members[:lead])
    return out


def _finished(unit: Unit) -> bool:
    """A sentence of the body, finished (a colon would introduce what follows)."""
    return (unit.reason is None and unit.shape is not Shape.SHORT
            and unit.lines[-1].ends_sentence)


def _headline(unit: Unit) -> bool:
    """One unpunctuated fragment of a headline's length, not a list item, quote or label
    (a long line that reads as prose, such as a verse, is not)."""
    line = unit.first
    return (unit.reason is None and len(unit.lines) == 1 and unit.shape is Shape.SHORT
            and GLUED_MIN_WORDS <= line.words <= GLUED_MAX_WORDS
            and not line.ends_sentence and not line.text.endswith((":", "："))
            and not line.is_list_item and not line.is_quote and line.has_letters)


def mark(units: Sequence[Unit], first: int, end: int) -> None:
    """Mark the glued headlines as related links."""
    for k in glued_headlines(units, first, end):
        units[k].reason = Reason.RELATED
