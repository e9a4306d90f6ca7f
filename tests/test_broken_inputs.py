"""Twenty broken inputs (tests/broken_inputs.py): one line each, no traceback, good records out.

`warta analyse` over each case's folder prints one `warta:` line per problem and every good
record; the reader opens each folder, lists the good articles and walks every row
(error rows included) without an exception.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from app_fixtures import marked_analyse, settle
from broken_inputs import CASES, GOOD_TITLE, LIMITS, Case

from tui.app import WartaApp
from tui.cli import main
from tui.config import load_config
from tui.dumps.index import Dump
from tui.resources import bundled
from tui.themes import load_themes
from tui.widgets.article_list import ArticleList

IDS = [c.name for c in CASES]


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("broken")
    return {case.name: case.make(root) for case in CASES}


def _sets() -> list[str]:
    return [arg for item in LIMITS for arg in ("--set", item)]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_analyse_gives_one_line_per_problem_and_every_good_record(
        case: Case, folders: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    started = time.monotonic()
    code = main(["analyse", "--no-language", *_sets(), str(folders[case.name])])
    out, err = capsys.readouterr()
    assert time.monotonic() - started < 60  # a hang guard: FIFOs, loops, bombs
    assert code == 0, err
    assert "Traceback" not in err
    lines = err.splitlines()
    docs = [json.loads(line) for line in out.splitlines()]
    # One line per problem of the reader, plus one per article that carries warnings.
    assert len(lines) == case.messages + sum(1 for d in docs if d["warnings"]), err
    assert all(line.startswith("warta: ") for line in lines)
    if lines:
        assert case.name in lines[0]  # the message names the file
    texts = ["\n".join([d["title"] or "", *(b["text"] for b in d["blocks"])]) for d in docs]
    for title in (GOOD_TITLE, *(case.titles if case.analysed is None else case.analysed)):
        assert any(title in text for text in texts), (title, texts[:5])
    for expected in case.warnings:
        assert any(w.startswith(expected) for d in docs for w in d["warnings"]), docs


def test_the_console_script_prints_no_traceback_for_a_deep_line(folders: dict[str, Path]) -> None:
    proc = subprocess.run([sys.executable, "-m", "tui.cli", "analyse", "--no-language",
                           str(folders["nested.jsonl"])],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0
    assert "Traceback" not in proc.stderr
    assert proc.stderr.splitlines() == [
        f"warta: {folders['nested.jsonl'] / 'nested.jsonl'}:2: nested deeper than 1000 levels;"
        " skipped"]
    assert [json.loads(x)["title"] for x in proc.stdout.splitlines()] == [
        GOOD_TITLE, "Shallow One", "Shallow Two"]


@pytest.mark.asyncio
@pytest.mark.parametrize("case", CASES, ids=IDS)
async def test_the_reader_opens_each_and_lists_the_good_articles(
        case: Case, folders: dict[str, Path], tmp_path: Path) -> None:
    config = load_config(None, ["analysis.detect_language=false", *LIMITS])
    notices: list[str] = []
    dump = Dump.open([str(folders[case.name])], notices.append, limits=config.dump_limits)
    app = WartaApp(dump, config, analyser=marked_analyse, themes=load_themes([bundled("themes")]),
                   state_file=tmp_path / "ui.yaml", notices=notices)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        listing = app.screen.query_one(ArticleList)
        shown = [listing.render_line(y).text for y in range(min(len(dump), 25))]
        titles = [dump.row(i).title for i in range(len(dump))]
        for _ in range(min(len(dump), 40)):  # every row (error rows too) read by the workers
            await pilot.press("j")
        await settle(pilot)
        assert app.is_running
    assert any(GOOD_TITLE[:12] in line for line in shown), shown
    for title in case.titles:
        assert title in titles
    errors = [dump.row(i) for i in range(len(dump)) if dump.row(i).error]
    assert all(not r.title.startswith("(") for r in errors)


@pytest.mark.asyncio
async def test_an_error_row_says_why_in_the_warning_style(folders: dict[str, Path],
                                                          tmp_path: Path) -> None:
    config = load_config(None, ["analysis.detect_language=false"])
    dump = Dump.open([str(folders["nested.jsonl"])])
    app = WartaApp(dump, config, analyser=marked_analyse, themes=load_themes([bundled("themes")]),
                   state_file=tmp_path / "ui.yaml")
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        listing = app.screen.query_one(ArticleList)
        error = next(i for i in range(len(dump)) if dump.row(i).error)
        assert dump.row(error).title == "line 2: nested deeper than 1000 levels"
        warned = [s for s in list(listing.render_line(error)) if "nested" in s.text]
        assert warned and all(s.style is not None and s.style.italic for s in warned)
        plain = [s for s in list(listing.render_line(error + 1)) if "Shallow" in s.text]
        assert plain and not any(s.style is not None and s.style.italic for s in plain)
