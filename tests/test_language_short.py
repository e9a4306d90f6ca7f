"""Short texts: a language for the recogniser from n-grams and stopwords, under the dump's prior."""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from pathlib import Path

import pytest

from tui.batch.run import Options, first_pass
from tui.config import load_config
from tui.text import language
from tui.text.language_prior import MIN_VOTES, LanguagePrior
from tui.text.model import Entity, Record
from tui.text.ner_tagger import model_language
from tui.text.pipeline import Pipeline

ENGLISH = ("The council said on Monday that the new bridge would open next year, and that "
           "the work on the road to the harbour was going well despite the rain.")
INDONESIAN = ("Pemerintah daerah mengatakan bahwa jembatan baru itu akan dibuka tahun depan "
              "dan pekerjaan di jalan menuju pelabuhan berjalan dengan baik.")


class Listening:
    """A recogniser that finds nothing and keeps the language it was asked to read in."""

    def __init__(self) -> None:
        self.heard: list[str | None] = []

    def recognise(self, texts: Sequence[str], lang: str | None) -> list[list[Entity]]:
        self.heard.append(lang)
        return [[] for _ in texts]

    def warm_up(self) -> None:
        """Nothing to load."""

    def source(self, texts: Sequence[str], lang: str | None) -> str | None:
        return None


@pytest.mark.parametrize(("text", "code"), [
    ("He deserved respect", "en"),           # no word of the old function-word list
    ("What do you eat in Miramar?", "en"),
    ("Das ist gut, sagte er", "de"),
    ("Kerajaan berkata polis", "ms"),
    ("Ya, benar sekali", "id"),
])
def test_short_texts_get_their_language(text: str, code: str) -> None:
    guess = language.guess_short([text])
    assert guess is not None and guess.code == code
    assert 0.0 < guess.confidence <= 1.0


def test_no_letters_no_guess() -> None:
    assert language.guess_short([":-)", "12345"]) is None
    assert language.guess_short([]) is None


def test_the_guess_is_the_same_every_time() -> None:
    texts = [["Hotel Santa Maria"], ["Burger King"], ["huh?"], ["Traci,"]]
    first = [language.guess_short(t) for t in texts]
    assert [language.guess_short(t) for t in texts * 3] == first * 3


def test_short_english_gets_the_english_model() -> None:
    # Fewer than 40 letters: no detected language, and none of the old function words.
    text = "He deserved respect, said Vince Kaminski."
    assert language.detect([text]) is None
    assert model_language([text], None) == "en"
    pipeline = Pipeline(load_config().analysis)
    listening = Listening()
    pipeline.recogniser = listening
    doc = pipeline.analyse(Record("short", text))
    assert doc.language is None and doc.language_confidence is None  # shown: unknown
    assert listening.heard == ["en"]
    tagged = Pipeline(load_config().analysis).analyse(Record("short", text))
    assert tagged.meta.entities_by == "crf"


def test_a_dump_prior_decides_a_names_only_text() -> None:
    english = {"en": 0.97, "id": 0.01}
    indonesian = {"en": 0.01, "id": 0.97}
    alone = language.guess_short(["Traci,"])
    assert alone is not None and alone.code != "en"
    under_en = language.guess_short(["Traci,"], english)
    under_id = language.guess_short(["Traci,"], indonesian)
    assert under_en is not None and under_en.code == "en"
    assert under_id is not None and under_id.code == "id"
    # A prior weighs the evidence, it does not overrule it.
    german = language.guess_short(["Das ist gut, sagte er"], english)
    assert german is not None and german.code == "de"


def test_the_prior_counts_votes_whatever_the_order() -> None:
    texts = [ENGLISH] * 30 + [INDONESIAN] * 10 + ["Vince", "Ya."] * 5
    prior = LanguagePrior()
    for t in texts:
        prior.add(t)
    assert prior.votes == {"en": 30, "id": 10}  # the short ones abstain
    shuffled = LanguagePrior()
    for t in random.Random(7).sample(texts, len(texts)):
        shuffled.add(t)
    assert shuffled.weights() == prior.weights()
    weights = prior.weights()
    assert weights is not None and weights["en"] > weights["id"] > weights["de"] > 0
    assert abs(sum(weights.values()) - 1.0) < 1e-9


def test_too_few_votes_give_no_prior() -> None:
    prior = LanguagePrior()
    for _ in range(MIN_VOTES - 1):
        prior.add(ENGLISH)
    assert prior.weights() is None


def _write(path: Path, texts: Sequence[str]) -> list[str]:
    rows = [json.dumps({"title": "", "text": t}) for t in texts]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return [str(path)]


def test_warta_analyse_reads_short_articles_in_the_dumps_language(tmp_path: Path) -> None:
    from tui.batch.run import analyse

    config = load_config()
    texts = [ENGLISH] * 24 + ["Traci,"]
    paths = _write(tmp_path / "en.jsonl", texts)
    reversed_paths = _write(tmp_path / "ne.jsonl", texts[::-1])
    options = Options(paths, progress=False)
    _, prior = first_pass(options, config.dump_limits, None, 1000)
    _, prior_reversed = first_pass(Options(reversed_paths, progress=False),
                                   config.dump_limits, None, 1000)
    assert prior is not None and prior == prior_reversed
    # Only the first records are read (a big dump is not read twice): too few to vote.
    assert first_pass(options, config.dump_limits, None, MIN_VOTES - 1)[1] is None
    assert max(prior, key=lambda k: prior[k]) == "en"
    assert first_pass(Options(["-"]), config.dump_limits, None, 10) == ({}, None)

    out = tmp_path / "out.jsonl"
    code = analyse(Options(paths, progress=False, output=str(out)), config.analysis,
                   config.dump_limits, lambda message: None)
    assert code == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows[-1]["language"] is None
    assert rows[-1]["meta"]["entities_by"] == "crf"  # alone it reads as Italian: the rules
    assert Pipeline(config.analysis).analyse(Record("x", "Traci,")).meta.entities_by == "rules"
