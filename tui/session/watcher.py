"""Other readers of the same sidecar: their triage changes noticed, their presence told.

Two processes on one sidecar: the Store lets both write (SQLite serialises them; the
last decision on an article wins). The Watcher notices the other process's triage
changes (each session counts its own in the sidecar's `writers` table; analysis cache
writes never count) so the reader can reload and say so, and SidecarPresence tells at
start that another reader already has the dump open.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import IO

from tui.dumps.store import Store


class Watcher:
    """Polls the sidecar for triage changes other sessions committed."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._seen = self._others()  # the other sessions' total when last looked at

    def _others(self) -> int | None:
        try:
            return self.store.writes_by_others()
        except sqlite3.Error:  # unreadable for now: nothing new
            return None

    def changed(self) -> bool:
        """True when other sessions committed triage changes since the last look."""
        seen = self._others()
        if seen is None or seen == self._seen:
            return False
        self._seen = seen
        return True


class SidecarPresence:
    """An advisory lock beside the sidecar that says "a reader has this dump open".

    The Store lets two processes write safely; this only lets the second one say so at
    start. The lock dies with its process, even on SIGKILL.
    """

    def __init__(self, sidecar: str | os.PathLike[str]) -> None:
        self.path = Path(f"{sidecar}.lock")
        self._fh: IO[str] | None = None

    def claim(self) -> bool:
        """Take the lock; False when another process holds it (or locks are unsupported)."""
        try:
            import fcntl
        except ImportError:  # not POSIX: no presence check
            return True
        try:
            self._fh = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 - held open
            fcntl.flock(self._fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            if self._fh is not None:
                self._fh.close()
                self._fh = None
            return False

    def release(self) -> None:
        """Let go of the lock."""
        if self._fh is not None:
            self._fh.close()
            self._fh = None
