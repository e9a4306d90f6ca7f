"""Start-up tricks in one place: the collector held off, the early fork, the first paint.

Textual-free: the command line holds collection (`collection_held`) and starts EarlyAnalysis before
the UI modules are imported; the screen tells FirstPaint when the first article is
drawn and when the pipeline's data is in. Each trick is measured in bench/bench_startup.py.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import threading
import time
from collections.abc import Callable, Iterator

from tui import regex_cache
from tui.text.model import Document, Record

SETTLE_LIMIT = 3.0  # seconds: the garbage collector is on again by then, painted or not
FIRST_PAINT_ENV = "WARTA_FIRST_PAINT_FILE"
"""Benchmark hook: when set, write the wall time of the first painted article there, exit."""


@contextlib.contextmanager
def collection_held() -> Iterator[None]:
    """No garbage collection until the first article is painted (`settle_memory`), and
    on again when the reader closes, however it closes.

    Start-up makes only long-lived objects, and full collections over them cost about
    30 ms before the first frame (bench/bench_startup.py).
    """
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def settle_memory() -> None:
    """Move the start-up objects out of the garbage collector's way, and collect again.

    Textual makes many short-lived objects per frame; with every module, widget and
    style of the start-up in the collected generations, each full collection walks
    them all and a keypress now and then waits 100 ms or more for it. Frozen, they
    are skipped (measured with bench/bench_repaint.py: p90 about halved).
    """
    gc.collect()
    gc.freeze()
    gc.enable()


def settle_if_held() -> None:
    """`settle_memory` when collection is still off (SETTLE_LIMIT after mount, at the latest)."""
    if not gc.isenabled():
        settle_memory()


class FirstPaint:
    """What the screen does once: the first article painted, the pipeline's data frozen."""

    def __init__(self) -> None:
        self.painted = False
        self.data_frozen = False  # whether the analysis data is out of the collector's way

    def first(self) -> bool:
        """True the first time only: the first article is about to be painted."""
        first, self.painted = not self.painted, True
        return first

    def data_loaded(self) -> None:
        """The first full analysis loaded the pipeline's data (gazetteer, language profiles:
        tens of MB of long-lived objects): frozen, full collections skip them, where each
        one walked them all, 70-80 ms in the middle of a repaint. Once."""
        if not self.data_frozen:
            self.data_frozen = True
            gc.freeze()

    def shown(self, later: Callable[..., object], after: Callable[[], None],
              done: Callable[[], None]) -> None:
        """An article reached the view: the first time, `later` (after the next refresh) runs
        `after`, and with the benchmark's file set writes the time there, then `done`."""
        if not self.first():
            return
        if (path := self.bench_file()) is not None:
            later(self._measured, path, done)
        later(after)

    def _measured(self, path: str, done: Callable[[], None]) -> None:
        self.write_time(path)
        done()

    @staticmethod
    def bench_file() -> str | None:
        """Where the benchmark wants the first paint's time, or None (not measured)."""
        return os.environ.get(FIRST_PAINT_ENV) or None

    @staticmethod
    def write_time(path: str) -> None:
        """Write the wall time now to `path` (the benchmark then has the reader exit)."""
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(f"{time.time():.6f}\n")


class EarlyAnalysis:
    """The quick pass of the article the reader opens on, made while the UI modules load.

    Started by the command line before Textual is imported. Where the platform can fork
    (and the process has no other thread yet), a child process imports and builds the
    pipeline and analyses the article, and sends the Document back as JSON: it then runs
    on the other core instead of taking turns with the UI's imports for the interpreter
    lock (bench/bench_startup.py: about 70 ms sooner to the first paint on two cores).
    Elsewhere a thread does the same. The screen takes the Document when it opens that
    article: ready, the article is in the very first frame; not yet, the screen's worker
    waits for it rather than analysing the article a second time. A failure leaves the
    article to the worker, which reports it.
    """

    def __init__(self, analyser: Callable[[Record, bool], Document], index: int,
                 record: Record) -> None:
        self.index = index
        self._analyser = analyser
        self._record = record
        self._done = threading.Event()
        self._document: Document | None = None

    def start(self, fork: bool = True) -> EarlyAnalysis:
        """Start the analysis (in a child process when `fork` and possible); returns self."""
        if fork and hasattr(os, "fork") and threading.active_count() == 1:
            self._start_child()
        else:
            threading.Thread(target=self._run, name="early-analysis", daemon=True).start()
        return self

    def _run(self) -> None:
        try:
            self._document = self._analyser(self._record, False)
        except Exception:  # the screen's worker analyses the article again and says why
            self._document = None
        finally:
            self._done.set()

    def _start_child(self) -> None:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: analyse, write the JSON, leave without any clean-up
            status = 1
            try:
                os.close(read_end)
                data = json.dumps(self._analyser(self._record, False).to_dict()).encode()
                with os.fdopen(write_end, "wb") as out:
                    out.write(data)
                status = 0
                regex_cache.save()  # the next start skips compiling these patterns
            finally:
                os._exit(status)
        os.close(write_end)
        threading.Thread(target=self._collect, args=(pid, read_end), name="early-analysis",
                         daemon=True).start()

    def _collect(self, pid: int, read_end: int) -> None:
        """Read the child's Document (a thread blocked in read leaves the UI alone)."""
        try:
            with os.fdopen(read_end, "rb") as pipe:
                data = pipe.read()
            os.waitpid(pid, 0)
            self._document = Document.from_dict(json.loads(data)) if data else None
        except Exception:  # e.g. the child failed: the screen's worker analyses it
            self._document = None
        finally:
            self._done.set()

    def take(self, index: int, timeout: float = 0.0) -> Document | None:
        """The quick Document of article `index` if this is its analysis and it is done
        (waiting up to `timeout` seconds for it), else None."""
        if index != self.index or not self._done.wait(timeout):
            return None
        return self._document
