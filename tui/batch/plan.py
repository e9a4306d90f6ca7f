"""Cutting the dumps on the command line into tasks, in input order.

Every target is opened first (so the progress bar knows the total) and what opening said
is kept to be printed where reading it one by one would have printed it: before the
target's records, after the previous target's. A target that cannot be opened at all
becomes a fatal task at its place: what came before it is still written.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from queue import Empty, Queue
from typing import IO, Any

from tui.batch.tasks import Batch, FileRange, LineRange, Source, TextSlice, size_of
from tui.dumps.fields import DEFAULT_FIELDS, FieldNames
from tui.dumps.formats import (
    STDIN,
    STDIN_NAME,
    DumpError,
    JsonLines,
    Reader,
    RecordError,
    TextFiles,
    id_root,
    open_readers,
    stream_jsonl,
)
from tui.dumps.limits import DumpLimits
from tui.dumps.sources import FileSource
from tui.text.model import Record


@dataclass(slots=True)
class Task:
    """One step of the run: messages to print, then a source to analyse, or a fatal error."""

    seq: int
    notes: list[str] = field(default_factory=list)
    source: Source | None = None
    fatal: str | None = None  # stop here with this message (exit 2)
    # Nothing to do: the streamed input is waiting for more (time to show what is done).
    idle: bool = False

    @property
    def size(self) -> int:
        """Records and unreadable rows this task covers."""
        return 0 if self.source is None else size_of(self.source)


@dataclass(slots=True)
class Target:
    """One command-line path, opened: readers (or a stream), what opening said, or why not."""

    notes: list[str] = field(default_factory=list)
    readers: list[Reader] = field(default_factory=list)
    stream: IO[bytes] | None = None
    error: str | None = None


class Dumps:
    """The targets of one run, opened up front; closed when the run ends."""

    def __init__(self, paths: list[str], recursive: bool, limits: DumpLimits,
                 names: FieldNames = DEFAULT_FIELDS) -> None:
        self.limits = limits
        self.names = names
        self.targets: list[Target] = []
        for path in paths:
            target = Target()
            self.targets.append(target)
            if path == STDIN:
                from tui.dumps.stdin import jsonl_stdin

                if (stream := jsonl_stdin()) is not None:
                    target.stream = stream
                    continue
            try:
                target.readers = open_readers(path, target.notes.append, recursive,
                                              root=id_root([path]), limits=limits, names=names)
            except DumpError as exc:
                target.error = str(exc)
                break  # nothing after it is read: the run stops there

    @property
    def streaming(self) -> bool:
        """True when a target is read as it arrives (standard input holding JSON Lines)."""
        return any(t.stream is not None for t in self.targets)

    def total(self) -> int | None:
        """Records and rows in every target, or None when one is a stream."""
        if self.streaming:
            return None
        return sum(len(r) for t in self.targets for r in t.readers)

    def close(self) -> None:
        """Close every reader (temporary files vanish)."""
        for target in self.targets:
            for reader in target.readers:
                reader.close()

    def __enter__(self) -> Dumps:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _entries(target: Target, limits: DumpLimits,
             names: FieldNames) -> Iterator[tuple[Record | str, bool]]:
    """A target's records read here, each message at its place; True marks a record or row."""
    notes = target.notes

    def said() -> Iterator[tuple[Record | str, bool]]:
        """The messages said since the last call, in order."""
        yield from ((note, False) for note in notes)
        notes.clear()

    yield from said()
    if target.stream is not None:
        yield from _streamed(target.stream, limits, names)
        return
    for reader in target.readers:
        for j in range(len(reader)):
            try:
                record = reader.record(j)
            except RecordError as exc:
                yield from said()
                yield f"{exc}; skipped", True
                continue
            yield from said()  # what reading it said (a damaged compressed file)
            yield record, True


IDLE = "\x00idle"
"""Said by a streamed target when no record came for IDLE_WAIT seconds."""
IDLE_WAIT = 0.05
_END = object()


def _feed(stream: IO[bytes], limits: DumpLimits, names: FieldNames, queue: Queue[Any]) -> None:
    """Read the stream into the queue (in a thread): records, messages, then the end."""
    notes: list[str] = []
    try:
        for record in stream_jsonl(stream, STDIN_NAME, notes.append, limits, names=names):
            for note in notes:
                queue.put((note, False))
            notes.clear()
            queue.put((record, True))
        for note in notes:
            queue.put((note, False))
        queue.put(_END)
    except BaseException as exc:  # handed to the reading side, which raises it
        queue.put(exc)


