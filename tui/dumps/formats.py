"""Readers for each dump format, with random access to records by position.

A reader opens a file (or a folder's list of files) without parsing its records: text
files are listed, JSON Lines and CSV are indexed by byte offset (tui.dumps.offsets), JSON
arrays by their elements' offsets (tui.dumps.json_open),
compressed files are read in place through a seek-point index or their frames (gzip,
seekable zstd; tui.dumps.sources) or else inflated once into a temporary file, and big
files' indexes are kept between runs (tui.dumps.scan_cache); Parquet is read by row group
(tui.dumps.parquet). `record(j)` then reads and
parses one record, raising RecordError (one line naming file, line and what is wrong)
when that record is unusable; the rest of the dump stays readable.

Record ids do not depend on how the path was spelled: they are relative to the dump's
root (see tui.dumps.ids): `name` for a one-article file, `name#N` for a multi-record file,
where N is the 1-based line for JSON Lines, the 1-based element for a JSON array and the
1-based data row (header not counted) for CSV/TSV. Messages name the path as given.

Every record is size- and depth-checked before it is parsed (tui.dumps.limits) and text
that is not UTF-8 is decoded by a guess that is recorded in `Record.warnings`
(tui.dumps.decode), so any bytes give records or error rows, never an exception.
"""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType
from typing import IO, Any

from tui.dumps import background as scans
from tui.dumps import scan_cache
from tui.dumps.background import BackgroundScan
from tui.dumps.decode import NotText, decode_bytes, transcode_to_utf8
from tui.dumps.fields import DEFAULT_FIELDS, LIST_KEYS, TEXT_FIELDS, TITLE_FIELDS, FieldNames
from tui.dumps.limits import DEFAULT_LIMITS, DumpLimits
from tui.dumps.offsets import CsvScanner, LineScanner, Offsets, Scanner, scan
from tui.dumps.sniff import (
    CHUNK,
    SUFFIX_KIND,
    Compression,
    DumpError,
    Kind,
    Sniffed,
    compression_of,
    decompress_errors,
    inflate,
    inner_suffix,
    is_dump_file,
    is_parquet,
    open_bytes,
    sniff,
)
from tui.dumps.sources import ByteSource, Fed, FileSource, StepBuffer
from tui.safe_text import safe_plain
from tui.text.model import Record

__all__ = ["TEXT_FIELDS", "TITLE_FIELDS", "DumpError", "FieldNames", "Reader", "RecordError",
           "id_root", "iter_records", "open_readers", "record_from_mapping"]

# Field names recognised in structured records (case-insensitive), first match wins; the
# title and text names come from a FieldNames (tui.dumps.fields).
URL_FIELDS = ("url", "link")
DATE_FIELDS = ("date", "published", "published_at")
AUTHOR_FIELDS = ("author", "authors")

Problem = Callable[[str], None]

_RECURSION_LIMIT = sys.getrecursionlimit()

Indexed = tuple[ByteSource, Offsets, BackgroundScan | None]
"""A file's bytes, its record offsets, and the scan still to run over it (or None)."""
Where = tuple[str, str]
"""How messages name one record: with its file (`a.jsonl:7`) and without (`line 7`)."""


_CSV_FIELD_LIMIT = 2**31 - 1  # article bodies are far longer than csv's 128 KiB default

STDIN = "-"
"""The path that means standard input."""
STDIN_NAME = "<stdin>"
"""How standard input is named in messages and record ids."""


class RecordError(Exception):
    """One record that cannot be read; the message names file, line or record, and why.

    `short` is the same without the file ("line 7: nested deeper than 1000 levels"), for a
    list row that already sits among its file's records.
    """

    def __init__(self, message: str, raw: str = "", short: str = "") -> None:
        super().__init__(message)
        self.raw = raw
        self.short = short or message


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


def record_from_mapping(rid: str, obj: dict[str, Any],
                        names: FieldNames = DEFAULT_FIELDS) -> Record:
    """A Record from a structured object; unrecognised fields are kept in `fields`."""
    by_lower: dict[str, str] = {}
    for key in obj:
        by_lower.setdefault(str(key).lower(), key)
    used: set[str] = set()
    values: dict[str, str | None] = {}
    for slot, candidates in (("title", names.title), ("text", names.text), ("url", URL_FIELDS),
                             ("date", DATE_FIELDS), ("author", AUTHOR_FIELDS)):
        values[slot] = None
        for name in candidates:
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


