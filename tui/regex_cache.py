"""Compiled boilerplate patterns kept between runs ($XDG_CACHE_HOME/warta/regex).

The `regex` package parses a pattern in Python, about 2.5 times slower than `re`, and on
a cold start that parse was most of the first article's cleaning (bench/bench_startup.py).
A compiled pattern pickles as its compiled program, which loads without parsing, so the
programs compiled once are kept in one file per regex and Python version and handed to
tui.text.bounded_regex the next time a pipeline is built. A missing or damaged file only
means compiling again; the file can be deleted at any time.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import sys
import tempfile
import threading
from pathlib import Path

from tui.resources import user_dir

# More entries than this (many configs over time) and the file starts again from what
# this process uses.
MAX_ENTRIES = 5000

_lock = threading.Lock()
_saved = 0  # how many learned programs the file already holds, as far as this process knows


def cache_file() -> Path:
    """The file for this regex and Python version (a compiled program is tied to both)."""
    import regex

    python = f"{sys.version_info[0]}{sys.version_info[1]}"
    return user_dir("cache") / "regex" / f"programs-{regex.__version__}-py{python}.json"


def _read(path: Path) -> dict[tuple[str, int], bytes]:
    """The programs in `path` ({} when it is missing or not ours)."""
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
        return {(str(source), int(flags)): base64.b64decode(program)
                for source, flags, program in rows}
    except (OSError, ValueError, TypeError):
        return {}


def load() -> None:
    """Hand bounded_regex the programs kept by earlier runs."""
    from tui.text import bounded_regex

    bounded_regex.know(_read(cache_file()))


def save() -> None:
    """Add the programs this process compiled to the file (atomically; errors ignored)."""
    global _saved
    from tui.text import bounded_regex

    with _lock:
        learned = bounded_regex.learned()
        if len(learned) <= _saved:
            return
        path = cache_file()
        programs = _read(path)
        if len(programs) + len(learned) > MAX_ENTRIES:
            programs = {}
        programs.update(learned)
        rows = [[source, flags, base64.b64encode(program).decode("ascii")]
                for (source, flags), program in programs.items()]
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".programs-")
        except OSError:
            return
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(rows, out, ensure_ascii=False)
            os.replace(temporary, path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            return
        _saved = len(learned)
