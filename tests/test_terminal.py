"""The installed `warta` command in a real terminal (tmux): seeds, boilerplate, sections, quit."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

WARTA = Path(sys.executable).parent / "warta"
WIDTH, HEIGHT = 140, 50

pytestmark = [
    pytest.mark.skipif(shutil.which("tmux") is None,
                       reason="tmux is not installed (CI installs it: see .ci/run)"),
    pytest.mark.skipif(not WARTA.exists(), reason=f"{WARTA} is not installed (pip install -e .)"),
]


class Terminal:
    """One tmux server on a private socket, with one session running a command."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        """Run a tmux command against this server."""
        out = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                             text=True, timeout=10, check=False)
        return out.stdout

    def screen(self) -> list[str]:
        """The visible screen, one string per row."""
        return self.tmux("capture-pane", "-p", "-t", "w").splitlines()

    def wait_for(self, check: Callable[[list[str]], bool], what: str, timeout: float = 20) -> None:
        """Poll the screen until `check` holds; fail with the screen when it never does."""
        deadline = time.monotonic() + timeout
        rows: list[str] = []
        while time.monotonic() < deadline:
            rows = self.screen()
            if check(rows):
                return
            time.sleep(0.1)
        pytest.fail(f"timed out waiting for {what}; screen was:\n" + "\n".join(rows))

    def keys(self, *keys: str) -> None:
        """Type keys (tmux key names or literal characters)."""
        self.tmux("send-keys", "-t", "w", *keys)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(f"warta-test-{os.getpid()}-{tmp_path.name}")
    # COLUMNS/LINES may be set (invisibly to os.environ) by the test runner; unset them
    # so that warta measures the tmux pane like it would any terminal.
    env = (f"env -u COLUMNS -u LINES XDG_STATE_HOME={tmp_path}/state "
           f"XDG_CONFIG_HOME={tmp_path}/config TERM=xterm-256color")
    command = f"{env} {WARTA}; echo WARTA-EXIT=$?; sleep 60"
    term.tmux("new-session", "-d", "-s", "w", "-x", str(WIDTH), "-y", str(HEIGHT), command)
    try:
        yield term
    finally:
        term.tmux("kill-server")


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
