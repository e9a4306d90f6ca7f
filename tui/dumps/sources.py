"""Random access to the bytes of a dump file: `pread(n, offset)` from any thread.

A plain file is read in place; a compressed one through a seek-point index (gzip,
tui.dumps.gzsource) or its frames (seekable zstd, tui.dumps.zstdsource), else from a
temporary inflated copy. `feed` indexes a decompressing stream as it arrives and stops at
damage or at the inflation cap keeping whole records, so every kind of source is scanned
and cut the same way.
"""

from __future__ import annotations

import lzma
import os
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Protocol

from tui.dumps.offsets import CHUNK, Offsets, Scanner

# What a decompressor raises on damaged data (zstd's ZstdError is named where it is caught).
DECOMPRESS_ERRORS: tuple[type[BaseException], ...] = (OSError, EOFError, lzma.LZMAError,
                                                      ValueError, RuntimeError, zlib.error)


class ByteSource(Protocol):
    """Decompressed bytes by offset; `size` is where the readable data ends."""

    size: int

    def pread(self, n: int, offset: int) -> bytes:
        """Up to `n` bytes from `offset` (OSError when the data cannot be read)."""
        ...

    def close(self) -> None:
        """Release the file (a temporary copy vanishes)."""
        ...


class FileSource:
    """A plain or temporary file, read with os.pread (no shared position: thread-safe)."""

    def __init__(self, fh: IO[bytes]) -> None:
        self.fh = fh
        self.fd = fh.fileno()
        self.size = os.fstat(self.fd).st_size

    def pread(self, n: int, offset: int) -> bytes:
        """Up to `n` bytes from `offset`."""
        return os.pread(self.fd, n, offset)

    def read_into(self, view: memoryview, offset: int) -> int:
        """Fill `view` from `offset` (less only at the end); how many bytes were read."""
        got = 0
        while got < len(view) and (k := os.preadv(self.fd, [view[got:]], offset + got)):
            got += k
        return got

    def close(self) -> None:
        """Close the file."""
        self.fh.close()


# A scan (and indexed_gzip, which allocates 16 MiB per index step and per seek) frees
# blocks of megabytes as fast as it makes them. glibc then raises its mmap threshold to
# their size, so the next ones come from the heap and stay there once freed, between
# smaller long-lived objects: 30-60 MB more peak RSS for the reader on a big dump. A fixed
# threshold maps such blocks and unmaps them when freed.
MMAP_THRESHOLD = 1024 * 1024
_M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter
_allocator_set = False


def give_back_big_blocks() -> None:
    """Have the C allocator give blocks of MMAP_THRESHOLD or more back to the system when
    freed (glibc; elsewhere nothing to do). Process-wide, set once."""
    global _allocator_set
    if _allocator_set:
        return
    _allocator_set = True
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)


class StepBuffer:
    """The one buffer a sequential scan reads into, step after step.

    A fresh block of megabytes a step, freed a step later, is not given back by glibc's
    allocator once it has raised its mmap threshold to that size: the blocks pile up in
    the heap between smaller long-lived objects (about 50 MB more peak RSS for the reader
    on a 3.7 GB dump). The buffer returned is overwritten by the next step: a scanner reads
    it and keeps nothing of it.
    """

    def __init__(self) -> None:
        self._data = bytearray()

    def fill(self, n: int, readinto: Callable[[memoryview], int]) -> bytearray:
        """Up to `n` bytes read by `readinto` (which returns how many it wrote)."""
        if len(self._data) != n:
            self._data = bytearray(n)
        with memoryview(self._data) as view:
            got = readinto(view)
        return self._data if got == n else self._data[:got]


def read_all(source: ByteSource, end: int) -> bytes:
    """The bytes of `source` before `end` (a whole JSON document)."""
    parts = []
    at = 0
    while at < end and (chunk := source.pread(min(CHUNK, end - at), at)):
        parts.append(chunk)
        at += len(chunk)
    return b"".join(parts)


@dataclass(slots=True)
class Fed:
    """How a scan of a decompressing stream ended."""

    offsets: Offsets
    total: int  # decompressed bytes seen (up to the cap)
    damage: str | None = None  # what the decompressor said when the stream broke
    capped: bool = False  # stopped at the inflation cap


def feed(read: Callable[[int], bytes | bytearray], scanner: Scanner, max_bytes: int = -1,
         errors: tuple[type[BaseException], ...] = DECOMPRESS_ERRORS,
         seen: Callable[[bytes | bytearray], None] | None = None, complete: bool = True) -> Fed:
    """Index what `read` yields chunk by chunk until it ends, breaks or passes `max_bytes`.

    A broken stream or one over the cap keeps the whole records before the break; `seen`
    gets every chunk indexed (a checksum, a copy).
    """
    total = 0
    try:
        while chunk := read(CHUNK):
            capped = 0 <= max_bytes < total + len(chunk)
            if capped:
                chunk = chunk[:max_bytes - total]
            scanner.feed(chunk)
            if seen is not None:
                seen(chunk)
            if capped:
                return Fed(scanner.finish(whole=False), max_bytes, capped=True)
            total += len(chunk)
    except errors as exc:
        return Fed(scanner.finish(whole=False), total, damage=str(exc) or type(exc).__name__)
    return Fed(scanner.finish(whole=complete), total)


def report(fed: Fed, label: str, what: str, max_bytes: int,
           problem: Callable[[str], None]) -> None:
    """One line for a scan that stopped early (damage or the cap); nothing otherwise."""
    if fed.capped:
        problem(f"{label}: inflates to more than {max_bytes / 2**30:g} GB "
                "(dump.max_inflated_gb); kept the first part only")
    elif fed.damage is not None:
        problem(f"{label}: {what} data damaged after {fed.total} bytes ({fed.damage}); "
                "kept the whole lines before it")
