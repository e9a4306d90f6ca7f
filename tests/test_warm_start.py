"""Warm start: analysed Documents kept in the sidecar and shown from it on the next start."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from app_fixtures import make_app, marked_analyse, settle

from tui import cli
from tui.analyser import PipelineAnalyser, analysis_version, pipeline_digest, record_digest
from tui.config import load_config
from tui.dumps.analysis_cache import AnalysisCache
from tui.dumps.index import Dump
from tui.dumps.store import Store
from tui.screens.main import MainScreen
from tui.session.analysis import AnalysisService, FunctionAnalyser
from tui.session.opening import open_triage
from tui.session.session import ReaderSession
from tui.session.triage import Triage
from tui.text.model import Document, Record
from tui.widgets.article_view import ArticleView


def _dump(folder: Path, n: int = 4) -> Dump:
    """A folder of n synthetic articles (written for these tests)."""
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(n):
        (folder / f"{k:03d}.txt").write_text(
            f"Judul Sintetis Nomor {k}\n\nWarga kota sintetis membersihkan jalan pada hari "
            f"Senin. Relawan membagikan air bersih kepada {k + 2} keluarga.\n", "utf-8")
    return Dump.open([str(folder)])


def _shelf(tmp_path: Path) -> AnalysisCache:
    """The analysis cache of a sidecar at tmp_path/s.sqlite (made when missing)."""
    Store.open(tmp_path / "s.sqlite", synchronous="normal").close()
    return AnalysisCache(tmp_path / "s.sqlite")


def _full_pass(service: AnalysisService, index: int) -> None:
    """What the screen's worker does for article `index`, stopped once its full Document
    is in (no neighbours)."""
    service.first_frame.set()
    service.run(index, lambda: bool((item := service.cache.get(index)) and item[1]))


class Counting:
    """marked_analyse that counts its calls."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, bool]] = []

    def __call__(self, record: Record, detect_language: bool) -> Any:
        self.calls.append((record.id, detect_language))
        return marked_analyse(record, detect_language)


def test_a_full_analysis_is_kept_and_read_back_without_the_pipeline(tmp_path: Path) -> None:
    config = load_config(None, ())
    dump = _dump(tmp_path / "d")
    first = _shelf(tmp_path)
    try:
        analyser = PipelineAnalyser(config, shelf=first)
        service = AnalysisService(dump, analyser)
        assert analyser.cached(dump.record(1)) is None
        _full_pass(service, 1)
        made = service.cache.get(1)[0]
        assert analyser.warmed
        quick = analyser(dump.record(2), False)  # quick passes are never kept
        assert quick.language is None
    finally:
        first.close()
    again = _shelf(tmp_path)  # a later session on the same sidecar
    try:
        later = PipelineAnalyser(config, shelf=again)
        assert later.cached(dump.record(1)) == made
        later_service = AnalysisService(dump, later)
        _full_pass(later_service, 1)
        assert later_service.cache.get(1) == (made, True)
        assert not later.warmed  # read from the sidecar: no pipeline was built
        assert later.cached(dump.record(2)) is None
    finally:
        again.close()


def test_a_changed_config_or_record_misses_the_cache(tmp_path: Path) -> None:
    config = load_config(None, ())
    dump = _dump(tmp_path / "d")
    shelf = _shelf(tmp_path)
    try:
        analyser = PipelineAnalyser(config, shelf=shelf)
        analyser.store(dump.record(0), analyser(dump.record(0), True))
        slower = load_config(None, ["analysis.words_per_minute=120"])
        assert PipelineAnalyser(slower, shelf=shelf).cached(dump.record(0)) is None
        record = dump.record(0)
        retitled = dataclasses.replace(record, title="Judul Lain")
        assert PipelineAnalyser(config, shelf=shelf).cached(retitled) is None
        assert PipelineAnalyser(config, shelf=shelf).cached(record) is not None
    finally:
        shelf.close()


def test_the_version_follows_the_pipeline_code_and_the_settings(tmp_path: Path) -> None:
    code = tmp_path / "text"
    code.mkdir()
    (code / "rules.py").write_text("RULES = ['a']\n", "utf-8")
    before = pipeline_digest(code)
    assert pipeline_digest(code) == before
    (code / "rules.py").write_text("RULES = ['a', 'b']\n", "utf-8")
    assert pipeline_digest(code) != before
    settings = load_config(None, ()).analysis
    other = load_config(None, ["analysis.words_per_minute=120"]).analysis
    assert analysis_version(settings, "x") == analysis_version(settings, "x")
    assert analysis_version(settings, "x") != analysis_version(settings, "y")
    assert analysis_version(settings, "x") != analysis_version(other, "x")


