"""Sniffing and reading every dump format: fields, ids, compression, bad input."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import sys
from pathlib import Path

import pytest
import zstandard

from tui.dumps.formats import DumpError, iter_records, open_readers

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from generate import as_txt, generate, write


def records(target: Path | str, recursive: bool = False) -> tuple[list, list[str]]:
    problems: list[str] = []
    recs = list(iter_records(str(target), problems.append, recursive))
    return recs, problems


def test_text_folder_sorted_by_name_hidden_and_unknown_skipped(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second\n\nbody b\n")
    (tmp_path / "a.md").write_text("# First\n\nbody a\n")
    (tmp_path / ".hidden.txt").write_text("no\n")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    recs, problems = records(tmp_path)
    assert [r.id for r in recs] == ["a.md", "b.txt"]
    assert recs[0].text.startswith("# First")
    assert problems == []


def test_a_folders_own_documentation_is_not_an_article(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# About this dump\n")
    (tmp_path / "LICENSE.txt").write_text("CC BY 4.0\n")
    (tmp_path / "readme_of_a_story.txt").write_text("Readme Street reopens\n\nbody\n")
    recs, _ = records(tmp_path)
    assert [Path(r.id).name for r in recs] == ["readme_of_a_story.txt"]
    # Named on its own, such a file still opens: the user asked for it.
    assert [r.text for r in records(tmp_path / "README.md")[0]] == ["# About this dump\n"]


def test_the_bundled_seeds_list_articles_only() -> None:
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    recs, problems = records(seeds)
    assert problems == []
    assert not any(Path(r.id.split("#")[0]).name.lower().startswith("readme") for r in recs)
    assert recs[0].id == "000_7a6cb31184455393.txt"


def test_recursive_folder_only_when_asked(tmp_path: Path) -> None:
    (tmp_path / "2024" / "03").mkdir(parents=True)
    (tmp_path / "2024" / "03" / "x.txt").write_text("X\n")
    (tmp_path / "2024" / "a.txt").write_text("A\n")
    with pytest.raises(DumpError, match="try --recursive"):
        records(tmp_path)
    recs, _ = records(tmp_path, recursive=True)
    assert [r.id for r in recs] == ["2024/03/x.txt", "2024/a.txt"]


def test_jsonl_fields_are_recognised_and_the_rest_kept(tmp_path: Path) -> None:
    f = tmp_path / "d.jsonl"
    rows = [
        {"headline": "H1", "maintext": "Body one", "link": "u1", "published_at": "2024-01-02",
         "authors": ["A", {"name": "B"}], "site": "x"},
        {"Title": "T2", "body": ["p1", "p2"], "URL": "u2", "published": 1700000000},
    ]
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    (a, b), problems = records(f)
    assert (a.id, a.title, a.text, a.url, a.date, a.author) == (
        "d.jsonl#1", "H1", "Body one", "u1", "2024-01-02", "A, B")
    assert a.fields == {"site": "x"}
    assert (b.title, b.text, b.url, b.date) == ("T2", "p1\n\np2", "u2", "1700000000")
    assert problems == []


def test_jsonl_bad_lines_are_reported_with_line_numbers_and_skipped(tmp_path: Path) -> None:
    f = tmp_path / "d.jsonl"
    f.write_bytes(b'{"text": "one"}\r\n\n{"text": "two",\n[1, 2]\n{"text": "\xff"}\n'
                  b'   \n{"text": "five"}')
    recs, problems = records(f)
    assert [r.id for r in recs] == ["d.jsonl#1", "d.jsonl#5", "d.jsonl#7"]
    assert [r.text for r in recs] == ["one", "ÿ", "five"]
    # Not UTF-8: decoded by a guess, which the record says; no problem line.
    assert recs[1].warnings == ("not UTF-8: decoded as cp1252 (charset-normalizer)",)
    assert recs[0].warnings == ()
    assert len(problems) == 2
    assert problems[0].startswith(f"{f}:3: not valid JSON")
    assert problems[1].startswith(f"{f}:4: expected a JSON object, got list")
    assert all(p.endswith("skipped") for p in problems)


@pytest.mark.parametrize("doc", [
    [{"text": "a"}, {"text": "b"}],
    {"articles": [{"text": "a"}, {"text": "b"}]},
    {"meta": 1, "Items": [{"text": "a"}, {"text": "b"}]},
    {"data": [{"text": "a"}, {"text": "b"}]},
])
def test_json_array_or_object_holding_one(tmp_path: Path, doc: object) -> None:
    f = tmp_path / "d.json"
    f.write_text(json.dumps(doc, indent=2))
    recs, _ = records(f)
    assert [(r.id, r.text) for r in recs] == [("d.json#1", "a"), ("d.json#2", "b")]


def test_json_single_article_and_errors(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"title": "T", "content": "C"}))
    recs, _ = records(one)
    assert [(r.id, r.title, r.text) for r in recs] == [("one.json", "T", "C")]
    bad = tmp_path / "bad.json"
    bad.write_text('[{"text": "a"},\n {"text": }]')
    recs, problems = records(bad)  # one bad element is one error, as a bad line is
    assert [r.id for r in recs] == ["bad.json#1"]
    assert problems == [f"{bad}: element 2: not valid JSON (Expecting value at column 10); "
                        "skipped"]
    garbage = tmp_path / "garbage.json"
    garbage.write_text('{"text": \n oops}')
    with pytest.raises(DumpError,
                       match=r"garbage\.json: not valid JSON \(line 2, column 2: Expecting value"):
        records(garbage)
    odd = tmp_path / "odd.json"
    odd.write_text('{"count": 3}')
    with pytest.raises(DumpError, match="expected an array of objects"):
        records(odd)
    mixed = tmp_path / "mixed.json"
    mixed.write_text('[{"text": "a"}, 7]')
    recs, problems = records(mixed)
    assert [r.text for r in recs] == ["a"]
    assert problems == [f"{mixed}: element 2: expected a JSON object, got int; skipped"]


def test_jsonl_under_a_json_name_is_read_as_lines(tmp_path: Path) -> None:
    f = tmp_path / "d.json"
    f.write_text('{"text": "a"}\n{"text": "b"}\n')
    recs, _ = records(f)
    assert [(r.id, r.text) for r in recs] == [("d.json#1", "a"), ("d.json#2", "b")]


def test_csv_with_quoted_newlines_and_header_names(tmp_path: Path) -> None:
    f = tmp_path / "d.csv"
    f.write_text('\ufeffTitle,Text,url,extra\n'
                 'One,"line 1\n\nline ""3""",u1,e1\n'
                 '\n'
                 'Two,plain,u2,e2\n'
                 'Three,short\n', encoding="utf-8")
    recs, problems = records(f)
    assert [(r.id, r.title, r.text, r.url, r.fields) for r in recs] == [
        ("d.csv#1", "One", 'line 1\n\nline "3"', "u1", {"extra": "e1"}),
        ("d.csv#2", "Two", "plain", "u2", {"extra": "e2"}),
    ]
    assert problems == [f"{f}:7: row 3 has 2 fields, the header has 4; skipped"]


