"""Triage over a dump and its sidecar: decide, undo, labels, notes, progress, filters.

Textual-free, so the rules ("the next undecided article", undo order, what a row's mark
says, the rate per minute) are tested without a terminal. Every write goes to the Store
and is committed before a method returns; the in-memory copy only serves drawing.

Two processes on one sidecar: the Store lets both write (SQLite serialises them; the
last decision on an article wins). `Triage.others_changed()` notices the other
process's triage changes (each session counts its own in the sidecar's `writers`
table) so the reader can reload and say so, and
`SidecarPresence` tells at start that another reader already has the dump open.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Protocol

from tui.dumps.lru import Lru
from tui.dumps.store import DECISIONS, Change, Decision, Store, StoreError

MARKS = {"keep": "K", "reject": "R", "skip": "S", "flag": "F"}
"""The one letter the list shows for each decision."""
CHANGED_MARK = "!"  # second mark column: the text changed since the decision
NOTE_MARK = "*"  # second mark column: the article has a note
RATE_WINDOW = 300.0  # seconds of recent decisions the rate per minute is taken over
RATE_FLOOR = 10.0  # seconds: the shortest span a rate is computed over (no 600/min spikes)
SCAN_BATCH = 256  # rows looked at per step when searching for an undecided article
SCAN_LIMIT = 50_000  # rows searched for the next undecided article on one key press
CACHE_ROWS = 8192  # decisions kept in memory (drawn rows and their neighbours)
HASH_ROWS = 4096  # current text hashes kept in memory (drawn rows)
UNDECIDED = "undecided"
ALL = "all"


class TriageDump(Protocol):
    """What triage needs of a Dump (tui.dumps.index.Dump provides it)."""

    def __len__(self) -> int: ...
    def id_at(self, index: int) -> str: ...
    def content_hash(self, index: int) -> str: ...
    def index_of(self, record_id: str) -> int | None: ...


class TriageRefused(Exception):
    """A triage action that cannot be done, worded for the user (e.g. read-only state)."""


@dataclass(frozen=True, slots=True)
class Progress:
    """Numbers for the header: decided of total, per decision, rate per minute."""

    decided: int
    total: int
    counts: dict[str, int]
    rate: float | None  # decisions per minute lately; None until there are two

    def line(self) -> str:
        """`12/1000 decided · keep 7 · reject 3 · 14/min`."""
        parts = [f"{self.decided}/{self.total} decided", f"keep {self.counts['keep']}",
                 f"reject {self.counts['reject']}"]
        if self.rate is not None:
            parts.append(f"{self.rate:.0f}/min")
        return " · ".join(parts)


@dataclass(frozen=True, slots=True)
class ListFilter:
    """Which rows a triage filter keeps: all, one decision, undecided, or one label."""

    decision: str = ALL  # ALL, UNDECIDED or one of DECISIONS
    label: str | None = None

    @property
    def name(self) -> str:
        """How the filter is named to the user."""
        if self.label is not None:
            return f"label {self.label}"
        return {ALL: "all articles", UNDECIDED: "undecided"}.get(self.decision, self.decision)

    def keeps(self, decision: Decision | None) -> bool:
        """Whether an article with this decision (None: never annotated) is kept."""
        if self.label is not None:
            return decision is not None and self.label in decision.labels
        if self.decision == ALL:
            return True
        current = decision.decision if decision is not None else None
        if self.decision == UNDECIDED:
            return current is None
        return current == self.decision


def filter_choices(labels: Sequence[str]) -> list[ListFilter]:
    """Every filter the reader offers, in menu order."""
    return [ListFilter(), ListFilter(UNDECIDED), *(ListFilter(d) for d in DECISIONS),
            *(ListFilter(label=label) for label in labels)]


class Triage:
    """Triage of one dump against its open Store."""

    def __init__(self, store: Store, dump: TriageDump, labels: Sequence[str] = (),
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.store = store
        self.dump = dump
        self.labels = tuple(labels)[:9]
        self._clock = clock
        self._cache: Lru[str, Decision | None] = Lru(CACHE_ROWS)
        self._counts = dict.fromkeys(DECISIONS, 0)
        self._read_lock = threading.Lock()
        self._hashes: Lru[int, str] = Lru(HASH_ROWS)
        self._recent: deque[float] = deque()
        self._saved_position: str | None = None
        self._seen_others = 0
        self._seen_others = self._writes_by_others()  # when last looked at
        self.presence: SidecarPresence | None = None
        self.reload()

    # -- identity ------------------------------------------------------------------------

    @property
    def readonly(self) -> bool:
        """True when decisions cannot be saved (the state was opened read-only)."""
        return self.store.readonly

    def __len__(self) -> int:
        return len(self.dump)

    def article_id(self, index: int) -> str:
        """The stable id of the article at dump index `index` (without reading it)."""
        return self.dump.id_at(index)

    def current_hash(self, index: int) -> str:
        """The hash of the article's text as it is now (cached for recent rows)."""
        found = self._hashes.get(index)
        if found is None:
            found = self.dump.content_hash(index)
            self._hashes.put(index, found)
        return found

    # -- reading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Forget what was read from the sidecar and count the decisions afresh.

        Nothing is loaded up front: rows are looked up when drawn or searched (a million
        decisions must not cost seconds and hundreds of MiB at start).
        """
        with self._read_lock:
            self._cache.clear()
        self._counts = self.store.counts()

    def _fetch(self, ids: Sequence[str]) -> dict[str, Decision | None]:
        """The decisions of `ids` from the sidecar (None for the never annotated)."""
        return self.store.decisions(ids)

    def _get(self, article_id: str) -> Decision | None:
        with self._read_lock:
            if article_id in self._cache:
                self._cache.move_to_end(article_id)
                return self._cache[article_id]
        d = self._fetch([article_id])[article_id]
        self._put(article_id, d)
        return d

    def _put(self, article_id: str, decision: Decision | None) -> None:
        with self._read_lock:
            self._cache.put(article_id, decision)

    def _decided_among(self, indices: Sequence[int]) -> list[bool]:
        """Whether each article is decided, looked up in one query per batch."""
        ids = [self.article_id(i) for i in indices]
        with self._read_lock:
            known = {i: self._cache[i] for i in ids if i in self._cache}
        missing = [i for i in ids if i not in known]
        if missing:
            known.update(self._fetch(missing))
        return [known[i] is not None and known[i].decision is not None for i in ids]

    def decision_at(self, index: int) -> Decision | None:
        """The article's decision, labels and note, with `text_changed` checked; or None."""
        d = self._get(self.article_id(index))
        if d is None:
            return None
        changed = d.content_hash != self.current_hash(index)
        return d if changed == d.text_changed else replace(d, text_changed=changed)

    def mark(self, index: int) -> str:
        """Two columns for the list: decision letter, then `!` text changed or `*` note."""
        d = self.decision_at(index)
        if d is None:
            return ""
        second = CHANGED_MARK if d.text_changed else NOTE_MARK if d.note else " "
        return MARKS.get(d.decision or "", "·") + second

    def tags(self, index: int, width: int) -> str:
        """The article's labels in at most `width` cells: `#politics #sport`, `#pol #spo`
        or, when even that is too long, their numbers `#15` (the keys that toggle them)."""
        d = self._get(self.article_id(index))
        if d is None or not d.labels or width <= 1:
            return ""
        for text in (" ".join(f"#{x}" for x in d.labels),
                     " ".join(f"#{x[:3]}" for x in d.labels),
                     "#" + "".join(str(self.labels.index(x) + 1) if x in self.labels else "?"
                                   for x in d.labels)):
            if len(text) <= width:
                return text
        return text[:width]

    def note(self, index: int) -> str:
        """The article's note ("" when none)."""
        d = self._get(self.article_id(index))
        return d.note if d is not None else ""

    def is_decided(self, index: int) -> bool:
        """Whether the article has a decision (labels or a note alone do not count)."""
        d = self._get(self.article_id(index))
        return d is not None and d.decision is not None

    def next_undecided(self, rows: Sequence[int], position: int,
                       limit: int = SCAN_LIMIT) -> int | None:
        """The position in `rows` of the next undecided article after `position`, wrapping.

        None when there is none within `limit` rows (the search runs on the key press).
        """
        n = len(rows)
        last = min(n, limit)
        for start in range(1, last + 1, SCAN_BATCH):
            steps = range(start, min(last + 1, start + SCAN_BATCH))
            positions = [(position + step) % n for step in steps]
            decided = self._decided_among([rows[p] for p in positions])
            for candidate, done in zip(positions, decided, strict=True):
                if not done:
                    return candidate
        return None

    def progress(self) -> Progress:
        """Decided of total, counts per decision, and the recent rate per minute."""
        decided = sum(self._counts.values())
        return Progress(decided, len(self.dump), dict(self._counts), self._rate())

    def _rate(self) -> float | None:
        now = self._clock()
        while self._recent and now - self._recent[0] > RATE_WINDOW:
            self._recent.popleft()
        if len(self._recent) < 2:
            return None
        span = max(now - self._recent[0], RATE_FLOOR)
        return len(self._recent) / span * 60.0

    # -- writing ---------------------------------------------------------------------------

    def _writable(self) -> None:
        if self.readonly:
            raise TriageRefused(f"Read-only: {self.store.origin} could not be opened for "
                                "writing, so decisions, labels and notes are not saved.")

    def _remember(self, article_id: str, old: Decision | None,
                  decision: Decision | None) -> None:
        if old is not None and old.decision is not None:
            self._counts[old.decision] -= 1
        if decision is not None and decision.decision is not None:
            self._counts[decision.decision] += 1
        self._put(article_id, decision)

    def _write(self, index: int, change: Callable[[str, str], Change]) -> Change:
        """Apply one store change to the article at `index` and keep the counts in step."""
        self._writable()
        article_id = self.article_id(index)
        try:
            done = change(article_id, self.current_hash(index))
        except StoreError as exc:
            raise TriageRefused(str(exc)) from None
        except sqlite3.Error as exc:  # e.g. the file made read-only, or the disk full, since
            raise TriageRefused(f"Not saved: {self.store.origin}: {exc}.") from None
        self._remember(article_id, done.before, done.after)
        return done

    def decide(self, index: int, decision: str) -> None:
        """Record `decision` for the article at `index`; committed to the sidecar on return."""
        self._write(index, lambda aid, digest: self.store.decide(aid, digest, decision))
        self._recent.append(self._clock())

    def undo(self) -> int | None:
        """Undo this session's last decision; the dump index of its article, or None.

        None means there is nothing left to undo in this session. An undone article no
        longer in the dump is undone all the same; then its index is -1.
        """
        self._writable()
        try:
            done = self.store.undo()
        except StoreError as exc:
            raise TriageRefused(str(exc)) from None
        except sqlite3.Error as exc:
            raise TriageRefused(f"Not undone: {self.store.origin}: {exc}.") from None
        if done is None:
            return None
        article_id = done.article_id
        self._remember(article_id, done.before, done.after)
        if self._recent:
            self._recent.pop()
        index = self.dump.index_of(article_id)
        return -1 if index is None else index

    def toggle_label(self, index: int, number: int) -> tuple[str, bool]:
        """Toggle configured label `number` (1-based); the label and whether it is now on."""
        if not 1 <= number <= len(self.labels):
            configured = ", ".join(f"{n} {x}" for n, x in enumerate(self.labels, 1)) or "none"
            raise TriageRefused(f"No label {number}: triage.labels in config.yaml has "
                                f"{configured}.")
        label = self.labels[number - 1]
        done = self._write(
            index, lambda aid, digest: self.store.toggle_label(aid, digest, label))
        return label, done.after is not None and label in done.after.labels

    def set_note(self, index: int, note: str) -> None:
        """Replace the article's note ("" removes it)."""
        self._write(index, lambda aid, digest: self.store.set_note(aid, digest, note))

    # -- position ----------------------------------------------------------------------------

    def save_position(self, index: int) -> None:
        """Remember the article the reader is on (skipped when unchanged or read-only)."""
        if self.readonly:
            return
        article_id = self.article_id(index)
        if article_id == self._saved_position:
            return
        self.store.save_position(article_id)
        self._saved_position = article_id

    def saved_position(self) -> int | None:
        """The dump index of the article the reader was last on, if it is still there."""
        article_id = self.store.position()
        if article_id is None:
            return None
        self._saved_position = article_id
        return self.dump.index_of(article_id)

    # -- filters -------------------------------------------------------------------------------

    def filter_rows(self, wanted: ListFilter,
                    cancelled: Callable[[], bool] = lambda: False) -> list[int] | None:
        """Dump indices the filter keeps, in dump order; None when cancelled half-way.

        Decision and label filters look up only the annotated articles; "undecided" and
        "all" walk the dump.
        """
        if wanted.decision == ALL and wanted.label is None:
            return list(range(len(self.dump)))
        if wanted.decision == UNDECIDED and wanted.label is None:
            out = []
            for start in range(0, len(self.dump), SCAN_BATCH):
                if cancelled():
                    return None
                indices = range(start, min(len(self.dump), start + SCAN_BATCH))
                out.extend(i for i, done in zip(indices, self._decided_among(indices),
                                                strict=True) if not done)
            return out
        found: list[int] = []
        decision = wanted.decision if wanted.decision in DECISIONS else None
        for n, d in enumerate(self.store.iter_decisions(decision, wanted.label)):
            if n % 1000 == 0 and cancelled():
                return None
            index = self.dump.index_of(d.article_id)
            if index is not None:
                found.append(index)
        return sorted(found)

    # -- another process on the same sidecar -----------------------------------------------

    def _writes_by_others(self) -> int:
        try:
            return self.store.writes_by_others()
        except sqlite3.Error:
            return self._seen_others  # unreadable for now: nothing new

    def others_changed(self) -> bool:
        """True (after reloading) when another process changed triage in the sidecar since."""
        seen = self._writes_by_others()
        if seen == self._seen_others:
            return False
        self._seen_others = seen
        self.reload()
        return True

    def close(self) -> None:
        """Close the watch connection and the store (everything is already committed)."""
        if self.presence is not None:
            self.presence.release()
        self.store.close()


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


