"""The cleaner's stages, in order: classify each unit, then revise by where it stands.

Every stage reads and marks one Page; `STAGES` is the order they run in. The first
stages judge lines alone (patterns, shape), the middle ones find the page's zones (the
title, the header under it, the trailing zone) and the last ones revise single units by
their neighbours, in the manner of jusText's classify-then-revise.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from tui.text import budget, duplicates, segment
from tui.text.boilerplate_rules import COPYRIGHT_OPENING, PATTERN_MAX_WORDS
from tui.text.clean_boxes import mark_box_cards
from tui.text.clean_bylined import bylined_teasers
from tui.text.clean_closing import author_boxes, close_at_footer, close_page, closing_lines
from tui.text.clean_context import (
    BARE_TIME,
    HEADER_REASONS,
    LABEL_REASONS,
    LOOSE_LABEL,
    STRIP_REASONS,
    beside_credit,
    claim_after_label,
    introduces,
    is_prose,
    link_lead_in,
    nearest,
    neighbour_reasons,
    squeezed,
)
from tui.text.clean_kickers import mark_kicked_headlines, mark_recurring_kickers
from tui.text.clean_lists import headline_lists, menu_blocks, ranked_links, teaser_runs
from tui.text.clean_quotes import keep_embedded_posts, keep_quoted_hashtags
from tui.text.clean_repeats import mark_pull_quotes, mark_repeats
from tui.text.clean_sections import keep_numbered_sections, keep_section_labels
from tui.text.clean_sidebars import alphabet_indexes, interleaved_teasers, timed_links
from tui.text.clean_sponsored import mark_sponsored_blocks
from tui.text.clean_tail import (
    dated_entry,
    labelled_entry,
    short_list_at,
    sign_off,
    tail_reason,
    tail_start,
    tail_topics,
)
from tui.text.clean_title import (
    field_title,
    headline,
    headline_below_menus,
    page_title_copy,
    printed_again,
)
from tui.text.clean_video import mark_video_embeds
from tui.text.dateline import dateline_match
from tui.text.line import make_line, stopword_density, stopword_language
from tui.text.line_kinds import (
    CLOCK_OR_DATE,
    CUT_PIECE,
    FULL_STOP,
    MENU_SEPARATOR,
    is_button,
    is_figures,
    is_lead_in,
    is_reading,
    label_parts,
    looks_like_byline,
)
from tui.text.model import Reason
from tui.text.page import Context, Page, Shape, Unit

Stage = Callable[[Page, Context], None]


def match_patterns(page: Page, ctx: Context) -> None:
    """Reasons the wording alone gives (config patterns): first, as everything builds on them."""
    for i, ln in page.nonblank.items():
        budget.check()
        if ln.words <= PATTERN_MAX_WORDS and (hit := ctx.rules.match(ln.text)) is not None:
            page.matched[i] = hit
        elif ln.words > PATTERN_MAX_WORDS and COPYRIGHT_OPENING.match(ln.text):
            page.matched[i] = (Reason.LEGAL, False)  # a site's long legal footer


def build_units(page: Page, ctx: Context) -> None:
    """Paragraph units: matched lines and "Label: <headline>" lines alone, wrapped text joined.

    After the patterns, because a matched line is never wrapped with content.
    """
    nonblank, matched = page.nonblank, page.matched
    page.alone = [i in matched or (i in nonblank and is_lead_in(nonblank[i]))
                  for i in range(len(page.lines))]
    for r, run in enumerate(page.runs):
        budget.check()
        for idxs in segment.wrapped(page.lines, run, page.alone):
            unit = Unit([nonblank[i] for i in idxs], r)
            if idxs[0] in matched:
                unit.matched = True
                unit.reason, unit.label = matched[idxs[0]]
                unit.label = unit.label and (
                    unit.reason in LABEL_REASONS or unit.first.text.endswith(":")
                )
            page.units.append(unit)


def shape_units(page: Page, ctx: Context) -> None:
    """Each unit's shape (good, sentence-like, short) once the units and their stoplist exist."""
    stopwords, coverage = stopword_language([u.first for u in page.units])
    page.stopwords, page.trusted = stopwords, coverage >= 0.15
    for u in page.units:
        u.shape = _shape(u, stopwords, page.trusted)


