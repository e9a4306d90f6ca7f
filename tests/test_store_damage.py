"""A damaged sidecar never blocks the dump: moved aside, what SQLite can read kept, said once."""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from tui.cli import main
from tui.dumps.analysis_cache import AnalysisCache
from tui.dumps.index import Dump
from tui.dumps.salvage import is_damage, is_read_only
from tui.dumps.store import Store, StoreError, open_store
from tui.session.opening import open_triage

N = 3000
GARBAGE = b"\xde\xad\xbe\xef" * 1024  # one 4 KiB page; 0xde is no b-tree page type


def expected(i: int) -> tuple[str, str, tuple[str, ...], str]:
    """What article i of a made sidecar holds: id, decision, labels, note."""
    labels = ("politics", "local") if i % 7 == 0 else ()
    return (f"/data/dump.jsonl#{i}", ("keep", "reject", "skip", "flag")[i % 4], labels,
            f"note {i}, “ü”" if i % 11 == 0 else "")


def make_sidecar(path: Path, n: int = N) -> None:
    """A healthy sidecar of n annotated articles and a position, checkpointed and closed."""
    with Store.open(path) as s, s._transaction():
        for i in range(n):
            rid, decision, labels, note = expected(i)
            s._conn.execute("INSERT INTO decisions VALUES (?, ?, ?, ?, ?, ?)",
                            (rid, f"h{i}", decision, json.dumps(list(labels)), note, 1e9 + i))
        s._conn.execute("INSERT INTO position VALUES (1, ?, 1e9)", (expected(42)[0],))


def leaf_pages(path: Path, table: str = "decisions") -> list[tuple[int, int]]:
    """(page number, rows on it) of the table's leaf pages (SQLite's dbstat)."""
    with sqlite3.connect(path) as c:
        return c.execute("SELECT pageno, ncell FROM dbstat WHERE name = ? AND pagetype = 'leaf' "
                         "ORDER BY pageno", (table,)).fetchall()


def garble(path: Path, pages: list[int], page_size: int = 4096) -> None:
    with open(path, "r+b") as fh:
        for page in pages:
            fh.seek((page - 1) * page_size)
            fh.write(GARBAGE)


def checkpointed(path: Path, timeout: float = 10.0) -> None:
    """Every page of the WAL copied into the file itself (so garbling the file is seen)."""
    deadline = time.monotonic() + timeout
    while True:
        with contextlib.closing(sqlite3.connect(path)) as conn:
            busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if not busy or time.monotonic() > deadline:
            return
        time.sleep(0.05)


def stored(store: Store) -> dict[str, tuple[str, str, tuple[str, ...], str]]:
    return {d.article_id: (d.article_id, d.decision, d.labels, d.note)
            for d in store.iter_decisions()}


def damaged_files(folder: Path, name: str) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.startswith(f"{name}.damaged-")
                  and not p.name.endswith(("-wal", "-shm")))


