"""The SQLite sidecar: decisions, undo, labels, notes, position, concurrency, SIGKILL."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.dumps.analysis_cache import AnalysisCache
from tui.dumps.store import Decision, Store, StoreError, default_state_dir, state_path_for

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "state.sqlite", dump_paths=["dump.jsonl"])
    yield s
    s.close()


def test_decide_and_read_back(store: Store) -> None:
    store.decide("a#1", "h1", "keep")
    store.decide("a#2", "h2", "reject")
    store.decide("a#1", "h1", "flag")
    d = store.decision("a#1", "h1")
    assert isinstance(d, Decision)
    assert (d.decision, d.labels, d.note, d.text_changed) == ("flag", (), "", False)
    assert store.decision("a#1", "other").text_changed
    assert store.decision("missing") is None
    assert store.counts() == {"keep": 0, "reject": 1, "skip": 0, "flag": 1}
    with pytest.raises(ValueError, match="keep, reject, skip, flag"):
        store.decide("a#3", "h3", "maybe")


def test_undo_goes_back_in_order(store: Store) -> None:
    store.decide("a", "h", "keep")
    store.decide("b", "h", "reject")
    store.decide("a", "h", "skip")
    assert store.undo().article_id == "a"
    assert store.decision("a").decision == "keep"
    assert store.undo().article_id == "b"
    assert store.decision("b") is None
    assert store.undo().article_id == "a"
    assert store.decision("a") is None
    assert store.undo() is None
    assert store.counts() == {"keep": 0, "reject": 0, "skip": 0, "flag": 0}


def test_undo_keeps_labels_and_notes(store: Store) -> None:
    store.set_labels("a", "h", ["economy"])
    store.decide("a", "h", "keep")
    store.set_note("a", "h", "check the figures")
    assert store.undo().article_id == "a"
    d = store.decision("a")
    assert (d.decision, d.labels, d.note) == (None, ("economy",), "check the figures")


def test_undo_is_per_session(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    with Store.open(path) as one, Store.open(path) as two:
        one.decide("a", "h", "keep")
        two.decide("b", "h", "reject")
        assert one.undo().article_id == "a"
        assert one.undo() is None
        assert two.decision("b").decision == "reject"


def test_labels_notes_and_position_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    with Store.open(path) as s:
        s.decide("x#1", "h", "keep")
        assert s.toggle_label("x#1", "h", "politics").after.labels == ("politics",)
        assert s.toggle_label("x#1", "h", "economy").after.labels == ("politics", "economy")
        assert s.toggle_label("x#1", "h", "politics").after.labels == ("economy",)
        s.set_labels("x#2", "h2", ["sport", "sport", "local"])
        s.set_note("x#1", "h", "Überprüfen — ñ")
        s.save_position("x#2")
    with Store.open(path, readonly=True) as s:
        d = s.decision("x#1")
        assert (d.decision, d.labels, d.note) == ("keep", ("economy",), "Überprüfen — ñ")
        assert s.decision("x#2").labels == ("sport", "local")
        assert s.decision("x#2").decision is None
        assert s.position() == "x#2"
        assert s.label_counts() == {"economy": 1, "local": 1, "sport": 1}
        with pytest.raises(StoreError, match="read-only"):
            s.decide("x#3", "h", "keep")


def test_iter_decisions_filters_and_streams_in_order(store: Store) -> None:
    for i in range(2500):
        store.decide(f"id{i}", f"h{i}", ("keep", "reject")[i % 2])
    store.set_labels("id4", "h4", ["politics"])
    store.set_labels("id5", "h5", ["politics"])
    store.decide("id0", "h0", "flag")  # re-deciding keeps the article's place
    all_ids = [d.article_id for d in store.iter_decisions()]
    assert all_ids == [f"id{i}" for i in range(2500)]
    assert [d.article_id for d in store.iter_decisions(decision="flag")] == ["id0"]
    assert [d.article_id for d in store.iter_decisions(label="politics")] == ["id4", "id5"]
    assert [d.article_id for d in store.iter_decisions("keep", "politics")] == ["id4"]


def test_wal_and_synchronous(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite", synchronous="normal") as s:
        assert s._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s._conn.execute("PRAGMA synchronous").fetchone()[0] == 1
    with Store.open(tmp_path / "s.sqlite") as s:
        assert s._conn.execute("PRAGMA synchronous").fetchone()[0] == 2
    with pytest.raises(StoreError, match=r"state\.synchronous"):
        Store.open(tmp_path / "s.sqlite", synchronous="off")


def test_analysis_cache(store: Store) -> None:
    cache = AnalysisCache.beside(store)
    cache.put("a", "h", "v1", {"id": "a", "blocks": []})
    assert cache.get("a", "h", "v1") == {"id": "a", "blocks": []}
    assert cache.get("a", "h2", "v1") is None
    assert cache.get("a", "h", "v2") is None
    cache.close()


def test_unusable_files_give_one_line_errors(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_text("this is not a database, " * 100)
    with Store.open(junk, readonly=True) as s:  # read what can be read (nothing), left alone
        assert s.counts() == dict.fromkeys(("keep", "reject", "skip", "flag"), 0)
        (notice,) = s.notices
        assert notice.startswith(f"{junk}: damaged (file is not a database); read 0 decisions")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["junk.sqlite"]
    with pytest.raises(StoreError, match="no saved state"):
        Store.open(tmp_path / "none.sqlite", readonly=True)
    folder = tmp_path / "folder.sqlite"
    folder.mkdir()
    with pytest.raises(StoreError, match=r"folder\.sqlite: a folder, not a state file"):
        Store.open(folder)


def test_state_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    assert default_state_dir() == tmp_path / "xdg" / "warta"
    p = state_path_for(["seeds"])
    assert p.parent == tmp_path / "xdg" / "warta"
    assert p.name.startswith("seeds-") and p.suffix == ".sqlite"
    assert state_path_for([os.path.abspath("seeds")]) == p  # keyed by the absolute path
    assert state_path_for(["other"]) != p
    assert state_path_for(["seeds"], tmp_path / "mine").parent == tmp_path / "mine"
    monkeypatch.delenv("XDG_STATE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_state_dir() == tmp_path / "home" / ".local" / "state" / "warta"


WRITER = textwrap.dedent("""
    import sys
    from tui.dumps.store import Store
    path, name, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with Store.open(path) as s:
        for i in range(n):
            s.decide(f"{name}{i}", "h", "keep")
            s.decide(f"shared{i % 50}", name, "reject")
            s.set_labels(f"{name}{i}", "h", [name])
