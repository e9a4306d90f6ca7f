"""Changing a Line API widget's scrollable height without a layout pass of the whole screen.

Setting `virtual_size` is a layout-refreshing reactive: every widget on the screen is
arranged again, which costs tens of milliseconds at 160x48 on each article change (and
a second layout pass right after the first frame). When the vertical scrollbar stays as
it is, shown or not (the only thing the layout would change), the new height can be set
directly and the scrollbar told.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.widget import Widget


def set_scroll_height(view: ScrollView, height: int) -> None:
    """Make `view` scroll over `height` lines, skipping the layout pass when it can."""
    new = Size(0, height)
    if new == view.virtual_size:
        return
    if view.is_mounted and view.container_size \
            and view.show_vertical_scrollbar == _shows_scrollbar(view, height):
        view.set_reactive(Widget.virtual_size, new)
        if view.show_vertical_scrollbar:
            bar = view.vertical_scrollbar
            bar.window_virtual_size = height
            bar.refresh()
        view.refresh()
    else:
        view.virtual_size = new


def _shows_scrollbar(view: ScrollView, height: int) -> bool:
    """Whether `view` shows its vertical scrollbar over `height` lines (as Textual decides)."""
    overflow = view.styles.overflow_y
    return overflow == "scroll" or (overflow == "auto" and height > view.container_size.height)
