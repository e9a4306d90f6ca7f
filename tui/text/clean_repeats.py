"""Lines printed twice in one article: which copy is the repeat, and which copies stay.

A line printed again is mostly a repeat (a caption under each photo, a pull quote, a
menu's second copy), yet many copies are the article's own: the same items under each
section of a plan, a lead-in phrase a writer uses twice, a heading and its sister line,
a breadcrumb ending in the headline. mark_repeats decides which copy is the repeat;
mark_pull_quotes finds the quotes set in capitals.
"""

from __future__ import annotations

from collections import Counter

from tui.text import duplicates
from tui.text.line import Line
from tui.text.line_kinds import COLONS, CUT_PIECE, in_capitals
from tui.text.model import Reason
from tui.text.page import Context, Page, Shape, Unit


def mark_repeats(page: Page, ctx: Context) -> None:
    """Lines printed twice: after the title, which is never its own repeat.

    A line recurring over a different paragraph each time is a prompt, not a repeat.

    A copy already judged a caption (it sits on its photo credit) still makes the copy
    right above it a caption; any other judged copy is left as it is. A piece that opens
    with a comma or a semicolon is the middle of a sentence the scraper cut, not a block
    printed twice: it stays. A body sentence restating the standfirst in other words is
    the article's own text, and so is the standfirst (see `_restated_standfirst`).
    """
    units, title_at = page.units, page.title_at
    repeated = duplicates.repeats([u.first for u in units])

    def follows(k: int) -> tuple[str, ...] | None:
        """The words of the content paragraph under line k when that line reads as a prompt."""
        below = units[k + 1] if k + 1 < len(units) else None
        if below is None or below.reason is not None or below.shape is Shape.SHORT \
                or not _prompt_like(units[k].first):
            return None
        return below.first.tokens

    prompts = duplicates.recurring_prompts(repeated, follows)
    sections = _section_copies(page, repeated)
    exact = {pos: orig for pos, orig in repeated.items()  # a field states, never appeals
             if units[pos].first.tokens == units[orig].first.tokens
             and not units[pos].first.text.endswith(("!", "?"))}
    headings = _entry_headings(page)
    page.fields = frozenset(duplicates.recurring_fields(exact, headings))
    prompts |= page.fields
    if page.fields:  # a run of parallel entries: each names itself
        prompts |= duplicates.entry_names(repeated, headings,
                                          [frozenset(u.first.tokens) for u in units])
    page.fields |= sections  # the items each section of a repeated structure prints
    prompts |= sections
    groups = duplicates.copy_groups(repeated)
    entry_fields = {orig for orig, members in groups.items() if _entry_field(page, members)}
    for pos, orig in sorted(repeated.items()):
        u, o = units[pos], units[orig]
        if _breadcrumb_of(page, orig, pos):
            o.reason = Reason.NAVIGATION  # the trail, not the headline it ends in
            continue
        if (u.reason not in (None, Reason.CAPTION) or pos == title_at or u.first.words < 3
                or u.first.is_table_row or pos in prompts or orig in entry_fields
                or u.first.text.startswith(CUT_PIECE)
                or _own_copy(page, orig, pos, repeated, len(groups[orig]))):
            continue
        adjacent = orig == pos - 1 and o.run == u.run
        if (adjacent and o.shape is Shape.GOOD and not o.first.ends_sentence
                and u.first.tokens != o.first.tokens):
            continue  # two long unstopped lines alike, not the same: parallel verses
        # A line printed twice in a row is a caption (both copies), unless it is a
        # sentence: then a paragraph was scraped twice and its first copy is content;
        # but a sentence whose second copy sits on its photo credit is a gallery's
        # caption printed twice (both copies).
        if adjacent and (o.shape is not Shape.GOOD or not o.first.ends_sentence
                         or u.reason is Reason.CAPTION):
            u.reason = Reason.CAPTION
            if o.reason is None and orig != title_at:
                o.reason = Reason.CAPTION
        elif u.reason is None and (_pulled(page, orig, pos) or _highlighted(page, orig, pos)):
            o.reason = Reason.DUPLICATE
        elif u.reason is None and o.reason is None and _on_credit(page, orig) \
                and not _on_credit(page, pos):
            o.reason = Reason.CAPTION  # the photo's caption quotes the paragraph below it
        elif u.reason is None:
            u.reason = Reason.DUPLICATE


