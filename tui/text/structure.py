"""Structure: blocks from lines, the title, section headings, dateline/publisher/credit/author."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import Any
from urllib.parse import urlsplit

from tui.text import duplicates
from tui.text.dateline import dateline_match
from tui.text.line import make_line
from tui.text.line_kinds import in_capitals
from tui.text.model import Block, BlockKind, Meta, Reason
from tui.text.page import Page
from tui.text.segment import runs, wrapped
from tui.text.words import QUESTION_ENDS

_CREDIT_VALUE = re.compile(r"^[^:]{1,25}:\s*(?P<value>.+)$")
_CREDIT_BARE = re.compile(r"^[-–—(\s]*(?P<value>[^()]{2,40}?)[)\s.]*$")
_AUTHOR = re.compile(
    r"^(?:penulis|reporter|pewarta|oleh|by|written by|von|par|por|door|di|author|autor|autora|"
    r"auteur|auteure|wartawan)\b\s*:?\s*(?P<name>[^|,;@\d]{3,60}?)\s*(?:$|[|,;]|\s[-–—]\s)",
    re.IGNORECASE,
)
# Bylines that name a desk rather than a person.
_NOT_NAMES = {"redação", "redacción", "redaksi", "rédaction", "redaktion", "staff", "team",
              "tim redaksi", "da redação", "staff reporter", "agencies", "agências", "agencias",
              "admin", "administrator", "webmaster"}
# A run of this many credit lines in a row is a menu of sections ("- Campaign",
# "- Education", ...), which a credit pattern also matches: no credit is read from it.
CREDIT_RUN = 3
# A date in a stripped line ("Kamis, 7 Maret 2024 | 10:15 WIB", "March 7, 2024",
# "2024-03-07"): bounded tokens, no nested repeats (linear time).
_STRIPPED_DATE = re.compile(
    r"(?:\b[^\W\d]{3,10},\s{0,3})?"
    r"(?:\b\d{1,2}\.?\s{1,3}[^\W\d]{3,12}\.?\s{1,3}(?:19|20)\d\d"
    r"|\b[^\W\d]{3,12}\.?\s{1,3}\d{1,2},?\s{1,3}(?:19|20)\d\d"
    r"|\b(?:19|20)\d\d-\d\d-\d\d|\b\d{1,2}/\d{1,2}/(?:19|20)\d\d)\b"
    r"(?:\s{0,3}[|,\-–]?\s{0,3}(?:pukul\s{1,3})?\d{1,2}[:.]\d\d(?:\s{0,2}[A-Z]{2,4}\b)?)?"
)
_HEADING_END = re.compile(r"[.,;:!…\"”’»)。、，；：！｡।॥۔።။។」』）]$")
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s")
_QUOTED = re.compile(r"^[\"“'‘«„»](.+)[\"”'’»“«]$")
_INNER_STOP = re.compile(r"[,.;:!?、，。；：！？]")
_LABEL_VALUE = re.compile(r":\s*[\d,.]+")


def segment(lines: Sequence[str], reasons: Sequence[Reason | None],
            page: Page | None = None) -> list[Block]:
    """Blocks in source order: each boilerplate line alone, hard-wrapped content joined.

    With the `page` the reasons come from, a run whose lines the cleaner grouped as they
    are grouped now (the same lines alone) takes the cleaner's units as they are.
    """
    alone = [r is not None for r in reasons]
    blocks: list[Block] = []
    if page is None:
        for run in runs(lines):
            _add_blocks(blocks, lines, reasons, wrapped(lines, run, alone))
        return blocks
    for run, units in zip(page.runs, page.run_units(), strict=True):
        if all(alone[i] == page.alone[i] for i in run):
            for u in units:
                blocks.append(_block(u.text, u.first.index, u.lines[-1].index, reasons))
        else:
            _add_blocks(blocks, lines, reasons, wrapped(lines, run, alone))
    return blocks


def _add_blocks(blocks: list[Block], lines: Sequence[str], reasons: Sequence[Reason | None],
                groups: Sequence[Sequence[int]]) -> None:
    """One block per group of line indices (a boilerplate group is always one line)."""
    for unit in groups:
        text = " ".join(lines[i].strip() for i in unit)
        blocks.append(_block(text, unit[0], unit[-1], reasons))


def _block(text: str, first: int, last: int, reasons: Sequence[Reason | None]) -> Block:
    """The block of lines first..last (0-based): boilerplate when its first line has a reason."""
    reason = reasons[first]
    kind = BlockKind.PARAGRAPH if reason is None else BlockKind.BOILERPLATE
    return Block(kind, text, (first + 1, last + 1), reason)


def mark_title(blocks: list[Block], title: str | None, page: Page | None = None) -> str | None:
    """Mark the title block; return the article's title (the record's field wins).

    Without a title field the first content block is the title. With one, the first
    content block is the title block only when it restates the field.
    """
    first = next((b for b in blocks if b.is_content), None)
    if title:
        if first is not None and _restates(first, title, page):
            first.kind = BlockKind.TITLE
        return title
    if first is None:
        return None
    first.kind = BlockKind.TITLE
    return first.text


def _restates(block: Block, title: str, page: Page | None) -> bool:
    """Whether the block restates the record's title.

    Known without a look when the block is the one-line unit the cleaner found restating
    this title; otherwise the words are compared.
    """
    if page is None or page.record_title != title:
        return duplicates.echoes_title(make_line(0, block.text),
                                       frozenset(make_line(0, title).tokens))
    unit = page.title_unit()
    if unit is not None and len(unit.lines) == 1 and block.lines == (unit.first.index + 1,) * 2:
        return True
    return duplicates.echoes_title(make_line(0, block.text), page.title_tokens)


def mark_headings(blocks: list[Block], blank_separated: bool = True) -> None:
    """Turn short title-like lines standing between paragraphs into headings.

    A short question can be a heading ("Wann fahren die ersten Bahnen?"), but not in an
    interview, where many questions stand between the answers; questions set in capitals
    are headings however many.
    """
    content = [b for b in blocks if b.is_content]
    candidates: list[Block] = []
    steps: list[Block] = []  # numbered lines too long or too lower-case for _is_heading
    sentences: list[Block] = []  # numbered lines that end as a sentence does
    for k in range(1, len(content) - 1):
        b, prev, nxt = content[k], content[k - 1], content[k + 1]
        if b.kind is not BlockKind.PARAGRAPH or prev.kind is not BlockKind.PARAGRAPH:
            continue
        if nxt.kind is not BlockKind.PARAGRAPH or b.lines[0] != b.lines[1]:
            continue
        if blank_separated and (prev.lines[1] + 1 >= b.lines[0] or b.lines[1] + 1 >= nxt.lines[0]):
            continue
        if prev.text.endswith(":") and ":" in b.text:
            continue  # "Key dates:" over "1 April: rules take effect": an entry of a list
        if _is_heading(b.text):
            candidates.append(b)
            continue
        if _long_step(b.text):
            steps.append(b)
        if _numbered_sentence(b.text):
            sentences.append(b)
    at = {id(b): k for k, b in enumerate(content)}  # each content block's place
    candidates = _with_steps(candidates, steps, at)
    candidates = _with_numbered_sections(candidates, sentences, at)
    questions = [b for b in candidates
                 if b.text.endswith(QUESTION_ENDS) and not _NUMBERED.match(b.text)]
    # Candidates next to each other are the entries of a list, not two headings in a row;
    # but a section heading right over its first numbered step heads it.
    listed: set[int] = set()
    for b, c in pairwise(candidates):
        if at[id(c)] == at[id(b)] + 1 and not (_step_number(c.text) == 1
                                                and _step_number(b.text) is None):
            listed.update((id(b), id(c)))
    for b in candidates:
        if (b in questions and len(questions) > 2 and not in_capitals(b.text, HEADING_CAPITALS)) \
                or id(b) in listed:
            continue
        b.kind = BlockKind.HEADING


# A numbered step heading runs to this many words ("8. If you have a mortgage, consider
# paying it off"); it takes the heading's place when the steps around it are headings.
STEP_WORDS = 16
# ... in a run of at least this many numbered headings.
STEP_RUN = 3


def _step_number(text: str) -> int | None:
    """The number opening a numbered line ("8. …" -> 8), else None."""
    m = _NUMBERED.match(text)
    return int(text[:m.end()].strip(" .)")) if m else None


def _long_step(text: str) -> bool:
    """A numbered line that may be a step's heading though _is_heading refuses it: at most
    STEP_WORDS words, not ending as a sentence or a label does, no quote."""
    line = make_line(0, text)
    return (_NUMBERED.match(text) is not None and line.words <= STEP_WORDS
            and not _HEADING_END.search(text) and not line.is_quote)


def _in_order(blocks: list[Block], at: dict[int, int]) -> list[Block]:
    """`blocks` in the order they stand in the article (`at`: each block's place)."""
    return sorted(blocks, key=lambda b: at[id(b)])


def _with_steps(candidates: list[Block], steps: list[Block],
                at: dict[int, int]) -> list[Block]:
    """The candidates plus each long numbered step whose number continues the numbered
    headings among them (a how-to's "7. …", "8. …", "9. …"), when STEP_RUN or more are."""
    numbers = {n for b in candidates if (n := _step_number(b.text)) is not None}
    if len(numbers) < STEP_RUN:
        return candidates
    keep = [b for b in steps if (n := _step_number(b.text)) is not None
            and (n - 1 in numbers or n + 1 in numbers)]
    return _in_order([*candidates, *keep], at) if keep else candidates


# A numbered section title that reads as a sentence ("1. The man lies all the time.") runs
# to this many words; it is a heading in a run of NUMBERED_RUN or more numbers counting
# up from 1, each over a paragraph of its own.
NUMBERED_WORDS = 35
NUMBERED_RUN = 3


def _numbered_sentence(text: str) -> bool:
    """A numbered line of at most NUMBERED_WORDS words."""
    return _NUMBERED.match(text) is not None and make_line(0, text).words <= NUMBERED_WORDS


def _with_numbered_sections(candidates: list[Block], sentences: list[Block],
                            at: dict[int, int]) -> list[Block]:
    """The candidates plus the numbered sentences of a run counting up from 1 by one,
    NUMBERED_RUN or more long, no two of its lines next to each other (a paragraph or more
    under each): an essay's numbered sections. A list typed one item a line has its
    items next to each other."""
    if not sentences:
        return candidates
    pool = {id(b): b for b in [*candidates, *sentences] if _step_number(b.text) is not None}
    run: list[Block] = []
    for b in _in_order(list(pool.values()), at):
        n = _step_number(b.text)
        if n == 1:
            run = [b]
        elif run and n == _step_number(run[-1].text) + 1 and at[id(b)] > at[id(run[-1])] + 1:
            run.append(b)
    if len(run) < NUMBERED_RUN:
        return candidates
    keep = {id(b) for b in run} - {id(b) for b in candidates}
    return _in_order([*candidates, *(b for b in sentences if id(b) in keep)], at)


# A wire story's section heading set in capitals ("WHO IS THE FRONT-RUNNER?") has at least
# this many letters; an interview prints its questions in the case of its answers.
HEADING_CAPITALS = 6


def _caseless(ch: str) -> bool:
    """A letter of a script without case (Han, kana, Hangul, Arabic, Thai): it may open a title."""
    return ch.isalpha() and ch.lower() == ch.upper()


def _is_heading(text: str) -> bool:
    line = make_line(0, text)
    if not 1 <= line.words <= 12 or len(text) > 90:
        return False
    quoted = _QUOTED.match(text)
    if quoted:
        # A quoted phrase as a heading ('Like a freight train'), not a quoted sentence.
        inner = quoted.group(1)
        return line.words <= 6 and not _INNER_STOP.search(inner)
    if not (text[0].isupper() or text[0].isdigit() or _caseless(text[0])):
        return False
    if line.is_quote or line.is_dialogue or line.is_table_row:
        return False
    numbered = bool(_NUMBERED.match(text))
    if line.is_list_item and not numbered:
        return False
    numbers = sum(any(ch.isdigit() for ch in t) for t in line.tokens) - numbered
    if numbers >= 2 or _LABEL_VALUE.search(text):
        return False  # "Attendance: 17,102", "1º Palmeiras - 13 pontos": figures, not titles
    if text.endswith(QUESTION_ENDS):
        return line.words <= 10
    if _HEADING_END.search(text):
        return False
    return line.capitalised_share >= 0.5 or line.words <= 8


# How many paragraphs from the top may hold the dateline.
DATELINE_PARAGRAPHS = 3


def _place(raw: str) -> str:
    """A dateline as a reader would write it: JAKARTA -> Jakarta."""
    raw = raw.strip(" ,.")
    return raw.title() if raw.isupper() and len(raw) > 3 else raw


def extract_meta(blocks: Sequence[Block]) -> Meta:
    """Dateline, publisher, credit and author guessed from the blocks."""
    meta = Meta()
    # The lead paragraph carries the dateline; a standfirst or a caption the cleaner kept
    # may stand before it, so the first few paragraphs are tried in order.
    leads = [b for b in blocks if b.kind is BlockKind.PARAGRAPH][:DATELINE_PARAGRAPHS]
    for lead in leads:
        m = dateline_match(lead.text)
        if m is None:
            continue
        groups = m.groupdict()
        if groups.get("place"):
            meta.dateline = _place(groups["place"])
        if groups.get("pub"):
            meta.publisher = groups["pub"].strip()
        break
    meta.date = _stripped_date(blocks)
    in_runs = _credit_runs(blocks)
    for k, b in enumerate(blocks):
        if b.reason is Reason.CREDIT and meta.credit is None and k not in in_runs:
            meta.credit = _credit(b.text)
        elif b.reason is Reason.BYLINE and meta.author is None:
            m = _AUTHOR.match(b.text)
            if m is not None and m.group("name").strip().casefold() not in _NOT_NAMES:
                name = m.group("name").strip()
                meta.author = name.title() if name.isupper() else name
    return meta


def _credit_runs(blocks: Sequence[Block]) -> set[int]:
    """The blocks in runs of at least CREDIT_RUN credit lines in a row (menus, not credits)."""
    found: set[int] = set()
    run: list[int] = []
    for k, b in enumerate([*blocks, None]):
        if b is not None and b.reason is Reason.CREDIT:
            run.append(k)
            continue
        if len(run) >= CREDIT_RUN:
            found.update(run)
        run = []
    return found


def _stripped_date(blocks: Sequence[Block]) -> str | None:
    """The first date in a stripped line above the text (or in a byline): the article's."""
    seen_text = False
    for b in blocks:
        seen_text = seen_text or b.kind is BlockKind.PARAGRAPH
        if b.kind is BlockKind.BOILERPLATE and (not seen_text or b.reason is Reason.BYLINE):
            m = _STRIPPED_DATE.search(b.text[:200])
            if m is not None:
                return m.group().strip()
    return None


# Record fields that name the publisher, in order of preference (keys compared case-blind).
PUBLISHER_FIELDS = ("publisher", "source", "site", "site_name", "sitename", "outlet")


def record_publisher(fields: Mapping[str, Any], url: str | None) -> str | None:
    """The publisher a record names: a publisher/source/site field, else its URL's host."""
    by_key = {str(k).casefold(): v for k, v in fields.items()}
    for key in PUBLISHER_FIELDS:
        value = by_key.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    host = url_host(url)
    return host.removeprefix("www.") if host else None


def url_host(url: str | None) -> str | None:
    """The host name of `url`; None when there is none or the URL cannot be read."""
    if not url:
        return None
    try:
        return urlsplit(url.strip()).hostname
    except ValueError:  # "http://[bad": an unclosed IPv6 address
        return None


# A browser title's separator: " - ", " | ", " — ", " :: "; the site's name follows the last.
_SEPARATOR = re.compile(r"\s(?:[|\-–—·•»]|::)\s")
SITE_NAME_CHARS = 60
_NOT_ALNUM = re.compile(r"[\W_]+")
_HOST_WORDS = frozenset({"www", "m", "amp", "com", "co", "net", "org", "news", "id", "my"})


def without_site_suffix(title: str, url: str | None, publisher: str | None) -> str:
    """`title` without a trailing " - Site" that names the site: its URL's host ("News Nation"
    on newsnation.in) or the publisher, compared without spaces, case or punctuation.

    A browser title taken for the article's title carries the site's name; a suffix that
    names anything else ("… | India", a section) is kept.
    """
    separators = list(_SEPARATOR.finditer(title))
    last = separators[-1] if separators else None
    if last is None or len(title) - last.end() > SITE_NAME_CHARS:
        return title
    suffix = _NOT_ALNUM.sub("", title[last.end():].casefold())
    names = {_NOT_ALNUM.sub("", (publisher or "").casefold())}
    host = url_host(url) or ""
    names.update(label for label in host.split(".") if label not in _HOST_WORDS)
    if len(suffix) >= 4 and any(len(name) >= 4 and (suffix in name or name in suffix)
                                for name in names):
        return title[:last.start()].rstrip()
    return title


def _credit(text: str) -> str | None:
    m = _CREDIT_VALUE.match(text)
    if m is not None:
        return m.group("value").strip()
    m = _CREDIT_BARE.match(text)
    if m is not None and len(m.group("value").split()) <= 4:
        return m.group("value").strip()
    return None
