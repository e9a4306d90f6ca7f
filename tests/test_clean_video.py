"""A video embed's headline and its repeat with a running time are a related link."""

from __future__ import annotations

import time

from tests.clean_helpers import reasons_by_line
from tui.text.boilerplate_rules import BoilerplateRules
from tui.text.clean_video import RUNNING_TIME
from tui.text.model import Reason

BODY = [
    "The convention kicked off on Monday without its outgoing chairwoman, who was jeered.",
    "Sanders tried to quell some of his dissatisfied supporters at a rally before his speech.",
    "Wasserman Schultz announced on Sunday that she is stepping down at the end of the week.",
    "Former campaign manager Jeff Weaver tried to show a unified party on Monday morning.",
]
EMBED = "Sanders booed after voicing support for Clinton"


def _article() -> list[str]:
    return ["Dems open convention without Wasserman Schultz", BODY[0], BODY[1], EMBED, "",
            f"{EMBED} 01:18", "Alternate plans", BODY[2], BODY[3]]


def test_the_embed_pair_is_related_and_the_heading_under_it_content(
        rules: BoilerplateRules) -> None:
    got = reasons_by_line(_article(), rules)
    assert got[EMBED] is Reason.RELATED
    assert got[f"{EMBED} 01:18"] is Reason.RELATED
    assert got["Alternate plans"] is None


def test_a_line_repeated_without_a_running_time_is_not_an_embed(
        rules: BoilerplateRules) -> None:
    lines = ["Dems open convention without Wasserman Schultz", BODY[0], BODY[1],
             "Sanders booed after voicing support", "", f"{EMBED} on Monday", BODY[2], BODY[3]]
    assert reasons_by_line(lines, rules)["Sanders booed after voicing support"] is None


def test_the_running_time_pattern_is_linear() -> None:
    for text in ("1" * 50_000, "1:" * 25_000, "11:" * 20_000 + "x"):
        start = time.perf_counter()
        RUNNING_TIME.fullmatch(text)
        assert time.perf_counter() - start < 0.05


def test_a_players_line_holding_the_headline_and_its_timed_copy_are_related(
        rules: BoilerplateRules) -> None:
    player = "Play Could Ellison be the next DNC chair? Facebook Twitter Google Plus Embed"
    timed = "Could Ellison be the next DNC chair? 5:26"
    lines = ["Dems open convention without Wasserman Schultz", BODY[0], BODY[1], player,
             timed, BODY[2], BODY[3]]
    got = reasons_by_line(lines, rules)
    assert got[player] is Reason.RELATED
    assert got[timed] is Reason.RELATED
    assert all(got[b] is None for b in BODY)


def test_a_paragraph_naming_a_time_after_a_headline_phrase_stays(
        rules: BoilerplateRules) -> None:
    para = ("Delegates asked whether Ellison could be the next DNC chair before the vote, and "
            "the chairwoman said the count would be announced in the evening.")
    timed = "Ellison could be the next DNC chair 5:26"
    lines = ["Dems open convention without Wasserman Schultz", BODY[0], para, timed, BODY[2]]
    assert reasons_by_line(lines, rules)[para] is None
