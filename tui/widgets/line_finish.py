"""Finishing a pane's lines (side padding and side borders) with the frame's parts made once.

Textual's StylesCache finishes each line a widget draws: it reads the borders, padding,
outline, tint and opacity back from the styles, builds the border cells and looks up the
app's ANSI theme again for every line, about 25 us a line here; a J finishes some ninety
lines of the article and metadata panes. Our panes have only side padding and side
borders, so PaneStylesCache makes those parts once per frame and joins each line with
them, the same segments Textual joins (tests/test_line_finish.py compares the two). A
pane styled with anything else (top or bottom borders or padding, an outline, a tint,
opacity, hatching) is finished by Textual's own code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style as RichStyle
from rich.terminal_theme import TerminalTheme
from textual._ansi_theme import DEFAULT_TERMINAL_THEME
from textual._border import get_box
from textual._styles_cache import StylesCache
from textual.color import Color
from textual.content import Content
from textual.css.styles import StylesBase
from textual.filter import LineFilter
from textual.geometry import Region, Size, Spacing
from textual.strip import Strip
from textual.style import Style

if TYPE_CHECKING:
    from textual.widget import Widget

Label = tuple[Content, Color, Color, Style] | None
FINISHED_LINES = 1024  # finished lines remembered per pane (a few screenfuls of articles)


@dataclass(frozen=True, slots=True)
class LineParts:
    """What every content line of a frame is joined with, made once per frame."""

    width: int  # the widget's
    content_width: int
    content_height: int
    inner: RichStyle  # the background under content and padding
    left: tuple[Segment, ...]  # border cell, then padding
    right: tuple[Segment, ...]  # padding, then border cell

    def finish(self, content: Strip) -> Strip:
        """A content line, as StylesCache.render_line finishes one (its case C)."""
        line = content.adjust_cell_length(self.content_width, self.inner)
        return Strip([*self.left, *line, *self.right], self.width)

    def blank(self) -> Strip:
        """A line below the content."""
        return self.finish(Strip.blank(self.content_width, self.inner))


def line_parts(styles: StylesBase, size: Size, content_size: Size, padding: Spacing,
               base_background: Color, background: Color, opacity: float) -> LineParts | None:
    """The parts for a frame, or None when Textual's own finishing is needed."""
    (top, _), (right_edge, right_color), (bottom, _), (left_edge, left_color) = styles.border
    hatched = styles.has_rule("hatch") and styles.hatch != "none"
    if (top or bottom or any(edge for edge, _ in styles.outline) or padding.top
            or padding.bottom or styles.tint.a or opacity != 1.0
            or styles.text_opacity != 1.0 or hatched):
        return None
    inner = Style(background=base_background + background)
    outer = Style(background=base_background)
    blank = inner.rich_style
    left: list[Segment] = []
    right: list[Segment] = []
    if left_edge:
        edge_style = Style(foreground=base_background + left_color.multiply_alpha(opacity))
        left.append(get_box(left_edge, inner, outer, edge_style)[1][0])
    if padding.left:
        left.append(Segment(" " * padding.left, blank))
    if padding.right:
        right.append(Segment(" " * padding.right, blank))
    if right_edge:
        edge_style = Style(foreground=base_background + right_color.multiply_alpha(opacity))
        right.append(get_box(right_edge, inner, outer, edge_style)[1][2])
    return LineParts(size.width, content_size.width, content_size.height, blank,
                     tuple(left), tuple(right))


def widget_parts(widget: Widget) -> LineParts | None:
    """The parts for `widget`'s next frame, as StylesCache.render_widget would make them."""
    base_background, background = widget.background_colors
    styles = widget.styles
    return line_parts(styles, widget.region.size, widget.content_region.size, styles.padding,
                      base_background, background, widget.opacity)


