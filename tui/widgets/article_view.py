"""The article view: a Document laid out for reading, drawn line by line.

The Document's blocks are wrapped to the pane (at most `measure` columns) into display
lines that remember their block, so that toggling boilerplate, re-wrapping on resize
and jumping between sections all keep or find the reading position by block.

Wrapping costs about the article's length, which for a 2 MB article is seconds: only the
first screenful (or the lines up to the reading position kept) is laid out at once; the
rest is laid out in short slices between keys (LAYOUT_SLICE), the scrollbar growing as it
goes, so no key waits for the whole article.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip
from textual.style import Style

from tui.dumps.lru import Lru
from tui.keymap import Scope, bindings
from tui.safe_text import make_safe
from tui.text.model import Block, BlockKind, Document
from tui.themes import ENTITY_DEFAULTS, ENTITY_KEYS, READER_DEFAULTS, READER_KEYS, variable_name
from tui.widgets.line_pane import LinePane, line_strip
from tui.widgets.scroll_height import set_scroll_height

NO_BLOCK = -1  # spacer lines and the title taken from the record's own field
LAYOUT_SLICE = 0.005  # seconds of wrapping at a time before keys and repaints get a turn
LAYOUT_REST = 0.005  # seconds between slices, for the keys and repaints waiting
FIRST_SLICE = 0.05  # at most this long at once for the lines a key waits for
PREPARE_CHARS = 50_000  # the longest article laid out ahead of time (a few milliseconds)
PREPARED = 4  # articles laid out ahead kept (the neighbours of the one on view)


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article laid out ahead of time: its lines and its first screenful drawn."""

    document: Document
    settings: tuple[object, ...]  # ArticleView._layout_settings when it was made
    lines: list[ViewLine]
    strips: dict[int, Strip]


@dataclass(frozen=True, slots=True)
class ViewLine:
    """One display line and the block it belongs to (NO_BLOCK for spacers)."""

    content: Content
    block: int
    first: bool = False  # the first line of its block


