"""The `warta` command's entry: the command line's modules load with the collector held off.

Importing the command line (tui.cli and what it needs before the reader's own hold,
tui.startup.collection_held, begins) makes only long-lived objects: classes, compiled
patterns, tables. With collection on, the interpreter ran some forty collections over
them on the way, about 3.5 ms before the first article could be painted.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence


def load_cli() -> Callable[[Sequence[str] | None], int]:
    """tui.cli.main, imported with collection off; the collector as it was afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        from tui.cli import main
    finally:
        if enabled:
            gc.enable()
    return main


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line (the `warta` script)."""
    return load_cli()(argv)
