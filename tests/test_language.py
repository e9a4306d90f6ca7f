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
