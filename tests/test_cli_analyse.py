"""`warta analyse` on bad input: exit 2 with one line on stderr, bad records skipped."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main


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