def test_the_pipeline_digest_is_kept_until_a_file_changes(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    code = tmp_path / "text"
    code.mkdir()
    rules = code / "rules.py"
    rules.write_text("RULES = ['a']\n", "utf-8")
    first = pipeline_digest(code)

    def unread(self: Path) -> bytes:
        raise AssertionError(f"{self} read again")

    with monkeypatch.context() as patched:  # unchanged files: the kept digest, nothing read
        patched.setattr(Path, "read_bytes", unread)
        assert pipeline_digest(code) == first
    rules.write_text("RULES = ['b']\n", "utf-8")  # the same size, a new time
    os.utime(rules, ns=(rules.stat().st_atime_ns, rules.stat().st_mtime_ns + 1_000_000))
    second = pipeline_digest(code)
    assert second != first
    rules.write_text("RULES = ['a']\n", "utf-8")
    assert pipeline_digest(code) == first  # the digest is of the bytes, not of the times


def test_record_digest_covers_the_fields_the_analysis_reads() -> None:
    base = Record("a", "Teks.", title="T", url="u", date="d", author="p", fields={"k": 1})
    key = record_digest(base)
    assert record_digest(dataclasses.replace(base)) == key
    for change in ({"text": "Teks lain."}, {"title": "U"}, {"url": "v"}, {"date": "e"},
                   {"author": "q"}, {"fields": {"k": 2}}):
        assert record_digest(dataclasses.replace(base, **change)) != key, change


def test_other_versions_and_old_texts_are_dropped(tmp_path: Path) -> None:
    cache = _shelf(tmp_path)
    try:
        cache.put("b", "h1", "v0", {"id": "b"})
        cache.prune("v0")  # the first put's background prune is done with (nothing else)
        cache.put("a", "h1", "v1", {"id": "a"})
        cache.put("a", "h2", "v1", {"id": "a", "n": 2})  # the text changed
        assert cache.get("a", "h1", "v1") is None
        assert cache.get("a", "h2", "v1") == {"id": "a", "n": 2}
        assert cache.prune("v1") in (0, 1)  # 0 when the background prune came first
        assert cache.get("b", "h1", "v0") is None
    finally:
        cache.close()


def test_caching_is_not_taken_for_another_readers_decisions(tmp_path: Path) -> None:
    dump = _dump(tmp_path / "d")
    mine = Triage(Store.open(tmp_path / "s.sqlite"), dump)
    cache = AnalysisCache.beside(mine.store)
    try:
        cache.put("x", "h", "v", {"id": "x"})
        cache.put("y", "h", "v", {"id": "y"})
        assert cache.get("x", "h", "v") == {"id": "x"}
        assert not mine.others_changed()
        with Store.open(tmp_path / "s.sqlite") as other:
            other.decide(mine.article_id(2), dump.content_hash(2), "reject")
        cache.put("z", "h", "v", {"id": "z"})  # after the other's commit
        assert mine.others_changed()  # still noticed
        assert mine.mark(2) == "R "
    finally:
        cache.close()
        mine.close()


def test_a_read_only_sidecar_is_read_but_never_written(tmp_path: Path) -> None:
    cache = _shelf(tmp_path)
    cache.put("x", "h", "v", {"id": "x"})
    cache.close()
    store = Store.open(tmp_path / "s.sqlite", readonly=True)
    ro = AnalysisCache.beside(store)
    try:
        assert ro.get("x", "h", "v") == {"id": "x"}
        ro.put("y", "h", "v", {"id": "y"})
        assert ro.get("y", "h", "v") is None
    finally:
        ro.close()
        store.close()


def test_the_command_line_finds_the_saved_articles_analysis(tmp_path: Path) -> None:
    config = load_config(None, ())
    dump = _dump(tmp_path / "d")
    paths = [str(tmp_path / "d")]
    triage, _ = open_triage(paths, dump, state_dir=str(tmp_path / "state"))
    assert triage is not None
    shelf = AnalysisCache.beside(triage.store)

    def session(of: Dump) -> ReaderSession:
        return ReaderSession(of, AnalysisService(of, analyser), triage)

    try:
        analyser = PipelineAnalyser(config, shelf=shelf)
        index, record = session(dump).first_article() or (None, None)
        assert index == 0 and record is not None and analyser.cached(record) is None
        made = analyser(dump.record(2), True)
        analyser.store(dump.record(2), made)
        triage.save_position(2)
        index, record = session(dump).first_article() or (None, None)
        assert index == 2 and record is not None and analyser.cached(record) == made
        assert (session(_dump(tmp_path / "short", 2)).first_article() or (None,))[0] == 0
    finally:
        shelf.close()
        triage.close()


def test_reader_arguments_without_the_sub_command_parsers() -> None:
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) == set(cli.COMMANDS)
    args = cli._reader_argv(["--set", "ui.theme=ansi", "a.jsonl", "b"])
    assert args is not None and args.paths == ["a.jsonl", "b"] and args.set == ["ui.theme=ansi"]
    assert cli._reader_argv(["stats", "a.jsonl"]) is None
    assert cli._reader_argv(["--help"]) is None


