"""Where warta's files live: those it ships (in the wheel, or a source checkout), and the
user's own folders for config, state and cache (the XDG base directories)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

_PACKAGE = Path(__file__).resolve().parent
_BUNDLED = _PACKAGE / "_bundled"
_CHECKOUT = _PACKAGE.parent


def bundled(name: str) -> Path:
    """The shipped file or folder `name` (config.yaml, themes, seeds)."""
    inside = _BUNDLED / name
    return inside if inside.exists() else _CHECKOUT / name


_XDG = {"config": ("XDG_CONFIG_HOME", ".config"), "state": ("XDG_STATE_HOME", ".local/state"),
        "cache": ("XDG_CACHE_HOME", ".cache")}


def user_dir(kind: Literal["config", "state", "cache"]) -> Path:
    """$XDG_<KIND>_HOME/warta, or its default under the home folder (~/.config/warta ...)."""
    variable, default = _XDG[kind]
    return Path(os.environ.get(variable) or Path.home() / default) / "warta"