def decode_text(data: bytes, label: str) -> tuple[str, tuple[str, ...]]:
    """Text and warnings: UTF-8 (BOM allowed), else charset-normalizer's guess, said so.

    RecordError (naming `label`) for bytes that are not text in any encoding.
    """
    try:
        text, warning = decode_bytes(data)
    except NotText as exc:
        raise RecordError(f"{label}: {exc}", short=str(exc)) from None
    return text, (warning,) if warning else ()


class Reader:
    """Records of one source by position; subclasses say how they are stored."""

    label: str  # the path as given: what messages name
    name: str  # the id prefix: the path relative to the dump's root
    scan: BackgroundScan | None = None  # the scan still adding records, if any

    def __len__(self) -> int:
        raise NotImplementedError

    def record(self, j: int) -> Record:
        """Record j (0-based); RecordError when that record is unusable."""
        raise NotImplementedError

    def document(self, j: int) -> dict[str, Any] | None:
        """Record j's analysis when the source holds one (the contract's dict), else None."""
        return None

    def id_at(self, j: int) -> str:
        """The id of record j, without reading it."""
        raise NotImplementedError

    def index_of(self, rid: str) -> int | None:
        """The position of the record with id `rid`, or None."""
        raise NotImplementedError

    def close(self) -> None:
        """Release files held open (temporary files vanish)."""


class TextFiles(Reader):
    """One article per file; the files are listed, read only when asked for.

    A file's id is its path with the first `strip` characters replaced by `prefix`
    (a folder's path as given -> the folder's place under the dump root), computed on
    demand: a million paths cost one list. Relative paths are opened under `root` (default:
    the current folder), so another process can read them while messages name them as given.
    """

    def __init__(self, files: list[str], problem: Problem, *, strip: int = 0,
                 prefix: str = "", limits: DumpLimits = DEFAULT_LIMITS,
                 label: str | None = None, root: str = "") -> None:
        self.files = files  # the paths to open
        self.root = root
        self.problem = problem
        # Messages name each path, or `label` for a one-file reader (e.g. "<stdin>").
        self.shown = label
        self.label = label or (files[0] if files else "")
        self.strip, self.prefix = strip, prefix
        self.name = self.id_at(0) if files else ""
        self.limits = limits
        self._ids: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self.files)

    def record(self, j: int) -> Record:
        path = os.path.join(self.root, self.files[j])
        where = self.shown or self.files[j]
        cap = self.limits.max_record_bytes
        try:
            with open(path, "rb") as fh:
                data = fh.read(cap + 1)
        except OSError as exc:
            reason = f"cannot read ({exc.strerror or exc})"
            raise RecordError(f"{where}: {reason}", short=reason) from None
        comp = compression_of(data[:8])
        if comp is not Compression.NONE:
            data = self._inflated(path, where, comp, cap)
        if (why := self.limits.too_large(len(data))) is not None:
            raise RecordError(f"{where}: {why}", short=why)
        if not data.strip():
            raise RecordError(f"{where}: empty file", short="empty file")
        text, warnings = decode_text(data, where)
        return Record(self.id_at(j), text, warnings=warnings)

    def _inflated(self, path: str, where: str, comp: Compression, cap: int) -> bytes:
        """Up to `cap` + 1 inflated bytes; what came before damage, else RecordError."""
        out = bytearray()
        try:
            with open_bytes(Path(path), comp, where) as fh:
                read = getattr(fh, "read1", fh.read)
                while len(out) <= cap and (chunk := read(CHUNK)):
                    out += chunk
        except DumpError as exc:
            raise RecordError(str(exc)) from None
        except decompress_errors() as exc:
            if not out:
                reason = f"corrupt {comp.value} data ({exc})"
                raise RecordError(f"{where}: {reason}", short=reason) from None
            self.problem(f"{where}: {comp.value} data damaged after {len(out)} bytes ({exc}); "
                         "kept what came before")
        return bytes(out)

    def id_at(self, j: int) -> str:
        return self.prefix + self.files[j][self.strip:]

    def index_of(self, rid: str) -> int | None:
        if self._ids is None:
            self._ids = {self.id_at(k): k for k in range(len(self.files))}
        return self._ids.get(rid)


