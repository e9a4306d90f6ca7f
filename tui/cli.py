"""Command line: `warta [PATH...]` opens the reader; `warta analyse PATH...` prints JSON Lines."""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from tui.config import Config, ConfigError, load_config
from tui.dumps.formats import STDIN, DumpError, iter_records
from tui.text.entities import RecogniserError

if TYPE_CHECKING:
    from tui.dumps.index import Dump
    from tui.dumps.store import Store
    from tui.text.model import Document, Record
    from tui.triage import Triage

EXIT_USAGE = 2


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
    """Print one JSON object per article, in input order.

    An article that hit a limit or needed a repair gets one stderr line naming it; one
    whose analysis fails gets one stderr line and no output, and the batch goes on
    (exit status 1 at the end).
    """
    from tui import regex_cache
    from tui.text.pipeline import Pipeline  # not at the top: the reader builds it in a thread

    config = _config(args)
    regex_cache.load()
    pipeline = Pipeline(config.analysis)
    out = sys.stdout
    count = failed = 0
    for target in args.paths:
        try:
            for record in iter_records(target, _problem, args.recursive,
                                       limits=config.dump_limits):
                try:
                    doc = pipeline.analyse(record, detect_language=not args.no_language)
                except RecogniserError:
                    raise  # the configured recogniser cannot load: no record would work
                except Exception as exc:  # one bad record never stops the batch
                    _problem(f"{record.id}: analysis failed ({type(exc).__name__}: {exc}); "
                             "skipped")
                    failed += 1
                    continue
                if doc.warnings:
                    _problem(f"{record.id}: {'; '.join(doc.warnings)}")
                _write_json_line(out, doc.to_dict())
                count += 1
        except DumpError as exc:
            return _fail(str(exc))
    out.flush()
    regex_cache.save()
    if count == 0 and failed == 0:
        return _fail(f"{' '.join(args.paths)}: no articles found")
    return 1 if failed else 0


def _write_json_line(out: TextIO, data: dict[str, Any]) -> None:
    """One JSON line, its text as is where the output can carry it, else escaped: a lone
    surrogate (a JSON dump's "\\ud800") or a non-UTF-8 terminal cannot."""
    try:
        out.write(json.dumps(data, ensure_ascii=False) + "\n")
    except UnicodeEncodeError:
        out.write(json.dumps(data) + "\n")


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
    return common


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
    analyse.add_argument("--no-language", action="store_true", help="skip language detection")
    analyse.set_defaults(func=cmd_analyse)
    _add_triage_commands(sub, common_and_dumps)
    return parser


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


def cmd_export(args: argparse.Namespace) -> int:
    """Stream the decided articles as JSON Lines or CSV."""
    from tui.dumps.export import export_rows, write_csv, write_jsonl
    from tui.dumps.index import Dump
    from tui.dumps.store import StoreError

    config = _config(args)
    with contextlib.ExitStack() as stack:
        try:
            store = stack.enter_context(_triage_store(args, config))
        except StoreError as exc:
            return _fail(str(exc))
        dump = None
        if args.with_text != "none":
            try:
                dump = stack.enter_context(Dump.open(args.paths, _problem, args.recursive,
                                                     config.dump_limits))
            except DumpError as exc:
                return _fail(str(exc))
        from tui.text.pipeline import Pipeline

        pipeline = Pipeline(config.analysis) if args.with_text == "cleaned" else None
        rows = export_rows(store, dump, decision=args.decision, label=args.label,
                           with_text=args.with_text, pipeline=pipeline, problem=_problem)
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
    """Print counts per decision and per label."""
    from tui.dumps.export import stats_lines
    from tui.dumps.index import Dump
    from tui.dumps.store import StoreError

    config = _config(args)
    try:
        store = _triage_store(args, config)
    except StoreError as exc:
        return _fail(str(exc))
    total = None
    try:
        with Dump.open(args.paths, lambda _: None, args.recursive,
                       config.dump_limits) as dump:
            total = len(dump)
    except DumpError as exc:
        _problem(f"{exc} (counting decisions only)")
    with store:
        print(f"state: {store.origin}")
        print("\n".join(stats_lines(store, total)))
    return 0


def cmd_read(args: argparse.Namespace) -> int:
    """Open the reader on the given paths, or on the bundled seeds when there are none."""
    # No garbage collection until the first article is painted (the screen turns it back
    # on): start-up makes only long-lived objects, and full collections over them cost
    # about 30 ms before the first frame (bench/bench_startup.py).
    gc.disable()
    try:
        return _read(args)
    finally:
        gc.enable()


def _read(args: argparse.Namespace) -> int:
    from tui.dumps.index import Dump  # the UI modules load only when the reader opens
    from tui.dumps.stdin import is_piped
    from tui.resources import bundled

    config = load_config(args.config, args.set or ())
    paths = list(getattr(args, "paths", None) or [])
    if not paths:
        paths = [STDIN] if is_piped(0) else [str(bundled("seeds"))]
    if STDIN in paths and sys.stdin.isatty():
        return _fail("- reads the dump from standard input, which is a terminal here; "
                     "pipe a dump in (cat news.jsonl | warta)")
    notices: list[str] = []
    try:
        dump = Dump.open(paths, notices.append, limits=config.dump_limits)
    except DumpError as exc:
        return _fail(str(exc))
    if STDIN in paths and (why := _keys_from_terminal()) is not None:
        dump.close()
        return _fail(why)
    from tui.analyser import EarlyAnalysis, PipelineAnalyser
    from tui.triage import open_triage

    triage, messages = open_triage(
        paths, dump, labels=[str(x) for x in config.get("triage.labels") or []],
        state=_state_file(paths, args.state, config.get("state.dir") or None),
        state_dir=config.get("state.dir") or None,
        synchronous=str(config.get("state.synchronous") or "full"))
    notices.extend(messages)
    analyser = PipelineAnalyser(config, shelf=triage)
    documents: dict[int, Document] = {}
    early = None
    if (first := _first_article(dump, triage)) is not None:
        index, record = first
        kept = analyser.cached(record) if config.get("analysis.detect_language") else None
        if kept is not None:
            documents[index] = kept  # the screen builds the pipeline after the first paint
        else:
            # Build the pipeline and analyse the first article while the UI modules import.
            early = EarlyAnalysis(analyser, index, record).start()
    from tui.app import WartaApp

    try:
        WartaApp(dump, config, notices=notices, triage=triage, analyser=analyser,
                 documents=documents, early=early).run()
    finally:
        if triage is not None:
            triage.close()
    return 0


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


def _first_article(dump: Dump, triage: Triage | None) -> tuple[int, Record] | None:
    """The article the reader opens on (the saved position, else the first) and its record."""
    if not len(dump):
        return None
    index = triage.saved_position() if triage is not None else None
    index = index if index is not None and 0 <= index < len(dump) else 0
    try:
        return index, dump.record(index)
    except Exception:  # e.g. a bad record: the screen's worker reports it
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
