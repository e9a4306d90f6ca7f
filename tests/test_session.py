"""The reader session without Textual: start position, triage outcomes, the analysis order."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from app_fixtures import marked_analyse, write_dump

from tui.dumps.index import Dump
from tui.dumps.store import Store
from tui.session.analysis import HOLD_OFF, AnalysisService, FunctionAnalyser
from tui.session.filters import ListFilter
from tui.session.opening import open_triage
from tui.session.session import TRIAGE_OFF, ReaderSession
from tui.session.triage import Triage
from tui.text.model import Document, Record


def _articles(n: int) -> list[str]:
    return [f"Judul Sintetis {k}\n\nIsi sintetis nomor {k}.\n" for k in range(n)]


@pytest.fixture
def dump(tmp_path: Path) -> Dump:
    return Dump.open([str(write_dump(tmp_path / "d", _articles(6)))])


class Heard:
    """An AnalysisListener that keeps what it hears."""

    def __init__(self) -> None:
        self.ready: list[tuple[int, bool]] = []
        self.failed: list[tuple[int, str]] = []

    def ready_(self, index: int, document: Document, full: bool,
               painted: threading.Event | None) -> None:
        self.ready.append((index, full))
        if painted is not None:
            painted.set()

    def failed_(self, index: int, error: str) -> None:
        self.failed.append((index, error))

    def notice(self, text: str) -> None:
        pass


def _listen(service: AnalysisService) -> Heard:
    heard = Heard()

    class Listener:
        ready = heard.ready_
        failed = heard.failed_
        notice = heard.notice

    service.listener = Listener()
    service.first_frame.set()
    return heard


def test_the_start_position_is_read_once_and_bounded(tmp_path: Path, dump: Dump) -> None:
    triage, _ = open_triage([str(tmp_path / "d")], dump, state=str(tmp_path / "s.sqlite"))
    assert triage is not None
    try:
        triage.save_position(4)
        reads: list[int | None] = []
        saved_position = triage.saved_position

        def counted() -> int | None:
            reads.append(found := saved_position())
            return found

        triage.saved_position = counted  # type: ignore[method-assign]
        session = ReaderSession(dump, AnalysisService(dump, FunctionAnalyser(marked_analyse)),
                                triage)
        assert session.start == 4 and session.first_article()[0] == 4
        assert session.start == 4 and reads == [4]
    finally:
        triage.close()
    off = ReaderSession(dump, AnalysisService(dump, FunctionAnalyser(marked_analyse)))
    assert off.start == 0
    assert off.decide(0, "keep", range(6), 0) == TRIAGE_OFF
    assert off.undo() == TRIAGE_OFF and off.note_refused() == TRIAGE_OFF


def test_a_decision_is_one_commit_and_names_the_next_undecided_row(
        tmp_path: Path, dump: Dump) -> None:
    triage = Triage(Store.open(tmp_path / "s.sqlite"), dump)
    session = ReaderSession(dump, AnalysisService(dump, FunctionAnalyser(marked_analyse)),
                            triage)
    try:
        triage.decide(2, "skip")
        statements: list[str] = []
        triage.store._conn.set_trace_callback(statements.append)
        outcome = session.decide(1, "keep", range(6), 1)
        triage.store._conn.set_trace_callback(None)
        assert [s for s in statements if s.startswith("COMMIT")] == ["COMMIT"]
        assert outcome.row == 3 and not outcome.message
        assert triage.store.position() == dump.id_at(3)
        assert session.opened(3).message == ""  # already the saved position: no write
        for k in (0, 3, 4):
            session.decide(k, "keep", range(6), k)
        last = session.decide(5, "reject", range(6), 5)
        assert last.row is None and last.message == "Every article in the list is decided."
        back = session.undo()
        assert back.article == 5 and triage.store.position() == dump.id_at(5)
    finally:
        triage.close()


def test_a_read_only_triage_refuses_with_an_outcome(tmp_path: Path, dump: Dump) -> None:
    Store.open(tmp_path / "s.sqlite").close()
    triage = Triage(Store.open(tmp_path / "s.sqlite", readonly=True), dump)
    session = ReaderSession(dump, AnalysisService(dump, FunctionAnalyser(marked_analyse)),
                            triage)
    try:
        outcome = session.decide(0, "keep", range(6), 0)
        assert outcome.warning and outcome.message.startswith("Read-only:")
        assert outcome.row is None
        assert session.note_refused() is not None
    finally:
        triage.close()


def test_the_service_asks_the_sidecar_once_and_analyses_quick_then_full(dump: Dump) -> None:
    asked: list[str] = []
    passes: list[tuple[str, bool]] = []

    def analyse(record: Record, detect: bool) -> Document:
        passes.append((record.id, detect))
        return marked_analyse(record, detect)

    def kept(record: Record) -> Document | None:
        asked.append(record.id)
        return None

    service = AnalysisService(dump, FunctionAnalyser(analyse, kept=kept))
    heard = _listen(service)
    first = dump.record(0)
    assert service.kept(0, first) is None  # the command line's look-up at start
    service.run(0, lambda: False)
    assert asked.count(first.id) == 1  # not again by the worker
    assert passes[:2] == [(first.id, False), (first.id, True)]
    assert heard.ready[:2] == [(0, False), (0, True)]
    assert [i for i, _ in heard.ready[2:]] == [1, 2]  # neighbours in PREFETCH order (no -1)
    assert all(full for _, full in heard.ready[2:])
    assert service.describe(0) == ("Judul Sintetis 0", "id", service.describe(0)[2])


def test_a_kept_document_is_used_without_analysing(dump: Dump) -> None:
    made = marked_analyse(dump.record(3), True)
    passes: list[int] = []
    service = AnalysisService(dump, FunctionAnalyser(
        lambda r, d: passes.append(1) or marked_analyse(r, d),
        kept=lambda r: made if r.id == made.id else None))
    heard = _listen(service)
    service.run(3, lambda: True)  # cancelled: the neighbours are not analysed
    assert service.cache.get(3) == (made, True) and passes == []
    assert heard.ready == []  # cancelled before it could be shown


def test_a_held_key_gets_quick_passes_ahead_and_no_full_pass(dump: Dump) -> None:
    """`ahead` (J held): the next articles' quick passes come before this one's full
    pass, which waits HOLD_OFF for the next key and is not made when it comes."""
    passes: list[bool] = []  # detect_language, for each pass
    service = AnalysisService(dump, FunctionAnalyser(
        lambda r, d: passes.append(d) or marked_analyse(r, d)))
    heard = _listen(service)
    keys = [False]
    timer = threading.Timer(HOLD_OFF / 3, lambda: keys.__setitem__(0, True))
    timer.start()
    service.run(1, lambda: keys[0], ahead=[2, 3])
    timer.join()
    assert heard.ready == [(1, False), (2, False), (3, False)]  # no full pass: the next key
    assert not any(passes)
    service.run(2, lambda: False, ahead=[3, 4])  # the keys pause on article 2
    assert heard.ready[3:5] == [(4, False), (2, True)]  # 3 known: only 4 read ahead


def test_the_header_text_is_composed_without_a_terminal(dump: Dump) -> None:
    session = ReaderSession(dump, AnalysisService(dump, FunctionAnalyser(marked_analyse)))
    assert session.heading() == f"warta — {dump.name}"  # triage off: no progress
    assert session.where(None, 6, ListFilter()) == ""
    assert session.where(2, 6, ListFilter()) == "3 / 6"
    assert session.where(2, 1, ListFilter()) == "3 / 6 · 1 match"
    assert session.where(2, 4, ListFilter()) == "3 / 6 · 4 matches"
    assert session.where(0, 2, ListFilter(decision="keep")) == "1 / 6 · showing keep: 2 of 6"