class _Indexed(Reader):
    """A byte source (tui.dumps.sources) with a byte-offset index of its records."""

    def __init__(self, source: ByteSource, offsets: Offsets, label: str, name: str,
                 limits: DumpLimits = DEFAULT_LIMITS, warnings: tuple[str, ...] = (),
                 names: FieldNames = DEFAULT_FIELDS) -> None:
        self.source = source
        self.offsets = offsets
        self.label = label
        self.name = name
        self.limits = limits
        self.warnings = warnings  # said of every record (the whole file was transcoded)
        self.names = names

    def raw(self, k: int) -> bytes:
        """The bytes of entry k of the index (safe from several threads).

        RecordError when the entry is over the record size cap (nothing is read then)
        or its bytes cannot be read (a compressed stream damaged there).
        """
        start, end = self.offsets.span(k)
        where, short = self.where(k)
        try:
            if (why := self.limits.too_large(end - start)) is not None:
                # The span may end in blank lines; measure the record itself before refusing.
                head = self.source.pread(min(end - start, self.limits.max_record_bytes + 1),
                                         start)
                if len(head.rstrip()) > self.limits.max_record_bytes:
                    raise RecordError(f"{where}: {why}", short=f"{short}: {why}")
            return self.source.pread(max(0, end - start), start)
        except OSError as exc:
            why = f"cannot read ({exc.strerror or exc})"
            raise RecordError(f"{where}: {why}", short=f"{short}: {why}") from None

    def where(self, k: int) -> Where:
        """How messages name entry k: `FILE:LINE` and `line LINE`."""
        return line_where(self.label, self.offsets.lines[k])

    def close(self) -> None:
        if self.scan is not None:
            self.scan.close()  # the thread stops before its file does
        self.source.close()


def line_where(label: str, line: int) -> Where:
    """How messages name line `line` of `label`: `FILE:LINE` and `line LINE`."""
    return f"{label}:{line}", f"line {line}"


def decode_entry(data: bytes, where: Where,
                 warnings: tuple[str, ...] = ()) -> tuple[str, tuple[str, ...]]:
    """The text of one record named `where` and its warnings; if not UTF-8, guessed."""
    try:
        return data.decode("utf-8-sig"), warnings
    except UnicodeDecodeError:
        pass
    try:
        text, warning = decode_bytes(data)
    except NotText as exc:
        raise RecordError(f"{where[0]}: {exc}", short=f"{where[1]}: {exc}",
                          raw=data.decode("utf-8", errors="replace")) from None
    return text, (*warnings, *([warning] if warning else []))


def jsonl_record(data: bytes, line: int, label: str, name: str, limits: DumpLimits,
                 warnings: tuple[str, ...] = (), names: FieldNames = DEFAULT_FIELDS) -> Record:
    """The Record of one JSON Lines line (no newline); RecordError (one line) if unusable."""
    return object_record(data, line_where(label, line), f"{name}#{line}", limits,
                         warnings, names)


def object_record(data: bytes, where: Where, rid: str, limits: DumpLimits,
                  warnings: tuple[str, ...] = (), names: FieldNames = DEFAULT_FIELDS) -> Record:
    """The Record `rid` of one JSON object's bytes (a line, an array's element), named
    `where` in messages; RecordError (one line) if unusable."""
    text, warnings = decode_entry(data, where, warnings)
    obj = parse_value(text, data, limits, where)
    if not isinstance(obj, dict):
        why = f"expected a JSON object, got {type(obj).__name__}"
        raise RecordError(f"{where[0]}: {why}", text, f"{where[1]}: {why}")
    try:
        record = record_from_mapping(rid, obj, names)
    except RecursionError:  # a field nested near the interpreter's limit
        why = "nested too deeply to read"
        raise RecordError(f"{where[0]}: {why}", text[:2000], f"{where[1]}: {why}") from None
    return replace(record, warnings=warnings) if warnings else record


def stream_jsonl(source: IO[bytes], label: str, problem: Problem,
                 limits: DumpLimits = DEFAULT_LIMITS,
                 names: FieldNames = DEFAULT_FIELDS) -> Iterator[Record]:
    """Records from a JSON Lines stream as its lines arrive (`tail -f | warta analyse -`).

    Bad lines are reported and skipped; a line over the size cap is skipped unread.
    """
    cap = limits.max_record_bytes
    line = 0
    while chunk := source.readline(cap + 1):
        line += 1
        if len(chunk) > cap and not chunk.endswith(b"\n"):
            size = len(chunk)
            while (rest := source.readline(CHUNK)) and not rest.endswith(b"\n"):
                size += len(rest)
            size += len(rest)
            why = limits.too_large(size) or "record too large"
            problem(f"{label}:{line}: {why}; skipped")
            continue
        data = chunk.rstrip(b"\r\n")
        if not data.strip():
            continue
        try:
            yield jsonl_record(data, line, label, label, limits, names=names)
        except RecordError as exc:
            problem(f"{exc}; skipped")


