"""The gold dev sets parse, the evaluators score correctly, and the real pipeline is measured.

The dev sets live in tests/data/boilerplate_dev and tests/data/ner_dev (synthetic,
see their READMEs); the evaluators are bench/eval_boilerplate.py and
bench/eval_entities.py.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str) -> ModuleType:
    """Import a bench script by path (bench/ is not a package)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


eb = _load("eval_boilerplate")
ee = _load("eval_entities")

LANGS = ("id", "ms", "en", "de", "fr", "es", "pt")


# --- the boilerplate dev set -------------------------------------------------------------

def test_boilerplate_dev_set_parses_with_six_articles_per_language() -> None:
    articles = eb.load_dev()
    per_lang = Counter(a.lang for a in articles)
    assert {lang: per_lang[lang] >= 6 for lang in LANGS} == dict.fromkeys(LANGS, True)
    for a in articles:
        kinds = Counter(g.label.kind for g in a.lines)
        assert kinds["T"] == 1, a.name
        assert kinds["C"] >= 5 and 12 <= len(a.lines) <= 60, a.name
        first = a.lines[0]
        assert first.label.kind in ("T", "B"), f"{a.name}: starts with {first.label}"


def test_every_boilerplate_reason_occurs_in_the_dev_set() -> None:
    seen = {r for a in eb.load_dev() for g in a.lines for r in g.label.reasons}
    assert seen == eb.REASONS


def test_tsv_rebuilds_the_raw_text_with_blank_lines_in_place() -> None:
    art = eb.parse_tsv("T\tTitle here\n\nC\tBody line one.\nB:share\tShare\n", "xx_01.tsv")
    assert art.text == "Title here\n\nBody line one.\nShare\n"
    assert [(g.number, str(g.label)) for g in art.lines] == [(1, "T"), (3, "C"), (4, "B:share")]
    assert art.lang == "xx"


@pytest.mark.parametrize(("content", "problem"), [
    ("T\tTitle\nX\tline\n", "xx_01.tsv:2: unknown label 'X'"),
    ("T\tTitle\nB:spam\tline\n", "xx_01.tsv:2: unknown reason 'spam'"),
    ("T\tTitle\nC no tab\n", "xx_01.tsv:2: no tab"),
    ("T\tTitle\n\t\n", "xx_01.tsv:2: label '' on a blank line"),
    ("C\tBody.\n", "xx_01.tsv: expected exactly one T line, found 0"),
])
def test_bad_tsv_lines_are_reported_with_file_and_line(content: str, problem: str) -> None:
    with pytest.raises(eb.DevSetError) as err:
        eb.parse_tsv(content, "xx_01.tsv")
    assert str(err.value).startswith(problem)


# --- the real (scraped) sets: #meta lines --------------------------------------------------

REAL_META = "#meta\tid\trec-7\n#meta\ttitle\tA title\n#meta\turl\thttps://x.test/a\n"


def test_meta_lines_are_read_and_source_lines_numbered_after_them() -> None:
    art = eb.parse_tsv(REAL_META + "\nC\t - Body one.\nB:credit\tSumber: X", "id_x_01.tsv")
    assert art.meta == {"id": "rec-7", "title": "A title", "url": "https://x.test/a"}
    assert art.text == "\n - Body one.\nSumber: X"  # exactly the record's text
    assert [(g.number, g.file_row, str(g.label)) for g in art.lines] == [
        (2, 5, "C"), (3, 6, "B:credit")]
    assert art.lang == "id"


@pytest.mark.parametrize(("content", "problem"), [
    ("#meta\tcolour\tred\nC\tBody.\n", "xx_01.tsv:1: unknown #meta key 'colour'"),
    ("#meta\tid\ta\n#meta\tid\tb\nC\tBody.\n", "xx_01.tsv:2: #meta 'id' given twice"),
    ("#meta\tid\n", "xx_01.tsv:1: expected '#meta<TAB>key<TAB>value'"),
    ("#meta\tid\ta\nC\tBody.\n#meta\turl\tu\n", "xx_01.tsv:3: #meta line after"),
    ("#meta\tid\ta\nT\tOne\nT\tTwo\n", "xx_01.tsv: expected at most one T line, found 2"),
])
def test_bad_meta_lines_are_reported_with_file_and_line(content: str, problem: str) -> None:
    with pytest.raises(eb.DevSetError) as err:
        eb.parse_tsv(content, "xx_01.tsv")
    assert str(err.value).startswith(problem)


