"""First article painted on a big JSON Lines dump, vs a minimal Textual app, in one run.

The generated dump (bench/generate.py, seed 2, ~3,000 characters an article; 1,000,000
articles is ~3.7 GB) is opened in a pseudo-terminal as bench_startup.py does, with an
empty scan cache every run (a first open: the file is scanned). Programs, in turn:
- minimal: bench_startup's minimal Textual app (its first frame: the baseline);
- reader, tree T, format F: `warta DUMP.F` run from the source tree T (`--tree`,
  repeatable: e.g. the main checkout for "before" and this tree for "after"), timed to
  the frame that holds a word of the first article's body. Formats (`--formats`):
  jsonl, jsonl.gz (`gzip -6`), jsonl.zst (level 3, one frame, as `zstd` writes),
  jsonl.bz2 (`bzip2`), jsonl.xz (`xz`); json is the same records as one JSON array
  (`[`, a record a line, `]`), alone or compressed the same ways (json.gz, ...).
Then, in fresh processes from each tree: how long until `G` would reach the last article,
i.e. the whole dump is scanned (`Dump.open` returning for a blocking open; `start_scan`
then `wait_scanned` for a background one) and the last record read. Last, the reader's
peak RSS: `warta DUMP.F` in the pseudo-terminal until the whole dump is open (a
background scan: "Scan done" on the screen), then `G` until the header shows the last
article, and at least 30 s (`--rss-settle`) from the start, so that what it does at
first in the background (site templates) is over, then VmHWM from /proc/PID/status
before `q` (target: under 300 MB).

    python bench/bench_first_article.py [--count N] [--runs R] [--tree PATH ...]
        [--formats jsonl,jsonl.gz,jsonl.zst] [--phases paint,last,rss] [--rss-runs N]
        [--rss-settle SECONDS]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_startup import MINIMAL_APP, ScreenWatch, _drain, _env, _spawn, run_in_pty  # noqa: E402
from common import compressed, generated_dump, status_kb  # noqa: E402

TARGET = 1.5
RSS_TARGET_MB = 300
READER = ("import sys; sys.path.insert(0, {tree!r})\n"
          "try:\n    from tui.launch import main  # the warta script's entry\n"
          "except ImportError:  # a tree from before it\n    from tui.cli import main\n"
          "sys.exit(main([{dump!r}]))")
LAST = """
import json, sys, time
sys.path.insert(0, {tree!r})
t0 = time.perf_counter()
from tui.dumps.index import Dump
import inspect
background = "background" in inspect.signature(Dump.open).parameters
dump = Dump.open([{dump!r}], background=True) if background else Dump.open([{dump!r}])
opened = time.perf_counter() - t0
if background:
    dump.start_scan()
    dump.wait_scanned()
dump.record(len(dump) - 1)
print(json.dumps({{"opened": opened, "last": time.perf_counter() - t0, "count": len(dump)}}))
"""


def marker(dump: Path) -> str:
    """A word of the first article's body that no title near the top of the list holds."""
    with open(dump, encoding="utf-8") as fh:
        records = [json.loads(fh.readline()) for _ in range(60)]
    titles = " ".join(str(r.get("title", "")) for r in records)
    body = str(records[0]["text"]).split("\n")
    for paragraph in (p for p in body[1:] if len(p) > 200):
        for word in re.findall(r"[A-Za-z]{7,}", paragraph):
            if word not in titles:
                return word
    raise SystemExit("no marker word in the first article")


