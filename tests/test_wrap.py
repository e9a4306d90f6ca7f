"""The quick wrap of a line that fits gives what Content.wrap gives."""

from __future__ import annotations

import random

from textual.content import Content

from tui.widgets.wrap import wrap

PIECES = ["a", "bb", "Jakarta", "x" * 12, "é", "e\u0301", "日本", "👍", "\u200b", "\x1b", "[b]",
          " ", "  ", "\u00a0", "\u3000", "\t", "\n", "Ω"]


def _lines(seed: int, count: int) -> list[tuple[Content, int]]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        text = "".join(rng.choice(PIECES) + rng.choice(["", " "])
                       for _ in range(rng.randint(0, 14)))
        line = Content(text)
        if text and rng.random() < 0.7:
            start = rng.randint(0, len(text))
            line = line.stylize("bold $text-muted", start, rng.randint(start, len(text)))
        out.append((line, rng.randint(1, 40)))
    return out


def test_wrap_gives_content_wraps_lines() -> None:
    quick = 0
    for line, width in _lines(7, 6000):
        ours = wrap(line, width)
        theirs = line.wrap(width)
        assert [(c.plain, c.spans) for c in ours] == [(c.plain, c.spans) for c in theirs], (
            repr(line.plain), width)
        quick += len(ours) == 1 and ours[0] is line
    assert quick > 500  # the quick way was taken, and agreed


def test_a_long_line_is_still_wrapped() -> None:
    line = Content("Banjir melanda Jakarta sejak Senin pagi")
    assert [c.plain for c in wrap(line, 16)] == ["Banjir melanda", "Jakarta sejak", "Senin pagi"]
