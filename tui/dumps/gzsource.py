"""gzip dumps read in place through a seek-point index (indexed_gzip), no inflated copy.

The first open inflates the file once, indexing records as the bytes arrive and letting
indexed_gzip record a seek point every SPACING bytes; a record is then read by inflating
from the seek point before it (at most SPACING bytes). The seek points and the record
offsets are saved in the cache folder (tui.dumps.scan_cache), so a second open reads two
small files and inflates nothing.

indexed_gzip does not report a stream that was cut short, nor a failed CRC, so the scan
computes the CRC-32 and size itself and checks them against the gzip trailer; when they
differ (a damaged file, or several gzip members one after another) the file is read once
more with Python's gzip module, which says exactly where the data ends.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import tempfile
import threading
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tui.dumps import scan_cache
from tui.dumps.background import BackgroundScan
from tui.dumps.lru import Lru
from tui.dumps.offsets import Offsets, Scanner
from tui.dumps.sources import Fed, StepBuffer, feed, give_back_big_blocks, report

SPACING = 4 * 1024 * 1024  # bytes between seek points: a read inflates at most this much
WINDOW = 32 * 1024  # the deflate window each seek point keeps
# Reads go through aligned blocks of inflated bytes, a few kept: every seek inflates from
# the seek point before it, so the neighbouring rows of a list share one inflation.
BLOCK = 1024 * 1024
BLOCKS = 8


def available() -> bool:
    """True when indexed_gzip can be imported."""
    try:
        import indexed_gzip  # noqa: F401
    except ImportError:
        return False
    return True


class GzipSource:
    """The inflated bytes of a gzip file by offset, through indexed_gzip's seek points."""

    def __init__(self, path: Path, index_file: str | None = None) -> None:
        import indexed_gzip

        give_back_big_blocks()  # it allocates 4 x SPACING (16 MiB) per index step and seek
        # The raw zran file is read directly: the buffered wrapper inflates four times the
        # spacing for any read. The wrapper is kept, since closing it closes the file.
        self._outer: Any = indexed_gzip.IndexedGzipFile(
            str(path), spacing=SPACING, window_size=WINDOW, drop_handles=False,
            skip_crc_check=True, index_file=index_file)  # CRC: checked by `scan`
        self._raw: Any = self._outer.raw
        self._lock = threading.Lock()
        self._blocks: Lru[int, bytes] = Lru(BLOCKS)
        self.size = 0
        self._scan_at = 0  # where the sequential pass is: a read elsewhere moves the file
        self.compressed_at = 0  # how far into the gzip file the sequential pass has read
        self._buffer = StepBuffer()  # what `read` returns: overwritten by the next call
        self.growing = False  # `size` still grows (a background scan): short blocks not kept

    def pread(self, n: int, offset: int) -> bytes:
        """Up to `n` bytes from `offset` (OSError when the data cannot be inflated)."""
        n = max(0, min(n, self.size - offset))
        if n >= BLOCK:
            return self._inflate(n, offset)
        parts: list[bytes] = []
        while n > 0:
            k, at = divmod(offset, BLOCK)
            piece = self._block(k)[at:at + n]
            if not piece:
                break
            parts.append(piece)
            n -= len(piece)
            offset += len(piece)
        return b"".join(parts)

    def _block(self, k: int) -> bytes:
        """Inflated block k (BLOCK bytes from k * BLOCK), kept among the last few read."""
        with self._lock:
            if (data := self._blocks.get(k)) is not None:
                return data
        data = self._inflate(min(BLOCK, self.size - k * BLOCK), k * BLOCK)
        if len(data) == BLOCK or not self.growing:
            with self._lock:
                self._blocks.put(k, data)
        return data

    def _inflate(self, n: int, offset: int) -> bytes:
        """`n` bytes from `offset`, inflated from the seek point before it."""
        parts: list[bytes] = []
        with self._lock:
            try:
                self._raw.seek(offset)
                while n > 0 and (chunk := self._raw.read(n)):
                    parts.append(chunk)
                    n -= len(chunk)
            except (OSError, ValueError) as exc:
                raise OSError(f"gz data unreadable at byte {offset} ({exc})") from None
        return b"".join(parts)

    def read(self, n: int) -> bytes | bytearray:
        """The next `n` bytes of the sequential pass that builds the index (valid until the
        next call)."""
        with self._lock:
            if self._raw.tell() != self._scan_at:  # a record was read meanwhile
                self._raw.seek(self._scan_at)
            data = self._buffer.fill(n, self._raw.readinto)
            self._scan_at += len(data)
            with contextlib.suppress(OSError, ValueError):
                self.compressed_at = os.lseek(self._raw.fileno(), 0, os.SEEK_CUR)
            return data

    def export(self, path: Path) -> bool:
        """Save the seek points to `path` (atomically: another reader may be loading it)."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".part-")
            os.close(fd)
        except OSError:
            return False
        try:
            with self._lock:
                self._raw.export_index(temporary)
            os.replace(temporary, path)
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            return False
        return True

    def close(self) -> None:
        """Close the file."""
        with self._lock:
            self._outer.close()


def _trailer(path: Path) -> tuple[int, int] | None:
    """The CRC-32 and size (mod 2**32) the last 8 bytes of a gzip file announce."""
    try:
        with open(path, "rb") as fh:
            fh.seek(-8, 2)
            tail = fh.read(8)
    except OSError:
        return None
    if len(tail) != 8:
        return None
    return int.from_bytes(tail[:4], "little"), int.from_bytes(tail[4:], "little")


def open_gzip(path: Path, label: str, make: Callable[[], Scanner], problem: Callable[[str], None],
              max_bytes: int, what: str,
              background: bool = False) -> tuple[GzipSource, Offsets, BackgroundScan | None]:
    """The file's source and record offsets, from the cache when it has them.

    `make` builds the scanner for the layout; `what` names the scan in the cache key.
    With `background`, a file not in the cache comes back with its first chunk scanned
    and the scan of the rest to start.
    """
    key = scan_cache.key_of(path, f"gz:{what}")
    offsets = scan_cache.load(key)
    if key is not None and offsets is not None:
        seek_points = scan_cache.entry(key, ".gzi")
        if seek_points.exists():
            try:
                source = GzipSource(path, str(seek_points))
            except (OSError, ValueError):
                pass  # a damaged seek-point file: scanned again below
            else:
                source.size = offsets.size
                return source, offsets, None
    source = GzipSource(path)
    if background:
        try:
            return source, *_scan_later(source, path, make, max_bytes, label, key)
        except BaseException:
            source.close()
            raise
    try:
        fed = _scan(source, path, make, max_bytes)
    except BaseException:
        source.close()
        raise
    report(fed, label, "gz", max_bytes, problem)
    source.size = fed.offsets.size
    if key is not None and fed.damage is None and not fed.capped \
            and source.export(scan_cache.entry(key, ".gzi")):
        scan_cache.save(key, fed.offsets)
    return source, fed.offsets, None


def _scan_later(source: GzipSource, path: Path, make: Callable[[], Scanner], max_bytes: int,
                label: str, key: str | None) -> tuple[Offsets, BackgroundScan]:
    """The first chunk scanned now, the rest by a BackgroundScan; checked and cached at the
    end as `open_gzip` does."""
    crc = 0

    def read(n: int) -> bytes | bytearray:
        nonlocal crc
        chunk = source.read(n)
        crc = zlib.crc32(chunk, crc)
        source.size += len(chunk)  # records found so far are readable
        return chunk

    def done(fed: Fed) -> Offsets:
        if not fed.capped and (fed.damage is not None
                               or _trailer(path) != (crc, fed.total & 0xFFFFFFFF)):
            fed = _read_again(path, make, fed)
        report(fed, label, "gz", max_bytes, scan.problems.append)
        source.size, source.growing = fed.offsets.size, False
        if key is not None and fed.damage is None and not fed.capped \
                and source.export(scan_cache.entry(key, ".gzi")):
            scan_cache.save(key, fed.offsets)
        return fed.offsets

    source.growing = True
    scan = BackgroundScan(make(), read, done, total=path.stat().st_size,
                          where=lambda: source.compressed_at, max_bytes=max_bytes)
    scan.first()
    return scan.offsets, scan


def _scan(source: GzipSource, path: Path, make: Callable[[], Scanner], max_bytes: int) -> Fed:
    """One pass through indexed_gzip; a second through gzip when the trailer disagrees."""
    crc = 0

    def checksum(chunk: bytes) -> None:
        nonlocal crc
        crc = zlib.crc32(chunk, crc)

    fed = feed(source.read, make(), max_bytes, seen=checksum)
    if fed.capped or (fed.damage is None and _trailer(path) == (crc, fed.total & 0xFFFFFFFF)):
        return fed
    return _read_again(path, make, fed)


def _read_again(path: Path, make: Callable[[], Scanner], fed: Fed) -> Fed:
    """The scan through Python's gzip, which says where damaged data ends (see module)."""
    limit = fed.total  # what indexed_gzip could inflate: reads past it would fail
    with gzip.open(path, "rb") as stream:
        again = feed(stream.read1, make(), limit,
                     errors=(OSError, EOFError, ValueError, zlib.error))
    if again.capped:  # gzip reads on where indexed_gzip stopped: keep what both can read
        return Fed(again.offsets, limit, damage=fed.damage or "the index ends early")
    return again
