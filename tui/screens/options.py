"""The `ui:` settings the main screen starts with."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReaderOptions:
    """Measure, what is shown at start, where the layout narrows, whether to detect language."""

    measure: int = 88
    show_boilerplate: bool = False
    show_entities: bool = True
    show_meta: bool = True
    narrow_width: int = 110
    detect_language: bool = True