""")


def test_two_processes_write_the_same_sidecar_safely(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    Store.open(path).close()
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), name, "300"],
                              cwd=ROOT, stderr=subprocess.PIPE, text=True)
             for name in ("p", "q")]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    with Store.open(path, readonly=True) as s:
        assert s._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for name in ("p", "q"):
            for i in range(300):
                d = s.decision(f"{name}{i}")
                assert (d.decision, d.labels) == ("keep", (name,))
        assert s.counts()["reject"] == 50
        assert s.counts()["keep"] == 600
        journal = s._conn.execute("SELECT count(*) FROM journal").fetchone()[0]
        assert journal == 1200


KILLED = textwrap.dedent("""
    import sys
    from tui.dumps.store import Store
    s = Store.open(sys.argv[1])
    s.decide(sys.argv[2], "h", "reject")
    print("decided", flush=True)
    i = 0
    while True:  # keep writing, so the kill may land inside a later transaction
        s.decide(f"after{i % 10}", "h", "skip")
        i += 1
""")


def test_every_decision_survives_sigkill_right_after_decide(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    for k in range(20):
        proc = subprocess.Popen([sys.executable, "-c", KILLED, str(path), f"article{k}"],
                                cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        assert proc.stdout.readline() == "decided\n"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with Store.open(path) as s:
        for k in range(20):
            assert s.decision(f"article{k}").decision == "reject", k


def test_decide_returns_before_and_after_and_saves_the_position_in_one_commit(
        store: Store) -> None:
    store.set_note("a", "h", "look again")
    statements: list[str] = []
    store._conn.set_trace_callback(statements.append)
    change = store.decide("a", "h2", "keep", position="b")
    store._conn.set_trace_callback(None)
    assert [s for s in statements if s.upper().startswith("COMMIT")] == ["COMMIT"]
    assert change.before is not None and change.before.decision is None
    assert change.after is not None
    assert (change.after.decision, change.after.note, change.after.content_hash) == (
        "keep", "look again", "h2")
    assert store.decision("a") == change.after
    assert store.position() == "b"
    undone = store.undo(save_position=True)
    assert undone is not None and undone.before == change.after
    assert undone.after is not None and undone.after.decision is None
    assert store.position() == "a"


def test_decisions_are_read_in_batches(store: Store) -> None:
    ids = [f"id{i}" for i in range(1200)]
    for i in range(0, 1200, 7):
        store.decide(ids[i], "h", "skip")
    found = store.decisions([*ids, "never"])
    assert sorted(k for k, d in found.items() if d is not None) == sorted(ids[::7])
    assert found["never"] is None and found["id7"].decision == "skip"
