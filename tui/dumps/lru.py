"""A bounded least-recently-used cache: the list rows, records and hashes kept near the view."""

from __future__ import annotations

from collections import OrderedDict
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Lru(OrderedDict[K, V]):
    """A dict of at most `size` entries; `put` drops the one put (or moved to the end) longest
    ago, so a caller that calls `move_to_end` on a hit gets least-recently-used order."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def put(self, key: K, value: V) -> None:
        """Store `value` as the most recent entry, dropping the oldest beyond `size`."""
        self[key] = value
        self.move_to_end(key)
        if len(self) > self.size:
            self.popitem(last=False)
