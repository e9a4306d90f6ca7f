"""Headline/advertiser pairs under a sponsored label are adverts (pages for the test)."""

from __future__ import annotations

import pytest

from tui.text.boilerplate_rules import BoilerplateRules
from tui.text.clean import classify
from tui.text.model import Reason

BODY = [
    "Council approves new budget for road repairs",
    "",
    "The city council approved a budget on Tuesday that doubles spending on road repairs.",
    "",
    "Work on the worst streets will begin in spring, the mayor said after the vote.",
    "",
]
PAIRS = ["24 Discounts Seniors Are Entitled To", "iLoveRetirement",
         "Card Offers Zero Interest Until Next Year", "The Ascent",
         "Forget Amazon; Here's a Better Stock to Buy", "The Motley Fool"]
AFTER = ["", "Residents can comment on the plans at the library until the end of the month."]


@pytest.mark.parametrize("label", ["YOU MAY LIKE", "Sponsored", "Gesponsert", "Patrocinado",
                                   "Bersponsor", "Ditaja"])
def test_pairs_under_a_sponsored_label_are_adverts(rules: BoilerplateRules, label: str) -> None:
    lines = [*BODY, label, "", "Ad Microsoft", "", *PAIRS, *AFTER]
    reasons = classify(lines, rules)
    start = lines.index("Ad Microsoft")
    for k in range(start, start + 2 + len(PAIRS)):
        if lines[k]:
            assert reasons[k] is Reason.ADVERT, (lines[k], reasons[k])
    assert reasons[-1] is None


def test_pairs_one_unit_each_are_adverts_too(rules: BoilerplateRules) -> None:
    lines = [*BODY, "Sponsored", ""]
    for head, name in zip(PAIRS[::2], PAIRS[1::2], strict=True):
        lines += [head, "", name, ""]
    lines += AFTER
    reasons = classify(lines, rules)
    for text in PAIRS:
        assert reasons[lines.index(text)] is Reason.ADVERT, text


def test_pairs_without_a_label_stay_content(rules: BoilerplateRules) -> None:
    lines = [*BODY, "Two projects come first:", "", "Repaving the whole of Main Street",
             "North district", "Fixing the bridge joints on Elm Avenue", "South district", "",
             "The mayor said the money comes from last year's surplus.", *AFTER]
    reasons = classify(lines, rules)
    for text in ("Repaving the whole of Main Street", "North district",
                 "Fixing the bridge joints on Elm Avenue", "South district"):
        assert reasons[lines.index(text)] is None, text


def test_advertisers_names_over_their_resources_are_adverts(rules: BoilerplateRules) -> None:
    names = ["Acme Storage", "Cloud Backup Learning Center", "Bolt Security",
             "Email Security Showcase", "Tintco", "Toner and Ink"]
    lines = [*BODY, "From our advertisers", ""]
    for name in names:
        lines += [name, ""]
    lines += AFTER
    reasons = classify(lines, rules)
    for text in ["From our advertisers", *names]:
        assert reasons[lines.index(text)] is Reason.ADVERT, text
    assert reasons[-1] is None
