"""Byte-offset indexes of record starts, built by scanning for newlines in big chunks.

Nothing is parsed here: a million-line file costs two compact arrays (12 bytes a record)
and one pass of `bytes.find`, so a dump opens before anything is decoded.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import IO

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


def _has_text(buf: bytes, i: int, j: int) -> bool:
    if j <= i:
        return False
    if buf[i] not in _WS:
        return True
    return not buf[i:j].isspace()


def scan_lines(fh: IO[bytes]) -> Offsets:
    """Starts of the non-blank lines of a binary file (one record per line)."""
    starts, lines = array("Q"), array("I")
    base = 0  # file offset of the current chunk
    line_start = 0  # file offset where the current line began
    line_no = 0
    pending = False  # the part of the current line seen so far holds text
    fh.seek(0)
    while chunk := fh.read(CHUNK):
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
        pending = pending or _has_text(chunk, i, len(chunk))
        base += len(chunk)
    if line_start < base:
        line_no += 1
        if pending:
            starts.append(line_start)
            lines.append(line_no)
    return Offsets(starts, lines, base)


def scan_csv_rows(fh: IO[bytes]) -> Offsets:
    """Starts of the rows of a CSV/TSV file, header included; quoted newlines stay in a row.

    A newline ends a row only when the quotes seen since the row began are balanced
    (RFC 4180 escapes a quote by doubling it, which keeps the count even).
    """
    starts, lines = array("Q"), array("I")
    base = 0
    row_start = 0
    row_line = 1
    line_no = 0
    quotes = 0
    pending = False
    fh.seek(0)
    while chunk := fh.read(CHUNK):
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
        quotes += count(b'"', i)
        pending = pending or _has_text(chunk, i, len(chunk))
        base += len(chunk)
    if pending:
        starts.append(row_start)
        lines.append(row_line)
    return Offsets(starts, lines, base)
