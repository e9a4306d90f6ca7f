"""Any bytes given to each reader give records or error rows, never an exception (hypothesis)."""

from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.dumps.formats import DumpError, RecordError, iter_records
from tui.dumps.index import Dump
from tui.dumps.limits import DumpLimits, json_depth

# Pieces that reach the readers' interesting branches more often than uniform bytes do.
PIECES = [b"{", b"}", b"[", b"]", b'"', b"\\", b"\n", b"\r\n", b",", b":", b'"text"',
          b'"title"', b"1e999", b"9" * 40, b"\xff", b"\xfe", b"\x00", b"\xef\xbb\xbf",
          b"\xff\xfe", b"null", b"\t", b";", b"text,title\n", b"\x1b[2J", b"caf\xe9", b"x" * 50]
DATA = st.one_of(st.binary(max_size=1500),
                 st.lists(st.sampled_from(PIECES), max_size=120).map(b"".join),
                 st.lists(st.one_of(st.sampled_from(PIECES), st.binary(max_size=8)),
                          max_size=80).map(b"".join))
SUFFIXES = [".txt", ".jsonl", ".json", ".csv", ".jsonl.gz"]
LIMITS = DumpLimits(max_record_bytes=600, max_depth=20)
FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _read_all(path: Path) -> None:
    """Open the file as the reader and as analyse do, touching every row and record."""
    try:
        dump = Dump.open([str(path)], lambda _: None, limits=LIMITS)
    except DumpError:
        pass
    else:
        with dump:
            for i in range(len(dump)):
                row = dump.row(i)
                assert isinstance(row.title, str) and row.title
                try:
                    dump.record(i)
                except RecordError as exc:
                    assert "\n" not in str(exc)  # one line
                    assert row.error
                dump.content_hash(i)
    problems: list[str] = []
    try:
        for _ in iter_records(str(path), problems.append, limits=LIMITS):
            pass
    except DumpError as exc:
        problems.append(str(exc))
    assert all("\n" not in p for p in problems)


@pytest.mark.parametrize("suffix", SUFFIXES)
@FUZZ
@given(data=DATA)
def test_any_bytes_give_records_or_error_rows(suffix: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory(prefix="warta-fuzz-") as folder:
        path = Path(folder) / f"dump{suffix}"
        path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
        _read_all(path)


JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=5)),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.text(max_size=4), inner, max_size=3)),
    max_leaves=30)


def _depth(value: Any) -> int:
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    return 0


@settings(max_examples=200, deadline=None)
@given(value=JSON_VALUES)
def test_json_depth_matches_the_nesting_with_brackets_in_strings_ignored(value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False).encode()
    assert json_depth(text) == _depth(value)
