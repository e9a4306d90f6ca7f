"""The next article laid out ahead of time: J shows it without wrapping in the key's turn,
exactly as a fresh layout would, and not from a layout a toggle made stale."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from app_fixtures import make_app, settle

from tui.widgets.analysis_runner import PREFETCH_DELAY
from tui.widgets.article_view import ArticleView
from tui.widgets.line_pane import line_strip
from tui.widgets.meta_panel import MetaPanel, describe, wrap_panel
from tui.widgets.panes import ReaderPanes

pytestmark = pytest.mark.asyncio
SIZE = (140, 36)


async def _paused(pilot: Any) -> None:
    """As a reader pauses on an article: the neighbours are analysed and laid out."""
    await asyncio.sleep(PREFETCH_DELAY + 0.1)
    await settle(pilot)


def _layouts(monkeypatch: pytest.MonkeyPatch) -> list[int | None]:
    """The article index of every layout ArticleView starts (the slow path of a show)."""
    started: list[int | None] = []
    start = ArticleView._start_layout

    def counting(view: ArticleView, *args: Any, **kw: Any) -> None:
        started.append(view.index)
        start(view, *args, **kw)

    monkeypatch.setattr(ArticleView, "_start_layout", counting)
    return started


def _plain(view: ArticleView) -> list[str]:
    return [line.content.plain for line in view.lines]


async def test_j_shows_the_prepared_next_article_as_a_fresh_layout_would(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _paused(pilot)
        view = app.screen.query_one(ArticleView)
        panel = app.screen.query_one(MetaPanel)
        assert 1 in view._prepared
        started = _layouts(monkeypatch)
        await pilot.press("J")
        assert view.index == 1 and started == []  # no wrapping in the key's turn
        await settle(pilot)
        shown = _plain(view)
        assert shown[0] == "Pasar Ikan Dibuka Kembali"
        view.rebuild(top=True)  # the slow path, for comparison
        await settle(pilot)
        assert _plain(view) == shown
        document = view.document
        assert document is not None
        width = max(4, panel.scrollable_content_region.width)
        rows = app.screen.query_one(ReaderPanes).triage_rows(1)
        expected = wrap_panel(describe(document, triage=rows), width)
        assert [line.plain for line in panel._lines] == [line.plain for line in expected]


async def test_a_toggle_after_preparing_is_not_shown_from_the_stale_layout(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Article 0 holds boilerplate; prepared while on article 1 with boilerplate hidden.
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("J")
        await _paused(pilot)
        view = app.screen.query_one(ArticleView)
        assert 0 in view._prepared
        await pilot.press("b")  # boilerplate shown: the layout prepared without it is stale
        started = _layouts(monkeypatch)
        await pilot.press("K")
        await settle(pilot)
        assert view.index == 0 and started == [0]
        assert any(text.startswith("[related] Baca Juga") for text in _plain(view))



def _fresh(panel: MetaPanel) -> list[list[tuple[str, object]]]:
    """The panel's first lines drawn now from its lines, in its style of now."""
    width, style = panel.frame()
    return [[(seg.text, seg.style) for seg in line_strip(line, width, style)]
            for line in panel._lines[:5]]


async def test_a_theme_change_is_not_shown_from_panels_drawn_before_it(tmp_path: Path) -> None:
    app = make_app(tmp_path, ui__theme="warta-dark")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _paused(pilot)
        panel = app.screen.query_one(MetaPanel)
        assert panel._prepared  # article 1's panel, drawn in the dark theme
        app.theme = "warta-light"
        await settle(pilot)
        assert [[(s.text, s.style) for s in panel.render_line(y)] for y in range(5)] \
            == _fresh(panel)  # the article on view
        await pilot.press("J")
        await settle(pilot)
        assert [[(s.text, s.style) for s in panel.render_line(y)] for y in range(5)] \
            == _fresh(panel)
