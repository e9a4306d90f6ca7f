"""Quoted posts: a hashtag line inside a quotation is part of what is quoted, not tags.

A social post quoted over several lines ('"Semoga Eyang sehat selalu.' ... '#BJH80andstrong
#panjangumur' ... '#stophoax"') carries its own hashtags; only hashtags outside any open
quotation are the site's topic tags.
"""

from __future__ import annotations

from tui.text.model import Reason
from tui.text.page import Context, Page, Unit

# Quotation marks that open a quotation, and those that close one (the straight mark both).
OPENERS = ('"', "“", "«", "„")
CLOSERS = ('"', "”", "»", "“")
# A quotation left open for more units than this is a stray mark, not a quoted post.
QUOTE_SPAN = 8


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