def _streamed(stream: IO[bytes], limits: DumpLimits,
              names: FieldNames) -> Iterator[tuple[Record | str, bool]]:
    """A stream's entries as they arrive; IDLE whenever none came for a moment.

    A thread blocks on the stream so that the run can hand out what is done meanwhile
    (`tail -f news.jsonl | warta analyse -`).
    """
    queue: Queue[Any] = Queue(maxsize=4096)
    threading.Thread(target=_feed, args=(stream, limits, names, queue), daemon=True,
                     name="warta-stdin").start()
    while True:
        try:
            item = queue.get(timeout=IDLE_WAIT)
        except Empty:
            yield IDLE, False
            continue
        if item is _END:
            return
        if isinstance(item, BaseException):
            raise item
        yield item


class _Batches:
    """Records gathered into numbered Batches of at least `chunk` records' worth."""

    def __init__(self, chunk: int) -> None:
        self.chunk = chunk
        self.seq = 0  # the next Batch's number
        self._entries: list[Record | str] = []
        self._size = 0

    def add(self, entry: Record | str, counts: int) -> list[Task]:
        """Gather one entry; the Batch it completes, if any."""
        self._entries.append(entry)
        self._size += counts
        return self.flush() if self._size >= self.chunk else []

    def flush(self) -> list[Task]:
        """The Batch gathered so far, if any."""
        if not self._entries:
            return []
        task = Task(self.seq, source=Batch(tuple(self._entries), self._size))
        self.seq, self._entries, self._size = self.seq + 1, [], 0
        return [task]


def local_tasks(dumps: Dumps, chunk: int) -> Iterator[Task]:
    """Tasks of `chunk` records read here (the local pool ships the records themselves)."""
    batches = _Batches(chunk)
    for target in dumps.targets:
        for entry, counts in _entries(target, dumps.limits, dumps.names):
            if entry is IDLE:
                yield from batches.flush()
                yield Task(-1, idle=True)
            else:
                yield from batches.add(entry, counts)
        if target.error is not None:
            yield from batches.flush()
            yield Task(batches.seq, fatal=target.error)
            return
    yield from batches.flush()


def _ranges(reader: Reader, chunk: int, cwd: str, limits: DumpLimits,
            names: FieldNames) -> Iterator[Source]:
    """A reader's records as sources its worker reads from the path itself."""
    n = len(reader)
    for j0 in range(0, n, chunk):
        j1 = min(n, j0 + chunk)
        if isinstance(reader, TextFiles):
            yield TextSlice(tuple(reader.files[j0:j1]), cwd, reader.strip, reader.prefix,
                            reader.shown, limits)
        elif isinstance(reader, JsonLines) and _reads_the_file(reader):
            offsets = reader.offsets
            end = offsets.starts[j1] if j1 < n else offsets.size
            yield LineRange(reader.label, cwd, reader.name, offsets.starts[j0:j1],
                            offsets.lines[j0:j1], end, limits, reader.warnings, names)
        else:
            yield FileRange(reader.label, cwd, reader.name, j0, j1, limits, names)


def _reads_the_file(reader: JsonLines) -> bool:
    """True when the reader's bytes are the file at its path (not inflated or transcoded)."""
    if not isinstance(reader.source, FileSource):  # gzip, zstd: inflated as read
        return False
    try:
        mine, theirs = os.fstat(reader.source.fd), os.stat(reader.label)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (theirs.st_dev, theirs.st_ino)


def path_tasks(dumps: Dumps, chunk: int) -> Iterator[Task]:
    """Tasks naming ranges of the dump's files, for workers that read the paths themselves."""
    cwd = os.getcwd()
    seq = 0
    for target in dumps.targets:
        notes = list(target.notes)
        for reader in target.readers:
            for source in _ranges(reader, chunk, cwd, dumps.limits, dumps.names):
                yield Task(seq, notes, source)
                seq, notes = seq + 1, []
        if notes or target.error is not None:
            yield Task(seq, notes, fatal=target.error)
            seq += 1
        if target.error is not None:
            return
