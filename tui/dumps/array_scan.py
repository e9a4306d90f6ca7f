"""Byte offsets of the elements of a JSON document's array, found chunk by chunk, unparsed.

A JSON dump is an array of records, or an object holding one under a list key
(`{"articles": [...]}`, tui.dumps.fields.LIST_KEYS). The scanner follows the document's
structure only. Each chunk's escapes that could hide a quote (`\\\\`, `\\"`) are first
blanked, keeping every offset (a regex substitution, in C); then runs of ordinary bytes and whole
strings are jumped over by a linear regex, so Python steps only on brackets, on strings
cut by a chunk's end, and on the commas between elements. An element's start is recorded
once its end (a comma or the closing bracket) has been seen, so every counted element is
complete; the closing
bracket is recorded as one more start numbered END, which says the array is whole. The
elements are then read by offset and parsed one by one (tui.dumps.formats).

A document that breaks off (a file cut short, a stray `}` or comma, data after the array)
keeps the elements before the break and says why in `notes`, one line.
"""

from __future__ import annotations

import json
import re
from array import array
from enum import Enum

from tui.dumps.fields import LIST_KEYS
from tui.dumps.offsets import Offsets

END = 0
"""The number given to the closing bracket's entry (elements are numbered from 1)."""

# What the scanner jumps over, once escapes are blanked: bytes that are not structure, and
# whole strings. Unrolled (normal* (string normal*)*): one way to match, linear time. Each
# stops at the next bracket (and comma, at the array's level), at a string the chunk's end
# leaves open, or at the chunk's end.
_INSIDE = re.compile(rb'[^"\[\]{}]*(?:"[^"]*"[^"\[\]{}]*)*')
_LEVEL = re.compile(rb'[^"\[\]{},]*(?:"[^"]*"[^"\[\]{},]*)*')
# An element that is an object with no bracket inside, blanks, and the comma after it.
_FLAT = re.compile(rb'\{[^"\[\]{}]*(?:"[^"]*"[^"\[\]{}]*)*\}[ \t\r\n]*,')
_ESCAPE = re.compile(rb'\\[\\"]')  # an escape that could hide a quote
_SPACE = re.compile(rb'[ \t\r\n]*')
_SPACES = b" \t\r\n"
_BOM = b"\xef\xbb\xbf"
# The key before an array in the top-level object, at the end of the bytes before `[`:
# after `{` or a comma, at most 64 characters (the list keys are short, escapes and all).
_KEY = re.compile(rb'[{,][ \t\r\n]*("(?:[^"\\]|\\.){0,64}")[ \t\r\n]*:[ \t\r\n]*\Z', re.DOTALL)
KEY_WINDOW = 160  # bytes looked back at for that key
_QUOTE = 0x22
_OPEN, _CLOSE = frozenset(b"[{"), frozenset(b"]}")


class Stage(Enum):
    """Where in the document the scanner is."""

    BEGIN = 1  # before the top-level value
    WALK = 2  # inside the top-level value
    AFTER = 3  # the top-level value has closed
    STOPPED = 4  # nothing more to index: a break, data after the document, not an array


