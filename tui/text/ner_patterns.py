"""DATE and NUMBER patterns, built from the month and day names of every language."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from tui.text.gazetteer import Gazetteer
from tui.text.model import Label

# Multiplier words, which belong to the number ("Rp150 triliun", "46 Millionen Euro").
_SCALE = (
    "ribu|rb|juta|jt|miliar|milyar|triliun|trilyun|bilion|trilion|thousand|million|billion|"
    "trillion|tausend|millionen|milliarden|milliarde|billionen|mille|millions|milliards|"
    "milliard|mil|millones|millón|billones|milhões|milhão|bilhões|bilhão|trilhões"
)
# Short multipliers only after a currency sign ("$3.5bn", "€40m"), never "3M".
_SHORT_SCALE = "mn|bn|tn|k|m|b"
# Percent and currency words, which belong to the number; units and counted nouns do not
# ("[10] kilometer", "[412] jiwa"), as the project's annotation guide has it.
_CURRENCY_WORD = (
    "dolar|dollar|dollars|dólares|dólar|euro|euros|ringgit|rupiah|yuan|yen|pound|pounds|"
    "rubel|rubles|roubles|won|baht|peso|pesos|real|reais|franc|francs|francos|rupee|rupees"
)
_PERCENT = (
    "%|persen|peratus|per cent|percent|prozent|pour cent|por ciento|por cento|pct"
)
_CURRENCY = r"(?:US\$|S\$|A\$|HK\$|RM|Rp\.?|IDR|USD|EUR|GBP|SGD|MYR|\$|€|£|¥|₹|₩|R\$)"
_NUM = r"\d{1,3}(?:[.,\s]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_OF = r"(?:\s(?:de|d')\s?)"

NUMBER_RE = re.compile(
    rf"(?<![\w\-/.,:])(?:{_CURRENCY}\s?(?:{_NUM})(?:\s?(?:{_SCALE}|{_SHORT_SCALE})\b)?"
    rf"|(?:{_NUM})(?:\s?(?:{_SCALE})\b)?"
    rf"(?:\s?(?:{_PERCENT})(?!\w)|{_OF}?\s?(?:{_CURRENCY_WORD})\b)?)(?![\w\-/:]|[.,]\d)",
    re.IGNORECASE,
)
# Clock times are not numbers ("pukul 13.21 WIB", "at 9.30 a.m.").
_CLOCK_AFTER = re.compile(r"\s?(?:WIB|WITA|WIT|GMT|UTC|CET|CEST|a\.m\.|p\.m\.|am\b|pm\b|h\b|Uhr)")
_CLOCK_BEFORE = re.compile(r"(?:^|\W)(?:pukul|jam|pkl\.?|at|um|à|a las|às)\s$", re.IGNORECASE)

_YEAR = r"(?:1[89]\d\d|20\d\d)"
_NUMERIC_DATE = rf"\d{{1,2}}[/.\-]\d{{1,2}}[/.\-]{_YEAR}|{_YEAR}-\d\d-\d\d"


@dataclass(frozen=True, slots=True)
class Match:
    """A span the patterns found."""

    start: int
    end: int
    label: Label


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of the phrases, longest first; a phrase's words match any spacing."""
    ordered = sorted({p for p in phrases if p}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


class DateNumberPatterns:
    """Compiled DATE and NUMBER patterns for every supported language at once."""

    def __init__(self, gaz: Gazetteer) -> None:
        months = alternation(w for ws in gaz.months.values() for w in ws if len(w) >= 3)
        days = alternation(w for ws in gaz.days.values() for w in ws)
        day_num = r"\d{1,2}(?:st|nd|rd|th|er|\.|º)?"  # before a month: "3. Oktober"
        day_end = r"\d{1,2}(?:st|nd|rd|th)?"  # after a month: "May 29"
        # Generic words before a date ("hari", "tahun", "bulan") stay outside the span,
        # a weekday and its bracketed date stay together: "Senin (4/3/2024)".
        date = (
            rf"(?:(?:{days})(?:,?\s(?:\(?{day_num}\s(?:de\s)?(?:{months})"
            rf"(?:\s(?:de\s)?{_YEAR})?\)?|(?:{months})\s{day_end}(?:,?\s{_YEAR})?"
            rf"|\((?:{_NUMERIC_DATE}|\d{{1,2}}/\d{{1,2}})\)))?"
            rf"|{day_num}\s(?:de\s)?(?:{months})(?:,?\s(?:de\s)?{_YEAR})?"
            rf"|(?:{months})(?:\s{day_end}(?:,?\s{_YEAR})?|\s(?:de\s)?{_YEAR})?"
            rf"|{_NUMERIC_DATE}"
            rf"|(?:19|20)\d0s|{_YEAR})"
        )
        self.date_re = re.compile(rf"(?<![\w\-/.])(?:{date})(?![\w\-/]|[.,]\d)")
        # Without a digit, only a full month name, capitalised, or a weekday written as its
        # language writes it ("Monday", "lundi") is a date on its own: "may", "mars" and
        # "Sept" alone are too often something else.
        months_alone = {w[:1].upper() + w[1:] for ws in gaz.months.values() for w in ws[:12]}
        self._alone = months_alone | {w for ws in gaz.days.values() for w in ws}

    def find(self, text: str) -> Iterator[Match]:
        """DATE spans first, then NUMBER spans outside them, in text order per kind."""
        taken: list[tuple[int, int]] = []
        for m in self.date_re.finditer(text):
            s = m.group(0)
            if not any(c.isdigit() for c in s) and s not in self._alone:
                continue
            if s.isdigit() and len(s) == 4 and _looks_counted(text, m.end()):
                continue
            taken.append((m.start(), m.end()))
            yield Match(m.start(), m.end(), Label.DATE)
        for m in NUMBER_RE.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            s = m.group(0).rstrip()
            if _CLOCK_AFTER.match(text, m.start() + len(s)) or _CLOCK_BEFORE.search(
                text, max(0, m.start() - 8), m.start()
            ):
                continue
            yield Match(m.start(), m.start() + len(s), Label.NUMBER)


def _looks_counted(text: str, end: int) -> bool:
    """True when a four-digit number is followed by a unit, so is a count, not a year."""
    rest = text[end : end + 12].lower()
    return bool(re.match(r"\s?(?:orang|people|unit|units|km|kg|ton|meter|%|persen)\b", rest))
