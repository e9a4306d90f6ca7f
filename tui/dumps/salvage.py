"""A damaged sidecar: telling damage from other failures, moving it aside, reading what is left.

Damage is what SQLite reports as corrupt or as not a database, a failed `quick_check` of
the tables that hold decisions, or a database of another program. Busy, locked,
read-only or I/O errors are never damage: a file is moved aside only when it cannot be
used by anyone, so a healthy sidecar that another process holds is never touched.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

DAMAGE_CODES = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB (primary codes)
READ_ONLY_CODES = (8, 3)  # SQLITE_READONLY, SQLITE_PERM
CANTOPEN = 14  # read-only when the file or its folder cannot be written
PRECIOUS = ("meta", "decisions", "position", "journal", "writers")
"""Tables checked at open; `analysis` is only a cache (checking it would cost start-up
time in proportion to everything ever analysed)."""
WARTA_TABLES = frozenset({"meta", "decisions"})
CHUNK = 500  # rows read per query while salvaging
FALLBACK_TOP = 2_000_000  # rowids tried when the table's largest rowid cannot be read
MAX_PADDED = 4 << 30  # a truncated file is padded back only up to this size (bytes)
BARREN_LIMIT = 8  # ... until this many chunks in a row give nothing
DECISIONS = ("keep", "reject", "skip", "flag")


@dataclass(frozen=True, slots=True)
class Damage:
    """Why a sidecar cannot be used; `foreign` when it is another program's database."""

    reason: str
    foreign: bool = False


def error_code(exc: sqlite3.Error) -> int:
    """The primary SQLite result code of an exception (0 when unknown)."""
    return int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


def is_damage(exc: sqlite3.Error) -> bool:
    """Whether the error says the file is corrupt or not a database at all."""
    code = error_code(exc)
    if code:
        return code in DAMAGE_CODES
    text = str(exc)
    return "malformed" in text or "not a database" in text


def is_read_only(exc: sqlite3.Error, path: Path) -> bool:
    """Whether the error says the file at `path` or its folder cannot be written."""
    code = error_code(exc)
    if code == CANTOPEN:
        return not os.access(path.parent, os.W_OK) or (
            path.exists() and not os.access(path, os.W_OK))
    return code in READ_ONLY_CODES or "readonly database" in str(exc)


