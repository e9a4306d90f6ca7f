"""Date lines and teaser links on real page shapes: what they are stripped as (lines written
for the test)."""

from __future__ import annotations

import pytest

from tui.config import load_config
from tui.text.boilerplate_rules import BoilerplateRules
from tui.text.clean import classify
from tui.text.model import Reason, Record
from tui.text.pipeline import analyse

BODY = [
    "The city council approved the new budget on Monday after a long debate over transport.",
    "",
    "Councillors agreed to spend more on buses and less on road widening next year.",
    "",
    "The mayor said the plan would be reviewed in the spring, once the first figures are in.",
]


def _reason(line: str, rules: BoilerplateRules) -> Reason | None:
    lines = ["Council approves the new budget", "", line, "", *BODY]
    return classify(lines, rules)[2]


@pytest.mark.parametrize("line", [
    "New Delhi, City Desk Bureau | Updated : 19 November 2019, 09:01 AM",
    "Jakarta, Redaksi | Diperbarui: 3 Maret 2020 14:05 WIB",
    "First Published: Tuesday, November 19, 2019 08:38 AM",
])
def test_a_date_line_is_a_byline(line: str, rules: BoilerplateRules) -> None:
    assert _reason(line, rules) is Reason.BYLINE


@pytest.mark.parametrize("line", [
    "Maharashtra | Parties agree on a coalition, say reports - Read More »»",
    "Flood waters recede in the north — Continue reading",
    "Harga cabai naik lagi menjelang Lebaran Baca selengkapnya »",
])
def test_a_headline_with_its_link_is_related(line: str, rules: BoilerplateRules) -> None:
    assert _reason(line, rules) is Reason.RELATED


@pytest.mark.parametrize("line", [
    "First published in The Local Review, a weekly paper of the valley.",
    "Residents who want to read more can find the full plan at the town hall - it is free.",
])
def test_lines_like_them_are_not_taken(line: str, rules: BoilerplateRules) -> None:
    assert _reason(line, rules) is not Reason.BYLINE
    assert _reason(line, rules) is not Reason.RELATED


def test_a_first_published_date_is_the_date_not_the_credit() -> None:
    text = "\n".join(["Council approves the new budget", "", *BODY, "",
                      "First Published: Tuesday, November 19, 2019 08:38 AM"])
    doc = analyse(Record(id="r1", title=None, text=text), load_config().analysis)
    assert doc.meta.credit is None
    assert doc.meta.date == "Tuesday, November 19, 2019 08:38 AM"
