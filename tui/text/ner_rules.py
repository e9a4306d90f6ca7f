"""The rule-based recogniser: capitalised runs, cue words, gazetteers and a per-article memory.

How one article is read:
1. Every block is split into tokens; runs of capitalised tokens are the candidates.
   A run's sentence-initial word is dropped when it is a function word or appears in
   lower case elsewhere in the article ("Setelah", "Dia", "Ketika").
2. Inside a run, known names (fixed organisations and places, the gazetteer, names this
   article already used) are taken longest first; a title ("Presiden", "Menteri Luar
   Negeri", "Mr") marks what follows as a person; an organisation word ("Universitas",
   "Kementerian", "Bank", "Inc") makes its stretch of the run an organisation.
3. What is left is a person when there is evidence for it: a title or cue ("kata",
   "said", "juru bicara"), a known given or family name, a family-name ending.
4. All blocks are read twice: the first pass fills the article's memory (full names and
   their short forms: "Putin" after "Vladimir Putin"), the second labels every block with it.
Dates and numbers come from tui.text.ner_patterns.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

from tui.text import budget, gazetteer, ner_lexicon
from tui.text.model import Entity, Label
from tui.text.ner_patterns import DateNumberPatterns, alternation

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}(?!\w)|\w+(?:[-'’.]\w+)*", re.UNICODE)
_SENTENCE_GAP = re.compile(r"[.!?;:|–—•\"“”«»‘\n\[]|^\s*-\s")
_ABBREV_BEFORE = frozenset(
    ["mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col"]
)
_SURNAME_ENDINGS = (
    "ov", "ova", "ev", "eva", "enko", "sky", "ski", "ska", "vich", "vić", "ović", "evich",
    "escu", "yan", "ian", "oglu", "oğlu", "adze", "shvili", "yev", "yeva", "ovna", "ovich",
)
_MAX_SPAN = 6
# The most tokens one run of capitalised words is read as (a name is far shorter): the
# reading of a run looks ahead within it, so this keeps a shouting paragraph linear.
_MAX_RUN = 40
_ELISIONS = frozenset(["l", "d", "j", "n", "s", "c", "m", "t", "qu", "dell", "all", "nell", "sull"])
_APPOSITION = re.compile(
    r",\s+(?:(?:the|a|an|sang|seorang)\s+)?(?:(?:former|mantan|eks|ex-)\s*)?([\w-]+)"
)
_ORG_APPOSITION = re.compile(
    r",\s+(?:(?:a|an|the|sebuah|salah satu)\s+)?(?:[\w-]+\s+){0,2}?([\w-]+)"
    r"(?:\s+(?:of|asal|milik)\b|,)"
)
_ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|IX|X|XI{1,3}|Jr|Sr)$")
_CODED_NAMES = frozenset(["g20", "g7", "brics"])
_WORD_BEFORE = re.compile(r"[\w'’-]+")
# Indonesian and Malay abstract nouns (pe-an, per-an, ke-an): "Perekonomian", "Kesehatan".
_COMMON_NOUN = re.compile(r"^(?:pe[mnr]?|peng|peny|ke)\w{3,}an$")
_ACRONYM_HEADS = frozenset(["pt", "cv", "tbk", "fc", "cf", "sc", "ac", "afc", "cd", "ud", "sd"])
_PLACE_ACRONYM_HEADS = frozenset(["gor", "jl", "jln"])
_PREPOSITIONS = frozenset(
    [
        "of", "at", "from", "for", "in", "on", "by", "with", "to",
        "dari", "di", "ke", "pada", "oleh", "untuk", "dengan", "dalam",
    ]
)
_ARTICLES = frozenset(["la", "las", "los", "le", "les"])
_CAMEL = re.compile(r"^[A-Z][a-z]+[A-Z]")
_NAME_PREFIX = re.compile(r"^(?:Mc|Mac|De|Di|Da|Le|La|Van|Von|Al|El|O)[A-Z'’]")
_DIRECTIONS_AFTER = frozenset(
    [
        "utara", "selatan", "timur", "barat", "tengah", "tenggara", "laut", "raya", "pusat",
        "state", "city", "province", "county", "region", "regency",
    ]
)
_DIRECTIONS_BEFORE = frozenset(
    [
        "north", "south", "east", "west", "central", "northern", "southern", "eastern",
        "western", "upper", "lower", "greater",
    ]
)

_LABEL_ORDER = {Label.PERSON: 0, Label.ORG: 1, Label.PLACE: 2, Label.DATE: 3, Label.NUMBER: 4}


class _Event:
    """Marks an event's run ("Piala Dunia", "World Cup"): consumed, never emitted."""


_EVENT = _Event()


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    low: str
    cap: bool
    acronym: bool
    initial: bool
    digit: bool


@dataclass(slots=True)
class _Memory:
    """Names the article has used, keyed by their lower-cased tokens."""

    names: dict[tuple[str, ...], Label] = field(default_factory=dict)
    short: dict[tuple[str, ...], Label] = field(default_factory=dict)

    def get(self, key: tuple[str, ...]) -> Label | None:
        return self.names.get(key) or self.short.get(key)


