"""Parquet dumps through pyarrow (the optional `parquet` extra): one article per row.

Opening reads only the footer (row counts per row group); a record decodes its row group,
and the few row groups decoded last are kept, so reading on through a file decodes each
group once. Columns are matched to the title, text, url, ... the same way as JSON fields;
values JSON cannot hold (timestamps, decimals, bytes) are kept as text.

A file written by `warta analyse -o` (the contract's fields as columns, `to_row`) holds
Documents: `document(j)` gives each back, so the reader shows them without analysing,
and its records are made of their blocks' text.
"""

from __future__ import annotations

import json
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


def to_row(doc: dict[str, Any]) -> dict[str, Any]:
    """One contract dict as a row of `schema()`."""
    meta = dict(doc["meta"])
    meta["boilerplate"] = list(meta.get("boilerplate", {}).items())
    fields = doc.get("fields")
    return {**doc, "meta": meta,
            "fields": None if fields is None else json.dumps(fields, ensure_ascii=False)}


def from_row(row: dict[str, Any]) -> dict[str, Any]:
    """The inverse of `to_row`: the contract dict, `fields` left out when null."""
    doc = dict(row)
    doc["meta"] = {**row["meta"], "boilerplate": dict(row["meta"]["boilerplate"] or [])}
    fields = doc.pop("fields")
    if fields is not None:
        doc["fields"] = json.loads(fields)
    return doc


ANALYSED = frozenset({"id", "title", "meta", "blocks"})  # columns of `warta analyse -o`


def _analysed_record(doc: dict[str, Any]) -> dict[str, Any]:
    """The fields of the record an analysis was made from, as far as it tells: its blocks'
    text (boilerplate too) a paragraph each, its title, url and date, its own fields."""
    meta = doc.get("meta") or {}
    fields = {k: v for k, v in (doc.get("fields") or {}).items()
              if k not in ("text", "title", "url", "date")}
    return {**fields, "title": doc.get("title"),
            "text": "\n\n".join(str(b.get("text") or "") for b in doc.get("blocks") or ()),
            "url": meta.get("url"), "date": meta.get("date")}


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
        # An analysis written by `warta analyse -o`: its Documents are read, not made again.
        self.analysed = set(self.columns) >= ANALYSED and not names.has_text(self.columns)
        if not self.analysed and not names.has_text(self.columns):
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

    def _row(self, j: int) -> dict[str, Any]:
        k = bisect_right(self.ends, j)
        start = self.ends[k - 1] if k else 0
        row: dict[str, Any] = self._group(k).slice(j - start, 1).to_pylist()[0]
        return row

    def record(self, j: int) -> Record:
        row = self._row(j)
        if self.analysed:
            row = _analysed_record(from_row(row))
        size = sum(len(v) for v in row.values() if isinstance(v, str | bytes))
        if (why := self.limits.too_large(size)) is not None:
            raise RecordError(f"{self.label}#{j + 1}: {why}", short=f"row {j + 1}: {why}")
        return record_from_mapping(self.id_at(j), {str(c): _plain(v) for c, v in row.items()},
                                   self.names)

    def document(self, j: int) -> dict[str, Any] | None:
        """Row `j` as the analysis it holds (the contract's dict), or None when the file
        is not an analysis."""
        return from_row(self._row(j)) if self.analysed else None

    def id_at(self, j: int) -> str:
        return f"{self.name}#{j + 1}"

    def index_of(self, rid: str) -> int | None:
        return _position(rid, self.name, len(self))

    def close(self) -> None:
        with self._lock:
            self._groups.clear()
            self.parquet.close()
