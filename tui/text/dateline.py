"""Dateline prefixes of a first paragraph: "LONDON (Reuters) -", "JAKARTA, KOMPAS.com -"."""

from __future__ import annotations

import re

# Not a place: a person's title ("Prof. Carlos - ...", "Dr. Lim: ...") or an article ("A
# Critical Look - ..."), which open Title Case lines as places do.
_NOT_PLACE = (r"(?!(?:A|An|Prof|Dr|Dra|Drs|Ir|Mr|Mrs|Ms|Mx|Sir|Dame|Rev|Hon|Datuk|Dato|Tan Sri|"
              r"Tun|Puan|Encik|Bapak|Ibu|Herr|Frau|Sr|Sra|Mme|Mlle|M)\b)")
_PLACE = _NOT_PLACE + r"[A-ZÀ-ÞĀ-Ž][\w'’.]*(?:[ -][A-ZÀ-ÞĀ-Ž][\w'’.]*){0,3}"
_CAPS_PLACE = _NOT_PLACE + r"[A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž'’.]*(?:[ -][A-ZÀ-ÞĀ-Ž'’.]+){0,3}"
_SITE = r"[\w-]+(?:\.[\w-]+)*\.(?:com|co\.id|co|id|net|org|my|com\.my|sg|ph)\b"
_DASH = r"\s*(?:[-–—]+|\|)\s+"
# First-paragraph prefixes, most specific first. `place` is the dateline, `pub` the publisher.
DATELINES = [re.compile(rx) for rx in (
    # Moskow | EGINDO.co – ...
    rf"^(?P<place>{_PLACE})\s*\|\s*(?P<pub>[\w.-]{{2,40}}?)\s*[-–—]+\s+",
    # LONDON (Reuters) - ... ; KUALA LUMPUR, 11 Mac (Bernama) -- ... ; Berlin (dpa) - ...
    rf"^(?P<place>{_PLACE})(?:,\s*[^()]{{3,30}}?)?\s*\((?P<pub>[^()]{{2,30}})\)\s*[-–—:]+\s+",
    # JAKARTA, KOMPAS.com - ... ; Jakarta, CNN Indonesia -- ...
    rf"^(?P<place>{_PLACE}),\s*(?P<pub>{_SITE}|CNN Indonesia|CNBC Indonesia){_DASH}",
    # TRIBUNNEWS.COM, SURABAYA - ... ; Liputan6.com, Jakarta - ...
    rf"^(?P<pub>(?i:{_SITE})),\s*(?P<place>{_PLACE}){_DASH}",
    # (Reuters) - ...
    r"^\((?P<pub>[^()]{2,30})\)\s*[-–—:]+\s+",
    # KOTA BHARU: ... ; SHAH ALAM - ... ; MOSCOW — ...
    rf"^(?P<place>{_CAPS_PLACE})(?:,\s*[^:–—-]{{3,30}}?)?\s*(?::|[-–—]+)\s+",
    # Jakarta - ... ; Ipoh: ...
    rf"^(?P<place>{_PLACE})\s*(?::|[-–—]+)\s+(?=[A-ZÀ-ÞĀ-Ž\"“])",
)]


def dateline_match(text: str) -> re.Match[str] | None:
    """The first dateline pattern that matches the start of `text` (groups place, pub)."""
    for rx in DATELINES:
        m = rx.match(text)
        if m is not None:
            return m
    return None
