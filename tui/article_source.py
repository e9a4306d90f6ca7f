"""The dump as the UI sees it: rows and records by position, from the UI and worker threads."""

from __future__ import annotations

from typing import Any, Protocol

from tui.dumps.index import Row
from tui.text.model import Record


class ArticleSource(Protocol):
    """The part of tui.dumps.index.Dump the reader uses."""

    @property
    def name(self) -> str: ...
    def __len__(self) -> int: ...
    def record(self, index: int) -> Record: ...
    def row(self, index: int) -> Row: ...
    def document(self, index: int) -> dict[str, Any] | None: ...