def test_real_sets_parse_and_every_file_names_its_record() -> None:
    names, ids = [], []
    for folder in (eb.REAL_DEV_DIR, eb.REAL_FINAL_DIR, eb.REAL_UNSEEN_DIR, eb.REAL_FRESH_DIR):
        for article in eb.load_dev(folder):
            assert article.meta.get("id"), article.name
            assert article.lines, article.name
            names.append(article.name)
            ids.append(article.meta["id"])
    assert len(names) == len(set(names))
    assert len(ids) == len(set(ids)), "a record is gold in two real sets"
    assert sum(n.startswith("id_") for n in names) >= 28


def test_real_analyse_passes_the_meta_title_and_id_to_the_record(
        monkeypatch: pytest.MonkeyPatch) -> None:
    seen = []

    class FakePipeline:
        def __init__(self, _config: object) -> None:
            pass

        def analyse(self, record: object, detect_language: bool) -> SimpleNamespace:
            seen.append(record)
            return SimpleNamespace(blocks=[])

    import tui.text.pipeline as pipeline_module
    monkeypatch.setattr(pipeline_module, "Pipeline", FakePipeline)
    art = eb.parse_tsv(REAL_META + "C\tBody.\n", "id_x_01.tsv")
    eb.real_analyse()(art)
    record = seen[0]
    assert (record.id, record.title, record.url, record.text) == (
        "rec-7", "A title", "https://x.test/a", "Body.")


