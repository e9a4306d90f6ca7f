"""A dump opened for reading: random access to its records by position."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tui.dumps.formats import DumpError, iter_records
from tui.text.model import Record


@dataclass(frozen=True, slots=True)
class Row:
    """What the article list needs of one record without analysing it."""

    id: str
    title: str


def _title_guess(record: Record) -> str:
    if record.title:
        return record.title.strip()
    for line in record.text.splitlines():
        if line.strip():
            return line.strip()
    return "(empty)"


class Dump:
    """The articles of one or more paths, in input order, addressed by position."""

    def __init__(self, paths: Sequence[str], records: list[Record]) -> None:
        self.paths = list(paths)
        self._records = records

    @classmethod
    def open(cls, paths: Sequence[str], problem: Callable[[str], None] = lambda _: None) -> Dump:
        """Open every path; unreadable parts are reported through `problem`, not raised.

        Raises DumpError only when nothing at all could be opened.
        """
        records: list[Record] = []
        errors: list[str] = []
        for target in paths:
            try:
                records.extend(iter_records(target, problem))
            except DumpError as exc:
                errors.append(str(exc))
                problem(str(exc))
        if not records:
            raise DumpError(errors[0] if errors else f"{' '.join(paths)}: no articles found")
        return cls(paths, records)

    @property
    def name(self) -> str:
        """A short name for the header."""
        names = [Path(p).name or p for p in self.paths]
        return names[0] if len(names) == 1 else f"{names[0]} +{len(names) - 1}"

    def __len__(self) -> int:
        return len(self._records)

    def record(self, index: int) -> Record:
        """The record at `index` (0-based)."""
        return self._records[index]

    def row(self, index: int) -> Row:
        """The cheap list row for `index`."""
        rec = self._records[index]
        return Row(rec.id, _title_guess(rec))
