"""Boilerplate patterns run with a time limit and without holding the GIL.

Patterns come from config.yaml and from the user's own file, so one of them may
backtrack for minutes on an unlucky line; Python's `re` would hold the GIL all that
time and freeze the reader. They are compiled with the `regex` package instead (the
same syntax as `re` in its default VERSION0 mode, Unicode `\\w`/`\\b`, lookarounds), and
every match runs with `concurrent=True` (the GIL is released) and a `timeout`: the
current Budget's (budget.py), else MATCH_TIMEOUT. A match that times out twice (once may
be a busy machine's pause) counts as no match for that line and is counted on the
Budget, which the pipeline turns into a warning on the Document.
"""

from __future__ import annotations

import io
import pickle
from collections.abc import Mapping
from typing import Any

import regex

from tui.text import budget

IGNORECASE = regex.IGNORECASE
Match = regex.Match
error = regex.error


class BoundedPattern:
    """A compiled pattern whose `match` and `search` time out instead of hanging."""

    __slots__ = ("_match", "_search", "pattern")

    def __init__(self, source: str, flags: int = 0) -> None:
        compiled = _compile(source, flags | regex.VERSION0)
        self._match = compiled.match
        self._search = compiled.search
        self.pattern = source

    def match(self, text: str) -> regex.Match[str] | None:
        """Match at the start of `text`; None when there is no match or it timed out."""
        return _bounded(self._match, text)

    def search(self, text: str) -> regex.Match[str] | None:
        """The first match anywhere in `text`; None when there is none or it timed out."""
        return _bounded(self._search, text)


# Patterns compiled before, as `regex`'s own pickles (the compiled program: loading one runs
# no parser). regex parses patterns in Python, about 2.5x slower than `re`, and that parse
# was most of the first article's cleaning; tui/regex_cache.py keeps these between runs
# (tui/text reads no files of the user's).
_known: dict[tuple[str, int], bytes] = {}
_learned: dict[tuple[str, int], bytes] = {}


class _ProgramLoader(pickle.Unpickler):
    """Unpickles a compiled pattern and nothing else (the only global is regex's compile)."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("regex._regex", "compile"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not a compiled pattern")


def _compile(source: str, flags: int) -> Any:
    """`regex.compile(source, flags)`, from a known compiled program when there is one."""
    key = (source, flags)
    if (kept := _known.get(key)) is not None:
        try:
            compiled = _ProgramLoader(io.BytesIO(kept)).load()
            if compiled.pattern == source and compiled.flags & flags == flags:
                return compiled
        except Exception:  # a damaged or foreign entry: compile it again
            pass
    compiled = regex.compile(source, flags)
    _learned[key] = pickle.dumps(compiled)
    return compiled


def know(programs: Mapping[tuple[str, int], bytes]) -> None:
    """Take compiled programs kept from earlier runs (see `learned`)."""
    _known.update(programs)


def learned() -> dict[tuple[str, int], bytes]:
    """The programs compiled in this process that were not known: worth keeping."""
    return dict(_learned)


# A match is tried this many times before it counts as timed out: the timeout is wall time,
# so one pass may overrun on a busy machine (the process descheduled), while a pattern that
# backtracks runs out of time on every pass.
MATCH_TRIES = 2


def _bounded(run: Any, text: str) -> regex.Match[str] | None:
    """`run(text)` without the GIL, within the current Budget's match timeout."""
    current = budget.current()
    for _ in range(MATCH_TRIES):
        try:
            return run(text, concurrent=True, timeout=budget.MATCH_TIMEOUT
                       if current is None else current.match_timeout)
        except TimeoutError:
            continue
    return _timed_out(current)


def _timed_out(current: budget.Budget | None) -> None:
    """Count a timed-out match on the current Budget; it counts as no match."""
    if current is not None:
        current.timeouts += 1


def compile_bounded(source: str, flags: int = 0) -> BoundedPattern:
    """Compile `source` (re syntax) for bounded matching; raises `error` when invalid."""
    return BoundedPattern(source, flags)


# Lines that make a backtracking pattern blow up: long runs of one character, repeated
# separators, and a hashtag line with a long word in the middle, each ending in a
# character that no label ends with.
PROBES: tuple[str, ...] = (
    *(ch * 3000 + "!" for ch in "aA1#-. "),
    "a-" * 1500 + "!",
    "# " * 1500 + "!",
    "ab " * 1000 + "!",
    "#stophoax #" + "verifikasi" * 30 + ' #thinkbeforeforwarding"',
)
# How long one probe may take before the pattern is called too slow.
PROBE_TIMEOUT = 0.05


def pattern_problem(source: str) -> str | None:
    """What is wrong with a boilerplate pattern (one phrase), or None when it is usable.

    Usable means: it compiles (also inside the alternations boilerplate_rules.py builds)
    and finishes within PROBE_TIMEOUT on each of PROBES.
    """
    try:
        compiled = regex.compile(source, regex.IGNORECASE | regex.VERSION0)
        regex.compile(f"(?P<r0>x)|(?P<r1>(?:{source}))", regex.IGNORECASE | regex.VERSION0)
    except (regex.error, OverflowError, RecursionError) as exc:
        return f"is not a valid regular expression ({exc})"
    for probe in PROBES:
        try:
            compiled.search(probe, concurrent=True, timeout=PROBE_TIMEOUT)
        except TimeoutError:
            return (f"takes too long on some lines (over {PROBE_TIMEOUT:g} s on "
                    f"{probe[:12]!r}... of {len(probe)} characters); nested or overlapping "
                    "repeats such as (a+)+ or \\w+\\w* backtrack")
    return None
