"""Start-up: `warta` on the seeds to its first painted article vs a minimal Textual app.

Three programs run in a pseudo-terminal (120x40), in turn, from process start to first paint:
- minimal: a minimal Textual app (one Static) that writes the wall time after its first
  refresh and exits, started by the same interpreter. The baseline.
- warta cold: the installed `warta` command with WARTA_FIRST_PAINT_FILE set, on a fresh
  state folder each run (no sidecar: decisions, position and analysis cache are new), so
  the first article is analysed by the pipeline. The hook (tui/startup.py,
  FIRST_PAINT_ENV) writes the wall time once the first article has been laid out and
  the screen refreshed after it, then exits.
- warta warm: the same on a state folder a previous `warta` session left behind (started
  once before the runs, without the hook, and quit with `q` once its sidecar holds the
  first article's analysis): the first article comes from the sidecar's analysis cache.

Two times per run, both from the wall time just before spawning:
- painted (the target): when the frame holding a marker text reached the terminal, read
  off the pty by this script (ScreenWatch): "Hello" for the minimal app, a word of the
  first article's first paragraph for warta. The same yardstick for both programs.
- after-refresh callback: the wall time the program writes from its own
  call_after_refresh hook. Textual runs such callbacks after the next update pass, which
  for warta includes the second layout pass Textual makes once widgets know their size,
  so this comes later than the paint itself; shown for comparison.
Medians over RUNS each, in one run of this script; target: warta <= 1.5x the baseline,
said for cold and warm apart.

Byte code: every program runs with PYTHONPYCACHEPREFIX set to one temporary folder (and
PYTHONDONTWRITEBYTECODE unset), so after the warm-up runs both warta's modules and
Textual's load from compiled byte code, as they do once installed; likewise warta's
parsed-YAML cache (one temporary XDG_CACHE_HOME) holds the config and themes. `--source`
keeps the caller's environment instead (e.g. PYTHONDONTWRITEBYTECODE=1 in the caller's shell makes
every warta run compile its own modules from source, while Textual's come precompiled
from site-packages).
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import pty
import select
import sqlite3
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WARTA = Path(sys.executable).parent / "warta"
RUNS = 25
WARMUP = 2
SIZE = (40, 120)  # rows, columns
TARGET = 1.5
# Text that is on screen only once the first frame (minimal) or the first article's body
# (warta: a word of the first paragraph of seeds/000_*.txt, in no title) is painted.
MARKERS = {"minimal": "Hello", "warta": "Pemimpin"}

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


def _env(stamp: Path, state: Path, config: Path, pycache: Path | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env.update(TERM="xterm-256color", XDG_STATE_HOME=str(state), XDG_CONFIG_HOME=str(config),
               XDG_CACHE_HOME=str(config.parent / "cache"))
    if stamp.name:
        env["WARTA_FIRST_PAINT_FILE"] = str(stamp)
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def _spawn(argv: list[str], env: dict[str, str]) -> tuple[subprocess.Popen[bytes], int]:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[0], SIZE[1], 0, 0))
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                            cwd=ROOT, close_fds=True, start_new_session=True)
    os.close(slave)
    return proc, master


class ScreenWatch:
    """When a marker text reached the terminal, and the frame holding it was complete.

    Textual wraps each frame in synchronized-output brackets (ESC[?2026h ... ESC[?2026l):
    a terminal shows the frame once the closing bracket arrives, so that is the paint
    time when the program uses them; otherwise the time the marker itself arrived.
    """

    FRAME_END = b"\x1b[?2026l"

    def __init__(self, marker: str) -> None:
        self.marker = marker.encode("utf-8")
        self.output = bytearray()
        self.found = -1  # where the marker is in `output`
        self.painted: float | None = None  # time.time() of the paint

    def feed(self, chunk: bytes) -> None:
        """Take the next bytes the program wrote."""
        if self.painted is not None:
            return
        start = max(0, len(self.output) - len(self.marker) - len(self.FRAME_END))
        self.output += chunk
        if self.found < 0:
            self.found = self.output.find(self.marker, start)
            if self.found < 0:
                return
        synchronized = b"\x1b[?2026h" in self.output[:self.found]
        if not synchronized or self.output.find(self.FRAME_END, self.found) >= 0:
            self.painted = time.time()


def _drain(proc: subprocess.Popen[bytes], master: int, until: float,
           done: Callable[[], bool] = lambda: False,
           watch: ScreenWatch | None = None) -> None:
    """Read the terminal (so the program never blocks on output) until exit, `done` or time;
    after an exit, what the program wrote last is still read (its last frame may be the
    one that matters)."""
    exited = False
    while time.monotonic() < until and not done():
        exited = exited or proc.poll() is not None
        ready, _, _ = select.select([master], [], [], 0.0 if exited else 0.05)
        if not ready:
            if exited:
                return
            continue
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal closed: everything written has been read
            return
        if not chunk:
            return
        if watch is not None:
            watch.feed(chunk)


def run_in_pty(argv: list[str], stamp: Path, env: dict[str, str], marker: str,
               timeout: float = 60.0) -> tuple[float, float]:
    """Seconds from spawn to the paint of `marker` on the terminal, and to the wall time
    the program writes to `stamp` (its after-refresh callback)."""
    stamp.unlink(missing_ok=True)
    watch = ScreenWatch(marker)
    started = time.time()
    proc, master = _spawn(argv, env)
    deadline = time.monotonic() + timeout
    try:
        _drain(proc, master, deadline, watch=watch)
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
    if watch.painted is None:
        raise RuntimeError(f"{' '.join(argv)}: {marker!r} never reached the terminal")
    return watch.painted - started, float(stamp.read_text().strip()) - started


def _cached_documents(state: Path) -> int:
    total = 0
    for sidecar in (state / "warta").glob("*.sqlite"):
        try:
            with contextlib.closing(sqlite3.connect(f"{sidecar.as_uri()}?mode=ro",
                                                    uri=True)) as conn:
                total += int(conn.execute("SELECT count(*) FROM analysis").fetchone()[0])
        except sqlite3.Error:
            pass
    return total


def leave_a_session(argv: list[str], env: dict[str, str], state: Path,
                    timeout: float = 60.0) -> None:
    """Run warta once as a reader would (no hook) until its sidecar holds an analysed
    article, then quit it with `q`: the state a previous session leaves behind."""
    proc, master = _spawn(argv, env)
    deadline = time.monotonic() + timeout
    try:
        _drain(proc, master, deadline, lambda: _cached_documents(state) > 0)
        if _cached_documents(state) == 0:
            raise RuntimeError("the warm-up session cached no analysis")
        time.sleep(0.3)  # let the neighbours' analyses land too, as they would
        os.write(master, b"q")
        _drain(proc, master, deadline)
        proc.wait(timeout=max(0.1, deadline - time.monotonic()))
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        os.close(master)


def _line(name: str, times: list[float], baseline: float | None = None,
          judged: bool = True) -> str:
    median = statistics.median(times)
    text = (f"{name:<36} median {median * 1000:7.1f} ms  (min {min(times) * 1000:.1f}, "
            f"max {max(times) * 1000:.1f})")
    if baseline is not None:
        ratio = median / baseline
        text += f"  ratio {ratio:.2f}x"
        if judged:
            text += ": meets the target" if ratio <= TARGET else ": OVER TARGET"
    return text


def main() -> int:
    """Alternate the three programs, print medians and the ratios to the baseline."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--source", action="store_true",
                        help="keep the caller's byte-code settings (see the module doc)")
    opts = parser.parse_args()
    if not WARTA.exists():
        print(f"{WARTA} not found: install warta first (pip install -e .)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        stamp = tmp / "painted"
        config = tmp / "config"
        warm_state = tmp / "warm-state"
        pycache = None if opts.source else tmp / "pycache"
        warta_argv = [str(WARTA)]
        programs = {
            "minimal": [sys.executable, "-c", MINIMAL_APP],
            "warta cold": warta_argv,
            "warta warm": warta_argv,
        }
        leave_a_session(warta_argv, _env(Path(), warm_state, config, pycache), warm_state)
        screen: dict[str, list[float]] = {name: [] for name in programs}
        callback: dict[str, list[float]] = {name: [] for name in programs}
        for i in range(WARMUP + opts.runs):
            order = list(programs)
            order = order[i % 3:] + order[:i % 3]
            for name in order:
                if name == "warta cold":
                    state = tmp / f"cold-state-{i}"  # fresh: no sidecar yet
                else:
                    state = warm_state if name == "warta warm" else tmp / "minimal-state"
                painted, called = run_in_pty(programs[name], stamp,
                                             _env(stamp, state, config, pycache),
                                             MARKERS[name.split()[0]])
                if i >= WARMUP:
                    screen[name].append(painted)
                    callback[name].append(called)
        cached = _cached_documents(warm_state)
    print(f"runs: {opts.runs} each (after {WARMUP} warm-up), pty {SIZE[1]}x{SIZE[0]}, in turn; "
          + ("byte code as the caller's environment has it" if opts.source else
             "byte code cached for both (PYTHONPYCACHEPREFIX)"))
    for title, times, judged in (
            ("painted: the frame holding the text reached the terminal (the target)", screen,
             True),
            ("after-refresh callback: the program's own hook fired", callback, False)):
        minimal = statistics.median(times["minimal"])
        print(title)
        print(_line("  minimal Textual app, first frame:", times["minimal"]))
        print(_line("  warta cold (no sidecar), article:", times["warta cold"], minimal, judged))
        print(_line("  warta warm (sidecar), article:", times["warta warm"], minimal, judged))
    print(f"target: warta <= {TARGET}x the minimal app; the warm sidecar held {cached} "
          f"analysed articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
