"""JSON arrays indexed by offset: the scanner agrees with json.loads however the document is
cut into chunks, and a big array opens at once and grows, plain or compressed, with the
same ids and records as the document parsed whole."""

from __future__ import annotations

import bz2
import gzip
import itertools
import json
import lzma
import random
from pathlib import Path
from typing import Any

import pytest
import zstandard

from tui.dumps import background, scan_cache
from tui.dumps.array_scan import ArrayScanner
from tui.dumps.fields import LIST_KEYS
from tui.dumps.formats import iter_records, record_from_mapping
from tui.dumps.index import Dump
from tui.dumps.json_array import element_bytes

TRICKY = [
    {"text": 'quote \\" and ] and } and [ and { inside', "n": 1},
    {"text": "a backslash at the end \\", "title": "\\\\"},
    {"text": "escaped quote at the end \"", "tags": ["a", "b]", {"x": [1, [2, "]"]]}]},
    {"text": "unicode caf\u00e9 \u201cquoted\u201d \u2603", "nested": {"a": {"b": {"c": []}}}},
    {"text": "", "empty": {}, "list": []},
    "a string element",
    17,
    None,
    [{"text": "an array element"}],
]


def _elements(doc: bytes, cuts: list[int]) -> tuple[list[Any], list[str], bool]:
    """The elements the scanner finds in `doc` fed in pieces cut at `cuts`, parsed."""
    scanner = ArrayScanner("doc.json")
    edges = [0, *cuts, len(doc)]
    for a, b in itertools.pairwise(edges):
        scanner.feed(doc[a:b])
    offsets = scanner.finish()
    count = scanner.count
    found = []
    for k in range(count):
        start, end = offsets.span(k)
        found.append(json.loads(element_bytes(doc[start:end]).decode("utf-8-sig")))
    return found, scanner.notes, scanner.closed


def _documents() -> list[tuple[bytes, list[Any]]]:
    """(document bytes, its elements): compact, indented, a BOM, an object holding them."""
    docs = [json.dumps(TRICKY).encode(),
            json.dumps(TRICKY, indent=2, ensure_ascii=False).encode(),
            b"\xef\xbb\xbf \r\n" + json.dumps(TRICKY, ensure_ascii=False).encode() + b"\n",
            json.dumps({"meta": {"items": [1, 2], "note": "\"articles\": ["}, "x": [0],
                        "Articles": TRICKY, "after": [3]}).encode()]
    return [(doc, TRICKY) for doc in docs]


@pytest.mark.parametrize("case", range(4))
def test_every_cut_point_gives_the_elements_json_loads_gives(case: int) -> None:
    doc, expected = _documents()[case]
    assert _elements(doc, []) == (expected, [], True)
    for cut in range(1, len(doc)):
        assert _elements(doc, [cut]) == (expected, [], True), cut
    rng = random.Random(case)
    for _ in range(200):
        cuts = sorted(rng.sample(range(1, len(doc)), rng.randint(2, 40)))
        assert _elements(doc, cuts) == (expected, [], True), cuts
    assert _elements(doc, list(range(1, len(doc)))) == (expected, [], True)  # byte by byte


def test_backslash_runs_cut_anywhere() -> None:
    values = ["\\" * n + tail for n in range(7) for tail in ('"', "]", "", "x")]
    doc = json.dumps([{"text": v} for v in values]).encode()
    expected = [{"text": v} for v in values]
    for cut in range(1, len(doc)):
        assert _elements(doc, [cut])[0] == expected, cut


@pytest.mark.parametrize(("doc", "kept", "note"), [
    (b'[{"text": "a"}, {"text": "b"', 1, "at byte 28 (the file ends inside the array)"),
    (b'[{"text": "a"}, {"text": "b"}', 2, "at byte 29 (the file ends inside the array)"),
    (b'[{"text": "a"},, {"text": "b"}]', 1, "at byte 15 (an empty element)"),
    (b'[{"text": "a"},\n]', 1, "at byte 16 (an empty element)"),
    (b'[{"text": "a", "b": [1]},{"text": "c"},]', 2, "at byte 39 (an empty element)"),
    (b'[{"text": "a"}}, {"text": "b"}]', 1, "at byte 14 (a } where the array should go on)"),
    (b'[{"text": "a"}] [{"text": "b"}]', 1, "at byte 16 (more data after the document)"),
    (b'{"articles": [{"text": "a"}, {"text": "b\\"', 1, "(the file ends inside the array)"),
])
def test_a_broken_array_keeps_the_elements_before_the_break(doc: bytes, kept: int,
                                                             note: str) -> None:
    for cut in range(1, len(doc)):
        found, notes, _ = _elements(doc, [cut])
        assert len(found) == kept and all(isinstance(e, dict) for e in found), cut
        assert len(notes) == 1 and note in notes[0], (cut, notes)
        assert notes[0].startswith("doc.json: not valid JSON: the array breaks off at byte ")


def test_the_key_holding_the_array_is_one_of_the_list_keys() -> None:
    for key in LIST_KEYS:
        doc = json.dumps({"other": [{"text": "no"}], key.upper(): [{"text": "yes"}]}).encode()
        assert _elements(doc, [])[0] == [{"text": "yes"}]
    escaped = b'{"\\u0061rticles": [{"text": "yes"}]}'
    assert _elements(escaped, [])[0] == [{"text": "yes"}]
    assert _elements(b'{"text": "one article", "tags": ["a"]}', [])[0] == []


