"""zstd dumps (the `zstandard` package): frames read in place when small, else one copy.

The frame layout is walked first (headers and block headers only, no decompression),
which tells where each frame starts, its size when the header gives it, and whether the
file was cut short (zstandard itself reads a cut frame silently). In the background the
first frame's header decides alone when it rules reading in place out (a frame bigger
than FRAME_MAX, or of unknown size): the walk, which on a 1 GB file seeks to some 30,000
block headers, is then made by the scan once the copy reaches the end. A file of several frames
each at most FRAME_MAX bytes inflated (`zstd --format=seekable`, pzstd, t2sz) is read
in place: a record inflates only its frame. A file that is one big frame (what `zstd`
writes by default) cannot be entered in the middle, so it is inflated once into an
anonymous temporary file while it is scanned; the inflation cap bounds that file.
"""

from __future__ import annotations

import os
import tempfile
import threading
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from tui.dumps import scan_cache
from tui.dumps.background import BackgroundScan
from tui.dumps.lru import Lru
from tui.dumps.offsets import Offsets, Scanner
from tui.dumps.sniff import DumpError
from tui.dumps.sources import ByteSource, Fed, FileSource, feed, report
from tui.dumps.spill import Stream, spill_later

FRAME_MAX = 16 * 1024 * 1024  # inflated bytes of a frame read for one record, at most
_MAGIC = 0xFD2FB528
_SKIPPABLE = 0x184D2A50  # the low 4 bits vary


@dataclass(slots=True)
class Frames:
    """The data frames of a zstd file: compressed start and length, inflated size if known."""

    starts: list[int] = field(default_factory=list)
    lengths: list[int] = field(default_factory=list)
    sizes: list[int | None] = field(default_factory=list)
    broken: str | None = None  # why the walk stopped before the end of the file

    def seekable(self) -> bool:
        """Several frames, each of a known size that one read may inflate whole."""
        return len(self.sizes) > 1 and self.broken is None and \
            all(s is not None and s <= FRAME_MAX for s in self.sizes)


def _header_size(descriptor: int) -> tuple[int, int]:
    """Bytes after the descriptor up to the first block, and how many hold the size."""
    fcs_flag, single = descriptor >> 6, descriptor >> 5 & 1
    fcs = (1 if single else 0, 2, 4, 8)[fcs_flag]
    dict_id = (0, 1, 2, 4)[descriptor & 3]
    return (0 if single else 1) + dict_id + fcs, fcs


@dataclass(frozen=True, slots=True)
class _Header:
    """A data frame's header: where the frame starts, where its first block header is,
    whether a checksum closes it, and the inflated size it gives (None: not given)."""

    start: int
    blocks: int
    checksum: bool
    size: int | None


def _header(fh: IO[bytes], at: int, end: int) -> _Header | str | None:
    """The next data frame's header from byte `at` (skippable frames passed over); why
    there is none, or None at the file's end."""
    while at < end:
        fh.seek(at)
        head = fh.read(18)
        if len(head) < 8:
            return f"cut short at byte {at}"
        magic = int.from_bytes(head[:4], "little")
        if magic & 0xFFFFFFF0 == _SKIPPABLE:
            at += 8 + int.from_bytes(head[4:8], "little")
            continue
        if magic != _MAGIC:
            return f"no zstd frame at byte {at}"
        descriptor = head[4]
        rest, fcs = _header_size(descriptor)
        raw = head[5 + rest - fcs:5 + rest]
        size = int.from_bytes(raw, "little") + (256 if fcs == 2 else 0) if fcs else None
        return _Header(at, at + 5 + rest, bool(descriptor & 4), size)
    return None


def walk(fh: IO[bytes], end: int) -> Frames:
    """The frames of a zstd file read through `fh` (`end`: the file's size)."""
    frames = Frames()
    at = 0
    while (header := _header(fh, at, end)) is not None:
        if isinstance(header, str):
            frames.broken = header
            break
        last = _blocks(fh, header.blocks, end)
        frames.starts.append(header.start)
        if last < 0:
            frames.broken = f"cut short in the frame at byte {header.start}"
            frames.lengths.append(end - header.start)
            frames.sizes.append(None)
            break
        at = last + (4 if header.checksum else 0)
        frames.lengths.append(at - header.start)
        frames.sizes.append(header.size)
    return frames


