"""The reader's start-up leaves rare-path modules unloaded until the first article is painted."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LATER = ("csv", "tui.dumps.salvage", "tui.dumps.stdin", "tui.text.words")
"""Needed only for CSV dumps, a damaged sidecar, standard input, or the analysis itself."""

CHILD = """
import json, sys
import tui.startup as startup
write = startup.FirstPaint.write_time
def painted(path):
    loaded = [name for name in {later!r} if name in sys.modules]
    with open({out!r}, "w") as fh:
        json.dump(loaded, fh)
    write(path)
startup.FirstPaint.write_time = staticmethod(painted)
from tui.cli import main
sys.exit(main([{dump!r}]))
"""


def _run_in_pty(argv: list[str], env: dict[str, str], stamp: Path, timeout: float) -> None:
    """Run `argv` on a pseudo-terminal, reading its output, until `stamp` exists."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT,
                            close_fds=True, start_new_session=True)
    os.close(slave)
    try:
        end = time.monotonic() + timeout
        while not stamp.exists() and time.monotonic() < end and proc.poll() is None:
            if select.select([master], [], [], 0.05)[0]:
                try:
                    os.read(master, 65536)
                except OSError:
                    break
    finally:
        proc.kill()
        proc.wait()
        os.close(master)


def test_the_first_paint_comes_before_the_rare_path_modules(tmp_path: Path) -> None:
    dump = tmp_path / "news.jsonl"
    dump.write_text("".join(json.dumps({"title": f"Title {n}", "text": f"Body {n}. " * 20}) + "\n"
                            for n in range(50)), encoding="utf-8")
    out, stamp = tmp_path / "loaded.json", tmp_path / "painted"
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env.update(TERM="xterm-256color", WARTA_FIRST_PAINT_FILE=str(stamp),
               XDG_STATE_HOME=str(tmp_path / "state"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_CACHE_HOME=str(tmp_path / "cache"),
               PYTHONPATH=os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]))
    code = CHILD.format(later=LATER, out=str(out), dump=str(dump))
    _run_in_pty([sys.executable, "-c", code], env, stamp, timeout=60)
    assert stamp.exists(), "the reader never painted its first article"
    assert json.loads(out.read_text(encoding="utf-8")) == []
