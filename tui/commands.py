"""The command palette's reader commands: toggles, themes, sections and articles by title."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.safe_text import safe_plain
from tui.screens.main import MainScreen
from tui.session.filters import filter_choices
from tui.text.model import BlockKind

MAX_TITLE_HITS = 30  # "Open:" hits shown for a query
SCAN_SLICE = 500  # rows looked at between yields to the event loop


def _triage_commands(main: MainScreen) -> Iterator[tuple[str, Callable[[], object], str]]:
    """Triage filters (by decision, undecided, by label), undo and note, when triage is on."""
    triage = main.session.triage
    if triage is None:
        return
    for choice in filter_choices(triage.labels):
        yield (f"Show {choice.name}", partial(main.apply_triage_filter, choice),
               "Triage filter: which articles the list shows")
    yield "Undo the last decision", main.action_undo, "Back to the article it was on"
    yield "Add or edit a note", main.action_note, "A free-text note on this article"


class ReaderCommands(Provider):
    """Commands for the main screen, found by fuzzy match."""

    def _main(self) -> MainScreen | None:

        for screen in reversed(self.app.screen_stack):
            if isinstance(screen, MainScreen):
                return screen
        return None

    def _fixed(self) -> Iterator[tuple[str, Callable[[], object], str]]:
        main = self._main()
        app = self.app
        if main is not None:
            yield "Toggle boilerplate", main.action_toggle_boilerplate, \
                "Show boilerplate dimmed with its reason, or hide it"
            yield "Toggle entity colour", main.action_toggle_entities, "Entity styles on/off"
            yield "Toggle metadata panel", main.action_toggle_meta, "Show or hide the panel"
            yield "Filter the list", main.action_filter, "Keep articles containing a text"
            yield "Clear the filter", partial(main.apply_filter, ""), "Show every article"
            yield from _triage_commands(main)
            view = main.article_view
            doc = view.document
            if doc is not None:
                for number, block in enumerate(doc.blocks):
                    if block.kind is BlockKind.HEADING:
                        yield (f"Section: {safe_plain(block.text)}",
                               partial(view.go_to_block, number), "Jump to this section")
        yield "Pick a theme", partial(app.run_action, "pick_theme"), "With live preview"
        for name in getattr(app, "theme_names", ()):
            yield f"Theme: {name}", partial(app.choose_theme, name), "Switch and remember"
        yield "Help: keys", partial(app.run_action, "help"), "Every binding as mapped"
        yield "Quit", app.exit, "Position and decisions are already saved"

    async def discover(self) -> Hits:
        """The fixed commands, before anything is typed."""
        for name, command, help_text in self._fixed():
            yield DiscoveryHit(name, command, help=help_text)

    async def search(self, query: str) -> Hits:
        """Fixed commands by fuzzy match, then articles whose title contains the query.

        A query starting with "open" searches the titles for what follows it ("open"
        alone lists the first articles), as the "Open: <title>" hits suggest.
        """
        matcher = self.matcher(query)
        for name, command, help_text in self._fixed():
            if (score := matcher.match(name)) > 0:
                yield Hit(score, matcher.highlight(name), command, help=help_text)
        main = self._main()
        needle = query.strip().casefold()
        opening = needle.startswith("open")
        if opening:
            needle = needle[4:].lstrip(" :")
        if main is None or (len(needle) < 2 and not opening):
            return
        found = 0
        source = main.source
        title_matcher = self.matcher(needle) if needle else None
        for index in range(len(source)):
            if index % SCAN_SLICE == 0:
                await asyncio.sleep(0)
            title = source.row(index).title
            if needle in title.casefold():
                shown = f"Open: {safe_plain(title)}"
                yield Hit(0.9 if opening else 0.5,
                          title_matcher.highlight(shown) if title_matcher else shown,
                          partial(main.open_from_palette, index),
                          text=shown, help=f"article {index + 1}")
                found += 1
                if found >= MAX_TITLE_HITS:
                    return
