"""Command line: `warta [PATH...]` opens the reader; `warta analyse PATH...` prints JSON Lines."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.config import Config, ConfigError, load_config
from tui.dumps.fields import FieldNames
from tui.dumps.formats import STDIN, DumpError, iter_records
from tui.text.entities import RecogniserError

if TYPE_CHECKING:
    from tui.analyser import PipelineAnalyser
    from tui.dumps.analysis_cache import AnalysisCache
    from tui.dumps.store import Store
    from tui.session.session import ReaderSession
    from tui.text.model import Record
    from tui.text.template import TemplateLearner

EXIT_USAGE = 2
TEMPLATE_DELAY = 2.0
"""Seconds the reader waits before it looks for the dump's site templates (in the sidecar,
else by reading the dump): the first frame and the first article's analysis come first."""


def _problem(message: str) -> None:
    """Tell the user one thing on stderr, as one `warta: ...` line."""
    print(f"warta: {message}", file=sys.stderr)


def _fail(message: str) -> int:
    _problem(message)
    return EXIT_USAGE


def _config(args: argparse.Namespace) -> Config:
    config = load_config(args.config, args.set or ())
    for problem in config.problems:
        _problem(problem)
    return config


def cmd_analyse(args: argparse.Namespace) -> int:
    """Write one JSON object per article, in input order (tui.batch runs it, on every core).

    An article that hit a limit or needed a repair gets one stderr line naming it; one
    whose analysis fails gets one stderr line and no output, and the batch goes on
    (exit status 1 at the end).
    """
    from tui import regex_cache
    from tui.batch.run import Options, analyse

    config = _config(args)
    if args.jobs < 1 or (args.chunk is not None and args.chunk < 1):
        return _fail("--jobs and --chunk take a number of at least 1")
    options = Options(args.paths, args.recursive, args.jobs, args.chunk, args.output,
                      args.scheduler, not args.no_language, not args.no_progress,
                      _field_names(args))
    learner = None
    if not args.no_template and config.get("templates.learn") and STDIN not in args.paths:
        learner = _template_learner(config)
    code = analyse(options, config.analysis, config.dump_limits, _problem, learner,
                   int(config.get("templates.max_records")))
    regex_cache.save()
    return code


COMMANDS = ("analyse", "export", "stats")
"""The sub-commands; anything else on the command line is a path for the reader."""


def _common_options() -> argparse.ArgumentParser:
    """The options every sub-command and the reader take."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", metavar="PATH", help="user config file (YAML)")
    common.add_argument("--set", action="append", metavar="KEY=VALUE",
                        help="override one config key, e.g. ui.theme=warta-light")
    common.add_argument("--state", metavar="PATH",
                        help="the state file (decisions, position) to use for this dump")
    common.add_argument("--text-field", metavar="NAME",
                        help="the field (JSON, CSV, Parquet) holding each article's text")
    common.add_argument("--title-field", metavar="NAME",
                        help="the field holding each article's title")
    return common


def _field_names(args: argparse.Namespace) -> FieldNames:
    """The title and text fields --title-field and --text-field name (else the usual ones)."""
    return FieldNames.named(text=getattr(args, "text_field", None),
                            title=getattr(args, "title_field", None))


def _dump_arguments() -> argparse.ArgumentParser:
    """The dump paths every sub-command takes, and -r for subfolders."""
    dumps = argparse.ArgumentParser(add_help=False)
    dumps.add_argument("paths", nargs="+", metavar="PATH")
    dumps.add_argument("-r", "--recursive", action="store_true",
                       help="also read the subfolders of a folder")
    return dumps


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every sub-command."""
    common = _common_options()
    common_and_dumps = [common, _dump_arguments()]
    parser = argparse.ArgumentParser(prog="warta", description=__doc__, parents=[common],
                                     usage="warta [--config PATH] [--set KEY=VALUE] [PATH...]"
                                           "\n       warta COMMAND ...")
    sub = parser.add_subparsers(dest="command", prog="warta")
    analyse = sub.add_parser("analyse", parents=common_and_dumps,
                             help="print the analysis of each article as JSON Lines")
    _add_batch_options(analyse)
    analyse.set_defaults(func=cmd_analyse)
    _add_triage_commands(sub, common_and_dumps)
    return parser


