"""Headlines each over a byline and a time stamp, in a row, are other stories' links."""

from __future__ import annotations

from tui.text.boilerplate_rules import BoilerplateRules
from tui.text.clean import classify
from tui.text.model import Reason

BODY = [
    "Son of former president stabbed to death in Berlin",
    "",
    "By JERUSALEM POST STAFF",
    "NOVEMBER 20, 2019 10:43",
    "The son of a former president was stabbed to death while giving a lecture on Tuesday.",
    "The stabbing occurred during a presentation at a clinic where he worked as a doctor.",
    "",
]
LATEST = ["11 dead in strike on Syria - reports", "", "By REUTERS", "11/20/2019 09:39 AM", "",
          "Government will protect citizens, minister says", "", "By JERUSALEM POST STAFF",
          "11/20/2019 08:11 AM", "", "China condemns Senate measure on Hong Kong rights", "",
          "By REUTERS", "11/20/2019 04:06 AM", "",
          "Head of National Emergency Authority steps down", "", "By JERUSALEM POST STAFF",
          "11/19/2019 07:57 PM", ""]


def test_a_run_of_bylined_headlines_is_related(rules: BoilerplateRules) -> None:
    lines = [*BODY, *LATEST, "Subscribe for our daily newsletter"]
    reasons = classify(lines, rules)
    for k in range(len(BODY), len(BODY) + len(LATEST)):
        if lines[k]:
            assert reasons[k] is Reason.RELATED, (lines[k], reasons[k])
    assert reasons[4] is None and reasons[5] is None


def test_a_list_of_people_and_their_roles_stays(rules: BoilerplateRules) -> None:
    people = ["Who is advising the campaign", "", "Carlos Gutierrez",
              "Under secretary of commerce for the president; director in the White House",
              "Mary Smith Jones", "Former adviser to the governor on health and schools",
              "Peter Brown", "Political director of the party for eight years in a row",
              "Anna Lee", "Chief of staff to the senator during two terms in office"]
    lines = [*BODY, *people, "", "The campaign said more names would follow next week."]
    reasons = classify(lines, rules)
    for text in people[3::2]:
        assert reasons[lines.index(text)] is None, text


def test_bylined_headlines_each_with_a_summary_are_related(rules: BoilerplateRules) -> None:
    """Cards of headline / author / date / one-line summary; the body's paragraphs after a
    lone dated headline stay."""
    cards: list[str] = []
    for headline, author, summary in [
        ("Prince struggles to dispel claims after his interview", "Rob Crilly",
         "The television interview was meant to set the record straight, and it did not."),
        ("What made the clown film so popular this autumn", "Madeline Fry",
         "The film killed at the box office for a third week in a row."),
        ("Witness is the only one so far with a real gripe", "Eddie Scarry",
         "After three days of hearings, one witness has emerged with a real grievance."),
    ]:
        cards += [headline, "", author, "Tuesday November 19, 2019", summary, ""]
    lines = [*BODY, "More from the Examiner", "", *cards, "Subscribe for our daily newsletter"]
    reasons = classify(lines, rules)
    for k, text in enumerate(lines):
        if text and text in cards[:-2]:
            assert reasons[k] is Reason.RELATED, (text, reasons[k])
    assert reasons[4] is None and reasons[5] is None
