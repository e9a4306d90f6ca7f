"""A sponsored block: a label ("Sponsored", "You may like") over headline/advertiser pairs.

Ad networks (Taboola, Outbrain, MSN's own) print each paid link as its headline over the
advertiser's name ("24 Discounts Seniors Are Entitled To" / "iLoveRetirement"), under a
label in the page's language, sometimes with the network's line between ("Ad Microsoft").
The pairs are adverts however the headlines read.
"""

from __future__ import annotations

import re

from tui.text.line import Line
from tui.text.model import Reason
from tui.text.page import Context, Page, Shape, Unit

# The label over a block of paid links, the whole line, in the languages the reader covers.
SPONSOR_LABEL = re.compile(
    r"^(sponsored( (content|links?|stories|posts?|resources))?"
    r"|promoted( (content|links?|stories))?"
    r"|paid (content|links?|posts?)|you (may|might) (also )?like"
    r"|from (our|the) (partners?|advertisers|sponsors)"
    r"|around the web|gesponsert|anzeigen?|sponsoris[ée]s?|contenu sponsoris[ée]"
    r"|patrocinad[oa]s?|contenido patrocinado|conte[úu]do patrocinado|bersponsor"
    r"|konten bersponsor|ditaja|kandungan tajaan)\s*:?$", re.IGNORECASE)
# The network's own line between the label and the pairs: "Ad Microsoft", "Ads by Revcontent".
NETWORK_LINE = re.compile(r"^(ads?|by|powered by|iklan)\b[^.!?]{0,30}$", re.IGNORECASE)
# A block holds at least this many headline/advertiser pairs.
SPONSORED_PAIRS_MIN = 2
HEADLINE_WORDS = (3, 16)
ADVERTISER_WORDS = 4


def _open(unit: Unit) -> bool:
    """A unit no stage has judged (or judged an advert)."""
    return unit.reason in (None, Reason.ADVERT)


def _headline(line: Line) -> bool:
    """A paid link's headline: three to sixteen words, no colon closing it."""
    return HEADLINE_WORDS[0] <= line.words <= HEADLINE_WORDS[1] and not line.text.endswith(":")


def _advertiser(line: Line) -> bool:
    """An advertiser's name: at most four words, no stop, no digit."""
    return (1 <= line.words <= ADVERTISER_WORDS and not line.ends_sentence
            and not line.text.endswith(":") and not any(ch.isdigit() for ch in line.text))


def _pair_at(units: list[Unit], j: int) -> int:
    """How many units the headline/advertiser pair at unit j takes (its two lines wrapped
    into one unit, or one line each), 0 when no pair starts there."""
    u = units[j]
    if not _open(u) or len(u.lines) > 2 or not _headline(u.first):
        return 0
    if len(u.lines) == 2:
        return 1 if _advertiser(u.lines[1]) else 0
    nxt = units[j + 1] if j + 1 < len(units) else None
    ok = nxt is not None and _open(nxt) and len(nxt.lines) == 1 and _advertiser(nxt.first)
    return 2 if ok else 0


def _short_links_end(units: list[Unit], j: int) -> int:
    """The unit after a run of short one-line links from unit j (advertisers' names and their
    resources, "Sophos" / "Sophos Cybersecurity Learning Center"), up to a sentence."""
    while (j < len(units) and _open(units[j]) and len(units[j].lines) == 1
           and units[j].shape is not Shape.GOOD and _link(units[j].first)):
        j += 1
    return j


def _link(line: Line) -> bool:
    """A paid link's text: up to sixteen words, no colon closing it."""
    return 1 <= line.words <= HEADLINE_WORDS[1] and not line.text.endswith(":")


def mark_sponsored_blocks(page: Page, ctx: Context) -> None:
    """Headline/advertiser pairs under a sponsored label are adverts.

    SPONSORED_PAIRS_MIN or more pairs in a row, the network's line allowed between the
    label and them; or, in other orders, twice as many short one-line links.
    """
    units = page.units
    for k, u in enumerate(units):
        if len(u.lines) != 1 or not SPONSOR_LABEL.match(u.first.text):
            continue
        start = k + 1
        if start < len(units) and _open(units[start]) \
                and NETWORK_LINE.match(units[start].first.text):
            start += 1
        end, pairs = start, 0
        while end < len(units) and (step := _pair_at(units, end)):
            end, pairs = end + step, pairs + 1
        if pairs < SPONSORED_PAIRS_MIN:
            end = _short_links_end(units, start)
            if end - start < 2 * SPONSORED_PAIRS_MIN:
                continue
        for v in units[k + 1:end]:
            v.reason = Reason.ADVERT
        if u.reason is None:
            u.reason = Reason.ADVERT