class JsonLines(_Indexed):
    """One JSON object per non-blank line; ids are `name#LINE`."""

    def __len__(self) -> int:
        return len(self.offsets)

    def record(self, j: int) -> Record:
        line = self.offsets.lines[j]
        data = self.raw(j).split(b"\n", 1)[0]
        return jsonl_record(data, line, self.label, self.name, self.limits, self.warnings,
                            self.names)

    def id_at(self, j: int) -> str:
        return f"{self.name}#{self.offsets.lines[j]}"

    def index_of(self, rid: str) -> int | None:
        line = _number_after(rid, self.name)
        if line is None:
            return None
        k = bisect_left(self.offsets.lines, line)
        return k if k < len(self.offsets) and self.offsets.lines[k] == line else None


def parse_value(text: str, data: bytes, limits: DumpLimits, where: Where) -> Any:
    """One JSON value (the record named `where`), depth-checked; RecordError if anything
    is wrong.

    json.loads counts its nesting against the interpreter's recursion limit, so a cap at
    or above that limit is enforced by json.loads itself (RecursionError, then the depth
    is measured for the message); a lower cap is checked before decoding.
    """
    why = limits.too_deep(data) if limits.max_depth < _RECURSION_LIMIT else None
    if why is None:
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            why = f"not valid JSON ({exc.msg} at column {exc.colno})"
        except RecursionError:  # deeper than the interpreter allows
            why = limits.too_deep(data) or "nested too deeply to decode"
        except ValueError as exc:  # e.g. an integer of more than 4300 digits
            why = f"not valid JSON ({exc})"
    raise RecordError(f"{where[0]}: {why}", text[:2000], f"{where[1]}: {why}")


def _csv_module() -> ModuleType:
    """The csv module, loaded on the first CSV row: most dumps are JSON, and the reader's
    start-up skips it (about 1 ms); its field limit raised once, for long article bodies."""
    import csv

    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)  # csv's default is 128 KiB
    return csv


class CsvRows(_Indexed):
    """A header row naming the fields, then one article per row; ids are `name#ROW`."""

    def __init__(self, source: ByteSource, offsets: Offsets, label: str, name: str,
                 delimiter: str, limits: DumpLimits = DEFAULT_LIMITS,
                 warnings: tuple[str, ...] = (), names: FieldNames = DEFAULT_FIELDS) -> None:
        super().__init__(source, offsets, label, name, limits, warnings, names)
        self.delimiter = delimiter
        if not len(offsets):
            raise DumpError(f"{label}: empty, expected a header row")
        try:
            first, _ = self._row(0, strict=False)
        except RecordError as exc:
            raise DumpError(f"{exc} (the header row)") from None
        self.header = [h.strip() for h in first]
        if not names.has_text(self.header):
            raise DumpError(f"{label}: no text column (one of {', '.join(names.text)}); "
                            f"the header has: {safe_plain(', '.join(self.header)[:200])}")

    def _row(self, k: int, strict: bool = True) -> tuple[list[str], tuple[str, ...]]:
        csv = _csv_module()
        where = self.where(k)
        text, warnings = decode_entry(self.raw(k), where, self.warnings)
        try:
            row = next(csv.reader(io.StringIO(text), delimiter=self.delimiter, strict=strict))
        except (csv.Error, StopIteration) as exc:
            why = f"not a valid CSV row ({exc})"
            raise RecordError(f"{where[0]}: {why}", text, f"{where[1]}: {why}") from None
        return row, warnings

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def record(self, j: int) -> Record:
        row, warnings = self._row(j + 1)
        line = self.offsets.lines[j + 1]
        if len(row) != len(self.header):
            why = f"row {j + 1} has {len(row)} fields, the header has {len(self.header)}"
            raise RecordError(f"{self.label}:{line}: {why}", self.delimiter.join(row),
                              f"line {line}: {why}")
        record = record_from_mapping(f"{self.name}#{j + 1}",
                                     dict(zip(self.header, row, strict=True)), self.names)
        return replace(record, warnings=warnings) if warnings else record

    def id_at(self, j: int) -> str:
        return f"{self.name}#{j + 1}"

    def index_of(self, rid: str) -> int | None:
        return _position(rid, self.name, len(self))


