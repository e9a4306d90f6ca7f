"""A page's closing parts: a comment thread or press contact block, author bios, calls to action."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.text.boilerplate_rules import PATTERN_MAX_WORDS, BoilerplateRules
from tui.text.bounded_regex import BoundedPattern
from tui.text.model import Reason
from tui.text.page import Shape, Unit

# Only this many of the last content units are tried against the closing patterns.
CLOSING_REACH = 3
# A lead ("About Acme Corp") opens a closing block only this close above its closer.
LEAD_REACH = 4


# A button's neighbours in a strip ("Tweet / Share / Comment", "Sport / Comment / Finance")
# have at most this many words.
BUTTON_WORDS = 3


def close_page(units: Sequence[Unit], rules: BoilerplateRules, first_good: int) -> None:
    """After a comment thread's header or a press contact line, everything is boilerplate."""
    closers = rules.closers
    if closers is None:
        return
    start = next((k for k in range(first_good + 1, len(units))
                  if len(units[k].lines) == 1 and units[k].first.words <= 12
                  and closers.match(units[k].first.text)
                  and not _in_strip(units, k, closers)), None)
    if start is None:
        return
    if _story_resumes(units, start):
        if units[start].reason is None:
            units[start].reason = Reason.OTHER
        return
    if rules.closer_leads is not None:
        start = next((j for j in range(max(first_good + 1, start - LEAD_REACH), start)
                      if rules.closer_leads.match(units[j].first.text)), start)
    for u in units[start:]:
        u.closed = True
        if u.reason is None or u.reason is Reason.BYLINE:  # a commenter's name and date
            u.reason = Reason.OTHER


# Below a comments link, this many long paragraphs with no commenter's name or date line
# among them are the story going on (the link sat in the middle of the article).
RESUME_PARAGRAPHS = 3
RESUME_WORDS = 30
# A commenter's name and date line is short.
COMMENTER_WORDS = 8


def _story_resumes(units: Sequence[Unit], start: int) -> bool:
    """Below the closer at `start`, the article goes on: a long paragraph comes first, at
    least RESUME_PARAGRAPHS long paragraphs follow in all, and no short line with a digit
    (a commenter's name and date) or a byline stands among them. A thread's entries are
    headed by their writer's name and date."""
    rest = units[start + 1:]
    if not rest or rest[0].joined.words < RESUME_WORDS:
        return False
    if any(u.reason is Reason.BYLINE or (u.joined.words <= COMMENTER_WORDS
                                         and any(ch.isdigit() for ch in u.text))
           for u in rest):
        return False
    return sum(u.joined.words >= RESUME_WORDS and u.shape is Shape.GOOD
               for u in rest) >= RESUME_PARAGRAPHS


# A site's copyright footer: "© 2019 Microsoft", "Copyright 2019 BGR Media, LLC" (a year
# after the sign; a photo credit names its photographer, rarely a year).
COPYRIGHT_FOOTER = re.compile(r"^(copyright\s*)?(©|\(c\)|copyright)\s*\d{4}\b", re.IGNORECASE)
FOOTER_WORDS = 12
# Below the footer, a paragraph this long is the article going on, not the page's chrome.
FOOTER_PROSE_WORDS = 30


def close_at_footer(units: Sequence[Unit], first_good: int) -> None:
    """After the site's copyright footer, below the body, everything is boilerplate: the
    widgets a page loads last (a feedback form, "Make X my homepage" steps, a "Like us"
    box). Not when a long paragraph follows it: then the line was a credit in the body."""
    start = next((k for k in range(first_good + 1, len(units))
                  if len(units[k].lines) == 1 and units[k].first.words <= FOOTER_WORDS
                  and COPYRIGHT_FOOTER.match(units[k].first.text)), None)
    if start is None or any(u.joined.words >= FOOTER_PROSE_WORDS for u in units[start + 1:]):
        return
    for u in units[start + 1:]:
        if u.reason is None:
            u.reason = Reason.OTHER


def _in_strip(units: Sequence[Unit], k: int, closers: BoundedPattern) -> bool:
    """Unit k, a bare "Comment(s)" (one word, no count), is a button or a menu entry, not a
    thread's header: a share button stands beside it ("Tweet", "Share", "Print"), or a
    word-only entry on each side ("Sport", "Comment", "Finance"). The article around it
    stays content. A counted header ("0 Comments") or one beside another closer ("Comments"
    over "comments") heads a thread wherever it stands."""
    if units[k].first.words > 1 or any(ch.isdigit() for ch in units[k].first.text):
        return False

    def short(j: int) -> bool:
        u = units[j] if 0 <= j < len(units) else None
        return (u is not None and len(u.lines) == 1 and u.first.words <= BUTTON_WORDS
                and not u.first.ends_sentence and not closers.match(u.first.text))

    def button(j: int) -> bool:
        return short(j) and units[j].reason is Reason.SHARE

    def entry(j: int) -> bool:
        return short(j) and not any(ch.isdigit() for ch in units[j].first.text)

    return (button(k - 1) or button(k + 1) or (entry(k - 1) and entry(k + 1))
            or _printed_again(units, k))


