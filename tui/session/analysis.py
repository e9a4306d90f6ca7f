"""The reader's analysis: which pass runs when, kept Documents, neighbours; results by callback.

Textual-free: the screen runs `run` and `prefetch` in its thread workers (which give
the `cancelled` check) and turns what the listener hears into messages. For one
article: a Document in memory is shown at once; else the one kept in the sidecar
(asked once per article); else the quick pass (structure only; the early one started
before the UI loaded, when it is that article), shown, then the full pass (language,
entities), kept in the sidecar; then the neighbours in PREFETCH order.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol, runtime_checkable

from tui.analyser import plain_document
from tui.article_source import ArticleSource
from tui.document_cache import DocumentCache
from tui.dumps.lru import Lru
from tui.text.model import Document, Record

PREFETCH = (1, -1, 2)  # neighbours analysed after the current article, in this order
PAINT_WAIT = 0.5  # at most this long, the full analysis waits for the quick one to paint
EARLY_WAIT = 30.0  # seconds a worker waits for the early pass of the same article
HOLD_OFF = 0.06  # seconds a full pass waits for the next key of a held one (repeat ~33 ms)
CACHE_SIZE = 64  # Documents kept in memory
ASKED_SIZE = 4096  # articles remembered as already looked up in the sidecar


@runtime_checkable
class Analyser(Protocol):
    """Record -> Document for the reader (tui.analyser.PipelineAnalyser), and its upkeep."""

    def __call__(self, record: Record, detect_language: bool) -> Document: ...
    def cached(self, record: Record) -> Document | None: ...
    def store(self, record: Record, document: Document) -> None: ...
    def described(self) -> dict[str, tuple[str | None, str | None, int]]: ...
    def warm(self) -> None: ...
    @property
    def warmed(self) -> bool: ...
    @property
    def loaded(self) -> bool: ...
    def take_notice(self) -> str | None: ...
    def plain(self, record: Record, warning: str) -> Document: ...


class FunctionAnalyser:
    """A bare `analyse(record, detect_language)` function as an Analyser (stand-ins, benches).

    Nothing to warm; `cached` looks Documents up in `kept` when given; `loaded` once a
    full pass has run.
    """

    def __init__(self, analyse: Callable[[Record, bool], Document],
                 kept: Callable[[Record], Document | None] | None = None) -> None:
        self._analyse = analyse
        self._kept = kept
        self._loaded = False

    def __call__(self, record: Record, detect_language: bool) -> Document:
        """The function's Document."""
        document = self._analyse(record, detect_language)
        self._loaded = self._loaded or detect_language
        return document

    def cached(self, record: Record) -> Document | None:
        """The `kept` function's Document, or None."""
        return None if self._kept is None else self._kept(record)

    def store(self, record: Record, document: Document) -> None:
        """Nothing is kept between runs."""

    def described(self) -> dict[str, tuple[str | None, str | None, int]]:
        """Nothing is kept."""
        return {}

    def warm(self) -> None:
        """Nothing to build."""

    @property
    def warmed(self) -> bool:
        """Always ready."""
        return True

    @property
    def loaded(self) -> bool:
        """True once a full pass has run."""
        return self._loaded

    def take_notice(self) -> str | None:
        """Never anything to say."""
        return None

    def plain(self, record: Record, warning: str) -> Document:
        """`record` as plain paragraphs, `warning` saying why (read at 200 words a minute)."""
        return plain_document(record, warning)


def as_analyser(analyse: Analyser | Callable[[Record, bool], Document]) -> Analyser:
    """`analyse` itself when it is a whole Analyser, else a FunctionAnalyser around it."""
    return analyse if isinstance(analyse, Analyser) else FunctionAnalyser(analyse)


class EarlyPass(Protocol):
    """The first article's quick pass, under way since before the UI (tui.startup)."""

    def take(self, index: int, timeout: float = 0.0) -> Document | None: ...


class AnalysisListener(Protocol):
    """Who hears of results (the screen, through messages); called from worker threads."""

    def ready(self, index: int, document: Document, full: bool,
              painted: threading.Event | None) -> None: ...
    def failed(self, index: int, error: str) -> None: ...
    def notice(self, text: str) -> None: ...


