"""The main screen: article list, article view and metadata panel; it routes, it draws.

Keys become calls into the ReaderSession (a triage key is one call and one Outcome to
follow); analysis runs in thread workers through the session's AnalysisService and
comes back as messages (tui/messages.py); the handlers here only draw.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.events import Resize
from textual.screen import Screen
from textual.timer import Timer

from tui.document_cache import DocumentCache
from tui.keymap import Scope, bindings
from tui.messages import (
    AnalysisFailed,
    AnalysisNotice,
    DocumentReady,
    MessagePoster,
    TriageChanged,
)
from tui.safe_text import safe_plain
from tui.screens.options import ReaderOptions
from tui.session.filters import ListFilter
from tui.session.session import POSITION_EVERY, ReaderSession
from tui.startup import SETTLE_LIMIT, FirstPaint, settle_if_held, settle_memory
from tui.text.model import Document
from tui.widgets.analysis_runner import AnalysisRunner
from tui.widgets.article_list import ArticleList
from tui.widgets.article_view import ArticleView
from tui.widgets.filter_box import FilterBox
from tui.widgets.key_bar import KeyBar
from tui.widgets.meta_panel import MetaPanel
from tui.widgets.panes import ReaderPanes
from tui.widgets.row_filters import RowFilters
from tui.widgets.title_bar import TitleBar
from tui.widgets.triage_keys import TriageKeys

POLL_SECONDS = 2.0  # how often the sidecar is checked for another process's decisions


class MainScreen(Screen[None]):
    """The three panes, the header with the dump's name and the footer with the main keys."""

    BINDINGS: ClassVar = bindings(Scope.SCREEN)

    def __init__(self, session: ReaderSession, options: ReaderOptions) -> None:
        super().__init__(id="main")
        self.session = session
        self.source = session.dump
        self.options = options
        self.startup = FirstPaint()
        self.current: int | None = None
        self.narrow = False
        self.meta_shown = options.show_meta
        self._position_timer: Timer | None = None
        self.triage_keys = TriageKeys(self, session)
        self.heading = "warta"
        self.position = ""
        """Where the cursor is: `3 / 120` (and the filter's match count), as the header shows."""
        session.analysis.listener = MessagePoster(self)

    def compose(self) -> ComposeResult:
        """Header, the panes and the footer (the filter box is added when first used)."""
        yield TitleBar(id="title")
        yield ReaderPanes(self.source, measure=self.options.measure,
                          show_boilerplate=self.options.show_boilerplate,
                          show_entities=self.options.show_entities, id="panes")
        yield KeyBar(id="keys")
        yield RowFilters(self.session, id="row-filters")
        yield AnalysisRunner(self.session.analysis, id="analysis")

    @property
    def article_list(self) -> ArticleList:
        """The list pane."""
        return self.query_one(ArticleList)

    @property
    def article_view(self) -> ArticleView:
        """The article pane."""
        return self.query_one(ArticleView)

    @property
    def meta_panel(self) -> MetaPanel:
        """The metadata pane."""
        return self.query_one(MetaPanel)

    @property
    def cache(self) -> DocumentCache:
        """The Documents in memory (the analysis service's)."""
        return self.session.analysis.cache

    @cache.setter
    def cache(self, cache: DocumentCache) -> None:
        self.session.analysis.cache = cache

    @property
    def filters(self) -> RowFilters:
        """The text and triage filters of the list."""
        return self.query_one(RowFilters)

    @property
    def filter_text(self) -> str:
        """The text filter ("" when none)."""
        return self.filters.text

    def on_mount(self) -> None:
        """Open the start article with the list focused; marks, progress, the sidecar poll."""
        listing = self.article_list
        listing.describe = self.session.analysis.describe
        if (triage := self.session.triage) is not None:
            listing.mark, listing.tags = triage.mark, triage.tags
            self.query_one(ReaderPanes).triage_rows = triage.panel_rows
            self.set_interval(POLL_SECONDS, self._poll_sidecar)
        self.show_progress()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._restyle())
        self._layout_for(self.app.size.width)
        listing.focus()
        listing.move_to(self.session.start, force=True)
        if listing.selected is not None:
            # Now rather than on the list's message: an article known already (kept in
            # the sidecar) is then in the very first frame.
            self.open_article(listing.selected)
        # Whatever happens to the first article, collection is back on within seconds.
        self.set_timer(SETTLE_LIMIT, settle_if_held)

    def on_unmount(self) -> None:
        """Save a position that was waiting for the keys to pause."""
        self.session.save_position()

    def _restyle(self) -> None:
        self.article_view.refresh_styles()
        self.article_list.refresh()

    # -- layout and header ------------------------------------------------------------

    def _layout_for(self, width: int) -> None:
        narrow = width < self.options.narrow_width
        if narrow != self.narrow or not self.is_mounted:
            self.narrow = narrow
            self.set_class(narrow, "-narrow")
            self._set_meta(self.options.show_meta and not narrow)

    def on_resize(self, event: Resize) -> None:
        """Fold the metadata panel away below `ui.narrow_width` columns."""
        self._layout_for(event.size.width)

    def _set_meta(self, shown: bool) -> None:
        self.meta_shown = shown
        self.query_one(ReaderPanes).set_meta(shown)

    def show_progress(self) -> None:
        """The header: the dump's name, triage progress, and where the cursor is."""
        # Kept off Screen.title/sub_title: setting those repaints the whole screen.
        self.heading = f"warta — {safe_plain(self.source.name)}"
        if (progress := self.session.progress()) is not None:
            self.heading += f" · {progress}"
        self.query_one(TitleBar).show(self.heading, self.position)

    def _show_position(self) -> None:
        """`3 / 120` (and the filter's match count) in the header."""
        total = len(self.source)
        shown = len(self.article_list.rows)
        where = "" if self.current is None else f"{self.current + 1} / {total}"
        if self.filters.triage != ListFilter():  # a show-only filter: say which
            where += f" · showing {self.filters.triage.name}: {shown} of {total}"
        elif shown != total:
            where += f" · {shown} match{'es' if shown != 1 else ''}"
        self.position = where
        self.query_one(TitleBar).show(self.heading, where)

    # -- articles -----------------------------------------------------------------------

    @on(ArticleList.Selected)
    def _selected(self, message: ArticleList.Selected) -> None:
        # Keys held down move the cursor on before the list's message arrives: a message
        # for a row the cursor has left is stale, and opening it would go back a step
        # (another position saved, another worker started) only for the next key to undo it.
        if message.index != self.current and message.index == self.article_list.selected:
            self.open_article(message.index)

    def open_article(self, index: int) -> None:
        """Show article `index` now if analysed, else its title until the worker is done.

        The title alone waits (panes.PLACEHOLDER_DELAY) while another article is on view: most
        quick passes are done by then, and the article is drawn once instead of twice.
        """
        self.query_one(ReaderPanes).opening(index, self.current)
        self.current = index
        self._show_position()
        tell = self.triage_keys.tell
        tell(self.session.opened(index))
        if self.session.position_due is not None:  # keys held down: saved once they pause
            if self._position_timer is not None:
                self._position_timer.stop()
            self._position_timer = self.set_timer(
                POSITION_EVERY, lambda: tell(self.session.save_position()))
        runner = self.query_one(AnalysisRunner)
        item = self.session.analysis.known(index)
        if item is not None:
            self._display(index, *item)
            if item[1]:
                runner.prefetch_soon(index)
                return
        else:
            self.query_one(ReaderPanes).title_while_analysed(
                index, lambda: self.source.row(index).title)
        runner.analyse(index)

    def _display(self, index: int, doc: Document, full: bool) -> None:
        self.query_one(ReaderPanes).show_document(index, doc, full)
        if self.startup.first():
            if (path := self.startup.bench_file()) is not None:
                self.call_after_refresh(self._first_paint_measured, path)
            self.call_after_refresh(self._after_first_paint)

    def _after_first_paint(self) -> None:
        """What start-up left for after the first article is on screen."""
        self.session.analysis.after_first_paint()
        settle_memory()
        self.query_one(AnalysisRunner).load_kept_titles(self.article_list.refresh)

    def _first_paint_measured(self, path: str) -> None:
        self.startup.write_time(path)
        self.app.exit()

    def on_document_ready(self, message: DocumentReady) -> None:
        """Show an analysis if its article is on view; its list row shows its title."""
        if message.index == self.current:
            self._display(message.index, message.document, message.full)
        self.article_list.refresh_index(message.index)
        if message.full and self.session.analysis.analyser.loaded:
            self.startup.data_loaded()
        if message.painted is not None:
            self.call_after_refresh(message.painted.set)

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        """Say why an article could not be read or analysed."""
        if message.index == self.current:
            self.query_one(ReaderPanes).show_failure(message.index, message.error)
        self.notify(safe_plain(message.error), title="analysis", severity="error",
                    markup=False)

    def on_analysis_notice(self, message: AnalysisNotice) -> None:
        """Pass on what the analysis wants said."""
        self.notify(safe_plain(message.text), title="analysis", severity="warning",
                    timeout=10, markup=False)

    # -- view actions -------------------------------------------------------------------

    def action_next_article(self) -> None:
        """Next article in the list, from any pane."""
        self._step(1)

    def action_prev_article(self) -> None:
        """Previous article in the list, from any pane."""
        self._step(-1)

    def _step(self, delta: int) -> None:
        # Open the article in the same turn as the cursor moves, so that both changes
        # reach the screen in one refresh (the list's Selected message then finds it open).
        listing = self.article_list
        listing.move_to(listing.cursor + delta)
        if listing.selected is not None and listing.selected != self.current:
            self.open_article(listing.selected)

    def action_read_article(self) -> None:
        """Move focus to the article (Enter in the list: read what is selected)."""
        self.article_view.focus()

    def action_article_page(self, pages: float) -> None:
        """Page the article (`pages` pages; negative: up), whichever pane has focus."""
        self.article_view.page(float(pages))

    def action_next_section(self) -> None:
        """Bring the next section heading to the top of the article pane."""
        if not self.article_view.next_section():
            self.notify("No next section: this is the last one.", timeout=2)

    def action_prev_section(self) -> None:
        """Bring the previous section heading to the top of the article pane."""
        if not self.article_view.prev_section():
            self.notify("No previous section: this is the top of the article.", timeout=2)

    def action_toggle_boilerplate(self) -> None:
        """Show boilerplate dimmed with its reason, or hide it; the position is kept."""
        self.article_view.set_boilerplate(not self.article_view.show_boilerplate)

    def action_toggle_entities(self) -> None:
        """Entity colouring on or off."""
        self.article_view.set_entities(not self.article_view.show_entities)

    def action_toggle_meta(self) -> None:
        """Metadata panel on or off."""
        self._set_meta(not self.meta_shown)

    # -- text filter --------------------------------------------------------------------

    def action_filter(self) -> None:
        """Open the filter box."""
        found = self.query("#filter")
        box = found.first(FilterBox) if found else FilterBox(id="filter")
        if not found:
            self.mount(box, before=self.query_one(KeyBar))
        box.open(self.filters.text)

    def on_filter_box_applied(self, message: FilterBox.Applied) -> None:
        """The filter box closed: back on the list, filtered by its text when submitted."""
        self.article_list.focus()
        if message.text is not None:
            self.apply_filter(message.text)

    def action_next_match(self) -> None:
        """Bring the next line with a match of the filter text to the top."""
        self._to_match(self.article_view.next_match, "further")

    def action_prev_match(self) -> None:
        """Bring the previous line with a match of the filter text to the top."""
        self._to_match(self.article_view.prev_match, "earlier")

    def _to_match(self, move: Callable[[], bool], which: str) -> None:
        """Run `move` (the view's next/prev match), or say why there is nothing to move to."""
        if not self.filter_text:
            self.notify("No filter text: press / to set one.", timeout=2)
        elif not move():
            self.notify(f"No {which} match of {safe_plain(self.filter_text)!r}.", timeout=2,
                        markup=False)

    def open_from_palette(self, index: int) -> None:
        """Select article `index` in the list, clearing a filter that hides it."""
        if not self.article_list.select_index(index):
            self.filters.clear()
            self.article_view.set_query("")
            self._set_rows(range(len(self.source)), index)

    def apply_filter(self, text: str) -> None:
        """Keep only the articles whose title or text contains `text` (empty: all)."""
        self.filters.by_text(text)

    def on_row_filters_busy(self, message: RowFilters.Busy) -> None:
        """A long search's progress in the footer (None: the keys again)."""
        self.query_one(KeyBar).say(message.text)

    def action_cancel(self) -> None:
        """Escape: stop a running filter search."""
        self.filters.cancel()

    def on_row_filters_found(self, message: RowFilters.Found) -> None:
        """Show a filter's rows, the current article kept selected when among them."""
        if message.query is not None:
            self.article_view.set_query(message.query)
        self._set_rows(message.rows, self.current)

    def _set_rows(self, rows: Sequence[int], keep: int | None) -> None:
        self.article_list.set_rows(rows, keep=keep)
        self._show_position()

    # -- triage keys: one call each into the session, through TriageKeys ----------------

    def action_decide(self, decision: str) -> None:
        """Decide the article (keep, reject, skip, flag), then go to the next undecided one."""
        self.triage_keys.decide(decision)

    def action_undo(self) -> None:
        """Undo this session's last decision and go back to its article."""
        self.triage_keys.undo()

    def action_label(self, number: int) -> None:
        """Toggle configured label `number` (1-9) on the article."""
        self.triage_keys.label(number)

    def action_note(self) -> None:
        """Open the note editor for the article; saving commits the note."""
        self.triage_keys.note()

    def action_triage_filter(self) -> None:
        """Pick which articles the list shows: a decision, the undecided, a label, or all."""
        self.triage_keys.pick_filter()

    def apply_triage_filter(self, wanted: ListFilter) -> None:
        """Show only the articles `wanted` keeps (replaces a text filter)."""
        self.triage_keys.apply_filter(wanted)

    def _poll_sidecar(self) -> None:
        """Another process's triage changes (every POLL_SECONDS), and the rate in the header."""
        if self.session.others_changed():
            self.post_message(TriageChanged())
        self.show_progress()

    def on_triage_changed(self, _message: TriageChanged) -> None:
        """Show another process's decisions; say so once."""
        self.triage_keys.others_changed()