class ArrayScanner:
    """Starts of the elements of a JSON document's array, fed the document in chunks."""

    def __init__(self, label: str = "") -> None:
        self.label = label  # what notes name
        self.starts, self.lines = array("Q"), array("I")
        self.notes: list[str] = []  # why the array broke off, said once the stream ends
        self.base = 0  # stream offset of the next chunk
        self.committed = 0  # where the elements found so far end
        self.stage = Stage.BEGIN
        self.top = 0  # the top-level value's first byte: `[`, `{` or another
        self.depth = 0  # brackets open
        self.level = 0  # the array's depth once found (1: the document, 2: in its object)
        self.in_array = False  # between the array's brackets, not in a string
        self.want = False  # an element may start here (after `[` or a comma)
        self.comma = False  # the last thing at the array's level was a comma
        self.pending = -1  # start of the element being read, -1 if none
        self.in_string = False
        self.escaped = False  # the last chunk ended on a backslash escaping this one's first
        self.trailing = -1  # where data after the top-level value starts, if any
        self.top_end = -1  # where the top-level value ends
        self.broken: tuple[int, str] | None = None  # where and why the array broke off
        self._recent = b""  # the last KEY_WINDOW bytes before this chunk
        self._raw: bytes | bytearray = b""  # this chunk as it came (keys are read from it)

    @property
    def count(self) -> int:
        """Elements found so far."""
        return len(self.starts) - (1 if self.closed else 0)

    @property
    def closed(self) -> bool:
        """The array's closing bracket has been read."""
        return bool(self.lines) and self.lines[-1] == END

    @property
    def settled(self) -> bool:
        """What the document is, is known: an array being read, several documents (data
        after the first), or no array (a single object, something else)."""
        return self.stage is Stage.STOPPED or self.in_array or self.trailing >= 0

    def feed(self, chunk: bytes | bytearray) -> None:
        """Index the next `chunk` of the document."""
        data = self._blanked(chunk)
        n, i = len(data), 0
        self._raw = chunk
        while i < n and self.stage is not Stage.STOPPED:
            if self.in_string:
                i = self._string(data, i)
            elif self.stage is Stage.WALK:
                if self.in_array and self.depth == self.level:
                    i = self._level(data, i)
                else:
                    i = self._inside(data, i)
            elif self.stage is Stage.BEGIN:
                i = self._begin(data, i)
            else:
                i = self._after(data, i)
        self._recent = (self._recent + bytes(chunk[-KEY_WINDOW:]))[-KEY_WINDOW:]
        self.base += n

    def _blanked(self, chunk: bytes | bytearray) -> bytes | bytearray:
        """The chunk with escaped backslashes and quotes blanked (`__`), offsets kept.

        Backslashes pair from the left, as the regex goes; one left at the end escapes
        the next chunk's first byte."""
        data = chunk
        if self.escaped and data:
            data = b"_" + bytes(data[1:])
        if _ESCAPE.search(data) is not None:
            data = _ESCAPE.sub(b"__", data)
        self.escaped = data.endswith(b"\\")
        return data

    def _string(self, data: bytes | bytearray, i: int) -> int:
        end = data.find(b'"', i)
        if end < 0:
            return len(data)
        self.in_string = False
        return end + 1

    def _begin(self, data: bytes | bytearray, i: int) -> int:
        at = self.base + i
        if at < len(_BOM) and data[i] == _BOM[at]:
            return i + 1
        i = _SPACE.match(data, i).end()  # type: ignore[union-attr]
        if i == len(data):
            return i
        self.top = data[i]
        if self.top == ord("["):
            self.level, self.in_array, self.want = 1, True, True
        elif self.top != ord("{"):
            self.stage = Stage.STOPPED  # a string, a number: no array here
            return i
        self.depth, self.stage = 1, Stage.WALK
        return i + 1

    def _level(self, data: bytes | bytearray, i: int) -> int:
        """One step at the array's own level: an element's start, end, or the array's end."""
        if self.want:
            i = _SPACE.match(data, i).end()  # type: ignore[union-attr]
            if i == len(data):
                return i
            c = data[i]
            if c == ord(",") or (c == ord("]") and self.comma):
                return self._break(i, "an empty element")
            if c == ord("{"):
                i = self._flat_run(data, i)
                if self.want:
                    return i
            elif c != ord("]"):
                self.pending, self.want = self.base + i, False
        i = _LEVEL.match(data, i).end()  # type: ignore[union-attr]
        if i == len(data):
            return i
        c = data[i]
        if c == _QUOTE:
            self.in_string = True
        elif c in _OPEN:
            self.depth += 1
        elif c == ord(","):
            self._element(self.base + i + 1)
            self.want = self.comma = True
        elif c == ord("]"):
            self._element(self.base + i)
            self.starts.append(self.base + i)
            self.lines.append(END)
            self.in_array = False
            return self._close(i)
        else:
            self._element(self.base + i)  # whole: it ended before the stray `}`
            return self._break(i, "a } where the array should go on")
        return i + 1

    def _flat_run(self, data: bytes | bytearray, i: int) -> int:
        """Elements that are objects without brackets inside, each with the comma after it,
        read by one regex each: most of a news dump. The first other thing (an object with
        brackets inside, one the chunk cuts, the closing bracket) is left at its start."""
        starts, lines, base = self.starts, self.lines, self.base
        flat, space = _FLAT.match, _SPACE.match
        while (found := flat(data, i)) is not None:
            starts.append(base + i)
            lines.append(len(starts))
            i = space(data, found.end()).end()  # type: ignore[union-attr]
            self.comma = True
        self.committed = base + i
        if i < len(data) and data[i] == ord("{"):
            self.pending, self.want = base + i, False
        return i

    def _element(self, end: int) -> None:
        """The element being read ends before stream offset `end`: count it."""
        if self.pending >= 0:
            self.starts.append(self.pending)
            self.lines.append(len(self.starts))
            self.pending = -1
        self.committed = end

    def _inside(self, data: bytes | bytearray, i: int) -> int:
        """One step inside an element, or in the object around the array."""
        i = _INSIDE.match(data, i).end()  # type: ignore[union-attr]
        if i == len(data):
            return i
        c = data[i]
        if c == _QUOTE:
            self.in_string = True
        elif c in _OPEN:
            if c == ord("[") and self.depth == 1 and not self.level and self._list_key(data, i):
                self.level, self.in_array, self.want = 2, True, True
            self.depth += 1
        else:
            return self._close(i)
        return i + 1

    def _close(self, i: int) -> int:
        self.depth -= 1
        if self.depth == 0:
            self.stage = Stage.AFTER
            self.top_end = self.base + i + 1
        return i + 1

    def _after(self, data: bytes | bytearray, i: int) -> int:
        i = _SPACE.match(data, i).end()  # type: ignore[union-attr]
        if i < len(data):
            self.trailing = self.base + i
            if self.level:
                self._break(i, "more data after the document")
            self.stage = Stage.STOPPED
        return len(data)

    def _break(self, i: int, why: str) -> int:
        self.broken = (self.base + i, why)
        self.stage = Stage.STOPPED
        self.in_array = False
        return i

    def _list_key(self, data: bytes | bytearray, i: int) -> bool:
        """True when the `[` at `i` (in the top-level object) is the value of a list key."""
        raw = self._raw
        before = (self._recent + bytes(raw[max(0, i - KEY_WINDOW):i]))[-KEY_WINDOW:]
        found = _KEY.search(before)
        if found is None:
            return False
        try:
            key = json.loads(found.group(1))
        except ValueError:
            return False
        return isinstance(key, str) and key.lower() in LIST_KEYS

    def finish(self, whole: bool = True) -> Offsets:
        """The index; `whole=False` (the stream broke off: said elsewhere) keeps the
        elements found, `whole` ones an element the end of the file left unclosed too."""
        if whole and self.in_array and not self.in_string and self.depth == self.level:
            self._element(self.base)  # e.g. `[{...}` with no `]`: that element is whole
        self._note(whole)
        # An array left open ends where its last element does (nothing after is read).
        whole = whole and (self.closed or not self.level)
        return Offsets(self.starts, self.lines, self.base if whole else self.committed)

    def _note(self, whole: bool) -> None:
        if self.notes or not self.level:
            return
        if self.broken is not None:
            at, why = self.broken
        elif whole and not self.closed:
            at, why = self.base, "the file ends inside the array"
        else:
            return
        self.notes.append(f"{self.label}: not valid JSON: the array breaks off at byte {at:,} "
                          f"({why}){kept(self.count)}")


def kept(count: int) -> str:
    """How a break's message ends: what of the array is still read."""
    return f"; kept the {count:,} elements before it" if count else ""
