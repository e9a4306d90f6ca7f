"""Boilerplate classification speed: this tree against another commit, same run.

    python bench/bench_classify.py [--base REF] [--rounds N] [--profile]

`clean.classify` CPU time per article on the real articles of ../shared/data/real
(CLICK-ID, Horne 2017 and the whole pages of the extraction benchmark, 386 records;
WARTA_SHARED_DATA names another copy of ../shared/data). REF (default `main`) is
extracted with `git archive` into bench/out/trees; each round runs one process per tree,
the order alternating per round, and each process classifies every record once to warm
up (patterns compile on first use) and then once more timed. Printed per round and tree:
the median and the mean CPU ms per article; then the medians of the rounds and the ratio
this tree / REF. `--profile` prints cProfile's top functions for this tree instead.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = Path(os.environ.get("WARTA_SHARED_DATA") or ROOT.parent / "shared" / "data")
REAL = ("clickid_id.jsonl", "horne2017_en.jsonl", "pages_html-text.jsonl")
TREES = HERE / "out" / "trees"


def base_tree(ref: str) -> Path:
    """A copy of commit `ref`'s files under bench/out/trees, made once per commit."""
    sha = subprocess.run(["git", "rev-parse", ref], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout.strip()
    tree = TREES / sha[:12]
    if not (tree / "tui").is_dir():
        tree.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "archive", sha, "tui", "config.yaml", "seeds"],
                                 cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return tree


def _records() -> list[tuple[list[str], str | None]]:
    """(lines, title) of every real record, as the pipeline hands them to classify."""
    from tui.dumps.formats import iter_records

    out = []
    for name in REAL:
        for rec in iter_records(str(SHARED / "real" / name)):
            out.append((rec.text.splitlines(), rec.title))
    return out


def child(profile: bool) -> int:
    """In a process whose `tui` is the tree measured: print per-article CPU ms as JSON."""
    from tui.config import load_config
    from tui.text.boilerplate_rules import BoilerplateRules
    from tui.text.clean import classify

    rules = BoilerplateRules.from_config(load_config().analysis.boilerplate)
    records = _records()
    for lines, title in records:
        classify(lines, rules, title)
    if profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.enable()
        for lines, title in records:
            classify(lines, rules, title)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(30)
        return 0
    cpu = time.process_time
    took = []
    for lines, title in records:
        c0 = cpu()
        classify(lines, rules, title)
        took.append((cpu() - c0) * 1e3)
    print(json.dumps(took))
    return 0


def measure(tree: Path) -> list[float]:
    """Per-article CPU ms of classify in a fresh process running `tree`'s code."""
    env = {**os.environ, "PYTHONPATH": str(tree), "WARTA_SHARED_DATA": str(SHARED)}
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child"],
                         cwd=tree, env=env, check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(out.stdout)


def main(argv: list[str] | None = None) -> int:
    """Alternate rounds of this tree and the base tree; print medians and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--base", default="main")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child or args.profile:
        if args.profile:
            sys.path.insert(0, str(ROOT))
        return child(args.profile)
    trees = {"this": ROOT, args.base: base_tree(args.base)}
    medians: dict[str, list[float]] = {name: [] for name in trees}
    print(f"classify CPU ms per article, {args.rounds} rounds alternating")
    print(f"{'round':<7}{'tree':<8}{'median':>9}{'mean':>9}{'articles':>10}")
    for r in range(args.rounds):
        for name in list(trees) if r % 2 == 0 else list(trees)[::-1]:
            took = measure(trees[name])
            medians[name].append(statistics.median(took))
            print(f"{r + 1:<7}{name:<8}{medians[name][-1]:>9.2f}"
                  f"{statistics.fmean(took):>9.2f}{len(took):>10}")
    this, base = (statistics.median(medians[n]) for n in trees)
    print(f"median of rounds: this {this:.2f} ms, {args.base} {base:.2f} ms, "
          f"this/{args.base} {this / base:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
