"""Quoted posts: a hashtag line inside a quotation is part of what is quoted, not tags,
and an embedded post's author line and time stamp are part of the post.

A social post quoted over several lines ('"Semoga Eyang sehat selalu.' ... '#BJH80andstrong
#panjangumur' ... '#stophoax"') carries its own hashtags; only hashtags outside any open
quotation are the site's topic tags.
"""

from __future__ import annotations

import re

from tui.text.model import Reason
from tui.text.page import Context, Page, Unit

# Quotation marks that open a quotation, and those that close one (the straight mark both).
OPENERS = ('"', "“", "«", "„")
CLOSERS = ('"', "”", "»", "“")
# A quotation left open for more units than this is a stray mark, not a quoted post.
QUOTE_SPAN = 8
# An embedded post's author line ("Jane Doe ? @janedoe") has at most this many words, and
# the post's text under it runs over at most POST_UNITS units before its time stamp.
AUTHOR_WORDS = 8
POST_UNITS = 3
# The time stamp an embedded post prints under its text: "9:53 PM - 26 Dec 2016".
POST_STAMP = re.compile(
    r"^\d{1,2}[:.]\d{2}(\s?[ap]\.?m\.?)?\s[-–·]\s(\d{1,2}\s\w{3,9}\.?|\w{3,9}\.?\s\d{1,2},?)"
    r"\s\d{4}$", re.IGNORECASE)


def _opens(text: str) -> bool:
    """The text opens a quotation it does not close."""
    if not text.startswith(OPENERS):
        return False
    if text[0] == '"':
        return text.count('"') % 2 == 1
    closer = {"“": "”", "«": "»", "„": "“"}[text[0]]
    return text.count(closer) < text.count(text[0])


def _closes(text: str) -> bool:
    """The text holds a closing quotation mark."""
    return any(ch in text for ch in CLOSERS)


def _quoted_span(units: list[Unit], k: int) -> int | None:
    """The index of the unit that closes the quotation unit k opens, within QUOTE_SPAN."""
    for j in range(k + 1, min(len(units), k + 1 + QUOTE_SPAN)):
        if _closes(units[j].text):
            return j
    return None


def keep_quoted_hashtags(page: Page, ctx: Context) -> None:
    """Hashtag lines between a quotation's opening and closing marks stay content."""
    units = page.units
    k = 0
    while k < len(units):
        end = _quoted_span(units, k) if _opens(units[k].text) else None
        if end is None:
            k += 1
            continue
        for u in units[k + 1:end]:
            if u.reason is Reason.TAGS and u.matched and u.first.text.startswith("#"):
                page.release(u)
        k = end + 1


def _author_line(unit: Unit) -> bool:
    """A short line ending with a handle: an embedded post's author ("Name ? @handle")."""
    words = unit.text.split()
    return (len(unit.lines) == 1 and 2 <= len(words) <= AUTHOR_WORDS
            and words[-1].strip("()").startswith("@") and len(words[-1].strip("()@")) > 0)


def _stamp_after(units: list[Unit], k: int) -> int | None:
    """The index of the post's time stamp under author line k, its text in between."""
    for j in range(k + 2, min(len(units), k + 2 + POST_UNITS)):
        if POST_STAMP.match(units[j].text.strip()):
            return j
    return None


def keep_embedded_posts(page: Page, ctx: Context) -> None:
    """An embedded post's author line and time stamp stay content, as the post does.

    The post (author line with a handle, its text, its time stamp) is quoted as evidence:
    its author line printed again over a second post is no duplicate, its stamp no
    byline; the widget's follow button and counts are share patterns.
    """
    units = page.units
    for k, u in enumerate(units):
        if not _author_line(u):
            continue
        stamp = _stamp_after(units, k)
        if stamp is None or any(page.is_bad(i) for i in range(k + 1, stamp)):
            continue
        for unit in (u, units[stamp]):
            if unit.reason in (Reason.DUPLICATE, Reason.BYLINE):
                page.release(unit)
