"""Twenty broken dump files, each written next to good ones, for the reader and `analyse`.

Every case is a folder holding `good.txt` (one good article) and one broken file which may
itself hold good records among bad ones. A case says which titles must still come out and
how many `warta:` lines a run over its folder may print (one per problem).
"""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

GOOD_TITLE = "Good Article Beside The Broken One"
# Config overrides every case runs with: small caps, so a bomb and a huge line stay cheap.
LIMITS = ("dump.max_record_mb=1", "dump.max_inflated_gb=0.01")
BOMB_BYTES = 60 * 1024 * 1024  # inflated size of the gzip bomb: six times the cap above


def _line(title: str) -> bytes:
    return json.dumps({"title": title, "text": f"{title}. A sentence of body text."}).encode() \
        + b"\n"


def _good_lines(*titles: str) -> bytes:
    return b"".join(_line(t) for t in titles)


@dataclass(frozen=True)
class Case:
    """One broken input: its file name, how it is written, what must survive."""

    name: str
    write: Callable[[Path], None]
    titles: tuple[str, ...] = ()  # good records inside the broken file
    messages: int = 1  # `warta:` lines on stderr from a run over the folder
    warnings: tuple[str, ...] = field(default=())  # expected in some record's warnings
    analysed: tuple[str, ...] | None = None  # the titles as analysis gives them, if not `titles`

    def make(self, root: Path) -> Path:
        """Write the case's folder under `root`; the folder's path."""
        folder = root / self.name.replace(".", "_")
        folder.mkdir(parents=True)
        (folder / "good.txt").write_text(f"{GOOD_TITLE}\n\nIt reads as it should.\n",
                                         encoding="utf-8")
        self.write(folder / self.name)
        return folder


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _truncated(compress: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        body = b"".join(_line(f"Row {i}") for i in range(6000))
        data = compress(body)
        path.write_bytes(data[: len(data) * 2 // 3])
    return write


def _bomb(path: Path) -> None:
    # A few good lines, then blank lines: the whole inflates to BOMB_BYTES from ~60 KB.
    comp = gzip.compress(_good_lines("Bomb Head"), compresslevel=9)
    zeros = gzip.compress(b"\n" * BOMB_BYTES, compresslevel=9)
    path.write_bytes(comp + zeros)  # gzip members concatenate


def _symlink_loop(path: Path) -> None:
    os.symlink(path.name, path)


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _ragged_csv(path: Path) -> None:
    path.write_text("title,text,url\n"
                    "Csv One,first body,u1\n"
                    "Csv Two,second body\n"
                    "Csv Three,third body,u3\n", encoding="utf-8")


MOJIBAKE = "Harga CafÃ© naik â€“ kata pedagang"
REPAIRED = "Harga Café naik – kata pedagang"  # what the pipeline's repair makes of it
ESCAPES = "Judul \x1b[2J\x1b]0;owned\x07 dengan escape"
CP1252 = "Café crème à la façade — “quoted” text"


CASES: tuple[Case, ...] = (
    Case("photo.txt", _bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)),
    Case("utf16.txt", _bytes("Berita UTF-16\n\nIsi berita yang cukup panjang.\n"
                             .encode("utf-16-le")), ("Berita UTF-16",), 0,
         ("not UTF-8: decoded as utf_16_le (charset-normalizer)",)),
    Case("utf16bom.jsonl", _bytes(_good_lines("Wide One", "Wide Two").decode()
                                  .encode("utf-16")), ("Wide One", "Wide Two"), 0,
         ("not UTF-8: decoded as utf-16",)),
    Case("cp1252.txt", _bytes(f"{CP1252}\n\nBody.\n".encode("cp1252")), (CP1252,), 0,
         ("not UTF-8: decoded as cp1252 (charset-normalizer)",)),
    Case("invalid_utf8.jsonl", _bytes(_good_lines("Valid One") +
                                      b'{"title": "Bad \xff\xfe\xff bytes", "text": "x"}\n' +
                                      _good_lines("Valid Two")),
         ("Valid One", "Valid Two"), 0, ("not UTF-8: decoded as",)),
    Case("mojibake.txt", _bytes(f"{MOJIBAKE}\n\nBody.\n".encode()), (MOJIBAKE,), 0,
         ("mojibake repaired",), analysed=(REPAIRED,)),
    Case("escapes.jsonl", _bytes(_good_lines(ESCAPES, "Plain After Escapes")),
         (ESCAPES, "Plain After Escapes"), 0),
    Case("malformed.jsonl", _bytes(_good_lines("Before Bad") + b'{"title": "x", "text": \n' +
                                   _good_lines("After Bad")), ("Before Bad", "After Bad")),
    Case("huge.jsonl", _bytes(_good_lines("Small One") +
                              json.dumps({"text": "x" * (2 * 1024 * 1024)}).encode() + b"\n" +
                              _good_lines("Small Two")), ("Small One", "Small Two")),
    Case("nested.jsonl", _bytes(_good_lines("Shallow One") + b"[" * 100_000 + b"]" * 100_000 +
                                b"\n" + _good_lines("Shallow Two")),
         ("Shallow One", "Shallow Two")),
    Case("bigint.jsonl", _bytes(_good_lines("Number One") + b'{"text": 1' + b"9" * 5000 +
                                b"}\n" + _good_lines("Number Two")), ("Number One", "Number Two")),
    Case("not_object.jsonl", _bytes(_good_lines("Object One") + b"[1, 2, 3]\n" +
                                    _good_lines("Object Two")), ("Object One", "Object Two")),
    Case("truncated.jsonl.gz", _truncated(gzip.compress), ("Row 0", "Row 1")),
    # Level 1: 100 kB blocks, so the blocks before the cut decompress whole.
    Case("truncated.jsonl.bz2", _truncated(lambda d: bz2.compress(d, 1)), ("Row 0", "Row 1")),
    Case("truncated.jsonl.xz", _truncated(lzma.compress), ("Row 0", "Row 1")),
    Case("bomb.jsonl.gz", _bomb, ("Bomb Head",)),
    Case("ragged.csv", _ragged_csv, ("Csv One", "Csv Three")),
    Case("loop.txt", _symlink_loop),
    Case("pipe.jsonl", _fifo),
    Case("empty.txt", _bytes(b"")),
)
