"""The page the cleaner reads: its lines, paragraph units and what each stage found."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum

from tui.text import segment
from tui.text.boilerplate_rules import BoilerplateRules
from tui.text.line import Line, make_line
from tui.text.model import Reason


class Shape(Enum):
    """How a paragraph unit reads, before context is considered."""

    GOOD = "good"  # a long sentence: content
    SENTENCE = "sentence"  # short but punctuated, a quote, a list item, a table row
    SHORT = "short"  # a fragment: a heading, a menu item, a link, a name


@dataclass(slots=True)
class Unit:
    """One paragraph unit: a line, or the lines of a hard-wrapped paragraph."""

    lines: list[Line]
    run: int  # which blank-separated run it belongs to
    shape: Shape = Shape.SHORT
    reason: Reason | None = None
    label: bool = False  # a bare label such as "Related:" that claims what follows
    row: bool = False  # one of two or more "Label: value" lines together (a fact box)
    closed: bool = False  # in the page's closing block (comments, press contact)
    matched: bool = False  # its reason comes from a pattern
    guessed: bool = False  # its reason was guessed for the trailing zone

    @property
    def first(self) -> Line:
        """The unit's first line (what patterns, labels and titles are judged on)."""
        return self.lines[0]

    @property
    def text(self) -> str:
        """The unit's lines joined with spaces."""
        return " ".join(ln.text for ln in self.lines)

    @property
    def joined(self) -> Line:
        """The unit's lines as one Line (a hard-wrapped paragraph read whole)."""
        return make_line(self.first.index, self.text)


@dataclass(frozen=True, slots=True)
class Context:
    """What a page is cleaned with: the compiled patterns and the record's own title."""

    rules: BoilerplateRules
    title: str | None = None


@dataclass(slots=True)
class Page:
    """One article as the cleaner's stages see it; each stage fills in or revises a part.

    Until `units` exist the page is its lines; from then on reasons live on the units and
    `reasons()` spreads them back over the lines.
    """

    lines: Sequence[str]
    runs: list[list[int]]  # 0-based indices of the non-blank lines, per blank-separated run
    nonblank: dict[int, Line]  # every non-blank line by index, stripped
    matched: dict[int, tuple[Reason, bool]] = field(default_factory=dict)  # pattern hits
    alone: list[bool] = field(default_factory=list)  # lines never wrapped with others
    units: list[Unit] = field(default_factory=list)
    stopwords: frozenset[str] = frozenset()
    trusted: bool = False  # the stoplist covers enough of the text for density to count
    runs_matter: bool = False  # blank lines separate paragraphs (not every line, nor none)
    credits: frozenset[int] = frozenset()  # units a pattern called captions
    fields: frozenset[int] = frozenset()  # units a run of parallel entries prints in each
    first_good: int = 0  # the first paragraph of the body (len(units) when none)
    record_title: str | None = None  # the record's own title field the page was read with
    title_at: int | None = None  # the title's unit
    title_tokens: frozenset[str] = frozenset()  # the title's words (the field's, or the line's)
    opens_with_paragraph: bool = False  # the text opens with its first paragraph: no header
    tail: int = 0  # the first unit of the trailing zone (link lists, tags)
    last: int | None = None  # the trailing zone's start when a body stands above it

    @classmethod
    def read(cls, lines: Sequence[str]) -> Page:
        """The page of `lines`: its runs and its non-blank lines, nothing judged yet."""
        runs = segment.runs(lines)
        nonblank = {i: make_line(i, lines[i].strip()) for run in runs for i in run}
        return cls(lines, runs, nonblank)

    def is_bad(self, k: int) -> bool:
        """Unit k has been called boilerplate."""
        return self.units[k].reason is not None

    def protected(self, k: int) -> bool:
        """Unit k is content that reads like a sentence (never the trailing zone's)."""
        return self.units[k].reason is None and self.units[k].shape is not Shape.SHORT

    def first_good_after(self, floor: int) -> int:
        """The first long content paragraph from unit `floor` on, else the first protected."""
        units = self.units
        good = next((k for k in range(floor, len(units))
                     if units[k].shape is Shape.GOOD and not self.is_bad(k)), None)
        if good is None:
            good = next((k for k in range(floor, len(units)) if self.protected(k)), len(units))
        return good

    def release(self, unit: Unit) -> None:
        """`unit` is content after all: its reason and the pattern hit that gave it dropped
        (a later stage then judges it as any unmatched line)."""
        unit.reason, unit.matched, unit.label = None, False, False
        self.matched.pop(unit.first.index, None)

    def title_unit(self) -> Unit | None:
        """The unit the cleaner took for the title, while it is still content."""
        if self.title_at is None or self.units[self.title_at].reason is not None:
            return None
        return self.units[self.title_at]

    def run_units(self) -> list[list[Unit]]:
        """The units of each run, in order."""
        out: list[list[Unit]] = [[] for _ in self.runs]
        for u in self.units:
            out[u.run].append(u)
        return out

    def reasons(self) -> list[Reason | None]:
        """One entry per line: the reason of the unit that holds it, or None."""
        out: list[Reason | None] = [None] * len(self.lines)
        for u in self.units:
            if u.reason is not None:
                for ln in u.lines:
                    out[ln.index] = u.reason
        return out
