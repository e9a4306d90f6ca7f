"""The real seed article classifies line by line exactly as docs/CONTRACT.md lists."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tui.config import load_config
from tui.text.model import Record
from tui.text.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
SEED = "seeds/000_7a6cb31184455393.txt"
WARTA = Path(sys.executable).parent / "warta"

# (first line, last line) -> (kind, reason) for every non-paragraph line.
EXPECTED: dict[int, tuple[str, str | None]] = {
    1: ("title", None),
    3: ("boilerplate", "caption"),
    4: ("boilerplate", "caption"),
    18: ("boilerplate", "related"),
    24: ("heading", None),
    38: ("boilerplate", "related"),
    46: ("heading", None),
    54: ("boilerplate", "related"),
    70: ("boilerplate", "credit"),
    72: ("boilerplate", "share"),
    73: ("boilerplate", "navigation"),
}


def _by_line(doc: dict[str, Any]) -> dict[int, tuple[str, str | None]]:
    out: dict[int, tuple[str, str | None]] = {}
    for block in doc["blocks"]:
        first, last = block["lines"]
        for n in range(first, last + 1):
            assert n not in out, f"line {n} is in two blocks"
            out[n] = (block["kind"], block["reason"])
    return out


def _check(doc: dict[str, Any]) -> None:
    lines = (ROOT / SEED).read_text(encoding="utf-8").splitlines()
    non_blank = [n for n, text in enumerate(lines, 1) if text.strip()]
    got = _by_line(doc)
    assert sorted(got) == non_blank, "every non-blank line lands in exactly one block"
    for n in non_blank:
        want = EXPECTED.get(n, ("paragraph", None))
        assert got[n] == want, f"line {n}: {lines[n - 1][:50]!r}"
    paragraphs = [n for n in non_blank if got[n][0] == "paragraph"]
    assert len(paragraphs) == 27
    assert doc["meta"]["dateline"] == "Moskow"
    assert doc["meta"]["publisher"] == "EGINDO.co"
    assert doc["meta"]["credit"] == "CNA/SL"
    assert doc["title"] == "Kim Jong Un Kunjungi Pabrik Penerbangan Militer Di Rusia"
    assert doc["meta"]["boilerplate"] == {
        "caption": 2, "related": 3, "credit": 1, "share": 1, "navigation": 1,
    }


@pytest.mark.skipif(not WARTA.exists(), reason="the warta console script is not installed")
def test_seed_through_warta_analyse() -> None:
    proc = subprocess.run([str(WARTA), "analyse", SEED], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(rows) == 1
    _check(rows[0])
    assert rows[0]["language"] == "id"
    assert rows[0]["id"] == Path(SEED).name  # a file named alone: its name, however spelled


def test_seed_through_pipeline() -> None:
    text = (ROOT / SEED).read_text(encoding="utf-8")
    doc = Pipeline(load_config().analysis).analyse(Record(SEED, text))
    _check(doc.to_dict())
    assert doc.language == "id"
    # Words are counted over content only: no "Baca Juga" or "Bagikan" in them.
    assert all(b.kind.value != "boilerplate" for b in doc.content_blocks)
    assert doc.meta.words > 500


def test_seed_is_the_real_article_byte_for_byte() -> None:
    data = (ROOT / SEED).read_bytes()
    assert data.startswith(b"Kim Jong Un Kunjungi Pabrik Penerbangan Militer Di Rusia\n")
    assert data.endswith(b"Bagikan :\nScroll to Top")
    assert len(data.splitlines()) == 73