def _shape(unit: Unit, stopwords: frozenset[str], trusted: bool) -> Shape:
    """How a unit reads alone: a long sentence, a short sentence-like line, or a fragment."""
    joined = unit.joined
    first, last = unit.first, unit.lines[-1]
    words = joined.words
    density = stopword_density(joined, stopwords) if trusted else 0.0
    if (last.ends_with_stop and words >= 7) or words >= 30:
        return Shape.GOOD
    if words >= 6 and (m := dateline_match(first.text)) is not None and m.groupdict().get("pub"):
        return Shape.GOOD  # "Semarang (ANTARA) - ...": the body starts here
    if words >= 15 and (joined.has_inner_punctuation or density >= 0.25):
        return Shape.GOOD
    if (
        last.ends_sentence
        or first.is_quote
        or first.is_dialogue
        or first.is_list_item
        or first.is_table_row
        or is_figures(joined)
        or last.text.endswith((",", ";"))
        or (last.text.endswith(":") and words >= 5)
    ):
        return Shape.SENTENCE
    return Shape.SHORT


def weigh_blank_lines(page: Page, ctx: Context) -> None:
    """Whether blank lines mark paragraphs: before any stage that groups units by run.

    They do only where some paragraphs have several lines; a text with a blank after every
    line (or none at all) says nothing by them.
    """
    runs = page.runs
    page.runs_matter = len(runs) >= 3 and sum(len(r) > 1 for r in runs) >= 2


def mark_rows(page: Page, ctx: Context) -> None:
    """Fact-box rows ("Gred A: RM0.45") read as sentences: revised before any stage judges by shape.

    Two or more "Label: value" lines together are content, wherever they stand (together
    across a blank line only where blank lines carry no meaning). A time stamp in the
    header ("Stand: 22.07.2024 06:15 Uhr") is no row.
    """
    units = page.units
    opening = next((k for k, u in enumerate(units) if u.shape is Shape.GOOD), len(units))
    rows = [u.reason is None and len(u.lines) == 1 and bool(LOOSE_LABEL.match(u.first.text))
            and not (k < opening and u.first.words <= 8 and CLOCK_OR_DATE.search(u.first.text))
            for k, u in enumerate(units)]

    def row_mate(j: int, k: int) -> bool:
        """Unit j is a row beside row k, in its paragraph where paragraphs count."""
        return 0 <= j < len(units) and rows[j] and (
            units[j].run == units[k].run or not page.runs_matter)

    for k, u in enumerate(units):
        if rows[k] and (row_mate(k - 1, k) or row_mate(k + 1, k)):
            u.row = True
            if u.shape is Shape.SHORT:
                u.shape = Shape.SENTENCE


def mark_credit_captions(page: Page, ctx: Context) -> None:
    """A caption shares a paragraph with its photo credit: before the title, which it is not.

    Only a line a pattern called a caption passes the label on, so it never spreads down
    a list.
    """
    units = page.units
    page.credits = frozenset(k for k, u in enumerate(units) if u.reason is Reason.CAPTION)
    if page.runs_matter:
        beside = [k for k, u in enumerate(units)
                  if u.reason is None and u.first.words <= 40 and not u.first.is_quote
                  and not u.first.is_list_item and beside_credit(units, k, page.credits)]
        for k in beside:
            units[k].reason = Reason.CAPTION
    for k in range(1, len(units)):
        if (units[k].reason is Reason.CAPTION and units[k - 1].reason is None
                and units[k - 1].run == units[k].run and _expanded(units[k - 1], units[k])):
            units[k - 1].reason = Reason.CAPTION  # the caption's full copy over its cut one


# A caption shown whole ends with a toggle that folds it, its cut copy with one that opens it.
_FOLD, _OPEN = " less", " more"


def _expanded(full: Unit, cut: Unit) -> bool:
    """`full` is a caption printed whole with its "less" toggle and `cut` the same caption
    cut short with its "more" toggle ("… (AP Photo/Jo Roe) less" / "… The mayor... more")."""
    whole, short = full.text, cut.text
    if not (whole.endswith(_FOLD) and short.endswith(_OPEN)):
        return False
    head = short[:-len(_OPEN)].rstrip(".… ")
    return len(head.split()) >= 5 and whole.startswith(head)


