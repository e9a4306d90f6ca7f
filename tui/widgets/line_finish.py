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

Label = tuple[Content, Color, Color, Style] | None


@dataclass(frozen=True, slots=True)
class LineParts:
    """What every content line of a frame is joined with, made once per frame."""

    width: int  # the widget's
    content_width: int
    content_height: int
    inner: RichStyle  # the background under content and padding
    left: tuple[Segment, ...]  # border cell, then padding
    right: tuple[Segment, ...]  # padding, then border cell

    def line(self, y: int, render_content_line: Callable[[int], Strip]) -> Strip:
        """Line `y`, as StylesCache.render_line finishes a content line (its case C)."""
        if y < self.content_height:
            line = render_content_line(y).adjust_cell_length(self.content_width, self.inner)
        else:
            line = Strip.blank(self.content_width, self.inner)
        return Strip([*self.left, *line, *self.right], self.width)


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


class PaneStylesCache(StylesCache):
    """A StylesCache that finishes plain panes' lines from parts made once per frame.

    Which lines are drawn again and which come from the cache is StylesCache's own
    business, unchanged.
    """

    def __init__(self) -> None:
        super().__init__()
        self._parts: LineParts | None = None

    def render(self, styles: StylesBase, size: Size, base_background: Color,
               background: Color, render_content_line: Callable[[int], Strip],
               filters: Sequence[LineFilter], border_title: Label, border_subtitle: Label,
               content_size: Size | None = None, padding: Spacing | None = None,
               crop: Region | None = None, opacity: float = 1.0,
               ansi_theme: TerminalTheme = DEFAULT_TERMINAL_THEME,
               native_ansi: bool = False) -> list[Strip]:
        """StylesCache.render, with the frame's line parts made first."""
        self._parts = line_parts(styles, size, content_size or size,
                                 styles.padding if padding is None else padding,
                                 base_background, background, opacity)
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
        return parts.line(y, render_content_line)
