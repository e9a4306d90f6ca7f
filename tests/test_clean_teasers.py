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


AFGHAN = [
    "Two United States service members have been killed in a helicopter crash in "
    "Afghanistan, the US military said in a statement on Wednesday.",
    "\"The cause of the crash is under investigation,\" the statement said, adding that "
    "early reports did not point to enemy fire.",
    "",
    "More:",
    "",
    "Afghan woman politician sees Taliban talks as only hope",
    "",
    "Young people, including Taliban youth, must be heard: UN envoy",
    "",
    "China invites Taliban, Afghan officials for two-day talks",
    "",
    "It did not reveal the crash location and said it was withholding the names of those "
    "killed until next of kin could be told.",
    "The Taliban claimed responsibility for shooting down the helicopter, which it said "
    "crashed in Logar province south of the capital.",
]


def test_a_more_label_claims_headlines_set_one_to_a_paragraph(rules: BoilerplateRules) -> None:
    got = _reasons(AFGHAN, rules)
    assert got["More:"] is Reason.RELATED
    for headline in (AFGHAN[5], AFGHAN[7], AFGHAN[9]):
        assert got[headline] is Reason.RELATED, headline
    assert got[AFGHAN[11]] is None and got[AFGHAN[0]] is None


def test_a_label_over_one_heading_and_a_paragraph_claims_no_heading(
        rules: BoilerplateRules) -> None:
    lines = [*AFGHAN[:5], "What the crash means for the talks", "", *AFGHAN[11:]]
    assert _reasons(lines, rules)["What the crash means for the talks"] is None