# -- opening ----------------------------------------------------------------------------

COUNT = 2000


@pytest.fixture
def small_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    """A few kilobytes count as a big file; each step reads 16 KB."""
    monkeypatch.setattr(background, "FIRST_BYTES", 16 * 1024)
    monkeypatch.setattr(background, "STEP_BYTES", 16 * 1024)
    monkeypatch.setattr(scan_cache, "MIN_BYTES", 1)


def _articles(count: int = COUNT) -> list[Any]:
    out: list[Any] = []
    for n in range(count):
        if n == 1000:
            out.append(7)  # an element that is no article: one error row
        else:
            out.append({"title": f"Judul {n}", "text": f'Isi "berita" [{n}] \\ {{x}}. ' * 6})
    return out


def _old_ids(path: Path, doc: Any) -> list[str]:
    """The ids the document parsed whole gave: `name#N`, N the 1-based element."""
    items = doc if isinstance(doc, list) else next(v for v in doc.values() if isinstance(v, list))
    return [f"{path.name}#{n}" for n in range(1, len(items) + 1)]


PACK = {"plain": lambda b: b, "gz": gzip.compress, "bz2": bz2.compress, "xz": lzma.compress,
        "zst": lambda b: zstandard.ZstdCompressor().compress(b)}


@pytest.mark.parametrize("wrap", [False, True])
@pytest.mark.parametrize("packed", list(PACK))
def test_a_cold_open_shows_first_middle_and_last_and_grows(tmp_path: Path, small_steps: None,
                                                           packed: str, wrap: bool) -> None:
    items = _articles()
    doc: Any = {"source": "x", "articles": items} if wrap else items
    data = json.dumps(doc, indent=1).encode()
    path = tmp_path / ("d.json" if packed == "plain" else f"d.json.{packed}")
    path.write_bytes(PACK[packed](data))
    with Dump.open([str(path)], background=True) as dump:
        assert dump.scanning and 0 < len(dump) < COUNT
        assert dump.record(0).title == "Judul 0" and dump.id_at(0) == f"{path.name}#1"
        dump.start_scan()
        assert dump.wait_scanned(30)
        assert [dump.id_at(i) for i in range(len(dump))] == _old_ids(path, doc)
        for i in (0, COUNT // 2 - 1, COUNT - 1):
            rec = dump.record(i)
            expected = record_from_mapping(f"{path.name}#{i + 1}", items[i])
            assert (rec.id, rec.title, rec.text) == (expected.id, expected.title, expected.text)
        row = dump.row(1000)
        assert row.error and row.title == "element 1001: expected a JSON object, got int"
        assert dump.index_of(f"{path.name}#{COUNT}") == COUNT - 1
        assert dump.scan_problems() == []
    with Dump.open([str(path)], background=True) as again:  # from the scan cache, if kept
        again.start_scan()
        assert again.wait_scanned(30) and len(again) == COUNT
        assert again.record(COUNT - 1).title == f"Judul {COUNT - 1}"


def test_a_truncated_array_opens_up_to_the_break_said_once(tmp_path: Path,
                                                           small_steps: None) -> None:
    data = json.dumps(_articles(), indent=1).encode()
    for packed in ("plain", "gz"):
        path = tmp_path / f"cut-{packed}.json"
        cut = data[:len(data) * 2 // 3]
        path.write_bytes(cut if packed == "plain" else gzip.compress(cut))
        problems: list[str] = []
        with Dump.open([str(path)], problems.append, background=True) as dump:
            dump.start_scan()
            assert dump.wait_scanned(30)
            said = problems + dump.scan_problems()
            assert 0 < len(dump) < COUNT
            assert not dump.row(len(dump) - 1).error
            assert len(said) == 1 and "(the file ends inside the array)" in said[0], said
        problems.clear()
        recs = list(iter_records(str(path), problems.append))  # its index from the cache
        assert len(recs) == len(dump) - 1  # less the element that is no article
        assert sum("the array breaks off at byte" in p for p in problems) == 1, problems


def test_a_cut_gzip_array_is_said_once(tmp_path: Path, small_steps: None) -> None:
    packed = gzip.compress(json.dumps(_articles(), indent=1).encode())
    path = tmp_path / "cut.json.gz"
    path.write_bytes(packed[:len(packed) * 2 // 3])
    problems: list[str] = []
    with Dump.open([str(path)], problems.append, background=True) as dump:
        dump.start_scan()
        assert dump.wait_scanned(30)
        said = problems + dump.scan_problems()
        assert 0 < len(dump) < COUNT and not dump.row(len(dump) - 1).error
        assert len(said) == 1 and "damaged" in said[0], said


@pytest.mark.parametrize("name", ["d.json", "d.json.gz"])
def test_ids_are_those_of_the_document_parsed_whole(tmp_path: Path, name: str) -> None:
    docs: list[Any] = [
        [{"text": "a"}, {"text": "b"}],
        {"articles": [{"text": "a"}, {"text": "b"}]},
        {"meta": 1, "Items": [{"text": "a"}, {"text": "b"}]},
        {"data": [{"text": "a"}, {"text": "b"}]},
        TRICKY,
    ]
    for doc in docs:
        path = tmp_path / name
        data = json.dumps(doc, indent=2).encode()
        path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
        with Dump.open([str(path)]) as dump:
            assert [dump.id_at(i) for i in range(len(dump))] == _old_ids(path, doc)
            for i in range(len(dump)):
                assert dump.index_of(dump.id_at(i)) == i
