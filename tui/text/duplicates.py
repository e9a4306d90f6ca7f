"""Exact and near-duplicate lines within one article, in bounded (near-linear) time."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from tui.text.line import Line

# Jaccard similarity of token sets from which two lines count as near repeats.
NEAR = 0.8
# Lines shorter than this (in tokens) are compared only exactly: "Foto" twice is not news.
MIN_NEAR_TOKENS = 4
# Near repeats are looked for only through each line's rarest tokens, and only among
# this many earlier lines per token: the cost stays linear on a 2,000-line text.
PROBE_TOKENS = 2
PROBE_LINES = 24


def _key(line: Line) -> str:
    return " ".join(line.tokens) if line.tokens else line.text.casefold()


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def repeats(lines: Sequence[Line]) -> dict[int, int]:
    """Map the position (in `lines`) of each repeated line to its first occurrence."""
    out: dict[int, int] = {}
    first: dict[str, int] = {}
    for pos, ln in enumerate(lines):
        k = _key(ln)
        if k in first:
            out[pos] = first[k]
        else:
            first[k] = pos
    # Near repeats: same wording give or take a word or punctuation.
    sets = [frozenset(ln.tokens) for ln in lines]
    df: Counter[str] = Counter()
    for s in sets:
        df.update(s)
    postings: dict[str, list[int]] = {}
    for pos, s in enumerate(sets):
        if len(s) < MIN_NEAR_TOKENS:
            continue
        # Only tokens that occur on another line can lead to a repeat.
        shared = sorted((t for t in s if df[t] >= 2), key=lambda t: (df[t], t))
        if pos not in out:
            match = None
            for tok in shared[:PROBE_TOKENS]:
                for earlier in postings.get(tok, ())[-PROBE_LINES:]:
                    if _jaccard(s, sets[earlier]) >= NEAR:
                        match = earlier
                        break
                if match is not None:
                    break
            if match is not None:
                out[pos] = out.get(match, match)
        for tok in shared:
            postings.setdefault(tok, []).append(pos)
    return out


def echoes_title(line: Line, title_tokens: frozenset[str]) -> bool:
    """Whether the line restates the title: same words, or most of them and little else."""
    if not title_tokens or len(line.tokens) < 2:
        return False
    words = frozenset(line.tokens)
    shared = len(words & title_tokens)
    if len(line.tokens) > len(title_tokens) * 1.5 + 3:
        return False
    return (shared / len(words) >= 0.85 and shared / len(title_tokens) >= 0.6) or (
        _jaccard(words, title_tokens) >= 0.75
    )
