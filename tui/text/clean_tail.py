"""The trailing zone after an article's last sentence: link lists, tags, names, sign-offs."""

from __future__ import annotations

from collections.abc import Sequence

from tui.text.line import Line
from tui.text.line_kinds import (
    CLOCK_OR_DATE,
    FULL_STOP,
    TIME,
    is_box_label,
    is_figures,
    is_lead_in,
    looks_like_byline,
)
from tui.text.model import Reason
from tui.text.page import Shape, Unit


def tail_reason(line: Line) -> Reason:
    """What a stray short line after the article's last sentence most likely is."""
    if is_lead_in(line):
        return Reason.RELATED
    if line.text.startswith("#") or (line.is_lowercase and line.words <= 5):
        return Reason.TAGS
    if looks_like_byline(line) and line.words <= 5:
        return Reason.BYLINE
    if line.words >= 4:
        return Reason.RELATED
    return Reason.OTHER


def sign_off(units: Sequence[Unit], k: int, address: frozenset[str]) -> bool:
    """A closing phrase right after the last paragraph ("Semoga bermanfaat", "Bon appétit").

    Written like a sentence (capital, then lower case), short, without digits, colons or
    separators: not a link (headlines are longer or title-cased), not a label, not a name;
    and alone: a first entry of a footer menu ("About us" / "Contact") has others under it;
    and not addressed to the reader ("All the results for your town" is a link).
    """
    unit = units[k]
    nxt = units[k + 1] if k + 1 < len(units) else None
    if nxt is not None and nxt.run == unit.run and nxt.reason is None:
        return False
    line = unit.first
    text = line.text
    return (len(unit.lines) == 1 and 2 <= line.words <= 6 and not address & set(line.tokens)
            and text[:1].isupper()
            and line.capitalised_share <= 0.5 and not any(ch.isdigit() for ch in text)
            and not any(ch in text for ch in ":|/@#»›>")
            and not text.endswith(("...", "…")))


def _headline_like(unit: Unit) -> bool:
    """A short line that reads like a link to another story: no full stop at the end."""
    first = unit.first
    return (
        len(unit.lines) == 1
        and not unit.row
        and first.words <= 16
        and not first.is_table_row
        and not is_figures(first)
        and not first.text.endswith((",", ";", ":"))
        and not FULL_STOP.search(first.text)
        and not (first.is_quote and first.text[-1:] in "\"”»")
    )


def tail_start(units: Sequence[Unit], floor: int) -> int:
    """Index of the first unit of the trailing zone (boilerplate and link lists).

    A headline-like line belongs to it beside another list entry: a short line, another
    headline, or the date a list of dated headlines prints under each.
    """
    def listy(j: int) -> bool:
        """A list's entry: a short or headline-like line, or the date printed under one."""
        if not 0 <= j < len(units):
            return False
        u = units[j]
        return dated_entry(u) or (u.reason is None and (u.shape is Shape.SHORT
                                                        or _headline_like(u)))

    k = len(units)
    while k > floor:
        u = units[k - 1]
        in_list = _headline_like(u) and (listy(k - 2) or listy(k))
        if u.reason is not None or u.shape is Shape.SHORT or in_list:
            k -= 1
        else:
            break
    return k


# A list's entry runs to this many words; under a label of the page's own, an entry with
# no final stop may run to LABELLED_ENTRY_WORDS ("Hundreds of cool tasks that will make
# ... more interesting"): a feature list's lines are longer than a link box's headlines.
ENTRY_WORDS = 12
LABELLED_ENTRY_WORDS = 20


def list_entry(unit: Unit, most: int = ENTRY_WORDS) -> bool:
    """An entry of a list: one line of up to `most` words, not itself a label."""
    return (len(unit.lines) == 1 and not unit.first.text.endswith(":")
            and (unit.first.words <= most or unit.first.is_list_item
                 or is_figures(unit.first)))


def labelled_entry(unit: Unit) -> bool:
    """An entry of a list under the page's own label: a short one, or a longer line with
    no final stop."""
    return list_entry(unit) or (list_entry(unit, LABELLED_ENTRY_WORDS)
                                and not unit.first.ends_sentence)


def dated_entry(unit: Unit) -> bool:
    """A date or time line a byline pattern claimed, standing inside a list."""
    return unit.reason is Reason.BYLINE and bool(CLOCK_OR_DATE.search(unit.first.text)
                                                 or TIME.search(unit.first.text))


def short_list_at(units: Sequence[Unit], k: int) -> bool:
    """Unit k is a label of the page's own ("Pros:", "Our advice:", "Profil", "Anugerah")
    over list entries.

    Labels of link boxes ("Read more:", "Baca juga:") are known patterns, so an unknown
    label that opens a list opens content.
    """
    u = units[k]
    return (u.reason is None and len(u.lines) == 1
            and (u.first.text.endswith(":") or is_box_label(u.first))
            and u.first.words <= 8
            and k + 1 < len(units) and units[k + 1].reason is None
            and labelled_entry(units[k + 1]))


def tail_topics(units: Sequence[Unit], start: int) -> None:
    """Two or more one-to-three-word lines together at the end are a list of topics."""
    k = start
    while k < len(units):
        j = k
        while (j < len(units) and units[j].reason in (Reason.BYLINE, Reason.OTHER, Reason.TAGS)
               and not units[j].closed
               and not (units[j].matched and units[j].reason is not Reason.TAGS)
               and units[j].first.words <= 3 and units[j].run == units[k].run):
            j += 1
        if j - k >= 2:
            for u in units[k:j]:
                u.reason = Reason.TAGS
        k = max(j, k + 1)

