"""`warta analyse` in a real terminal: a progress bar on stderr, messages above it."""

from __future__ import annotations

import json
import os
import shlex
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tmux_terminal import Terminal, needs_tmux

ROOT = Path(__file__).resolve().parent.parent
BODY = "Ini paragraf isi yang cukup panjang tentang berita hari ini di Jakarta."


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(f"warta-batch-{os.getpid()}-{tmp_path.name}", 140, 20)
    try:
        yield term
    finally:
        term.close()


@needs_tmux
def test_the_bar_counts_records_and_messages_print_above_it(tmp_path: Path,
                                                             terminal: Terminal) -> None:
    dump = tmp_path / "d.jsonl"
    rows = [json.dumps({"title": f"Berita {i}", "text": f"Berita {i}\n\n{BODY}"})
            for i in range(100)]
    rows[50] = '{"title": "broken"'
    dump.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    command = (f"cd {shlex.quote(str(tmp_path))} && PYTHONPATH={shlex.quote(str(ROOT))} "
               f"XDG_CACHE_HOME={shlex.quote(str(tmp_path / 'cache'))} "
               f"{shlex.quote(sys.executable)} -m tui.cli analyse --no-language --jobs 2 "
               f"d.jsonl > out.jsonl; echo WARTA-EXIT=$?; sleep 60")
    terminal.start(command)
    terminal.wait_for(lambda rows: any("WARTA-EXIT=0" in r for r in rows), "warta to exit 0",
                      timeout=120)
    screen = terminal.screen()
    assert any(r.startswith("warta: d.jsonl:51: not valid JSON") for r in screen), screen
    bar = next(r for r in screen if r.startswith("analyse"))
    assert "100/100 records" in bar and "records/s" in bar and "ETA" in bar, bar
    message_row = next(i for i, r in enumerate(screen) if r.startswith("warta: d.jsonl:51"))
    assert message_row < screen.index(bar)
    assert len(out.read_text(encoding="utf-8").splitlines()) == 99