def open_triage(paths: Sequence[str], dump: TriageDump, *, labels: Sequence[str] = (),
                state: str | None = None, state_dir: str | None = None,
                synchronous: str = "full") -> tuple[Triage | None, list[str]]:
    """Open the dump's sidecar for triage; (None, why) when there is no usable one.

    A sidecar that cannot be written (read-only file or folder) opens read-only, or as an
    empty stand-in when there is none yet, with a message: the reader runs, not saving. A
    damaged sidecar is repaired by the Store (moved aside, what can be read kept) and
    the message says where the old one went. A second reader on the same dump is told
    that both save safely.
    """
    from tui.dumps.store import StoreReadOnly, migrate_ids, open_store, state_path_for

    messages: list[str] = []
    try:
        store = open_store(paths, state=state, state_dir=state_dir, synchronous=synchronous)
    except StoreError as first:
        try:
            store = open_store(paths, state=state, state_dir=state_dir, readonly=True)
        except StoreError:
            if not isinstance(first, StoreReadOnly):
                return None, [f"Triage is off: {first}"]
            store = Store.blank(state or state_path_for(paths, state_dir))
        messages.append(f"Read-only: {first}. Decisions, labels and notes cannot be saved "
                        "in this session.")
    messages.extend(store.notices)
    if not store.readonly and (current_id := getattr(dump, "current_id", None)) is not None:
        try:
            if moved := migrate_ids(store, current_id):
                messages.append(f"Moved {moved} saved article ids to the path-independent "
                                "scheme.")
        except (StoreError, sqlite3.Error) as exc:
            messages.append(f"{store.path}: could not update saved article ids ({exc})")
    presence = SidecarPresence(store.path)
    if not store.readonly and not presence.claim():
        messages.append("Another warta has this dump open too. Both save safely; when both "
                        "decide the same article, the later decision wins.")
    triage = Triage(store, dump, labels)
    triage.presence = presence
    return triage, messages
