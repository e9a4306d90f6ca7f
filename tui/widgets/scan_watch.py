"""The dump's background scan as the screen sees it: the list grows, the header shows progress.

Not drawn: once the first article is painted (the screen calls `begin`) it lets the
session's scan run, then a few times a second grows the list to what has been found (the
rows only, never a rebuild), puts `scanning: 120,000 records, 410 MB/s, 37 %` in the
header, reports problems the scan found, and opens a saved position the scan has just
reached. When the scan ends it says so once and stops.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.timer import Timer
from textual.widget import Widget

from tui.safe_text import safe_plain
from tui.session.filters import ListFilter
from tui.session.session import ReaderSession

if TYPE_CHECKING:
    from tui.screens.main import MainScreen

TICK = 0.25  # seconds between two looks at the scan
START_LIMIT = 2.0  # seconds after mount: the scan starts, first article painted or not


class ScanWatch(Widget):
    """Follows the session's background scan for the main screen."""

    DEFAULT_CSS = "ScanWatch { display: none; }"

    def __init__(self, session: ReaderSession, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        self.started = False
        self._timer: Timer | None = None

    @property
    def main(self) -> MainScreen:
        """The screen whose list and header follow the scan."""
        return self.screen  # type: ignore[return-value]

    def on_mount(self) -> None:
        """Watch only a dump still being scanned; G then says the scan goes on. The scan
        starts once the first article is painted (`begin`), or after START_LIMIT at most."""
        if not self.session.scanning:
            return
        self.main.article_list.growing = self.last_note
        self._timer = self.set_timer(START_LIMIT, self.begin)

    def begin(self) -> None:
        """Let the session's scan run (once), then follow it every TICK seconds."""
        if self.started or self._timer is None:  # started already, or no scan to watch
            return
        self.started = True
        self._timer.stop()
        self.session.start_scan()
        self._timer = self.set_interval(TICK, self.follow)

    def last_note(self) -> str | None:
        """What G adds while the scan goes on: the last row is not the dump's last yet."""
        if not self.session.scanning:
            return None
        if self._filtered():
            return (f"The last of this list; {len(self.session.dump):,} articles scanned so "
                    "far, the scan goes on.")
        shown = len(self.main.article_list.rows)
        return f"The last of the {shown:,} articles scanned so far; the scan goes on."

    def _filtered(self) -> bool:
        return bool(self.main.filter_text) or self.main.filters.triage != ListFilter()

    def follow(self) -> None:
        """Grow the list, update the header, report problems; stop once the scan is over."""
        screen, session = self.main, self.session
        for line in session.scan_problems():
            self.notify(safe_plain(line), severity="warning", timeout=8, markup=False)
        done = not session.scanning
        screen.article_list.grow(len(session.dump), self._filtered())
        if (late := session.late_start()) is not None:
            self._late_start(late)
        screen.show_progress()
        screen.show_position()
        if done:
            if self._timer is not None:
                self._timer.stop()
            screen.article_list.growing = lambda: None
            self.notify(f"Scan done: {len(session.dump):,} articles.", timeout=3)

    def _late_start(self, index: int) -> None:
        """The saved position is found: go there unless the reader has moved meanwhile."""
        screen = self.main
        if screen.current in (None, self.session.start):
            screen.open_from_palette(index)
            self.notify(f"Back where you were: article {index + 1:,}.", timeout=3)
        else:
            self.notify(f"The scan reached where you were last: article {index + 1:,}.",
                        timeout=4)
