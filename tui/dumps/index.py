"""A dump opened for reading: lazy random access to its records by position.

Opening lists folders and indexes JSON Lines/CSV by byte offset (see tui.dumps.formats)
without parsing records; `record(i)` reads one record on demand and `row(i)` keeps the
list's (id, title) pairs in an LRU cache, so a million-line dump opens in about a second
and stays small in memory. Safe to call from several threads.

Opened with `background=True`, a big file's scan goes on in a thread after its first
chunk (`start_scan`; tui.dumps.background): the dump's length grows as records are found.
Files after one still scanning are not counted yet, so a position never changes meaning.

An unusable record is an error row (`Row.error`, its title says why) and `record(i)`
raises RecordError for it. Record ids are relative to the dump's resolved root, so the
spelling of the paths does not change them; `current_id` maps ids saved under the older,
spelled-path scheme.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.dumps.background import BackgroundScan, ScanProgress
from tui.dumps.fields import DEFAULT_FIELDS, FieldNames
from tui.dumps.formats import (
    STDIN,
    STDIN_NAME,
    DumpError,
    Reader,
    RecordError,
    id_root,
    open_readers,
)
from tui.dumps.limits import DEFAULT_LIMITS, DumpLimits
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
    error: bool = False  # the record is unusable; `title` says why ("line 7: not valid JSON")


# A line a whole-page scrape opens with that is page furniture, not the headline: menu and
# breadcrumb separators, skip links, a sentence's end (titles carry no full stop).
_FURNITURE = re.compile(r"\s[|/·•>›»]\s|^[|/·•>›»]|[|/·•>›»]$|^skip to\b|^(menu|search)\b",
                        re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…;,][\"'”’»)\]]*$")
TITLE_SCAN = 25  # non-blank lines looked at for a headline-like one


def _looks_like_title(line: str) -> bool:
    """Headline-shaped: a few words (or a long unspaced script line), no menu, no full stop."""
    return ((len(line.split()) >= 3 or len(line) >= 12) and len(line) <= 200
            and _FURNITURE.search(line) is None and _SENTENCE_END.search(line) is None)


def _title_guess(record: Record) -> str:
    """The list's title before analysis: the record's, else the first headline-like line
    near the top (not "Beranda" or "Home | News | …"), else the first line."""
    if record.title and record.title.strip():
        return record.title.strip()[:TITLE_MAX]
    first = None
    for n, line in enumerate(s for raw in record.text.splitlines() if (s := raw.strip())):
        first = first or line
        if n >= TITLE_SCAN:
            break
        if _looks_like_title(line):
            return line[:TITLE_MAX]
    return first[:TITLE_MAX] if first else "(empty)"


def content_hash(text: str) -> str:
    """sha1 of the record text (UTF-8): tells whether an article changed since a decision."""
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()


class Dump:
    """The articles of one or more paths, in input order, addressed by position."""

    def __init__(self, paths: Sequence[str], readers: list[Reader],
                 problem: Callable[[str], None] = lambda _: None, root: str = "") -> None:
        self.paths = list(paths)
        self.root = root  # the resolved folder record ids are relative to
        self._readers = readers
        self._problem = problem
        self._ends: list[int] = []  # where each reader before the first still scanning ends
        self._lock = threading.Lock()
        self._settle()
        self._rows: Lru[int, Row] = Lru(ROW_CACHE)
        self._records: Lru[int, Record] = Lru(RECORD_CACHE)
        self._reported: set[int] = set()

    @classmethod
    def open(cls, paths: Sequence[str], problem: Callable[[str], None] = lambda _: None,
             recursive: bool = False, limits: DumpLimits = DEFAULT_LIMITS,
             names: FieldNames = DEFAULT_FIELDS, background: bool = False) -> Dump:
        """Open every path (`-`: standard input); unreadable parts are reported, not raised.

        `names` says which fields of structured records hold the title and the text;
        `background`: big files are scanned after `start_scan`, not before this returns.
        Raises DumpError only when nothing at all could be opened.
        """
        readers: list[Reader] = []
        errors: list[str] = []
        opened: list[str] = []  # the header names only these
        root = id_root(list(paths))
        for target in paths:
            try:
                readers.extend(open_readers(target, problem, recursive, root=root,
                                            limits=limits, names=names,
                                            background=background))
                opened.append(target)
            except DumpError as exc:
                errors.append(str(exc))
                problem(str(exc))
        if not any(len(r) for r in readers):
            for reader in readers:
                reader.close()
            raise DumpError(errors[0] if errors else f"{' '.join(paths)}: no articles found")
        dump = cls(opened, readers, problem, root)
        for message in dump.scan_problems():
            problem(message)
        return dump

    @property
    def name(self) -> str:
        """A short name for the header: the paths that opened, first one named."""
        names = [STDIN_NAME if p == STDIN else Path(p).name or p for p in self.paths]
        return names[0] if len(names) == 1 else f"{names[0]} +{len(names) - 1}"

    # -- a scan in the background ---------------------------------------------------------

    def _scans(self) -> list[BackgroundScan]:
        return [reader.scan for reader in self._readers if reader.scan is not None]

    def _settle(self) -> None:
        """Count the readers whose scan is over, up to the first one still scanning."""
        with self._lock:
            ends = self._ends
            while len(ends) < len(self._readers):
                reader = self._readers[len(ends)]
                if reader.scan is not None and reader.scan.scanning:
                    break
                ends.append((ends[-1] if ends else 0) + len(reader))

    def start_scan(self) -> None:
        """Scan the rest of the big files in the background (nothing to do: no-op)."""
        for scan in self._scans():
            scan.start()

    @property
    def scanning(self) -> bool:
        """True while a background scan is still adding records."""
        len(self)  # counts a file whose scan has just ended
        return len(self._ends) < len(self._readers)

    def scan_progress(self) -> ScanProgress | None:
        """Records found so far, bytes read, rate and share of the file; None when done."""
        if not self.scanning:
            return None
        scans = self._scans()
        live = [s for s in scans if s.scanning]
        position = sum(s.position for s in scans)
        totals = [s.total for s in scans]
        total = None if None in totals else sum(t for t in totals if t is not None)
        rate = sum(s.progress().rate for s in live)
        return ScanProgress(len(self), position, total, rate)

    def scan_problems(self) -> list[str]:
        """What the scans found wrong since last asked, one line each."""
        return [line for scan in self._scans() for line in scan.take_problems()]

    def wait_scanned(self, timeout: float | None = None) -> bool:
        """Block until every scan is over (True), or `timeout` seconds pass (False)."""
        ok = all(scan.wait(timeout) for scan in self._scans())
        self._settle()
        return ok

    # -- positions ---------------------------------------------------------------------------

    def __len__(self) -> int:
        ends = self._ends
        if len(ends) == len(self._readers):
            return ends[-1] if ends else 0
        growing = self._readers[len(ends)]
        scan = growing.scan
        if scan is not None and not scan.scanning:
            self._settle()
            return len(self)
        return (ends[-1] if ends else 0) + len(growing)

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
        """The record at `index` (0-based); RecordError (one line) when it is unusable.

        The problem is also reported through `problem`, once per record.
        """
        index, reader, j = self._locate(index)
        with self._lock:
            cached = self._records.get(index)
        if cached is not None:
            return cached
        try:
            rec = reader.record(j)
        except RecordError as exc:
            with self._lock:
                first = index not in self._reported
                self._reported.add(index)
            if first:
                self._problem(str(exc))
            raise
        with self._lock:
            self._records.put(index, rec)
        return rec

    def document(self, index: int) -> dict[str, Any] | None:
        """The analysis the dump holds for `index` (a file written by `warta analyse -o`),
        as the contract's dict; None for any other dump, or a row that cannot be read."""
        _, reader, j = self._locate(index)
        try:
            return reader.document(j)
        except RecordError:
            return None

    def row(self, index: int) -> Row:
        """The cheap list row for `index`, cached; an unusable record gives an error row."""
        index = self._locate(index)[0]
        with self._lock:
            cached = self._rows.get(index)
        if cached is not None:
            return cached
        try:
            rec = self.record(index)
            row = Row(rec.id, _title_guess(rec))
        except RecordError as exc:
            row = Row(self.id_at(index), exc.short[:TITLE_MAX], error=True)
        with self._lock:
            self._rows.put(index, row)
        return row

    def id_at(self, index: int) -> str:
        """The id of the record at `index`, without reading it."""
        _, reader, j = self._locate(index)
        return reader.id_at(j)

    def content_hash(self, index: int) -> str:
        """sha1 of the record text at `index` (see `content_hash`); of the raw bytes' text
        for an unusable record, so a decision on it still notices a change."""
        try:
            return content_hash(self.record(index).text)
        except RecordError as exc:
            return content_hash(exc.raw)

    def index_of(self, record_id: str) -> int | None:
        """The position of the record with this id, or None (e.g. to restore a position).

        An id saved under the older scheme (the path as spelled: `seeds/x.txt`,
        `/home/me/seeds/x.txt#3`) is found too, through `current_id`.
        """
        found = self._exact(record_id)
        if found is None and (current := self.current_id(record_id)) is not None:
            found = self._exact(current)
        return found

    def _exact(self, rid: str) -> int | None:
        start = 0
        ends = list(self._ends)
        for k, reader in enumerate(self._readers):
            j = reader.index_of(rid)
            if j is not None and (k < len(ends) or start + j < len(self)):
                return start + j
            if k >= len(ends):
                return None  # the files after one still scanning are not counted yet
            start = ends[k]
        return None

    def current_id(self, old_id: str) -> str | None:
        """The id under the current scheme of an id spelled with a path, or None.

        Absolute paths are made relative to the root; other spellings are matched by their
        longest tail of path components that names a record of this dump
        (`../main/seeds/x.txt#3` -> `x.txt#3`).
        """
        if self._exact(old_id) is not None:
            return old_id
        head, sep, tail = old_id.rpartition("#")
        if not (sep and tail.isdigit()):
            head, sep, tail = old_id, "", ""
        if os.path.isabs(head) and self.root:
            rel = os.path.relpath(os.path.realpath(head), self.root)
            candidate = rel.replace(os.sep, "/") + sep + tail
            if not rel.startswith("..") and self._exact(candidate) is not None:
                return candidate
        parts = [p for p in head.replace(os.sep, "/").split("/") if p not in ("", ".")]
        for k in range(len(parts)):
            candidate = "/".join(parts[k:]) + sep + tail
            if self._exact(candidate) is not None:
                return candidate
        return None

    def close(self) -> None:
        """Close the files held open; temporary inflated copies disappear."""
        for reader in self._readers:
            reader.close()

    def __enter__(self) -> Dump:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