def find_title(page: Page, ctx: Context) -> None:
    """The title and the first paragraph under it: every zone judged later is bounded by them.

    The record's own title where a top line restates it, else the page's headline (the
    copy under a browser title, which is then a duplicate).
    """
    units = page.units
    page.record_title = ctx.title
    page.first_good = page.first_good_after(0)
    if ctx.title:
        page.title_tokens = frozenset(make_line(0, ctx.title).tokens)
        title_at = field_title(page)
    else:
        # A browser title a pattern took for a menu ("Headline | Site | F1 | Indy") is
        # still the page's first line, and its copy under the menus the headline.
        title_at = headline(page)
        top = 0 if units and units[0].reason in (None, Reason.NAVIGATION) else title_at
        if top is not None and (later := page_title_copy(units, top, page.first_good)):
            units[top].reason = Reason.DUPLICATE
            title_at = later
        if title_at is not None:
            page.title_tokens = frozenset(units[title_at].first.tokens)
    page.title_at = title_at
    # When the text opens with its first paragraph there is no header zone to clean.
    page.opens_with_paragraph = title_at is not None and (
        len(units[title_at].lines) > 1 or units[title_at].first.words > 30
        or bool(FULL_STOP.search(units[title_at].first.text)))
    if title_at is not None:
        page.first_good = page.first_good_after(title_at + 1)


def mark_title_echoes(page: Page, ctx: Context) -> None:
    """Short lines restating the title: captions above the body, duplicates in it.

    A line ending with a colon over a line of content ("Dare to Play 3:" over the game's
    features) introduces what follows: a lead-in of the body, not an echo.
    """
    units = page.units
    for k, u in enumerate(units):
        if k == page.title_at or page.is_bad(k) or u.shape is Shape.GOOD or len(u.lines) > 1:
            continue
        if u.first.text.endswith(":") and k + 1 < len(units) and not page.is_bad(k + 1):
            continue
        if duplicates.echoes_title(u.first, page.title_tokens):
            u.reason = Reason.CAPTION if k < page.first_good else Reason.DUPLICATE


def claim_after_labels(page: Page, ctx: Context) -> None:
    """A bare label ("Related:") claims the unpunctuated lines after it, up to the title."""
    units = page.units
    for k, u in enumerate(units):
        if u.label and u.reason is not None:
            claim_after_label(units, k, u.reason, page.runs_matter, page.title_at)


def mark_above_title(page: Page, ctx: Context) -> None:
    """Everything above the title is menus, section names, log-in links or reading times.

    A button beside a cookie notice or a share bar belongs to it (a date line has no
    buttons: a word beside it is a menu entry).
    """
    units = page.units
    if page.title_at is None:
        return
    for k in range(page.title_at):
        if not page.is_bad(k):
            beside = [r for r in neighbour_reasons(units, k, same_run=page.runs_matter)
                      if r is not Reason.BYLINE]
            first = units[k].first
            units[k].reason = (
                Reason.OTHER if is_reading(first)
                else Reason.NAVIGATION if len(MENU_SEPARATOR.findall(first.text)) >= 2
                else beside[0] if beside else Reason.NAVIGATION)


def mark_header(page: Page, ctx: Context) -> None:
    """Between the title and the first paragraph: bylines, dates, captions, fragments.

    A standfirst may come before them: then the zone runs to the next paragraph, provided
    a known label (a byline, a share button) shows it is still the header.
    """
    units = page.units
    front = [k for k in _header_fragments(page) if not _section_word(page, k)]
    for k in front:
        if looks_like_byline(units[k].first):
            units[k].reason = Reason.BYLINE
    _mark_banners(page, front)
    for _ in range(2):  # fragments beside header boilerplate share its reason
        for k in front:
            beside = neighbour_reasons(units, k, same_run=page.runs_matter)
            if units[k].reason is None and beside:
                units[k].reason = beside[0]
    for k in front:
        if units[k].reason is None and k < page.first_good:
            units[k].reason = Reason.OTHER


