"""Boilerplate classification: a reason per source line, or None for content."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tui.text.model import Reason


@dataclass(frozen=True)
class BoilerplateRules:
    """Compiled patterns per reason, from config.yaml's `boilerplate` section."""

    patterns: tuple[tuple[re.Pattern[str], Reason], ...]

    @classmethod
    def from_config(cls, section: Mapping[str, Any]) -> BoilerplateRules:
        """Compile `patterns: {reason: {lang: [regex, ...]}}`."""
        compiled: list[tuple[re.Pattern[str], Reason]] = []
        for reason, by_lang in (section.get("patterns") or {}).items():
            for regexes in (by_lang or {}).values():
                for rx in regexes or []:
                    compiled.append((re.compile(rx, re.IGNORECASE), Reason(reason)))
        return cls(tuple(compiled))


def classify(lines: Sequence[str], rules: BoilerplateRules) -> list[Reason | None]:
    """Return one entry per line: the boilerplate reason, or None (content or blank)."""
    out: list[Reason | None] = []
    seen: set[str] = set()
    for line in lines:
        s = line.strip()
        reason: Reason | None = None
        if s:
            for rx, r in rules.patterns:
                if rx.search(s):
                    reason = r
                    break
            if reason is None and s.casefold() in seen:
                reason = Reason.DUPLICATE
            seen.add(s.casefold())
        out.append(reason)
    return out
