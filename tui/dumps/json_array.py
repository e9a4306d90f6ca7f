"""A JSON document's array read by offset: each element parsed only when it is asked for.

The elements' offsets come from tui.dumps.array_scan, through the same scans, sources and
cache as JSON Lines (tui.dumps.formats), so a 1 GB array opens at once and holds no record
in memory. Ids are `name#N`, N the 1-based element, as when the document was parsed whole;
messages name `FILE: element N`.
"""

from __future__ import annotations

from tui.dumps.array_scan import END
from tui.dumps.formats import Where, _Indexed, _position, object_record
from tui.text.model import Record

_TRAILING = b" \t\r\n"


def element_bytes(span: bytes) -> bytes:
    """An element's bytes from its span: the comma and blanks after it cut off."""
    data = span.rstrip(_TRAILING)
    return data[:-1].rstrip(_TRAILING) if data.endswith(b",") else data


class JsonElements(_Indexed):
    """The elements of a JSON document's array (or of the array its object holds)."""

    def __len__(self) -> int:
        n = len(self.offsets)
        return n - 1 if n and self.offsets.lines[n - 1] == END else n

    @property
    def whole(self) -> bool:
        """The array's closing bracket was found (the index ends with it)."""
        n = len(self.offsets)
        return bool(n) and self.offsets.lines[n - 1] == END

    def where(self, k: int) -> Where:
        return f"{self.label}: element {k + 1}", f"element {k + 1}"

    def record(self, j: int) -> Record:
        return object_record(element_bytes(self.raw(j)), self.where(j), self.id_at(j),
                             self.limits, self.warnings, self.names)

    def id_at(self, j: int) -> str:
        return f"{self.name}#{j + 1}"

    def index_of(self, rid: str) -> int | None:
        return _position(rid, self.name, len(self))
