"""Patterns and the whole pipeline stay fast on lines built to make regexes backtrack.

The bounds are generous guards against a hang (the backtracking this guards against
took minutes on one line); speed itself is measured in bench/.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import regex

from tui.config import load_config
from tui.text import bounded_regex
from tui.text.boilerplate_rules import BoilerplateRules
from tui.text.bounded_regex import pattern_problem
from tui.text.budget import Budget
from tui.text.line import make_line
from tui.text.model import BlockKind, Record
from tui.text.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
HASHTAG = "#stophoax #verifikasiverifikasiverifikasi #thinkbeforeforwarding\""


def hashtag_line(repeats: int) -> str:
    """The hashtag line that froze the reader, its middle word `repeats` times "verifikasi"."""
    return f"#stophoax #{'verifikasi' * repeats} #thinkbeforeforwarding\""


def shipped_patterns() -> list[tuple[str, str]]:
    """(config key, pattern) for every shipped boilerplate pattern."""
    section = load_config().data["boilerplate"]
    out = [(f"patterns.{reason}.{lang}", rx)
           for reason, by_lang in section["patterns"].items()
           for lang, rxs in by_lang.items() for rx in rxs]
    out += [(f"closing.{reason}.{lang}", rx)
            for reason, by_lang in section["closing"].items()
            for lang, rxs in by_lang.items() for rx in rxs]
    out += [(key, rx) for key in ("closers", "closer_leads") for rx in section[key]]
    return out


def adversarial_lines(n: int = 2000) -> list[str]:
    """Long runs of one character, repeated separators, the hashtag line with its middle
    word grown to a few hundred letters, long lines without a terminator."""
    lines = [ch * n for ch in "aA1#-. .,:|/()>»"]
    lines += [(unit * n)[:n] for unit in ("a-", "# ", "> ", "a ", "Ab ", "a. ", "a |", "a>", "1.",
                                          "1, ", "A-B ", "AB ", "Aa Bb ", "a: ")]
    lines += [hashtag_line(k) for k in (3, 10, 30)]
    lines += ["Kata " + "kata " * (n // 5), "By " + "Name " * (n // 5)]
    # A run of separators inside a word, between ordinary words (found by `make fuzz`).
    lines += [f"on Tues{sep * 100}day after eight weeks " for sep in ">»›|-#/:"]
    return lines + [line + end for line in lines for end in ("!", "\u2603")]


SWEEP = """
import json, sys, time
engine = __import__(sys.argv[1])
patterns, lines = json.load(sys.stdin)
start = time.perf_counter()
for rx in patterns:
    compiled = engine.compile(rx, engine.IGNORECASE)
    for line in lines:
        compiled.search(line)
        compiled.search(line.lower())
print(time.perf_counter() - start)
"""


def test_every_shipped_pattern_is_fast_in_the_engine_it_runs_on() -> None:
    lines = adversarial_lines()
    start = time.perf_counter()
    for key, rx in shipped_patterns():
        compiled = regex.compile(rx, regex.IGNORECASE | regex.VERSION0)
        for line in lines:
            for text in (line, line.lower()):
                try:
                    compiled.search(text, timeout=2.0)
                except TimeoutError:
                    pytest.fail(f"{key} {rx!r} backtracks on {text[:40]!r}...")
    assert time.perf_counter() - start < 30


def test_every_shipped_pattern_is_fast_without_any_timeout() -> None:
    """Under plain `re` (no timeout at all), in a child process that is stopped if it hangs."""
    data = json.dumps([[rx for _, rx in shipped_patterns()], adversarial_lines()])
    try:
        done = subprocess.run([sys.executable, "-c", SWEEP, "re"], input=data, text=True,
                              capture_output=True, timeout=60, check=True)
    except subprocess.TimeoutExpired:
        pytest.fail("a shipped pattern backtracks for more than 60 s under re")
    assert float(done.stdout) < 30


def test_shipped_patterns_pass_the_user_pattern_probe() -> None:
    assert [(key, rx) for key, rx in shipped_patterns() if pattern_problem(rx)] == []


def _run_bounded(code: str, timeout: float) -> str:
    """Run `code` in a child Python (this checkout first on the path); fail if it hangs."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        done = subprocess.run([sys.executable, "-c", code], text=True, capture_output=True,
                              timeout=timeout, env=env, check=True)
    except subprocess.TimeoutExpired:
        pytest.fail(f"still running after {timeout} s")
    return done.stdout


