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

    heading = "warta"
    """The dump's name and the triage progress."""
    where = ""
    """Where the cursor is: `3 / 120` (and the filter's match count)."""

    def show(self, heading: str | None = None, where: str | None = None) -> None:
        """Set the heading, the position text or both (already terminal-safe; None: kept)."""
        self.heading = self.heading if heading is None else heading
        self.where = self.where if where is None else where
        # Plain Content: a dump named "a[/]b" is text, not markup. The bar's size never
        # changes with its text: no layout pass needed.
        text = f"{self.heading} · {self.where}" if self.where else self.heading
        self.update(Content(text), layout=False)