def _add_batch_options(analyse: argparse.ArgumentParser) -> None:
    """How `warta analyse` runs: processes, output file, Dask cluster."""
    from tui.batch.run import CLUSTER_CHUNK, LOCAL_CHUNK, cores

    analyse.add_argument("--no-language", action="store_true", help="skip language detection")
    analyse.add_argument("-j", "--jobs", type=int, default=cores(), metavar="N",
                         help="worker processes (default: every core, here %(default)s); "
                              "with --scheduler local, Dask workers")
    analyse.add_argument("-o", "--output", metavar="OUT",
                         help="write OUT.jsonl (JSON Lines), OUT.parquet, or a folder of "
                              "Parquet parts (OUT/) instead of standard output")
    analyse.add_argument("--scheduler", metavar="ADDRESS",
                         help="run on the Dask cluster whose scheduler is at ADDRESS "
                              "(tcp://host:8786), or `local` for one on this machine")
    analyse.add_argument("--chunk", type=int, metavar="N",
                         help=f"records per task (default: up to {LOCAL_CHUNK}, with "
                              f"--scheduler up to {CLUSTER_CHUNK}; fewer for a small dump)")
    analyse.add_argument("--no-progress", action="store_true",
                         help="no progress bar on a terminal's stderr")
    analyse.add_argument("--no-template", action="store_true",
                         help="do not read the input first to learn site templates (lines "
                              "recurring across a site's articles); standard input never is")


def _add_triage_commands(sub: Any, parents: list[argparse.ArgumentParser]) -> None:
    """`warta export` and `warta stats`: the triage decisions of a dump."""
    from tui.dumps.export import FORMATS, TEXT_MODES
    from tui.dumps.store import DECISIONS

    export = sub.add_parser("export", parents=parents,
                            help="write the decided articles with decisions, labels, notes")
    export.add_argument("--decision", choices=DECISIONS, help="only this decision")
    export.add_argument("--label", metavar="L", help="only articles with this label")
    export.add_argument("--format", choices=FORMATS, default="jsonl",
                        help="JSON Lines (default) or CSV")
    export.add_argument("--with-text", choices=TEXT_MODES, default="none",
                        help="add each article's text: raw (as in the dump), cleaned "
                             "(content blocks only) or none (default)")
    export.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    export.set_defaults(func=cmd_export)
    stats = sub.add_parser("stats", parents=parents,
                           help="print how many articles got each decision and label")
    stats.set_defaults(func=cmd_stats)


def _state_file(paths: Sequence[str], state: str | None,
                state_dir: str | None) -> str | None:
    """--state as given; for a dump on standard input, its file named by the content."""
    if state or STDIN not in paths:
        return state
    from tui.dumps.stdin import stdin_state_path

    return str(stdin_state_path(state_dir))


def _triage_store(args: argparse.Namespace, config: Config) -> Store:
    from tui.dumps.store import StoreError, open_store

    for path in args.paths:
        if not args.state and path != STDIN and not Path(path).exists():
            raise StoreError(f"{path}: no such file or folder")
    state_dir = config.get("state.dir") or None
    store = open_store(args.paths, state=_state_file(args.paths, args.state, state_dir),
                       state_dir=state_dir, readonly=True)
    for notice in store.notices:  # a damaged file: read what can be read, left as it is
        _problem(notice)
    return store


def _configured_labels(config: Config) -> list[str]:
    """The label names of triage.labels, in key order."""
    return [str(x) for x in config.get("triage.labels") or []]


def _saved_state(args: argparse.Namespace, config: Config) -> Store | None:
    """The dump's state file read-only; None, said on stderr, when nothing is saved yet."""
    from tui.dumps.store import NoSavedState

    try:
        return _triage_store(args, config)
    except NoSavedState as exc:
        _problem(f"{exc}: 0 decisions")
        return None


def _unknown_label(label: str, store: Store | None, config: Config) -> str | None:
    """One line when `label` is neither configured nor on any article, else None."""
    known = set(_configured_labels(config)) | set(store.label_counts() if store else ())
    if label in known:
        return None
    return f"no label {label!r}; the labels are: {', '.join(sorted(known)) or 'none'}"


