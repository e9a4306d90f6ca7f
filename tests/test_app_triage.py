"""Triage in the reader, through Pilot: decide and advance, undo, labels, notes, resume."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from app_fixtures import marked_analyse, settle, write_dump

from tui.app import WartaApp
from tui.config import load_config
from tui.dumps.index import Dump
from tui.dumps.store import Store
from tui.resources import bundled
from tui.screens.main import MainScreen
from tui.screens.note import NoteScreen
from tui.session.filters import ListFilter
from tui.session.opening import open_triage
from tui.session.session import POSITION_EVERY
from tui.session.triage import Triage
from tui.themes import load_themes
from tui.widgets.article_list import ArticleList
from tui.widgets.meta_panel import MetaPanel

pytestmark = pytest.mark.asyncio

SIZE = (120, 30)
LABELS = ["politics", "economy", "world"]


def articles(n: int = 8) -> list[str]:
    """Short synthetic articles with distinct titles."""
    return [f"Artikel Sintetis Nomor {k}\n\nIsi berita sintetis nomor {k} untuk uji.\n"
            for k in range(n)]


class Session:
    """One reader run on a fixed dump and state file: open it again to 'restart'."""

    def __init__(self, tmp_path: Path, n: int = 8, config_text: str = "") -> None:
        self.dump_dir = write_dump(tmp_path / "dump", articles(n))
        self.state = tmp_path / "triage.sqlite"
        self.config_path = tmp_path / "config.yaml"
        self.config_path.write_text(f"triage:\n  labels: {LABELS}\n{config_text}",
                                    encoding="utf-8")
        self.ui_state = tmp_path / "ui.yaml"
        self.triages: list = []

    def app(self) -> WartaApp:
        config = load_config(self.config_path, [])
        dump = Dump.open([str(self.dump_dir)])
        triage, messages = open_triage([str(self.dump_dir)], dump,
                                       labels=config.get("triage.labels"),
                                       state=str(self.state), synchronous="normal")
        assert triage is not None
        self.triages.append(triage)
        return WartaApp(dump, config, analyser=marked_analyse,
                        themes=load_themes([bundled("themes")]), state_file=self.ui_state,
                        notices=messages, triage=triage)

    def close(self) -> None:
        for triage in self.triages:
            triage.close()

    def stored(self) -> dict[str, tuple]:
        """article file name -> (decision, labels, note), read from the sidecar itself."""
        with Store.open(self.state, readonly=True) as store:
            return {Path(d.article_id).name: (d.decision, d.labels, d.note)
                    for d in store.iter_decisions()}


@pytest.fixture
def session(tmp_path: Path):
    s = Session(tmp_path)
    yield s
    s.close()


def listing(app: WartaApp) -> ArticleList:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen.query_one(ArticleList)


def shown_list(app: WartaApp) -> list[str]:
    """The list pane as painted: one string per visible row."""
    widget = listing(app)
    return [widget.render_line(y).text for y in range(min(len(widget.rows), widget.size.height))]


def header(app: WartaApp) -> str:
    """The text of the reader's header row."""
    bars = app.screen.query("TitleBar")
    if bars:
        return str(bars.first().content)
    return str(app.screen.title)


async def test_decision_keys_record_and_advance(session: Session) -> None:
    app = session.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert listing(app).cursor == 0
        for key, expected_cursor in (("a", 1), ("x", 2), ("s", 3), ("f", 4)):
            await pilot.press(key)
            await pilot.pause()
            assert listing(app).cursor == expected_cursor
        rows = shown_list(app)
        assert [r[:1] for r in rows[:5]] == ["K", "R", "S", "F", " "]
        assert "4/8 decided · keep 1 · reject 1" in header(app)
    assert session.stored() == {"000.txt": ("keep", (), ""), "001.txt": ("reject", (), ""),
                                "002.txt": ("skip", (), ""), "003.txt": ("flag", (), "")}


async def test_next_undecided_skips_decided_rows_and_wraps(session: Session) -> None:
    app = session.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("J", "J", "a")  # decide article 2 first
        await pilot.pause()
        assert listing(app).cursor == 3
        await pilot.press("g", "a", "a")  # 0, then 1; 2 is decided so the cursor lands on 3
        await pilot.pause()
        assert listing(app).cursor == 3
        await pilot.press("G", "a")  # the last one: wraps to the first undecided (3)
        await pilot.pause()
        assert listing(app).cursor == 3


