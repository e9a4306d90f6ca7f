"""Repaint after J (next article): key press to the screen refreshed with the new article.

1,000 generated articles (bench/generate.py, seed 7, ~3,000 characters, id/en/de/es) in a
JSON Lines dump, the real pipeline, the app headless at 160x48 (App.run_test). Each sample
times from posting the J key event to the app (as the terminal driver does) to the first
screen refresh after the screen displays the next article (App.call_after_refresh from
the screen's `_display`, see PaintWatch). Pilot's press() is not used for timing: it
waits for the whole process to go idle, which includes the analysis workers that run on
after the repaint.

- warm: the usual case while reading: the reader pauses on each article long enough for
  the neighbours to be analysed (PREFETCH_DELAY, then the workers finish), so the next
  article comes from the LRU.
- cold: the Document cache is emptied before each key, so the article waits for the
  quick analysis pass (structure only; language and entities follow in the same worker).
- held: J held down in a part of the dump not visited yet: a press every REPEAT seconds
  (or as soon as the last one is painted, if later), no pause for the neighbours to be
  prefetched.
Target: median under 50 ms.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generate import generate, write
from textual import events
from textual.worker import WorkerCancelled

from tui.app import WartaApp
from tui.config import load_config
from tui.document_cache import DocumentCache
from tui.dumps.index import Dump
from tui.resources import bundled
from tui.screens.main import MainScreen
from tui.text.model import Document
from tui.themes import load_themes
from tui.widgets.analysis_runner import PREFETCH_DELAY

ARTICLES = 1000
SAMPLES = 150
TARGET_MS = 50.0
REPEAT = 1 / 30  # seconds between presses of a held key (a common key-repeat rate)


class PaintWatch:
    """Notes the first refresh after the screen displays article `expected`.

    Wraps the screen's `_display` (where a Document reaches the view, from the key
    handler or from a worker), so the bench waits on an event instead of polling the
    view: a polling loop would hold the interpreter lock the analysis worker needs.
    """

    def __init__(self, app: WartaApp) -> None:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        self.app = app
        self.expected = -1
        self.painted = asyncio.Event()
        display = screen._display

        def watched(index: int, doc: Document, full: bool) -> None:
            display(index, doc, full)
            if index == self.expected and not self.painted.is_set():
                self.expected = -1
                app.call_after_refresh(self.painted.set)

        screen._display = watched  # type: ignore[method-assign]

    async def press(self, expected: int) -> float:
        """Seconds from posting J to the refresh after article `expected` is displayed."""
        self.expected = expected
        self.painted.clear()
        started = time.perf_counter()
        self.app.post_message(events.Key("J", "J"))
        await self.painted.wait()
        return time.perf_counter() - started


async def _idle(app: WartaApp) -> None:
    """Until no worker runs (a worker cancelled meanwhile is not an error here)."""
    while True:
        try:
            await app.workers.wait_for_complete()
            return
        except WorkerCancelled:
            continue


async def _reader_pause(app: WartaApp) -> None:
    """Wait like a reader would: the neighbours' analysis starts and finishes."""
    await asyncio.sleep(PREFETCH_DELAY + 0.05)
    await app.workers.wait_for_complete()


async def measure(dump_path: Path, state: Path) -> dict[str, list[float]]:
    """Run both scenarios in one app; seconds per sample."""
    config = load_config(None, [])
    app = WartaApp(Dump.open([str(dump_path)]), config, themes=load_themes([bundled("themes")]),
                   state_file=state)
    out: dict[str, list[float]] = {"warm": [], "cold": [], "held": []}
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        watch = PaintWatch(app)
        for n in range(1, SAMPLES + 1):
            await _reader_pause(app)
            out["warm"].append(await watch.press(n))
        screen.article_list.move_to(ARTICLES // 2, force=True)
        await app.workers.wait_for_complete()
        for n in range(ARTICLES // 2 + 1, ARTICLES // 2 + 1 + SAMPLES):
            await app.workers.wait_for_complete()
            screen.cache = DocumentCache(screen.cache.size)
            out["cold"].append(await watch.press(n))
        screen.article_list.move_to(ARTICLES // 4, force=True)
        await _idle(app)
        due = time.perf_counter()
        for n in range(ARTICLES // 4 + 1, ARTICLES // 4 + 1 + SAMPLES):
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            due = time.perf_counter() + REPEAT
            out["held"].append(await watch.press(n))
        await _idle(app)
    return out


def main() -> int:
    """Generate the dump, measure, print medians and p90."""
    with tempfile.TemporaryDirectory() as tmp:
        dump_path = Path(tmp) / "dump.jsonl"
        write(generate(ARTICLES, seed=7, chars=3000), "jsonl", str(dump_path))
        times = asyncio.run(measure(dump_path, Path(tmp) / "ui.yaml"))
    print(f"{ARTICLES} generated articles, {SAMPLES} J presses per case, headless 160x48")
    for name, values in times.items():
        ms = sorted(v * 1000 for v in values)
        median = statistics.median(ms)
        p90 = ms[int(0.9 * (len(ms) - 1))]
        verdict = "ok" if median < TARGET_MS else "OVER TARGET"
        print(f"J -> repainted, {name:4s}: median {median:6.1f} ms, p90 {p90:6.1f} ms, "
              f"max {ms[-1]:6.1f} ms (target median < {TARGET_MS:.0f} ms): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
