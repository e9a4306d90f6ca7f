"""Units of analysis work and their outcomes: small, picklable, read where they run.

A task's source is either records already read (`Batch`: standard input, the local pool)
or a range of a dump that the process running it reads from the path itself (`LineRange`:
a byte range of a JSON Lines file's offset index; `TextSlice`: some files of a folder;
`FileRange`: records j0..j1 of any other file, opened once per process).
"""

from __future__ import annotations

import os
import platform
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tui.dumps.fields import DEFAULT_FIELDS, FieldNames
from tui.dumps.formats import JsonLines, Reader, RecordError, TextFiles, open_file
from tui.dumps.limits import DEFAULT_LIMITS, DumpLimits
from tui.dumps.offsets import Offsets
from tui.dumps.sniff import DumpError
from tui.dumps.sources import FileSource
from tui.text.model import Record

Problem = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Batch:
    """Records read by the caller, with the messages said between them, in order."""

    entries: tuple[Record | str, ...]
    size: int  # records and unreadable rows among the entries


@dataclass(frozen=True, slots=True)
class Lost:
    """A ranged source its process cannot read at all: one message, `count` records lost."""

    message: str
    count: int


@dataclass(frozen=True, slots=True)
class LineRange:
    """Lines of a plain JSON Lines file: their slice of the offset index, read by byte range."""

    path: str  # as given (messages name it)
    cwd: str  # where `path` is relative to
    name: str  # the id prefix
    starts: array
    lines: array
    end: int  # the byte after the last record
    limits: DumpLimits = DEFAULT_LIMITS
    warnings: tuple[str, ...] = ()
    names: FieldNames = DEFAULT_FIELDS


@dataclass(frozen=True, slots=True)
class TextSlice:
    """Some files of a folder (one article each), as a TextFiles reader listed them."""

    files: tuple[str, ...]
    cwd: str
    strip: int
    prefix: str
    shown: str | None
    limits: DumpLimits = DEFAULT_LIMITS


@dataclass(frozen=True, slots=True)
class FileRange:
    """Records j0..j1 (exclusive) of a file read whole (CSV, JSON, compressed, transcoded)."""

    path: str
    cwd: str
    name: str
    j0: int
    j1: int
    limits: DumpLimits = DEFAULT_LIMITS
    names: FieldNames = DEFAULT_FIELDS


Source = Batch | LineRange | TextSlice | FileRange


@dataclass(slots=True)
class Outcome:
    """What a task gave: JSON lines (True) and stderr messages (False), in input order."""

    entries: list[tuple[bool, str]] = field(default_factory=list)
    written: int = 0  # articles analysed
    failed: int = 0  # articles whose analysis failed (or that could not be reached)


def _ignore(_: str) -> None:
    """Say nothing (the caller already said it)."""
    return None


# Files read whole are opened once per process, not once per task.
_OPENED: OrderedDict[tuple[str, str, DumpLimits, FieldNames], Reader] = OrderedDict()
_KEEP_OPEN = 2


def _opened(path: str, label: str, name: str, limits: DumpLimits,
            names: FieldNames) -> Reader:
    """The reader of a file read whole, opened once per process (two kept open)."""
    key = (path, name, limits, names)
    if (reader := _OPENED.get(key)) is not None:
        _OPENED.move_to_end(key)
        return reader
    # The caller said what opening it had to say; here it is opened again, silently.
    reader = open_file(Path(path), label, _ignore, name=name, limits=limits, names=names)
    _OPENED[key] = reader
    while len(_OPENED) > _KEEP_OPEN:
        _OPENED.popitem(last=False)[1].close()
    return reader


def _reader(source: LineRange | TextSlice | FileRange, problem: Problem) -> tuple[Reader, range]:
    """The reader a ranged source reads from, and the positions it covers."""
    if isinstance(source, TextSlice):
        reader = TextFiles(list(source.files), problem, strip=source.strip,
                           prefix=source.prefix, limits=source.limits, label=source.shown,
                           root=source.cwd)
        return reader, range(len(source.files))
    path = os.path.join(source.cwd, source.path)
    if isinstance(source, LineRange):
        fh = open(path, "rb")  # noqa: SIM115 - the reader owns it and closes it
        offsets = Offsets(source.starts, source.lines, source.end)
        reader = JsonLines(FileSource(fh), offsets, source.path, source.name, source.limits,
                           source.warnings, source.names)
        return reader, range(len(offsets))
    reader = _opened(path, source.path, source.name, source.limits, source.names)
    return reader, range(source.j0, source.j1)


def _read_range(source: LineRange | TextSlice | FileRange,
                problem: Problem) -> Iterator[Record | str | Lost]:
    """A ranged source's records and messages; Lost when its path cannot be read here."""
    try:
        reader, positions = _reader(source, problem)
    except (OSError, DumpError) as exc:
        why = str(exc) if isinstance(exc, DumpError) else \
            f"{source.path}: cannot read ({exc.strerror or exc})"  # type: ignore[union-attr]
        count = size_of(source)
        yield Lost(f"{why} on {platform.node()}; {count} records skipped", count)
        return
    try:
        for j in positions:
            try:
                yield reader.record(j)
            except RecordError as exc:
                yield f"{exc}; skipped"
    finally:
        if not isinstance(source, FileRange):
            reader.close()


def read_source(source: Source, problem: Problem) -> Iterator[Record | str | Lost]:
    """The records of `source` and, in place, a message for each one that cannot be read."""
    if isinstance(source, Batch):
        yield from source.entries
    else:
        yield from _read_range(source, problem)


def size_of(source: Source) -> int:
    """How many records and unreadable rows `source` covers."""
    if isinstance(source, Batch):
        return source.size
    if isinstance(source, LineRange):
        return len(source.starts)
    if isinstance(source, TextSlice):
        return len(source.files)
    return source.j1 - source.j0
