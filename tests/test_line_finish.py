"""The panes' lines, finished from parts made once per frame, match Textual's own finishing."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_fixtures import make_app, settle
from rich.style import Style as RichStyle
from textual._styles_cache import StylesCache
from textual.filter import Monochrome
from textual.strip import Strip

from tui.app import WartaApp
from tui.widgets.article_list import ArticleList
from tui.widgets.article_view import ArticleView
from tui.widgets.line_finish import PaneStylesCache
from tui.widgets.line_pane import LinePane
from tui.widgets.meta_panel import MetaPanel

pytestmark = pytest.mark.asyncio


def _cells(strips: list[Strip]) -> list[list[tuple[str, RichStyle | None]]]:
    return [[(seg.text, seg.style) for seg in strip] for strip in strips]


def _compare(app: WartaApp) -> int:
    """Each pane's lines both ways (fresh caches); the number of panes compared."""
    compared = 0
    for pane in app.screen.query(LinePane):
        if not pane.display:
            continue
        crop = pane.region.reset_offset
        assert isinstance(pane._styles_cache, PaneStylesCache)
        pane._styles_cache.clear()
        ours = pane.render_lines(crop)
        ours_cells = _cells(ours)
        mine = pane._styles_cache
        pane._styles_cache = StylesCache()
        try:
            theirs = pane.render_lines(crop)
        finally:
            pane._styles_cache = mine
        assert ours_cells == _cells(theirs), type(pane).__name__
        assert [s.cell_length for s in ours] == [s.cell_length for s in theirs]
        compared += 1
    return compared


@pytest.mark.parametrize("monochrome", [False, True])
async def test_the_panes_lines_match_textuals_finishing(tmp_path: Path,
                                                        monochrome: bool) -> None:
    app = make_app(tmp_path)
    if monochrome:  # a line filter over every line, as NO_COLOR gives
        app._filters.append(Monochrome())
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(pilot)
        assert _compare(app) == 3  # the list focused
        app.screen.query_one(ArticleView).focus()
        await settle(pilot)
        assert _compare(app) == 3  # the article focused: its border changes colour
        app.screen.query_one(MetaPanel).focus()
        await pilot.press("J", "b")
        await settle(pilot)
        assert _compare(app) == 3
        app.theme = "warta-light"
        await settle(pilot)
        assert _compare(app) == 3
    narrow = make_app(tmp_path / "narrow")
    async with narrow.run_test(size=(80, 24)) as pilot:  # the panel folded away
        await settle(pilot)
        assert _compare(narrow) == 2


async def test_a_pane_with_a_top_border_is_finished_by_textual(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(pilot)
        listing = app.screen.query_one(ArticleList)
        listing.styles.border_top = ("round", "red")
        listing.styles.padding = (1, 1)
        await settle(pilot)
        assert listing.render_lines(listing.region.reset_offset)[0].text.startswith("───")
        assert _compare(app) == 3
