"""Repaint after J (next article): key press to the screen refreshed with the new article,
against Textual's own floor measured in the same run.

1,000 generated articles (bench/generate.py, seed 7, ~3,000 characters, id/en/de/es) in a
JSON Lines dump, the real pipeline, the app headless at 160x48 (App.run_test). Each sample
times from posting the J key event to the app (as the terminal driver does) to the first
frame drawn after the new article reached the view, with the view's new lines in it
(see FrameWatch). Pilot's press() is not used for timing: it waits for the whole process
to go idle, which includes the analysis workers that run on after the repaint.

- baseline: a minimal Textual app (FloorApp) running beside warta in the same event loop:
  one full-screen Line API widget (160x48) whose lines (Strips made before the run from
  the same generated articles) are swapped on J, timed the same way (J posted to the first
  frame drawn with the widget's new lines): what any Textual app pays to repaint a full
  screen on a key.
  Its samples are taken interleaved with warta's, at quiet moments: one before each warm
  and each cold press, and a run at the held cadence just before the held presses.
- warm: the usual case while reading: the reader pauses on each article long enough for
  the neighbours to be analysed (PREFETCH_DELAY, then the workers finish), so the next
  article comes from the LRU.
- cold: the Document cache is emptied before each key, so the article waits for the
  quick analysis pass (structure only; language and entities follow in the same worker).
- held: J held down in a part of the dump not visited yet: a press every REPEAT seconds
  (or as soon as the last one is painted, if later), no pause for the neighbours to be
  prefetched.
Each case prints its median, p90 and max, and its median as a ratio to the baseline's
(the targets: warm within 1.3x, cold and held within 2x). Beside it, the median CPU time
of the UI thread (the event loop's, where both apps run) during a sample, and its ratio:
on a machine shared with other work the wall times stretch, the CPU times much less.
Last, Textual's compositor alone redrawing each app's whole screen from cached lines
(`full_pass`): the floor of any frame for that widget tree, and what it bounds J's ratio to.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import ClassVar, NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generate import generate, write
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import UPDATE_PERIOD, Screen
from textual.strip import Strip
from textual.widget import Widget
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
SIZE = (160, 48)
TARGETS = {"warm": 1.3, "cold": 2.0, "held": 2.0}  # median as a ratio to the baseline's
REPEAT = 1 / 30  # seconds between presses of a held key (a common key-repeat rate)
PAGES = 16  # screenfuls the baseline cycles through


class Sample(NamedTuple):
    """One key: wall seconds to the frame, and CPU seconds the UI thread spent meanwhile."""

    wall: float
    cpu: float


class FrameWatch:
    """Times a key: from posting it to the first frame drawn with `widget`'s new lines.

    `changed()` is called where the new content reaches the widget; the sample ends at
    the first frame the app draws (App._display, called headless too) after the widget
    has drawn lines since then. Textual's call_after_refresh is not used: it may run
    before the widget's repaint has reached the screen (seen with the baseline's app).
    The bench waits on an event instead of polling: a polling loop would hold the
    interpreter lock the analysis worker needs.
    """

    def __init__(self, app: App[object], widget: Widget) -> None:
        self.app = app
        self.armed = False  # the new content has reached the widget, not the screen yet
        self.drawn = False  # the widget has drawn lines since
        self.painted = asyncio.Event()
        display = app._display
        render_line = widget.render_line

        def watched_display(screen: Screen[object], renderable: object) -> None:
            display(screen, renderable)  # type: ignore[arg-type]
            if self.armed and self.drawn:
                self.armed = False
                self.painted.set()

        def watched_line(y: int) -> Strip:
            if self.armed:
                self.drawn = True
            return render_line(y)

        app._display = watched_display  # type: ignore[method-assign]
        widget.render_line = watched_line  # type: ignore[method-assign]

    def changed(self) -> None:
        """The widget has its new content: the next frame that draws it ends the sample."""
        self.drawn = False
        self.armed = True

    async def press(self) -> Sample:
        """Seconds from posting J to the frame with the widget's new lines."""
        self.painted.clear()
        self.armed = False
        with self.app._context():
            cpu = time.thread_time()
            started = time.perf_counter()
            self.app.post_message(events.Key("J", "J"))
            await self.painted.wait()
        return Sample(time.perf_counter() - started, time.thread_time() - cpu)


