"""Inputs `make fuzz` (tools/fuzz.py) found that once broke a reader or the pipeline.

Each is kept under tests/data/fuzz/ and asserted here as it should behave.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tui.dumps.formats import iter_records, open_file
from tui.dumps.sniff import DumpError

ROOT = Path(__file__).resolve().parent.parent
FOUND = ROOT / "tests" / "data" / "fuzz"


def opens_or_refuses(path: Path) -> None:
    """A reader may refuse a file only with DumpError (one line naming it)."""
    with contextlib.suppress(DumpError):
        open_file(path, str(path)).close()
    with contextlib.suppress(DumpError):
        for _ in iter_records(str(path)):
            pass


def test_tsv_header_that_is_not_utf8() -> None:
    opens_or_refuses(FOUND / "tsv_header_not_utf8.tsv")


def test_gzip_whose_first_block_is_bad_deflate_is_refused_on_one_line() -> None:
    # zlib.error is neither OSError nor ValueError: it once escaped the sniffing.
    path = FOUND / "deflate_bad_distance.jsonl.gz"
    with pytest.raises(DumpError, match=r"deflate_bad_distance\.jsonl\.gz: corrupt gz data"):
        open_file(path, str(path))


def test_tsv_header_with_a_bare_carriage_return() -> None:
    opens_or_refuses(FOUND / "tsv_header_bare_newline.tsv.xz")


def test_csv_header_with_a_quoted_newline_is_refused_on_one_line() -> None:
    path = FOUND / "csv_header_quoted_newline.csv"
    with pytest.raises(DumpError) as refused:
        open_file(path, str(path)).close()
    message = str(refused.value)
    assert "no text column" in message and "\n" not in message
    assert "\\x1b" in message  # the header's control characters shown as escapes


ANALYSE = textwrap.dedent("""
    import sys
    from tui.config import load_config
    from tui.text.model import Record
    from tui.text.pipeline import Pipeline
    text = open(sys.argv[1], "rb").read().decode("utf-8", "replace")
    Pipeline(load_config().analysis).analyse(Record("fuzz", text))
""")


def test_a_run_of_angle_brackets_is_analysed_in_bounded_time() -> None:
    """Analysing the 1 KiB article takes well under a second; the hang took minutes."""
    try:
        done = subprocess.run([sys.executable, "-c", ANALYSE,
                               str(FOUND / "breadcrumb_backtracking.txt")], cwd=ROOT,
                              timeout=20, capture_output=True, text=True, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail("analysis still running after 20 s")
    assert done.returncode == 0, done.stderr
