"""A real terminal for tests: one tmux server on a private socket, read with capture-pane."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

WARTA = Path(sys.executable).parent / "warta"

needs_warta = pytest.mark.skipif(not WARTA.exists(),
                                 reason=f"{WARTA} is not installed (pip install -e .)")
needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None,
                                reason="tmux is not installed (CI installs it: see .ci/run)")


class Terminal:
    """One tmux server on a private socket, with a session `w` running a command."""

    def __init__(self, socket: str, width: int, height: int) -> None:
        self.socket = socket
        self.width, self.height = width, height

    def tmux(self, *args: str) -> str:
        """Run a tmux command against this server."""
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                              text=True, timeout=10, check=False).stdout

    def start(self, command: str) -> None:
        """Run `command` in a fresh session `w` (a second session keeps the server up)."""
        if "keep:" not in self.tmux("list-sessions"):
            self.tmux("new-session", "-d", "-s", "keep", "sleep 600")
        self.tmux("kill-session", "-t", "w")
        self.tmux("new-session", "-d", "-s", "w", "-x", str(self.width), "-y",
                  str(self.height), command)

    def screen(self) -> list[str]:
        """The visible screen, one string per row."""
        return self.tmux("capture-pane", "-p", "-t", "w").splitlines()

    def wait_for(self, check: Callable[[list[str]], bool], what: str, timeout: float = 20) -> None:
        """Poll the screen until `check` holds; fail showing the screen when it never does."""
        deadline = time.monotonic() + timeout
        rows: list[str] = []
        while time.monotonic() < deadline:
            rows = self.screen()
            if check(rows):
                return
            time.sleep(0.05)
        pytest.fail(f"timed out waiting for {what}; screen was:\n" + "\n".join(rows))

    def keys(self, *keys: str) -> None:
        """Type keys (tmux key names or literal characters)."""
        self.tmux("send-keys", "-t", "w", *keys)

    def close(self) -> None:
        """Stop the server and everything running in it."""
        self.tmux("kill-server")
