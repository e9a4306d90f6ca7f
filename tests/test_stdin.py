"""A dump on standard input: `-` for analyse/stats, a pipe for the reader (keys from the tty).

The articles here are synthetic, written for these tests.
"""

from __future__ import annotations

import json
import os
import shlex
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tmux_terminal import WARTA, Terminal, needs_tmux, needs_warta

from tui.dumps import stdin as stdin_module
from tui.dumps.formats import iter_records

ROOT = Path(__file__).resolve().parent.parent
TITLES = ["Piped Story One", "Piped Story Two", "Piped Story Three"]
JSONL = "".join(json.dumps({"title": t, "text": f"{t}. Kalimat sintetis tentang pasar."}) + "\n"
                for t in TITLES).encode()


def _env(tmp_path: Path) -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    out.update(PYTHONPATH=str(ROOT), XDG_STATE_HOME=str(tmp_path / "state"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_CACHE_HOME=str(tmp_path / "cache"),
               TMPDIR=str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir(exist_ok=True)
    return out


def _warta(tmp_path: Path, *args: str, data: bytes, new_session: bool = False,
           ) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "tui.cli", *args], input=data,
                          capture_output=True, env=_env(tmp_path), timeout=120, check=False,
                          start_new_session=new_session)


def test_analyse_reads_a_pipe_given_as_dash(tmp_path: Path) -> None:
    proc = _warta(tmp_path, "analyse", "--no-language", "-", data=JSONL)
    assert proc.returncode == 0, proc.stderr
    docs = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [(d["id"], d["title"]) for d in docs] == [
        (f"<stdin>#{n}", t) for n, t in enumerate(TITLES, start=1)]
    assert proc.stderr == b""


def test_analyse_sniffs_csv_and_names_stdin_in_messages(tmp_path: Path) -> None:
    data = b"title,text\nCsv Piped,Badan berita.\n\n{broken\n"
    proc = _warta(tmp_path, "analyse", "--no-language", "-", data=data)
    assert proc.returncode == 0
    assert [json.loads(x)["title"] for x in proc.stdout.splitlines()] == ["Csv Piped"]
    assert proc.stderr.decode().splitlines() == [
        "warta: <stdin>:4: row 2 has 1 fields, the header has 2; skipped"]


def test_the_reader_without_a_terminal_says_so_in_one_line(tmp_path: Path) -> None:
    # A new session has no controlling terminal: /dev/tty cannot be opened.
    proc = _warta(tmp_path, data=JSONL, new_session=True)
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert err.startswith("warta: the dump came on standard input and no terminal")
    assert err.count("\n") == 1 and "Traceback" not in err


