"""The triage filter picker: show every article, one decision, the undecided, or a label."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.keymap import Scope, bindings
from tui.screens.modal import OnceModal
from tui.session.filters import ListFilter


class TriageFilterPicker(OnceModal[ListFilter | None]):
    """Pick which articles the list shows; dismisses with the filter or None."""

    BINDINGS: ClassVar = bindings(Scope.MODAL)
    DEFAULT_CSS = """
    TriageFilterPicker { align: center middle; }
    TriageFilterPicker > OptionList {
        width: 40; height: auto; max-height: 80%; border: round $accent;
    }
    """

    def __init__(self, choices: Sequence[ListFilter], current: ListFilter) -> None:
        super().__init__(id="triage-filter")
        self.choices = list(choices)
        self.current = current

    def compose(self) -> ComposeResult:
        """One option per filter, the one in use highlighted."""
        options = OptionList(*(Option(f"Show {c.name}", id=str(n))
                               for n, c in enumerate(self.choices)), id="triage-filter-list")
        options.border_title = "Show (enter picks, escape cancels)"
        if self.current in self.choices:
            options.highlighted = self.choices.index(self.current)
        yield options

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[int(event.option.id or 0)])

    def action_close(self) -> None:
        """Keep the filter in use."""
        self.dismiss(None)
