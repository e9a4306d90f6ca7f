"""The rest of a big file's record scan, run in a thread while the reader shows its first records.

The opener scans the first chunk itself (enough for the first screen), then hands the
scan to `start`, which feeds the remaining chunks from a daemon thread: the reader's
offsets (GrowingOffsets) grow a chunk at a time without a lock on the reading side. When
the stream ends, `done` gets the whole result (to save it in the scan cache, check a
checksum, read again) and may return the offsets to keep. Problems found by the thread
are queued for whoever shows them (`take_problems`), one line each.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from tui.dumps.offsets import CHUNK, GrowingOffsets, Offsets, Scanner
from tui.dumps.sources import DECOMPRESS_ERRORS, Fed, give_back_big_blocks

FIRST_RECORDS = 2  # found before the opener returns (a CSV header and its first row)
FIRST_BYTES = CHUNK  # read before the opener returns; a file no bigger is scanned at once
STEP_BYTES = CHUNK  # read per step of the thread
PAUSE = 0.0  # seconds the thread sleeps after each step (0: only lets the UI thread in);
# tests raise it, with smaller steps, to watch a scan that takes a while


@dataclass(frozen=True, slots=True)
class ScanProgress:
    """How far a background scan has got, for the header."""

    records: int
    position: int  # how far into the file(s) on disk (a compressed file: compressed bytes)
    size: int | None  # what `position` runs up to, when known
    rate: float  # bytes read (inflated) a second since the background part started

    @property
    def percent(self) -> float | None:
        """Share of the file read, 0-100, when its size is known."""
        if not self.size:
            return None
        return min(100.0, 100.0 * self.position / self.size)

    def line(self) -> str:
        """`scanning: 120,000 records, 410 MB/s, 37 %`."""
        text = f"scanning: {self.records:,} records"
        if self.rate:
            text += f", {self.rate / 1e6:.0f} MB/s"
        if (share := self.percent) is not None:
            text += f", {share:.0f} %"
        return text


Done = Callable[[Fed], Offsets | None]


class BackgroundScan:
    """One file's scan: the first chunks by the opener, the rest by a thread (`start`)."""

    def __init__(self, scanner: Scanner, read: Callable[[int], bytes | bytearray], done: Done, *,
                 total: int | None = None, where: Callable[[], int] | None = None,
                 max_bytes: int = -1,
                 errors: tuple[type[BaseException], ...] = DECOMPRESS_ERRORS) -> None:
        self.offsets = GrowingOffsets(scanner.starts, scanner.lines, 0)
        # How far the scan is: `where()` after each step (a compressed file: the compressed
        # bytes consumed) out of `total`, else the bytes read out of `total`, when known.
        self.total = total
        self.at = 0
        self._where = where
        self.read_bytes = 0
        self.problems: list[str] = []  # appended by the thread, taken by the UI
        self._taken = 0  # problems taken so far
        self._taking = threading.Lock()
        self.finished = threading.Event()
        self._scanner, self._read, self._done = scanner, read, done
        self._max, self._errors = max_bytes, errors
        self._stop = threading.Event()
        self.on_close: Callable[[], None] = lambda: None  # what `close` releases besides
        self._thread: threading.Thread | None = None
        self._began = 0.0
        self._began_bytes = 0

    # -- the scan -------------------------------------------------------------------------

    def step(self) -> bool:
        """Index the next chunk; False once the stream has ended (the result is in)."""
        scanner, total = self._scanner, self.read_bytes
        try:
            chunk = self._read(STEP_BYTES)
        except self._errors as exc:
            self._end(Fed(scanner.finish(whole=False), total, damage=str(exc) or
                          type(exc).__name__))
            return False
        if not chunk:
            self._end(Fed(scanner.finish(), total))
            return False
        capped = 0 <= self._max < total + len(chunk)
        if capped:
            chunk = chunk[:self._max - total]
        scanner.feed(chunk)
        self.read_bytes = total + len(chunk)
        self.at = self.read_bytes if self._where is None else self._where()
        if capped:
            self._end(Fed(scanner.finish(whole=False), self._max, capped=True))
            return False
        self.offsets.publish(scanner.committed, len(scanner.starts))
        return True

    def first(self, records: int = FIRST_RECORDS) -> None:
        """Scan in the caller until `records` are found and FIRST_BYTES read, or the end."""
        min_bytes = FIRST_BYTES
        while not self.finished.is_set() and \
                (len(self.offsets) < records or self.read_bytes < min_bytes):
            self.step()

    def _end(self, fed: Fed) -> None:
        said = self._said()
        try:
            kept = self._done(fed)
        except Exception as exc:  # the records found stay readable
            self.problems.append(f"scan ended badly ({exc})")
            kept = None
        if self._said() == said:  # the layout's own break (a JSON array cut short), when
            self.problems.extend(self._scanner.notes)  # no damage was said: said once
        self.offsets.adopt(kept if kept is not None else fed.offsets)
        self.finished.set()

    def _said(self) -> int:
        """How many problems have been queued so far, taken or not."""
        with self._taking:
            return self._taken + len(self.problems)

    def start(self) -> None:
        """Scan the rest from a daemon thread (at once when nothing is left)."""
        if self.finished.is_set() or self._thread is not None:
            return
        self._began = time.monotonic()
        self._began_bytes = self.read_bytes
        self._thread = threading.Thread(target=self._run, name="dump-scan", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set() and self.advance():
            time.sleep(PAUSE)

    def advance(self) -> bool:
        """`step`, with any failure ending the scan (the records found so far stay readable);
        called by the thread, or by a reader that scans only as far as it reads."""
        give_back_big_blocks()  # here, not in `first`: it loads ctypes (2 ms of the start)
        try:
            return self.step()
        except Exception as exc:
            if not self.finished.is_set():
                self._end(Fed(self._scanner.finish(whole=False), self.read_bytes,
                              damage=str(exc) or type(exc).__name__))
            return False

    # -- what the reader asks ---------------------------------------------------------------

    @property
    def scanning(self) -> bool:
        """True until the whole file is indexed."""
        return not self.finished.is_set()

    @property
    def position(self) -> int:
        """How far the scan is, in the units of `total` (all of it once the scan is over)."""
        if self.finished.is_set() and self.total is not None:
            return self.total
        return self.at

    def progress(self) -> ScanProgress:
        """Records found, how far into the file, and the rate since the thread started."""
        seconds = time.monotonic() - self._began if self._thread is not None else 0.0
        rate = (self.read_bytes - self._began_bytes) / seconds if seconds > 0 else 0.0
        return ScanProgress(len(self.offsets), self.position, self.total, rate)

    def take_problems(self) -> list[str]:
        """The problems found since last asked (each once)."""
        with self._taking:
            taken = self.problems[:]
            del self.problems[:len(taken)]
            self._taken += len(taken)
        return taken

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the scan is over (True) or `timeout` seconds pass (False)."""
        return self.finished.wait(timeout)

    def close(self) -> None:
        """Stop the thread after its current chunk (before the file is closed)."""
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join()
        self.on_close()
