"""Which article is open, and opening one: the list's selection, next/previous, analyses.

A plain object the screen owns (not a widget, not a mixin): it opens an article (its
position saved, its Document shown at once when known, else its title while a worker
analyses it) and draws the analyses that come back as messages while it is on view.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from tui.messages import AnalysisFailed, DocumentReady
from tui.safe_text import safe_plain
from tui.text.model import Document
from tui.widgets.analysis_runner import AnalysisRunner
from tui.widgets.panes import ReaderPanes
from tui.widgets.read_ahead import ReadAhead
from tui.widgets.scan_watch import ScanWatch

if TYPE_CHECKING:
    from tui.screens.main import MainScreen


class ArticleOpener:
    """The open article (`current`) of one screen, and the ways to another."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.current: int | None = None
        self._row = 0  # the list row of the article opened last
        self.read_ahead = ReadAhead(screen, self._prepare, self.neighbours)

    def selected(self, index: int) -> None:
        """The list selected row `index`: open it, unless the cursor has moved on since."""
        # Keys held down move the cursor on before the list's message arrives: a message
        # for a row the cursor has left is stale, and opening it would go back a step
        # (another position saved, another worker started) only for the next key to undo it.
        listing = self.screen.article_list
        if index != self.current and index == listing.selected:
            self.open(index, self._ahead(1 if listing.cursor >= self._row else -1))

    def step(self, delta: int) -> None:
        """Move the list's cursor `delta` rows and open what it lands on."""
        # Open the article in the same turn as the cursor moves, so that both changes
        # reach the screen in one refresh (no Selected message: it would find it open).
        listing = self.screen.article_list
        listing.move_to(listing.cursor + delta, announce=False)
        if listing.selected is not None and listing.selected != self.current:
            self.open(listing.selected, self._ahead(delta))

    def _ahead(self, delta: int) -> list[int]:
        """The articles two more moves of `delta` rows would open (j, J or a held down)."""
        return self._around(delta, 2 * delta)

    def _around(self, *offsets: int) -> list[int]:
        """The articles in the list rows at these offsets from the cursor (those there are)."""
        listing = self.screen.article_list
        rows, cursor = listing.rows, listing.cursor
        return [rows[cursor + k] for k in offsets if 0 <= cursor + k < len(rows)]

    def open(self, index: int, ahead: Sequence[int] = ()) -> None:
        """Show article `index` now if analysed, else its title until the worker is done;
        `ahead`: the articles the next keys would open (their quick passes are made first).

        The title alone waits (panes.PLACEHOLDER_DELAY) while another article is on view: most
        quick passes are done by then, and the article is drawn once instead of twice.
        """
        screen = self.screen
        self.read_ahead.hold()
        panes = screen.one(ReaderPanes)
        panes.opening(index, self.current)
        self.current = index
        self._row = screen.article_list.cursor
        screen.show_position()
        screen.triage_keys.opened(index)
        title = partial(panes.title_while_analysed, index, lambda: screen.source.row(index).title)
        screen.one(AnalysisRunner).open(index, self.display, title,
                                              self.prepare_neighbours, ahead)

    def display(self, index: int, doc: Document, full: bool) -> None:
        """Article `index`'s Document in the panes; after the first, what start-up left
        (the pipeline built, the kept titles, the dump's scan)."""
        screen = self.screen
        screen.one(ReaderPanes).show_document(index, doc, full)
        if screen.startup.painted:
            return
        runner, scan = screen.one(AnalysisRunner), screen.one(ScanWatch)

        def after() -> None:
            runner.after_first_paint(screen.article_list.refresh)
            scan.begin()

        screen.article_view.when_drawn(lambda: screen.startup.shown(
            screen.call_after_refresh, after, screen.app.exit))

    def neighbours(self) -> list[int]:
        """The articles the next J and K open from here (the list's next row, its previous,
        then the ones after those)."""
        return self._around(1, -1, 2, -2)

    def prepare_neighbours(self) -> None:
        """Lay out the next and previous articles ahead of time (between keys), those
        analysed fully."""
        service = self.screen.session.analysis
        for index in self.neighbours():
            item = service.known(index)
            if item is not None and item[1]:
                self.read_ahead.want(index, *item)

    def _prepare(self, index: int, doc: Document, full: bool) -> None:
        """Lay out article `index` now (ReadAhead calls it between keys)."""
        self.screen.one(ReaderPanes).prepare(index, doc, full)

    def ready(self, message: DocumentReady) -> None:
        """Show an analysis if its article is on view (a neighbour's is laid out ahead);
        its list row shows its title."""
        screen = self.screen
        if message.index == self.current:
            self.display(message.index, message.document, message.full)
        elif message.index in self.neighbours():
            self.read_ahead.want(message.index, message.document, message.full)
        screen.article_list.refresh_index(message.index)
        if message.full and screen.session.analysis.analyser.loaded:
            screen.startup.data_loaded()
        if message.painted is not None:
            screen.call_after_refresh(message.painted.set)

    def failed(self, message: AnalysisFailed) -> None:
        """Say why an article could not be read or analysed (in the pane too, if on view)."""
        if message.index == self.current:
            self.screen.one(ReaderPanes).show_failure(message.index, message.error)
        self.screen.notify(safe_plain(message.error), title="analysis", severity="error",
                           markup=False)
