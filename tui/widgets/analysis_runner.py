"""Where the reader's analysis runs: the session's AnalysisService in thread workers.

Not drawn: the screen asks for an article (`analyse`) or its neighbours once keys pause
(`prefetch_soon`); results come back as messages to the screen (tui/messages.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual import work
from textual.timer import Timer
from textual.widget import Widget
from textual.worker import get_current_worker

from tui.session.analysis import AnalysisService
from tui.startup import settle_memory
from tui.text.model import Document

PREFETCH_DELAY = 0.15  # seconds without a new article before the neighbours are analysed


class AnalysisRunner(Widget):
    """One analysis worker at a time (a new article cancels the last), one prefetch worker."""

    DEFAULT_CSS = "AnalysisRunner { display: none; }"

    def __init__(self, service: AnalysisService, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.service = service
        self._prefetch_timer: Timer | None = None

    def open(self, index: int, show: Callable[[int, Document, bool], None],
             meanwhile: Callable[[], None], paused: Callable[[], None],
             ahead: Sequence[int] = ()) -> None:
        """Article `index` opened: `show` it at once if known (a full pass: the neighbours
        soon, `paused` first), else `meanwhile` (its title) and a worker; a quick pass is
        analysed on, after the quick passes of `ahead` (the articles the next keys open)."""
        item = self.service.known(index)
        if item is not None:
            show(index, *item)
            if item[1]:
                self.prefetch_soon(index, paused)
                return
        else:
            meanwhile()
        self.analyse(index, ahead)

    def after_first_paint(self, shown: Callable[[], object]) -> None:
        """What start-up left for after the first article is on screen; `shown` redraws the
        list once the kept titles are in."""
        self.service.after_first_paint()
        settle_memory()
        self.load_kept_titles(shown)

    def prefetch_soon(self, index: int, paused: Callable[[], None]) -> None:
        """Once keys have paused for a moment (not during a repaint): `paused` (on the UI
        thread), then the neighbours analysed."""
        if self._prefetch_timer is not None:
            self._prefetch_timer.stop()

        def prefetch() -> None:
            paused()
            self._prefetch(index)

        self._prefetch_timer = self.set_timer(PREFETCH_DELAY, prefetch)

    @work(thread=True, group="analysis", exclusive=True, exit_on_error=False)
    def analyse(self, index: int, ahead: Sequence[int] = ()) -> None:
        """Everything article `index` needs, then its neighbours (a thread worker)."""
        worker = get_current_worker()
        self.service.run(index, lambda: worker.is_cancelled, ahead)

    @work(thread=True, group="prefetch", exclusive=True, exit_on_error=False)
    def _prefetch(self, index: int) -> None:
        worker = get_current_worker()
        self.service.prefetch(index, lambda: worker.is_cancelled)

    @work(thread=True, group="kept", exclusive=True, exit_on_error=False)
    def load_kept_titles(self, shown: Callable[[], object]) -> None:
        """Titles analysed in earlier runs (kept in the sidecar) for the list's rows; `shown`
        (on the UI thread) redraws the list once they are in."""
        if self.service.load_kept():
            self.app.call_from_thread(shown)
