"""Terminal safety: text from a dump is untrusted, so control characters become visible escapes.

ESC (and with it every CSI/OSC/DCS sequence), BEL, the other C0 controls, DEL, the C1
controls (U+0080-U+009F, which some terminals treat like ESC sequences) and the Unicode
bidirectional overrides are replaced by a printable `\\xNN` / `\\uNNNN` form. Nothing of
the sequence is ever written raw: `\\x1b]0;TITLE\\x07` shows as `\\x1b]0;TITLE\\x07` text.
Tabs become a single space (harmless, but they would break column alignment).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# C0 controls except tab, DEL, C1 controls, bidi embeddings/overrides/isolates,
# line/paragraph separators (they break a row in two).
_UNSAFE = re.compile(
    r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def escape_char(char: str) -> str:
    """The printable form of one unsafe character: `\\x1b`, `\\x9b`, `\\u202e`."""
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def is_safe(text: str) -> bool:
    """True when `text` holds nothing that must be escaped."""
    return "\t" not in text and _UNSAFE.search(text) is None


def safe_plain(text: str) -> str:
    """`text` with every unsafe character replaced by its printable escape (for titles, names)."""
    if is_safe(text):
        return text
    return _UNSAFE.sub(lambda m: escape_char(m.group()), text.replace("\t", " "))


@dataclass(frozen=True, slots=True)
class SafeText:
    """Escaped text plus where the escapes are and how old offsets map to new ones."""

    text: str
    escapes: tuple[tuple[int, int], ...]
    """(start, end) offsets of each visible escape in `text`, to style as a warning."""
    offsets: tuple[int, ...] | None
    """offsets[i] is the position in `text` of original offset i (None: identical)."""

    def map(self, offset: int) -> int:
        """The offset in `text` of `offset` in the original string."""
        return offset if self.offsets is None else self.offsets[offset]


def make_safe(text: str) -> SafeText:
    """Escape `text` and keep an offset map so entity spans can follow the escapes."""
    if is_safe(text):
        return SafeText(text, (), None)
    out: list[str] = []
    escapes: list[tuple[int, int]] = []
    offsets: list[int] = []
    pos = 0
    for char in text:
        offsets.append(pos)
        if char == "\t":
            out.append(" ")
            pos += 1
        elif _UNSAFE.match(char):
            shown = escape_char(char)
            escapes.append((pos, pos + len(shown)))
            out.append(shown)
            pos += len(shown)
        else:
            out.append(char)
            pos += 1
    offsets.append(pos)
    return SafeText("".join(out), tuple(escapes), tuple(offsets))
