"""A dump opened for reading: lazy random access to its records by position.

Opening lists folders and indexes JSON Lines/CSV by byte offset (see tui.dumps.formats)
without parsing records; `record(i)` reads one record on demand and `row(i)` keeps the
list's (id, title) pairs in an LRU cache, so a million-line dump opens in about a second
and stays small in memory. Safe to call from several threads.
"""

from __future__ import annotations

import hashlib
import os
import threading
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tui.dumps.formats import DumpError, Reader, RecordError, open_readers
from tui.dumps.lru import Lru
from tui.text.model import Record

ROW_CACHE = 4096
RECORD_CACHE = 32
TITLE_MAX = 300  # characters of a guessed title kept for the list


@dataclass(frozen=True, slots=True)
class Row:
    """What the article list needs of one record without analysing it."""

    id: str
    title: str


def _title_guess(record: Record) -> str:
    if record.title and record.title.strip():
        return record.title.strip()[:TITLE_MAX]
    for line in record.text.splitlines():
        if line.strip():
            return line.strip()[:TITLE_MAX]
    return "(empty)"


def content_hash(text: str) -> str:
    """sha1 of the record text (UTF-8): tells whether an article changed since a decision."""
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()


class Dump:
    """The articles of one or more paths, in input order, addressed by position."""

    def __init__(self, paths: Sequence[str], readers: list[Reader],
                 problem: Callable[[str], None] = lambda _: None) -> None:
        self.paths = list(paths)
        self._readers = readers
        self._problem = problem
        self._ends: list[int] = []
        total = 0
        for reader in readers:
            total += len(reader)
            self._ends.append(total)
        self._lock = threading.Lock()
        self._rows: Lru[int, Row] = Lru(ROW_CACHE)
        self._records: Lru[int, Record] = Lru(RECORD_CACHE)
        self._reported: set[int] = set()

    @classmethod
    def open(cls, paths: Sequence[str], problem: Callable[[str], None] = lambda _: None,
             recursive: bool = False) -> Dump:
        """Open every path; unreadable parts are reported through `problem`, not raised.

        Raises DumpError only when nothing at all could be opened.
        """
        readers: list[Reader] = []
        errors: list[str] = []
        for target in paths:
            try:
                readers.extend(open_readers(target, problem, recursive))
            except DumpError as exc:
                errors.append(str(exc))
                problem(str(exc))
        if not any(len(r) for r in readers):
            for reader in readers:
                reader.close()
            raise DumpError(errors[0] if errors else f"{' '.join(paths)}: no articles found")
        return cls(paths, readers, problem)

    @property
    def name(self) -> str:
        """A short name for the header."""
        names = [Path(p).name or p for p in self.paths]
        return names[0] if len(names) == 1 else f"{names[0]} +{len(names) - 1}"

    def __len__(self) -> int:
        return self._ends[-1] if self._ends else 0

    def _locate(self, index: int) -> tuple[int, Reader, int]:
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError(f"article {index} out of range (0..{n - 1})")
        k = bisect_right(self._ends, index)
        start = self._ends[k - 1] if k else 0
        return index, self._readers[k], index - start

    def record(self, index: int) -> Record:
        """The record at `index` (0-based); an unreadable one comes back as a placeholder.

        The placeholder keeps the raw text and says what is wrong in its title and in
        `fields["problem"]`; the problem is reported once.
        """
        index, reader, j = self._locate(index)
        with self._lock:
            cached = self._records.get(index)
        if cached is not None:
            return cached
        try:
            rec = reader.record(j)
        except RecordError as exc:
            message = str(exc)
            with self._lock:
                first = index not in self._reported
                self._reported.add(index)
            if first:
                self._problem(message)
            rec = Record(reader.id_at(j), exc.raw, title=f"(unreadable) {message}",
                         fields={"problem": message})
        with self._lock:
            self._records.put(index, rec)
        return rec

    def row(self, index: int) -> Row:
        """The cheap list row for `index`, cached."""
        index = self._locate(index)[0]
        with self._lock:
            cached = self._rows.get(index)
        if cached is not None:
            return cached
        rec = self.record(index)
        row = Row(rec.id, _title_guess(rec))
        with self._lock:
            self._rows.put(index, row)
        return row

    def id_at(self, index: int) -> str:
        """The id of the record at `index`, without reading it."""
        _, reader, j = self._locate(index)
        return reader.id_at(j)

    def content_hash(self, index: int) -> str:
        """sha1 of the record text at `index` (see `content_hash`)."""
        return content_hash(self.record(index).text)

    def index_of(self, record_id: str) -> int | None:
        """The position of the record with this id, or None (e.g. to restore a position).

        An id saved when the dump was opened under another spelling of its path
        (`seeds/x.txt` vs `/home/me/seeds/x.txt`) is found too.
        """
        for rid in (record_id, self._respelled(record_id)):
            if rid is None:
                continue
            start = 0
            for reader, end in zip(self._readers, self._ends, strict=True):
                j = reader.index_of(rid)
                if j is not None:
                    return start + j
                start = end
        return None

    def _respelled(self, record_id: str) -> str | None:
        head, sep, tail = record_id.rpartition("#")
        if not (sep and tail.isdigit()):
            head, sep, tail = record_id, "", ""
        absolute = os.path.abspath(head)
        for given in self.paths:
            root = os.path.abspath(given)
            if absolute == root:
                rid = given + sep + tail
            elif absolute.startswith(root + os.sep):
                rid = str(Path(given) / os.path.relpath(absolute, root)) + sep + tail
            else:
                continue
            return rid if rid != record_id else None
        return None

    def close(self) -> None:
        """Close the files held open; temporary inflated copies disappear."""
        for reader in self._readers:
            reader.close()

    def __enter__(self) -> Dump:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