def screen_cuts(widget: Widget) -> list[list[int]] | None:
    """Where the screen's compositor cuts each line `widget` draws (its own offsets), as
    Compositor._render_chops divides them; None when the widget is not on the screen."""
    compositor = widget.screen._compositor
    placed = compositor.visible_widgets.get(widget)
    if placed is None:
        return None
    region, clip = placed
    shown = region.intersection(clip)
    if shown != region:  # partly hidden: its lines are cropped before they are cut
        return None
    first, last = shown.column_span
    screen = compositor.cuts
    return [[cut - shown.x for cut in screen[line] if last >= cut >= first][1:]
            for line in shown.line_range]


class PaneStylesCache(StylesCache):
    """A StylesCache that finishes plain panes' lines from parts made once per frame.

    Which lines are drawn again and which come from the cache is StylesCache's own
    business, unchanged. A content line the pane draws again as the same Strip (an
    article shown before, or finished ahead of time by `finish_ahead`) is finished once:
    the same finished Strip comes back, with what Textual cached on it (its filtered
    copy, its cuts), while the parts stay the same.
    """

    def __init__(self) -> None:
        super().__init__()
        self._parts: LineParts | None = None
        self._finished_for: LineParts | None = None
        self._finished: dict[int, tuple[Strip, Strip]] = {}  # id(content): (content, line)

    def _use(self, parts: LineParts) -> LineParts:
        """`parts` for the lines finished next; what was finished with others is forgotten."""
        if parts != self._finished_for:
            self._finished.clear()
        self._finished_for = parts
        return parts

    def _finished_line(self, parts: LineParts, content: Strip) -> Strip:
        """`content` finished with `parts` (those of `_use`), once while they are used."""
        known = self._finished.get(id(content))
        if known is not None and known[0] is content:
            return known[1]
        if len(self._finished) >= FINISHED_LINES:
            self._finished.clear()
        line = parts.finish(content)
        self._finished[id(content)] = (content, line)
        return line

    def finish_ahead(self, widget: Widget, lines: dict[int, Strip]) -> None:
        """Finish content `lines` (by line number in the pane) before they are drawn, as
        the frame that shows them will: the widget's line filters applied and the result
        cut where the screen's other widgets start and end (Textual keeps both on the
        Strip), so that frame only looks them up."""
        parts = widget_parts(widget)
        if parts is None:
            return
        self._use(parts)
        _, background = widget.background_colors
        filters = widget.get_line_filters()
        cuts = screen_cuts(widget)
        for y, content in lines.items():
            line = self._finished_line(parts, content)
            for line_filter in filters:
                line = line.apply_filter(line_filter, background)
            if cuts is not None and y < len(cuts):
                line.divide(cuts[y])

    def render(self, styles: StylesBase, size: Size, base_background: Color,
               background: Color, render_content_line: Callable[[int], Strip],
               filters: Sequence[LineFilter], border_title: Label, border_subtitle: Label,
               content_size: Size | None = None, padding: Spacing | None = None,
               crop: Region | None = None, opacity: float = 1.0,
               ansi_theme: TerminalTheme = DEFAULT_TERMINAL_THEME,
               native_ansi: bool = False) -> list[Strip]:
        """StylesCache.render, with the frame's line parts made first."""
        parts = line_parts(styles, size, content_size or size,
                           styles.padding if padding is None else padding,
                           base_background, background, opacity)
        self._parts = None if parts is None else self._use(parts)
        try:
            return super().render(
                styles, size, base_background, background, render_content_line, filters,
                border_title, border_subtitle, content_size, padding, crop, opacity,
                ansi_theme, native_ansi)
        finally:
            self._parts = None

    def render_line(self, styles: StylesBase, y: int, size: Size, content_size: Size,
                    padding: Spacing, base_background: Color, background: Color,
                    render_content_line: Callable[[int], Strip], border_title: Label,
                    border_subtitle: Label, opacity: float, ansi_theme: TerminalTheme,
                    native_ansi: bool) -> Strip:
        """One finished line: from the frame's parts when there are any."""
        parts = self._parts
        if parts is None:
            return super().render_line(
                styles, y, size, content_size, padding, base_background, background,
                render_content_line, border_title, border_subtitle, opacity, ansi_theme,
                native_ansi)
        if y >= parts.content_height:
            return parts.blank()
        return self._finished_line(parts, render_content_line(y))
