"""The filter keys of the main screen: the filter box, next/prev match, the rows a filter found.

A plain object the screen owns (not a widget, not a mixin), next to RowFilters, which runs
the searches: this side opens the box, hands its text over, moves between matches in the
article and puts a filter's rows in the list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from tui.safe_text import safe_plain
from tui.widgets.filter_box import FilterBox
from tui.widgets.key_bar import KeyBar
from tui.widgets.row_filters import RowFilters

if TYPE_CHECKING:
    from tui.screens.main import MainScreen


class FilterKeys:
    """The text filter's keys and results for one screen (its RowFilters keeps the state)."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen

    def open_box(self) -> None:
        """Open the filter box (mounted above the footer the first time), holding the text."""
        screen = self.screen
        found = screen.query("#filter")
        box = found.first(FilterBox) if found else FilterBox(id="filter")
        if not found:
            screen.mount(box, before=screen.query_one(KeyBar))
        box.open(screen.filters.text)

    def applied(self, text: str | None) -> None:
        """The filter box closed: back on the list, filtered by `text` when submitted."""
        self.screen.article_list.focus()
        if text is not None:
            self.screen.filters.by_text(text)

    def to_match(self, move: Callable[[], bool], which: str) -> None:
        """Run `move` (the view's next/prev match), or say why there is nothing to move to."""
        text = self.screen.filters.text
        if not text:
            self.screen.notify("No filter text: press / to set one.", timeout=2)
        elif not move():
            self.screen.notify(f"No {which} match of {safe_plain(text)!r}.", timeout=2,
                               markup=False)

    def open_index(self, index: int) -> None:
        """Select article `index` in the list, clearing a filter that hides it."""
        screen = self.screen
        if not screen.article_list.select_index(index):
            screen.filters.clear()
            screen.article_view.set_query("")
            self.set_rows(range(len(screen.source)), index)

    def found(self, message: RowFilters.Found) -> None:
        """Show a filter's rows, the current article kept selected when among them."""
        if message.query is not None:
            self.screen.article_view.set_query(message.query)
        self.set_rows(message.rows, self.screen.current)

    def set_rows(self, rows: Sequence[int], keep: int | None) -> None:
        """The list shows `rows` (`keep` selected when among them); the header says how many."""
        self.screen.article_list.set_rows(rows, keep=keep)
        self.screen.show_position()
