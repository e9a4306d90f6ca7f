"""The progress bar on stderr (records, rate, ETA) while a terminal is watching."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import IO, Any


class Meter:
    """Counts records done; this base is the silent kind, when no terminal is watching."""

    def advance(self, records: int) -> None:
        """`records` more are done."""

    def stop(self) -> None:
        """Leave the terminal as it was (the bar's last state stays)."""


def _columns() -> tuple[Any, ...]:
    """The bar's columns: bar, percent, done/total records, rate, elapsed, ETA."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        ProgressColumn,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """Records a second since the run began (results come back in bursts, in order)."""

        def render(self, task: Any) -> Text:
            """The rate as text, empty before the first second."""
            elapsed = task.finished_time or task.elapsed
            rate = f"{task.completed / elapsed:,.1f} records/s" if elapsed else ""
            return Text(rate, style="progress.data.speed")

    return (TextColumn("analyse"), BarColumn(), TaskProgressColumn(), MofNCompleteColumn(),
            TextColumn("records"), RateColumn(), TimeElapsedColumn(), TextColumn("ETA"),
            TimeRemainingColumn())


class Bar(Meter):
    """A rich progress bar, shown from the first records done; stderr lines appear above it.

    Its clock starts with the run, its display late on purpose: the bar refreshes from a
    thread, and the local pool forks its workers before the first results come back, so
    no thread exists when they fork.
    """

    def __init__(self, total: int | None, stream: IO[str], force: bool) -> None:
        from rich.console import Console
        from rich.progress import Progress

        console = Console(file=stream, force_terminal=force or None)
        self.progress = Progress(*_columns(), console=console, redirect_stdout=False,
                                 redirect_stderr=stream is sys.stderr)
        self.task = self.progress.add_task("analyse", total=total)
        self.shown = False

    def advance(self, records: int) -> None:
        """`records` more are done."""
        if not self.shown:
            self.progress.start()
            self.shown = True
        self.progress.advance(self.task, records)

    def stop(self) -> None:
        """Draw the last state and stop the refresh thread."""
        if self.shown:
            self.progress.stop()


@contextlib.contextmanager
def meter(total: int | None, stream: IO[str] | None = None,
          force: bool = False) -> Iterator[Meter]:
    """A Bar on `stream` (default stderr) when it is a terminal (or `force`), else a no-op."""
    stream = sys.stderr if stream is None else stream
    bar = Bar(total, stream, force) if force or stream.isatty() else Meter()
    try:
        yield bar
    finally:
        bar.stop()
