"""How analyses reach the screen: the title-only placeholder, and the collector kept away."""

from __future__ import annotations

import gc
import threading
from pathlib import Path
from typing import Any

import pytest
from app_fixtures import make_app, marked_analyse, settle

from tui.document_cache import DocumentCache
from tui.screens.main import MainScreen
from tui.text.model import Document, Record
from tui.widgets.article_view import ArticleView
from tui.widgets.panes import PLACEHOLDER_DELAY


class Gated:
    """marked_analyse that, once armed, holds the analysis of one article until released."""

    def __init__(self, held: str) -> None:
        self.held = held
        self.armed = False
        self.release = threading.Event()
        self.loaded = False

    def __call__(self, record: Record, detect_language: bool) -> Document:
        if self.armed and record.text.startswith(self.held):
            self.release.wait(10)
        if detect_language:
            self.loaded = True
        return marked_analyse(record, detect_language)


def _shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int | None, bool]]:
    """(index, with a Document) for every ArticleView.show call."""
    calls: list[tuple[int | None, bool]] = []
    show = ArticleView.show

    def recording(view: ArticleView, document: Any, index: Any, *args: Any, **kw: Any) -> None:
        calls.append((index, document is not None))
        show(view, document, index, *args, **kw)

    monkeypatch.setattr(ArticleView, "show", recording)
    return calls


@pytest.mark.asyncio
async def test_a_quick_article_is_drawn_once_without_its_title_alone_first(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.cache = DocumentCache(screen.cache.size)
        calls = _shown(monkeypatch)
        await pilot.press("J")
        await settle(pilot)
        assert (1, False) not in calls  # never the title alone
        assert calls[0] == (1, True)
        assert screen.article_view.index == 1


@pytest.mark.asyncio
async def test_a_slow_article_shows_its_title_after_the_delay(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path)
    gated = Gated("Pasar Ikan Dibuka Kembali")  # article 1
    app.analyser = gated
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.cache = DocumentCache(screen.cache.size)
        gated.armed = True
        calls = _shown(monkeypatch)
        await pilot.press("J")
        await pilot.pause()
        assert screen.article_view.index == 0  # the previous article, for a moment
        await pilot.pause(PLACEHOLDER_DELAY + 0.1)
        assert calls == [(1, False)]
        assert screen.article_view.document is None
        assert "Pasar Ikan Dibuka Kembali" in screen.article_view.lines[0].content.plain
        gated.release.set()
        await settle(pilot)
        assert screen.article_view.index == 1 and screen.article_view.document is not None


@pytest.mark.asyncio
async def test_the_analysis_data_is_frozen_once_the_first_full_pass_is_in(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path)
    gated = Gated("nothing is held")
    app.analyser = gated
    freezes: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: freezes.append(gated.loaded))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.startup.data_frozen
        assert freezes[-1] is True  # after the data was loaded
        count = len(freezes)
        await pilot.press("J")
        await settle(pilot)
        assert len(freezes) == count  # once, not per article
