"""Exact and near-duplicate lines within one article, in bounded (near-linear) time."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import chain

from tui.text.line import Line
from tui.text.words import count_words, tokens

# Jaccard similarity of token sets from which two lines count as near repeats.
NEAR = 0.8
# Lines shorter than this (in tokens) are compared only exactly: "Foto" twice is not news.
MIN_NEAR_TOKENS = 4
# Near repeats are looked for only through each line's rarest tokens, and only among
# this many earlier lines per token: the cost stays linear on a 2,000-line text.
PROBE_TOKENS = 2
PROBE_LINES = 24


def _key(line: Line) -> str:
    return " ".join(line.tokens) if line.tokens else line.text.casefold()


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def repeats(lines: Sequence[Line]) -> dict[int, int]:
    """Map the position (in `lines`) of each repeated line to its first occurrence."""
    out: dict[int, int] = {}
    first: dict[str, int] = {}
    for pos, ln in enumerate(lines):
        k = _key(ln)
        if k in first:
            out[pos] = first[k]
        else:
            first[k] = pos
    # Near repeats: same wording give or take a word or punctuation.
    sets = [frozenset(ln.tokens) for ln in lines]
    df: Counter[str] = Counter()
    for s in sets:
        df.update(s)
    postings: dict[str, list[int]] = {}
    for pos, s in enumerate(sets):
        if len(s) < MIN_NEAR_TOKENS:
            continue
        # Only tokens that occur on another line can lead to a repeat.
        shared = sorted((t for t in s if df[t] >= 2), key=lambda t: (df[t], t))
        if pos not in out:
            match = None
            for tok in shared[:PROBE_TOKENS]:
                for earlier in postings.get(tok, ())[-PROBE_LINES:]:
                    if _jaccard(s, sets[earlier]) >= NEAR:
                        match = earlier
                        break
                if match is not None:
                    break
            if match is not None:
                out[pos] = out.get(match, match)
        for tok in shared:
            postings.setdefault(tok, []).append(pos)
    return out


# A line printed at least this many times, each time over a different paragraph, is a
# recurring prompt of the article (an interview's question, a profile's field label).
PROMPT_COPIES = 3


def copy_groups(repeated: dict[int, int]) -> dict[int, list[int]]:
    """`repeats`' map read by first copy: each first copy's position, then its copies'."""
    groups: dict[int, list[int]] = {}
    for pos, orig in repeated.items():
        groups.setdefault(orig, [orig]).append(pos)
    return groups


def recurring_prompts(repeated: dict[int, int],
                      follows: Callable[[int], tuple[str, ...] | None]) -> set[int]:
    """The positions of lines that recur as prompts: content, not repeats.

    `repeated` is what `repeats` found; `follows(pos)` is the words of the paragraph
    right under line `pos` when that line reads as a prompt (it ends a sentence or opens
    a field) and the paragraph is content, else None. A line printed
    PROMPT_COPIES times or more with a different paragraph under every copy is the
    question of a questionnaire interview ("What inspired you?" over each guest's
    answer) or the label of a repeated field: the article's own text. A menu printed
    twice, or a button over the same box, is not.
    """
    groups = copy_groups(repeated)
    out: set[int] = set()
    for members in groups.values():
        if len(members) < PROMPT_COPIES:
            continue
        under = [follows(k) for k in members]  # asked only of lines printed that often
        if all(u is not None for u in under) and len(set(under)) == len(under):
            out.update(members)
    return out


# A run of parallel entries (a deals post's product boxes, each under its own heading) is
# shown by a line every entry prints once, in at least this many entries.
FIELD_ENTRIES = 3


