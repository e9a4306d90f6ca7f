"""One `warta analyse` run: plan the tasks, run them here or on a cluster, write in order.

Every mode prints the same per-article stderr lines in the same order and exits the same
way: 0 when articles were written, 1 when an analysis failed, 2 when nothing usable was
found or a path cannot be opened (what came before it is still written).
"""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from tui.batch.cluster import ClusterError, connect, run_cluster, workers
from tui.batch.parquet import ParquetMissing
from tui.batch.plan import Dumps, local_tasks, path_tasks
from tui.batch.pool import Done, WorkerLost, run_local
from tui.batch.progress import Meter, meter
from tui.batch.worker import Job
from tui.batch.writers import (
    NullSink,
    Output,
    OutputError,
    Sink,
    describe,
    open_sink,
    output_for,
    prepare,
)
from tui.dumps.fields import DEFAULT_FIELDS, FieldNames
from tui.dumps.formats import STDIN, DumpError, iter_records
from tui.dumps.limits import DumpLimits
from tui.text.language_prior import LanguagePrior
from tui.text.model import Record
from tui.text.settings import AnalysisSettings
from tui.text.template import SiteTemplate, TemplateLearner

EXIT_FAILED = 1
EXIT_USAGE = 2
LOCAL_CHUNK = 64  # records a task on this machine: enough to amortise pickling
CLUSTER_CHUNK = 1000  # records a task on a cluster at most: one Parquet part each
MIN_CHUNK = 16  # records a task at least, however small the dump


def chunk_for(total: int | None, workers: int, largest: int, smallest: int) -> int:
    """Records per task: `largest`, fewer for a small dump (four tasks a worker at least,
    so no worker idles while another finishes a big last task), never under `smallest`."""
    if total is None:  # a stream: its tasks are cut short whenever input pauses
        return largest
    return max(smallest, min(largest, -(-total // (4 * workers))))


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _local_chunk(total: int | None, jobs: int) -> int:
    """Records per local task. A dump of one chunk or less is one task, analysed in this
    process: under a second of work does not pay for starting workers that each load
    their own pipeline (about 0.5 s of CPU)."""
    if total is not None and total <= LOCAL_CHUNK:
        return LOCAL_CHUNK
    return chunk_for(total, jobs, LOCAL_CHUNK, MIN_CHUNK)


@dataclass(frozen=True, slots=True)
class Options:
    """What the command line asked of one run."""

    paths: list[str]
    recursive: bool = False
    jobs: int = 1
    chunk: int | None = None
    output: str | None = None
    scheduler: str | None = None
    detect_language: bool = True
    progress: bool = True
    names: FieldNames = DEFAULT_FIELDS  # --text-field / --title-field


@dataclass(slots=True)
class Tally:
    """Articles written and failed so far."""

    written: int = 0
    failed: int = 0


def _drain(done: Iterator[Done], sink: Sink, bar: Meter, problem: Callable[[str], None],
           tally: Tally) -> str | None:
    """Print and write every outcome in order; the fatal message that stopped it, if any."""
    for task, outcome in done:
        if task.idle:
            sink.flush()  # a stream is waiting: what is done goes out now
            continue
        for note in task.notes:
            problem(note)
        if outcome is not None:
            for is_line, text in outcome.entries:
                if is_line:
                    sink.write(text)
                else:
                    problem(text)
            tally.written += outcome.written
            tally.failed += outcome.failed
        bar.advance(task.size)
        if task.fatal is not None:
            return task.fatal
    return None


def _check(options: Options) -> Output:
    """The output asked for, checked before any work; OutputError, ParquetMissing or
    ClusterError when the run cannot start."""
    output = output_for(options.output)
    if options.scheduler is not None and STDIN in options.paths:
        raise ClusterError("--scheduler: standard input cannot be shared with the workers; "
                           "save the dump where they can read it, or use --jobs")
    prepare(output)
    return output


def _read_all(options: Options, limits: DumpLimits) -> Iterator[Record]:
    """Every record of the input, a path that cannot be read left to the second pass."""
    for path in options.paths:
        with contextlib.suppress(DumpError):  # the second pass says what is wrong
            yield from iter_records(path, recursive=options.recursive, limits=limits,
                                    names=options.names, background=True)  # as found


def first_pass(options: Options, limits: DumpLimits, learner: TemplateLearner | None,
               max_records: int) -> tuple[dict[str, SiteTemplate], dict[str, float] | None]:
    """Read (not analyse) the first `max_records` records first: into `learner` (site
    templates) and into the dump's language prior. The same records for every run of a
    dump, whatever the order of the work; a dump of millions is not read twice. Standard
    input, which cannot be read twice, gets neither."""
    if STDIN in options.paths or (learner is None and not options.detect_language):
        return {}, None
    prior = LanguagePrior()
    for record in itertools.islice(_read_all(options, limits), max_records):
        if learner is not None:
            learner.add(record)
        if options.detect_language:
            prior.add(record.text)
    return ({} if learner is None else learner.templates()), prior.weights()


def analyse(options: Options, settings: AnalysisSettings, limits: DumpLimits,
            problem: Callable[[str], None], learner: TemplateLearner | None = None,
            learn_from: int = 20_000) -> int:
    """Run `warta analyse` as `options` say; the exit status. The records are read once
    first (first_pass): the first `learn_from` of them, with a `learner`, to learn site
    templates, which every worker strips, and for the dump's language prior."""
    try:
        output = _check(options)
    except (OutputError, ParquetMissing, ClusterError) as exc:
        problem(str(exc))
        return EXIT_USAGE
    parts = output.kind == "parts" and options.scheduler is not None
    templates, prior = first_pass(options, limits, learner, learn_from)
    job = Job(settings, options.detect_language, output.path if parts else None,
              templates=templates, language_prior=prior)
    tally = Tally()
    with contextlib.ExitStack() as stack:
        dumps = stack.enter_context(Dumps(options.paths, options.recursive, limits,
                                          options.names))
        try:
            if options.scheduler is None:
                chunk = options.chunk or _local_chunk(dumps.total(), options.jobs)
                done = run_local(local_tasks(dumps, chunk), job, options.jobs, dumps.streaming)
            else:
                client = stack.enter_context(connect(options.scheduler, options.jobs))
                chunk = options.chunk or chunk_for(dumps.total(), workers(client),
                                                   CLUSTER_CHUNK, LOCAL_CHUNK)
                done = run_cluster(path_tasks(dumps, chunk), job, client)
            sink = NullSink() if parts else open_sink(output)
        except (ClusterError, OutputError) as exc:
            problem(str(exc))
            return EXIT_USAGE
        stack.callback(sink.close)
        stack.callback(done.close)  # stops the pool or cancels what is left on the cluster
        bar = stack.enter_context(meter(dumps.total(), force=False) if options.progress
                                  else contextlib.nullcontext(Meter()))
        try:
            fatal = _drain(done, sink, bar, problem, tally)
        except WorkerLost as exc:
            problem(f"{exc}; the articles after the last one written were not analysed")
            return EXIT_FAILED
    if fatal is not None:
        problem(fatal)
        return EXIT_USAGE
    if tally.written == 0 and tally.failed == 0:
        problem(f"{' '.join(options.paths)}: no articles found")
        return EXIT_USAGE
    if output.kind != "stdout":
        problem(f"wrote {tally.written} articles to {describe(output)}")
    return EXIT_FAILED if tally.failed else 0