class ArticleView(LinePane, can_focus=True):
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
        self._styles_read = 0  # how many times the styles were read (a theme change: +1)
        self._built_width = 0
        self._placeholder = ""
        self._pending: Iterator[list[ViewLine]] | None = None  # the rest of a layout
        self._building: list[ViewLine] = []  # the layout under way, before it is shown
        self._goal: tuple[int, int] | None = None  # (block, offset) a layout is shown at
        self._generation = 0
        self._when_laid_out: Callable[[], object] | None = None
        self._prepared: Lru[int, Prepared] = Lru(PREPARED)  # by dump index
        self._lines_of: Document | None = None  # the Document whose lines are on screen
        self._on_drawn: list[Callable[[], object]] = []  # told once a frame draws an article

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
        self._styles_read += 1

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
        if anchor is None and self._show_prepared(document, index):
            return
        self.rebuild(anchor=anchor, top=anchor is None)

    # -- articles laid out ahead --------------------------------------------------------

    def _layout_settings(self, width: int) -> tuple[object, ...]:
        """Everything a layout depends on besides the Document (the pane's style too)."""
        return (width, self.show_boilerplate, self.show_entities, self.query,
                self._styles_read, self.frame()[1])

    def prepare(self, document: Document, index: int) -> None:
        """Lay out `document` (article `index`) and draw its first screenful now, while
        the reader reads another: if it is shown next, from the top, no key waits for it.

        Only an article of at most PREPARE_CHARS is prepared (a longer one is laid out in
        slices when shown, see the module doc); the last PREPARED are kept.
        """
        if not (self.is_mounted and self._styles and self.size.width) \
                or document is self.document \
                or sum(len(block.text) for block in document.blocks) > PREPARE_CHARS:
            return
        width = self._width()
        settings = self._layout_settings(width)
        known = self._prepared.get(index)
        if known is not None and known.document is document and known.settings == settings:
            return
        lines = [line for part in self._layout_blocks(width, document) for line in part]
        strips = self.first_screen([line.content for line in lines])
        self._prepared.put(index, Prepared(document, settings, lines, strips))

    def _show_prepared(self, document: Document | None, index: int | None) -> bool:
        """Show the prepared layout of `document` from the top; False when there is none
        made with today's settings."""
        known = self._prepared.get(index) if index is not None else None
        if known is None or known.document is not document or document is None \
                or not (self.is_mounted and self._styles and self.size.width):
            return False
        width = self._width()
        if known.settings != self._layout_settings(width):
            return False
        self._generation += 1  # a layout still growing in slices stops
        self._built_width = width
        self._when_laid_out = None
        self._pending = None
        self._goal = None
        self._building = known.lines
        self.lines = known.lines
        self._strips = dict(known.strips)
        self._fit_scroll_height()
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()
        self._shown()
        return True

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
        """(block, line offset inside it) at the top of the pane; None at the title (the top)."""
        top = round(self.scroll_y)
        if not self.lines or top >= len(self.lines):
            return None
        if all(self.lines[y].block == NO_BLOCK for y in range(top + 1)):
            return None  # the record's title (or a spacer above the text): stay at the top
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

    @property
    def laid_out(self) -> bool:
        """True when every line of the article is laid out (not still being wrapped)."""
        return self._pending is None

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
            self._pending = None
            self.refresh()
            return
        if not top and anchor is None:
            anchor = self._anchor()  # e.g. a theme change: stay where the reader is
        self._start_layout(self._width(), None if top else anchor)

    def _start_layout(self, width: int, anchor: tuple[int, int] | None,
                      drawing: bool = False) -> None:
        """Wrap what the pane shows first now, the rest in slices (see the module doc).

        With an `anchor` the old lines stay on screen until the new layout reaches it
        (a slice at a time when that is far down a long article).
        """
        self._generation += 1
        self._built_width = width
        self._when_laid_out = None
        self._pending = self._layout_blocks(width, self.document)
        self._building = []
        self._goal = anchor
        self._grow(FIRST_SLICE, drawing, first=True)
        if self._pending is not None:
            generation = self._generation
            if drawing:
                self.call_later(lambda: self._continue(generation))
            else:
                self._continue(generation)

    def _grow(self, budget: float, drawing: bool = False, first: bool = False) -> None:
        """Wrap blocks for up to `budget` seconds; show the new lines once they reach far
        enough (a screenful, from the top or from the anchor). The `first` slice stops
        as soon as they are shown."""
        pending = self._pending
        if pending is None:
            return
        lines = self._building
        need = max(1, self.scrollable_content_region.height) * 2
        deadline = time.perf_counter() + budget
        done = False
        while True:
            part = next(pending, None)
            if part is None:
                done = True
                break
            lines.extend(part)
            if lines is not self.lines and self._far_enough(lines, need):
                self._show_lines(lines, drawing)
                if first:
                    break
            if time.perf_counter() > deadline:
                break
        if done:
            self._pending = None
            if lines is not self.lines:
                self._show_lines(lines, drawing)
        if not drawing:
            self._fit_scroll_height()
        if done and self._when_laid_out is not None:
            then, self._when_laid_out = self._when_laid_out, None
            then()

    def _far_enough(self, lines: list[ViewLine], need: int) -> bool:
        """Whether `lines` reach a screenful past where they will be shown."""
        if self._goal is None:
            return len(lines) >= need
        block, _ = self._goal
        last = next((ln.block for ln in reversed(lines) if ln.block != NO_BLOCK), NO_BLOCK)
        if last <= block:
            return False
        return len(lines) - self._line_of(self._goal, lines) >= need

    def when_drawn(self, then: Callable[[], object]) -> None:
        """`then` once a frame draws an article's own lines (not the lines before them: the
        first slice of a slow layout may stop short of a screenful, and a message that
        waits for a refresh can run before the frame that shows the new lines)."""
        self._on_drawn.append(then)
        self.refresh()

    def _shown(self) -> None:
        """The shown Document's lines are the pane's lines now."""
        self._lines_of = self.document

    def render_lines(self, crop: Region) -> list[Strip]:
        """The lines in `crop`; once they are an article's, those waiting for it are told."""
        strips = super().render_lines(crop)
        if self._on_drawn and self.document is not None and self._lines_of is self.document:
            waiting, self._on_drawn = self._on_drawn, []
            for then in waiting:
                then()
        return strips

    def _show_lines(self, lines: list[ViewLine], drawing: bool) -> None:
        """Put the new layout on screen (later lines keep being appended to it)."""
        self.lines = lines
        self._strips.clear()
        self._shown()
        if drawing:
            return
        self._fit_scroll_height()
        y = 0 if self._goal is None else self._line_of(self._goal)
        self.scroll_to(y=y, animate=False, immediate=True)
        self.refresh()

    def _continue(self, generation: int) -> None:
        """Lay out the rest of the article in slices, in a task of the app's event loop."""

        async def slices() -> None:
            while self._pending is not None and generation == self._generation:
                await asyncio.sleep(LAYOUT_REST)
                if generation != self._generation or not self.is_mounted:
                    return
                self._grow(LAYOUT_SLICE)

        self.run_worker(slices, group="layout", exclusive=True, exit_on_error=False)

    def _after_layout(self, then: Callable[[], object]) -> bool:
        """Run `then` once the whole article is laid out; False when it is already."""
        if self._pending is None:
            return False
        self._when_laid_out = then
        return True

    def _line_of(self, anchor: tuple[int, int], lines: list[ViewLine] | None = None) -> int:
        lines = self.lines if lines is None else lines
        block, offset = anchor
        for i, ln in enumerate(lines):
            if ln.first and ln.block >= block:
                if ln.block > block:  # the block is hidden now: the next one that is shown
                    return i
                count = 0
                while i + count < len(lines) and lines[i + count].block == block:
                    count += 1
                return i + min(offset, max(0, count - 1))
        return max(0, len(lines) - 1)

    def _layout(self, width: int) -> list[ViewLine]:
        """Every display line at once (tests and small articles; the view grows in slices)."""
        return [line for part in self._layout_blocks(width, self.document) for line in part]

    def _layout_blocks(self, width: int, doc: Document | None) -> Iterator[list[ViewLine]]:
        """The display lines of `doc`, a block (with the spacing before and after it) at a
        time."""
        if doc is None:
            if self._placeholder:
                yield [ViewLine(c, NO_BLOCK)
                       for c in self._styled(self._placeholder, [], "title").wrap(width)]
            return
        blocks = doc.blocks
        blank = ViewLine(Content(""), NO_BLOCK)
        if doc.title and not any(b.kind is BlockKind.TITLE for b in blocks):
            yield [*(ViewLine(c, NO_BLOCK, first=i == 0)
                     for i, c in enumerate(self._styled(doc.title, [], "title").wrap(width))),
                   blank]
        for number, block in enumerate(blocks):
            if block.kind is BlockKind.BOILERPLATE and not self.show_boilerplate:
                continue
            # Every block ends with a blank line, so a heading needs no space added before it.
            yield [*(ViewLine(c, number, first=i == 0)
                     for i, c in enumerate(self._block_content(block).wrap(width))), blank]

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
        """Bring the next heading to the top; False when there is none below.

        While the article is still being laid out, the search goes on once it is.
        """
        return self._to_next(self.heading_lines()) or self._after_layout(self.next_section)

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
        return self._to_next(self.match_lines()) or self._after_layout(self.next_match)

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
        """The end of the article (its last screenful; again once it is all laid out)."""
        self.scroll_to(y=self._last_top(), animate=False, immediate=True)
        self._after_layout(self.action_last)

    def page(self, pages: float) -> None:
        """Scroll by `pages` pages (negative: up; 0.5: half a page), a line of overlap kept."""
        height = max(1, self.scrollable_content_region.height)
        step = max(1, height - 1) if abs(pages) >= 1 else max(1, int(height * abs(pages)))
        target = self.top_line + (step if pages > 0 else -step)
        self.scroll_to(y=max(0, min(target, self._last_top())), animate=False, immediate=True)

    def action_page_down(self) -> None:
        """A page down."""
        self.page(1)

    def action_page_up(self) -> None:
        """A page up."""
        self.page(-1)

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
        self._start_layout(self._width(), None, drawing=True)
        self.call_later(self._fit_scroll_height)  # not while the frame is being drawn

    def _fit_scroll_height(self) -> None:
        """Room below the last line, so that any heading can be brought to the top."""
        height = max(1, self.scrollable_content_region.height)
        set_scroll_height(self, len(self.lines) + height - 1)

    def render_line(self, y: int) -> Strip:
        """One display line, padded to the pane's width."""
        if not self._built_width and (self.document is not None or self._placeholder):
            self._layout_first_frame()
        width, style = self.frame()
        number = self.top_line + y
        if number >= len(self.lines):
            return Strip.blank(width, style.rich_style)
        strip = self._strips.get(number)
        if strip is None or strip.cell_length != width:
            strip = self._strips[number] = line_strip(self.lines[number].content, width, style)
        return strip