class JsonArray(Reader):
    """A JSON document parsed whole: one with no array (one article), a small one's items.

    A document's array is read by offset instead (tui.dumps.json_array)."""

    def __init__(self, items: list[Any], label: str, single: bool, name: str = "",
                 warnings: tuple[str, ...] = (), names: FieldNames = DEFAULT_FIELDS) -> None:
        self.items = items
        self.names = names
        self.label = label
        self.name = name or label
        self.single = single
        self.warnings = warnings

    def __len__(self) -> int:
        return len(self.items)

    def record(self, j: int) -> Record:
        obj = self.items[j]
        if not isinstance(obj, dict):
            why = f"expected a JSON object, got {type(obj).__name__}"
            where = self.label if self.single else f"{self.label}#{j + 1}"
            raise RecordError(f"{where}: {why}", json.dumps(obj, ensure_ascii=False)[:2000],
                              f"record {j + 1}: {why}")
        record = record_from_mapping(self.id_at(j), obj, self.names)
        return replace(record, warnings=self.warnings) if self.warnings else record

    def id_at(self, j: int) -> str:
        return self.name if self.single else f"{self.name}#{j + 1}"

    def index_of(self, rid: str) -> int | None:
        if self.single:
            return 0 if rid == self.name else None
        return _position(rid, self.name, len(self))


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


def _plain(path: Path, comp: Compression, label: str, problem: Problem,
           limits: DumpLimits) -> IO[bytes]:
    if comp is Compression.NONE:
        return open(path, "rb")
    return inflate(path, comp, label, problem, limits.max_inflated_bytes)


def _as_utf8(fh: IO[bytes], encoding: str) -> IO[bytes]:
    """A UTF-8 copy of a UTF-16/32 file in an anonymous temporary file; `fh` is closed."""
    out: IO[bytes] = tempfile.TemporaryFile(prefix="warta-")  # noqa: SIM115 - caller's
    try:
        fh.seek(0)
        transcode_to_utf8(fh, encoding, out, CHUNK)
    finally:
        fh.close()
    out.flush()
    out.seek(0)
    return out


def _scanner(kind: Kind) -> type[LineScanner] | type[CsvScanner]:
    """How records are delimited in a file of `kind` (JSON Lines, CSV/TSV)."""
    return CsvScanner if kind in (Kind.CSV, Kind.TSV) else LineScanner


def _scan_source(source: ByteSource, make: Callable[[], Scanner]) -> Offsets:
    """The offsets of a plain or temporary file, read from start to end."""
    def chunks() -> Iterator[bytes]:
        at = 0
        while chunk := source.pread(CHUNK, at):
            yield chunk
            at += len(chunk)
    return scan(chunks(), make())


def _indexed(path: Path, found: Sniffed, label: str, problem: Problem,
             limits: DumpLimits, background: bool = False,
             make: Callable[[], Scanner] | None = None) -> Indexed:
    """The file's bytes by offset and its record offsets, by the cheapest route there is.

    Plain files and gzip are read in place and their offsets cached (gzip through its
    seek points); zstd by frames or a temporary copy (tui.dumps.zstdsource); bz2, xz and
    UTF-16/32 text through a temporary copy. With `background`, a file not in the cache
    (a plain one only when big) comes back after its first chunk, with the scan of the
    rest (and the copy: tui.dumps.spill) to start (tui.dumps.background). `make` builds
    the scanner (default: by the layout); its name keys the cache.
    """
    make = make or _scanner(found.kind)
    what = make.__name__
    comp, cap = found.compression, limits.max_inflated_bytes
    later = background
    if comp is not Compression.NONE or found.encoding is not None:
        # Loaded for the dumps that need them: a plain file's start imports none of them.
        from tui.dumps import gzsource, spill, zstdsource
    if found.encoding is not None:
        if later and comp in spill.STREAMED:
            stream = spill.transcoded(spill.file_stream(path, comp), found.encoding)
            return spill.spill_later(stream, make, cap, label)
        source = FileSource(_as_utf8(_plain(path, comp, label, problem, limits),
                                     found.encoding))
        return source, _scan_source(source, make), None
    if comp is Compression.GZIP and gzsource.available():
        return gzsource.open_gzip(path, label, make, problem, cap, what, background=later)
    if comp is Compression.ZSTD:
        return zstdsource.open_zstd(path, label, make, problem, cap, what, background=later)
    if later and comp in (Compression.BZIP2, Compression.XZ):
        return spill.spill_later(spill.file_stream(path, comp), make, cap, label)
    if comp is not Compression.NONE:
        source = FileSource(inflate(path, comp, label, problem, cap))
        return source, _scan_source(source, make), None
    source = FileSource(open(path, "rb"))  # noqa: SIM115 - the reader's
    key = scan_cache.key_of(path, f"plain:{what}")
    offsets = scan_cache.load(key, source.size)
    if offsets is None and later and source.size > scans.FIRST_BYTES:
        scan = _scan_later(source, make(), key, label)
        return source, scan.offsets, scan
    if offsets is None:
        offsets = _scan_source(source, make)
        scan_cache.save(key, offsets)
    return source, offsets, None


