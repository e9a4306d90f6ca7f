"""Embedded posts quoted in the body: author line, post and time stamp stay content, the
widget's follow button and counts are share furniture (written for the test)."""

from __future__ import annotations

import pytest
from clean_helpers import reasons_by_line as _reasons

from tui.text.boilerplate_rules import BoilerplateRules
from tui.text.clean import classify
from tui.text.clean_quotes import POST_STAMP
from tui.text.model import Reason

LEAD = [
    "The mayor took to social media late on Monday to defend the new parking rules, two "
    "days after the council voted to suspend them.",
    "",
    "In the posts, the mayor says the rules raised money for the city's parks, a claim "
    "the council's own figures do not bear out.",
    "",
]
AUTHOR = "Jane Q. Mayor ? @MayorJaneQ"
POSTS = [
    "The parking rules paid for three new playgrounds and nobody in the press will say so!",
    "Every cent of the parking money went to the parks. Check the numbers yourself!",
]
STAMPS = ["9:53 PM - 26 Dec 2016", "10:06 PM - 26 Dec 2016"]
COUNTS = ["  1,531 1,531 Retweets   6,569 6,569 likes", "  490 490 Retweets   7,105 7,105 likes"]
AFTER = [
    "",
    "Despite the mayor's claims, reports by the city auditor show the parking money went "
    "mostly to the general fund, not to the parks department.",
    "",
    "The council is expected to vote again on the rules when it meets next month.",
]


def _article() -> list[str]:
    """Two embedded posts by the same author between the body's paragraphs."""
    lines = list(LEAD)
    for post, stamp, counts in zip(POSTS, STAMPS, COUNTS, strict=True):
        lines += [" Follow", f" {AUTHOR}", post, stamp, counts]
    return lines + AFTER


def test_an_embedded_posts_author_line_and_stamp_stay_content(
        rules: BoilerplateRules) -> None:
    lines = _article()
    got = classify(lines, rules)
    for i, text in enumerate(lines):
        if text.strip() in (AUTHOR, *POSTS, *STAMPS):
            assert got[i] is None, text  # the second author line is no duplicate either


def test_the_widgets_follow_button_and_counts_are_share(rules: BoilerplateRules) -> None:
    got = _reasons(_article(), rules)
    assert got["Follow"] is Reason.SHARE
    assert all(got[c.strip()] is Reason.SHARE for c in COUNTS)


def test_a_time_stamp_without_a_post_above_is_still_judged_alone(
        rules: BoilerplateRules) -> None:
    # No author line over it: the stamp under a paragraph is not a post's.
    lines = [*LEAD, STAMPS[0], *AFTER]
    assert _reasons(lines, rules)[STAMPS[0]] is not None


@pytest.mark.parametrize("stamp", [*STAMPS, "9.53 am · Dec 26, 2016", "21:05 - 3 Januari 2020"])
def test_post_stamps(stamp: str) -> None:
    assert POST_STAMP.match(stamp)


@pytest.mark.parametrize("text", ["9:53 PM", "26 Dec 2016", "9:53 PM - today"])
def test_not_post_stamps(text: str) -> None:
    assert not POST_STAMP.match(text)


def test_a_quoted_tweets_signature_line_stays(rules: BoilerplateRules) -> None:
    """A tweet embedded as its text and a "— Name (@handle) date" line is quoted as evidence:
    both stay content."""
    signature = "— Jane Q. Mayor (@MayorJaneQ) November 18, 2019"
    lines = [*LEAD, POSTS[0] + " https://t.co/Nc0nKoXGBP", "", signature, "",
             "The council said it would publish the figures for every park by Friday."]
    reasons = classify(lines, rules)
    assert reasons[lines.index(signature)] is None
