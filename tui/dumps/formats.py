"""Readers for each dump format, with random access to records by position.

A reader opens a file (or a folder's list of files) without parsing its records: text
files are listed, JSON Lines and CSV are indexed by byte offset (tui.dumps.offsets),
compressed files are inflated once into a temporary file. `record(j)` then reads and
parses one record, raising RecordError (one line naming file, line and what is wrong)
when that record is unusable; the rest of the dump stays readable.

Record ids: the path as given for a one-article file; `path#N` for a multi-record file,
where N is the 1-based line for JSON Lines, the 1-based element for a JSON array and the
1-based data row (header not counted) for CSV/TSV.
"""

from __future__ import annotations

import csv
import io
import json
import os
from bisect import bisect_left
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from tui.dumps.offsets import Offsets, scan_csv_rows, scan_lines
from tui.dumps.sniff import (
    SUFFIX_KIND,
    UTF16_BOMS,
    Compression,
    DumpError,
    Kind,
    compression_of,
    inflate,
    inner_suffix,
    is_dump_file,
    looks_binary,
    read_decompressed,
    sniff,
)
from tui.text.model import Record

__all__ = ["DumpError", "Reader", "RecordError", "iter_records", "open_readers",
           "record_from_mapping"]

# Field names recognised in structured records (case-insensitive), first match wins.
TITLE_FIELDS = ("title", "headline")
TEXT_FIELDS = ("text", "content", "body", "maintext")
URL_FIELDS = ("url", "link")
DATE_FIELDS = ("date", "published", "published_at")
AUTHOR_FIELDS = ("author", "authors")
# Keys under which a JSON object may hold its list of articles.
LIST_KEYS = ("articles", "items", "data", "records", "results", "entries", "documents")

Problem = Callable[[str], None]

csv.field_size_limit(2**31 - 1)  # article bodies are far longer than csv's 128 KiB default


class RecordError(Exception):
    """One record that cannot be read; the message names file, line or record, and why."""

    def __init__(self, message: str, raw: str = "") -> None:
        super().__init__(message)
        self.raw = raw


def _ignore(_: str) -> None:
    return None


def _text_of(value: Any, joiner: str) -> str | None:
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, list):
        parts = [str(v.get("name", v)) if isinstance(v, dict) else str(v) for v in value]
        return joiner.join(p for p in parts if p)
    if isinstance(value, dict) and "name" in value:
        return str(value["name"])
    return str(value)


def record_from_mapping(rid: str, obj: dict[str, Any]) -> Record:
    """A Record from a structured object; unrecognised fields are kept in `fields`."""
    by_lower: dict[str, str] = {}
    for key in obj:
        by_lower.setdefault(str(key).lower(), key)
    used: set[str] = set()
    values: dict[str, str | None] = {}
    for slot, names in (("title", TITLE_FIELDS), ("text", TEXT_FIELDS), ("url", URL_FIELDS),
                        ("date", DATE_FIELDS), ("author", AUTHOR_FIELDS)):
        values[slot] = None
        for name in names:
            key = by_lower.get(name)
            if key is None:
                continue
            value = _text_of(obj[key], "\n\n" if slot == "text" else ", ")
            if value is not None:
                values[slot] = value
                used.add(key)
                break
    rest = {k: v for k, v in obj.items() if k not in used}
    return Record(rid, values["text"] or "", title=values["title"], url=values["url"],
                  date=values["date"], author=values["author"], fields=rest)


def decode_text(data: bytes, label: str, problem: Problem) -> str:
    """UTF-8 (BOM allowed), UTF-16 with a BOM; other bytes are read as Windows-1252, reported."""
    if data.startswith(UTF16_BOMS):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problem(f"{label}: not UTF-8 (bad byte at offset {exc.start}); read as Windows-1252")
        return data.decode("cp1252", errors="replace")


class Reader:
    """Records of one source by position; subclasses say how they are stored."""

    label: str

    def __len__(self) -> int:
        raise NotImplementedError

    def record(self, j: int) -> Record:
        """Record j (0-based); RecordError when that record is unusable."""
        raise NotImplementedError

    def id_at(self, j: int) -> str:
        """The id of record j, without reading it."""
        raise NotImplementedError

    def index_of(self, rid: str) -> int | None:
        """The position of the record with id `rid`, or None."""
        raise NotImplementedError

    def close(self) -> None:
        """Release files held open (temporary files vanish)."""


class TextFiles(Reader):
    """One article per file; the files are listed, read only when asked for."""

    def __init__(self, files: list[str], problem: Problem) -> None:
        self.files = files  # each is the record id and the path to open
        self.problem = problem
        self.label = files[0] if files else ""
        self._ids: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self.files)

    def record(self, j: int) -> Record:
        path = rid = self.files[j]
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            raise RecordError(f"{rid}: cannot read ({exc.strerror or exc})") from None
        comp = compression_of(data[:8])
        if comp is not Compression.NONE:
            try:
                data = read_decompressed(path, comp, rid)
            except DumpError as exc:
                raise RecordError(str(exc)) from None
        if not data.startswith(UTF16_BOMS) and looks_binary(data[:8192]):
            raise RecordError(f"{rid}: not a text file (binary data)")
        return Record(rid, decode_text(data, rid, self.problem))

    def id_at(self, j: int) -> str:
        return self.files[j]

    def index_of(self, rid: str) -> int | None:
        if self._ids is None:
            self._ids = {r: k for k, r in enumerate(self.files)}
        return self._ids.get(rid)


