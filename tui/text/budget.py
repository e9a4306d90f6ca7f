"""The time an article's analysis may take: a deadline checked inside the per-line loops.

`Pipeline.analyse` opens a Budget for each article (`with Budget(seconds):`); the loops of
the cleaner and the entity recogniser call `check()`, which raises `BudgetExceeded` once
the deadline has passed, and every bounded pattern (bounded_regex.py) takes its timeout
from `match_timeout()`. Outside a Budget nothing is ever exceeded. The current Budget is
kept per thread (a context variable), so analyses in several threads never mix.
"""

from __future__ import annotations

import time
from contextvars import ContextVar, Token
from types import TracebackType

# The longest one pattern may run on one line (the deadline may cut it shorter).
MATCH_TIMEOUT = 0.1

_current: ContextVar[Budget | None] = ContextVar("warta_budget", default=None)


class BudgetExceeded(Exception):
    """The article's analysis ran past its deadline."""


class Budget:
    """A deadline for one article plus what ran out on the way (timed-out patterns)."""

    __slots__ = ("_token", "deadline", "match_timeout", "seconds", "timeouts")

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.timeouts = 0
        # The timeout for one pattern match: MATCH_TIMEOUT, cut shorter near the deadline
        # (updated by every check(), so a match never reads the clock itself).
        self.match_timeout = max(0.001, min(MATCH_TIMEOUT, seconds))
        self._token: Token[Budget | None] | None = None

    def __enter__(self) -> Budget:
        self._token = _current.set(self)
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._token is not None:
            _current.reset(self._token)
            self._token = None

    def remaining(self) -> float:
        """Seconds left before the deadline (negative once it has passed)."""
        return self.deadline - time.monotonic()

    def check(self) -> None:
        """Raise BudgetExceeded when the deadline has passed; else update match_timeout."""
        left = self.deadline - time.monotonic()
        if left < 0:
            raise BudgetExceeded(f"analysis stopped after {self.seconds:g} s")
        if left < MATCH_TIMEOUT:
            self.match_timeout = max(0.001, left)


current = _current.get
"""The Budget of the analysis running in this thread, if any (`current()`)."""


def check() -> None:
    """Raise BudgetExceeded if this thread's analysis has run past its deadline."""
    budget = _current.get()
    if budget is not None:
        budget.check()
