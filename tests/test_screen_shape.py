"""MainScreen stays a router: under 300 lines, and every screen class has one base, no mixin."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

from textual.screen import Screen

from tui.screens import main

SCREENS = Path(main.__file__).resolve().parent
MAX_LINES = 300


def test_main_screen_module_is_under_300_lines() -> None:
    lines = Path(inspect.getsourcefile(main) or "").read_text(encoding="utf-8").splitlines()
    assert len(lines) < MAX_LINES, f"tui/screens/main.py is {len(lines)} lines"


def test_main_screen_inherits_from_screen_alone() -> None:
    assert main.MainScreen.__bases__ == (Screen,)


def _bases(path: Path) -> dict[str, list[str]]:
    """Each class in `path` and the source text of its bases."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name: [ast.unparse(base) for base in node.bases]
            for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}


def test_no_class_in_screens_mixes_in_another() -> None:
    found = {f"{path.name}:{name}": bases for path in sorted(SCREENS.glob("*.py"))
             for name, bases in _bases(path).items()
             if len(bases) > 1 or any("mixin" in base.lower() for base in bases)}
    assert found == {}


def test_the_check_sees_a_mixin(tmp_path: Path) -> None:
    path = tmp_path / "sample.py"
    path.write_text("class A(Keys, Screen):\n    pass\n\n\nclass B(Screen):\n    pass\n",
                    encoding="utf-8")
    assert _bases(path) == {"A": ["Keys", "Screen"], "B": ["Screen"]}
