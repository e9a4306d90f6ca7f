"""The main screen: article list, article view and metadata panel, and what ties them.

Analysis never runs on the UI thread: a thread worker analyses the selected article
(structure first, then language and entities) and the neighbours after it, into a small
LRU of Documents; the view shows what is there as soon as it is there.
"""

from __future__ import annotations

import gc
import os
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.events import Resize
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input
from textual.worker import get_current_worker

from tui.analyser import plain_document
from tui.article_source import Dump
from tui.document_cache import DocumentCache
from tui.keymap import Scope, bindings
from tui.safe_text import safe_plain
from tui.screens.triage_actions import TriageActions
from tui.text.model import Document, Record
from tui.widgets.article_list import ArticleList
from tui.widgets.article_view import ArticleView
from tui.widgets.key_bar import KeyBar
from tui.widgets.meta_panel import MetaPanel
from tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from tui.analyser import EarlyAnalysis

Analyser = Callable[[Record, bool], Document]
"""analyse(record, detect_language) -> Document; language/entities only when True."""

PREFETCH = (1, -1, 2)  # neighbours analysed after the current article, in this order
PREFETCH_DELAY = 0.15  # seconds without a new article before the neighbours are analysed
PLACEHOLDER_DELAY = 0.1  # seconds before an article being analysed shows its title alone
PAINT_WAIT = 0.5  # at most this long, the full analysis waits for the quick one to paint
EARLY_WAIT = 30.0  # seconds a worker waits for the early pass of the same article
SETTLE_LIMIT = 3.0  # seconds: the garbage collector is on again by then, painted or not
FIRST_PAINT_ENV = "WARTA_FIRST_PAINT_FILE"
"""Benchmark hook: when set, write the wall time of the first painted article there, exit."""


@dataclass(frozen=True)
class ReaderOptions:
    """The `ui:` settings the screen starts with."""

    measure: int = 88
    show_boilerplate: bool = False
    show_entities: bool = True
    show_meta: bool = True
    narrow_width: int = 100
    detect_language: bool = True


