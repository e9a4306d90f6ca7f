"""Every dialog closes once: a confirm or close key pressed twice in one burst.

Key repeat or a quick double press sends the second key before the dialog has gone.
The dialog must hand back its result once, the reader must keep running, and the
screen below must stay. Pilot.press waits for the app to go idle after every key, so the
keys here are posted in one burst, the way a terminal delivers them (`burst`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from app_fixtures import make_app, settle
from test_app_triage import Session, listing
from textual import events
from textual.pilot import Pilot

from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.modal import OnceModal
from tui.screens.note import NoteScreen
from tui.screens.theme_picker import ThemePicker
from tui.screens.triage_filter import TriageFilterPicker
from tui.ui_state import load_ui_state

pytestmark = pytest.mark.asyncio

SIZE = (120, 30)


async def burst(pilot: Pilot[Any], *keys: str) -> None:
    """Post `keys` to the app at once, as one read from a terminal, then let it settle."""
    app = pilot.app
    for key in keys:
        char = key if len(key) == 1 else ("\r" if key == "enter" else None)
        event = events.Key(key, char)
        event.set_sender(app)
        app.post_message(event)
    await pilot.pause()
    await pilot.pause()


async def test_every_dialog_shares_the_once_guard() -> None:
    for screen in (HelpScreen, NoteScreen, ThemePicker, TriageFilterPicker):
        assert issubclass(screen, OnceModal)


async def test_theme_picker_double_enter_keeps_the_theme_and_the_reader(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        names = app.theme_names
        wanted = names[(names.index(app.theme) + 1) % len(names)]
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ThemePicker)
        await burst(pilot, "down", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.is_running and app.theme == wanted
        assert load_ui_state(tmp_path / "state" / "ui.yaml").theme == wanted
        await pilot.press("j")  # still answering keys
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, MainScreen)
    assert app.return_code in (None, 0)


async def test_theme_picker_double_escape_goes_back_once(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        original = app.theme
        await pilot.press("t")
        await pilot.pause()
        await burst(pilot, "down", "escape", "escape")
        assert app.is_running and isinstance(app.screen, MainScreen)
        assert app.theme == original
        assert not (tmp_path / "state" / "ui.yaml").exists()


async def test_help_double_escape_closes_it_once(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await burst(pilot, "escape", "escape")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, MainScreen)


@pytest.fixture
def session(tmp_path: Path):
    s = Session(tmp_path)
    yield s
    s.close()


async def test_triage_filter_double_enter_applies_the_filter_once(session: Session) -> None:
    app = session.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")  # keep the first article
        await settle(pilot)
        await pilot.press("F")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, TriageFilterPicker)
        keep = next(n for n, c in enumerate(picker.choices) if c.decision == "keep")
        await pilot.press(*["down"] * keep)
        await burst(pilot, "enter", "enter")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, MainScreen)
        assert listing(app).rows == [0]


async def test_note_double_save_saves_once_and_stays_on_the_reader(session: Session) -> None:
    app = session.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"dua kali")
        await burst(pilot, "ctrl+s", "ctrl+s")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, MainScreen)
        notes = [n.message for n in app._notifications if n.message.startswith("Note")]
        assert notes == ["Note saved."]
    assert session.stored()["000.txt"][2] == "dua kali"
