"""A small thread-safe LRU of analysed Documents by article index."""

from __future__ import annotations

import threading

from tui.dumps.lru import Lru
from tui.text.model import Document


class DocumentCache:
    """The last `size` Documents, shared by the UI thread and the analysis workers.

    `full` marks a Document whose slow parts (language, entities) are done; a quick
    Document (structure only) may be replaced by the full one later.
    """

    def __init__(self, size: int = 64) -> None:
        self._items: Lru[int, tuple[Document, bool]] = Lru(size)
        self._lock = threading.Lock()

    @property
    def size(self) -> int:
        """How many Documents are kept at most."""
        return self._items.size

    def get(self, index: int) -> tuple[Document, bool] | None:
        """The Document at `index` and whether it is full, or None."""
        with self._lock:
            return self._items.get(index)

    def clear(self) -> None:
        """Forget every Document (they were made with what the analyser no longer uses)."""
        with self._lock:
            self._items.clear()

    def put(self, index: int, document: Document, full: bool) -> None:
        """Store a Document; a quick one never replaces a full one."""
        with self._lock:
            old = self._items.get(index)
            if old is not None and old[1] and not full:
                return
            self._items.put(index, (document, full))
