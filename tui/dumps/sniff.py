"""What a dump file is: compression (by magic bytes, whatever the suffix says) and format."""

from __future__ import annotations

import lzma
import os
import sys
import tempfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

CHUNK = 256 * 1024  # bytes per read when inflating


class DumpError(Exception):
    """A dump that cannot be read at all, worded as one line naming the path."""


class Kind(StrEnum):
    """The record layout of a (decompressed) file."""

    TEXT = "text"  # one article per file
    JSONL = "jsonl"  # one JSON object per line
    JSON = "json"  # an array of objects, or an object holding one
    CSV = "csv"
    TSV = "tsv"
    PARQUET = "parquet"  # columns, read through pyarrow (tui.dumps.parquet)


class Compression(StrEnum):
    """How a file is compressed."""

    NONE = "none"
    GZIP = "gz"
    BZIP2 = "bz2"
    XZ = "xz"
    ZSTD = "zst"


SUFFIX_KIND: dict[str, Kind] = {
    ".txt": Kind.TEXT, ".md": Kind.TEXT, ".text": Kind.TEXT, ".markdown": Kind.TEXT,
    ".jsonl": Kind.JSONL, ".ndjson": Kind.JSONL, ".jsonlines": Kind.JSONL,
    ".json": Kind.JSON,
    ".csv": Kind.CSV,
    ".tsv": Kind.TSV, ".tab": Kind.TSV,
    ".parquet": Kind.PARQUET, ".parq": Kind.PARQUET,
}
SUFFIX_COMPRESSION = {".gz": Compression.GZIP, ".gzip": Compression.GZIP,
                      ".bz2": Compression.BZIP2, ".xz": Compression.XZ,
                      ".zst": Compression.ZSTD, ".zstd": Compression.ZSTD}
MAGIC: tuple[tuple[bytes, Compression], ...] = (
    (b"\x1f\x8b", Compression.GZIP),
    (b"BZh", Compression.BZIP2),
    (b"\xfd7zXZ\x00", Compression.XZ),
    (b"\x28\xb5\x2f\xfd", Compression.ZSTD),
)
SAMPLE = 8192


@dataclass(frozen=True, slots=True)
class Sniffed:
    """The verdict on one file."""

    compression: Compression
    kind: Kind
    encoding: str | None = None  # set when the text is UTF-16/32: read through a UTF-8 copy


def inner_suffix(path: str | Path) -> str:
    """The format suffix once compression suffixes are removed: `a.jsonl.gz` -> `.jsonl`."""
    name = os.path.basename(path).lower()
    while True:
        stem, dot, ext = name.rpartition(".")
        if dot and f".{ext}" in SUFFIX_COMPRESSION:
            name = stem
            continue
        return f".{ext}" if dot and stem else ""


# A folder's own documentation (seeds/README.md, a corpus LICENSE.txt) is not an article.
DOC_STEMS = frozenset({"readme", "license", "licence", "copying", "notice", "changelog"})


def is_dump_file(path: str | Path) -> bool:
    """True when the name says it is a file a dump folder should list."""
    name = os.path.basename(path)
    if name.startswith(".") or name.split(".", 1)[0].casefold() in DOC_STEMS:
        return False
    return inner_suffix(path) in SUFFIX_KIND


def compression_of(head: bytes) -> Compression:
    """The compression the first bytes of a file announce."""
    for magic, comp in MAGIC:
        if head.startswith(magic):
            return comp
    return Compression.NONE


PARQUET_MAGIC = b"PAR1"


def is_parquet(path: Path) -> bool:
    """True when the file is Parquet: named so, or starting with Parquet's magic bytes."""
    if SUFFIX_KIND.get(inner_suffix(path)) is Kind.PARQUET:
        return True
    try:
        with open(path, "rb") as fh:
            return fh.read(4) == PARQUET_MAGIC
    except OSError:
        return False


def looks_binary(sample: bytes) -> bool:
    """NUL bytes or many control characters: not text in any encoding we read."""
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27, 8))
    return controls > len(sample) // 10


_CSV_DELIMITERS = (b",", b";", b"\t", b"|")
_TEXT_HEADERS = frozenset({b"text", b"content", b"body", b"maintext"})


def kind_from_content(sample: bytes) -> Kind:
    """A guess from the first bytes when the suffix says nothing (standard input, no suffix)."""
    text = sample.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"["):
        return Kind.JSON
    if text.startswith(b"{"):
        first = text.split(b"\n", 1)[0].rstrip()
        return Kind.JSONL if first.endswith(b"}") else Kind.JSON
    header = text.split(b"\n", 1)[0].rstrip(b"\r")
    for delimiter in _CSV_DELIMITERS:
        names = {n.strip().strip(b'"').strip().lower() for n in header.split(delimiter)}
        if len(names) > 1 and names & _TEXT_HEADERS:
            return Kind.TSV if delimiter == b"\t" else Kind.CSV
    return Kind.TEXT


def open_bytes(path: Path, comp: Compression, label: str) -> IO[bytes]:
    """The file's decompressed bytes as a binary stream."""
    if comp is Compression.GZIP:
        import gzip

        return gzip.open(path, "rb")
    if comp is Compression.BZIP2:
        import bz2

        return bz2.open(path, "rb")
    if comp is Compression.XZ:
        return lzma.open(path, "rb")
    if comp is Compression.ZSTD:
        return _zstd_stream(path, label)
    return open(path, "rb")


