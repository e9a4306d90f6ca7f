"""The article list: one row per article, drawn line by line so it can hold a million rows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, NamedTuple, Protocol

from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.style import Style

from tui.dumps.index import Row
from tui.keymap import Scope, bindings
from tui.safe_text import make_safe
from tui.widgets.line_pane import LinePane, line_strip
from tui.widgets.scroll_height import set_scroll_height

MARK_WIDTH = 2  # the reserved column for a triage mark (decision letter + label dot)
ROW_CACHE = 512  # drawn rows kept (a few screenfuls)
LANG_WIDTH = 3
WORDS_WIDTH = 6


class RowStyles(NamedTuple):
    """The styles a row is drawn with: its base, under the cursor, and its parts."""

    base: Style
    cursor: Style
    muted: Style
    escape: Style
    mark: Style
    error: Style


class RowSource(Protocol):
    """What the list needs of a dump: its length and a cheap, cached row per index."""

    def __len__(self) -> int: ...
    def row(self, index: int) -> Row: ...


def fit_words(text: str, width: int) -> str:
    """`text` cut to `width` cells, at a word boundary when one is near, ending in `…`."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    cells = 0
    end = 0
    for end, char in enumerate(text):  # noqa: B007 - `end` is used after the loop
        cells += cell_len(char)
        if cells > width - 1:
            break
    cut = text[:end]
    space = cut.rfind(" ")
    if space >= max(1, len(cut) // 2):
        cut = cut[:space]
    return cut.rstrip() + "…"


class ArticleList(LinePane, can_focus=True):
    """Rows of (mark, title, language, words); `rows` may be a filtered subset of the dump."""

    BINDINGS: ClassVar = bindings(Scope.PANE)
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--cursor", "article-list--muted", "article-list--escape",
        "article-list--mark", "article-list--error",
    }
    DEFAULT_CSS = """
    ArticleList { overflow-x: hidden; }
    ArticleList > .article-list--cursor { background: $boost; text-style: bold; }
    ArticleList:focus > .article-list--cursor { background: $primary 40%; }
    ArticleList > .article-list--muted { color: $text-muted; }
    ArticleList > .article-list--escape { color: $error; text-style: bold; }
    ArticleList > .article-list--mark { color: $accent; text-style: bold; }
    ArticleList > .article-list--error { color: $warning; text-style: italic; }
    """


    class Selected(Message):
        """The cursor moved to the article at dump index `index`."""

        def __init__(self, index: int) -> None:
            self.index = index
            super().__init__()

    def __init__(self, source: RowSource, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source = source
        self.cursor = 0
        """The row under the cursor (a plain attribute: moving repaints two lines, not all)."""
        self.rows: Sequence[int] = range(len(source))
        self.describe: Callable[[int], tuple[str | None, str | None, int] | None] = (
            lambda _i: None)
        """Title, language and words of an analysed article, or None while unknown.

        Once analysed, the row shows the Document's title instead of the cheap guess (the
        first line), which is often a menu or a breadcrumb in scraped text."""
        self.mark: Callable[[int], str] = lambda _i: ""
        """The triage mark for an article (empty: undecided); set by the triage feature."""
        self.tags: Callable[[int, int], str] = lambda _i, _w: ""
        """The article's triage labels in at most so many cells, shown after the title."""
        self.growing: Callable[[], str | None] = lambda: None
        """What G says while the dump is still being scanned (None: the last row is the last)."""
        self._rows_drawn: dict[tuple[object, ...], Strip] = {}
        self._row_styles: RowStyles | None = None
        self._row_pass: tuple[int, RowStyles] | None = None  # set while a frame is drawn

    # -- data ---------------------------------------------------------------------------

    @property
    def selected(self) -> int | None:
        """The dump index under the cursor, or None when the list is empty."""
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def set_rows(self, rows: Sequence[int], keep: int | None = None) -> None:
        """Show only `rows` (dump indices, in order); keep dump index `keep` selected if present."""
        self.rows = rows
        position = 0
        if keep is not None:
            try:
                position = rows.index(keep)
            except ValueError:
                position = 0
        self.virtual_size = Size(0, len(rows))
        self.refresh()
        self.move_to(position, force=True)

    def grow(self, total: int, filtered: bool) -> None:
        """The dump now has `total` articles: an unfiltered list shows them (the rows grow,
        the cursor stays); a filtered one keeps what its filter found."""
        rows = self.rows
        if filtered or not isinstance(rows, range) or rows.start != 0 or rows.step != 1 \
                or total <= rows.stop:
            return
        old = rows.stop
        self.rows = range(total)
        set_scroll_height(self, total)  # no layout pass of the screen every tick of a scan
        if old < round(self.scroll_y) + self.scrollable_content_region.height:
            self.refresh()  # the new rows are on view

    def refresh_index(self, index: int) -> None:
        """Repaint the row of dump index `index` (its language/words/mark changed)."""
        if self.selected == index:
            self.refresh_line(self.cursor)
            return
        self.refresh()

    # -- movement -----------------------------------------------------------------------

    def move_to(self, position: int, force: bool = False, announce: bool = True) -> None:
        """Put the cursor on row `position` (clamped), scroll it into view, announce it
        (Selected) unless the caller opens the row itself."""
        if not self.rows:
            return
        position = max(0, min(position, len(self.rows) - 1))
        if position == self.cursor and not force:
            return
        old = self.cursor
        self.cursor = position
        height = max(1, self.scrollable_content_region.height)
        top = round(self.scroll_y)
        if position < top:
            self.scroll_to(y=position, animate=False, immediate=True)
        elif position >= top + height:
            self.scroll_to(y=position - height + 1, animate=False, immediate=True)
        self.refresh_line(old)
        self.refresh_line(position)
        if announce:
            self.post_message(self.Selected(self.rows[position]))

    def select_index(self, index: int) -> bool:
        """Move the cursor to dump index `index` if it is in the list."""
        try:
            position = self.rows.index(index)
        except ValueError:
            return False
        self.move_to(position)
        return True

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def action_cursor_down(self) -> None:
        """Next row."""
        self.move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        """Previous row."""
        self.move_to(self.cursor - 1)

    def action_first(self) -> None:
        """First row."""
        self.move_to(0)

    def action_last(self) -> None:
        """Last row (while the dump is scanned: the last found so far, and said so)."""
        self.move_to(len(self.rows) - 1)
        if (note := self.growing()) is not None:
            self.notify(note, timeout=3)

    def action_page_down(self) -> None:
        """A page further down."""
        self.move_to(self.cursor + self._page())

    def action_page_up(self) -> None:
        """A page further up."""
        self.move_to(self.cursor - self._page())

    def on_resize(self) -> None:
        """Keep the virtual size in step with the rows."""
        self.virtual_size = Size(0, len(self.rows))

    def on_mount(self) -> None:
        """Size the scroll area to the rows."""
        self.virtual_size = Size(0, len(self.rows))

    # -- drawing ------------------------------------------------------------------------

    def _text_style(self, component: str) -> Style:
        """A component's colour and text attributes, without its background (rows keep theirs)."""
        full = self.get_visual_style(component)
        return Style(foreground=full.foreground, bold=full.bold, italic=full.italic,
                     underline=full.underline, dim=full.dim)

    def _frame(self) -> tuple[int, RowStyles]:
        """The row width and the styles of the rows, as the current frame draws them.

        Looking the component styles up costs more than drawing a row: a frame (see
        render_lines) looks them up once; a new set of styles empties the row cache.
        """
        if self._row_pass is not None:
            return self._row_pass
        base = self.get_visual_style()
        cursor = base + self.get_visual_style("article-list--cursor")
        if self.app.no_color:  # no colour to tell the cursor row apart: reversed
            cursor = cursor + Style(reverse=True)
        styles = RowStyles(base, cursor,
                           self._text_style("article-list--muted"),
                           self._text_style("article-list--escape"),
                           self._text_style("article-list--mark"),
                           self._text_style("article-list--error"))
        if styles != self._row_styles:
            self._row_styles = styles
            self._rows_drawn.clear()
        return self.scrollable_content_region.width, styles

    def render_lines(self, crop: Region) -> list[Strip]:
        """The rows in `crop`, with the width and styles looked up once for all of them."""
        self._row_pass = self._frame()
        self._pass = self._row_pass[0], self._row_pass[1].base  # LinePane's frame, reused
        try:
            return super().render_lines(crop)
        finally:
            self._row_pass = None

    def render_line(self, y: int) -> Strip:
        """One row: mark, title, language, words; the cursor row highlighted.

        A row drawn before from the same inputs (everything it shows is in the key) is
        taken from the row cache: scrolling by one row draws one new row, not a screenful.
        """
        width, styles = self._frame()
        position = round(self.scroll_y) + y
        if position >= len(self.rows) or width <= 0:
            return Strip.blank(width, self.rich_style)
        index = self.rows[position]
        info = self.describe(index)
        tail = ""
        if width >= 20:
            lang = (info[1] or "?") if info else "·"
            tail = f" {lang[:LANG_WIDTH]:>{LANG_WIDTH}}"
        if width >= 34:
            words = str(info[2]) if info else "·"
            tail += f" {words:>{WORDS_WIDTH - 1}}"
        title_width = max(1, width - MARK_WIDTH - cell_len(tail))
        tags = self.tags(index, max(3, title_width // 2) - 1)
        mark = self.mark(index)[:MARK_WIDTH]
        cursor = position == self.cursor
        row = None if info and info[0] else self.source.row(index)
        key = (cursor, width, info, row, tags, mark)
        strip = self._rows_drawn.get(key)
        if strip is None:
            if len(self._rows_drawn) >= ROW_CACHE:
                del self._rows_drawn[next(iter(self._rows_drawn))]
            strip = self._rows_drawn[key] = self._draw_row(
                width, info, row, tail, title_width, tags, mark,
                styles.cursor if cursor else styles.base, styles)
        return strip

    def _draw_row(self, width: int, info: tuple[str | None, str | None, int] | None,
                  row: Row | None, tail: str, title_width: int, tags: str, mark: str,
                  style: Style, styles: RowStyles) -> Strip:
        """The Strip of one row (see render_line): `row` is the cheap row, when `info`
        has no title."""
        tags = make_safe(tags).text
        if tags:
            tags = " " + tags
            title_width = max(1, title_width - cell_len(tags))
        safe = make_safe(row.title if row is not None else (info[0] if info else None) or "")
        title = fit_words(safe.text, title_width)
        content = Content(title)
        if row is not None and row.error:  # an unusable record: the title says why
            content = content.stylize(styles.error)
        for start, end in safe.escapes:
            if start < len(title):
                content = content.stylize(styles.escape, start, min(end, len(title)))
        line = Content.assemble(
            (f"{mark:<{MARK_WIDTH}}", styles.mark),
            content.pad_right(max(0, title_width - content.cell_length)),
            (tags, styles.mark),
            (tail, styles.muted),
        )
        return line_strip(line, width, style)