class _Indexed(Reader):
    """A file (plain, or inflated into a temporary file) with a byte-offset index."""

    def __init__(self, fh: IO[bytes], offsets: Offsets, label: str) -> None:
        self.fh = fh
        self.fd = fh.fileno()
        self.offsets = offsets
        self.label = label

    def raw(self, k: int) -> bytes:
        """The bytes of entry k of the index (os.pread: safe from several threads)."""
        start, end = self.offsets.span(k)
        return os.pread(self.fd, end - start, start)

    def close(self) -> None:
        self.fh.close()


class JsonLines(_Indexed):
    """One JSON object per non-blank line; ids are `path#LINE`."""

    def __len__(self) -> int:
        return len(self.offsets)

    def record(self, j: int) -> Record:
        line = self.offsets.lines[j]
        where = f"{self.label}:{line}"
        data = self.raw(j).split(b"\n", 1)[0]
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raw = data.decode("utf-8", errors="replace")
            raise RecordError(f"{where}: not UTF-8 (bad byte at column {exc.start + 1})",
                              raw) from None
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            raise RecordError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})",
                              text) from None
        if not isinstance(obj, dict):
            raise RecordError(f"{where}: expected a JSON object, got {type(obj).__name__}", text)
        return record_from_mapping(f"{self.label}#{line}", obj)

    def id_at(self, j: int) -> str:
        return f"{self.label}#{self.offsets.lines[j]}"

    def index_of(self, rid: str) -> int | None:
        line = _number_after(rid, self.label)
        if line is None:
            return None
        k = bisect_left(self.offsets.lines, line)
        return k if k < len(self.offsets) and self.offsets.lines[k] == line else None


class CsvRows(_Indexed):
    """A header row naming the fields, then one article per row; ids are `path#ROW`."""

    def __init__(self, fh: IO[bytes], offsets: Offsets, label: str, delimiter: str) -> None:
        super().__init__(fh, offsets, label)
        self.delimiter = delimiter
        if not len(offsets):
            raise DumpError(f"{label}: empty, expected a header row")
        first = self._row(0, strict=False)
        self.header = [h.strip() for h in first]
        names = {h.lower() for h in self.header}
        if not names & set(TEXT_FIELDS):
            raise DumpError(f"{label}: no text column (one of {', '.join(TEXT_FIELDS)}); "
                            f"the header has: {', '.join(self.header)[:200]}")

    def _row(self, k: int, strict: bool = True) -> list[str]:
        where = f"{self.label}:{self.offsets.lines[k]}"
        data = self.raw(k)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise RecordError(f"{where}: not UTF-8 (bad byte at offset {exc.start})",
                              data.decode("utf-8", errors="replace")) from None
        try:
            row = next(csv.reader(io.StringIO(text), delimiter=self.delimiter, strict=strict))
        except (csv.Error, StopIteration) as exc:
            raise RecordError(f"{where}: not a valid CSV row ({exc})", text) from None
        return row

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def record(self, j: int) -> Record:
        row = self._row(j + 1)
        if len(row) != len(self.header):
            where = f"{self.label}:{self.offsets.lines[j + 1]}"
            raise RecordError(f"{where}: row {j + 1} has {len(row)} fields, the header has "
                              f"{len(self.header)}", self.delimiter.join(row))
        return record_from_mapping(f"{self.label}#{j + 1}", dict(zip(self.header, row,
                                                                     strict=True)))

    def id_at(self, j: int) -> str:
        return f"{self.label}#{j + 1}"

    def index_of(self, rid: str) -> int | None:
        return _position(rid, self.label, len(self))


class JsonArray(Reader):
    """A JSON document parsed whole: an array of objects or an object holding one."""

    def __init__(self, items: list[Any], label: str, single: bool) -> None:
        self.items = items
        self.label = label
        self.single = single

    def __len__(self) -> int:
        return len(self.items)

    def record(self, j: int) -> Record:
        obj = self.items[j]
        rid = self.id_at(j)
        if not isinstance(obj, dict):
            raise RecordError(f"{rid}: expected a JSON object, got {type(obj).__name__}",
                              json.dumps(obj, ensure_ascii=False)[:2000])
        return record_from_mapping(rid, obj)

    def id_at(self, j: int) -> str:
        return self.label if self.single else f"{self.label}#{j + 1}"

    def index_of(self, rid: str) -> int | None:
        if self.single:
            return 0 if rid == self.label else None
        return _position(rid, self.label, len(self))


def _position(rid: str, label: str, count: int) -> int | None:
    """The 0-based position `label#N` names (N is 1-based), or None when out of 1..count."""
    n = _number_after(rid, label)
    return n - 1 if n is not None and 1 <= n <= count else None


