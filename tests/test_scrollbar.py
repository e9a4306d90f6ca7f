"""The panes' scrollbar draws the same cells as Textual's, made and finished once per cell."""

from __future__ import annotations

import itertools

import pytest
from rich.style import Style as RichStyle
from textual.app import App, ComposeResult
from textual.filter import Monochrome
from textual.geometry import Region
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip
from textual.visual import RichVisual, Visual

from tui.widgets.line_pane import LinePane
from tui.widgets.scroll_height import set_scroll_height
from tui.widgets.scrollbar import StripScrollBar, StripScrollBarRender


class Pane(LinePane):
    """A blank pane, always showing its vertical scrollbar."""

    DEFAULT_CSS = "Pane { overflow-y: scroll; }"

    def render_line(self, y: int) -> Strip:
        return Strip.blank(self.size.width, self.rich_style)


class Panes(App[None]):
    def compose(self) -> ComposeResult:
        yield Pane()


def _cells(strips: list[Strip]) -> list[list[tuple[str, RichStyle | None]]]:
    return [[(seg.text, seg.style) for seg in strip] for strip in strips]


@pytest.mark.asyncio
async def test_the_bar_matches_textuals_for_every_position_and_length() -> None:
    app = Panes()
    async with app.run_test(size=(30, 20)) as pilot:
        await pilot.pause()
        bar = app.query_one(Pane).vertical_scrollbar
        assert bar.renderer is StripScrollBarRender
        style = bar.visual_style
        colours = RichStyle(color="red", bgcolor="#202020")
        compared = 0
        shapes = itertools.product((0, 1, 7, 18), (0, 1, 2), (0, 5, 18, 40, 1000), (0, 5, 18),
                                   (0, 0.5, 3.25, 22, 982))
        for height, thickness, virtual, window, position in shapes:
            args = {"virtual_size": virtual, "window_size": window, "position": position,
                    "thickness": thickness, "vertical": True, "style": colours}
            if virtual and window and virtual != height and virtual == window:
                continue  # a division by zero in Textual's own bar; never asked for
            theirs = Visual.to_strips(bar, RichVisual(bar, ScrollBarRender(**args)),
                                      thickness, height, style)
            ours = Visual.to_strips(bar, StripScrollBarRender(**args), thickness, height, style)
            assert _cells(ours) == _cells(theirs), args
            assert [s.cell_length for s in ours] == [s.cell_length for s in theirs]
            compared += 1
        assert compared >= 790


@pytest.mark.asyncio
@pytest.mark.parametrize("monochrome", [False, True])
async def test_the_panes_bar_finishes_its_lines_as_textual_does(monochrome: bool) -> None:
    app = Panes()
    if monochrome:  # as NO_COLOR does: a line filter over every line
        app._filters.append(Monochrome())
    async with app.run_test(size=(30, 20)) as pilot:
        pane = app.query_one(Pane)
        bar = pane.vertical_scrollbar
        assert isinstance(bar, StripScrollBar)
        compared = 0
        for height, top in ((5, 0), (100, 0), (100, 37), (100, 81), (21, 1), (1000, 500)):
            set_scroll_height(pane, height)
            pane.scroll_to(y=top, animate=False, immediate=True)
            await pilot.pause()
            assert isinstance(bar._render(), StripScrollBarRender)
            whole = bar.region.reset_offset
            for crop in (whole, Region(0, 3, 1, 9), Region(0, whole.height - 2, 1, 2)):
                ours = bar.render_lines(crop)
                assert bar.render_lines(crop) is ours  # unchanged: the last frame's lines
                bar._styles_cache.clear()
                theirs = ScrollBar.render_lines(bar, crop)
                assert _cells(ours) == _cells(theirs), (height, top, crop)
                assert [s.cell_length for s in ours] == [s.cell_length for s in theirs]
                compared += 1
        assert compared == 18


@pytest.mark.asyncio
async def test_a_tinted_bar_goes_through_textuals_own_path() -> None:
    app = Panes()
    async with app.run_test(size=(30, 20)) as pilot:
        pane = app.query_one(Pane)
        set_scroll_height(pane, 100)
        bar = pane.vertical_scrollbar
        bar.styles.tint = "red 30%"
        await pilot.pause()
        assert not bar._plain()
        crop = bar.region.reset_offset
        assert _cells(bar.render_lines(crop)) == _cells(ScrollBar.render_lines(bar, crop))


@pytest.mark.asyncio
async def test_a_bar_of_another_length_is_made_of_the_cells_made_before() -> None:
    app = Panes()
    async with app.run_test(size=(30, 20)) as pilot:
        await pilot.pause()
        bar = app.query_one(Pane).vertical_scrollbar
        style = bar.visual_style
        colours = RichStyle(color="red", bgcolor="#202020")

        def lines(virtual: int) -> list[Strip]:
            return StripScrollBarRender(virtual_size=virtual, window_size=18, position=0,
                                        style=colours).render_strips(1, 18, style, None)  # type: ignore[arg-type]

        first, second = lines(40), lines(47)
        assert _cells(first) != _cells(second)  # another thumb
        # The track above and below the thumb and its body: the same Strips as before.
        shared = {id(s) for s in first} & {id(s) for s in second}
        assert len(shared) >= 2
