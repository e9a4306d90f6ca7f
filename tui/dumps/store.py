"""The per-dump SQLite sidecar: triage decisions, their undo journal, position, writers.

Every statement on these tables is here; the `analysis` table (kept Documents) has its
own module and connection (tui/dumps/analysis_cache.py).

Durability: every change is its own transaction, committed before the method returns, in
WAL mode; a process killed with SIGKILL right after loses nothing (the WAL frames are in
the operating system's hands once COMMIT returns). `synchronous=FULL` (the default, see
config `state.synchronous`) also fsyncs the WAL at each commit, so a power cut loses
nothing either; `normal` skips that fsync.

Concurrency: several processes may write the same sidecar safely. SQLite serialises the
writers (each waits up to `BUSY_MS` for the lock); decisions are last-writer-wins per
article, and `undo()` only undoes what this Store (session) decided, in reverse order.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from hashlib import sha1
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.resources import user_dir

if TYPE_CHECKING:
    from tui.dumps.salvage import Damage

DECISIONS = ("keep", "reject", "skip", "flag")
LOOKUP_BATCH = 500  # article ids per SQLite lookup (well under SQLite's variable limit)
SYNC_LEVELS = ("normal", "full")
SCHEMA_VERSION = 1
BUSY_MS = 10_000
SUFFIX = ".sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS decisions (
    article_id   TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    decision     TEXT CHECK (decision IN ('keep', 'reject', 'skip', 'flag')),
    labels       TEXT NOT NULL DEFAULT '[]',
    note         TEXT NOT NULL DEFAULT '',
    time         REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS journal (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    session    TEXT NOT NULL,
    article_id TEXT NOT NULL,
    previous   TEXT,
    undone     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS journal_session ON journal (session, undone, seq);
CREATE TABLE IF NOT EXISTS position (
    slot       INTEGER PRIMARY KEY CHECK (slot = 1),
    article_id TEXT NOT NULL,
    time       REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS writers (
    session TEXT PRIMARY KEY,
    writes  INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS analysis (
    article_id   TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    version      TEXT NOT NULL,
    document     TEXT NOT NULL,
    PRIMARY KEY (article_id, content_hash, version)
);
"""


def _writes_by_others(conn: sqlite3.Connection, session: str) -> int:
    """How many triage changes sessions other than `session` have committed (0 if none yet)."""
    try:
        row = conn.execute("SELECT coalesce(sum(writes), 0) FROM writers WHERE session != ?",
                           (session,)).fetchone()
    except sqlite3.OperationalError:  # a read-only view of a sidecar without the table
        return 0
    return int(row[0])


class StoreError(Exception):
    """A sidecar that cannot be used, worded as one line naming the file."""


class NoSavedState(StoreError):
    """A dump nobody has triaged yet: no state file (or an empty one) to read."""


class StoreReadOnly(StoreError):
    """A sidecar that can be read but not written (read-only file or folder)."""


class _Damaged(Exception):
    """Raised inside Store.open for a sidecar that must be moved aside."""

    def __init__(self, damage: Damage) -> None:
        super().__init__(damage.reason)
        self.damage = damage


@dataclass(frozen=True, slots=True)
class Decision:
    """What was decided about one article."""

    article_id: str
    content_hash: str
    decision: str | None
    labels: tuple[str, ...]
    note: str
    time: float
    text_changed: bool = False  # the article's text differs from the one decided on


@dataclass(frozen=True, slots=True)
class Change:
    """One committed triage change: the article's row before and after (None: no row)."""

    article_id: str
    before: Decision | None
    after: Decision | None


def default_state_dir() -> Path:
    """$XDG_STATE_HOME/warta, or ~/.local/state/warta."""
    return user_dir("state")


def dump_key(paths: Sequence[str]) -> list[str]:
    """The absolute paths that name a dump (order kept: it is the dump's order)."""
    return [os.path.abspath(p) for p in paths]


