"""Which rows the list shows: a text filter or a triage filter, each searched in a worker.

Not drawn: it keeps the two filters' state, runs their searches (the session's) off the
UI thread, says what came of them, and posts Found with the rows for the list.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from textual import work
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.worker import get_current_worker

from tui.safe_text import safe_plain
from tui.session.filters import ListFilter
from tui.session.session import ReaderSession

SHOW_AFTER = 0.3  # seconds a search runs before its progress is shown
TICK = 0.1  # seconds between two progress updates


class RowFilters(Widget):
    """The text filter (`text`) and the triage filter (`triage`) over one session's dump."""

    DEFAULT_CSS = "RowFilters { display: none; }"

    class Found(Message):
        """The list is to show `rows`; `query`: the article view's new search text, if any."""

        def __init__(self, rows: Sequence[int], query: str | None) -> None:
            super().__init__()
            self.rows = rows
            self.query = query

    class Busy(Message):
        """What a running search has done (`text`), or None once it is over."""

        def __init__(self, text: str | None) -> None:
            super().__init__()
            self.text = text

    def __init__(self, session: ReaderSession, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        self.text = ""
        self.triage = ListFilter()
        self._done = 0  # articles looked at by the running search (written by its thread)
        self._busy: tuple[str, float, str] | None = None  # what runs, since when, text before
        self._ticker: Timer | None = None

    def _start(self, what: str, before: str) -> None:
        """A search starts (the text filter was `before`): its progress shows once it has
        run SHOW_AFTER seconds."""
        self._done = 0
        self._busy = (what, time.monotonic(), before)
        if self._ticker is None:
            self._ticker = self.set_interval(TICK, self._tick)
        else:
            self._ticker.resume()

    def _tick(self) -> None:
        if self._busy is None:
            return
        what, since, _ = self._busy
        elapsed = time.monotonic() - since
        if elapsed >= SHOW_AFTER:
            total = len(self.session.dump)
            done = f" {self._done:,} / {total:,} articles" if self._done else ""
            self.post_message(self.Busy(f"{what}…{done} · {elapsed:.0f} s · escape cancels"))

    def _stop(self) -> None:
        if self._busy is not None:
            self._busy = None
            self.post_message(self.Busy(None))
        if self._ticker is not None:
            self._ticker.pause()

    def cancel(self) -> bool:
        """Stop the running search (the list stays as it was); False when none runs."""
        if self._busy is None:
            return False
        self.text = self._busy[2]
        self.workers.cancel_group(self, "filter")
        self.workers.cancel_group(self, "triage-filter")
        self._stop()
        self.notify("Search cancelled; the list is as it was.", timeout=2)
        return True

    def clear(self) -> None:
        """Forget both filters (the caller shows every row)."""
        self.text, self.triage = "", ListFilter()

    def by_text(self, text: str) -> None:
        """Keep only the articles whose title or text contains `text` (empty: all)."""
        before, self.text = self.text, text
        if not text:
            self.workers.cancel_group(self, "filter")
            self._stop()
            self.post_message(self.Found(range(len(self.session.dump)), ""))
            return
        self._start(f"Filtering for {safe_plain(text)!r}", before)
        self._search_text(text)

    def _count(self, done: int) -> None:
        self._done = done

    @work(thread=True, group="filter", exclusive=True, exit_on_error=False)
    def _search_text(self, text: str) -> None:
        worker = get_current_worker()
        try:
            matches = self.session.matching(text, lambda: worker.is_cancelled, self._count)
        except Exception:
            self.app.call_from_thread(self._stop)
            raise
        if matches is not None and not worker.is_cancelled:
            self.app.call_from_thread(self._text_found, text, matches)

    def _text_found(self, text: str, matches: list[int]) -> None:
        if text != self.text or self._busy is None:
            return
        self._stop()
        so_far = self.session.scanned_so_far()
        if not matches:
            where = "" if so_far is None else f" {so_far}"
            self.notify(f"No article{where} contains {safe_plain(text)!r}.", severity="warning",
                        markup=False)
            return
        self.post_message(self.Found(matches, text))
        if so_far is not None:
            self.notify(f"{len(matches):,} match{'es' if len(matches) != 1 else ''} {so_far}; "
                        "the scan goes on (filter again for the rest).", timeout=4)

    def by_triage(self, wanted: ListFilter) -> None:
        """Keep only the articles `wanted` keeps (replaces a text filter)."""
        self._start(f"Finding {wanted.name}", self.text)
        self._search_triage(wanted)

    @work(thread=True, group="triage-filter", exclusive=True, exit_on_error=False)
    def _search_triage(self, wanted: ListFilter) -> None:
        worker = get_current_worker()
        rows = self.session.triage_rows(wanted, lambda: worker.is_cancelled)
        if rows is not None and not worker.is_cancelled:
            self.app.call_from_thread(self._triage_found, wanted, rows)

    def _triage_found(self, wanted: ListFilter, rows: list[int]) -> None:
        if self._busy is None:
            return  # cancelled meanwhile
        self._stop()
        if not rows:
            self.notify(f"No article is {safe_plain(wanted.name)}; the list is unchanged.",
                        severity="warning", timeout=3, markup=False)
            return
        self.triage = wanted
        query = "" if self.text else None
        self.text = ""
        self.post_message(self.Found(rows, query))
        so_far = self.session.scanned_so_far()
        among = "" if so_far is None else f" {so_far}"
        self.notify(f"Showing {wanted.name}: {len(rows)} article"
                    f"{'s' if len(rows) != 1 else ''}{among}.", timeout=4 if among else 2)
