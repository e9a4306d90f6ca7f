"""Article ids that do not depend on how the dump's path was spelled, and the one-time
migration of a state file written with the older, spelled-path ids.

The articles here are synthetic, written for these tests.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from tui.dumps.analysis_cache import AnalysisCache
from tui.dumps.index import Dump
from tui.dumps.store import Store, state_path_for
from tui.session.opening import open_triage


def _dump(root: Path) -> Path:
    seeds = root / "main" / "seeds"
    seeds.mkdir(parents=True)
    for k in range(3):
        (seeds / f"{k:03d}_x.txt").write_text(f"Berita {k}\n\nIsi sintetis {k}.\n")
    (seeds / "feed.jsonl").write_text("".join(
        json.dumps({"title": f"Feed {k}", "text": f"Isi {k}."}) + "\n" for k in range(4)))
    return seeds


def _ids(paths: list[str]) -> list[str]:
    with Dump.open(paths) as dump:
        return [dump.id_at(i) for i in range(len(dump))]


def test_every_spelling_of_a_folder_gives_the_same_ids(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = _dump(tmp_path)
    (tmp_path / "link").symlink_to(seeds)
    expected = ["000_x.txt", "001_x.txt", "002_x.txt", "feed.jsonl#1", "feed.jsonl#2",
                "feed.jsonl#3", "feed.jsonl#4"]
    monkeypatch.chdir(seeds.parent)
    assert _ids(["seeds"]) == expected
    assert _ids(["./seeds/"]) == expected
    assert _ids([str(seeds)]) == expected
    assert _ids([str(tmp_path / "link")]) == expected
    monkeypatch.chdir(tmp_path)
    assert _ids(["main/seeds"]) == expected
    monkeypatch.chdir(seeds)
    assert _ids(["."]) == expected
    assert _ids(["../seeds"]) == expected


def test_a_file_is_named_and_several_paths_are_relative_to_their_common_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = _dump(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert _ids(["main/seeds/feed.jsonl"])[:1] == ["feed.jsonl#1"]
    assert _ids([str(seeds / "001_x.txt")]) == ["001_x.txt"]
    other = tmp_path / "main" / "other"
    other.mkdir()
    (other / "a.txt").write_text("Lain\n\nIsi.\n")
    ids = _ids(["main/seeds", str(other)])
    assert ids[0] == "seeds/000_x.txt" and ids[-1] == "other/a.txt"
    assert _ids([str(seeds / "000_x.txt"), "main/seeds/feed.jsonl"])[:2] == [
        "000_x.txt", "feed.jsonl#1"]


def _old_state(path: Path, seeds: Path) -> None:
    """A state file as the spelled-path scheme wrote it: three spellings of one dump."""
    with Store.open(path, dump_paths=[str(seeds)]) as store:
        store.decide("seeds/000_x.txt", "h0", "keep")  # `warta seeds` from main/
        store.decide(f"{seeds}/feed.jsonl#2", "h1", "reject")  # an absolute spelling
        store.decide("main/seeds/002_x.txt", "h2", "flag")  # `cd .. && warta main/seeds`
        store.decide("seeds/001_x.txt", "h3", "skip")  # two spellings of one article:
        store.decide("main/seeds/001_x.txt", "h3", "keep")  # the later decision wins
        store.set_note("seeds/002_x.txt", "h2", "older note, superseded")
        store.save_position("main/seeds/feed.jsonl#3")
        cache = AnalysisCache.beside(store)
        cache.put("seeds/000_x.txt", "h0", "v1", {"title": "cached"})
        cache.close()
        store.decide("gone/elsewhere.txt", "h9", "keep")  # not in the dump: left alone
        store._conn.execute("DELETE FROM meta WHERE key = 'ids'")  # as before the scheme


def test_an_old_state_file_is_migrated_once_on_open(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = _dump(tmp_path)
    state = tmp_path / "state.sqlite"
    _old_state(state, seeds)
    monkeypatch.chdir(seeds.parent)
    with Dump.open(["seeds"]) as dump:
        triage, messages = open_triage(["seeds"], dump, state=str(state))
        assert triage is not None
        try:
            assert [m for m in messages if "Moved" in m] == [
                "Moved 7 saved article ids to the path-independent scheme."]
            assert triage.decision_at(0).decision == "keep"
            assert triage.decision_at(1).decision == "keep"  # the later of two spellings
            assert triage.decision_at(2).decision == "flag"
            assert triage.decision_at(4).decision == "reject"  # feed.jsonl#2
            assert triage.saved_position() == 5  # feed.jsonl#3
            assert triage.progress().decided == 5  # the store counts the gone article too
        finally:
            triage.close()
    with sqlite3.connect(state) as conn:
        ids = sorted(r[0] for r in conn.execute("SELECT article_id FROM decisions"))
        assert ids == ["000_x.txt", "001_x.txt", "002_x.txt", "feed.jsonl#2",
                       "gone/elsewhere.txt"]
        assert conn.execute("SELECT article_id FROM position").fetchone() == ("feed.jsonl#3",)
        assert conn.execute("SELECT article_id FROM analysis").fetchall() == [("000_x.txt",)]
        journal = {r[0] for r in conn.execute("SELECT article_id FROM journal")}
        assert journal == {"000_x.txt", "001_x.txt", "002_x.txt", "feed.jsonl#2",
                           "gone/elsewhere.txt"}
        assert conn.execute("SELECT value FROM meta WHERE key = 'ids'").fetchone() == (
            "relative",)
    # Opened again (from elsewhere, spelled otherwise): nothing more to move, same marks.
    monkeypatch.chdir(tmp_path)
    with Dump.open(["main/seeds"]) as dump:
        triage, messages = open_triage(["main/seeds"], dump, state=str(state))
        assert triage is not None
        try:
            assert not any("Moved" in m for m in messages)
            assert [triage.mark(i)[0] for i in range(3)] == ["K", "K", "F"]
            assert triage.decision_at(2).note == "older note, superseded"
        finally:
            triage.close()


def test_spellings_share_one_state_file_and_now_one_set_of_marks(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = _dump(tmp_path)
    state_dir = tmp_path / "xdg"
    monkeypatch.chdir(seeds.parent)
    with Dump.open(["seeds"]) as dump:
        triage, _ = open_triage(["seeds"], dump, state_dir=str(state_dir))
        assert triage is not None
        triage.decide(1, "reject")
        triage.close()
    assert state_path_for(["seeds"], state_dir) == state_path_for([str(seeds)], state_dir)
    monkeypatch.chdir(tmp_path)
    with Dump.open([os.path.join("main", "seeds")]) as dump:
        triage, _ = open_triage(["main/seeds"], dump, state_dir=str(state_dir))
        assert triage is not None
        try:
            assert triage.decision_at(1).decision == "reject"
        finally:
            triage.close()
