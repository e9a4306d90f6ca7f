"""Gates in front of the boilerplate patterns: run (and compile) only what a line can match.

Hundreds of patterns in one alternation make every line pay for all of them, and
compiling them costs tens of milliseconds before the first article can be cleaned. Most
patterns open with literal words, so a line can only match the ones whose opening it
shares:

- free-standing patterns (`\\b(subscribe|abonnieren|...)`) need a word of the line to
  start with one of those words' first letters (`GatedPatterns`);
- patterns anchored at the line start (`^(baca|lihat) juga`) need the line itself to start
  with one of their literal openings (`AnchoredPatterns`).

Each pattern is compiled the first time a line passes its gate, for bounded matching
(bounded_regex.py: the `regex` package, a timeout per match, the GIL released). Patterns
whose opening cannot be read that way are always run. The result is the same as trying
every pattern.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from tui.text.bounded_regex import IGNORECASE, BoundedPattern, Match, compile_bounded

_TOKEN = re.compile(r"\w+")
# Letters a pattern alternative opens with (before any regex syntax).
_LEAD = re.compile(r"[^\W\d_]+")
# How many leading letters of a word (or characters of a line) are compared.
GATE_LETTERS = 3
# Characters that IGNORECASE matches to a letter whose str.lower() is another one.
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
_SYNTAX = frozenset(".^$*+?{}[]()|")


def fold(text: str) -> str:
    """Lower case as IGNORECASE compares the letters a gate reads (İ, ı -> i; ſ -> s)."""
    return text.translate(_FOLD).lower()


class LazyPattern:
    """A bounded pattern compiled on first use (a gate may never let a line through to it)."""

    __slots__ = ("_compiled", "flags", "source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags
        self._compiled: BoundedPattern | None = None

    @property
    def compiled(self) -> BoundedPattern:
        """The compiled pattern (two threads may both compile it once; either is kept)."""
        if self._compiled is None:
            self._compiled = compile_bounded(self.source, self.flags)
        return self._compiled


class _Unreadable(ValueError):
    """A pattern this module does not read (e.g. a character class that never closes)."""


def _syntax(regex: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, depth) of each `(`, `)` and `|` outside escapes and classes.

    `depth` counts the groups open around the character (a `)` is outside its group).
    """
    depth = 0
    i = start
    while i < len(regex):
        ch = regex[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            close = regex.find("]", i + 2)
            if close < 0:
                raise _Unreadable(regex)
            i = close + 1
            continue
        if ch in "()|":
            depth -= ch == ")"
            yield i, ch, depth
            depth += ch == "("
        i += 1


def _alternatives(group: str) -> list[str] | None:
    """The top-level `|` alternatives of a pattern's first group body, or None if unclear."""
    out: list[str] = []
    begin = 0
    try:
        for i, ch, depth in _syntax(group):
            if ch == "|" and depth == 0:
                out.append(group[begin:i])
                begin = i + 1
            elif ch == ")" and depth < 0:
                out.append(group[begin:i])
                return out if group[i + 1:i + 2] not in ("?", "*", "{") else None
    except _Unreadable:
        return None
    return None


def word_starts(regex: str) -> frozenset[str] | None:
    """The word starts a match of `regex` must open with, or None when it cannot be told.

    Understood: `\\b(alt|alt|...)...` or `\\bword...`, each alternative opening with
    letters. A letter followed by `?`, `*` or `{` may be absent, so it is not counted.
    Look-behinds right after the `\\b` ("not after another word") consume nothing and are
    skipped. A pattern of several top-level alternatives (`\\ba...|\\bb...`) needs the
    starts of any one of them.
    """
    branches = _alternatives(regex + ")")
    if branches is None:
        return None
    if len(branches) > 1:
        starts = [word_starts(branch) for branch in branches]
        return None if any(s is None for s in starts) else frozenset().union(*starts)
    if not regex.startswith("\\b"):
        return None
    i = 2
    while regex.startswith(("(?<=", "(?<!"), i):
        end = _group_end(regex, i)
        if end is None:
            return None
        i = end + 1
    body = regex[i:]
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


def _literal(regex: str, i: int) -> tuple[str | None, int]:
    """The character the pattern matches literally at `i` and the index after it, or None.

    Only characters whose IGNORECASE matches `fold` is known to keep together: Latin
    letters (below U+0250) and characters without case.
    """
    ch = regex[i]
    if ch == "\\":
        ch = regex[i + 1:i + 2]
        if not ch or ch.isalnum() or ch == "_":  # \d, \w, \b, \1 ...: not one character
            return None, i
        step = 2
    elif ch in _SYNTAX:
        return None, i
    else:
        step = 1
    if ord(ch) >= 0x250 and not ch.lower() == ch.upper() == ch:
        return None, i
    return fold(ch), i + step


def _group_end(regex: str, i: int) -> int | None:
    """The index of the `)` closing the group that opens at `i`."""
    try:
        return next((j for j, ch, depth in _syntax(regex, i) if ch == ")" and depth == 0),
                    None)
    except _Unreadable:
        return None


def _optional(regex: str, i: int) -> int | None:
    """If a `?` or `*` (possibly lazy) makes the item before `i` optional, the index after it."""
    if regex[i:i + 1] in ("?", "*"):
        return i + 2 if regex[i + 1:i + 2] == "?" else i + 1
    return None


def _openings(regex: str, i: int = 0) -> set[str] | None:
    """The literal openings (1 to GATE_LETTERS characters, folded) one of which every match
    of `regex[i:]` starts with, or None when that cannot be told."""
    while regex.startswith(("(?=", "(?!"), i):  # a lookahead consumes nothing
        end = _group_end(regex, i)
        if end is None:
            return None
        i = end + 1
    if i >= len(regex):
        return None
    if regex[i] == "(":
        if regex.startswith("(?:", i):
            body = i + 3
        elif regex.startswith("(?", i):  # flags, named groups, lookbehinds ...
            return None
        else:
            body = i + 1
        end = _group_end(regex, i)
        alts = None if end is None else _alternatives(regex[body:end + 1])
        if end is None or alts is None or regex[end + 1:end + 2] == "{":
            return None
        out: set[str] = set()
        for alt in alts:
            sub = _openings(alt)
            if sub is None:
                return None
            out |= sub
        after = _optional(regex, end + 1)
        if after is not None:  # the group may be absent: what follows may open the match
            rest = _openings(regex, after)
            return None if rest is None else out | rest
        return out
    run = ""
    while i < len(regex) and len(run) < GATE_LETTERS:
        ch, nxt = _literal(regex, i)
        if ch is None:
            break
        after = _optional(regex, nxt)
        if after is not None or regex[nxt:nxt + 1] == "{":
            if run:  # the run ends before a character that may be absent
                break
            rest = None if after is None else _openings(regex, after)
            return None if rest is None else {ch} | rest
        run += ch
        i = nxt
        if regex[i:i + 1] == "+":
            break
    return {run} if run else None


def line_openings(regex: str) -> frozenset[str] | None:
    """What a line must start with (folded, up to GATE_LETTERS characters) to match the
    `^`-anchored `regex` under IGNORECASE, or None when that cannot be told."""
    if not regex.startswith("^"):
        return None
    alts = _alternatives(regex + ")")
    if alts is None or len(alts) != 1:  # `^a|b`: the second alternative is not anchored
        return None
    found = _openings(regex, 1)
    return None if found is None else frozenset(found)


def _quantified(regex: str, i: int) -> tuple[bool, int]:
    """Whether the item ending before `i` must occur (no `?`, `*` or `{0`), and the index
    after its quantifier (a lazy or possessive mark included)."""
    q = regex[i:i + 1]
    if q in ("?", "*", "+"):
        i += 1
    elif q == "{":
        close = regex.find("}", i)
        if close < 0:
            return False, len(regex)
        q, i = regex[i + 1:close].split(",")[0].strip() or "0", close + 1
    if regex[i:i + 1] in ("?", "+"):
        i += 1
    return q not in ("?", "*", "0"), i


def _one_case(ch: str) -> bool:
    """Whether IGNORECASE pairs `ch` with no character `fold` keeps apart from it: ASCII,
    caseless, or one lower and one upper case letter of one character each (not ß)."""
    return ch.isascii() or ch.lower() == ch.upper() or (
        len(ch.lower()) == len(ch.upper()) == 1 and ch.lower().upper() == ch.upper())


def _class(regex: str, i: int) -> tuple[frozenset[str] | None, int]:
    """The characters (folded) of the plain set `[...]` opening at `i`, and the index after
    it; None for a negated set, a range or a class escape (\\d, \\s ...)."""
    chars: set[str] = set()
    j = i + 1
    readable = regex[j:j + 1] not in ("^", "]")
    while j < len(regex) and regex[j] != "]":
        ch, j = (regex[j + 1:j + 2], j + 2) if regex[j] == "\\" else (regex[j], j + 1)
        escape = ch.isalnum() and regex[j - 2:j - 1] == "\\"
        if escape or (regex[j:j + 1] == "-" and regex[j + 1:j + 2] != "]"):
            readable = False
        elif _one_case(ch):
            chars.add(fold(ch))
        else:
            readable = False
    return (frozenset(chars) if readable and chars else None), j + 1


def _items(regex: str, i: int) -> Iterator[tuple[frozenset[str] | None, bool]]:
    """Each top-level item of `regex[i:]`: characters (folded) one of which it must hold
    (None when that cannot be told) and whether the item must occur."""
    while i < len(regex) and regex[i] not in "|)":
        chars: frozenset[str] | None = None
        if regex[i] == "(":
            end = _group_end(regex, i)
            if end is None:
                return
            body = i + 3 if regex.startswith("(?:", i) else i + 1
            alts = (None if regex.startswith("(?", i) and body == i + 1
                    else _alternatives(regex[body:end + 1]))
            found = [needed_chars(alt) for alt in alts or ()]
            if alts and all(found):
                chars = frozenset().union(*(f for f in found if f))
            i = end + 1
        elif regex[i] == "[":
            chars, i = _class(regex, i)
        elif regex[i] in "^$":
            i += 1
            continue
        else:
            ch, nxt = _literal(regex, i)
            chars = None if ch is None or not _one_case(regex[nxt - 1]) else frozenset(ch)
            i = nxt if ch is not None else i + (2 if regex[i] == "\\" else 1)
        must, i = _quantified(regex, i)
        yield chars, must


def _plain(regex: str) -> bool:
    """Whether `regex` has no top-level alternation (`^a|b` has: the gates read one branch)."""
    alts = _alternatives(regex + ")")
    return alts is not None and len(alts) == 1


def needed_chars(regex: str) -> frozenset[str] | None:
    """Characters (folded) one of which every match of `regex` contains, or None when that
    cannot be told: those an item that must occur opens with, the fewest Latin ones."""
    if not _plain(regex):
        return None
    sets = [chars for chars, must in _items(regex, 0) if must and chars]
    return min(sets, key=lambda c: (sum(ch.isascii() for ch in c), len(c)), default=None)


def last_chars(regex: str) -> frozenset[str] | None:
    """For a pattern ending in `$`: the characters (folded, DIGIT for `\\d`) one of which
    ends every line it matches, or None when that cannot be told."""
    if not regex.endswith("$") or regex.endswith("\\$") or not _plain(regex):
        return None
    if regex.endswith("\\d$") and not regex.endswith("\\\\d$"):
        return frozenset([DIGIT])
    if regex.endswith(")$"):
        start = next((j for j in range(len(regex) - 2, -1, -1) if regex[j] == "("
                      and _group_end(regex, j) == len(regex) - 2), None)
        if start is None or (regex.startswith("(?", start)
                             and not regex.startswith("(?:", start)):
            return None
        alts = _alternatives(regex[start + (3 if regex[start + 1] == "?" else 1):])
        ends = [alt[-1:] for alt in alts or ()]
        if not alts or any(not e or e in _SYNTAX or e == "\\" or alt[-2:-1] == "\\"
                           or _literal(e, 0)[0] is None or not _one_case(e)
                           for e, alt in zip(ends, alts, strict=True)):
            return None
        return frozenset(fold(e) for e in ends)
    return None


# The key of last_chars for a line that ends in a figure.
DIGIT = "\\d"


def _tail(text: str) -> str:
    """The character `$` stands after: the last, or the one before a final newline."""
    return text[-2:-1] if text.endswith("\n") else text[-1:]


@dataclass(frozen=True)
class CharGate:
    """A pattern no prefix gate reads, tried only on lines holding one of `needed` and
    ending in one of `last` (either None: not checked)."""

    index: int
    needed: frozenset[str] | None
    last: frozenset[str] | None

    @classmethod
    def read(cls, index: int, regex: str, anchored: bool = False) -> CharGate | None:
        """The gate of the pattern at `index`, or None when it would let most lines by.

        Needed characters gate only when none is ASCII (a space or a Latin letter is in
        nearly every line, and a pattern run alone costs more than one in the always-run
        alternation); a last character gates a pattern searched along the line (most
        lines end in a full stop), and an anchored one only where it is no Latin letter
        (an anchored pattern that fails at the line start costs little in the alternation).
        """
        needed, last = needed_chars(regex), last_chars(regex)
        if needed is not None and any(ch.isascii() for ch in needed):
            needed = None
        if anchored and last is not None and any(ch.isascii() and ch.isalpha() for ch in last):
            last = None
        return None if needed is None and last is None else cls(index, needed, last)

    def ends(self, tail: str) -> bool:
        """Whether a line whose `$` stands after `tail` (folded) may match."""
        return (self.last is None or tail in self.last
                or (DIGIT in self.last and tail.isdigit()))


@dataclass(frozen=True)
class CharGates:
    """Character gates indexed by character, so a line costs one set intersection."""

    by_char: dict[str, tuple[CharGate, ...]]
    by_last: tuple[CharGate, ...]
    keys: frozenset[str]

    @classmethod
    def build(cls, regexes: Sequence[str], indices: Sequence[int], anchored: bool = False
              ) -> tuple[CharGates, tuple[int, ...]]:
        """The gates of the patterns at `indices`, and the indices still always run."""
        read = [(n, CharGate.read(n, regexes[n], anchored)) for n in indices]
        by_char: dict[str, list[CharGate]] = {}
        by_last: list[CharGate] = []
        for _n, gate in read:
            if gate is not None and gate.needed is None:
                by_last.append(gate)
            for ch in gate.needed or () if gate is not None else ():
                by_char.setdefault(ch, []).append(gate)
        return (cls({ch: tuple(g) for ch, g in by_char.items()}, tuple(by_last),
                    frozenset(by_char)),
                tuple(n for n, gate in read if gate is None))

    def passing(self, text: str) -> set[int]:
        """The indices of the patterns `text` passes the gates of.

        The characters needed are never ASCII, so an ASCII line is checked at its end
        only, and never i or s, so plain lower case finds them (fold's İ, ı, ſ -> i, s
        is needed for the last character only).
        """
        tail = _tail(text)
        tail = tail.lower() if tail.isascii() else fold(tail)
        out = {g.index for g in self.by_last if g.ends(tail)}
        if self.keys and not text.isascii():
            for ch in self.keys.intersection(text.lower()):
                out.update(g.index for g in self.by_char[ch] if g.ends(tail))
        return out


def _gates(patterns: Sequence[tuple[int, str]],
           read: Callable[[str], frozenset[str] | None],
           ) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """Pattern positions by each key `read` gives their regex, and those it cannot read."""
    gated: dict[str, list[int]] = {}
    ungated: list[int] = []
    for n, (_rank, rx) in enumerate(patterns):
        keys = read(rx)
        if keys is None:
            ungated.append(n)
        for key in keys or ():
            gated.setdefault(key, []).append(n)
    return {k: tuple(v) for k, v in gated.items()}, tuple(ungated)


@dataclass(frozen=True)
class AnchoredPatterns:
    """`^`-anchored patterns in priority order, each tried only on lines that open like it.

    `match(text)` gives what one alternation of all the patterns (in order, IGNORECASE)
    would: the first pattern that matches at the line start, as `(rank, match)`. Patterns
    with no readable opening share one alternation, compiled on first use.
    """

    ranks: tuple[int, ...]
    patterns: tuple[LazyPattern, ...]
    gated: dict[str, tuple[int, ...]]
    always: LazyPattern | None
    # Patterns with no readable opening, tried only on lines that hold (or end in) one of
    # the characters they need.
    checked: CharGates | None = None

    @classmethod
    def build(cls, patterns: Sequence[tuple[int, str]]) -> AnchoredPatterns:
        """Gate `(rank, regex)` pairs, given in the order they are to be tried."""
        gated, ungated = _gates(patterns, line_openings)
        checked, ungated = CharGates.build([rx for _, rx in patterns], ungated, anchored=True)
        always = "|".join(f"(?P<p{n}>{patterns[n][1]})" for n in ungated)
        return cls(tuple(rank for rank, _ in patterns),
                   tuple(LazyPattern(f"(?:{rx})", IGNORECASE) for _, rx in patterns),
                   gated, LazyPattern(always, IGNORECASE) if always else None, checked)

    def match(self, text: str) -> tuple[int, Match[str]] | None:
        """The first pattern (in the given order) matching at the start of `text`."""
        best: tuple[int, Match[str]] | None = None
        if self.always is not None:
            m = self.always.compiled.match(text)
            if m is not None and m.lastgroup is not None:
                best = (int(m.lastgroup[1:]), m)
        head = fold(text[:GATE_LETTERS])
        candidates = self.checked.passing(text) if self.checked else set()
        for n in range(1, len(head) + 1):
            candidates.update(self.gated.get(head[:n], ()))
        for n in sorted(candidates):
            if best is not None and n > best[0]:
                break
            m = self.patterns[n].compiled.match(text)
            if m is not None:
                best = (n, m)
                break
        return None if best is None else (self.ranks[best[0]], best[1])


@dataclass(frozen=True)
class GatedPatterns:
    """Free-standing patterns, each run (and compiled) only past its word gate.

    `search(text)` gives the lowest-ranked pattern that matches, the first given among
    equals, as `(rank, match)`.
    """

    entries: tuple[tuple[int, LazyPattern], ...]
    gated: dict[str, tuple[int, ...]]
    always: tuple[int, ...]
    checked: CharGates | None = None

    @classmethod
    def build(cls, patterns: Sequence[tuple[int, str]]) -> GatedPatterns:
        """Gate `(rank, regex)` pairs; a lower rank wins when several match."""
        gated, ungated = _gates(patterns, word_starts)
        checked, always = CharGates.build([rx for _, rx in patterns], ungated)
        return cls(tuple((rank, LazyPattern(rx)) for rank, rx in patterns), gated, always,
                   checked)

    def search(self, text: str) -> tuple[int, Match[str]] | None:
        """The lowest-ranked pattern that matches `text`, with its match."""
        candidates = set(self.always)
        if self.checked:
            candidates.update(self.checked.passing(text))
        for token in _TOKEN.findall(text):
            for n in range(1, min(GATE_LETTERS, len(token)) + 1):
                candidates.update(self.gated.get(token[:n], ()))
        for n in sorted(candidates, key=lambda n: (self.entries[n][0], n)):
            rank, pattern = self.entries[n]
            m = pattern.compiled.search(text)
            if m is not None:
                return rank, m
        return None
