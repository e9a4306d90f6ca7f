"""First article painted on a big JSON Lines dump, vs a minimal Textual app, in one run.

The generated dump (bench/generate.py, seed 2, ~3,000 characters an article; 1,000,000
articles is ~3.4 GB) is opened in a pseudo-terminal as bench_startup.py does, with an
empty scan cache every run (a first open: the file is scanned). Programs, in turn:
- minimal: bench_startup's minimal Textual app (its first frame: the baseline);
- reader, tree T: `warta DUMP` run from the source tree T (`--tree`, repeatable: e.g.
  the main checkout for "before" and this tree for "after"), timed to the frame that
  holds a word of the first article's body.
Then, in fresh processes from each tree: how long until `G` would reach the last article,
i.e. the whole dump is scanned (`Dump.open` returning for a blocking open; `start_scan`
then `wait_scanned` for a background one) and the last record read.

    python bench/bench_first_article.py [--count N] [--runs R] [--tree PATH ...]
"""

from __future__ import annotations

import argparse
import json
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

from bench_startup import MINIMAL_APP, _env, run_in_pty  # noqa: E402
from common import generated_dump  # noqa: E402

TARGET = 1.5
READER = ("import sys; sys.path.insert(0, {tree!r}); from tui.cli import main; "
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


def main(argv: list[str]) -> int:
    """Alternate the programs, print the medians and the same-run ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--tree", action="append", default=[])
    args = parser.parse_args(argv)
    trees = args.tree or [str(HERE.parent)]
    dump = generated_dump(args.count, 3000, "jsonl")
    word = marker(dump)
    size_gb = dump.stat().st_size / 1e9
    times: dict[str, list[float]] = {"minimal": [], **{t: [] for t in trees}}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        stamp, config, pycache = tmp / "painted", tmp / "config", tmp / "pycache"
        programs = {"minimal": ([sys.executable, "-c", MINIMAL_APP], "Hello"),
                    **{t: ([sys.executable, "-c", READER.format(tree=t, dump=str(dump))], word)
                       for t in trees}}
        for i in range(1 + args.runs):  # the first round warms the byte code
            for name in list(programs)[i % len(programs):] + list(programs)[:i % len(programs)]:
                shutil.rmtree(config.parent / "cache" / "warta" / "dumps", ignore_errors=True)
                state = tmp / f"state-{i}-{len(times[name])}"
                argv_, mark = programs[name]
                painted, _ = run_in_pty(argv_, stamp, _env(stamp, state, config, pycache), mark,
                                        timeout=120)
                if i:
                    times[name].append(painted)
        last = {t: [last_article(t, dump, tmp / "last-cache") for _ in range(3)] for t in trees}
    minimal = statistics.median(times["minimal"])
    print(f"{args.count:,} articles, {size_gb:.2f} GB JSON Lines, first open (no scan cache); "
          f"medians of {args.runs} runs in turn, pty")
    print(f"  minimal Textual app, first frame      {minimal * 1000:7.0f} ms")
    for tree in trees:
        median = statistics.median(times[tree])
        verdict = "meets" if median / minimal <= TARGET else "OVER"
        print(f"  first article painted, {Path(tree).name:<14} {median * 1000:7.0f} ms  "
              f"{median / minimal:.2f}x minimal ({verdict} the {TARGET}x target; "
              f"min {min(times[tree]) * 1000:.0f}, max {max(times[tree]) * 1000:.0f})")
    for tree in trees:
        runs = last[tree]
        print(f"  G to the last article, {Path(tree).name:<14} "
              f"open returned {statistics.median(r['opened'] for r in runs):6.2f} s, "
              f"whole scan + last record {statistics.median(r['last'] for r in runs):6.2f} s "
              f"({int(runs[0]['count']):,} articles; medians of {len(runs)})")
    return 0


if __name__ == "__main__":
    start = time.time()
    code = main(sys.argv[1:])
    print(f"({time.time() - start:.0f} s)")
    sys.exit(code)
