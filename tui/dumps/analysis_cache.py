"""Analysed Documents kept in the sidecar's `analysis` table, through a connection of its own.

Not precious: written without a sync per commit, never checked at open, never counted as
a triage change; a damaged entry reads as an error the caller takes for a miss. Its own
connection (and lock), so an analysis thread writing here never makes a decision on the
UI thread wait. Rows are keyed by article id, a digest of the record (tui.analyser's
`record_digest`) and the pipeline version; other versions are dropped in the background.

Without a sidecar (triage off: no state file could be opened) there is no cache. A
sidecar that cannot be written is still read.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
from pathlib import Path
from typing import Any

from tui.dumps.store import BUSY_MS, Store, read_only_uri

PRUNE_BATCH = 500  # stale Documents dropped per transaction
DESCRIBE_BATCH = 2000  # kept Documents read per turn of the lock by `described`
HEAD_CHARS = 4096  # the start of a kept Document: its id, title, language and meta


def _head(head: str) -> tuple[str | None, str | None, int] | None:
    """Title, language and words from the start of a Document's JSON (`to_dict` puts them
    before the blocks), without decoding the blocks; None when they are not all there."""
    cut = head.find(', "blocks": ')
    if cut < 0:
        return None
    try:
        data = json.loads(head[:cut] + "}")
        title, language = data.get("title"), data.get("language")
        words = (data.get("meta") or {}).get("words")
    except (ValueError, AttributeError):
        return None
    return (title if isinstance(title, str) else None,
            language if isinstance(language, str) else None,
            words if isinstance(words, int) else 0)


class AnalysisCache:
    """Documents by (article id, record digest, version) in one sidecar; thread-safe."""

    def __init__(self, path: str | os.PathLike[str] | None, writable: bool = True) -> None:
        self.path = None if path is None else Path(path)
        self.writable = writable and path is not None
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._pruning = False

    @classmethod
    def beside(cls, store: Store | None) -> AnalysisCache:
        """The cache in `store`'s file (read-only when the store is); none without one."""
        if store is None:
            return cls(None)
        return cls(store.path, writable=not store.readonly)

    def _connection(self) -> sqlite3.Connection | None:
        """The connection, opened on first use (None without a sidecar)."""
        if self._conn is None and self.path is not None:
            if self.writable:
                conn = sqlite3.connect(self.path, timeout=BUSY_MS / 1000,
                                       check_same_thread=False, isolation_level=None)
                conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
                conn.execute("PRAGMA synchronous = NORMAL")
            else:
                conn = sqlite3.connect(read_only_uri(self.path), uri=True,
                                       timeout=BUSY_MS / 1000, check_same_thread=False)
            self._conn = conn
        return self._conn

    def get(self, article_id: str, record_digest: str, version: str) -> Any | None:
        """The Document dict kept for this record and version, or None.

        sqlite3.Error on a damaged file: the caller decides it is a miss.
        """
        row = self._one("SELECT document FROM analysis WHERE article_id = ? AND "
                        "content_hash = ? AND version = ?", (article_id, record_digest, version))
        return None if row is None else json.loads(row[0])

    def _one(self, sql: str, args: tuple[Any, ...]) -> tuple[Any, ...] | None:
        """The first row `sql` finds, or None (also without a sidecar)."""
        with self._lock:
            conn = self._connection()
            return None if conn is None else conn.execute(sql, args).fetchone()

    def described(self, batch: int = DESCRIBE_BATCH) -> dict[str, tuple[str | None, str | None,
                                                                         int]]:
        """Title, language and words of every kept Document, by article id (the newest
        kept one of each article): a list row after a restart, before any analysis.

        Read `batch` rows at a time, the lock let go in between: the analysis thread's
        reads and writes never wait for the whole table. sqlite3.Error on a damaged file:
        the caller decides it is nothing kept.
        """
        out: dict[str, tuple[str | None, str | None, int]] = {}
        after = -1
        while True:
            with self._lock:
                conn = self._connection()
                if conn is None:
                    return out
                rows = conn.execute(
                    "SELECT rowid, article_id, substr(document, 1, ?) FROM analysis "
                    "WHERE rowid > ? ORDER BY rowid LIMIT ?", (HEAD_CHARS, after, batch),
                ).fetchall()
            for rowid, article, head in rows:
                after = rowid
                found = _head(str(head))
                if found is not None:
                    out[str(article)] = found
            if len(rows) < batch:
                return out

    def title(self, article_id: str) -> str | None:
        """The title of the newest Document kept for the article, or None.

        sqlite3.Error on a damaged file: the caller decides it is a miss.
        """
        row = self._one("SELECT json_extract(document, '$.title') FROM analysis WHERE "
                        "article_id = ? ORDER BY rowid DESC LIMIT 1", (article_id,))
        return None if row is None or row[0] is None else str(row[0])

    def put(self, article_id: str, record_digest: str, version: str,
            document: dict[str, Any]) -> None:
        """Keep a Document dict (`Document.to_dict()`); nothing happens when read-only.

        The first write also starts dropping other versions' rows in the background.
        """
        if not self.writable:
            return
        data = json.dumps(document, ensure_ascii=False)
        with self._lock:
            conn = self._connection()
            assert conn is not None
            conn.execute("BEGIN IMMEDIATE")
            try:
                # The article's earlier text under this version will not be asked for again.
                conn.execute("DELETE FROM analysis WHERE article_id = ? AND version = ? "
                             "AND content_hash != ?", (article_id, version, record_digest))
                conn.execute("INSERT OR REPLACE INTO analysis VALUES (?, ?, ?, ?)",
                             (article_id, record_digest, version, data))
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
            start_pruning = not self._pruning
            self._pruning = True
        if start_pruning:
            threading.Thread(target=self._prune_quietly, args=(version,),
                             name="prune-analysis", daemon=True).start()

    def prune(self, version: str, batch: int = PRUNE_BATCH) -> int:
        """Drop every other version's Documents, `batch` rows per short transaction (so a
        decision never waits long for the lock); how many were dropped."""
        if not self.writable or self.path is None:
            return 0
        dropped = 0
        conn = sqlite3.connect(self.path, timeout=BUSY_MS / 1000, isolation_level=None)
        try:
            conn.execute("PRAGMA synchronous = NORMAL")
            while True:
                conn.execute("BEGIN IMMEDIATE")
                n = conn.execute("DELETE FROM analysis WHERE rowid IN (SELECT rowid FROM "
                                 "analysis WHERE version != ? LIMIT ?)",
                                 (version, batch)).rowcount
                conn.execute("COMMIT")
                dropped += n
                if n < batch:
                    return dropped
        finally:
            conn.close()

    def _prune_quietly(self, version: str) -> None:
        with contextlib.suppress(sqlite3.Error):  # only the cache stays bigger
            self.prune(version)

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
