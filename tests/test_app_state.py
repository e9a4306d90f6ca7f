"""The reader on a damaged or unwritable state file: it opens, and says what happened."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from app_fixtures import settle
from test_app_triage import SIZE, Session, shown_list

pytestmark = pytest.mark.asyncio


async def test_a_damaged_state_file_is_repaired_and_the_reader_says_where_it_went(
        tmp_path: Path) -> None:
    session = Session(tmp_path, n=5)
    try:
        first = session.app()
        async with first.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("a")  # keep article 0
            await pilot.pause()
        session.close()
        with sqlite3.connect(session.state) as c:
            (page,) = c.execute("SELECT pageno FROM dbstat WHERE name = 'journal_session'"
                                ).fetchone()
        c.close()
        with open(session.state, "r+b") as fh:  # the undo index garbled; decisions intact
            fh.seek((page - 1) * 4096)
            fh.write(b"\xde\xad" * 2048)
        app = session.app()
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            moved = [p.name for p in tmp_path.iterdir()
                     if p.name.startswith("triage.sqlite.damaged-")]
            assert len(moved) == 1
            texts = [n.message for n in app._notifications]
            said = [t for t in texts if moved[0] in t]
            assert len(said) == 1 and "started a new state file with 1 decision" in said[0]
            assert shown_list(app)[0][:1] == "K"
            await pilot.press("x")  # resumed on article 1 (position kept): reject it
            await pilot.pause()
        assert session.stored() == {"000.txt": ("keep", (), ""), "001.txt": ("reject", (), "")}
    finally:
        session.close()
