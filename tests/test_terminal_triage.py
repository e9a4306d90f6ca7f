"""Triage with the installed `warta` in a real terminal (tmux), also killed with SIGKILL.

The dumps here are synthetic articles written for these tests.
"""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from tmux_terminal import WARTA, Terminal, needs_tmux, needs_warta

from tui.dumps.store import Store

WIDTH, HEIGHT = 140, 40


def write_dump(folder: Path, n: int) -> Path:
    """n synthetic articles, one .txt each, titles `Berita Uji N`."""
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(n):
        (folder / f"{k:03d}.txt").write_text(
            f"Berita Uji {k}\n\nKalimat sintetis pertama artikel {k}. Kalimat kedua.\n", "utf-8")
    return folder


def stored(state: Path) -> dict[str, tuple]:
    """article file name -> (decision, labels, note), read from the sidecar."""
    with Store.open(state, readonly=True) as store:
        return {Path(d.article_id).name: (d.decision, d.labels, d.note)
                for d in store.iter_decisions()}


def env(tmp_path: Path) -> dict[str, str]:
    """A hermetic environment: private state and config folders, a known terminal."""
    out = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    out.update(XDG_STATE_HOME=str(tmp_path / "xdg-state"),
               XDG_CONFIG_HOME=str(tmp_path / "xdg-config"), TERM="xterm-256color")
    return out


# -- tmux ----------------------------------------------------------------------------------


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(f"warta-triage-{os.getpid()}-{tmp_path.name}", WIDTH, HEIGHT)
    try:
        yield term
    finally:
        term.close()


def header_has(text: str) -> Callable[[list[str]], bool]:
    """A check that the top row shows `text`."""
    return lambda rows: bool(rows) and text in rows[0]


def list_row(rows: list[str], title: str) -> str:
    """The screen row that shows `title` in the list (starts at the left edge)."""
    for row in rows[1:]:
        if title in row[:40]:
            return row
    return ""


@needs_tmux
@needs_warta
def test_triage_in_tmux_decides_labels_undoes_and_resumes(terminal: Terminal,
                                                          tmp_path: Path) -> None:
    dump = write_dump(tmp_path / "dump", 6)
    state = tmp_path / "shared" / "triage.sqlite"
    e = env(tmp_path)
    prefix = " ".join(f"{k}={v}" for k, v in e.items()
                      if k in ("XDG_STATE_HOME", "XDG_CONFIG_HOME", "TERM"))
    command = (f"env -u COLUMNS -u LINES {prefix} {WARTA} --state {state} {dump}; "
               "echo WARTA-EXIT=$?; sleep 60")
    terminal.start(command)
    terminal.wait_for(header_has("0/6 decided"), "the reader with triage progress")
    for n, key in enumerate(("a", "x", "s", "f"), start=1):
        terminal.keys(key)
        terminal.wait_for(header_has(f"{n}/6 decided"), f"{n} decisions in the header")
    terminal.keys("1")  # label politics on article 4 (the cursor moved there)
    terminal.wait_for(lambda rows: "#" in list_row(rows, "Berita Uji 4"), "the label tag")
    terminal.keys("c")  # a note on article 4, in the note editor
    terminal.wait_for(lambda rows: any("Note: Berita Uji 4" in r for r in rows), "the editor")
    terminal.keys("-l", "periksa lagi")
    terminal.keys("C-s")
    terminal.wait_for(lambda rows: list_row(rows, "Berita Uji 4").lstrip("│ ")[:2] == "·*",
                      "the note mark")
    terminal.keys("u")  # undo the flag on article 3
    terminal.wait_for(header_has("3/6 decided"), "the undo in the header")
    assert list_row(terminal.screen(), "Berita Uji 3").lstrip("│ ").startswith("Berita")
    terminal.keys("q")
    terminal.wait_for(lambda rows: any("WARTA-EXIT=0" in r for r in rows), "warta to exit")

    assert stored(state) == {"000.txt": ("keep", (), ""), "001.txt": ("reject", (), ""),
                             "002.txt": ("skip", (), ""),
                             "004.txt": (None, ("politics",), "periksa lagi")}

    # Reopen: back on article 3 (where undo left the cursor), every decision shown.
    terminal.start(command)
    terminal.wait_for(lambda rows: header_has("3/6 decided")(rows) and "4 / 6" in rows[0],
                      "the reopened reader on article 4")
    rows = terminal.screen()
    marks = [list_row(rows, f"Berita Uji {k}").lstrip("│ ")[:2] for k in range(6)]
    assert marks == ["K ", "R ", "S ", "Be", "·*", "Be"], rows
    terminal.keys("q")
    terminal.wait_for(lambda rows: any("WARTA-EXIT=0" in r for r in rows), "warta to exit")

    out = subprocess.run([str(WARTA), "stats", "--state", str(state), str(dump)],
                         capture_output=True, text=True, env=e, timeout=60, check=True).stdout
    assert "decided: 3 of 6 articles" in out and "politics" in out


# -- killed with SIGKILL -------------------------------------------------------------------


@needs_tmux
@needs_warta
def test_a_decision_survives_sigkill_right_after_the_key_20_times(terminal: Terminal,
                                                                   tmp_path: Path) -> None:
    n = 24
    dump = write_dump(tmp_path / "dump", n)
    state = tmp_path / "triage.sqlite"
    e = env(tmp_path)
    prefix = " ".join(f"{k}={v}" for k, v in e.items()
                      if k in ("XDG_STATE_HOME", "XDG_CONFIG_HOME", "TERM"))
    # exec: the pane's process is warta itself, so its pid is the one to kill.
    command = f"exec env -u COLUMNS -u LINES {prefix} {WARTA} --state {state} {dump}"
    keys = "axsf"
    for round_ in range(20):
        terminal.start(command)
        pid = int(terminal.tmux("display-message", "-p", "-t", "w", "#{pane_pid}").strip())
        # Ready: the header shows the progress and the article it resumed on.
        terminal.wait_for(lambda rows, r=round_: header_has(f"{r}/{n} decided")(rows)
                          and f"{r + 1} / {n}" in rows[0], f"round {round_} ready")
        terminal.keys(keys[round_ % 4])
        # The screen moving on is the promise: the decision is committed before it.
        terminal.wait_for(header_has(f"{round_ + 1}/{n} decided"), f"decision {round_ + 1}")
        os.kill(pid, signal.SIGKILL)
        decided = {k: v[0] for k, v in stored(state).items()}
        assert len(decided) == round_ + 1, f"round {round_}: {decided}"
        assert decided[f"{round_:03d}.txt"] == {"a": "keep", "x": "reject", "s": "skip",
                                                "f": "flag"}[keys[round_ % 4]]