def state_path_for(paths: Sequence[str], state_dir: str | os.PathLike[str] | None = None) -> Path:
    """The sidecar of the dump made of `paths`: a readable name plus a hash of the key."""
    key = dump_key(paths)
    digest = sha1("\n".join(key).encode("utf-8"), usedforsecurity=False).hexdigest()[:16]
    stem = Path(key[0]).name or "dump"
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in stem)[:40]
    folder = Path(state_dir).expanduser() if state_dir else default_state_dir()
    return folder / f"{safe}-{digest}{SUFFIX}"


def read_only_uri(path: str | os.PathLike[str]) -> str:
    """The SQLite URI that opens `path` read-only (pass `uri=True` to sqlite3.connect).

    In a folder this process cannot write, with no -wal file (nothing pending), the file
    is opened as immutable: SQLite could not create the -shm file a WAL database needs.
    """
    resolved = Path(path).resolve()
    if not os.access(resolved.parent, os.W_OK) and not os.path.exists(f"{resolved}-wal"):
        return f"{resolved.as_uri()}?mode=ro&immutable=1"
    return f"{resolved.as_uri()}?mode=ro"


def open_store(paths: Sequence[str], *, state: str | os.PathLike[str] | None = None,
               state_dir: str | os.PathLike[str] | None = None, readonly: bool = False,
               synchronous: str = "full") -> Store:
    """The sidecar of a dump: `state` (--state PATH) if given, else its file in `state_dir`.

    Another program's database named by --state is refused, not moved aside: the user
    pointed at it, and renaming it would break that program.
    """
    path = Path(state) if state else state_path_for(paths, state_dir)
    return Store.open(path, readonly=readonly, dump_paths=paths, synchronous=synchronous,
                      move_foreign=not state)


