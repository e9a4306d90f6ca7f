"""A Line API pane: a ScrollView drawn line by line, at the least cost per line.

Textual calls render_line once per line of a frame, so whatever a line looks up about
the pane (its width, its style) is looked up once per frame instead (render_lines); the
padding and side borders around each line are made once per frame (line_finish.py);
the vertical scrollbar draws its few distinct lines once (scrollbar.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from textual.content import Content
from textual.geometry import Region
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.style import Style

from tui.widgets.line_finish import PaneStylesCache
from tui.widgets.scrollbar import StripScrollBar


class LinePane(ScrollView):
    """A ScrollView whose lines share one look-up of the pane's width and style per frame."""

    _pass: tuple[int, Style] | None = None  # (width, style) while a frame is drawn

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._styles_cache = PaneStylesCache()  # (Widget's own is a plain StylesCache)

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """The vertical scrollbar, made on first use as Widget.vertical_scrollbar makes
        Textual's own, but a StripScrollBar."""
        bar = self._vertical_scrollbar
        if bar is None:
            bar = self._vertical_scrollbar = StripScrollBar(
                vertical=True, name="vertical", thickness=self.scrollbar_size_vertical)
            bar.display = False
            self.app._start_widget(self, bar)
        return bar

    def frame(self) -> tuple[int, Style]:
        """The width of the pane's lines and their base style."""
        if self._pass is not None:
            return self._pass
        return self.scrollable_content_region.width, self.get_visual_style()

    def first_screen(self, contents: Sequence[Content]) -> dict[int, Strip]:
        """The first screenful of `contents` (lines from the top) drawn and finished now, as
        the frame that shows them will (see PaneStylesCache.finish_ahead)."""
        width, style = self.frame()
        height = max(1, self.scrollable_content_region.height)
        strips = {y: line_strip(contents[y], width, style)
                  for y in range(min(height, len(contents)))}
        self._styles_cache.finish_ahead(self, strips)
        return strips

    def render_lines(self, crop: Region) -> list[Strip]:
        """The lines in `crop`, with the width and style looked up once for all of them."""
        self._pass = self.frame()
        try:
            return super().render_lines(crop)
        finally:
            self._pass = None


def line_strip(content: Content, width: int, style: Style) -> Strip:
    """`content` drawn on `style`, cut or padded to `width` cells (one Strip made, not two)."""
    segments = content.render_segments(style)
    length = content.cell_length
    if length < width:
        segments.append(Segment(" " * (width - length), style.rich_style))
        return Strip(segments, width)
    return Strip(segments, length).adjust_cell_length(width, style.rich_style)
