"""Wrapping a line of Content to a width: Content.wrap's lines, without its cost for a
line that already fits.

Content.wrap splits, expands tabs, finds break points and trims every line it is given;
most lines of the metadata panel (labels, short values, headings) come back as they went
in. Such a line (no tab or newline, no trailing space, no wider than the width) is
returned as it is: tests/test_wrap.py checks the two agree.
"""

from __future__ import annotations

from textual.content import Content


def wrap(line: Content, width: int) -> list[Content]:
    """`line` wrapped to `width` cells, as `line.wrap(width)` gives it."""
    plain = line.plain
    if ("\t" not in plain and "\n" not in plain and line.cell_length <= width
            and plain == plain.rstrip()):
        return [line]
    return line.wrap(width)
