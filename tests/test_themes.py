"""Themes: bundled files load and validate; broken files are reported, the rest still load."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.markup import parse_style

from tui.resources import bundled
from tui.themes import (
    DEFAULT_THEME,
    ENTITY_KEYS,
    ThemeError,
    load_theme_file,
    load_themes,
    variable_name,
)

REQUIRED = {"warta-dark", "warta-light", "high-contrast", "ansi"}


def test_bundled_themes_load_without_problems() -> None:
    themes = load_themes([bundled("themes")])
    assert themes.problems == ()
    assert set(themes.themes) >= REQUIRED
    for theme in themes.themes.values():
        for label in ENTITY_KEYS:
            assert variable_name(label) in theme.variables


def _attrs(style: str) -> tuple[bool, bool, bool]:
    parsed = parse_style(style, {})
    return bool(parsed.bold), bool(parsed.italic), bool(parsed.underline)


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_entity_styles_differ_without_colour(name: str) -> None:
    theme = load_themes([bundled("themes")]).themes[name]
    attrs = [_attrs(theme.variables[variable_name(label)]) for label in ENTITY_KEYS]
    assert len(set(attrs)) == len(attrs), attrs


def test_ansi_theme_uses_only_the_terminal_palette() -> None:
    theme = load_themes([bundled("themes")]).themes["ansi"]
    assert theme.ansi
    for value in (theme.primary, theme.background, theme.foreground, theme.accent):
        assert value is not None and value.startswith("ansi_")


def test_broken_theme_is_one_problem_naming_the_file_and_the_rest_load(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text("name: good\ncolors: {primary: '#123456'}\n")
    (tmp_path / "bad-colour.yaml").write_text("name: bad\ncolors: {primary: 'not-a-colour'}\n")
    (tmp_path / "bad-yaml.yaml").write_text("name: [unclosed\n")
    (tmp_path / "bad-key.yaml").write_text("name: k\ncolors: {primary: '#000'}\nfont: x\n")
    themes = load_themes([bundled("themes"), tmp_path])
    assert "good" in themes.themes and set(themes.themes) >= REQUIRED
    assert len(themes.problems) == 3
    joined = "\n".join(themes.problems)
    assert f"{tmp_path / 'bad-colour.yaml'}: 'colors.primary': 'not-a-colour' is not a colour" \
        in joined
    assert str(tmp_path / "bad-yaml.yaml") in joined
    assert "unknown key 'font'" in joined


def test_user_theme_overrides_a_bundled_one_by_name(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text("name: warta-dark\ncolors: {primary: '#ff0000'}\n")
    themes = load_themes([bundled("themes"), tmp_path])
    assert themes.themes["warta-dark"].primary == "#ff0000"


def test_bad_reader_style_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("colors: {primary: '#000'}\nreader: {entities: {PERSON: 'bold nocolour'}}\n")
    with pytest.raises(ThemeError, match=r"reader\.entities\.PERSON"):
        load_theme_file(path)


def test_unknown_theme_name_falls_back_to_the_default() -> None:
    themes = load_themes([bundled("themes")])
    name, problem = themes.choose("no-such-theme")
    assert name == DEFAULT_THEME
    assert problem is not None and "no-such-theme" in problem and "warta-light" in problem
    assert themes.choose("warta-light") == ("warta-light", None)
