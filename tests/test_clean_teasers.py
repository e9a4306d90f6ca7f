"""Teaser lists: other stories' headlines each over a relative time are related links, in
every language the time words cover; one headline over one time is an article's header."""

from __future__ import annotations

import pytest
from clean_helpers import reasons_by_line as _reasons

from tui.text.boilerplate_rules import BoilerplateRules
from tui.text.model import Reason

BODY = [
    "Health officials said on Tuesday that a sixth person had died of the virus this year, "
    "the highest number the state has recorded in a decade.",
    "",
    "The officials urged residents to use insect repellent and to stay indoors at dusk "
    "until the first hard frost of the season.",
]


@pytest.mark.parametrize("times", [
    ("1 hour ago", "7 hours ago"),
    ("2 jam lalu", "5 jam yang lalu"),
    ("vor 3 Stunden", "vor 9 Stunden"),
    ("hace 2 horas", "hace 6 horas"),
])
def test_headlines_over_relative_times_are_teasers(
        times: tuple[str, str], rules: BoilerplateRules) -> None:
    teasers = ["Weather Watch: Patchy Fog Lingers Over The Lakes Tonight",
               "Weather Watch: Sunshine Returns Before A Cold Weekend"]
    lines = ["Sixth Death Linked To Mosquito Virus", "", *BODY, "", "Weather Stories", "",
             teasers[0], times[0], teasers[1], times[1]]
    got = _reasons(lines, rules)
    assert all(got[t] is Reason.RELATED for t in teasers)
    assert all(got[t] is Reason.RELATED for t in times)
    assert all(got[b] is None for b in BODY if b)


def test_one_headline_over_one_time_is_the_articles_header(rules: BoilerplateRules) -> None:
    headline = "Sixth Death Linked To Mosquito Virus"
    got = _reasons([headline, "1 hour ago", "", *BODY], rules)
    assert got[headline] is None