def test_spool_copies_and_digests_and_the_state_file_is_named_by_content(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    path, digest = stdin_module.spool(io.BytesIO(JSONL))
    assert path.read_bytes() == JSONL
    assert digest == __import__("hashlib").sha1(JSONL).hexdigest()
    monkeypatch.setattr(stdin_module, "_spooled", (path, digest))
    assert stdin_module.stdin_state_path(tmp_path).name == f"stdin-{digest[:16]}.sqlite"
    assert [r.id for r in iter_records("-")] == ["<stdin>#1", "<stdin>#2", "<stdin>#3"]


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(f"warta-stdin-{os.getpid()}-{tmp_path.name}", 140, 40)
    try:
        yield term
    finally:
        term.close()


@needs_tmux
@needs_warta
def test_a_piped_dump_opens_and_keys_come_from_the_terminal(tmp_path: Path,
                                                            terminal: Terminal) -> None:
    dump = tmp_path / "piped.jsonl"
    dump.write_bytes(JSONL)
    env = " ".join(f"{k}={shlex.quote(v)}" for k, v in _env(tmp_path).items()
                   if k in ("PYTHONPATH", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                            "TMPDIR"))
    terminal.start(f"cat {shlex.quote(str(dump))} | env -u COLUMNS -u LINES {env} "
                   f"TERM=xterm-256color {WARTA}; echo WARTA-EXIT=$?; sleep 60")
    terminal.wait_for(lambda rows: any(TITLES[0] in r for r in rows), "the piped first title")
    # The header names the dump and counts the article shown: "<stdin> ... 1 / 3".
    terminal.wait_for(lambda rows: "<stdin>" in rows[0] and rows[0].rstrip().endswith("1 / 3"),
                      "the header on article 1")
    terminal.keys("J")
    terminal.wait_for(lambda rows: rows[0].rstrip().endswith("2 / 3"), "article 2 after J")
    terminal.keys("j")
    terminal.wait_for(lambda rows: rows[0].rstrip().endswith("3 / 3"), "article 3 after j")
    terminal.keys("q")
    terminal.wait_for(lambda rows: any("WARTA-EXIT=0" in r for r in rows), "warta to exit 0")
    states = list((tmp_path / "state" / "warta").glob("stdin-*.sqlite"))
    assert len(states) == 1  # named by the content's digest
    with sqlite3.connect(states[0]) as conn:
        assert conn.execute("SELECT count(*) FROM decisions").fetchone() == (0,)
    assert (tmp_path / "tmp").is_dir()
    assert list((tmp_path / "tmp").glob("warta-stdin-*")) == []  # the spooled copy is gone


def test_analyse_streams_json_lines_as_they_arrive(tmp_path: Path) -> None:
    import select

    proc = subprocess.Popen([sys.executable, "-m", "tui.cli", "analyse", "--no-language", "-"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=_env(tmp_path))
    assert proc.stdin is not None and proc.stdout is not None
    try:
        proc.stdin.write(JSONL.splitlines(keepends=True)[0])
        proc.stdin.flush()
        # The first article comes out while standard input is still open.
        ready, _, _ = select.select([proc.stdout], [], [], 60)
        assert ready, "no output before the end of input"
        assert json.loads(proc.stdout.readline())["title"] == TITLES[0]
        proc.stdin.write(b"x" * 3000 + b"\n" + JSONL.splitlines(keepends=True)[1])
        proc.stdin.close()
        rest = [json.loads(x)["title"] for x in proc.stdout.read().splitlines()]
        assert rest == [TITLES[1]]
        assert proc.wait(timeout=60) == 0
        assert proc.stderr is not None
        assert proc.stderr.read().decode().startswith("warta: <stdin>:2: not valid JSON")
    finally:
        proc.kill()


def test_a_streamed_line_over_the_size_cap_is_skipped_unread(tmp_path: Path) -> None:
    data = JSONL.splitlines(keepends=True)
    big = json.dumps({"title": "Big", "text": "y" * 5000}).encode() + b"\n"
    proc = _warta(tmp_path, "analyse", "--no-language", "--set", "dump.max_record_mb=0.001",
                  "-", data=data[0] + big + data[1])
    assert proc.returncode == 0
    assert [json.loads(x)["title"] for x in proc.stdout.splitlines()] == TITLES[:2]
    assert proc.stderr.decode().splitlines() == [
        "warta: <stdin>:2: record of 5029 bytes is over the 1048 bytes limit "
        "(dump.max_record_mb); skipped"]


def test_the_reader_refuses_dash_when_standard_input_is_a_terminal(tmp_path: Path) -> None:
    import pty

    leader, follower = pty.openpty()
    try:
        proc = subprocess.run([sys.executable, "-m", "tui.cli", "-"], stdin=follower,
                              capture_output=True, env=_env(tmp_path), timeout=60, check=False)
    finally:
        os.close(leader)
        os.close(follower)
    assert proc.returncode == 2
    assert proc.stderr.decode() == (
        "warta: - reads the dump from standard input, which is a terminal here; pipe a dump "
        "in (cat news.jsonl | warta)\n")


def test_plain_text_on_standard_input_is_one_article(tmp_path: Path) -> None:
    proc = _warta(tmp_path, "analyse", "--no-language", "-",
                  data="Judul Lewat Pipa\n\nIsi berita biasa, café.\n".encode("cp1252"))
    assert proc.returncode == 0, proc.stderr
    (doc,) = [json.loads(x) for x in proc.stdout.splitlines()]
    assert (doc["id"], doc["title"]) == ("<stdin>", "Judul Lewat Pipa")
    assert doc["warnings"] == ["not UTF-8: decoded as cp1252 (charset-normalizer)"]