def test_tsv_and_semicolon_csv(tmp_path: Path) -> None:
    tsv = tmp_path / "d.tsv"
    tsv.write_text("title\tcontent\nA\tbody a\n")
    semi = tmp_path / "d.csv"
    semi.write_text("title;content\nB;body, with comma\n")
    assert [(r.title, r.text) for r in records(tsv)[0]] == [("A", "body a")]
    assert [(r.title, r.text) for r in records(semi)[0]] == [("B", "body, with comma")]


def test_csv_without_text_column_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "d.csv"
    f.write_text("name,score\nx,1\n")
    with pytest.raises(DumpError, match=r"d\.csv: no text column .*header has: name, score"):
        records(f)


def test_compressed_variants_and_lying_suffix(tmp_path: Path) -> None:
    line = b'{"title": "T", "text": "body"}\n'
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(line * 3))
    (tmp_path / "b.csv.bz2").write_bytes(bz2.compress(b"title,text\nT,body\n"))
    (tmp_path / "c.json.xz").write_bytes(lzma.compress(b'[{"title": "T", "text": "body"}]'))
    (tmp_path / "d.txt.gz").write_bytes(gzip.compress(b"T\n\nbody\n"))
    (tmp_path / "e.txt").write_bytes(gzip.compress(b"T\n\nbody\n"))  # gzip behind .txt
    (tmp_path / "f.jsonl").write_bytes(line)  # plain, named plainly
    recs, problems = records(tmp_path)
    assert problems == []
    assert [r.id for r in recs] == [
        "a.jsonl.gz#1", "a.jsonl.gz#2", "a.jsonl.gz#3", "b.csv.bz2#1", "c.json.xz#1",
        "d.txt.gz", "e.txt", "f.jsonl#1"]
    assert all("body" in r.text for r in recs)