def _scan_later(source: FileSource, scanner: Scanner, key: str | None,
                label: str) -> BackgroundScan:
    """A plain file's scan: its first chunk now, the rest when started; cached once whole."""
    at = 0
    buffer = StepBuffer()

    def read(n: int) -> bytes | bytearray:
        nonlocal at
        chunk = buffer.fill(n, lambda view: source.read_into(view, at))
        at += len(chunk)
        return chunk

    def done(fed: Fed) -> None:
        if fed.damage is None:
            scan_cache.save(key, fed.offsets)
        else:
            scan.problems.append(f"{label}: cannot read past byte {fed.total} ({fed.damage}); "
                                 "kept the records before it")

    scan = BackgroundScan(scanner, read, done, total=source.size)
    scan.first()
    return scan


def _csv_delimiter(source: ByteSource, kind: Kind) -> str:
    if kind is Kind.TSV:
        return "\t"
    first = source.pread(65536, 0).split(b"\n", 1)[0].decode("utf-8", errors="replace")
    return max((",", ";", "\t", "|"), key=first.count)


def _json_items(data: bytes, label: str, limits: DumpLimits,
                names: FieldNames = DEFAULT_FIELDS) -> tuple[list[Any], bool]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DumpError(f"{label}: not UTF-8 (bad byte at offset {exc.start})") from None
    if (why := limits.too_deep(data)) is not None:
        raise DumpError(f"{label}: {why}")
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DumpError(f"{label}: not valid JSON (line {exc.lineno}, column {exc.colno}: "
                        f"{exc.msg})") from None
    except RecursionError:
        raise DumpError(f"{label}: nested too deeply to decode") from None
    except ValueError as exc:
        raise DumpError(f"{label}: not valid JSON ({exc})") from None
    if isinstance(doc, list):
        return doc, False
    if isinstance(doc, dict):
        for key in LIST_KEYS:
            for k, v in doc.items():
                if k.lower() == key and isinstance(v, list):
                    return v, False
        if names.has_text(doc):
            return [doc], True
    raise DumpError(f"{label}: expected an array of objects, or an object with a list under "
                    f"{', '.join(LIST_KEYS[:3])}")


def open_file(path: Path, label: str, problem: Problem = _ignore, *, name: str | None = None,
              limits: DumpLimits = DEFAULT_LIMITS, names: FieldNames = DEFAULT_FIELDS,
              background: bool = False) -> Reader:
    """A reader for one file, by what it really is; DumpError if it is unusable.

    `name` is the id prefix of its records (default: the file's name); `names` says which
    fields hold the title and the text. With `background`, a big file's reader may come
    back with its first records only and `reader.scan` to start (tui.dumps.background).
    """
    name = os.path.basename(label) if name is None else name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DumpError(f"{label}: cannot read ({exc.strerror or exc})") from None
    if size == 0:
        raise DumpError(f"{label}: empty file")
    if is_parquet(path):
        from tui.dumps.parquet import ParquetRows

        return ParquetRows.open(path, label, name, limits, names)
    found = sniff(path, label)
    if found.kind is Kind.TEXT:
        return TextFiles([str(path)], problem, strip=len(str(path)), prefix=name,
                         limits=limits, label=label)
    if found.kind is Kind.JSON and _lines_under_json_name(path, found, label):
        found = replace(found, kind=Kind.JSONL)
    opened = Opened(path, found, label, problem, limits, names, name, background)
    if found.kind is Kind.JSON:
        from tui.dumps.json_open import open_json

        return open_json(opened)
    return open_indexed(opened)


@dataclass(frozen=True, slots=True)
class Opened:
    """One file being opened: what it is and how its reader is to be made."""

    path: Path
    found: Sniffed
    label: str
    problem: Problem
    limits: DumpLimits
    names: FieldNames
    name: str
    background: bool

    @property
    def warnings(self) -> tuple[str, ...]:
        """Said of every record: the whole file was transcoded."""
        if self.found.encoding is None:
            return ()
        return (f"not UTF-8: decoded as {self.found.encoding}",)


