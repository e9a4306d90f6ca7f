"""The attribute names a crfsuite model has weights for, read from the model file itself.

crfsuite ignores an attribute it has no weights for; dropping such names before tagging
changes no score and saves converting and looking up each one. The names live in the
model's attribute dictionary (a CQDB chunk: a header, 256 hash tables, the records
`id, size, name + NUL`, and a backward array of record offsets by id). Reading them is
checked at every step; any surprise gives None, and the caller then keeps every name.
"""

from __future__ import annotations

import struct
from pathlib import Path

_FILE_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CQDB_HEADER = struct.Struct("<4sIIIII")
_RECORD = struct.Struct("<iI")
_BYTE_ORDER = 0x62445371


def model_attributes(path: Path) -> frozenset[bytes] | None:
    """Every attribute name (UTF-8) in the crfsuite model at `path`, or None if unreadable."""
    try:
        return _attributes(path.read_bytes())
    except (OSError, struct.error, IndexError):
        return None


def _attributes(data: bytes) -> frozenset[bytes] | None:
    """The names of the attribute dictionary, in id order, checked against the header."""
    magic, _, kind, _, _, _, count, _, _, off_attrs, _, _ = _FILE_HEADER.unpack_from(data, 0)
    if magic != b"lCRF" or kind != b"FOMC":
        return None
    chunk, size, _, order, bwd_size, bwd_offset = _CQDB_HEADER.unpack_from(data, off_attrs)
    if chunk != b"CQDB" or order != _BYTE_ORDER or bwd_size != count:
        return None
    end = off_attrs + size
    offsets = struct.unpack_from(f"<{count}I", data, off_attrs + bwd_offset)
    names: list[bytes] = []
    for aid, offset in enumerate(offsets):
        at = off_attrs + offset
        rid, length = _RECORD.unpack_from(data, at)
        if rid != aid or length < 1 or at + 8 + length > end or data[at + 7 + length] != 0:
            return None
        names.append(data[at + 8 : at + 7 + length])
    return frozenset(names)
