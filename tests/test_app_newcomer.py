"""What a first-time user with less / mutt habits expects: keys, help, footer (Pilot)."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_fixtures import make_app, make_jsonl_app, settle

from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.article_view import ArticleView

pytestmark = pytest.mark.asyncio

NARROW = (80, 24)


async def test_space_and_ctrl_keys_page_the_article_from_the_list(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        listing = app.screen.query_one(ArticleList)
        view = app.screen.query_one(ArticleView)
        assert listing.has_focus
        page = view.scrollable_content_region.height - 1
        await pilot.press("space")
        assert listing.cursor == 0 and view.index == 0  # the list did not move
        assert view.top_line == page
        await pilot.press("ctrl+b")
        assert view.top_line == 0
        await pilot.press("ctrl+f")
        assert view.top_line == page
        await pilot.press("ctrl+d")
        half = view.top_line - page
        assert 0 < half < page
        await pilot.press("ctrl+u")
        assert view.top_line == page
        assert listing.has_focus


async def test_enter_in_the_list_focuses_the_article(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.has_focus and view.index == 1


async def test_ctrl_c_quits(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app._exit or not app.is_running


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_footer_shows_the_triage_keys(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        footer = str(app.screen.query_one("#keys").render())
        for entry in ("a keep", "x rej", "s skip", "f flag", "u undo", "c note", "F ",
                      "? help", "q quit"):
            assert entry in footer, (entry, footer)
        assert len(footer) <= size[0] - 2


async def test_help_scrolls_closes_with_q_and_names_labels(tmp_path: Path) -> None:
    app = make_app(tmp_path, config_text="triage:\n  labels: [politics, sport]\n")
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        box = help_screen.query_one("#help-box")
        assert "escape" in str(box.border_subtitle)  # always in view, even at 80x24
        text = str(help_screen.query_one("#help-text").render())
        assert "politics" in text and "sport" in text and "Toggle label 1" not in text
        assert "List rows" in text and "text changed since the decision" in text
        await pilot.press("j")
        assert box.scroll_y == 1
        await pilot.press("space")
        assert box.scroll_y > 1
        await pilot.press("G")
        assert box.scroll_y == box.max_scroll_y
        await pilot.press("k")
        assert box.scroll_y == box.max_scroll_y - 1
        await pilot.press("g")
        assert box.scroll_y == 0
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.is_running
        for close in ("escape", "question_mark"):
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            await pilot.press(close)
            await pilot.pause()
            assert isinstance(app.screen, MainScreen)


def _jsonl_records() -> list[dict[str, str]]:
    body = "\n\n".join(f"Paragraf {n}: pedagang kembali berjualan di pasar ikan setelah "
                       "renovasi selama tiga bulan, dan harga ikan tongkol turun sedikit."
                       for n in range(1, 30))
    return [{"title": f"Pasar Ikan Dibuka Kembali {n}", "text": body, "section": "kota"}
            for n in range(1, 4)]


async def test_jsonl_title_stays_on_top_through_analysis_meta_and_boilerplate(
        tmp_path: Path) -> None:
    app = make_jsonl_app(tmp_path, _jsonl_records())
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)  # quick pass, then the full pass: no jump
        view = app.screen.query_one(ArticleView)
        assert view.lines[0].content.plain == "Pasar Ikan Dibuka Kembali 1"
        assert view.top_line == 0
        for keys in (("m", "m"), ("b",), ("b",)):
            await pilot.press(*keys)
            await pilot.pause()
            assert view.top_line == 0, keys
        await pilot.press("space", "m")  # further down, the place is still kept
        await pilot.pause()
        assert view.top_line > 0


async def _palette(pilot, query: str) -> list[str]:
    """The command palette's hits for `query` (the palette left open)."""
    from textual.command import CommandList

    await pilot.press("ctrl+p", *query)
    await pilot.pause(0.4)
    listing = pilot.app.screen.query_one(CommandList)
    return [str(listing.get_option_at_index(i).prompt).split("\n")[0]
            for i in range(listing.option_count)]


async def test_palette_has_only_warta_commands_and_open_finds_titles(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        hits = await _palette(pilot, "")
        assert "Toggle boilerplate" in hits and "Theme: warta-light" in hits
        for textual_own in ("Keys", "Maximize", "Screenshot", "Theme"):
            assert textual_own not in hits
        assert not any("textual" in h or "nord" in h for h in hits)
        await pilot.press("escape")
        hits = await _palette(pilot, "Open")
        assert sum(h.startswith("Open: ") for h in hits) == 4
        await pilot.press("escape")
        hits = await _palette(pilot, "open festival")
        assert hits[0].startswith("Open: Festival")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one(ArticleView).index == 3


async def test_article_keeps_50_columns_and_titles_get_room(tmp_path: Path) -> None:
    from tui.widgets.meta_panel import MetaPanel

    app = make_app(tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await pilot.pause()
        view, panel = app.screen.query_one(ArticleView), app.screen.query_one(MetaPanel)
        assert panel.display and panel.region.height > 3
        assert view.region.width >= 50
        assert panel.region.y >= view.region.bottom  # folded below the article
    app = make_app(tmp_path / "wide")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(MetaPanel).display
        assert app.screen.query_one(ArticleView).region.width >= 50
        assert app.screen.query_one(ArticleList).region.width >= 32  # was 28: ~18-cell titles


async def test_slow_filter_shows_progress_and_escape_cancels(tmp_path: Path) -> None:
    import threading

    app = make_app(tmp_path)
    started = threading.Event()

    def slow_matching(text, cancelled, progress=lambda _n: None):
        started.set()
        for done in range(200):  # at most 4 s, unless cancelled
            if cancelled():
                return None
            progress(done)
            threading.Event().wait(0.02)
        return [0]

    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        app.screen.session.matching = slow_matching
        await pilot.press("slash", *"banjir", "enter")
        await pilot.pause(0.6)
        assert started.is_set()
        footer = str(app.screen.query_one("#keys").render())
        assert footer.startswith("Filtering for 'banjir'…") and "escape cancels" in footer
        await pilot.press("escape")
        await pilot.pause(0.2)
        footer = str(app.screen.query_one("#keys").render())
        assert "a keep" in footer
        assert app.screen.filter_text == ""
        assert len(app.screen.query_one(ArticleList).rows) == 4
        assert not [w for w in app.workers if w.group == "filter" and not w.is_finished
                    and not w.is_cancelled]


async def test_panel_lists_every_extra_record_field(tmp_path: Path) -> None:
    from tui.widgets.meta_panel import MetaPanel

    app = make_jsonl_app(tmp_path, _jsonl_records())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "section\n  kota" in app.screen.query_one(MetaPanel).text.plain