def open_indexed(o: Opened) -> Reader:
    """The reader of a JSON Lines or CSV/TSV file, its lines indexed by offset."""
    source, offsets, scan = _indexed(o.path, o.found, o.label, o.problem, o.limits,
                                     o.background)
    try:
        if o.found.kind in (Kind.CSV, Kind.TSV):
            delimiter = _csv_delimiter(source, o.found.kind)
            return _with_scan(CsvRows(source, offsets, o.label, o.name, delimiter, o.limits,
                                      o.warnings, o.names), scan)
        return _with_scan(JsonLines(source, offsets, o.label, o.name, o.limits, o.warnings,
                                    o.names), scan)
    except BaseException:
        if scan is not None:
            scan.close()
        source.close()
        raise


LINES_HEAD = 1024 * 1024  # bytes looked at to tell JSON Lines under a .json name


def _lines_under_json_name(path: Path, found: Sniffed, label: str) -> bool:
    """True when a .json file is JSON Lines (often so named): its first line a whole
    object, more after it."""
    if found.encoding is not None:
        return False
    head = _head(path, found.compression, label, LINES_HEAD)
    first, newline, rest = head.lstrip(b"\xef\xbb\xbf \t\r\n").partition(b"\n")
    first = first.rstrip()
    if not (newline and first.startswith(b"{") and first.endswith(b"}") and rest.strip()):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except (ValueError, RecursionError):
        return False


def _head(path: Path, comp: Compression, label: str, n: int) -> bytes:
    """Up to `n` first (inflated) bytes; what came before damage, if any."""
    out = bytearray()
    try:
        with open_bytes(path, comp, label) as fh:
            read = getattr(fh, "read1", fh.read)
            while len(out) < n and (chunk := read(min(CHUNK, n - len(out)))):
                out += chunk
    except decompress_errors():
        pass  # said by the scan
    return bytes(out)


def _with_scan(reader: _Indexed, scan: BackgroundScan | None) -> _Indexed:
    reader.scan = scan
    return reader


def _list_folder(folder: str, recursive: bool, problem: Problem) -> list[str]:
    """Paths (folder + relative name, as strings: cheap for 10^6 files) sorted by name.

    A dump-named entry that is not a regular file (a FIFO, a device, a dangling link or a
    symlink loop) is reported and left out, never opened: opening a FIFO would block.
    """
    def usable(entry: os.DirEntry[str]) -> bool:
        try:
            if entry.is_file():
                return True
            folder = entry.is_dir()
        except OSError:  # ELOOP and the like: not a file we can read
            folder = False
        if is_dump_file(entry.name) and not folder:
            what = "a broken link or a symlink loop" if entry.is_symlink() else \
                "not a regular file"
            problem(f"{entry.path}: {what}; skipped")
        return False

    if not recursive:
        # scandir: the file type comes with the listing, no stat per file.
        with os.scandir(folder) as entries:
            names = sorted(e.name for e in entries if is_dump_file(e.name) and usable(e))
        return [os.path.join(folder, name) for name in names]
    found: list[tuple[tuple[str, ...], str]] = []
    seen: set[tuple[int, int]] = set()
    for root, dirs, _files in os.walk(folder, followlinks=False):
        here = os.stat(root)
        if (here.st_dev, here.st_ino) in seen:
            continue
        seen.add((here.st_dev, here.st_ino))
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel = os.path.relpath(root, folder)
        parts = () if rel == "." else tuple(rel.split(os.sep))
        with os.scandir(root) as entries:
            found.extend(((*parts, e.name), e.path) for e in entries
                         if is_dump_file(e.name) and usable(e))
    found.sort()
    return [path for _, path in found]


def id_root(targets: list[str]) -> str:
    """The folder record ids are relative to: a folder opened alone, else the common parent.

    Resolved (symlinks, `..`), so `warta`, `warta seeds` and `warta ../main/seeds` agree.
    """
    bases = []
    for target in targets:
        if target == STDIN:
            continue
        real = os.path.realpath(target)
        bases.append(real if os.path.isdir(real) else os.path.dirname(real))
    if not bases:
        return os.path.realpath(os.curdir)
    return os.path.commonpath(bases)


def _relative_name(target: str, root: str | None) -> str:
    """The id of `target` (file or folder) under `root`; "" for the root itself."""
    if root is None:
        return "" if os.path.isdir(target) else os.path.basename(target)
    rel = os.path.relpath(os.path.realpath(target), root)
    return "" if rel == "." else rel.replace(os.sep, "/")


