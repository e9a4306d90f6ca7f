"""A word-start gate in front of the free-standing boilerplate patterns.

A regex that may match anywhere in a line is tried at every position, and dozens of them
in one alternation make a long paragraph expensive. Most such patterns open with a word
list (`\\b(subscribe|abonnieren|...)`); they can only match a line that has a word
starting with one of those words' first letters. The gate collects those starts once and
runs a pattern only on lines that have one. Patterns whose opening cannot be read that
way are always run.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")
# Letters a pattern alternative opens with (before any regex syntax).
_LEAD = re.compile(r"[^\W\d_]+")
# How many leading letters of a word are compared.
GATE_LETTERS = 3


def _alternatives(group: str) -> list[str] | None:
    """The top-level `|` alternatives of a pattern's first group body, or None if unclear."""
    out: list[str] = []
    depth = 0
    start = 0
    i = 0
    while i < len(group):
        ch = group[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            close = group.find("]", i + 2)
            if close < 0:
                return None
            i = close + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                out.append(group[start:i])
                return out if group[i + 1:i + 2] not in ("?", "*", "{") else None
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(group[start:i])
            start = i + 1
        i += 1
    return None


def word_starts(regex: str) -> frozenset[str] | None:
    """The word starts a match of `regex` must open with, or None when it cannot be told.

    Understood: `\\b(alt|alt|...)...` or `\\bword...`, each alternative opening with
    letters. A letter followed by `?`, `*` or `{` may be absent, so it is not counted.
    """
    if not regex.startswith("\\b"):
        return None
    body = regex[2:]
    if body.startswith("(?:"):
        alts = _alternatives(body[3:])
    elif body.startswith("(") and not body.startswith("(?"):
        alts = _alternatives(body[1:])
    else:
        alts = [body]
    if not alts:
        return None
    starts: set[str] = set()
    for alt in alts:
        m = _LEAD.match(alt)
        if m is None:
            return None
        lead = m.group()
        if alt[m.end():m.end() + 1] in ("?", "*", "{"):
            lead = lead[:-1]
        if not lead:
            return None
        starts.add(lead[:GATE_LETTERS])
    return frozenset(starts)


@dataclass(frozen=True)
class GatedPatterns:
    """Free-standing patterns (as `(rank, compiled)`), each run only past its word gate."""

    gated: dict[str, tuple[tuple[int, re.Pattern[str]], ...]]
    always: tuple[tuple[int, re.Pattern[str]], ...]

    @classmethod
    def build(cls, patterns: Sequence[tuple[int, str]]) -> GatedPatterns:
        """Compile `(rank, regex)` pairs; a lower rank wins when several match."""
        gated: dict[str, list[tuple[int, re.Pattern[str]]]] = {}
        always: list[tuple[int, re.Pattern[str]]] = []
        for rank, rx in patterns:
            compiled = re.compile(rx)
            starts = word_starts(rx)
            if starts is None:
                always.append((rank, compiled))
                continue
            for s in starts:
                gated.setdefault(s, []).append((rank, compiled))
        return cls({k: tuple(v) for k, v in gated.items()}, tuple(always))

    def search(self, text: str) -> tuple[int, re.Match[str]] | None:
        """The lowest-ranked pattern that matches `text`, with its match."""
        candidates = list(self.always)
        seen: set[int] = set()
        for token in set(_TOKEN.findall(text)):
            for n in range(1, min(GATE_LETTERS, len(token)) + 1):
                for entry in self.gated.get(token[:n], ()):
                    if id(entry[1]) not in seen:
                        seen.add(id(entry[1]))
                        candidates.append(entry)
        best: tuple[int, re.Match[str]] | None = None
        for rank, rx in sorted(candidates, key=lambda e: e[0]):
            if best is not None and rank >= best[0]:
                break
            m = rx.search(text)
            if m is not None:
                best = (rank, m)
        return best
