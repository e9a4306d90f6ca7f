"""List rows come from the row cache only while everything they show is unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_fixtures import make_app, settle

from tui.widgets.article_list import ArticleList
from tui.widgets.article_view import ArticleView

pytestmark = pytest.mark.asyncio


async def test_a_row_is_drawn_again_when_what_it_shows_changes(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        listing = app.screen.query_one(ArticleList)
        first = listing.render_line(1)
        assert listing.render_line(1) is first  # nothing changed: the cached row
        listing.mark = lambda index: "K " if index == 1 else ""
        marked = listing.render_line(1)
        assert marked.text.startswith("K ") and not first.text.startswith("K ")
        listing.tags = lambda index, width: "#banjir" if index == 1 else ""
        assert "#banjir" in listing.render_line(1).text
        listing.describe = lambda index: ("Judul Lain", "id", 42) if index == 1 else None
        row = listing.render_line(1).text
        assert "Judul Lain" in row and row.rstrip().endswith(" id")


async def test_the_cursor_row_follows_the_focus(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        listing = app.screen.query_one(ArticleList)
        focused = listing.render_line(listing.cursor)
        app.screen.query_one(ArticleView).focus()
        await settle(pilot)
        unfocused = listing.render_line(listing.cursor)
        assert unfocused.text == focused.text
        assert [s.style for s in unfocused] != [s.style for s in focused]
        listing.focus()
        await settle(pilot)
        again = listing.render_line(listing.cursor)
        assert [s.style for s in again] == [s.style for s in focused]
