"""The lazy Dump: positional access without parsing every record, caches, hashes, ids."""

from __future__ import annotations

import gzip
import hashlib
import json
import threading
from pathlib import Path

import pytest

import tui.dumps.formats as formats
from tui.dumps.formats import DumpError, RecordError
from tui.dumps.index import Dump, Row


def jsonl(path: Path, n: int) -> Path:
    path.write_text("".join(json.dumps({"title": f"Title {i}", "text": f"Body {i}\n"}) + "\n"
                            for i in range(n)))
    return path


class CountingLoads:
    def __init__(self) -> None:
        self.calls = 0
        self.real = json.loads

    def __call__(self, s: str | bytes) -> object:
        self.calls += 1
        return self.real(s)


def test_opening_a_jsonl_parses_no_record(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    counter = CountingLoads()
    monkeypatch.setattr(formats.json, "loads", counter)
    f = jsonl(tmp_path / "d.jsonl", 2000)
    with Dump.open([str(f)]) as dump:
        assert len(dump) == 2000
        assert counter.calls == 0
        assert dump.row(1500) == Row("d.jsonl#1501", "Title 1500")
        assert counter.calls == 1
        dump.row(1500)
        dump.record(1500)
        assert counter.calls == 1  # both cached
        assert dump.id_at(1999) == "d.jsonl#2000"
        assert counter.calls == 1


def test_records_in_order_across_paths_and_negative_index(tmp_path: Path) -> None:
    a = jsonl(tmp_path / "a.jsonl", 3)
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "x.txt").write_text("X title\n\nx body\n")
    (folder / "y.txt").write_text("\n\nY title\n")
    with Dump.open([str(a), str(folder)]) as dump:
        assert [dump.row(i).title for i in range(len(dump))] == [
            "Title 0", "Title 1", "Title 2", "X title", "Y title"]
        # Ids are relative to the paths' common folder, whatever the spelling.
        assert dump.record(-1).id == "f/y.txt"
        with pytest.raises(IndexError):
            dump.record(5)
        assert dump.name == "a.jsonl +1"
        assert dump.index_of("f/x.txt") == 3
        assert dump.index_of("a.jsonl#2") == 1
        # Ids saved under the old scheme (the path as spelled) are still found.
        assert dump.index_of(str(folder / "x.txt")) == 3
        assert dump.index_of(f"{a}#2") == 1
        assert dump.index_of("elsewhere#1") is None


def test_content_hash_is_sha1_of_the_record_text(tmp_path: Path) -> None:
    f = jsonl(tmp_path / "d.jsonl", 5)
    with Dump.open([str(f)]) as dump:
        assert dump.content_hash(3) == hashlib.sha1(b"Body 3\n").hexdigest()


def test_compressed_jsonl_is_inflated_once_and_indexed(tmp_path: Path) -> None:
    plain = jsonl(tmp_path / "d.jsonl", 300)
    packed = tmp_path / "d.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    with Dump.open([str(packed)]) as dump:
        assert len(dump) == 300
        assert dump.record(299).text == "Body 299\n"
        assert dump.record(0).id == "d.jsonl.gz#1"


def test_a_bad_line_becomes_an_error_row_reported_once(tmp_path: Path) -> None:
    f = tmp_path / "d.jsonl"
    f.write_text('{"text": "ok"}\n{"text": oops}\n{"text": "ok too"}\n')
    problems: list[str] = []
    with Dump.open([str(f)], problems.append) as dump:
        assert len(dump) == 3
        with pytest.raises(RecordError, match=rf"^{f}:2: not valid JSON") as caught:
            dump.record(1)
        assert caught.value.raw == '{"text": oops}'
        with pytest.raises(RecordError):
            dump.record(1)
        row = dump.row(1)
        assert row == Row("d.jsonl#2", "line 2: not valid JSON (Expecting value at column 10)",
                          error=True)
        assert not dump.row(0).error
        assert dump.record(2).text == "ok too"
        assert dump.content_hash(1) == hashlib.sha1(b'{"text": oops}').hexdigest()
    assert len(problems) == 1


def test_open_reports_bad_paths_and_keeps_the_good(tmp_path: Path) -> None:
    good = jsonl(tmp_path / "d.jsonl", 2)
    problems: list[str] = []
    with Dump.open([str(tmp_path / "missing"), str(good)], problems.append) as dump:
        assert len(dump) == 2
    assert problems == [f"{tmp_path / 'missing'}: no such file or folder"]
    with pytest.raises(DumpError, match="no such file"):
        Dump.open([str(tmp_path / "missing")])
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n")
    with pytest.raises(DumpError, match="no articles found"):
        Dump.open([str(empty)])


def test_csv_rows_are_read_on_demand(tmp_path: Path) -> None:
    f = tmp_path / "d.csv"
    f.write_text("title,text\n" + "".join(f'T{i},"line a\nline {i}"\n' for i in range(100)))
    with Dump.open([str(f)]) as dump:
        assert len(dump) == 100
        assert dump.record(42).text == "line a\nline 42"
        assert dump.row(99) == Row("d.csv#100", "T99")


def test_reading_from_threads_gives_the_same_records(tmp_path: Path) -> None:
    f = jsonl(tmp_path / "d.jsonl", 500)
    errors: list[str] = []
    with Dump.open([str(f)]) as dump:
        def worker(offset: int) -> None:
            for i in range(offset, 500, 7):
                if dump.record(i).text != f"Body {i}\n" or dump.row(i).title != f"Title {i}":
                    errors.append(f"mismatch at {i}")

        threads = [threading.Thread(target=worker, args=(k,)) for k in range(7)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert errors == []


def test_a_missing_path_beside_a_good_one_is_said_and_left_out_of_the_name(
        tmp_path: Path) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text('{"title": "Harbour reopens", "text": "Ships returned on Monday."}\n')
    problems: list[str] = []
    with Dump.open([str(good), str(tmp_path / "nope.jsonl")], problems.append) as dump:
        assert (dump.name, len(dump)) == ("good.jsonl", 1)
    assert problems == [f"{tmp_path / 'nope.jsonl'}: no such file or folder"]


@pytest.mark.parametrize(("text", "title"), [
    ("Beranda\nNasional\nBanjir Rendam Tiga Desa di Bandung\n\nHujan deras sejak pagi.",
     "Banjir Rendam Tiga Desa di Bandung"),
    ("Home | News | Business\nSkip to main content\nOil slips as supply worries grow\n",
     "Oil slips as supply worries grow"),
    ("Inicio > España > Transporte\nEl tren llega a Teruel\nEl servicio empieza hoy.",
     "El tren llega a Teruel"),
    ("Only one sentence here, and it ends.", "Only one sentence here, and it ends."),
])
def test_a_text_file_row_is_titled_by_its_first_headline_like_line(
        tmp_path: Path, text: str, title: str) -> None:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    with Dump.open([str(tmp_path)]) as dump:
        assert dump.row(0).title == title


def test_the_lru_keeps_what_was_used_last() -> None:
    from tui.dumps.lru import Lru

    cache: Lru[str, int] = Lru(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # a hit: "a" is now the most recent
    cache.put("c", 3)
    assert list(cache) == ["a", "c"] and cache.get("b") is None