def _identity(path: Path) -> tuple[int, int] | None:
    """Which file is at `path` (device, inode), or None when there is none."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


DECISION_COLUMNS = "article_id, content_hash, decision, labels, note, time"
"""The columns of `decisions` that `decision_from_row` reads, in its order."""


def decision_from_row(r: sqlite3.Row | tuple[Any, ...],
                      current_hash: str | None = None) -> Decision:
    """A Decision from a row of DECISION_COLUMNS; `text_changed` when `current_hash` differs."""
    article_id, content_hash, decision, labels, note, when = r
    changed = current_hash is not None and current_hash != content_hash
    return Decision(article_id, content_hash, decision, tuple(json.loads(labels)), note, when,
                    changed)


def _select_decisions(conn: sqlite3.Connection, ids: Sequence[str],
                      found: dict[str, Decision | None]) -> None:
    """Fill `found` with the decisions of `ids`, LOOKUP_BATCH ids per query."""
    for start in range(0, len(ids), LOOKUP_BATCH):
        chunk = ids[start:start + LOOKUP_BATCH]
        rows = conn.execute(f"SELECT {DECISION_COLUMNS} FROM decisions WHERE article_id IN "
                            f"({','.join('?' * len(chunk))})", chunk).fetchall()
        for r in rows:
            found[r[0]] = decision_from_row(r)


def _labels_json(labels: Sequence[str]) -> str:
    """Labels as stored: a JSON list in the given order, without repeats."""
    return json.dumps(list(dict.fromkeys(str(x) for x in labels)), ensure_ascii=False)


class Store:
    """One open sidecar. Methods are safe to call from several threads."""

    def __init__(self, conn: sqlite3.Connection, path: Path, readonly: bool) -> None:
        self._conn = conn
        self.path = path
        self.origin = path  # the sidecar named to the user (`path` may be a salvaged copy)
        self.readonly = readonly
        self.notices: list[str] = []  # said once to the user: a repair, a salvaged read
        self._temp: str | None = None  # a folder of our own, removed on close
        self.session = os.urandom(16).hex()  # random, as uuid4 (whose import costs ~3 ms)
        self._lock = threading.RLock()
        self._read_conn: sqlite3.Connection | None = None  # see decisions()
        self._read_lock = threading.Lock()

    @classmethod
    def open(cls, path: str | os.PathLike[str], readonly: bool = False,
             dump_paths: Sequence[str] = (), synchronous: str = "full",
             move_foreign: bool = True, repair: bool = True) -> Store:
        """Open (or, unless read-only, create) the sidecar at `path`; StoreError if unusable.

        A damaged sidecar never blocks the dump. Opened for writing, it is moved aside to
        `NAME.damaged-<UTC time>` and a new one started with the decisions, labels, notes
        and position SQLite can still read (one line in `notices` says where the old one
        went). Opened read-only, it is left as it is and what can be read is served from
        a salvaged copy, with a notice. Another program's database is moved aside too,
        unless `move_foreign` is false (then StoreError). `repair=False` (a second
        connection of a process that already has the sidecar open) never moves it: a
        StoreError instead.
        """
        path = Path(path).expanduser()
        if synchronous not in SYNC_LEVELS:
            raise StoreError(f"state.synchronous must be one of {', '.join(SYNC_LEVELS)}, "
                             f"not {synchronous!r}")
        if readonly:
            return cls._open_read_only(path)
        seen = _identity(path)
        try:
            return cls._open_checked(path, synchronous, dump_paths)
        except _Damaged as exc:
            damage = exc.damage
        if damage.foreign and not move_foreign:
            raise StoreError(f"{path}: {damage.reason}; choose another --state file")
        if not repair:
            raise StoreError(f"{path}: {damage.reason}")
        if _identity(path) != seen:  # another process has just moved it aside: use its new one
            return cls._open_checked(path, synchronous, dump_paths)
        from tui.dumps.salvage import move_aside  # a damaged sidecar only

        try:
            moved = move_aside(path)
        except OSError as exc:
            raise StoreError(f"{path}: {damage.reason}, and it cannot be moved aside "
                             f"({exc.strerror or exc})") from None
        store = cls._open_checked(path, synchronous, dump_paths)
        got = store._restore(moved)
        store.notices.append(f"{path}: {damage.reason}; moved it to {moved.name} and started "
                             f"a new state file with {got} that could be read from it")
        return store

    @classmethod
    def _connect(cls, path: Path, readonly: bool) -> sqlite3.Connection:
        if path.is_dir():
            raise StoreError(f"{path}: a folder, not a state file")
        try:
            if readonly:
                return sqlite3.connect(read_only_uri(path), uri=True, timeout=BUSY_MS / 1000,
                                       check_same_thread=False, isolation_level=None)
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.exists() and not os.access(path, os.W_OK):
                # SQLite would open it read-only without a word and fail at the first write.
                raise StoreReadOnly(f"{path}: cannot be written (a read-only file)")
            return sqlite3.connect(path, timeout=BUSY_MS / 1000, check_same_thread=False,
                                   isolation_level=None)
        except OSError as exc:
            error = StoreReadOnly if isinstance(exc, PermissionError) else StoreError
            raise error(f"{path}: cannot open the state file ({exc.strerror or exc})") \
                from None
        except sqlite3.Error as exc:
            raise cls._failure(path, exc) from None

    @staticmethod
    def _failure(path: Path, exc: sqlite3.Error) -> StoreError:
        """The one-line error for a SQLite failure that is not damage."""
        from tui.dumps.salvage import is_read_only  # an error path only

        if is_read_only(exc, path):
            return StoreReadOnly(f"{path}: cannot be written ({exc}: a read-only file or "
                                 "folder)")
        return StoreError(f"{path}: cannot open the state file ({exc})")

    @classmethod
    def _open_checked(cls, path: Path, synchronous: str,
                      dump_paths: Sequence[str]) -> Store:
        """Open for writing after `diagnose`; _Damaged when the file must be moved aside.

        The diagnosis reads through a read-only connection: closing a writable one would
        checkpoint the -wal file into a damaged database before it is moved aside.
        """
        if path.is_file() and path.stat().st_size > 0:
            # Loaded here, not at import: a first open (no sidecar yet) never needs it.
            from tui.dumps.salvage import Damage, diagnose, is_damage

            probe = cls._connect(path, readonly=True)
            try:
                damage = diagnose(probe)
            except sqlite3.Error as exc:
                if not is_damage(exc):
                    raise cls._failure(path, exc) from None
                damage = Damage(f"damaged ({exc})")
            finally:
                probe.close()
            if damage is not None:
                raise _Damaged(damage)
        conn = cls._connect(path, readonly=False)
        store = cls(conn, path, False)
        try:
            store._prepare(synchronous, dump_paths)
        except StoreError:
            conn.close()
            raise
        except sqlite3.Error as exc:
            from tui.dumps.salvage import Damage, is_damage  # an error path only

            conn.close()
            if is_damage(exc):
                raise _Damaged(Damage(f"damaged ({exc})")) from None
            raise cls._failure(path, exc) from None
        return store

    @classmethod
    def _open_read_only(cls, path: Path) -> Store:
        """Open read-only; a damaged file is read into a salvaged copy, left as it is."""
        if not path.exists():
            raise NoSavedState(f"{path}: no saved state for this dump yet")
        if path.is_file() and path.stat().st_size == 0:
            raise NoSavedState(f"{path}: no saved state for this dump yet (the file is empty)")
        from tui.dumps.salvage import Damage, diagnose, is_damage  # a sidecar to check

        conn = cls._connect(path, readonly=True)
        store = cls(conn, path, True)
        try:
            damage = diagnose(conn)
            if damage is None:
                store._prepare("full", ())
                return store
        except StoreError:
            conn.close()
            raise
        except sqlite3.Error as exc:
            if not is_damage(exc):
                conn.close()
                raise cls._failure(path, exc) from None
            damage = Damage(f"damaged ({exc})")
        conn.close()
        if damage.foreign:
            raise StoreError(f"{path}: {damage.reason}")
        return cls._salvaged_copy(path, damage)

    @classmethod
    def _salvaged_copy(cls, path: Path, damage: Damage) -> Store:
        """A read-only Store over a temporary copy of what can be read from `path`."""
        folder = tempfile.mkdtemp(prefix="warta-salvage-")
        copy = Path(folder) / path.name
        try:
            with cls._open_checked(copy, "normal", ()) as writable:
                got = writable._restore(path)
            store = cls._open_read_only(copy)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        store.origin, store._temp = path, folder
        store.notices.append(f"{path}: {damage.reason}; read {got} that could be read from it "
                             "and left the file as it is (open the dump in warta to repair "
                             "it)")
        return store

    @classmethod
    def blank(cls, origin: str | os.PathLike[str]) -> Store:
        """An empty read-only Store standing in for `origin` (a sidecar that cannot be made)."""
        folder = tempfile.mkdtemp(prefix="warta-blank-")
        copy = Path(folder) / "state.sqlite"
        try:
            cls._open_checked(copy, "normal", ()).close()
            store = cls._open_read_only(copy)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        store.origin, store._temp = Path(origin).expanduser(), folder
        return store

    def _restore(self, damaged: Path) -> str:
        """Copy what can be read from a damaged sidecar into this one; what, in words."""
        from tui.dumps.salvage import salvage_into  # a damaged sidecar only

        with self._transaction() as c:
            got = salvage_into(damaged, c)
            if got.decisions or got.position:
                self._count_write(c)
        what = f"{got.decisions} decision{'s' if got.decisions != 1 else ''}"
        return what + (" and the position" if got.position else "")

    def _prepare(self, synchronous: str, dump_paths: Sequence[str]) -> None:
        c = self._conn
        c.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
        if self.readonly:
            version = self._meta("schema")
            if version is None:
                raise StoreError(f"{self.path}: not a warta state file (no schema)")
        else:
            c.execute("PRAGMA journal_mode = WAL")
            c.execute(f"PRAGMA synchronous = {synchronous.upper()}")
            with self._transaction():
                # One statement at a time: executescript() would commit our transaction.
                # Every statement is IF NOT EXISTS, so a sidecar made before a table was
                # added gains it here.
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        c.execute(statement)
                version = self._meta("schema")
                if version is None:
                    self._set_meta("schema", str(SCHEMA_VERSION))
                    version = str(SCHEMA_VERSION)
                if dump_paths and self._meta("dump") is None:
                    self._set_meta("dump", json.dumps(dump_key(dump_paths)))
        if int(version) > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: written by a newer warta (schema {version}); "
                             "upgrade warta to use it")

    def _meta(self, key: str) -> str | None:
        try:
            row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        except sqlite3.OperationalError:
            return None
        return None if row is None else str(row[0])

    def _set_meta(self, key: str, value: str) -> None:
        self._conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                           (key, value))

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            # IMMEDIATE: take the write lock now, so a concurrent writer waits
            # (busy_timeout) instead of failing half-way through.
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _writable(self) -> None:
        if self.readonly:
            raise StoreError(f"{self.path}: opened read-only")

    def _count_write(self, c: sqlite3.Connection) -> None:
        """Count one triage change by this session, inside its transaction."""
        c.execute("INSERT INTO writers (session, writes) VALUES (?, 1) ON CONFLICT (session) "
                  "DO UPDATE SET writes = writes + 1", (self.session,))

    def _current(self, article_id: str) -> Decision | None:
        row = self._conn.execute(
            f"SELECT {DECISION_COLUMNS} FROM decisions WHERE article_id = ?",
            (article_id,)).fetchone()
        return None if row is None else decision_from_row(row)

    def _set_position(self, c: sqlite3.Connection, article_id: str) -> None:
        c.execute("INSERT OR REPLACE INTO position (slot, article_id, time) VALUES (1, ?, ?)",
                  (article_id, time.time()))

    # -- decisions -------------------------------------------------------------------

    def decide(self, article_id: str, content_hash: str, decision: str,
               position: str | None = None) -> Change:
        """Record a decision (keep|reject|skip|flag); committed when this returns.

        `position` (the article the reader goes on to) is saved in the same transaction,
        so one decision costs one commit.
        """
        if decision not in DECISIONS:
            raise ValueError(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
        self._writable()
        now = time.time()
        with self._transaction() as c:
            prev = self._current(article_id)
            previous = None if prev is None else json.dumps(
                {"decision": prev.decision, "hash": prev.content_hash, "time": prev.time})
            c.execute("INSERT INTO journal (session, article_id, previous) VALUES (?, ?, ?)",
                      (self.session, article_id, previous))
            self._count_write(c)
            c.execute(
                "INSERT INTO decisions (article_id, content_hash, decision, time) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET "
                "content_hash = excluded.content_hash, decision = excluded.decision, "
                "time = excluded.time", (article_id, content_hash, decision, now))
            if position is not None:
                self._set_position(c, position)
        after = Decision(article_id, content_hash, decision, prev.labels if prev else (),
                         prev.note if prev else "", now)
        return Change(article_id, prev, after)

    def undo(self, save_position: bool = False) -> Change | None:
        """Undo this session's latest decision not yet undone; what changed, or None.

        `save_position`: the undone article becomes the saved position, in the same
        transaction.
        """
        self._writable()
        with self._transaction() as c:
            last = c.execute("SELECT seq, article_id, previous FROM journal WHERE session = ? "
                             "AND undone = 0 ORDER BY seq DESC LIMIT 1",
                             (self.session,)).fetchone()
            if last is None:
                return None
            seq, article_id, previous = last
            before = self._current(article_id)
            c.execute("UPDATE journal SET undone = 1 WHERE seq = ?", (seq,))
            self._count_write(c)
            if previous is None:
                c.execute("UPDATE decisions SET decision = NULL WHERE article_id = ?",
                          (article_id,))
                c.execute("DELETE FROM decisions WHERE article_id = ? AND decision IS NULL "
                          "AND labels = '[]' AND note = ''", (article_id,))
            else:
                p = json.loads(previous)
                c.execute("UPDATE decisions SET decision = ?, content_hash = ?, time = ? "
                          "WHERE article_id = ?", (p["decision"], p["hash"], p["time"],
                                                   article_id))
            if save_position:
                self._set_position(c, article_id)
            return Change(str(article_id), before, self._current(article_id))

    def _annotate(self, article_id: str, content_hash: str, column: str,
                  value: Callable[[Decision | None], str]) -> Change:
        """Set `column` (labels or note) to `value(row before)` in one transaction."""
        self._writable()
        with self._transaction() as c:
            prev = self._current(article_id)
            self._count_write(c)
            c.execute(
                f"INSERT INTO decisions (article_id, content_hash, {column}, time) "
                f"VALUES (?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET "
                f"{column} = excluded.{column}",
                (article_id, content_hash, value(prev), time.time()))
            return Change(article_id, prev, self._current(article_id))

    def set_labels(self, article_id: str, content_hash: str, labels: Sequence[str]) -> Change:
        """Replace the article's labels (kept in the given order, without repeats)."""
        return self._annotate(article_id, content_hash, "labels",
                              lambda _prev: _labels_json(labels))

    def toggle_label(self, article_id: str, content_hash: str, label: str) -> Change:
        """Add the label, or remove it when present (read and written in one transaction)."""
        def toggled(prev: Decision | None) -> str:
            labels = list(prev.labels) if prev else []
            return _labels_json([x for x in labels if x != label] if label in labels
                                else [*labels, label])

        return self._annotate(article_id, content_hash, "labels", toggled)

    def set_note(self, article_id: str, content_hash: str, note: str) -> Change:
        """Replace the article's free-text note ("" removes it)."""
        return self._annotate(article_id, content_hash, "note", lambda _prev: note)

    def decision(self, article_id: str, content_hash: str | None = None) -> Decision | None:
        """The article's decision, labels and note; `text_changed` when the hash differs."""
        with self._lock:
            found = self._current(article_id)
        if found is None or content_hash is None or content_hash == found.content_hash:
            return found
        return replace(found, text_changed=True)

    def decisions(self, ids: Sequence[str]) -> dict[str, Decision | None]:
        """The decisions of `ids` (None for the never annotated), one query per batch.

        Read through a read-only connection of their own, so a long search (a filter in
        a worker) never holds up a decision on the UI thread.
        """
        found: dict[str, Decision | None] = dict.fromkeys(ids)
        try:
            with self._read_lock:
                _select_decisions(self._reader(), ids, found)
        except sqlite3.Error:  # the read-only view failed: read through the main connection
            with self._lock:
                _select_decisions(self._conn, ids, found)
        return found

    def writes_by_others(self) -> int:
        """How many triage changes other sessions have committed to this sidecar.

        A reader polls this to notice another process's decisions; its own writes, and
        analysis cache writes of any process, never change it.
        """
        with self._read_lock:
            return _writes_by_others(self._reader(), self.session)

    def _reader(self) -> sqlite3.Connection:
        """The read-only connection, opened on first use (sqlite3.Error if it cannot be)."""
        if self._read_conn is None:
            self._read_conn = sqlite3.connect(read_only_uri(self.path), uri=True,
                                              check_same_thread=False)
        return self._read_conn

    def counts(self) -> dict[str, int]:
        """Articles per decision (every decision named, zeros included)."""
        out = dict.fromkeys(DECISIONS, 0)
        with self._lock:
            rows = self._conn.execute("SELECT decision, count(*) FROM decisions "
                                      "WHERE decision IS NOT NULL GROUP BY decision").fetchall()
        out.update({str(d): int(n) for d, n in rows})
        return out

    def label_counts(self) -> dict[str, int]:
        """Articles per label, most used first."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT j.value, count(*) AS n FROM decisions, json_each(decisions.labels) AS j "
                "GROUP BY j.value ORDER BY n DESC, j.value").fetchall()
        return {str(label): int(n) for label, n in rows}

    def note_count(self) -> int:
        """Articles with a note."""
        with self._lock:
            row = self._conn.execute("SELECT count(*) FROM decisions WHERE note != ''")
            return int(row.fetchone()[0])

    def iter_decisions(self, decision: str | None = None,
                       label: str | None = None) -> Iterator[Decision]:
        """Every annotated article in the order first annotated, streamed (constant memory).

        Uses its own read connection, so a long export does not hold up the writers.
        """
        where, args = [], []
        if decision is not None:
            where.append("decision = ?")
            args.append(decision)
        if label is not None:
            where.append("EXISTS (SELECT 1 FROM json_each(labels) WHERE value = ?)")
            args.append(label)
        sql = (f"SELECT {DECISION_COLUMNS} FROM decisions"
               + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY rowid")
        reader = sqlite3.connect(read_only_uri(self.path), uri=True,
                                 timeout=BUSY_MS / 1000)
        try:
            cursor = reader.execute(sql, args)
            while batch := cursor.fetchmany(1000):
                for row in batch:
                    yield decision_from_row(row)
        finally:
            reader.close()

    # -- position --------------------------------------------------------------------

    def save_position(self, article_id: str) -> None:
        """Remember the article the reader is on."""
        self._writable()
        with self._transaction() as c:
            self._set_position(c, article_id)

    def position(self) -> str | None:
        """The article the reader was last on, or None."""
        with self._lock:
            row = self._conn.execute("SELECT article_id FROM position WHERE slot = 1").fetchone()
        return None if row is None else str(row[0])

    # -- lifetime --------------------------------------------------------------------

    def close(self) -> None:
        """Close the connections (everything is already committed)."""
        with self._read_lock:
            if self._read_conn is not None:
                self._read_conn.close()
                self._read_conn = None
        with self._lock:
            self._conn.close()
            if self._temp is not None:
                shutil.rmtree(self._temp, ignore_errors=True)
                self._temp = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


ID_SCHEME = "relative"
"""The current record-id scheme (meta `ids`): ids relative to the dump's root folder."""