def test_hashtag_line_through_the_pipeline_is_quick() -> None:
    """The line that froze the reader (and variants up to a few hundred letters), with
    language and entities, in a child process so that a regression fails, not hangs."""
    code = f"""
from tui.config import load_config
from tui.text.model import Record
from tui.text.pipeline import Pipeline
pipeline = Pipeline(load_config().analysis)
for k in (3, 10, 30):
    line = "#stophoax #" + "verifikasi" * k + ' #thinkbeforeforwarding"'
    text = "Hoaks vaksin\\n\\nIni paragraf isi yang panjang tentang hoaks di media.\\n" + line
    doc = pipeline.analyse(Record("h", text))
    assert doc.blocks[-1].text == line, doc.blocks[-1]
print(pipeline.analyse(Record("h", "Judul berita\\n\\n" + {HASHTAG!r})).blocks[-1].text)
"""
    assert _run_bounded(code, timeout=60).strip() == HASHTAG


def adversarial_articles(n: int) -> list[str]:
    """Articles made of adversarial lines: alone, under a title, and as many short lines."""
    out: list[str] = []
    for line in adversarial_lines(n):
        out += [line, f"Judul berita\n\n{line}\n\nPenutup artikel ini cukup panjang untuk isi.",
                "\n".join([line[: max(1, n // 40)]] * 40)]
    return out


def test_whole_pipeline_on_adversarial_articles_is_bounded() -> None:
    """Every regex of the pipeline (line kinds, datelines, segments, entities, structure),
    with language and entities; the time budget is lifted so that it hides nothing."""
    settings = replace(load_config().analysis, time_budget=1e9)
    pipeline = Pipeline(settings)
    articles = adversarial_articles(4000)
    start = time.perf_counter()
    for text in articles:
        t0 = time.perf_counter()
        doc = pipeline.analyse(Record("x", text), detect_language=True)
        assert time.perf_counter() - t0 < 10, text[:40]
        assert not doc.warnings
    assert time.perf_counter() - start < 120


# -- user patterns --------------------------------------------------------------------


def _config(tmp_path: Path, text: str) -> Any:
    path = tmp_path / "user.yaml"
    path.write_text(text, encoding="utf-8")
    return load_config(path), path


@pytest.fixture(autouse=True)
def _no_user_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("WARTA_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))


def test_bad_user_patterns_are_one_line_each_and_the_rest_loads(tmp_path: Path) -> None:
    config, path = _config(tmp_path, """\
boilerplate:
  patterns:
    tags:
      any: ['^(a|aa)+$', '^(unclosed', '^mine:']
  closers: ['^(a|aa)+y$', 12]
ui:
  measure: 70
""")
    problems = list(config.problems)
    assert len(problems) == 4, problems
    assert problems[0].startswith(f"{path}: 'boilerplate.patterns.tags.any[0]' takes too long")
    assert problems[1].startswith(f"{path}: 'boilerplate.patterns.tags.any[1]' is not a valid")
    assert problems[2].startswith(f"{path}: 'boilerplate.closers[0]' takes too long")
    assert problems[3].startswith(f"{path}: 'boilerplate.closers[1]' must be a string")
    assert all("\n" not in p for p in problems)
    assert config.get("boilerplate.patterns") == {"tags": {"any": ["^mine:"]}}
    assert config.get("boilerplate.closers") == []
    assert config.get("ui.measure") == 70
    pipeline = Pipeline(config.analysis)  # what is left compiles
    assert pipeline.rules.match("mine: x") is not None


def test_limits_must_be_positive(tmp_path: Path) -> None:
    config, path = _config(tmp_path, "analysis:\n  max_chars: 0\n  time_budget: -1\n")
    assert config.problems == (f"{path}: 'analysis.max_chars' must be more than 0, not 0",
                               f"{path}: 'analysis.time_budget' must be more than 0, not -1")
    assert config.analysis.max_chars == 200_000


def test_a_pattern_that_times_out_counts_as_no_match_and_is_reported() -> None:
    """A catastrophic pattern that got past the probe still cannot hang an article."""
    settings = replace(load_config().analysis, time_budget=5.0)
    pipeline = Pipeline(settings)
    pipeline.rules = BoilerplateRules.from_config(
        {"patterns": {"other": {"any": ["^(a|aa)+$"]}}})
    text = "Judul berita yang panjang\n\nSebuah kalimat isi yang cukup panjang di sini.\n" + (
        "a" * 80 + "b")
    start = time.perf_counter()
    doc = pipeline.analyse(Record("t", text), detect_language=False)
    assert time.perf_counter() - start < 5
    assert doc.warnings == ["a boilerplate pattern timed out on 1 line(s); counted as no match"]
    assert doc.blocks[-1].kind is BlockKind.PARAGRAPH


def test_a_long_run_of_sentence_stops_is_read_once() -> None:
    """The sentence-end test starts only where a run of stops begins: 50,000 dots before a
    letter took about 20 s when it was tried from every dot, and now takes milliseconds."""
    start = time.perf_counter()
    for stop in ".。!":
        line = make_line(0, stop * 50_000 + "x")
        assert not line.ends_sentence and not line.ends_with_stop
    assert time.perf_counter() - start < 2


def test_every_shipped_pattern_is_fast_on_a_long_line_of_its_own_words() -> None:
    """A pattern repeating a group of words (share buttons, menu items) must not retry the
    whole run from every word: a 30,000-character line of one word it names, repeated,
    without whatever it wants at the end, is read well within half a second."""
    for key, rx in shipped_patterns():
        compiled = regex.compile(rx, regex.IGNORECASE | regex.VERSION0)
        for word in sorted(set(regex.findall(r"[a-z]{3,}", rx)))[:8]:
            line = ((word + " ") * (30_000 // (len(word) + 1)))
            try:
                compiled.search(line, timeout=0.5)
            except TimeoutError:
                pytest.fail(f"{key} {rx!r} backtracks on a long run of {word!r}")


def test_every_shipped_pattern_is_fast_on_a_name_then_its_own_words_in_any_case() -> None:
    """A repeated group whose branches can read the same word ("De" as a capitalised name
    or, case-blind, as the connector "de") tries every split of a run of it: 2^k. Each
    pattern is opened with its first word and a name, then given 26 of each of its words
    (lower, Title and UPPER case; space, hyphen and comma between) and an end it refuses:
    within half a second each (the byline name lists took minutes before)."""
    for key, rx in shipped_patterns():
        compiled = regex.compile(rx, regex.IGNORECASE | regex.VERSION0)
        words = list(dict.fromkeys(regex.findall(r"[^\W\d_]{1,12}", regex.sub(
            r"\\[wbsSdpP]|\(\?-?i:", " ", rx))))[:25]
        for word in words:
            for form in {word, word.title(), word.upper()}:
                for sep in (" ", "-", ", "):
                    line = f"{words[0]} Ab" + (sep + form) * 26 + " x."
                    try:
                        compiled.search(line, timeout=0.5)
                    except TimeoutError:
                        pytest.fail(f"{key} {rx!r} backtracks on {line[:50]!r}...")


def test_the_button_pattern_is_linear_on_long_runs() -> None:
    """The button test (literal alternatives, then a class) reads a 30,000-character run of
    its own words or of trailing marks once: well within half a second for them all."""
    from tui.text.line_kinds import BUTTON

    start = time.perf_counter()
    for line in [*adversarial_lines(), "learn more " * 3_000,
                 "Read more" + "»" * 30_000 + "x", "sign " * 6_000]:
        BUTTON.match(line)
    assert time.perf_counter() - start < 0.5


ARRAY_TRAPS = [
    b"[" * 400_000,  # deep nesting: one step a bracket, no recursion
    b'["' + b"a" * 2_000_000,  # a string never closed
    b'["' + b"\\" * 2_000_001 + b'"]',  # a run of backslashes
    b"[" + b'""' * 1_000_000 + b"]",  # a million empty strings in one element
    b'["' + b'\\"' * 1_000_000,  # escaped quotes, never closed
    b"[" + b"1," * 500_000 + b"1]",  # half a million small elements
    b"{" + b'"x": [], ' * 200_000 + b'"items": [1]}',  # arrays under keys that are not list keys
    b'{"' + b'\\"' * 1_000_000 + b'": [1]}',  # a key of escaped quotes before a bracket
    b'{"a": "' + b"]}[{," * 400_000 + b'"}',  # structure inside a string
    b"[" + b'{"k": "v", ' * 300_000,  # an object without brackets never closed
    b'[{"a": 1}' + b" " * 2_000_000 + b"]",  # blanks, and no comma after an object
    b"[" + b'{"a": [1]}, ' * 200_000 + b"1]",  # objects with a bracket inside
]


@pytest.mark.parametrize("trap", range(len(ARRAY_TRAPS)))
def test_the_json_array_scanner_is_linear_on_hostile_documents(trap: int) -> None:
    """Strings, escapes and brackets built to make the scanner's regexes backtrack are read
    in one pass, fed in 64 KiB chunks: a few megabytes in well under the bound."""
    from tui.dumps.array_scan import ArrayScanner

    doc = ARRAY_TRAPS[trap]
    start = time.perf_counter()
    scanner = ArrayScanner("trap.json")
    for at in range(0, len(doc), 65536):
        scanner.feed(doc[at:at + 65536])
    scanner.finish()
    assert time.perf_counter() - start < 5


def test_a_match_that_overruns_once_is_tried_again() -> None:
    """The timeout is wall time: a pass that overran because the machine was busy is tried
    again, so a busy machine does not change what an article is called."""
    calls: list[float] = []

    def run(text: str, concurrent: bool, timeout: float) -> str:
        calls.append(timeout)
        if len(calls) == 1:
            raise TimeoutError
        return "matched"

    with Budget(5.0) as spent:
        assert bounded_regex._bounded(run, "line") == "matched"
    assert len(calls) == 2 and spent.timeouts == 0
