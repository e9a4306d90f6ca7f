"""The help screen: every binding as currently mapped, grouped."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.keymap import Scope, bindings, help_rows
from tui.screens.modal import OnceModal

CLOSES = "escape, q or ? closes · j/k, space scroll"
ROW_MARKS = (
    ("K R S F", "the article's decision: keep, reject, skip, flag"),
    ("·", "first column: labels or a note, no decision; language / words: not analysed yet"),
    ("!", "the article's text changed since the decision"),
    ("*", "the article has a note (the metadata panel shows it)"),
    ("#name", "its labels, shortened to fit (#pol, #po)"),
    ("…", "language: being detected; a title: cut to fit"),
    ("?", "language: could not be told"),
)
"""What the marks on a list row mean (the help lists them under the keys)."""


def help_text(keymap: Mapping[str, str], labels: Sequence[str] = ()) -> Content:
    """The grouped table of bindings: keys, what they do, and the id to remap them by."""
    parts: list[Content] = []
    group = ""
    for row_group, keys, description, binding_id in help_rows(keymap, labels):
        if row_group != group:
            group = row_group
            title = group
            parts.append(Content.styled(f"{'' if not parts else chr(10)}{title}\n",
                                        "bold $accent"))
        parts.append(Content.assemble(
            (f"  {keys:<16}", "bold"), f" {description}", (f"  {binding_id}\n", "$text-muted"),
        ))
    parts.append(Content.styled("\nList rows\n", "bold $accent"))
    parts.extend(Content.assemble((f"  {mark:<16}", "bold"), f" {meaning}\n")
                 for mark, meaning in ROW_MARKS)
    parts.append(Content.styled(
        "\nRemap in config.yaml: keymap: {id: \"key1,key2\"}  ·  " + CLOSES, "$text-muted"))
    return Content("").join(parts)


_PAGE_KEYS = {"article_page_down": "page_down", "article_page_up": "page_up",
              "article_half_down": "page_down", "article_half_up": "page_up"}


class HelpScreen(OnceModal[None]):
    """A modal listing every binding; it scrolls like a pane; escape, q or the help key close it."""

    BINDINGS: ClassVar = [
        *bindings(Scope.MODAL),
        *bindings(Scope.HELP),
        *bindings(Scope.PANE),
        *(Binding(b.key, "close", b.description, show=False, id=b.id)
          for b in bindings(Scope.APP) if b.id == "help"),
        *(Binding(b.key, _PAGE_KEYS[b.id or ""], b.description, show=False, id=b.id)
          for b in bindings(Scope.SCREEN) if b.id in _PAGE_KEYS),
    ]

    def __init__(self, keymap: Mapping[str, str], labels: Sequence[str] = ()) -> None:
        super().__init__(id="help")
        self.keymap = dict(keymap)
        self.labels = tuple(labels)

    def compose(self) -> ComposeResult:
        """The table in a scrolling box; how to close it on the box's border, always in view."""
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = CLOSES
            yield Static(help_text(self.keymap, self.labels), id="help-text")

    @property
    def box(self) -> VerticalScroll:
        """The scrolling box."""
        return self.query_one("#help-box", VerticalScroll)

    def action_cursor_down(self) -> None:
        """One line down."""
        self.box.scroll_relative(y=1, animate=False, immediate=True)

    def action_cursor_up(self) -> None:
        """One line up."""
        self.box.scroll_relative(y=-1, animate=False, immediate=True)

    def action_first(self) -> None:
        """The top."""
        self.box.scroll_home(animate=False, immediate=True)

    def action_last(self) -> None:
        """The end."""
        self.box.scroll_end(animate=False, immediate=True)

    def action_page_down(self) -> None:
        """A page down."""
        self.box.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        """A page up."""
        self.box.scroll_page_up(animate=False)

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss()
