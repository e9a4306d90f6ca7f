"""Terminal safety in the running app: escape sequences from a dump are shown, never sent."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from app_fixtures import settle, write_dump

from tui.app import WartaApp
from tui.config import load_config
from tui.dumps.index import Dump
from tui.resources import bundled
from tui.themes import load_themes
from tui.widgets.article_list import ArticleList
from tui.widgets.article_view import ArticleView
from tui.widgets.meta_panel import MetaPanel

pytestmark = pytest.mark.asyncio

HOSTILE = ("Judul \x1b]0;TITLE\x07 Palsu\n\n"
           "Paragraf pertama \x1b[2J menghapus layar dan \x9b31m merah.\n\n"
           "Paragraf kedua biasa saja, dengan kata-kata yang aman.\n")
RAW = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def _strip_texts(widget, count: int) -> list[str]:
    return [widget.render_line(y).text for y in range(count)]


async def test_escape_sequences_are_visible_and_never_raw(tmp_path: Path) -> None:
    folder = write_dump(tmp_path / "dump", [HOSTILE])
    config = load_config(None, ["analysis.detect_language=false"])
    app = WartaApp(Dump.open([str(folder)]), config, themes=load_themes([bundled("themes")]),
                   state_file=tmp_path / "ui.yaml")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        listing = app.screen.query_one(ArticleList)
        view = app.screen.query_one(ArticleView)
        list_lines = _strip_texts(listing, 3)
        view_lines = _strip_texts(view, 8)
        for text in list_lines + view_lines:
            assert not RAW.search(text), repr(text)
        assert "Judul \\x1b]0;TITLE" in list_lines[0]
        shown = "\n".join(view_lines)
        assert "\\x1b]0;TITLE\\x07" in shown and "\\x1b[2J" in shown and "\\x9b31m" in shown
        meta = app.screen.query_one(MetaPanel).text.plain
        assert not RAW.search(meta.replace("\n", "")) and "\\x1b]0;TITLE" in meta
        # The escapes carry the warning style.
        escape = view.style_for("escape")
        spans = [s for line in view.lines for s in line.content.spans if s.style == escape]
        assert len(spans) >= 3
        # And nothing raw reaches the (virtual) terminal: the whole screen, as exported.
        screen = app.export_screenshot()
        assert "\x1b]0;" not in screen and "\x1b[2J" not in screen
        assert app.title == "warta" and "\x1b" not in (app.screen.title or "")


async def test_a_dump_named_like_markup_is_shown_as_text(tmp_path: Path) -> None:
    from app_fixtures import make_app

    from tui.widgets.title_bar import TitleBar

    app = make_app(tmp_path, dump_name="news [red]x [b]y")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        header = app.screen.query_one(TitleBar).render_line(0).text
        assert "news [red]x [b]y" in header
