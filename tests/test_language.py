"""Language detection: right on the samples, content only, repeatable, thread-safe."""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tui.config import load_config
from tui.text import language
from tui.text.model import Record
from tui.text.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(load_config().analysis)


@pytest.mark.parametrize(("name", "code"), [
    ("000_7a6cb31184455393.txt", "id"),
    ("001_id_banjir_bandung.txt", "id"),
    ("002_en_harbour_strike.txt", "en"),
    ("003_de_hitzewelle.txt", "de"),
    ("004_es_tren_costa.txt", "es"),
    ("005_fr_velo_lyon.txt", "fr"),
])
def test_samples_get_their_language(pipeline: Pipeline, name: str, code: str) -> None:
    doc = pipeline.analyse(Record(name, (SEEDS / name).read_text(encoding="utf-8")))
    assert doc.language == code
    assert doc.language_confidence is not None and 0.5 < doc.language_confidence <= 1.0


def test_language_is_read_from_content_not_boilerplate(pipeline: Pipeline) -> None:
    english_noise = "\n\n".join([
        "Share this article", "Sign up for our newsletter", "Read more: Markets rally again",
        "Most read", "Back to top", "Advertisement", "Follow us on Twitter",
    ])
    text = ("Harga Cabai Turun Jelang Akhir Pekan\n\n"
            "Harga cabai rawit di sejumlah pasar tradisional turun menjadi empat puluh lima "
            "ribu rupiah per kilogram karena pasokan dari petani mulai lancar.\n\n"
            + english_noise)
    doc = pipeline.analyse(Record("mix", text))
    assert doc.language == "id"


def test_too_little_text_gives_none(pipeline: Pipeline) -> None:
    assert language.detect(["Ya."]) is None
    assert language.detect([]) is None
    doc = pipeline.analyse(Record("short", "Judul\n\nYa, benar.\n\nADVERTISEMENT"))
    assert doc.language is None and doc.language_confidence is None


def test_no_language_flag_skips_detection(pipeline: Pipeline) -> None:
    text = (SEEDS / "002_en_harbour_strike.txt").read_text(encoding="utf-8")
    assert pipeline.analyse(Record("x", text), detect_language=False).language is None


def test_same_answer_across_threads() -> None:
    texts = [(SEEDS / n).read_text(encoding="utf-8").split("\n\n") for n in (
        "000_7a6cb31184455393.txt", "002_en_harbour_strike.txt", "003_de_hitzewelle.txt",
        "004_es_tren_costa.txt")]
    # A short, ambiguous text is where an unseeded detector would wobble.
    texts.append(["Hotel Santa Maria dan restoran", "Plaza del Sol, centro de la ciudad"])
    expected = [language.detect(t) for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(3):
            got = list(pool.map(language.detect, texts * 8))
            assert got == expected * 8


def test_same_answer_across_processes() -> None:
    warta = Path(sys.executable).parent / "warta"
    if not warta.exists():
        pytest.skip("the warta console script is not installed")

    def run() -> list[tuple[str, str | None, float | None]]:
        proc = subprocess.run([str(warta), "analyse", "seeds"], cwd=ROOT, capture_output=True,
                              text=True, timeout=120, check=True)
        rows = [json.loads(x) for x in proc.stdout.splitlines()]
        return [(r["id"], r["language"], r["language_confidence"]) for r in rows]

    first, second = run(), run()
    assert first == second
    assert len(first) >= 10


# --- Malay vs Indonesian --------------------------------------------------------------------

def _eval_language():  # bench/eval_language.py holds the sets
    import importlib.util

    spec = importlib.util.spec_from_file_location("eval_language",
                                                  ROOT / "bench" / "eval_language.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _lines(text: str) -> list[str]:
    return [x for x in text.splitlines() if x.strip()]


@pytest.mark.parametrize("lang", ["ms", "id"])
def test_malay_and_indonesian_articles_get_their_code(lang: str) -> None:
    articles = _eval_language().synthetic(lang)
    assert len(articles) >= (40 if lang == "ms" else 50)
    wrong = []
    for name, text in articles:
        guess = language.detect(_lines(text))
        if guess is None or guess.code != lang:
            wrong.append((name, guess))
    assert not wrong


def test_real_indonesian_articles_stay_indonesian() -> None:
    articles = _eval_language().real_indonesian()
    if not articles:
        pytest.skip("../shared/data/real is not there")
    wrong = [(name, language.detect(_lines(text))) for name, text in articles]
    wrong = [(n, g) for n, g in wrong if g is None or g.code != "id"]
    assert len(articles) >= 40 and len(wrong) <= 1, wrong


def test_malay_confidence_says_how_sure_the_markers_are() -> None:
    malay = ("Polis berkata mangsa dibawa ke hospital kerana cedera parah selepas kemalangan "
             "itu, manakala pemandu kenderaan berkenaan ditahan untuk siasatan lanjut.")
    indonesian = ("Polisi mengatakan korban dibawa ke rumah sakit karena luka parah setelah "
                  "kecelakaan itu, sedangkan sopir kendaraan tersebut ditahan untuk diperiksa.")
    ms, idn = language.detect([malay]), language.detect([indonesian])
    assert ms is not None and ms.code == "ms" and ms.confidence > 0.6
    assert idn is not None and idn.code == "id" and idn.confidence > 0.6
    # No marker either way: Indonesian, with half of langdetect's confidence at most.
    neutral = language.detect(["Dia makan nasi dan ikan di rumah ibu bersama adik setiap malam."])
    assert neutral is not None and neutral.code == "id" and neutral.confidence <= 0.5


def test_names_are_not_markers() -> None:
    # "Wang" (a family name) and "Kota Bharu" must not make an Indonesian text Malay.
    text = ("Menteri Luar Negeri China Wang Yi bertemu Wang Wenbin di Jakarta. Wang Yi "
            "mengatakan kerja sama kedua negara perlu ditingkatkan.")
    assert language.malay_or_indonesian([text])[0] == "id"
    assert language.malay_or_indonesian(["Wang wang wang itu hilang kerana polis."])[0] == "ms"


def test_malay_detection_is_the_same_every_run() -> None:
    text = (ROOT / "tests" / "data" / "lang_ms" / "ms_01.txt").read_text(encoding="utf-8")
    first = language.detect(_lines(text))
    assert all(language.detect(_lines(text)) == first for _ in range(5))
