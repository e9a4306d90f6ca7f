"""Every default binding of the reader, driven through Pilot on a synthetic dump."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from app_fixtures import ARTICLES, make_app, settle

from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.theme_picker import ThemePicker
from tui.text.model import BlockKind
from tui.widgets.article_list import ArticleList
from tui.widgets.article_view import NO_BLOCK, ArticleView
from tui.widgets.meta_panel import MetaPanel

pytestmark = pytest.mark.asyncio

WIDE = (160, 48)
NARROW = (80, 24)


def _main(app) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


def _top_block(view: ArticleView):
    line = view.lines[view.top_line]
    return None if line.block == NO_BLOCK else view.document.blocks[line.block]


def _shown_text(view: ArticleView) -> str:
    return "\n".join(line.content.plain for line in view.lines)


async def _press_and_check(pilot, read: Callable[[], int], steps: list[tuple[str, int]]) -> None:
    """Press each step's keys (space-separated) and check that `read()` is its value then."""
    for keys, expected in steps:
        await pilot.press(*keys.split())
        assert read() == expected, keys


async def test_first_article_is_shown_with_its_metadata(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.index == 0
        assert view.lines[0].content.plain.startswith("Banjir Besar Melanda")
        meta = app.screen.query_one(MetaPanel).text.plain
        assert "Publisher\n  unknown" in meta
        assert "id (0.99)" in meta
        assert "Boilerplate removed (3 lines)" in meta
        # Entities grouped by label, most frequent first, with counts.
        assert "Entities (" in meta and "PLACE" in meta and "Budi Santoso ×11" in meta
        assert app.screen.position.startswith("1 / 4")


async def test_list_shows_the_analysed_title_not_the_first_line(tmp_path: Path) -> None:
    def menu_first(title: str) -> str:
        return f"[navigation] Beranda | Berita\n\n{title}\n\nPetani mulai panen.\n"

    app = make_app(tmp_path, [menu_first("Panen Raya Dimulai"), *ARTICLES[1:3],
                              menu_first("Harga Gabah Naik")])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        listing = app.screen.query_one(ArticleList)
        row = listing.render_line(0).text
        assert "Panen Raya Dimulai" in row and "Beranda" not in row
        # Not analysed yet (too far from the cursor): the cheap guess skips the menu line.
        row = listing.render_line(3).text
        assert "Harga Gabah Naik" in row and "Beranda" not in row


async def test_list_keys_move_the_cursor_and_open_the_article(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        listing = app.screen.query_one(ArticleList)
        view = app.screen.query_one(ArticleView)
        assert listing.has_focus
        await pilot.press("j")
        await settle(pilot)
        assert listing.cursor == 1 and view.index == 1
        assert view.lines[0].content.plain == "Pasar Ikan Dibuka Kembali"
        await _press_and_check(pilot, lambda: listing.cursor, [
            ("down down", 3), ("k", 2), ("up", 1), ("G", 3), ("g", 0), ("end", 3),
            ("home", 0), ("pagedown", 3), ("pageup", 0)])
        await settle(pilot)
        assert view.index == 0


async def test_J_and_K_change_article_from_the_article_pane(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        view.focus()
        await pilot.press("J")
        await settle(pilot)
        assert view.index == 1 and view.has_focus
        await pilot.press("J", "J", "J")  # past the end stays on the last one
        await settle(pilot)
        assert view.index == 3
        await pilot.press("K")
        await settle(pilot)
        assert view.index == 2


async def test_article_keys_scroll_the_article(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        view.focus()

        def top() -> int:
            return view.top_line

        await _press_and_check(pilot, top, [("j", 1), ("down down", 3), ("k", 2), ("up", 1)])
        await pilot.press("space")
        page = view.scrollable_content_region.height - 1
        assert view.top_line == 1 + page
        await _press_and_check(pilot, top, [("pageup", 1), ("pagedown", 1 + page)])
        await pilot.press("G")
        last = view.top_line
        assert last > page and view.lines[last + view.scrollable_content_region.height - 1:] \
            == view.lines[-1:]
        await _press_and_check(pilot, top, [("g", 0), ("end", last), ("home", 0)])


async def test_sections_bring_the_heading_to_the_top(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        await pilot.press("right_square_bracket")
        block = _top_block(view)
        assert block.kind is BlockKind.HEADING and block.text == "Evakuasi Warga"
        await pilot.press("right_square_bracket")
        assert _top_block(view).text == "Bantuan Datang"
        at = view.top_line
        await pilot.press("right_square_bracket")  # the last one: says so, does not move
        await pilot.pause()
        assert view.top_line == at
        assert any("No next section" in n.message for n in app._notifications)
        await pilot.press("left_square_bracket")
        assert _top_block(view).text == "Evakuasi Warga"
        await pilot.press("left_square_bracket")  # before the first heading: the lead
        assert view.top_line == 0
        app.clear_notifications()
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert view.top_line == 0
        assert any("No previous section" in n.message for n in app._notifications)


async def test_boilerplate_toggle_shows_reason_and_keeps_the_paragraph(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        assert "Baca Juga" not in _shown_text(view)
        # Read on to paragraph 6 (after boilerplate that will appear above it).
        target = next(i for i, ln in enumerate(view.lines)
                      if ln.content.plain.startswith("Paragraf 6"))
        view.scroll_to(y=target + 1, animate=False, immediate=True)
        await pilot.pause()
        before = _top_block(view)
        await pilot.press("b")
        assert "[related] Baca Juga : Harga Beras Naik Lagi" in _shown_text(view)
        assert "[share] Bagikan :" in _shown_text(view)
        assert _top_block(view) is before
        assert view.top_line > target + 1  # the lines above grew; the paragraph stayed
        await pilot.press("b")
        assert "Baca Juga" not in _shown_text(view)
        assert _top_block(view) is before


async def test_boilerplate_is_dimmed_with_the_theme_style(tmp_path: Path) -> None:
    app = make_app(tmp_path, ui__show_boilerplate="true")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        line = next(ln for ln in view.lines if "Baca Juga" in ln.content.plain)
        styles = {str(s.style) for s in line.content.spans}
        assert any(str(view.style_for("boilerplate")) == s for s in styles)
        assert any(str(view.style_for("reason")) == s for s in styles)


async def test_e_turns_entity_styles_off_and_on(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        person = view.style_for("PERSON")

        def person_spans() -> int:
            return sum(1 for ln in view.lines for s in ln.content.spans if s.style == person)

        assert person_spans() > 0
        await pilot.press("e")
        assert person_spans() == 0
        await pilot.press("e")
        assert person_spans() > 0


async def test_m_folds_the_metadata_panel(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        panel = app.screen.query_one(MetaPanel)
        assert panel.display
        await pilot.press("m")
        assert not panel.display
        await pilot.press("m")
        assert panel.display


async def test_narrow_terminal_starts_with_the_panel_folded(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        panel = app.screen.query_one(MetaPanel)
        listing = app.screen.query_one(ArticleList)
        view = app.screen.query_one(ArticleView)
        assert not panel.display
        assert listing.size.width <= 28
        assert listing.region.right <= view.region.x  # side by side, no overlap
        await pilot.press("m")
        await pilot.pause()
        assert panel.display and view.region.bottom <= panel.region.y  # below, no overlap


async def test_tab_cycles_focus_between_panes(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen.focused, ArticleList)
        await pilot.press("tab")
        assert isinstance(screen.focused, ArticleView)
        await pilot.press("tab")
        assert isinstance(screen.focused, MetaPanel)
        await pilot.press("shift+tab")
        assert isinstance(screen.focused, ArticleView)


async def test_filter_narrows_the_list_and_n_jumps_between_matches(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        listing = app.screen.query_one(ArticleList)
        view = app.screen.query_one(ArticleView)
        await pilot.press("slash")
        await pilot.press(*"banjir", "enter")
        await settle(pilot)
        assert list(listing.rows) == [0, 3]  # the title of 0, the text of 3
        assert app.screen.position.endswith("2 matches")
        matches = view.match_lines()
        assert len(matches) >= 2
        await pilot.press("n")
        assert view.top_line == matches[1]  # matches[0] is the title, already on top
        await pilot.press("N")
        assert view.top_line == matches[0]
        await pilot.press("slash", "ctrl+u", "enter")  # empty filter: every article again
        await settle(pilot)
        assert list(listing.rows) == [0, 1, 2, 3]


async def test_filter_escape_closes_the_box_without_filtering(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"pasar", "escape")
        await settle(pilot)
        assert len(app.screen.query_one(ArticleList).rows) == 4
        assert not app.screen.query_one("#filter").display


async def test_t_previews_themes_and_remembers_the_choice(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert app.theme == "warta-dark"
        await pilot.press("t")
        assert isinstance(app.screen, ThemePicker)
        await pilot.press("down")
        await pilot.pause()
        assert app.theme == "warta-light"  # live preview
        await pilot.press("escape")
        assert app.theme == "warta-dark"  # cancelled: back
        await pilot.press("t", "down", "enter")
        await pilot.pause()
        assert app.theme == "warta-light"
    saved = (tmp_path / "state" / "ui.yaml").read_text()
    assert "theme: warta-light" in saved
    restarted = make_app(tmp_path / "restart", state_dir=tmp_path / "state")
    assert restarted.theme == "warta-light"


async def test_question_mark_lists_every_binding_as_mapped(tmp_path: Path) -> None:
    app = make_app(tmp_path, config_text="keymap:\n  next_article: ctrl+n\n")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        from tui.keymap import SPECS

        for spec in SPECS:
            assert spec.id in text
        assert "ctrl+n" in text and "Triage" in text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_keymap_remaps_through_set_keymap(tmp_path: Path) -> None:
    app = make_app(tmp_path, config_text="keymap:\n  next_article: ctrl+n\n"
                                         "  toggle_boilerplate: B\n")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        await pilot.press("J")  # no longer bound
        await settle(pilot)
        assert view.index == 0
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert view.index == 1
        await pilot.press("B")
        assert view.show_boilerplate
        await pilot.press("b")
        assert view.show_boilerplate


async def test_bad_keymap_entries_are_reported(tmp_path: Path) -> None:
    app = make_app(tmp_path, config_text="keymap:\n  no_such_binding: z\n")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("unknown binding id 'no_such_binding'" in m and "config.yaml" in m
                   for m in messages)


async def test_command_palette_runs_reader_commands(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        await pilot.press("ctrl+p")
        await pilot.press(*"boiler")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert view.show_boilerplate
        await pilot.press("ctrl+p", *"bantuan")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert _top_block(view).text == "Bantuan Datang"
        await pilot.press("ctrl+p", *"festival")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert view.index == 3
        await pilot.press("ctrl+p", *"high")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "high-contrast"


async def test_q_quits(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app._exit or not app.is_running


async def test_metadata_pane_scrolls_with_the_same_keys(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("m")
        panel = app.screen.query_one(MetaPanel)
        panel.focus()
        await pilot.pause()
        await pilot.press("j")
        assert panel.scroll_y == 1
        await pilot.press("k")
        assert panel.scroll_y == 0
        await pilot.press("G")
        bottom = panel.scroll_y
        assert bottom > 1
        await pilot.press("g")
        assert panel.scroll_y == 0
        await pilot.press("pagedown")
        assert 0 < panel.scroll_y <= bottom
        await pilot.press("pageup")
        assert panel.scroll_y == 0
