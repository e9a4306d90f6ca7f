"""The theme picker: moving over a theme previews it; enter keeps it, escape goes back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.keymap import Scope, bindings
from tui.screens.modal import OnceModal


class ThemeList(OptionList):
    """An OptionList that also answers warta's movement keys (j/k/g/G...)."""

    BINDINGS: ClassVar = bindings(Scope.PANE)

    def action_cursor_down(self) -> None:
        """Next theme."""
        super().action_cursor_down()

    def action_cursor_up(self) -> None:
        """Previous theme."""
        super().action_cursor_up()

    def action_first(self) -> None:
        """First theme."""
        super().action_first()

    def action_last(self) -> None:
        """Last theme."""
        super().action_last()


class ThemePicker(OnceModal[str | None]):
    """Pick a theme with live preview; dismisses with the chosen name or None."""

    BINDINGS: ClassVar = bindings(Scope.MODAL)

    def __init__(self, names: Sequence[str], current: str) -> None:
        super().__init__(id="theme-picker")
        self.names = list(names)
        self.original = current

    def compose(self) -> ComposeResult:
        """The list of theme names, the current one highlighted."""
        options = ThemeList(*(Option(name, id=name) for name in self.names), id="theme-list")
        options.border_title = "Theme (enter keeps, escape cancels)"
        if self.original in self.names:
            options.highlighted = self.names.index(self.original)
        yield options

    @on(OptionList.OptionHighlighted)
    def _preview(self, event: OptionList.OptionHighlighted) -> None:
        if not self.closing and event.option.id and event.option.id != self.app.theme:
            self.app.theme = event.option.id

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_close(self) -> None:
        """Back to the theme in use before the picker opened."""
        if self.closing:  # a theme was kept already: an escape in the same burst is late
            return
        self.app.theme = self.original
        self.dismiss(None)
