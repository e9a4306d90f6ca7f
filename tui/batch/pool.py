"""Tasks on this machine's cores: a process pool, a bounded window, results in input order."""

from __future__ import annotations

import multiprocessing
import sys
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain
from typing import Any

from tui.batch.plan import Task
from tui.batch.tasks import Outcome
from tui.batch.worker import Job, run_task, warm

Done = tuple[Task, Outcome | None]


def _outcome(ahead: Any) -> Outcome | None:
    """A submitted task's outcome (waiting for it); None for a task with nothing to run."""
    return None if ahead is None else ahead.result()


class WorkerLost(Exception):
    """A worker process died (killed, out of memory): the run cannot go on; one line."""


def in_process(tasks: Iterator[Task], job: Job) -> Iterator[Done]:
    """Each task here, one after the other (one job, or too little work for a pool)."""
    for task in tasks:
        yield task, None if task.source is None else run_task(task.source, job, task.seq)


def _context() -> multiprocessing.context.BaseContext:
    """fork on Linux: workers start at once with the modules already imported.

    The pool is made before anything here starts a thread (the progress bar and a stream's
    reader come after). Elsewhere (macOS, Windows) fork is unsafe or missing: spawn.
    """
    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")


def in_order(tasks: Iterator[Task], submit: Callable[[Task], Any],
             window: int) -> Iterator[Done]:
    """Submit tasks ahead, at most `window` in flight, and hand back results in order.

    `submit(task)` returns a future (anything with `.done()` and `.result()`); memory
    stays bounded by the window however long the dump is. Results already done are handed
    back as soon as they are at the head; an idle task (a stream waiting for input) is
    handed back after them.
    """
    pending: deque[tuple[Task, Any]] = deque()

    def ready() -> Iterator[Done]:
        """The results at the head that are already done."""
        while pending and (pending[0][1] is None or pending[0][1].done()):
            head, ahead = pending.popleft()
            yield head, _outcome(ahead)

    for task in tasks:
        if task.idle:
            yield from ready()
            yield task, None
            continue
        pending.append((task, None if task.source is None else submit(task)))
        yield from ready()
        while len(pending) >= window:
            head, ahead = pending.popleft()
            yield head, _outcome(ahead)
    while pending:
        head, ahead = pending.popleft()
        yield head, _outcome(ahead)


def run_local(tasks: Iterator[Task], job: Job, jobs: int,
              streaming: bool = False) -> Iterator[Done]:
    """Every task with `jobs` processes, in input order; one task's worth runs in process.

    A pool would only add its start-up when the whole run is a single task, so it starts
    once a second task is planned; or at once for a stream, whose reading thread must
    start after the workers fork.
    """
    tasks = iter(tasks)
    head: list[Task] = []
    sources = 0
    if jobs > 1 and not streaming:
        for task in tasks:
            head.append(task)
            sources += task.source is not None
            if sources > 1:
                break
    if jobs <= 1 or (sources <= 1 and not streaming):
        yield from in_process(chain(head, tasks), job)
        return
    pool = ProcessPoolExecutor(jobs, mp_context=_context(), initializer=warm, initargs=(job,))
    pool.submit(int)  # with fork, every worker is forked now, before any thread exists
    finished = False
    try:
        yield from in_order(chain(head, tasks),
                            lambda t: pool.submit(run_task, t.source, job, t.seq), 4 * jobs)
        finished = True
    except BrokenProcessPool as exc:
        raise WorkerLost(f"a worker process stopped unexpectedly ({exc})") from None
    finally:
        if not finished:  # Ctrl-C, a closed pipe, a fatal path: no task is worth finishing
            for process in list(getattr(pool, "_processes", {}).values()):
                process.terminate()
        pool.shutdown(wait=finished, cancel_futures=True)
