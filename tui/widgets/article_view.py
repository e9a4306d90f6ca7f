"""The article view: a Document laid out for reading, drawn line by line.

The Document's blocks are wrapped to the pane (at most `measure` columns) into display
lines that remember their block, so that toggling boilerplate, re-wrapping on resize
and jumping between sections all keep or find the reading position by block.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.content import Content
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from tui.keymap import Scope, bindings
from tui.safe_text import make_safe
from tui.text.model import Block, BlockKind, Document
from tui.themes import ENTITY_DEFAULTS, ENTITY_KEYS, READER_DEFAULTS, READER_KEYS, variable_name
from tui.widgets.scroll_height import set_scroll_height

NO_BLOCK = -1  # spacer lines and the title taken from the record's own field


@dataclass(frozen=True, slots=True)
class ViewLine:
    """One display line and the block it belongs to (NO_BLOCK for spacers)."""

    content: Content
    block: int
    first: bool = False  # the first line of its block


class ArticleView(ScrollView, can_focus=True):
    """Shows one Document; boilerplate hidden or dimmed with its reason, entities styled."""

    BINDINGS: ClassVar = bindings(Scope.PANE)
    DEFAULT_CSS = """
    ArticleView { overflow-x: hidden; overflow-y: scroll; padding: 0 2; }
    """

    def __init__(self, *, measure: int = 88, show_boilerplate: bool = False,
                 show_entities: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.measure = measure
        self.show_boilerplate = show_boilerplate
        self.show_entities = show_entities
        self.document: Document | None = None
        self.index: int | None = None
        """The dump index of the article shown."""
        self.query = ""
        self.lines: list[ViewLine] = []
        self._strips: dict[int, Strip] = {}
        self._styles: dict[str, Style] = {}
        self._built_width = 0
        self._placeholder = ""

    # -- styles -------------------------------------------------------------------------

    def refresh_styles(self) -> None:
        """Read the reader styles back from the current theme's variables."""
        self._read_styles()
        self.rebuild()

    def _read_styles(self) -> None:
        variables = self.app.theme_variables
        plain = getattr(self.app, "no_color", False)
        styles: dict[str, Style] = {}
        for key in READER_KEYS:
            value = variables.get(variable_name(key), READER_DEFAULTS[key])
            styles[key] = self._parse(value, READER_DEFAULTS[key])
        for key in ENTITY_KEYS:
            value = ENTITY_DEFAULTS[key] if plain else variables.get(
                variable_name(key), ENTITY_DEFAULTS[key])
            styles[key] = self._parse(value, ENTITY_DEFAULTS[key])
        self._styles = styles

    @staticmethod
    def _parse(value: str, fallback: str) -> Style:
        try:
            return Style.parse(value)
        except Exception:
            return Style.parse(fallback)

    def style_for(self, key: str) -> Style:
        """The resolved style of a reader element or entity label."""
        if not self._styles:
            self.refresh_styles()
        return self._styles.get(key, Style())

    # -- content ------------------------------------------------------------------------

    def show(self, document: Document | None, index: int | None, keep_position: bool = False,
             placeholder: str = "") -> None:
        """Display `document` (None: only `placeholder`), from the top unless `keep_position`."""
        anchor = self._anchor() if keep_position and index == self.index else None
        self.document = document
        self.index = index
        self._placeholder = placeholder
        self.rebuild(anchor=anchor, top=anchor is None)

    def set_boilerplate(self, shown: bool) -> None:
        """Show or hide boilerplate, keeping the reading position on the same block."""
        anchor = self._anchor()
        self.show_boilerplate = shown
        self.rebuild(anchor=anchor)

    def set_entities(self, shown: bool) -> None:
        """Colour entities or not."""
        self.show_entities = shown
        self.rebuild(anchor=self._anchor())

    def set_query(self, query: str) -> None:
        """Highlight `query` (case-insensitive) in the article; empty clears it."""
        self.query = query
        self.rebuild(anchor=self._anchor())

    def _anchor(self) -> tuple[int, int] | None:
        """(block, line offset inside it) at the top of the pane."""
        top = round(self.scroll_y)
        if not self.lines or top >= len(self.lines):
            return None
        for y in range(top, len(self.lines)):
            block = self.lines[y].block
            if block != NO_BLOCK:
                first = next(i for i in range(y, -1, -1) if self.lines[i].first
                             and self.lines[i].block == block)
                return block, top - first if y == top else 0
        return None

    def _width(self) -> int:
        # The scrollbar is always there (see the room left below the last line), so it is
        # taken off up front: wrapping never depends on whether it has appeared yet.
        width = self.content_region.width - self.styles.scrollbar_size_vertical
        return max(10, min(width, self.measure))

    def rebuild(self, anchor: tuple[int, int] | None = None, top: bool = False) -> None:
        """Lay the Document out again (after a toggle, a theme change or a resize)."""
        if not self.is_mounted:
            return
        if not self._styles:
            self.refresh_styles()
            return
        if not self.size.width:
            # Not laid out yet (an article shown as the screen mounts): the first frame
            # lays it out when it draws the pane (render_line), so it already shows it.
            self._built_width = 0
            self.refresh()
            return
        width = self._width()
        self._built_width = width
        self.lines = self._layout(width)
        self._strips.clear()
        self._fit_scroll_height()
        if top:
            self.scroll_to(y=0, animate=False, immediate=True)
        elif anchor is not None:
            self.scroll_to(y=self._line_of(anchor), animate=False, immediate=True)
        self.refresh()

    def _line_of(self, anchor: tuple[int, int]) -> int:
        block, offset = anchor
        starts = [(i, ln.block) for i, ln in enumerate(self.lines) if ln.first]
        for i, b in starts:
            if b == block:
                count = sum(1 for ln in self.lines[i:] if ln.block == block)
                return i + min(offset, max(0, count - 1))
        for i, b in starts:  # the block is hidden now: the next one that is shown
            if b > block:
                return i
        return max(0, len(self.lines) - 1)

    def _layout(self, width: int) -> list[ViewLine]:
        doc = self.document
        lines: list[ViewLine] = []
        if doc is None:
            if self._placeholder:
                for c in self._styled(self._placeholder, [], "title").wrap(width):
                    lines.append(ViewLine(c, NO_BLOCK))
            return lines
        blocks = doc.blocks
        if doc.title and not any(b.kind is BlockKind.TITLE for b in blocks):
            for i, c in enumerate(self._styled(doc.title, [], "title").wrap(width)):
                lines.append(ViewLine(c, NO_BLOCK, first=i == 0))
            lines.append(ViewLine(Content(""), NO_BLOCK))
        for number, block in enumerate(blocks):
            if block.kind is BlockKind.BOILERPLATE and not self.show_boilerplate:
                continue
            content = self._block_content(block)
            if block.kind is BlockKind.HEADING and lines and lines[-1].content.plain:
                lines.append(ViewLine(Content(""), NO_BLOCK))
            for i, c in enumerate(content.wrap(width)):
                lines.append(ViewLine(c, number, first=i == 0))
            lines.append(ViewLine(Content(""), NO_BLOCK))
        return lines

    def _block_content(self, block: Block) -> Content:
        if block.kind is BlockKind.BOILERPLATE:
            tag = f"[{block.reason or 'other'}] "
            body = self._styled(block.text, [], "boilerplate")
            return Content.assemble((tag, self.style_for("reason")), body)
        spans = []
        if self.show_entities:
            spans = [(e.start, e.end, str(e.label)) for e in block.entities]
        key = {"title": "title", "heading": "heading"}.get(str(block.kind))
        return self._styled(block.text, spans, key)

    def _styled(self, text: str, spans: list[tuple[int, int, str]], key: str | None) -> Content:
        """Escaped text with the element style, entity spans, escapes and query matches."""
        safe = make_safe(text)
        content = Content(safe.text)
        if key is not None:
            content = content.stylize(self.style_for(key))
        for start, end, label in spans:
            if 0 <= start < end <= len(text):
                content = content.stylize(self.style_for(label), safe.map(start), safe.map(end))
        for start, end in safe.escapes:
            content = content.stylize(self.style_for("escape"), start, end)
        if self.query:
            folded = safe.text.casefold()
            needle = self.query.casefold()
            pos = folded.find(needle)
            while pos >= 0 and len(folded) == len(safe.text):
                content = content.stylize(self.style_for("match"), pos, pos + len(needle))
                pos = folded.find(needle, pos + len(needle))
        return content

    # -- navigation ---------------------------------------------------------------------

    @property
    def top_line(self) -> int:
        """The display line at the top of the pane."""
        return round(self.scroll_y)

    def heading_lines(self) -> list[int]:
        """Display line numbers where a section heading starts."""
        doc = self.document
        if doc is None:
            return []
        return [i for i, ln in enumerate(self.lines)
                if ln.first and ln.block != NO_BLOCK
                and doc.blocks[ln.block].kind is BlockKind.HEADING]

    def _to_next(self, lines: list[int]) -> bool:
        """Bring the first of `lines` below the top line to the top; False when none is."""
        for line in lines:
            if line > self.top_line:
                self.scroll_to(y=line, animate=False, immediate=True)
                return True
        return False

    def _to_previous(self, lines: list[int]) -> bool:
        """Bring the last of `lines` above the top line to the top; False when none is."""
        for line in reversed(lines):
            if line < self.top_line:
                self.scroll_to(y=line, animate=False, immediate=True)
                return True
        return False

    def next_section(self) -> bool:
        """Bring the next heading to the top; False when there is none below."""
        return self._to_next(self.heading_lines())

    def prev_section(self) -> bool:
        """Bring the previous heading (or, before the first, the top) to the top.

        False when already at the top.
        """
        if self._to_previous(self.heading_lines()):
            return True
        if self.top_line > 0:
            self.scroll_to(y=0, animate=False, immediate=True)
            return True
        return False

    def go_to_block(self, block: int) -> None:
        """Bring block number `block` to the top (shown or the next shown one)."""
        self.scroll_to(y=self._line_of((block, 0)), animate=False, immediate=True)

    def match_lines(self) -> list[int]:
        """Display lines holding a match of the query (a match cut by a wrap counts once)."""
        if not self.query:
            return []
        needle = self.query.casefold()
        return [i for i, ln in enumerate(self.lines) if needle in ln.content.plain.casefold()]

    def next_match(self) -> bool:
        """Bring the next line with a match to the top; False when there is none below."""
        return self._to_next(self.match_lines())

    def prev_match(self) -> bool:
        """Bring the previous line with a match to the top; False when there is none above."""
        return self._to_previous(self.match_lines())

    def _last_top(self) -> int:
        return max(0, len(self.lines) - max(1, self.scrollable_content_region.height))

    def action_cursor_down(self) -> None:
        """Scroll one line down."""
        self.scroll_to(y=min(self.top_line + 1, self._last_top()), animate=False, immediate=True)

    def action_cursor_up(self) -> None:
        """Scroll one line up."""
        self.scroll_to(y=max(0, self.top_line - 1), animate=False, immediate=True)

    def action_first(self) -> None:
        """The top of the article."""
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_last(self) -> None:
        """The end of the article (its last screenful)."""
        self.scroll_to(y=self._last_top(), animate=False, immediate=True)

    def action_page_down(self) -> None:
        """A page down."""
        page = max(1, self.scrollable_content_region.height - 1)
        self.scroll_to(y=min(self.top_line + page, self._last_top()), animate=False,
                       immediate=True)

    def action_page_up(self) -> None:
        """A page up."""
        page = max(1, self.scrollable_content_region.height - 1)
        self.scroll_to(y=max(0, self.top_line - page), animate=False, immediate=True)

    # -- drawing ------------------------------------------------------------------------

    def on_resize(self) -> None:
        """Re-wrap when the width changes, keeping the reading position."""
        if self._width() != self._built_width or not self.lines:
            self.rebuild(anchor=self._anchor())
        else:
            self._fit_scroll_height()

    def on_mount(self) -> None:
        """Resolve styles once the theme is known."""
        self.refresh_styles()

    def _layout_first_frame(self) -> None:
        """Lay out an article that was shown before the pane had a size (see rebuild)."""
        if not self._styles:
            self._read_styles()
        width = self._width()
        self._built_width = width
        self.lines = self._layout(width)
        self._strips.clear()
        self.call_later(self._fit_scroll_height)  # not while the frame is being drawn

    def _fit_scroll_height(self) -> None:
        """Room below the last line, so that any heading can be brought to the top."""
        height = max(1, self.scrollable_content_region.height)
        set_scroll_height(self, len(self.lines) + height - 1)

    def render_line(self, y: int) -> Strip:
        """One display line, padded to the pane's width."""
        if not self._built_width and (self.document is not None or self._placeholder):
            self._layout_first_frame()
        width = self.scrollable_content_region.width
        number = self.top_line + y
        style = self.get_visual_style()
        if number >= len(self.lines):
            return Strip.blank(width, style.rich_style)
        strip = self._strips.get(number)
        if strip is None or strip.cell_length != width:
            content = self.lines[number].content
            strip = Strip(content.render_segments(style), content.cell_length)
            strip = strip.adjust_cell_length(width, style.rich_style)
            self._strips[number] = strip
        return strip
