"""`warta analyse` on several processes and to Parquet: same lines, same messages, same order."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from batch_dumps import make_dump

from tui.batch import parquet
from tui.batch.progress import meter
from tui.cli import main


def analyse(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of `warta analyse --no-language --no-progress ARGV`."""
    code = main(["analyse", "--no-language", "--no-progress", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def dump(tmp_path: Path) -> list[str]:
    root = tmp_path / "dump"
    root.mkdir()
    return make_dump(root)


def test_two_jobs_give_exactly_what_one_gives(capsys: pytest.CaptureFixture[str],
                                              dump: list[str]) -> None:
    one = analyse(capsys, "--jobs", "1", *dump)
    two = analyse(capsys, "--jobs", "2", "--chunk", "4", *dump)
    assert two == one
    code, out, err = one
    docs = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(docs) == 29 + 7 + 9 + 8
    assert docs[0]["id"] == "news.jsonl#1" and docs[-1]["id"] == "table.csv#8"
    assert "news.jsonl:5: not valid JSON" in err and "empty.txt: empty file; skipped" in err
    assert "news.jsonl#10: mojibake repaired (ftfy)" in err
    assert "row 9 has 1 fields" in err


def test_a_failing_record_in_a_worker_is_one_line_and_the_run_goes_on(
        capsys: pytest.CaptureFixture[str], dump: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.text.pipeline import Pipeline

    real = Pipeline.analyse

    def flaky(self: Pipeline, record: Any, **kw: Any) -> Any:
        if record.title in ("Berita 3", "CSV 5"):
            raise RuntimeError("boom")
        return real(self, record, **kw)

    monkeypatch.setattr(Pipeline, "analyse", flaky)  # the forked workers inherit it
    one = analyse(capsys, "--jobs", "1", *dump)
    two = analyse(capsys, "--jobs", "2", "--chunk", "3", *dump)
    assert two == one
    code, out, err = two
    assert code == 1
    assert "news.jsonl#4: analysis failed (RuntimeError: boom); skipped" in err
    assert "table.csv#6: analysis failed (RuntimeError: boom); skipped" in err
    assert len(out.splitlines()) == 29 + 7 + 9 + 8 - 2


def test_a_missing_path_after_good_ones_keeps_their_output(
        capsys: pytest.CaptureFixture[str], dump: list[str], tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.jsonl")
    one = analyse(capsys, "--jobs", "1", dump[0], missing, dump[2])
    two = analyse(capsys, "--jobs", "2", "--chunk", "4", dump[0], missing, dump[2])
    assert two == one
    code, out, err = one
    assert code == 2 and len(out.splitlines()) == 29
    assert err.rstrip().endswith(f"warta: {missing}: no such file or folder")


def test_parquet_file_and_parts_read_back_as_the_json_lines(
        capsys: pytest.CaptureFixture[str], dump: list[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = analyse(capsys, "--jobs", "1", *dump)
    expected = [json.loads(line) for line in out.splitlines()]
    assert any("fields" in d for d in expected) and any(d["meta"]["boilerplate"]
                                                          for d in expected)
    single = tmp_path / "out.parquet"
    assert analyse(capsys, "--jobs", "2", "--chunk", "5", *dump, "-o", str(single)) == (
        code, "", err + f"warta: wrote {len(expected)} articles to Parquet {single}\n")
    assert list(parquet.documents(single)) == expected
    monkeypatch.setattr(parquet, "ROW_GROUP", 7)
    monkeypatch.setattr(parquet, "ROWS_PER_PART", 20)
    parts = tmp_path / "parts"
    assert analyse(capsys, "--jobs", "2", *dump, "-o", f"{parts}/")[0] == code
    assert len(parquet.part_files(parts)) == 3
    assert list(parquet.documents(parts)) == expected
    lines = tmp_path / "out.jsonl"
    assert analyse(capsys, *dump, "-o", str(lines))[0] == code
    assert lines.read_text(encoding="utf-8") == out


def test_parquet_columns_are_the_contract_fields(capsys: pytest.CaptureFixture[str],
                                                 dump: list[str], tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    analyse(capsys, dump[0], "-o", str(tmp_path / "o.parquet"))
    schema = pq.read_schema(tmp_path / "o.parquet")
    assert schema.names == ["id", "title", "language", "language_confidence", "meta",
                            "blocks", "warnings", "fields"]
    assert str(schema.field("blocks").type).startswith("list<element: struct<kind: string")


def test_a_lone_surrogate_neither_crashes_json_lines_nor_parquet(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    f = tmp_path / "s.jsonl"
    f.write_text('{"title": "A\\ud800", "text": "Hello \\udc00 world.\\n\\nMore."}\n')
    code, out, _ = analyse(capsys, str(f))
    assert code == 0 and json.loads(out)["title"] == "A\ud800"
    code, _, _ = analyse(capsys, str(f), "-o", str(tmp_path / "s.parquet"))
    assert code == 0
    assert [d["title"] for d in parquet.documents(tmp_path / "s.parquet")] == ["A\ufffd"]


def test_output_problems_are_one_line_and_exit_2(capsys: pytest.CaptureFixture[str],
                                                 dump: list[str], tmp_path: Path) -> None:
    code, out, err = analyse(capsys, dump[0], "-o", str(tmp_path / "out.txt"))
    assert (code, out) == (2, "") and err.count("\n") == 1 and ".jsonl or .parquet" in err
    parts = tmp_path / "parts"
    assert analyse(capsys, dump[0], "-o", f"{parts}/")[0] == 0
    code, _, err = analyse(capsys, dump[0], "-o", f"{parts}/")
    assert code == 2 and "already holds part-*.parquet" in err and err.count("\n") == 1
    code, _, err = analyse(capsys, "--scheduler", "local", "-")
    assert code == 2 and "standard input" in err and err.count("\n") == 1
    code, _, err = analyse(capsys, "--jobs", "0", dump[0])
    assert code == 2 and err.count("\n") == 1


@pytest.mark.parametrize(("module", "argv", "extra"), [
    ("pyarrow", ["-o", "x.parquet"], "warta[parquet]"),
    ("distributed", ["--scheduler", "local"], "warta[dask]"),
])
def test_a_missing_extra_is_named(capsys: pytest.CaptureFixture[str], dump: list[str],
                                  monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                  module: str, argv: list[str], extra: str) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # import raises ImportError
    monkeypatch.chdir(tmp_path)
    code, out, err = analyse(capsys, *argv, dump[0])
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and f"pip install '{extra}'" in err


def test_the_progress_bar_counts_records_with_a_rate() -> None:
    stream = io.StringIO()
    with meter(20, stream, force=True) as bar:
        for _ in range(4):
            bar.advance(5)
    shown = stream.getvalue()
    assert "20/20" in shown and "records" in shown and "ETA" in shown


def test_no_progress_bar_when_stderr_is_not_a_terminal() -> None:
    stream = io.StringIO()
    with meter(20, stream) as bar:
        bar.advance(20)
    assert stream.getvalue() == ""


def test_a_worker_that_dies_stops_the_run_in_one_line(
        capsys: pytest.CaptureFixture[str], dump: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from tui.text.pipeline import Pipeline

    real = Pipeline.analyse
    parent = os.getpid()

    def dying(self: Pipeline, record: Any, **kw: Any) -> Any:
        if record.title == "Berita 20" and os.getpid() != parent:
            os._exit(9)  # as if killed (out of memory)
        return real(self, record, **kw)

    monkeypatch.setattr(Pipeline, "analyse", dying)
    code, out, err = analyse(capsys, "--jobs", "2", "--chunk", "4", dump[0])
    assert code == 1 and 0 < len(out.splitlines()) < 29
    assert err.splitlines()[-1].startswith("warta: a worker process stopped unexpectedly")
    assert "Traceback" not in err


def test_tasks_shrink_for_a_small_dump_so_every_worker_has_several() -> None:
    from tui.batch.run import chunk_for

    assert chunk_for(100_000, 2, 64, 8) == 64
    assert chunk_for(200, 2, 64, 8) == 25  # 8 tasks for 2 workers
    assert chunk_for(20, 2, 64, 16) == 16
    assert chunk_for(None, 2, 64, 8) == 64  # a stream
    assert chunk_for(3_000, 2, 1000, 64) == 375


def test_only_a_plain_file_is_cut_into_byte_ranges_for_workers(tmp_path: Path) -> None:
    import gzip

    from tui.batch.plan import _reads_the_file
    from tui.dumps.formats import open_file

    lines = "".join(json.dumps({"title": f"t{i}", "text": f"body {i}"}) + "\n"
                    for i in range(5))
    plain, packed = tmp_path / "a.jsonl", tmp_path / "b.jsonl.gz"
    plain.write_text(lines)
    packed.write_bytes(gzip.compress(lines.encode()))
    a, b = open_file(plain, str(plain)), open_file(packed, str(packed))
    try:
        assert _reads_the_file(a) and not _reads_the_file(b)  # gz bytes are not the records
    finally:
        a.close()
        b.close()