def _section_word(page: Page, k: int) -> bool:
    """A lone word right over a paragraph, under a byline already given, heads a section.

    A byline test takes any capitalised word for a name ("Claim"); the header's author
    stands once, so a single unpunctuated word after the header's byline and something else
    (a caption), directly over a paragraph, is the body's first section heading; right under
    the byline it is the dateline's place ("Brasília").
    """
    units, top = page.units, page.title_at if page.title_at is not None else -1
    u = units[k]
    if (len(u.lines) > 1 or u.first.words != 1 or u.reason is not None
            or FULL_STOP.search(u.first.text) or k + 1 >= len(units)):
        return False
    nxt = units[k + 1]
    return (nxt.shape is Shape.GOOD and nxt.reason is None and nxt.lines[-1].ends_sentence
            and units[k - 1].reason is not Reason.BYLINE
            and any(units[j].reason is Reason.BYLINE for j in range(top + 1, k)))


def _mark_banners(page: Page, front: list[int]) -> None:
    """A button in the header ("Learn More") and the short line over it are a promotion.

    A button's text is capitalised like a name, so the byline test took it for an author
    and a banner above it for a headline; the banner may read like a sentence ("Welcome
    to …"), so it is judged by the button under it, not by the header's fragment test.
    """
    units = page.units
    top = page.title_at if page.title_at is not None else -1
    for k in front:
        if not is_button(units[k].first):
            continue
        units[k].reason = Reason.PROMO
        above = units[k - 1] if k - 1 > top else None
        if (above is not None and above.reason in (None, Reason.BYLINE)
                and above.shape is Shape.SHORT and not FULL_STOP.search(above.first.text)):
            above.reason = Reason.PROMO


def _header_fragments(page: Page) -> list[int]:
    """The short units of the header zone that the header stage may judge."""
    units, title_at, first_good = page.units, page.title_at, page.first_good
    start = (title_at + 1) if title_at is not None else 0
    front_end = first_good
    next_content = next((k for k in range(start, len(units)) if not page.is_bad(k)), None)
    if next_content == first_good:
        second = next((k for k in range(first_good + 1, len(units))
                       if not page.is_bad(k) and units[k].shape is Shape.GOOD), None)
        if second is not None and any(units[k].reason in HEADER_REASONS
                                      for k in range(first_good + 1, second)):
            front_end = second
    # Entry stamps of a live blog ("11:48 PM" over each entry) are part of the entries.
    stamps = sum(1 for u in units if u.reason is None and BARE_TIME.match(u.first.text))
    return [k for k in range(start, front_end)
            if not page.is_bad(k) and units[k].shape is Shape.SHORT
            and not page.opens_with_paragraph
            and not (stamps >= 2 and BARE_TIME.match(units[k].first.text))
            and not is_prose(units[k], page.stopwords, page.trusted)
            and not _sentence_piece(units[k])
            and not introduces(units, k, page.runs_matter)
            and not _heads_figures(page, k)
            and not _standfirst(page, k)]


# A standfirst without its stop has at least this many words, and at most this share of
# them capitalised (a name, a headline in title case, a kicker have more).
STANDFIRST_WORDS = 6
STANDFIRST_CAPITALS = 0.5


def _standfirst(page: Page, k: int) -> bool:
    """Unit k is the standfirst printed right under the title without a full stop ("Home
    side completes late comeback to extend unbeaten run to 15"): a line of words mostly in
    lower case, no name, date or time, however few stopwords it holds."""
    u = page.units[k]
    first = u.first
    return (page.title_at is not None and k == page.title_at + 1 and len(u.lines) == 1
            and first.words >= STANDFIRST_WORDS
            and first.capitalised_share < STANDFIRST_CAPITALS
            and not looks_like_byline(first) and not CLOCK_OR_DATE.search(first.text))


# A results table may sit under this many short headings ("GIRLS BASKETBALL" / "Palm Bay
# d. Rockledge 70-44" / "Rockledge 14 11 6 15 — 44").
TABLE_HEADINGS = 2