def test_garbled_pages_are_moved_aside_and_every_readable_decision_kept(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    make_sidecar(path)
    leaves = leaf_pages(path)
    hit = leaves[3:len(leaves) // 2:5]  # a few pages in the middle of the decisions
    assert len(leaves) > 20 and 3 <= len(hit) < len(leaves) // 4
    lost = sum(n for _, n in hit)
    garble(path, [p for p, _ in hit])
    before = path.read_bytes()
    with Store.open(path) as s:
        (moved,) = damaged_files(tmp_path, "s.sqlite")
        assert moved.read_bytes() == before  # the old file kept byte for byte
        (notice,) = s.notices
        assert notice == (f"{path}: damaged (database disk image is malformed); moved it to "
                          f"{moved.name} and started a new state file with {N - lost} "
                          "decisions and the position that could be read from it")
        got = stored(s)
        assert len(got) == N - lost > N // 2
        originals = {expected(i)[0]: expected(i) for i in range(N)}
        assert all(originals[rid] == row for rid, row in got.items())  # nothing garbled
        assert list(got) == [rid for rid in originals if rid in got]  # order kept
        assert s.position() == expected(42)[0]
        assert s._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        s.decide("new", "h", "keep")  # and it takes new decisions
    with Store.open(path) as again:  # healthy now: opened as it is, nothing said
        assert again.notices == [] and len(damaged_files(tmp_path, "s.sqlite")) == 1
        assert again.decision("new").decision == "keep"


def test_a_truncated_file_keeps_the_pages_before_the_cut(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    make_sidecar(path)
    data = path.read_bytes()
    path.write_bytes(data[:len(data) * 2 // 3])
    with Store.open(path) as s:
        (notice,) = s.notices
        assert "damaged" in notice and damaged_files(tmp_path, "s.sqlite")[0].name in notice
        got = stored(s)
        assert N // 4 < len(got) < N
        assert all(row == expected(int(rid.rsplit("#", 1)[1])) for rid, row in got.items())


def test_decisions_still_in_the_wal_move_with_the_file(tmp_path: Path) -> None:
    live = tmp_path / "live" / "s.sqlite"
    live.parent.mkdir()
    make_sidecar(live)
    copy = tmp_path / "s.sqlite"
    with Store.open(live) as s:  # open: the new decisions are only in the -wal file
        for i in range(10):
            s.decide(f"late{i}", "h", "flag")
        assert Path(f"{live}-wal").stat().st_size > 0
        shutil.copyfile(live, copy)
        shutil.copyfile(f"{live}-wal", f"{copy}-wal")
    garble(copy, [p for p, _ in leaf_pages(live)[2:4]])
    with Store.open(copy) as s:
        (moved,) = damaged_files(tmp_path, "s.sqlite")
        assert Path(f"{moved}-wal").exists()  # the old -wal went with its file
        assert all(s.decision(f"late{i}").decision == "flag" for i in range(10))
        assert 0 < len(stored(s)) < N + 10


@pytest.mark.parametrize("kind", ["text", "random", "header-only"])
def test_files_that_are_not_sqlite_start_afresh(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "s.sqlite"
    content = {"text": b"this is not a database, " * 100,
               "random": GARBAGE * 3,
               "header-only": b"SQLite format 3\x00" + GARBAGE}[kind]
    path.write_bytes(content)
    with Store.open(path) as s:
        (moved,) = damaged_files(tmp_path, "s.sqlite")
        assert moved.read_bytes() == content
        (notice,) = s.notices
        assert notice.startswith(f"{path}: ") and "with 0 decisions" in notice
        assert moved.name in notice
        s.decide("a", "h", "keep")
        assert s.counts()["keep"] == 1


def test_a_zero_byte_file_is_a_new_state_file(tmp_path: Path) -> None:
    """Nothing in it to keep and it may be another process's file being created: used."""
    path = tmp_path / "s.sqlite"
    path.touch()
    with pytest.raises(StoreError, match=r"no saved state for this dump yet \(the file is empty"):
        Store.open(path, readonly=True)
    with Store.open(path) as s:
        assert s.notices == [] and damaged_files(tmp_path, "s.sqlite") == []
        s.decide("a", "h", "keep")
    with Store.open(path, readonly=True) as s:
        assert s.decision("a").decision == "keep"


def test_another_programs_database(tmp_path: Path) -> None:
    path = tmp_path / "places.sqlite"
    with sqlite3.connect(path) as c:
        c.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        c.execute("INSERT INTO moz_places (url) VALUES ('http://example.org')")
    c.close()
    before = path.read_bytes()
    # Named with --state: the user pointed at it, so it is refused and left alone.
    with pytest.raises(StoreError, match=r"places\.sqlite: not a warta state file \(its tables: "
                                         r"moz_places\); choose another --state file"):
        open_store(["dump.jsonl"], state=path)
    with pytest.raises(StoreError, match="not a warta state file"):
        open_store(["dump.jsonl"], state=path, readonly=True)
    assert path.read_bytes() == before and damaged_files(tmp_path, "places.sqlite") == []
    # Found in the state folder (where only warta puts files): moved aside.
    with Store.open(path) as s:
        (moved,) = damaged_files(tmp_path, "places.sqlite")
        assert moved.read_bytes() == before
        assert "not a warta state file (its tables: moz_places)" in s.notices[0]


def test_export_and_stats_read_a_damaged_file_without_moving_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.sqlite"
    make_sidecar(path, 200)
    garble(path, [leaf_pages(path)[1][0]])
    before = sorted(p.name for p in tmp_path.iterdir())
    data = path.read_bytes()
    assert main(["export", "--state", str(path), str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    rows = [json.loads(line) for line in out.splitlines()]
    assert 100 < len(rows) < 200
    assert all((r["decision"], tuple(r["labels"]), r["note"])
               == expected(int(r["id"].rsplit("#", 1)[1]))[1:] for r in rows)
    assert err == (f"warta: {path}: damaged (database disk image is malformed); read "
                   f"{len(rows)} decisions and the position that could be read from it and "
                   "left the file as it is (open the dump in warta to repair it)\n")
    assert main(["stats", "--state", str(path), str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert f"state: {path}\ndecided: {len(rows)}" in out and "open the dump in warta" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing moved nor added
    assert path.read_bytes() == data


def test_the_reader_repairs_and_says_where_the_old_file_went(tmp_path: Path) -> None:
    dump_path = tmp_path / "dump.jsonl"
    dump_path.write_text("".join(json.dumps({"text": f"Article {i}."}) + "\n"
                                 for i in range(5)), encoding="utf-8")
    state = tmp_path / "state.sqlite"
    with Dump.open([str(dump_path)]) as dump:
        with open_store([str(dump_path)], state=state) as s:
            s.decide(dump.id_at(1), dump.content_hash(1), "reject")
            s.set_note(dump.id_at(1), dump.content_hash(1), "kept")
        with open(state, "r+b") as fh:  # a broken journal index: decisions intact
            fh.seek(4096 * (leaf_pages(state, "journal_session")[0][0] - 1))
            fh.write(GARBAGE)
        triage, messages = open_triage([str(dump_path)], dump, state=str(state))
        assert triage is not None
        try:
            (moved,) = damaged_files(tmp_path, "state.sqlite")
            (message,) = messages
            assert re.fullmatch(
                rf"{re.escape(str(state))}: damaged \(integrity check: Page \d+: [^\n]+\); "
                rf"moved it to {re.escape(moved.name)} and started a new state file with 1 "
                "decision that could be read from it", message), message
            assert not triage.readonly and triage.mark(1) == "R*" and triage.note(1) == "kept"
            triage.decide(2, "keep")
        finally:
            triage.close()


def test_only_corruption_counts_as_damage(tmp_path: Path) -> None:
    def error(message: str, code: int) -> sqlite3.OperationalError:
        exc = sqlite3.OperationalError(message)
        exc.sqlite_errorcode = code  # type: ignore[attr-defined]
        return exc

    assert is_damage(error("database disk image is malformed", 11))
    assert is_damage(error("file is not a database", 26))
    for message, code in (("database is locked", 5), ("database table is locked", 6),
                          ("disk I/O error", 10), ("attempt to write a readonly database", 8),
                          ("unable to open database file", 14), ("database or disk is full", 13)):
        assert not is_damage(error(message, code)), message
    assert is_read_only(error("attempt to write a readonly database", 8), tmp_path / "x")
    assert not is_read_only(error("unable to open database file", 14), tmp_path / "x")


def test_damage_in_the_analysis_cache_alone_is_left_to_the_cache(tmp_path: Path) -> None:
    """Only the decision tables are checked at open (the cache is not precious, and
    checking it would cost start-up time in proportion to everything ever read): the
    file stays, and a damaged cache entry reads as an error the analyser takes for a
    miss."""
    path = tmp_path / "s.sqlite"
    make_sidecar(path, 100)
    with Store.open(path) as s:
        cache = AnalysisCache.beside(s)
        for i in range(200):
            cache.put(f"a{i}", "h", "v", {"blocks": ["x" * 300] * 10})
        cache.close()
    checkpointed(path)  # the background prune's connection may still hold the WAL open
    garble(path, [p for p, _ in leaf_pages(path, "analysis")[5:8]])
    with Store.open(path) as s:
        assert s.notices == [] and damaged_files(tmp_path, "s.sqlite") == []
        assert len(stored(s)) == 100
        cache = AnalysisCache.beside(s)
        with pytest.raises(sqlite3.DatabaseError):
            for i in range(200):
                cache.get(f"a{i}", "h", "v")
        cache.close()


def test_a_second_connection_of_the_same_process_never_moves_the_file(tmp_path: Path) -> None:
    """The reader's cache and prune connections: a file that went bad under a running
    session is not renamed away from under its main connection."""
    path = tmp_path / "s.sqlite"
    path.write_bytes(GARBAGE)
    with pytest.raises(StoreError, match=r"s\.sqlite: damaged \(file is not a database\)$"):
        Store.open(path, repair=False)
    assert damaged_files(tmp_path, "s.sqlite") == [] and path.read_bytes() == GARBAGE
