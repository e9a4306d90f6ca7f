"""Wire source lines and the notices of a page's boxes are boilerplate; body lines alike stay."""

from __future__ import annotations

import pytest

from tui.text.boilerplate_rules import BoilerplateRules
from tui.text.model import Reason


@pytest.mark.parametrize("line", ["Reuters, Washington,", "PTI, Washington,",
                                  "PTI, New Delhi,", "IANS, Mumbai"])
def test_a_wire_source_line_is_a_byline(rules: BoilerplateRules, line: str) -> None:
    assert rules.match(line) == (Reason.BYLINE, True)


@pytest.mark.parametrize("line", ["Reuters reported from Washington on Monday.",
                                  "PTI, the agency, said the talks had ended."])
def test_a_sentence_about_an_agency_is_no_byline(rules: BoilerplateRules, line: str) -> None:
    hit = rules.match(line)
    assert hit is None or hit[0] is not Reason.BYLINE
