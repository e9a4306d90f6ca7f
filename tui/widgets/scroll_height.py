"""Changing a Line API widget's scrollable height without a layout pass of the whole screen.

Setting `virtual_size` is a layout-refreshing reactive: every widget on the screen is
arranged again, which costs tens of milliseconds at 160x48 on each article change. When
the vertical scrollbar is shown before and after (the only thing the layout would
change), the new height can be set directly and the scrollbar told.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.widget import Widget


def set_scroll_height(view: ScrollView, height: int) -> None:
    """Make `view` scroll over `height` lines, skipping the layout pass when it can."""
    new = Size(0, height)
    old = view.virtual_size
    if new == old:
        return
    window = view.scrollable_content_region.height
    if view.is_mounted and window and old.height > window and height > window \
            and view.show_vertical_scrollbar:
        view.set_reactive(Widget.virtual_size, new)
        bar = view.vertical_scrollbar
        bar.window_virtual_size = height
        bar.refresh()
        view.refresh()
    else:
        view.virtual_size = new