def test_truncated_gzip_keeps_what_came_before(tmp_path: Path) -> None:
    f = tmp_path / "d.jsonl.gz"
    data = gzip.compress(b"".join(b'{"text": "row %d"}\n' % i for i in range(5000)))
    f.write_bytes(data[: len(data) // 2])
    recs, problems = records(f)
    assert 0 < len(recs) < 5000
    assert any("gz data damaged" in p for p in problems)


def test_zstd_without_zstandard_names_the_package(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "d.jsonl.zst"
    f.write_bytes(zstandard.ZstdCompressor().compress(b'{"text": "body"}\n'))
    monkeypatch.setitem(sys.modules, "zstandard", None)  # import fails as if not installed
    try:
        from compression import zstd  # type: ignore[import-not-found]  # noqa: F401
    except ImportError:
        with pytest.raises(DumpError, match=r"d\.jsonl\.zst: zstd-compressed, .*zstandard"):
            records(f)


def test_garbage_behind_the_zstd_magic_is_refused_on_one_line(tmp_path: Path) -> None:
    f = tmp_path / "d.jsonl.zst"
    f.write_bytes(b"\x28\xb5\x2f\xfd" + b"\x00" * 32)
    with pytest.raises(DumpError, match=r"d\.jsonl\.zst: corrupt zst data"):
        records(f)


def test_bad_paths(tmp_path: Path) -> None:
    with pytest.raises(DumpError, match="no such file or folder"):
        records(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(DumpError, match="folder holds no articles"):
        records(tmp_path / "empty")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    with pytest.raises(DumpError, match=r"photo\.txt: not a text file"):
        records(binary)


def test_folder_with_a_bad_file_still_opens_the_rest(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("good\n")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "c.json").write_text("[{broken")
    (tmp_path / "d.txt").write_bytes("caf\xe9 latin-1\n".encode("latin-1"))
    recs, problems = records(tmp_path)
    assert [r.id for r in recs] == ["a.txt", "d.txt"]
    assert recs[1].text == "café latin-1\n"
    assert recs[1].warnings == ("not UTF-8: decoded as cp1252 (charset-normalizer)",)
    assert any("c.json: not valid JSON" in p for p in problems)
    assert any("b.txt: not a text file (binary data" in p for p in problems)
    assert len(problems) == 2


def test_corrupt_compressed_text_in_a_folder_is_reported_not_raised(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("good\n")
    data = bytearray(lzma.compress(b"T\n\nbody of the article\n" * 20))
    data[40] ^= 0xFF  # damage inside the xz block: lzma raises its own LZMAError
    (tmp_path / "b.txt.xz").write_bytes(bytes(data))
    data = bytearray(bz2.compress(b"T\n\nbody\n" * 20))
    data[20] ^= 0xFF
    (tmp_path / "c.txt.bz2").write_bytes(bytes(data))
    recs, problems = records(tmp_path)
    assert [Path(r.id).name for r in recs] == ["a.txt"]
    assert any("b.txt.xz: corrupt xz data" in p for p in problems)
    assert any("c.txt.bz2: corrupt bz2 data" in p for p in problems)


@pytest.mark.parametrize("fmt", ["jsonl", "jsonl.gz", "jsonl.bz2", "jsonl.xz", "csv", "tsv",
                                 "json"])
def test_generated_dumps_round_trip_in_every_format(tmp_path: Path, fmt: str) -> None:
    articles = list(generate(40, seed=7, chars=1500))
    out = tmp_path / f"dump.{fmt}"
    write(iter(articles), fmt, str(out))
    recs, problems = records(out)
    assert problems == []
    assert [(r.title, r.text, r.url, r.date, r.author) for r in recs] == [
        (a["title"], a["text"], a["url"], a["date"], a["author"]) for a in articles]
    assert recs[0].fields["language"] == "id"


def test_generated_text_folder_round_trips(tmp_path: Path) -> None:
    articles = list(generate(12, seed=3, chars=800))
    write(iter(articles), "txt-folder", str(tmp_path / "f"))
    recs, _ = records(tmp_path / "f")
    assert sorted(r.text for r in recs) == sorted(as_txt(a) for a in articles)


def test_readers_are_positional(tmp_path: Path) -> None:
    f = tmp_path / "d.jsonl"
    f.write_text("".join(json.dumps({"text": f"t{i}"}) + "\n" for i in range(10)))
    (reader,) = open_readers(str(f))
    try:
        assert len(reader) == 10
        assert reader.record(7).text == "t7"
        assert reader.id_at(7) == "d.jsonl#8"
        assert reader.index_of("d.jsonl#8") == 7
        assert reader.index_of("d.jsonl#99") is None
    finally:
        reader.close()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_and_jsonl_are_read_with_a_warning(tmp_path: Path, encoding: str) -> None:
    (tmp_path / "a.txt").write_bytes("Judul\n\nIsi berita hari ini.\n".encode(encoding))
    recs, problems = records(tmp_path / "a.txt")
    assert [r.text for r in recs] == ["Judul\n\nIsi berita hari ini.\n"]
    assert recs[0].warnings[0].startswith("not UTF-8: decoded as utf")
    assert problems == []
    f = tmp_path / "b.jsonl"
    f.write_bytes('{"text": "x é"}\n{"text": "y"}\n'.encode(encoding))
    recs, problems = records(f)
    assert [r.text for r in recs] == ["x é", "y"]
    assert all(r.warnings[0].startswith("not UTF-8: decoded as utf") for r in recs)
    assert problems == []


def test_a_fifo_a_symlink_loop_and_an_empty_file_named_directly(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    with pytest.raises(DumpError, match=r"pipe\.jsonl: not a regular file or folder"):
        records(fifo)  # refused from its type: opening it would block
    loop = tmp_path / "loop.txt"
    loop.symlink_to("loop.txt")
    with pytest.raises(DumpError, match=r"loop\.txt: a broken link or a symlink loop"):
        records(loop)
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    with pytest.raises(DumpError, match=r"empty\.jsonl: empty file"):
        records(empty)


def test_limits_refuse_deep_and_large_records_before_parsing(tmp_path: Path) -> None:
    from tui.dumps.limits import DumpLimits

    f = tmp_path / "d.jsonl"
    f.write_text('{"text": "ok"}\n' + '{"text": [[[["deep"]]]]}\n' + '{"text": "' + "x" * 300
                 + '"}\n' + '{"text": "[[[[[[ in a string"}\n')
    problems: list[str] = []
    limits = DumpLimits(max_record_bytes=200, max_depth=3)
    recs = list(iter_records(str(f), problems.append, limits=limits))
    assert [r.text for r in recs] == ["ok", "[[[[[[ in a string"]
    assert problems == [
        f"{f}:2: nested deeper than 3 levels; skipped",
        f"{f}:3: record of 313 bytes is over the 200 bytes limit (dump.max_record_mb); "
        "skipped"]
    doc = tmp_path / "deep.json"
    doc.write_text("[" * 5000 + "]" * 5000 + "\n")
    recs, problems = records(doc)  # the array's one element, 4999 deep
    assert recs == []
    assert problems == [f"{doc}: element 1: nested deeper than 1000 levels; skipped"]
    doc.write_text('{"text": ' + "[" * 5000 + "]" * 5000 + "}")  # no array: parsed whole
    with pytest.raises(DumpError, match=r"deep\.json: nested deeper than 1000 levels"):
        records(doc)


def test_dump_limits_come_from_the_config_and_must_be_positive() -> None:
    from tui.config import load_config
    from tui.dumps.limits import MIB, DumpLimits

    assert load_config(None).dump_limits == DumpLimits()
    config = load_config(None, ["dump.max_record_mb=0.5", "dump.max_depth=50",
                                "dump.max_inflated_gb=0"])
    assert config.dump_limits.max_record_bytes == MIB // 2
    assert config.dump_limits.max_depth == 50
    assert config.dump_limits.max_inflated_bytes == DumpLimits().max_inflated_bytes
    assert config.problems == ("--set dump.max_inflated_gb: 'dump.max_inflated_gb' must be a "
                               "positive number, not 0",)
