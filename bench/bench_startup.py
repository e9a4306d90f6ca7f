"""Start-up: `warta` on the seeds to its first painted article vs a minimal Textual app.

Both run in a pseudo-terminal (120x40), alternating, from process start to first paint:
- warta: the installed `warta` command with WARTA_FIRST_PAINT_FILE set. That hook
  (tui/screens/main.py, FIRST_PAINT_ENV) writes the wall time once the first article has
  been laid out and the screen refreshed after it, then exits.
- baseline: a minimal Textual app (one Static) that writes the wall time after its first
  refresh and exits, started by the same interpreter.
Time = written wall time - wall time just before spawning. Medians over RUNS each;
target: warta <= 1.5x the baseline.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WARTA = Path(sys.executable).parent / "warta"
RUNS = 12
WARMUP = 2
SIZE = (40, 120)  # rows, columns
TARGET = 1.5

MINIMAL_APP = """
import os, sys, time
from textual.app import App
from textual.widgets import Static

class Minimal(App):
    def compose(self):
        yield Static("Hello")
    def on_mount(self):
        self.call_after_refresh(self.painted)
    def painted(self):
        with open(os.environ["WARTA_FIRST_PAINT_FILE"], "w") as fh:
            fh.write(f"{time.time():.6f}\\n")
        self.exit()

Minimal().run()
"""


def run_in_pty(argv: list[str], stamp: Path, timeout: float = 60.0) -> float:
    """Seconds from spawn to the wall time the program writes to `stamp`."""
    stamp.unlink(missing_ok=True)
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[0], SIZE[1], 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env.update(WARTA_FIRST_PAINT_FILE=str(stamp), TERM="xterm-256color",
               XDG_STATE_HOME=str(stamp.parent / "state"),
               XDG_CONFIG_HOME=str(stamp.parent / "config"))
    started = time.time()
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                            cwd=ROOT, close_fds=True, start_new_session=True)
    os.close(slave)
    deadline = time.monotonic() + timeout
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    os.read(master, 65536)  # drain, so the program never blocks on output
                except OSError:  # the terminal closed: the program is exiting
                    break
        try:
            proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            proc.kill()
            raise RuntimeError(f"{argv[0]} did not exit within {timeout} s") from None
    finally:
        proc.wait()
        os.close(master)
    if not stamp.exists():
        raise RuntimeError(f"{' '.join(argv)} exited ({proc.returncode}) without painting")
    return float(stamp.read_text().strip()) - started


def main() -> int:
    """Alternate the two programs, print medians and the ratio."""
    if not WARTA.exists():
        print(f"{WARTA} not found: install warta first (pip install -e .)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        stamp = Path(tmp) / "painted"
        baseline_argv = [sys.executable, "-c", MINIMAL_APP]
        warta_argv = [str(WARTA)]
        times: dict[str, list[float]] = {"warta": [], "minimal": []}
        for i in range(WARMUP + RUNS):
            order = [("warta", warta_argv), ("minimal", baseline_argv)]
            if i % 2:
                order.reverse()
            for name, argv in order:
                took = run_in_pty(argv, stamp)
                if i >= WARMUP:
                    times[name].append(took)
    warta = statistics.median(times["warta"])
    minimal = statistics.median(times["minimal"])
    ratio = warta / minimal
    print(f"runs: {RUNS} each (after {WARMUP} warm-up), pty {SIZE[1]}x{SIZE[0]}, "
          f"alternating")
    print(f"minimal Textual app, first frame:   median {minimal * 1000:7.1f} ms  "
          f"(min {min(times['minimal']) * 1000:.1f}, max {max(times['minimal']) * 1000:.1f})")
    print(f"warta on seeds, first article:      median {warta * 1000:7.1f} ms  "
          f"(min {min(times['warta']) * 1000:.1f}, max {max(times['warta']) * 1000:.1f})")
    verdict = "ok" if ratio <= TARGET else "OVER TARGET"
    print(f"ratio warta / minimal: {ratio:.2f}x (target <= {TARGET}x): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