def test_real_and_final_print_one_table_per_set(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    folders = {}
    for name, content in (("syn", "T\tTitle\nC\tBody.\n"),
                          ("real_dev", REAL_META + "C\tBody.\nB:other\tloading...\n"),
                          ("real_final", REAL_META + "C\tBody.\n"),
                          ("real_unseen", REAL_META + "C\tBody.\nC\tMore.\nB:other\tx\n"),
                          ("real_fresh", REAL_META + "C\tBody.\nB:share\tShare\n")):
        folders[name] = tmp_path / name
        folders[name].mkdir()
        (folders[name] / "id_x_01.tsv").write_text(content, encoding="utf-8")
    monkeypatch.setattr(eb, "REAL_DEV_DIR", folders["real_dev"])
    monkeypatch.setattr(eb, "REAL_FINAL_DIR", folders["real_final"])
    monkeypatch.setattr(eb, "REAL_UNSEEN_DIR", folders["real_unseen"])
    monkeypatch.setattr(eb, "REAL_FRESH_DIR", folders["real_fresh"])

    def all_content(article: object) -> list[SimpleNamespace]:
        return [SimpleNamespace(kind="paragraph", reason=None, lines=(1, 99))]

    monkeypatch.setattr(eb, "real_analyse", lambda: all_content)
    assert eb.main(["--dir", str(folders["syn"]), "--real"]) == 0
    out = capsys.readouterr().out
    assert "boilerplate dev set: 1 articles, 2 non-blank lines" in out
    assert "real dev set (real_dev): 1 articles, 2 non-blank lines" in out
    assert "real final set" not in out
    assert "real unseen set" not in out
    assert "real fresh set" not in out
    assert eb.main(["--dir", str(folders["syn"]), "--real", "--unseen"]) == 0
    assert ("real unseen set (real_unseen): 1 articles, 3 non-blank lines"
            in capsys.readouterr().out)
    assert eb.main(["--dir", str(folders["syn"]), "--real", "--fresh"]) == 0
    assert ("real fresh set (real_fresh): 1 articles, 2 non-blank lines"
            in capsys.readouterr().out)
    assert eb.main(["--dir", str(folders["syn"]), "--real", "--final"]) == 0
    assert "real final set (real_final): 1 articles, 1 non-blank lines" in capsys.readouterr().out
    assert eb.main(["--dir", str(folders["syn"]), "--real", "--json"]) == 0
    both = json.loads(capsys.readouterr().out)
    assert sorted(both) == ["real_dev", "syn"]
    assert both["real_dev"]["overall"]["bp_fn"] == 1


@pytest.mark.parametrize("flag", ["--final", "--unseen", "--fresh"])
def test_final_unseen_or_fresh_without_real_is_refused(
        flag: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert eb.main([flag]) == 2
    assert flag in capsys.readouterr().err


# --- the boilerplate scorer ----------------------------------------------------------------

def test_perfect_boilerplate_prediction_scores_one() -> None:
    gold = ["T", "C", "C", "H", "C", "B:related", "B:caption|duplicate", "B:legal"]
    s = eb.score(zip(gold, ["T", "C", "C", "H", "C", "B:related", "B:duplicate", "B:legal"],
                     strict=True))
    assert s.rates() == dict.fromkeys(s.rates(), 1.0)
    assert (s.lines, s.bp_tp, s.bp_fp, s.bp_fn) == (8, 3, 0, 0)


def test_known_mix_gives_known_boilerplate_numbers() -> None:
    pairs = [
        ("T", "T"),
        ("C", "C"),
        ("C", "B:other"),         # content lost: false positive
        ("H", "C"),               # heading missed
        ("C", "H"),               # heading invented
        ("B:related", "B:related"),
        ("B:share", "B:navigation"),  # right class, wrong reason
        ("B:byline", "C"),        # boilerplate missed
        ("B:advert", None),       # no block covered the line: counts as not boilerplate
    ]
    s = eb.score(pairs)
    assert (s.bp_tp, s.bp_fp, s.bp_fn) == (2, 1, 2)
    assert s.bp_precision == pytest.approx(2 / 3)
    assert s.bp_recall == pytest.approx(2 / 4)
    assert s.bp_f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert s.content_recall == pytest.approx(4 / 5)
    assert s.reason_accuracy == pytest.approx(1 / 2)
    assert (s.head_tp, s.head_fp, s.head_fn) == (0, 1, 1)
    assert s.heading_precision == 0.0 and s.heading_recall == 0.0
    assert s.title_recall == 1.0 and s.uncovered == 1


def test_predicted_labels_follow_block_line_ranges() -> None:
    blocks = [
        SimpleNamespace(kind="title", lines=(1, 1), reason=None),
        SimpleNamespace(kind="paragraph", lines=(3, 5), reason=None),
        SimpleNamespace(kind="boilerplate", lines=(7, 8), reason="share"),
    ]
    got = {n: str(label) for n, label in eb.predicted_labels(blocks).items()}
    assert got == {1: "T", 3: "C", 4: "C", 5: "C", 7: "B:share", 8: "B:share"}


# --- the entity dev set --------------------------------------------------------------------

def test_entity_dev_set_parses_with_enough_articles_per_language() -> None:
    articles = ee.load_dev()
    per_lang = Counter(a.lang for a in articles)
    assert per_lang["id"] >= 12 and per_lang["en"] >= 12
    assert all(per_lang[lang] >= 2 for lang in ("ms", "de", "fr", "es", "pt"))
    for a in articles:
        assert len(a.paragraphs) >= 4, a.name
        labels = {s[2] for p in a.paragraphs for s in p.spans}
        assert {"PERSON", "ORG", "PLACE"} & labels, a.name
        for p in a.paragraphs:
            for start, end, _ in p.spans:
                surface = p.text[start:end]
                assert surface == surface.strip() and surface, (a.name, surface)


def test_entity_files_keep_blank_lines_between_paragraphs() -> None:
    for path in sorted(ee.DEV_DIR.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
        assert all(line.strip() for line in lines[0::2]), path.name
        assert not any(line.strip() for line in lines[1::2]), path.name


def test_annotations_become_offsets_into_the_plain_text() -> None:
    p = ee.parse_annotated("Presiden [Joko Widodo]{PERSON} tiba di [Tokyo]{PLACE}, "
                           "[Senin (4/3/2024)]{DATE}.")
    assert p.text == "Presiden Joko Widodo tiba di Tokyo, Senin (4/3/2024)."
    assert [(p.text[s:e], label) for s, e, label in p.spans] == [
        ("Joko Widodo", "PERSON"), ("Tokyo", "PLACE"), ("Senin (4/3/2024)", "DATE")]


@pytest.mark.parametrize(("line", "problem"), [
    ("[Kim]{PEOPLE} came", "unknown label 'PEOPLE'"),
    ("[Kim]{PERSON came", "unbalanced or stray bracket"),
    ("Kim]{PERSON} came", "unbalanced or stray bracket"),
    ("[Kim {PERSON} came", "unbalanced or stray bracket"),
    ("[ Kim]{PERSON} came", "empty or has outer spaces"),
])
def test_bad_annotations_are_reported(line: str, problem: str) -> None:
    with pytest.raises(ee.DevSetError) as err:
        ee.parse_annotated(line, "xx_01.txt:3")
    assert str(err.value).startswith("xx_01.txt:3: ") and problem in str(err.value)


# --- the entity scorer ---------------------------------------------------------------------

def test_perfect_entity_prediction_scores_one() -> None:
    gold = [(0, 5, "PERSON"), (10, 15, "ORG"), (20, 24, "PLACE"), (30, 34, "DATE")]
    s = ee.score([(gold, list(gold)), ([(1, 3, "NUMBER")], [(1, 3, "NUMBER")])])
    for label in ee.LABELS:
        c = s.labels[label]
        assert (c.precision, c.recall, c.f1) == (1.0, 1.0, 1.0)
    assert s.micro().f1 == 1.0


def test_known_mix_gives_known_entity_numbers() -> None:
    gold = [(0, 11, "PERSON"), (20, 25, "PLACE"), (30, 33, "ORG"), (40, 44, "DATE")]
    pred = [
        (0, 11, "PERSON"),  # exact: tp
        (20, 25, "ORG"),    # right span, wrong label: ORG fp and PLACE fn
        (30, 33, "ORG"),    # tp
        (40, 43, "DATE"),   # boundary off: DATE fp and fn
        (50, 56, "PERSON"),  # invented: PERSON fp
    ]
    s = ee.score([(gold, pred)])
    assert (s.labels["PERSON"].tp, s.labels["PERSON"].fp, s.labels["PERSON"].fn) == (1, 1, 0)
    assert (s.labels["ORG"].tp, s.labels["ORG"].fp, s.labels["ORG"].fn) == (1, 1, 0)
    assert (s.labels["PLACE"].tp, s.labels["PLACE"].fp, s.labels["PLACE"].fn) == (0, 0, 1)
    assert (s.labels["DATE"].tp, s.labels["DATE"].fp, s.labels["DATE"].fn) == (0, 1, 1)
    micro = s.micro()
    assert (micro.tp, micro.fp, micro.fn) == (2, 2, 1)
    assert micro.precision == pytest.approx(0.5)
    assert micro.recall == pytest.approx(2 / 3)
    assert micro.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    assert s.labels["NUMBER"].f1 == 1.0  # nothing there, nothing claimed


# --- the real pipeline on the dev sets -----------------------------------------------------

def test_every_dev_line_lands_in_exactly_one_block() -> None:
    analyse = eb.real_analyse()
    for article in eb.load_dev():
        covered: Counter[int] = Counter()
        for block in analyse(article):
            first, last = block.lines
            covered.update(range(first, last + 1))
        lines = {g.number for g in article.lines}
        assert {n for n in lines if covered[n] != 1} == set(), article.name


# Regression floors, a little under what the pipeline scores on the sets it was developed
# on (dev: F1 0.999, content recall 1.000; the once-blind hold-out, since used for
# development: 0.993 / 1.000). They catch a change that breaks cleaning; the real bar
# (F1 >= 0.90, content recall >= 0.98) is judged on held-out articles. The blind final set
# (tests/data/boilerplate_final) is deliberately not asserted on here. The real scraped
# dev set (developed on: F1 0.967, content recall 0.995, up from 0.791 / 0.983 once whole
# pages, widgets and headline lists were handled; with its fresh batch of 16 articles,
# 0.954 / 0.989 before and 0.976 / 0.992 after the rules tuned on it; with a second fresh
# batch of 15, mostly non-English whole pages, 0.891 / 0.943 before and 0.983 / 0.993
# after the rules tuned on it; with a third fresh batch of 16, 0.978 / 0.991 before and
# 0.979 / 0.995 after the rules tuned on it; with a fourth of 16, 0.972 / 0.993 before and
# 0.973 / 0.993 after; with a fifth of 12, 0.964 / 0.990 before and 0.966 / 0.994 after;
# with a sixth of 12, 0.957 / 0.990 before and 0.959 / 0.994 after; with a seventh of 12,
# 0.957 / 0.994 before and 0.962 / 0.994 after; with an eighth of 12, 0.951 / 0.986
# before and 0.958 / 0.990 after; with a ninth of 12, 0.949 / 0.990 before and, with the
# eighth's remaining causes fixed, 0.958 / 0.993; 0.973 / 0.995 without and 0.967 / 0.990
# with batches ten to thirteen, 32 articles, some rules developed on ten and eleven;
# 0.972 / 0.992 without and 0.967 / 0.988 with batches fourteen to seventeen, 28 articles,
# rules developed on all four; 0.967 / 0.988 without and 0.970 / 0.987 with batches
# eighteen to twenty-one, 16 articles, rules developed on nineteen; 0.972 / 0.989 without
# and 0.974 / 0.989 with batches twenty-two to twenty-five, 16 articles, rules developed
# on all four; 0.974 / 0.990 without and 0.972 / 0.991 with batches twenty-six to thirty,
# 30 articles, rules developed on all but twenty-seven; 0.972 / 0.991 without and 0.971 /
# 0.992 with batches thirty-one and thirty-two, 24 articles, rules developed on both) has
# its own floor; its final part is not asserted on either.
FLOORS = {
    eb.DEV_DIR.name: (0.98, 0.995),
    "boilerplate_holdout": (0.97, 0.99),
    "boilerplate_real_dev": (0.95, 0.985),
}


@pytest.mark.parametrize("folder", sorted(FLOORS))
def test_real_pipeline_scores_above_the_regression_floor(folder: str) -> None:
    f1_floor, recall_floor = FLOORS[folder]
    rep = eb.report(eb.evaluate(eb.load_dev(eb.DEV_DIR.parent / folder), eb.real_analyse()))
    print("\n" + eb.format_table(rep))
    assert rep.overall.bp_f1 >= f1_floor
    assert rep.overall.content_recall >= recall_floor


# Entity regression floors on the dev set (PERSON+ORG+PLACE, exact spans) per backend.
# Measured there: rules id P 0.949 F1 0.939, en P 0.932 F1 0.915 (the rules were written
# against these synthetic articles); the trained tagger (the default) id P 0.859 F1 0.764,
# en P 0.859 F1 0.772. The tagger is chosen by the real dev splits of ../shared/data/ner
# (tests/test_tagger_model.py), where it beats the rules by 0.14-0.78 F1; on this set it
# loses, so its floors are lower.
ENTITY_FLOORS = {
    ("rules", "id"): (0.88, 0.85), ("rules", "en"): (0.88, 0.85),
    ("crf", "id"): (0.82, 0.72), ("crf", "en"): (0.82, 0.72),
}


@pytest.mark.parametrize(("backend", "lang"), sorted(ENTITY_FLOORS))
def test_entity_scores_above_the_regression_floor(backend: str, lang: str) -> None:
    precision_floor, f1_floor = ENTITY_FLOORS[backend, lang]
    results = ee.evaluate(ee.load_dev(lang=lang), ee.real_recognise(backend))
    micro = ee.by_language(results)[lang].micro()
    assert micro.precision >= precision_floor
    assert micro.f1 >= f1_floor


def test_recogniser_output_on_the_entity_dev_set_is_well_formed() -> None:
    recognise = ee.real_recognise()
    articles = ee.load_dev()
    results = ee.evaluate(articles, recognise)
    for r in results:
        for start, end, label in r.predicted:
            assert 0 <= start < end <= len(r.text), (r.article.name, r.index, start, end)
            assert label in ee.LABELS, (r.article.name, label)
    print("\n" + ee.format_tables(ee.by_language(results)))