def _zstd_stream(path: Path, label: str) -> IO[bytes]:
    """A zstd file's inflated bytes: the zstandard package, else Python 3.14's own module."""
    try:
        import zstandard
    except ImportError:
        pass
    else:
        return zstandard.ZstdDecompressor().stream_reader(  # type: ignore[return-value]
            open(path, "rb"), read_across_frames=True, closefd=True)
    try:
        from compression import zstd  # type: ignore[import-not-found]  # Python 3.14+
    except ImportError:
        version = ".".join(map(str, sys.version_info[:2]))
        raise DumpError(
            f"{label}: zstd-compressed, and Python {version} reads zstd only through the "
            "zstandard package (pip install zstandard)") from None
    return zstd.open(path, "rb")  # type: ignore[no-any-return]


_ERRORS: tuple[type[BaseException], ...] = (OSError, EOFError, lzma.LZMAError, ValueError,
                                            zlib.error)


def decompress_errors() -> tuple[type[BaseException], ...]:
    """What reading damaged compressed data raises (zstandard's error once it is loaded)."""
    zstandard = sys.modules.get("zstandard")
    return (*_ERRORS, zstandard.ZstdError) if zstandard is not None else _ERRORS


def read_decompressed(path: str | Path, comp: Compression, label: str, size: int = -1) -> bytes:
    """The first `size` decompressed bytes (all when -1); DumpError when the data is corrupt."""
    try:
        with open_bytes(Path(path), comp, label) as fh:
            return fh.read(size)
    except DumpError:
        raise
    except decompress_errors() as exc:
        raise DumpError(f"{label}: corrupt {comp.value} data ({exc})") from None


def read_head(path: Path, label: str) -> tuple[Compression, bytes]:
    """The compression and the first decompressed bytes; DumpError when unreadable."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(SAMPLE)
    except OSError as exc:
        raise DumpError(f"{label}: cannot read ({exc.strerror or exc})") from None
    comp = compression_of(raw)
    if comp is Compression.NONE:
        return comp, raw
    head = b""
    try:  # chunk by chunk: a stream damaged early still shows what came before the damage
        with open_bytes(path, comp, label) as fh:
            read = getattr(fh, "read1", fh.read)
            while len(head) < SAMPLE and (chunk := read(SAMPLE - len(head))):
                head += chunk
    except DumpError:
        raise
    except decompress_errors() as exc:
        if not head:
            raise DumpError(f"{label}: corrupt {comp.value} data ({exc})") from None
    return comp, head


def wide_encoding(head: bytes) -> str | None:
    """"utf-16"/"utf-32" (or a BOM-less variant) when the bytes are such text, else None."""
    from tui.dumps.decode import bom_encoding, guess_encoding

    bom = bom_encoding(head)
    if bom is not None:
        return bom if bom != "utf-8-sig" else None
    if b"\x00" not in head:
        return None
    guess = guess_encoding(head)
    return guess if guess is not None and guess.startswith(("utf_16", "utf_32")) else None


def sniff(path: Path, label: str) -> Sniffed:
    """Compression by magic bytes, format by suffix or else by content; DumpError if not text."""
    comp, head = read_head(path, label)
    kind = SUFFIX_KIND.get(inner_suffix(path))
    if (wide := wide_encoding(head)) is not None:
        utf8 = head.decode(wide, errors="replace").encode("utf-8")
        return Sniffed(comp, kind or kind_from_content(utf8), wide)
    if looks_binary(head):
        raise DumpError(f"{label}: not a text file (binary data)")
    return Sniffed(comp, kind or kind_from_content(head))


def inflate(path: Path, comp: Compression, label: str, problem: Callable[[str], None],
            max_bytes: int = -1) -> IO[bytes]:
    """Decompress once, in chunks, into an anonymous temporary file (gone when closed).

    A truncated or corrupt stream keeps what was inflated before the damage and is reported;
    so does one that inflates past `max_bytes` (a decompression bomb fills no disk).
    """
    out: Any = tempfile.TemporaryFile(prefix="warta-")  # noqa: SIM115 - owned by the caller
    try:
        with open_bytes(path, comp, label) as src:
            read = getattr(src, "read1", src.read)  # read1: keep all before damage
            while chunk := read(CHUNK):
                out.write(chunk)
                if 0 <= max_bytes < out.tell():
                    out.truncate(max_bytes)
                    out.seek(max_bytes)
                    _cut_partial_line(out)
                    problem(f"{label}: inflates to more than {max_bytes / 2**30:g} GB "
                            "(dump.max_inflated_gb); kept the first part only")
                    break
    except DumpError:
        out.close()
        raise
    except decompress_errors() as exc:
        _cut_partial_line(out)
        problem(f"{label}: {comp.value} data damaged after {out.tell()} bytes ({exc}); "
                "kept the whole lines before it")
    out.flush()
    out.seek(0)
    return out  # type: ignore[no-any-return]


def _cut_partial_line(out: Any) -> None:
    """Drop the bytes after the last newline: the line the damage cut in two."""
    end = out.tell()
    back = min(end, CHUNK)
    out.seek(end - back)
    tail = out.read(back)
    keep = tail.rfind(b"\n")
    if keep >= 0 or back == end:
        out.truncate(end - back + keep + 1)
    out.seek(0, os.SEEK_END)
