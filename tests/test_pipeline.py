"""The pipeline end to end: coverage of lines, metadata, record fields, the entities hook."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tui.config import load_config
from tui.dumps.formats import iter_records
from tui.text.entities import EntityRecogniser
from tui.text.model import BlockKind, Entity, Label, Record
from tui.text.pipeline import Pipeline, analyse

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(load_config().analysis)


def _unusable(message: str) -> None:
    raise ValueError(message)  # a seed the reader skips must fail the test, not vanish


@pytest.mark.parametrize("record", list(iter_records(str(SEEDS), _unusable)),
                         ids=lambda r: Path(r.id).name)
def test_every_non_blank_line_in_exactly_one_block(pipeline: Pipeline, record: Record) -> None:
    doc = pipeline.analyse(record, detect_language=False)
    lines = record.text.splitlines()
    covered = [n for b in doc.blocks for n in range(b.lines[0], b.lines[1] + 1)]
    assert covered == [n for n, t in enumerate(lines, 1) if t.strip()]
    for b in doc.blocks:
        source = " ".join(lines[n - 1].strip() for n in range(b.lines[0], b.lines[1] + 1))
        assert b.text == source
        if b.kind is BlockKind.BOILERPLATE:
            assert b.reason is not None and b.lines[0] == b.lines[1]
        else:
            assert b.reason is None
    per_reason = Counter(str(b.reason) for b in doc.blocks if b.reason is not None)
    assert doc.meta.boilerplate == dict(per_reason)


def test_words_and_minutes_count_content_only(pipeline: Pipeline) -> None:
    body = ("Judul Berita Yang Cukup Panjang\n\n"
            + "Kalimat berita yang panjang ini berisi dua belas kata dan berakhir dengan titik. "
            * 20)
    plain = pipeline.analyse(Record("a", body), detect_language=False)
    noisy = pipeline.analyse(Record("b", body + "\n\nBaca juga: Berita Lain Yang Menarik Sekali"
                                    "\n\nADVERTISEMENT\n\nBagikan :"), detect_language=False)
    assert noisy.meta.words == plain.meta.words == 5 + 13 * 20
    assert noisy.meta.reading_minutes == round(plain.meta.words / 200, 1)
    assert noisy.meta.boilerplate == {"related": 1, "advert": 1, "share": 1}


def test_record_fields_win_over_guesses(pipeline: Pipeline) -> None:
    rows = [json.loads(x) for x in (SEEDS / "006_wire.jsonl").read_text("utf-8").splitlines()]
    obj = rows[2]  # carries "Penulis: Dimas Pratama" in its text and an author field
    rec = Record("r", obj["text"], title=obj["title"], url=obj["url"], date=obj["date"],
                 author=obj["author"])
    doc = pipeline.analyse(rec, detect_language=False)
    assert doc.title == obj["title"]
    assert (doc.meta.author, doc.meta.url, doc.meta.date) == (obj["author"], obj["url"],
                                                              obj["date"])
    # Without the field, the byline supplies the author.
    doc = pipeline.analyse(replace(rec, author=None), detect_language=False)
    assert doc.meta.author == "Dimas Pratama"
    assert doc.meta.dateline == "Semarang" and doc.meta.publisher == "Wartakita.com"


def test_title_block_when_text_repeats_the_title_field(pipeline: Pipeline) -> None:
    obj = json.loads((SEEDS / "006_wire.jsonl").read_text("utf-8").splitlines()[0])
    doc = pipeline.analyse(Record("w", obj["text"], title=obj["title"]), detect_language=False)
    assert doc.blocks[0].kind is BlockKind.TITLE and doc.blocks[0].lines == (1, 1)
    assert doc.meta.dateline == "Cape Morrow" and doc.meta.publisher == "Harbour Wire"


def test_headings_and_meta_on_a_sample(pipeline: Pipeline) -> None:
    doc = pipeline.analyse(Record("s", (SEEDS / "003_de_hitzewelle.txt").read_text("utf-8")),
                           detect_language=False)
    assert [h.text for h in doc.headings] == ["Was die Städte anbieten", "Wer hilft wem?"]
    assert doc.title == "Hitzewelle: Kommunen öffnen Kühlräume für ältere Menschen"
    assert (doc.meta.dateline, doc.meta.publisher, doc.meta.credit, doc.meta.author) == (
        "Kassel", "ndp", "ndp", "Anna Berger")


class _Recorder:
    """An EntityRecogniser that records what it was given and tags each text's first word."""

    def __init__(self) -> None:
        self.calls: list[tuple[list[str], str | None]] = []

    def recognise(self, texts: Sequence[str], language: str | None) -> list[list[Entity]]:
        self.calls.append((list(texts), language))
        out = []
        for t in texts:
            word = t.split()[0]
            out.append([Entity(0, len(word), Label.PLACE, word)])
        return out


