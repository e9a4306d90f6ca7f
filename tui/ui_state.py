"""The reader's remembered choices (the theme picked with `t`), kept apart from the config.

Stored as YAML in $XDG_STATE_HOME/warta/ui.yaml (~/.local/state/warta/ui.yaml); never
written into the user's config file. The config's `ui.theme` at the time of the choice
is stored too: when the config names another theme later, the config wins again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tui.resources import user_dir
from tui.yaml_files import YamlError, read_yaml_file


def state_path() -> Path:
    """Where the UI state file lives."""
    return user_dir("state") / "ui.yaml"


@dataclass
class UiState:
    """The theme the user picked, and the config theme it was picked over."""

    theme: str | None = None
    config_theme: str | None = None

    def theme_for(self, config_theme: str) -> str:
        """The theme to start with: the remembered pick, unless the config changed since."""
        if self.theme and self.config_theme == config_theme:
            return self.theme
        return config_theme


def load_ui_state(path: Path | None = None) -> UiState:
    """Read the state file; a missing or damaged one is simply an empty state."""
    path = path or state_path()
    try:
        data = read_yaml_file(path)
    except (OSError, UnicodeDecodeError, YamlError):
        return UiState()
    if not isinstance(data, dict):
        return UiState()
    theme, config_theme = data.get("theme"), data.get("config_theme")
    return UiState(theme if isinstance(theme, str) else None,
                   config_theme if isinstance(config_theme, str) else None)


def save_ui_state(state: UiState, path: Path | None = None) -> str | None:
    """Write the state file atomically; returns a one-line problem instead of raising."""
    path = path or state_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        import yaml  # only when a theme is picked: the start reads the state from a cache

        tmp.write_text(yaml.safe_dump({"theme": state.theme,
                                       "config_theme": state.config_theme}), encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        return f"{path}: cannot save the theme choice ({exc.strerror})"
    return None