class Page(Widget, can_focus=True):
    """A full-screen Line API widget showing one of several ready-made screenfuls."""

    def __init__(self, pages: list[list[Strip]]) -> None:
        super().__init__()
        self.pages = pages
        self.shown = 0

    def swap(self) -> None:
        """Show the next screenful."""
        self.shown = (self.shown + 1) % len(self.pages)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        """Line `y` of the screenful shown."""
        page = self.pages[self.shown]
        return page[y] if y < len(page) else Strip.blank(self.size.width)


class FloorScreen(Screen[None]):
    """The baseline's screen: J (a screen binding, as warta's is) swaps its one widget."""

    BINDINGS: ClassVar = [Binding("J", "swap", "swap")]

    def __init__(self, pages: list[list[Strip]]) -> None:
        super().__init__()
        self.pages = pages
        self.swapped: Callable[[], None] = lambda: None

    def compose(self) -> ComposeResult:
        """The one widget."""
        yield Page(self.pages)

    def on_mount(self) -> None:
        """Focus the widget, as warta's list is focused when J arrives."""
        self.query_one(Page).focus()

    def action_swap(self) -> None:
        """Swap the content."""
        self.query_one(Page).swap()
        self.swapped()


class FloorApp(App[None]):
    """The baseline: a minimal app whose only screen swaps a full-screen widget on J."""

    CSS = "Page { width: 1fr; height: 1fr; }"

    def __init__(self, pages: list[list[Strip]]) -> None:
        super().__init__()
        self.pages = pages

    def on_mount(self) -> None:
        """Open the one screen."""
        self.push_screen(FloorScreen(self.pages))

    def watch(self) -> FrameWatch:
        """A FrameWatch on the widget, told of each swap."""
        screen = self.screen
        assert isinstance(screen, FloorScreen)
        watch = FrameWatch(self, screen.query_one(Page))
        screen.swapped = watch.changed
        return watch


def floor_pages(articles: Iterator[dict[str, object]]) -> list[list[Strip]]:
    """PAGES screenfuls of article text wrapped to the screen, rendered to Strips."""
    width, height = SIZE
    pages: list[list[Strip]] = []
    for article in articles:
        text = Content(f"{article['title']}\n\n{article['text']}")
        lines = [line for part in text.split("\n") for line in (part.wrap(width) or [part])]
        strips = [Strip(line.render_segments(), line.cell_length).adjust_cell_length(width)
                  for line in lines[:height]]
        pages.append(strips + [Strip.blank(width)] * (height - len(strips)))
        if len(pages) == PAGES:
            break
    return pages


class ArticleWatch(FrameWatch):
    """A FrameWatch on warta's article view, told when article `expected` is displayed.

    Wraps the screen's `articles.display` (ArticleOpener: where a Document reaches the
    view, from the key handler or from a worker).
    """

    def __init__(self, app: WartaApp) -> None:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        super().__init__(app, screen.article_view)
        self.expected = -1
        display = screen.articles.display

        def watched(index: int, doc: Document, full: bool) -> None:
            display(index, doc, full)
            if index == self.expected:
                self.expected = -1
                self.changed()

        screen.articles.display = watched  # type: ignore[method-assign]

    async def open(self, expected: int) -> Sample:
        """Seconds from posting J to the frame showing article `expected`."""
        self.expected = expected
        return await self.press()


async def _idle(app: WartaApp) -> None:
    """Until no worker runs (a worker cancelled meanwhile is not an error here)."""
    while True:
        try:
            await app.workers.wait_for_complete()
            return
        except WorkerCancelled:
            continue


async def _reader_pause(app: WartaApp) -> None:
    """Wait like a reader would: the neighbours' analysis starts, finishes and is drawn.

    Textual draws at most one frame per UPDATE_PERIOD: a key within that of the last frame
    waits for the next. The baseline's last frame is always long past when J comes, so
    warta's is too (the list rows redrawn for the neighbours' analyses).
    """
    await asyncio.sleep(PREFETCH_DELAY + 0.05)
    await app.workers.wait_for_complete()
    await asyncio.sleep(2 * UPDATE_PERIOD)


async def _held(press: Callable[[int], Awaitable[Sample]], samples: int,
                out: list[Sample]) -> None:
    """`samples` presses at the held-key cadence: every REPEAT s, or once the last is painted."""
    due = time.perf_counter()
    for n in range(samples):
        await asyncio.sleep(max(0.0, due - time.perf_counter()))
        due = time.perf_counter() + REPEAT
        out.append(await press(n))