def _printed_again(units: Sequence[Unit], k: int) -> bool:
    """The bare "Comments" at k is printed again below, with a paragraph of the article
    between the two: a link the site sets under each part of the story, not a header."""
    text = units[k].first.text
    for j in range(k + 1, len(units)):
        if units[j].first.text == text:
            return any(u.reason is None and u.shape is Shape.GOOD for u in units[k + 1:j])
    return False


def closing_lines(units: Sequence[Unit], rules: BoilerplateRules, first_good: int) -> None:
    """Author bios and the like, matched only among the last few content units."""
    if rules.closing is None and not rules.cta_words:
        return
    tried = 0
    for k in range(len(units) - 1, first_good, -1):
        u = units[k]
        if u.reason is not None:
            continue
        hit = (rules.closing.match(u.text)
               if rules.closing is not None and u.first.words <= PATTERN_MAX_WORDS else None)
        if hit is not None:
            u.reason = hit[0]
        elif _call_to_action(u, rules):
            u.reason = Reason.PROMO
        tried += 1
        if tried >= CLOSING_REACH:
            return


# A call to action is short: a paragraph of more words is the story.
CTA_MAX_WORDS = 30
# Words pointing back to a thing the story named ("aplikasi itu", "the app in question"):
# after a call-to-action word they make the line a report, not an appeal.
ANAPHORA = frozenset({"itu", "tersebut"})


def _call_to_action(unit: Unit, rules: BoilerplateRules) -> bool:
    """Two or more call-to-action words in a short line addressed to the reader."""
    line = unit.joined
    if line.words > CTA_MAX_WORDS or line.is_quote or not rules.cta_words:
        return False
    tokens = set(line.tokens)
    if len(tokens & rules.cta_words) < 2:
        return False
    if any(word in rules.cta_words and nxt in ANAPHORA
           for word, nxt in zip(line.tokens, line.tokens[1:], strict=False)):
        return False  # "Muat turun aplikasi itu meningkat ...": the story tells of that app
    return bool(tokens & rules.cta_address) or line.tokens[0] in rules.cta_words


# "About Moritz Bachmann", "Sobre Carlos Nadalim", "Tentang Aminah Yusof": a lead word, then
# a name of two or three capitalised words (a company's "About Acme Corp" is the release's).
_CAPITALISED = r"[A-ZÀ-ÞА-ЯЁ][\w'’-]*"
_ABOUT_PERSON = re.compile(
    r"^(?i:about|über|à propos de|acerca de|sobre|tentang|mengenai|informazioni su|over|о|об)"
    rf"\s+({_CAPITALISED}(?:\s{_CAPITALISED}){{1,2}})$")
_COMPANY = frozenset({"inc", "ltd", "llc", "plc", "corp", "gmbh", "ag", "sa", "bhd", "berhad",
                      "tbk", "group", "media", "company"})
# A bio is a paragraph of at most this many words.
BIO_MAX_WORDS = 120


def author_boxes(units: Sequence[Unit], first_good: int) -> None:
    """An "About <Name>" heading over a paragraph that names that person is an author box.

    Below the body's first paragraph: the heading and the bio under it ("Als Inbound Sales
    Manager bildet Moritz Bachmann ...") are boilerplate (`other`), in any language the
    lead words cover. A name that ends in a company's word is a press release's own
    "About" box, which is content.
    """
    for k in range(first_good + 1, len(units) - 1):
        head, bio = units[k], units[k + 1]
        if (head.reason is not None or bio.reason not in (None, Reason.BYLINE, Reason.OTHER)
                or len(head.lines) > 1):
            continue  # a bio a pattern already called a byline keeps that reason
        m = _ABOUT_PERSON.match(head.first.text)
        if m is None or bio.shape is Shape.SHORT or bio.joined.words > BIO_MAX_WORDS:
            continue
        name = tuple(m.group(1).casefold().split())
        words = bio.joined.tokens
        named = any(words[i:i + len(name)] == name for i in range(len(words)))
        if named and name[-1] not in _COMPANY:
            head.reason = Reason.OTHER
            bio.reason = bio.reason or Reason.OTHER
