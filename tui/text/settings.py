"""The knobs the pipeline takes, as plain data handed over by the config loader."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, eq=False)
class AnalysisSettings:
    """Everything `analyse` needs; sections mirror config.yaml's of the same name.

    Compared and hashed by identity, so a compiled Pipeline can be cached per settings.
    """

    detect_language: bool = True
    boilerplate: Mapping[str, Any] = field(default_factory=dict)
    entities: Mapping[str, Any] = field(default_factory=dict)
    words_per_minute: int = 200
    # Only this many characters of an article are analysed (cut at a line boundary).
    max_chars: int = 200_000
    # Seconds one article's analysis may take before it is shown as plain text.
    time_budget: float = 10.0
