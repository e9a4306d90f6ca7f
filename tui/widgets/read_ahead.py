"""The neighbours' layouts made between keys: one at a time, after a frame, never before a key.

Laying out an article ahead (wrapping all of it and drawing its first screenful, see
ArticleView.prepare and MetaPanel.prepare) costs about 6 ms of the UI thread, more than
the first screenful a key lays out when nothing was prepared. Made as each neighbour's
analysis arrived, that work sat in front of the next key while a key was held. Here it
waits until keys have paused (HOLD_OFF, as the full analysis pass does: a held key
repeats faster), the frame is drawn and no key or message is waiting, and one article is
laid out per turn: a held key never pays for it, a reader who pauses has it done long
before the next key.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.screen import Screen

from tui.session.analysis import HOLD_OFF
from tui.text.model import Document

KEY_REST = 0.01  # seconds before looking again when a key was waiting


class ReadAhead:
    """Articles to lay out ahead (by dump index), made when the screen is idle."""

    def __init__(self, screen: Screen[object], prepare: Callable[[int, Document, bool], None],
                 wanted: Callable[[], list[int]]) -> None:
        self._screen = screen
        self._prepare = prepare  # lays article `index` out ahead (ReaderPanes.prepare)
        self._wanted = wanted  # the articles worth it now, nearest first
        self._pending: dict[int, tuple[Document, bool]] = {}
        self._armed = False
        self._quiet_from = 0.0  # monotonic time from which keys count as paused

    def hold(self) -> None:
        """A key opened an article: nothing is laid out ahead until keys pause."""
        self._quiet_from = time.monotonic() + HOLD_OFF

    def want(self, index: int, document: Document, full: bool) -> None:
        """Lay article `index` out ahead when the screen is next idle (the latest Document
        given for it then)."""
        self._pending[index] = (document, full)
        self._arm()

    def _arm(self) -> None:
        if not self._armed:
            self._armed = True
            self._screen.call_after_refresh(self._run)

    def _busy(self) -> bool:
        """Whether a key (or any message) waits for the app, the screen or the focus."""
        app = self._screen.app
        focused = app.focused
        return bool(app.message_queue_size or self._screen.message_queue_size
                    or (focused is not None and focused.message_queue_size))

    def _run(self) -> None:
        """Lay out the nearest wanted article pending; again after the next frame if more."""
        self._armed = False
        if not self._pending or not self._screen.is_attached:
            return
        wait = self._quiet_from - time.monotonic()
        if wait > 0 or self._busy():
            self._armed = True
            self._screen.set_timer(max(wait, KEY_REST), self._after_rest)
            return
        wanted = self._wanted()
        for index in [index for index in self._pending if index not in wanted]:
            del self._pending[index]
        for index in wanted:
            item = self._pending.pop(index, None)
            if item is not None:
                self._prepare(index, *item)
                break
        if self._pending:
            self._arm()

    def _after_rest(self) -> None:
        self._armed = False
        self._arm()
