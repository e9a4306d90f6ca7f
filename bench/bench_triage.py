"""Holding `a` over 1,000 articles in the real `warta`: no decision lost, the screen keeps up.

Runs the installed reader in tmux (120x40) over 1,000 generated articles
(bench/generate.py, JSON Lines) with a fresh sidecar (synchronous=full, the default), and
types keys into it while reading the screen it writes:

- baseline: 1,000 `J` (next article, no decision) sent at once; time until the header
  shows `1000 / 1000`.
- burst: 1,000 `a` sent at once (faster than any key repeat); time until the header
  shows `1000/1000 decided` on article `1000 / 1000`: decisions per second sustained.
- repeat: 1,000 `J`, then 1,000 `a`, at 30 keys a second (a typical key-repeat rate);
  how far the screen ever fell behind the keys sent (sampled with capture-pane), and
  how long after the last key it showed 1000 / 1000 (J) or 1000/1000 decided (a).

After each run the sidecar is read back: every article must be `keep`, exactly once.
First, in fresh processes: opening a sidecar of 100,000 and 1,000,000 decisions for
triage (time, resident memory growth) and the undecided / label filters over it.
    python bench/bench_triage.py [--count 1000] [--rate 30] [--keys-only]
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from common import status_kb  # noqa: E402
from generate import generate, write  # noqa: E402

from tui.dumps.index import Dump  # noqa: E402
from tui.dumps.store import Store  # noqa: E402

WIDTH, HEIGHT = 120, 40
TIMEOUT = 600.0


def warta_command() -> list[str]:
    """The installed console script, or the module when it is not installed."""
    script = Path(sys.executable).parent / "warta"
    return [str(script)] if script.exists() else [sys.executable, "-m", "tui.cli"]


@dataclass
class Run:
    """What one run saw: when each shown number first appeared, keys sent, timings."""

    name: str
    keys_sent: int = 0
    first_key: float = 0.0
    last_key: float = 0.0
    done_at: float | None = None
    max_backlog: int = 0
    shown: int = 0
    position: int = 0
    samples: list[tuple[float, int, int]] = field(default_factory=list)


_RUNS = itertools.count()


class Screen:
    """warta in a private tmux server; the screen is read back with capture-pane."""

    def __init__(self, args: list[str], env: dict[str, str], total: int) -> None:
        self.socket = f"warta-bench-{os.getpid()}-{next(_RUNS)}"
        self.decided_re = re.compile(rf"(\d+)/{total} decided")
        self.position_re = re.compile(rf"(\d+) / {total}\b")
        self.decided = -1
        self.position = 0
        self.top = ""
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items()
                           if k.startswith("XDG_") or k == "TERM")
        command = (f"env -u COLUMNS -u LINES {exports} "
                   f"{' '.join(shlex.quote(a) for a in [*warta_command(), *args])}")
        self.tmux("new-session", "-d", "-s", "w", "-x", str(WIDTH), "-y", str(HEIGHT),
                  command)

    def tmux(self, *args: str) -> str:
        """Run a tmux command against this server."""
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                              text=True, timeout=10, check=False).stdout

    def pump(self, wait: float) -> None:
        """Sleep `wait`, then read the header row: decided count and article position."""
        if wait:
            time.sleep(wait)
        rows = self.tmux("capture-pane", "-p", "-t", "w").splitlines()
        self.top = rows[0] if rows else ""
        m = self.decided_re.search(self.top)
        if m:
            self.decided = int(m.group(1))
        found = self.position_re.findall(self.top)
        if found:
            self.position = int(found[-1])

    def send(self, keys: str) -> None:
        """Type keys (literally)."""
        self.tmux("send-keys", "-t", "w", "-l", keys)

    def stop(self) -> None:
        """Quit with q, then end the tmux server."""
        self.send("q")
        time.sleep(0.5)
        self.tmux("kill-server")


def run(dump: Path, state: Path, env: dict[str, str], total: int, key: str,
        rate: float | None) -> Run:
    """Type `total` presses of `key` (at once, or `rate` a second); watch the header."""
    reader = Screen(["--state", str(state), str(dump)], env, total)
    result = Run(f"{key} x{total}" + (f" at {rate:g}/s" if rate else " at once"))
    deadline = time.monotonic() + 60
    while not (reader.decided == 0 and reader.position == 1):
        reader.pump(0.05)
        if time.monotonic() > deadline:
            raise SystemExit(f"bench_triage: warta did not start; top row: {reader.top!r}")
    time.sleep(1.0)  # let the first article's analysis settle, as a person would read it

    def done() -> bool:  # the screen has caught up: on the last article (and all decided)
        return reader.position == total and (key != "a" or reader.decided == total)

    result.first_key = time.monotonic()
    if rate is None:
        reader.send(key * total)
        result.keys_sent = total
        result.last_key = time.monotonic()
    step = 1.0 / rate if rate else 0.0
    deadline = time.monotonic() + TIMEOUT
    while not done() and time.monotonic() < deadline:
        now = time.monotonic()
        if rate and result.keys_sent < total:
            due = min(total, int((now - result.first_key) / step) + 1)
            if due > result.keys_sent:
                reader.send(key * (due - result.keys_sent))
                result.keys_sent = due
                result.last_key = time.monotonic()
            reader.pump(0)
        else:
            reader.pump(0.02)
        shown = reader.decided if key == "a" else reader.position
        result.max_backlog = max(result.max_backlog, result.keys_sent - shown)
        result.samples.append((time.monotonic() - result.first_key, result.keys_sent, shown))
    result.done_at = time.monotonic() if done() else None
    result.shown, result.position = reader.decided, reader.position
    reader.stop()
    return result


def check_sidecar(state: Path, dump: Path, total: int) -> str:
    """'ok' when every article of the dump is `keep` exactly once; else what is wrong."""
    with Dump.open([str(dump)]) as d, Store.open(state, readonly=True) as store:
        ids = [d.id_at(i) for i in range(len(d))]
        rows = list(store.iter_decisions())
    decided = [r.article_id for r in rows if r.decision is not None]
    wrong = [r for r in rows if r.decision != "keep"]
    if len(decided) != total or set(decided) != set(ids) or wrong:
        return (f"LOST OR WRONG: {len(decided)} decided of {total}, "
                f"{len(set(ids) - set(decided))} missing, {len(wrong)} not keep")
    return "ok: every article keep, once"


def report(r: Run, total: int) -> tuple[float | None, str]:
    """A line for the run, and its rate (presses a second until the screen caught up)."""
    if r.done_at is None:
        return None, f"{r.name:<20} did NOT finish in {TIMEOUT:.0f} s (shown {r.shown})"
    took = r.done_at - r.first_key
    per_s = total / took
    lag = (r.done_at - r.last_key) * 1e3
    backlog = sorted(sent - shown for _, sent, shown in r.samples) or [0]
    median, p90 = backlog[len(backlog) // 2], backlog[int(len(backlog) * 0.9)]
    return per_s, (f"{r.name:<20} {took:7.2f} s  {per_s:7.1f}/s  screen caught up "
                   f"{lag:7.0f} ms after the last key  backlog median {median:3d}, p90 "
                   f"{p90:3d}, max {r.max_backlog:4d} keys")


class _ScaleDump:
    """A dump of `n` JSON Lines ids without text: what opening a big sidecar costs."""

    def __init__(self, n: int) -> None:
        self.n = n

    def __len__(self) -> int:
        return self.n

    def id_at(self, index: int) -> str:
        return f"/data/dump.jsonl#{index + 1}"

    def row(self, index: int) -> Any:
        raise AssertionError("rows are not read here")

    def content_hash(self, index: int) -> str:
        return f"{index:040x}"

    def index_of(self, rid: str) -> int | None:
        return int(rid.rsplit("#", 1)[1]) - 1


def scale_one(n: int) -> str:
    """Open a sidecar of n decisions for triage (fresh process): time, RSS, filters."""
    import sqlite3

    from tui.session.filters import ListFilter
    from tui.session.triage import Triage

    (HERE / "out").mkdir(exist_ok=True)  # a fresh checkout has none yet
    with tempfile.TemporaryDirectory(dir=HERE / "out") as tmp:
        path = Path(tmp) / "s.sqlite"
        Store.open(path, synchronous="normal").close()
        with sqlite3.connect(path) as c:  # bulk rows straight in: setting up, not measured
            c.executemany("INSERT INTO decisions VALUES (?, ?, ?, ?, ?, ?)", (
                (f"/data/dump.jsonl#{i + 1}", f"{i:040x}", ("keep", "reject", "skip",
                 "flag")[i % 4], '["politics"]' if i % 10 == 0 else "[]", "", 1.0)
                for i in range(n)))
        before = status_kb("VmRSS") / 1024
        started = time.perf_counter()
        triage = Triage(Store.open(path), _ScaleDump(n + n // 10), [])
        opened = time.perf_counter() - started
        grown = status_kb("VmRSS") / 1024 - before
        started = time.perf_counter()
        undecided = triage.filter_rows(ListFilter("undecided")) or []
        scan = time.perf_counter() - started
        started = time.perf_counter()
        labelled = triage.filter_rows(ListFilter(label="politics")) or []
        by_label = time.perf_counter() - started
        started = time.perf_counter()
        triage.decide(n + 1, "keep")
        position = triage.next_undecided(range(n + n // 10), n + 1)
        decide = time.perf_counter() - started
        triage.close()
    return (f"{n:>9} decisions: open {opened:6.2f} s, RSS +{grown:4.0f} MiB; "
            f"undecided filter {scan:5.2f} s ({len(undecided)} rows); label filter "
            f"{by_label:5.2f} s ({len(labelled)}); decide + next undecided "
            f"{decide * 1e3:5.1f} ms (-> {position})")


def main(argv: list[str] | None = None) -> int:
    """Generate the dump, run baseline, burst and repeat; print the table."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--count", type=int, default=1000)
    p.add_argument("--rate", type=float, default=30.0, help="key-repeat rate (keys a second)")
    p.add_argument("--keys-only", action="store_true",
                   help="skip opening the big sidecars (the key runs only)")
    p.add_argument("--scale-one", type=int, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    total = args.count
    if args.scale_one:
        print(scale_one(args.scale_one))
        return 0
    print("opening big sidecars for triage (each in a fresh process):")
    for n in () if args.keys_only else (100_000, 1_000_000):
        out = subprocess.run([sys.executable, __file__, "--scale-one", str(n)],
                             capture_output=True, text=True, check=False)
        print(out.stdout.rstrip() or out.stderr.rstrip())
    if total <= 0:
        return 0
    if shutil.which("tmux") is None:
        print("bench_triage: skipped, tmux is not installed (apt-get install tmux)")
        return 0
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out) as tmp:
        folder = Path(tmp)
        dump = folder / "triage.jsonl"
        write(generate(total, seed=5, chars=2500), "jsonl", str(dump))
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        env.update(XDG_STATE_HOME=str(folder / "xdg-state"),
                   XDG_CONFIG_HOME=str(folder / "xdg-config"), TERM="xterm-256color")
        print(f"{total} generated articles, {WIDTH}x{HEIGHT} tmux, state synchronous=full, "
              f"{' '.join(warta_command())}")
        lines = []
        base = run(dump, folder / "base.sqlite", env, total, "J", None)
        base_rate, line = report(base, total)
        lines.append(line)
        burst = run(dump, folder / "burst.sqlite", env, total, "a", None)
        burst_rate, line = report(burst, total)
        lines.append(line + f"  sidecar: {check_sidecar(folder / 'burst.sqlite', dump, total)}")
        moved = run(dump, folder / "moved.sqlite", env, total, "J", args.rate)
        lines.append(report(moved, total)[1])
        held = run(dump, folder / "held.sqlite", env, total, "a", args.rate)
        _, line = report(held, total)
        lines.append(line + f"  sidecar: {check_sidecar(folder / 'held.sqlite', dump, total)}")
        print("\n".join(lines))
        for r in (burst, held):
            print(f"final screen ({r.name}): {r.shown}/{total} decided, on article "
                  f"{r.position} / {total}")
        if base_rate and burst_rate:
            print(f"decisions per second sustained (burst): {burst_rate:.1f}; baseline J "
                  f"(move only): {base_rate:.1f}/s; ratio a/J: {burst_rate / base_rate:.2f}x")
    ok = all(r.done_at is not None for r in (base, burst, moved, held))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
