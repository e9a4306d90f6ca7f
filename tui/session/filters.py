"""Which articles the list shows by triage: all, one decision, the undecided, or one label."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.dumps.store import DECISIONS, Decision

UNDECIDED = "undecided"
ALL = "all"


@dataclass(frozen=True, slots=True)
class ListFilter:
    """Which rows a triage filter keeps: all, one decision, undecided, or one label."""

    decision: str = ALL  # ALL, UNDECIDED or one of DECISIONS
    label: str | None = None

    @property
    def name(self) -> str:
        """How the filter is named to the user."""
        if self.label is not None:
            return f"label {self.label}"
        return {ALL: "all articles", UNDECIDED: "undecided"}.get(self.decision, self.decision)

    def keeps(self, decision: Decision | None) -> bool:
        """Whether an article with this decision (None: never annotated) is kept."""
        if self.label is not None:
            return decision is not None and self.label in decision.labels
        if self.decision == ALL:
            return True
        current = decision.decision if decision is not None else None
        if self.decision == UNDECIDED:
            return current is None
        return current == self.decision


def filter_choices(labels: Sequence[str]) -> list[ListFilter]:
    """Every filter the reader offers, in menu order."""
    return [ListFilter(), ListFilter(UNDECIDED), *(ListFilter(d) for d in DECISIONS),
            *(ListFilter(label=label) for label in labels)]
