"""Paragraph segmentation: runs of non-blank lines, hard-wrapped lines joined into one unit."""

from __future__ import annotations

from collections.abc import Sequence

from tui.text.line import make_line
from tui.text.line_kinds import CLOCK_OR_DATE

# Hard wrapping happens at terminal-like widths; longer lines are paragraphs on their own.
MAX_WRAP_WIDTH = 100
MIN_WRAP_WIDTH = 30


def runs(lines: Sequence[str]) -> list[list[int]]:
    """0-based indices of the non-blank lines, grouped into blank-separated runs."""
    out: list[list[int]] = []
    current: list[int] = []
    for i, line in enumerate(lines):
        if line.strip():
            current.append(i)
        elif current:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def _first_word(text: str) -> str:
    parts = text.split(maxsplit=1)
    return parts[0] if parts else ""


def wrapped(lines: Sequence[str], run: Sequence[int], alone: Sequence[bool]) -> list[list[int]]:
    """Split one run into units: lines a wrapper broke stay together, the rest stand alone.

    A line was broken by a wrapper when the next line's first word would not have fitted
    on it within the run's width (its longest joinable line). `alone[i]` forces line i
    into a unit of its own (boilerplate is never grouped with content).
    """
    texts = {i: lines[i].strip() for i in run}
    joinable = [i for i in run if not alone[i]]
    lengths = sorted(len(texts[i]) for i in joinable)
    # The wrap width: the longest line, or the 90th percentile in a long run so that one
    # long title or paragraph does not hide the width the rest was wrapped at.
    width = max(lengths, default=0)
    if len(lengths) >= 10:
        width = lengths[int(0.9 * (len(lengths) - 1))]
    # A wrapper breaks mid-sentence, so some continuation line starts in lower case;
    # a list of headlines or names of similar length never does.
    wrap = MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH and any(
        texts[i][:1].islower() for i in joinable[1:]
    )
    units: list[list[int]] = []
    for i in run:
        prev = units[-1][-1] if units else None
        if (
            wrap
            and prev is not None
            and prev == i - 1
            and not alone[i]
            and not alone[prev]
            and _continues(texts[prev], texts[i], width)
        ):
            units[-1].append(i)
        else:
            units.append([i])
    return units


def _continues(prev: str, nxt: str, width: int) -> bool:
    """Whether `nxt` carries on the paragraph that `prev` was wrapped from."""
    p, n = make_line(0, prev), make_line(0, nxt)
    if n.is_list_item or n.is_table_row or p.is_table_row:
        return False
    if n.words <= 4 and CLOCK_OR_DATE.search(nxt):
        return False  # "vandaag, 14:05" under a headline is its time stamp, not its tail
    return len(prev) + 1 + len(_first_word(nxt)) > width
