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
        """Records a second, over rich's recent window."""

        def render(self, task: Any) -> Text:
            speed = task.finished_speed or task.speed
            return Text("" if speed is None else f"{speed:,.1f} records/s",
                        style="progress.data.speed")

    return (TextColumn("analyse"), BarColumn(), TaskProgressColumn(), MofNCompleteColumn(),
            TextColumn("records"), RateColumn(), TimeElapsedColumn(), TextColumn("ETA"),
            TimeRemainingColumn())


class Bar(Meter):
    """A rich progress bar, shown from the first records done; stderr lines appear above it.

    Started late on purpose: the bar refreshes from a thread, and the local pool forks its
    workers before the first results come back, so no thread exists when they fork.
    """

    def __init__(self, total: int | None, stream: IO[str], force: bool) -> None:
        self.total, self.stream, self.force = total, stream, force
        self.progress: Any = None
        self.task: Any = None

    def advance(self, records: int) -> None:
        """`records` more are done."""
        if self.progress is None:
            self._start()
        self.progress.advance(self.task, records)

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import Progress

        console = Console(file=self.stream, force_terminal=self.force or None)
        self.progress = Progress(*_columns(), console=console, redirect_stdout=False,
                                 redirect_stderr=self.stream is sys.stderr)
        self.task = self.progress.add_task("analyse", total=self.total)
        self.progress.start()

    def stop(self) -> None:
        """Draw the last state and stop the refresh thread."""
        if self.progress is not None:
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
