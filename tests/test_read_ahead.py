"""Neighbours are laid out ahead between keys: once keys pause, one at a time, nearest first,
never while a key or message waits, and only while they are still neighbours."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from app_fixtures import make_app, settle
from textual import events

from tui.screens.main import MainScreen
from tui.session.analysis import HOLD_OFF
from tui.text.model import Document
from tui.widgets.analysis_runner import PREFETCH_DELAY

pytestmark = pytest.mark.asyncio
SIZE = (120, 30)


def _recorded(screen: MainScreen, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The article of each layout made ahead from now on."""
    made: list[int] = []
    monkeypatch.setattr(screen.articles.read_ahead, "_prepare",
                        lambda index, _doc, _full: made.append(index))
    return made


def _documents(screen: MainScreen, *indices: int) -> dict[int, Document]:
    known = {i: screen.session.analysis.known(i) for i in indices}
    return {i: item[0] for i, item in known.items() if item is not None}


async def test_the_nearest_neighbour_first_one_per_turn_and_only_neighbours(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("J")  # article 1: neighbours 2, 0, 3
        await asyncio.sleep(PREFETCH_DELAY + 0.1)  # the neighbours' analyses done and laid out
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        docs = _documents(screen, 0, 2, 3)
        made = _recorded(screen, monkeypatch)
        ahead = screen.articles.read_ahead
        ahead._armed = True  # the turns start from the call below, not from want()
        for index in (3, 0, 2):
            ahead.want(index, docs.get(index) or docs[0], True)
        busy = ahead._busy
        ahead._busy = lambda: False  # type: ignore[method-assign]
        ahead._quiet_from = 0.0  # keys paused long ago
        ahead._run()  # a turn makes one layout: the nearest (the next row)
        assert made == [2]
        ahead._busy = busy  # type: ignore[method-assign]
        for _ in range(200):  # the next turns, each after a frame (or a rest, when busy);
            if len(made) == 3:  # not pilot.pause(): its own messages keep the app busy
                break
            await asyncio.sleep(0.01)
        assert made == [2, 0, 3]


async def test_nothing_is_laid_out_while_a_key_waits(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        made = _recorded(screen, monkeypatch)
        ahead = screen.articles.read_ahead
        ahead._armed = True  # the turns start from the call below, not from want()
        ahead.want(1, _documents(screen, 1)[1], True)
        app.post_message(events.Key("j", "j"))  # not handled yet: it waits in the queue
        ahead._run()
        assert made == []
        await pilot.pause(0.1)
        await settle(pilot)
        # The key moved the list on: article 1 is the one on view now, not a neighbour.
        assert screen.current == 1 and 1 not in made



async def test_nothing_is_laid_out_until_keys_pause(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        made = _recorded(screen, monkeypatch)
        ahead = screen.articles.read_ahead
        ahead._busy = lambda: False  # type: ignore[method-assign]
        ahead._armed = True  # the turns start from the call below, not from want()
        ahead.want(1, _documents(screen, 1)[1], True)
        ahead.hold()  # as a key opening an article does
        ahead._run()
        assert made == []  # a key came less than HOLD_OFF ago: it may be held
        await asyncio.sleep(HOLD_OFF)
        for _ in range(200):
            if made:
                break
            await asyncio.sleep(0.01)
        assert made == [1]
