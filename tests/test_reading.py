"""Every format and compression read at random, cut files, the offsets cache, field names."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
import zstandard

from tui.dumps import gzsource, scan_cache, zstdsource
from tui.dumps.fields import FieldNames
from tui.dumps.formats import DumpError, iter_records, open_file
from tui.dumps.index import Dump
from tui.dumps.limits import DumpLimits
from tui.dumps.offsets import CsvScanner, LineScanner

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from generate import generate, write

ARTICLES = list(generate(60, seed=11, chars=500))
LAYOUTS = ("jsonl", "csv", "tsv", "json")


def zst_frames(data: bytes, frame: int = 1500) -> bytes:
    """Seekable-style zstd: independent frames that cut lines anywhere, and a seek table."""
    zc = zstandard.ZstdCompressor(write_content_size=True)
    frames = [zc.compress(data[i:i + frame]) for i in range(0, len(data), frame)]
    table = b"".join(len(f).to_bytes(4, "little") + len(data[i * frame:(i + 1) * frame])
                     .to_bytes(4, "little") for i, f in enumerate(frames))
    table += len(frames).to_bytes(4, "little") + b"\x00" + (0x8F92EAB1).to_bytes(4, "little")
    skippable = (0x184D2A5E).to_bytes(4, "little") + len(table).to_bytes(4, "little") + table
    return b"".join(frames) + skippable


COMPRESSORS: dict[str, tuple[str, Callable[[bytes], bytes]]] = {
    "none": ("", lambda d: d),
    "gz": (".gz", gzip.compress),
    "bz2": (".bz2", bz2.compress),
    "xz": (".xz", lzma.compress),
    "zst": (".zst", zstandard.ZstdCompressor().compress),
    "zst-frames": (".zst", zst_frames),
}


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache folder per test, and every file worth caching (not only big ones)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(scan_cache, "MIN_BYTES", 0)


def dump_file(tmp_path: Path, layout: str, comp: str) -> Path:
    plain = tmp_path / f"plain.{layout}"
    write(iter(ARTICLES), layout, str(plain))
    suffix, compress = COMPRESSORS[comp]
    path = tmp_path / f"dump.{layout}{suffix}"
    path.write_bytes(compress(plain.read_bytes()))
    return path


def ends_and_middle(path: Path) -> list[tuple[str | None, str]]:
    problems: list[str] = []
    with Dump.open([str(path)], problems.append) as dump:
        assert problems == []
        assert len(dump) == len(ARTICLES)
        return [(dump.record(i).title, dump.record(i).text) for i in (0, 31, len(dump) - 1)]


@pytest.mark.parametrize("comp", COMPRESSORS)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_first_middle_last_after_a_cold_open_and_from_the_cache(tmp_path: Path, layout: str,
                                                                 comp: str) -> None:
    path = dump_file(tmp_path, layout, comp)
    expected = [(ARTICLES[i]["title"], ARTICLES[i]["text"]) for i in (0, 31, 59)]
    assert ends_and_middle(path) == expected  # cold: scanned, the cache written
    assert ends_and_middle(path) == expected  # warm: from the cache where there is one


def test_gzip_writes_no_temporary_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = dump_file(tmp_path, "jsonl", "gz")

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("a temporary file was made")

    monkeypatch.setattr(tempfile, "TemporaryFile", refuse)
    assert ends_and_middle(path)[2][0] == ARTICLES[59]["title"]


def test_a_second_open_scans_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = [dump_file(tmp_path, "jsonl", "gz"), dump_file(tmp_path, "csv", "none"),
             dump_file(tmp_path, "jsonl", "zst-frames")]
    for path in paths:
        ends_and_middle(path)

    def no_scan(*_: object) -> None:
        raise AssertionError("scanned again")

    monkeypatch.setattr(LineScanner, "feed", no_scan)
    monkeypatch.setattr(CsvScanner, "feed", no_scan)
    for path in paths:
        assert ends_and_middle(path)[1][0] == ARTICLES[31]["title"]


def test_a_changed_file_is_scanned_again(tmp_path: Path) -> None:
    path = dump_file(tmp_path, "jsonl", "gz")
    ends_and_middle(path)
    path.write_bytes(gzip.compress(b'{"title": "Only", "text": "one"}\n'))
    with Dump.open([str(path)]) as dump:
        assert [dump.record(0).title] == ["Only"]


def _damage_every_index(tmp_path: Path, damage: Callable[[bytes], bytes]) -> int:
    files = list((tmp_path / "cache" / "warta" / "dumps").glob("*.idx"))
    for f in files:
        f.write_bytes(damage(f.read_bytes()))
    return len(files)


@pytest.mark.parametrize("damage", [
    lambda b: b[:-5],  # cut short
    lambda b: b[:40] + bytes([b[40] ^ 0xFF]) + b[41:],  # a changed offset: the checksum
    lambda b: b"garbage",
    lambda b: b"",
], ids=["cut", "flipped", "garbage", "empty"])
def test_a_damaged_cache_file_is_ignored_and_rebuilt(tmp_path: Path,
                                                    damage: Callable[[bytes], bytes]) -> None:
    path = dump_file(tmp_path, "jsonl", "gz")
    expected = ends_and_middle(path)
    assert _damage_every_index(tmp_path, damage) == 1
    assert ends_and_middle(path) == expected
    assert _damage_every_index(tmp_path, lambda b: b) == 1  # written anew


def test_cached_offsets_outside_the_data_are_not_trusted(tmp_path: Path) -> None:
    path = dump_file(tmp_path, "jsonl", "none")
    ends_and_middle(path)
    key = scan_cache.key_of(path, "plain:LineScanner")
    offsets = scan_cache.load(key)
    assert offsets is not None
    offsets.starts[-1] = offsets.size + 10  # checksummed anew: only the bounds check is left
    scan_cache.save(key, offsets)
    assert scan_cache.load(key) is None
    offsets.starts[-1], offsets.starts[1] = offsets.starts[1], offsets.starts[-1]
    offsets.starts[-1] = offsets.size - 1  # inside, but no longer rising
    scan_cache.save(key, offsets)
    assert scan_cache.load(key) is None
    assert ends_and_middle(path)[2][0] == ARTICLES[59]["title"]


def test_a_damaged_seek_point_file_is_rebuilt(tmp_path: Path) -> None:
    path = dump_file(tmp_path, "jsonl", "gz")
    expected = ends_and_middle(path)
    for f in (tmp_path / "cache" / "warta" / "dumps").glob("*.gzi"):
        f.write_bytes(b"not an index")
    assert ends_and_middle(path) == expected


def _cut(data: bytes) -> bytes:
    return data[: len(data) * 2 // 3]


@pytest.mark.parametrize("comp", ["gz", "bz2", "xz", "zst", "zst-frames"])
def test_a_cut_compressed_file_opens_up_to_the_break(tmp_path: Path, comp: str) -> None:
    body = b"".join(json.dumps({"title": f"Row {i}", "text": f"row {i} " * 20}).encode() + b"\n"
                    for i in range(3000))
    suffix, compress = COMPRESSORS[comp]
    if comp == "bz2":
        compress = lambda d: bz2.compress(d, 1)  # noqa: E731 - small blocks survive the cut
    path = tmp_path / f"cut.jsonl{suffix}"
    path.write_bytes(_cut(compress(body)))
    problems: list[str] = []
    with Dump.open([str(path)], problems.append) as dump:
        assert 0 < len(dump) < 3000
        assert len(problems) == 1 and "damaged" in problems[0] and "cut.jsonl" in problems[0]
        titles = [dump.record(i).title for i in range(len(dump))]  # every kept line is whole
    assert titles == [f"Row {i}" for i in range(len(titles))]


def test_concatenated_gzip_members_read_whole_without_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "two.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"text": "first"}\n') + gzip.compress(b'{"text": "two"}\n'))
    problems: list[str] = []
    recs = list(iter_records(str(path), problems.append))
    assert [r.text for r in recs] == ["first", "two"]
    assert problems == []


def test_a_flipped_byte_in_gzip_is_reported_and_the_rest_kept(tmp_path: Path) -> None:
    body = b"".join(b'{"title": "Row %d", "text": "x %d"}\n' % (i, i * 7919) for i in range(4000))
    data = bytearray(gzip.compress(body))
    data[len(data) // 2] ^= 0x55
    path = tmp_path / "flip.jsonl.gz"
    path.write_bytes(bytes(data))
    problems: list[str] = []
    recs = list(iter_records(str(path), problems.append))
    assert any("flip.jsonl.gz: gz data damaged" in p for p in problems)
    assert recs and recs[0].title == "Row 0"


@pytest.mark.parametrize("comp", ["gz", "zst", "zst-frames"])
def test_the_inflation_cap_still_refuses_a_bomb(tmp_path: Path, comp: str) -> None:
    head = b'{"title": "Bomb Head", "text": "x"}\n'
    suffix, compress = COMPRESSORS[comp]
    path = tmp_path / f"bomb.jsonl{suffix}"
    path.write_bytes(compress(head + b"\n" * (40 * 1024 * 1024)))
    problems: list[str] = []
    limits = DumpLimits(max_inflated_bytes=4 * 1024 * 1024)
    recs = list(iter_records(str(path), problems.append, limits=limits))
    assert [r.title for r in recs] == ["Bomb Head"]
    assert len(problems) == 1 and "inflates to more than" in problems[0]


def test_seekable_zstd_is_read_in_place(tmp_path: Path) -> None:
    path = dump_file(tmp_path, "jsonl", "zst-frames")
    reader = open_file(path, str(path))
    try:
        assert isinstance(reader.source, zstdsource.ZstdFrames)  # type: ignore[attr-defined]
    finally:
        reader.close()


def test_without_indexed_gzip_gzip_is_still_read(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gzsource, "available", lambda: False)
    path = dump_file(tmp_path, "jsonl", "gz")
    assert ends_and_middle(path)[2][0] == ARTICLES[59]["title"]


def _renamed(layout: str, tmp_path: Path) -> Path:
    rows = [{"head": f"H{i}", "body2": f"B{i}", "title": "wrong", "text": "wrong"}
            for i in range(3)]
    path = tmp_path / f"renamed.{layout}"
    if layout == "jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    elif layout == "json":
        path.write_text(json.dumps(rows))
    else:
        path.write_text("head,body2,title,text\n" +
                        "".join(f"{r['head']},{r['body2']},wrong,wrong\n" for r in rows))
    return path


@pytest.mark.parametrize("layout", ["jsonl", "json", "csv"])
def test_named_fields_are_honoured_by_every_layout(tmp_path: Path, layout: str) -> None:
    path = _renamed(layout, tmp_path)
    names = FieldNames.named(text="Body2", title="HEAD")
    recs = list(iter_records(str(path), names=names))
    assert [(r.title, r.text) for r in recs] == [("H0", "B0"), ("H1", "B1"), ("H2", "B2")]
    assert recs[0].fields["title"] == "wrong"  # the usual names are kept as plain fields


def test_a_csv_without_the_named_text_column_names_it(tmp_path: Path) -> None:
    path = _renamed("csv", tmp_path)
    with pytest.raises(DumpError, match=r"no text column \(one of story\)"):
        list(iter_records(str(path), names=FieldNames.named(text="story")))


def test_the_command_line_names_the_fields(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    from tui.cli import main

    path = _renamed("jsonl", tmp_path)
    code = main(["analyse", "--no-language", "--text-field", "body2", "--title-field", "head",
                 str(path)])
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 0
    assert [(o["title"], o["blocks"][0]["text"]) for o in out] == [
        ("H0", "B0"), ("H1", "B1"), ("H2", "B2")]


def test_gzip_reads_across_blocks_and_past_them(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gzsource, "BLOCK", 997)  # records straddle blocks; long ones skip them
    monkeypatch.setattr(gzsource, "BLOCKS", 2)
    path = dump_file(tmp_path, "jsonl", "gz")
    with Dump.open([str(path)]) as dump:
        order = [59, 0, 30, 31, 29, *range(60)]
        assert [dump.record(i).text for i in order] == [ARTICLES[i]["text"] for i in order]
