"""The dump as the UI sees it: rows and records by position, from the UI and worker threads."""

from __future__ import annotations

from typing import Protocol

from tui.dumps.index import Row
from tui.text.model import Record


class Dump(Protocol):
    """The part of tui.dumps.index.Dump the reader uses."""

    @property
    def name(self) -> str: ...
    def __len__(self) -> int: ...
    def record(self, index: int) -> Record: ...
    def row(self, index: int) -> Row: ...


class ArticleSource:
    """The reader's view of a Dump (which is safe to read from several threads)."""

    def __init__(self, dump: Dump) -> None:
        self.dump = dump
        self._len = len(dump)

    @property
    def name(self) -> str:
        """The dump's short name, for the header."""
        return self.dump.name

    def __len__(self) -> int:
        return self._len

    def row(self, index: int) -> Row:
        """The cheap list row of article `index`."""
        return self.dump.row(index)

    def record(self, index: int) -> Record:
        """The full record of article `index`."""
        return self.dump.record(index)