class _Lexicon:
    """Everything the rules look up, compiled once per process."""

    def __init__(self) -> None:
        gaz = gazetteer.load()
        self.gaz = gaz
        self.patterns = DateNumberPatterns(gaz)
        self.calendar = frozenset(
            w.lower() for ws in (*gaz.months.values(), *gaz.days.values()) for w in ws
        )
        self.fixed: dict[tuple[str, ...], Label] = {}
        for name in gaz.places:
            # Most names are plain words; only the others need the tokenizer.
            plain = name.replace(" ", "").isalpha()
            self.fixed[tuple(name.split()) if plain else tuple(_TOKEN.findall(name))] = (
                Label.PLACE
            )
        places = [tuple(_TOKEN.findall(n)) for n in ner_lexicon.PLACE_NAMES]
        orgs = [tuple(_TOKEN.findall(n)) for n in ner_lexicon.ORG_NAMES]
        self.fixed.update(dict.fromkeys(places, Label.PLACE))
        self.fixed.update(dict.fromkeys(orgs, Label.ORG))
        self.fixed_lexicon = frozenset(places + orgs)  # the hand-written names only
        self.fixed.pop((), None)
        for word in self.calendar:  # "Mei", "Juni" are dates, not places
            self.fixed.pop((word,), None)
        self.stop = gaz.any_stopword
        self.cues_before = ner_lexicon.PERSON_CUES_BEFORE | ner_lexicon.PERSON_TITLES
        self.cue_after = re.compile(
            rf"[ ,]*(?:{alternation(ner_lexicon.PERSON_CUES_AFTER)})(?!\w)", re.IGNORECASE
        )
        self.not_entities = ner_lexicon.NOT_ENTITIES | self.calendar


_lexicon: _Lexicon | None = None
_lock = threading.Lock()


def _shared_lexicon() -> _Lexicon:
    global _lexicon
    if _lexicon is None:
        with _lock:
            if _lexicon is None:
                _lexicon = _Lexicon()
    return _lexicon


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    prev_end = 0
    prev_low = ""
    for m in _TOKEN.finditer(text):
        s = m.group(0)
        begin = m.start()
        if s[-2:] in ("'s", "’s") and len(s) > 2:
            s = s[:-2]
        cut = max(s.find("'"), s.find("’"))
        if 0 < cut <= 4 and s[:cut].lower() in _ELISIONS and s[cut + 1 : cut + 2].isupper():
            # "l'Élysée", "d'Euronext", "dell'Europa": the name starts after the elision.
            begin += cut + 1
            s = s[cut + 1 :]
        gap = text[prev_end:begin]
        initial = not out or (gap != " " and bool(_SENTENCE_GAP.search(gap)))
        if initial and out and prev_low in _ABBREV_BEFORE and gap.strip() == ".":
            initial = False
        if s.isalpha():
            digit = False
            acronym = len(s) >= 2 and s.isupper()
        else:
            digit = any(c.isdigit() for c in s)
            acronym = s.isupper() and sum(c.isalpha() for c in s) >= 2
        end = begin + len(s)
        low = s.lower()
        out.append(_Tok(begin, end, s, low, s[0].isupper(), acronym, initial, digit))
        prev_end, prev_low = end, low
    return out


def _is_title_case(
    text: str, toks: list[_Tok], stop: frozenset[str], lower: set[str]
) -> bool:
    """A headline in Title Case: capitals say little about names there.

    Most longer words are capitalised, none of the others is a content word, and at least
    one capitalised word is an everyday word (a function word or one the article also
    writes in lower case).
    """
    long = [t for t in toks if len(t.text) >= 4 and t.text.isalpha()]
    if len(long) < 3 or sum(t.cap for t in long) < 0.8 * len(long):
        return False
    if text.rstrip().endswith((".", "!", "?", ".”", '."', ".’")) and not all(t.cap for t in long):
        return False  # a sentence, not a headline
    if any(not t.cap and t.low not in stop for t in long):
        return False
    if len(long) >= 4 and all(t.cap for t in long):
        return True
    return any(t.cap and not t.initial and (t.low in stop or t.low in lower) for t in long)


# "Badan Pusat Statistik (BPS)": up to seven capitalised words, each from a word start (a
# match tried inside a run of capitals would rescan the run: quadratic), then the acronym.
_ACRONYM = re.compile(r"(?<![\w'’-])((?:[A-Z][\w'’-]*+\s){1,7})\(([A-Z][A-Za-z]{1,7})\)")


