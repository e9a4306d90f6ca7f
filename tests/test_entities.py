"""The rule-based entity recogniser: the seed's names, short forms, dates, numbers, offsets.

(The trained tagger, the default backend, is tested in tests/test_tagger.py.)
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections import defaultdict
from pathlib import Path

import pytest
from entity_snippets import EN_ARTICLES, ID_ARTICLES, parse

from tui.text import gazetteer
from tui.text.entities import NullRecogniser, make_recogniser
from tui.text.model import Entity, Label
from tui.text.ner_rules import RuleRecogniser

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_7a6cb31184455393.txt"


@pytest.fixture(scope="module")
def recogniser() -> RuleRecogniser:
    return RuleRecogniser()


def _seed_blocks() -> list[str]:
    return [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]


def _by_label(texts: list[str], found: list[list[Entity]]) -> dict[Label, set[str]]:
    out: dict[Label, set[str]] = defaultdict(set)
    for text, ents in zip(texts, found, strict=True):
        for e in ents:
            assert text[e.start : e.end] == e.text
            out[e.label].add(e.text)
    return out


def _labels(recogniser: RuleRecogniser, text: str, language: str = "id") -> list[tuple[str, str]]:
    return [(e.text, str(e.label)) for e in recogniser.recognise([text], language)[0]]


def test_seed_people_places_and_organisations(recogniser: RuleRecogniser) -> None:
    blocks = _seed_blocks()
    found = _by_label(blocks, recogniser.recognise(blocks, "id"))
    assert {
        "Kim Jong Un", "Vladimir Putin", "Yuri Gagarin", "Dmitry Peskov", "Sergei Lavrov",
        "Kim Jong-il", "Jake Sullivan",
    } <= found[Label.PERSON]
    assert {
        "Rusia", "Korea Utara", "Moskow", "Pyongyang", "Ukraina", "Kyiv", "Komsomolsk-on-Amur",
        "Vladivostok", "Tokyo", "Seoul",
    } <= found[Label.PLACE]
    assert {"TASS", "Interfax", "Kremlin", "Gedung Putih"} <= found[Label.ORG]


def test_seed_sentence_initial_common_words_are_not_tagged(recogniser: RuleRecogniser) -> None:
    blocks = _seed_blocks()
    tagged = {e.text.split()[0] for ents in recogniser.recognise(blocks, "id") for e in ents}
    for word in ("Setelah", "Dia", "Ketika", "Meskipun", "Kunjungan", "Sekutu", "Pada", "Ini"):
        assert word not in tagged


def test_every_block_gets_entities_title_and_boilerplate_too(recogniser: RuleRecogniser) -> None:
    blocks = _seed_blocks()
    found = recogniser.recognise(blocks, "id")
    assert len(found) == len(blocks)
    assert [(e.text, str(e.label)) for e in found[0]] == [
        ("Kim Jong Un", "PERSON"), ("Rusia", "PLACE")
    ]
    baca_juga = blocks.index(next(b for b in blocks if "NATO" in b))
    assert ("NATO", Label.ORG) in {(e.text, e.label) for e in found[baca_juga]}


def test_later_mentions_and_short_forms_are_recognised(recogniser: RuleRecogniser) -> None:
    texts = [
        "Presiden Vladimir Putin menerima Kim Jong Un di Moskow.",
        "Kemudian Putin dan Kim makan malam. Kata Putin, pertemuan itu penting.",
    ]
    found = _by_label(texts, recogniser.recognise(texts, "id"))
    assert {"Vladimir Putin", "Kim Jong Un", "Putin", "Kim"} <= found[Label.PERSON]


def test_a_name_in_the_title_is_known_from_the_body(recogniser: RuleRecogniser) -> None:
    texts = ["Widodo Opens New Dam In Sulawesi", "President Joko Widodo opened the dam."]
    found = recogniser.recognise(texts, "en")
    assert ("Widodo", Label.PERSON) in {(e.text, e.label) for e in found[0]}


def test_titles_and_cues_mark_people(recogniser: RuleRecogniser) -> None:
    assert ("Sergei Lavrov", "PERSON") in _labels(
        recogniser, "Pengiriman Menteri Luar Negeri Sergei Lavrov ke Pyongyang."
    )
    quote = "“Kami siap,” kata Budiman kepada wartawan."
    assert ("Budiman", "PERSON") in _labels(recogniser, quote)
    assert ("Smith", "PERSON") in _labels(recogniser, "The deal is done, Mr. Smith said.", "en")


def test_organisation_heads_and_tails(recogniser: RuleRecogniser) -> None:
    got = _labels(recogniser, "Ia kuliah di Universitas Gadjah Mada lalu bekerja di PT Maju Jaya.")
    assert ("Universitas Gadjah Mada", "ORG") in got
    assert ("PT Maju Jaya", "ORG") in got
    got = _labels(recogniser, "Analysts at Deutsche Bank and the Bank of England agreed.", "en")
    assert ("Deutsche Bank", "ORG") in got
    assert ("Bank of England", "ORG") in got


@pytest.mark.parametrize(
    ("text", "date", "lang"),
    [
        ("pada Jumat (15 September), lapor", "Jumat (15 September)", "id"),
        ("tiba pada hari Rabu.", "Rabu", "id"),
        ("pada Senin (4/3/2024) malam", "Senin (4/3/2024)", "id"),
        ("tahun 2024 nanti", "2024", "id"),
        ("di Pyongyang pada Juli 2000, tak lama", "Juli 2000", "id"),
        ("sejak 15 September 2023 lalu", "15 September 2023", "id"),
        ("pada 3 Ogos 2022 di Kuala Lumpur", "3 Ogos 2022", "ms"),
        ("on March 3, 2021 in", "March 3, 2021", "en"),
        ("am 3. Oktober 2020 in Berlin", "3. Oktober 2020", "de"),
        ("le 12 mars 2022 à Paris", "12 mars 2022", "fr"),
        ("el 5 de mayo de 2021 en", "5 de mayo de 2021", "es"),
        ("em 7 de setembro de 2022", "7 de setembro de 2022", "pt"),
    ],
)
def test_dates_in_several_languages(
    recogniser: RuleRecogniser, text: str, date: str, lang: str
) -> None:
    assert (date, "DATE") in _labels(recogniser, text, lang), text


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("ekonomi Rp150 triliun tahun ini", "Rp150 triliun"),
        ("a $3.5 billion deal", "$3.5 billion"),
        ("naik 40% dari", "40%"),
        ("turun 2,5 persen", "2,5 persen"),
        ("sekitar 1.200 orang mengungsi", "1.200"),
        ("RM2.1 bilion untuk projek", "RM2.1 bilion"),
        ("rund 5 Millionen Euro", "5 Millionen Euro"),
        ("naik 21 peratus", "21 peratus"),
        ("un total de 5.381 millones de euros", "5.381 millones de euros"),
        ("senilai US$1,5 miliar", "US$1,5 miliar"),
    ],
)
def test_numbers_with_units_and_currencies(
    recogniser: RuleRecogniser, text: str, number: str
) -> None:
    assert (number, "NUMBER") in _labels(recogniser, text), text


def test_codes_scores_and_clock_times_are_not_numbers(recogniser: RuleRecogniser) -> None:
    text = "pesawat Su-35, pandemi COVID-19, skor 3-0, pukul 13.21 WIB, perusahaan 3M"
    labels = _labels(recogniser, text)
    assert not [t for t, lab in labels if lab == "NUMBER"]


def test_offsets_index_the_block_text(recogniser: RuleRecogniser) -> None:
    texts = ["“Quoted” — Émile Zola’s friend Jean-Luc Picard met Kim in Seoul on 3 May 2020."]
    for e in recogniser.recognise(texts, "en")[0]:
        assert texts[0][e.start : e.end] == e.text
        assert e.text == e.text.strip()


def test_empty_and_odd_blocks(recogniser: RuleRecogniser) -> None:
    assert recogniser.recognise([], "id") == []
    assert recogniser.recognise(["", " ", "...", "—"], None) == [[], [], [], []]


@pytest.mark.parametrize(("articles", "lang"), [(ID_ARTICLES, "id"), (EN_ARTICLES, "en")])
def test_synthetic_snippets_score_well(
    recogniser: RuleRecogniser, articles: list[tuple[str, ...]], lang: str
) -> None:
    tp = fp = fn = 0
    for article in articles:
        parsed = [parse(block) for block in article]
        found = recogniser.recognise([text for text, _ in parsed], lang)
        for (_, spans), ents in zip(parsed, found, strict=True):
            gold = {s for s in spans if s[2] in _NAMES}
            pred = {(e.start, e.end, str(e.label)) for e in ents if e.label in _NAMES}
            tp += len(pred & gold)
            fp += len(pred - gold)
            fn += len(gold - pred)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= 0.9
    assert recall >= 0.85


_NAMES = {Label.PERSON, Label.ORG, Label.PLACE}


def test_make_recogniser_picks_the_backend() -> None:
    from tui.text.ner_tagger import TaggerRecogniser

    assert isinstance(make_recogniser({}), TaggerRecogniser)
    assert isinstance(make_recogniser({"backend": "rules"}), RuleRecogniser)
    assert NullRecogniser().recognise(["a", "b"], None) == [[], []]
    with pytest.raises(ValueError, match=r"entities\.backend: unknown backend 'bert'"):
        make_recogniser({"backend": "bert"})


def test_the_gazetteer_loads_lazily_not_at_import() -> None:
    code = (
        "from tui.text import gazetteer, pipeline\n"
        "from tui.text.entities import make_recogniser\n"
        "rec = make_recogniser({'backend': 'rules'})\n"
        "print(gazetteer._cached is None)\n"
        "rec.warm_up()\n"
        "print(gazetteer._cached is None)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False"]


def test_the_gazetteer_loads_once_across_threads() -> None:
    seen: list[object] = []
    threads = [threading.Thread(target=lambda: seen.append(gazetteer.load())) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(g) for g in seen}) == 1
    g = seen[0]
    assert isinstance(g, gazetteer.Gazetteer)
    assert {"moskow", "korea utara", "jepang", "amerika serikat"} <= g.places


@pytest.mark.parametrize(
    ("text", "name", "label", "lang"),
    [
        ("Le vote à l’Assemblée nationale a eu lieu.", "Assemblée nationale", "ORG", "fr"),
        ("a-t-il déclaré depuis l'Élysée.", "Élysée", "ORG", "fr"),
        ("Habló en el Palacio de la Moncloa.", "Palacio de la Moncloa", "PLACE", "es"),
        ("Gesundheitsminister Karl Lauterbach sagte am Montag.", "Karl Lauterbach", "PERSON", "de"),
        ("O Real Madrid venceu em Wembley.", "Real Madrid", "ORG", "pt"),
    ],
)
def test_other_languages_names(
    recogniser: RuleRecogniser, text: str, name: str, label: str, lang: str
) -> None:
    assert (name, label) in _labels(recogniser, text, lang), text


def test_agencies_of_a_place_and_tail_words(recogniser: RuleRecogniser) -> None:
    got = _labels(recogniser, "Kepala BPBD DKI Jakarta mengatakan banjir surut.")
    assert ("BPBD DKI Jakarta", "ORG") in got
    got = _labels(recogniser, "Pesawat Trigana Air tergelincir di Jayapura.")
    assert ("Trigana Air", "ORG") in got
    got = _labels(recogniser, "Her label, Republic Records, said sales rose.", "en")
    assert ("Republic Records", "ORG") in got


def test_headline_words_are_not_organisations(recogniser: RuleRecogniser) -> None:
    texts = ["Central Bank Holds Rates Steady", "The bank kept rates at 5.25% on Thursday."]
    found = recogniser.recognise(texts, "en")
    assert not [e for e in found[0] if e.label is Label.ORG]


def test_a_role_in_apposition_marks_a_person(recogniser: RuleRecogniser) -> None:
    got = _labels(recogniser, "Maryam Nawaz, the chief minister of Punjab, said.", "en")
    assert ("Maryam Nawaz", "PERSON") in got


def test_company_words_mark_organisations(recogniser: RuleRecogniser) -> None:
    assert ("Lion Air", "ORG") in _labels(recogniser, "Pesawat milik maskapai Lion Air mendarat.")
    assert ("Novartis", "ORG") in _labels(recogniser, "Shares of Novartis rose 3%.", "en")
    text = "Einride, a Swedish maker of electric trucks, raised $500 million."
    assert ("Einride", "ORG") in _labels(recogniser, text, "en")
