"""Reading YAML files (config, themes, the remembered theme): parsed once per content.

The YAML library is imported only to parse text not seen before: a parse is kept as JSON
in $XDG_CACHE_HOME/warta/parsed, named by the digest of the file's bytes, and read back
from there while the file is unchanged.
"""

from __future__ import annotations

import json
import os
from hashlib import sha1
from pathlib import Path
from typing import Any

from tui.resources import user_dir


class YamlError(ValueError):
    """Text that is not valid YAML: what is wrong and on which (0-based) line, if known."""

    def __init__(self, problem: str | None, line: int | None) -> None:
        super().__init__(problem or "not valid YAML")
        self.problem = problem
        self.line = line


def parse_yaml(source: str) -> Any:
    """Parse YAML text safely, with libyaml's parser when it is installed (about 25x faster
    on our 40 KB config); YamlError when it is not YAML."""
    import yaml  # here: most starts read every file from the parse cache instead

    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(source, Loader=loader)  # a safe loader either way
    except yaml.YAMLError as exc:
        raise _worded(exc, source) from None


def _worded(exc: Any, source: str) -> YamlError:
    """The parser's complaint with a line that exists: a problem found at the end of the
    text (an unclosed bracket or quote) is placed where the unclosed thing began."""
    problem: str | None = getattr(exc, "problem", None)
    mark = getattr(exc, "problem_mark", None)
    if mark is None:
        return YamlError(problem, None)
    lines = len(source.splitlines()) or 1
    if mark.line < lines:
        return YamlError(problem, mark.line)
    context, opened = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    if problem and "<stream end>" in problem:
        problem = problem.replace("but got '<stream end>'", "but the file ends")
    if context and opened is not None and opened.line < lines:
        return YamlError(f"{problem} ({context} begun on line {opened.line + 1})", opened.line)
    return YamlError(problem, lines - 1)


def read_yaml_file(path: Path) -> Any:
    """The data of a YAML file, read back from a JSON copy of an earlier parse of the same
    bytes when there is one (importing the YAML library and parsing the bundled config
    cost about 20 ms of every start). Raises OSError, UnicodeDecodeError, YamlError.
    """
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    kept = _parse_cache() / f"{sha1(raw, usedforsecurity=False).hexdigest()}.json"
    try:
        return json.loads(kept.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    data = parse_yaml(text)
    _keep_parse(kept, data)
    return data


def _parse_cache() -> Path:
    """$XDG_CACHE_HOME/warta/parsed: JSON copies of parsed YAML, named by the file's digest."""
    return user_dir("cache") / "parsed"


def _keep_parse(kept: Path, data: Any) -> None:
    """Write the JSON copy when JSON gives the same data back (best effort, atomic)."""
    try:
        encoded = json.dumps(data, ensure_ascii=False)
        if json.loads(encoded) != data:  # e.g. dates or numbers as keys: parse each time
            return
        kept.parent.mkdir(parents=True, exist_ok=True)
        tmp = kept.with_name(f"{kept.stem}.{os.getpid()}.tmp")
        tmp.write_text(encoded, encoding="utf-8")
        tmp.replace(kept)
    except (OSError, TypeError, ValueError):
        pass
