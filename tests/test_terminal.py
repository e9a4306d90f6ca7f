"""The installed `warta` command in a real terminal (tmux): seeds, boilerplate, sections, quit."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from tmux_terminal import WARTA, Terminal, needs_tmux, needs_warta

WIDTH, HEIGHT = 140, 50

pytestmark = [needs_tmux, needs_warta]


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(f"warta-test-{os.getpid()}-{tmp_path.name}", WIDTH, HEIGHT)
    # COLUMNS/LINES may be set (invisibly to os.environ) by the test runner; unset them
    # so that warta measures the tmux pane like it would any terminal.
    env = (f"env -u COLUMNS -u LINES XDG_STATE_HOME={tmp_path}/state "
           f"XDG_CONFIG_HOME={tmp_path}/config TERM=xterm-256color")
    command = f"{env} {WARTA}; echo WARTA-EXIT=$?; sleep 60"
    term.start(command)
    try:
        yield term
    finally:
        term.close()


def test_seeds_boilerplate_sections_and_quit(terminal: Terminal) -> None:
    terminal.wait_for(lambda rows: any("Pemimpin Korea Utara" in r for r in rows),
                      "the first seed article")
    assert not any("Baca Juga" in r for r in terminal.screen())

    terminal.keys("b")
    terminal.wait_for(lambda rows: any("Baca Juga" in r for r in rows), "boilerplate shown")

    terminal.keys("]")
    # Row 0 is the header; the article pane's first rows follow it.
    terminal.wait_for(lambda rows: any("Pertukaran Senjata" in r for r in rows[1:4]),
                      "the section heading at the top of the article pane")

    terminal.keys("q")
    terminal.wait_for(lambda rows: any("WARTA-EXIT=0" in r for r in rows), "warta to exit")