def open_readers(target: str, problem: Problem = _ignore, recursive: bool = False, *,
                 root: str | None = None, limits: DumpLimits = DEFAULT_LIMITS,
                 names: FieldNames = DEFAULT_FIELDS, background: bool = False) -> list[Reader]:
    """Readers for `target` (a file, a folder, or `-`: standard input), in order.

    Record ids are relative to `root` (default: `target` itself when a folder, else its
    folder). Inside a folder, a file that cannot be opened is reported through `problem`
    and left out; DumpError if nothing is usable. `names` picks the title and text fields;
    `background` lets big files be scanned after opening (see open_file).
    """
    if target == STDIN:
        from tui.dumps.stdin import spooled_stdin

        return [open_file(spooled_stdin(), STDIN_NAME, problem, name=STDIN_NAME,
                          limits=limits, names=names)]
    path = Path(target)
    if not path.exists():
        if path.is_symlink():
            raise DumpError(f"{target}: a broken link or a symlink loop")
        raise DumpError(f"{target}: no such file or folder")
    if not path.is_dir():
        if not path.is_file():
            raise DumpError(f"{target}: not a regular file or folder (a FIFO or a device "
                            "is not read; use - for standard input)")
        return [open_file(path, target, problem, name=_relative_name(target, root),
                          limits=limits, names=names, background=background)]
    files = _list_folder(str(path), recursive, problem)
    if not files:
        hint = ""
        if not recursive and any(p.is_dir() and not p.name.startswith(".")
                                 for p in path.iterdir()):
            hint = "; it has subfolders (try --recursive)"
        raise DumpError(f"{target}: folder holds no articles (.txt, .md, .jsonl, .json, .csv, "
                        f".tsv, .parquet, or those compressed){hint}")
    # A file's id: its path with the folder as given cut off, the folder's id put before.
    strip = len(os.path.join(str(path), ""))
    prefix = _relative_name(target, root)
    prefix = f"{prefix}/" if prefix else ""
    readers: list[Reader] = []
    texts: list[str] = []

    def flush_texts() -> None:
        if texts:
            readers.append(TextFiles(list(texts), problem, strip=strip, prefix=prefix,
                                     limits=limits))
            texts.clear()

    for label in files:
        if SUFFIX_KIND.get(inner_suffix(label)) is Kind.TEXT:
            texts.append(label)  # listed, not read: a big folder opens at once
            continue
        flush_texts()
        try:
            readers.append(open_file(Path(label), label, problem,
                                     name=prefix + label[strip:], limits=limits,
                                     names=names, background=background))
        except DumpError as exc:
            problem(str(exc))
    flush_texts()
    if not readers:
        raise DumpError(f"{target}: no readable articles in the folder")
    return readers


def iter_records(target: str, problem: Problem = _ignore, recursive: bool = False, *,
                 limits: DumpLimits = DEFAULT_LIMITS, names: FieldNames = DEFAULT_FIELDS,
                 background: bool = False) -> Iterator[Record]:
    """Every usable Record under `target`, in order; unusable ones are reported and skipped.

    Standard input holding plain JSON Lines is read as it arrives; anything else on
    standard input is spooled first (see tui.dumps.stdin). With `background`, a big
    file's records come as its scan finds them, the scan going only as far as they are
    asked for (a caller that stops early scans no more).
    """
    if target == STDIN:
        from tui.dumps.stdin import jsonl_stdin

        if (stream := jsonl_stdin()) is not None:
            yield from stream_jsonl(stream, STDIN_NAME, problem, limits, names)
            return
    readers = open_readers(target, problem, recursive, root=id_root([target]), limits=limits,
                           names=names, background=background)
    try:
        for reader in readers:
            for j in _positions(reader):
                try:
                    yield reader.record(j)
                except RecordError as exc:
                    problem(f"{exc}; skipped")
            if reader.scan is not None:
                for line in reader.scan.take_problems():
                    problem(line)
    finally:
        for reader in readers:
            reader.close()


def _positions(reader: Reader) -> Iterator[int]:
    """0, 1, ... up to the reader's length; a scan still going is stepped here, in the
    caller's thread, only when the records found are used up: a caller that stops early
    (the first records, to learn from) has the file read no further than it asked, and no
    thread races ahead through a big dump holding its index and decompressor."""
    scan = reader.scan
    j = 0
    while True:
        while j < len(reader):
            yield j
            j += 1
        if scan is None or not scan.scanning:
            if j >= len(reader):
                return
            continue
        scan.advance()
