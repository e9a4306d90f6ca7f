"""The help screen: every binding as currently mapped, grouped."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.keymap import Scope, bindings, help_rows
from tui.screens.modal import OnceModal


def help_text(keymap: Mapping[str, str]) -> Content:
    """The grouped table of bindings: keys, what they do, and the id to remap them by."""
    parts: list[Content] = []
    group = ""
    for row_group, keys, description, binding_id in help_rows(keymap):
        if row_group != group:
            group = row_group
            title = group
            parts.append(Content.styled(f"{'' if not parts else chr(10)}{title}\n",
                                        "bold $accent"))
        parts.append(Content.assemble(
            (f"  {keys:<16}", "bold"), f" {description}", (f"  {binding_id}\n", "$text-muted"),
        ))
    parts.append(Content.styled(
        "\nRemap in config.yaml: keymap: {id: \"key1,key2\"}  ·  escape closes", "$text-muted"))
    return Content("").join(parts)


class HelpScreen(OnceModal[None]):
    """A modal listing every binding; the help key or escape closes it."""

    BINDINGS: ClassVar = [
        *bindings(Scope.MODAL),
        *(Binding(b.key, "close", b.description, show=False, id=b.id)
          for b in bindings(Scope.APP) if b.id == "help"),
    ]

    def __init__(self, keymap: Mapping[str, str]) -> None:
        super().__init__(id="help")
        self.keymap = dict(keymap)

    def compose(self) -> ComposeResult:
        """The table in a scrolling box."""
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys"
            yield Static(help_text(self.keymap), id="help-text")

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss()
