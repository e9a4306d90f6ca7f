"""Themes: YAML files validated and turned into Textual `Theme` objects.

A theme file names Textual's colours under `colors:` and the reader's own styles under
`reader:` (title, heading, boilerplate, reason tag, search match, escaped control
characters, one style per entity label). The reader's styles become theme variables
(`warta-title`, `warta-entity-person`, ...) that the article view reads back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.color import Color
from textual.markup import parse_style
from textual.theme import BUILTIN_THEMES, Theme

from tui.resources import bundled, user_dir
from tui.text.model import Label
from tui.yaml_files import YamlError, read_yaml_file

DEFAULT_THEME = "warta-dark"

COLOR_KEYS = ("primary", "secondary", "accent", "foreground", "background", "surface",
              "panel", "boost", "warning", "error", "success")
READER_KEYS = ("title", "heading", "boilerplate", "reason", "match", "escape", "muted")
ENTITY_KEYS = tuple(label.value for label in Label)
_TOP_KEYS = ("name", "dark", "ansi", "colors", "reader")

# Used when a theme leaves a reader style out; every label differs in text style alone,
# so entities stay distinguishable without colour.
READER_DEFAULTS: dict[str, str] = {
    "title": "bold",
    "heading": "bold underline",
    "boilerplate": "dim",
    "reason": "dim italic",
    "match": "reverse",
    "escape": "bold reverse",
    "muted": "dim",
}
ENTITY_DEFAULTS: dict[str, str] = {
    "PERSON": "bold",
    "ORG": "underline",
    "PLACE": "italic",
    "DATE": "bold italic",
    "NUMBER": "italic underline",
}


def variable_name(key: str) -> str:
    """The theme variable for a reader style or an entity label: `warta-entity-person`."""
    if key in ENTITY_KEYS:
        return f"warta-entity-{key.lower()}"
    return f"warta-{key}"


def variable_defaults() -> dict[str, str]:
    """Every reader variable with its fallback value (for App.get_theme_variable_defaults)."""
    out = {variable_name(k): v for k, v in READER_DEFAULTS.items()}
    out.update({variable_name(k): v for k, v in ENTITY_DEFAULTS.items()})
    return out


class ThemeError(ValueError):
    """A theme file that cannot be used, worded as one line naming the file."""


def _check_style(where: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ThemeError(f"{where} must be a style string such as \"bold #ffaf5f\"")
    try:
        parse_style(value, {})
    except Exception as exc:
        raise ThemeError(f"{where}: {value!r} is not a style ({exc})") from None
    return value.strip()


def _unknown(where: str, keys: Iterable[str], allowed: Iterable[str]) -> None:
    extra = sorted(set(keys) - set(allowed))
    if extra:
        raise ThemeError(f"unknown key {where}{extra[0]!r} (allowed: {', '.join(allowed)})")


def theme_from_mapping(data: Mapping[str, Any], fallback_name: str) -> Theme:
    """Validate a theme's mapping and build the Theme; raise ThemeError on the first fault."""
    if not isinstance(data, Mapping):
        raise ThemeError("the top level must be a mapping (name, dark, colors, reader)")
    _unknown("", data, _TOP_KEYS)
    name = data.get("name", fallback_name)
    if not isinstance(name, str) or not name.strip():
        raise ThemeError("'name' must be a non-empty string")
    colors = data.get("colors") or {}
    if not isinstance(colors, Mapping):
        raise ThemeError("'colors' must be a mapping of colour names to colours")
    _unknown("colors.", colors, COLOR_KEYS)
    if "primary" not in colors:
        raise ThemeError("'colors.primary' is required")
    for key, value in colors.items():
        try:
            Color.parse(str(value))
        except Exception:
            raise ThemeError(f"'colors.{key}': {value!r} is not a colour "
                             "(e.g. \"#1e90ff\", \"ansi_blue\")") from None
    reader = data.get("reader") or {}
    if not isinstance(reader, Mapping):
        raise ThemeError("'reader' must be a mapping of styles")
    _unknown("reader.", reader, (*READER_KEYS, "entities"))
    variables: dict[str, str] = {}
    for key in READER_KEYS:
        if key in reader:
            variables[variable_name(key)] = _check_style(f"'reader.{key}'", reader[key])
    entities = reader.get("entities") or {}
    if not isinstance(entities, Mapping):
        raise ThemeError("'reader.entities' must map labels to styles")
    _unknown("reader.entities.", entities, ENTITY_KEYS)
    for label, style in entities.items():
        variables[variable_name(label)] = _check_style(f"'reader.entities.{label}'", style)
    for flag in ("dark", "ansi"):
        if flag in data and not isinstance(data[flag], bool):
            raise ThemeError(f"'{flag}' must be true or false")
    dark = bool(data.get("dark", True))
    ansi = bool(data.get("ansi", False))
    if ansi:
        # Textual's ANSI colour system leaves some variables to the theme (e.g.
        # $ansi-background, used by Screen's own CSS): start from its ansi theme's set.
        base = BUILTIN_THEMES["ansi-dark" if dark else "ansi-light"].variables
        variables = {**base, **variables}
    return Theme(name=name.strip(), dark=dark, ansi=ansi,
                 variables=variables, **{k: str(v) for k, v in colors.items()})


def load_theme_file(path: Path) -> Theme:
    """Read and validate one theme file."""
    try:
        data = read_yaml_file(path)
    except YamlError as exc:
        where = f"line {exc.line + 1}: " if exc.line is not None else ""
        raise ThemeError(f"{path}: {where}{exc.problem or 'not YAML'}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ThemeError(f"{path}: cannot read ({exc})") from None
    try:
        return theme_from_mapping(data, path.stem)
    except ThemeError as exc:
        raise ThemeError(f"{path}: {exc}") from None


def user_theme_dir() -> Path:
    """$XDG_CONFIG_HOME/warta/themes (~/.config/warta/themes)."""
    return user_dir("config") / "themes"


@dataclass(frozen=True)
class ThemeSet:
    """The themes that loaded, in name order, and one message per file that did not."""

    themes: dict[str, Theme]
    problems: tuple[str, ...]

    def choose(self, wanted: str | None) -> tuple[str, str | None]:
        """The theme to use for `wanted` and, when it does not exist, why not."""
        if wanted and wanted in self.themes:
            return wanted, None
        fallback = DEFAULT_THEME if DEFAULT_THEME in self.themes else next(iter(self.themes))
        if not wanted:
            return fallback, None
        names = ", ".join(self.themes)
        return fallback, f"unknown theme {wanted!r}; using {fallback} (available: {names})"


def load_themes(dirs: Iterable[Path] | None = None) -> ThemeSet:
    """Load every *.yaml theme in `dirs` (bundled, then the user's); later ones win by name."""
    if dirs is None:
        dirs = (bundled("themes"), user_theme_dir())
    themes: dict[str, Theme] = {}
    problems: list[str] = []
    for folder in dirs:
        if not folder.is_dir():
            continue
        for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
            try:
                theme = load_theme_file(path)
            except ThemeError as exc:
                problems.append(str(exc))
                continue
            themes[theme.name] = theme
    if not themes:
        themes[DEFAULT_THEME] = Theme(name=DEFAULT_THEME, primary="#5fafd7", dark=True)
    return ThemeSet(dict(sorted(themes.items())), tuple(problems))
