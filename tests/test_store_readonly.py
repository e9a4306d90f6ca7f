"""A state folder or file that cannot be written: warta runs, not saving, and says so.

Root ignores file modes, so as root the probe runs in a child process without the
capabilities that let root write anything (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH,
CAP_FOWNER dropped from its bounding set with util-linux `setpriv`); the modes then
apply to it as to any user. Run by another user, the child needs no such help.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.dumps.index import Dump
from tui.dumps.store import Store
from tui.session.opening import open_triage
from tui.session.triage import Triage, TriageRefused

ROOT = Path(__file__).resolve().parent.parent
PROBE = textwrap.dedent("""
    import json, sys
    from tui.dumps.index import Dump
    from tui.session.opening import open_triage
    from tui.session.triage import TriageRefused
    dump_dir, state = sys.argv[1], sys.argv[2]
    dump = Dump.open([dump_dir])
    triage, messages = open_triage([dump_dir], dump, state=state)
    out = {"messages": messages, "readonly": triage.readonly,
           "decided": triage.progress().decided, "mark0": triage.mark(0)}
    try:
        triage.decide(1, "reject")
        out["refused"] = None
    except TriageRefused as exc:
        out["refused"] = str(exc)
    triage.close()
    print(json.dumps(out))
""")


def unprivileged() -> list[str]:
    """The command prefix that runs a child bound by file modes (skips when impossible)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: file modes cannot be tested")
    prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner"]
    if subprocess.run([*prefix, "true"], check=False).returncode != 0:
        pytest.skip("setpriv cannot drop capabilities here")
    return prefix


@pytest.fixture
def place(tmp_path: Path) -> Iterator[Path]:
    """A dump of three articles and a state folder holding one decision (on article 0)."""
    (tmp_path / "dump").mkdir()
    for i in range(3):
        (tmp_path / "dump" / f"{i}.txt").write_text(f"Title {i}\n\nBody {i}.\n")
    (tmp_path / "state").mkdir()
    paths = [str(tmp_path / "dump")]
    with Dump.open(paths) as dump:
        triage, messages = open_triage(paths, dump, state=str(tmp_path / "state" / "s.sqlite"))
        assert triage is not None and messages == []
        triage.decide(0, "keep")
        triage.close()
    yield tmp_path
    for folder in (tmp_path / "state", tmp_path / "empty"):
        if folder.exists():
            folder.chmod(0o755)


def probe(place: Path, state: Path) -> dict[str, object]:
    done = subprocess.run([*unprivileged(), sys.executable, "-c", PROBE, str(place / "dump"),
                           str(state)], cwd=ROOT, capture_output=True, text=True, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_read_only_folder_shows_the_decisions_and_refuses_new_ones(place: Path) -> None:
    state = place / "state" / "s.sqlite"
    before = files(place / "state")
    (place / "state").chmod(0o555)
    out = probe(place, state)
    assert out["readonly"] is True and out["decided"] == 1 and out["mark0"] == "K "
    (message,) = out["messages"]
    assert message.startswith(f"Read-only: {state}: cannot be written (")
    assert message.endswith("Decisions, labels and notes cannot be saved in this session.")
    assert out["refused"] == (f"Read-only: {state} could not be opened for writing, so "
                              "decisions, labels and notes are not saved.")
    (place / "state").chmod(0o755)
    assert files(place / "state") == before
    with Store.open(state, readonly=True) as s:
        assert s.counts()["reject"] == 0


def test_read_only_folder_without_a_state_file_yet(place: Path) -> None:
    empty = place / "empty"
    empty.mkdir()
    empty.chmod(0o555)
    out = probe(place, empty / "s.sqlite")
    assert out["readonly"] is True and out["decided"] == 0
    assert out["messages"][0].startswith(f"Read-only: {empty / 's.sqlite'}: cannot be written")
    assert str(empty / "s.sqlite") in str(out["refused"])
    assert list(empty.iterdir()) == []


def test_read_only_file_in_a_writable_folder(place: Path) -> None:
    state = place / "state" / "s.sqlite"
    state.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    before = state.read_bytes()
    out = probe(place, state)
    assert out["readonly"] is True and out["decided"] == 1
    assert out["messages"][0].startswith(f"Read-only: {state}: cannot be written (a read-only "
                                         "file)")
    assert out["refused"] is not None and "not saved" in str(out["refused"])
    assert state.read_bytes() == before


def test_a_write_that_fails_mid_session_is_refused_with_a_message(
        place: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The file turned read-only (or the disk full) after it opened: no traceback."""
    paths = [str(place / "dump")]
    with Dump.open(paths) as dump:
        triage = Triage(Store.open(place / "state" / "s.sqlite"), dump)
        try:
            def fail(*_: object) -> None:
                raise sqlite3.OperationalError("attempt to write a readonly database")

            monkeypatch.setattr(triage.store, "decide", fail)
            monkeypatch.setattr(triage.store, "undo", fail)
            with pytest.raises(TriageRefused, match=r"^Not saved: .*s\.sqlite: attempt to "
                                                    r"write a readonly database\.$"):
                triage.decide(1, "keep")
            with pytest.raises(TriageRefused, match=r"^Not undone: "):
                triage.undo()
            assert triage.progress().decided == 1  # the counts did not move
        finally:
            triage.close()