class RuleRecogniser:
    """Offline rule-based recogniser for PERSON, ORG, PLACE, DATE and NUMBER."""

    def __init__(self) -> None:
        self._lex: _Lexicon | None = None

    def warm_up(self) -> None:
        """Load and compile the gazetteer now rather than on the first article."""
        self._lex = _shared_lexicon()

    def source(self, texts: Sequence[str], language: str | None) -> str:
        """Always "rules"."""
        return "rules"

    def recognise(self, texts: Sequence[str], language: str | None) -> list[list[Entity]]:
        """Entities for each block of one article; offsets index into that block's text."""
        if self._lex is None:
            self._lex = _shared_lexicon()
        lex = self._lex
        toks = [_tokens(t) for t in texts]
        lower_words = {t.low for ts in toks for t in ts if not t.cap and t.text[0].isalpha()}
        memory = _Memory()
        reader = _BlockReader(lex, lower_words, memory)
        headline = [
            _is_title_case(text, ts, lex.stop, lower_words)
            for text, ts in zip(texts, toks, strict=True)
        ]
        for text, ts, strict in zip(texts, toks, headline, strict=True):
            budget.check()
            if not strict:
                for ent in reader.names(text, ts, strict=False):
                    reader.remember(ent)
        reader.add_acronyms(texts)
        out: list[list[Entity]] = []
        for text, ts, strict in zip(texts, toks, headline, strict=True):
            budget.check()
            out.append(_merge(text, reader.names(text, ts, strict=strict), lex.patterns))
        return out


def _phrase_before(
    text: str, start: int, width: int, most: int, phrases: frozenset[str]
) -> bool:
    """True when one of `phrases` (up to `most` words) ends, then a space, right before start."""
    before = text[max(0, start - width) : start]
    if not before[-1:].isspace():
        return False
    words = _WORD_BEFORE.findall(before.lower())
    return any(" ".join(words[-n:]) in phrases for n in range(1, most + 1) if len(words) >= n)


def _merge(text: str, names: list[Entity], patterns: DateNumberPatterns) -> list[Entity]:
    spans = list(names)
    for m in patterns.find(text):
        if not any(e.start < m.end and m.start < e.end for e in names):
            spans.append(Entity(m.start, m.end, m.label, text[m.start : m.end]))
    spans.sort(key=lambda e: (e.start, -e.end, _LABEL_ORDER[e.label]))
    out: list[Entity] = []
    for e in spans:
        if out and e.start < out[-1].end:
            continue
        out.append(e)
    return out


