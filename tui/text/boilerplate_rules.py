"""Boilerplate patterns compiled from config.yaml: which reason a line's wording gives it.

The first layer of the cleaner (clean.py): labels such as "Baca juga", "ADVERTISEMENT",
"Sumber :", bylines, dates, share buttons, copyright lines, plus the closing-block and
call-to-action word lists. Position and context are clean.py's business.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tui.text.bounded_regex import IGNORECASE, BoundedPattern, Match, compile_bounded
from tui.text.model import Reason
from tui.text.prefilter import AnchoredPatterns, CharGates, GatedPatterns, LazyPattern

# Lines longer than this many words are never judged by a pattern: a pattern is a label.
PATTERN_MAX_WORDS = 80
# A longer line is still a site's legal footer when it opens with a copyright notice
# ("© 2019 Publisher. All rights reserved. Use of this site constitutes ...").
COPYRIGHT_OPENING = re.compile(r"^(©|\(c\)\s|copyright\s*(©|\(c\)|\d{4}))", re.IGNORECASE)
# What wraps a label ("(Baca juga: ...)", "• Read more"): stripped from both ends with
# str.strip (a regex for the trailing run would rescan it from every position: quadratic).
_SPACES = "".join(ch for ch in map(chr, range(0x3001)) if ch.isspace())
_WRAP_LEFT = _SPACES + "([•·*>»«|-–—"
_WRAP_RIGHT = _SPACES + ")]"


@dataclass(frozen=True)
class BoilerplateRules:
    """Compiled patterns from config.yaml's `boilerplate` section, a named group per reason.

    Patterns anchored at the line start (most of them) are tried only at position 0, and
    only those whose literal opening the line shares; the few that may match anywhere and
    look at letter case go into one regex. That keeps the cost of a long paragraph close
    to that of a short line. Patterns that may match anywhere and never look at letter
    case run on the lower-cased line, each only past a gate on the line's word starts.
    Gated patterns are compiled when a line first reaches them (see prefilter.py).
    """

    anchored: AnchoredPatterns | None
    anywhere: BoundedPattern | None
    reasons: tuple[Reason, ...]
    # Lines after which the rest of the page is boilerplate (a comment thread's header, a
    # press contact block), and the "About <company>" lines that may open such a block.
    closers: BoundedPattern | None = None
    closer_leads: BoundedPattern | None = None
    # Patterns tried only on the last lines of an article (author bios).
    closing: BoilerplateRules | None = None
    anywhere_lower: GatedPatterns | None = None
    # Call-to-action words and words that address the reader (see clean._call_to_action).
    cta_words: frozenset[str] = frozenset()
    cta_address: frozenset[str] = frozenset()
    # Cased free-standing patterns tried alone past a character gate (prefilter.CharGate),
    # each as (rank, order among the cased patterns, pattern); `anywhere` holds the rest,
    # a named group per pattern (c<order>) whose rank `cased_ranks` gives.
    cased_gated: tuple[tuple[int, int, LazyPattern], ...] = ()
    cased_gates: CharGates | None = None
    cased_ranks: tuple[int, ...] = ()

    @classmethod
    def from_config(cls, section: Mapping[str, Any]) -> BoilerplateRules:
        """Compile `patterns: {reason: {lang: [regex, ...]}}`, reasons tried in that order."""
        anchored: list[tuple[int, str]] = []
        cased: list[tuple[int, str]] = []
        lower: list[tuple[int, str]] = []
        reasons: list[Reason] = []
        for reason, by_lang in (section.get("patterns") or {}).items():
            regexes = [rx for rxs in (by_lang or {}).values() for rx in (rxs or [])]
            if not regexes:
                continue
            n = len(reasons)
            reasons.append(Reason(reason))
            anchored.extend((n, rx) for rx in regexes if rx.startswith("^"))
            free = [rx for rx in regexes if not rx.startswith("^")]
            lower.extend((n, rx) for rx in free if _caseless(rx))
            cased.extend((n, rx) for rx in free if not _caseless(rx))

        def one(key: str) -> BoundedPattern | None:
            regexes = list(section.get(key) or [])
            return (compile_bounded("|".join(f"(?:{rx})" for rx in regexes), IGNORECASE)
                    if regexes else None)

        closing = section.get("closing")
        gates, rest = CharGates.build([rx for _, rx in cased], range(len(cased)))
        gated = {n for gs in gates.by_char.values() for g in gs for n in [g.index]}
        gated |= {g.index for g in gates.by_last}
        anywhere = "|".join(f"(?P<c{k}>{cased[k][1]})" for k in rest)
        return cls(AnchoredPatterns.build(anchored) if anchored else None,
                   compile_bounded(anywhere, IGNORECASE) if anywhere else None,
                   tuple(reasons), one("closers"),
                   one("closer_leads"),
                   cls.from_config({"patterns": closing}) if closing else None,
                   GatedPatterns.build(lower) if lower else None,
                   frozenset(w.casefold() for w in section.get("cta_words") or ()),
                   frozenset(w.casefold() for w in section.get("cta_address") or ()),
                   tuple((cased[k][0], k, LazyPattern(cased[k][1], IGNORECASE))
                         for k in sorted(gated)),
                   gates, tuple(rank for rank, _ in cased))

    def _first(self, text: str) -> tuple[int, Match[str]] | None:
        """The match whose reason comes first in config order, with that reason's rank.

        The match's `.string` is the text it was found in (the line or its lower case).
        """
        found: list[tuple[int, Match[str]]] = []
        if self.anchored is not None and (hit := self.anchored.match(text)) is not None:
            found.append(hit)
        if (hit := self._cased(text)) is not None:
            found.append(hit)
        if self.anywhere_lower is not None:
            hit = self.anywhere_lower.search(text.lower())
            if hit is not None:
                found.append(hit)
        return min(found, key=lambda f: f[0], default=None)

    def _cased(self, text: str) -> tuple[int, Match[str]] | None:
        """What one alternation of all the cased free-standing patterns finds: the match
        that starts first, the first pattern among those starting there, with its rank."""
        m = self.anywhere.search(text) if self.anywhere is not None else None
        best = None if m is None or m.lastgroup is None else (m.start(), int(m.lastgroup[1:]))
        if self.cased_gates is not None and (passing := self.cased_gates.passing(text)):
            for _rank, order, pattern in self.cased_gated:
                if order in passing and (g := pattern.compiled.search(text)) is not None \
                        and (best is None or (g.start(), order) < best):
                    best, m = (g.start(), order), g
        return None if best is None or m is None else (self.cased_ranks[best[1]], m)

    def match(self, text: str) -> tuple[Reason, bool] | None:
        """The reason a pattern gives `text`, and whether the match is the whole line."""
        hit = self._first(text)
        if hit is None:
            # "(Baca juga: ...)", "• Read more: ...", ">> Lihat juga": the label inside.
            inner = text.lstrip(_WRAP_LEFT).rstrip(_WRAP_RIGHT)
            if inner != text and inner:
                hit = self._first(inner)
        if hit is None:
            return None
        rank, m = hit
        reason = self.reasons[rank]
        subject = m.string
        whole = not any(ch.isalnum() for ch in subject[: m.start()] + subject[m.end():])
        return reason, whole


def _caseless(regex: str) -> bool:
    """Whether a pattern never looks at letter case (no capitals outside escapes, no (?-i:)).

    Such a pattern finds the same lines in the lower-cased text without IGNORECASE.
    """
    return "(?-i:" not in regex and not any(ch.isupper() for ch in re.sub(r"\\.", "", regex))
