"""The reader's analyser: a recogniser that cannot be built falls back to the built-in one."""

from __future__ import annotations

from pathlib import Path

from tui.analyser import PipelineAnalyser
from tui.config import load_config
from tui.startup import EarlyAnalysis
from tui.text.model import Document, Label, Record

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_7a6cb31184455393.txt"


def test_unloadable_spacy_model_falls_back_to_rules_and_says_so_once() -> None:
    config = load_config(None, ["entities.backend=spacy", "entities.model=no_such_pipeline_xx"])
    analyser = PipelineAnalyser(config)
    record = Record("seed", SEED.read_text(encoding="utf-8"))
    document = analyser(record, True)
    people = {e.text for b in document.blocks for e in b.entities if e.label is Label.PERSON}
    assert "Vladimir Putin" in people
    notice = analyser.take_notice()
    assert notice is not None and "no_such_pipeline_xx" in notice and "built-in" in notice
    assert analyser.take_notice() is None
    analyser(record, True)
    assert analyser.take_notice() is None  # said once, not per article


def test_a_working_recogniser_gives_no_notice() -> None:
    analyser = PipelineAnalyser(load_config())
    analyser(Record("seed", SEED.read_text(encoding="utf-8")), True)
    assert analyser.take_notice() is None


def _seed_record() -> Record:
    return Record("seed", SEED.read_text(encoding="utf-8"))


def test_the_early_analysis_in_a_child_process_gives_the_quick_document() -> None:
    import tui.text.pipeline  # noqa: F401  (imported before the fork, as the reader does)

    analyser = PipelineAnalyser(load_config())
    early = EarlyAnalysis(analyser, 0, _seed_record())
    early._start_child()
    got = early.take(0, timeout=60)
    assert got is not None
    assert not analyser.warmed  # built in the child, not here
    assert got.to_dict() == analyser(_seed_record(), False).to_dict()
    assert got.language is None  # the quick pass
    assert early.take(1) is None  # another article is not this one's


def test_the_early_analysis_in_a_thread_gives_the_quick_document() -> None:
    analyser = PipelineAnalyser(load_config())
    early = EarlyAnalysis(analyser, 2, _seed_record()).start(fork=False)
    got = early.take(2, timeout=60)
    assert got is not None and analyser.warmed
    assert [b.kind for b in got.blocks] == [b.kind for b in analyser(_seed_record(), False).blocks]


def test_a_failed_early_analysis_leaves_the_article_to_the_worker() -> None:
    class Failing(PipelineAnalyser):
        def __call__(self, record: Record, detect_language: bool) -> Document:
            raise ValueError("bad record")

    for fork in (True, False):
        early = EarlyAnalysis(Failing(load_config()), 0, _seed_record())
        if fork:
            early._start_child()
        else:
            early.start(fork=False)
        assert early.take(0, timeout=60) is None
        assert early._done.is_set()


def test_the_plain_fallback_reads_at_the_configured_pace() -> None:
    record = Record("plain", " ".join(["kata"] * 600) + "\n\n" + " ".join(["lagi"] * 600))
    slow = PipelineAnalyser(load_config(None, ["analysis.words_per_minute=100"]))
    plain = slow.plain(record, "analysis failed (ValueError: x)")
    assert plain.meta.words == 1200 and plain.meta.reading_minutes == 12.0
    assert plain.warnings[-1] == "analysis failed (ValueError: x)"
    assert PipelineAnalyser(load_config()).plain(record, "x").meta.reading_minutes == 6.0
