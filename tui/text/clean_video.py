"""A video embed printed as its headline, then the same headline with its running time.

CNN's players leave "Sanders booed after voicing support for Clinton" and, under it,
"Sanders booed after voicing support for Clinton 01:18": the pair is a link to another
story (related), not the article's text nor a photo caption; a heading beside it is
not a caption either.
"""

from __future__ import annotations

import re

from tui.text.model import Reason
from tui.text.page import Context, Page

# A player's running time closing a line: "01:18", "2:06", "1:02:03" (one token, matched whole).
RUNNING_TIME = re.compile(r"(\d{1,2}:)?\d{1,2}:[0-5]\d")


def _without_running_time(text: str) -> str | None:
    """The text before its closing running time, or None when it does not end in one."""
    head, _, last = text.rpartition(" ")
    return head.rstrip() if head and RUNNING_TIME.fullmatch(last) else None


def mark_video_embeds(page: Page, ctx: Context) -> None:
    """A line followed by itself plus a running time: both are a video embed's link."""
    units = page.units
    for k in range(len(units) - 1):
        above, below = units[k], units[k + 1]
        if len(above.lines) != 1 or len(below.lines) != 1:
            continue
        if below.reason not in (None, Reason.CAPTION) or above.reason is not None:
            continue
        if _without_running_time(below.first.text) != above.first.text or above.first.words < 3:
            continue
        for u in (above, below):
            u.reason, u.matched, u.label = Reason.RELATED, True, False