def _number_after(rid: str, label: str) -> int | None:
    prefix = f"{label}#"
    if not rid.startswith(prefix):
        return None
    try:
        return int(rid[len(prefix):])
    except ValueError:
        return None


def _plain(path: Path, comp: Compression, label: str, problem: Problem) -> IO[bytes]:
    if comp is Compression.NONE:
        return open(path, "rb")
    return inflate(path, comp, label, problem)


def _csv_delimiter(fh: IO[bytes], kind: Kind) -> str:
    if kind is Kind.TSV:
        return "\t"
    fh.seek(0)
    first = fh.readline(65536).decode("utf-8", errors="replace")
    return max((",", ";", "\t", "|"), key=first.count)


def _json_items(data: bytes, label: str) -> tuple[list[Any], bool]:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise DumpError(f"{label}: not UTF-8 (bad byte at offset {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise DumpError(f"{label}: not valid JSON (line {exc.lineno}, column {exc.colno}: "
                        f"{exc.msg})") from None
    if isinstance(doc, list):
        return doc, False
    if isinstance(doc, dict):
        for key in LIST_KEYS:
            for k, v in doc.items():
                if k.lower() == key and isinstance(v, list):
                    return v, False
        if any(str(k).lower() in TEXT_FIELDS for k in doc):
            return [doc], True
    raise DumpError(f"{label}: expected an array of objects, or an object with a list under "
                    f"{', '.join(LIST_KEYS[:3])}")


def open_file(path: Path, label: str, problem: Problem = _ignore) -> Reader:
    """A reader for one file, by what it really is; DumpError if it is unusable."""
    found = sniff(path, label)
    if found.kind is Kind.TEXT:
        return TextFiles([label], problem)
    fh = _plain(path, found.compression, label, problem)
    try:
        if found.kind is Kind.JSONL:
            return JsonLines(fh, scan_lines(fh), label)
        if found.kind in (Kind.CSV, Kind.TSV):
            delimiter = _csv_delimiter(fh, found.kind)
            return CsvRows(fh, scan_csv_rows(fh), label, delimiter)
        fh.seek(0)
        data = fh.read()
        try:
            items, single = _json_items(data, label)
        except DumpError:
            # Often JSON Lines under a .json name: several objects, one per line.
            first = data.lstrip().split(b"\n", 1)
            if len(first) == 2 and first[0].rstrip().endswith(b"}"):
                del data
                return JsonLines(fh, scan_lines(fh), label)
            raise
        fh.close()
        return JsonArray(items, label, single)
    except BaseException:
        fh.close()
        raise


def _list_folder(folder: str, recursive: bool) -> list[str]:
    """Paths (folder + relative name, as strings: cheap for 10^6 files) sorted by name."""
    if not recursive:
        # scandir: the file type comes with the listing, no stat per file.
        with os.scandir(folder) as entries:
            names = sorted(e.name for e in entries if e.is_file() and is_dump_file(e.name))
        return [os.path.join(folder, name) for name in names]
    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel = os.path.relpath(root, folder)
        parts = () if rel == "." else tuple(rel.split(os.sep))
        found.extend(((*parts, f), os.path.join(root, f)) for f in files if is_dump_file(f))
    found.sort()
    return [path for _, path in found]


def open_readers(target: str, problem: Problem = _ignore,
                 recursive: bool = False) -> list[Reader]:
    """Readers for `target` (a file or folder), in order; DumpError if none is usable.

    Inside a folder, a file that cannot be opened is reported through `problem` and left out.
    """
    path = Path(target)
    if not path.exists():
        raise DumpError(f"{target}: no such file or folder")
    if not path.is_dir():
        if not path.is_file():
            raise DumpError(f"{target}: not a regular file or folder")
        return [open_file(path, target, problem)]
    files = _list_folder(str(path), recursive)
    if not files:
        hint = ""
        if not recursive and any(p.is_dir() and not p.name.startswith(".")
                                 for p in path.iterdir()):
            hint = "; it has subfolders (try --recursive)"
        raise DumpError(f"{target}: folder holds no articles (.txt, .md, .jsonl, .json, .csv, "
                        f".tsv, or those compressed){hint}")
    readers: list[Reader] = []
    texts: list[str] = []
    for label in files:
        if SUFFIX_KIND.get(inner_suffix(label)) is Kind.TEXT:
            texts.append(label)  # listed, not read: a big folder opens at once
            continue
        if texts:
            readers.append(TextFiles(texts, problem))
            texts = []
        try:
            readers.append(open_file(Path(label), label, problem))
        except DumpError as exc:
            problem(str(exc))
    if texts:
        readers.append(TextFiles(texts, problem))
    if not readers:
        raise DumpError(f"{target}: no readable articles in the folder")
    return readers


def iter_records(target: str, problem: Problem = _ignore,
                 recursive: bool = False) -> Iterator[Record]:
    """Every usable Record under `target`, in order; unusable ones are reported and skipped."""
    readers = open_readers(target, problem, recursive)
    try:
        for reader in readers:
            for j in range(len(reader)):
                try:
                    yield reader.record(j)
                except RecordError as exc:
                    problem(f"{exc}; skipped")
    finally:
        for reader in readers:
            reader.close()
