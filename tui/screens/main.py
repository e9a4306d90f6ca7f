"""The main screen: article list, article view and metadata panel; it routes.

Keys become calls into the ReaderSession (a triage key is one call and one Outcome to
follow); analysis runs in thread workers through the session's AnalysisService and
comes back as messages (tui/messages.py). Each action and handler here hands over in a
line or two: to the panes, the session, or the plain objects the screen owns
(ArticleOpener, TriageKeys, FilterKeys).
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.events import Resize
from textual.screen import Screen
from textual.widget import Widget

from tui.document_cache import DocumentCache
from tui.keymap import Scope, bindings
from tui.messages import AnalysisFailed, AnalysisNotice, DocumentReady, MessagePoster, TriageChanged
from tui.safe_text import safe_plain
from tui.screens.options import ReaderOptions
from tui.session.filters import ListFilter
from tui.session.session import ReaderSession
from tui.startup import SETTLE_LIMIT, FirstPaint, settle_if_held
from tui.widgets.analysis_runner import AnalysisRunner
from tui.widgets.article_list import ArticleList
from tui.widgets.article_opener import ArticleOpener
from tui.widgets.article_view import ArticleView
from tui.widgets.filter_box import FilterBox
from tui.widgets.filter_keys import FilterKeys
from tui.widgets.key_bar import KeyBar
from tui.widgets.meta_panel import MetaPanel
from tui.widgets.panes import ReaderPanes
from tui.widgets.partial_compositor import PartialCompositor
from tui.widgets.row_filters import RowFilters
from tui.widgets.scan_watch import ScanWatch
from tui.widgets.title_bar import TitleBar
from tui.widgets.triage_keys import TriageKeys

POLL_SECONDS = 2.0  # how often the sidecar is checked for another process's decisions

W = TypeVar("W", bound=Widget)

class MainScreen(Screen[None]):
    """The three panes, the header with the dump's name and the footer with the main keys."""

    BINDINGS: ClassVar = bindings(Scope.SCREEN)

    def __init__(self, session: ReaderSession, options: ReaderOptions) -> None:
        super().__init__(id="main")
        self._compositor = PartialCompositor()  # a key's frame draws only what it changed
        self.session = session
        self.source = session.dump
        self.options = options
        self.startup = FirstPaint()
        self.triage_keys = TriageKeys(self, session)
        self.filter_keys = FilterKeys(self)
        self.articles = ArticleOpener(self)
        self._widgets: dict[type[Widget], Widget] = {}
        session.analysis.listener = MessagePoster(self)

    def compose(self) -> ComposeResult:
        """Header, the panes and the footer (the filter box is added when first used)."""
        yield TitleBar(id="title")
        yield ReaderPanes(self.source, self.options, id="panes")
        yield KeyBar(id="keys")
        yield RowFilters(self.session, id="row-filters")
        yield AnalysisRunner(self.session.analysis, id="analysis")
        yield ScanWatch(self.session, id="scan-watch")

    def one(self, kind: type[W]) -> W:
        """The screen's one widget of `kind`, looked up once (keys ask for them often)."""
        found = self._widgets.get(kind) or self._widgets.setdefault(kind, self.query_one(kind))
        return found  # type: ignore[return-value]

    @property
    def article_list(self) -> ArticleList:
        """The list pane."""
        return self.one(ArticleList)

    @property
    def article_view(self) -> ArticleView:
        """The article pane."""
        return self.one(ArticleView)

    @property
    def meta_panel(self) -> MetaPanel:
        """The metadata pane."""
        return self.one(MetaPanel)

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
        return self.one(RowFilters)

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
            self.one(ReaderPanes).triage_rows = triage.panel_rows
            self.set_interval(POLL_SECONDS, self._poll_sidecar)
        self.show_progress()
        panes = self.one(ReaderPanes)
        self.app.theme_changed_signal.subscribe(self, lambda _theme: panes.restyle())
        self._fit(self.app.size.width)
        listing.focus()
        listing.move_to(self.session.start, force=True)
        if listing.selected is not None:
            # Now, not on the list's message: a known article is then in the first frame.
            self.articles.open(listing.selected)
        # Whatever happens to the first article, collection is back on within seconds.
        self.set_timer(SETTLE_LIMIT, settle_if_held)

    def on_unmount(self) -> None:
        """Save a position that was waiting for the keys to pause."""
        self.session.save_position()

    # -- layout and header ------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        """Fold the metadata panel away below `ui.narrow_width` columns."""
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        self.set_class(self.one(ReaderPanes).fit(width), "-narrow")

    @property
    def position(self) -> str:
        """Where the cursor is: `3 / 120` (and the filter's match count), as the header shows."""
        return self.one(TitleBar).where

    def show_progress(self) -> None:
        """The header: the dump's name and triage progress (off Screen.title: that repaints
        the whole screen)."""
        self.one(TitleBar).show(heading=self.session.heading())

    def show_position(self) -> None:
        """`3 / 120` (and the filter's match count) in the header."""
        self.one(TitleBar).show(where=self.session.where(
            self.current, len(self.article_list.rows), self.filters.triage))

    # -- articles: ArticleOpener ---------------------------------------------------------

    @property
    def current(self) -> int | None:
        """The article open in the panes (None before the first)."""
        return self.articles.current

    @on(ArticleList.Selected)
    def _selected(self, message: ArticleList.Selected) -> None:
        """The list's cursor rests on a row: open its article (a stale message is ignored)."""
        self.articles.selected(message.index)

    def on_document_ready(self, message: DocumentReady) -> None:
        """Show an analysis if its article is on view; its list row shows its title."""
        self.articles.ready(message)

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        """Say why an article could not be read or analysed."""
        self.articles.failed(message)

    def on_analysis_notice(self, message: AnalysisNotice) -> None:
        """Pass on what the analysis wants said."""
        self.notify(safe_plain(message.text), title="analysis", severity="warning",
                    timeout=10, markup=False)

    # -- view actions -------------------------------------------------------------------

    def action_next_article(self) -> None:
        """Next article in the list, from any pane."""
        self.articles.step(1)

    def action_prev_article(self) -> None:
        """Previous article in the list, from any pane."""
        self.articles.step(-1)

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
        panes = self.one(ReaderPanes)
        panes.set_meta(not panes.meta_shown)

    # -- text filter: FilterKeys (the box, matches, rows), RowFilters (the searches) ----

    def action_filter(self) -> None:
        """Open the filter box."""
        self.filter_keys.open_box()

    def on_filter_box_applied(self, message: FilterBox.Applied) -> None:
        """The filter box closed: back on the list, filtered by its text when submitted."""
        self.filter_keys.applied(message.text)

    def action_next_match(self) -> None:
        """Bring the next line with a match of the filter text to the top."""
        self.filter_keys.to_match(self.article_view.next_match, "further")

    def action_prev_match(self) -> None:
        """Bring the previous line with a match of the filter text to the top."""
        self.filter_keys.to_match(self.article_view.prev_match, "earlier")

    def open_from_palette(self, index: int) -> None:
        """Select article `index` in the list, clearing a filter that hides it."""
        self.filter_keys.open_index(index)

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
        self.filter_keys.found(message)

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
