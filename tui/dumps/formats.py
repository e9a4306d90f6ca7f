"""Sniffing dump formats and reading them into Records."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from tui.text.model import Record

TEXT_SUFFIXES = {".txt", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}

# Field names recognised in structured records, first match wins.
TITLE_FIELDS = ("title", "headline")
TEXT_FIELDS = ("text", "content", "body", "maintext")
URL_FIELDS = ("url", "link")
DATE_FIELDS = ("date", "published", "published_at")
AUTHOR_FIELDS = ("author", "authors")

Problem = Callable[[str], None]


class DumpError(Exception):
    """A dump that cannot be read at all, worded as one line naming the path."""


def _ignore(_: str) -> None:
    return None


def _first(obj: dict[str, Any], names: tuple[str, ...]) -> tuple[str | None, Any]:
    for name in names:
        if name in obj and obj[name] not in (None, ""):
            return name, obj[name]
    return None, None


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def record_from_mapping(rid: str, obj: dict[str, Any]) -> Record:
    """A Record from a structured object; unrecognised fields are kept in `fields`."""
    used: list[str] = []
    values: dict[str, str | None] = {}
    for slot, names in (("title", TITLE_FIELDS), ("text", TEXT_FIELDS), ("url", URL_FIELDS),
                        ("date", DATE_FIELDS), ("author", AUTHOR_FIELDS)):
        name, value = _first(obj, names)
        if name is not None:
            used.append(name)
        values[slot] = _as_text(value)
    rest = {k: v for k, v in obj.items() if k not in used}
    return Record(rid, values["text"] or "", title=values["title"], url=values["url"],
                  date=values["date"], author=values["author"], fields=rest)


def read_text_file(path: Path, rid: str) -> Record:
    """A .txt/.md file is one article."""
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise DumpError(f"{rid}: not a text file (binary data)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DumpError(f"{rid}: not UTF-8 text (bad byte at offset {exc.start})") from None
    return Record(rid, text)


def read_jsonl(path: Path, rid: str, problem: Problem = _ignore) -> Iterator[Record]:
    """One JSON object per line; a malformed line is reported and skipped."""
    with path.open("rb") as fh:
        for n, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                why = exc.msg if isinstance(exc, json.JSONDecodeError) else "not UTF-8"
                problem(f"{rid}:{n}: skipped, not valid JSON ({why})")
                continue
            if not isinstance(obj, dict):
                problem(f"{rid}:{n}: skipped, expected a JSON object, got {type(obj).__name__}")
                continue
            yield record_from_mapping(f"{rid}#{n}", obj)


def iter_records(target: str, problem: Problem = _ignore) -> Iterator[Record]:
    """Every Record under `target` (a file or folder), in order; DumpError if unusable."""
    path = Path(target)
    if not path.exists():
        raise DumpError(f"{target}: no such file or folder")
    if path.is_dir():
        files = sorted(p for p in path.iterdir()
                       if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES)
        if not files:
            raise DumpError(f"{target}: folder holds no articles (.txt, .md, .jsonl)")
        for f in files:
            rid = str(Path(target) / f.name)
            try:
                yield from _read_file(f, rid, problem)
            except DumpError as exc:
                problem(str(exc))
        return
    yield from _read_file(path, target, problem)


def _read_file(path: Path, rid: str, problem: Problem) -> Iterator[Record]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, rid, problem)
    else:
        yield read_text_file(path, rid)
