"""A 2 MB article among normal ones: how long each key waits for the screen to answer.

A JSON Lines dump of 20 generated articles (bench/generate.py, ~3,000 characters) with a
2 MB article at position 10 (3,800 paragraphs of generated text). The app runs headless
at 160x48 with the real pipeline and a sidecar (as `warta` opens a dump). Each sample
times from posting a key to the first screen refresh after the key's action ran (see
KeyWatch; bench/bench_repaint.py times J the same way):

Keys go to the article pane after the first J onto the big article (j scrolls it).

- normal J: J between normal articles (neighbours analysed, as while reading).
- J onto the big article (first visit, reached without a pause so that it was not
  analysed ahead), j presses while it is analysed and laid out,
  J away, K back (second visit: the Document is cached), j presses there.
- restart on it: a new app on the same sidecar, positioned on the big article, with its
  Document read from the sidecar as the command line does (cli._read): the time from
  start to the first painted frame, the sidecar read, and the keys after it.

The analysis of the big article is capped as `analysis.max_chars` (200,000 characters
analysed, the rest plain paragraphs) when the config has that key; otherwise this script
applies the same cap around the pipeline, so that the numbers are about the screen.
Target: no key waits more than 100 ms.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generate import generate
from textual import events

from tui.analyser import PipelineAnalyser
from tui.app import WartaApp
from tui.config import Config, load_config
from tui.dumps.analysis_cache import AnalysisCache
from tui.dumps.index import Dump
from tui.resources import bundled
from tui.screens.main import MainScreen
from tui.session.opening import open_triage
from tui.session.triage import Triage
from tui.text.model import Block, BlockKind, Document, Record
from tui.themes import load_themes
from tui.widgets.analysis_runner import PREFETCH_DELAY
from tui.widgets.article_view import ArticleView

NORMAL = 20
BIG_AT = 10
BIG_PARAGRAPHS = 3800
BIG_BYTES = 2_000_000
CAP = 200_000
TARGET_MS = 100.0
SIZE = (160, 48)


def big_text() -> str:
    """About 2 MB in BIG_PARAGRAPHS paragraphs of generated article text."""
    paragraphs: list[str] = []
    for article in generate(400, seed=11, chars=6000):
        paragraphs += [p.replace("\n", " ") for p in article["text"].split("\n\n") if p.strip()]
        if sum(len(p) for p in paragraphs) > BIG_BYTES * 1.2:
            break
    per = BIG_BYTES // BIG_PARAGRAPHS
    out = []
    for n in range(BIG_PARAGRAPHS):
        text = paragraphs[n % len(paragraphs)]
        while len(text) < per:
            text += " " + paragraphs[(n * 7 + len(text)) % len(paragraphs)]
        out.append(text[:per].rsplit(" ", 1)[0] + ".")
    return "\n\n".join(out)


def write_dump(path: Path) -> int:
    """The dump file; returns the big article's length in characters."""
    rows = list(generate(NORMAL, seed=7, chars=3000))
    big = {"id": "big", "title": "Laporan Panjang Sekali", "text": big_text()}
    rows.insert(BIG_AT, big)
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(big["text"])


class CappedAnalyser(PipelineAnalyser):
    """The pipeline on the first CAP characters; the rest as plain paragraphs, with a warning.

    Stands in for `analysis.max_chars` where the config does not have it yet.
    """

    def __call__(self, record: Record, detect_language: bool) -> Document:
        """The capped Document of `record`."""
        if len(record.text) <= CAP:
            return super().__call__(record, detect_language)
        cut = record.text.rfind("\n\n", 0, CAP)
        head = Record(record.id, record.text[:cut], record.title, record.url, record.date,
                      record.author, record.fields)
        full, quick = self._pipelines()
        doc = (full if detect_language else quick).analyse(head, detect_language=detect_language)
        line = record.text.count("\n", 0, cut) + 1
        for para in record.text[cut:].split("\n\n"):
            first = line
            line += para.count("\n") + 2
            if para.strip():
                doc.blocks.append(Block(BlockKind.PARAGRAPH, para.strip(), (first, first)))
        doc.warnings.append(f"only the first {CAP:,} characters were analysed; "
                            "the rest is shown as plain text")
        if detect_language:
            self._loaded = True
        return doc


def make_analyser(config: Config, triage: Triage | None) -> PipelineAnalyser:
    """The real analyser when the config caps analysis, else the capped stand-in."""
    settings = config.analysis
    shelf = AnalysisCache.beside(None if triage is None else triage.store)
    if getattr(settings, "max_chars", None):
        return PipelineAnalyser(config, shelf=shelf)
    return CappedAnalyser(config, shelf=shelf)


class KeyWatch:
    """Times a key: posted to the app -> the first refresh after its action ran."""

    def __init__(self, app: WartaApp) -> None:
        self.app = app
        self.done = asyncio.Event()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        view = screen.query_one(ArticleView)
        self._wrap(screen.articles, "step")
        self._wrap(view, "action_cursor_down")

    def _wrap(self, target: Any, name: str) -> None:
        original = getattr(target, name)

        def watched(*args: Any) -> Any:
            result = original(*args)
            self.app.call_after_refresh(self.done.set)
            return result

        setattr(target, name, watched)

    async def press(self, key: str) -> float:
        """Seconds from posting `key` to the refresh after its action."""
        self.done.clear()
        started = time.perf_counter()
        self.app.post_message(events.Key(key, key))
        await self.done.wait()
        return time.perf_counter() - started


