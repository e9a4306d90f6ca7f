"""The analysis as Parquet: the contract's fields as columns, blocks as a list of structs.

Two columns differ in type from JSON: `meta.boilerplate` is a map (reason -> lines) and
`fields`, the record's own free-form fields, is their JSON text (null when there are
none). `documents()` reads a file or a folder of parts back into the contract's dicts.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tui.dumps.parquet import from_row, to_row

PART = "part-{:06d}.parquet"
ROW_GROUP = 2000  # rows buffered before a row group is written
ROWS_PER_PART = 100_000  # a folder written here rolls to a new part after this many


class ParquetMissing(Exception):
    """pyarrow is not installed; the message is one line for the user."""


def _pa() -> Any:
    """pyarrow with its parquet module, or ParquetMissing naming the extra."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise ParquetMissing("Parquet output needs pyarrow: "
                             "pip install 'warta[parquet]'") from None
    return pyarrow


def require() -> None:
    """ParquetMissing unless pyarrow can be imported."""
    _pa()


def schema() -> Any:
    """The Arrow schema of one analysed article (docs/CONTRACT.md)."""
    pa = _pa()
    text = pa.string()
    entity = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("label", text),
                        ("text", text)])
    block = pa.struct([("kind", text), ("reason", text), ("lines", pa.list_(pa.int64())),
                       ("text", text), ("entities", pa.list_(entity))])
    meta = pa.struct([("publisher", text), ("dateline", text), ("credit", text),
                      ("date", text), ("url", text), ("author", text),
                      ("words", pa.int64()), ("reading_minutes", pa.float64()),
                      ("boilerplate", pa.map_(text, pa.int64())), ("entities_by", text)])
    return pa.schema([("id", text), ("title", text), ("language", text),
                      ("language_confidence", pa.float64()), ("meta", meta),
                      ("blocks", pa.list_(block)), ("warnings", pa.list_(text)),
                      ("fields", text)])


def _unpaired(value: Any) -> Any:
    """`value` with lone surrogates (UTF-8 cannot hold them) replaced by U+FFFD."""
    if isinstance(value, str):
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if isinstance(value, dict):
        return {k: _unpaired(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return tuple(_unpaired(v) for v in value)
    if isinstance(value, list):
        return [_unpaired(v) for v in value]
    return value


def table(lines: list[str]) -> Any:
    """An Arrow table of the articles given as JSON lines."""
    pa = _pa()
    rows = [to_row(json.loads(line)) for line in lines]
    try:
        return pa.Table.from_pylist(rows, schema=schema())
    except (UnicodeEncodeError, pa.ArrowException):
        return pa.Table.from_pylist([_unpaired(r) for r in rows], schema=schema())


def write_part(folder: str, seq: int, lines: list[str]) -> None:
    """Task `seq`'s articles as one part file in `folder` (none when it has no articles)."""
    if lines:
        pa = _pa()
        final = Path(folder) / PART.format(seq)
        partial = final.with_name(f".{final.name}.partial")
        pa.parquet.write_table(table(lines), partial, row_group_size=ROW_GROUP)
        os.replace(partial, final)  # a reader never sees half a part


class ParquetSink:
    """Articles (as JSON lines) into one Parquet file, or a folder of rolling parts."""

    def __init__(self, path: str, folder: bool) -> None:
        self.pa = _pa()
        self.path, self.folder = path, folder
        self.buffer: list[str] = []
        self.part = 0
        self.in_part = 0
        self.writer: Any = None
        if not folder:
            self.writer = self.pa.parquet.ParquetWriter(path, schema())

    def write(self, line: str) -> None:
        """Add one article."""
        self.buffer.append(line)
        if len(self.buffer) >= ROW_GROUP:
            self._flush()

    def flush(self) -> None:
        """Row groups are written whole: nothing to pass on early."""

    def _flush(self) -> None:
        """Write the buffer as one row group; roll to a new part when this one is full."""
        if not self.buffer:
            return
        if self.folder:
            if self.writer is None:
                self.writer = self.pa.parquet.ParquetWriter(
                    os.path.join(self.path, PART.format(self.part)), schema())
            self.in_part += len(self.buffer)
        self.writer.write_table(table(self.buffer))
        self.buffer = []
        if self.folder and self.in_part >= ROWS_PER_PART:
            self.writer.close()
            self.writer, self.part, self.in_part = None, self.part + 1, 0

    def close(self) -> None:
        """Write what is buffered and close the file."""
        self._flush()
        if self.writer is not None:
            self.writer.close()
            self.writer = None


def part_files(folder: str | os.PathLike[str]) -> list[Path]:
    """The part files of a folder, in input order."""
    return sorted(p for p in Path(folder).glob("part-*.parquet") if p.is_file())


def documents(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """The contract dicts stored in a Parquet file or folder of parts, in input order."""
    pa = _pa()
    files = part_files(path) if Path(path).is_dir() else [Path(path)]
    for file in files:
        parquet = pa.parquet.ParquetFile(file)
        for group in range(parquet.num_row_groups):
            for row in parquet.read_row_group(group).to_pylist():
                yield from_row(row)
