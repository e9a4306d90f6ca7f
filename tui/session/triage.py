"""Triage rules over a dump and its Store: decide, undo, labels, notes, marks, progress.

Textual-free, so the rules ("the next undecided article", undo order, what a row's mark
says, the rate per minute) are tested without a terminal. Every write goes to the Store
and is committed before a method returns, one transaction per key (a decision saves the
position the reader goes on to with it); the in-memory copy only serves drawing. A key's
result is an Outcome: the row to go to and what to tell the user. Another process's
changes are noticed through tui.session.watcher.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from tui.dumps.lru import Lru
from tui.dumps.store import DECISIONS, Change, Decision, Store, StoreError
from tui.session.filters import ALL, UNDECIDED, ListFilter
from tui.session.outcome import Outcome
from tui.session.watcher import SidecarPresence, Watcher

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
        self.watcher = Watcher(store)
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
                return self._cache.get(article_id)
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
        """The article's label names in at most `width` cells: `#politics #sport`, then
        shorter prefixes (`#pol #spo`, `#po#sp`), cut with `…` when even those are too long."""
        d = self._get(self.article_id(index))
        if d is None or not d.labels or width <= 1:
            return ""
        text = ""
        for size, gap in ((0, " "), (5, " "), (3, " "), (2, ""), (1, "")):
            text = gap.join(f"#{x[:size] if size else x}" for x in d.labels)
            if len(text) <= width:
                return text
        return text[:width - 1] + "…"

    def panel_rows(self, index: int) -> list[tuple[str, str]]:
        """Decision, labels and note of the article as the metadata panel lists them."""
        d = self.decision_at(index)
        decision = (d.decision if d is not None else None) or "undecided"
        if d is not None and d.text_changed:
            decision += " (the text changed since)"
        labels = ", ".join(d.labels) if d is not None and d.labels else "none"
        note = d.note if d is not None and d.note else "none (c adds one)"
        return [("Decision", decision), ("Labels", labels), ("Note", note)]

    def note(self, index: int) -> str:
        """The article's note ("" when none)."""
        d = self._get(self.article_id(index))
        return d.note if d is not None else ""

    def next_undecided(self, rows: Sequence[int], position: int, limit: int = SCAN_LIMIT,
                       deciding: int | None = None) -> int | None:
        """The position in `rows` of the next undecided article after `position`, wrapping.

        None when there is none within `limit` rows (the search runs on the key press).
        `deciding`: a dump index counted as decided (the one a decision is being made on).
        """
        n = len(rows)
        last = min(n, limit)
        for start in range(1, last + 1, SCAN_BATCH):
            steps = range(start, min(last + 1, start + SCAN_BATCH))
            positions = [(position + step) % n for step in steps]
            decided = self._decided_among([rows[p] for p in positions])
            for candidate, done in zip(positions, decided, strict=True):
                if not done and rows[candidate] != deciding:
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

    def decide(self, index: int, decision: str, rows: Sequence[int] = (),
               cursor: int = 0) -> Outcome:
        """Record `decision` for the article at `index`, committed on return, and find the
        next undecided row of `rows` after `cursor`, saved as the position in the same
        transaction (killed right after, the reader reopens there)."""
        self._writable()
        row = self.next_undecided(rows, cursor, deciding=index) if rows else None
        going = None if row is None else self.article_id(rows[row])
        self._write(index, lambda aid, digest: self.store.decide(aid, digest, decision, going))
        self._recent.append(self._clock())
        if going is not None:
            self._saved_position = going
            return Outcome(row=row)
        if not rows:
            return Outcome()
        if len(rows) > SCAN_LIMIT:
            return Outcome(message=f"No undecided article in the next {SCAN_LIMIT} rows; F "
                                   "shows only the undecided ones.", timeout=4)
        return Outcome(message="Every article in the list is decided.")

    def undo(self) -> Outcome:
        """Undo this session's last decision; its article (saved as the position) to go to.

        An undone article no longer in the dump is undone all the same, and said so.
        """
        self._writable()
        try:
            done = self.store.undo(True)  # the article becomes the position
        except StoreError as exc:
            raise TriageRefused(str(exc)) from None
        except sqlite3.Error as exc:
            raise TriageRefused(f"Not undone: {self.store.origin}: {exc}.") from None
        if done is None:
            return Outcome(message="Nothing to undo in this session.", timeout=2)
        self._remember(done.article_id, done.before, done.after)
        self._saved_position = done.article_id
        if self._recent:
            self._recent.pop()
        index = self.dump.index_of(done.article_id)
        if index is None:
            return Outcome(message="Undid a decision on an article no longer in the dump.")
        return Outcome(article=index)

    def toggle_label(self, index: int, number: int) -> Outcome:
        """Toggle configured label `number` (1-based); says `+ label` or `− label`."""
        if not 1 <= number <= len(self.labels):
            configured = ", ".join(f"{n} {x}" for n, x in enumerate(self.labels, 1)) or "none"
            raise TriageRefused(f"No label {number}: triage.labels in config.yaml has "
                                f"{configured}.")
        label = self.labels[number - 1]
        done = self._write(
            index, lambda aid, digest: self.store.toggle_label(aid, digest, label))
        on = done.after is not None and label in done.after.labels
        return Outcome(message=f"{'+' if on else '−'} {label}", timeout=1.5)

    def set_note(self, index: int, note: str) -> Outcome:
        """Replace the article's note ("" removes it)."""
        self._write(index, lambda aid, digest: self.store.set_note(aid, digest, note))
        return Outcome(message="Note saved." if note else "Note removed.", timeout=1.5)

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

    @property
    def saved_id(self) -> str | None:
        """The article id of the position last read from the sidecar or written to it."""
        return self._saved_position

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

    def others_changed(self) -> bool:
        """True (after reloading) when another process changed triage in the sidecar since."""
        if not self.watcher.changed():
            return False
        self.reload()
        return True

    def close(self) -> None:
        """Close the watch connection and the store (everything is already committed)."""
        if self.presence is not None:
            self.presence.release()
        self.store.close()
