"""One reader on one dump: its triage (or none), its analysis, and where it starts.

What the screen's keys call: each triage key is one call returning an Outcome (triage
off or refused is an Outcome too, never an exception), so the screen only follows it.
The start position is read here, once, for the command line and the screen alike.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cached_property

from tui.article_source import ArticleSource
from tui.safe_text import safe_plain
from tui.session.analysis import AnalysisService
from tui.session.filters import ListFilter
from tui.session.outcome import Outcome
from tui.session.triage import Triage, TriageRefused
from tui.text.model import Record

TRIAGE_OFF = Outcome.refused("Triage is off: no state file could be opened for this dump "
                             "(see the message at start).")
POSITION_EVERY = 0.25  # seconds: a key held down saves the position at most this often

PROGRESS_STEP = 512  # articles between two progress reports of a long search


class ReaderSession:
    """The dump, the Triage over its sidecar (None: triage is off) and the analysis."""

    def __init__(self, dump: ArticleSource, analysis: AnalysisService,
                 triage: Triage | None = None) -> None:
        self.dump = dump
        self.analysis = analysis
        self.triage = triage
        self.position_due: int | None = None
        """The article opened last, its position not saved yet: `save_position` writes it."""
        self.start_waits: str | None = None
        """The id of a saved position beyond what the scan has found so far (`late_start`)."""

    @cached_property
    def start(self) -> int:
        """The dump index the reader opens on: where it was last, else the first.

        A saved position the background scan has not reached yet opens the first
        article; `late_start` gives the saved one once the scan finds it."""
        saved = None if self.triage is None else self.triage.saved_position()
        if saved is None and self.scanning and self.triage is not None:
            self.start_waits = self.triage.saved_id  # as saved_position just read it
        return saved if saved is not None and 0 <= saved < len(self.dump) else 0

    # -- the dump's scan in the background (tui.dumps.background) ------------------------

    @property
    def scanning(self) -> bool:
        """True while the dump is still being scanned: its length grows."""
        return self.dump.scanning

    def start_scan(self) -> None:
        """Let the background scan run (once the first article is on screen)."""
        self.dump.start_scan()

    def scan_line(self) -> str | None:
        """`scanning: 120,000 records, 410 MB/s, 37 %` while scanning, else None."""
        progress = self.dump.scan_progress()
        return None if progress is None else progress.line()

    def scan_problems(self) -> list[str]:
        """What the scan found wrong since last asked (a damaged stream), one line each."""
        return self.dump.scan_problems()

    def scanned_so_far(self) -> str | None:
        """`of the 120,000 articles scanned so far` while scanning, else None."""
        return f"of the {len(self.dump):,} articles scanned so far" if self.scanning else None

    def late_start(self) -> int | None:
        """The saved position once the scan has reached it (None: not yet, or none waits)."""
        if self.start_waits is None or self.triage is None:
            return None
        found = self.triage.dump.index_of(self.start_waits)
        if found is not None or not self.scanning:
            self.start_waits = None
        return found

    def first_article(self) -> tuple[int, Record] | None:
        """The article the reader opens on and its record (None: none, or unreadable)."""
        if not len(self.dump):
            return None
        try:
            return self.start, self.dump.record(self.start)
        except Exception:  # e.g. a bad record: the analysis worker reports it
            return None

    # -- triage keys -------------------------------------------------------------------

    def _triage_call(self, action: Callable[[Triage], Outcome]) -> Outcome:
        if self.triage is None:
            return TRIAGE_OFF
        try:
            return action(self.triage)
        except TriageRefused as exc:
            return Outcome.refused(str(exc))

    def decide(self, index: int, decision: str, rows: Sequence[int], cursor: int) -> Outcome:
        """Decide the article at `index`; the outcome names the next undecided row."""
        return self._triage_call(lambda t: t.decide(index, decision, rows, cursor))

    def undo(self) -> Outcome:
        """Undo this session's last decision; the outcome names its article."""
        return self._triage_call(lambda t: t.undo())

    def toggle_label(self, index: int, number: int) -> Outcome:
        """Toggle configured label `number` on the article at `index`."""
        return self._triage_call(lambda t: t.toggle_label(index, number))

    def set_note(self, index: int, text: str) -> Outcome:
        """Replace the note of the article at `index`."""
        return self._triage_call(lambda t: t.set_note(index, text))

    def note_refused(self) -> Outcome | None:
        """Why no note can be written (triage off, read-only), or None."""
        if self.triage is None:
            return TRIAGE_OFF
        if self.triage.readonly:
            return Outcome.refused(f"Read-only: {self.triage.store.path} cannot be written, "
                                   "so notes are not saved.")
        return None

    def note(self, index: int) -> str:
        """The note of the article at `index` ("" when none)."""
        return "" if self.triage is None else self.triage.note(index)

    def opened(self, index: int) -> Outcome:
        """The reader shows article `index`: its position is due, and say if its text
        changed since it was decided.

        A save is a synced commit (milliseconds), so it is never made in the key's turn:
        the caller has `save_position` write it within POSITION_EVERY, and held keys save
        it a few times a second, not once per article.
        """
        triage = self.triage
        if triage is None:
            return Outcome()
        if self.start_waits is None or index != self.start:  # keep the saved one meanwhile
            self.position_due = index
        decision = triage.decision_at(index)
        if decision is not None and decision.text_changed and decision.decision:
            return Outcome(message=f"This article's text changed since it was marked "
                                   f"{decision.decision} (shown as ! in the list).", timeout=4)
        return Outcome()

    def save_position(self) -> Outcome:
        """Write the position `opened` left due, if any (keys paused, or the reader closes)."""
        index = self.position_due
        return Outcome() if index is None else self._save_position(index)

    def _save_position(self, index: int) -> Outcome:
        self.position_due = None
        if self.triage is None:
            return Outcome()
        try:
            self.triage.save_position(index)  # skipped when it is the saved one already
        except Exception as exc:  # a locked or vanished sidecar must not stop reading
            return Outcome(message=f"Position not saved: {exc}", warning=True)
        return Outcome()

    def progress(self) -> str | None:
        """The header's triage part (`3/8 decided · keep 2 ...`), or None when off."""
        if self.triage is None:
            return None
        line = self.triage.progress().line()
        return line + " · not saving" if self.triage.readonly else line

    def heading(self) -> str:
        """The header's left part: the dump's name and, with triage on, its progress."""
        heading = f"warta — {safe_plain(self.dump.name)}"
        if (progress := self.progress()) is not None:
            heading = f"{heading} · {progress}"
        return heading if (scan := self.scan_line()) is None else f"{heading} · {scan}"

    def where(self, current: int | None, shown: int, wanted: ListFilter) -> str:
        """`3 / 120` for article `current`, and what the list shows (`shown` rows, `wanted`)."""
        total = len(self.dump)
        where = "" if current is None else f"{current + 1} / {total}"
        if wanted != ListFilter():  # a show-only filter: say which
            where += f" · showing {wanted.name}: {shown} of {total}"
        elif shown != total:
            where += f" · {shown} match{'es' if shown != 1 else ''}"
        return where

    def others_changed(self) -> bool:
        """True (decisions reloaded) when another process changed triage since last asked."""
        return self.triage is not None and self.triage.others_changed()

    # -- filters -----------------------------------------------------------------------

    def triage_rows(self, wanted: ListFilter,
                    cancelled: Callable[[], bool]) -> list[int] | None:
        """Dump indices `wanted` keeps; None when cancelled or triage is off."""
        return None if self.triage is None else self.triage.filter_rows(wanted, cancelled)

    def matching(self, text: str, cancelled: Callable[[], bool],
                 progress: Callable[[int], None] = lambda _done: None) -> list[int] | None:
        """Dump indices whose title or text contains `text` (any case); None when cancelled.

        `progress` hears how many articles were looked at, every PROGRESS_STEP of them."""
        needle = text.casefold()
        matches: list[int] = []
        for index in range(len(self.dump)):
            if cancelled():
                return None
            if index % PROGRESS_STEP == 0:
                progress(index)
            if needle in self.dump.row(index).title.casefold():
                matches.append(index)
                continue
            try:
                record = self.dump.record(index)
            except Exception:
                continue
            if needle in record.text.casefold():
                matches.append(index)
        return matches

    def close(self) -> None:
        """Save a position left due, then close the triage's store."""
        if self.triage is not None:
            self.save_position()
            self.triage.close()
