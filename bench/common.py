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


def status_kb(field: str, pid: int | str = "self") -> int:
    """A VmRSS/VmHWM-style field of /proc/PID/status (this process by default), in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
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


# As the command-line tools write them by default; zstd through zstandard at level 3.
TOOLS = {"jsonl.gz": ["gzip", "-6", "-c"], "jsonl.bz2": ["bzip2", "-c"], "jsonl.xz": ["xz", "-c"]}


def compressed(plain: Path, fmt: str) -> Path:
    """`plain` as `fmt` (jsonl, or json: one array of the same records; either alone or
    .gz, .zst, .bz2 or .xz), written once beside it."""
    if fmt == "jsonl":
        return plain
    path = plain.with_name(plain.name.replace(".jsonl", "." + fmt))
    if path.exists():
        return path
    layout, _, packing = fmt.partition(".")
    source = plain if layout == "jsonl" else _as_array(plain, path.with_name(
        plain.name.replace(".jsonl", ".json")))
    if not packing:
        return source
    part = path.with_name(path.name + ".part")
    with open(source, "rb") as src, open(part, "wb") as dst:
        if f"jsonl.{packing}" in TOOLS:  # as the command-line tools write them by default
            subprocess.run(TOOLS[f"jsonl.{packing}"], stdin=src, stdout=dst, check=True)
        else:
            import zstandard

            zstandard.ZstdCompressor(level=3).copy_stream(src, dst)
    part.rename(path)
    return path


def _as_array(plain: Path, path: Path) -> Path:
    """The JSON Lines file `plain` as one JSON array at `path` (`[`, a record a line, `]`)."""
    if path.exists():
        return path
    part = path.with_name(path.name + ".part")
    with open(plain, "rb") as src, open(part, "wb") as dst:
        dst.write(b"[\n")
        separator = b""
        for line in src:
            if line.strip():
                dst.write(separator + line.rstrip(b"\r\n"))
                separator = b",\n"
        dst.write(b"\n]\n")
    part.rename(path)
    return path