def first_frame(fh: IO[bytes], end: int) -> tuple[int, int | None] | None:
    """Where the first data frame starts and the inflated size its header gives (None when
    it gives none), from its header alone; None when no frame header is there."""
    header = _header(fh, 0, end)
    return None if header is None or isinstance(header, str) else (header.start, header.size)


def _blocks(fh: IO[bytes], at: int, end: int) -> int:
    """Where the frame whose first block header is at `at` ends; -1 if past the file's end."""
    while True:
        fh.seek(at)
        header = fh.read(3)
        if len(header) < 3:
            return -1
        value = int.from_bytes(header, "little")
        kind, size = value >> 1 & 3, value >> 3
        at += 3 + (1 if kind == 1 else size)
        if at > end:
            return -1
        if value & 1:
            return at


class ZstdFrames:
    """The inflated bytes of a many-framed zstd file, a frame at a time (a few kept)."""

    def __init__(self, path: Path, frames: Frames) -> None:
        import zstandard

        self.fh = open(path, "rb")  # noqa: SIM115 - closed by `close`
        self.fd = self.fh.fileno()
        self.frames = frames
        self.ends: list[int] = []
        total = 0
        for size in frames.sizes:
            total += size or 0
            self.ends.append(total)
        self.size = total
        self._zstd: Any = zstandard.ZstdDecompressor()
        self._lock = threading.Lock()
        self._cache: Lru[int, bytes] = Lru(4)

    def frame(self, k: int) -> bytes:
        """Frame k inflated (OSError when its data is damaged)."""
        with self._lock:
            if (data := self._cache.get(k)) is not None:
                return data
        import zstandard

        raw = os.pread(self.fd, self.frames.lengths[k], self.frames.starts[k])
        try:
            data = self._zstd.decompress(raw, max_output_size=FRAME_MAX)
        except zstandard.ZstdError as exc:
            raise OSError(f"zst frame {k + 1} damaged ({exc})") from None
        with self._lock:
            self._cache.put(k, data)
        return data

    def pread(self, n: int, offset: int) -> bytes:
        """Up to `n` bytes from `offset`, from the frames that hold them."""
        parts: list[bytes] = []
        k = bisect_right(self.ends, offset)
        while n > 0 and k < len(self.ends):
            start = self.ends[k - 1] if k else 0
            piece = self.frame(k)[offset - start:offset - start + n]
            parts.append(piece)
            n -= len(piece)
            offset += len(piece)
            k += 1
        return b"".join(parts)

    def read_frames(self) -> Callable[[int], bytes]:
        """A `read(n)` over the frames in order, for the scan."""
        state = {"k": 0, "at": 0}

        def read(n: int) -> bytes:
            k = state["k"]
            if k >= len(self.ends):
                return b""
            data = self.frame(k)
            piece = data[state["at"]:state["at"] + n]
            state["at"] += len(piece)
            if state["at"] >= len(data):
                state["k"], state["at"] = k + 1, 0
            return piece
        return read

    def close(self) -> None:
        """Close the file."""
        self.fh.close()


def open_zstd(path: Path, label: str, make: Callable[[], Scanner],
              problem: Callable[[str], None], max_bytes: int, what: str,
              background: bool = False) -> tuple[ByteSource, Offsets, BackgroundScan | None]:
    """The file's source and record offsets (frames in place, else a temporary copy).

    With `background`, a file not in the cache comes back with its first chunk scanned
    and the scan of the rest (and the copy) to start."""
    try:
        import zstandard  # noqa: F401
    except ImportError:
        raise DumpError(f"{label}: zstd-compressed, and the zstandard package is not "
                        "installed (pip install zstandard)") from None
    with open(path, "rb") as fh:
        end = os.fstat(fh.fileno()).st_size
        first = first_frame(fh, end) if background else None
        if first is not None and (first[1] is None or first[1] > FRAME_MAX):
            # Never read in place (its first frame is too big, or of unknown size): copied
            # at once, and the walk that finds a cut made once the copy reaches the end,
            # in the scan's thread (on a 1 GB file it seeks to some 30,000 block headers).
            return _copy_later(path, first[0], end, make, max_bytes, label)
        frames = walk(fh, end)
    if frames.seekable():
        source = ZstdFrames(path, frames)
        key = scan_cache.key_of(path, f"zst:{what}")
        if (offsets := scan_cache.load(key, source.size)) is not None:
            return source, offsets, None
        if background:
            return source, *_frames_later(source, make, max_bytes, label, key)
        fed = feed(source.read_frames(), make(), max_bytes)
        report(fed, label, "zst", max_bytes, problem)
        if fed.damage is None and not fed.capped:
            scan_cache.save(key, fed.offsets)
        return source, fed.offsets, None
    if background and frames.broken is None and frames.starts:
        return _copy_later(path, frames.starts[0], frames.starts[-1] + frames.lengths[-1],
                           make, max_bytes, label, walked=True)
    copy, fed = _inflate(path, frames, make, max_bytes)
    if fed.total == 0 and fed.damage is not None:
        copy.close()
        raise DumpError(f"{label}: corrupt zst data ({fed.damage})")
    report(fed, label, "zst", max_bytes, problem)
    return copy, fed.offsets, None