def last_article(tree: str, dump: Path, cache: Path) -> dict[str, float]:
    """`LAST` in a fresh interpreter from `tree`, with an empty cache folder."""
    shutil.rmtree(cache, ignore_errors=True)
    out = subprocess.run([sys.executable, "-c", LAST.format(tree=tree, dump=str(dump))],
                         env={"XDG_CACHE_HOME": str(cache), "PATH": "/usr/bin:/bin"},
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


class _Either(ScreenWatch):
    """Whichever of several texts is painted first."""

    def __init__(self, texts: list[str]) -> None:
        super().__init__(texts[0])
        self.watches = [ScreenWatch(text) for text in texts]

    def feed(self, chunk: bytes) -> None:
        """Take the next bytes the program wrote."""
        for watch in self.watches:
            watch.feed(chunk)

    def shown(self) -> str | None:
        """The first text painted, if any yet."""
        return next((w.marker.decode() for w in self.watches if w.painted is not None), None)


def _until_shown(proc: subprocess.Popen[bytes], master: int, texts: list[str],
                 deadline: float) -> str:
    """Read the terminal until one of `texts` is painted (which); RuntimeError if none is."""
    watch = _Either(texts)
    _drain(proc, master, deadline, lambda: watch.shown() is not None, watch)
    if (shown := watch.shown()) is None:
        raise RuntimeError(f"{texts!r} never reached the terminal (exit {proc.poll()})")
    return shown


def peak_rss(argv: list[str], env: dict[str, str], word: str, count: int, settle: float,
             timeout: float = 900.0) -> dict[str, float]:
    """The reader's VmHWM (MB) once the whole dump is open, `G` shows the last article and
    `settle` seconds have passed since the start (what the reader does in the background
    at first, learning site templates, is over), and the seconds from spawn to the whole
    dump (a background scan: "Scan done")."""
    started = time.monotonic()
    deadline = started + timeout
    last = f"{count} / {count}"
    proc, master = _spawn(argv, env)
    try:
        _until_shown(proc, master, [word], deadline)
        scanned = time.monotonic() - started
        os.write(master, b"G")  # a dump opened whole goes to its last article at once
        if _until_shown(proc, master, ["Scan done", last], deadline) != last:
            scanned = time.monotonic() - started
            os.write(master, b"g")
            _until_shown(proc, master, [f"1 / {count}"], deadline)
            os.write(master, b"G")
            _until_shown(proc, master, [last], deadline)
        _drain(proc, master, started + settle)
        peak = status_kb("VmHWM", proc.pid) * 1024 / 1e6
        os.write(master, b"q")
        _drain(proc, master, time.monotonic() + 30)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        os.close(master)
    return {"peak_mb": peak, "scanned": scanned}


def main(argv: list[str]) -> int:
    """Alternate the programs, print the medians and the same-run ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--tree", action="append", default=[])
    parser.add_argument("--formats", default="jsonl")
    parser.add_argument("--phases", default="paint,last,rss")
    parser.add_argument("--rss-runs", type=int, default=3)
    parser.add_argument("--rss-settle", type=float, default=30.0)
    args = parser.parse_args(argv)
    phases = set(args.phases.split(","))
    trees = args.tree or [str(HERE.parent)]
    plain = generated_dump(args.count, 3000, "jsonl")
    dumps = {fmt: compressed(plain, fmt) for fmt in args.formats.split(",")}
    word = marker(plain)
    readers = {f"{Path(t).name} {fmt}": (t, path) for fmt, path in dumps.items() for t in trees}
    times: dict[str, list[float]] = {"minimal": [], **{name: [] for name in readers}}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        stamp, config, pycache = tmp / "painted", tmp / "config", tmp / "pycache"
        programs = {"minimal": ([sys.executable, "-c", MINIMAL_APP], "Hello"),
                    **{name: ([sys.executable, "-c", READER.format(tree=t, dump=str(path))],
                              word) for name, (t, path) in readers.items()}}
        for i in range(1 + args.runs if "paint" in phases else 0):  # round 0 warms up
            for name in list(programs)[i % len(programs):] + list(programs)[:i % len(programs)]:
                shutil.rmtree(config.parent / "cache" / "warta" / "dumps", ignore_errors=True)
                state = tmp / f"state-{i}-{len(times[name])}"
                argv_, mark = programs[name]
                painted, _ = run_in_pty(argv_, stamp, _env(stamp, state, config, pycache), mark,
                                        timeout=300)
                if i:
                    times[name].append(painted)
        last: dict[str, list[dict[str, float]]] = {name: [] for name in readers}
        for _ in range(3 if "last" in phases else 0):  # in turn, as the paints
            for name, (t, path) in readers.items():
                last[name].append(last_article(t, path, tmp / "last-cache"))
        rss: dict[str, list[dict[str, float]]] = {name: [] for name in readers}
        for i in range(args.rss_runs if "rss" in phases else 0):  # in turn, as above
            for name in readers:
                shutil.rmtree(config.parent / "cache" / "warta" / "dumps", ignore_errors=True)
                env = _env(Path(""), tmp / f"rss-{i}-{name}", config, pycache)
                rss[name].append(peak_rss(programs[name][0], env, word, args.count,
                                          args.rss_settle))
    _report(args, plain, times, last, rss)
    return 0


def _report(args: argparse.Namespace, plain: Path, times: dict[str, list[float]],
            last: dict[str, list[dict[str, float]]],
            rss: dict[str, list[dict[str, float]]]) -> None:
    print(f"{args.count:,} articles, {plain.stat().st_size / 1e9:.2f} GB JSON Lines, first "
          f"open (no scan cache); medians of {args.runs} runs in turn, pty")
    minimal = statistics.median(times["minimal"]) if times["minimal"] else 0.0
    if minimal:
        print(f"  minimal Textual app, first frame      {minimal * 1000:7.0f} ms")
    for name, runs in times.items():
        if name == "minimal" or not runs:
            continue
        median = statistics.median(runs)
        print(f"  first article painted, {name:<18} {median * 1000:7.0f} ms  "
              f"{median / minimal:.2f}x minimal (min {min(runs) * 1000:.0f}, "
              f"max {max(runs) * 1000:.0f})")
    for name, found in last.items():
        if not found:
            continue
        print(f"  G to the last article, {name:<18} open returned "
              f"{statistics.median(r['opened'] for r in found):6.2f} s, whole scan + last "
              f"record {statistics.median(r['last'] for r in found):6.2f} s "
              f"({int(found[0]['count']):,} articles; medians of {len(found)})")
    for name, peaks in rss.items():
        if not peaks:
            continue
        mb = [p["peak_mb"] for p in peaks]
        scanned = statistics.median(p["scanned"] for p in peaks)
        print(f"  peak RSS, {name:<18} {statistics.median(mb):6.0f} MB (max {max(mb):.0f}; "
              f"VmHWM once the dump was whole, at {scanned:.1f} s, and G showed the last "
              f"article; medians of {len(peaks)})")
    print(f"targets: JSON Lines within {TARGET}x the minimal app, compressed within 2x; "
          f"peak RSS under {RSS_TARGET_MB} MB")


if __name__ == "__main__":
    start = time.time()
    code = main(sys.argv[1:])
    print(f"({time.time() - start:.0f} s)")
    sys.exit(code)