def _kept_title(store: Store | None,
                stack: contextlib.ExitStack) -> Callable[[str], str | None]:
    """The title analysed earlier for an article id, from the sidecar's analysis cache
    (closed with `stack`)."""
    from tui.dumps.analysis_cache import AnalysisCache

    shelf = stack.enter_context(contextlib.closing(
        AnalysisCache(None if store is None else store.path, writable=False)))

    def title(article_id: str) -> str | None:
        try:
            return shelf.title(article_id)
        except Exception:  # sqlite3.Error or an odd row: only the title is not known
            return None

    return title


def cmd_export(args: argparse.Namespace) -> int:
    """Stream the decided articles (or those with --label) as JSON Lines or CSV."""
    from tui.dumps.export import export_rows, write_csv, write_jsonl
    from tui.dumps.index import Dump
    from tui.dumps.store import StoreError

    config = _config(args)
    with contextlib.ExitStack() as stack:
        try:
            store = _saved_state(args, config)
        except StoreError as exc:
            return _fail(str(exc))
        if store is not None:
            stack.enter_context(store)
        if args.label is not None and (unknown := _unknown_label(args.label, store, config)):
            return _fail(unknown)
        dump = None
        if args.with_text != "none" and store is not None:
            try:
                dump = stack.enter_context(Dump.open(args.paths, _problem, args.recursive,
                                                     config.dump_limits, _field_names(args)))
            except DumpError as exc:
                return _fail(str(exc))
        from tui.text.pipeline import Pipeline

        pipeline = Pipeline(config.analysis) if args.with_text == "cleaned" else None
        rows = iter(()) if store is None else export_rows(
            store, dump, decision=args.decision, label=args.label, with_text=args.with_text,
            pipeline=pipeline, problem=_problem, kept_title=_kept_title(store, stack))
        out = sys.stdout
        if args.output:
            out = stack.enter_context(open(args.output, "w", encoding="utf-8", newline=""))
        if args.format == "csv":
            n = write_csv(rows, out, with_text=args.with_text != "none")
        else:
            n = write_jsonl(rows, out)
        out.flush()
    if args.output:
        _problem(f"exported {n} articles to {args.output}")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    """Print counts per decision and per label (all zero for a dump not triaged yet)."""
    from tui.dumps.export import stats_lines
    from tui.dumps.index import Dump
    from tui.dumps.store import StoreError

    config = _config(args)
    try:
        store = _saved_state(args, config)
    except StoreError as exc:
        return _fail(str(exc))
    total = None
    try:
        with Dump.open(args.paths, lambda _: None, args.recursive,
                       config.dump_limits, _field_names(args)) as dump:
            total = len(dump)
    except DumpError as exc:
        _problem(f"{exc} (counting decisions only)")
    with store or contextlib.nullcontext():
        print(f"state: {store.origin if store else 'none saved yet'}")
        print("\n".join(stats_lines(store, total)))
    return 0


def cmd_read(args: argparse.Namespace) -> int:
    """Open the reader on the given paths, or on the bundled seeds when there are none."""
    from tui.startup import collection_held

    with collection_held():  # until the first article is painted (the screen settles it)
        return _read(args)


def _read(args: argparse.Namespace) -> int:
    from tui.dumps.index import Dump  # the UI modules load only when the reader opens
    from tui.resources import bundled

    config = load_config(args.config, args.set or ())
    paths = list(getattr(args, "paths", None) or [])
    if not paths:
        from tui.dumps.stdin import is_piped  # no path given: the dump may come on a pipe

        paths = [STDIN] if is_piped(0) else [str(bundled("seeds"))]
    if STDIN in paths and sys.stdin.isatty():
        return _fail("- reads the dump from standard input, which is a terminal here; "
                     "pipe a dump in (cat news.jsonl | warta)")
    notices: list[str] = []
    try:
        dump = Dump.open(paths, notices.append, limits=config.dump_limits,
                         names=_field_names(args), background=True)
    except DumpError as exc:
        return _fail(str(exc))
    if STDIN in paths and (why := _keys_from_terminal()) is not None:
        dump.close()
        return _fail(why)
    from tui.analyser import PipelineAnalyser
    from tui.dumps.analysis_cache import AnalysisCache
    from tui.session.analysis import AnalysisService
    from tui.session.opening import open_triage
    from tui.session.session import ReaderSession

    triage, messages = open_triage(
        paths, dump, labels=_configured_labels(config),
        state=_state_file(paths, args.state, config.get("state.dir") or None),
        state_dir=config.get("state.dir") or None,
        synchronous=str(config.get("state.synchronous") or "full"))
    notices.extend(messages)
    shelf = AnalysisCache.beside(None if triage is None else triage.store)
    analyser = PipelineAnalyser(config, shelf=shelf)
    analysis = AnalysisService(dump, analyser,
                               detect_language=bool(config.get("analysis.detect_language")))
    session = ReaderSession(dump, analysis, triage)
    _start_first_article(session, analyser)
    _learn_templates(paths, args, config, analyser, shelf, analysis.cache.clear)
    from tui.app import WartaApp

    try:
        WartaApp(dump, config, notices=notices, triage=triage, analyser=analyser,
                 session=session).run()
    finally:
        shelf.close()
        session.close()
    return 0


