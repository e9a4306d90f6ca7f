"""Where a page's closing block starts: a thread's header, never a button or a menu entry."""

from __future__ import annotations

import pytest

from tui.text.boilerplate_rules import BoilerplateRules
from tui.text.clean import classify
from tui.text.model import Reason

HEADLINE = "Council approves new bus lanes for the city centre"
STANDFIRST = ("The council voted on Tuesday to add bus lanes on four main roads, "
              "a plan that has divided shop owners and commuters for two years.")
BODY = [
    "The first lanes will open in March on the road between the station and the market.",
    "Shop owners said the loss of parking spaces would cost them customers in the busy months.",
    "Commuters who spoke to the council said their journeys had grown longer every year.",
    "The plan will be reviewed after twelve months, when traffic counts are published.",
]


def _spaced(lines: list[str]) -> list[str]:
    out: list[str] = []
    for ln in lines:
        out += [ln, ""]
    return out


def _content_kept(lines: list[str], rules: BoilerplateRules) -> bool:
    reasons = dict(zip(lines, classify(lines, rules), strict=True))
    return all(reasons[b] is None for b in BODY)


@pytest.mark.parametrize("strip", [
    ["Facebook", "Twitter", "Comments", "Print", "Email"],  # a share bar
    ["Tweet", "Share", "Comment"],                           # the bar ends with it
    ["News", "Sport", "Comment", "Finance", "Travel"],       # a menu's "Comment" section
])
def test_a_bare_comments_button_in_a_strip_does_not_close_the_article(
        strip: list[str], rules: BoilerplateRules) -> None:
    lines = [HEADLINE, "", STANDFIRST, "", *strip, "", *_spaced(BODY)]
    assert _content_kept(lines, rules)


@pytest.mark.parametrize("header", [
    ["Comments", "comments"],   # a heading over its counter link
    ["3 Comments"],             # a counted header beside a share button
    ["(42) Comments"],
    ["[ 167 comments ]"],
    ["Top Rated Comments"],
    ["Komentar Terbaru"],
    ["Comment via Facebook Comment via Sputnik"],  # a comment widget's buttons
    ["All comments"],
    ["Show more comments (20)"],
    ["Join the discussion"],
])
def test_a_thread_header_still_closes_the_page(header: list[str],
                                               rules: BoilerplateRules) -> None:
    thread = ["Jane Doe on March 3, 2024 at 9:12 am said:",
              "I drive this road every day and the lanes will not help anyone at all.",
              "Reply"]
    lines = [HEADLINE, "", *_spaced(BODY), "Share", *header, "", *_spaced(thread)]
    reasons = dict(zip(lines, classify(lines, rules), strict=True))
    assert all(reasons[b] is None for b in BODY)
    assert reasons[thread[1]] is Reason.OTHER


def test_the_body_speaking_of_comments_does_not_close_the_page(
        rules: BoilerplateRules) -> None:
    said = "Show more comments like these, the mayor said, and the plan will be dropped."
    lines = [HEADLINE, "", *_spaced(BODY[:2]), said, "", *_spaced(BODY[2:])]
    reasons = dict(zip(lines, classify(lines, rules), strict=True))
    assert all(reasons[b] is None for b in [*BODY, said])


def test_a_comments_link_printed_under_each_part_of_the_story_closes_nothing(
        rules: BoilerplateRules) -> None:
    lines = [HEADLINE, "", STANDFIRST, "", *_spaced(BODY[:2]), "Comments", "",
             *_spaced(BODY[2:]), "Comments", "", "Something to Consider"]
    assert _content_kept(lines, rules)


def _gallery_page(lead_in: list[str]) -> list[str]:
    """A short photo story whose last paragraph runs into a lead-in, then the tags."""
    return [HEADLINE, "", "By Ada Obi", "October 6, 2021",
            "Photos shared online show the new lanes painted red along the station road.",
            "The council said drivers would get two weeks of warnings before any fines.",
            "Shop owners on the road posed for pictures with the first buses to use them.",
            *lead_in, "Tags:", "Transport City News", "", "Facebook", "Twitter", "",
            "You may like these posts", "", "Post a Comment"]


def test_a_lead_in_to_photos_closing_the_last_paragraph_is_content(
        rules: BoilerplateRules) -> None:
    lines = _gallery_page(["See more photos:"])
    reasons = dict(zip(lines, classify(lines, rules), strict=True))
    assert reasons["See more photos:"] is None
    assert reasons["Transport City News"] is not None


def test_a_gallery_button_after_the_last_paragraph_is_boilerplate(
        rules: BoilerplateRules) -> None:
    # No colon: a button to the site's gallery, not a lead-in of the writer's.
    lines = _gallery_page(["See more photos"])
    reasons = dict(zip(lines, classify(lines, rules), strict=True))
    assert reasons["See more photos"] is not None


LONG_BODY = [
    "Despite the promises made at the launch, the council has a record of road schemes that "
    "ran over budget and past their deadlines, and the bus lanes will be paid for from the "
    "same fund that was emptied by the last two projects.",
    "The council's refusal to publish the traffic study it commissioned last spring should "
    "worry anyone who drives into the centre, since the study is the only evidence that the "
    "lanes will shorten journeys rather than lengthen them.",
    "Shop owners on the market road have asked for the parking spaces to be moved rather than "
    "removed, and the council has said it will consider the request once the first lanes open "
    "and the effect on trade can be measured.",
]


def test_a_comments_link_in_the_middle_of_the_story_does_not_swallow_the_rest(
        rules: BoilerplateRules) -> None:
    subhead = "A plan that pays for itself?"
    lines = [HEADLINE, "", *_spaced(BODY), "SEE ALL COMMENTS",
             *_spaced(LONG_BODY[:2]), subhead, "", *_spaced(LONG_BODY[2:])]
    reasons = dict(zip(lines, classify(lines, rules), strict=True))
    assert all(reasons[b] is None for b in [*BODY, *LONG_BODY, subhead])
    assert reasons["SEE ALL COMMENTS"] is not None


def test_long_comments_under_their_writers_names_still_close_the_page(
        rules: BoilerplateRules) -> None:
    thread = ["Jane Doe March 3, 2024", LONG_BODY[0], "Tom Brown March 4, 2024", LONG_BODY[1],
              "Ann Lee March 4, 2024", LONG_BODY[2]]
    lines = [HEADLINE, "", *_spaced(BODY), "SEE ALL COMMENTS", "", *_spaced(thread)]
    reasons = dict(zip(lines, classify(lines, rules), strict=True))
    assert all(reasons[b] is None for b in BODY)
    assert all(reasons[c] is Reason.OTHER for c in LONG_BODY)