async def _pause(app: WartaApp, seconds: float = PREFETCH_DELAY + 0.05) -> None:
    await asyncio.sleep(seconds)
    await app.workers.wait_for_complete()


async def _shown(screen: MainScreen, index: int, timeout: float = 120.0) -> float:
    """Seconds until article `index`'s Document is in the view."""
    started = time.perf_counter()
    view = screen.query_one(ArticleView)
    while not (view.index == index and view.document is not None):
        if time.perf_counter() - started > timeout:
            raise TimeoutError(f"article {index + 1} not shown in {timeout:.0f} s")
        await asyncio.sleep(0.01)
    return time.perf_counter() - started


def open_app(dump_path: Path, state: Path, first: bool) -> tuple[WartaApp, Triage]:
    """The app on the dump and its sidecar, like `warta DUMP` (restart: Document from the
    sidecar before the UI starts, as cli._read does)."""
    config = load_config(None, [])
    dump = Dump.open([str(dump_path)])
    triage, _ = open_triage([str(dump_path)], dump, state=str(state), synchronous="normal")
    assert triage is not None
    analyser = make_analyser(config, triage)
    documents: dict[int, Document] = {}
    if not first:
        index = triage.saved_position() or 0
        started = time.perf_counter()
        kept = analyser.cached(dump.record(index))
        TIMES["restart: sidecar read (cli, before the UI)"] = [time.perf_counter() - started]
        if kept is not None:
            documents[index] = kept
    app = WartaApp(dump, config, analyser=analyser, themes=load_themes([bundled("themes")]),
                   state_file=state.with_suffix(".ui.yaml"), triage=triage,
                   documents=documents)
    return app, triage


TIMES: dict[str, list[float]] = {}


def note(name: str, seconds: float) -> None:
    """Add one sample."""
    TIMES.setdefault(name, []).append(seconds)


async def first_run(dump_path: Path, state: Path) -> None:
    """Normal J, then onto the big article, away and back."""
    app, triage = open_app(dump_path, state, first=True)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            screen = app.screen
            assert isinstance(screen, MainScreen)
            watch = KeyWatch(app)
            for _ in range(BIG_AT - 3):
                await _pause(app)
                note("normal article: J", await watch.press("J"))
            await _pause(app)
            # Two more without a pause (analysed ahead already), then onto the big one before
            # it could be analysed ahead: the first visit waits for its analysis.
            for _ in range(2):
                note("normal article: J", await watch.press("J"))
            shown = asyncio.create_task(_shown(screen, BIG_AT))
            note("big, first visit: J onto it", await watch.press("J"))
            screen.article_view.focus()  # j scrolls the article pane from here on
            for _ in range(5):
                note("big, first visit: j while analysed", await watch.press("j"))
                await asyncio.sleep(0.2)
            note("big, first visit: J -> its text shown (analysis)", await shown)
            for _ in range(10):
                note("big, first visit: j after it is shown", await watch.press("j"))
                await asyncio.sleep(0.05)
            await _pause(app, 1.0)
            note("big: J away", await watch.press("J"))
            await _pause(app)
            note("big, second visit: K back", await watch.press("K"))
            for _ in range(10):
                note("big, second visit: j", await watch.press("j"))
                await asyncio.sleep(0.05)
            await _pause(app, 1.0)
            # Leave the position on the big article for the restart.
            await app.workers.wait_for_complete()
    finally:
        triage.close()


async def restart(dump_path: Path, state: Path) -> None:
    """A new app on the same sidecar, opening on the big article."""
    app, triage = open_app(dump_path, state, first=False)
    started = time.perf_counter()
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = app.screen
            assert isinstance(screen, MainScreen)
            painted = asyncio.Event()
            app.call_after_refresh(painted.set)
            await painted.wait()
            await _shown(screen, BIG_AT)
            shown = asyncio.Event()
            app.call_after_refresh(shown.set)
            await shown.wait()
            note("restart: start -> big article painted", time.perf_counter() - started)
            watch = KeyWatch(app)
            screen.article_view.focus()
            for _ in range(10):
                note("restart: j", await watch.press("j"))
                await asyncio.sleep(0.05)
            note("restart: J away", await watch.press("J"))
            await pilot.pause()
    finally:
        triage.close()


def main() -> int:
    """Generate, measure, print median and max per case."""
    with tempfile.TemporaryDirectory() as tmp:
        dump_path = Path(tmp) / "dump.jsonl"
        chars = write_dump(dump_path)
        state = Path(tmp) / "state.sqlite"
        asyncio.run(first_run(dump_path, state))
        asyncio.run(restart(dump_path, state))
    print(f"{NORMAL} generated articles + one of {chars:,} characters "
          f"({BIG_PARAGRAPHS} paragraphs) at {BIG_AT + 1}, headless {SIZE[0]}x{SIZE[1]}")
    worst = 0.0
    for name, values in TIMES.items():
        ms = sorted(v * 1000 for v in values)
        is_key = not any(w in name for w in ("->", "sidecar read"))
        if is_key:
            worst = max(worst, ms[-1])
        print(f"{name:52s} n={len(ms):2d} median {statistics.median(ms):8.1f} ms, "
              f"max {ms[-1]:8.1f} ms{'' if is_key else '  (not a key)'}")
    verdict = "ok" if worst <= TARGET_MS else "OVER TARGET"
    print(f"longest key wait {worst:.1f} ms (target: none over {TARGET_MS:.0f} ms): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
