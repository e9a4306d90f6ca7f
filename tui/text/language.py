"""Language identification with langdetect: seeded, bounded, and safe across threads."""

from __future__ import annotations

import threading
from collections.abc import Sequence
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
    return LanguageGuess(code=best.lang, confidence=round(best.prob, 3))
