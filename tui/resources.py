"""Where the files that ship with warta live: in the wheel, or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_BUNDLED = _PACKAGE / "_bundled"
_CHECKOUT = _PACKAGE.parent


def bundled(name: str) -> Path:
    """The shipped file or folder `name` (config.yaml, themes, seeds)."""
    inside = _BUNDLED / name
    return inside if inside.exists() else _CHECKOUT / name
