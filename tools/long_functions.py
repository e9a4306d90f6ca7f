"""List the functions longer than 80 lines (tui/ by default); exit 1 when there is any.

    python tools/long_functions.py [PATH ...] [--max N]

A function's length is read from the AST: from its `def` line to its last line,
docstring, comments and nested functions included, decorators not. Each nested
function is measured too. Data tables (a function that is mostly one literal table)
may be longer: they are allowed by name in ALLOWED ("module.qualname").
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 80
# Data tables allowed to be longer, as "tui.module.function" (or "...Class.method").
ALLOWED: frozenset[str] = frozenset()


@dataclass(frozen=True)
class LongFunction:
    """One function over the limit: where it is and how long."""

    path: Path
    line: int
    name: str  # dotted: module, then class and outer functions
    length: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.name} is {self.length} lines"


def _module_name(path: Path) -> str:
    """The dotted module name of a file under the repository (else its stem)."""
    try:
        rel = path.resolve().relative_to(ROOT)
    except ValueError:
        return path.stem
    return ".".join(rel.with_suffix("").parts)


def _functions(node: ast.AST, prefix: str) -> Iterator[tuple[str, ast.AST]]:
    """Every function under `node` with its qualified name, nested ones included."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
            name = f"{prefix}.{child.name}"
            yield name, child
            yield from _functions(child, name)
        elif isinstance(child, ast.ClassDef):
            yield from _functions(child, f"{prefix}.{child.name}")
        else:
            yield from _functions(child, prefix)


def _files(paths: Iterable[Path]) -> Iterator[Path]:
    """The .py files of the given files and folders, sorted per folder."""
    for path in paths:
        if path.is_dir():
            yield from sorted(path.rglob("*.py"))
        else:
            yield path


def long_functions(paths: Iterable[Path], max_lines: int = MAX_LINES,
                   allowed: frozenset[str] = ALLOWED) -> list[LongFunction]:
    """The functions in `paths` longer than `max_lines` lines, except the allowed ones."""
    found: list[LongFunction] = []
    for path in _files(paths):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for name, node in _functions(tree, _module_name(path)):
            assert isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > max_lines and name not in allowed:
                found.append(LongFunction(path, node.lineno, name, length))
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Print one line per function over the limit; exit 1 when there is any."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, default=[ROOT / "tui"],
                    help="files or folders to check (default: tui/)")
    ap.add_argument("--max", type=int, default=MAX_LINES, help="the most lines allowed")
    args = ap.parse_args(argv)
    found = long_functions(args.paths, args.max)
    for fn in found:
        print(fn)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
