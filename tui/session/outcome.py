"""What a triage key did, for the screen to follow: where to go and what to say."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of one triage action: a row or an article to go to, and a message."""

    row: int | None = None  # the list position to move the cursor to (decide: the next one)
    article: int | None = None  # the dump index to bring into view (undo)
    message: str = ""
    warning: bool = False
    timeout: float = 3.0

    @classmethod
    def refused(cls, why: str) -> Outcome:
        """A refusal worded for the user (read-only state, triage off, unknown label)."""
        return cls(message=why, warning=True, timeout=4)
