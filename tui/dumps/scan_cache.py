"""Record indexes kept between runs ($XDG_CACHE_HOME/warta/dumps), one per dump file.

A big dump's scan (a pass over every byte, and for gzip a full decompression) is done
once: the offsets are saved as one compact array file named by a digest of the file's
resolved path, size and modification time, so an edited or replaced dump is scanned
again. A cache file is checked before use (its checksum, its length, offsets rising and
inside the data) and a damaged one is ignored and written anew; the folder can be
deleted at any time. Small files are not cached: scanning them is cheaper than a file.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import struct
import sys
import tempfile
import zlib
from array import array
from itertools import islice
from pathlib import Path

from tui.dumps.offsets import Offsets
from tui.resources import user_dir

MIN_BYTES = 16 * 1024 * 1024  # files smaller than this are scanned on every open
MAX_ENTRIES = 64  # dumps remembered; the least recently used beyond are deleted
VERSION = 1
SPOOLED = "warta-"  # our own temporary files (standard input spooled): never seen again
_MAGIC = b"WARTAIDX"
_HEADER = struct.Struct("<8sIQQI")  # magic, version, count, data size, crc32 of the arrays


def folder() -> Path:
    """Where the index files live."""
    return user_dir("cache") / "dumps"


def key_of(path: str | os.PathLike[str], what: str) -> str | None:
    """The name of `path`'s cache entry for a scan of kind `what`; None when not worth one.

    `what` says how the file was read (layout, encoding, compression), so a file read
    two ways keeps two entries.
    """
    try:
        real = os.path.realpath(path)
        st = os.stat(real)
    except OSError:
        return None
    if st.st_size < MIN_BYTES or os.path.basename(real).startswith(SPOOLED):
        return None
    text = f"{VERSION}\0{real}\0{st.st_size}\0{st.st_mtime_ns}\0{what}\0{sys.byteorder}"
    return hashlib.sha1(text.encode("utf-8", "surrogateescape"),
                        usedforsecurity=False).hexdigest()


def entry(key: str, suffix: str) -> Path:
    """The cache file of `key` with `suffix` (".idx" offsets, ".gzi" a gzip seek index)."""
    return folder() / f"{key}{suffix}"


def load(key: str | None, data_size: int | None = None) -> Offsets | None:
    """The saved offsets of `key` when present and sound, else None.

    `data_size` (when known) must match the size the offsets were taken over.
    """
    if key is None:
        return None
    path = entry(key, ".idx")
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    offsets = _parse(blob)
    if offsets is None or (data_size is not None and offsets.size != data_size):
        with contextlib.suppress(OSError):
            path.unlink()
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: kept by `prune`
    return offsets


def _parse(blob: bytes) -> Offsets | None:
    """Offsets from a cache file's bytes, or None when anything about it is off."""
    if len(blob) < _HEADER.size:
        return None
    magic, version, count, size, crc = _HEADER.unpack_from(blob)
    body = memoryview(blob)[_HEADER.size:]
    if magic != _MAGIC or version != VERSION or len(body) != count * 12 \
            or zlib.crc32(body) != crc:
        return None
    starts, lines = array("Q"), array("I")
    starts.frombytes(body[:count * 8])
    lines.frombytes(body[count * 8:])
    if count and (starts[-1] >= size or
                  not all(a < b for a, b in zip(starts, islice(starts, 1, None), strict=False))):
        return None
    return Offsets(starts, lines, size)


def save(key: str | None, offsets: Offsets) -> None:
    """Write the offsets of `key` (atomically; any error only means scanning next time)."""
    if key is None:
        return
    # The arrays are written (and checksummed) in place: a million records' index is not
    # copied into one more 12 MB block at the very moment a scan ends.
    starts, lines = offsets.starts, offsets.lines
    crc = zlib.crc32(lines, zlib.crc32(starts))
    header = _HEADER.pack(_MAGIC, VERSION, len(offsets), offsets.size, crc)
    write(entry(key, ".idx"), header, starts, lines)
    prune()


def write(path: Path, *parts: bytes | array[int]) -> bool:
    """Replace `path` by `parts` one after another, atomically; False when it could not be
    written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".part-")
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                out.write(part)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return False
    return True


def prune() -> None:
    """Delete the entries used longest ago beyond MAX_ENTRIES (with their side files)."""
    try:
        indexes = sorted(folder().glob("*.idx"), key=lambda p: p.stat().st_mtime)
    except OSError:
        return
    for old in indexes[:-MAX_ENTRIES]:
        for side in folder().glob(old.stem + ".*"):
            with contextlib.suppress(OSError):
                side.unlink()
