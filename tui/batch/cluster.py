"""Tasks on a Dask distributed cluster: each worker reads its own ranges from the path.

`--scheduler ADDRESS` joins a running scheduler (`dask scheduler` + `dask worker`);
`--scheduler local` starts a LocalCluster of worker processes on this machine. The run's
Job is sent to every worker once (scattered), each worker builds its pipeline once
(tui.batch.worker), and results come back in input order through a bounded window.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from typing import Any

from tui.batch.plan import Task
from tui.batch.pool import Done, WorkerLost, in_order
from tui.batch.worker import Job, run_task

LOCAL = "local"
"""The --scheduler value that starts a LocalCluster here."""


class ClusterError(Exception):
    """The cluster cannot be used; the message is one line for the user."""


def _distributed() -> Any:
    """The distributed module, or ClusterError naming the extra to install."""
    try:
        import distributed
    except ImportError:
        raise ClusterError("--scheduler needs Dask distributed: "
                           "pip install 'warta[dask]'") from None
    return distributed


@contextlib.contextmanager
def connect(address: str, workers: int) -> Iterator[Any]:
    """A Client on the scheduler at `address`, or on a new LocalCluster of `workers` processes."""
    distributed = _distributed()
    # Dask's own notices would mix with the per-article lines on stderr; errors still show.
    logging.getLogger("distributed").setLevel(logging.ERROR)
    with contextlib.ExitStack() as stack:
        try:
            if address == LOCAL:
                cluster = stack.enter_context(distributed.LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True,
                    host="127.0.0.1", scheduler_port=0, dashboard_address="127.0.0.1:0",
                    silence_logs=logging.ERROR))
                client = stack.enter_context(distributed.Client(cluster))
            else:
                client = stack.enter_context(distributed.Client(address, timeout=30))
        except (OSError, TimeoutError, ValueError) as exc:
            raise ClusterError(f"--scheduler {address}: cannot connect ({exc})") from None
        yield client


def workers(client: Any) -> int:
    """How many workers the cluster has now (at least 1)."""
    return max(1, len(client.scheduler_info().get("workers", {})))


def run_cluster(tasks: Iterator[Task], job: Job, client: Any) -> Iterator[Done]:
    """Every task on the cluster's workers; outcomes in input order.

    Earlier tasks get a higher priority, so the window's head is never left waiting
    behind later work.
    """
    count = workers(client)
    shared = client.scatter(job, broadcast=True, hash=False)

    def submit(task: Task) -> Any:
        """Queue one task on the cluster; the earlier, the sooner."""
        return client.submit(run_task, task.source, shared, task.seq, pure=False,
                             priority=-task.seq)

    # Futures dropped when the run stops early are released (and cancelled) by the client.
    try:
        yield from in_order(tasks, submit, 2 * count + 2)
    except _distributed().KilledWorker as exc:
        raise WorkerLost(f"a Dask worker died running a task ({exc})") from None
