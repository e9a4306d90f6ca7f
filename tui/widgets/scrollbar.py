"""A vertical scrollbar drawn straight into Strips, the same cells Textual's draws.

Textual draws a scrollbar as a Rich renderable: the whole console pipeline (render,
split into lines, crop, one new Strip per line) runs for each change of position or
length, about 3 ms for a 46-line bar on this machine, and a J redraws three of them.
The bar is made of at most five different cells (track above and below the thumb, the
thumb, its two ends), so each is made into a Strip once and the lines share them.
"""

from __future__ import annotations

from rich.color import Color
from rich.segment import Segment
from textual._context import active_app
from textual.css.styles import RulesMap
from textual.scrollbar import ScrollBarRender
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

DEFAULT_BACK = Color.parse("#555555")  # Textual's fallbacks (ScrollBarRender.__rich_console__)
DEFAULT_BAR = Color.parse("bright_magenta")


class StripScrollBarRender(ScrollBarRender, Visual):
    """ScrollBarRender as a Visual, for vertical bars only: no Rich console pipeline."""

    def render_strips(self, width: int, height: int | None, style: Style,
                      options: RenderOptions) -> list[Strip]:
        """The bar's lines, as RichVisual renders the Rich renderable (vertical only)."""
        console = active_app.get().console
        size = height or console.height
        bar_style = console.get_style(self.style)
        bar = self.render_bar(
            size=size, window_size=self.window_size, virtual_size=self.virtual_size,
            position=self.position, vertical=True, thickness=width or console.width,
            back_color=bar_style.bgcolor or DEFAULT_BACK,
            bar_color=bar_style.color or DEFAULT_BAR)
        base = style.rich_style
        made: dict[Segment, Strip] = {}
        strips: list[Strip] = []
        for segment in bar.segments:
            strip = made.get(segment)
            if strip is None:
                text, seg_style, _control = segment
                if base:
                    seg_style = base + seg_style
                cell = Segment(text, seg_style)
                strip = made[segment] = Strip(
                    Segment.adjust_line_length([cell], width) if width else [cell])
            strips.append(strip)
        return strips[:height] if height is not None else strips

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        """The bar's thickness."""
        return self.thickness

    def get_height(self, rules: RulesMap, width: int) -> int:
        """A bar has no height of its own: it takes its widget's."""
        return 1