def _heads_figures(page: Page, k: int) -> bool:
    """Unit k is one of the short headings right over two rows of figures: the body's table.

    A results roundup or a box score opens under the header with its section heading and
    the game's line over the score rows; a header (bylines, dates, captions) holds no
    table, so the fragments over one are the body's (one row of figures may be an icon's
    name, "Fill 2 Copy 11").
    """
    units = page.units
    j = k + 1
    while (j < len(units) and j - k < TABLE_HEADINGS and not page.is_bad(j)
           and units[j].shape is Shape.SHORT):
        j += 1
    return all(r < len(units) and not page.is_bad(r) and len(units[r].lines) == 1
               and (is_figures(units[r].first) or units[r].first.is_table_row)
               for r in (j, j + 1))


def _sentence_piece(unit: Unit) -> bool:
    """A line opening with a comma: the rest of a sentence cut at a dropped link, content.

    Scrapers that leave out link texts split a sentence around each linked name (" - Polda
    Jatim berharap … pihak " / ", tersangka kasus …"); no header fragment opens that way.
    """
    return unit.first.text.lstrip().startswith(CUT_PIECE) and unit.first.words >= 2


def mark_page_lists(page: Page, ctx: Context) -> None:
    """Menus and section indexes below the body's first paragraph: once the body is found.

    Runs of teasers (headlines each over "1 hour ago"), sidebars of videos and A-Z indexes
    are taken anywhere on the page.
    """
    below = max(page.first_good, page.title_at if page.title_at is not None else 0)
    menu_blocks(page.units, below, page.runs_matter)
    headline_lists(page.units, below, page.runs_matter, page.fields)
    ranked_links(page.units, below)
    teaser_runs(page.units, page.title_at)
    bylined_teasers(page.units, page.title_at)
    timed_links(page.units)
    alphabet_indexes(page.units)


def mark_interleaved_teasers(page: Page, ctx: Context) -> None:
    """Other stories' headlines between the body's paragraphs: once menus and lists are out."""
    interleaved_teasers(page)


def mark_boxes(page: Page, ctx: Context) -> None:
    """Cards of other stories under a box's label: before the tail, which they end."""
    mark_box_cards(page)


def close_the_page(page: Page, ctx: Context) -> None:
    """A comment thread or press contact block runs to the end: before the tail is measured."""
    close_page(page.units, ctx.rules, page.first_good)


def close_at_the_footer(page: Page, ctx: Context) -> None:
    """What the tail left under the site's copyright footer is boilerplate.

    After the tail, whose reasons (links, tags) say more than the footer's.
    """
    close_at_footer(page.units, page.first_good)


def mark_closing_lines(page: Page, ctx: Context) -> None:
    """Author bios and calls to action among the last paragraphs: before the tail is measured."""
    closing_lines(page.units, ctx.rules, page.first_good)
    author_boxes(page.units, page.first_good)


def find_tail(page: Page, ctx: Context) -> None:
    """Where the trailing zone starts: after the last sentence, short lists of our own kept.

    A list right under a paragraph ending with a colon ("Here is what we know:") or under
    a label of the page's own ("Pros:", "Zutaten:") is content, however short its lines
    (link lists have headlines); a date among its entries is the list's, not a byline.
    """
    units = page.units
    tail = tail_start(units, floor=(page.title_at + 1) if page.title_at is not None else 0)
    if (0 < tail < len(units) and page.protected(tail - 1)
            and units[tail - 1].first.text.endswith(":")):
        list_run = units[tail].run
        while tail < len(units) and (not page.is_bad(tail) or dated_entry(units[tail])) and (
                units[tail].run == list_run or not page.runs_matter):
            units[tail].reason = None
            tail += 1
    while tail < len(units) and short_list_at(units, tail):
        tail += 1
        first_entry = tail
        while tail < len(units) and labelled_entry(units[tail]) and (
                not page.is_bad(tail) or dated_entry(units[tail])) and (
                tail == first_entry or not page.runs_matter
                or units[tail].run == units[tail - 1].run):
            units[tail].reason = None
            tail += 1
    page.tail = tail
    page.last = tail - 1 if tail > 0 and any(page.protected(k) for k in range(tail)) else None


