"""The triage controller without a terminal: next undecided, undo, labels, rate, filters."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tui.dumps.index import Dump
from tui.dumps.store import Store
from tui.session.filters import ListFilter, filter_choices
from tui.session.opening import open_triage
from tui.session.triage import Triage, TriageRefused
from tui.session.watcher import SidecarPresence

LABELS = ["politics", "economy", "world"]


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make_dump(folder: Path, n: int = 6) -> Dump:
    """A folder of n synthetic one-line articles."""
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(n):
        (folder / f"{k:03d}.txt").write_text(f"Judul sintetis {k}\n\nIsi {k}.\n", "utf-8")
    return Dump.open([str(folder)])


@pytest.fixture
def triage(tmp_path: Path):
    clock = Clock()
    t = Triage(Store.open(tmp_path / "s.sqlite", synchronous="normal"),
               make_dump(tmp_path / "d"), LABELS, clock=clock)
    t.clock_for_test = clock
    yield t
    t.close()


def test_next_undecided_moves_forward_and_wraps(triage: Triage) -> None:
    rows = range(6)
    triage.decide(2, "keep")
    assert triage.next_undecided(rows, 1) == 3
    triage.decide(5, "reject")
    assert triage.next_undecided(rows, 4) == 0  # past the end: from the top
    for k in (0, 1, 3, 4):
        triage.decide(k, "skip")
    assert triage.next_undecided(rows, 0) is None
    triage.undo()  # 4 undecided again: found from 0, but not within 3 rows
    assert triage.next_undecided(rows, 0) == 4
    assert triage.next_undecided(rows, 0, limit=3) is None
    triage.decide(4, "skip")
    # Labels or a note alone do not make an article decided.
    triage.undo()
    triage.toggle_label(4, 1)
    assert triage.next_undecided(rows, 0) == 4


def test_undo_returns_the_articles_in_reverse_order(triage: Triage) -> None:
    for k, d in ((0, "keep"), (3, "reject"), (1, "flag"), (3, "keep")):
        triage.decide(k, d)
    assert [triage.undo().article for _ in range(5)] == [3, 1, 3, 0, None]
    assert triage.progress().decided == 0
    assert triage.mark(3) == ""


def test_counts_follow_decisions_redecisions_and_undo(triage: Triage) -> None:
    triage.decide(0, "keep")
    triage.decide(1, "keep")
    triage.decide(1, "reject")  # re-deciding moves the count, it does not add one
    p = triage.progress()
    assert (p.decided, p.total, p.counts["keep"], p.counts["reject"]) == (2, 6, 1, 1)
    triage.undo()
    assert triage.progress().counts == {"keep": 2, "reject": 0, "skip": 0, "flag": 0}


def test_rate_per_minute_over_recent_decisions(triage: Triage) -> None:
    clock = triage.clock_for_test
    triage.decide(0, "keep")
    assert triage.progress().rate is None  # one decision is no rate
    for k in range(1, 5):
        clock.now += 15
        triage.decide(k, "keep")
    # 5 decisions in 60 s.
    assert triage.progress().rate == pytest.approx(5.0)
    assert "5/min" in triage.progress().line()
    clock.now += 1000  # all older than the window
    assert triage.progress().rate is None


def test_labels_toggle_in_order_and_unknown_numbers_are_refused(triage: Triage) -> None:
    assert triage.toggle_label(2, 3).message == "+ world"
    assert triage.toggle_label(2, 1).message == "+ politics"
    assert triage.toggle_label(2, 3).message == "− world"
    assert triage.decision_at(2).labels == ("politics",)
    with pytest.raises(TriageRefused, match=r"No label 7: .*1 politics, 2 economy, 3 world"):
        triage.toggle_label(2, 7)


def test_marks_and_tags(triage: Triage) -> None:
    triage.decide(0, "flag")
    triage.set_note(1, "cek")
    triage.toggle_label(1, 2)
    triage.toggle_label(1, 3)
    assert triage.mark(0) == "F "
    assert triage.mark(1) == "·*"  # annotated, undecided, with a note
    assert triage.tags(1, 40) == "#economy #world"
    assert triage.tags(1, 10) == "#eco #wor"
    assert triage.tags(1, 7) == "#ec#wo"  # names, shortened to fit; never key numbers
    assert triage.tags(1, 4) == "#e#w"
    assert triage.tags(1, 3) == "#e…"
    assert triage.tags(0, 40) == ""


def test_text_changed_since_the_decision_is_marked(tmp_path: Path) -> None:
    dump_dir = tmp_path / "d"
    first = Triage(Store.open(tmp_path / "s.sqlite"), make_dump(dump_dir), LABELS)
    first.decide(1, "keep")
    first.close()
    (dump_dir / "001.txt").write_text("Judul sintetis 1\n\nIsi yang sudah diubah.\n", "utf-8")
    again = Triage(Store.open(tmp_path / "s.sqlite"), Dump.open([str(dump_dir)]), LABELS)
    try:
        assert again.mark(1) == "K!"
        assert again.decision_at(1).text_changed
        again.decide(1, "reject")  # deciding again records the new text
        assert again.mark(1) == "R "
    finally:
        again.close()


def test_position_is_saved_and_restored(tmp_path: Path) -> None:
    dump = make_dump(tmp_path / "d")
    t = Triage(Store.open(tmp_path / "s.sqlite"), dump, LABELS)
    assert t.saved_position() is None
    t.save_position(4)
    t.close()
    again = Triage(Store.open(tmp_path / "s.sqlite"), Dump.open([str(tmp_path / "d")]), LABELS)
    assert again.saved_position() == 4
    again.close()


def test_filters_by_decision_label_and_undecided(triage: Triage) -> None:
    triage.decide(4, "keep")
    triage.decide(1, "keep")
    triage.decide(2, "reject")
    triage.toggle_label(2, 1)
    triage.toggle_label(5, 1)
    assert triage.filter_rows(ListFilter("keep")) == [1, 4]
    assert triage.filter_rows(ListFilter("flag")) == []
    assert triage.filter_rows(ListFilter(label="politics")) == [2, 5]
    assert triage.filter_rows(ListFilter("undecided")) == [0, 3, 5]
    assert triage.filter_rows(ListFilter()) == list(range(6))
    assert triage.filter_rows(ListFilter("undecided"), cancelled=lambda: True) is None
    names = [f.name for f in filter_choices(LABELS)]
    assert names == ["all articles", "undecided", "keep", "reject", "skip", "flag",
                     "label politics", "label economy", "label world"]


def test_another_process_writing_is_noticed_and_loaded(tmp_path: Path) -> None:
    dump = make_dump(tmp_path / "d")
    mine = Triage(Store.open(tmp_path / "s.sqlite"), dump, LABELS)
    try:
        mine.decide(0, "keep")
        assert not mine.others_changed()  # our own writes do not count
        with Store.open(tmp_path / "s.sqlite") as other:
            other.decide(mine.article_id(3), dump.content_hash(3), "reject")
        assert mine.others_changed()
        assert mine.mark(3) == "R "
        assert mine.progress().counts["reject"] == 1
        assert not mine.others_changed()
    finally:
        mine.close()


def test_read_only_store_refuses_every_write(tmp_path: Path) -> None:
    Store.open(tmp_path / "s.sqlite").close()
    t = Triage(Store.open(tmp_path / "s.sqlite", readonly=True), make_dump(tmp_path / "d"),
               LABELS)
    try:
        for write in (lambda: t.decide(0, "keep"), t.undo, lambda: t.toggle_label(0, 1),
                      lambda: t.set_note(0, "x")):
            with pytest.raises(TriageRefused, match=r"^Read-only: .*not saved"):
                write()
        t.save_position(2)  # silently not saved
    finally:
        t.close()


def test_open_triage_falls_back_or_says_why(tmp_path: Path) -> None:
    dump = make_dump(tmp_path / "d")
    paths = [str(tmp_path / "d")]
    state = tmp_path / "here.sqlite"
    first, messages = open_triage(paths, dump, labels=LABELS, state=str(state))
    assert first is not None and not first.readonly and messages == []
    second, messages = open_triage(paths, dump, labels=LABELS, state=str(state))
    assert second is not None and not second.readonly
    assert len(messages) == 1 and "Another warta has this dump open" in messages[0]
    second.close()
    first.close()
    third, messages = open_triage(paths, dump, state=str(state))
    assert third is not None and messages == []  # the lock went with its owner
    third.close()
    folder = tmp_path / "a-folder.sqlite"
    folder.mkdir()
    none, messages = open_triage(paths, dump, state=str(folder))
    assert none is None and messages[0].startswith("Triage is off: ")
    assert "a-folder.sqlite" in messages[0]


def test_presence_lock_is_exclusive(tmp_path: Path) -> None:
    one, two = SidecarPresence(tmp_path / "x"), SidecarPresence(tmp_path / "x")
    assert one.claim()
    assert not two.claim()
    one.release()
    assert two.claim()
    two.release()


def test_decisions_are_committed_when_decide_returns(triage: Triage) -> None:
    triage.decide(3, "flag")
    with sqlite3.connect(triage.store.path) as other:
        rows = other.execute("SELECT decision FROM decisions").fetchall()
    assert rows == [("flag",)]
