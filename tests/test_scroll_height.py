"""Setting a Line API pane's scroll height: a layout pass only when the scrollbar changes."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.widgets.scroll_height import set_scroll_height


class Pane(ScrollView):
    """A blank scrollable pane that records the refreshes asking for a layout."""

    def __init__(self, overflow: str) -> None:
        super().__init__()
        self.styles.overflow_y = overflow
        self.layouts = 0

    def refresh(self, *regions: Any, layout: bool = False, **kwargs: Any) -> Any:
        self.layouts += layout
        return super().refresh(*regions, layout=layout, **kwargs)

    def render_line(self, y: int) -> Strip:
        return Strip.blank(self.size.width)


class Panes(App[None]):
    def compose(self) -> ComposeResult:
        yield Pane("scroll")
        yield Pane("auto")


@pytest.mark.asyncio
async def test_a_new_height_skips_the_layout_while_the_scrollbar_stays() -> None:
    app = Panes()
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        always, auto = app.query(Pane)
        window = auto.container_size.height
        for pane in (always, auto):
            pane.layouts = 0
        set_scroll_height(always, 3)  # the scrollbar is always there
        set_scroll_height(always, 300)
        set_scroll_height(auto, window - 1)  # fits: no scrollbar before or after
        assert (always.layouts, auto.layouts) == (0, 0)
        assert always.virtual_size.height == 300 and auto.virtual_size.height == window - 1
        assert always.vertical_scrollbar.window_virtual_size == 300
        set_scroll_height(auto, window + 50)  # the scrollbar appears: laid out again
        assert auto.layouts == 1
        await pilot.pause()
        assert auto.show_vertical_scrollbar
        auto.layouts = 0
        set_scroll_height(auto, window + 80)  # shown before and after
        assert auto.layouts == 0 and auto.vertical_scrollbar.window_virtual_size == window + 80
