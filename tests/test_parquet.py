"""Parquet dumps: a file or a folder, random access across row groups, fields, bad files."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from tui.dumps import parquet as parquet_reader  # noqa: E402
from tui.dumps.fields import FieldNames  # noqa: E402
from tui.dumps.formats import DumpError, iter_records  # noqa: E402
from tui.dumps.index import Dump  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from generate import generate  # noqa: E402

ARTICLES = list(generate(50, seed=5, chars=400))


def write_parquet(path: Path, rows: list[dict[str, object]], group: int = 7) -> Path:
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=group)
    return path


def test_rows_round_trip_across_row_groups(tmp_path: Path) -> None:
    path = write_parquet(tmp_path / "news.parquet", ARTICLES)
    assert pq.ParquetFile(path).metadata.num_row_groups == 8
    problems: list[str] = []
    recs = list(iter_records(str(path), problems.append))
    assert problems == []
    assert [(r.id, r.title, r.text, r.url, r.date, r.author) for r in recs] == [
        (f"news.parquet#{i + 1}", a["title"], a["text"], a["url"], a["date"], a["author"])
        for i, a in enumerate(ARTICLES)]
    assert recs[0].fields["language"] == ARTICLES[0]["language"]


def test_random_access_keeps_only_a_few_row_groups(tmp_path: Path) -> None:
    path = write_parquet(tmp_path / "news.parquet", ARTICLES)
    with Dump.open([str(path)]) as dump:
        assert len(dump) == 50
        for i in (49, 0, 24, 35, 7, 42):
            assert dump.record(i).title == ARTICLES[i]["title"]
        reader = dump._readers[0]
        assert len(reader._groups) <= parquet_reader.ROW_GROUPS  # type: ignore[attr-defined]
        assert dump.index_of("news.parquet#25") == 24


def test_a_folder_of_parquet_files(tmp_path: Path) -> None:
    folder = tmp_path / "set"
    folder.mkdir()
    write_parquet(folder / "b.parquet", ARTICLES[20:])
    write_parquet(folder / "a.parquet", ARTICLES[:20])
    recs = list(iter_records(str(folder)))
    assert [r.title for r in recs] == [a["title"] for a in ARTICLES]
    assert recs[20].id == "b.parquet#1"


def test_named_columns_and_values_json_cannot_hold(tmp_path: Path) -> None:
    rows = [{"headline_x": "Named", "story": "The body.", "when": dt.datetime(2024, 5, 1, 12),
             "raw": b"\xffbytes", "tags": ["a", "b"]}]
    path = write_parquet(tmp_path / "odd.parquet", rows)
    names = FieldNames.named(text="story", title="headline_x")
    [rec] = list(iter_records(str(path), names=names))
    assert (rec.title, rec.text) == ("Named", "The body.")
    assert rec.fields["when"] == "2024-05-01 12:00:00"
    assert rec.fields["raw"] == "\ufffdbytes"
    json.dumps(rec.fields)  # the analysis output can hold every field


def test_no_text_column_is_refused_on_one_line(tmp_path: Path) -> None:
    path = write_parquet(tmp_path / "scores.parquet", [{"name": "x", "score": 1}])
    with pytest.raises(DumpError, match=r"scores\.parquet: no text column .*columns are: name, "
                                        "score"):
        list(iter_records(str(path)))


def test_a_damaged_parquet_file_is_refused_on_one_line(tmp_path: Path) -> None:
    good = write_parquet(tmp_path / "good.parquet", ARTICLES)
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(good.read_bytes()[:-100])
    with pytest.raises(DumpError, match=r"^\S*bad\.parquet: not a readable Parquet file \(.*\)$"):
        list(iter_records(str(bad)))


def test_without_pyarrow_the_error_names_the_extra(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_parquet(tmp_path / "news.parquet", ARTICLES[:2])
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(DumpError, match=r"news\.parquet: reading Parquet needs pyarrow: "
                                        r"pip install 'warta\[parquet\]'"):
        list(iter_records(str(path)))


def test_parquet_magic_behind_another_name(tmp_path: Path) -> None:
    path = write_parquet(tmp_path / "news.parquet", ARTICLES[:3])
    other = tmp_path / "news.data"
    other.write_bytes(path.read_bytes())
    assert [r.title for r in iter_records(str(other))] == [a["title"] for a in ARTICLES[:3]]


def _analysed(tmp_path: Path) -> tuple[Path, list[dict[str, object]]]:
    """The seeds analysed by `warta analyse -o X.parquet`, and the same as JSON Lines."""
    from tui.cli import main

    seeds = str(Path(__file__).resolve().parent.parent / "seeds")
    out = tmp_path / "analysed.parquet"
    assert main(["analyse", seeds, "-o", str(out), "--jobs", "1"]) == 0
    lines = tmp_path / "analysed.jsonl"
    assert main(["analyse", seeds, "-o", str(lines), "--jobs", "1"]) == 0
    return out, [json.loads(x) for x in lines.read_text(encoding="utf-8").splitlines()]


def test_an_analysis_written_as_parquet_opens_with_its_documents(tmp_path: Path) -> None:
    path, expected = _analysed(tmp_path)
    with Dump.open([str(path)]) as dump:
        assert len(dump) == len(expected)
        for i in (0, len(expected) - 1):
            assert dump.document(i) == expected[i]
            record = dump.record(i)
            assert record.title == expected[i]["title"]
            assert expected[i]["blocks"][0]["text"] in record.text


@pytest.mark.asyncio
async def test_the_reader_shows_an_analysed_parquet_without_analysing(tmp_path: Path) -> None:
    from app_fixtures import settle

    from tui.app import WartaApp
    from tui.config import load_config
    from tui.resources import bundled
    from tui.text.model import Document
    from tui.themes import load_themes
    from tui.widgets.article_view import ArticleView

    path, expected = _analysed(tmp_path)
    analysed: list[str] = []

    def analyse(record: object, detect: bool) -> Document:
        analysed.append(str(record))
        raise AssertionError("an analysed dump is not analysed again")

    app = WartaApp(Dump.open([str(path)]), load_config(None, []), analyser=analyse,
                   themes=load_themes([bundled("themes")]), state_file=tmp_path / "ui.yaml")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("J")
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.document is not None
        assert view.document.to_dict() == expected[1]
        assert analysed == []