class MainScreen(TriageActions, Screen[None]):
    """The three panes, the header with the dump's name and the footer with the main keys.

    `documents`: full Documents known before the screen opens (kept in the sidecar by an
    earlier run), shown at once without waiting for an analysis worker. `early`: the
    quick pass of the first article, started before the UI modules loaded.
    """

    BINDINGS: ClassVar = bindings(Scope.SCREEN)

    def __init__(self, source: Dump, analyser: Analyser, options: ReaderOptions,
                 documents: Mapping[int, Document] | None = None,
                 early: EarlyAnalysis | None = None) -> None:
        super().__init__(id="main")
        self.source = source
        self.analyser = analyser
        self.options = options
        self.cache = DocumentCache(64)
        for index, document in (documents or {}).items():  # full, e.g. from the sidecar
            self.cache.put(index, document, True)
        self.early = early
        self._first_frame = threading.Event()  # set once the first article is on screen
        self.current: int | None = None
        self.filter_text = ""
        self.narrow = False
        self.meta_shown = options.show_meta
        self._painted_once = False
        self._prefetch_timer: Timer | None = None
        self._placeholder_timer: Timer | None = None
        self._data_frozen = False  # whether the analysis data is out of the collector's way
        self._warned: int | None = None  # the article whose warnings were last notified
        self.heading = "warta"
        self.position = ""
        """Where the cursor is: `3 / 120` (and the filter's match count), as the header shows."""

    def compose(self) -> ComposeResult:
        """Header, the panes and the footer (the filter box is added when first used)."""
        yield TitleBar(id="title")
        with Horizontal(id="panes"):
            yield ArticleList(self.source, id="list")
            yield ArticleView(measure=self.options.measure,
                              show_boilerplate=self.options.show_boilerplate,
                              show_entities=self.options.show_entities, id="article")
            yield MetaPanel(id="meta")
        yield KeyBar(id="keys")

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

    def on_mount(self) -> None:
        """Start on the first article with the list focused."""
        # Kept off Screen.title/sub_title: setting those repaints the whole screen.
        self.heading = f"warta — {safe_plain(self.source.name)}"
        self.position = ""
        self.query_one(TitleBar).show(self.heading, "")
        listing = self.article_list
        listing.describe = self._describe
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._restyle())
        self._layout_for(self.app.size.width)
        listing.focus()
        listing.move_to(self.start_position(), force=True)
        if listing.selected is not None:
            # Now rather than on the list's message: an article known already (kept in
            # the sidecar) is then in the very first frame.
            self.open_article(listing.selected)
        # Whatever happens to the first article (none, or its analysis fails), collection
        # is back on within a few seconds.
        self.set_timer(SETTLE_LIMIT, lambda: None if gc.isenabled() else self._settle_memory())

    def _restyle(self) -> None:
        self.article_view.refresh_styles()
        self.article_list.refresh()

    # -- layout -------------------------------------------------------------------------

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
        panel = self.meta_panel
        panel.display = shown
        if not shown and panel.has_focus:
            self.article_view.focus()

    # -- articles -----------------------------------------------------------------------

    def _describe(self, index: int) -> tuple[str | None, str | None, int] | None:
        item = self.cache.get(index)
        if item is None:
            return None
        doc, full = item
        return (doc.title,
                doc.language if full or not self.options.detect_language else "…",
                doc.meta.words)

    @on(ArticleList.Selected)
    def _selected(self, message: ArticleList.Selected) -> None:
        if message.index != self.current:
            self.open_article(message.index)

    def open_article(self, index: int) -> None:
        """Show article `index` now if analysed, else its title until the worker is done.

        The title alone waits PLACEHOLDER_DELAY while another article is on view: most
        quick passes are done by then, and the article is drawn once instead of twice.
        """
        if index != self.current:
            self._warned = None
        self.current = index
        self._show_position()
        item = self.cache.get(index)
        if item is None and self.early is not None and (doc := self.early.take(index)):
            item = (doc, not self.options.detect_language)  # the quick pass, done already
            self.cache.put(index, *item)
        if item is not None:
            doc, full = item
            self._display(index, doc, full)
            if full:
                self._schedule_prefetch(index)
                return
        elif self.article_view.index is None:
            self._show_placeholder(index)
        else:
            if self._placeholder_timer is not None:
                self._placeholder_timer.stop()
            self._placeholder_timer = self.set_timer(
                PLACEHOLDER_DELAY, lambda: self._show_placeholder(index))
        self._analyse(index)

    def _show_placeholder(self, index: int) -> None:
        """The title of article `index` while it is being analysed (if still wanted)."""
        if index == self.current and self.article_view.index != index:
            title = self.source.row(index).title
            self.article_view.show(None, index, placeholder=title)
            self.meta_panel.show(None, analysing=True)

    def _show_position(self) -> None:
        """`3 / 120` (and the filter's match count) in the header."""
        total = len(self.source)
        shown = len(self.article_list.rows)
        where = "" if self.current is None else f"{self.current + 1} / {total}"
        if shown != total:
            where += f" · {shown} match{'es' if shown != 1 else ''}"
        self.position = where
        self.query_one(TitleBar).show(self.heading, where)

    def _display(self, index: int, doc: Document, full: bool) -> None:
        view = self.article_view
        same = view.index == index and view.document is not None
        view.show(doc, index, keep_position=same)
        self.meta_panel.show(doc, language_pending=not full)
        if doc.warnings and self._warned != index:  # once per opening of the article
            self._warned = index
            self.notify(safe_plain("; ".join(doc.warnings)), title="this article",
                        severity="warning", timeout=6, markup=False)
        if not self._painted_once:
            self._painted_once = True
            if os.environ.get(FIRST_PAINT_ENV):
                self.call_after_refresh(self._first_paint_done)
            self.call_after_refresh(self._after_first_paint)

    def _after_first_paint(self) -> None:
        """What start-up left for after the first article is on screen."""
        self._first_frame.set()
        self.early = None
        self._settle_memory()
        warm = getattr(self.analyser, "warm", None)
        if warm is not None and not getattr(self.analyser, "warmed", True):
            # The first article came from the sidecar: build the pipeline for the next ones.
            threading.Thread(target=warm, name="warm-pipeline", daemon=True).start()

    def _settle_memory(self) -> None:
        """Move the start-up objects out of the garbage collector's way.

        Textual makes many short-lived objects per frame; with every module, widget and
        style of the start-up in the collected generations, each full collection walks
        them all and a keypress now and then waits 100 ms or more for it. Frozen, they
        are skipped (measured with bench/bench_repaint.py: p90 about halved). The command
        line turns collection off for the start-up; it is back on from here.
        """
        gc.collect()
        gc.freeze()
        gc.enable()

    def _first_paint_done(self) -> None:
        path = os.environ.get(FIRST_PAINT_ENV, "")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(f"{time.time():.6f}\n")
        self.app.exit()

    def _arrived(self, index: int, doc: Document, full: bool,
                 painted: threading.Event | None = None) -> None:
        """A worker finished (part of) an analysis; show it if it is still wanted.

        `painted` is set once the screen has been refreshed with it, so the worker can
        hold its next (slower) step until then instead of competing with the repaint.
        """
        if index == self.current:
            self._display(index, doc, full)
        self.article_list.refresh_index(index)
        if full and not self._data_frozen and getattr(self.analyser, "loaded", False):
            # The first full analysis loaded the pipeline's data (gazetteer, language
            # profiles: tens of MB of long-lived objects). Frozen, full collections skip
            # them: otherwise each one walks them all, 70-80 ms in the middle of a repaint.
            self._data_frozen = True
            gc.freeze()
        if painted is not None:
            self.call_after_refresh(painted.set)

    def _schedule_prefetch(self, index: int) -> None:
        """Analyse the neighbours once keys have paused for a moment (not during a repaint)."""
        if self._prefetch_timer is not None:
            self._prefetch_timer.stop()
        self._prefetch_timer = self.set_timer(PREFETCH_DELAY, lambda: self._prefetch(index))

    def _failed(self, index: int, error: str) -> None:
        if index == self.current:
            self.article_view.show(None, index, placeholder=f"Could not analyse: {error}")
        self.notify(safe_plain(error), title="analysis", severity="error", markup=False)

    def _record(self, index: int) -> Record | None:
        """The record of article `index`, read once per worker; a failure is reported."""
        try:
            return self.source.record(index)
        except Exception as exc:  # a bad record must not take the reader down
            self.app.call_from_thread(self._failed, index, f"article {index + 1}: {exc}")
            return None

    def _analyse_one(self, index: int, record: Record, detect: bool) -> Document | None:
        try:
            document = self.analyser(record, detect)
        except Exception as exc:  # a bad record must not take the reader down
            # The text is still worth reading: shown plain, the error as its warning.
            try:
                return plain_document(record, f"analysis failed ({type(exc).__name__}: "
                                              f"{exc}): shown as plain text")
            except Exception:
                self.app.call_from_thread(self._failed, index, f"article {index + 1}: {exc}")
                return None
        take_notice = getattr(self.analyser, "take_notice", None)
        if take_notice is not None and (notice := take_notice()):
            self.app.call_from_thread(self.notify, safe_plain(notice), title="analysis",
                                      severity="warning", timeout=10, markup=False)
        return document

    def _kept_one(self, record: Record) -> Document | None:
        """The full Document the analyser kept from an earlier run (the sidecar), if any."""
        cached = getattr(self.analyser, "cached", None)
        if cached is None:
            return None
        try:
            return cached(record)
        except Exception:  # a cache that cannot be read is only a miss
            return None

    @work(thread=True, group="analysis", exclusive=True, exit_on_error=False)
    def _analyse(self, index: int) -> None:
        worker = get_current_worker()
        detect = self.options.detect_language
        record = self._record(index)
        if record is None:
            return
        if detect and self.cache.get(index) is None and (kept := self._kept_one(record)):
            self.cache.put(index, kept, True)
            if not worker.is_cancelled:
                self.app.call_from_thread(self._arrived, index, kept, True)
            self._prefetch_into_cache(index, lambda: worker.is_cancelled)
            return
        if detect and self.cache.get(index) is None:
            quick = self._early_quick(index) or self._analyse_one(index, record, False)
            if quick is None:
                return
            self.cache.put(index, quick, False)
            if worker.is_cancelled:
                return
            painted = threading.Event()
            self.app.call_from_thread(self._arrived, index, quick, False, painted)
            painted.wait(PAINT_WAIT)
            if worker.is_cancelled:
                return
        if detect:  # the slower pass never competes with the first frame's paint
            self._first_frame.wait(PAINT_WAIT)
        doc = self._analyse_one(index, record, detect)
        if doc is None:
            return
        self.cache.put(index, doc, True)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._arrived, index, doc, True)
        self._prefetch_into_cache(index, lambda: worker.is_cancelled)

    def _early_quick(self, index: int) -> Document | None:
        """The early quick pass of article `index`, waited for, if it is the one started."""
        early = self.early
        return None if early is None else early.take(index, EARLY_WAIT)

    def _prefetch_into_cache(self, index: int, cancelled: Callable[[], bool]) -> None:
        for step in PREFETCH:
            neighbour = index + step
            if cancelled():
                return
            if not 0 <= neighbour < len(self.source):
                continue
            item = self.cache.get(neighbour)
            if item is not None and item[1]:
                continue
            record = self._record(neighbour)
            if record is None:
                continue
            doc = self._analyse_one(neighbour, record, self.options.detect_language)
            if doc is not None:
                self.cache.put(neighbour, doc, True)
                self.app.call_from_thread(self.article_list.refresh_index, neighbour)

    @work(thread=True, group="prefetch", exclusive=True, exit_on_error=False)
    def _prefetch(self, index: int) -> None:
        worker = get_current_worker()
        self._prefetch_into_cache(index, lambda: worker.is_cancelled)

    # -- actions ------------------------------------------------------------------------

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
        index = listing.selected
        if index is not None and index != self.current:
            self.open_article(index)

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
        view = self.article_view
        view.set_boilerplate(not view.show_boilerplate)

    def action_toggle_entities(self) -> None:
        """Entity colouring on or off."""
        view = self.article_view
        view.set_entities(not view.show_entities)

    def action_toggle_meta(self) -> None:
        """Metadata panel on or off."""
        self._set_meta(not self.meta_shown)

    def _filter_box(self) -> Input:
        found = self.query("#filter")
        if found:
            return found.first(Input)
        box = Input(placeholder="filter: text in titles and articles (enter applies, "
                    "empty clears, escape cancels)", id="filter")
        self.mount(box, before=self.query_one(KeyBar))
        return box

    def action_filter(self) -> None:
        """Open the filter box."""
        box = self._filter_box()
        box.value = self.filter_text
        box.display = True
        box.focus()

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
        listing = self.article_list
        if not listing.select_index(index):
            self.filter_text = ""
            self.article_view.set_query("")
            listing.set_rows(range(len(self.source)), keep=index)
            self._show_position()

    # -- filtering ----------------------------------------------------------------------

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        self._close_filter()
        self.apply_filter(event.value.strip())

    def key_escape(self) -> None:
        """Escape closes the filter box without changing the filter."""
        found = self.query("#filter")
        if found and found.first().display:
            self._close_filter()

    def _close_filter(self) -> None:
        box = self._filter_box()
        box.display = False
        self.article_list.focus()

    def apply_filter(self, text: str) -> None:
        """Keep only the articles whose title or text contains `text` (empty: all)."""
        self.filter_text = text
        self.article_view.set_query(text)
        if not text:
            self.article_list.set_rows(range(len(self.source)), keep=self.current)
            self._show_position()
            return
        self.notify(f"Filtering for {safe_plain(text)!r}…", timeout=1, markup=False)
        self._filter(text)

    @work(thread=True, group="filter", exclusive=True, exit_on_error=False)
    def _filter(self, text: str) -> None:
        worker = get_current_worker()
        needle = text.casefold()
        matches: list[int] = []
        for index in range(len(self.source)):
            if worker.is_cancelled:
                return
            if needle in self.source.row(index).title.casefold():
                matches.append(index)
                continue
            try:
                record = self.source.record(index)
            except Exception:
                continue
            if needle in record.text.casefold():
                matches.append(index)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._filtered, text, matches)

    def _filtered(self, text: str, matches: list[int]) -> None:
        if text != self.filter_text:
            return
        if not matches:
            self.notify(f"No article contains {safe_plain(text)!r}.", severity="warning",
                        markup=False)
            return
        self.article_list.set_rows(matches, keep=self.current)
        self._show_position()
