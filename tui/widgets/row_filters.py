"""Which rows the list shows: a text filter or a triage filter, each searched in a worker.

Not drawn: it keeps the two filters' state, runs their searches (the session's) off the
UI thread, says what came of them, and posts Found with the rows for the list.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import work
from textual.message import Message
from textual.widget import Widget
from textual.worker import get_current_worker

from tui.safe_text import safe_plain
from tui.session.filters import ListFilter
from tui.session.session import ReaderSession


class RowFilters(Widget):
    """The text filter (`text`) and the triage filter (`triage`) over one session's dump."""

    DEFAULT_CSS = "RowFilters { display: none; }"

    class Found(Message):
        """The list is to show `rows`; `query`: the article view's new search text, if any."""

        def __init__(self, rows: Sequence[int], query: str | None) -> None:
            super().__init__()
            self.rows = rows
            self.query = query

    def __init__(self, session: ReaderSession, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        self.text = ""
        self.triage = ListFilter()

    def clear(self) -> None:
        """Forget both filters (the caller shows every row)."""
        self.text, self.triage = "", ListFilter()

    def by_text(self, text: str) -> None:
        """Keep only the articles whose title or text contains `text` (empty: all)."""
        self.text = text
        if not text:
            self.post_message(self.Found(range(len(self.session.dump)), ""))
            return
        self.notify(f"Filtering for {safe_plain(text)!r}…", timeout=1, markup=False)
        self._search_text(text)

    @work(thread=True, group="filter", exclusive=True, exit_on_error=False)
    def _search_text(self, text: str) -> None:
        worker = get_current_worker()
        matches = self.session.matching(text, lambda: worker.is_cancelled)
        if matches is not None and not worker.is_cancelled:
            self.app.call_from_thread(self._text_found, text, matches)

    def _text_found(self, text: str, matches: list[int]) -> None:
        if text != self.text:
            return
        if not matches:
            self.notify(f"No article contains {safe_plain(text)!r}.", severity="warning",
                        markup=False)
            return
        self.post_message(self.Found(matches, text))

    def by_triage(self, wanted: ListFilter) -> None:
        """Keep only the articles `wanted` keeps (replaces a text filter)."""
        self._search_triage(wanted)

    @work(thread=True, group="triage-filter", exclusive=True, exit_on_error=False)
    def _search_triage(self, wanted: ListFilter) -> None:
        worker = get_current_worker()
        rows = self.session.triage_rows(wanted, lambda: worker.is_cancelled)
        if rows is not None and not worker.is_cancelled:
            self.app.call_from_thread(self._triage_found, wanted, rows)

    def _triage_found(self, wanted: ListFilter, rows: list[int]) -> None:
        if not rows:
            self.notify(f"No article is {safe_plain(wanted.name)}; the list is unchanged.",
                        severity="warning", timeout=3, markup=False)
            return
        self.triage = wanted
        query = "" if self.text else None
        self.text = ""
        self.post_message(self.Found(rows, query))
        self.notify(f"Showing {wanted.name}: {len(rows)} article"
                    f"{'s' if len(rows) != 1 else ''}.", timeout=2)