async def test_undo_goes_back_in_order(session: Session) -> None:
    app = session.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", "x", "f")
        await pilot.pause()
        assert listing(app).cursor == 3
        await pilot.press("u")
        await pilot.pause()
        assert listing(app).cursor == 2
        assert session.stored().get("002.txt") is None
        await pilot.press("u")
        await pilot.pause()
        assert listing(app).cursor == 1
        assert set(session.stored()) == {"000.txt"}
        await pilot.press("u", "u")  # the last undo has nothing left: stays put
        await pilot.pause()
        assert listing(app).cursor == 0
        assert session.stored() == {}
        assert shown_list(app)[0][:1] == " "


async def test_labels_and_notes_persist_across_a_restart(session: Session) -> None:
    app = session.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("J", "1", "3", "1", "2")  # politics on, world on, politics off
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"cek sumber")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert "#wor #eco" in shown_list(app)[1]  # a narrow list: the names shortened
        panel = app.screen.query_one(MetaPanel).text.plain
        assert "Labels\n  world, economy" in panel and "Note\n  cek sumber" in panel
    assert session.stored() == {"001.txt": (None, ("world", "economy"), "cek sumber")}

    again = session.app()
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert listing(again).cursor == 1  # resumed on the article last shown
        row = shown_list(again)[1]
        assert row[1] == "*" and "#wor #eco" in row
        await pilot.press("c")
        await pilot.pause()
        editor = again.screen
        assert isinstance(editor, NoteScreen)
        assert editor.query_one("#note-text").text == "cek sumber"
        await pilot.press("escape")
        await pilot.pause()
    assert session.stored()["001.txt"][2] == "cek sumber"


async def test_restart_resumes_at_the_saved_position_with_every_decision_shown(
        session: Session) -> None:
    app = session.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", "x", "a", "s", "J", "J")
        await settle(pilot)
        assert listing(app).cursor == 6
    again = session.app()
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert listing(again).cursor == 6
        assert again.screen.query_one("ArticleView").index == 6
        marks = [r[:1] for r in shown_list(again)]
        assert marks == ["K", "R", "K", "S", " ", " ", " ", " "]
        assert "4/8 decided · keep 2 · reject 1" in header(again)


async def test_filter_by_decision_and_label(session: Session) -> None:
    app = session.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", "x", "a", "2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.apply_triage_filter(ListFilter("keep"))
        await settle(pilot)
        assert list(listing(app).rows) == [0, 2]
        screen.apply_triage_filter(ListFilter(label="economy"))
        await settle(pilot)
        assert list(listing(app).rows) == [3]
        screen.apply_triage_filter(ListFilter("undecided"))
        await settle(pilot)
        assert list(listing(app).rows) == [3, 4, 5, 6, 7]
        await pilot.press("F")  # the picker: "Show all articles" is first
        await pilot.pause()
        await pilot.press("home", "enter")
        await settle(pilot)
        assert len(listing(app).rows) == 8


async def test_changed_text_is_flagged_in_the_list(session: Session) -> None:
    app = session.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", "a")
        await pilot.pause()
    (session.dump_dir / "001.txt").write_text("Artikel Sintetis Nomor 1\n\nIsi baru.\n",
                                               encoding="utf-8")
    again = session.app()
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        rows = shown_list(again)
        assert rows[0][:2] == "K " and rows[1][:2] == "K!"


async def test_read_only_state_refuses_decisions_with_a_message(session: Session) -> None:
    first = session.app()
    async with first.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
    dump = Dump.open([str(session.dump_dir)])
    triage = Triage(Store.open(session.state, readonly=True), dump, LABELS)
    session.triages.append(triage)
    app = WartaApp(dump, load_config(session.config_path, []), analyser=marked_analyse,
                   themes=load_themes([bundled("themes")]), state_file=session.ui_state,
                   triage=triage)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert shown_list(app)[0][:1] == "K"  # decisions still shown
        await pilot.press("J", "x", "1")
        await pilot.pause()
        texts = [n.message for n in app._notifications]
        assert any(t.startswith("Read-only:") and "not saved" in t for t in texts)
        assert listing(app).cursor == 2  # resumed on 1, J: 2; a refused decision stays
    assert session.stored() == {"000.txt": ("keep", (), "")}


