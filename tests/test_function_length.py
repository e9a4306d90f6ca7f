"""No function in tui/ is longer than 80 lines (tools/long_functions.py), data tables aside."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _tool() -> ModuleType:
    """Import tools/long_functions.py by path (tools/ is not a package)."""
    spec = importlib.util.spec_from_file_location("long_functions",
                                                  ROOT / "tools" / "long_functions.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["long_functions"] = module
    spec.loader.exec_module(module)
    return module


lf = _tool()


def test_no_function_in_tui_is_longer_than_80_lines() -> None:
    found = lf.long_functions([ROOT / "tui"])
    assert found == [], "\n".join(map(str, found))


def _source(body_lines: int) -> str:
    """A class whose method holds a nested function, a short function, then a long one."""
    body = [f"x{n} = {n}" for n in range(body_lines)]
    lines = ["class Table:", "    def method(self) -> None:", "        def inner() -> None:",
             *(" " * 12 + b for b in body), "        inner()", "", "",
             "def short() -> None:", "    pass", "", "",
             "def long() -> None:", *("    " + b for b in body)]
    return "\n".join(lines) + "\n"


def test_the_tool_finds_long_functions_nested_ones_too(tmp_path: Path) -> None:
    path = tmp_path / "sample.py"
    path.write_text(_source(80), encoding="utf-8")
    found = lf.long_functions([tmp_path])
    assert [(f.name, f.line, f.length) for f in found] == [
        ("sample.Table.method", 2, 83), ("sample.Table.method.inner", 3, 81),
        ("sample.long", 91, 81)]
    assert lf.long_functions([path], max_lines=83) == []


def test_data_tables_are_allowed_by_name(tmp_path: Path) -> None:
    path = tmp_path / "sample.py"
    path.write_text(_source(80), encoding="utf-8")
    allowed = frozenset({"sample.long", "sample.Table.method", "sample.Table.method.inner"})
    assert lf.long_functions([path], allowed=allowed) == []


def test_the_command_exits_1_and_names_each_function(tmp_path: Path) -> None:
    path = tmp_path / "sample.py"
    path.write_text(_source(80), encoding="utf-8")
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "long_functions.py"), str(path)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 1
    assert run.stdout.splitlines()[-1] == f"{path}:91: sample.long is 81 lines"
    ok = subprocess.run([sys.executable, str(ROOT / "tools" / "long_functions.py")],
                        capture_output=True, text=True, check=False)
    assert (ok.returncode, ok.stdout) == (0, "")
