"""Helpers shared by the bench scripts: the generated dump files and /proc memory fields.

Generated dumps are kept in bench/out/data so later runs (and other scripts asking for
the same size and format) skip generating them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "out" / "data"


def status_kb(field: str) -> int:
    """A VmRSS/VmHWM-style field of /proc/self/status, in KiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def generated_dump(n: int, chars: int, fmt: str = "jsonl") -> Path:
    """The dump of n generated articles (seed 2, about `chars` long) in `fmt`, made once."""
    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"articles_{n}_{chars}.{fmt.replace('txt-folder', 'txt')}"
    if not path.exists():
        tmp = path.with_name(path.name + ".part")
        subprocess.run([sys.executable, str(HERE / "generate.py"), "--count", str(n),
                        "--chars", str(chars), "--seed", "2", "--format", fmt,
                        "--out", str(tmp)], check=True, stderr=subprocess.DEVNULL)
        tmp.rename(path)
    return path