def _own_copy(page: Page, orig: int, pos: int, repeated: dict[int, int], copies: int) -> bool:
    """The copy at `pos` (of the line at `orig`, printed `copies` times in all) is the
    article's own text, not a block printed twice: a lead-in, a restatement, a sister
    heading, a fact box's name, a field of a list typed as lines, a sentence cut at a link."""
    return (_menu_lead_in(page, orig, pos) or _restated_standfirst(page, orig, pos, copies)
            or _sister_headings(page, orig, pos) or _heads_a_box(page, orig, pos, repeated)
            or _listed_in_body(page, orig, pos) or _writers_lead_in(page, orig, pos)
            or _introduced(page, pos)
            or (_cut_at_link(page.units[orig]) and _cut_at_link(page.units[pos])))


def _section_copies(page: Page, repeated: dict[int, int]) -> set[int]:
    """Copies filling a repeated structure of sections in the body (a plan printed day by
    day): content (see `duplicates.parallel_sections`). A section may be headed by a short
    unpunctuated line of the body, alone in its unit, that neither repeats nor is repeated."""
    units = page.units
    copied = set(repeated.values())
    top = max(page.first_good, -1 if page.title_at is None else page.title_at + 1)
    heads = [k for k in range(top, len(units)) if k not in repeated and k not in copied
             and units[k].reason is None and units[k].shape is not Shape.GOOD
             and len(units[k].lines) == 1 and not units[k].first.ends_sentence
             and not units[k].first.text.endswith(COLONS)]
    # A copy right under its first copy is a block printed twice; an appeal ("Vote for
    # her on the last page!" under each entrant) is a template's, never an item.
    items = {pos: orig for pos, orig in repeated.items()
             if repeated.get(pos - 1, pos - 1) != orig
             and not units[pos].first.text.endswith(("!", "?"))}
    return duplicates.parallel_sections(items, heads, [u.reason is not None for u in units],
                                        lambda k: units[k].reason is None)


def _entry_headings(page: Page) -> list[int]:
    """Units that may open an entry of a list: a short unpunctuated line alone in its
    paragraph, under the title, over a paragraph of several lines (where blank lines mark
    paragraphs); a page of one-line paragraphs has no such entries."""
    units = page.units
    if not page.runs_matter:
        return []
    size = Counter(u.run for u in units)
    top = page.title_at if page.title_at is not None else -1
    return [k for k, u in enumerate(units[:-1]) if k > top and size[u.run] == 1
            and size[units[k + 1].run] > 1
            and u.reason is None and u.shape is not Shape.GOOD and len(u.lines) == 1
            and not u.first.ends_sentence and not u.first.text.endswith(":")]


def _restated_standfirst(page: Page, orig: int, pos: int, copies: int) -> bool:
    """The first copy is the standfirst right under the headline and the later one a body
    sentence saying it again in other words ("The suspect confessed …" under the title,
    "Webb confessed to the crime …" in the body): a writer's restatement, both content.
    A copy word for word is the scraper printing the standfirst twice, still a repeat,
    unless it stands between two content paragraphs past the first (the standfirst is a
    sentence the story tells again in its place: both content); so is a standfirst set in
    capitals (a pull quote) or printed more than twice (`copies`
    counts the standfirst and its repeats: a template's line, not a writer's restatement).
    """
    o, u = page.units[orig], page.units[pos]
    return (page.title_at is not None and orig == page.title_at + 1 and o.reason is None
            and not page.opens_with_paragraph and copies == 2 and pos > page.first_good
            and not _capitals(o.first.text)
            and (u.first.tokens != o.first.tokens or _between_paragraphs(page, pos)))


def _between_paragraphs(page: Page, k: int) -> bool:
    """Unit k stands between two content paragraphs of the body, past its first one."""
    return page.first_good + 1 < k < len(page.units) - 1 and _flanked(page, k)


def _flanked(page: Page, k: int) -> bool:
    """The units on either side of unit k (which has both) are content paragraphs."""
    return all(page.units[j].reason is None and page.units[j].shape is Shape.GOOD
               for j in (k - 1, k + 1))


# A line naming these is a share strip printed under each entry, not a field of it.
SOCIAL_NAMES = frozenset({"facebook", "twitter", "whatsapp", "pinterest", "linkedin", "telegram",
                          "instagram", "reddit", "tumblr", "email"})
# A sentence cut at a dropped link goes on in lower case for at most this many words.
CUT_TAIL_WORDS = 3


def _cut_at_link(unit: Unit) -> bool:
    """The unit is a sentence cut where a link was dropped ("Hadir dengan lima nominasi (a)"
    / "dalam film"): its first line has no stop and a few words in lower case close it."""
    if len(unit.lines) != 2:
        return False
    first, tail = unit.lines
    return (not first.ends_sentence and tail.text[:1].islower()
            and tail.words <= CUT_TAIL_WORDS and not tail.ends_sentence)


