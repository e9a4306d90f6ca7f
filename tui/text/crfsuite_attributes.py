"""The attribute names a crfsuite model has weights for, read from the model file itself.

crfsuite ignores an attribute it has no weights for; dropping such names before tagging
changes no score and saves converting and looking up each one. The names live in the
model's attribute dictionary (a CQDB chunk: a header, 256 hash-table references, the
records `id, size, name + NUL` one after another, the hash tables, and a backward array
of record offsets by id). Any surprise gives None, and the caller then keeps every name.
"""

from __future__ import annotations

import struct
from pathlib import Path

_FILE_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CQDB_HEADER = struct.Struct("<4sIIIII")
_RECORD = struct.Struct("<iI")
_BYTE_ORDER = 0x62445371
# Where a CQDB chunk's records begin: after its header and 256 hash-table references.
_RECORDS = _CQDB_HEADER.size + 256 * 8


def model_attributes(path: Path) -> frozenset[bytes] | None:
    """Every attribute name (UTF-8) in the crfsuite model at `path`, or None if unreadable."""
    try:
        return _attributes(path.read_bytes())
    except (OSError, struct.error, IndexError):
        return None


def _attributes(data: bytes) -> frozenset[bytes] | None:
    """The names of the attribute dictionary, checked against the header and the layout."""
    magic, _, kind, _, _, _, count, _, _, off_attrs, _, _ = _FILE_HEADER.unpack_from(data, 0)
    if magic != b"lCRF" or kind != b"FOMC":
        return None
    chunk, size, _, order, bwd_size, bwd_offset = _CQDB_HEADER.unpack_from(data, off_attrs)
    if chunk != b"CQDB" or order != _BYTE_ORDER or bwd_size != count or count == 0:
        return None
    db = data[off_attrs : off_attrs + size]
    offsets = struct.unpack_from(f"<{count}I", db, bwd_offset)
    # Records are written one after another in id order, so each ends where the next
    # begins; the last one's size is in its header. A terminator or an id out of place
    # means another layout: no names rather than wrong ones.
    last_id, last_size = _RECORD.unpack_from(db, offsets[-1])
    ends = (*offsets[1:], offsets[-1] + 8 + last_size)
    if (offsets[0] != _RECORDS or last_id != count - 1 or ends[-1] > len(db)
            or _RECORD.unpack_from(db, offsets[0])[0] != 0
            or not all(map(int.__lt__, offsets, ends)) or any(db[end - 1] for end in ends)):
        return None
    names = [db[a + 8 : b - 1] for a, b in zip(offsets, ends, strict=True)]
    return None if b"\0" in b"".join(names) else frozenset(names)