def recurring_fields(repeated: dict[int, int], headings: Sequence[int]) -> set[int]:
    """The positions of lines repeated only inside a run of parallel entries: content.

    `repeated` maps copies word for word to their first (a near copy naming another entry,
    "Vote for Olga" then "Vote for Olesya", is a template's appeal, not a field).

    `headings` (ascending) are the lines that may open an entry. A line printed once in
    each of FIELD_ENTRIES entries or more ("Available from Amazon" in every product box)
    marks the run of entries; a line whose every copy lies in that run, at most one copy
    an entry besides the entry's own heading, is a field the list fills for each entry (a
    feature two products share, the listing name restating the box's heading), not a
    block printed twice. A menu printed above the entries and again below is not.
    """
    if len(headings) < FIELD_ENTRIES:
        return set()
    groups = copy_groups(repeated)
    heads = set(headings)

    def entries(members: list[int]) -> list[int] | None:
        """Each non-heading copy's entry, or None when two share one or one is outside."""
        found = [bisect_right(headings, m) - 1 for m in members if m not in heads]
        return found if min(found, default=0) >= 0 and len(set(found)) == len(found) else None

    placed = {orig: entries(sorted(members)) for orig, members in groups.items()}
    marking = [e for e in placed.values() if e is not None and len(e) >= FIELD_ENTRIES]
    if not marking:
        return set()
    first = min(min(e) for e in marking)
    last = max(max(e) for e in marking)
    out: set[int] = set()
    for orig, members in groups.items():
        found = placed[orig]
        spots = [bisect_right(headings, m) - 1 for m in members]
        if found and all(first <= e <= last for e in spots):
            out.update(members)
    return out


def entry_names(repeated: dict[int, int], headings: Sequence[int],
                tokens: Sequence[frozenset[str]]) -> set[int]:
    """The positions of near copies that restate their own entry's heading: content.

    In a run of parallel entries each box prints its listing's name ("Apple AirPods with
    Wireless Charging Case (Latest Model)" under "Apple AirPods with Wireless Charging
    Case"); it may come out near another box's name (one word apart), yet it names its
    own entry, not a block printed twice. `tokens` holds each line's words by position.
    """
    out: set[int] = set()
    for pos, orig in repeated.items():
        at = bisect_right(headings, pos) - 1
        if at < 0 or headings[at] == pos or bisect_right(headings, orig) - 1 == at:
            continue
        head = tokens[headings[at]]
        if len(head) >= 2 and head <= tokens[pos] and not head <= tokens[orig]:
            out.add(pos)
    return out


# A pull quote repeats at least this many words of a paragraph (a shorter run may be a
# stock phrase), and the paragraph holds at least PULL_MORE tokens more (a line printed
# twice whole is a plain repeat).
PULL_MIN_WORDS = 12
PULL_MORE = 4
# An elision ("... and family fortune"): three dots or the ellipsis sign.
_ELISION = re.compile(r"\.\.\.|…")
# Where a quote is cut into the runs a paragraph must hold in order: at an editor's
# insertion ("[Trump is] a charismatic narcissist", "how many rooms [his] apartment had":
# it adds words or stands for the paragraph's own) or an elision.
_CUT = re.compile(r"\[[^\[\]]{1,40}\]|" + _ELISION.pattern)


def pull_quotes(units: Sequence[Sequence[Line]]) -> dict[int, int]:
    """Map each one-line unit whose words stand verbatim inside a longer unit to that unit.

    A pull quote (a sentence of the article printed again, set apart as a teaser) repeats
    a run of a paragraph's words, give or take an editor's bracketed insertion; one
    paragraph holds one. Only the paragraphs that hold the quote's rarest word are
    searched, and only the quotes' own words are counted, so the cost stays near linear.
    """
    largest = max((sum(len(ln.tokens) for ln in lines) for lines in units), default=0)
    quotes: dict[int, Sequence[str]] = {}
    pieces: dict[int, list[str]] = {}
    for pos, lines in enumerate(units):
        line = lines[0]
        if len(lines) != 1 or line.words < PULL_MIN_WORDS:
            continue
        if "[" not in line.text and not _ELISION.search(line.text):  # the line's own words
            quote: Sequence[str] = line.tokens
            pieces[pos] = [" ".join(quote)]
        else:
            parts = [tokens(part) for part in _CUT.split(line.text)]
            quote = [tok for part in parts for tok in part]
            pieces[pos] = [" ".join(part) for part in parts if part]
            quote = quote if count_words(" ".join(quote)) >= PULL_MIN_WORDS else ()
        if quote and len(quote) + PULL_MORE <= largest:  # a unit may be large enough
            quotes[pos] = quote
    if not quotes:
        return {}
    wanted = set(chain.from_iterable(quotes.values()))
    held_words = [wanted.intersection(chain.from_iterable(ln.tokens for ln in lines))
                  for lines in units]
    df: Counter[str] = Counter()
    for words in held_words:
        df.update(words)
    rarest = {pos: min(zip(map(df.__getitem__, quote), quote, strict=True))[1]
              for pos, quote in quotes.items()}
    # Only the rarest words' paragraphs are ever searched: only theirs are listed.
    searched = set(rarest.values())
    postings: dict[str, list[int]] = {}
    for pos, words in enumerate(held_words):
        for tok in searched.intersection(words):
            postings.setdefault(tok, []).append(pos)
    found: dict[int, int] = {}
    for pos, quote in quotes.items():
        for other in postings.get(rarest[pos], ())[:PROBE_LINES]:
            if other != pos and _holds(units[other], pieces[pos], len(quote) + PULL_MORE):
                found[pos] = other
                break
    # A unit holding two or more of the others is the article printed again in one
    # piece (a page's stored copy of its text), not a paragraph with its pull quote.
    held = Counter(found.values())
    return {pos: other for pos, other in found.items() if held[other] == 1}