def _entry_field(page: Page, members: list[int]) -> bool:
    """A line and its copies (`members`, the first first) are a field printed under each of
    duplicates.FIELD_ENTRIES or more entries' names, among the body's sentences: each copy
    word for word, short, right under a short line of content (the entry's name; a button
    closing each section stands under its last paragraph instead), with a sentence-long
    paragraph within two units."""
    units = page.units
    first = units[members[0]].first
    if len(members) < duplicates.FIELD_ENTRIES or units[members[0]].shape is Shape.GOOD \
            or SOCIAL_NAMES & set(first.tokens):
        return False

    def field(k: int) -> bool:
        """Copy k stands as a field does."""
        above = units[k - 1] if k > 0 else None
        return (units[k].first.tokens == first.tokens and above is not None
                and above.reason is None and above.shape is not Shape.GOOD
                and above.first.tokens != first.tokens
                and any(0 <= j < len(units) and units[j].reason is None
                        and units[j].shape is Shape.GOOD for j in range(k - 2, k + 3)))

    return all(field(k) for k in members)


def _menu_lead_in(page: Page, orig: int, pos: int) -> bool:
    """The copy is a lead-in of the body ("Dare to Play 3:" over a list of the game's
    features) whose first copy was a menu item: it names what follows, it repeats nothing."""
    units = page.units
    return (page.is_bad(orig) and units[pos].first.text.endswith(COLONS)
            and pos + 1 < len(units) and not page.is_bad(pos + 1))


def _listed_in_body(page: Page, orig: int, pos: int) -> bool:
    """Both copies are lines inside paragraphs of the body, each between two lines of
    content of its own paragraph, different ones ("FOX NEWS INTERVIEW, SEPT. 15." under
    two claims of a list of quotes, each over its correction): a field of a list typed as
    lines, not a block printed twice, which stands as a paragraph of its own."""
    units = page.units
    if not page.runs_matter or pos - orig < 3 or pos + 1 >= len(units):
        return False

    def inside(k: int) -> bool:
        return k > 0 and all(units[j].run == units[k].run and units[j].reason is None
                             and units[j].shape is not Shape.SHORT for j in (k - 1, k + 1))

    return (inside(orig) and inside(pos)
            and units[orig - 1].first.tokens != units[pos - 1].first.tokens
            and units[orig + 1].first.tokens != units[pos + 1].first.tokens)


# How a writer's phrase leads into the paragraph under it ("Here's the thing:").
LEAD_ENDS = (*COLONS, "…", "...")


def _writers_lead_in(page: Page, orig: int, pos: int) -> bool:
    """Both copies lead into the paragraph under them ("Here's the thing …", later "Here's
    the thing:"), each between two paragraphs of content, over a different paragraph: a
    phrase the writer uses twice, not a block printed twice."""
    units = page.units

    def leads(k: int) -> bool:
        return (0 < k < len(units) - 1 and units[k].first.text.endswith(LEAD_ENDS)
                and all(units[j].reason is None and units[j].shape is not Shape.SHORT
                        for j in (k - 1, k + 1))
                and units[k + 1].shape is Shape.GOOD)

    return (pos > page.first_good and leads(orig) and leads(pos)
            and units[orig + 1].first.tokens != units[pos + 1].first.tokens)


def _introduced(page: Page, pos: int) -> bool:
    """The copy stands right under a sentence of the body that ends with a colon and
    repeats nothing ("Download it here so you can apply this to your business:"): the
    line it introduces, the writer's, not a block printed twice."""
    units = page.units
    above = units[pos - 1] if pos > page.first_good else None
    return (above is not None and above.reason is None and above.shape is not Shape.SHORT
            and above.lines[-1].text.endswith(":") and above.first.words >= 5)


def _on_credit(page: Page, k: int) -> bool:
    """Unit k stands right over a photo credit a pattern found ("Photo by X/Getty Images")."""
    units = page.units
    below = units[k + 1] if k + 1 < len(units) else None
    return below is not None and below.matched and below.reason in (Reason.CAPTION,
                                                                     Reason.CREDIT)


def _pulled(page: Page, orig: int, pos: int) -> bool:
    """The first copy of a body sentence is a pull quote set in capitals ("SINCE I SIGNED
    …" above "Since I signed …," he said): the capitals are the repeat, not the body."""
    o, u = page.units[orig].first, page.units[pos].first
    if page.units[orig].reason is not None or orig == page.title_at or pos < page.first_good:
        return False
    return _capitals(o.text) and not _capitals(u.text)


