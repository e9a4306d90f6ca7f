"""A video embed printed as its headline, then the same headline with its running time.

CNN's players leave "Sanders booed after voicing support for Clinton" and, under it,
"Sanders booed after voicing support for Clinton 01:18": the pair is a link to another
story (related), not the article's text nor a photo caption; a heading beside it is
not a caption either.
"""

from __future__ import annotations

import re

from tui.text.model import Reason
from tui.text.page import Context, Page, Unit

# A player's running time closing a line: "01:18", "2:06", "1:02:03" (one token, matched whole).
RUNNING_TIME = re.compile(r"(\d{1,2}:)?\d{1,2}:[0-5]\d")


def _without_running_time(text: str) -> str | None:
    """The text before its closing running time, or None when it does not end in one."""
    head, _, last = text.rpartition(" ")
    return head.rstrip() if head and RUNNING_TIME.fullmatch(last) else None


# A player's line around the headline ("Play <headline> Facebook Twitter Embed") holds at
# most this many words besides it.
PLAYER_WORDS = 8


def _embeds(above: Unit, head: str | None) -> bool:
    """The line above is the headline itself, or the player's line holding it among a few
    words of buttons ("Play Could Ellison be the next DNC chair? Facebook Twitter Embed",
    which a pattern may have taken for share buttons already)."""
    text = above.first.text
    if head is None or len(above.lines) != 1 or len(head.split()) < 3:
        return False
    if text == head:
        return above.reason is None
    return (above.reason is None or above.matched) and head in text \
        and above.first.words <= len(head.split()) + PLAYER_WORDS


def mark_video_embeds(page: Page, ctx: Context) -> None:
    """A line followed by itself plus a running time: both are a video embed's link.

    So is a player's line holding the headline among its buttons, over the timed copy.
    """
    units = page.units
    for k in range(len(units) - 1):
        above, below = units[k], units[k + 1]
        if len(below.lines) != 1 or below.reason not in (None, Reason.CAPTION):
            continue
        if not _embeds(above, _without_running_time(below.first.text)):
            continue
        for u in (above, below):
            u.reason, u.matched, u.label = Reason.RELATED, True, False
