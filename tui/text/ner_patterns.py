"""DATE and NUMBER patterns, built from the month and day names of every language."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from tui.text.gazetteer import Gazetteer
from tui.text.model import Label

_SCALE = (
    "ribu|rb|juta|jt|miliar|milyar|triliun|trilyun|bilion|trilion|thousand|million|billion|"
    "trillion|mn|bn|tn|k|m|b|tausend|millionen|million|milliarden|milliarde|billionen|mille|"
    "millions|milliards|milliard|mil|millones|millón|billones|milhões|milhão|bilhões|bilhão|"
    "trilhões"
)
_UNIT = (
    "%|persen|per cent|percent|prozent|pour cent|por ciento|por cento|km|kilometer|kilometre|"
    "kilometers|kilometres|kilometer persegi|meter|m2|m²|km²|cm|mm|kg|kilogram|gram|ton|tonnes?|"
    "tons|barel|barrel|barrels|liter|litre|liters|litres|mil|miles|mph|km/jam|km/h|"
    "hektare|hektar|hectares?|ha|derajat|degrees|°c|°f|mw|gw|kwh|"
    "dolar|dollar|dollars|euro|euros|ringgit|rupiah|yuan|yen|pound|pounds|rubel|rubles|roubles|"
    "won|baht|peso|pesos|real|reais|franc|francs|"
    "orang|jiwa|warga|penduzuk|people|persons|unit|units|ekor|buah|kali|times|tahun|years|"
    "bulan|months|hari|days|jam|hours|menit|minutes|detik|seconds|pekan|minggu|weeks"
)
_CURRENCY = r"(?:US\$|S\$|A\$|HK\$|RM|Rp\.?|IDR|USD|EUR|GBP|SGD|MYR|\$|€|£|¥|₹|₩|R\$)"
_NUM = r"\d{1,3}(?:[.,\s]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"

NUMBER_RE = re.compile(
    rf"(?<![\w\-/.,])(?:{_CURRENCY}\s?(?:{_NUM})(?:\s?(?:{_SCALE})\b)?"
    rf"|(?:{_NUM})(?:\s?(?:{_SCALE})\b)?(?:\s?(?:{_UNIT})(?![\w]))?)(?![\w\-/]|[.,]\d)",
    re.IGNORECASE,
)

_YEAR = r"(?:1[89]\d\d|20\d\d)"
_NUMERIC_DATE = rf"\d{{1,2}}[/.\-]\d{{1,2}}[/.\-]{_YEAR}|{_YEAR}-\d\d-\d\d"


@dataclass(frozen=True, slots=True)
class Match:
    """A span the patterns found."""

    start: int
    end: int
    label: Label


def _alt(words: Iterable[str]) -> str:
    uniq = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in uniq)


class DateNumberPatterns:
    """Compiled DATE and NUMBER patterns for every supported language at once."""

    def __init__(self, gaz: Gazetteer) -> None:
        months = _alt(w for ws in gaz.months.values() for w in ws if len(w) >= 3)
        days = _alt(w for ws in gaz.days.values() for w in ws)
        day_word = r"hari\s"
        day_num = r"\d{1,2}(?:st|nd|rd|th|er|\.|º)?"
        date = (
            rf"(?:(?:{day_word})?(?:{days})(?:,?\s(?:\(?{day_num}\s(?:de\s)?(?:{months})"
            rf"(?:\s(?:de\s)?{_YEAR})?\)?|(?:{months})\s{day_num}(?:,?\s{_YEAR})?))?"
            rf"|{day_num}\s(?:de\s)?(?:{months})(?:,?\s(?:de\s)?{_YEAR})?"
            rf"|(?:(?:bulan|month)\s)?(?:{months})(?:\s{day_num}(?:,?\s{_YEAR})?|\s(?:de\s)?{_YEAR})?"
            rf"|(?:tahun|year|jahr|année|año|ano)\s{_YEAR}"
            rf"|{_NUMERIC_DATE}"
            rf"|(?:19|20)\d0s|{_YEAR})"
        )
        self.date_re = re.compile(rf"(?<![\w\-/.])(?:{date})(?![\w\-/]|[.,]\d)")
        # Without a digit, only a capitalised full month or day name is a date on its own:
        # "may", "mars" and "Sept" alone are too often something else.
        self._alone = {w for ws in gaz.months.values() for w in ws[:12]} | {
            w for ws in gaz.days.values() for w in ws
        }
        self._alone = {w[:1].upper() + w[1:] for w in self._alone}

    def find(self, text: str) -> Iterator[Match]:
        """DATE spans first, then NUMBER spans outside them, in text order per kind."""
        taken: list[tuple[int, int]] = []
        for m in self.date_re.finditer(text):
            s = m.group(0)
            if not any(c.isdigit() for c in s):
                word = s.split()[-1]
                if word not in self._alone or not word[:1].isupper():
                    continue
            if s.isdigit() and len(s) == 4 and _looks_counted(text, m.end()):
                continue
            taken.append((m.start(), m.end()))
            yield Match(m.start(), m.end(), Label.DATE)
        for m in NUMBER_RE.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            s = m.group(0).rstrip()
            if len(s) == 1 and s.isdigit():
                continue
            yield Match(m.start(), m.start() + len(s), Label.NUMBER)


def _looks_counted(text: str, end: int) -> bool:
    """True when a four-digit number is followed by a unit, so is a count, not a year."""
    rest = text[end : end + 12].lower()
    return bool(re.match(r"\s?(?:orang|people|unit|units|km|kg|ton|meter|%|persen)\b", rest))
