"""Standard input as a dump: spooled once into a temporary file, deleted at exit.

The readers need random access (the list jumps, workers read neighbours), so the bytes
are copied to a file first; the format is then sniffed from the content, as for a file
without a suffix. A digest of the content names the dump's state file, so piping the same
dump twice finds the same decisions, and a different dump never sees them.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import os
import sys
import tempfile
import threading
from pathlib import Path
from typing import IO

CHUNK = 1024 * 1024
SNIFF = 8192  # bytes looked at to tell a JSON Lines stream
_lock = threading.Lock()
_spooled: tuple[Path, str] | None = None


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def spool(source: IO[bytes]) -> tuple[Path, str]:
    """Copy `source` to a temporary file (removed at exit); its path and sha1 hex digest."""
    fd, name = tempfile.mkstemp(prefix="warta-stdin-")
    path = Path(name)
    atexit.register(_remove, path)
    digest = hashlib.sha1(usedforsecurity=False)
    with os.fdopen(fd, "wb") as out:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            out.write(chunk)
    return path, digest.hexdigest()


def _spool_once() -> tuple[Path, str]:
    global _spooled
    with _lock:
        if _spooled is None:
            _spooled = spool(sys.stdin.buffer)
        return _spooled


def spooled_stdin() -> Path:
    """The temporary file holding standard input (read on the first call only)."""
    return _spool_once()[0]


def stdin_digest() -> str:
    """The sha1 of standard input's bytes (spooling it if not done yet)."""
    return _spool_once()[1]


def stdin_state_path(state_dir: str | os.PathLike[str] | None) -> Path:
    """The state file of the dump on standard input: `stdin-<digest>.sqlite`, by content."""
    from tui.dumps.store import SUFFIX, default_state_dir

    folder = Path(state_dir).expanduser() if state_dir else default_state_dir()
    return folder / f"stdin-{stdin_digest()[:16]}{SUFFIX}"


def is_piped(fd: int = 0) -> bool:
    """True when `fd` is a pipe or a redirected file, not a terminal or /dev/null."""
    import stat

    try:
        mode = os.fstat(fd).st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode) or stat.S_ISSOCK(mode)


def jsonl_stdin() -> IO[bytes] | None:
    """Standard input to stream when it plainly holds JSON Lines, else None (spool it).

    Decided from the bytes already buffered (peek: nothing is consumed), and only before
    anything was spooled.
    """
    from tui.dumps.sniff import Compression, Kind, compression_of, kind_from_content

    if _spooled is not None:
        return None
    source = sys.stdin.buffer
    peek = getattr(source, "peek", None)
    if peek is None:
        return None
    head = peek(SNIFF)[:SNIFF]
    if b"\n" not in head or b"\x00" in head or compression_of(head) is not Compression.NONE:
        return None  # a first line longer than the buffer, UTF-16, or compressed: spool
    return source if kind_from_content(head) is Kind.JSONL else None
