"""A stream that cannot be entered in the middle, copied to a temporary file as it is scanned.

bz2 and xz (and a zstd file of one big frame) are read this way in the background: the
opener inflates and indexes the first chunk, then a BackgroundScan (tui.dumps.background)
reads on, appending every inflated chunk to the copy before its records are counted, so
each record found is readable at once by offset. The copy is an anonymous file (unlinked
as it is made: it vanishes when the dump closes, or when the process dies) in the cache
folder, not the system's temporary folder, which is often memory (tmpfs) and the copy is
as big as the inflated dump. It is not kept for the next open: inflated dumps are many
times their compressed size, and a second open shows its first article as soon anyway.
"""

from __future__ import annotations

import bz2
import codecs
import gzip
import lzma
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from tui.dumps import scan_cache
from tui.dumps.background import BackgroundScan
from tui.dumps.offsets import Offsets, Scanner
from tui.dumps.sniff import Compression, DumpError
from tui.dumps.sources import DECOMPRESS_ERRORS, Fed, FileSource, StepBuffer, report


@dataclass(slots=True)
class Stream:
    """What a spilled scan reads: inflated bytes, and how far into the file on disk it is."""

    read: Callable[[int], bytes | bytearray]  # up to n inflated bytes; empty at the end
    position: Callable[[], int]  # bytes of the file on disk consumed so far
    size: int  # the file's size on disk: what `position` runs up to
    close: Callable[[], None]
    errors: tuple[type[BaseException], ...] = DECOMPRESS_ERRORS  # what `read` raises on damage
    what: str = ""  # how messages name the data ("bz2", "xz")


def spill_file() -> IO[bytes]:
    """An anonymous file in the cache folder (the system's temporary folder if that fails)."""
    try:
        folder = scan_cache.folder()
        folder.mkdir(parents=True, exist_ok=True)
        return tempfile.TemporaryFile(prefix="warta-", dir=folder)
    except OSError:
        return tempfile.TemporaryFile(prefix="warta-")


PIECE = 256 * 1024  # asked of read1 at a time: a bigger ask costs a buffer that size per call


class _Gathered:
    """`read(n)` over a `read1`: up to n bytes, and what came before damage kept.

    The pieces are copied into one reused buffer (tui.dumps.sources.StepBuffer), which the
    next call overwrites. The damage is raised by the next call, so the scan indexes the
    bytes before it first.
    """

    def __init__(self, read1: Callable[[int], bytes],
                 errors: tuple[type[BaseException], ...]) -> None:
        self._read1, self._errors = read1, errors
        self._damage: BaseException | None = None
        self._buffer = StepBuffer()

    def read(self, n: int) -> bytes | bytearray:
        """Up to `n` bytes (fewer only at the end or before damage)."""
        if self._damage is not None:
            raise self._damage
        return self._buffer.fill(n, self._gather)

    def _gather(self, view: memoryview) -> int:
        got = 0
        try:
            while got < len(view) and (chunk := self._read1(min(len(view) - got, PIECE))):
                view[got:got + len(chunk)] = chunk
                got += len(chunk)
        except self._errors as exc:
            if not got:
                raise
            self._damage = exc
        return got


# Read here as a stream (zstd has its own reader: tui.dumps.zstdsource).
STREAMED = (Compression.NONE, Compression.GZIP, Compression.BZIP2, Compression.XZ)


def file_stream(path: Path, comp: Compression) -> Stream:
    """The (inflated) bytes of a plain, gzip, bz2 or xz file, and the position on disk."""
    fh = open(path, "rb")  # noqa: SIM115 - closed by the stream's `close`
    try:
        size = os.fstat(fh.fileno()).st_size
        if comp is Compression.NONE:
            return Stream(fh.read, fh.tell, size, fh.close)
        inner: Any = gzip.GzipFile(fileobj=fh) if comp is Compression.GZIP else \
            bz2.BZ2File(fh) if comp is Compression.BZIP2 else lzma.LZMAFile(fh)  # noqa: SIM115
    except BaseException:
        fh.close()
        raise

    def close() -> None:
        inner.close()
        fh.close()

    return Stream(_Gathered(inner.read1, DECOMPRESS_ERRORS).read, fh.tell, size, close,
                  what=comp.value)


def transcoded(stream: Stream, encoding: str) -> Stream:
    """`stream` (text in `encoding`, e.g. UTF-16) as UTF-8, bad bytes replaced."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    ended = False

    def read(n: int) -> bytes:
        nonlocal ended
        while not ended:
            data = stream.read(n)
            text = decoder.decode(data, final=not data)
            ended = not data
            if text:
                return text.encode("utf-8")
        return b""

    return Stream(read, stream.position, stream.size, stream.close, stream.errors,
                  stream.what or encoding)


def spill_later(stream: Stream, make: Callable[[], Scanner], max_bytes: int,
                label: str) -> tuple[FileSource, Offsets, BackgroundScan]:
    """The first chunk inflated, copied and scanned now; the rest by the BackgroundScan.

    DumpError when not a byte could be read (the message names the file).
    """
    out = spill_file()

    def read(n: int) -> bytes:
        chunk = stream.read(n)
        out.write(chunk)
        out.flush()  # os.pread sees it: the records found are readable at once
        return chunk

    def done(fed: Fed) -> None:
        stream.close()
        report(fed, label, stream.what, max_bytes, scan.problems.append)

    scan = BackgroundScan(make(), read, done, total=stream.size, where=stream.position,
                          max_bytes=max_bytes, errors=stream.errors)
    try:
        scan.first()
    except BaseException:
        stream.close()
        out.close()
        raise
    if scan.read_bytes == 0 and (problems := scan.take_problems()):
        out.close()
        raise DumpError(problems[0])
    scan.on_close = stream.close  # stopped half-way: the compressed file is not needed either
    return FileSource(out), scan.offsets, scan
