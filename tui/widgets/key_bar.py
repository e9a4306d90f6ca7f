"""The footer: the most useful keys as currently mapped, on one line.

A single Static instead of Textual's Footer (one widget per key): the reader starts
faster and the line never needs to scroll. It follows remapping because it reads the
screen's active bindings, and redraws when they change.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from tui.keymap import FOOTER_DROP_ORDER, footer_label


class KeyBar(Static):
    """Keys with a footer label (see tui.keymap), grouped: `JK article  ][ section ...`."""

    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: 1; background: $panel; color: $foreground; padding: 0 1; }
    """

    _groups: dict[str, tuple[list[str], str | None]] = {}  # noqa: RUF012 - per instance

    _said: str | None = None

    def say(self, text: str | None) -> None:
        """Show `text` (work under way) instead of the keys; None: the keys again."""
        self._said = text
        self._draw()

    def on_mount(self) -> None:
        """Redraw whenever the bindings change (focus moves, keymap applied)."""
        self.screen.bindings_updated_signal.subscribe(self, lambda _screen: self.redraw())
        self.redraw()

    def redraw(self) -> None:
        """Collect the shown bindings (one key per binding id) and draw them."""
        groups: dict[str, tuple[list[str], str | None]] = {}
        seen: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            ident = binding.id or binding.key
            if not binding.show or not binding.description or ident in seen:
                continue
            seen.add(ident)
            keys, _ = groups.setdefault(binding.description, ([], binding.id))
            shown = self.app.get_key_display(binding)
            if shown not in keys:
                keys.append(shown)
        self._groups = groups
        self._draw()

    def _entries(self, compact: bool, dropped: set[str]) -> list[Content]:
        return [Content.assemble(("".join(keys), "bold $accent"),
                                 f" {footer_label(first, compact) or label}")
                for label, (keys, first) in self._groups.items() if first not in dropped]

    def _draw(self) -> None:
        # Full labels, else short ones, else the least needed entries left out: whole
        # entries only, never cut mid-word; triage, help and quit stay longest.
        room = max(0, self.content_region.width or self.app.size.width - 2)
        if self._said is not None:
            self.update(Content.styled(self._said[:room], "bold"), layout=False)
            return
        entries = self._entries(False, set())
        dropped: set[str] = set()
        for drop in ("", *FOOTER_DROP_ORDER):
            if _width(entries) <= room:
                break
            dropped.add(drop)
            entries = self._entries(True, dropped)
        shown: list[Content] = []
        used = 0
        for entry in entries:
            need = entry.cell_length + (2 if shown else 0)
            if used + need > room:
                break
            shown.append(entry)
            used += need
        self.update(Content("  ").join(shown), layout=False)

    def on_resize(self) -> None:
        """Fit the entries to the new width."""
        self._draw()


def _width(entries: list[Content]) -> int:
    """Cells the entries take, two spaces apart."""
    return sum(e.cell_length for e in entries) + 2 * max(0, len(entries) - 1)
