"""Language identification with langdetect: seeded, bounded, and safe across threads.

langdetect has no Malay profile and calls Malay "id". When it says "id", Malay and
Indonesian are told apart by spelling and word choice (kerana/karena, wang/uang,
polis/polisi, kerajaan/pemerintah, peratus/persen, RM/Rp, Ogos/Agustus...), counted over
a larger spread sample of the article. The confidence is then langdetect's probability
times the share of the markers that point the chosen way (smoothed), so an article with
no marker at all gets half of langdetect's: it could be either.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from langdetect import DetectorFactory
from langdetect.detector_factory import init_factory
from langdetect.lang_detect_exception import LangDetectException

# How much content text is sampled: enough for a stable answer, bounded so a
# long article costs no more than a short one.
SAMPLE_CHARS = 1500
# Below this many letters langdetect guesses; we say "unknown" instead.
MIN_LETTERS = 40
# The seed that makes langdetect's random sampling repeatable.
SEED = 0
# The Malay/Indonesian markers are counted over this much text (spread like the sample).
MARKER_CHARS = 6000

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words (lower case) that mark Malay or Indonesian, weighted: 2 for spellings and words
# the other side does not use in news, 1 for words it uses less often or in another sense.
# Each word counts at most twice, so one topic word ("kerajaan": also a kingdom) cannot
# decide alone.
_MS_MARKERS: dict[str, int] = {
    **dict.fromkeys(
        _words("""kerana bahawa sahaja wang polis iaitu peratus bilion ogos disember julai
        setiausaha syarikat kenderaan kakitangan baharu manakala sekiranya menerusi sebarang
        jabatan parlimen universiti teksi kes kelmarin memaklumkan dimaklumkan mangsa seramai
        dijangka terjejas tempatan pengarah mesyuarat projek bagaimanapun selepas sentiasa
        bas percuma tentera askar dianggarkan mencecah rundingan pelaburan ringgit
        pelancongan bilangan membabitkan perbicaraan pertuduhan reman jurucakap suspek isyak
        zohor minit komen resipi kongsi langgan pingat jimat bil diposkan"""),
        2,
    ),
    **dict.fromkeys(
        _words("""kerajaan berkata beliau daripada boleh ialah semalam lepas ahli berkuasa cadangan
        berlaku hospital datuk dato mahkamah kenyataan berkaitan keputusan semula"""),
        1,
    ),
}
_ID_MARKERS: dict[str, int] = {
    **dict.fromkeys(
        _words("""karena bahwa saja uang polisi pemerintah yaitu persen miliar agustus desember juli
        maret sekretaris perusahaan kendaraan sesudah kemarin diperkirakan proyek direktur
        gratis tentara nggak enggak gak setempat investasi kabupaten kecamatan rupiah
        kepolisian wib wita mengungkapkan menuturkan tersangka menit komentar resep bagikan
        medali tagihan"""),
        2,
    ),
    **dict.fromkeys(
        _words("""mengatakan ujar bisa tapi namun lalu warga lewat maupun sedangkan bus desa dpr
        pihaknya setelah korban"""),
        1,
    ),
}
# Month names are capitalised and still count anywhere.
_MONTHS = _words("julai ogos disember juli agustus desember maret")
# Two-word markers, weighted like the words.
_MS_PAIRS = {("muat", "turun"): 2, ("dikemas", "kini"): 2, ("tahun", "lepas"): 2}
_ID_PAIRS = {("rumah", "sakit"): 2, ("tahun", "lalu"): 1}
# Malay needs this much more weight than Indonesian: a stray weak marker never flips.
MS_MARGIN = 2
_WORDS = re.compile(r"[^\W\d_]+")
# A capitalised word counts only where a sentence or line starts ("Polis menahan..."),
# not inside one, where it is a name ("Wang Yi", "Kota Bharu").
_SENTENCE_START = frozenset(".!?:\"“\n")
_CURRENCY = re.compile(r"\b(RM|Rp)\.?\s?\d")

_init_lock = threading.Lock()
_ready = False


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """An ISO 639-1 code (langdetect's spelling) and its probability."""

    code: str
    confidence: float


def _factory() -> None:
    """Load langdetect's profiles once; later calls are free."""
    global _ready
    if _ready:
        return
    with _init_lock:
        if not _ready:
            DetectorFactory.seed = SEED
            init_factory()
            _ready = True


def sample(paragraphs: Sequence[str], limit: int = SAMPLE_CHARS) -> str:
    """Take up to `limit` characters spread over the paragraphs, not just the first ones."""
    total = sum(len(p) for p in paragraphs)
    if total <= limit:
        return "\n".join(paragraphs)
    picked: list[str] = []
    budget = limit
    # Every k-th paragraph, then trim: the sample sees the beginning, middle and end.
    step = max(1, round(total / limit))
    for p in paragraphs[::step]:
        if budget <= 0:
            break
        piece = p[:budget]
        picked.append(piece)
        budget -= len(piece)
    return "\n".join(picked)


def malay_or_indonesian(paragraphs: Sequence[str]) -> tuple[str, float]:
    """"ms" or "id" by the weighted markers of each, and the smoothed share of the winner.

    Malay needs MS_MARGIN more weight; otherwise "id" (the larger language). No markers
    give a share of one half.
    """
    text = sample(paragraphs, MARKER_CHARS)
    seen: Counter[str | tuple[str, str]] = Counter()
    prev = ""
    for m in _WORDS.finditer(text):
        word = m.group(0).lower()
        if m.group(0)[0].isupper() and word not in _MONTHS:
            before = text[max(0, m.start() - 4) : m.start()].rstrip(" ")
            if before and before[-1] not in _SENTENCE_START:
                prev = ""
                continue
        seen[word] += 1
        seen[(prev, word)] += 1
        prev = word
    ms = idn = 0
    for key, count in seen.items():
        if isinstance(key, tuple):
            ms += _MS_PAIRS.get(key, 0) * min(count, 2)
            idn += _ID_PAIRS.get(key, 0) * min(count, 2)
        else:
            ms += _MS_MARKERS.get(key, 0) * min(count, 2)
            idn += _ID_MARKERS.get(key, 0) * min(count, 2)
    currencies = Counter(m.group(1) for m in _CURRENCY.finditer(text))
    ms += 2 * min(currencies["RM"], 2)
    idn += 2 * min(currencies["Rp"], 2)
    code = "ms" if ms >= idn + MS_MARGIN else "id"
    return code, (max(ms, idn) + 1) / (ms + idn + 2)


def detect(paragraphs: Sequence[str]) -> LanguageGuess | None:
    """Guess the language of content paragraphs; None when there is too little text."""
    text = sample(paragraphs)
    if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        return None
    _factory()
    from langdetect.detector_factory import _factory as factory  # loaded by _factory()

    detector = factory.create()
    detector.seed = SEED  # per detector, so threads never share random state
    detector.append(text)
    try:
        probs = detector.get_probabilities()
    except LangDetectException:
        return None
    if not probs:
        return None
    best = probs[0]
    if best.lang == "id":
        code, share = malay_or_indonesian(paragraphs)
        return LanguageGuess(code=code, confidence=round(best.prob * share, 3))
    return LanguageGuess(code=best.lang, confidence=round(best.prob, 3))


def guess_short(paragraphs: Sequence[str],
                prior: Mapping[str, float] | None = None) -> LanguageGuess | None:
    """The likeliest language of a short text among those with stopword lists (weighed by
    `prior`, e.g. the dump's languages), Malay told from Indonesian by the markers; None
    when not one n-gram or stopword is known."""
    from tui.text import language_short

    _factory()
    from langdetect.detector_factory import _factory as factory  # loaded by _factory()

    text = "\n".join(paragraphs)
    post = language_short.posterior(text, factory.word_lang_prob_map, factory.langlist,
                                     prior)
    if post is None:
        return None
    code = max(post, key=lambda lang: post[lang])
    if code == "id":
        code, share = malay_or_indonesian(paragraphs)
        return LanguageGuess(code=code, confidence=round(post["id"] * share, 3))
    return LanguageGuess(code=code, confidence=round(post[code], 3))


def for_entities(paragraphs: Sequence[str], detected: LanguageGuess | None,
                 prior: Mapping[str, float] | None = None) -> str | None:
    """The language the entity recogniser reads an article in: the detected one, else
    the short-text guess under the dump's `prior` (None when there is no evidence)."""
    if detected is not None:
        return detected.code
    guess = guess_short(paragraphs, prior)
    return guess.code if guess is not None else None
