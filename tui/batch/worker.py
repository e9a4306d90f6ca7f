"""What runs in each worker process: one pipeline per run, built once, then task after task.

The same functions run in the caller's process (one job, or one task's worth of records),
in the local pool's processes and on Dask workers, so every mode gives the same lines.
"""

from __future__ import annotations

import json
import signal
import threading
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tui.batch.tasks import Lost, Outcome, Source, read_source
from tui.text.entities import RecogniserError
from tui.text.model import Record
from tui.text.settings import AnalysisSettings
from tui.text.template import SiteTemplate, site_of

if TYPE_CHECKING:
    from tui.text.pipeline import Pipeline


@dataclass(frozen=True, slots=True)
class Job:
    """What every task of one run shares: the settings, and where Parquet parts go."""

    settings: AnalysisSettings
    detect_language: bool = True
    # A folder all workers can see: each task writes its articles there as one Parquet
    # part (part-<task>.parquet) and sends back only its messages.
    parts_dir: str | None = None
    # Names the run, so a long-lived worker builds one pipeline per run, not per task.
    key: str = field(default_factory=lambda: uuid.uuid4().hex)
    # Site templates learnt in a first pass over the input (site -> its template lines).
    templates: Mapping[str, SiteTemplate] = field(default_factory=dict)
    # The dump's languages (LanguagePrior), for articles too short to detect.
    language_prior: Mapping[str, float] | None = None


_lock = threading.Lock()
_pipelines: dict[tuple[str, int], Pipeline] = {}


def pipeline_for(job: Job) -> Pipeline:
    """This thread's pipeline for `job`: built on first use, kept for the rest of the run."""
    key = (job.key, threading.get_ident())
    with _lock:
        pipeline = _pipelines.get(key)
        if pipeline is None:
            from tui import regex_cache
            from tui.text.pipeline import Pipeline

            if not _pipelines:
                regex_cache.load()
            for old in [k for k in _pipelines if k[0] != job.key]:
                del _pipelines[old]  # an earlier run's
            pipeline = _pipelines[key] = Pipeline(job.settings)
    return pipeline


def warm(job: Job) -> None:
    """Build the pipeline and load its recogniser before the first task (a pool initializer).

    Errors are left for the first task to raise, where the caller sees them. Ctrl-C is
    the caller's to handle (it stops the pool): a worker ignores it rather than print a
    traceback.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        _ = pipeline_for(job).recogniser
    except Exception:  # e.g. RecogniserError: the first analysis raises it again
        return


def json_line(doc: dict[str, Any]) -> str:
    """The contract's JSON line; a lone surrogate (a JSON escape in the dump) stays escaped."""
    line = json.dumps(doc, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(doc, ensure_ascii=True)  # UTF-8 cannot hold it: \\udXXX instead
    return line


def _analyse_one(pipeline: Pipeline, record: Record, job: Job, out: Outcome) -> None:
    """Analyse one record into `out`: its warning line and JSON line, or a failure line."""
    try:
        template = job.templates.get(site_of(record)) if job.templates else None
        doc = pipeline.analyse(record, detect_language=job.detect_language, template=template,
                               language_prior=job.language_prior)
    except RecogniserError:
        raise  # the configured recogniser cannot load: no record would work
    except Exception as exc:  # one bad record never stops the batch
        out.entries.append((False, f"{record.id}: analysis failed ({type(exc).__name__}: "
                                   f"{exc}); skipped"))
        out.failed += 1
        return
    if doc.warnings:
        out.entries.append((False, f"{record.id}: {'; '.join(doc.warnings)}"))
    out.entries.append((True, json_line(doc.to_dict())))
    out.written += 1


def run_task(source: Source, job: Job, seq: int = 0) -> Outcome:
    """Read and analyse one task's records; JSON lines and messages in input order."""
    pipeline = pipeline_for(job)
    out = Outcome()

    def problem(message: str) -> None:
        """Keep a stderr message at its place among the lines."""
        out.entries.append((False, message))

    for item in read_source(source, problem):
        if isinstance(item, str):
            problem(item)
        elif isinstance(item, Lost):
            problem(item.message)
            out.failed += item.count
        else:
            _analyse_one(pipeline, item, job, out)
    if job.parts_dir is not None:
        from tui.batch.parquet import write_part

        write_part(job.parts_dir, seq, [text for is_line, text in out.entries if is_line])
        out.entries = [(is_line, text) for is_line, text in out.entries if not is_line]
    return out
