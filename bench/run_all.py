"""Run every bench/bench_*.py in turn (what `make bench` runs) and keep a combined summary.

Scripts are found by name, so a new bench_*.py (bench_big_article.py: key waits around a
2 MB article) runs without being listed here.

Each script is standalone and prints its own results; this runner prints a header per
script, passes the output through, and writes everything to bench/out/summary.txt
(plus one log per script). `python bench/run_all.py index export` runs only the
scripts whose names contain one of the words.
"""

from __future__ import annotations

import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"


def scripts(only: list[str]) -> list[Path]:
    """The bench scripts to run, sorted by name, filtered by `only` when given."""
    found = sorted(HERE.glob("bench_*.py"))
    if only:
        found = [p for p in found if any(word in p.stem for word in only)]
    return found


def main(argv: list[str]) -> int:
    """Run the scripts; exit 1 when any of them failed."""
    OUT.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    summary = [f"warta benchmarks, {stamp}, Python {platform.python_version()}, "
               f"{platform.machine()}, {platform.system()}", ""]
    failed: list[str] = []
    for script in scripts(argv):
        header = f"=== {script.name} ==="
        print(header, flush=True)
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, str(script)], cwd=HERE.parent,
                              capture_output=True, text=True, check=False)
        took = time.perf_counter() - started
        sys.stdout.write(proc.stdout)
        if proc.returncode != 0:
            sys.stdout.write(proc.stderr)
            failed.append(script.name)
        status = "ok" if proc.returncode == 0 else f"FAILED (exit {proc.returncode})"
        footer = f"--- {script.name}: {status} in {took:.1f} s"
        print(footer, "", sep="\n", flush=True)
        (OUT / f"{script.stem}.log").write_text(proc.stdout + proc.stderr, encoding="utf-8")
        summary += [header, proc.stdout.rstrip(), footer, ""]
    (OUT / "summary.txt").write_text("\n".join(summary) + "\n", encoding="utf-8")
    print(f"summary written to {OUT / 'summary.txt'}")
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
