"""Decisions made in the reader come out of `warta export` exactly once, with labels and note."""

from __future__ import annotations

import csv
import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from app_fixtures import settle
from test_app_triage import SIZE, Session, listing

from tui.cli import main
from tui.screens.note import NoteScreen

pytestmark = pytest.mark.asyncio


def export(session: Session, *extra: str) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(["export", "--state", str(session.state), *extra, str(session.dump_dir)])
    assert code == 0
    return out.getvalue()


async def test_export_round_trips_what_the_reader_decided(tmp_path: Path) -> None:
    session = Session(tmp_path, n=10)
    expected: dict[str, dict] = {}
    app = session.app()
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            # 0 keep +politics, 1 reject, 2 skip (later undone), 3 flag with a note.
            await pilot.press("1", "a", "x", "s", "u")
            await pilot.pause()
            assert listing(app).cursor == 2
            await pilot.press("J", "f", "K", "K")  # flag 3; back to 2, undecided
            await pilot.pause()
            await pilot.press("J", "c")
            await pilot.pause()
            assert isinstance(app.screen, NoteScreen)
            await pilot.press(*"sumber, \"kutipan\"; baris", "enter", *"dua")
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.press("2", "3")  # economy and world on article 3
            await pilot.press("G", "a", "a")  # 9 keep, then wraps to 2: keep
            await pilot.pause()
        expected = {
            "000.txt": ("keep", ["politics"], ""),
            "001.txt": ("reject", [], ""),
            "002.txt": ("keep", [], ""),
            "003.txt": ("flag", ["economy", "world"], "sumber, \"kutipan\"; baris\ndua"),
            "009.txt": ("keep", [], ""),
        }
        rows = [json.loads(line) for line in export(session).splitlines()]
        got = {Path(r["id"]).name: (r["decision"], r["labels"], r["note"]) for r in rows}
        assert got == expected
        assert len(rows) == len(expected)  # exactly once each

        kept = [json.loads(line) for line in export(session, "--decision", "keep").splitlines()]
        assert sorted(Path(r["id"]).name for r in kept) == ["000.txt", "002.txt", "009.txt"]
        world = export(session, "--label", "world").splitlines()
        assert [Path(json.loads(r)["id"]).name for r in world] == ["003.txt"]

        table = list(csv.DictReader(io.StringIO(export(session, "--format", "csv",
                                                       "--with-text", "raw"))))
        by_name = {Path(r["id"]).name: r for r in table}
        assert set(by_name) == set(expected)
        assert by_name["003.txt"]["labels"] == "economy; world"
        assert by_name["003.txt"]["note"] == expected["003.txt"][2]
        assert by_name["003.txt"]["text_changed"] == "False"
        assert "Isi berita sintetis nomor 3" in by_name["003.txt"]["text"]
    finally:
        session.close()
