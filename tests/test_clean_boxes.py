"""Cards of other stories (headline, date, kicker, summary) under a box's own label."""

from __future__ import annotations

from tui.text.boilerplate_rules import BoilerplateRules
from tui.text.clean import classify
from tui.text.model import Reason

BODY = [
    "Council votes to close the old river bridge",
    "",
    "The city council voted on Monday night to close the old river bridge to lorries.",
    "",
    "Engineers found cracks in two of its piers during an inspection last month, it said.",
    "",
]
CARDS = ["Editors' Picks", "",
         "How a Ferry Company Is Building an Empire on the Lakes", "", "12 November 2019", "",
         "News", "", "Hundreds of new routes only begin to tell the story of the firm.", "",
         "Did the Mayor Divert Funds to Cover the Festival?", "", "8 October 2019", "",
         "Fact Check", "", "A routine review of the city's accounts.", "",
         "Was a Bear Seen in the Harbour Last Week?", "", "1 November 2019", ""]


def test_cards_under_a_box_label_are_related(rules: BoilerplateRules) -> None:
    lines = [*BODY, *CARDS, "Misinformation is a real threat. We need your help."]
    reasons = classify(lines, rules)
    for k, text in enumerate(lines):
        if text and text in CARDS:
            assert reasons[k] is not None, text
    for text in ("News", "Fact Check", "A routine review of the city's accounts.",
                 "Was a Bear Seen in the Harbour Last Week?"):
        assert reasons[lines.index(text)] is Reason.RELATED, text


def test_the_body_going_on_under_a_box_stays(rules: BoilerplateRules) -> None:
    after = ["Travel disruption", "",
             "Trains between the two towns will not run until at least midday on Tuesday.", "",
             "The bridge was closed to high-sided vehicles."]
    lines = [*BODY, "More on this story", "", "Why are bridges inspected every year?", "",
             *after]
    reasons = classify(lines, rules)
    assert reasons[lines.index("Why are bridges inspected every year?")] is Reason.RELATED
    for text in after:
        if text:
            assert reasons[lines.index(text)] is None, text


def test_a_quote_after_a_box_stays(rules: BoilerplateRules) -> None:
    quote = "\"He is a fine engineer and has built bridges in five countries,\" the mayor said."
    lines = [*BODY, "More from the city", "", "Flood barrier opens a year late", "",
             "Market traders move to the square", "", quote, "", "Club statement", "",
             "The council said the bridge would reopen to cars by the spring of next year."]
    reasons = classify(lines, rules)
    assert reasons[lines.index("Market traders move to the square")] is Reason.RELATED
    assert reasons[lines.index(quote)] is None


def test_a_related_link_with_its_headline_heads_no_box(rules: BoilerplateRules) -> None:
    heading = "WHAT YOU NEED TO BUILD THE SHED"
    lines = [*BODY, "Related post: Painting a Garden Fence", "", heading, "",
             "Can you build a shed with one saw? A drill? Nobody told me. Help!", "",
             "The short answer is that you need a level, a saw and a free weekend in spring."]
    reasons = classify(lines, rules)
    assert reasons[lines.index("Related post: Painting a Garden Fence")] is Reason.RELATED
    assert reasons[lines.index(heading)] is None


def test_a_bare_label_still_heads_its_box(rules: BoilerplateRules) -> None:
    lines = [*BODY, "Related posts", "", "Painting an Old Garden Fence", "",
             "Ten Tools for a Small Workshop", "",
             "The short answer is that you need a level, a saw and a free weekend in spring."]
    reasons = classify(lines, rules)
    assert reasons[lines.index("Painting an Old Garden Fence")] is Reason.RELATED


def test_a_lead_in_under_a_box_label_opens_the_articles_own_list(
        rules: BoilerplateRules) -> None:
    # "Here are the key points:" introduces the article's list, never a card of the box.
    own = ["Here are the key points of the inspection:", "",
           "\"The cracks are deeper than we thought\"", "",
           "The engineers told the council the cracks had grown since the spring survey.", "",
           "They said the piers could be repaired, but not before the winter floods."]
    lines = [*BODY, "More on this story", "", *own]
    reasons = classify(lines, rules)
    for text in own[:3]:
        if text:
            assert reasons[lines.index(text)] is None, text


def test_a_headline_card_ending_a_box_stays_related(rules: BoilerplateRules) -> None:
    # Without the colon the line is one more card's headline.
    lines = [*BODY, "More on this story", "", "Here are the key points of the inspection", "",
             "Why are bridges inspected every year?", "",
             "The engineers told the council the cracks had grown since the spring survey."]
    reasons = classify(lines, rules)
    assert reasons[lines.index("Here are the key points of the inspection")] is Reason.RELATED