class _BlockReader:
    """Reads the capitalised runs of one block with the article's memory."""

    def __init__(self, lex: _Lexicon, lower_words: set[str], memory: _Memory) -> None:
        self.lex = lex
        self.lower_words = lower_words
        self.memory = memory
        # True while a Title Case headline is read: capitals say little there.
        self.strict = False

    # -- memory -------------------------------------------------------------------------

    def remember(self, ent: Entity) -> None:
        key = tuple(w.lower() for w in _TOKEN.findall(ent.text))
        if not key:
            return
        self.memory.names.setdefault(key, ent.label)
        if ent.label is Label.PERSON and len(key) >= 3 and key[-2] not in self.lex.stop:
            self.memory.short.setdefault(key[-2:], Label.PERSON)  # "Zii Jia" of "Lee Zii Jia"
        if ent.label is Label.PERSON and len(key) >= 2:
            for part in (key[-1], key[0]):
                if part in self.lex.stop or part in ner_lexicon.PERSON_TITLES:
                    continue
                if part in ner_lexicon.NAME_JOINERS:
                    continue
                if part == key[0] and (part,) in self.lex.fixed:
                    continue
                self.memory.short.setdefault((part,), Label.PERSON)

    def add_acronyms(self, texts: Sequence[str]) -> None:
        """"Badan Pusat Statistik (BPS)": the acronym in brackets names the same thing."""
        for text in texts:
            for m in _ACRONYM.finditer(text):
                words = tuple(w.lower() for w in _TOKEN.findall(m.group(1)))
                for i in range(len(words)):
                    label = self.memory.names.get(words[i:])
                    if label is Label.ORG:
                        self.memory.names.setdefault((m.group(2).lower(),), label)
                        break

    # -- runs ---------------------------------------------------------------------------

    def names(self, text: str, toks: list[_Tok], *, strict: bool) -> list[Entity]:
        """PERSON, ORG and PLACE entities of one block."""
        self.strict = strict
        out: list[Entity] = []
        i = 0
        n = len(toks)
        while i < n:
            if not self._run_member(toks[i]):
                i += 1
                continue
            j = i + 1
            while j < n and j - i < _MAX_RUN and self._continues(text, toks, j):
                j += 1
            # A run never ends on a joiner word.
            while (
                j > i + 1
                and not toks[j - 1].cap
                and toks[j - 1].low not in ner_lexicon.NAME_ADJECTIVES
            ):
                j -= 1
            out.extend(_Run(self, text, toks, i, j).read())
            i = j
            budget.check()
        return out

    def _run_member(self, t: _Tok) -> bool:
        if not t.cap or t.low in self.lex.calendar:
            return False
        if t.digit:
            return t.acronym and t.low in _CODED_NAMES
        return True

    def _continues(self, text: str, toks: list[_Tok], j: int) -> bool:
        prev, t = toks[j - 1], toks[j]
        gap = text[prev.end : t.start]
        if gap not in (" ", "\u00a0") or t.initial:
            return False
        if self._run_member(t):
            return True
        if t.low in ner_lexicon.NAME_ADJECTIVES and self._head(prev) is Label.ORG:
            return True  # "Assemblée nationale", "Audiencia Nacional"
        # Joiners: "Osama bin Laden", "Lula da Silva", "University of Oxford".
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        if (
            nxt is not None
            and t.low == "de"
            and nxt.low in _ARTICLES
            and j + 2 < len(toks)
            and toks[j + 2].cap
        ):
            nxt = toks[j + 2]  # "de la Moncloa": judge the joiner by the name after it
        if nxt is None or not nxt.cap or text[t.end : nxt.start].strip(" la") not in ("", "s"):
            return False
        if not prev.cap and not (prev.low == "de" and t.low in _ARTICLES):
            return False
        if t.low in ner_lexicon.NAME_JOINERS:
            return True
        # The run so far, back to its first capitalised word.
        window: list[_Tok] = []
        for x in reversed(toks[max(0, j - 8) : j]):
            if not x.cap and x.low not in ner_lexicon.ORG_JOINERS and x.low not in _ARTICLES:
                break
            window.append(x)
        if t.low in _ARTICLES and toks[j - 1].low == "de":
            return any(self._head(x) is not None for x in window)  # "Palacio de la Moncloa"
        if t.low in ner_lexicon.ORG_JOINERS:
            return any(self._head(x) is not None for x in window)
        ahead: list[_Tok] = []
        last = t
        for x in toks[j + 1 : j + 7]:
            if not x.cap or x.initial or text[last.end : x.start] != " ":
                break
            ahead.append(x)
            last = x
        if (
            t.low not in ner_lexicon.AND_JOINERS
            or prev.low in ner_lexicon.ORG_TAILS
            or nxt.acronym
            or any(self._head(x) is Label.PLACE for x in window)
        ):
            return False
        # Inside an open organisation name or a title phrase, not between two names
        # ("Badan Riset dan Inovasi Nasional", "Department of Forestry and Fire
        # Protection", "Independent Electoral and Boundaries Commission"; but not
        # "University of Sydney and Woods Hole Oceanographic Institution").
        head_before = any(self._head(x) is Label.ORG for x in window)
        head_after = any(self._head(x, True) is Label.ORG for x in ahead)
        if head_before and head_after:
            return False
        return head_after or any(
            (self._head(x) is Label.ORG and x.low not in ner_lexicon.ORG_TAILS)
            or self._is_title(x)
            or x.low in ("of", "for")
            for x in window
        )

    def _known(self, key: tuple[str, ...], toks: list[_Tok]) -> Label | None:
        """The label a token sequence has in the article's memory or the fixed lists."""
        if len(key) == 1 and _CAMEL.match(toks[0].text) and not _NAME_PREFIX.match(toks[0].text):
            return Label.ORG  # "GoTo", "YouGov", "SoftBank": brands, never people
        label = self.memory.get(key)
        if label is not None:
            return label
        if len(key) == 1 and (
            key[0] in self.lex.not_entities or key[0] in ner_lexicon.DEMONYMS
        ):
            return None  # "Natal" (Christmas) is not the city, "Swiss" is no place
        label = self.lex.fixed.get(key)
        if label is None:
            return None
        if (
            len(key) == 1
            and toks[0].acronym
            and len(key[0]) <= 3
            and label is Label.PLACE
            and key not in self.lex.fixed_lexicon
        ):
            return None  # "BAM" is an acronym, not the town of Bam
        if len(key) == 1:
            t = toks[0]
            # Short fixed names ("who", "un", "pan", "ma") count only in capitals.
            if (
                label is Label.ORG
                and not t.acronym
                and (len(t.text) <= 3 or (len(t.text) == 4 and t.low in self.lex.stop))
            ):
                return None
            if (t.initial or self.strict) and not t.acronym and t.low in self.lower_words:
                return None
        return label

    def _longest_known(self, toks: list[_Tok], i: int, j: int) -> tuple[int, Label] | None:
        """The end and label of the longest known name starting at token i (before j)."""
        for k in range(min(j, i + _MAX_SPAN), i, -1):
            label = self._known(tuple(t.low for t in toks[i:k]), toks[i:k])
            if label is not None:
                return k, label
        return None

    def _head(self, t: _Tok, prev_cap: bool = False) -> Label | _Event | None:
        """ORG or PLACE when the token makes its run that kind of name; _EVENT for an event."""
        if not t.cap:
            return None
        if t.acronym:
            if t.low in _PLACE_ACRONYM_HEADS:
                return Label.PLACE
            return Label.ORG if t.low in _ACRONYM_HEADS else None
        if t.low in ner_lexicon.EVENT_HEADS:
            return _EVENT
        if t.low in ner_lexicon.ORG_HEADS:
            return Label.ORG
        if t.low in ner_lexicon.TAILS_ONLY and prev_cap:
            return ner_lexicon.TAILS_ONLY[t.low]
        if t.low in ner_lexicon.PLACE_HEADS:
            return Label.PLACE
        return None

    def _is_title(self, t: _Tok) -> bool:
        if t.acronym:
            return False
        if t.low in ner_lexicon.PERSON_TITLES:
            return True
        if len(t.low) > 9 and t.low.endswith(ner_lexicon.TITLE_SUFFIXES):
            return True
        # "Director-General", "Wakil-Presiden".
        parts = t.low.split("-")
        return len(parts) > 1 and all(
            x in ner_lexicon.PERSON_TITLES or x in ner_lexicon.TITLE_FILLERS for x in parts
        )

    def _head_ahead(self, toks: list[_Tok], k: int, j: int) -> bool:
        """True when a head word follows in the run before any title."""
        for m in range(k, j):
            if self._head(toks[m], m > 0 and toks[m - 1].cap) is not None:
                return True
            if self._is_title(toks[m]) and not (
                m + 2 == j and toks[m + 1].low in ner_lexicon.ORG_TAILS
            ):
                return False  # but "U.S. Justice Department" goes on
        return False

    def _trim_initial(self, text: str, toks: list[_Tok], i: int, j: int) -> int:
        """Skip sentence-initial words that are function words or used in lower case."""
        while i < j and toks[i].initial and self._longest_known(toks, i, j) is None:
            t = toks[i]
            if self._is_title(t) or self._head(t) is not None:
                break
            if t.acronym or (j - i == 1 and self._org_apposition(text, t.end)):
                break
            if (
                t.low in self.lex.gaz.given
                and i + 1 < j
                and toks[i + 1].low not in self.lex.stop
                and not toks[i + 1].acronym
            ):
                break
            if t.low in self.lex.stop or t.low in self.lower_words or j - i == 1:
                i += 1
                continue
            break
        return i

    def _starts_person(self, toks: list[_Tok], k: int, j: int) -> bool:
        """True when tokens k..j look like a person's name: known, or a given name first."""
        key = tuple(t.low for t in toks[k:j])
        if self.memory.get(key) is Label.PERSON:
            return True
        if not 2 <= j - k <= 4 or key[0] not in self.lex.gaz.given:
            return False
        return all(
            t.cap
            and not t.acronym
            and (t.low not in self.lex.stop or m == k)
            and t.low not in self.lower_words
            and self._longest_known(toks, m, m + 1) is None
            for m, t in enumerate(toks[k:j], start=k)
        )

    def _org_end(self, text: str, toks: list[_Tok], k: int, end: int) -> int:
        """Where an organisation opened by a head word at k ends, at most at `end`."""
        # "Persatuan Pengangkutan Lori Malaysia Tan Chee Keong", "Kantor SAR Ambon Mustari
        # mengatakan": a place closes the name when a person's name follows it.
        m = k + 1
        while m < end:
            kn = self._longest_known(toks, m, end)
            if kn is None or kn[1] is not Label.PLACE:
                m += 1
                continue
            if (
                kn[0] < end
                and not self._head_ahead(toks, kn[0], end)
                and (
                    self._starts_person(toks, kn[0], end)
                    or (
                        self._name_like(toks, kn[0], end)
                        and self._cue_after(text, toks[end - 1].end)
                    )
                )
            ):
                return kn[0]
            m = kn[0]
        # "Badan Geologi Muhammad Wafid": a given name and more after two words of the
        # name start a person.
        for m in range(k + 2, end - 1):
            if self._starts_person(toks, m, end) and not self._head_ahead(toks, m, end):
                return m
        return end

    def _name_like(self, toks: list[_Tok], k: int, j: int) -> bool:
        """True when tokens k..j could be a person's name (after an organisation's place)."""
        return self._starts_person(toks, k, j) or (
            j - k <= 4
            and all(
                t.cap
                and not t.acronym
                and t.low not in self.lex.stop
                and t.low not in self.lower_words
                and self._head(t, True) is None
                for t in toks[k:j]
            )
        )

    def _plain(self, toks: list[_Tok], k: int, j: int) -> bool:
        """True for a run token that is no title, head word, function word or known name."""
        t = toks[k]
        return (
            t.cap
            and not t.acronym
            and not self._is_title(t)
            and self._head(t) is None
            and t.low not in self.lex.stop
            and self._longest_known(toks, k, j) is None
        )

    def _cue_before(self, text: str, toks: list[_Tok], i: int) -> bool:
        """True when a person cue ("kata", "said", "juru bicara") stands right before token i."""
        if i == 0:
            return False
        prev = toks[i - 1]
        if prev.cap and not self._is_title(prev):
            return False
        return _phrase_before(text, toks[i].start, 40, 3, self.lex.cues_before)

    def _cue_after(self, text: str, end: int) -> bool:
        """True when a speech verb ("mengatakan", "said") or a role in apposition
        (", the chief minister", ", Gubernur Kalimantan Tengah") follows the name."""
        if self.lex.cue_after.match(text, end) is not None:
            return True
        m = _APPOSITION.match(text, end)
        return m is not None and m.group(1).lower() in ner_lexicon.PERSON_TITLES

    def _classify(
        self, text: str, seg: list[_Tok], cue: bool, *, org_cue: bool = False
    ) -> Entity | None:
        """A person, an acronym's organisation or place, or nothing, for an unknown stretch."""
        lex, strict = self.lex, self.strict
        while seg and not seg[0].cap:
            seg = seg[1:]
        while seg and not seg[-1].cap:
            seg = seg[:-1]
        if not seg:
            return None
        first, last = seg[0], seg[-1]
        span = text[first.start : last.end]
        if len(seg) == 1 and first.acronym:
            return self._acronym(text, first)
        if any(t.low in lex.not_entities or t.acronym for t in seg):
            return None
        words = [t.low for t in seg]

        def plain_word(w: str) -> bool:
            return (
                w not in lex.stop
                or w in lex.gaz.given
                or w in lex.gaz.surnames
                or w in ner_lexicon.NAME_JOINERS
            )

        # "Perumahan Rakyat Basuki Hadimuljono": the name is the clean tail.
        p = len(words)
        while p > 0 and plain_word(words[p - 1]):
            p -= 1
        if p > 0:
            if len(words) - p < 2:
                return None
            return self._classify(text, seg[p:], False)
        if len(seg) - sum(w in ner_lexicon.NAME_JOINERS for w in words) > 4:
            return None
        after_cue = self._cue_after(text, last.end)
        if len(seg) == 1:
            if not strict and first.initial and self._org_apposition(text, last.end):
                return Entity(first.start, first.end, Label.ORG, span)  # "Einride, a maker"
            if strict or (first.initial and not after_cue):
                return None
            if after_cue and not cue and self._after_preposition(text, first):
                return None  # "chief executive of Novartis, said": not a person
            if cue or after_cue:
                return Entity(first.start, first.end, Label.PERSON, span)
            if org_cue or self._org_apposition(text, last.end):
                return Entity(first.start, first.end, Label.ORG, span)
            return None
        # "Soviet Yuri Gagarin", "(Menteri Koordinator Bidang) Perekonomian Airlangga
        # Hartarto": a person's name starts at its given name.
        for q in range(1, len(seg) - 1):
            if words[q] in lex.gaz.given and all(
                w in ner_lexicon.DEMONYMS
                or w in self.lower_words
                or (cue and (w in lex.stop or _COMMON_NOUN.match(w)))
                for w in words[:q]
            ):
                return self._classify(text, seg[q:], cue)
        named = words[-1] in lex.gaz.surnames or words[-1].endswith(_SURNAME_ENDINGS)
        evidence = cue or (words[0] in lex.gaz.given and (named or not strict))
        if not strict:
            evidence = evidence or after_cue or named
        if evidence:
            return Entity(first.start, last.end, Label.PERSON, span)
        if not strict and (org_cue or self._org_apposition(text, last.end)):
            return Entity(first.start, last.end, Label.ORG, span)
        return None

    def _org_cue_before(self, text: str, toks: list[_Tok], i: int) -> bool:
        """True when a company word ("maskapai", "shares of") stands right before token i."""
        if i == 0 or toks[i - 1].cap:
            return False
        return _phrase_before(text, toks[i].start, 30, 2, ner_lexicon.ORG_CUES_BEFORE)

    def _org_apposition(self, text: str, end: int) -> bool:
        """True after ", a Swedish maker of" / ", perusahaan ...": the name is a company."""
        m = _ORG_APPOSITION.match(text, end)
        return m is not None and m.group(1).lower() in ner_lexicon.ORG_CUES_BEFORE

    def _after_preposition(self, text: str, t: _Tok) -> bool:
        words = _WORD_BEFORE.findall(text[max(0, t.start - 12) : t.start].lower())
        return bool(words) and words[-1] in _PREPOSITIONS

    def _acronym(self, text: str, t: _Tok) -> Entity | None:
        """An unknown all-capitals word: a place from the list, else an organisation."""
        lex = self.lex
        if t.low in lex.not_entities or len(t.text) > 6:
            return None
        if text[t.end : t.end + 1] == "$":
            return None  # "US$", "S$": a currency
        if t.low in ner_lexicon.PLACE_ACRONYMS:
            return Entity(t.start, t.end, Label.PLACE, t.text)
        if len(t.text) < 3 or text[t.start - 1 : t.start] == "/":
            return None
        return Entity(t.start, t.end, Label.ORG, t.text)