def diagnose(conn: sqlite3.Connection) -> Damage | None:
    """Damage found in an open sidecar, or None (also for a new, empty file).

    Raises sqlite3.Error for failures that are not damage (and for damage SQLite reports
    as an error: check with `is_damage`).
    """
    tables = {str(name) for (name,) in
              conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return None  # a new file (zero bytes, or its schema not written yet)
    if not tables >= WARTA_TABLES:
        shown = ", ".join(sorted(tables))
        return Damage(f"not a warta state file (its tables: {shown[:120]})", foreign=True)
    for table in PRECIOUS:
        if table not in tables:
            continue
        result = conn.execute(f"PRAGMA quick_check({table})").fetchall()
        if result != [("ok",)]:
            lines = [line for (text,) in result for line in str(text).splitlines()
                     if line.strip() and not line.startswith("***")]
            return Damage(f"damaged (integrity check: {(lines or ['failed'])[0][:160]})")
    return None


def move_aside(path: Path) -> Path:
    """Rename the sidecar (and its -wal and -shm files) to `NAME.damaged-<UTC time>`."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    os.rename(path, target)
    wal = Path(f"{path}-wal")
    pending = wal.exists() and wal.stat().st_size > 0  # an empty one carries nothing
    for suffix in ("-wal", "-shm"):
        if not os.path.exists(f"{path}{suffix}"):
            continue
        if pending:
            os.rename(f"{path}{suffix}", f"{target}{suffix}")
        else:
            os.remove(f"{path}{suffix}")
    return target


def _rows(conn: sqlite3.Connection, table: str, columns: str) -> Iterator[tuple[Any, ...]]:
    """Every row SQLite can still read, in rowid order; damaged stretches are skipped.

    Reads in rowid ranges; a range that fails is read again one row at a time, so a
    damaged page costs only the rows stored on it.
    """
    known = True
    try:
        top = conn.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0
    except sqlite3.DatabaseError:
        top, known = FALLBACK_TOP, False
    sql = f"SELECT {columns} FROM {table} WHERE rowid BETWEEN ? AND ? ORDER BY rowid"
    one = f"SELECT {columns} FROM {table} WHERE rowid = ?"
    barren = 0  # chunks in a row that gave nothing (ends the search when top is unknown)
    for start in range(0, int(top) + 1, CHUNK):
        try:
            rows = conn.execute(sql, (start, start + CHUNK - 1)).fetchall()
        except sqlite3.DatabaseError:
            rows = []
            for rowid in range(start, start + CHUNK):
                try:
                    rows += conn.execute(one, (rowid,)).fetchall()
                except sqlite3.DatabaseError:
                    continue
        barren = 0 if rows else barren + 1
        if not known and barren >= BARREN_LIMIT:
            return
        yield from rows


def _labels(value: Any) -> str:
    try:
        labels = json.loads(value)
    except (TypeError, ValueError):
        return "[]"
    if not isinstance(labels, list):
        return "[]"
    return json.dumps([x for x in labels if isinstance(x, str)], ensure_ascii=False)


def _decision(row: tuple[Any, ...]) -> tuple[str, str, str | None, str, str, float] | None:
    """A row fit to copy, or None when what SQLite read is not a decision (or is empty)."""
    article_id, content_hash, decision, labels, note, when = row
    if not isinstance(article_id, str) or not article_id:
        return None
    decision = decision if decision in DECISIONS else None
    labels = _labels(labels)
    note = note if isinstance(note, str) else ""
    if decision is None and labels == "[]" and not note:
        return None
    when = float(when) if isinstance(when, int | float) else time.time()
    content_hash = content_hash if isinstance(content_hash, str) else ""
    return article_id, content_hash, decision, labels, note, when


@dataclass(slots=True)
class Salvaged:
    """What could be read from a damaged sidecar."""

    decisions: int = 0
    position: str | None = None


def salvage_into(damaged: Path, conn: sqlite3.Connection) -> Salvaged:
    """Copy the decisions (labels, notes) and position SQLite can still read from `damaged`
    into the warta sidecar open on `conn`, inside the caller's transaction."""
    with tempfile.TemporaryDirectory(prefix="warta-salvage-") as folder:
        return _salvage(_readable(damaged, Path(folder)), conn)


def _readable(damaged: Path, folder: Path) -> Path:
    """`damaged`, or a copy padded back to its length when it was cut short.

    SQLite refuses the whole schema of a truncated file (its tables' root pages lie past
    the end); padded with zeros, only the rows on the lost pages are missing.
    """
    try:
        with open(damaged, "rb") as fh:
            header = fh.read(100)
        size = damaged.stat().st_size
    except OSError:
        return damaged
    if len(header) < 100 or not header.startswith(b"SQLite format 3\0"):
        return damaged
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if not page_size or size >= pages * page_size or pages * page_size > MAX_PADDED:
        return damaged
    copy = folder / damaged.name
    try:
        shutil.copyfile(damaged, copy)
        os.truncate(copy, pages * page_size)
        if os.path.exists(f"{damaged}-wal"):
            shutil.copyfile(f"{damaged}-wal", f"{copy}-wal")
    except OSError:
        return damaged
    return copy


def _salvage(damaged: Path, conn: sqlite3.Connection) -> Salvaged:
    found = Salvaged()
    # Read-only; without a -wal file nothing is pending, so nothing is written beside it.
    mode = "ro" if os.path.exists(f"{damaged}-wal") else "ro&immutable=1"
    try:
        src = sqlite3.connect(f"{damaged.resolve().as_uri()}?mode={mode}", uri=True)
    except sqlite3.Error:
        return found
    try:
        src.execute("SELECT rootpage FROM sqlite_master WHERE name = 'decisions'").fetchone()
    except sqlite3.DatabaseError:
        src.close()
        return found  # not even the list of tables can be read
    try:
        for row in _rows(src, "decisions",
                         "article_id, content_hash, decision, labels, note, time"):
            if (good := _decision(row)) is None:
                continue
            conn.execute("INSERT OR REPLACE INTO decisions (article_id, content_hash, decision, "
                         "labels, note, time) VALUES (?, ?, ?, ?, ?, ?)", good)
            found.decisions += 1
        try:
            row = src.execute("SELECT article_id FROM position WHERE slot = 1").fetchone()
        except sqlite3.DatabaseError:
            row = None
        if row is not None and isinstance(row[0], str):
            found.position = row[0]
            conn.execute("INSERT OR REPLACE INTO position (slot, article_id, time) "
                         "VALUES (1, ?, ?)", (row[0], time.time()))
    except sqlite3.DatabaseError:
        pass  # the table list itself is unreadable: nothing more to be had
    finally:
        src.close()
    return found
