"""The main screen's partial frames write what Textual's own compositor writes, drawing
fewer widget lines; the panes' container is never drawn."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from app_fixtures import make_app, settle
from rich.style import Style
from textual._compositor import ChopsUpdate, Compositor
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.geometry import Region
from textual.screen import Screen
from textual.widgets import Static

from tui.widgets.article_list import ArticleList
from tui.widgets.panes import ReaderPanes
from tui.widgets.partial_compositor import PartialCompositor

pytestmark = pytest.mark.asyncio
SIZE = (140, 36)


Cells = list[tuple[int, int, str, Style | None]]


def written(update: ChopsUpdate) -> Cells:
    """Every cell an update writes (line, column, character, style), span by span.

    Cells, not bytes: Textual's ChopsUpdate also moves the cursor to a piece that starts
    where a span ends, and writes nothing there."""
    cells: Cells = []
    for y, x1, x2 in update.spans:
        for end, (x, strip) in zip(update.chop_ends[y], update.chops[y].items(),
                                   strict=True):
            start, stop = max(x, x1), min(end, x2)
            if strip is not None and start < stop:
                cells.extend((y, start + i, char, segment.style) for i, (char, segment) in
                             enumerate((c, seg) for seg in strip.crop(start - x, stop - x)
                                       for c in seg.text))
    return cells


class Compared:
    """Each partial update made twice, by PartialCompositor and by Textual's Compositor."""

    def __init__(self, compositor: PartialCompositor) -> None:
        self.pairs: list[tuple[Cells, Cells]] = []
        self.spans: list[int] = []  # cells in each update's spans
        ours = compositor.render_partial_update

        def both() -> ChopsUpdate | None:
            regions = set(compositor._dirty_regions)
            made = ours()
            compositor._dirty_regions.update(regions)
            theirs = Compositor.render_partial_update(compositor)
            if made is None or theirs is None:
                assert made is theirs
            else:
                self.pairs.append((written(made), written(theirs)))
                self.spans.append(sum(x2 - x1 for _, x1, x2 in made.spans))
            return made

        compositor.render_partial_update = both  # type: ignore[method-assign]


async def test_every_partial_frame_writes_what_textuals_compositor_writes(
        tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        compositor = app.screen._compositor
        assert isinstance(compositor, PartialCompositor)
        compared = Compared(compositor)
        for key in ("J", "J", "K", "tab", "j", "j", "pagedown", "tab", "down", "b", "m",
                    "m", "J", "e"):
            await pilot.press(key)
            await settle(pilot)
        assert len(compared.pairs) >= 14
        for (ours, theirs), cells in zip(compared.pairs, compared.spans, strict=True):
            assert ours == theirs
            assert len(ours) == cells  # every updated cell written


class Boxes(App[None]):
    """A container showing around and between its children, on a PartialCompositor."""

    CSS = """
    #outer { background: red; padding: 1 2; height: 12; }
    #inner { width: 50%; height: 3; background: blue; }
    #side { width: 10; height: 2; offset: 30 0; background: green 50%; }
    """

    def get_default_screen(self) -> Screen[None]:
        screen: Screen[None] = Screen()
        screen._compositor = PartialCompositor()
        return screen

    def compose(self) -> ComposeResult:
        with Vertical(id="outer"):
            yield Static("inner", id="inner")
            yield Static("side", id="side")
        yield Static("below", id="below")


async def test_a_container_is_drawn_where_its_children_leave_it_showing() -> None:
    app = Boxes()
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.pause()
        compositor = app.screen._compositor
        assert isinstance(compositor, PartialCompositor)
        compared = Compared(compositor)
        outer = app.query_one("#outer")
        for change in (lambda: app.query_one("#inner", Static).update("changed"),
                       outer.refresh, lambda: outer.refresh(Region(0, 1, 40, 4)),
                       lambda: app.query_one("#side", Static).update("moved on")):
            change()
            await pilot.pause()
        assert len(compared.pairs) == 4
        for (ours, theirs), cells in zip(compared.pairs, compared.spans, strict=True):
            assert ours == theirs
            assert len(ours) == cells


async def test_j_draws_only_the_list_rows_it_changed_and_never_the_container(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        drawn: dict[str, list[int]] = {}
        for kind in (ArticleList, ReaderPanes):
            lines = kind.render_lines

            def counting(widget: Any, crop: Any, lines: Any = lines) -> Any:
                drawn.setdefault(type(widget).__name__, []).append(crop.height)
                return lines(widget, crop)

            monkeypatch.setattr(kind, "render_lines", counting)
        await pilot.press("J")
        await settle(pilot)
        assert drawn.get("ReaderPanes") is None
        assert drawn["ArticleList"] and max(drawn["ArticleList"]) == 2  # old and new row
        assert app.screen.query_one(ArticleList).has_focus  # focus unaffected by the hiding