async def test_triage_off_says_why_instead_of_deciding(tmp_path: Path) -> None:
    dump_dir = write_dump(tmp_path / "dump", articles(3))
    app = WartaApp(Dump.open([str(dump_dir)]), load_config(None, []), analyser=marked_analyse,
                   themes=load_themes([bundled("themes")]), state_file=tmp_path / "ui.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert listing(app).cursor == 0
        assert any("Triage is off" in n.message for n in app._notifications)




async def test_command_palette_filters_by_decision(session: Session) -> None:
    app = session.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", "f", "a")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Show flag")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert list(listing(app).rows) == [1]


async def test_triage_keys_are_remapped_through_the_keymap(tmp_path: Path) -> None:
    session = Session(tmp_path, config_text="keymap:\n  keep: y\n  undo: ctrl+z\n")
    try:
        app = session.app()
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert not app.notices, app.notices
            await pilot.press("a")  # no longer bound
            await pilot.pause()
            assert listing(app).cursor == 0
            await pilot.press("y", "y", "ctrl+z")
            await pilot.pause()
            assert listing(app).cursor == 1
        assert session.stored() == {"000.txt": ("keep", (), "")}
    finally:
        session.close()


async def test_decisions_saved_by_another_warta_show_up_with_a_message(
        session: Session) -> None:
    app = session.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        triage = app.triage
        with Store.open(session.state) as other:  # a second process, as far as SQLite knows
            other.decide(triage.article_id(5), triage.current_hash(5), "reject")
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen._poll_sidecar()  # what the reader's 2-second timer does
        await pilot.pause()
        assert shown_list(app)[5][:1] == "R"
        assert "2/8 decided · keep 1 · reject 1" in header(app)
        assert any("Another warta saved triage" in n.message for n in app._notifications)


async def test_one_key_is_one_commit(session: Session) -> None:
    """`a` costs one commit (decision and position together), whatever follows the move."""
    app = session.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        statements: list[str] = []
        store = app.triage.store
        store._conn.set_trace_callback(statements.append)
        await pilot.press("a")
        await settle(pilot)
        store._conn.set_trace_callback(None)
        assert listing(app).cursor == 1
        assert [s for s in statements if s.startswith("COMMIT")] == ["COMMIT"]
        assert store.position() == app.triage.article_id(1)


async def test_the_position_is_saved_after_the_key_not_in_its_turn(session: Session) -> None:
    """A synced commit costs milliseconds: J leaves the position due, a timer writes it."""
    app = session.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        store = app.triage.store
        await asyncio.sleep(POSITION_EVERY + 0.1)
        await pilot.press("J")
        assert listing(app).cursor == 1 and store.position() != app.triage.article_id(1)
        await asyncio.sleep(POSITION_EVERY + 0.1)
        await pilot.pause()
        assert store.position() == app.triage.article_id(1)


async def test_header_names_the_show_only_filter_and_drops_it_after_all(
        session: Session) -> None:
    app = session.app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.apply_triage_filter(ListFilter("reject"))
        await settle(pilot)
        assert "showing reject: 1 of 8" in header(app)
        await pilot.press("F")  # the picker: "Show all articles" is first
        await pilot.pause()
        await pilot.press("home", "enter")
        await settle(pilot)
        assert len(listing(app).rows) == 8
        assert "match" not in header(app) and "showing" not in header(app)


async def test_note_editor_is_headed_by_the_analysed_title(tmp_path: Path) -> None:
    session = Session(tmp_path, n=2)
    (session.dump_dir / "000.txt").write_text(
        "[share] Bagikan Artikel Ini Sekarang Juga\n\nJembatan Baru Dibuka\n\nIsi berita.\n",
        encoding="utf-8")
    app = session.app()
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert app.source.row(0).title.startswith("[share]")  # the list's first guess
            await pilot.press("c")
            await pilot.pause()
            assert isinstance(app.screen, NoteScreen)
            assert app.screen.article_title == "Jembatan Baru Dibuka"
            await pilot.press("escape")
    finally:
        session.close()