def test_entities_hook_gets_every_block_and_the_language(pipeline: Pipeline) -> None:
    recorder = _Recorder()
    local = Pipeline(load_config().analysis)
    hook: EntityRecogniser = recorder
    local.recogniser = hook
    text = (SEEDS / "000_7a6cb31184455393.txt").read_text("utf-8")
    doc = local.analyse(Record("seed", text))
    texts, language = recorder.calls[0]
    assert texts == [b.text for b in doc.blocks]
    assert language == "id"
    assert all(b.entities and b.entities[0].end == len(b.text.split()[0]) for b in doc.blocks)


def test_module_level_analyse_uses_the_cached_pipeline() -> None:
    settings = load_config().analysis
    doc = analyse(Record("x", "Sebuah Judul\n\nIsi berita yang cukup panjang untuk dibaca."),
                  settings)
    assert doc.title == "Sebuah Judul"


def _covered(doc: Any, text: str) -> None:
    """Every non-blank source line in exactly one block, with the right line numbers."""
    lines = text.splitlines()
    covered = [n for b in doc.blocks for n in range(b.lines[0], b.lines[1] + 1)]
    assert covered == [n for n, t in enumerate(lines, 1) if t.strip()]
    for b in doc.blocks:
        assert b.text == " ".join(lines[n - 1].strip() for n in range(b.lines[0], b.lines[1] + 1))


def test_mojibake_is_repaired_with_one_warning(pipeline: Pipeline) -> None:
    text = ("Harga minyak naik lagi\n\nItâ€™s a long sentence about the economy that people "
            "read every day.\nCafÃ© owners say â€œpricesâ€\x9d keep rising.\n")
    doc = pipeline.analyse(Record("m", text), detect_language=False)
    body = " ".join(b.text for b in doc.blocks)
    assert "It’s a long sentence" in body and "Café owners say “prices” keep" in body
    assert doc.warnings == ["mojibake repaired (ftfy)"]
    clean = pipeline.analyse(Record("c", "Judul\n\nIt’s fine: café, naïve, “quoted”."),
                             detect_language=False)
    assert clean.warnings == []


def test_record_warnings_come_first(pipeline: Pipeline) -> None:
    record = Record("w", "Judul\n\nItâ€™s here.", warnings=("not UTF-8: read as cp1252",))
    doc = pipeline.analyse(record, detect_language=False)
    assert doc.warnings == ["not UTF-8: read as cp1252", "mojibake repaired (ftfy)"]


def test_only_max_chars_are_analysed_and_the_rest_is_plain(pipeline: Pipeline) -> None:
    settings = replace(load_config().analysis, max_chars=300)
    small = Pipeline(settings)
    small.recogniser = pipeline.recogniser
    para = "Ini kalimat yang cukup panjang tentang ekonomi di Jakarta hari ini."
    text = ("Judul berita\n\n" + "\n\n".join(f"{para} ({n})" for n in range(20))
            + "\n  \nBaca juga: x")
    doc = small.analyse(Record("big", text), detect_language=False)
    assert doc.warnings == ["only the first 300 characters were analysed; "
                            "the rest is shown as plain text"]
    _covered(doc, text)
    cut = sum(1 for b in doc.blocks if b.entities or b.kind is not BlockKind.PARAGRAPH)
    assert cut >= 1  # the head was analysed (title at least)
    tail = [b for b in doc.blocks if b.lines[0] > 8]
    assert tail and all(b.kind is BlockKind.PARAGRAPH and not b.entities for b in tail)
    assert tail[-1].text == "Baca juga: x"  # not judged: plain text
    one_line = small.analyse(Record("one", "x" * 1000), detect_language=False)
    assert [b.kind for b in one_line.blocks] == [BlockKind.PARAGRAPH]
    assert one_line.title == "x" * 1000


def test_past_the_time_budget_the_article_is_plain_text(pipeline: Pipeline) -> None:
    slow = Pipeline(replace(load_config().analysis, time_budget=1e-9))
    text = "Judul berita\n\nBaca juga: lain\n\nIni kalimat isi tentang Jakarta.\n"
    doc = slow.analyse(Record("t", text, url="https://x"), detect_language=True)
    assert doc.warnings == ["analysis stopped after 1e-09 s: shown as plain text"]
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (BlockKind.PARAGRAPH, "Judul berita"), (BlockKind.PARAGRAPH, "Baca juga: lain"),
        (BlockKind.PARAGRAPH, "Ini kalimat isi tentang Jakarta.")]
    assert doc.title == "Judul berita" and doc.meta.url == "https://x"
    _covered(doc, text)
    titled = slow.analyse(Record("t", text, title="Given"), detect_language=False)
    assert titled.title == "Given"