# The first step of a breadcrumb trail whose separators the scraper dropped.
BREADCRUMB_ROOTS = frozenset({"home", "startseite", "beranda", "inicio", "accueil"})
# A trail names at most this many sections between its root and the headline, and
# stands at most this many units above the headline (a notice, a category line between).
BREADCRUMB_STEPS = 4
BREADCRUMB_GAP = 4


def _breadcrumb_of(page: Page, orig: int, pos: int) -> bool:
    """The first copy is a breadcrumb trail ending in the headline ("Home Holidays
    Homemade Pear Jam" over "Homemade Pear Jam"): above the body, the trail's root and a
    few sections, then every word of the later copy, which is the headline, not a repeat;
    the trail stands above the body's first paragraph and a few lines over the headline."""
    o, u = page.units[orig].first, page.units[pos].first
    extra = len(o.tokens) - len(u.tokens)
    return (orig < page.first_good and 0 < pos - orig <= BREADCRUMB_GAP
            and page.units[orig].reason is None
            and page.units[pos].reason is None and len(page.units[orig].lines) == 1
            and 1 < extra <= BREADCRUMB_STEPS + 1 and o.tokens[0] in BREADCRUMB_ROOTS
            and o.tokens[extra:] == u.tokens and u.words >= 3)


def _heads_a_box(page: Page, orig: int, pos: int, repeated: dict[int, int]) -> bool:
    """The later copy rewords the first (a near copy, not word for word) and opens a block
    of lines printed without blank lines between them, whose next line is content printed
    once: the name heading a fact box ("Riverside Theatre Winter Series" over the show's
    dates and prices), after the body's first paragraph, not a repeat. A copy in capitals
    is a pull quote's (see `_pulled`)."""
    units = page.units
    u = units[pos]
    nxt = units[pos + 1] if pos + 1 < len(units) else None
    return (page.runs_matter and pos > page.first_good
            and u.first.tokens != units[orig].first.tokens
            and not _capitals(units[orig].first.text) and not _capitals(u.first.text)
            and (pos == 0 or units[pos - 1].run != u.run)
            and nxt is not None and nxt.run == u.run and nxt.reason is None
            and pos + 1 not in repeated and pos + 1 not in repeated.values())


def _sister_headings(page: Page, orig: int, pos: int) -> bool:
    """A section heading set in capitals and a later short line sharing most of its words
    ("MAKING SPICED PEAR JAM" over a section, then the recipe card's "Spiced Pear Jam"):
    two headings of the article's own, in the body, neither printed twice. A pull quote
    in capitals repeats a sentence of the body instead (see `_pulled`)."""
    o, u = page.units[orig], page.units[pos]
    return (orig > page.first_good and o.reason is None and u.reason is None
            and o.shape is Shape.SHORT and u.shape is Shape.SHORT
            and len(o.lines) == 1 and len(u.lines) == 1
            and o.first.tokens != u.first.tokens
            and _capitals(o.first.text) and not _capitals(u.first.text))


def _highlighted(page: Page, orig: int, pos: int) -> bool:
    """The first copy is a summary line set over the body ("Highlights" / a sentence of the
    story) and the later one that sentence in its place among the body's paragraphs: the
    summary is the repeat, the body keeps its sentence. The first copy is a sentence (a
    headline printed again is not a summary) in the header (below the line under the
    title, at most at the body's first paragraph), the later one between two content
    paragraphs."""
    units = page.units
    if (page.title_at is None or not page.title_at + 1 < orig <= page.first_good
            or units[orig].reason is not None or not units[orig].first.ends_sentence
            or not page.first_good < pos < len(units) - 1):
        return False
    return _flanked(page, pos)


# A pull quote set in capitals has at least this many letters.
QUOTE_CAPITALS = 12


def _capitals(text: str) -> bool:
    """Every letter of the line is a capital (a pull quote set in capitals)."""
    return in_capitals(text, QUOTE_CAPITALS)


def _prompt_like(line: Line) -> bool:
    """A line that can be a prompt: ends a sentence or a question, or opens a field (":")."""
    return line.ends_sentence or line.text.endswith(COLONS)


def mark_pull_quotes(page: Page, ctx: Context) -> None:
    """A sentence of a paragraph printed again on its own (a pull quote) is a duplicate.

    Whichever copy comes first: the paragraph is the article's text, the lone copy a
    teaser set into it. Never the title.
    """
    units = page.units
    for pos in duplicates.pull_quotes([u.lines for u in units]):
        if units[pos].reason is None and pos != page.title_at:
            units[pos].reason = Reason.DUPLICATE