def mark_tail(page: Page, ctx: Context) -> None:
    """After the last sentence: link lists, tags, names, stray fragments (a sign-off kept)."""
    units, tail = page.units, page.tail
    if page.last is None:
        return
    for k in range(tail, len(units)):
        if not page.is_bad(k) and not (k == tail and (sign_off(units, k, ctx.rules.cta_address)
                                                     or _closing_lead_in(page, k))):
            units[k].reason = tail_reason(units[k].first)
            units[k].guessed = True
    for k in range(len(units) - 2, tail - 1, -1):
        u, nxt = units[k], units[k + 1]
        if (u.guessed and u.reason in (Reason.BYLINE, Reason.OTHER) and nxt.guessed
                and nxt.reason is Reason.RELATED and nxt.run == u.run):
            u.reason = Reason.RELATED  # the heading of the link list under it
    tail_topics(units, tail)


def _closing_lead_in(page: Page, k: int) -> bool:
    """Unit k, the first of the trailing zone, ends the body's last paragraph with a
    lead-in whose photos or video the text does not hold ("See more photos:", over the
    tags): a line of the writer's, in the paragraph's own run, of a sentence's length."""
    units = page.units
    u = units[k]
    return (page.runs_matter and k > 0 and page.protected(k - 1) and units[k - 1].run == u.run
            and len(u.lines) == 1 and u.first.text.endswith(":") and u.first.words >= 3
            and (k + 1 == len(units) or page.is_bad(k + 1)))


def mark_lead_ins(page: Page, ctx: Context) -> None:
    """In the body, "Jangan lewatkan: <headline>" is a link: once the body's ends are known.

    Lead-ins whose labels form a series ("The Plan Stage: …", "The Build Stage: …", "The
    Implement Stage: …", see `_label_series`) are the body's section headings instead.
    """
    end = page.last if page.last is not None else len(page.units)
    found = [k for k in range(page.first_good + 1, end)
             if not page.is_bad(k) and k != page.title_at
             and link_lead_in(page.units, k, page.runs_matter)]
    series = _label_series(page, found)
    for k in found:
        if k not in series:
            page.units[k].reason = Reason.RELATED


# A series of section labels has at least this many, each of at least SERIES_WORDS words.
SERIES_MIN = 3
SERIES_WORDS = 2


def _label_series(page: Page, found: list[int]) -> set[int]:
    """The lead-ins among `found` whose labels run in a series: SERIES_MIN or more
    different labels, the same words but one in the same place ("The Plan Stage", "The
    Build Stage", "The Implement Stage"). A link's label is the same each time ("Watch
    live:", "Also read:"), not a series."""
    by_shape: dict[tuple[str, ...], dict[str, list[int]]] = {}
    for k in found:
        parts = label_parts(page.units[k].first)
        words = parts[0].casefold().split() if parts else []
        if len(words) < SERIES_WORDS:
            continue
        for at in range(len(words)):
            shape = (*words[:at], "*", *words[at + 1:])
            by_shape.setdefault(shape, {}).setdefault(words[at], []).append(k)
    return {k for labels in by_shape.values() if len(labels) >= SERIES_MIN
            for ks in labels.values() for k in ks}


def revise_body(page: Page, ctx: Context) -> None:
    """Body fragments judged by their neighbours, now that the zones around them are judged.

    A fragment squeezed into a strip of boilerplate, a caption beside its credit, the one
    fragment of a paragraph of boilerplate, a line without letters, a long line without
    a stopword (a menu).
    """
    units = page.units
    end = page.last if page.last is not None else len(units)
    by_run: dict[int, list[int]] = {}
    unjudged: Counter[int] = Counter()
    for k, u in enumerate(units):
        by_run.setdefault(u.run, []).append(k)
        if u.reason is None:
            unjudged[u.run] += 1
    for k in range(page.first_good, end):
        u = units[k]
        if page.is_bad(k) or u.shape is Shape.GOOD:
            continue
        before = nearest(units, k, -1)
        after = nearest(units, k, +1)
        if u.shape is Shape.SHORT and squeezed(u, before, after, page.runs_matter):
            u.reason = before.reason  # type: ignore[union-attr]
            continue
        if (page.runs_matter and not u.first.is_quote and not u.first.is_list_item
                and u.first.words <= 30 and beside_credit(units, k, page.credits)):
            u.reason = Reason.CAPTION
            continue
        if u.shape is Shape.SHORT and unjudged[u.run] == 1 and len(by_run[u.run]) > 1:
            # The only fragment in a paragraph of boilerplate ("Subscribe" / "Read free");
            # an advert slot or a caption glued to a heading does not make it boilerplate.
            mate = next(units[j].reason for j in by_run[u.run] if j != k)
            if mate in STRIP_REASONS:
                u.reason = mate
                continue
        u.reason = _stray_reason(page, u)


