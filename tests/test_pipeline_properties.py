"""Property-based: whatever text comes in, the pipeline covers its lines and never raises."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.config import load_config
from tui.text.model import BlockKind, Record
from tui.text.pipeline import Pipeline

# Characters that matter to the pipeline: line breaks of every kind, controls, spaces,
# punctuation it reads, mojibake leads, letters and digits; plus any other character.
_PIECES = st.one_of(
    st.sampled_from(["\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029",
                     "\t", " ", "\u00a0", "\x00", "\x1b[31m", "#", "-", ".", ":", "|", "(",
                     ")", "»", "©", "â€™", "Ã©", "Â\xa0", "â€¨", "Baca juga:", "Jakarta",
                     "JAKARTA, KOMPAS.com -", "Presiden Joko Widodo", "12 Januari 2024",
                     "#stophoax #verifikasi"]),
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=30),
    st.builds(lambda ch, n: ch * n, st.characters(exclude_categories=("Cs",)),
              st.integers(1, 3000)),
)
TEXTS = st.lists(_PIECES, max_size=40).map("".join)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(replace(load_config().analysis, max_chars=5000))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(text=TEXTS, title=st.one_of(st.none(), st.text(max_size=20)))
def test_any_text_gives_blocks_covering_every_line_once(pipeline: Pipeline, text: str,
                                                        title: str | None) -> None:
    doc = pipeline.analyse(Record("p", text, title=title), detect_language=True)
    lines = text.splitlines()
    covered = [n for b in doc.blocks for n in range(b.lines[0], b.lines[1] + 1)]
    assert covered == [n for n, t in enumerate(lines, 1) if t.strip()]
    for b in doc.blocks:
        assert 1 <= b.lines[0] <= b.lines[1] <= len(lines)
        assert b.text.strip() and (b.kind is BlockKind.BOILERPLATE) == (b.reason is not None)
        for e in b.entities:
            assert 0 <= e.start < e.end <= len(b.text) and b.text[e.start:e.end] == e.text
    assert doc.meta.words >= 0
