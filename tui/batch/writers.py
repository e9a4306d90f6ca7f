"""Where the articles go: standard output or a JSON Lines file, or Parquet (file or folder)."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import IO, Any, Protocol


class OutputError(Exception):
    """-o names something that cannot be written; one line for the user."""


@dataclass(frozen=True, slots=True)
class Output:
    """What -o asked for: `kind` is "stdout", "jsonl", "parquet" (one file) or "parts"."""

    kind: str
    path: str | None = None


def output_for(path: str | None) -> Output:
    """The Output -o PATH names: OUT.jsonl, OUT.parquet, or a folder (exists, or ends in /)."""
    if path is None or path == "-":
        return Output("stdout")
    if path.endswith(("/", os.sep)) or os.path.isdir(path):
        return Output("parts", path.rstrip("/" + os.sep) or path)
    if path.endswith(".jsonl"):
        return Output("jsonl", path)
    if path.endswith(".parquet"):
        return Output("parquet", path)
    raise OutputError(f"-o {path}: name a .jsonl or .parquet file, or a folder for Parquet "
                      "parts (ending in /)")


class Sink(Protocol):
    """Takes articles as JSON lines, in order."""

    def write(self, line: str) -> None:
        """Add one article."""

    def flush(self) -> None:
        """Pass on what was written so far, where that means anything."""

    def close(self) -> None:
        """Finish (flush, close files)."""


class LineSink:
    """JSON Lines to a stream (standard output, or a file it owns)."""

    def __init__(self, out: IO[str], owned: bool) -> None:
        self.out, self.owned = out, owned

    def write(self, line: str) -> None:
        """Add one article."""
        self.out.write(line + "\n")

    def flush(self) -> None:
        """Pass the lines on now (a stream being analysed as it arrives)."""
        self.out.flush()

    def close(self) -> None:
        """Flush; close the file if it is ours."""
        self.out.flush()
        if self.owned:
            self.out.close()


def prepare(output: Output) -> None:
    """Check -o can be written before any work: pyarrow present, parts folder ready.

    A folder that already holds part files is refused: mixing two runs' parts would read
    back as one dump.
    """
    if output.kind in ("parquet", "parts"):
        from tui.batch.parquet import part_files, require

        require()
    if output.kind == "parts" and output.path is not None:
        try:
            os.makedirs(output.path, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"-o {output.path}: cannot make the folder "
                              f"({exc.strerror or exc})") from None
        if part_files(output.path):
            raise OutputError(f"-o {output.path}: the folder already holds part-*.parquet "
                              "files; remove them or choose another folder")


def open_sink(output: Output) -> Sink:
    """The Sink for `output` (call `prepare` first)."""
    try:
        if output.kind == "stdout":
            return LineSink(sys.stdout, owned=False)
        assert output.path is not None
        if output.kind == "jsonl":
            return LineSink(open(output.path, "w", encoding="utf-8"), owned=True)
        from tui.batch.parquet import ParquetSink

        return ParquetSink(output.path, folder=output.kind == "parts")
    except OSError as exc:
        raise OutputError(f"-o {output.path}: cannot write ({exc.strerror or exc})") from None


class NullSink:
    """Takes nothing: the workers wrote the articles themselves (Parquet parts on a cluster)."""

    def write(self, line: str) -> None:
        """Never called with anything to keep."""

    def flush(self) -> None:
        """Nothing held."""

    def close(self) -> None:
        """Nothing to finish."""


def describe(output: Output) -> str:
    """How the report at the end names `output`."""
    what: dict[str, Any] = {"jsonl": "JSON Lines", "parquet": "Parquet",
                            "parts": "Parquet parts in"}
    return f"{what.get(output.kind, '')} {output.path}".strip()