def full_pass(screen: Screen[object], repeats: int = 200) -> float:
    """Median seconds of Textual's compositor redrawing the whole screen from what every
    widget has cached (no widget draws a line anew): the part of any frame that grows
    with the number of widgets on each line, whatever the app does itself."""
    compositor = screen._compositor
    times = []
    for _ in range(repeats):
        compositor._dirty_regions.add(screen.region)
        started = time.perf_counter()
        compositor.render_partial_update()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


async def measure(dump_path: Path, state: Path,
                  pages: list[list[Strip]]) -> dict[str, list[Sample]]:
    """Run the baseline and the three cases in one event loop."""
    config = load_config(None, [])
    floor = FloorApp(pages)
    app = WartaApp(Dump.open([str(dump_path)]), config, themes=load_themes([bundled("themes")]),
                   state_file=state)
    out: dict[str, list[Sample]] = {"baseline": [], "warm": [], "cold": [], "held": []}
    base = out["baseline"]
    async with floor.run_test(size=SIZE) as floor_pilot, app.run_test(size=SIZE) as pilot:
        await floor_pilot.pause()
        await pilot.pause()
        await app.workers.wait_for_complete()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        watch = ArticleWatch(app)
        floor_watch = floor.watch()
        for n in range(1, SAMPLES + 1):
            await _reader_pause(app)
            base.append(await floor_watch.press())
            out["warm"].append(await watch.open(n))
        screen.article_list.move_to(ARTICLES // 2, force=True)
        await app.workers.wait_for_complete()
        for n in range(ARTICLES // 2 + 1, ARTICLES // 2 + 1 + SAMPLES):
            await app.workers.wait_for_complete()
            base.append(await floor_watch.press())
            screen.cache = DocumentCache(screen.cache.size)
            out["cold"].append(await watch.open(n))
        screen.article_list.move_to(ARTICLES // 4, force=True)
        await _idle(app)
        await _held(lambda _n: floor_watch.press(), SAMPLES, base)
        start = ARTICLES // 4 + 1
        await _held(lambda n: watch.open(start + n), SAMPLES, out["held"])
        await _idle(app)
        await asyncio.sleep(0.5)
        for name, screen in (("baseline", floor.screen), ("warta", app.screen)):
            out[f"full pass, {name}"] = [Sample(full_pass(screen), 0.0)]
    return out


def main() -> int:
    """Generate the dump, measure, print medians, p90 and ratios to the baseline."""
    with tempfile.TemporaryDirectory() as tmp:
        dump_path = Path(tmp) / "dump.jsonl"
        write(generate(ARTICLES, seed=7, chars=3000), "jsonl", str(dump_path))
        pages = floor_pages(generate(PAGES, seed=7, chars=3000))
        times = asyncio.run(measure(dump_path, Path(tmp) / "ui.yaml", pages))
    print(f"{ARTICLES} generated articles, {SAMPLES} J presses per case, headless "
          f"{SIZE[0]}x{SIZE[1]}; baseline: a minimal app swapping one full-screen Line API "
          f"widget on J ({len(times['baseline'])} presses, interleaved)")
    floor = statistics.median(s.wall for s in times["baseline"])
    floor_cpu = statistics.median(s.cpu for s in times["baseline"])
    passes = {name: times.pop(f"full pass, {name}")[0].wall for name in ("baseline", "warta")}
    for name, values in times.items():
        ms = sorted(s.wall * 1000 for s in values)
        median = statistics.median(ms)
        p90 = ms[int(0.9 * (len(ms) - 1))]
        ratio = median / (floor * 1000)
        cpu = statistics.median(s.cpu for s in values)
        line = (f"J -> repainted, {name:8s}: median {median:6.1f} ms, p90 {p90:6.1f} ms, "
                f"max {ms[-1]:6.1f} ms, {ratio:5.2f}x baseline; UI thread CPU median "
                f"{cpu * 1000:5.1f} ms, {cpu / floor_cpu:5.2f}x")
        if name in TARGETS:
            verdict = "ok" if ratio <= TARGETS[name] else "OVER TARGET"
            line += f" (target <= {TARGETS[name]:.1f}x): {verdict}"
        print(line)
    print(f"Compositor alone, whole screen redrawn from cached lines: baseline "
          f"{passes['baseline'] * 1000:.2f} ms, warta {passes['warta'] * 1000:.2f} ms: J can be "
          f"no faster than {(floor + passes['warta'] - passes['baseline']) / floor:.2f}x the "
          f"baseline with this many widgets on a line")
    return 0


if __name__ == "__main__":
    sys.exit(main())