class _Run:
    """One capitalised run being read: the words not yet placed, and the names found so far.

    Left to right, each token is a head word (its stretch of the run is one name), a title
    (what follows is a person), a lone acronym, a known name, or a word left pending; a
    title, a head word, a known name or the run's end sends the pending words to
    `_BlockReader._classify`.
    """

    __slots__ = ("first_of_run", "j", "k", "org_cued", "out", "pending", "reader", "strict",
                 "text", "titled", "toks")

    def __init__(self, reader: _BlockReader, text: str, toks: list[_Tok], i: int, j: int) -> None:
        self.reader = reader
        self.text = text
        self.toks = toks
        self.j = j
        self.strict = reader.strict
        self.titled = reader._cue_before(text, toks, i)
        self.org_cued = not self.titled and reader._org_cue_before(text, toks, i)
        self.k = reader._trim_initial(text, toks, i, j)
        self.first_of_run = toks[self.k] if self.k < j else None
        self.out: list[Entity] = []
        self.pending: list[_Tok] = []

    def read(self) -> list[Entity]:
        """PERSON, ORG and PLACE entities of the run, in order."""
        r, toks, j = self.reader, self.toks, self.j
        while self.k < j:
            k = self.k
            t = toks[k]
            # Headlines capitalise common nouns too: no organisation from "Central Bank".
            head = r._head(t, bool(self.pending))
            if self.strict and head is not _EVENT:
                head = None
            known = r._longest_known(toks, k, j)
            if known is not None and (known[0] > k + 1 or known[1] is Label.ORG):
                head = None  # "Gedung Putih", "Bank Dunia", "Congress": a fixed name wins.
            if head is not None:
                self._headed(t, head)
            elif known is None and self._title_word(t):
                self._after_title()
            elif known is None and self._lone_acronym(t):
                self._acronym(t)
            elif known is None:
                self.pending.append(t)
                self.k = k + 1
            else:
                self._known(t, *known)
        self._flush(self.titled)
        return self.out

    def _emit(self, a: _Tok, b: _Tok, label: Label) -> None:
        """Add the entity from token a to token b."""
        self.out.append(Entity(a.start, b.end, label, self.text[a.start : b.end]))

    def _flush(self, cue: bool) -> None:
        """Classify the pending words (capitalised ends only) and start afresh."""
        pending = self.pending
        while pending and not pending[0].cap:
            pending.pop(0)
        while pending and not pending[-1].cap:
            pending.pop()
        if pending:
            org = self.org_cued and pending[0] is self.first_of_run
            ent = self.reader._classify(self.text, pending, cue, org_cue=org)
            if ent is not None:
                self.out.append(ent)
            pending.clear()

    def _headed(self, t: _Tok, head: Label | _Event) -> None:
        """A head word's stretch of the run, up to a title, is one name.

        "Universitas Federal Timur Jauh", "Kabupaten Gowa"; "Deutsche Bank", "Federal
        Reserve": an English tail ends it.
        """
        r, toks, j, k, pending = self.reader, self.toks, self.j, self.k, self.pending
        end = next((m for m in range(k + 1, j) if r._is_title(toks[m])), j)
        if not pending:
            end = r._org_end(self.text, toks, k, end)
        if pending:
            # After other words the head closes the name ("Deutsche Bank", "Mirae
            # Asset Sekuritas"), unless "of"/"for" carries it on ("Bank of England").
            stop = k + 1
            while stop < j and r._head(toks[stop]) is not None:
                stop += 1
            if stop < j and toks[stop].low in ner_lexicon.ORG_JOINERS:
                stop = end
            elif stop < j and t.low not in ner_lexicon.ORG_TAILS:
                place = r._longest_known(toks, stop, j)
                if place is not None and place[1] is Label.PLACE:
                    stop = place[0]  # "Samuel Sekuritas Indonesia"
            end = min(end, stop)
        if self.strict:
            # Headlines capitalise verbs too: stop at the first everyday word.
            end = next((m for m in range(k + 1, end) if toks[m].low in r.lower_words), end)
        first = pending[0] if pending else t
        while not first.cap and first is not t:
            first = toks[toks.index(first) + 1]
        if head is Label.PLACE and len(pending) == 1 and pending[0].acronym:
            head = Label.ORG  # "BPBD Kabupaten Bandung": an agency of the place
        if head is not _EVENT and (end - k >= 2 or first is not t):
            self._emit(first, toks[end - 1], head)  # type: ignore[arg-type]
        pending.clear()
        self.titled = False
        self.k = end

    def _title_word(self, t: _Tok) -> bool:
        """A title word ("Presiden", "Mr") at k, except one before the closing tail of an
        organisation ("The Justice Department")."""
        r, toks, k = self.reader, self.toks, self.k
        return r._is_title(t) and not (
            k + 2 == self.j
            and toks[k + 1].low in ner_lexicon.ORG_TAILS
            and r._head(toks[k + 1]) is Label.ORG
            and not self.strict
        )

    def _after_title(self) -> None:
        """Skip the title phrase at k; the name after it is a person's."""
        r, toks, j = self.reader, self.toks, self.j
        self._flush(self.titled)
        k = self.k + 1
        while k < j and (
            r._is_title(toks[k])
            or toks[k].low in ner_lexicon.TITLE_FILLERS
            or toks[k].low in ner_lexicon.AND_JOINERS
        ):
            k += 1
        if any(x.low in ner_lexicon.AND_JOINERS for x in toks[k:j]) and not any(
            r._head(x) is not None for x in toks[k:j]
        ):
            # "Menteri Energi dan Sumber Daya Mineral Arifin Tasrif": the name
            # follows the last joined part of the title.
            last_and = max(m for m in range(k, j) if toks[m].low in ner_lexicon.AND_JOINERS)
            k = last_and + 1
            while k < j and (k + 2 < j) and r._longest_known(toks, k, j) is None and (
                toks[k].low in r.lex.stop
                or toks[k].low in r.lower_words
                or toks[k].low in ner_lexicon.TITLE_FILLERS
                or toks[k].low not in r.lex.gaz.given
            ):
                k += 1
        self.titled = True
        self.k = k

    def _lone_acronym(self, t: _Tok) -> bool:
        """An unknown acronym inside a run stands alone: "DPRD Sahkan APBD"."""
        r, toks, j, k = self.reader, self.toks, self.j, self.k
        return (
            t.acronym
            and (bool(self.pending) or (k + 1 < j and not self.titled))
            and (k + 1 >= j or r._longest_known(toks, k + 1, j) is None)
            and not r._head_ahead(toks, k + 1, j)
        )

    def _acronym(self, t: _Tok) -> None:
        """Read the lone acronym at k as its own entity."""
        self._flush(False)
        ent = self.reader._acronym(self.text, t)
        if ent is not None:
            self.out.append(ent)
        self.titled = False
        self.k += 1

    def _known(self, t: _Tok, end: int, label: Label) -> None:
        """A known name from k to `end`: its own entity, unless it is part of a longer one."""
        r, toks, j, k, pending = self.reader, self.toks, self.j, self.k, self.pending
        if label is not Label.PERSON and r._head_ahead(toks, end, j):
            # "Alaska Airlines", "Bank Rakyat Indonesia": part of an organisation.
            pending.extend(toks[k:end])
            self.k = end
            return
        if self._given_name(t, end, label) or self._family_name(t, end, label):
            pending.append(t)
            self.k = k + 1
            return
        first = t
        if label is Label.PLACE and pending and pending[-1].low in _DIRECTIONS_BEFORE:
            first = pending.pop()
        if self._agency_of_place(label):
            # "BPBD DKI Jakarta", "KPU Kota Bekasi": an agency of the place.
            first = pending.pop()
            label = Label.ORG
        # A title before "Soviet Yuri Gagarin" is about the person, not "Soviet"; before
        # an organisation ("Direktur Reserse Narkoba Polda Riau") it is a complement.
        # It still marks a name right after the known one ("Bupati Gowa Adnan Purichta").
        had_pending = bool(pending)
        self._flush(False)
        end = self._known_end(t, end, label)
        self._emit(first, toks[end - 1], label)
        self.titled = self.titled and label is not Label.PERSON and not had_pending
        self.k = end

    def _given_name(self, t: _Tok, end: int, label: Label) -> bool:
        """"Rafa Silva", "Amancio Ortega": a one-word place before a family name is a given
        name."""
        r, toks, j = self.reader, self.toks, self.j
        nxt = toks[end] if end < j else None
        return (
            end == self.k + 1
            and label is Label.PLACE
            and not self.pending
            and not t.acronym
            and r.memory.get((t.low,)) is None
            and nxt is not None
            and r._longest_known(toks, end, j) is None
            and r._head(nxt) is None
            and (nxt.low in r.lex.gaz.surnames or nxt.low.endswith(_SURNAME_ENDINGS))
        )

    def _family_name(self, t: _Tok, end: int, label: Label) -> bool:
        """"Yuri Gagarin", "Paris Hilton": a one-word place after a given name is the family
        name."""
        pending, given = self.pending, self.reader.lex.gaz.given
        return (
            end == self.k + 1
            and label is Label.PLACE
            and bool(pending)
            and (
                pending[-1].low in given
                or (
                    len(pending) >= 2
                    and pending[-1].low in ner_lexicon.NAME_JOINERS
                    and pending[-2].low in given
                )
            )
            and not t.acronym
        )

    def _agency_of_place(self, label: Label) -> bool:
        """One pending acronym before a place that is no place's acronym names an agency."""
        pending, r = self.pending, self.reader
        return (
            label is Label.PLACE
            and len(pending) == 1
            and pending[0].acronym
            and pending[0].low not in ner_lexicon.PLACE_ACRONYMS
            and pending[0].low not in r.lex.not_entities
            and r.memory.get((pending[0].low,)) in (None, Label.ORG)
        )

    def _known_end(self, t: _Tok, end: int, label: Label) -> int:
        """Where a known name ends once what may follow it joins: a place's direction, the
        rest of a person's name, an agency's place, a ruler's number."""
        r, toks, j, k = self.reader, self.toks, self.j, self.k
        if label is Label.PLACE:
            while end < j and toks[end].low in _DIRECTIONS_AFTER:
                end += 1
        if label is Label.PERSON and end == k + 1 and not self.strict:
            # "Kim" known, then "Kim Jong-il": the unknown rest of the run joins.
            while end < j and r._plain(toks, end, j):
                end += 1
        if label is Label.ORG and end == k + 1 and t.acronym and end < j:
            # "DPRD Jawa Timur", "KPU Kota Bekasi": an agency of the place.
            place = r._longest_known(toks, end, j)
            head = r._head(toks[end])
            if place is not None and place[1] is Label.PLACE:
                end = place[0]
            elif head is Label.PLACE:
                end = j
        if label is Label.PERSON and end < j and _ROMAN.match(toks[end].text):
            end += 1  # "Mohammed VI", "Ferdinand Marcos Jr"
        return end
