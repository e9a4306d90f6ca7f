"""Parquet dumps through pyarrow (the optional `parquet` extra): one article per row.

Opening reads only the footer (row counts per row group); a record decodes its row group,
and the few row groups decoded last are kept, so reading on through a file decodes each
group once. Columns are matched to the title, text, url, ... the same way as JSON fields;
values JSON cannot hold (timestamps, decimals, bytes) are kept as text.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tui.dumps.fields import DEFAULT_FIELDS, FieldNames
from tui.dumps.formats import Reader, RecordError, _position, record_from_mapping
from tui.dumps.limits import DEFAULT_LIMITS, DumpLimits
from tui.dumps.lru import Lru
from tui.dumps.sniff import DumpError
from tui.safe_text import safe_plain
from tui.text.model import Record

ROW_GROUPS = 4  # decoded row groups kept
MISSING = "reading Parquet needs pyarrow: pip install 'warta[parquet]'"


def _plain(value: Any) -> Any:
    """`value` as JSON can hold it: containers walked, bytes decoded, the rest as text."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return str(value)


class ParquetRows(Reader):
    """The rows of one Parquet file; ids are `name#ROW` (1-based, across row groups)."""

    def __init__(self, parquet: Any, label: str, name: str, limits: DumpLimits = DEFAULT_LIMITS,
                 names: FieldNames = DEFAULT_FIELDS) -> None:
        self.parquet = parquet
        self.label = label
        self.name = name
        self.limits = limits
        self.names = names
        meta = parquet.metadata
        self.ends: list[int] = []
        total = 0
        for k in range(meta.num_row_groups):
            total += meta.row_group(k).num_rows
            self.ends.append(total)
        self.columns = list(parquet.schema_arrow.names)
        if not names.has_text(self.columns):
            raise DumpError(f"{label}: no text column (one of {', '.join(names.text)}); "
                            f"the columns are: {safe_plain(', '.join(self.columns)[:200])}")
        self._lock = threading.Lock()
        self._groups: Lru[int, Any] = Lru(ROW_GROUPS)

    @classmethod
    def open(cls, path: Path, label: str, name: str, limits: DumpLimits = DEFAULT_LIMITS,
             names: FieldNames = DEFAULT_FIELDS) -> ParquetRows:
        """The reader of the Parquet file at `path`; DumpError (one line) if unusable."""
        try:
            import pyarrow
            import pyarrow.parquet as pq
        except ImportError:
            raise DumpError(f"{label}: {MISSING}") from None
        try:
            parquet = pq.ParquetFile(path)
        except (pyarrow.ArrowException, OSError, ValueError) as exc:
            why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise DumpError(f"{label}: not a readable Parquet file ({why})") from None
        try:
            return cls(parquet, label, name, limits, names)
        except BaseException:
            parquet.close()
            raise

    def __len__(self) -> int:
        return self.ends[-1] if self.ends else 0

    def _group(self, k: int) -> Any:
        """Row group k decoded (a pyarrow Table), from the few kept when it is there."""
        import pyarrow

        with self._lock:
            if (table := self._groups.get(k)) is not None:
                return table
            try:
                table = self.parquet.read_row_group(k)
            except (pyarrow.ArrowException, OSError, ValueError) as exc:
                why = f"cannot read row group {k + 1} ({str(exc).splitlines()[0]})"
                raise RecordError(f"{self.label}: {why}", short=why) from None
            self._groups.put(k, table)
            return table

    def record(self, j: int) -> Record:
        k = bisect_right(self.ends, j)
        start = self.ends[k - 1] if k else 0
        row = self._group(k).slice(j - start, 1).to_pylist()[0]
        size = sum(len(v) for v in row.values() if isinstance(v, str | bytes))
        if (why := self.limits.too_large(size)) is not None:
            raise RecordError(f"{self.label}#{j + 1}: {why}", short=f"row {j + 1}: {why}")
        return record_from_mapping(self.id_at(j), {str(c): _plain(v) for c, v in row.items()},
                                   self.names)

    def id_at(self, j: int) -> str:
        return f"{self.name}#{j + 1}"

    def index_of(self, rid: str) -> int | None:
        return _position(rid, self.name, len(self))

    def close(self) -> None:
        with self._lock:
            self._groups.clear()
            self.parquet.close()
