"""`warta analyse` on bad input: exit 2 with one line on stderr, bad records skipped."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tui.cli import main

ROOT = Path(__file__).resolve().parent.parent


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict], str]:
    code = main(["analyse", "--no-language", *argv])
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines()], err


def test_missing_path_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, str(tmp_path / "nope.jsonl"))
    assert (code, out) == (2, [])
    assert err == f"warta: {tmp_path / 'nope.jsonl'}: no such file or folder\n"


def test_binary_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    f = tmp_path / "x.txt"
    f.write_bytes(bytes(range(256)) * 4)
    code, out, err = run(capsys, str(f))
    assert (code, out) == (2, [])
    assert err == f"warta: {f}: not a text file (binary data)\n"


def test_empty_folder_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, str(tmp_path))
    assert code == 2
    assert err.startswith(f"warta: {tmp_path}: folder holds no articles")
    assert err.count("\n") == 1


def test_malformed_json_line_is_reported_and_the_rest_analysed(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    f = tmp_path / "d.jsonl"
    f.write_text('{"title": "One", "text": "First body."}\n'
                 '{"title": "Two", "text": \n'
                 '{"title": "Three", "text": "Third body."}\n')
    code, out, err = run(capsys, str(f))
    assert code == 0
    assert [o["id"] for o in out] == ["d.jsonl#1", "d.jsonl#3"]
    assert [o["title"] for o in out] == ["One", "Three"]
    assert err.startswith(f"warta: {f}:2: not valid JSON")
    assert err.rstrip().endswith("skipped")
    assert "Traceback" not in err


def test_compressed_csv_and_recursive_folders(capsys: pytest.CaptureFixture[str],
                                              tmp_path: Path) -> None:
    import gzip
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.csv.gz").write_bytes(
        gzip.compress(b'headline,content\nCSV title,"Line one.\nLine two."\n'))
    code, _, err = run(capsys, str(tmp_path))
    assert code == 2 and "--recursive" in err
    code, out, _ = run(capsys, "--recursive", str(tmp_path))
    assert code == 0
    assert [(o["id"], o["title"]) for o in out] == [("sub/d.csv.gz#1", "CSV title")]


def test_no_traceback_from_the_console_script(tmp_path: Path) -> None:
    f = tmp_path / "d.json"
    f.write_text("[{")
    proc = subprocess.run([sys.executable, "-m", "tui.cli", "analyse", str(f)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"warta: {f}: not valid JSON (line 1, column 3")
    assert "Traceback" not in proc.stderr


def test_unloadable_spacy_model_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    seed = Path(__file__).resolve().parent.parent / "seeds" / "000_7a6cb31184455393.txt"
    code, out, err = run(capsys, "--set", "entities.backend=spacy",
                         "--set", "entities.model=no_such_pipeline_xx", str(seed))
    assert (code, out) == (2, [])
    assert err.startswith("warta: entities.model:") and "no_such_pipeline_xx" in err
    assert err.count("\n") == 1


HASHTAG = "#stophoax #verifikasiverifikasiverifikasi #thinkbeforeforwarding\""
BODY = "Ini paragraf isi yang cukup panjang tentang berita hari ini di Jakarta."


def _analyse_child(path: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    """`warta analyse --no-language PATH` in a child process; fail the test if it hangs."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        return subprocess.run([sys.executable, "-m", "tui.cli", "analyse", "--no-language",
                               str(path)], capture_output=True, text=True, check=False,
                              timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        pytest.fail(f"warta analyse {path.name} still running after {timeout} s")


def test_a_hashtag_line_mid_batch_does_not_stop_the_records_after_it(tmp_path: Path) -> None:
    f = tmp_path / "d.jsonl"
    rows = [{"title": f"Berita {i}", "text": f"Berita {i}\n\n{BODY}\n"} for i in range(4)]
    rows[1]["text"] += HASHTAG + "\n"
    f.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    proc = _analyse_child(f, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(x)["title"] for x in proc.stdout.splitlines()] == [
        "Berita 0", "Berita 1", "Berita 2", "Berita 3"]