@pytest.mark.asyncio
async def test_a_known_document_is_shown_without_analysing_it(tmp_path: Path) -> None:
    counting = Counting()
    app = make_app(tmp_path)
    kept = marked_analyse(app.source.record(0), True)
    app.analyser = counting
    app.documents = {0: kept}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.article_view.document is kept
        assert (app.source.record(0).id, True) not in counting.calls
        assert (app.source.record(0).id, False) not in counting.calls
        await settle(pilot)
        assert screen.article_view.document is kept


@pytest.mark.asyncio
async def test_the_worker_takes_a_kept_document_before_any_pass(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    calls: list[tuple[int, bool]] = []
    records = {app.source.record(i).id: i for i in range(len(app.source))}
    last = len(app.source) - 1  # beyond the neighbours analysed after the first article
    kept = {last: marked_analyse(app.source.record(last), True)}

    def analyse(record: Record, detect_language: bool) -> Any:
        calls.append((records[record.id], detect_language))
        return marked_analyse(record, detect_language)

    app.analyser = FunctionAnalyser(analyse, kept=lambda record: kept.get(records[record.id]))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert (0, False) in calls  # not kept: analysed as usual
        await pilot.press("G")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.article_view.index == last
        assert screen.article_view.document is kept[last]
        assert (last, False) not in calls and (last, True) not in calls


@pytest.mark.asyncio
async def test_an_article_shown_as_the_screen_mounts_is_laid_out_by_the_first_frame(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path)
    app.documents = {0: marked_analyse(app.source.record(0), True)}
    first_drawn: list[str] = []
    render_line = ArticleView.render_line

    def recording(view: ArticleView, y: int) -> Any:
        strip = render_line(view, y)
        if not first_drawn:
            first_drawn.append(strip.text.strip())
        return strip

    monkeypatch.setattr(ArticleView, "render_line", recording)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # The very first line drawn is the title, whole: the article is in the first frame.
        assert first_drawn == ["Banjir Besar Melanda Kota Sungai Deras"]
        screen = app.screen
        assert isinstance(screen, MainScreen)
        view, panel = screen.article_view, screen.meta_panel
        assert view.lines and view._built_width == view._width()  # the pane's width, not 10
        height = view.scrollable_content_region.height
        assert view.virtual_size.height == len(view.lines) + height - 1
        assert view.show_vertical_scrollbar
        assert panel._wrapped_for == panel.scrollable_content_region.width
        assert panel.virtual_size.height == len(panel._lines)
        first = view.lines[0].content.plain
        assert first == "Banjir Besar Melanda Kota Sungai Deras"


def test_a_new_version_drops_the_old_ones_in_the_background_unnoticed(tmp_path: Path) -> None:
    dump = _dump(tmp_path / "d")
    Store.open(tmp_path / "s.sqlite", synchronous="normal").close()
    with sqlite3.connect(tmp_path / "s.sqlite") as c:  # an earlier version's Documents
        c.executemany("INSERT INTO analysis VALUES (?, 'h', 'old', ?)",
                      [(f"a{n}", f'{{"id": "a{n}"}}') for n in range(1200)])  # > one batch
    mine = Triage(Store.open(tmp_path / "s.sqlite"), dump)
    cache = AnalysisCache.beside(mine.store)
    try:
        cache.put("x", "h", "new", {"id": "x"})
        deadline = time.monotonic() + 10
        while cache.get("a1199", "h", "old") is not None:
            assert time.monotonic() < deadline, "the old version was not dropped"
            time.sleep(0.02)
        for _ in range(50):  # the last batch may still be finishing
            if cache.get("a0", "h", "old") is None:
                break
            time.sleep(0.02)
        assert cache.get("a0", "h", "old") is None
        assert cache.get("x", "h", "new") == {"id": "x"}
        time.sleep(0.1)
        assert not mine.others_changed()
    finally:
        cache.close()
        mine.close()


class _Early:
    """An EarlyAnalysis stand-in: the quick Document of article 0, ready or after `ready`."""

    def __init__(self, document: Document, ready: threading.Event | None = None) -> None:
        self.index = 0
        self.document = document
        self.ready = ready
        self.asked: list[float] = []

    def take(self, index: int, timeout: float = 0.0) -> Document | None:
        self.asked.append(timeout)
        if index != self.index or (self.ready is not None and not self.ready.wait(timeout)):
            return None
        return self.document


@pytest.mark.asyncio
async def test_an_early_quick_pass_is_in_the_first_frame_and_not_made_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counting = Counting()
    app = make_app(tmp_path)
    quick = marked_analyse(app.source.record(0), False)
    app.analyser = counting
    app.early = _Early(quick)  # type: ignore[assignment]
    drawn: list[Document | None] = []
    render_line = ArticleView.render_line

    def recording(view: ArticleView, y: int) -> Any:
        if not drawn:
            drawn.append(view.document)
        return render_line(view, y)

    monkeypatch.setattr(ArticleView, "render_line", recording)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        first_id = app.source.record(0).id
        assert drawn == [quick]  # the first frame drew the early quick pass
        await settle(pilot)
        assert (first_id, False) not in counting.calls  # taken, not analysed again
        assert (first_id, True) in counting.calls  # the full pass still runs
        assert screen.article_view.document is not quick
        assert screen.article_view.document.language == "id"
        assert screen.session.analysis.early is None  # let go once the first article is painted


@pytest.mark.asyncio
async def test_the_worker_waits_for_an_early_pass_still_under_way(tmp_path: Path) -> None:
    counting = Counting()
    app = make_app(tmp_path)
    quick = marked_analyse(app.source.record(0), False)
    ready = threading.Event()
    early = _Early(quick, ready)
    app.analyser = counting
    app.early = early  # type: ignore[assignment]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.article_view.document is None  # not ready at mount: the title only
        ready.set()
        await settle(pilot)
        assert early.asked and max(early.asked) > 0  # the worker waited for it
        assert (app.source.record(0).id, False) not in counting.calls
        assert screen.article_view.document is not None
        assert screen.article_view.document.language == "id"


class _Kept(FunctionAnalyser):
    """marked_analyse with Documents kept in a sidecar, as PipelineAnalyser keeps them."""

    def __init__(self, shelf: AnalysisCache) -> None:
        super().__init__(marked_analyse)
        self.shelf = shelf

    def store(self, record: Record, document: Document) -> None:
        self.shelf.put(record.id, record_digest(record), "v", document.to_dict())

    def described(self) -> dict[str, tuple[str | None, str | None, int]]:
        return self.shelf.described()


def test_rows_show_titles_analysed_in_an_earlier_run(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "000.txt").write_text("[share] Bagikan artikel ini lewat surel\n\n"
                                    "Jembatan Baru Dibuka\n\nWarga menyeberang.\n", "utf-8")
    dump = Dump.open([str(folder)])
    shelf = _shelf(tmp_path)
    try:
        first = AnalysisService(dump, _Kept(shelf))
        _full_pass(first, 0)
        later = AnalysisService(dump, _Kept(shelf))  # a restart: nothing in memory
        assert later.describe(0) is None
        assert later.load_kept()
        assert later.describe(0) == ("Jembatan Baru Dibuka", "id", 5)
        assert shelf.title(dump.id_at(0)) == "Jembatan Baru Dibuka"
    finally:
        shelf.close()