def _holds(lines: Sequence[Line], pieces: Sequence[str], size: int) -> bool:
    """Whether a unit of at least `size` tokens holds the token runs `pieces` in order,
    each framed by spaces (a quote cut at its editor's insertions and elisions)."""
    if sum(len(ln.tokens) for ln in lines) < size:
        return False
    text = " " + " ".join(tok for ln in lines for tok in ln.tokens) + " "
    at = 0
    for piece in pieces:
        found = text.find(" " + piece + " ", at)
        if found < 0:
            return False
        at = found + len(piece) + 1
    return True


def echoes_title(line: Line, title_tokens: frozenset[str]) -> bool:
    """Whether the line restates the title: same words, or most of them and little else."""
    if not title_tokens or len(line.tokens) < 2:
        return False
    words = frozenset(line.tokens)
    shared = len(words & title_tokens)
    if len(line.tokens) > len(title_tokens) * 1.5 + 3:
        return False
    return (shared / len(words) >= 0.85 and shared / len(title_tokens) >= 0.6) or (
        _jaccard(words, title_tokens) >= 0.75
    )


def parallel_sections(repeated: dict[int, int], heads: Sequence[int], ended: Sequence[bool],
                      varied: Callable[[int], bool]) -> set[int]:
    """The positions of copies that fill a repeated structure of sections: content.

    A meal plan printed day by day ("Plan A", then "Plan B", each over "Pre-Workout Meal",
    its food and its portions) repeats most of its items word for word, yet each section
    is its own: the same items under a different heading. `heads` (ascending) are the
    lines that may head a section (short, unrepeated, in the body); two of them head
    parallel sections when the line right under one is a copy of the line right under
    the other, and FIELD_ENTRIES sections or more opening with one item make a structure
    (two boxes alike are a block printed twice). A section runs to the next such head, or
    to the first line already judged (`ended`); the last one no further than the longest
    before it. A copy whose first copy lies in an earlier section stays content (both are
    returned; a line twice in one section is a block printed twice), provided some
    section after the first holds a line that repeats nothing and is content (`varied`):
    the structure varies, it is not one block printed twice under two names.
    """
    may_head = set(heads)
    linked: dict[int, set[int]] = {}  # each first item's heads
    for head in heads:
        orig = repeated.get(head + 1)
        if orig is not None and orig - 1 in may_head and orig - 1 != head:
            linked.setdefault(orig, set()).update((orig - 1, head))
    starts = sorted(h for hs in linked.values() if len(hs) >= FIELD_ENTRIES for h in hs)
    if not starts:
        return set()
    spans: list[range] = []
    for at, head in enumerate(starts):
        limit = starts[at + 1] if at + 1 < len(starts) else min(
            len(ended), head + 1 + max((len(s) for s in spans), default=0))
        end = next((k for k in range(head + 1, limit) if ended[k]), limit)
        spans.append(range(head + 1, end))
    inside = {k: at for at, span in enumerate(spans) for k in span}
    if not any(varied(k) for span in spans[1:] for k in span if k not in repeated):
        return set()
    kept = {pos: orig for pos, orig in repeated.items()
            if pos in inside and orig in inside and inside[orig] < inside[pos]}
    return set(kept) | set(kept.values())
