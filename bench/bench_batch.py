"""`warta analyse` articles/s with --jobs 1, --jobs 2 and a 2-worker Dask LocalCluster.

One generated JSON Lines dump (bench/common.py, 600 articles of ~3,000 characters,
language detection on) is analysed by `warta analyse` in a fresh process per run, the
three modes taking turns for ROUNDS rounds, so all of them see the same machine. The
LocalCluster (scheduler + 2 worker processes, one thread each, on 127.0.0.1) is started
once by this script and passed with --scheduler; its start-up is reported apart. Wall
times include each process's start (and the pool's); the baseline is --jobs 1. The
cluster's JSON Lines must be byte-identical to the local run's. CPU s (all processes of
a local run, the pool's workers included) shows what running in parallel costs on top:
on a busy machine the wall times say little, the CPU seconds still do.

    python bench/bench_batch.py [--count N] [--rounds R]
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from common import generated_dump  # noqa: E402

OUT = HERE / "out"


def cpu_of_children() -> float:
    """CPU seconds (user + system) of the finished child processes, theirs included."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(dump: Path, extra: list[str], out: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one `warta analyse DUMP EXTRA > OUT` (exit 0 required).

    The CPU counts the process and its pool's workers, not a cluster's workers.
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cpu0 = cpu_of_children()
    t0 = time.perf_counter()
    with out.open("wb") as sink:
        proc = subprocess.run([sys.executable, "-m", "tui.cli", "analyse", "--no-progress",
                               *extra, str(dump)], stdout=sink, stderr=subprocess.PIPE,
                              env=env, check=False)
    took = time.perf_counter() - t0
    cpu = cpu_of_children() - cpu0
    if proc.returncode != 0:
        raise SystemExit(f"warta analyse {' '.join(extra)}: exit {proc.returncode}\n"
                         f"{proc.stderr.decode(errors='replace')[-2000:]}")
    return took, cpu


def digest(path: Path) -> str:
    """The sha1 of a file's bytes."""
    return hashlib.sha1(path.read_bytes(), usedforsecurity=False).hexdigest()


def main() -> int:
    """Measure the three modes in turns; print medians, articles/s and same-run ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    from distributed import LocalCluster

    dump = generated_dump(args.count, 3000)
    OUT.mkdir(exist_ok=True)
    t0 = time.perf_counter()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      scheduler_port=0, dashboard_address="127.0.0.1:0",
                      silence_logs=logging.ERROR) as cluster:
        started = time.perf_counter() - t0
        modes = {"--jobs 1": ["--jobs", "1"], "--jobs 2": ["--jobs", "2"],
                 "LocalCluster, 2 workers": ["--scheduler", cluster.scheduler_address]}
        times: dict[str, list[float]] = {name: [] for name in modes}
        cpus: dict[str, list[float]] = {name: [] for name in modes}
        outputs = {name: OUT / f"batch_{i}.jsonl" for i, name in enumerate(modes)}
        for _ in range(args.rounds):
            for name, extra in modes.items():
                took, cpu = run(dump, extra, outputs[name])
                times[name].append(took)
                cpus[name].append(cpu)
    base = statistics.median(times["--jobs 1"])
    print(f"articles: {args.count} (~3,000 chars, language on), rounds: {args.rounds}, "
          f"cores: {os.cpu_count()}; LocalCluster start-up {started:.1f} s (not counted)")
    print(f"{'mode':<26}{'median s':>10}{'articles/s':>12}{'vs --jobs 1':>13}"
          f"{'CPU s':>9}")
    for name, took in times.items():
        median = statistics.median(took)
        cpu = statistics.median(cpus[name])
        shown = f"{cpu:>9.2f}" if "--jobs" in name else f"{'n/a':>9}"
        print(f"{name:<26}{median:>10.2f}{args.count / median:>12.1f}{base / median:>12.2f}x"
              f"{shown}")
    same = {digest(p) for p in outputs.values()}
    print(f"JSON Lines byte-identical across the three modes: {'yes' if len(same) == 1 else 'NO'}")
    return 0 if len(same) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
