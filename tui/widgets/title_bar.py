"""The header: the dump's name and where we are in it, on one line."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class TitleBar(Static):
    """`warta — NAME · 3 / 120` (plus the filter's match count), centred."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top; height: 1; width: 100%; background: $panel; color: $foreground;
        text-align: center; text-style: bold;
    }
    """

    def show(self, title: str, where: str) -> None:
        """Set the title and the position text (both already terminal-safe)."""
        # Plain Content: a dump named "a[/]b" is text, not markup. The bar's size never
        # changes with its text: no layout pass needed.
        self.update(Content(f"{title} · {where}" if where else title), layout=False)
