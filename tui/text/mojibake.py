"""Mojibake repaired line by line with ftfy ("Itâ€™s" -> "It’s"), cheap on clean text.

UTF-8 decoded as cp1252 or Latin-1 leaves a lead byte (Â..ô) followed by what a
continuation byte (0x80-0xBF) becomes in those code pages. Only lines with such a pair
are handed to ftfy, restricted to encoding repairs (no quote uncurling, no width or
line-break changes, no normalisation), so a clean article costs one linear scan. A
repair that would add a line break (U+2028 from "â€¨") or leave the line blank ("Â\xa0"
is a no-break space) is not applied: every source line keeps its number and its block.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

WARNING = "mojibake repaired (ftfy)"

# A lead byte of a 2-4 byte UTF-8 sequence followed by a continuation byte, both as
# cp1252 / Latin-1 show them (C1 controls, U+00A0-U+00BF and cp1252's 0x80-0x9F letters).
_SUSPECT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030"
    "\u2039\u203a\u20ac\u2122]"
)


def _fixer() -> tuple[Callable[..., str], Any]:
    """ftfy's fix_text and a config limited to encoding repairs (ftfy imported on first use)."""
    import ftfy

    config = ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False,
        fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
        fix_surrogates=False, remove_control_chars=False, normalization=None, explain=False)
    return ftfy.fix_text, config


def repair(lines: Sequence[str]) -> tuple[list[str], bool]:
    """The lines with mojibake repaired, and whether any line changed."""
    out = list(lines)
    changed = False
    fixer = None
    for i, line in enumerate(out):
        if _SUSPECT.search(line) is None:
            continue
        if fixer is None:
            fixer = _fixer()
        fix_text, config = fixer
        fixed = fix_text(line, config)
        if fixed != line and len(fixed.splitlines()) <= 1 and fixed.strip():
            out[i] = fixed
            changed = True
    return out, changed
