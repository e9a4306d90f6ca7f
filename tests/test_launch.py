"""The `warta` script's entry: the command line's modules load with the collector held off."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import gc
runs = []
gc.callbacks.append(lambda phase, info: runs.append(phase) if phase == "start" else None)
from tui.launch import load_cli
before = len(runs)
main = load_cli()
print(len(runs) - before, gc.isenabled(), main.__module__)
"""


def test_the_command_line_loads_without_a_collection_and_leaves_the_collector_on() -> None:
    out = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True,
                         cwd=ROOT, check=True).stdout.split()
    assert out == ["0", "True", "tui.cli"]


def test_the_script_runs_the_command_line() -> None:
    done = subprocess.run([sys.executable, "-c", "import sys; from tui.launch import main; "
                           "sys.exit(main(['--help']))"], capture_output=True, text=True,
                          cwd=ROOT)
    assert done.returncode == 0 and "warta" in done.stdout
