"""Compiled boilerplate patterns are kept between runs and only ever loaded as patterns."""

from __future__ import annotations

import base64
import json
import os
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui import regex_cache
from tui.text import bounded_regex

PATTERN = r"^(baca|lihat) juga\b"


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache folder and a process that has compiled and learned nothing yet."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(bounded_regex, "_known", {})
    monkeypatch.setattr(bounded_regex, "_learned", {})
    monkeypatch.setattr(regex_cache, "_saved", 0)
    yield tmp_path


def _new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget what this process compiled, as a new process would."""
    monkeypatch.setattr(bounded_regex, "_known", {})
    monkeypatch.setattr(bounded_regex, "_learned", {})
    monkeypatch.setattr(regex_cache, "_saved", 0)


def test_a_pattern_compiled_once_is_loaded_next_time_without_compiling(
        fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = bounded_regex.compile_bounded(PATTERN, bounded_regex.IGNORECASE)
    assert len(bounded_regex.learned()) == 1
    regex_cache.save()
    assert regex_cache.cache_file().is_file()

    _new_process(monkeypatch)
    regex_cache.load()

    def no_compile(*_: object) -> None:
        raise AssertionError("compiled again although the program was kept")

    monkeypatch.setattr(bounded_regex.regex, "compile", no_compile)
    again = bounded_regex.compile_bounded(PATTERN, bounded_regex.IGNORECASE)
    assert bounded_regex.learned() == {}
    for line in ("Baca juga: Harga beras", "LIHAT JUGA", "Bacalah juga", "Tidak ada"):
        assert (first.match(line) is None) == (again.match(line) is None), line
    assert again.match("LIHAT JUGA") is not None


def test_a_damaged_file_only_means_compiling_again(
        fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = regex_cache.cache_file()
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    regex_cache.load()
    assert bounded_regex.compile_bounded(PATTERN).search("baca juga") is not None
    regex_cache.save()  # replaces the damaged file with a good one
    assert json.loads(path.read_text(encoding="utf-8"))[0][0] == PATTERN


class _Evil:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("echo owned",))


def test_an_entry_that_is_not_a_compiled_pattern_is_never_run(
        fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    flags = bounded_regex.IGNORECASE | bounded_regex.regex.VERSION0
    path = regex_cache.cache_file()
    path.parent.mkdir(parents=True)
    evil = base64.b64encode(pickle.dumps(_Evil())).decode("ascii")
    path.write_text(json.dumps([[PATTERN, flags, evil]]), encoding="utf-8")
    ran: list[object] = []
    monkeypatch.setattr(os, "system", lambda *a: ran.append(a))
    regex_cache.load()
    compiled = bounded_regex.compile_bounded(PATTERN, bounded_regex.IGNORECASE)
    assert ran == []
    assert compiled.match("Baca juga") is not None
    assert list(bounded_regex.learned()) == [(PATTERN, flags)]  # compiled from its source
