"""A bounded least-recently-used cache: the list rows, records and hashes kept near the view."""

from __future__ import annotations

from collections import OrderedDict
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Lru(OrderedDict[K, V]):
    """A dict of at most `size` entries: `get` moves a hit to the end, `put` drops the entry
    used longest ago, so what is kept is what was used last."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def get(self, key: K, default: V | None = None) -> V | None:  # type: ignore[override]
        """The value of `key`, now the most recently used; `default` when absent."""
        if key not in self:
            return default
        self.move_to_end(key)
        return self[key]

    def put(self, key: K, value: V) -> None:
        """Store `value` as the most recent entry, dropping the oldest beyond `size`."""
        self[key] = value
        self.move_to_end(key)
        if len(self) > self.size:
            self.popitem(last=False)
