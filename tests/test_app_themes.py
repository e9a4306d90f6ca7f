"""Themes in the running app: user themes, broken files, fallbacks, NO_COLOR."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_fixtures import make_app, settle
from textual.css.stylesheet import Stylesheet

from tui.resources import bundled
from tui.widgets.article_view import ArticleView

pytestmark = pytest.mark.asyncio


async def test_broken_user_theme_is_one_notification_and_the_rest_load(tmp_path: Path) -> None:
    user = tmp_path / "user-themes"
    user.mkdir()
    (user / "broken.yaml").write_text("name: broken\ncolors: {primary: nope}\n")
    (user / "mine.yaml").write_text("name: mine\ncolors: {primary: '#ff8800'}\n")
    app = make_app(tmp_path, theme_dirs=[bundled("themes"), user])
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        broken = [m for m in messages if "broken.yaml" in m]
        assert len(broken) == 1 and "colors.primary" in broken[0]
        assert "mine" in app.theme_names and "warta-light" in app.theme_names


async def test_unknown_theme_falls_back_to_the_default(tmp_path: Path) -> None:
    app = make_app(tmp_path, ui__theme="no-such-theme")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert app.theme == "warta-dark"
        assert any("unknown theme 'no-such-theme'" in n.message for n in app._notifications)


async def test_theme_from_config_and_entity_styles_follow_the_theme(tmp_path: Path) -> None:
    app = make_app(tmp_path, ui__theme="warta-light")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        light = view.style_for("PERSON")
        app.theme = "warta-dark"
        await pilot.pause()
        assert view.style_for("PERSON") != light
        assert view.style_for("PERSON").foreground is not None


async def test_no_color_keeps_entities_apart_by_text_style(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert app.no_color
        view = app.screen.query_one(ArticleView)
        styles = [view.style_for(label) for label in ("PERSON", "ORG", "PLACE", "DATE", "NUMBER")]
        attrs = {(s.bold, s.italic, s.underline) for s in styles}
        assert len(attrs) == 5
        assert all(s.foreground is None for s in styles)
        # The rendered line of a paragraph with entities still carries those attributes.
        line = next(y for y, ln in enumerate(view.lines) if "Budi Santoso" in ln.content.plain)
        view.scroll_to(y=line, animate=False, immediate=True)
        await pilot.pause()
        segments = list(view.render_line(0))
        assert any(seg.style and seg.style.bold for seg in segments
                   if "Budi" in seg.text or "Santoso" in seg.text)


@pytest.mark.parametrize("name", ["warta-dark", "warta-light", "high-contrast", "ansi"])
async def test_every_bundled_theme_renders_the_reader(tmp_path: Path, name: str) -> None:
    app = make_app(tmp_path, ui__theme=name)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.theme == name
        assert not [n for n in app._notifications if n.severity == "error"]
        view = app.screen.query_one(ArticleView)
        assert view.lines and view.render_line(0).text.strip().startswith("Banjir")
        assert "Banjir" in app.export_screenshot()


async def test_no_color_draws_no_colour_and_reverses_the_selected_row(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.color import ColorType

    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        strips = app.screen._compositor.render_strips()
        coloured = {(seg.text, str(colour)) for strip in strips for seg in strip
                    if seg.style is not None
                    for colour in (seg.style.color, seg.style.bgcolor)
                    if colour is not None and colour.type is not ColorType.DEFAULT}
        assert not coloured, sorted(coloured)[:5]
        first_row = strips[1]  # the header is row 0; the list's first row is selected
        assert any(seg.style and seg.style.reverse and "Banjir" in seg.text
                   for seg in first_row)


async def test_the_stylesheet_is_parsed_once_at_start(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Every first-screen widget's default CSS is read with the app's (tui.app.FIRST_SCREEN):
    a widget class missing there would be added when mounted, and parsed again. Toasts and
    tooltips on, as in a terminal: the screen then mounts its own two widgets."""
    parses: list[int] = []
    parse = Stylesheet.parse

    def counted(stylesheet: Stylesheet) -> None:
        parses.append(len(stylesheet.source))
        parse(stylesheet)

    monkeypatch.setattr(Stylesheet, "parse", counted)
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 30), tooltips=True, notifications=True) as pilot:
        await settle(pilot)
        assert len(parses) == 1
        assert parses[0] == len(app.stylesheet.source)
