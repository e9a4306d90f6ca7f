"""A dump scanned in the background: it opens after its first chunk and grows, readable
from other threads while records are appended; the result equals a scan made at once."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import os
import random
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.dumps import background, scan_cache
from tui.dumps.formats import iter_records, open_file
from tui.dumps.index import Dump
from tui.dumps.offsets import GrowingOffsets

COUNT = 3000


@pytest.fixture(autouse=True)
def small_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    """A few kilobytes count as a big file; each step reads 16 KB and pauses a little."""
    monkeypatch.setattr(background, "FIRST_BYTES", 16 * 1024)
    monkeypatch.setattr(background, "STEP_BYTES", 16 * 1024)
    monkeypatch.setattr(background, "PAUSE", 0.002)
    monkeypatch.setattr(scan_cache, "MIN_BYTES", 1)


def _lines(count: int = COUNT) -> Iterator[str]:
    for n in range(count):
        if n == 1500:
            yield "{not json\n"
        elif n % 7 == 3:
            yield "\n"  # blank lines are not records
        else:
            yield json.dumps({"title": f"Judul {n}", "text": f"Isi berita nomor {n}. " * 8}) + "\n"


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "big.jsonl"
    path.write_text("".join(_lines()), encoding="utf-8")
    return path


def _ids(dump: Dump) -> list[str]:
    return [dump.id_at(i) for i in range(len(dump))]


def test_opens_with_the_first_records_and_grows_to_the_whole_scan(jsonl: Path) -> None:
    with Dump.open([str(jsonl)], background=True) as dump:
        assert dump.scanning
        first = len(dump)
        whole = Dump.open([str(jsonl)])  # scanned at once
        assert 0 < first < len(whole)
        assert dump.row(0).title == "Judul 0"
        progress = dump.scan_progress()
        assert progress is not None and progress.records == first
        assert progress.line().startswith(f"scanning: {first:,} records")
        assert progress.percent is not None and 0 < progress.percent < 100
        dump.start_scan()
        assert dump.wait_scanned(30)
        assert not dump.scanning and dump.scan_progress() is None
        assert _ids(dump) == _ids(whole)
        last = len(dump) - 1
        assert dump.record(last).title == whole.record(last).title
    whole.close()


def test_records_read_while_they_are_appended(jsonl: Path) -> None:
    """A reader thread reads the last record found, over and over, while the scan appends:
    every read is a whole record (or the bad line's error row), never a torn one."""
    bad: list[str] = []
    lengths: list[int] = []
    with Dump.open([str(jsonl)], background=True) as dump:
        stop = threading.Event()

        def read() -> None:
            while not stop.is_set():
                n = len(dump)
                lengths.append(n)
                row = dump.row(n - 1)
                if not (row.error or row.title.startswith("Judul ")):
                    bad.append(row.title)

        reader = threading.Thread(target=read)
        reader.start()
        dump.start_scan()
        dump.wait_scanned(30)
        stop.set()
        reader.join()
        assert bad == []
        assert lengths == sorted(lengths) and lengths[-1] <= len(dump)
        assert len(set(lengths)) > 3  # it was seen growing


def test_the_scan_cache_is_written_when_the_scan_completes(jsonl: Path) -> None:
    key = scan_cache.key_of(jsonl, "plain:LineScanner")
    with Dump.open([str(jsonl)], background=True) as dump:
        assert scan_cache.load(key) is None  # not before
        dump.start_scan()
        dump.wait_scanned(30)
        total = len(dump)
    cached = scan_cache.load(key)
    assert cached is not None and len(cached) == total
    with Dump.open([str(jsonl)], background=True) as again:  # the cache: whole at once
        assert not again.scanning and len(again) == total


def test_a_bad_line_found_late_is_an_error_row_reported_once(jsonl: Path) -> None:
    problems: list[str] = []
    with Dump.open([str(jsonl)], problems.append, background=True) as dump:
        dump.start_scan()
        dump.wait_scanned(30)
        bad = next(i for i in range(len(dump)) if dump.row(i).error)
        assert dump.row(bad).title.startswith("line 1501: not valid JSON")
        dump.row(bad)
    assert [p for p in problems if ":1501:" in p] == [
        f"{jsonl}:1501: not valid JSON (Expecting property name enclosed in double quotes "
        "at column 2)"]


def test_a_later_file_is_counted_once_the_one_before_is_scanned(jsonl: Path,
                                                                tmp_path: Path) -> None:
    second = tmp_path / "small.jsonl"
    second.write_text(json.dumps({"title": "Kedua", "text": "isi"}) + "\n", encoding="utf-8")
    with Dump.open([str(jsonl), str(second)], background=True) as dump:
        assert dump.index_of("small.jsonl#1") is None
        assert all(not dump.id_at(i).startswith("small") for i in range(len(dump)))
        dump.start_scan()
        dump.wait_scanned(30)
        last = len(dump) - 1
        assert dump.id_at(last) == "small.jsonl#1" == dump.row(last).id
        assert dump.index_of("small.jsonl#1") == last


def test_gzip_grows_to_the_same_records(jsonl: Path, tmp_path: Path) -> None:
    gz = tmp_path / "big.jsonl.gz"
    gz.write_bytes(gzip.compress(jsonl.read_bytes()))
    whole = Dump.open([str(jsonl)])
    with Dump.open([str(gz)], background=True) as dump:
        assert dump.scanning and 0 < len(dump) < len(whole)
        dump.start_scan()
        for _ in range(20):  # records read while the same file is being inflated
            dump.row(len(dump) - 1)
        assert dump.wait_scanned(30)
        assert [i.split("#")[1] for i in _ids(dump)] == [i.split("#")[1] for i in _ids(whole)]
        assert dump.record(len(dump) - 1).title == whole.record(len(whole) - 1).title
    whole.close()


def test_a_cut_gzip_keeps_the_records_before_the_break_and_says_so(jsonl: Path,
                                                                   tmp_path: Path) -> None:
    data = gzip.compress(jsonl.read_bytes())
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[:len(data) * 2 // 3])
    problems: list[str] = []
    with Dump.open([str(cut)], problems.append, background=True) as dump:
        dump.start_scan()
        dump.wait_scanned(30)
        late = dump.scan_problems() + problems
        assert any("damaged" in p or "cut" in p or "ends early" in p for p in late), late
        assert 0 < len(dump) < COUNT
        assert not dump.row(len(dump) - 1).error


def test_closing_while_scanning_stops_the_thread(jsonl: Path) -> None:
    dump = Dump.open([str(jsonl)], background=True)
    dump.start_scan()
    dump.close()
    assert not any(t.name == "dump-scan" and t.is_alive() for t in threading.enumerate())


def test_iter_records_in_the_background_yields_every_record_in_order(jsonl: Path) -> None:
    problems: list[str] = []
    got = [r.id for r in iter_records(str(jsonl), problems.append, background=True)]
    assert got == [r.id for r in iter_records(str(jsonl))]
    assert len(problems) == 1


def test_growing_offsets_publish_size_before_count() -> None:
    from array import array

    grown = GrowingOffsets(array("Q", [0, 10, 20]), array("I", [1, 2, 3]), 0)
    assert len(grown) == 0
    grown.publish(20, 2)
    assert len(grown) == 2 and grown.span(1) == (10, 20)


@pytest.mark.parametrize("framed", [False, True], ids=["one-frame", "frames"])
def test_zstd_grows_to_the_same_records(jsonl: Path, tmp_path: Path, framed: bool) -> None:
    zstandard = pytest.importorskip("zstandard")
    data = jsonl.read_bytes()
    compressor = zstandard.ZstdCompressor(write_content_size=True)
    path = tmp_path / "big.jsonl.zst"
    if framed:  # independent frames of 32 KB: read in place, frame by frame
        path.write_bytes(b"".join(compressor.compress(data[i:i + 32768])
                                  for i in range(0, len(data), 32768)))
    else:
        path.write_bytes(compressor.compress(data))
    whole = Dump.open([str(jsonl)])
    with Dump.open([str(path)], background=True) as dump:
        assert dump.scanning and 0 < len(dump) < len(whole)
        dump.start_scan()
        for _ in range(20):
            dump.row(len(dump) - 1)
        assert dump.wait_scanned(30)
        assert [i.split("#")[1] for i in _ids(dump)] == [i.split("#")[1] for i in _ids(whole)]
        assert dump.record(len(dump) - 1).title == whole.record(len(whole) - 1).title
    whole.close()


def test_closing_a_one_frame_zstd_while_scanning(jsonl: Path, tmp_path: Path) -> None:
    zstandard = pytest.importorskip("zstandard")
    path = tmp_path / "big.jsonl.zst"
    path.write_bytes(zstandard.ZstdCompressor().compress(jsonl.read_bytes()))
    dump = Dump.open([str(path)], background=True)
    dump.start_scan()
    dump.row(len(dump) - 1)
    dump.close()
    assert not any(t.name == "dump-scan" and t.is_alive() for t in threading.enumerate())


SPILLED = {"bz2": (".bz2", lambda d: bz2.compress(d, 1)), "xz": (".xz", lzma.compress)}


@pytest.mark.parametrize("comp", SPILLED)
def test_bz2_and_xz_grow_to_the_same_records_first_middle_last(jsonl: Path, tmp_path: Path,
                                                               comp: str) -> None:
    suffix, compress = SPILLED[comp]
    path = tmp_path / f"big.jsonl{suffix}"
    path.write_bytes(compress(jsonl.read_bytes()))
    whole = Dump.open([str(jsonl)])
    problems: list[str] = []
    with Dump.open([str(path)], problems.append, background=True) as dump:
        assert dump.scanning and 0 < len(dump) < len(whole)
        assert dump.record(0).title == "Judul 0"
        dump.start_scan()
        for _ in range(20):  # records read while the copy is being written
            assert dump.row(len(dump) - 1).title
        assert dump.wait_scanned(30)
        assert [i.split("#")[1] for i in _ids(dump)] == [i.split("#")[1] for i in _ids(whole)]
        for k in (0, len(whole) // 2, len(whole) - 1):
            assert dump.record(k).title == whole.record(k).title
        assert dump.scan_problems() == []
    assert [p for p in problems if ":1501:" not in p] == []
    whole.close()


def _zst_of_unknown_size(data: bytes) -> bytes:
    """One zstd frame whose header gives no size (as a pipe into zstd writes it): copied
    at once, and walked for a cut only when the copy reaches its end."""
    import zstandard

    return zstandard.ZstdCompressor(write_content_size=False).compress(data)


@pytest.mark.parametrize("comp", [*SPILLED, "zst"])
def test_a_cut_bz2_xz_or_zst_keeps_the_records_before_the_break_and_says_so_once(
        jsonl: Path, tmp_path: Path, comp: str) -> None:
    if comp == "zst":
        pytest.importorskip("zstandard")
    suffix, compress = SPILLED.get(comp, (".zst", _zst_of_unknown_size))
    data = compress(jsonl.read_bytes())
    cut = tmp_path / f"cut.jsonl{suffix}"
    cut.write_bytes(data[:len(data) * 2 // 3])
    problems: list[str] = []
    with Dump.open([str(cut)], problems.append, background=True) as dump:
        assert dump.scanning  # opened at once: the cut is found by the scan
        dump.start_scan()
        assert dump.wait_scanned(30)
        late = [p for p in dump.scan_problems() + problems if ":1501:" not in p]
        assert len(late) == 1 and late[0].startswith(f"{cut}: {comp} data damaged after ")
        assert late[0].endswith("kept the whole lines before it")
        assert COUNT // 3 < len(dump) < COUNT
        titles = [dump.row(i).title for i in range(len(dump))]
        assert all(t.startswith("Judul ") or "1501" in t for t in titles)  # every line whole


def test_the_inflated_copy_is_an_unlinked_file_in_the_cache_folder(jsonl: Path,
                                                                   tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl.xz"
    path.write_bytes(lzma.compress(jsonl.read_bytes()))
    reader = open_file(path, str(path), background=True)
    try:
        where = os.readlink(f"/proc/self/fd/{reader.source.fd}")  # type: ignore[attr-defined]
        assert where.startswith(str(scan_cache.folder())) and where.endswith("(deleted)")
    finally:
        reader.close()
    assert not any(t.name == "dump-scan" and t.is_alive() for t in threading.enumerate())


def test_utf16_text_is_transcoded_in_the_background(jsonl: Path, tmp_path: Path) -> None:
    wide = tmp_path / "wide.jsonl"
    wide.write_bytes(jsonl.read_text(encoding="utf-8").encode("utf-16"))
    whole = Dump.open([str(jsonl)])
    with Dump.open([str(wide)], background=True) as dump:
        assert dump.scanning and 0 < len(dump) < len(whole)
        dump.start_scan()
        assert dump.wait_scanned(30)
        assert len(dump) == len(whole)
        last = dump.record(len(dump) - 1)
        assert last.title == whole.record(len(whole) - 1).title
        assert last.warnings == ("not UTF-8: decoded as utf-16",)
    whole.close()


def _incompressible(tmp_path: Path) -> Path:
    """A JSON Lines file of random hex (about 6 MB, 3 MB gzipped): many compressed reads."""
    rng = random.Random(5)
    path = tmp_path / "noise.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for n in range(3000):
            out.write(json.dumps({"title": f"Noise {n}", "text": rng.randbytes(1000).hex()})
                      + "\n")
    return path


@pytest.mark.parametrize("comp", ["gz", "bz2", "xz"])
def test_the_share_scanned_is_the_position_in_the_compressed_file(tmp_path: Path,
                                                                  comp: str) -> None:
    plain = _incompressible(tmp_path)
    compress = {"gz": gzip.compress, "bz2": bz2.compress, "xz": lzma.compress}[comp]
    path = tmp_path / f"noise.jsonl.{comp}"
    path.write_bytes(compress(plain.read_bytes()))
    size = path.stat().st_size
    reader = open_file(path, str(path), background=True)
    try:
        scan = reader.scan
        assert scan is not None and scan.total == size
        shares = []
        while scan.step():
            progress = scan.progress()
            assert progress.percent is not None
            shares.append(progress.percent)
        assert shares == sorted(shares)
        # gzip's reader takes the file a megabyte at a time: a few distinct shares
        assert shares[0] < 50 and len(set(shares)) >= 3
        assert scan.progress().percent == 100 and scan.progress().line().endswith(", 100 %")
    finally:
        reader.close()


def test_iter_records_scans_only_as_far_as_it_is_read(jsonl: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The first records of a big gzip come without a thread inflating the rest meanwhile."""
    gz = tmp_path / "big.jsonl.gz"
    gz.write_bytes(gzip.compress(jsonl.read_bytes()))
    steps = 0
    step = background.BackgroundScan.step

    def counted(scan: background.BackgroundScan) -> bool:
        nonlocal steps
        steps += 1
        return step(scan)

    def refuse(scan: background.BackgroundScan) -> None:
        raise AssertionError("a scan thread was started")

    monkeypatch.setattr(background.BackgroundScan, "step", counted)
    monkeypatch.setattr(background.BackgroundScan, "start", refuse)
    records = iter_records(str(gz), background=True)
    assert [next(records).title for _ in range(5)] == [f"Judul {n}" for n in (0, 1, 2, 4, 5)]
    records.close()
    first = steps
    whole = sum(1 for _ in iter_records(str(gz), background=True))
    assert whole == sum(1 for _ in iter_records(str(jsonl)))
    assert first <= 2 < 10 * first < steps - first  # the whole file takes many more
