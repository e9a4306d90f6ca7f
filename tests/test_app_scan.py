"""The reader on a dump still being scanned: the first article shows at once, the list and
the header follow the scan, and G and the filters say they cover what is scanned so far.

The scan is slowed by the test hooks of tui.dumps.background (small steps, a pause after
each), so a 1 MB dump takes a couple of seconds to scan.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import time
from pathlib import Path
from typing import Any

import pytest
from app_fixtures import settle, titled_analyse

from tui.app import WartaApp
from tui.config import load_config
from tui.dumps import background
from tui.dumps.index import Dump
from tui.resources import bundled
from tui.screens.main import MainScreen
from tui.session.opening import open_triage
from tui.themes import load_themes
from tui.widgets import scan_watch
from tui.widgets.scan_watch import ScanWatch
from tui.widgets.title_bar import TitleBar

pytestmark = pytest.mark.asyncio

COUNT = 2000


@pytest.fixture(autouse=True)
def slow_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background, "FIRST_BYTES", 16 * 1024)
    monkeypatch.setattr(background, "STEP_BYTES", 16 * 1024)
    monkeypatch.setattr(background, "PAUSE", 0.05)


def _dump_file(tmp_path: Path) -> Path:
    path = tmp_path / "news.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for n in range(COUNT):
            word = "banjir" if n % 100 == 5 else "pasar"
            out.write(json.dumps({"title": f"Berita {n}",
                                  "text": f"Warga membicarakan {word} nomor {n}. " * 12}) + "\n")
    return path


def _app(tmp_path: Path, dump: Dump, **kwargs: Any) -> WartaApp:
    config_path = tmp_path / "config.yaml"
    config_path.write_text("ui: {}\n", encoding="utf-8")
    return WartaApp(dump, load_config(config_path, []), analyser=titled_analyse,
                    themes=load_themes([bundled("themes")]),
                    state_file=tmp_path / "state" / "ui.yaml", **kwargs)


def _main(app: WartaApp) -> MainScreen:
    assert isinstance(app.screen, MainScreen)
    return app.screen


def _header(app: WartaApp) -> str:
    bar = app.screen.query_one(TitleBar)
    return f"{bar.heading} · {bar.where}"


def _notes(app: WartaApp) -> list[str]:
    return [n.message for n in app._notifications]


async def _until(pilot: Any, done: Any, seconds: float = 20.0) -> None:
    end = time.monotonic() + seconds
    while not done():
        assert time.monotonic() < end, "timed out"
        await pilot.pause(0.05)


async def test_first_article_shows_before_the_scan_ends_and_the_list_grows(
        tmp_path: Path) -> None:
    dump = Dump.open([str(_dump_file(tmp_path))], background=True)
    app = _app(tmp_path, dump)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = _main(app)
        assert screen.current == 0
        assert screen.article_view.document is not None
        assert screen.article_view.document.title == "Berita 0"
        assert dump.scanning
        first = len(screen.article_list.rows)
        assert first < COUNT
        await _until(pilot, lambda: "scanning: " in _header(app))
        assert " records" in _header(app)
        await _until(pilot, lambda: len(screen.article_list.rows) > first)
        await _until(pilot, lambda: not dump.scanning)
        await _until(pilot, lambda: len(screen.article_list.rows) == COUNT)
        await _until(pilot, lambda: "scanning" not in _header(app))
        assert f"1 / {COUNT}" in _header(app)
        await _until(pilot, lambda: f"Scan done: {COUNT:,} articles." in _notes(app))
        assert screen.current == 0 and screen.article_list.cursor == 0
        await pilot.press("G")
        await settle(pilot)
        assert screen.current == COUNT - 1
        assert not any("scan goes on" in n for n in _notes(app))
    dump.close()


async def test_the_scan_starts_once_the_first_article_is_painted(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scan_watch, "START_LIMIT", 60.0)  # only the paint can start it
    dump = Dump.open([str(_dump_file(tmp_path))], background=True)
    app = _app(tmp_path, dump)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = _main(app)
        assert screen.startup.painted
        await _until(pilot, lambda: screen.one(ScanWatch).started, seconds=5.0)
        await _until(pilot, lambda: "scanning: " in _header(app), seconds=5.0)
    dump.close()


async def test_G_during_the_scan_goes_to_the_last_found_and_says_so(tmp_path: Path) -> None:
    dump = Dump.open([str(_dump_file(tmp_path))], background=True)
    app = _app(tmp_path, dump)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = _main(app)
        await pilot.press("G")
        await pilot.pause()
        note = next(n for n in _notes(app) if n.startswith("The last of the"))
        found = int(note.split()[4].replace(",", ""))
        assert note == f"The last of the {found:,} articles scanned so far; the scan goes on."
        assert screen.article_list.selected == found - 1 < COUNT - 1
    dump.close()


async def test_a_filter_during_the_scan_covers_what_is_scanned_and_says_so(
        tmp_path: Path) -> None:
    dump = Dump.open([str(_dump_file(tmp_path))], background=True)
    app = _app(tmp_path, dump)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = _main(app)
        screen.apply_filter("banjir")
        await settle(pilot)
        await _until(pilot, lambda: any("scanned so far" in n for n in _notes(app)))
        note = next(n for n in _notes(app) if "scanned so far" in n)
        assert "the scan goes on" in note
        rows = list(screen.article_list.rows)
        assert rows and all(i % 100 == 5 for i in rows)
        await _until(pilot, lambda: not dump.scanning)
        await pilot.pause(0.4)
        assert list(screen.article_list.rows) == rows  # a filtered list keeps what it found
    dump.close()


async def test_a_saved_position_beyond_the_scanned_part_opens_once_reached(
        tmp_path: Path) -> None:
    path = _dump_file(tmp_path)
    whole = Dump.open([str(path)])
    state = tmp_path / "state.sqlite"
    triage, _ = open_triage([str(path)], whole, state=str(state))
    assert triage is not None
    triage.save_position(COUNT - 10)
    triage.close()
    whole.close()
    dump = Dump.open([str(path)], background=True)
    triage, _ = open_triage([str(path)], dump, state=str(state))
    app = _app(tmp_path, dump, triage=triage)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = _main(app)
        assert screen.current == 0 and dump.scanning
        await _until(pilot, lambda: screen.current == COUNT - 10)
        assert any("Back where you were" in n for n in _notes(app))
    dump.close()


async def test_the_header_gives_the_share_of_a_gzip_file_read(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    """The share is the position in the compressed file (gzip's inflated size is unknown)."""
    monkeypatch.setattr(background, "STEP_BYTES", 128 * 1024)
    rng = random.Random(3)
    path = tmp_path / "noise.jsonl.gz"
    lines = (json.dumps({"title": f"Noise {n}", "text": rng.randbytes(1500).hex()}) + "\n"
             for n in range(2000))
    path.write_bytes(gzip.compress("".join(lines).encode()))  # 6 MB, 3 MB compressed
    dump = Dump.open([str(path)], background=True)
    app = _app(tmp_path, dump)
    shares: list[int] = []

    def seen() -> bool:
        if (found := re.search(r"scanning: [\d,]+ records(, \d+ MB/s)?, (\d+) %",
                               _header(app))) is not None:
            shares.append(int(found[2]))
        return not dump.scanning

    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await _until(pilot, seen)
        await _until(pilot, lambda: "scanning" not in _header(app))
    dump.close()
    assert shares == sorted(shares) and shares[0] < 100 and len(set(shares)) >= 2
