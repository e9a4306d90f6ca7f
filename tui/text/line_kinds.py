"""Kinds of single lines the boilerplate rules ask about: figures, bylines, widgets, lead-ins.

Pure predicates on one Line, with no context: tickers and weather readings, time stamps,
separator menus, rows of figures or scores, names and e-mail addresses standing alone, and
"Label: <headline>" link lead-ins. clean.py decides what they mean where they stand.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.text.line import Line
from tui.text.words import CLOSERS

TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b(19|20)\d{2}\b")
DOMAIN = re.compile(r"^[\w-]+(\.[\w-]+)*\.(com|co|id|my|net|org|de|fr|es|pt|br|uk|it|nl)\b", re.I)
NAME_SEPARATORS = re.compile(r"[|/,&-]")
# "Also read: <headline>": a capitalised label of up to three words, a colon, an initial.
LABELLED = re.compile(r"^((?:[A-ZÀ-Þ][^\s:]*)(?:\s+[^\s:]+){0,2})\s?:\s+([A-ZÀ-Þ0-9\"“'‘«¿¡].*)$")
# A match result inside a short line: "Kedah 1-1 Terengganu", "Lyon 2 – 0 Nantes".
SCORE = re.compile(r"(?<![\d./-])\d{1,2}\s?[-–]\s?\d{1,2}(?![\d./-])")
SEPARATOR_TOKENS = frozenset(["/", "|", "·", "•", "-", "–", "—", ">", "›", "»", ":"])
# The colons a label or a lead-in ends with (Latin and full-width).
COLONS = (":", "：")
# How a piece of a sentence cut by the scraper opens (never a menu, headline or caption).
CUT_PIECE = (",", ";")
DEGREES = re.compile(r"\d\s?°")
# A clock time or a date: 12:30, 20.11.2019, 2019-11-20, and the dates of Han, kana and
# Hangul text (2016年8月3日, 2019년 11월 20일), where no \b stands between figure and sign.
CLOCK_OR_DATE = re.compile(r"\b\d{1,2}[:.h]\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b"
                           r"|\b\d{4}[./-]\d{1,2}[./-]\d{1,2}\b"
                           r"|\d{1,2}\s?月\s?\d{1,2}\s?日|\d{1,2}\s?월\s?\d{1,2}\s?일")
MENU_SEPARATOR = re.compile(r"\s[|/·•]\s")
CRUMB = re.compile(r"\S\s[›»>]\s\S")
LABEL_FIGURE = re.compile(
    r"^[^:]{2,40}:\s*[-+]?\d[\d.,]*\s*(%|persen|percent|prozent|pour cent|por ciento|por cento)?$",
    re.IGNORECASE,
)
# Ends with a full stop or an exclamation (optionally inside quotes): a sentence, not a link.
FULL_STOP = re.compile(rf"[.!…。！｡।॥۔።။។][{CLOSERS}]*$")


def in_capitals(text: str, least: int) -> bool:
    """Every letter of `text` is a capital, and it has at least `least` letters (a line set
    in capitals: a pull quote, a wire story's section heading)."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= least and all(ch.isupper() for ch in letters)


def ends_as_headline(line: Line, also: tuple[str, ...] = ("?", "!")) -> bool:
    """The line does not end as a sentence does, or ends with one of `also` (a headline may
    ask or exclaim): how a link's or a headline's line ends."""
    return not line.ends_sentence or line.text.endswith(also)


def is_header_widget(line: Line) -> bool:
    """A top line that is no headline: a ticker, a weather box, a time stamp, a menu, a label."""
    words = line.text.split()
    if line.words <= 1 or DEGREES.search(line.text):
        return True
    if odd_words(words) >= 0.4 * len(words):
        return True
    if line.words <= 6 and CLOCK_OR_DATE.search(line.text):
        return True
    return len(MENU_SEPARATOR.findall(line.text)) >= 2 or bool(CRUMB.search(line.text))


def is_reading(line: Line) -> bool:
    """A ticker or weather reading ("DAX 18.412,33 +0,62%", "47° Partly cloudy")."""
    words = [w for w in line.text.split() if w not in SEPARATOR_TOKENS]
    odd = odd_words(words)
    return bool(DEGREES.search(line.text)) or (
        odd >= 2 and odd >= 0.4 * len(words)
        and not CLOCK_OR_DATE.search(line.text))


def odd_words(words: Sequence[str]) -> int:
    """How many of the words are figures or symbols rather than words."""
    return sum(1 for w in words
               if any(ch.isdigit() for ch in w) or not any(ch.isalpha() for ch in w))


def is_figures(line: Line) -> bool:
    """A line of results or statistics ("Arsenal 2 Chelsea 1", "Penguasaan bola: 54%")."""
    if line.words > 12 or TIME.search(line.text):
        return False
    words = line.text.split()
    numbers = sum(any(ch.isdigit() for ch in w) for w in words)
    return ((numbers >= 2 and numbers >= 0.3 * len(words)) or bool(LABEL_FIGURE.match(line.text))
            or (line.words <= 8 and line.capitalised_share == 1.0
                and bool(SCORE.search(line.text))))


# A button's whole text: a call to action under a banner, never a name or a date. The
# alternatives are literals, so the match is linear in the line.
BUTTON = re.compile(
    r"^(?:learn more|read more|find out more|see more|show more|view more|load more|see all"
    r"|view all|shop now|buy now|sign up|sign in|log in|subscribe(?: now)?|click here"
    r"|get started|continue reading|ketahui lebih lanjut|baca selengkapnya|baca lagi"
    r"|lihat semua|lihat selengkapnya|daftar sekarang|langgan sekarang|mehr erfahren"
    r"|weiterlesen|mehr lesen|saiba mais|leia mais|leer más|más información|en savoir plus"
    r"|lire la suite)[\s.!›»>→]*$", re.I)


def is_button(line: Line) -> bool:
    """The line is only a button's text ("Learn More", "Baca selengkapnya", "Saiba mais")."""
    return line.words <= 4 and bool(BUTTON.match(line.text))


def looks_like_byline(line: Line, *, dates: bool = True) -> bool:
    """A name, an e-mail address, a site name or (with `dates`) a time stamp on its own."""
    text = line.text
    if "@" in text or DOMAIN.match(text):
        return True
    if dates and TIME.search(text) and line.words <= 10:
        return True
    parts = [p for p in NAME_SEPARATORS.split(text) if p.strip()]
    return line.words <= 8 and line.capitalised_share >= 0.75 and len(parts) <= 3


def label_parts(line: Line) -> tuple[str, str] | None:
    """("Also read", "<headline>") for a "Label: text" line with a short capitalised label."""
    m = LABELLED.match(line.text)
    return (m.group(1), m.group(2)) if m is not None else None


def is_lead_in(line: Line) -> bool:
    """The line alone reads "Label: <headline>" (see _link_lead_in).

    A one-letter label is an interview's speaker ("Q:", "A:", "P:", "R:", "T:", "J:"),
    never a link's.
    """
    parts = label_parts(line)
    if parts is None:
        return False
    label, rest = parts
    if len(label) < 2:
        return False
    words = rest.split()
    numbers = sum(any(ch.isdigit() for ch in w) for w in words)
    return (
        4 <= len(words) <= 18 and not any(ch.isdigit() for ch in label)
        and rest.count(",") <= 1 and ";" not in rest
        and numbers < 2 and numbers <= 0.25 * len(words)
        and not FULL_STOP.search(rest) and not rest.endswith(("?", ":", ";", ",", '"', "”", "»"))
        and not is_figures(line))


# First words of the heading of a box of the article's own: a profile, its awards, the
# facts, a list of sectors or ingredients, results. The list under such a heading is
# content wherever it stands (a link box has a label the patterns know instead).
BOX_LABEL_WORDS = frozenset([
    "profil", "biodata", "fakta", "maklumat", "anugerah", "penghargaan", "pencapaian",
    "prestasi", "kelulusan", "pendidikan", "kerjaya", "karier", "jawatan", "latar", "riwayat",
    "senarai", "sektor", "bahan", "cara", "langkah", "syarat", "keputusan", "statistik",
    "jadual", "kedudukan", "profile", "biography", "facts", "awards", "honours", "honors",
    "achievements", "career", "education", "ingredients", "method", "steps", "results",
    "standings", "timeline", "sectors", "steckbrief", "fakten", "auszeichnungen", "zutaten",
    "ergebnisse", "biografie", "biographie", "faits", "distinctions", "prix", "ingrédients",
    "résultats", "perfil", "biografía", "biografia", "datos", "premios", "prêmios",
    "ingredientes", "resultados"
])
BOX_LABEL_MAX_WORDS = 5


def is_box_label(line: Line) -> bool:
    """The heading of the article's own box ("Profil", "Anugerah", "Sektor utama", "Facts").

    One word, or words in sentence case: a menu entry is title-cased ("Fact Checks").
    """
    words = line.text.split()
    return (1 <= line.words <= BOX_LABEL_MAX_WORDS and bool(line.tokens)
            and line.tokens[0] in BOX_LABEL_WORDS and not FULL_STOP.search(line.text)
            and not any(w[:1].isupper() for w in words[1:]))


# A year in a cited work's line ("Aug. 22, 2019", "15 November 2019").
CITED_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
# The quotation marks around a cited work's title.
TITLE_QUOTES = frozenset("\"“”")


def is_cited_work(line: Line) -> bool:
    """A source list's entry: a quoted title and a year (`CBO, " The Effects …," Aug. 22, 2019`)."""
    text = line.text
    return any(ch in TITLE_QUOTES for ch in text) and CITED_YEAR.search(text) is not None
