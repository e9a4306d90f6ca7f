"""What the cleaner makes of test lines, by line (shared by the cleaning tests)."""

from __future__ import annotations

from tui.text.boilerplate_rules import BoilerplateRules
from tui.text.clean import classify
from tui.text.model import Reason


def reasons_by_line(lines: list[str], rules: BoilerplateRules) -> dict[str, Reason | None]:
    """Stripped non-blank line -> its reason (the last occurrence wins for repeats)."""
    return {ln.strip(): r for ln, r in zip(lines, classify(lines, rules), strict=True)
            if ln.strip()}