def _frames_later(source: ZstdFrames, make: Callable[[], Scanner], max_bytes: int,
                  label: str, key: str | None) -> tuple[Offsets, BackgroundScan]:
    """Frames read in place: the first chunk scanned now, the rest by a BackgroundScan."""
    def done(fed: Fed) -> None:
        report(fed, label, "zst", max_bytes, scan.problems.append)
        if fed.damage is None and not fed.capped:
            scan_cache.save(key, fed.offsets)

    scan = BackgroundScan(make(), source.read_frames(), done, total=source.size,
                          max_bytes=max_bytes)
    scan.first()
    return scan.offsets, scan


def _copy_later(path: Path, start: int, end: int, make: Callable[[], Scanner],
                max_bytes: int, label: str, walked: bool = False,
                ) -> tuple[ByteSource, Offsets, BackgroundScan]:
    """One big frame (bytes `start` to `end`): inflated into a temporary copy as a
    BackgroundScan reads it. Unless the frames were `walked` already, the walk is made when
    the stream ends, and a cut it finds is the scan's damage (zstandard reads a cut frame
    silently)."""
    import zstandard

    fh = open(path, "rb")  # noqa: SIM115 - closed by the stream's `close`
    window = _Window(fh, start, end)
    reader = zstandard.ZstdDecompressor().stream_reader(window, read_across_frames=True)
    checked = walked

    def read(n: int) -> bytes:
        nonlocal checked
        piece = reader.read(n)
        if not piece and not checked:
            checked = True
            with open(path, "rb") as again:
                broken = walk(again, end).broken
            if broken is not None:
                raise zstandard.ZstdError(broken)
        return piece

    stream = Stream(read, lambda: window.at, os.fstat(fh.fileno()).st_size, fh.close,
                    (zstandard.ZstdError, OSError, ValueError), "zst")
    return spill_later(stream, make, max_bytes, label)


def _inflate(path: Path, frames: Frames, make: Callable[[], Scanner],
             max_bytes: int) -> tuple[FileSource, Fed]:
    """Scan the frames in order while copying what they inflate to a temporary file."""
    import zstandard

    out: IO[bytes] = tempfile.TemporaryFile(prefix="warta-")  # noqa: SIM115 - the source's
    try:
        with open(path, "rb") as fh:
            end = (frames.starts[-1] + frames.lengths[-1]) if frames.starts else 0
            reader = zstandard.ZstdDecompressor().stream_reader(
                _Window(fh, frames.starts[0] if frames.starts else 0, end),
                read_across_frames=True)
            fed = feed(reader.read, make(), max_bytes,
                       errors=(zstandard.ZstdError, OSError, ValueError), seen=out.write,
                       complete=frames.broken is None)
        if fed.damage is None and not fed.capped and frames.broken is not None:
            fed.damage = frames.broken
        out.flush()
        return FileSource(out), fed
    except BaseException:
        out.close()
        raise


class _Window:
    """The bytes `start`..`end` of a file, as a stream (skippable frames at either side)."""

    def __init__(self, fh: IO[bytes], start: int, end: int) -> None:
        self.fh, self.at, self.end = fh, start, end

    def read(self, n: int = -1) -> bytes:
        """Up to `n` bytes of the window."""
        n = self.end - self.at if n < 0 else min(n, self.end - self.at)
        self.fh.seek(self.at)
        data = self.fh.read(n)
        self.at += len(data)
        return data
