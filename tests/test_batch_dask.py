"""`warta analyse --scheduler` on a real Dask LocalCluster: the same bytes as the local run."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from batch_dumps import make_dump

from tui.batch import parquet
from tui.cli import main

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A scheduler and two worker processes on 127.0.0.1 (free ports, the dashboard too)."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", scheduler_port=0,
                                  dashboard_address="127.0.0.1:0",
                                  silence_logs=logging.ERROR) as cluster:
        yield cluster.scheduler_address


@pytest.fixture
def dump(tmp_path: Path) -> list[str]:
    root = tmp_path / "dump"
    root.mkdir()
    return make_dump(root)


def analyse(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["analyse", "--no-language", "--no-progress", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_cluster_gives_the_local_bytes(capsys: pytest.CaptureFixture[str],
                                           dump: list[str], scheduler: str) -> None:
    local = analyse(capsys, "--jobs", "1", *dump)
    assert local[0] == 0
    # Chunks of 4: byte ranges of the JSON Lines index, slices of the folder's text files,
    # ranges of the gzip and CSV files, each read by the worker from the path.
    assert analyse(capsys, "--scheduler", scheduler, "--chunk", "4", *dump) == local


def test_the_workers_write_parquet_parts_that_read_back_as_the_lines(
        capsys: pytest.CaptureFixture[str], dump: list[str], scheduler: str,
        tmp_path: Path) -> None:
    code, out, err = analyse(capsys, "--jobs", "1", *dump)
    parts = tmp_path / "parts"
    got = analyse(capsys, "--scheduler", scheduler, "--chunk", "8", *dump, "-o", f"{parts}/")
    assert got == (code, "", err + f"warta: wrote {len(out.splitlines())} articles to "
                                   f"Parquet parts in {parts}\n")
    assert len(parquet.part_files(parts)) > 2
    assert list(parquet.documents(parts)) == [json.loads(line) for line in out.splitlines()]


def test_a_path_the_workers_cannot_read_fails_the_run_in_one_line_per_part(
        capsys: pytest.CaptureFixture[str], dump: list[str], scheduler: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.batch import run

    news = Path(dump[0])
    original = news.read_bytes()
    planned = run.path_tasks

    def vanishing(*args: Any, **kw: Any) -> Iterator[Any]:
        tasks = list(planned(*args, **kw))  # the client has indexed the file ...
        news.unlink()  # ... which is gone before the workers read it
        return iter(tasks)

    monkeypatch.setattr(run, "path_tasks", vanishing)
    try:
        code, out, err = analyse(capsys, "--scheduler", scheduler, "--chunk", "16", dump[0])
    finally:
        news.write_bytes(original)
    assert (code, out) == (1, "")
    assert err.count("cannot read (No such file or directory) on ") == 2
    assert err.count("\n") == 2 and "16 records skipped" in err


def test_scheduler_local_starts_its_own_cluster(capsys: pytest.CaptureFixture[str],
                                                dump: list[str]) -> None:
    local = analyse(capsys, "--jobs", "1", dump[1])
    assert analyse(capsys, "--scheduler", "local", "--jobs", "2", "--chunk", "3",
                   dump[1]) == local
