"""Site templates learnt from a dump: menus and footers shared by a site's pages are stripped."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from tui.config import load_config
from tui.text.model import Reason, Record
from tui.text.pipeline import Pipeline
from tui.text.template import TemplateLearner, line_key, site_of, templates_from_json

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from generate import generate

# Each site's page furniture: lines a scraper that took the whole page leaves around the
# article. Several are ordinary words a single article cannot tell from content; each
# site's sentence-like footer line (SENTENCE_FOOT) is one, above any copyright line (what
# stands under a copyright line below the body is boilerplate to a single article too).
SITES = {
    "harian-timur.example": {
        "lang": "id",
        "head": ["Harian Timur", "Nasional", "Ekonomi dan Bisnis", "Olahraga", "Gaya Hidup",
                 "Indeks Berita"],
        "foot": ["Redaksi Harian Timur", "Jl. Pelabuhan Lama No. 12, Makassar",
                 "Hak cipta 2024 PT Timur Media Nusantara",
                 "Harian Timur berkomitmen menyajikan berita yang akurat dan berimbang bagi "
                 "pembaca di seluruh kawasan timur Indonesia setiap hari."]},
    "valley-courier.example": {
        "lang": "en",
        "head": ["The Valley Courier", "Local", "Council and Courts", "Farming",
                 "Letters to the Editor"],
        "foot": ["The Valley Courier is published by Ridge Press Ltd", "Our newsroom team",
                 "Corrections and clarifications",
                 "Our reporters follow the editors' code of practice, and we welcome your "
                 "letters about anything you have read in these pages.",
                 "Copyright 2024 Ridge Press"]},
    "berita-semenanjung.example": {
        "lang": "id",
        "head": ["Berita Semenanjung", "Tempatan", "Dunia", "Sukan", "Hiburan"],
        "foot": ["Hubungi kami di meja berita Berita Semenanjung",
                 "Hakcipta terpelihara 2024 Semenanjung Media Sdn Bhd",
                 "Semua berita yang disiarkan di laman ini telah disemak oleh editor kami "
                 "sebelum diterbitkan untuk pembaca setia kami."]},
}
SENTENCE_FOOT = {host: next(line for line in site["foot"] if line.endswith("."))
                 for host, site in SITES.items()}
QUOTED = ("The harbour master said the new breakwater would protect the fishing fleet "
          "through the monsoon season for the first time in a decade.")


def site_dump() -> list[Record]:
    """3 sites x 30 articles; one sentence quoted in 3 articles of one site."""
    rng = random.Random(5)
    records: list[Record] = []
    for s, (host, site) in enumerate(SITES.items()):
        bodies = generate(30, seed=100 + s, chars=1200, langs=[site["lang"]])
        for n, article in enumerate(bodies):
            body = article["text"].splitlines()
            if s == 1 and n in (3, 11, 24):
                body.insert(len(body) // 2, QUOTED)
            head = [line for line in site["head"] if rng.random() > 0.1]  # menus vary a bit
            lines = head + [""] + body + [""] + site["foot"]
            records.append(Record(id=f"{host}/{n}", text="\n".join(lines),
                                  title=article["title"],
                                  url=f"https://{host}/read/{n}"))
    return records


def test_every_template_line_is_stripped_and_a_quote_in_three_articles_is_kept() -> None:
    records = site_dump()
    learner = TemplateLearner()
    for record in records:
        learner.add(record)
    pipeline = Pipeline(load_config(None).analysis)
    for record in records:
        site = SITES[site_of(record)]
        doc = pipeline.analyse(record, detect_language=False,
                               template=learner.template_for(record))
        kept = {line for b in doc.blocks if b.is_content for line in b.text.splitlines()}
        stripped = {b.text: b.reason for b in doc.blocks if not b.is_content}
        present = set(record.text.splitlines())
        for line in site["head"] + site["foot"]:
            assert line not in kept, (record.id, line)
            assert line not in present or line in stripped, (record.id, line)
        if QUOTED in record.text:
            assert any(QUOTED in b.text for b in doc.blocks if b.is_content), record.id
    # One page alone cannot tell a site's sentence-like footer from its prose.
    for record in records[::30]:
        plain = pipeline.analyse(record, detect_language=False)
        assert plain.meta.boilerplate.get(Reason.TEMPLATE.value) is None
        kept = {b.text for b in plain.blocks if b.is_content}
        assert SENTENCE_FOOT[site_of(record)] in kept


def test_a_site_seen_too_few_times_has_no_template() -> None:
    learner = TemplateLearner(min_articles=5)
    for word in ("flood", "harvest", "election", "ferry"):
        learner.add_lines("a.example", ["Home", "News", f"a story about the {word}"])
    assert len(learner.template("a.example")) == 0
    learner.add_lines("a.example", ["Home", "News", "a story about the bridge"])
    assert "Home" in learner.template("a.example")
    assert "a story about the bridge" not in learner.template("a.example")


def test_lines_compare_without_case_digits_or_spacing() -> None:
    assert line_key("© 2024  Kompas Media") == line_key("© 2025 kompas media")
    assert line_key("Home") != line_key("News")
    assert line_key("|") is None and line_key("x" * 5000) is None


def test_site_is_publisher_then_host_then_folder() -> None:
    assert site_of(Record("a/1", "t", fields={"source": "Kompas"})) == "kompas"
    assert site_of(Record("a/1", "t", url="https://www.tempo.co/x")) == "tempo.co"
    assert site_of(Record("dump/kompas/1.txt", "t")) == "dump/kompas"


def test_memory_stays_bounded_by_forgetting_lines_seen_once() -> None:
    learner = TemplateLearner(min_articles=2, max_lines=1000)
    for n in range(3000):
        learner.add_lines("s", ["Home", f"unique line {n:x}{n * 7919:x} of prose".replace(
            "0", "g")])
    assert learner._size <= 1000
    assert "Home" in learner.template("s")


def test_templates_round_trip_through_json() -> None:
    learner = TemplateLearner(min_articles=2)
    for word in ("flood", "harvest", "ferry"):
        learner.add_lines("s", ["Home", f"a story about the {word}"])
    saved = templates_from_json(learner.to_json())
    assert "Home" in saved["s"] and "a story about the ferry" not in saved["s"]
    assert templates_from_json("not json") == {}


def test_the_reader_learns_templates_once_and_keeps_them_in_the_sidecar(
        tmp_path: Path) -> None:
    from tui.analyser import PipelineAnalyser
    from tui.dumps.analysis_cache import AnalysisCache
    from tui.dumps.store import open_store
    from tui.session.templates import TemplateLearning

    records = site_dump()
    dump = tmp_path / "dump.jsonl"
    dump.write_text("{}\n")
    config = load_config(None)
    read: list[int] = []

    def reading() -> object:
        read.append(1)
        return iter(records)

    with open_store([str(dump)], state=tmp_path / "s.sqlite") as store:
        shelf = AnalysisCache.beside(store)
        analyser = PipelineAnalyser(config, shelf=shelf)
        record = records[40]  # valley-courier: its sentence-like footer
        footer = SENTENCE_FOOT[site_of(record)]
        before = analyser(record, False)
        assert footer in {b.text for b in before.blocks if b.is_content}
        analyser.store(record, before)
        learning = TemplateLearning(reading, "v1", analyser, shelf, TemplateLearner, 1000)
        learning.run()
        assert learning.done.is_set() and learning.sites == 3 and read == [1]
        after = analyser(record, False)
        assert footer not in {b.text for b in after.blocks if b.is_content}
        assert analyser.cached(record) is None  # the Document kept without the template

        again = PipelineAnalyser(config, shelf=shelf)
        TemplateLearning(reading, "v1", again, shelf, TemplateLearner, 1000).run()
        assert read == [1]  # the same dump: taken from the sidecar, not read again
        assert footer not in {b.text for b in again(record, False).blocks if b.is_content}
        TemplateLearning(reading, "v2", again, shelf, TemplateLearner, 1000).run()
        assert read == [1, 1]  # the dump changed: learnt again
        shelf.close()


def test_analyse_learns_templates_in_a_first_pass_unless_told_not_to(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from tui.cli import main

    dump = tmp_path / "sites.jsonl"
    with dump.open("w", encoding="utf-8") as out:
        for record in site_dump()[:35]:  # all of the first site, some of the second
            out.write(json.dumps({"title": record.title, "text": record.text,
                                  "url": record.url}) + "\n")
    footer = SENTENCE_FOOT["harian-timur.example"]

    def stripped_as(*flags: str) -> set[str | None]:
        assert main(["analyse", str(dump), "--no-language", "--jobs", "1", *flags]) == 0
        docs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert len(docs) == 35
        return {b["reason"] for d in docs[:30] for b in d["blocks"] if footer in b["text"]}

    assert stripped_as() == {"template"}
    assert stripped_as("--no-template") == {None}  # kept as content without the first pass


def test_a_lone_surrogate_is_a_line_like_any_other() -> None:
    assert line_key("caf\udce9 menu") is not None


def test_documents_made_before_the_templates_are_forgotten_once_they_are_in_use() -> None:
    from tui.analyser import PipelineAnalyser
    from tui.document_cache import DocumentCache
    from tui.session.templates import TemplateLearning

    records = site_dump()
    analyser = PipelineAnalyser(load_config(None))
    documents = DocumentCache(8)
    documents.put(40, analyser(records[40], False), True)  # shown before learning ended
    TemplateLearning(lambda: iter(records[:2]), "few", analyser, None, TemplateLearner, 1000,
                     learnt=documents.clear).run()
    assert documents.get(40) is not None  # two articles teach no template: nothing stale
    TemplateLearning(lambda: iter(records), "all", analyser, None, TemplateLearner, 1000,
                     learnt=documents.clear).run()
    assert documents.get(40) is None  # re-analysed with its site's template when reopened
