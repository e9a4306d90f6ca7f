"""Dialogs in a real terminal (tmux): a double Enter in one burst closes a picker once.

The keys go in one send-keys, so the terminal delivers them together, as key repeat or
a quick double press does. The reader must keep answering keys and exit cleanly.
The dump is synthetic, written for this test.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from tmux_terminal import WARTA, Terminal, needs_tmux, needs_warta

WIDTH, HEIGHT = 140, 40

pytestmark = [needs_tmux, needs_warta]


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(f"warta-dialogs-{os.getpid()}-{tmp_path.name}", WIDTH, HEIGHT)
    try:
        yield term
    finally:
        term.close()


def start(terminal: Terminal, tmp_path: Path) -> None:
    """warta on five synthetic articles (Textual draws on stderr: it stays the terminal)."""
    dump = tmp_path / "dump"
    dump.mkdir()
    for k in range(5):
        (dump / f"{k:03d}.txt").write_text(
            f"Berita Uji {k}\n\nKalimat sintetis pertama artikel {k}. Kalimat kedua.\n", "utf-8")
    env = (f"env -u COLUMNS -u LINES XDG_STATE_HOME={tmp_path}/state "
           f"XDG_CONFIG_HOME={tmp_path}/config TERM=xterm-256color")
    terminal.start(f"{env} {WARTA} {dump}; echo WARTA-EXIT=$?; sleep 60")
    terminal.wait_for(lambda rows: bool(rows) and "1 / 5" in rows[0], "the first article")


@pytest.mark.parametrize("opener", ["t", "F"])
def test_double_enter_in_a_picker_keeps_the_reader(terminal: Terminal, tmp_path: Path,
                                                    opener: str) -> None:
    start(terminal, tmp_path)
    terminal.keys(opener)
    terminal.wait_for(lambda rows: any("enter" in r and "escape" in r for r in rows),
                      "the picker")
    terminal.keys("Down", "Enter", "Enter")
    terminal.wait_for(lambda rows: not any("escape cancels" in r for r in rows),
                      "the picker to close")
    # J (next article from any pane): when the burst is split, the second Enter reaches
    # the list, which gives the article pane focus ("read"), where j would scroll instead.
    terminal.keys("J")
    terminal.wait_for(lambda rows: bool(rows) and "2 / 5" in rows[0], "J to move on")
    terminal.keys("q")
    terminal.wait_for(lambda rows: any("WARTA-EXIT=" in r for r in rows), "warta to exit")
    screen = terminal.screen()
    assert any("WARTA-EXIT=0" in r for r in screen)
    assert not any("Traceback" in r or "Error" in r for r in screen)
