"""A vertical scrollbar drawn straight into Strips, the same cells Textual's draws.

Textual draws a scrollbar as a Rich renderable: the whole console pipeline (render,
split into lines, crop, one new Strip per line) runs for each change of position or
length, then finishes each line on its own (StylesCache), and a J redraws two or three
46-line bars. A bar is made of at most five different cells (the track above and below
the thumb, the thumb, its two ends), so each is made and finished once and the lines
share them.
"""

from __future__ import annotations

from typing import ClassVar

from rich.color import Color
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual._context import active_app
from textual.css.styles import RulesMap
from textual.geometry import Region
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

DEFAULT_BACK = Color.parse("#555555")  # Textual's fallbacks (ScrollBarRender.__rich_console__)
DEFAULT_BAR = Color.parse("bright_magenta")
FINISHED_KEPT = 64  # finished lines kept per bar (a bar shows at most five different ones)
CELLS_KEPT = 256  # bar cells kept across renders (five per bar and style)


class StripScrollBarRender(ScrollBarRender, Visual):
    """ScrollBarRender as a Visual, for vertical bars only: no Rich console pipeline.

    A bar of another length or position is made of the same few cells: each is made once
    and kept (by cell, width and base style), so a pane's bar redrawn for a new article
    finds its lines finished already (StripScrollBar keeps them by Strip).
    """

    _cells: ClassVar[dict[tuple[Segment, int, RichStyle | None], Strip]] = {}

    def render_strips(self, width: int, height: int | None, style: Style,
                      options: RenderOptions) -> list[Strip]:
        """The bar's lines, as RichVisual renders the Rich renderable (vertical only)."""
        if width <= 0:
            return []  # what Rich renders into no width
        console = active_app.get().console
        size = height or console.height
        bar_style = console.get_style(self.style)
        bar = self.render_bar(
            size=size, window_size=self.window_size, virtual_size=self.virtual_size,
            position=self.position, vertical=True, thickness=width,
            back_color=bar_style.bgcolor or DEFAULT_BACK,
            bar_color=bar_style.color or DEFAULT_BAR)
        base = style.rich_style
        made = self._cells
        strips: list[Strip] = []
        for segment in bar.segments:
            key = (segment, width, base)
            strip = made.get(key)
            if strip is None:
                if len(made) >= CELLS_KEPT:
                    made.clear()
                text, seg_style, _control = segment
                if base:
                    seg_style = base + seg_style
                # As Segment.split_and_crop_lines leaves each line (cropped, never padded).
                cell = Segment(text, seg_style)
                strip = made[key] = Strip(
                    Segment.adjust_line_length([cell], width, pad=False))
            strips.append(strip)
        return strips[:height] if height is not None else strips

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        """The bar's thickness."""
        return self.thickness

    def get_height(self, rules: RulesMap, width: int) -> int:
        """A bar has no height of its own: it takes its widget's."""
        return 1


class StripScrollBar(ScrollBar):
    """A scrollbar drawn by StripScrollBarRender whose frame is finished per distinct cell.

    Textual finishes every line of a widget (background, post-processing, line filters)
    one by one; a bar's lines are the same few Strips over and over, so each is finished
    once. Anything that would make a line differ from the next (borders, padding, tint,
    opacity, hatching) sends the bar through Textual's own path instead.
    """

    renderer = StripScrollBarRender

    def __init__(self, vertical: bool = True, name: str | None = None, *,
                 thickness: int = 1) -> None:
        super().__init__(vertical, name, thickness=thickness)
        self._finished: dict[int, tuple[Strip, Strip]] = {}  # id(line): (line, finished)
        self._finished_for: tuple[object, ...] = ()
        self._last_frame: tuple[Region, object, tuple[object, ...], list[Strip]] | None = None

    def _plain(self) -> bool:
        """Whether Textual would finish each line of the bar on its own (see the class doc)."""
        styles = self.styles
        hatched = styles.has_rule("hatch") and styles.hatch != "none"
        return (not any(edge for edge, _ in styles.border)
                and not any(edge for edge, _ in styles.outline)
                and not any(styles.padding) and not styles.tint.a and not hatched
                and styles.text_opacity == 1.0 and self.opacity == 1.0
                and not self.auto_links and not self.BLANK)

    def render_lines(self, crop: Region) -> list[Strip]:
        """The bar's lines in `crop`: what Textual's StylesCache would make of them."""
        if not self._plain():
            return super().render_lines(crop)
        width, height = self.size
        base_background, background = self.background_colors
        inner = Style(background=base_background + background).rich_style
        filters = tuple(self.get_line_filters())
        key = (width, inner, filters, background)
        if key != self._finished_for or len(self._finished) > FINISHED_KEPT:
            self._finished_for = key
            self._finished.clear()
        last = self._last_frame
        if (not self._dirty_regions and last is not None and last[0] == crop
                and last[1] is self._render_cache and last[2] == key):
            return last[3]  # nothing changed since the last frame drew the same lines
        strips: list[Strip] = []
        for y in crop.line_range:
            line = self.render_line(y) if y < height else Strip.blank(width, inner)
            entry = self._finished.get(id(line))
            if entry is None or entry[0] is not line:
                strip = Strip(line.adjust_cell_length(width, inner), width)
                for line_filter in filters:
                    strip = strip.apply_filter(line_filter, background)
                entry = self._finished[id(line)] = (line, strip)
            strips.append(entry[1])
        if crop.column_span != (0, width):
            x1, x2 = crop.column_span
            strips = [strip.crop(x1, x2) for strip in strips]
        self._last_frame = (crop, self._render_cache, key, strips)
        return strips
