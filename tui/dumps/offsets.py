"""Byte-offset indexes of record starts, built by scanning for newlines in big chunks.

Nothing is parsed here: a million-line file costs two compact arrays (12 bytes a record)
and one pass of `bytes.find`, so a dump opens before anything is decoded. The scanners
take their input chunk by chunk (`feed`), so a stream is indexed as it is decompressed
and a scan can stop anywhere (a damaged stream, an inflation cap) and keep whole records.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import IO, Protocol

CHUNK = 4 * 1024 * 1024
_WS = frozenset(b" \t\r\f\v")


@dataclass(slots=True)
class Offsets:
    """Where each record starts (bytes) and on which 1-based source line."""

    starts: array  # array("Q")
    lines: array  # array("I")
    size: int  # bytes in the file: the end of the last record

    def __len__(self) -> int:
        return len(self.starts)

    def span(self, i: int) -> tuple[int, int]:
        """Start and end (exclusive, may include trailing blank lines) of record i."""
        end = self.starts[i + 1] if i + 1 < len(self.starts) else self.size
        return self.starts[i], end


@dataclass(slots=True)
class GrowingOffsets(Offsets):
    """Offsets a scan is still adding to: only the first `count` records are complete.

    The scanner appends to `starts` and `lines` (atomic under the interpreter lock) and
    then `publish`es: `size` first, so every counted record ends before it, then `count`.
    Readers in other threads take no lock: an entry past `count` is a complete later start.
    """

    count: int = 0

    def __len__(self) -> int:
        return self.count

    def publish(self, size: int, count: int) -> None:
        """Records before `count` are complete and end at or before byte `size`."""
        self.size = size
        self.count = count

    def adopt(self, final: Offsets) -> None:
        """The scan's result (the same records, perhaps longer arrays) replaces what grew."""
        self.starts, self.lines = final.starts, final.lines
        self.publish(final.size, len(final.starts))


def _has_text(buf: bytes, i: int, j: int) -> bool:
    if j <= i:
        return False
    if buf[i] not in _WS:
        return True
    return not buf[i:j].isspace()


class LineScanner:
    """Starts of the non-blank lines of a byte stream fed in chunks (one record per line)."""

    notes: Sequence[str] = ()  # a line layout cannot break off: nothing to say

    def __init__(self) -> None:
        self.starts, self.lines = array("Q"), array("I")
        self.base = 0  # stream offset of the next chunk
        self.line_start = 0  # stream offset where the current line began
        self.line_no = 0
        self.pending = False  # the part of the current line seen so far holds text

    @property
    def committed(self) -> int:
        """Where the records found so far end: the start of the unfinished line."""
        return self.line_start

    def feed(self, chunk: bytes) -> None:
        """Index the next `chunk` of the stream."""
        starts, lines = self.starts, self.lines
        base, line_start, line_no, pending = self.base, self.line_start, self.line_no, \
            self.pending
        i = 0
        find = chunk.find
        while (j := find(b"\n", i)) >= 0:
            line_no += 1
            if pending or _has_text(chunk, i, j):
                starts.append(line_start)
                lines.append(line_no)
            pending = False
            i = j + 1
            line_start = base + i
        self.pending = pending or _has_text(chunk, i, len(chunk))
        self.base, self.line_start, self.line_no = base + len(chunk), line_start, line_no

    def finish(self, whole: bool = True) -> Offsets:
        """The index; `whole=False` (the stream broke off) drops the unfinished last line."""
        if not whole:
            return Offsets(self.starts, self.lines, self.line_start)
        if self.line_start < self.base and self.pending:
            self.starts.append(self.line_start)
            self.lines.append(self.line_no + 1)
        return Offsets(self.starts, self.lines, self.base)


class CsvScanner:
    """Starts of the rows of a CSV/TSV stream, header included; quoted newlines stay in a row.

    A newline ends a row only when the quotes seen since the row began are balanced
    (RFC 4180 escapes a quote by doubling it, which keeps the count even).
    """

    notes: Sequence[str] = ()

    def __init__(self) -> None:
        self.starts, self.lines = array("Q"), array("I")
        self.base = 0
        self.row_start = 0
        self.row_line = 1
        self.line_no = 0
        self.quotes = 0
        self.pending = False

    @property
    def committed(self) -> int:
        """Where the rows found so far end: the start of the unfinished row."""
        return self.row_start

    def feed(self, chunk: bytes) -> None:
        """Index the next `chunk` of the stream."""
        starts, lines = self.starts, self.lines
        base, row_start, row_line = self.base, self.row_start, self.row_line
        line_no, quotes, pending = self.line_no, self.quotes, self.pending
        i = 0
        find, count = chunk.find, chunk.count
        while (j := find(b"\n", i)) >= 0:
            line_no += 1
            quotes += count(b'"', i, j)
            pending = pending or _has_text(chunk, i, j)
            i = j + 1
            if quotes % 2 == 0:
                if pending:
                    starts.append(row_start)
                    lines.append(row_line)
                pending = False
                quotes = 0
                row_start = base + i
                row_line = line_no + 1
        self.quotes = quotes + count(b'"', i)
        self.pending = pending or _has_text(chunk, i, len(chunk))
        self.base, self.row_start, self.row_line, self.line_no = \
            base + len(chunk), row_start, row_line, line_no

    def finish(self, whole: bool = True) -> Offsets:
        """The index; `whole=False` (the stream broke off) drops the unfinished last row."""
        if not whole:
            return Offsets(self.starts, self.lines, self.row_start)
        if self.pending:
            self.starts.append(self.row_start)
            self.lines.append(self.row_line)
        return Offsets(self.starts, self.lines, self.base)


class Scanner(Protocol):
    """What indexes a layout (lines, CSV rows, a JSON array's elements), fed in chunks."""

    starts: array  # array("Q"): record starts, appended as they are found
    lines: array  # array("I"): the number each record goes by (a line, an element)
    notes: Sequence[str]  # why the layout broke off, one line each, once the stream ends

    @property
    def committed(self) -> int:
        """Where the records found so far end."""
        ...

    def feed(self, chunk: bytes) -> None:
        """Index the next `chunk` of the stream."""
        ...

    def finish(self, whole: bool = True) -> Offsets:
        """The index; `whole=False` when the stream broke off."""
        ...


def scan(chunks: Iterable[bytes], scanner: Scanner) -> Offsets:
    """Feed every chunk to `scanner` and finish it."""
    for chunk in chunks:
        scanner.feed(chunk)
    return scanner.finish()


def _chunks(fh: IO[bytes]) -> Iterable[bytes]:
    fh.seek(0)
    while chunk := fh.read(CHUNK):
        yield chunk


def scan_lines(fh: IO[bytes]) -> Offsets:
    """Starts of the non-blank lines of a binary file (one record per line)."""
    return scan(_chunks(fh), LineScanner())
