"""Section headings of the body that the patterns misread: numbered titles, bare labels.

"1. Februari 2012" over a paragraph reads like a date line to the patterns, but two or
more such lines numbered in order from or down to 1, each over body paragraphs, are the
sections of a list article ("Berikut catatannya:" ... "1. Februari 2012" ... "2. November 2016").
Likewise "UP NEXT" over a box of rows and "Sources:" over cited works head the body's
own sections, not a link box or a credit.
"""

from __future__ import annotations

import re

from tui.text.clean_context import LOOSE_LABEL
from tui.text.line_kinds import is_cited_work
from tui.text.model import Reason
from tui.text.page import Context, Page, Shape

# "1. ", "2) ", "(3) ": a section number opening a short line (linear: no nested repeats).
SECTION_NUMBER = re.compile(r"^\(?(\d{1,2})[.)]\s+\S")
# At most this many words in a section title.
SECTION_WORDS = 8
# Reasons a section title's wording may wrongly have drawn from the patterns.
SECTION_MISREAD = frozenset({Reason.BYLINE})


def _section_number(page: Page, k: int) -> int | None:
    """Unit k's section number when it is a short numbered line over a body paragraph."""
    units = page.units
    u = units[k]
    if len(u.lines) != 1 or u.first.words > SECTION_WORDS or k + 1 >= len(units):
        return None
    m = SECTION_NUMBER.match(u.first.text)
    if m is None or u.reason not in SECTION_MISREAD | {None}:
        return None
    body = units[k + 1]
    if body.reason is not None or body.shape is not Shape.GOOD:
        return None
    return int(m.group(1))


def _chains(numbered: list[tuple[int, int]]) -> list[list[int]]:
    """The units of each run of section numbers counting up or down by one, in page order."""
    chains: list[list[int]] = []
    run: list[tuple[int, int]] = []
    for k, n in [*numbered, (-1, -100)]:  # a sentinel no number is one step from
        step = n - run[-1][1] if run else 0
        if run and step in (1, -1) and (len(run) < 2 or step == run[-1][1] - run[-2][1]):
            run.append((k, n))
            continue
        if len(run) >= 2 and min(m for _, m in run) == 1:
            chains.append([j for j, _ in run])
        run = [(k, n)]
    return chains


def keep_numbered_sections(page: Page, ctx: Context) -> None:
    """Numbered lines counting from or down to 1, each over a body paragraph, are content.

    Needs two numbers in a row, one of them 1: a lone numbered date over the lead
    ("17. Februar 2024 von Jana") or two comments' dates a day apart are still dates.
    """
    numbered = [(k, n) for k in range(len(page.units))
                if (n := _section_number(page, k)) is not None]
    for chain in _chains(numbered):
        for k in chain:
            if page.units[k].reason in SECTION_MISREAD:
                page.release(page.units[k])


# Reasons a bare section heading's wording may draw from the patterns: "UP NEXT" (the
# games to come, in a wire sports report) and "Sources:" (a fact check's source list).
HEADING_MISREAD = frozenset({Reason.RELATED, Reason.CREDIT})
# At most this many words in such a heading.
HEADING_WORDS = 3
# It heads at least this many content units in a row.
HEADED_UNITS = 2


def _heads_section(page: Page, k: int) -> bool:
    """Unit k heads "Label: value." rows (a fact box) or, as a credit, cited works.

    A row ends with a full stop: a headline link ("UK weather alert: Plague of ...")
    has none.
    """
    following = page.units[k + 1:k + 1 + HEADED_UNITS]
    if len(following) < HEADED_UNITS or any(v.reason is not None for v in following):
        return False
    if all(LOOSE_LABEL.match(v.first.text) and v.lines[-1].ends_with_stop
           and v.shape is not Shape.SHORT for v in following):
        return True  # "UP NEXT" / "Thunder: Host the Lakers on Friday." / "Lakers: ..."
    return page.units[k].reason is Reason.CREDIT and all(
        is_cited_work(v.first) for v in following)


def keep_section_labels(page: Page, ctx: Context) -> None:
    """A bare related or credit label in the body over a fact box or cited works heads them.

    "UP NEXT" over "Thunder: Host the Lakers on Friday." and "Lakers: ..." (wire sports
    reports), "Sources:" over the dated works a fact check cites: section headings of the
    text. A link box's label ("Read more", "Baca juga:") over a paragraph or a headline
    keeps its reason. Once the page is judged, so that the units under the label have
    their final reasons (a "Label: headline" link is related by then).
    """
    units = page.units
    floor = max(page.first_good, page.title_at if page.title_at is not None else 0)
    for k in range(floor + 1, len(units)):
        u = units[k]
        if (u.matched and u.label and u.reason in HEADING_MISREAD and len(u.lines) == 1
                and u.first.words <= HEADING_WORDS and _heads_section(page, k)):
            page.release(u)