class _Unheard:
    """The listener until the screen sets one: results only land in the cache."""

    def ready(self, index: int, document: Document, full: bool,
              painted: threading.Event | None) -> None:
        """Nothing to show."""
        if painted is not None:
            painted.set()

    def failed(self, index: int, error: str) -> None:
        """Nobody to tell."""

    def notice(self, text: str) -> None:
        """Nobody to tell."""


class AnalysisService:
    """Documents for one dump: in memory, kept in the sidecar, or analysed in two passes."""

    def __init__(self, source: ArticleSource, analyser: Analyser, *,
                 detect_language: bool = True, documents: Mapping[int, Document] | None = None,
                 early: EarlyPass | None = None) -> None:
        self.source = source
        self.analyser = analyser
        self.detect_language = detect_language
        self.cache = DocumentCache(CACHE_SIZE)
        for index, document in (documents or {}).items():  # full, e.g. from the sidecar
            self.cache.put(index, document, True)
        self.early = early
        self.listener: AnalysisListener = _Unheard()
        self._kept: dict[str, tuple[str | None, str | None, int]] = {}
        self.first_frame = threading.Event()  # set once the first article is on screen
        self._asked: Lru[int, bool] = Lru(ASKED_SIZE)
        self._asked_lock = threading.Lock()

    def known(self, index: int) -> tuple[Document, bool] | None:
        """The Document of `index` there is now (and whether full), without analysing: in
        memory, the one the dump holds (an analysis written by `warta analyse -o`), or the
        early quick pass."""
        item = self._in_memory(index)
        if item is None and self.early is not None and (doc := self.early.take(index)):
            item = (doc, not self.detect_language)  # the quick pass, done already
            self.cache.put(index, *item)
        return item

    def _in_memory(self, index: int) -> tuple[Document, bool] | None:
        """The Document of `index` in memory, or the one the dump holds (then kept)."""
        item = self.cache.get(index)
        if item is None:
            try:
                found = self.source.document(index)
                item = None if found is None else (Document.from_dict(found), True)
            except Exception:  # a damaged row is analysed like any record
                item = None
            if item is not None:
                self.cache.put(index, *item)
        return item

    def kept(self, index: int, record: Record) -> Document | None:
        """The full Document kept in the sidecar for `record`; the sidecar is asked once."""
        if not self.detect_language:
            return None
        with self._asked_lock:
            if self._asked.get(index):
                return None
            self._asked.put(index, True)
        try:
            return self.analyser.cached(record)
        except Exception:  # a cache that cannot be read is only a miss
            return None

    def describe(self, index: int) -> tuple[str | None, str | None, int] | None:
        """Title, language ("…" while pending) and words for the list, once analysed (in
        this run, or in an earlier one: kept in the sidecar, see `load_kept`)."""
        item = self.cache.get(index)
        if item is None:
            return self._kept.get(self.source.row(index).id) if self._kept else None
        doc, full = item
        return (doc.title, doc.language if full or not self.detect_language else "…",
                doc.meta.words)

    def load_kept(self) -> bool:
        """Read what the sidecar keeps of earlier analyses (a worker thread; once).

        Rows then show the analysed title (not the first line's guess) after a restart.
        True when anything was found."""
        kept = self.analyser.described()
        self._kept = kept
        return bool(kept)

    def after_first_paint(self) -> None:
        """The first article is on screen: full passes may start; build the pipeline."""
        self.first_frame.set()
        self.early = None
        if not self.analyser.warmed:
            # The first article came from the sidecar: build the pipeline for the next ones.
            threading.Thread(target=self.analyser.warm, name="warm-pipeline",
                             daemon=True).start()

    # -- the worker's side ---------------------------------------------------------------

    def run(self, index: int, cancelled: Callable[[], bool], ahead: Sequence[int] = ()) -> None:
        """Everything article `index` needs, then its neighbours (in a worker thread).

        `ahead`: the articles the next keys open (J held down), given their quick pass
        before this one's full pass, which waits HOLD_OFF for the next key: while a key
        is held, every article is drawn from a quick pass made ahead, and no full pass
        competes with the keys.
        """
        record = self._record(index)
        if record is None:
            return
        detect = self.detect_language
        if (held := self._in_memory(index)) is not None and held[1]:  # e.g. the dump holds it
            if not cancelled():
                self.listener.ready(index, held[0], True, None)
            self.prefetch(index, cancelled)
            return
        if detect and held is None and (kept := self.kept(index, record)):
            self.cache.put(index, kept, True)
            if not cancelled():
                self.listener.ready(index, kept, True, None)
            self.prefetch(index, cancelled)
            return
        if detect and held is None and not self._quick(index, record, cancelled):
            return
        if ahead:
            self._read_ahead(ahead, cancelled)
            if detect and self._waited_for_keys(cancelled):
                return
        if detect:  # the slower pass never competes with the first frame's paint
            self.first_frame.wait(PAINT_WAIT)
        doc = self._analyse(index, record, detect)
        if doc is None:
            return
        self.cache.put(index, doc, True)
        if not cancelled():
            self.listener.ready(index, doc, True, None)
        self.prefetch(index, cancelled)

    def _quick(self, index: int, record: Record, cancelled: Callable[[], bool]) -> bool:
        """The quick pass, shown and waited for until painted; False to stop here."""
        early = self.early
        quick = early.take(index, EARLY_WAIT) if early is not None else None
        quick = quick or self._analyse(index, record, False)
        if quick is None:
            return False
        self.cache.put(index, quick, False)
        if cancelled():
            return False
        painted = threading.Event()
        self.listener.ready(index, quick, False, painted)
        painted.wait(PAINT_WAIT)
        return not cancelled()

    def _read_ahead(self, ahead: Sequence[int], cancelled: Callable[[], bool]) -> None:
        """A Document for each of `ahead` not known yet: kept in the sidecar, else the
        quick pass."""
        for index in ahead:
            if cancelled():
                return
            if not 0 <= index < len(self.source) or self._in_memory(index) is not None:
                continue
            record = self._record(index)
            if record is None:
                continue
            kept = self.kept(index, record)
            doc = kept or self._analyse(index, record, False)
            if doc is not None:
                full = kept is not None or not self.detect_language
                self.cache.put(index, doc, full)
                self.listener.ready(index, doc, full, None)

    @staticmethod
    def _waited_for_keys(cancelled: Callable[[], bool]) -> bool:
        """Wait HOLD_OFF for the next key; True when it came (this worker is cancelled)."""
        deadline = time.monotonic() + HOLD_OFF
        while time.monotonic() < deadline:
            if cancelled():
                return True
            time.sleep(HOLD_OFF / 6)
        return cancelled()

    def prefetch(self, index: int, cancelled: Callable[[], bool]) -> None:
        """Full Documents of the neighbours of `index` (kept ones first), in PREFETCH order."""
        for step in PREFETCH:
            neighbour = index + step
            if cancelled():
                return
            if not 0 <= neighbour < len(self.source):
                continue
            item = self._in_memory(neighbour)
            if item is not None and item[1]:
                continue
            record = self._record(neighbour)
            if record is None:
                continue
            doc = (self.kept(neighbour, record)
                   or self._analyse(neighbour, record, self.detect_language))
            if doc is not None:
                self.cache.put(neighbour, doc, True)
                self.listener.ready(neighbour, doc, True, None)

    def _record(self, index: int) -> Record | None:
        """The record of article `index`; a failure is reported."""
        try:
            return self.source.record(index)
        except Exception as exc:  # a bad record must not take the reader down
            self.listener.failed(index, f"article {index + 1}: {exc}")
            return None

    def _analyse(self, index: int, record: Record, detect: bool) -> Document | None:
        """One pass; a full one is stored in the sidecar. A failure shows the plain text."""
        try:
            document = self.analyser(record, detect)
        except Exception as exc:  # a bad record must not take the reader down
            # The text is still worth reading: shown plain, the error as its warning.
            try:
                return self.analyser.plain(record, f"analysis failed ({type(exc).__name__}: "
                                              f"{exc}): shown as plain text")
            except Exception:
                self.listener.failed(index, f"article {index + 1}: {exc}")
                return None
        if detect:
            with contextlib.suppress(Exception):  # a failure only costs the cache
                self.analyser.store(record, document)
        if notice := self.analyser.take_notice():
            self.listener.notice(notice)
        return document
