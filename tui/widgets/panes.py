"""The list, article and metadata panes side by side, and how an article is put in them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.timer import Timer

from tui.safe_text import safe_plain
from tui.text.model import Document
from tui.widgets.article_list import ArticleList, RowSource
from tui.widgets.article_view import ArticleView
from tui.widgets.meta_panel import MetaPanel

if TYPE_CHECKING:
    from tui.screens.options import ReaderOptions

PLACEHOLDER_DELAY = 0.1  # seconds before an article being analysed shows its title alone


class ReaderPanes(Horizontal):
    """Three panes; shows an article's Document, its title alone, or why it failed."""

    # The panes cover this container's every cell (what they leave shows the screen's
    # background, as the container's own transparent cells do): hidden itself, it is left
    # out of every frame instead of drawn and cut under them, 46 lines at 160x48.
    DEFAULT_CSS = """
    ReaderPanes { visibility: hidden; }
    ReaderPanes > * { visibility: visible; }
    """

    def __init__(self, source: RowSource, options: ReaderOptions, *,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self._source = source
        self._options = options
        self.meta_shown = options.show_meta
        self._narrow: bool | None = None  # unknown until the first width
        self._warned: int | None = None  # the article whose warnings were last notified
        self.triage_rows: Callable[[int], list[tuple[str, str]]] = lambda _index: []
        """Decision, labels and note of an article for the panel (set when triage is on)."""
        self._wanted: int | None = None  # the article last opened
        self._title_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        """List, article, metadata."""
        options = self._options
        yield ArticleList(self._source, id="list")
        yield ArticleView(measure=options.measure, show_boilerplate=options.show_boilerplate,
                          show_entities=options.show_entities, id="article")
        yield MetaPanel(id="meta")

    def opening(self, index: int, current: int | None) -> None:
        """A new article opens: its warnings are to be said again."""
        if index != current:
            self._warned = None
        self._wanted = index

    def title_while_analysed(self, index: int, title: Callable[[], str]) -> None:
        """The title of article `index` alone while it is analysed.

        At once when no article is on view; else after PLACEHOLDER_DELAY, if still wanted
        and not drawn by then: most quick passes are done by then, so the article is drawn
        once instead of twice.
        """
        if self.query_one(ArticleView).index is None:
            self._title_if_wanted(index, title)
            return
        if self._title_timer is not None:
            self._title_timer.stop()
        self._title_timer = self.set_timer(PLACEHOLDER_DELAY,
                                           lambda: self._title_if_wanted(index, title))

    def _title_if_wanted(self, index: int, title: Callable[[], str]) -> None:
        if index == self._wanted and self.query_one(ArticleView).index != index:
            self.show_title(index, title())

    def show_document(self, index: int, doc: Document, full: bool) -> None:
        """Article `index` analysed (language pending unless `full`); warnings said once."""
        view = self.query_one(ArticleView)
        same = view.index == index and view.document is not None
        view.show(doc, index, keep_position=same)
        self.query_one(MetaPanel).show(doc, language_pending=not full,
                                       triage=self.triage_rows(index))
        if doc.warnings and self._warned != index:  # once per opening of the article
            self._warned = index
            self.notify(safe_plain("; ".join(doc.warnings)), title="this article",
                        severity="warning", timeout=6, markup=False)

    def prepare(self, index: int, doc: Document, full: bool) -> None:
        """Lay out article `index` ahead of time (it is likely to be opened next)."""
        self.query_one(ArticleView).prepare(doc, index)
        if self.meta_shown:
            self.query_one(MetaPanel).prepare(doc, not full, self.triage_rows(index))

    def retell_triage(self, index: int) -> None:
        """Article `index`'s decision, labels or note changed: the panel says so now."""
        if self.query_one(ArticleView).index == index:
            self.query_one(MetaPanel).retell(self.triage_rows(index))

    def show_title(self, index: int, title: str) -> None:
        """The title of article `index` alone, while it is being analysed."""
        self.query_one(ArticleView).show(None, index, placeholder=title)
        self.query_one(MetaPanel).show(None, analysing=True)

    def show_failure(self, index: int, error: str) -> None:
        """Why article `index` cannot be shown."""
        self.query_one(ArticleView).show(None, index, placeholder=f"Could not analyse: {error}")

    def fit(self, width: int) -> bool:
        """True (narrow) below `ui.narrow_width` columns; on a change the panel folds away, or
        comes back as configured."""
        narrow = width < self._options.narrow_width
        if narrow != self._narrow:
            self._narrow = narrow
            self.set_meta(self._options.show_meta and not narrow)
        return narrow

    def restyle(self) -> None:
        """The theme changed: the article's styles, the list's marks and the panel redrawn."""
        self.query_one(ArticleView).refresh_styles()
        self.query_one(ArticleList).refresh()
        self.query_one(MetaPanel).restyle()

    def set_meta(self, shown: bool) -> None:
        """Show or fold the metadata panel (its focus goes to the article)."""
        self.meta_shown = shown
        panel = self.query_one(MetaPanel)
        panel.display = shown
        if not shown and panel.has_focus:
            self.query_one(ArticleView).focus()
