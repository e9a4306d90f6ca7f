"""The reader's analyser: a recogniser that cannot be built falls back to the built-in one."""

from __future__ import annotations

from pathlib import Path

from tui.analyser import PipelineAnalyser
from tui.config import load_config
from tui.text.model import Label, Record

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
