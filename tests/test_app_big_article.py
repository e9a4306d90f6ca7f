"""Huge articles, warnings, failed analyses and a read-only state in the reader (Pilot).

Every article here is synthetic, written for these tests.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from app_fixtures import ARTICLES, make_app, marked_analyse, settle
from test_app_triage import LABELS, Session

from tui.app import WartaApp
from tui.config import load_config
from tui.document_cache import DocumentCache
from tui.dumps.index import Dump
from tui.dumps.store import Store
from tui.resources import bundled
from tui.screens.main import MainScreen
from tui.session.triage import Triage
from tui.text.model import Document, Record
from tui.themes import load_themes
from tui.widgets.article_view import ArticleView
from tui.widgets.meta_panel import MetaPanel
from tui.widgets.panes import PLACEHOLDER_DELAY
from tui.widgets.title_bar import TitleBar

pytestmark = pytest.mark.asyncio

SIZE = (120, 30)


def huge_article(paragraphs: int = 3000) -> str:
    """A title, a heading near the end and thousands of paragraphs (about 700 kB)."""
    body = [f"Paragraf panjang nomor {n}: " + "warga kota membersihkan lumpur " * 7
            for n in range(paragraphs)]
    body.insert(paragraphs - 5, "## Bagian Terakhir")
    return "Laporan Sangat Panjang\n\n" + "\n\n".join(body) + "\n"


def screen_of(app: WartaApp) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


async def test_a_huge_article_is_shown_at_once_and_laid_out_in_slices(tmp_path: Path) -> None:
    app = make_app(tmp_path, [ARTICLES[1], huge_article()])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        doc = marked_analyse(Record("huge", huge_article()), True)
        view.show(doc, 1)
        # Only about a screenful is wrapped before the key is answered.
        full = view._layout(view._built_width)
        assert not view.laid_out
        assert 0 < len(view.lines) < len(full) // 10
        assert view.lines[0].content.plain == "Laporan Sangat Panjang"
        view.action_last()  # the end as far as it is known, then the real end
        assert view.next_section()  # the heading is not laid out yet: found when it is
        await settle(pilot)
        assert view.laid_out
        assert [ln.content.plain for ln in view.lines] == [ln.content.plain for ln in full]
        heading = view.heading_lines()[-1]
        assert view.top_line == heading


async def test_end_key_before_the_layout_is_done_lands_on_the_last_screenful(
        tmp_path: Path) -> None:
    app = make_app(tmp_path, [ARTICLES[1], huge_article()])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        view.show(marked_analyse(Record("huge", huge_article()), True), 1)
        assert not view.laid_out
        view.action_last()
        await settle(pilot)
        assert view.top_line == view._last_top() > 0


class HeldAnalyser:
    """marked_analyse, held for article `held` until released; optional warnings/failure."""

    def __init__(self, held: str = "", warn: str = "", fail: str = "") -> None:
        self.release = threading.Event()
        self.held, self.warn, self.fail = held, warn, fail

    def __call__(self, record: Record, detect_language: bool) -> Document:
        if self.held and record.id.endswith(self.held):
            self.release.wait(10)
        if self.fail and record.id.endswith(self.fail):
            raise ValueError("bad structure")
        doc = marked_analyse(record, detect_language)
        if self.warn and record.id.endswith(self.warn):
            doc.warnings.append("only the first 200,000 characters were analysed")
        return doc


def app_with(tmp_path: Path, analyser: HeldAnalyser) -> WartaApp:
    app = make_app(tmp_path)
    app.analyser = analyser
    return app


async def test_the_panel_says_analysing_while_the_analysis_runs(tmp_path: Path) -> None:
    analyser = HeldAnalyser()
    app = app_with(tmp_path, analyser)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        analyser.held = "001.txt"
        screen_of(app).cache = DocumentCache(8)  # forget the neighbours analysed already
        await pilot.press("J")
        await pilot.pause(PLACEHOLDER_DELAY * 3)
        panel = app.screen.query_one(MetaPanel)
        assert panel.text.plain == "analysing…"
        analyser.release.set()
        await settle(pilot)
        assert panel.text.plain.startswith("Title")


async def test_warnings_are_in_the_panel_and_notified_once(tmp_path: Path) -> None:
    app = app_with(tmp_path, HeldAnalyser(warn="001.txt"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not [n for n in app._notifications if "200,000" in n.message]
        await pilot.press("J")
        await settle(pilot)
        text = app.screen.query_one(MetaPanel).text.plain
        assert text.startswith("Warnings (1)\n  only the first 200,000 characters")
        notes = [n.message for n in app._notifications if "200,000" in n.message]
        assert len(notes) == 1  # quick and full pass both shown: one notification


async def test_an_analysis_that_raises_shows_the_text_plain_with_the_error(
        tmp_path: Path) -> None:
    app = app_with(tmp_path, HeldAnalyser(fail="002.txt"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("J", "J")
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.index == 2 and view.document is not None
        shown = " ".join(ln.content.plain for ln in view.lines)
        assert "Jadwal Kereta Berubah" in shown and "perbaikan rel" in shown
        text = app.screen.query_one(MetaPanel).text.plain
        assert "analysis failed (ValueError: bad structure)" in text
        assert app.is_running


@pytest.fixture
def session(tmp_path: Path):
    s = Session(tmp_path)
    yield s
    s.close()


async def test_a_read_only_state_says_not_saving_in_the_header(session: Session) -> None:
    first = session.app()
    async with first.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "not saving" not in str(first.screen.query_one(TitleBar).content)
    dump = Dump.open([str(session.dump_dir)])
    triage = Triage(Store.open(session.state, readonly=True), dump, LABELS)
    session.triages.append(triage)
    app = WartaApp(dump, load_config(session.config_path, []), analyser=marked_analyse,
                   themes=load_themes([bundled("themes")]), state_file=session.ui_state,
                   triage=triage)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "not saving" in str(screen_of(app).query_one(TitleBar).content)


async def test_a_theme_change_keeps_the_reading_position(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        view.scroll_to(y=12, animate=False, immediate=True)
        await pilot.pause()
        app.theme = "warta-light"
        await settle(pilot)
        assert view.top_line == 12


async def test_the_first_paint_waits_for_the_articles_lines(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A first slice that stops before a screenful is wrapped (a slow, cold start) leaves
    the old lines on screen: start-up's first paint (the scan, the pipeline, the
    benchmark's stamp) is told only once a frame draws the article's own lines."""
    import tui.widgets.article_view as article_view

    monkeypatch.setattr(article_view, "FIRST_SLICE", 0.0)  # one part per slice, and the
    monkeypatch.setattr(ArticleView, "_far_enough", lambda *_: False)  # lines shown at the end
    told: list[bool] = []
    app = make_app(tmp_path, [huge_article(200)])
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        startup = screen_of(app).startup
        real = startup.first

        def first() -> bool:
            told.append(bool(view.lines) and view.lines[0].content.plain
                        == "Laporan Sangat Panjang" and len(view.lines) > 1)
            return real()

        monkeypatch.setattr(startup, "first", first)
        await settle(pilot)
        assert startup.painted
        assert told == [True]