REAL = ROOT.parent / "shared" / "data" / "real" / "pages_html-text.jsonl"
if "WARTA_REAL_DATA" in os.environ:  # another checkout of the shared data
    REAL = Path(os.environ["WARTA_REAL_DATA"]) / "pages_html-text.jsonl"


@pytest.mark.skipif(not REAL.exists(), reason="the real pages are not beside the repository")
@pytest.mark.parametrize("line", [55, 67], ids=["indiapost", "dawgsbynature"])
def test_real_pages_that_hung_analyse_within_a_bound(tmp_path: Path, line: int) -> None:
    """Two whole pages whose hashtag lines made a pattern backtrack for minutes."""
    with REAL.open(encoding="utf-8") as rows:
        row = next(r for n, r in enumerate(rows, 1) if n == line)
    f = tmp_path / "page.jsonl"
    f.write_text(row, encoding="utf-8")
    proc = _analyse_child(f, timeout=30)
    assert proc.returncode == 0, proc.stderr
    (doc,) = [json.loads(x) for x in proc.stdout.splitlines()]
    assert doc["fields"]["id"] == json.loads(row)["id"] and doc["blocks"]


def test_a_2mb_article_is_bounded_and_says_so(capsys: pytest.CaptureFixture[str],
                                              tmp_path: Path) -> None:
    para = "Ini adalah kalimat yang cukup panjang dalam sebuah paragraf berita ekonomi. " * 7
    text = "Judul Besar\n\n" + "\n\n".join([para] * 3796)
    assert len(text) > 2_000_000
    f = tmp_path / "big.jsonl"
    f.write_text(json.dumps({"id": "big", "title": "Judul Besar", "text": text}) + "\n")
    start = time.perf_counter()
    code, out, err = run(capsys, str(f))
    assert time.perf_counter() - start < 30
    assert code == 0
    warning = ("only the first 200,000 characters were analysed; "
               "the rest is shown as plain text")
    assert out[0]["warnings"] == [warning]
    assert err == f"warta: {f.name}#1: {warning}\n"
    lines = text.splitlines()
    covered = [n for b in out[0]["blocks"] for n in range(b["lines"][0], b["lines"][1] + 1)]
    assert covered == [n for n, t in enumerate(lines, 1) if t.strip()]


def test_a_record_whose_analysis_fails_is_one_line_and_the_batch_goes_on(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.text.pipeline import Pipeline

    real = Pipeline.analyse

    def flaky(self: Pipeline, record: Any, **kw: Any) -> Any:
        if record.title == "Two":
            raise RuntimeError("boom")
        return real(self, record, **kw)

    monkeypatch.setattr(Pipeline, "analyse", flaky)
    f = tmp_path / "d.jsonl"
    f.write_text("".join(json.dumps({"title": t, "text": f"{t}\n\n{BODY}"}) + "\n"
                         for t in ("One", "Two", "Three")))
    code, out, err = run(capsys, str(f))
    assert code == 1
    assert [o["title"] for o in out] == ["One", "Three"]
    assert err == f"warta: {f.name}#2: analysis failed (RuntimeError: boom); skipped\n"


def test_a_lone_surrogate_in_a_json_dump_is_written_escaped(tmp_path: Path) -> None:
    # "\ud800" is valid JSON but no UTF-8 output can carry it: that line comes out
    # escaped (and reads back the same), the other lines as they are.
    f = tmp_path / "d.jsonl"
    body = "Presiden Joko Widodo tiba di Jakarta pada hari Senin untuk rapat kabinet."
    f.write_text(json.dumps({"title": "Satu", "text": body + " \ud800"}) + "\n"
                 + json.dumps({"title": "Dua", "text": body + " Café."}) + "\n",
                 encoding="utf-8")
    proc = _analyse_child(f, timeout=60)
    assert proc.returncode == 0, proc.stderr
    first, second = proc.stdout.splitlines()
    assert "\\ud800" in first and "Café" in second
    doc = json.loads(first)
    assert doc["blocks"][0]["text"].endswith("\ud800")
    assert doc["meta"]["entities_by"] == "crf"
    assert "Joko Widodo" in [e["text"] for b in doc["blocks"] for e in b["entities"]]