def _stray_reason(page: Page, u: Unit) -> Reason | None:
    """A short body line without letters (a page number) or without stopwords (a menu)."""
    if u.shape is Shape.SHORT and not u.first.has_letters:
        return Reason.NAVIGATION if u.first.text.isdigit() else None
    if (u.shape is Shape.SHORT and page.trusted and u.first.words >= 10
            and not u.first.has_inner_punctuation
            and stopword_density(u.first, page.stopwords) < 0.05):
        return Reason.NAVIGATION
    return u.reason


def revise_strips(page: Page, ctx: Context) -> None:
    """A short sentence inside one strip of boilerplate ("Newsletter" / pitch / "Sign up").

    Last, so that both sides of the strip have their final reasons.
    """
    units = page.units
    for k in range(1, len(units) - 1):
        u, before, after = units[k], units[k - 1], units[k + 1]
        if (u.reason is None and len(u.lines) == 1 and u.first.words <= 25
                and before.reason is not None and before.reason is after.reason
                and before.reason in STRIP_REASONS and before.run == u.run == after.run
                and page.runs_matter):
            u.reason = before.reason


def mark_last_stop(page: Page, ctx: Context) -> None:
    """Punctuation alone closing the page under boilerplate takes that line's reason.

    A scraper that dropped a credit's link title leaves its full stop ("Artikel ini telah
    tayang di" / "dengan judul ..." / "."); inside the body such a piece stays content.
    """
    units = page.units
    if len(units) < 2:
        return
    last, before = units[-1], units[-2]
    if (last.reason is None and len(last.lines) == 1 and before.reason is not None
            and not any(ch.isalnum() for ch in last.first.text)):
        last.reason = before.reason


def revise_title(page: Page, ctx: Context) -> None:
    """A whole page's first line gives the title to the headline printed below its menus.

    Once the page is judged (clean_title.headline_below_menus); the first line is then the
    browser title, a duplicate.
    """
    k = headline_below_menus(page)
    if k is not None and (later := printed_again(page, k)) is not None:
        page.units[k].reason = Reason.DUPLICATE  # the sticky header's copy, above the menus
        k = later
    if k is not None:
        page.units[0].reason = Reason.DUPLICATE
        if page.units[k].reason is not None:  # taken for the title's repeat or a fragment
            page.release(page.units[k])
        page.title_at = k
        page.title_tokens = frozenset(page.units[k].first.tokens)
        mark_above_title(page, ctx)  # a notice left between the menus and the headline


STAGES: tuple[Stage, ...] = (
    match_patterns,
    build_units,
    shape_units,
    keep_numbered_sections,
    keep_quoted_hashtags,
    weigh_blank_lines,
    mark_rows,
    mark_video_embeds,
    mark_credit_captions,
    find_title,
    mark_title_echoes,
    mark_repeats,
    keep_embedded_posts,
    mark_pull_quotes,
    claim_after_labels,
    mark_sponsored_blocks,
    mark_kicked_headlines,
    mark_recurring_kickers,
    mark_above_title,
    mark_header,
    mark_page_lists,
    mark_interleaved_teasers,
    mark_boxes,
    close_the_page,
    mark_closing_lines,
    find_tail,
    mark_tail,
    close_at_the_footer,
    mark_lead_ins,
    revise_body,
    revise_strips,
    keep_section_labels,
    revise_title,
    mark_last_stop,
)
