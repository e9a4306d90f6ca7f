"""The text filter's input line: enter applies, escape closes it and leaves the filter as it was."""

from __future__ import annotations

from textual.message import Message
from textual.widgets import Input


class FilterBox(Input):
    """An Input docked above the footer; posts Applied on enter and on escape."""

    class Applied(Message):
        """The filter text submitted ("" clears the filter), or None: closed unchanged."""

        def __init__(self, text: str | None) -> None:
            super().__init__()
            self.text = text

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="filter: text in titles and articles (enter applies, "
                         "empty clears, escape cancels)", id=id)

    def open(self, text: str) -> None:
        """Show the box holding `text`, focused."""
        self.value = text
        self.display = True
        self.focus()

    def close(self) -> None:
        """Hide the box (the screen puts the focus back on the list)."""
        self.display = False

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter: close and apply."""
        event.stop()
        self.close()
        self.post_message(self.Applied(event.value.strip()))

    def key_escape(self) -> None:
        """Escape: close without changing the filter."""
        self.close()
        self.post_message(self.Applied(None))
