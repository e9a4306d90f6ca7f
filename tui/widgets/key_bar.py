"""The footer: the most useful keys as currently mapped, on one line.

A single Static instead of Textual's Footer (one widget per key): the reader starts
faster and the line never needs to scroll. It follows remapping because it reads the
screen's active bindings, and redraws when they change.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class KeyBar(Static):
    """Keys with a footer label (see tui.keymap), grouped: `JK article  ][ section ...`."""

    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: 1; background: $panel; color: $foreground; padding: 0 1; }
    """

    _entries: list[Content] = []  # noqa: RUF012 - replaced per instance in redraw()

    def on_mount(self) -> None:
        """Redraw whenever the bindings change (focus moves, keymap applied)."""
        self.screen.bindings_updated_signal.subscribe(self, lambda _screen: self.redraw())
        self.redraw()

    def redraw(self) -> None:
        """Collect the shown bindings and draw them."""
        groups: dict[str, list[str]] = {}
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.show or not binding.description:
                continue
            keys = groups.setdefault(binding.description, [])
            shown = self.app.get_key_display(binding)
            if shown not in keys:
                keys.append(shown)
        self._entries = [Content.assemble(("".join(keys), "bold $accent"), f" {label}")
                         for label, keys in groups.items()]
        self._draw()

    def _draw(self) -> None:
        # Whole entries only: the ones that do not fit are left out, never cut mid-word.
        room = max(0, self.content_region.width or self.app.size.width - 2)
        shown: list[Content] = []
        used = 0
        for entry in self._entries:
            need = entry.cell_length + (2 if shown else 0)
            if used + need > room:
                break
            shown.append(entry)
            used += need
        self.update(Content("  ").join(shown), layout=False)

    def on_resize(self) -> None:
        """Fit the entries to the new width."""
        self._draw()