def _start_first_article(session: ReaderSession, analyser: PipelineAnalyser) -> None:
    """The first article's Document from the dump (an analysis written by `warta analyse
    -o`) or the sidecar, or its quick pass started now.

    Held or kept: the screen shows it in the first frame and builds the pipeline after the
    paint. Else: the pipeline is built and the article analysed (forked, on the other
    core) while the UI modules import.
    """
    from tui.startup import EarlyAnalysis

    if (first := session.first_article()) is None:
        return
    index, record = first
    if session.analysis.known(index) is not None:
        return
    if (kept := session.analysis.kept(index, record)) is not None:
        session.analysis.cache.put(index, kept, True)
    else:
        session.analysis.early = EarlyAnalysis(analyser, index, record).start()


def _learn_templates(paths: Sequence[str], args: argparse.Namespace, config: Config,
                     analyser: PipelineAnalyser, shelf: AnalysisCache,
                     learnt: Callable[[], None]) -> None:
    """Site templates of the dump learnt in the background (or read from the sidecar);
    `learnt` once they are in use: the Documents analysed before them are forgotten, so
    every article opened from then on shows what its site template removes."""
    if not config.get("templates.learn") or STDIN in paths:
        return  # standard input is read once, by the reader
    from tui.session.templates import TemplateLearning, dump_fingerprint

    names = _field_names(args)

    def records() -> Iterator[Record]:
        for path in paths:
            yield from iter_records(path, limits=config.dump_limits, names=names,
                                    background=True)  # its first records only, as found

    TemplateLearning(records, dump_fingerprint(paths), analyser, shelf,
                     lambda: _template_learner(config),
                     int(config.get("templates.max_records")), TEMPLATE_DELAY, learnt).start()


def _template_learner(config: Config) -> TemplateLearner:
    """A TemplateLearner with the config's thresholds."""
    from tui.text.template import TemplateLearner

    return TemplateLearner(int(config.get("templates.min_articles")),
                           float(config.get("templates.min_share")))


def _keys_from_terminal() -> str | None:
    """Make the terminal standard input again once the piped dump is read; why not, or None.

    The dump came through fd 0, but the keys must come from the terminal: /dev/tty is
    put on fd 0 (and sys.stdin rebound) before Textual starts, which reads fd 0.
    """
    try:
        fd = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
    except OSError as exc:
        return (f"the dump came on standard input and no terminal is available for the keys "
                f"(/dev/tty: {exc.strerror or exc}); use warta analyse - instead")
    os.dup2(fd, 0)
    os.close(fd)
    sys.stdin = sys.__stdin__ = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115
    return None


def _reader_argv(argv: list[str]) -> argparse.Namespace | None:
    """Parse `warta [options] [PATH...]` (no sub-command), or None when a sub-command is named.

    Without building the sub-commands' parsers: those import the export and analysis
    modules, which the reader's start does not need.
    """
    if any(a in ("-h", "--help") for a in argv):
        return None
    reader = argparse.ArgumentParser(prog="warta", add_help=False, parents=[_common_options()])
    reader.add_argument("paths", nargs="*", metavar="PATH")
    known, _rest = reader.parse_known_args(argv)
    if known.paths and known.paths[0] in COMMANDS:
        return None
    return reader.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `warta` console script."""
    argv = list(sys.argv[1:] if argv is None else argv)
    reader_args = _reader_argv(argv)
    args = reader_args if reader_args is not None else build_parser().parse_args(argv)
    try:
        if getattr(args, "func", None) is None:
            return cmd_read(args)
        return int(args.func(args))
    except (ConfigError, RecogniserError) as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
