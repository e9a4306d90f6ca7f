"""The note editor: a modal text box for an article's free-text note."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static, TextArea

from tui.keymap import Scope, bindings, display_keys, effective_keys
from tui.safe_text import safe_plain
from tui.screens.modal import OnceModal


class NoteScreen(OnceModal[str | None]):
    """Edit a note; dismisses with the new text (saved by the caller) or None (cancelled)."""

    BINDINGS: ClassVar = [*bindings(Scope.MODAL), *bindings(Scope.NOTE)]
    DEFAULT_CSS = """
    NoteScreen { align: center middle; }
    NoteScreen > #note-box {
        width: 80%; max-width: 90; height: auto; max-height: 80%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    NoteScreen #note-text { height: 8; }
    NoteScreen #note-hint { color: $text-muted; }
    """

    def __init__(self, title: str, note: str, keymap: dict[str, str] | None = None) -> None:
        super().__init__(id="note")
        self.article_title = title
        self.note = note
        keys = effective_keys(keymap or {})
        self.hint = (f"{display_keys(keys['note_save'])} saves · "
                     f"{display_keys(keys['close'])} cancels · an empty note removes it")

    def compose(self) -> ComposeResult:
        """The article's title, the text box and how to leave."""
        with Vertical(id="note-box") as box:
            box.border_title = f"Note: {safe_plain(self.article_title)[:60]}"
            yield TextArea(self.note, id="note-text", soft_wrap=True)
            yield Static(self.hint, id="note-hint")

    def on_mount(self) -> None:
        """Put the cursor at the end of the note, ready to type."""
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        """Close and hand back the note, trimmed."""
        self.dismiss(self.query_one(TextArea).text.strip())

    def action_close(self) -> None:
        """Close without changing the note."""
        self.dismiss(None)