def migrate_ids(store: Store, current_id: Callable[[str], str | None]) -> int:
    """Rewrite ids stored under the old scheme (paths as spelled) once; how many changed.

    `current_id` maps a stored id to the dump's current one (None: not in the dump; left
    as it is). Decisions, journal, position and cached analyses move together in one
    transaction. Where several spellings annotated one article, their rows merge: the
    latest decision, the latest labels and the latest note. Marked done in `meta`, so
    later opens cost one lookup.
    """
    if store.readonly or store._meta("ids") == ID_SCHEME:
        return 0
    conn = store._conn
    with store._lock:
        stored = {str(r[0]) for table in ("decisions", "journal", "position", "analysis")
                  for r in conn.execute(f"SELECT DISTINCT article_id FROM {table}")}
    moves = {old: new for old in sorted(stored)
             if (new := current_id(old)) is not None and new != old}
    groups: dict[str, list[str]] = {}
    for old, new in moves.items():
        groups.setdefault(new, []).append(old)
    with store._transaction() as c:
        for new, olds in groups.items():
            _merge_decisions(c, new, olds)
            for old in olds:
                c.execute("UPDATE journal SET article_id = ? WHERE article_id = ?", (new, old))
                c.execute("UPDATE position SET article_id = ? WHERE article_id = ?", (new, old))
                c.execute("UPDATE OR IGNORE analysis SET article_id = ? WHERE article_id = ?",
                          (new, old))
                c.execute("DELETE FROM analysis WHERE article_id = ?", (old,))
        store._set_meta("ids", ID_SCHEME)
    return len(moves)


def _merge_decisions(c: sqlite3.Connection, new: str, olds: list[str]) -> None:
    """One decisions row under `new` from its own and its old spellings' rows."""
    rows = [r for aid in (new, *olds)
            if (r := c.execute(f"SELECT {DECISION_COLUMNS} FROM decisions WHERE article_id = ?",
                               (aid,)).fetchone()) is not None]
    if not rows:
        return
    rows.sort(key=lambda r: r[5])
    decided = [r for r in rows if r[2] is not None]
    base = decided[-1] if decided else rows[-1]
    labels = next((r[3] for r in reversed(rows) if r[3] != "[]"), "[]")
    note = next((r[4] for r in reversed(rows) if r[4]), "")
    c.executemany("DELETE FROM decisions WHERE article_id = ?", [(a,) for a in (new, *olds)])
    c.execute(f"INSERT INTO decisions ({DECISION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
              (new, base[1], base[2], labels, note, rows[-1][5]))
